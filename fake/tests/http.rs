//! The fake at the HTTP level, with plain reqwest: pagination headers, ETags, error
//! bodies, tokens, GitHub App authentication, `/rate_limit`, faults, the request log,
//! shutdown, and the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use github_runners_fake::{FakeGitHub, Fault, GitHubApp, Scope, Seed};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};

const PRIVATE_KEY: &str = include_str!("fixtures/app-private-key.pem");
const PUBLIC_KEY: &str = include_str!("fixtures/app-public-key.pem");
const APP_ID: i64 = 4242;

fn http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

async fn get(fake: &FakeGitHub, token: &str, path: &str) -> reqwest::Response {
    http()
        .get(format!("{}{path}", fake.url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn post(fake: &FakeGitHub, token: &str, path: &str, body: &'static str) -> reqwest::Response {
    http()
        .post(format!("{}{path}", fake.url()))
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Asserts a GitHub-shaped refusal: the status and the body's `message`.
async fn assert_refused(response: reqwest::Response, status: StatusCode, message: &str) {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["message"], message, "{body}");
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map_or("", |v| v.to_str().unwrap())
}

/// An app JWT as GitHub wants it: `iat` a minute ago, `exp` in nine minutes.
fn jwt(issuer: Value, expires_in: i64) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"iat": now - 60, "exp": now + expires_in, "iss": issuer});
    let key = EncodingKey::from_rsa_pem(PRIVATE_KEY.as_bytes()).unwrap();
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key).unwrap()
}

async fn app_fake(lifetime: Duration) -> FakeGitHub {
    let app = GitHubApp::new(APP_ID, PUBLIC_KEY)
        .unwrap()
        .client_id("Iv1.fake");
    FakeGitHub::builder()
        .app(app)
        .installation_token_lifetime(lifetime)
        .start()
        .await
        .unwrap()
}

#[tokio::test]
async fn pages_carry_total_count_and_link_relations() {
    let mut seed = Seed::empty();
    seed.organizations.push("big".to_owned());
    let fake = FakeGitHub::builder().seed(seed).start().await.unwrap();
    for n in 0..25 {
        fake.add_runner(Scope::org("big"), &format!("r{n}"), &[])
            .unwrap();
    }
    let path = "/orgs/big/actions/runners?per_page=10&page=2";
    let response = get(&fake, "t", path).await;
    let base = fake.url();
    let page = |n: u32| format!("<{base}/orgs/big/actions/runners?per_page=10&page={n}>");
    assert_eq!(
        header(&response, "link"),
        format!(
            "{}; rel=\"prev\", {}; rel=\"next\", {}; rel=\"last\", {}; rel=\"first\"",
            page(1),
            page(3),
            page(3),
            page(1)
        )
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["total_count"], 25);
    assert_eq!(body["runners"][0]["name"], "r10");

    // per_page above 100 is capped, a list that fits one page has no Link header.
    let response = get(&fake, "t", "/orgs/big/actions/runners?per_page=1000").await;
    assert_eq!(header(&response, "link"), "");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["runners"].as_array().unwrap().len(), 25);
}

#[tokio::test]
async fn etags_answer_304_without_spending_the_rate_limit() {
    let fake = FakeGitHub::start().await.unwrap();
    let path = "/orgs/octo-org/actions/runners";
    let first = get(&fake, "t", path).await;
    let etag = header(&first, "etag").to_owned();
    assert!(etag.starts_with('"'), "{etag}");
    assert_eq!(header(&first, "x-ratelimit-remaining"), "4999");

    let again = http()
        .get(format!("{}{path}", fake.url()))
        .bearer_auth("t")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&again, "x-ratelimit-remaining"), "4999");
    assert_eq!(header(&again, "etag"), etag);
    assert!(again.bytes().await.unwrap().is_empty());

    // A change makes a new ETag.
    fake.add_runner(Scope::org("octo-org"), "new", &[]).unwrap();
    let changed = http()
        .get(format!("{}{path}", fake.url()))
        .bearer_auth("t")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(header(&changed, "etag"), etag);
    assert_eq!(header(&changed, "x-ratelimit-remaining"), "4998");
}

