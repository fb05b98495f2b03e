//! Contract test: every one of the 46 operations is called through the generated client
//! against [Prism](https://github.com/stoplightio/prism) mocking `spec/github-runners.yaml`.
//!
//! Prism validates each request (path, query, headers, security, body) against the spec
//! and, because it runs with `--errors`, answers a violation with a 4xx problem+json,
//! which fails the test. The client must decode every response: first Prism's static
//! examples, then `--dynamic --seed 1` responses generated from the schemas.
//!
//! Prism is installed with `npm ci --prefix tests/contract` (pinned in
//! `tests/contract/package-lock.json`). Unless `PRISM_URL` / `PRISM_DYNAMIC_URL` point at
//! running instances, the test starts Prism itself on a free port of 127.0.0.1 and stops
//! it when done. A missing Node.js or Prism installation fails the test; it never skips.
//!
//! Prism's content negotiation only serves the media types the spec lists
//! (`application/json`), while the client sends GitHub's recommended
//! `Accept: application/vnd.github+json` (to which GitHub answers `application/json`).
//! The client therefore talks to Prism through a small recording proxy that rewrites
//! that one header value to `application/json` and forwards everything else unchanged;
//! the test asserts on what the client really sent.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::{SocketAddr, TcpListener as StdTcpListener, TcpStream as StdTcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use github_runners::{
    AuthenticationToken, Client, OrgId, RepositoryId, RetryPolicy, RunnerGroupId, RunnerId,
};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// The number of operations in the spec; every one must be called.
const OPERATION_COUNT: usize = 46;
/// How long Prism may take to start listening.
const PRISM_STARTUP: Duration = Duration::from_secs(90);
/// The media type the client sends and the one Prism can serve.
const GITHUB_MEDIA_TYPE: &str = "application/vnd.github+json";
const JSON_MEDIA_TYPE: &str = "application/json";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

// ---------------------------------------------------------------------------------------
// Prism process management
// ---------------------------------------------------------------------------------------

/// A Prism mock server: either one given by the environment or one this test started.
struct Prism {
    url: String,
    process: Option<PrismProcess>,
}

/// A Prism process started by this test. It runs under a small `sh` wrapper that kills
/// Prism as soon as the wrapper's stdin closes, i.e. when this value is dropped or when
/// the test process dies for whatever reason, so Prism never outlives the test.
struct PrismProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    log: PathBuf,
}

impl PrismProcess {
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }
}

