//! The request log a test reads back: every request the fake received, with secrets in
//! its headers redacted, and the status it answered.

use axum::http::request::Parts;

/// Headers whose values are secrets; the log keeps only the scheme (`Bearer <redacted>`).
const SECRET_HEADERS: [&str; 3] = ["authorization", "cookie", "proxy-authorization"];

/// One request the fake received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method (`GET`, `POST`, …).
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The query string, without `?`.
    pub query: Option<String>,
    /// The headers in the order received, names in lower case, secrets redacted.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy UTF-8).
    pub body: String,
    /// The status answered; `None` when the connection was dropped on purpose.
    pub status: Option<u16>,
}

impl RecordedRequest {
    /// Records a request from its head and body.
    pub(crate) fn new(parts: &Parts, body: &[u8]) -> RecordedRequest {
        let headers = parts
            .headers
            .iter()
            .map(|(name, value)| {
                let value = value.to_str().unwrap_or("<binary>");
                let value = if SECRET_HEADERS.contains(&name.as_str()) {
                    redact(value)
                } else {
                    value.to_owned()
                };
                (name.as_str().to_owned(), value)
            })
            .collect();
        RecordedRequest {
            method: parts.method.to_string(),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().map(str::to_owned),
            headers,
            body: String::from_utf8_lossy(body).into_owned(),
            status: None,
        }
    }

    /// The value of header `name` (case-insensitive), if it was sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Keeps the scheme of a credential header and hides the secret.
fn redact(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} <redacted>"),
        None => "<redacted>".to_owned(),
    }
}
