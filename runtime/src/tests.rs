//! End-to-end tests of the runtime against local wiremock servers.

use std::time::Duration;

use futures::StreamExt;
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use wiremock::matchers::{any, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::*;

const TEMPLATE: &str = "/orgs/{org}/actions/runners";

fn runners_path(org: &str) -> String {
    format!("/orgs/{}/actions/runners", path_segment(org))
}

fn client(server: &MockServer, token: Option<&str>, retry: RetryPolicy) -> RawClient {
    let mut builder = RawClient::builder()
        .base_url(server.uri())
        .retry_policy(retry);
    if let Some(token) = token {
        builder = builder.token(token);
    }
    builder.build().unwrap()
}

/// A retry policy with tiny backoffs for tests.
fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
}

fn get(org: &str) -> Request {
    Request::new(Method::GET, TEMPLATE, runners_path(org))
}

async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap()
}

fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn sends_default_headers_and_bearer_token() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, Some("ghp_secret_token"), RetryPolicy::none());
    let response = client
        .execute(get("octo").query("per_page", 5))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let received = requests(&server).await;
    let request = &received[0];
    assert_eq!(request.url.path(), "/orgs/octo/actions/runners");
    assert_eq!(request.url.query(), Some("per_page=5"));
    assert_eq!(
        header(request, "accept"),
        Some("application/vnd.github+json")
    );
    assert_eq!(header(request, "x-github-api-version"), Some("2022-11-28"));
    assert_eq!(
        header(request, "user-agent"),
        Some(github::DEFAULT_USER_AGENT)
    );
    assert_eq!(
        header(request, "authorization"),
        Some("Bearer ghp_secret_token")
    );
    assert!(!format!("{client:?}").contains("ghp_secret_token"));
}

#[tokio::test]
async fn no_authorization_without_token_and_overrides() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201).set_body_string("{}"))
        .mount(&server)
        .await;
    let client = RawClient::builder()
        .base_url(server.uri())
        .user_agent("custom-agent/1")
        .build()
        .unwrap();
    let request = Request::new(Method::POST, TEMPLATE, runners_path("o"))
        .accept("application/json")
        .header("x-extra", "yes")
        .json(&serde_json::json!({"name": "r1"}))
        .unwrap();
    client.execute(request).await.unwrap();
    let received = requests(&server).await;
    let request = &received[0];
    assert_eq!(header(request, "authorization"), None);
    assert_eq!(header(request, "accept"), Some("application/json"));
    assert_eq!(header(request, "x-extra"), Some("yes"));
    assert_eq!(header(request, "user-agent"), Some("custom-agent/1"));
    assert_eq!(header(request, "content-type"), Some("application/json"));
    assert_eq!(request.body, br#"{"name":"r1"}"#);
}

#[tokio::test]
async fn ghes_base_url_with_and_without_trailing_slash() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orgs/o/actions/runners"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .expect(2)
        .mount(&server)
        .await;
    for base in [
        format!("{}/api/v3", server.uri()),
        format!("{}/api/v3/", server.uri()),
    ] {
        let client = RawClient::builder()
            .base_url(&base)
            .token("t")
            .build()
            .unwrap();
        assert!(client.base_url().as_str().ends_with("/api/v3/"));
        let response = client.execute(get("o")).await.unwrap();
        assert!(response.url().path().starts_with("/api/v3/orgs/"));
    }
    for request in requests(&server).await {
        assert_eq!(header(&request, "authorization"), Some("Bearer t"));
    }
}

