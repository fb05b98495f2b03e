//! [`Page`]: one page of a list response, and `Link` header parsing.

use std::ops::Deref;

use reqwest::header::{HeaderMap, LINK};
use url::Url;

use super::{RateLimit, RawResponse};

/// The pagination links of a response's `Link` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// `rel="next"`.
    pub next: Option<Url>,
    /// `rel="prev"` (or `rel="previous"`).
    pub prev: Option<Url>,
    /// `rel="first"`.
    pub first: Option<Url>,
    /// `rel="last"`.
    pub last: Option<Url>,
}

impl Links {
    /// Parses every `Link` header of `headers`; relative URLs are resolved against `base`.
    pub fn from_headers(headers: &HeaderMap, base: Option<&Url>) -> Links {
        let mut links = Links::default();
        for value in headers.get_all(LINK) {
            if let Ok(value) = value.to_str() {
                links.merge(Links::parse(value, base));
            }
        }
        links
    }

    /// Parses one `Link` header value (RFC 8288), e.g.
    /// `<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"`.
    ///
    /// Whitespace, quoted or unquoted `rel`, several relation types in one `rel`
    /// and other parameters are tolerated; malformed entries are ignored. The first
    /// link of each relation wins.
    pub fn parse(value: &str, base: Option<&Url>) -> Links {
        let mut links = Links::default();
        let mut rest = value;
        loop {
            rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
            let Some(after_lt) = rest.strip_prefix('<') else {
                // Garbage: skip to the next link-value.
                match next_comma(rest) {
                    Some(index) => {
                        rest = &rest[index + 1..];
                        continue;
                    }
                    None => break,
                }
            };
            let Some(end) = after_lt.find('>') else {
                break;
            };
            let target = after_lt[..end].trim();
            rest = &after_lt[end + 1..];
            let params_end = next_comma(rest).unwrap_or(rest.len());
            let params = &rest[..params_end];
            rest = &rest[params_end..];
            let url = match base {
                Some(base) => base.join(target),
                None => Url::parse(target),
            };
            let Ok(url) = url else { continue };
            for rel in rel_values(params) {
                let slot = match rel.to_ascii_lowercase().as_str() {
                    "next" => &mut links.next,
                    "prev" | "previous" => &mut links.prev,
                    "first" => &mut links.first,
                    "last" => &mut links.last,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some(url.clone());
                }
            }
        }
        links
    }

    fn merge(&mut self, other: Links) {
        self.next = self.next.take().or(other.next);
        self.prev = self.prev.take().or(other.prev);
        self.first = self.first.take().or(other.first);
        self.last = self.last.take().or(other.last);
    }
}

/// Index of the next `,` that is outside a quoted string.
fn next_comma(s: &str) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (index, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ',' if !quoted => return Some(index),
            _ => {}
        }
    }
    None
}

