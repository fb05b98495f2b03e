//! The recording proxy between the client and Prism (see `contract.rs`): it records what the
//! client sent and Prism answered, and rewrites GitHub's media type in `Accept` to the one
//! Prism can serve.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// The media type the client sends and the one Prism can serve.
pub const GITHUB_MEDIA_TYPE: &str = "application/vnd.github+json";
const JSON_MEDIA_TYPE: &str = "application/json";

/// One request the client sent, as the proxy saw it, and Prism's answer.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: String,
    pub target: String,
    pub accept: Option<String>,
    pub authorization: Option<String>,
    pub api_version: Option<String>,
    pub status: u16,
    /// Prism's `sl-violations` header (request violations it did not turn into errors).
    pub violations: Option<String>,
    pub body: String,
}

/// A local HTTP/1.1 proxy in front of Prism (see the module documentation).
pub struct Proxy {
    pub url: String,
    exchanges: Arc<Mutex<Vec<Exchange>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Proxy {
    pub async fn start(upstream: String) -> Proxy {
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

    pub fn exchanges(&self) -> Vec<Exchange> {
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