#[tokio::test]
async fn path_parameters_stay_one_segment() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    let client = client(&server, Some("t"), RetryPolicy::none());
    let cases = [
        ("a/b", "/orgs/a%2Fb/actions/runners"),
        ("x?y#z", "/orgs/x%3Fy%23z/actions/runners"),
        ("with space", "/orgs/with%20space/actions/runners"),
        (
            "ünïcødé",
            "/orgs/%C3%BCn%C3%AFc%C3%B8d%C3%A9/actions/runners",
        ),
        ("%2F", "/orgs/%252F/actions/runners"),
        ("%2e%2E", "/orgs/%252e%252E/actions/runners"),
        ("...", "/orgs/.../actions/runners"),
    ];
    for (org, expected) in cases {
        client.execute(get(org)).await.unwrap();
        let received = requests(&server).await;
        let last = received.last().unwrap();
        assert_eq!(last.url.path(), expected, "{org}");
        assert_eq!(last.url.query(), None, "{org}");
    }
    let sent = requests(&server).await.len();
    for org in ["..", ".", ""] {
        let err = client.execute(get(org)).await.unwrap_err();
        match &err {
            Error::InvalidPathParameter { template, .. } => assert_eq!(*template, TEMPLATE),
            other => panic!("{org:?}: unexpected {other:?}"),
        }
        assert!(err.to_string().contains(TEMPLATE));
    }
    // A dot segment in a raw (unencoded) path is refused too.
    let raw = Request::new(Method::GET, "/x/{a}", "/x/%2e%2E/y".to_owned());
    assert!(matches!(
        client.execute(raw).await,
        Err(Error::InvalidPathParameter { .. })
    ));
    assert_eq!(requests(&server).await.len(), sent, "nothing was sent");
}

#[tokio::test]
async fn not_found_json_error() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-github-request-id", "ABCD:1234")
                .set_body_string(
                    r#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","errors":[{"resource":"Runner","field":"id","code":"missing"}],"status":"404"}"#,
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server, None, fast_retry())
        .execute(get("o"))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("unexpected {err:?}")
    };
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.message.as_deref(), Some("Not Found"));
    assert_eq!(
        api.documentation_url.as_deref(),
        Some("https://docs.github.com/rest")
    );
    assert_eq!(api.errors[0].code.as_deref(), Some("missing"));
    assert_eq!(api.body_excerpt, None);
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(err.request_id(), Some("ABCD:1234"));
    assert!(!err.is_retryable());
    assert_eq!(
        err.to_string(),
        "GitHub API error 404 Not Found: Not Found (https://docs.github.com/rest); \
         errors: [resource=Runner field=id code=missing] [request id ABCD:1234]"
    );
}

#[tokio::test]
async fn validation_error_with_object_and_string_details() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(422).set_body_string(
            r#"{"message":"Validation Failed","errors":[{"resource":"Runner","field":"labels","code":"invalid","message":"bad label"},"name is too long"]}"#,
        ))
        .mount(&server)
        .await;
    let err = client(&server, None, RetryPolicy::none())
        .execute(get("o"))
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.errors.len(), 2);
    assert_eq!(api.errors[0].field.as_deref(), Some("labels"));
    assert_eq!(api.errors[0].message.as_deref(), Some("bad label"));
    assert_eq!(
        api.errors[1],
        ApiErrorDetail {
            message: Some("name is too long".into()),
            ..ApiErrorDetail::default()
        }
    );
    assert!(err.to_string().contains("name is too long"));
}

