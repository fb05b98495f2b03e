//! Text by key, kept in a file beside the build script's output between runs: the formatted
//! text of each emitted chunk, found by the chunk's key (what the chunk is made from, see
//! [`crate::emit::Chunk`]), and the JSON of each section of a YAML spec, found by the
//! section's text (see `load/sections.rs`).
//!
//! The file starts with a stamp of what else the text depends on (this generator's version and
//! the build of the program running it, see [`TextCache::stamp`]); a file with another stamp,
//! or one that does not read back, is an empty cache, never an error. An entry is looked up by
//! its key, compared whole (no hash that could collide), first at the same place
//! as in the last run, then among the entries of the same length. Only the entries of the last
//! run are written back, so the file does not grow with edits.

use std::collections::HashMap;

/// One entry: its key (what its text is made from) and the text.
#[derive(Debug)]
struct Entry {
    key: String,
    text: String,
}

/// Texts by their keys.
#[derive(Debug, Default)]
pub struct TextCache {
    /// What the last run left, in its order; `None` once taken by this run.
    known: Vec<Option<Entry>>,
    /// Indexes into `known` by the length of the key.
    by_length: HashMap<usize, Vec<usize>>,
    /// What this run used, in order: what the next run can reuse.
    used: Vec<Entry>,
}

impl TextCache {
    /// An empty cache: every text is made.
    pub fn new() -> TextCache {
        TextCache::default()
    }

    /// What the cached text depends on besides the keys: this generator (and prettyplease)
    /// as built into the running program. A rebuilt build script is a new file, with another
    /// size or modification time.
    pub fn stamp() -> String {
        let program = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|meta| (meta.len(), meta.modified().ok()))
            .ok();
        format!(
            "github-runners-codegen {} cache, program {program:?}",
            env!("CARGO_PKG_VERSION")
        )
    }

    /// Reads a cache written by [`TextCache::to_bytes`] with the same `stamp`.
    pub fn from_bytes(bytes: &[u8], stamp: &str) -> TextCache {
        let Some(known) = read_entries(bytes, stamp) else {
            return TextCache::new();
        };
        let mut by_length: HashMap<usize, Vec<usize>> = HashMap::new();
        for (index, entry) in known.iter().enumerate() {
            by_length.entry(entry.key.len()).or_default().push(index);
        }
        TextCache {
            known: known.into_iter().map(Some).collect(),
            by_length,
            used: Vec::new(),
        }
    }

    /// Whether the cache holds nothing from a last run (there was none, or it was made by
    /// another program).
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// The entries this run used, under `stamp`.
    pub fn to_bytes(&self, stamp: &str) -> Vec<u8> {
        let size: usize = self
            .used
            .iter()
            .map(|e| e.key.len() + e.text.len() + 24)
            .sum();
        let mut out = String::with_capacity(stamp.len() + 1 + size);
        out.push_str(stamp);
        out.push('\n');
        for entry in &self.used {
            out.push_str(&format!("{} {}\n", entry.key.len(), entry.text.len()));
            out.push_str(&entry.key);
            out.push_str(&entry.text);
        }
        out.into_bytes()
    }

    /// How many entries this run took from the cache.
    #[cfg(test)]
    pub fn hits(&self) -> usize {
        self.known.iter().filter(|entry| entry.is_none()).count()
    }

    /// The text with `key`: the cached one, or `make()`'s, remembered.
    pub fn text_of(
        &mut self,
        key: String,
        make: impl FnOnce() -> Result<String, String>,
    ) -> Result<String, String> {
        let text = match self.take(self.used.len(), &key) {
            Some(text) => text,
            None => make()?,
        };
        self.used.push(Entry {
            key,
            text: text.clone(),
        });
        Ok(text)
    }

    /// Takes the entry for `key`: the one at `place` if it matches, else any that does.
    fn take(&mut self, place: usize, key: &str) -> Option<String> {
        let matches = |entry: &Option<Entry>| entry.as_ref().is_some_and(|e| e.key == key);
        let index = if self.known.get(place).is_some_and(matches) {
            place
        } else {
            let same_length = self.by_length.get(&key.len())?;
            *same_length
                .iter()
                .find(|&&index| self.known.get(index).is_some_and(matches))?
        };
        self.known.get_mut(index)?.take().map(|entry| entry.text)
    }
}

