//! Request bodies: encoded bytes with their media type (JSON, form, text, binary), or a
//! `multipart/form-data` body of named parts.
//!
//! A [`Request`](super::Request) is cloned for every retry, so a body is kept in a form that
//! clones cheaply ([`Bytes`] share their buffer) and is turned into what reqwest sends at each
//! attempt: a multipart form is built anew each time, with a new boundary.

use bytes::Bytes;
use reqwest::multipart::{Form, Part};

use super::Error;

/// The media type of form-encoded bodies.
pub const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";

/// The body of a request, as the runtime keeps it until it is sent.
#[derive(Clone, Debug)]
pub enum Body {
    /// Encoded bytes, sent with `Content-Type: content_type`.
    Encoded {
        /// The media type.
        content_type: &'static str,
        /// The bytes.
        bytes: Bytes,
    },
    /// `multipart/form-data`; reqwest writes the `Content-Type` with its boundary.
    Multipart(Multipart),
}

impl Body {
    /// The encoded bytes, or `None` for a multipart body.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Body::Encoded { bytes, .. } => Some(bytes),
            Body::Multipart(_) => None,
        }
    }
}

/// A binary part of a multipart body: its bytes, and optionally the file name and media type
/// sent in the part's headers.
///
/// ```
/// # use github_runners_runtime::FilePart;
/// let part = FilePart::new(b"PNG...".to_vec())
///     .file_name("logo.png")
///     .content_type("image/png");
/// # let _ = part;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePart {
    bytes: Bytes,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl FilePart {
    /// A part of these bytes, without a file name or media type.
    pub fn new(bytes: impl Into<Bytes>) -> FilePart {
        FilePart {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name of the part's `Content-Disposition`.
    #[must_use]
    pub fn file_name(mut self, file_name: impl Into<String>) -> FilePart {
        self.file_name = Some(file_name.into());
        self
    }

    /// Sets the part's `Content-Type` (default: none, which servers read as
    /// `application/octet-stream`).
    #[must_use]
    pub fn content_type(mut self, media_type: impl Into<String>) -> FilePart {
        self.content_type = Some(media_type.into());
        self
    }
}

impl From<Bytes> for FilePart {
    fn from(bytes: Bytes) -> FilePart {
        FilePart::new(bytes)
    }
}

impl From<Vec<u8>> for FilePart {
    fn from(bytes: Vec<u8>) -> FilePart {
        FilePart::new(bytes)
    }
}

impl From<&'static [u8]> for FilePart {
    fn from(bytes: &'static [u8]) -> FilePart {
        FilePart::new(bytes)
    }
}

/// One part's value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum PartValue {
    Text(String),
    Json(String),
    File(FilePart),
}

/// A `multipart/form-data` body: named parts, sent in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Multipart {
    parts: Vec<(&'static str, PartValue)>,
}

impl Multipart {
    /// An empty body.
    pub fn new() -> Multipart {
        Multipart::default()
    }

    /// Adds a text part.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Multipart {
        self.parts.push((name, PartValue::Text(value.into())));
        self
    }

    /// Adds a part holding `value` as JSON (`Content-Type: application/json`), as OpenAPI
    /// sends object and array properties of a multipart body.
    pub fn json<T: serde::Serialize + ?Sized>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<Multipart, Error> {
        let text = serde_json::to_string(value).map_err(Error::Encode)?;
        self.parts.push((name, PartValue::Json(text)));
        Ok(self)
    }

    /// Adds a binary part.
    #[must_use]
    pub fn file(mut self, name: &'static str, part: FilePart) -> Multipart {
        self.parts.push((name, PartValue::File(part)));
        self
    }

    /// The number of parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether the body has no part.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The reqwest form for one attempt (a media type that is not valid is an
    /// [`Error::InvalidHeader`]).
    pub(super) fn to_form(&self) -> Result<Form, Error> {
        let mut form = Form::new();
        for (name, value) in &self.parts {
            let part = match value {
                PartValue::Text(text) => Part::text(text.clone()),
                PartValue::Json(text) => with_type(Part::text(text.clone()), "application/json")?,
                PartValue::File(file) => {
                    let length = u64::try_from(file.bytes.len()).unwrap_or(u64::MAX);
                    let body = reqwest::Body::from(file.bytes.clone());
                    let mut part = Part::stream_with_length(body, length);
                    if let Some(file_name) = &file.file_name {
                        part = part.file_name(file_name.clone());
                    }
                    match &file.content_type {
                        Some(media_type) => with_type(part, media_type)?,
                        None => part,
                    }
                }
            };
            form = form.part(*name, part);
        }
        Ok(form)
    }
}

fn with_type(part: Part, media_type: &str) -> Result<Part, Error> {
    part.mime_str(media_type).map_err(|_| Error::InvalidHeader {
        name: "content-type".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed expectation fails the test")]

    use super::*;
    use crate::Request;
    use reqwest::Method;

    fn request() -> Request {
        Request::new(Method::POST, "/x", "/x".into())
    }

    #[test]
    fn a_form_body_of_nested_values_is_an_encode_error() {
        let nested = serde_json::json!({"a": {"b": 1}});
        let error = request().form(&nested).err().unwrap();
        assert!(matches!(error, Error::EncodeForm(_)), "{error}");
    }

    #[test]
    fn encoded_bodies_keep_their_media_type_and_bytes() {
        let request = request().text("text/csv", "a,b\n");
        assert_eq!(request.body(), Some(&b"a,b\n"[..]));
        assert!(matches!(
            request.body_kind(),
            Some(Body::Encoded {
                content_type: "text/csv",
                ..
            })
        ));
    }

    #[test]
    fn a_multipart_body_has_no_bytes_until_it_is_sent() {
        let form = Multipart::new()
            .text("a", "1")
            .file("f", FilePart::new(vec![1, 2]).file_name("f.bin"));
        assert_eq!(form.len(), 2);
        let request = request().multipart(form);
        assert_eq!(request.body(), None);
        assert!(format!("{request:?}").contains("body_len: None"));
    }

    #[test]
    fn a_part_media_type_that_is_not_one_is_an_invalid_header() {
        let form = Multipart::new().file("f", FilePart::new(vec![1]).content_type("not a type"));
        let error = form.to_form().err().unwrap();
        assert!(matches!(error, Error::InvalidHeader { .. }), "{error}");
    }
}