#[tokio::test]
async fn non_json_error_bodies_are_api_errors() {
    let server = MockServer::start().await;
    Mock::given(path("/html"))
        .respond_with(
            ResponseTemplate::new(502)
                .insert_header("content-type", "text/html")
                .set_body_string("<html><body><h1>502 Bad Gateway</h1></body></html>"),
        )
        .mount(&server)
        .await;
    Mock::given(path("/empty"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    Mock::given(path("/truncated"))
        .respond_with(ResponseTemplate::new(400).set_body_string(r#"{"message":"Bad"#))
        .mount(&server)
        .await;
    let client = client(&server, None, RetryPolicy::none());
    let html = client
        .execute(Request::new(Method::GET, "/html", "/html".into()))
        .await
        .unwrap_err();
    let Error::Api(api) = &html else {
        panic!("unexpected {html:?}")
    };
    assert_eq!(api.status, StatusCode::BAD_GATEWAY);
    assert_eq!(api.message, None);
    assert!(
        api.body_excerpt
            .as_deref()
            .unwrap()
            .contains("502 Bad Gateway")
    );
    assert!(html.is_retryable());

    let empty = client
        .execute(Request::new(Method::GET, "/empty", "/empty".into()))
        .await
        .unwrap_err();
    assert_eq!(empty.api().unwrap().body_excerpt.as_deref(), Some(""));
    assert!(empty.to_string().contains("(empty body)"));

    let truncated = client
        .execute(Request::new(Method::GET, "/truncated", "/truncated".into()))
        .await
        .unwrap_err();
    assert_eq!(
        truncated.api().unwrap().body_excerpt.as_deref(),
        Some(r#"{"message":"Bad"#)
    );
}

#[tokio::test]
async fn decode_error_carries_excerpt() {
    #[derive(Debug, Deserialize)]
    struct Runner {
        #[allow(dead_code)]
        id: u64,
    }
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-github-request-id", "R1")
                .set_body_string(r#"{"id":"seven"}"#),
        )
        .mount(&server)
        .await;
    let response = client(&server, None, RetryPolicy::none())
        .execute(get("o"))
        .await
        .unwrap();
    let err = response.json::<Runner>().unwrap_err();
    let Error::Decode {
        status, excerpt, ..
    } = &err
    else {
        panic!("unexpected {err:?}")
    };
    assert_eq!(*status, StatusCode::OK);
    assert_eq!(excerpt, r#"{"id":"seven"}"#);
    assert_eq!(err.request_id(), Some("R1"));
}

#[tokio::test]
async fn primary_rate_limit() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(403)
                .insert_header("x-ratelimit-limit", "5000")
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-used", "5000")
                .insert_header("x-ratelimit-reset", "1700000000")
                .insert_header("x-ratelimit-resource", "core")
                .set_body_string(r#"{"message":"API rate limit exceeded for user ID 1."}"#),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, None, RetryPolicy::none());
    let err = client.execute(get("o")).await.unwrap_err();
    match &err {
        Error::RateLimited {
            reset_at,
            retry_after,
            api,
        } => {
            assert_eq!(reset_at.unwrap().timestamp(), 1_700_000_000);
            assert_eq!(*retry_after, None);
            assert_eq!(api.status, StatusCode::FORBIDDEN);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.is_retryable());
    assert_eq!(err.rate_limit().unwrap().remaining, Some(0));
    assert_eq!(client.rate_limit().unwrap().used, Some(5000));
}

#[tokio::test]
async fn secondary_rate_limits() {
    let server = MockServer::start().await;
    Mock::given(path("/429"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "30")
                .set_body_string(r#"{"message":"Too many requests"}"#),
        )
        .mount(&server)
        .await;
    Mock::given(path("/403"))
        .respond_with(ResponseTemplate::new(403).set_body_string(
            r#"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#,
        ))
        .mount(&server)
        .await;
    Mock::given(path("/forbidden"))
        .respond_with(
            ResponseTemplate::new(403).set_body_string(r#"{"message":"Must have admin rights"}"#),
        )
        .mount(&server)
        .await;
    let client = client(&server, None, RetryPolicy::none());
    let err = client
        .execute(Request::new(Method::GET, "/429", "/429".into()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { reset_at: None, retry_after: Some(d), .. } if d == Duration::from_secs(30)),
        "{err:?}"
    );
    let err = client
        .execute(Request::new(Method::GET, "/403", "/403".into()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d), .. } if d == Duration::from_secs(60)),
        "{err:?}"
    );
    assert!(err.to_string().contains("secondary rate limit"));
    let err = client
        .execute(Request::new(Method::GET, "/forbidden", "/forbidden".into()))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
}

#[tokio::test]
async fn get_is_retried_after_502() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>oops</html>"))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"ok":true}"#))
        .expect(1)
        .mount(&server)
        .await;
    let response = client(&server, Some("t"), fast_retry())
        .execute(get("o"))
        .await
        .unwrap();
    assert_eq!(response.json::<serde_json::Value>().unwrap()["ok"], true);
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn retries_stop_at_max_attempts() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .expect(3)
        .mount(&server)
        .await;
    let err = client(&server, None, fast_retry())
        .execute(Request::new(Method::DELETE, TEMPLATE, runners_path("o")))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
}

#[tokio::test]
async fn post_is_not_retried_unless_opted_in() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;
    let post = || Request::new(Method::POST, TEMPLATE, runners_path("o"));
    let err = client(&server, None, fast_retry())
        .execute(post())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY));
    assert_eq!(requests(&server).await.len(), 1);

    let opted_in = fast_retry().retry_non_idempotent(true).max_attempts(2);
    client(&server, None, opted_in)
        .execute(post())
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn retry_after_beyond_max_total_wait_is_not_slept() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "120"))
        .expect(1)
        .mount(&server)
        .await;
    let policy = fast_retry().max_total_wait(Duration::from_secs(60));
    let err = client(&server, None, policy)
        .execute(get("o"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d), .. } if d == Duration::from_secs(120))
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn short_retry_after_is_honoured() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    client(&server, None, fast_retry())
        .execute(get("o"))
        .await
        .unwrap();
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn client_rate_limit_tracks_latest_response() {
    let server = MockServer::start().await;
    for (remaining, page) in [("4999", "1"), ("4998", "2")] {
        Mock::given(query_param("page", page))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("x-ratelimit-limit", "5000")
                    .insert_header("x-ratelimit-remaining", remaining)
                    .insert_header("x-ratelimit-resource", "core"),
            )
            .mount(&server)
            .await;
    }
    Mock::given(query_param("page", "3"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = client(&server, None, RetryPolicy::none());
    assert_eq!(client.rate_limit(), None);
    let response = client.execute(get("o").query("page", 1)).await.unwrap();
    assert_eq!(response.rate_limit().unwrap().remaining, Some(4999));
    assert_eq!(client.rate_limit().unwrap().remaining, Some(4999));
    client.execute(get("o").query("page", 2)).await.unwrap();
    let clone = client.clone();
    assert_eq!(clone.rate_limit().unwrap().remaining, Some(4998));
    // A response without rate-limit headers keeps the last known values.
    client.execute(get("o").query("page", 3)).await.unwrap();
    assert_eq!(client.rate_limit().unwrap().remaining, Some(4998));
}

#[tokio::test]
async fn connection_failure_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = RawClient::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .token("ghp_secret_token")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.execute(get("o")).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_retryable());
    assert!(!format!("{err:?} {err}").contains("ghp_secret_token"));
}

