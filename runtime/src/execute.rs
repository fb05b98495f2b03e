//! [`ClientCore::execute`]: URL building, headers, sending, error mapping and retries.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, IF_NONE_MATCH, USER_AGENT,
};
use reqwest::{Method, StatusCode};
use tracing::Instrument;
use tracing::field::Empty;
use url::Url;

use super::body::Body;
use super::builder::header_value;
use super::client::Inner;
use super::error_mapping::from_response;
use super::github::{API_VERSION_HEADER, DEFAULT_ACCEPT};
use super::response_cache::{CacheKey, CachedResponse};
use super::{ClientCore, Error, RawResponse, Request, ResponseFuture};

impl<C> ClientCore<C> {
    /// Executes a request (with the retry policy) and returns the successful (2xx)
    /// response; non-2xx responses become `Err(Error::…)`.
    ///
    /// Nothing is sent if a path parameter would change the request path
    /// ([`Error::InvalidPathParameter`]). The `Authorization` header is only sent to
    /// the scheme, host and port of the base URL.
    ///
    /// The future is boxed and owns a handle to the client's state: the work behind it is
    /// not generic, so it is compiled once, in this crate, and not again in every crate
    /// (and for every operation) that sends requests.
    pub fn execute(&self, request: Request) -> ResponseFuture<RawResponse> {
        execute(Arc::clone(&self.inner), request)
    }
}

/// [`ClientCore::execute`] on the client's shared state.
pub(super) fn execute(inner: Arc<Inner>, request: Request) -> ResponseFuture<RawResponse> {
    Box::pin(async move { inner.execute(request).await })
}

impl Inner {
    async fn execute(&self, request: Request) -> Result<RawResponse, Error> {
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
        let mut headers = self.request_headers(request)?;
        // Credentials go only to the base URL's scheme, host and port.
        let authorize = same_origin(&url, &self.base_url);
        let cache_key = self.cache_key(request, &url, &headers);
        let mut attempts = 0u32;
        let mut waited = Duration::ZERO;
        let mut reauthorized = false;
        loop {
            attempts += 1;
            span.record("retries", attempts - 1);
            let authorization = if authorize {
                self.credentials.authorization().await?
            } else {
                None
            };
            match &authorization {
                Some(authorization) => {
                    headers.insert(AUTHORIZATION, authorization.value.clone());
                }
                None if !authorize => {
                    headers.remove(AUTHORIZATION);
                }
                None => {}
            }
            let cached = self.cached(cache_key.as_ref(), &mut headers);
            let error = match self
                .send_once(request, &url, &headers, cached.as_deref())
                .await
            {
                Ok(response) => {
                    self.store(cache_key, &response);
                    return Ok(response);
                }
                Err(error) => error,
            };
            // A refused installation token: one more attempt with a new one, not counted.
            if !reauthorized
                && let Some(authorization) = &authorization
                && self.credentials.refused(authorization, error.status())
            {
                reauthorized = true;
                attempts -= 1;
                continue;
            }
            let Some(delay) = self
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
                let expected = format!("{}{separator}{}", self.base_path, request.path);
                let mut url = self.base_url.clone();
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

    /// The headers of every attempt, except `Authorization` and `If-None-Match`.
    fn request_headers(&self, request: &Request) -> Result<HeaderMap, Error> {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            header_value("accept", request.accept.unwrap_or(DEFAULT_ACCEPT))?,
        );
        headers.insert(
            HeaderName::from_static(API_VERSION_HEADER),
            self.api_version.clone(),
        );
        headers.insert(USER_AGENT, self.user_agent.clone());
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
        Ok(headers)
    }

    /// The cache key of a GET the caller did not make conditional itself, if the
    /// response cache is on.
    fn cache_key(&self, request: &Request, url: &Url, headers: &HeaderMap) -> Option<CacheKey> {
        self.cache.as_ref()?;
        (request.method == Method::GET && !headers.contains_key(IF_NONE_MATCH)).then(|| CacheKey {
            scope: self.credentials.cache_scope(),
            accept: request.accept,
            url: url.as_str().to_owned(),
        })
    }

    /// The stored response for `key`, whose `ETag` is then sent as `If-None-Match` (and
    /// none when it was evicted since the previous attempt).
    fn cached(
        &self,
        key: Option<&CacheKey>,
        headers: &mut HeaderMap,
    ) -> Option<std::sync::Arc<CachedResponse>> {
        let cached = self.cache.as_ref()?.get(key?);
        match &cached {
            Some(cached) => headers.insert(IF_NONE_MATCH, cached.etag.clone()),
            None => headers.remove(IF_NONE_MATCH),
        };
        cached
    }

    /// Keeps a fresh 200 response that carries an `ETag`.
    fn store(&self, key: Option<CacheKey>, response: &RawResponse) {
        if let (Some(cache), Some(key)) = (&self.cache, key)
            && response.status() == StatusCode::OK
            && !response.not_modified()
            && let Some(entry) =
                CachedResponse::from_parts(response.status(), response.headers(), response.bytes())
        {
            cache.insert(key, entry);
        }
    }

    async fn send_once(
        &self,
        request: &Request,
        url: &Url,
        headers: &HeaderMap,
        cached: Option<&CachedResponse>,
    ) -> Result<RawResponse, Error> {
        let transport = |source| Error::Transport {
            method: request.method.clone(),
            path: request.path_template,
            source,
        };
        let mut builder = self
            .http
            .request(request.method.clone(), url.clone())
            .headers(headers.clone());
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        match &request.body {
            Some(Body::Encoded { bytes, .. }) => builder = builder.body(bytes.clone()),
            Some(Body::Multipart(form)) => builder = builder.multipart(form.to_form()?),
            None => {}
        }
        let mut response = builder.send().await.map_err(transport)?;
        let status = response.status();
        let response_headers = std::mem::take(response.headers_mut());
        let final_url = response.url().clone();
        self.record_rate_limit(&response_headers);
        let body = response.bytes().await.map_err(transport)?;
        if status.is_success() {
            Ok(RawResponse::new(status, response_headers, body, final_url))
        } else if let (StatusCode::NOT_MODIFIED, Some(cached)) = (status, cached) {
            Ok(RawResponse::revalidated(
                cached,
                response_headers,
                final_url,
            ))
        } else {
            Err(from_response(status, &response_headers, &body))
        }
    }
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}
