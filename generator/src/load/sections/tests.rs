//! Reading section by section gives the value (or the error) of reading the whole document:
//! on the curated spec and the corpus, after an edit, and on the shapes the split refuses.

use super::*;
use std::path::Path;

/// What the whole parse gives, as comparable text (the value, or the report).
fn whole(text: &str) -> String {
    match yaml::to_json(text) {
        Ok(value) => value.to_string(),
        Err(report) => format!("error: {report}"),
    }
}

/// What reading through `cache` gives, in the same form.
fn by_sections(text: &str, cache: &mut TextCache) -> String {
    match to_json(text, cache) {
        Ok(value) => value.to_string(),
        Err(report) => format!("error: {report}"),
    }
}

/// The cache a run leaves, read back as the next run reads it.
fn next_run(cache: &TextCache) -> TextCache {
    TextCache::from_bytes(&cache.to_bytes("stamp"), "stamp")
}

fn specs() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut specs = vec![root.join("spec/github-runners.yaml")];
    for dir in [
        "tests/corpus/good",
        "tests/corpus/bad",
        "tests/corpus/lenient",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .collect();
        files.sort();
        specs.extend(files);
    }
    specs
}

#[test]
fn every_spec_of_the_corpus_reads_the_same_in_a_first_run_and_a_rerun() {
    let specs = specs();
    assert!(specs.len() > 50, "{specs:?}");
    for path in specs {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let expected = whole(&text);
        let mut first = TextCache::new();
        assert_eq!(
            by_sections(&text, &mut first),
            expected,
            "{}",
            path.display()
        );
        let mut second = next_run(&first);
        assert_eq!(
            by_sections(&text, &mut second),
            expected,
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_rerun_after_editing_one_summary_parses_one_section_and_reads_the_same() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/github-runners.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut first = TextCache::new();
    let _ = by_sections(&text, &mut first);
    let sections = first.to_bytes("stamp").len();
    assert!(sections > text.len(), "every section is kept");
    let summary = "summary: List self-hosted runners for an organization";
    assert!(text.contains(summary));
    let edited = text.replacen(summary, &format!("{summary} (edited)"), 1);
    let mut second = next_run(&first);
    assert_eq!(by_sections(&edited, &mut second), whole(&edited));
    let mut parsed = 0;
    // The sections of the edited run that were not in the cache.
    let third = next_run(&second);
    let mut count = 0;
    if let Some(entries) =
        lines(&edited).and_then(|lines| split(&edited, &lines, edited.len(), 0, 0))
    {
        count_leaves(&entries, &mut count);
    }
    assert!(
        count > 100,
        "the curated spec is cut into many sections ({count})"
    );
    parsed += count - second.hits();
    assert_eq!(parsed, 1, "only the edited operation is parsed again");
    assert_eq!(third.hits(), 0);
}

fn count_leaves(nodes: &[Node<'_>], count: &mut usize) {
    for node in nodes {
        match node {
            Node::Leaf(_) => *count += 1,
            Node::Map { entries, .. } => count_leaves(entries, count),
        }
    }
}

#[test]
fn what_the_split_cannot_be_sure_of_reads_as_the_whole_document_does() {
    let cases = [
        // An alias of an anchor in another section.
        "a:\n  x: &shared {k: 1}\nb:\n  y: *shared\n",
        // The same key in two sections, and in two entries of one section.
        "a: 1\nb: 2\na: 3\n",
        "paths:\n  /x:\n    get: {}\n  /x:\n    put: {}\n",
        // A header YAML reads as null, a boolean or a number.
        "null:\n  a: 1\ntrue:\n  b: 2\n",
        "200:\n  a: 1\n'200':\n  b: 2\n",
        // Directives, document markers, flow collections and complex keys.
        "%YAML 1.2\n---\na: 1\n",
        "---\na: 1\n...\n",
        "{a: 1, b: 2}\n",
        "? [a, b]\n: c\nd: 1\n",
        "tags: [a,\nb]\n",
        // A sequence at the indentation of its key, and a root sequence.
        "tags:\n- name: a\n- name: b\nx: 1\n",
        "- a\n- b\n",
        // A quoted scalar running across entries.
        "a:\n  b: \"one\n  c: two\"\n  d: 3\n",
        // A block scalar, kept whole, and blank lines it keeps.
        "a:\n  b: |+\n    text\n\n\n  c: 1\n",
        // Tabs, comments, an indented root, an empty value, Windows line ends.
        "a:\n\tb: 1\n",
        "paths:\n  /orders\t:\n    get: {}\n",
        "# head\n\na: # note\n  # inside\n  b: 1\n# between\nc: 2\n",
        "  a: 1\n  b: 2\n",
        "a:\nb:\n  c:\n",
        "a:\r\n  b: 1\r\n  c: 2\r\n",
        // Numbers that must come back exactly from the cached JSON.
        "a:\n  f: 0.1\n  g: 3.141592653589793\n  h: 1e-7\n  i: 18446744073709551616\n  j: -9223372036854775808\n  k: .nan\n",
        // Merge keys within a section, and across sections.
        "a:\n  base: &b {x: 1}\n  child:\n    <<: *b\n    y: 2\n",
        "a:\n  base: &b {x: 1}\nc:\n  child:\n    <<: *b\n",
        // Broken YAML in one section: the whole document's error and place.
        "a:\n  b: 1\nc:\n  d: [\n",
    ];
    for text in cases {
        let expected = whole(text);
        let mut first = TextCache::new();
        assert_eq!(by_sections(text, &mut first), expected, "{text:?}");
        let mut second = next_run(&first);
        assert_eq!(by_sections(text, &mut second), expected, "{text:?} (rerun)");
    }
}

#[test]
fn keys_and_headers_are_recognised_only_in_their_plain_forms() {
    assert_eq!(entry_key("paths:\n"), Some("paths"));
    assert_eq!(
        entry_key("/orgs/{org}/runners: x\n"),
        Some("/orgs/{org}/runners")
    );
    assert_eq!(entry_key("url: http://x\n"), Some("url"));
    assert_eq!(entry_key("'quoted': 1\n"), None);
    assert_eq!(entry_key("- item\n"), None);
    assert_eq!(entry_key("http://x\n"), None);
    assert_eq!(
        header_key("components:  # all of them\n"),
        Some("components")
    );
    assert_eq!(header_key("paths: {}\n"), None);
    assert_eq!(header_key("True:\n"), None);
    assert_eq!(header_key("404:\n"), None);
}

/// A small deterministic generator of pseudo-random numbers (xorshift), for mutations.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound.max(1) as u64) as usize
    }
}

/// `text` with one line changed the way hand edits and broken files change them: removed,
/// duplicated, indented or outdented, or with a YAML-significant character put in.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return String::new();
    }
    let at = rng.below(lines.len());
    match rng.below(6) {
        0 => {
            lines.remove(at);
        }
        1 => {
            let line = lines[at].clone();
            lines.insert(at, line);
        }
        2 => lines[at].insert_str(0, "  "),
        3 => {
            let trimmed = lines[at].strip_prefix("  ").map(str::to_owned);
            if let Some(line) = trimmed {
                lines[at] = line;
            }
        }
        _ => {
            let characters = [
                "&a ", "*a", "'", "\"", "- ", "? ", "{", "[", "|", "#", ": ", "\t", "---",
            ];
            let insert = characters[rng.below(characters.len())];
            let line = &mut lines[at];
            let mut place = rng.below(line.len() + 1);
            while !line.is_char_boundary(place) {
                place -= 1;
            }
            line.insert_str(place, insert);
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn mutated_specs_read_the_same_section_by_section_as_whole() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let specs: Vec<String> = specs()
        .iter()
        .skip(1) // the curated spec is large; the corpus cases are small and varied
        .map(|path| std::fs::read_to_string(path).unwrap_or_default())
        .collect();
    for round in 0..600 {
        let base = &specs[rng.below(specs.len())];
        let mut text = mutate(base, &mut rng);
        if rng.below(2) == 0 {
            text = mutate(&text, &mut rng);
        }
        let expected = whole(&text);
        let mut first = TextCache::new();
        assert_eq!(
            by_sections(&text, &mut first),
            expected,
            "round {round}: {text}"
        );
        // A rerun from the sections of the unmutated spec.
        let mut from_base = TextCache::new();
        let _ = by_sections(base, &mut from_base);
        let mut second = next_run(&from_base);
        assert_eq!(
            by_sections(&text, &mut second),
            expected,
            "round {round} (rerun): {text}"
        );
    }
}
