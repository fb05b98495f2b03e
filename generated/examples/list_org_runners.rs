//! Lists every self-hosted runner of an organization, following the pagination with
//! `.stream()` (one page of 100 runners is fetched at a time).
//!
//! ```text
//! GITHUB_TOKEN=ghp_… cargo run -p github-runners --example list_org_runners -- octo-org
//! ```
//!
//! Environment: `GITHUB_TOKEN` (required; `manage_runners:org` or admin:org scope),
//! `GITHUB_ORG` (when no argument is given), `GITHUB_API_URL` (default
//! `https://api.github.com`; e.g. `https://ghe.example.com/api/v3` or a mock server).
//!
//! Prints one tab-separated line per runner (id, name, OS, status, busy/idle, labels)
//! and a total.

mod common;

use futures::StreamExt as _;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let org = common::org_from_args()?;
    let client = common::client_from_env()?;

    let mut runners = client.list_self_hosted_runners_for_org(&org).stream();
    let mut count = 0_usize;
    while let Some(runner) = runners.next().await {
        let runner = runner?;
        let labels: Vec<&str> = runner
            .labels
            .iter()
            .map(|label| label.name.as_str())
            .collect();
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            runner.id,
            runner.name,
            runner.os,
            runner.status,
            if runner.busy { "busy" } else { "idle" },
            labels.join(",")
        );
        count += 1;
    }
    println!("{count} self-hosted runner(s) in {org}");
    Ok(())
}
