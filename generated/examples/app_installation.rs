//! Lists the self-hosted runners of an organization as a GitHub App: the way tools that run
//! unattended (autoscalers, fleet cleaners, auditors) should authenticate. The app's ID and
//! private key are all it takes: the client finds the app's installation on the
//! organization, exchanges its JWT for an installation token and renews both by itself.
//!
//! ```text
//! GITHUB_APP_ID=123456 GITHUB_APP_PRIVATE_KEY_PATH=my-app.private-key.pem \
//!     cargo run -p github-runners --example app_installation -- octo-org
//! ```
//!
//! Environment: `GITHUB_APP_ID` (the app ID or its client ID), `GITHUB_APP_PRIVATE_KEY_PATH`
//! (the `.pem` file GitHub generated for the app), `GITHUB_ORG` (when no argument is given),
//! `GITHUB_API_URL` (default `https://api.github.com`). The app needs the organization
//! permission "Self-hosted runners" (read) and must be installed on the organization.
//!
//! Prints one tab-separated line per runner (id, name, status), a total, then polls the list
//! once more (an unchanged list is answered `304 Not Modified` and costs nothing against the
//! rate limit) and prints the installation's remaining core rate limit.

#[allow(
    dead_code,
    reason = "this example authenticates as an app, not with a token"
)]
mod common;

use std::error::Error;

use futures::StreamExt as _;
use github_runners::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let org = common::org_from_args()?;
    let app_id = required_env("GITHUB_APP_ID")?;
    let key_path = required_env("GITHUB_APP_PRIVATE_KEY_PATH")?;
    let private_key = std::fs::read(&key_path)
        .map_err(|error| format!("cannot read the private key {key_path}: {error}"))?;

    // A key that is not an RSA private key fails here, not on the first request.
    let app = Client::builder()
        .base_url(common::api_url())
        .github_app(app_id, private_key)
        .build()?;
    let client = app.installation_for_org(&org).await?;

    let mut runners = client.list_self_hosted_runners_for_org(&org).stream();
    let mut count = 0_usize;
    while let Some(runner) = runners.next().await {
        let runner = runner?;
        println!("{}\t{}\t{}", runner.id, runner.name, runner.status);
        count += 1;
    }
    println!("{count} self-hosted runner(s) in {org}");

    // The stream asked for pages of 100: the same first-page request again is conditional.
    let again = client
        .list_self_hosted_runners_for_org(&org)
        .per_page(100)
        .await?;
    println!(
        "first page polled again: {}",
        if again.not_modified() {
            "not modified (answered from the cache, free of rate limit)"
        } else {
            "changed"
        }
    );
    let limits = client.get_rate_limit().await?;
    let core = &limits.resources.core;
    println!("core rate limit: {} of {} left", core.remaining, core.limit);
    Ok(())
}

/// A non-empty environment variable, or an error naming it.
fn required_env(name: &str) -> Result<String, String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.is_empty())
        .ok_or_else(|| format!("{name} is not set (see the example's documentation)"))
}
