//! The GitHub App endpoints (installation lookup, installation access tokens) and
//! `GET /rate_limit`. The app endpoints are not in the curated spec (the runtime calls them,
//! not generated code), so their bodies are written here from GitHub's documented shape;
//! `/rate_limit` answers with the generated `RateLimitOverview`.

use std::sync::Arc;

use axum::extract::{Extension, Path};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use github_runners::{RateLimitBucket, RateLimitOverview, RateLimitResources};
use serde_json::{Value, json};

use super::{State, created};
use crate::auth::Credential;
use crate::error::{ApiFailure, Outcome};
use crate::server::{Shared, lock};

/// The app routes and `/rate_limit`.
pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/app/installations/{installation_id}/access_tokens",
            post(access_token),
        )
        .route("/orgs/{org}/installation", get(org_installation))
        .route("/repos/{owner}/{repo}/installation", get(repo_installation))
        .route("/rate_limit", get(rate_limit))
}

/// The permissions an installation token of the fake carries.
fn permissions() -> Value {
    json!({
        "organization_self_hosted_runners": "write",
        "administration": "write",
        "metadata": "read",
    })
}

/// 401 unless the caller authenticated as the app (a JWT), as GitHub requires.
fn require_app(credential: &Credential) -> Outcome<i64> {
    match credential {
        Credential::App(id) => Ok(*id),
        _ => Err(ApiFailure::unauthorized(
            "A JSON web token could not be decoded",
        )),
    }
}

async fn access_token(
    axum::extract::State(shared): State,
    Extension(credential): Extension<Credential>,
    Path(installation): Path<String>,
) -> Outcome<Response> {
    require_app(&credential)?;
    let installation = installation.parse().map_err(|_| ApiFailure::not_found())?;
    let (token, expires_at) = lock(&shared.auth).issue_installation_token(installation)?;
    Ok(created(json!({
        "token": token,
        "expires_at": expires_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "permissions": permissions(),
        "repository_selection": "all",
    })))
}

/// The installation on `account`, in GitHub's shape; 404 if the app is not installed there.
fn installation(shared: &Shared, credential: &Credential, account: &str) -> Outcome<Json<Value>> {
    let app_id = require_app(credential)?;
    let auth = lock(&shared.auth);
    let installation = auth
        .installations
        .values()
        .find(|installation| installation.account.eq_ignore_ascii_case(account))
        .ok_or_else(ApiFailure::not_found)?;
    let world = shared.world();
    let (account_id, kind) = world
        .organizations
        .get(&installation.account)
        .map_or((installation.id + 2_000_000, "User"), |org| {
            (org.id, "Organization")
        });
    let base = shared.base_url();
    Ok(Json(json!({
        "id": installation.id,
        "app_id": app_id,
        "account": {"login": installation.account, "id": account_id, "type": kind},
        "target_id": account_id,
        "target_type": kind,
        "repository_selection": "all",
        "access_tokens_url": format!("{base}/app/installations/{}/access_tokens", installation.id),
        "repositories_url": format!("{base}/installation/repositories"),
        "permissions": permissions(),
        "events": [],
    })))
}

async fn org_installation(
    axum::extract::State(shared): State,
    Extension(credential): Extension<Credential>,
    Path(org): Path<String>,
) -> Outcome<Json<Value>> {
    installation(&shared, &credential, &org)
}

async fn repo_installation(
    axum::extract::State(shared): State,
    Extension(credential): Extension<Credential>,
    Path((owner, repo)): Path<(String, String)>,
) -> Outcome<Json<Value>> {
    let account = {
        let world = shared.world();
        let repository = world
            .repository(&owner, &repo)
            .ok_or_else(ApiFailure::not_found)?;
        repository.organization.clone().unwrap_or(owner)
    };
    installation(&shared, &credential, &account)
}

/// `GET /rate_limit`: the caller's buckets; does not count against the limit.
async fn rate_limit(
    axum::extract::State(shared): State,
    Extension(credential): Extension<Credential>,
) -> Json<RateLimitOverview> {
    let core = lock(&shared.limits).peek(&credential.bucket());
    let core = RateLimitBucket {
        limit: saturating_i64(core.limit),
        remaining: saturating_i64(core.remaining),
        reset: core.reset.timestamp(),
        used: saturating_i64(core.used),
    };
    let next_hour = chrono::Utc::now().timestamp() + 3600;
    let unused = |limit: i64| RateLimitBucket {
        limit,
        remaining: limit,
        reset: next_hour,
        used: 0,
    };
    Json(RateLimitOverview {
        resources: RateLimitResources {
            core: core.clone(),
            search: unused(30),
            graphql: Some(unused(5000)),
            code_search: None,
            integration_manifest: None,
            source_import: None,
            code_scanning_upload: None,
            code_scanning_autofix: None,
            actions_runner_registration: Some(unused(10_000)),
            scim: None,
            dependency_snapshots: None,
            dependency_sbom: None,
            audit_log: None,
            audit_log_streaming: None,
            additional_properties: Default::default(),
        },
        rate: core,
    })
}

/// A counter as the model's integer (budgets are far below `i64::MAX`; saturate rather than wrap).
fn saturating_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
