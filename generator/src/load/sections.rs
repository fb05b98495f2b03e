//! A YAML spec read section by section, each section's JSON kept in the build script's cache,
//! so that a rerun after an edit parses the section it changed and reads the rest as JSON.
//! (`Config::generate` does so from the second run of a build script on: a clean build reads
//! the spec whole and keeps no sections.)
//!
//! At opt-level 0 the YAML parser is most of a rerun's work: for the curated spec, a rerun
//! after editing one summary spent three fifths of its instructions parsing the whole file
//! again. Reading JSON (`serde_json`) costs a fifth of parsing the same data as YAML.
//!
//! The split is textual and conservative. A block mapping is cut into its entries (top-level
//! keys, then the entries of each of their mappings, then one level further: a path item, a
//! component, an operation of a path item); each entry is parsed on its own, as the YAML
//! document it is (a root mapping may be indented), and the values are put back together in
//! order. Whatever the split cannot be sure of is parsed whole, as without a cache:
//! directives and document markers, a line at an entry's indentation that is not a plain key
//! (flow collections, complex keys), a key of a header that YAML would read as something other
//! than the text written (`null`, `true`, a number), an entry that does not parse on its own
//! (an alias of an anchor in another entry, a scalar that runs across entries), and a key given
//! twice. A document that is parsed whole gets its errors, with their places, from the whole
//! parse.

use super::yaml;
use crate::text_cache::TextCache;
use serde_json::{Map, Value};

/// How deep mappings are cut: top-level keys, their entries, and the entries of those.
const DEPTH: usize = 3;

/// Parses `text` to the JSON value [`yaml::to_json`] gives, section by section through
/// `cache`; a document the split cannot be sure of is parsed whole.
pub fn to_json(text: &str, cache: &mut TextCache) -> Result<Value, crate::diagnostic::Report> {
    if text.trim_start().starts_with('{') {
        return yaml::to_json(text);
    }
    let Some(lines) = lines(text) else {
        return yaml::to_json(text);
    };
    match split(text, &lines, text.len(), 0, 0).and_then(|entries| assemble(&entries, cache)) {
        Some(value) => Ok(value),
        None => yaml::to_json(text),
    }
}

/// A line of the document: where it starts, and the indentation of its content (`None` for
/// a blank or comment line).
struct Line {
    start: usize,
    indent: Option<usize>,
}

/// The lines of the document, or `None` when it has a directive, a document marker or a line
/// indented with a tab.
fn lines(text: &str) -> Option<Vec<Line>> {
    let mut lines = Vec::with_capacity(text.len() / 32);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        if matches!(bytes.first(), Some(b'%' | b'\t'))
            || bytes.starts_with(b"---")
            || bytes.starts_with(b"...")
        {
            return None;
        }
        let indent = bytes.iter().take_while(|byte| **byte == b' ').count();
        let content = !matches!(bytes.get(indent), None | Some(b'\n' | b'\r' | b'#'));
        lines.push(Line {
            start,
            indent: content.then_some(indent),
        });
        start += line.len();
    }
    Some(lines)
}

/// One entry of a mapping: its text (`Leaf`), or, for an entry whose value is a block mapping
/// that is cut further, its key and its entries (`Map`).
enum Node<'a> {
    Leaf(&'a str),
    Map {
        key: &'a str,
        entries: Vec<Node<'a>>,
    },
}

