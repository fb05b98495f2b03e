//! Error responses in GitHub's shape: `{"message", "documentation_url", "status", "errors"?}`.
//!
//! Every refusal of the fake (unknown thing, bad body, missing credentials, conflict, busy
//! runner) goes through [`ApiFailure`], so clients see the body they would get from GitHub
//! and decode it into their own error types.

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// The documentation page GitHub links from errors about self-hosted runners.
pub(crate) const RUNNERS_DOCS: &str = "https://docs.github.com/rest/actions/self-hosted-runners";

/// A refused request: the status, GitHub's message and optional validation details.
#[derive(Debug, Clone)]
pub(crate) struct ApiFailure {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
    pub(crate) documentation_url: &'static str,
    pub(crate) errors: Vec<Value>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
}

impl ApiFailure {
    /// A failure with `status` and `message`.
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiFailure {
        ApiFailure {
            status,
            message: message.into(),
            documentation_url: RUNNERS_DOCS,
            errors: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// 404, as GitHub answers for anything unknown or invisible to the caller.
    pub(crate) fn not_found() -> ApiFailure {
        ApiFailure::new(StatusCode::NOT_FOUND, "Not Found")
    }

    /// 422 with one `errors` entry naming the resource, the field and GitHub's code.
    pub(crate) fn invalid(resource: &str, field: &str, code: &str, message: &str) -> ApiFailure {
        let mut failure = ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, "Validation Failed");
        failure.errors.push(json!({
            "resource": resource,
            "field": field,
            "code": code,
            "message": message,
        }));
        failure
    }

    /// 422 with a message only (GitHub's answer for requests that are valid JSON but
    /// cannot be carried out, such as deleting a busy runner).
    pub(crate) fn unprocessable(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// 409 Conflict.
    pub(crate) fn conflict(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::CONFLICT, message)
    }

    /// 401, GitHub's answer to missing or unknown credentials.
    pub(crate) fn unauthorized(message: impl Into<String>) -> ApiFailure {
        let mut failure = ApiFailure::new(StatusCode::UNAUTHORIZED, message);
        failure.documentation_url = "https://docs.github.com/rest";
        failure
    }

    /// 403, GitHub's answer when the credential is valid but may not see the resource.
    pub(crate) fn forbidden(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::FORBIDDEN, message)
    }

    /// Adds a response header (a rate-limit header, `retry-after`).
    pub(crate) fn with_header(mut self, name: &'static str, value: impl ToString) -> ApiFailure {
        if let Ok(value) = HeaderValue::from_str(&value.to_string()) {
            self.headers.push((HeaderName::from_static(name), value));
        }
        self
    }

    /// The JSON body as GitHub sends it.
    pub(crate) fn body(&self) -> Value {
        let mut body = json!({
            "message": self.message,
            "documentation_url": self.documentation_url,
            "status": self.status.as_u16().to_string(),
        });
        if !self.errors.is_empty()
            && let Some(object) = body.as_object_mut()
        {
            object.insert("errors".to_owned(), Value::Array(self.errors.clone()));
        }
        body
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        for (name, value) in self.headers {
            response.headers_mut().insert(name, value);
        }
        response
    }
}

/// The result type of every handler and world operation.
pub(crate) type Outcome<T> = Result<T, ApiFailure>;
