//! Creates a registration token for an organization and prints the command that
//! registers a new self-hosted runner with it:
//!
//! ```text
//! $ GITHUB_TOKEN=ghp_… cargo run -p github-runners --example registration_token -- octo-org
//! ./config.sh --url https://github.com/octo-org --token AABF3JGZDX3P5PMEXLND6TS6FCWO6
//! ```
//!
//! The token is a secret (it lets anyone register a runner for an hour): the client keeps
//! it in a [`github_runners::SecretString`], which never shows up in `Debug` output or
//! logs, and this example writes it only once, in the command on stdout. Everything else
//! (the expiry) goes to stderr without the token, so `… | sh` or `> file` stays clean.
//!
//! Environment: `GITHUB_TOKEN` (required; admin:org scope), `GITHUB_ORG` (when no
//! argument is given), `GITHUB_API_URL` (default `https://api.github.com`),
//! `GITHUB_SERVER_URL` (the web URL the runner registers with, default
//! `https://github.com`; for GitHub Enterprise Server e.g. `https://ghe.example.com`).

mod common;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let org = common::org_from_args()?;
    let client = common::client_from_env()?;
    let server_url = std::env::var("GITHUB_SERVER_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| "https://github.com".to_owned());

    let token = client.create_registration_token_for_org(&org).await?;

    eprintln!(
        "Registration token for {org} created; it expires at {}. On the runner machine, run:",
        token.expires_at.to_rfc3339()
    );
    println!(
        "./config.sh --url {}/{org} --token {}",
        server_url.trim_end_matches('/'),
        token.token.expose_secret()
    );
    Ok(())
}
