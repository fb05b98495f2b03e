//! Typed async client for GitHub's Actions runner and runner-group REST API.
//!
//! Every one of the 71 runner operations, and the rate-limit status
//! ([`Client::get_rate_limit`]), is a method on [`Client`], generated at build time from the
//! curated OpenAPI description in `spec/`. The method names are GitHub's operationIds without
//! their category. The operation groups, and where GitHub serves them:
//!
//! | group | scopes | GitHub.com | Enterprise Cloud | Enterprise Server |
//! |---|---|---|---|---|
//! | self-hosted runners: list (`name` filter), get, delete, downloads, registration and remove tokens | enterprise, organization, repository | organization, repository | yes | yes |
//! | custom labels: list, add, set, remove all, remove one | enterprise, organization, repository | organization, repository | yes | yes |
//! | just-in-time runners: `generate_runner_jitconfig_for_*` | enterprise, organization, repository | organization, repository | yes | yes |
//! | runner groups: list, create, get, update, delete, their runners and their repository or organization access | enterprise, organization | organization | yes | yes |
//! | GitHub-hosted runners of an organization group | organization | yes | yes | no |
//! | self-hosted runner policy: which repositories (organization) or organizations (enterprise) may use self-hosted runners | enterprise, organization | organization | yes | yes |
//!
//! Enterprise operations exist only on GitHub Enterprise Cloud and Server. Secrets (registration
//! and remove tokens, JIT configurations, runner download tokens) are [`SecretString`]s, which
//! `Debug` and `Display` print as `<redacted>`.
//!
//! Production tools should run as a GitHub App ([`ClientBuilder::github_app`], then
//! [`ClientCore::installation_for_org`]); repeated GETs are conditional requests, answered from
//! a bounded cache when GitHub says `304 Not Modified` ([`CacheLimits`]).
//!
//! ```no_run
//! use github_runners::Client;
//!
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let app = Client::builder()
//!     .github_app(123456, std::fs::read("my-app.private-key.pem")?)
//!     .build()?;
//! let client = app.installation_for_org("octo-org").await?;
//! let page = client.list_self_hosted_runners_for_org("octo-org").per_page(50).await?;
//! for runner in page.items() {
//!     println!("{} {:?}", runner.name, runner.status);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Path parameters and required body fields are positional arguments; optional ones are
//! setters on the request builder the method returns (see [`builders`]). Identifiers are
//! distinct types ([`RunnerId`], [`RunnerGroupId`], [`OrgId`], [`RepositoryId`]), so they cannot
//! be swapped. Lists come back as a [`Page`] and can be streamed across pages.

/// The hand-written runtime (the `github-runners-runtime` crate), where the generated code
/// expects it.
pub use github_runners_runtime as runtime;

/// The code generated from the spec (models, `Client` methods, request builders).
#[allow(deprecated)]
mod api {
    include!(concat!(env!("OUT_DIR"), "/github_runners.rs"));
}

pub use api::*;
pub use runtime::{
    ApiError, ApiErrorDetail, AppKey, CacheLimits, ClientBuilder, ClientCore, Error, Page,
    RateLimit, RetryPolicy, SecretString,
};

/// The crate README's example, compiled as a doctest so that it stays true. (The workspace
/// README's examples are doctests of `github-runners-tests`: that file is not in this package.)
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
