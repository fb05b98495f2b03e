//! GitHub App authentication against a local mock server: the JWT (checked with the test
//! key's public key), the installation-token exchange, its renewal before expiry and after
//! a 401, one exchange for many concurrent requests, and finding installations.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::sync::atomic::Ordering;

use chrono::Utc;
use github_runners_runtime::{Error, RawClient};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod support;
use support::{
    APP_KEY, EXCHANGE_PATH, app_client, authorizations, get, mount_exchange, ok_for_any_get,
};

const APP_KEY_PKCS8: &str = include_str!("fixtures/test-app-key-pkcs8.pem");
const APP_PUBLIC_KEY: &str = include_str!("fixtures/test-app-key.pub.pem");

fn verify_jwt(authorization: &str) -> (jsonwebtoken::Header, Value) {
    let jwt = authorization.strip_prefix("Bearer ").unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_required_spec_claims(&["iat", "exp", "iss"]);
    let key = DecodingKey::from_rsa_pem(APP_PUBLIC_KEY.as_bytes()).unwrap();
    let data = jsonwebtoken::decode::<Value>(jwt, &key, &validation).unwrap();
    (data.header, data.claims)
}

#[tokio::test]
async fn the_app_jwt_is_rs256_signed_with_the_apps_key_and_github_claims() {
    let server = MockServer::start().await;
    ok_for_any_get(&server).await;
    for key in [APP_KEY, APP_KEY_PKCS8] {
        let client = RawClient::builder()
            .base_url(server.uri())
            .github_app("12345", key)
            .build()
            .unwrap();
        let before = Utc::now().timestamp();
        client.execute(get("/app")).await.unwrap();
        let after = Utc::now().timestamp();
        let sent = authorizations(&server, "/app").await;
        let (header, claims) = verify_jwt(sent.last().unwrap());
        assert_eq!(header.alg, Algorithm::RS256);
        assert_eq!(header.typ.as_deref(), Some("JWT"));
        assert_eq!(claims["iss"], "12345");
        let iat = claims["iat"].as_i64().unwrap();
        let exp = claims["exp"].as_i64().unwrap();
        assert!((before - 60..=after - 60).contains(&iat), "iat {iat}");
        assert_eq!(exp - iat, 600, "exp is 10 minutes after iat, 9 after now");
    }
    // The JWT is reused while it is fresh.
    let client = app_client(&server);
    client.execute(get("/app")).await.unwrap();
    client.execute(get("/app")).await.unwrap();
    let sent = authorizations(&server, "/app").await;
    assert_eq!(sent[sent.len() - 1], sent[sent.len() - 2]);
}

#[tokio::test]
async fn an_installation_exchanges_the_jwt_for_a_token_and_keeps_it() {
    let server = MockServer::start().await;
    let exchanges = mount_exchange(&server, 0).await;
    ok_for_any_get(&server).await;
    let installation = app_client(&server).installation(42).unwrap();
    for _ in 0..3 {
        installation
            .execute(get("/orgs/o/actions/runners"))
            .await
            .unwrap();
    }
    assert_eq!(exchanges.load(Ordering::SeqCst), 1);
    assert_eq!(
        authorizations(&server, "/orgs/o/actions/runners").await,
        vec!["Bearer ghs_1"; 3]
    );
    let (_, claims) = verify_jwt(&authorizations(&server, EXCHANGE_PATH).await[0]);
    assert_eq!(claims["iss"], "12345");
}

#[tokio::test]
async fn a_token_about_to_expire_is_replaced_before_use() {
    let server = MockServer::start().await;
    // The first token expires in two minutes: inside the five-minute margin.
    let exchanges = mount_exchange(&server, 1).await;
    ok_for_any_get(&server).await;
    let installation = app_client(&server).installation(42).unwrap();
    for _ in 0..3 {
        installation.execute(get("/x")).await.unwrap();
    }
    assert_eq!(exchanges.load(Ordering::SeqCst), 2);
    assert_eq!(
        authorizations(&server, "/x").await,
        ["Bearer ghs_1", "Bearer ghs_2", "Bearer ghs_2"]
    );
}

#[tokio::test]
async fn a_401_gets_a_new_token_and_one_more_attempt() {
    let server = MockServer::start().await;
    let exchanges = mount_exchange(&server, 0).await;
    Mock::given(method("GET"))
        .and(header("authorization", "Bearer ghs_1"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(json!({"message": "Bad credentials"})),
        )
        .mount(&server)
        .await;
    ok_for_any_get(&server).await;
    let installation = app_client(&server).installation(42).unwrap();
    // RetryPolicy::none(): the attempt after the 401 is not a retry of the policy.
    installation.execute(get("/x")).await.unwrap();
    assert_eq!(exchanges.load(Ordering::SeqCst), 2);
    assert_eq!(
        authorizations(&server, "/x").await,
        ["Bearer ghs_1", "Bearer ghs_2"]
    );

    // A second 401 in a row is the caller's error, not a loop.
    let server = MockServer::start().await;
    mount_exchange(&server, 0).await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(json!({"message": "Bad credentials"})),
        )
        .mount(&server)
        .await;
    let installation = app_client(&server).installation(42).unwrap();
    let error = installation.execute(get("/x")).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(authorizations(&server, "/x").await.len(), 2);
}

