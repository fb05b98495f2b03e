//! Finds the line a JSON pointer starts on in a block-style YAML document.
//!
//! The YAML parser keeps no positions once a document is parsed, so this scans the text once,
//! tracking indentation, mapping keys and sequence items. It is only built when there is an
//! error to report. Flow-style (JSON) documents are on few lines; a pointer it cannot find
//! falls back to the line of its nearest ancestor that it can.

use crate::diagnostic::pointer_token;
use std::collections::HashMap;

/// Pointer → 1-based line.
#[derive(Debug, Default)]
pub struct SourceMap {
    lines: HashMap<String, usize>,
}

struct Frame {
    indent: usize,
    pointer: String,
}

impl SourceMap {
    /// Indexes `text`.
    pub fn build(text: &str) -> SourceMap {
        let mut map = SourceMap::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut counters: HashMap<String, usize> = HashMap::new();
        let mut block_scalar_indent: Option<usize> = None;
        for (index, raw_line) in text.lines().enumerate() {
            let line_number = index + 1;
            let content = raw_line.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let mut indent = raw_line.len() - content.len();
            if let Some(scalar_indent) = block_scalar_indent {
                if indent > scalar_indent {
                    continue;
                }
                block_scalar_indent = None;
            }
            let mut rest = content;
            while let Some(item) =
                rest.strip_prefix("- ")
                    .or(if rest == "-" { Some("") } else { None })
            {
                pop_to(&mut stack, indent);
                let parent = stack
                    .last()
                    .map_or("#", |frame| frame.pointer.as_str())
                    .to_owned();
                let counter = counters.entry(parent.clone()).or_insert(0);
                let pointer = format!("{parent}/{counter}");
                *counter += 1;
                map.lines.entry(pointer.clone()).or_insert(line_number);
                stack.push(Frame { indent, pointer });
                let skipped = item.len() - item.trim_start_matches(' ').len();
                indent += 2 + skipped;
                rest = item.trim_start_matches(' ');
            }
            let Some((key, value)) = split_key(rest) else {
                continue;
            };
            pop_to(&mut stack, indent);
            let parent = stack.last().map_or("#", |frame| frame.pointer.as_str());
            let pointer = format!("{parent}/{}", pointer_token(&key));
            map.lines.entry(pointer.clone()).or_insert(line_number);
            let value = value.trim();
            if value.starts_with('|') || value.starts_with('>') {
                block_scalar_indent = Some(indent);
            }
            counters.remove(&pointer);
            stack.push(Frame { indent, pointer });
        }
        map
    }

    /// The line of `pointer`, or of its nearest indexed ancestor.
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        let mut current = pointer;
        loop {
            if let Some(line) = self.lines.get(current) {
                return Some(*line);
            }
            let cut = current.rfind('/')?;
            current = &current[..cut];
        }
    }
}

fn pop_to(stack: &mut Vec<Frame>, indent: usize) {
    while stack.last().is_some_and(|frame| frame.indent >= indent) {
        stack.pop();
    }
}

/// Splits `key: value` (plain, single- or double-quoted key); `None` for other lines.
fn split_key(line: &str) -> Option<(String, &str)> {
    if let Some(quote) = line.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let body = &line[1..];
        let end = body.find(quote)?;
        let after = body[end + 1..].trim_start();
        let value = after.strip_prefix(':')?;
        return Some((body[..end].to_owned(), value));
    }
    if line.starts_with(['{', '[']) {
        return None;
    }
    let bytes = line.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        if *byte == b':' && (index + 1 == bytes.len() || bytes[index + 1] == b' ') {
            return Some((line[..index].trim_end().to_owned(), &line[index + 1..]));
        }
        if *byte == b' ' && bytes.get(index + 1) == Some(&b'#') {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "openapi: 3.0.3
info:
  title: t
  description: |
    text: with a colon
paths:
  /orgs/{org}/actions/runners:
    get:
      parameters:
        - $ref: '#/components/parameters/org'
        - name: page
          in: query
      responses:
        '200':
          description: ok
";

    #[test]
    fn finds_keys_items_and_quoted_keys() {
        let map = SourceMap::build(SPEC);
        assert_eq!(map.line_of("#/info/title"), Some(3));
        assert_eq!(
            map.line_of("#/paths/~1orgs~1{org}~1actions~1runners/get"),
            Some(8)
        );
        assert_eq!(
            map.line_of("#/paths/~1orgs~1{org}~1actions~1runners/get/parameters/0"),
            Some(10)
        );
        assert_eq!(
            map.line_of("#/paths/~1orgs~1{org}~1actions~1runners/get/parameters/1/in"),
            Some(12)
        );
        assert_eq!(
            map.line_of("#/paths/~1orgs~1{org}~1actions~1runners/get/responses/200/description"),
            Some(15)
        );
    }

    #[test]
    fn block_scalars_are_not_keys_and_unknown_pointers_fall_back() {
        let map = SourceMap::build(SPEC);
        assert_eq!(map.line_of("#/info/description/text"), Some(4));
        assert_eq!(map.line_of("#/nowhere"), None);
    }
}
