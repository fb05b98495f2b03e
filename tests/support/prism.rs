//! Starting Prism for the contract tests: for `contract.rs` a mock server, either the
//! instance named by `PRISM_URL` / `PRISM_DYNAMIC_URL` or one started on a free port of
//! 127.0.0.1; for `fake_contract.rs` a validating proxy in front of the fake GitHub. A
//! Prism started here never outlives the test.

use std::net::{SocketAddr, TcpListener as StdTcpListener, TcpStream as StdTcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// How long Prism may take to start listening.
const PRISM_STARTUP: Duration = Duration::from_secs(90);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// A Prism mock server: either one given by the environment or one this test started.
pub struct Prism {
    pub url: String,
    pub process: Option<PrismProcess>,
}

/// A Prism process started by this test. It runs under a small `sh` wrapper that kills
/// Prism as soon as the wrapper's stdin closes, i.e. when this value is dropped or when
/// the test process dies for whatever reason, so Prism never outlives the test.
pub struct PrismProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    pub log: PathBuf,
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
#[allow(
    dead_code,
    reason = "each test binary includes this module and uses part of it"
)]
pub fn prism(dynamic: bool) -> Prism {
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
    let mode = if dynamic { "dynamic" } else { "static" };
    let mut args = vec!["mock".to_owned()];
    if dynamic {
        args.extend(["--dynamic", "--seed", "1"].map(str::to_owned));
    }
    match start_prism(mode, args, None) {
        Ok(prism) => prism,
        Err(message) => panic!("could not start Prism for the contract test: {message}"),
    }
}

/// Starts `prism proxy` in front of `upstream`: it forwards every request and validates
/// the request and the upstream's response against the spec (`--errors`: a violation is
/// an error answer, not only a log line).
#[allow(
    dead_code,
    reason = "each test binary includes this module and uses part of it"
)]
pub fn prism_proxy(upstream: &str) -> Prism {
    match start_prism("proxy", vec!["proxy".to_owned()], Some(upstream)) {
        Ok(prism) => prism,
        Err(message) => panic!("could not start Prism as a proxy: {message}"),
    }
}

/// Starts Prism with `args` (the command and its own options) on a free port, on the spec
/// (and, for a proxy, the `upstream` URL).
fn start_prism(label: &str, args: Vec<String>, upstream: Option<&str>) -> Result<Prism, String> {
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
    let log = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("prism-{label}-{port}.log"));
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
        .args(args)
        .args(["-h", "127.0.0.1", "-p", &port.to_string(), "--errors"])
        .arg(root.join("spec/github-runners.yaml"))
        .args(upstream)
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
