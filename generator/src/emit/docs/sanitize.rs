//! Markdown from a spec made safe for rustdoc (see [`super`]).

/// Makes Markdown from a spec safe for rustdoc.
pub fn sanitize(text: &str, link_base: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            // Whatever the language, a fence from the spec is shown, never run as a doctest.
            out.push_str(if in_fence { "```" } else { "```text" });
            in_fence = !in_fence;
            out.push('\n');
            continue;
        }
        if in_fence {
            out.push_str(line);
        } else {
            let indent = line.len() - trimmed.len();
            let kept = " ".repeat(indent.min(2));
            out.push_str(&kept);
            out.push_str(&inline(trimmed, link_base));
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    out.trim_end().to_owned()
}

/// Escapes and rewrites one line of prose.
fn inline(line: &str, link_base: Option<&str>) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        match c {
            '`' => {
                // Inline code is copied verbatim up to its closing backtick.
                let end = chars[index + 1..]
                    .iter()
                    .position(|&d| d == '`')
                    .map(|p| index + 1 + p);
                match end {
                    Some(end) => {
                        out.extend(&chars[index..=end]);
                        index = end + 1;
                    }
                    None => {
                        out.push_str("\\`");
                        index += 1;
                    }
                }
                continue;
            }
            '[' => {
                if let Some((label_end, url_end)) = markdown_link(&chars, index) {
                    let label: String = chars[index + 1..label_end].iter().collect();
                    let url: String = chars[label_end + 2..url_end].iter().collect();
                    out.push('[');
                    out.push_str(&inline(&label, link_base));
                    out.push_str("](");
                    out.push_str(&resolve(url.trim(), link_base));
                    out.push(')');
                    index = url_end + 1;
                    continue;
                }
                out.push_str("\\[");
            }
            ']' => out.push_str("\\]"),
            '<' => {
                let rest: String = chars[index..].iter().take(9).collect();
                if rest.starts_with("<http://") || rest.starts_with("<https://") {
                    let end = chars[index..]
                        .iter()
                        .position(|&d| d == '>')
                        .map(|p| index + p);
                    if let Some(end) = end {
                        out.extend(&chars[index..=end]);
                        index = end + 1;
                        continue;
                    }
                }
                out.push_str("&lt;");
            }
            '>' => out.push_str("&gt;"),
            'h' if starts_url(&chars[index..]) => {
                let mut end = index;
                while end < chars.len()
                    && !chars[end].is_whitespace()
                    && !matches!(chars[end], '<' | '>' | '"' | '`')
                {
                    end += 1;
                }
                while end > index
                    && matches!(
                        chars[end - 1],
                        '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\''
                    )
                {
                    end -= 1;
                }
                out.push('<');
                out.extend(&chars[index..end]);
                out.push('>');
                index = end;
                continue;
            }
            _ => out.push(c),
        }
        index += 1;
    }
    out
}

fn starts_url(chars: &[char]) -> bool {
    let head: String = chars.iter().take(8).collect();
    head.starts_with("http://") || head.starts_with("https://")
}

/// For `[label](url)` starting at `start`: the index of `]` and of `)`.
fn markdown_link(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut label_end = None;
    for (offset, &c) in chars[start..].iter().enumerate() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    label_end = Some(start + offset);
                    break;
                }
            }
            _ => {}
        }
    }
    let label_end = label_end?;
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let url_end = chars[label_end + 2..].iter().position(|&c| c == ')')? + label_end + 2;
    let url: String = chars[label_end + 2..url_end].iter().collect();
    if url.contains(char::is_whitespace) && !url.trim().starts_with("http") {
        return None;
    }
    Some((label_end, url_end))
}

/// Resolves a relative link against the docs site.
pub fn resolve(url: &str, link_base: Option<&str>) -> String {
    match link_base {
        Some(base) if url.starts_with('/') && !url.starts_with("//") => format!("{base}{url}"),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_urls_brackets_and_tags() {
        let base = Some("https://docs.github.com");
        assert_eq!(
            sanitize(
                "See [scopes](/apps/scopes#x) and [repo] for <YOUR-TOKEN>.",
                base
            ),
            "See [scopes](https://docs.github.com/apps/scopes#x) and \\[repo\\] for &lt;YOUR-TOKEN&gt;."
        );
        assert_eq!(
            sanitize("Visit https://example.com/a. Or <https://b.example>.", None),
            "Visit <https://example.com/a>. Or <https://b.example>."
        );
        assert_eq!(sanitize("`a [b] <c>` stays", None), "`a [b] <c>` stays");
    }

    #[test]
    fn code_fences_and_indentation() {
        assert_eq!(sanitize("```\ncurl x\n```", None), "```text\ncurl x\n```");
        assert_eq!(sanitize("```json\n{}", None), "```text\n{}\n```");
        assert_eq!(sanitize("a\n        indented", None), "a\n  indented");
    }
}
