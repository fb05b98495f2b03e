//! Runs the examples of `generated/examples/` against a local wiremock server standing in
//! for the GitHub API (`GITHUB_API_URL`), with lists split over two pages by `Link`
//! headers, and checks their exit status and output.
//!
//! The examples are built once with `cargo build -p github-runners --examples` (the
//! `cargo` that runs the tests) and their executables located from Cargo's JSON messages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "ghp_examples_test_token";
const ORG: &str = "octo-org";
const REGISTRATION_TOKEN: &str = "AABF3JGZDX3P5PMEXLND6TS6FCWO6";
const JIT_CONFIG: &str = "eyJydW5uZXIiOiJqaXQtMSIsImdyb3VwIjozfQ==";

/// The example executables by name, built once for all tests.
fn examples() -> &'static HashMap<String, PathBuf> {
    static EXAMPLES: OnceLock<HashMap<String, PathBuf>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let output = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "github-runners",
                "--examples",
                "--message-format=json",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo can be run");
        let messages: Vec<Value> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect();
        if !output.status.success() {
            let rendered: Vec<&str> = messages
                .iter()
                .filter_map(|message| message["message"]["rendered"].as_str())
                .collect();
            panic!(
                "building the examples failed:\n{}{}",
                rendered.join(""),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let mut examples = HashMap::new();
        for message in &messages {
            let is_example = message["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|kind| kind == "example"));
            if message["reason"] == "compiler-artifact"
                && is_example
                && let (Some(name), Some(executable)) = (
                    message["target"]["name"].as_str(),
                    message["executable"].as_str(),
                )
            {
                examples.insert(name.to_owned(), PathBuf::from(executable));
            }
        }
        examples
    })
}

/// Runs an example with the org argument and the environment pointing at `server`.
async fn run_example(name: &'static str, server: &MockServer, env: &[(&str, &str)]) -> Output {
    run_example_with_args(name, &[], server, env).await
}

/// Runs an example with the org argument followed by `args`, and the environment pointing
/// at `server`.
async fn run_example_with_args(
    name: &'static str,
    args: &[&str],
    server: &MockServer,
    env: &[(&str, &str)],
) -> Output {
    let executable = examples()
        .get(name)
        .unwrap_or_else(|| panic!("example `{name}` was not built"))
        .clone();
    let mut command = Command::new(executable);
    command
        .arg(ORG)
        .args(args)
        .env("GITHUB_TOKEN", TOKEN)
        .env("GITHUB_API_URL", server.uri())
        .env_remove("GITHUB_ORG")
        .env_remove("GITHUB_SERVER_URL");
    for (key, value) in env {
        command.env(key, value);
    }
    tokio::task::spawn_blocking(move || command.output().expect("the example runs"))
        .await
        .unwrap()
}

