//! Request bodies that are not JSON, as the generated clients of the corpus cases
//! `body_*.yaml` send them to a local mock server: the exact bytes, the `Content-Type`, and
//! for multipart bodies the boundary and every part.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use github_runners_corpus_check::{
    body_binary, body_form, body_media_choice, body_multipart, body_text,
};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A mock server that answers every request with `status` and an empty JSON object.
async fn server(status: u16) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(status).set_body_string("{\"id\": 1, \"access_token\": \"t\"}"),
        )
        .mount(&server)
        .await;
    server
}

/// The one request the server received.
async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests.remove(0)
}

fn header(request: &wiremock::Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
}

macro_rules! client {
    ($module:ident, $server:expr) => {
        $module::Client::builder()
            .base_url($server.uri())
            .build()
            .unwrap()
    };
}

#[tokio::test]
async fn binary_bodies_are_sent_as_they_are_with_their_media_type() {
    let server = server(204).await;
    let client = client!(body_binary, server);
    let bytes = vec![0u8, 1, 2, 0xfe, 0xff];
    client.upload_artifact("a b", bytes.clone()).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "PUT");
    assert_eq!(request.url.path(), "/artifacts/a%20b");
    assert_eq!(request.body, bytes);
    assert_eq!(
        header(&request, "content-type").as_deref(),
        Some("application/octet-stream")
    );
}

#[tokio::test]
async fn a_binary_media_type_without_a_schema_is_bytes_too() {
    let server = server(202).await;
    let client = client!(body_binary, server);
    client
        .submit_transaction(&b"\xa1\x61\x61\x01"[..])
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.body, b"\xa1\x61\x61\x01");
    assert_eq!(
        header(&request, "content-type").as_deref(),
        Some("application/cbor")
    );
}

#[tokio::test]
async fn a_media_type_range_is_sent_as_octet_stream_and_an_optional_body_may_be_left_out() {
    let server = server(201).await;
    let client = client!(body_binary, server);
    let created = client
        .upload_image()
        .body(bytes::Bytes::from_static(b"GIF89a"))
        .await
        .unwrap();
    assert_eq!(created.id, 1);
    client.upload_image().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].body, b"GIF89a");
    assert_eq!(
        header(&requests[0], "content-type").as_deref(),
        Some("application/octet-stream")
    );
    assert!(requests[1].body.is_empty());
    assert_eq!(header(&requests[1], "content-type"), None);
}

#[tokio::test]
async fn text_bodies_are_sent_as_utf8_with_their_media_type() {
    let server = server(200).await;
    let client = client!(body_text, server);
    client.render_markdown("# Héllo\n").await.unwrap();
    client.set_note(7).body("*note*").await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].body, "# Héllo\n".as_bytes());
    assert_eq!(
        header(&requests[0], "content-type").as_deref(),
        Some("text/plain")
    );
    assert_eq!(requests[1].url.path(), "/notes/7");
    assert_eq!(requests[1].body, b"*note*");
    assert_eq!(
        header(&requests[1], "content-type").as_deref(),
        Some("text/markdown; charset=utf-8")
    );
}

#[tokio::test]
async fn form_bodies_are_form_encoded_fields_without_the_unset_ones() {
    let server = server(200).await;
    let client = client!(body_form, server);
    let token = client
        .create_token(
            body_form::CreateTokenBodyGrantType::AuthorizationCode,
            "c/d&e=f",
        )
        .scope("repo user")
        .await
        .unwrap();
    assert_eq!(token.access_token, "t");
    let request = only_request(&server).await;
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        "grant_type=authorization_code&code=c%2Fd%26e%3Df&scope=repo+user"
    );
    assert_eq!(
        header(&request, "content-type").as_deref(),
        Some("application/x-www-form-urlencoded")
    );
}

#[tokio::test]
async fn an_optional_form_body_with_no_field_set_is_empty() {
    let server = server(204).await;
    let client = client!(body_form, server);
    client.update_customer("cus_1").balance(-5).await.unwrap();
    client.update_customer("cus_2").await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].body, b"balance=-5");
    assert!(requests[1].body.is_empty());
}

/// The boundary of a `multipart/form-data` content type.
fn boundary(request: &wiremock::Request) -> String {
    let content_type = header(request, "content-type").unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("{content_type}"));
    assert!(!boundary.is_empty());
    boundary.to_owned()
}

