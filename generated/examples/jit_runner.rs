//! Starts an ephemeral just-in-time (JIT) runner in an organization's runner group, found by
//! its name: the way autoscalers start runners, without a registration token or `config.sh`.
//!
//! ```text
//! $ GITHUB_TOKEN=ghp_… cargo run -p github-runners --example jit_runner -- octo-org gpu-runners jit-1 gpu
//! ./run.sh --jitconfig eyJydW5uZXIiOiJqaXQtMSJ9…
//! ```
//!
//! Arguments: the organization (or `GITHUB_ORG`), the runner group's name, the new runner's
//! name, then its custom labels (at least one; `self-hosted` when none is given).
//!
//! It streams the organization's runner groups (all pages) until one has the given name,
//! asks GitHub for a JIT configuration in that group and prints the command that starts the
//! runner with it, on the machine where the runner application is unpacked. The runner runs
//! one job and is then removed by GitHub.
//!
//! The encoded configuration is a secret (it registers a runner by itself): the client keeps
//! it in a [`github_runners::SecretString`], which `Debug` and `Display` print as
//! `<redacted>`. The log lines on stderr show the configuration that way; the secret is
//! written once, in the command on stdout, so `… | sh` or `> file` keeps it out of logs.
//!
//! Environment: `GITHUB_TOKEN` (required; admin:org scope), `GITHUB_ORG` (when no
//! organization argument is given), `GITHUB_API_URL` (default `https://api.github.com`).

mod common;

use std::process::ExitCode;

use futures::StreamExt as _;
use github_runners::{Client, OrganizationRunnerGroup};

/// The label a JIT runner gets when the command line names none (GitHub wants at least one).
const DEFAULT_LABEL: &str = "self-hosted";

#[tokio::main]
async fn main() -> ExitCode {
    // Errors are printed with `Display`: their messages quote names for a reader.
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let org = common::org_from_args()?;
    let mut args = std::env::args().skip(2);
    let usage = "usage: jit_runner ORG GROUP-NAME RUNNER-NAME [LABEL…]";
    let group_name = args.next().ok_or(usage)?;
    let runner_name = args.next().ok_or(usage)?;
    let mut labels: Vec<String> = args.collect();
    if labels.is_empty() {
        labels.push(DEFAULT_LABEL.to_owned());
    }
    let client = common::client_from_env()?;

    let group = find_group(&client, &org, &group_name).await?;
    eprintln!(
        "Runner group {:?} of {org} has id {}.",
        group.name, group.id
    );

    let config = client
        .generate_runner_jitconfig_for_org(&org, &runner_name, group.id, labels)
        .await
        .map_err(|error| match error.status().map(|status| status.as_u16()) {
            Some(409) => format!(
                "a runner named {runner_name:?} already exists in {org}: choose another name \
                 or delete that runner first ({error})"
            ),
            _ => error.to_string(),
        })?;

    // `Debug` of the configuration shows the runner and `<redacted>` for the secret.
    eprintln!(
        "Registered ephemeral runner {:?} (id {}); configuration {:?}. On the runner machine, run:",
        config.runner.name, config.runner.id, config.encoded_jit_config
    );
    println!(
        "./run.sh --jitconfig {}",
        config.encoded_jit_config.expose_secret()
    );
    Ok(())
}

/// The organization's runner group named `name`, fetched lazily page by page.
async fn find_group(
    client: &Client,
    org: &str,
    name: &str,
) -> Result<OrganizationRunnerGroup, Box<dyn std::error::Error>> {
    let mut groups = client.list_self_hosted_runner_groups_for_org(org).stream();
    let mut seen = Vec::new();
    while let Some(group) = groups.next().await {
        let group = group?;
        if group.name == name {
            return Ok(group);
        }
        seen.push(group.name);
    }
    Err(format!(
        "{org} has no runner group named {name:?} (its groups: {})",
        seen.join(", ")
    )
    .into())
}
