//! Shared by the client benches: response bodies built from the spec's examples, and a
//! minimal HTTP/1.1 server on 127.0.0.1 that answers from prepared bytes (so that the server
//! is not what is measured).

#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

/// The curated spec.
const SPEC: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/github-runners.yaml"
));

/// The `value` of the spec's example `components/examples/<name>`, as JSON.
pub fn example(name: &str) -> Value {
    let spec: serde_yaml::Value = serde_yaml::from_str(SPEC).expect("the spec is YAML");
    let value = &spec["components"]["examples"][name]["value"];
    serde_json::to_value(value).expect("an example is JSON")
}

/// A list page of `count` items made from the first item of a list example (`ids` renumbered).
fn page(example_name: &str, items_key: &str, count: usize, first_id: u64) -> Value {
    let mut page = example(example_name);
    let item = page[items_key][0].clone();
    let items: Vec<Value> = (0..count as u64)
        .map(|index| {
            let mut item = item.clone();
            item["id"] = Value::from(first_id + index);
            item["name"] = Value::from(format!("item-{}", first_id + index));
            item
        })
        .collect();
    page[items_key] = Value::Array(items);
    page
}

/// A page of `count` runners (from the example `runner-list-with-ephemeral`), ids from `first_id`.
pub fn runner_page(count: usize, first_id: u64, total: usize) -> Vec<u8> {
    let mut page = page("runner-list-with-ephemeral", "runners", count, first_id);
    page["total_count"] = Value::from(total);
    serde_json::to_vec(&page).expect("serializes")
}

/// A page of `count` repositories (from the example `minimal-repository-list`).
pub fn repository_page(count: usize) -> Vec<u8> {
    let mut page = page("minimal-repository-list", "repositories", count, 1);
    page["total_count"] = Value::from(count);
    serde_json::to_vec(&page).expect("serializes")
}

/// One runner (the example `runner`).
pub fn runner() -> Vec<u8> {
    serde_json::to_vec(&example("runner")).expect("serializes")
}

/// A complete HTTP/1.1 200 response with a JSON body and extra header lines.
pub fn http_response(body: &[u8], extra_headers: &str) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\n\
         content-length: {}\r\nx-github-request-id: BENCH:1\r\n{extra_headers}\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

/// Starts the server on a thread of its own; `make(port)` returns the function that maps a
/// request target (path and query) to the full response bytes. Keep-alive, GET only, no
/// request bodies. Returns the port.
pub fn serve<F>(make: impl FnOnce(u16) -> F) -> u16
where
    F: Fn(&str) -> Arc<Vec<u8>> + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("has an address").port();
    let respond = Arc::new(make(port));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let respond = Arc::clone(&respond);
            std::thread::spawn(move || connection(stream, &*respond));
        }
    });
    port
}

fn connection(stream: TcpStream, respond: &dyn Fn(&str) -> Arc<Vec<u8>>) {
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let target = line.split(' ').nth(1).unwrap_or("/").to_owned();
        // Skip the headers up to the blank line.
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) if line == "\r\n" || line == "\n" => break,
                Ok(_) => {}
            }
        }
        if writer.write_all(&respond(&target)).is_err() {
            return;
        }
    }
}
