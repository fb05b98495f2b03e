//! The HTTP server: the accept loop (one task per connection, all stopped with the
//! server) and the pipeline every request goes through before and after its route:
//!
//! 1. record it (`inspect`);
//! 2. apply an injected fault (`faults`);
//! 3. authenticate and authorize (`auth`);
//! 4. refuse it if the credential's rate limit is spent (`rate_limit`);
//! 5. route it (`routes`);
//! 6. answer `304` for a matching `If-None-Match` (`conditional`), otherwise spend one
//!    request of the budget;
//! 7. add the `x-ratelimit-*`, `ETag`, `Link` and `x-github-request-id` headers.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinSet;
use tower::ServiceExt as _;

use crate::auth::{Auth, Credential};
use crate::conditional;
use crate::faults::{FaultKind, Faults};
use crate::inspect::RecordedRequest;
use crate::pagination::{PageInfo, link_header};
use crate::rate_limit::RateLimits;
use crate::world::World;

/// How many requests the log keeps; beyond, the older half is forgotten.
const MAX_LOGGED: usize = 100_000;

/// The largest request body the fake reads.
const MAX_BODY: usize = 4 << 20;

/// Locks a mutex; a panic in another holder does not make the data unusable here.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Everything the fake knows, shared by the connections and the test's handle.
#[derive(Debug)]
pub(crate) struct Shared {
    base_url: String,
    pub(crate) world: Mutex<World>,
    pub(crate) auth: Mutex<Auth>,
    pub(crate) limits: Mutex<RateLimits>,
    pub(crate) faults: Mutex<Faults>,
    pub(crate) log: Mutex<Vec<RecordedRequest>>,
    request_ids: AtomicU64,
}

impl Shared {
    /// State for a server at `base_url`.
    pub(crate) fn new(base_url: String, world: World, auth: Auth, limits: RateLimits) -> Shared {
        Shared {
            base_url,
            world: Mutex::new(world),
            auth: Mutex::new(auth),
            limits: Mutex::new(limits),
            faults: Mutex::new(Faults::default()),
            log: Mutex::new(Vec::new()),
            request_ids: AtomicU64::new(0),
        }
    }

    /// The world, locked.
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    /// The server's base URL (`http://127.0.0.1:PORT`), for URLs inside bodies.
    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }
}

/// The error that makes hyper close a connection without answering.
#[derive(Debug, thiserror::Error)]
#[error("connection dropped by an injected fault")]
struct DropConnection;

/// Accepts connections until `stop` fires (or its sender is dropped); every connection
/// task lives in one `JoinSet`, so they all end with this function.
pub(crate) async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut stop: oneshot::Receiver<()>,
) {
    let router = crate::routes::router(Arc::clone(&shared));
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let shared = Arc::clone(&shared);
                let router = router.clone();
                connections.spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        handle(Arc::clone(&shared), router.clone(), request)
                    });
                    // A client that goes away mid-request is not an error of the fake.
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

/// Reads the request, answers it through the pipeline and records both.
async fn handle(
    shared: Arc<Shared>,
    router: Router,
    request: Request<Incoming>,
) -> Result<Response, DropConnection> {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(Body::new(body), MAX_BODY).await else {
        return Ok(StatusCode::PAYLOAD_TOO_LARGE.into_response());
    };
    let mut record = RecordedRequest::new(&parts, &body);
    let answer = respond(
        &shared,
        router,
        Request::from_parts(parts, Body::from(body)),
    )
    .await;
    record.status = answer
        .as_ref()
        .ok()
        .map(|response| response.status().as_u16());
    let mut log = lock(&shared.log);
    if log.len() >= MAX_LOGGED {
        // A long-running fake (the binary) keeps the most recent requests only.
        log.drain(..MAX_LOGGED / 2);
    }
    log.push(record);
    drop(log);
    answer
}

