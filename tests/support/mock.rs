//! The mock-server harness shared by the per-operation tests (`operations.rs` for the 45
//! operations of the seed pages, `operations_beyond_seeds.rs` for the 26 added since): one
//! call against a wiremock server, the request it received, and macros for the common shapes.
//!
//! Included with `#[macro_use] #[path = "support/mock.rs"] mod mock;`.

use github_runners::{Client, Error, Page};
use github_runners_tests::equivalent;
use serde::Serialize;
use serde_json::Value;
use std::future::IntoFuture;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const TOKEN: &str = "test-token-123";

/// What the server saw.
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
}

/// Runs one call against a mock that answers `status` with `response`, and returns the
/// decoded result and the single request the server received (after checking the headers
/// every request carries).
pub async fn exchange<T, F>(
    status: u16,
    response: Option<&Value>,
    call: impl FnOnce(Client) -> F,
) -> (T, Seen)
where
    F: IntoFuture<Output = Result<T, Error>>,
{
    let server = MockServer::start().await;
    let template = match response {
        Some(body) => ResponseTemplate::new(status).set_body_json(body),
        None => ResponseTemplate::new(status),
    };
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .token(TOKEN)
        .build()
        .unwrap();
    let result = call(client)
        .into_future()
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "exactly one request");
    let request = &requests[0];
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(
        header("accept").as_deref(),
        Some("application/vnd.github+json")
    );
    assert_eq!(
        header("x-github-api-version").as_deref(),
        Some("2022-11-28")
    );
    assert_eq!(header("authorization"), Some(format!("Bearer {TOKEN}")));
    assert!(header("user-agent").is_some_and(|agent| !agent.is_empty()));
    let body = (!request.body.is_empty()).then(|| {
        assert_eq!(header("content-type").as_deref(), Some("application/json"));
        serde_json::from_slice(&request.body).unwrap()
    });
    let seen = Seen {
        method: request.method.to_string(),
        path: request.url.path().to_owned(),
        query: request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        body,
    };
    (result, seen)
}

pub fn assert_request(
    seen: &Seen,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
) {
    assert_eq!(seen.method, method);
    assert_eq!(seen.path, path);
    let mut expected: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
    let mut actual = seen.query.clone();
    expected.sort();
    actual.sort();
    assert_eq!(actual, expected, "query parameters (in any order)");
    assert_eq!(seen.body, body);
}

pub fn assert_decoded<T: Serialize>(decoded: &T, expected: &Value) {
    let back = serde_json::to_value(decoded).unwrap();
    assert!(
        equivalent(&back, expected),
        "decoded {back}\nexpected {expected}"
    );
}

pub fn assert_page<T: Serialize>(page: &Page<T>, expected: &Value, list: &str) {
    assert_decoded(&page.items().iter().collect::<Vec<_>>(), &expected[list]);
    assert_eq!(page.total_count(), expected["total_count"].as_u64());
}

/// A GET of a list: the page size and number go into the query, the page decodes.
macro_rules! list_test {
    ($name:ident, $example:literal, $list:literal, $path:literal, |$c:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let expected = github_runners_tests::example($example);
            let (page, seen) =
                $crate::mock::exchange(200, Some(&expected), |$c| $call.per_page(2).page(3)).await;
            $crate::mock::assert_request(
                &seen,
                "GET",
                $path,
                &[("per_page", "2"), ("page", "3")],
                None,
            );
            $crate::mock::assert_page(&page, &expected, $list);
        }
    };
}

/// A request answered by `204 No Content`.
macro_rules! no_content_test {
    ($name:ident, $method:literal, $path:literal, $body:expr, |$c:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let ((), seen) = $crate::mock::exchange(204, None, |$c| $call).await;
            $crate::mock::assert_request(&seen, $method, $path, &[], $body);
        }
    };
}

/// A request whose JSON answer decodes to one of the spec's examples.
macro_rules! json_test {
    ($name:ident, $method:literal, $status:literal, $example:literal, $path:literal, $body:expr, |$c:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let expected = github_runners_tests::example($example);
            let (decoded, seen) =
                $crate::mock::exchange($status, Some(&expected), |$c| $call).await;
            $crate::mock::assert_request(&seen, $method, $path, &[], $body);
            $crate::mock::assert_decoded(&decoded, &expected);
        }
    };
}