/// The relation types of the `rel` parameter(s) in `params` (`; rel="next last"; ...`).
fn rel_values(params: &str) -> Vec<String> {
    let mut rels = Vec::new();
    for param in split_params(params) {
        let Some((name, value)) = param.split_once('=') else {
            continue;
        };
        if !name.trim().eq_ignore_ascii_case("rel") {
            continue;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        rels.extend(value.split_whitespace().map(str::to_owned));
    }
    rels
}

/// Splits `; a=b; c="d;e"` at semicolons outside quotes.
fn split_params(params: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (index, c) in params.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                parts.push(&params[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&params[start..]);
    parts
}

/// The `page` query parameter of a URL.
fn page_number(url: Option<&Url>) -> Option<u64> {
    url?.query_pairs()
        .find(|(name, _)| name == "page")
        .and_then(|(_, value)| value.parse().ok())
}

/// One page of a list operation: its items plus pagination and response metadata.
#[derive(Debug, Clone)]
pub struct Page<T> {
    items: Vec<T>,
    total_count: Option<u64>,
    links: Links,
    rate_limit: Option<RateLimit>,
    request_id: Option<String>,
    not_modified: bool,
}

impl<T> Page<T> {
    /// Creates a page from decoded items; the `Link`, rate-limit and request-id
    /// headers are taken from `response`.
    pub fn new(items: Vec<T>, total_count: Option<u64>, response: &RawResponse) -> Page<T> {
        Page {
            items,
            total_count,
            links: Links::from_headers(response.headers(), Some(response.url())),
            rate_limit: response.rate_limit(),
            request_id: response.request_id().map(str::to_owned),
            not_modified: response.not_modified(),
        }
    }

    /// The items of this page.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Takes the items.
    pub fn into_items(self) -> Vec<T> {
        self.items
    }

    /// The `total_count` reported by the response, if the operation has one.
    pub fn total_count(&self) -> Option<u64> {
        self.total_count
    }

    /// All pagination links.
    pub fn links(&self) -> &Links {
        &self.links
    }

    /// The URL of the next page.
    pub fn next_url(&self) -> Option<&Url> {
        self.links.next.as_ref()
    }

    /// The URL of the last page.
    pub fn last_url(&self) -> Option<&Url> {
        self.links.last.as_ref()
    }

    /// The URL of the previous page.
    pub fn prev_url(&self) -> Option<&Url> {
        self.links.prev.as_ref()
    }

    /// The URL of the first page.
    pub fn first_url(&self) -> Option<&Url> {
        self.links.first.as_ref()
    }

    /// The `page` number of the next-page link.
    pub fn next_page(&self) -> Option<u64> {
        page_number(self.next_url())
    }

    /// The `page` number of the last-page link.
    pub fn last_page(&self) -> Option<u64> {
        page_number(self.last_url())
    }

    /// The rate-limit headers of the response.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        self.rate_limit.as_ref()
    }

    /// The `x-github-request-id` of the response.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Whether this page is the stored copy GitHub confirmed with `304 Not Modified`
    /// (nothing changed since it was fetched; the request did not count against the
    /// primary rate limit).
    pub fn not_modified(&self) -> bool {
        self.not_modified
    }
}

impl<T> Deref for Page<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Page<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;
    use reqwest::header::HeaderValue;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn parses_github_link_header() {
        let value = r#"<https://api.github.com/orgs/o/actions/runners?per_page=2&page=2>; rel="next", <https://api.github.com/orgs/o/actions/runners?per_page=2&page=5>; rel="last", <https://api.github.com/orgs/o/actions/runners?per_page=2&page=1>; rel="first", <https://api.github.com/orgs/o/actions/runners?per_page=2&page=1>; rel="prev""#;
        let links = Links::parse(value, None);
        assert_eq!(
            links.next,
            Some(url(
                "https://api.github.com/orgs/o/actions/runners?per_page=2&page=2"
            ))
        );
        assert_eq!(page_number(links.last.as_ref()), Some(5));
        assert_eq!(page_number(links.first.as_ref()), Some(1));
        assert_eq!(page_number(links.prev.as_ref()), Some(1));
    }

    #[test]
    fn tolerant_parsing() {
        // Whitespace, unquoted rel, several rels, extra params, upper case.
        let value = "  < https://h/x?page=3 > ;title=\"a, b; c\" ; REL = next ,<https://h/x?page=9>;rel=\"last  first\"";
        let links = Links::parse(value, None);
        assert_eq!(links.next, Some(url("https://h/x?page=3")));
        assert_eq!(links.last, Some(url("https://h/x?page=9")));
        assert_eq!(links.first, Some(url("https://h/x?page=9")));
        assert_eq!(links.prev, None);
        // Relative URL against a base.
        let links = Links::parse("</x?page=2>; rel=next", Some(&url("https://h/api/v3/x")));
        assert_eq!(links.next, Some(url("https://h/x?page=2")));
    }

    #[test]
    fn malformed_is_ignored() {
        for garbage in [
            "",
            ",,,",
            "garbage",
            "<https://h/x?page=2",
            "<not a url>; rel=next",
            "https://h/x; rel=next",
            "<https://h/x>; rel",
            "<https://h/x>; rel=\"unterminated",
            "<https://h/x>; foo=next",
        ] {
            let links = Links::parse(garbage, None);
            assert_eq!(links.next, None, "{garbage:?}");
        }
        // Garbage followed by a good entry.
        let links = Links::parse("junk; rel=next, <https://h/x?page=2>; rel=\"next\"", None);
        assert_eq!(links.next, Some(url("https://h/x?page=2")));
        assert_eq!(page_number(Some(&url("https://h/x?page=abc"))), None);
    }

    #[test]
    fn page_from_response() {
        let mut headers = HeaderMap::new();
        headers.append(
            LINK,
            HeaderValue::from_static("<https://h/x?page=2>; rel=\"next\""),
        );
        headers.append(
            LINK,
            HeaderValue::from_static("<https://h/x?page=4>; rel=\"last\""),
        );
        headers.insert("x-github-request-id", HeaderValue::from_static("R"));
        let response = RawResponse::new(StatusCode::OK, headers, Vec::new(), url("https://h/x"));
        let page = Page::new(vec![1, 2, 3], Some(10), &response);
        assert_eq!(page.next_page(), Some(2));
        assert_eq!(page.last_page(), Some(4));
        assert_eq!(page.prev_url(), None);
        assert_eq!(page.first_url(), None);
        assert_eq!(page.total_count(), Some(10));
        assert_eq!(page.request_id(), Some("R"));
        assert_eq!(page.len(), 3);
        assert_eq!((&page).into_iter().sum::<i32>(), 6);
        assert_eq!(page.items(), &[1, 2, 3]);
        assert_eq!(page.into_iter().collect::<Vec<_>>(), vec![1, 2, 3]);
    }
}
