//! Configuration shared by the examples: the token, the organization and the API URL.

use std::error::Error;

use github_runners::Client;

/// The API base URL used when `GITHUB_API_URL` is not set.
const DEFAULT_API_URL: &str = "https://api.github.com";

/// Builds a client from `GITHUB_TOKEN` (required) and `GITHUB_API_URL` (optional, e.g.
/// `https://ghe.example.com/api/v3` or a mock server's URL).
pub fn client_from_env() -> Result<Client, Box<dyn Error>> {
    let token = std::env::var("GITHUB_TOKEN")
        .ok()
        .filter(|token| !token.is_empty())
        .ok_or(
            "GITHUB_TOKEN is not set: export a token that can manage the organization's runners",
        )?;
    Ok(Client::builder().base_url(api_url()).token(token).build()?)
}

/// `GITHUB_API_URL`, or github.com's API.
pub fn api_url() -> String {
    std::env::var("GITHUB_API_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| DEFAULT_API_URL.to_owned())
}

/// The organization: the first command-line argument, else `GITHUB_ORG`.
pub fn org_from_args() -> Result<String, Box<dyn Error>> {
    std::env::args()
        .nth(1)
        .or_else(|| std::env::var("GITHUB_ORG").ok())
        .filter(|org| !org.is_empty())
        .ok_or_else(|| {
            "usage: pass the organization as the first argument or set GITHUB_ORG".into()
        })
}