#[tokio::test]
async fn errors_have_githubs_shape() {
    let fake = FakeGitHub::start().await.unwrap();
    let anonymous = http()
        .get(format!("{}/orgs/octo-org/actions/runners", fake.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body["message"], "Requires authentication");
    assert!(body["documentation_url"].is_string());

    for path in [
        "/orgs/octo-org/actions/runners/abc",
        "/orgs/nobody/actions/runners",
        "/nothing",
    ] {
        let response = get(&fake, "t", path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["message"], "Not Found", "{path}");
    }

    let post = |body: &'static str| {
        http()
            .post(format!(
                "{}/orgs/octo-org/actions/runner-groups",
                fake.url()
            ))
            .bearer_auth("t")
            .body(body)
            .send()
    };
    assert_eq!(
        post("{not json").await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );
    let invalid = post(r#"{"visibility":"all"}"#).await.unwrap();
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = invalid.json().await.unwrap();
    assert!(
        body["errors"][0].as_str().unwrap().contains("name"),
        "{body}"
    );
}

#[tokio::test]
async fn only_configured_tokens_are_accepted() {
    let fake = FakeGitHub::builder()
        .token("ghp_good")
        .start()
        .await
        .unwrap();
    assert_eq!(
        get(&fake, "ghp_good", "/orgs/octo-org/actions/runners")
            .await
            .status(),
        200
    );
    let bad = get(&fake, "ghp_bad", "/orgs/octo-org/actions/runners").await;
    assert_refused(bad, StatusCode::UNAUTHORIZED, "Bad credentials").await;
}

#[tokio::test]
async fn an_app_finds_its_installation_and_gets_tokens_scoped_to_it() {
    let fake = app_fake(Duration::from_secs(3600)).await;
    let app_jwt = jwt(json!(APP_ID), 540);

    let installation: Value = get(&fake, &app_jwt, "/orgs/octo-org/installation")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(installation["id"], 1);
    assert_eq!(installation["app_id"], APP_ID);
    assert_eq!(installation["account"]["login"], "octo-org");
    assert_eq!(installation["account"]["type"], "Organization");
    let by_repo: Value = get(
        &fake,
        &jwt(json!("Iv1.fake"), 540),
        "/repos/octocat/hello-world/installation",
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(by_repo["id"], 1);

    let exchange = post(&fake, &app_jwt, "/app/installations/1/access_tokens", "").await;
    assert_eq!(exchange.status(), StatusCode::CREATED);
    let token: Value = exchange.json().await.unwrap();
    let token = token["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("ghs_"));

    assert_eq!(
        get(&fake, &token, "/orgs/octo-org/actions/runners")
            .await
            .status(),
        200
    );
    assert_eq!(
        get(&fake, &token, "/repos/octocat/hello-world/actions/runners")
            .await
            .status(),
        200
    );
    for elsewhere in [
        "/enterprises/octo-enterprise/actions/runners",
        "/orgs/other/actions/runners",
    ] {
        let response = get(&fake, &token, elsewhere).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{elsewhere}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["message"], "Resource not accessible by integration");
    }
    // The JWT itself is only good for the app endpoints; a token is no JWT.
    assert_eq!(
        get(&fake, &app_jwt, "/orgs/octo-org/actions/runners")
            .await
            .status(),
        403
    );
    let not_jwt = post(&fake, &token, "/app/installations/1/access_tokens", "").await;
    assert_eq!(not_jwt.status(), StatusCode::UNAUTHORIZED);
    let unknown = post(&fake, &app_jwt, "/app/installations/99/access_tokens", "").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_jwts_and_expired_installation_tokens_are_refused() {
    let fake = app_fake(Duration::ZERO).await;
    for (what, token) in [
        ("wrong issuer", jwt(json!(1), 540)),
        ("expires too late", jwt(json!(APP_ID), 3600)),
        ("expired", jwt(json!(APP_ID), -120)),
    ] {
        let response = get(&fake, &token, "/orgs/octo-org/installation").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
    }
    let other_key = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n";
    assert!(GitHubApp::new(1, other_key).is_err());

    // A zero lifetime: the token is expired when it is first used, as after an hour.
    let app_jwt = jwt(json!(APP_ID), 540);
    let exchange = post(&fake, &app_jwt, "/app/installations/1/access_tokens", "").await;
    let exchange: Value = exchange.json().await.unwrap();
    let token = exchange["token"].as_str().unwrap();
    let response = get(&fake, token, "/orgs/octo-org/actions/runners").await;
    assert_refused(response, StatusCode::UNAUTHORIZED, "Bad credentials").await;
}

#[tokio::test]
async fn rate_limit_endpoint_reports_buckets_and_costs_nothing() {
    let fake = FakeGitHub::builder().rate_limit(10).start().await.unwrap();
    get(&fake, "a", "/orgs/octo-org/actions/runners").await;
    get(&fake, "a", "/orgs/octo-org/actions/runners").await;
    for _ in 0..3 {
        let body: Value = get(&fake, "a", "/rate_limit").await.json().await.unwrap();
        assert_eq!(body["resources"]["core"]["remaining"], 8);
        assert_eq!(body["resources"]["core"]["used"], 2);
        assert_eq!(body["rate"], body["resources"]["core"]);
        for bucket in ["search", "graphql", "actions_runner_registration"] {
            assert!(body["resources"][bucket]["limit"].is_u64(), "{bucket}");
        }
    }
    // Budgets are per credential.
    let other: Value = get(&fake, "b", "/rate_limit").await.json().await.unwrap();
    assert_eq!(other["resources"]["core"]["remaining"], 10);

    fake.set_rate_limit_remaining("a", 0).unwrap();
    let refused = get(&fake, "a", "/orgs/octo-org/actions/runners").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(header(&refused, "x-ratelimit-remaining"), "0");
    assert!(
        header(&refused, "x-ratelimit-reset")
            .parse::<i64>()
            .unwrap()
            > chrono::Utc::now().timestamp()
    );
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("rate limit exceeded")
    );
}

#[tokio::test]
async fn faults_hit_the_next_matching_requests_only() {
    let fake = FakeGitHub::start().await.unwrap();
    let runners = "/orgs/octo-org/actions/runners";
    fake.inject(Fault::internal_server_error().on_path(runners).times(2));
    assert_eq!(
        get(&fake, "t", "/orgs/octo-org/actions/runner-groups")
            .await
            .status(),
        200
    );
    let failed = get(&fake, "t", runners).await;
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(header(&failed, "content-type").starts_with("text/html"));
    assert_eq!(get(&fake, "t", runners).await.status(), 500);
    assert_eq!(get(&fake, "t", runners).await.status(), 200);

    fake.inject(Fault::drop_connection());
    let dropped = http()
        .get(format!("{}{runners}", fake.url()))
        .bearer_auth("t")
        .send()
        .await;
    assert!(dropped.is_err(), "the connection closes without an answer");
    fake.inject(Fault::delay(Duration::from_millis(1)));
    assert_eq!(get(&fake, "t", runners).await.status(), 200);

    fake.inject(Fault::secondary_rate_limit(30));
    let limited = get(&fake, "t", runners).await;
    assert_eq!(limited.status(), StatusCode::FORBIDDEN);
    assert_eq!(header(&limited, "retry-after"), "30");
    let body: Value = limited.json().await.unwrap();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("secondary rate limit")
    );
}

#[tokio::test]
async fn the_request_log_redacts_credentials() {
    let fake = FakeGitHub::start().await.unwrap();
    http()
        .post(format!(
            "{}/orgs/octo-org/actions/runner-groups",
            fake.url()
        ))
        .bearer_auth("ghp_secret_value")
        .body(r#"{"name":"logged"}"#)
        .send()
        .await
        .unwrap();
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/orgs/octo-org/actions/runner-groups")
    );
    assert_eq!(request.header("Authorization"), Some("Bearer <redacted>"));
    assert_eq!(request.body, r#"{"name":"logged"}"#);
    assert_eq!(request.status, Some(201));
    assert!(!format!("{requests:?}").contains("ghp_secret_value"));
    fake.clear_requests();
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn shutdown_and_drop_free_the_port() {
    let fake = FakeGitHub::start().await.unwrap();
    let address = fake.url().trim_start_matches("http://").to_owned();
    // Keep a connection open: shutdown must close it too.
    assert_eq!(get(&fake, "t", "/rate_limit").await.status(), 200);
    fake.shutdown().await;
    assert!(tokio::net::TcpStream::connect(&address).await.is_err());
    drop(tokio::net::TcpListener::bind(&address).await.unwrap());

    let fake = FakeGitHub::start().await.unwrap();
    let address = fake.url().trim_start_matches("http://").to_owned();
    drop(fake);
    tokio::task::yield_now().await;
    drop(tokio::net::TcpListener::bind(&address).await.unwrap());
}

#[tokio::test]
async fn the_binary_serves_a_seed_file() {
    use tokio::io::AsyncBufReadExt as _;
    let seed = json!({
        "organizations": ["seeded-org"],
        "runners": [{"scope": {"organization": "seeded-org"}, "name": "from-file", "labels": ["x"]}],
        "tokens": ["ghp_file"],
    });
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fake-seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_github-runners-fake"))
        .args(["--port", "0", "--seed"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let line = lines.next_line().await.unwrap().unwrap();
    let url = line.rsplit(' ').next().unwrap().to_owned();
    let body: Value = http()
        .get(format!("{url}/orgs/seeded-org/actions/runners"))
        .bearer_auth("ghp_file")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["runners"][0]["name"], "from-file");
    child.kill().await.unwrap();

    assert!(Seed::from_json(r#"{"runners": [{"name": "no scope"}]}"#).is_err());
    assert!(Seed::from_json(r#"{"unknown": 1}"#).is_err());
}

#[tokio::test]
async fn names_in_paths_match_without_regard_to_case() {
    let fake = FakeGitHub::start().await.unwrap();
    for path in [
        "/orgs/Octo-Org/actions/runners",
        "/repos/OctoCat/Hello-World/actions/runners",
        "/enterprises/OCTO-ENTERPRISE/actions/runners",
        "/orgs/OCTO-ORG/actions/permissions/self-hosted-runners",
    ] {
        let response = get(&fake, "t", path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    let body: Value = get(&fake, "t", "/orgs/OCTO-org/actions/runners")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["total_count"], 3);
}