/// The parts of a multipart body, each as its headers (in lower case: their names are not
/// case-sensitive) and content, checking the framing.
fn parts(request: &wiremock::Request) -> Vec<(String, Vec<u8>)> {
    let boundary = boundary(request);
    let body = request.body.as_slice();
    let delimiter = format!("--{boundary}");
    let closing = format!("--{boundary}--\r\n");
    assert!(body.ends_with(closing.as_bytes()), "no closing delimiter");
    let body = &body[..body.len() - closing.len()];
    let mut parts = Vec::new();
    for chunk in split(body, format!("{delimiter}\r\n").as_bytes())
        .into_iter()
        .skip(1)
    {
        let chunk = chunk.strip_suffix(b"\r\n").unwrap();
        let end = chunk.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let headers = String::from_utf8(chunk[..end].to_vec())
            .unwrap()
            .to_ascii_lowercase();
        parts.push((headers, chunk[end + 4..].to_vec()));
    }
    parts
}

fn split<'a>(bytes: &'a [u8], separator: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    let mut rest = bytes;
    while let Some(at) = rest.windows(separator.len()).position(|w| w == separator) {
        pieces.push(&rest[..at]);
        rest = &rest[at + separator.len()..];
    }
    pieces.push(rest);
    pieces
}

#[tokio::test]
async fn multipart_bodies_send_each_part_in_order_within_the_boundary() {
    let server = server(201).await;
    let client = client!(body_multipart, server);
    let file = body_multipart::runtime::FilePart::new(b"\x00binary\xff".to_vec())
        .file_name("report.bin")
        .content_type("application/x-report");
    client
        .upload_file(file, "folder 9")
        .size(9)
        .tags(vec!["a".into(), "b".into()])
        .attributes(body_multipart::Attributes { hidden: Some(true) })
        .await
        .unwrap();
    let request = only_request(&server).await;
    let parts = parts(&request);
    let expected: Vec<(&str, &[u8])> = vec![
        (
            "content-disposition: form-data; name=\"file\"; filename=\"report.bin\"\r\ncontent-type: application/x-report",
            b"\x00binary\xff",
        ),
        (
            "content-disposition: form-data; name=\"parent_id\"",
            b"folder 9",
        ),
        ("content-disposition: form-data; name=\"size\"", b"9"),
        ("content-disposition: form-data; name=\"tags\"", b"a"),
        ("content-disposition: form-data; name=\"tags\"", b"b"),
        (
            "content-disposition: form-data; name=\"attributes\"\r\ncontent-type: application/json",
            b"{\"hidden\":true}",
        ),
    ];
    let actual: Vec<(String, &[u8])> = parts
        .iter()
        .map(|(headers, content)| (headers.clone(), content.as_slice()))
        .collect();
    let expected: Vec<(String, &[u8])> = expected
        .into_iter()
        .map(|(headers, content)| (headers.to_owned(), content))
        .collect();
    assert_eq!(actual, expected);
}

#[tokio::test]
async fn a_retry_sends_the_whole_multipart_body_again() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = body_media_choice::Client::builder()
        .base_url(server.uri())
        .retry_policy(
            body_media_choice::runtime::RetryPolicy::default()
                .initial_backoff(std::time::Duration::from_millis(1)),
        )
        .build()
        .unwrap();
    client.set_pet_photo(3, b"JFIF".to_vec()).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "a PUT is retried after a 502");
    for request in &requests {
        let parts = parts(request);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].0, "content-disposition: form-data; name=\"photo\"");
        assert_eq!(parts[0].1, b"JFIF");
    }
}

#[tokio::test]
async fn a_list_of_files_is_one_part_per_file() {
    let server = server(200).await;
    let client = client!(body_multipart, server);
    client
        .attach_files(1)
        .files(vec![b"one".to_vec().into(), b"two".to_vec().into()])
        .await
        .unwrap();
    let parts = parts(&only_request(&server).await);
    let names_and_contents: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(headers, content)| (headers.as_str(), content.as_slice()))
        .collect();
    assert_eq!(
        names_and_contents,
        [
            (
                "content-disposition: form-data; name=\"files\"",
                &b"one"[..]
            ),
            (
                "content-disposition: form-data; name=\"files\"",
                &b"two"[..]
            ),
        ]
    );
}

#[tokio::test]
async fn of_several_media_types_json_is_sent() {
    let server = server(201).await;
    let client = client!(body_media_choice, server);
    client.create_pet("Rex").age(3).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"name":"Rex","age":3}"#);
    assert_eq!(
        header(&request, "content-type").as_deref(),
        Some("application/json")
    );
}