impl Drop for PrismProcess {
    fn drop(&mut self) {
        // Closing stdin makes the wrapper kill Prism and exit.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Kills Prism (`$!`) when stdin reaches end of file; exits when Prism exits.
/// (Background jobs get `/dev/null` as stdin, hence the copy of stdin on fd 3.)
const WRAPPER: &str = r#"exec 3<&0
node "$@" 3<&- </dev/null &
pid=$!
( read -r _ignored <&3; kill "$pid" 2>/dev/null ) &
exec 3<&-
wait "$pid""#;

const INSTALL_HINT: &str =
    "install it with `npm ci --prefix tests/contract` (needs Node.js >= 18.20 and npm)";

/// Returns the Prism instance for `mode`: `$PRISM_URL` (static) / `$PRISM_DYNAMIC_URL`
/// (dynamic) when set, otherwise a freshly started one.
fn prism(dynamic: bool) -> Prism {
    let variable = if dynamic {
        "PRISM_DYNAMIC_URL"
    } else {
        "PRISM_URL"
    };
    if let Ok(url) = std::env::var(variable)
        && !url.trim().is_empty()
    {
        return Prism {
            url: url.trim().trim_end_matches('/').to_owned(),
            process: None,
        };
    }
    match start_prism(dynamic) {
        Ok(prism) => prism,
        Err(message) => panic!("could not start Prism for the contract test: {message}"),
    }
}

fn start_prism(dynamic: bool) -> Result<Prism, String> {
    let root = workspace_root();
    let cli = root.join("tests/contract/node_modules/@stoplight/prism-cli/dist/index.js");
    if !cli.is_file() {
        return Err(format!(
            "Prism is not installed ({} is missing): {INSTALL_HINT}",
            cli.display()
        ));
    }
    match Command::new("node").arg("--version").output() {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            return Err(format!(
                "`node --version` failed ({}): Node.js is required to run Prism; {INSTALL_HINT}",
                output.status
            ));
        }
        Err(error) => {
            return Err(format!(
                "Node.js (`node`) was not found on PATH ({error}); it is required to run Prism; {INSTALL_HINT}"
            ));
        }
    }

    let port = free_port().map_err(|error| format!("no free port on 127.0.0.1: {error}"))?;
    let log = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "prism-{}-{port}.log",
        if dynamic { "dynamic" } else { "static" }
    ));
    let log_file = std::fs::File::create(&log)
        .map_err(|error| format!("cannot create {}: {error}", log.display()))?;
    let log_file_err = log_file
        .try_clone()
        .map_err(|error| format!("cannot create {}: {error}", log.display()))?;

    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(WRAPPER)
        .arg("prism-wrapper")
        .arg(&cli)
        .args([
            "mock",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "--errors",
        ]);
    if dynamic {
        command.args(["--dynamic", "--seed", "1"]);
    }
    command
        .arg(root.join("spec/github-runners.yaml"))
        .current_dir(&root)
        .stdin(Stdio::piped())
        .stdout(log_file)
        .stderr(log_file_err);
    let mut child = command
        .spawn()
        .map_err(|error| format!("cannot spawn `sh` to start Prism: {error}"))?;
    let stdin = child.stdin.take();
    let mut process = PrismProcess { child, stdin, log };

    let deadline = Instant::now() + PRISM_STARTUP;
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    loop {
        if let Ok(Some(status)) = process.child.try_wait() {
            return Err(format!(
                "Prism exited during startup ({status}); its output:\n{}",
                process.log_tail()
            ));
        }
        let listening = std::fs::read_to_string(&process.log)
            .map(|text| text.contains("Prism is listening"))
            .unwrap_or(false);
        if listening && StdTcpStream::connect_timeout(&address, Duration::from_secs(1)).is_ok() {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!(
                "Prism did not listen on {address} within {PRISM_STARTUP:?}; its output:\n{}",
                process.log_tail()
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(Prism {
        url: format!("http://{address}"),
        process: Some(process),
    })
}

fn free_port() -> std::io::Result<u16> {
    let listener = StdTcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

// ---------------------------------------------------------------------------------------
// Recording proxy
// ---------------------------------------------------------------------------------------

/// One request the client sent, as the proxy saw it, and Prism's answer.
#[derive(Debug, Clone)]
struct Exchange {
    method: String,
    target: String,
    accept: Option<String>,
    authorization: Option<String>,
    api_version: Option<String>,
    status: u16,
    /// Prism's `sl-violations` header (request violations it did not turn into errors).
    violations: Option<String>,
    body: String,
}

/// A local HTTP/1.1 proxy in front of Prism (see the module documentation).
struct Proxy {
    url: String,
    exchanges: Arc<Mutex<Vec<Exchange>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let exchanges = Arc::new(Mutex::new(Vec::new()));
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let recorded = Arc::clone(&exchanges);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let upstream = upstream.clone();
                let http = http.clone();
                let recorded = Arc::clone(&recorded);
                tokio::spawn(async move {
                    if let Err(error) = serve(stream, &upstream, &http, &recorded).await {
                        eprintln!("contract proxy: {error}");
                    }
                });
            }
        });
        Proxy {
            url,
            exchanges,
            task,
        }
    }

    fn exchanges(&self) -> Vec<Exchange> {
        self.exchanges.lock().unwrap().clone()
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

async fn serve(
    mut stream: TcpStream,
    upstream: &str,
    http: &reqwest::Client,
    recorded: &Mutex<Vec<Exchange>>,
) -> Result<(), BoxError> {
    // Read the request head.
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(position) = buffer.windows(4).position(|window| window == b"\r\n\r\n") {
            break position;
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Ok(()); // The client closed an idle connection.
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8(buffer[..head_end].to_vec())?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    if header("transfer-encoding").is_some() {
        return Err("chunked request bodies are not supported by the contract proxy".into());
    }
    let length: usize = header("content-length")
        .map(|value| value.parse())
        .transpose()?
        .unwrap_or(0);
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err("request body truncated".into());
        }
        body.extend_from_slice(&chunk[..read]);
    }
    body.truncate(length);

    // Forward it, with the one Accept rewrite.
    let mut forward = http.request(
        reqwest::Method::from_bytes(method.as_bytes())?,
        format!("{upstream}{target}"),
    );
    for (name, value) in &headers {
        match name.as_str() {
            "host" | "content-length" | "connection" | "keep-alive" => {}
            "accept" if value == GITHUB_MEDIA_TYPE => {
                forward = forward.header("accept", JSON_MEDIA_TYPE);
            }
            _ => forward = forward.header(name.as_str(), value.as_str()),
        }
    }
    if length > 0 || method == "POST" || method == "PUT" || method == "PATCH" {
        forward = forward.body(body);
    }
    let response = forward.send().await?;
    let status = response.status();
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    );
    for (name, value) in response.headers() {
        match name.as_str() {
            "content-length" | "connection" | "keep-alive" | "transfer-encoding" => {}
            _ => out.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap_or(""))),
        }
    }
    let violations = response
        .headers()
        .get("sl-violations")
        .map(|value| value.to_str().unwrap_or("<non-UTF-8>").to_owned());
    let response_body = response.bytes().await?;
    out.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n",
        response_body.len()
    ));

    recorded.lock().unwrap().push(Exchange {
        method,
        target,
        accept: header("accept"),
        authorization: header("authorization"),
        api_version: header("x-github-api-version"),
        status: status.as_u16(),
        violations,
        body: String::from_utf8_lossy(&response_body).into_owned(),
    });

    stream.write_all(out.as_bytes()).await?;
    stream.write_all(&response_body).await?;
    stream.shutdown().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The operations
