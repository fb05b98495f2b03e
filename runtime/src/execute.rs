//! [`ClientCore::execute`]: URL building, headers, sending, error mapping and retries.

use std::time::{Duration, Instant};

use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT,
};
use tracing::Instrument;
use tracing::field::Empty;
use url::Url;

use super::error::from_response;
use super::body::Body;
use super::github::{API_VERSION_HEADER, DEFAULT_ACCEPT};
use super::{ClientCore, Error, RawResponse, Request};

impl<C> ClientCore<C> {
    /// Executes a request (with the retry policy) and returns the successful (2xx)
    /// response; non-2xx responses become `Err(Error::…)`.
    ///
    /// Nothing is sent if a path parameter would change the request path
    /// ([`Error::InvalidPathParameter`]). The `Authorization` header is only sent to
    /// the scheme, host and port of the base URL.
    pub async fn execute(&self, request: Request) -> Result<RawResponse, Error> {
        let span = tracing::info_span!(
            "github_request",
            method = %request.method,
            path = request.path_template,
            status = Empty,
            duration_ms = Empty,
            request_id = Empty,
            retries = Empty,
        );
        let started = Instant::now();
        let result = self
            .execute_with_retries(&request, &span)
            .instrument(span.clone())
            .await;
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.record("duration_ms", elapsed);
        let (status, request_id) = match &result {
            Ok(response) => (Some(response.status()), response.request_id()),
            Err(error) => (error.status(), error.request_id()),
        };
        if let Some(status) = status {
            span.record("status", status.as_u16());
        }
        if let Some(request_id) = request_id {
            span.record("request_id", request_id);
        }
        span.in_scope(|| match &result {
            Ok(_) => tracing::debug!("GitHub request succeeded"),
            Err(_) => tracing::debug!("GitHub request failed"),
        });
        result
    }

    async fn execute_with_retries(
        &self,
        request: &Request,
        span: &tracing::Span,
    ) -> Result<RawResponse, Error> {
        let url = self.request_url(request)?;
        let headers = self.request_headers(request, &url)?;
        let mut attempts = 0u32;
        let mut waited = Duration::ZERO;
        loop {
            attempts += 1;
            span.record("retries", attempts - 1);
            let error = match self.send_once(request, &url, &headers).await {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let Some(delay) =
                self.inner
                    .retry
                    .next_delay(&request.method, &error, attempts, waited)
            else {
                return Err(error);
            };
            tracing::debug!(
                attempt = attempts,
                status = error.status().map(|s| s.as_u16()),
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying GitHub request"
            );
            tokio::time::sleep(delay).await;
            waited += delay;
        }
    }

    /// Base URL + path (checked against path changes) or the absolute URL, plus query.
    pub(super) fn request_url(&self, request: &Request) -> Result<Url, Error> {
        let mut url = match &request.url {
            Some(url) => url.clone(),
            None => {
                let separator = if request.path.starts_with('/') {
                    ""
                } else {
                    "/"
                };
                let expected = format!("{}{separator}{}", self.inner.base_path, request.path);
                let mut url = self.inner.base_url.clone();
                url.set_path(&expected);
                // Dot segments are normalised away by the URL parser and empty
                // segments would address another route: refuse both.
                if url.path() != expected || request.path.contains("//") {
                    return Err(Error::InvalidPathParameter {
                        template: request.path_template,
                        expected,
                        actual: url.path().to_owned(),
                    });
                }
                url
            }
        };
        if !request.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &request.query {
                pairs.append_pair(name, value);
            }
        }
        Ok(url)
    }

    fn request_headers(&self, request: &Request, url: &Url) -> Result<HeaderMap, Error> {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            header_value("accept", request.accept.unwrap_or(DEFAULT_ACCEPT))?,
        );
        headers.insert(
            HeaderName::from_static(API_VERSION_HEADER),
            self.inner.api_version.clone(),
        );
        headers.insert(USER_AGENT, self.inner.user_agent.clone());
        if let Some(Body::Encoded { content_type, .. }) = &request.body {
            headers.insert(CONTENT_TYPE, header_value("content-type", content_type)?);
        }
        for (name, value) in &request.headers {
            let header_name =
                HeaderName::from_bytes(name.as_bytes()).map_err(|_| Error::InvalidHeader {
                    name: (*name).to_owned(),
                })?;
            headers.insert(header_name, header_value(name, value)?);
        }
        let same_origin = same_origin(url, &self.inner.base_url);
        if !same_origin {
            headers.remove(AUTHORIZATION);
        } else if let Some(token) = &self.inner.token {
            let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
                .map_err(|_| Error::InvalidHeader {
                    name: "authorization".to_owned(),
                })?;
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
        Ok(headers)
    }

    async fn send_once(
        &self,
        request: &Request,
        url: &Url,
        headers: &HeaderMap,
    ) -> Result<RawResponse, Error> {
        let transport = |source| Error::Transport {
            method: request.method.clone(),
            path: request.path_template,
            source,
        };
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), url.clone())
            .headers(headers.clone());
        if let Some(timeout) = self.inner.timeout {
            builder = builder.timeout(timeout);
        }
        match &request.body {
            Some(Body::Encoded { bytes, .. }) => builder = builder.body(bytes.clone()),
            Some(Body::Multipart(form)) => builder = builder.multipart(form.to_form()?),
            None => {}
        }
        let response = builder.send().await.map_err(transport)?;
        let status = response.status();
        let response_headers = response.headers().clone();
        let final_url = response.url().clone();
        self.record_rate_limit(&response_headers);
        let body = Vec::from(response.bytes().await.map_err(transport)?);
        if status.is_success() {
            Ok(RawResponse::new(status, response_headers, body, final_url))
        } else {
            Err(from_response(status, &response_headers, &body))
        }
    }
}

fn header_value(name: &str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| Error::InvalidHeader {
        name: name.to_owned(),
    })
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}
