//! Conditional requests: every successful GET carries an `ETag` computed from its body,
//! and a GET whose `If-None-Match` names the current ETag gets `304 Not Modified` with an
//! empty body (and, as on GitHub, costs nothing against the rate limit).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash as _, Hasher as _};

use axum::http::HeaderMap;

/// The ETag of a body: a quoted hash, as an opaque strong validator.
pub(crate) fn etag(body: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// Whether the request's `If-None-Match` names `etag` (or `*`). Weak validators
/// (`W/"…"`) match their strong form, as GitHub's weak comparison does.
pub(crate) fn not_modified(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all("if-none-match")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|candidate| candidate.trim().trim_start_matches("W/"))
        .any(|candidate| candidate == etag || candidate == "*")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn matches_strong_weak_and_lists() {
        let tag = etag(b"{}");
        assert_eq!(tag, etag(b"{}"));
        assert_ne!(tag, etag(b"[]"));
        let mut headers = HeaderMap::new();
        assert!(!not_modified(&headers, &tag));
        headers.insert(
            "if-none-match",
            HeaderValue::from_str(&format!("\"x\", W/{tag}"))
                .unwrap_or(HeaderValue::from_static("")),
        );
        assert!(not_modified(&headers, &tag));
    }
}