fn stdout_lines(output: &Output) -> Vec<String> {
    assert!(
        output.status.success(),
        "the example failed ({}):\nstdout:\n{}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn runner(id: i64, name: &str, status: &str, busy: bool, labels: &[&str]) -> Value {
    json!({
        "id": id,
        "name": name,
        "os": "linux",
        "status": status,
        "busy": busy,
        "labels": labels.iter().map(|label| json!({"id": 1, "name": label, "type": "read-only"})).collect::<Vec<_>>(),
    })
}

fn group(id: i64, name: &str, visibility: &str, allows_public: bool) -> Value {
    json!({
        "id": id,
        "name": name,
        "visibility": visibility,
        "default": id == 1,
        "runners_url": format!("https://api.github.com/orgs/{ORG}/actions/runner-groups/{id}/runners"),
        "inherited": false,
        "allows_public_repositories": allows_public,
    })
}

fn repository(id: i64, name: &str, private: bool) -> Value {
    let owner_url = format!("https://api.github.com/users/{ORG}");
    json!({
        "id": id,
        "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
        "name": name,
        "full_name": format!("{ORG}/{name}"),
        "owner": {
            "login": ORG, "id": 1, "node_id": "MDQ6VXNlcjE=",
            "avatar_url": "https://github.com/images/error/octocat_happy.gif",
            "gravatar_id": "", "url": owner_url, "html_url": format!("https://github.com/{ORG}"),
            "followers_url": format!("{owner_url}/followers"),
            "following_url": format!("{owner_url}/following{{/other_user}}"),
            "gists_url": format!("{owner_url}/gists{{/gist_id}}"),
            "starred_url": format!("{owner_url}/starred{{/owner}}{{/repo}}"),
            "subscriptions_url": format!("{owner_url}/subscriptions"),
            "organizations_url": format!("{owner_url}/orgs"),
            "repos_url": format!("{owner_url}/repos"),
            "events_url": format!("{owner_url}/events{{/privacy}}"),
            "received_events_url": format!("{owner_url}/received_events"),
            "type": "Organization", "site_admin": false,
        },
        "private": private,
        "html_url": format!("https://github.com/{ORG}/{name}"),
        "url": format!("https://api.github.com/repos/{ORG}/{name}"),
    })
}

/// Mounts a list at `list_path` split in two pages: the first answers requests without
/// `page` and links to `?page=2`, which answers the second.
async fn mount_two_pages(
    server: &MockServer,
    list_path: &str,
    field: &str,
    first: Vec<Value>,
    second: Vec<Value>,
) {
    let total = first.len() + second.len();
    let next = format!("{}{list_path}?per_page=100&page=2", server.uri());
    Mock::given(method("GET"))
        .and(path(list_path))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(query_param_is_missing("page"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "link",
                    format!("<{next}>; rel=\"next\", <{next}>; rel=\"last\"").as_str(),
                )
                .set_body_json(json!({"total_count": total, field: first})),
        )
        .expect(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"total_count": total, field: second})),
        )
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn list_org_runners_streams_every_page() {
    let server = MockServer::start().await;
    mount_two_pages(
        &server,
        "/orgs/octo-org/actions/runners",
        "runners",
        vec![
            runner(23, "MBP", "online", true, &["self-hosted", "macOS"]),
            runner(24, "iMac", "offline", false, &["self-hosted"]),
        ],
        vec![runner(
            25,
            "linux-1",
            "online",
            false,
            &["self-hosted", "linux", "gpu"],
        )],
    )
    .await;

    let output = run_example("list_org_runners", &server, &[]).await;

    assert_eq!(
        stdout_lines(&output),
        [
            "23\tMBP\tlinux\tonline\tbusy\tself-hosted,macOS",
            "24\tiMac\tlinux\toffline\tidle\tself-hosted",
            "25\tlinux-1\tlinux\tonline\tidle\tself-hosted,linux,gpu",
            "3 self-hosted runner(s) in octo-org",
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_token_prints_the_config_command_and_nothing_else_with_the_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/orgs/octo-org/actions/runners/registration-token"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "token": REGISTRATION_TOKEN,
            "expires_at": "2020-01-22T12:13:35.123-08:00",
        })))
        .expect(2)
        .mount(&server)
        .await;

    let output = run_example("registration_token", &server, &[]).await;
    let stdout = stdout_lines(&output);
    assert_eq!(
        stdout,
        [format!(
            "./config.sh --url https://github.com/octo-org --token {REGISTRATION_TOKEN}"
        )]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2020-01-22T20:13:35.123+00:00"), "{stderr}");
    assert!(
        !stderr.contains(REGISTRATION_TOKEN),
        "the token leaked to stderr: {stderr}"
    );
    assert!(
        !stderr.contains(TOKEN),
        "the API token leaked to stderr: {stderr}"
    );

    // GITHUB_SERVER_URL selects the web URL (GitHub Enterprise Server).
    let output = run_example(
        "registration_token",
        &server,
        &[("GITHUB_SERVER_URL", "https://ghe.example.com/")],
    )
    .await;
    assert_eq!(
        stdout_lines(&output),
        [format!(
            "./config.sh --url https://ghe.example.com/octo-org --token {REGISTRATION_TOKEN}"
        )]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_runner_groups_lists_the_repositories_of_each_group() {
    let server = MockServer::start().await;
    mount_two_pages(
        &server,
        "/orgs/octo-org/actions/runner-groups",
        "runner_groups",
        vec![
            group(1, "Default", "all", false),
            group(2, "deploy", "selected", false),
        ],
        vec![group(3, "internal", "private", false)],
    )
    .await;
    mount_two_pages(
        &server,
        "/orgs/octo-org/actions/runner-groups/2/repositories",
        "repositories",
        vec![repository(10, "api", true)],
        vec![repository(11, "website", false)],
    )
    .await;

    let output = run_example("audit_runner_groups", &server, &[]).await;

    assert_eq!(
        stdout_lines(&output),
        [
            "runner group \"Default\" (id 1, visibility all)",
            "  all repositories of octo-org (public repositories excluded)",
            "runner group \"deploy\" (id 2, visibility selected)",
            "  octo-org/api (private)",
            "  octo-org/website (public)",
            "  2 selected repository(ies) (public repositories excluded)",
            "runner group \"internal\" (id 3, visibility private)",
            "  all private repositories of octo-org",
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn examples_fail_clearly_without_a_token() {
    let server = MockServer::start().await;
    for name in [
        "list_org_runners",
        "registration_token",
        "audit_runner_groups",
        "jit_runner",
    ] {
        let args = ["gpu", "jit-1"];
        let output = run_example_with_args(name, &args, &server, &[("GITHUB_TOKEN", "")]).await;
        assert!(!output.status.success(), "{name} succeeded without a token");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("GITHUB_TOKEN is not set"),
            "{name}: {stderr}"
        );
    }
    assert!(
        server
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

/// An API error (here 404) makes the example fail with the error, not a partial success.
#[tokio::test(flavor = "multi_thread")]
async fn examples_report_api_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "message": "Not Found",
            "documentation_url": "https://docs.github.com/rest",
        })))
        .mount(&server)
        .await;
    let output = run_example("list_org_runners", &server, &[]).await;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Not Found"), "{stderr}");
    assert!(!stderr.contains(TOKEN), "the API token leaked: {stderr}");
}

/// Mounts the organization's runner groups over two pages, "gpu" (id 3) on the second.
async fn mount_groups(server: &MockServer) {
    mount_two_pages(
        server,
        "/orgs/octo-org/actions/runner-groups",
        "runner_groups",
        vec![
            group(1, "Default", "all", false),
            group(2, "deploy", "selected", false),
        ],
        vec![group(3, "gpu", "private", false)],
    )
    .await;
}

/// Answers the JIT request for runner `jit-1` in group 3 with `status` and `body`.
async fn mount_jit(server: &MockServer, labels: &[&str], status: u16, body: Value) {
    Mock::given(method("POST"))
        .and(path("/orgs/octo-org/actions/runners/generate-jitconfig"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(
            json!({"name": "jit-1", "runner_group_id": 3, "labels": labels}),
        ))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn jit_runner_finds_the_group_by_name_and_prints_the_start_command_only() {
    let server = MockServer::start().await;
    mount_groups(&server).await;
    let mut registered = runner(23, "jit-1", "offline", false, &["self-hosted", "gpu"]);
    registered["ephemeral"] = json!(true);
    registered["runner_group_id"] = json!(3);
    let answer = json!({"runner": registered, "encoded_jit_config": JIT_CONFIG});
    mount_jit(&server, &["gpu", "cuda"], 201, answer).await;

    let args = ["gpu", "jit-1", "gpu", "cuda"];
    let output = run_example_with_args("jit_runner", &args, &server, &[]).await;

    assert_eq!(
        stdout_lines(&output),
        [format!("./run.sh --jitconfig {JIT_CONFIG}")]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"gpu\" of octo-org has id 3"), "{stderr}");
    assert!(stderr.contains("configuration <redacted>"), "{stderr}");
    assert!(
        !stderr.contains(JIT_CONFIG),
        "the JIT configuration leaked to stderr: {stderr}"
    );
    assert!(!stderr.contains(TOKEN), "the API token leaked: {stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn jit_runner_labels_default_to_self_hosted_and_a_name_in_use_is_explained() {
    let server = MockServer::start().await;
    mount_groups(&server).await;
    let conflict =
        json!({"message": "Already exists", "documentation_url": "https://docs.github.com/rest"});
    mount_jit(&server, &["self-hosted"], 409, conflict).await;

    let output = run_example_with_args("jit_runner", &["gpu", "jit-1"], &server, &[]).await;

    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a runner named \"jit-1\" already exists in octo-org"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn jit_runner_names_the_groups_when_none_matches_and_registers_nothing() {
    let server = MockServer::start().await;
    mount_groups(&server).await;

    let output = run_example_with_args("jit_runner", &["large", "jit-1"], &server, &[]).await;

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no runner group named \"large\" (its groups: Default, deploy, gpu)"),
        "{stderr}"
    );
    let requests = server.received_requests().await.unwrap_or_default();
    assert!(
        requests
            .iter()
            .all(|request| request.method.as_str() == "GET")
    );
}

/// The test app's private key (a fixture made for the tests, see its README).
fn test_app_key_path() -> String {
    format!(
        "{}/../runtime/tests/fixtures/test-app-key.pem",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The `Authorization` header of the first request the server received for `wanted`.
async fn authorization_of(server: &MockServer, wanted: &str) -> String {
    let requests = server.received_requests().await.unwrap();
    let request = requests
        .iter()
        .find(|request| request.url.path() == wanted)
        .unwrap_or_else(|| panic!("no request for {wanted}"));
    request.headers["authorization"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn app_installation_lists_runners_as_the_apps_installation() {
    const INSTALLATION_TOKEN: &str = "ghs_examples_installation_token";
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/orgs/{ORG}/installation")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 99, "app_id": 12345})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/app/installations/99/access_tokens"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "token": INSTALLATION_TOKEN,
            "expires_at": (chrono::Utc::now() + chrono::TimeDelta::hours(1)).to_rfc3339(),
        })))
        .expect(1)
        .mount(&server)
        .await;
    let installation = format!("Bearer {INSTALLATION_TOKEN}");
    let runners_path = format!("/orgs/{ORG}/actions/runners");
    // The second GET of the same page carries the ETag and is answered 304.
    Mock::given(method("GET"))
        .and(path(runners_path.as_str()))
        .and(header("authorization", installation.as_str()))
        .and(header("if-none-match", "\"runners-1\""))
        .respond_with(ResponseTemplate::new(304).insert_header("etag", "\"runners-1\""))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(runners_path.as_str()))
        .and(header("authorization", installation.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"runners-1\"")
                .set_body_json(json!({"total_count": 2, "runners": [
                    runner(11, "build-1", "online", true, &["self-hosted"]),
                    runner(12, "build-2", "offline", false, &["self-hosted"]),
                ]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/rate_limit"))
        .and(header("authorization", installation.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(github_runners_tests::example("rate-limit-overview")),
        )
        .expect(1)
        .mount(&server)
        .await;

    let key_path = test_app_key_path();
    let env = [
        ("GITHUB_TOKEN", ""),
        ("GITHUB_APP_ID", "12345"),
        ("GITHUB_APP_PRIVATE_KEY_PATH", key_path.as_str()),
    ];
    let output = run_example("app_installation", &server, &env).await;
    assert_eq!(
        stdout_lines(&output),
        [
            "11\tbuild-1\tonline",
            "12\tbuild-2\toffline",
            "2 self-hosted runner(s) in octo-org",
            "first page polled again: not modified (answered from the cache, free of rate limit)",
            "core rate limit: 4987 of 5000 left",
        ]
    );
    // The lookup and the exchange were authenticated as the app: a signed JWT.
    for app_call in [
        format!("/orgs/{ORG}/installation"),
        "/app/installations/99/access_tokens".to_owned(),
    ] {
        let authorization = authorization_of(&server, &app_call).await;
        let jwt = authorization.strip_prefix("Bearer ").unwrap();
        assert_eq!(jwt.split('.').count(), 3, "{app_call}: {jwt}");
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains(INSTALLATION_TOKEN), "{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn app_installation_refuses_a_bad_key_before_any_request() {
    let server = MockServer::start().await;
    let not_a_key = format!("{}/Cargo.toml", env!("CARGO_MANIFEST_DIR"));
    let env = [
        ("GITHUB_APP_ID", "12345"),
        ("GITHUB_APP_PRIVATE_KEY_PATH", not_a_key.as_str()),
    ];
    let output = run_example("app_installation", &server, &env).await;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("InvalidAppKey") && stderr.contains("the key is not PEM"),
        "{stderr}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}
