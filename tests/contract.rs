//! Contract test: every one of the 72 operations (71 runner operations and the rate-limit status) is called through the generated client
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
//!
//! The calls are in `support/contract_seed_operations.rs` (the 45 operations of the seed
//! pages) and `support/contract_operations_beyond_seeds.rs` (the 26 added since); Prism's
//! process is managed by `support/prism.rs`, the proxy is `support/proxy.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/prism.rs"]
mod prism;
#[path = "support/proxy.rs"]
mod proxy;

use github_runners::{AuthenticationToken, Client, RetryPolicy, RunnerJitConfig};
use prism::prism;
use proxy::{GITHUB_MEDIA_TYPE, Proxy};

/// The number of operations in the spec; every one must be called.
const OPERATION_COUNT: usize = 72;

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

fn jit_outcome(mode: Mode, config: &RunnerJitConfig) -> Outcome {
    check(
        mode == Mode::Dynamic || !config.encoded_jit_config.expose_secret().is_empty(),
        "empty JIT configuration",
    )
}

fn non_empty_in_static<T>(mode: Mode, items: &[T]) -> Outcome {
    check(
        mode == Mode::Dynamic || !items.is_empty(),
        "the spec example list is empty",
    )
}

/// Records the outcome of one call: `op!(outcomes, "name", call, |value| check)`.
macro_rules! op {
    ($outcomes:ident, $name:literal, $call:expr, |$value:pat_param| $check:expr) => {{
        let outcome = match $call.await {
            Ok($value) => $check,
            Err(error) => Err(format!("{error}")),
        };
        $outcomes.push(($name, outcome));
    }};
}

#[path = "support/contract_operations_beyond_seeds.rs"]
mod operations_beyond_seeds;
#[path = "support/contract_seed_operations.rs"]
mod seed_operations;

/// Calls every operation once with valid arguments; returns the outcome per operation.
async fn call_every_operation(client: &Client, mode: Mode) -> Vec<(&'static str, Outcome)> {
    let mut outcomes: Vec<(&'static str, Outcome)> = Vec::new();
    seed_operations::call(client, mode, &mut outcomes).await;
    operations_beyond_seeds::call(client, mode, &mut outcomes).await;
    // The rate-limit status.
    op!(
        outcomes,
        "get_rate_limit",
        client.get_rate_limit().send(),
        |limits| check(
            mode == Mode::Dynamic || limits.resources.core.limit == 5000,
            "the example's core limit",
        )
    );
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
