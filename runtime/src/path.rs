//! Percent-encoding of path parameters.

use std::fmt::Display;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything except RFC 3986 "unreserved" characters (ALPHA / DIGIT / `-` / `.` / `_` / `~`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `value` as exactly one path segment.
///
/// Every byte of the UTF-8 representation except ALPHA / DIGIT / `-` / `.` / `_` / `~`
/// is `%XX`-encoded, so `/`, `?`, `#`, `%`, spaces or non-ASCII characters can never
/// change the request path. The dot segments `.` and `..` pass through unchanged;
/// the client refuses to send a request whose path they would alter
/// (see [`Error::InvalidPathParameter`](super::Error::InvalidPathParameter)).
pub fn path_segment(value: impl Display) -> String {
    utf8_percent_encode(&value.to_string(), SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::path_segment;

    #[test]
    fn encodes_reserved_characters() {
        assert_eq!(path_segment("a/b"), "a%2Fb");
        assert_eq!(path_segment("x?y#z"), "x%3Fy%23z");
        assert_eq!(path_segment("with space"), "with%20space");
        assert_eq!(path_segment("%2F"), "%252F");
        assert_eq!(path_segment("ünï"), "%C3%BCn%C3%AF");
        assert_eq!(path_segment("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(path_segment(42), "42");
        assert_eq!(path_segment(".."), "..");
    }
}