/// The entries of the block mapping of `lines` (of `text`, ending at byte `limit`), its keys
/// at `indent` spaces; `None` when a line does not fit that shape.
fn split<'a>(
    text: &'a str,
    lines: &[Line],
    limit: usize,
    indent: usize,
    depth: usize,
) -> Option<Vec<Node<'a>>> {
    let end_of = |index: usize| lines.get(index).map_or(limit, |line| line.start);
    let line_text = |index: usize| {
        text.get(lines[index].start..end_of(index + 1))
            .unwrap_or("")
    };
    let mut starts = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(at) = line.indent else {
            continue;
        };
        if at < indent {
            return None;
        }
        if at > indent {
            // Content before the first entry: not a mapping at this indentation.
            if starts.is_empty() {
                return None;
            }
            continue;
        }
        let rest = &line_text(index)[at..];
        // A sequence at the indentation of its key (`tags:` then `- name: …`) belongs to the
        // entry above.
        if rest.starts_with("- ") || rest.trim_end() == "-" {
            if starts.is_empty() {
                return None;
            }
            continue;
        }
        entry_key(rest)?;
        starts.push(index);
    }
    if starts.is_empty() {
        return None;
    }
    let mut nodes = Vec::with_capacity(starts.len());
    for (number, &start) in starts.iter().enumerate() {
        // Blank and comment lines before the first entry go with it.
        let begin = if number == 0 { 0 } else { start };
        let end = starts.get(number + 1).copied().unwrap_or(lines.len());
        let header = header_key(&line_text(start)[indent..]);
        let body = &lines[start + 1..end];
        let child_indent = body.iter().find_map(|line| line.indent);
        let nested = match (header, child_indent) {
            (Some(key), Some(child)) if depth + 1 < DEPTH && child > indent => {
                split(text, body, end_of(end), child, depth + 1)
                    .map(|entries| Node::Map { key, entries })
            }
            _ => None,
        };
        let leaf = || Node::Leaf(text.get(lines[begin].start..end_of(end)).unwrap_or(""));
        nodes.push(nested.unwrap_or_else(leaf));
    }
    Some(nodes)
}

/// The key of a line that starts a mapping entry with a plain key (`key: …` or `key:`), or
/// `None` when the line starts anything else.
fn entry_key(rest: &str) -> Option<&str> {
    let first = rest.chars().next()?;
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return None;
    }
    let colon = rest
        .match_indices(':')
        .map(|(at, _)| at)
        .find(|&at| rest[at + 1..].starts_with([' ', '\n', '\r']) || at + 1 == rest.len())?;
    let key = &rest[..colon];
    (!key.contains(" #") && !key.ends_with(' ')).then_some(key)
}

/// The key of a line that is only `key:` (its value is on the lines below), when that key is
/// read as the string written: not `null`, a boolean, a number or a special float.
fn header_key(rest: &str) -> Option<&str> {
    let key = entry_key(rest)?;
    let after = rest[key.len() + 1..].trim();
    if !(after.is_empty() || after.starts_with('#')) {
        return None;
    }
    // YAML drops a plain key's trailing tabs and reads other whitespace its own way.
    let plain = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '_')
        && key.chars().all(|c| c == ' ' || !c.is_whitespace());
    let special = matches!(
        key,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    );
    (plain && !special).then_some(key)
}

/// The value of the entries: each leaf from the cache (its JSON) or parsed (and its JSON
/// kept), put together in order; `None` when a leaf does not parse on its own or a key comes
/// twice.
fn assemble(entries: &[Node<'_>], cache: &mut TextCache) -> Option<Value> {
    let mut object = Map::new();
    for node in entries {
        match node {
            Node::Leaf(text) => {
                let Value::Object(leaf) = leaf_value(text, cache)? else {
                    return None;
                };
                for (key, value) in leaf {
                    if object.insert(key, value).is_some() {
                        return None;
                    }
                }
            }
            Node::Map { key, entries } => {
                let value = assemble(entries, cache)?;
                if object.insert((*key).to_owned(), value).is_some() {
                    return None;
                }
            }
        }
    }
    Some(Value::Object(object))
}

/// One entry's value: from its JSON in the cache, or parsed from its YAML (and its JSON
/// kept for the next run).
fn leaf_value(text: &str, cache: &mut TextCache) -> Option<Value> {
    let mut parsed = None;
    let json = cache
        .text_of(format!("yaml section\n{text}"), || {
            let value = yaml::to_json(text).map_err(|report| report.to_string())?;
            let json = serde_json::to_string(&value).map_err(|error| error.to_string())?;
            parsed = Some(value);
            Ok(json)
        })
        .ok()?;
    match parsed {
        Some(value) => Some(value),
        None => yaml::to_json(&json).ok(),
    }
}

#[cfg(test)]
mod tests;