// ---------------------------------------------------------------------------------------

const TOKEN: &str = "ghp_contract_test_token";
const ENTERPRISE: &str = "octo-enterprise";
const ORG: &str = "octo-org";
const OWNER: &str = "octo-owner";
const REPO: &str = "octo-repo";

/// Whether responses are Prism's static examples (so lists are known to be non-empty).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Static,
    Dynamic,
}

/// The outcome of one operation: `Err` describes what went wrong.
type Outcome = Result<(), String>;

fn check(condition: bool, what: &str) -> Outcome {
    if condition {
        Ok(())
    } else {
        Err(format!("unexpected response: {what}"))
    }
}

fn token_outcome(mode: Mode, token: &AuthenticationToken) -> Outcome {
    check(
        mode == Mode::Dynamic || !token.token.expose_secret().is_empty(),
        "empty token",
    )
}

fn non_empty_in_static<T>(mode: Mode, items: &[T]) -> Outcome {
    check(
        mode == Mode::Dynamic || !items.is_empty(),
        "the spec example list is empty",
    )
}

/// Calls every operation once with valid arguments; returns the outcome per operation.
async fn call_every_operation(client: &Client, mode: Mode) -> Vec<(&'static str, Outcome)> {
    // Enum arguments are written as `"selected".into()`: their generated type names
    // follow the spec's schema names, which this test should not depend on.
    let group = RunnerGroupId(1);
    let runner = RunnerId(42);
    let mut outcomes: Vec<(&'static str, Outcome)> = Vec::new();

    macro_rules! op {
        ($name:literal, $call:expr, |$value:pat_param| $check:expr) => {{
            let outcome = match $call.await {
                Ok($value) => $check,
                Err(error) => Err(format!("{error}")),
            };
            outcomes.push(($name, outcome));
        }};
    }

    // Enterprise runner groups.
    op!(
        "list_self_hosted_runner_groups_for_enterprise",
        client
            .list_self_hosted_runner_groups_for_enterprise(ENTERPRISE)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "create_self_hosted_runner_group_for_enterprise",
        client
            .create_self_hosted_runner_group_for_enterprise(ENTERPRISE, "expensive-hardware")
            .visibility("selected".into())
            .selected_organization_ids(vec![OrgId(2)])
            .runners(vec![RunnerId(9), RunnerId(2)])
            .allows_public_repositories(false)
            .send(),
        |group| check(
            mode == Mode::Dynamic || !group.name.is_empty(),
            "group name"
        )
    );
    op!(
        "get_self_hosted_runner_group_for_enterprise",
        client
            .get_self_hosted_runner_group_for_enterprise(ENTERPRISE, group)
            .send(),
        |_group| Ok(())
    );
    op!(
        "update_self_hosted_runner_group_for_enterprise",
        client
            .update_self_hosted_runner_group_for_enterprise(ENTERPRISE, group)
            .name("renamed")
            .visibility("all".into())
            .allows_public_repositories(true)
            .send(),
        |_group| Ok(())
    );
    op!(
        "delete_self_hosted_runner_group_from_enterprise",
        client
            .delete_self_hosted_runner_group_from_enterprise(ENTERPRISE, group)
            .send(),
        |()| Ok(())
    );
    op!(
        "list_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .list_org_access_to_self_hosted_runner_group_in_enterprise(ENTERPRISE, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "set_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .set_org_access_to_self_hosted_runner_group_in_enterprise(
                ENTERPRISE,
                group,
                vec![OrgId(32), OrgId(91)],
            )
            .send(),
        |()| Ok(())
    );
    op!(
        "add_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .add_org_access_to_self_hosted_runner_group_in_enterprise(ENTERPRISE, group, OrgId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        "remove_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .remove_org_access_to_self_hosted_runner_group_in_enterprise(
                ENTERPRISE,
                group,
                OrgId(32),
            )
            .send(),
        |()| Ok(())
    );
    op!(
        "list_self_hosted_runners_in_group_for_enterprise",
        client
            .list_self_hosted_runners_in_group_for_enterprise(ENTERPRISE, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "set_self_hosted_runners_in_group_for_enterprise",
        client
            .set_self_hosted_runners_in_group_for_enterprise(ENTERPRISE, group, vec![runner])
            .send(),
        |()| Ok(())
    );
    op!(
        "add_self_hosted_runner_to_group_for_enterprise",
        client
            .add_self_hosted_runner_to_group_for_enterprise(ENTERPRISE, group, runner)
            .send(),
        |()| Ok(())
    );
    op!(
        "remove_self_hosted_runner_from_group_for_enterprise",
        client
            .remove_self_hosted_runner_from_group_for_enterprise(ENTERPRISE, group, runner)
            .send(),
        |()| Ok(())
    );

    // Organization runner groups.
    op!(
        "list_self_hosted_runner_groups_for_org",
        client
            .list_self_hosted_runner_groups_for_org(ORG)
            .per_page(30)
            .page(1)
            .visible_to_repository(REPO)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "create_self_hosted_runner_group_for_org",
        client
            .create_self_hosted_runner_group_for_org(ORG, "expensive-hardware")
            .visibility("selected".into())
            .selected_repository_ids(vec![RepositoryId(32), RepositoryId(91)])
            .runners(vec![RunnerId(9), RunnerId(2)])
            .allows_public_repositories(false)
            .restricted_to_workflows(true)
            .selected_workflows(vec![
                "octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main".to_owned(),
            ])
            .network_configuration_id(
                "EC486D5D793175D7E3B29C27318D5C1AAE49A7833FC85F2E82C3D2C54AC7D3BA"
            )
            .send(),
        |group| check(
            mode == Mode::Dynamic || !group.name.is_empty(),
            "group name"
        )
    );
    op!(
        "get_self_hosted_runner_group_for_org",
        client
            .get_self_hosted_runner_group_for_org(ORG, group)
            .send(),
        |_group| Ok(())
    );
    op!(
        "update_self_hosted_runner_group_for_org",
        client
            .update_self_hosted_runner_group_for_org(ORG, group, "renamed")
            .visibility("private".into())
            .allows_public_repositories(false)
            .restricted_to_workflows(false)
            .selected_workflows(Vec::new())
            // `None` sends `null`: the update detaches the network configuration.
            .network_configuration_id(None)
            .send(),
        |_group| Ok(())
    );
    op!(
        "delete_self_hosted_runner_group_from_org",
        client
            .delete_self_hosted_runner_group_from_org(ORG, group)
            .send(),
        |()| Ok(())
    );
    op!(
        "list_github_hosted_runners_in_group_for_org",
        client
            .list_github_hosted_runners_in_group_for_org(ORG, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "list_repo_access_to_self_hosted_runner_group_in_org",
        client
            .list_repo_access_to_self_hosted_runner_group_in_org(ORG, group)
            .page(1)
            .per_page(30)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "set_repo_access_to_self_hosted_runner_group_in_org",
        client
            .set_repo_access_to_self_hosted_runner_group_in_org(
                ORG,
                group,
                vec![RepositoryId(32), RepositoryId(91)],
            )
            .send(),
        |()| Ok(())
    );
    op!(
        "add_repo_access_to_self_hosted_runner_group_in_org",
        client
            .add_repo_access_to_self_hosted_runner_group_in_org(ORG, group, RepositoryId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        "remove_repo_access_to_self_hosted_runner_group_in_org",
        client
            .remove_repo_access_to_self_hosted_runner_group_in_org(ORG, group, RepositoryId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        "list_self_hosted_runners_in_group_for_org",
        client
            .list_self_hosted_runners_in_group_for_org(ORG, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "set_self_hosted_runners_in_group_for_org",
        client
            .set_self_hosted_runners_in_group_for_org(ORG, group, vec![runner])
            .send(),
        |()| Ok(())
    );
    op!(
        "add_self_hosted_runner_to_group_for_org",
        client
            .add_self_hosted_runner_to_group_for_org(ORG, group, runner)
            .send(),
        |()| Ok(())
    );
    op!(
        "remove_self_hosted_runner_from_group_for_org",
        client
            .remove_self_hosted_runner_from_group_for_org(ORG, group, runner)
            .send(),
        |()| Ok(())
    );

    // Self-hosted runners of an enterprise.
    op!(
        "list_self_hosted_runners_for_enterprise",
        client
            .list_self_hosted_runners_for_enterprise(ENTERPRISE)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "list_runner_applications_for_enterprise",
        client
            .list_runner_applications_for_enterprise(ENTERPRISE)
            .send(),
        |apps| non_empty_in_static(mode, &apps)
    );
    op!(
        "create_registration_token_for_enterprise",
        client
            .create_registration_token_for_enterprise(ENTERPRISE)
            .send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        "create_remove_token_for_enterprise",
        client.create_remove_token_for_enterprise(ENTERPRISE).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        "get_self_hosted_runner_for_enterprise",
        client
            .get_self_hosted_runner_for_enterprise(ENTERPRISE, runner)
            .send(),
        |_runner| Ok(())
    );
    op!(
        "delete_self_hosted_runner_from_enterprise",
        client
            .delete_self_hosted_runner_from_enterprise(ENTERPRISE, runner)
            .send(),
        |()| Ok(())
    );

    // Self-hosted runners of an organization.
    op!(
        "list_self_hosted_runners_for_org",
        client
            .list_self_hosted_runners_for_org(ORG)
            .per_page(30)
            .page(1)
            .send(),
        |page| {
            // The spec's example `Link` header names pages 2 (next) and 3 (last).
            non_empty_in_static(mode, page.items()).and(check(
                mode == Mode::Dynamic || (page.next_page(), page.last_page()) == (Some(2), Some(3)),
                "Link header not decoded",
            ))
        }
    );
    op!(
        "list_runner_applications_for_org",
        client.list_runner_applications_for_org(ORG).send(),
        |apps| non_empty_in_static(mode, &apps)
    );
    op!(
        "create_registration_token_for_org",
        client.create_registration_token_for_org(ORG).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        "create_remove_token_for_org",
        client.create_remove_token_for_org(ORG).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        "get_self_hosted_runner_for_org",
        client.get_self_hosted_runner_for_org(ORG, runner).send(),
        |_runner| Ok(())
    );
    op!(
        "delete_self_hosted_runner_from_org",
        client
            .delete_self_hosted_runner_from_org(ORG, runner)
            .send(),
        |()| Ok(())
    );

    // Self-hosted runners of a repository.
    op!(
        "list_self_hosted_runners_for_repo",
        client
            .list_self_hosted_runners_for_repo(OWNER, REPO)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        "list_runner_applications_for_repo",
        client.list_runner_applications_for_repo(OWNER, REPO).send(),
        |apps| non_empty_in_static(mode, &apps)
    );
    op!(
        "create_registration_token_for_repo",
        client
            .create_registration_token_for_repo(OWNER, REPO)
            .send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        "create_remove_token_for_repo",
        client.create_remove_token_for_repo(OWNER, REPO).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        "get_self_hosted_runner_for_repo",
        client
            .get_self_hosted_runner_for_repo(OWNER, REPO, runner)
            .send(),
        |_runner| Ok(())
    );
    op!(
        "delete_self_hosted_runner_from_repo",
        client
            .delete_self_hosted_runner_from_repo(OWNER, REPO, runner)
            .send(),
        |()| Ok(())
    );

    // The rate-limit status.
    op!("get_rate_limit", client.get_rate_limit().send(), |limits| {
        check(
            mode == Mode::Dynamic || limits.resources.core.limit == 5000,
            "the example's core limit",
        )
    });

    outcomes
}

/// Runs every operation against Prism in `mode` and fails with a full report of every
/// operation that Prism rejected or whose response the client could not decode.
async fn run_contract(mode: Mode) {
    let prism = prism(mode == Mode::Dynamic);
    let proxy = Proxy::start(prism.url.clone()).await;
    let client = Client::builder()
        .base_url(&proxy.url)
        .token(TOKEN)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let outcomes = call_every_operation(&client, mode).await;

    // Streaming is not exercised here: Prism answers every list with the spec's example
    // `Link` header, whose next page is on api.github.com. The examples test
    // (tests/examples.rs) streams across pages against a local mock instead.

    let exchanges = proxy.exchanges();
    let mut failures: Vec<String> = outcomes
        .iter()
        .filter_map(|(name, outcome)| {
            outcome
                .as_ref()
                .err()
                .map(|error| format!("{name}: {error}"))
        })
        .collect();
    for exchange in &exchanges {
        if !(200..300).contains(&exchange.status) {
            failures.push(format!(
                "{} {} -> {}: {}",
                exchange.method, exchange.target, exchange.status, exchange.body
            ));
        }
        if let Some(violations) = &exchange.violations {
            failures.push(format!(
                "{} {}: Prism reported spec violations: {violations}",
                exchange.method, exchange.target
            ));
        }
    }
    let log = prism
        .process
        .as_ref()
        .map(|process| format!("\nPrism log: {}", process.log.display()))
        .unwrap_or_default();
    assert!(
        failures.is_empty(),
        "{} contract failure(s) against Prism ({mode:?} responses, {}):\n{}{log}",
        failures.len(),
        prism.url,
        failures.join("\n")
    );

    // Every operation was called, each once.
    assert_eq!(outcomes.len(), OPERATION_COUNT);
    let mut names: Vec<_> = outcomes.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names.len(),
        OPERATION_COUNT,
        "an operation was called twice"
    );
    assert_eq!(exchanges.len(), OPERATION_COUNT);

    // What the client sent, before the proxy's Accept rewrite.
    for exchange in &exchanges {
        let what = format!("{} {}", exchange.method, exchange.target);
        assert_eq!(
            exchange.accept.as_deref(),
            Some(GITHUB_MEDIA_TYPE),
            "{what}"
        );
        assert_eq!(
            exchange.authorization.as_deref(),
            Some(format!("Bearer {TOKEN}").as_str()),
            "{what}"
        );
        assert_eq!(
            exchange.api_version.as_deref(),
            Some("2022-11-28"),
            "{what}"
        );
    }
    drop(prism);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_operation_passes_prism_validation_and_decodes_the_examples() {
    run_contract(Mode::Static).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_operation_decodes_prism_dynamic_responses() {
    run_contract(Mode::Dynamic).await;
}

/// Prism really rejects requests that violate the spec, so a passing contract test means
/// something: a request without a token and one with an invalid body are refused.
#[tokio::test(flavor = "multi_thread")]
async fn prism_rejects_requests_that_violate_the_spec() {
    let prism = prism(false);
    let proxy = Proxy::start(prism.url.clone()).await;
    let anonymous = Client::builder()
        .base_url(&proxy.url)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = anonymous
        .list_self_hosted_runners_for_org(ORG)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(401));

    let client = Client::builder()
        .base_url(&proxy.url)
        .token(TOKEN)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client
        .list_self_hosted_runners_for_org(ORG)
        .per_page(1000)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        error.status().map(|status| status.as_u16()),
        Some(422),
        "{error}"
    );

    drop(prism);
}