/// The entries of a cache file, or `None` if it has another stamp or does not read back.
fn read_entries(bytes: &[u8], stamp: &str) -> Option<Vec<Entry>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut rest = text.strip_prefix(stamp)?.strip_prefix('\n')?;
    let mut entries = Vec::new();
    while !rest.is_empty() {
        let (header, after) = rest.split_once('\n')?;
        let (key_len, text_len) = header.split_once(' ')?;
        let key_len: usize = key_len.parse().ok()?;
        let text_len: usize = text_len.parse().ok()?;
        let key = after.get(..key_len)?;
        let text = after.get(key_len..key_len.checked_add(text_len)?)?;
        entries.push(Entry {
            key: key.to_owned(),
            text: text.to_owned(),
        });
        rest = after.get(key_len + text_len..)?;
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the chunk keyed `key`, formatted by `format` when it is not cached.
    fn text(
        cache: &mut TextCache,
        key: &str,
        format: fn(&str) -> Result<String, String>,
    ) -> Result<String, String> {
        cache.text_of(key.to_owned(), || format(key))
    }

    fn formatted(key: &str) -> Result<String, String> {
        Ok(format!("formatted {key}\n"))
    }

    fn never(_: &str) -> Result<String, String> {
        Err("formatted again".to_owned())
    }

    #[test]
    fn a_chunk_seen_in_the_last_run_is_not_formatted_again() {
        let mut first = TextCache::new();
        let a = text(&mut first, "struct A;", formatted);
        assert_eq!(a.as_deref(), Ok("formatted struct A;\n"));
        let _ = text(&mut first, "struct B;", formatted);
        let bytes = first.to_bytes("stamp");

        // B moved first, A second: both found, neither formatted again.
        let mut second = TextCache::from_bytes(&bytes, "stamp");
        let b = text(&mut second, "struct B;", never);
        assert_eq!(b.as_deref(), Ok("formatted struct B;\n"));
        let a = text(&mut second, "struct A;", never);
        assert_eq!(a.as_deref(), Ok("formatted struct A;\n"));
        assert_eq!(second.hits(), 2);
        assert!(
            text(&mut second, "struct C;", never).is_err(),
            "a new chunk is formatted"
        );
        assert!(
            text(&mut second, "struct A;", never).is_err(),
            "an entry serves one chunk"
        );
    }

    #[test]
    fn another_stamp_or_a_damaged_file_is_an_empty_cache() {
        let mut cache = TextCache::new();
        let _ = text(&mut cache, "struct A;", formatted);
        let bytes = cache.to_bytes("one");
        assert!(TextCache::from_bytes(&bytes, "two").known.is_empty());
        assert_eq!(TextCache::from_bytes(&bytes, "one").known.len(), 1);
        let cut = &bytes[..bytes.len() - 3];
        assert!(TextCache::from_bytes(cut, "one").known.is_empty());
        assert!(TextCache::from_bytes(b"\xff\xfe", "one").known.is_empty());
    }

    #[test]
    fn only_the_chunks_of_the_last_run_are_kept() {
        let mut first = TextCache::new();
        let _ = text(&mut first, "struct A;", formatted);
        let _ = text(&mut first, "struct B;", formatted);
        let mut second = TextCache::from_bytes(&first.to_bytes("s"), "s");
        let _ = text(&mut second, "struct B;", formatted);
        let third = TextCache::from_bytes(&second.to_bytes("s"), "s");
        assert_eq!(third.known.len(), 1);
    }
}
