//! [`Request`]: one API call as built by the generated operation code.

use std::fmt;

use reqwest::Method;
use url::Url;

use super::Error;

/// An API request: method, path (relative to the client's base URL) or absolute URL,
/// query parameters, extra headers and an optional JSON body.
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
    pub(super) body: Option<Vec<u8>>,
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
            .field("body_len", &self.body.as_ref().map(Vec::len))
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
    pub fn json<T: serde::Serialize + ?Sized>(mut self, body: &T) -> Result<Request, Error> {
        self.body = Some(serde_json::to_vec(body).map_err(Error::Encode)?);
        Ok(self)
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

    /// The serialized JSON body, if any.
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
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