/// The pipeline described in the module documentation.
async fn respond(
    shared: &Shared,
    router: Router,
    mut request: Request<Body>,
) -> Result<Response, DropConnection> {
    let path = request.uri().path().to_owned();
    let fault = lock(&shared.faults).take(&path);
    match fault {
        Some(FaultKind::ServerError(status)) => return Ok(crate::faults::server_error(status)),
        Some(FaultKind::SecondaryRateLimit {
            retry_after,
            status,
        }) => {
            return Ok(crate::faults::secondary_rate_limit(retry_after, status));
        }
        Some(FaultKind::DropConnection) => return Err(DropConnection),
        Some(FaultKind::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(FaultKind::RunnerRemoved(runner)) => {
            shared.world().runners.remove(&runner.0);
        }
        Some(FaultKind::RunnerTurns { runner, state }) => {
            shared.world().set_runner_state(runner.0, state);
        }
        None => {}
    }

    let authorization = request
        .headers()
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let repository_account = repository_account(shared, &path);
    let credential = {
        let auth = lock(&shared.auth);
        auth.authenticate(authorization.as_deref())
            .and_then(|credential| {
                auth.authorize(&credential, &path, repository_account.as_deref())
                    .map(|()| credential)
            })
    };
    let credential = match credential {
        Ok(credential) => credential,
        Err(failure) => return Ok(with_request_id(shared, failure.into_response())),
    };
    let bucket = credential.bucket();
    let counted = path != "/rate_limit";
    if counted && let Some(refusal) = lock(&shared.limits).refusal(&bucket) {
        return Ok(with_request_id(shared, refusal.into_response()));
    }

    let is_get = request.method() == Method::GET;
    let request_headers = request.headers().clone();
    let request_url = absolute_url(shared, &request);
    request.extensions_mut().insert::<Credential>(credential);
    let Ok(response) = router.oneshot(request).await;
    let (mut parts, body) = response.into_parts();
    let Ok(mut body) = axum::body::to_bytes(body, usize::MAX).await else {
        return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    };

    let etag = (is_get && parts.status == StatusCode::OK).then(|| conditional::etag(&body));
    let not_modified = etag
        .as_deref()
        .is_some_and(|etag| conditional::not_modified(&request_headers, etag));
    let snapshot = {
        let mut limits = lock(&shared.limits);
        if counted && !not_modified {
            limits.spend(&bucket)
        } else {
            limits.peek(&bucket)
        }
    };
    snapshot.write_headers(&mut parts.headers);
    if let Some(etag) = etag
        && let Ok(value) = HeaderValue::from_str(&etag)
    {
        parts.headers.insert("etag", value);
    }
    if not_modified {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove("content-type");
        parts.headers.remove("content-length");
        body = axum::body::Bytes::new();
    }
    if let (Some(info), Some(url)) = (parts.extensions.get::<PageInfo>(), request_url)
        && let Some(link) = link_header(&url, *info)
        && let Ok(value) = HeaderValue::from_str(&link)
    {
        parts.headers.insert("link", value);
    }
    Ok(with_request_id(
        shared,
        Response::from_parts(parts, Body::from(body)),
    ))
}

/// For a `/repos/{owner}/{repo}/…` path, the organization the repository belongs to (an
/// installation on that organization may use it), or its owner.
fn repository_account(shared: &Shared, path: &str) -> Option<String> {
    let mut segments = path.trim_start_matches('/').split('/');
    let (Some("repos"), Some(owner), Some(name)) =
        (segments.next(), segments.next(), segments.next())
    else {
        return None;
    };
    let world = shared.world();
    let repository = world.repository(owner, name)?;
    Some(
        repository
            .organization
            .clone()
            .unwrap_or_else(|| repository.owner.clone()),
    )
}

/// The absolute URL the client requested: its `Host` header (so links work through a
/// proxy in front of the fake), else the fake's own address.
fn absolute_url(shared: &Shared, request: &Request<Body>) -> Option<url::Url> {
    let path_and_query = request
        .uri()
        .path_and_query()
        .map_or("/", |value| value.as_str());
    let base = request
        .headers()
        .get("host")
        .and_then(|host| host.to_str().ok())
        .map(|host| format!("http://{host}"))
        .unwrap_or_else(|| shared.base_url.clone());
    url::Url::parse(&format!("{base}{path_and_query}")).ok()
}

/// Adds `x-github-request-id`, unique per request.
fn with_request_id(shared: &Shared, mut response: Response) -> Response {
    let id = shared.request_ids.fetch_add(1, Ordering::Relaxed) + 1;
    if let Ok(value) = HeaderValue::from_str(&format!("FAKE:{id:08X}")) {
        response.headers_mut().insert("x-github-request-id", value);
    }
    response
}