#[tokio::test]
async fn redirect_to_other_host_drops_token() {
    let origin = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(302).insert_header("location", format!("{}/moved", other.uri())),
        )
        .expect(1)
        .mount(&origin)
        .await;
    Mock::given(path("/moved"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .expect(1)
        .mount(&other)
        .await;
    let response = client(&origin, Some("ghp_secret_token"), RetryPolicy::none())
        .execute(get("o"))
        .await
        .unwrap();
    assert_eq!(response.url().path(), "/moved");
    let first = &requests(&origin).await[0];
    assert_eq!(
        header(first, "authorization"),
        Some("Bearer ghp_secret_token")
    );
    let second = &requests(&other).await[0];
    assert_eq!(header(second, "authorization"), None);
    assert_eq!(
        header(second, "accept"),
        Some("application/vnd.github+json")
    );
}

// ---- pagination ----

#[derive(Deserialize)]
struct ListBody {
    total_count: u64,
    items: Vec<u64>,
}

/// A minimal list-request builder, like the generated ones.
struct ListRunners {
    client: RawClient,
    per_page: Option<u32>,
}

impl Paginated for ListRunners {
    type Item = u64;
    type Client = RawClient;

    fn client(&self) -> &RawClient {
        &self.client
    }

    fn first_request(&self, default_per_page: u32) -> Result<Request, Error> {
        Ok(get("octo").query("per_page", self.per_page.unwrap_or(default_per_page)))
    }

    fn decode_page(response: &RawResponse) -> Result<Page<u64>, Error> {
        let body: ListBody = response.json()?;
        Ok(Page::new(body.items, Some(body.total_count), response))
    }
}

fn list_body(items: &[u64]) -> String {
    serde_json::json!({"total_count": 5, "items": items}).to_string()
}

fn link(base: &str, page: u32, rel: &str) -> String {
    format!("<{base}/orgs/octo/actions/runners?per_page=100&page={page}>; rel=\"{rel}\"")
}

async fn mount_three_pages(server: &MockServer) {
    let uri = server.uri();
    Mock::given(path("/orgs/octo/actions/runners"))
        .and(query_param("per_page", "100"))
        .and(query_param_is_missing("page"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "link",
                    format!("{}, {}", link(&uri, 2, "next"), link(&uri, 3, "last")),
                )
                .set_body_string(list_body(&[1, 2])),
        )
        .expect(1)
        .mount(server)
        .await;
    Mock::given(query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "link",
                    format!(
                        "{}, {}, {}",
                        link(&uri, 1, "prev"),
                        link(&uri, 3, "next"),
                        link(&uri, 3, "last")
                    ),
                )
                .set_body_string(list_body(&[3, 4])),
        )
        .expect(1)
        .mount(server)
        .await;
    Mock::given(query_param("page", "3"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "link",
                    format!("{}, {}", link(&uri, 2, "prev"), link(&uri, 1, "first")),
                )
                .set_body_string(list_body(&[5])),
        )
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn collect_all_follows_next_links() {
    let server = MockServer::start().await;
    mount_three_pages(&server).await;
    let builder = ListRunners {
        client: client(&server, Some("t"), RetryPolicy::none()),
        per_page: None,
    };
    assert_eq!(collect_all(builder).await.unwrap(), vec![1, 2, 3, 4, 5]);
    let received = requests(&server).await;
    assert_eq!(received.len(), 3);
    assert_eq!(received[0].url.query(), Some("per_page=100"));
    for request in &received {
        assert_eq!(header(request, "authorization"), Some("Bearer t"));
        assert_eq!(request.url.path(), "/orgs/octo/actions/runners");
    }
}

#[tokio::test]
async fn stream_is_lazy_and_yields_in_order() {
    let server = MockServer::start().await;
    mount_three_pages(&server).await;
    let builder = ListRunners {
        client: client(&server, None, RetryPolicy::none()),
        per_page: None,
    };
    let mut items = stream(builder);
    assert_eq!(items.next().await.unwrap().unwrap(), 1);
    assert_eq!(items.next().await.unwrap().unwrap(), 2);
    assert_eq!(requests(&server).await.len(), 1, "page 2 not fetched yet");
    let rest: Vec<u64> = items.map(|item| item.unwrap()).collect().await;
    assert_eq!(rest, vec![3, 4, 5]);
}

#[tokio::test]
async fn stream_yields_error_once_then_ends() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(query_param_is_missing("page"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", link(&uri, 2, "next"))
                .set_body_string(list_body(&[1])),
        )
        .mount(&server)
        .await;
    Mock::given(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(404).set_body_string(r#"{"message":"Not Found"}"#))
        .expect(1)
        .mount(&server)
        .await;
    let builder = ListRunners {
        client: client(&server, None, fast_retry()),
        per_page: Some(1),
    };
    let results: Vec<Result<u64, Error>> = stream(builder).collect().await;
    assert_eq!(results.len(), 2);
    assert_eq!(*results[0].as_ref().unwrap(), 1);
    assert_eq!(
        results[1].as_ref().unwrap_err().status(),
        Some(StatusCode::NOT_FOUND)
    );
    let received = requests(&server).await;
    assert_eq!(received[0].url.query(), Some("per_page=1"));
}

#[tokio::test]
async fn empty_page_ends_the_stream() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", link(&uri, 2, "next"))
                .set_body_string(list_body(&[])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let builder = ListRunners {
        client: client(&server, None, RetryPolicy::none()),
        per_page: None,
    };
    assert!(collect_all(builder).await.unwrap().is_empty());
}

#[tokio::test]
async fn next_link_to_other_host_gets_no_token() {
    let origin = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", link(&other.uri(), 2, "next"))
                .set_body_string(list_body(&[1])),
        )
        .expect(1)
        .mount(&origin)
        .await;
    Mock::given(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_string(list_body(&[2])))
        .expect(1)
        .mount(&other)
        .await;
    let builder = ListRunners {
        client: client(&origin, Some("ghp_secret_token"), RetryPolicy::none()),
        per_page: None,
    };
    assert_eq!(collect_all(builder).await.unwrap(), vec![1, 2]);
    assert_eq!(
        header(&requests(&origin).await[0], "authorization"),
        Some("Bearer ghp_secret_token")
    );
    let followed = &requests(&other).await[0];
    assert_eq!(header(followed, "authorization"), None);
    assert_eq!(followed.url.query(), Some("per_page=100&page=2"));
}
