//! [`RawResponse`]: a successful response with its body fully read.

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_LENGTH, HeaderMap};
use url::Url;

use super::Error;
use super::error_mapping::excerpt;
use super::rate_limit::{RateLimit, header_str};
use super::response_cache::CachedResponse;

/// A successful (2xx) response whose body has been read into memory.
#[derive(Debug, Clone)]
pub struct RawResponse {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    url: Url,
    not_modified: bool,
}

impl RawResponse {
    /// Creates a response (used by the client, and handy in tests).
    pub fn new(
        status: StatusCode,
        headers: HeaderMap,
        body: impl Into<Bytes>,
        url: Url,
    ) -> RawResponse {
        RawResponse {
            status,
            headers,
            body: body.into(),
            url,
            not_modified: false,
        }
    }

    /// The stored response, answered again by a `304 Not Modified` whose headers
    /// (`ETag`, rate limit, request id, ...) replace the stored ones of the same name.
    pub(super) fn revalidated(cached: &CachedResponse, fresh: HeaderMap, url: Url) -> RawResponse {
        let mut headers = cached.headers.clone();
        let mut current = None;
        for (name, value) in fresh {
            match name {
                // A 304 has no body; the stored body keeps its length.
                Some(name) if name == CONTENT_LENGTH => current = None,
                Some(name) => {
                    headers.insert(name.clone(), value);
                    current = Some(name);
                }
                None => {
                    if let Some(name) = &current {
                        headers.append(name.clone(), value);
                    }
                }
            }
        }
        RawResponse {
            status: cached.status,
            headers,
            body: cached.body.clone(),
            url,
            not_modified: true,
        }
    }

    /// Whether GitHub answered `304 Not Modified` to a conditional request and this is
    /// the stored response (which did not count against the primary rate limit).
    pub fn not_modified(&self) -> bool {
        self.not_modified
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The raw body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The raw body, shared without copying.
    pub fn bytes(&self) -> &Bytes {
        &self.body
    }

    /// The final URL of the response (after redirects).
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// Deserializes the JSON body; on failure returns [`Error::Decode`] with an
    /// excerpt of the body.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_slice(&self.body).map_err(|source| Error::Decode {
            status: self.status,
            target: std::any::type_name::<T>(),
            source,
            excerpt: excerpt(&self.body),
            request_id: self.request_id().map(str::to_owned),
        })
    }

    /// The body as UTF-8 text.
    pub fn text(&self) -> Result<String, Error> {
        String::from_utf8(self.body.to_vec()).map_err(|source| Error::InvalidText {
            status: self.status,
            source,
        })
    }

    /// The `x-github-request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        header_str(&self.headers, crate::github::REQUEST_ID_HEADER)
    }

    /// The `x-ratelimit-*` headers.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn response(body: &str) -> RawResponse {
        let mut headers = HeaderMap::new();
        headers.insert("x-github-request-id", HeaderValue::from_static("REQ1"));
        RawResponse::new(
            StatusCode::OK,
            headers,
            body.as_bytes().to_vec(),
            Url::parse("https://api.github.com/x").unwrap(),
        )
    }

    #[derive(serde::Deserialize, Debug)]
    struct Thing {
        #[allow(dead_code)]
        id: u64,
    }

    #[test]
    fn decode_error_has_excerpt() {
        let err = response(r#"{"id":"not a number"}"#)
            .json::<Thing>()
            .unwrap_err();
        match &err {
            Error::Decode {
                status,
                excerpt,
                request_id,
                ..
            } => {
                assert_eq!(*status, StatusCode::OK);
                assert_eq!(excerpt, r#"{"id":"not a number"}"#);
                assert_eq!(request_id.as_deref(), Some("REQ1"));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(err.to_string().contains("Thing"));
        assert_eq!(err.request_id(), Some("REQ1"));
        let long = format!("[{}", "x".repeat(2000));
        match response(&long).json::<Thing>().unwrap_err() {
            Error::Decode { excerpt, .. } => assert_eq!(excerpt.chars().count(), 512),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn json_and_text() {
        let r = response(r#"{"id":5}"#);
        assert_eq!(r.json::<Thing>().unwrap().id, 5);
        assert_eq!(r.text().unwrap(), r#"{"id":5}"#);
        assert_eq!(r.request_id(), Some("REQ1"));
        assert_eq!(r.rate_limit(), None);
    }
}
