//! [`Request`]: one API call as built by the generated operation code.

use std::fmt;

use reqwest::Method;
use url::Url;

use super::Error;
use super::body::{Body, FORM_URLENCODED, Multipart};

/// An API request: method, path (relative to the client's base URL) or absolute URL,
/// query parameters, extra headers and an optional body (JSON, form, text, binary or
/// multipart).
///
/// Requests are cheap to clone; the client clones them to retry. `Debug` shows
/// header names but not their values, and only the length of the body.
#[derive(Clone)]
pub struct Request {
    pub(super) method: Method,
    pub(super) path_template: &'static str,
    pub(super) path: String,
    pub(super) url: Option<Url>,
    pub(super) query: Vec<(&'static str, String)>,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) accept: Option<&'static str>,
    pub(super) body: Option<Body>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path_template", &self.path_template)
            .field("path", &self.path)
            .field("url", &self.url.as_ref().map(Url::as_str))
            .field("query", &self.query)
            .field("headers", &header_names)
            .field("accept", &self.accept)
            .field(
                "body_len",
                &self.body.as_ref().and_then(Body::bytes).map(<[u8]>::len),
            )
            .finish()
    }
}

impl Request {
    /// Creates a request.
    ///
    /// `path_template` is the operation's templated path (used for tracing and
    /// errors, e.g. `/orgs/{org}/actions/runners`); `path` is the concrete path built
    /// from segments encoded with [`path_segment`](super::path_segment), starting with
    /// `/`, e.g. `/orgs/my%2Forg/actions/runners`. It is appended to the base URL's path.
    pub fn new(method: Method, path_template: &'static str, path: String) -> Request {
        Request {
            method,
            path_template,
            path,
            url: None,
            query: Vec::new(),
            headers: Vec::new(),
            accept: None,
            body: None,
        }
    }

    /// Appends a query parameter (parameters are sent in call order).
    pub fn query(mut self, name: &'static str, value: impl ToString) -> Request {
        self.query.push((name, value.to_string()));
        self
    }

    /// Sets an extra request header, replacing any default value of the same name.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Request {
        self.headers.push((name, value.into()));
        self
    }

    /// Overrides the `Accept` media type (default `application/vnd.github+json`).
    pub fn accept(mut self, media_type: &'static str) -> Request {
        self.accept = Some(media_type);
        self
    }

    /// Serializes `body` as the JSON request body and sets
    /// `Content-Type: application/json`.
    pub fn json<T: serde::Serialize + ?Sized>(self, body: &T) -> Result<Request, Error> {
        let bytes = serde_json::to_vec(body).map_err(Error::Encode)?;
        Ok(self.encoded("application/json", bytes.into()))
    }

    /// Form-encodes `body` (a struct of scalar fields, with `serde_urlencoded`, as reqwest
    /// does) and sets `Content-Type: application/x-www-form-urlencoded`.
    pub fn form<T: serde::Serialize + ?Sized>(self, body: &T) -> Result<Request, Error> {
        let text = serde_urlencoded::to_string(body).map_err(Error::EncodeForm)?;
        Ok(self.encoded(FORM_URLENCODED, text.into()))
    }

    /// Sends `text` as the body with `Content-Type: media_type` (`text/plain`…).
    pub fn text(self, media_type: &'static str, text: impl Into<String>) -> Request {
        self.encoded(media_type, text.into().into())
    }

    /// Sends `bytes` as they are with `Content-Type: media_type` (`application/octet-stream`…).
    pub fn bytes(self, media_type: &'static str, bytes: impl Into<bytes::Bytes>) -> Request {
        self.encoded(media_type, bytes.into())
    }

    /// Sends a `multipart/form-data` body (the boundary is chosen when it is sent).
    pub fn multipart(mut self, form: Multipart) -> Request {
        self.body = Some(Body::Multipart(form));
        self
    }

    fn encoded(mut self, content_type: &'static str, bytes: bytes::Bytes) -> Request {
        self.body = Some(Body::Encoded {
            content_type,
            bytes,
        });
        self
    }

    /// Sends the request to `absolute` instead of base URL + path, e.g. a pagination
    /// `Link` URL. Query parameters added before this call are dropped (the URL
    /// carries its own); ones added afterwards are appended. The `Authorization`
    /// header is only sent if `absolute` has the same scheme, host and port as the
    /// client's base URL.
    pub fn with_url(mut self, absolute: Url) -> Request {
        self.url = Some(absolute);
        self.query.clear();
        self
    }

    /// The request method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The operation's path template, e.g. `/orgs/{org}/actions/runners`.
    pub fn path_template(&self) -> &'static str {
        self.path_template
    }

    /// The concrete (percent-encoded) path relative to the base URL.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The absolute URL set with [`Request::with_url`], if any.
    pub fn url(&self) -> Option<&Url> {
        self.url.as_ref()
    }

    /// The query parameters, in order.
    pub fn query_pairs(&self) -> &[(&'static str, String)] {
        &self.query
    }

    /// The encoded body, if any (`None` for a multipart body too: see [`Request::body_kind`]).
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_ref().and_then(Body::bytes)
    }

    /// The body as it will be sent, if any.
    pub fn body_kind(&self) -> Option<&Body> {
        self.body.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_methods() {
        let req = Request::new(Method::POST, "/x/{id}", "/x/1".into())
            .query("a", 1)
            .query("b", "two")
            .header("x-custom", "v")
            .accept("application/json")
            .json(&serde_json::json!({"k": "v"}))
            .unwrap();
        assert_eq!(req.method(), Method::POST);
        assert_eq!(req.path_template(), "/x/{id}");
        assert_eq!(req.path(), "/x/1");
        assert_eq!(
            req.query_pairs(),
            &[("a", "1".to_string()), ("b", "two".to_string())]
        );
        assert_eq!(req.body(), Some(&br#"{"k":"v"}"#[..]));
        let debug = format!("{req:?}");
        assert!(
            debug.contains("x-custom") && !debug.contains("\"v\""),
            "{debug}"
        );
        let req = req.with_url(Url::parse("https://h/x/1?page=2").unwrap());
        assert!(req.query_pairs().is_empty());
        assert_eq!(req.url().unwrap().as_str(), "https://h/x/1?page=2");
    }
}