#[tokio::test]
async fn fifty_concurrent_requests_cause_one_exchange() {
    let server = MockServer::start().await;
    let exchanges = mount_exchange(&server, 0).await;
    ok_for_any_get(&server).await;
    let installation = app_client(&server).installation(42).unwrap();
    let requests = (0..50).map(|_| installation.execute(get("/x")));
    for result in futures::future::join_all(requests).await {
        result.unwrap();
    }
    assert_eq!(exchanges.load(Ordering::SeqCst), 1);
    assert_eq!(
        authorizations(&server, "/x").await,
        vec!["Bearer ghs_1"; 50]
    );

    // And 50 requests that all get a 401 for the same token cause one more exchange.
    let server = MockServer::start().await;
    let exchanges = mount_exchange(&server, 0).await;
    Mock::given(method("GET"))
        .and(path("/x"))
        .and(header("authorization", "Bearer ghs_1"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    ok_for_any_get(&server).await;
    let installation = app_client(&server).installation(42).unwrap();
    installation.execute(get("/warm-up")).await.unwrap();
    let requests = (0..50).map(|_| installation.execute(get("/x")));
    for result in futures::future::join_all(requests).await {
        result.unwrap();
    }
    assert_eq!(exchanges.load(Ordering::SeqCst), 2);
    let sent = authorizations(&server, "/x").await;
    assert_eq!(
        sent.iter().filter(|value| *value == "Bearer ghs_2").count(),
        50
    );
}

#[tokio::test]
async fn installations_are_found_by_organization_and_repository() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/orgs/octo-org/installation"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 42, "app_id": 12345})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/repos/octo-org/hello%20world/installation"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 42})))
        .mount(&server)
        .await;
    let exchanges = mount_exchange(&server, 0).await;
    ok_for_any_get(&server).await;
    let app = app_client(&server);
    let by_org = app.installation_for_org("octo-org").await.unwrap();
    by_org.execute(get("/x")).await.unwrap();
    let by_repo = app
        .installation_for_repo("octo-org", "hello world")
        .await
        .unwrap();
    by_repo.execute(get("/y")).await.unwrap();
    // Both name installation 42: one client, one token.
    assert_eq!(exchanges.load(Ordering::SeqCst), 1);
    assert_eq!(authorizations(&server, "/y").await, ["Bearer ghs_1"]);
    for lookup in [
        "/orgs/octo-org/installation",
        "/repos/octo-org/hello%20world/installation",
    ] {
        let sent = authorizations(&server, lookup).await;
        assert_eq!(verify_jwt(&sent[0]).1["iss"], "12345");
    }
    assert_eq!(authorizations(&server, "/x").await, ["Bearer ghs_1"]);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"message": "Not Found"})))
        .mount(&server)
        .await;
    let error = app_client(&server)
        .installation_for_org("nowhere")
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn credentials_are_never_sent_to_another_host() {
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    mount_exchange(&server, 0).await;
    ok_for_any_get(&server).await;
    ok_for_any_get(&other).await;
    let app = app_client(&server);
    let installation = app.installation(42).unwrap();
    let elsewhere = url::Url::parse(&format!("{}/elsewhere", other.uri())).unwrap();
    app.execute(get("/x").with_url(elsewhere.clone()))
        .await
        .unwrap();
    installation
        .execute(get("/x").with_url(elsewhere))
        .await
        .unwrap();
    assert_eq!(authorizations(&other, "/elsewhere").await, ["", ""]);
}

#[tokio::test]
async fn a_bad_key_fails_at_build_and_no_secret_is_ever_printed() {
    let error = RawClient::builder()
        .github_app(1, "not a key")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::InvalidAppKey { .. }));
    assert!(error.to_string().contains("not PEM"), "{error}");
    let public = RawClient::builder()
        .github_app(1, APP_PUBLIC_KEY)
        .build()
        .unwrap_err();
    assert!(public.to_string().contains("public key"), "{public}");

    let server = MockServer::start().await;
    mount_exchange(&server, 0).await;
    ok_for_any_get(&server).await;
    let builder = RawClient::builder()
        .base_url(server.uri())
        .github_app(12345, APP_KEY);
    let app = builder.build().unwrap();
    let installation = app.installation(42).unwrap();
    installation.execute(get("/x")).await.unwrap();
    let jwt = authorizations(&server, EXCHANGE_PATH).await.remove(0);
    let printed = format!(
        "{:?} {app:?} {installation:?}",
        RawClient::builder().github_app(12345, APP_KEY)
    );
    let key_body = APP_KEY.lines().nth(1).unwrap();
    for secret in [key_body, "ghs_1", &jwt["Bearer ".len()..]] {
        assert!(!printed.contains(secret), "{printed}");
    }
    assert!(printed.contains("installation_id: 42"), "{printed}");
}

#[tokio::test]
async fn only_app_clients_make_installation_clients() {
    let client = RawClient::builder().token("ghp_x").build().unwrap();
    assert!(matches!(client.installation(1), Err(Error::NotAnApp)));
    assert!(matches!(
        client.installation_for_org("o").await,
        Err(Error::NotAnApp)
    ));
    let server = MockServer::start().await;
    let installation = app_client(&server).installation(1).unwrap();
    // From an installation client, another installation of the same app.
    assert!(installation.installation(2).is_ok());
}
