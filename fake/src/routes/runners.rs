//! `…/actions/runners` at enterprise, organization and repository scope: list, get,
//! delete, downloads, registration and remove tokens.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::{get, post};
use github_runners::{
    AuthenticationToken, GenerateRunnerJitconfigForOrgBody, RunnerJitConfig, SecretString,
};
use serde::Deserialize;

use super::{Params, State, created, existing_scope, id, json_body, no_content, runner_page};
use crate::error::Outcome;
use crate::pagination::PageQuery;
use crate::server::Shared;
use crate::world::{TokenKind, render};

/// The runner routes, nested under each scope's `…/actions/runners`.
pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(list))
        .route("/downloads", get(downloads))
        .route("/registration-token", post(registration_token))
        .route("/remove-token", post(remove_token))
        .route("/generate-jitconfig", post(generate_jit_config))
        .route("/{runner_id}", get(get_one).delete(delete))
        .merge(super::labels::routes())
}

/// The query of the runner lists: paging and the exact-name filter.
#[derive(Debug, Deserialize)]
struct ListQuery {
    name: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

async fn list(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<ListQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    Ok(runner_page(
        world.runners_in(&scope, query.name.as_deref()),
        &query.page,
    ))
}

async fn get_one(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<github_runners::Runner>> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    Ok(Json(render::runner(
        world.runner_in(&scope, id(&params, "runner_id")?)?,
    )))
}

async fn delete(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Response> {
    let mut world = shared.world();
    let scope = existing_scope(&world, &params)?;
    world.delete_runner(&scope, id(&params, "runner_id")?)?;
    Ok(no_content())
}

async fn downloads(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<Vec<github_runners::RunnerApplication>>> {
    existing_scope(&shared.world(), &params)?;
    Ok(Json(render::runner_applications()))
}

async fn registration_token(state: State, params: Params) -> Outcome<Response> {
    issue(state, params, TokenKind::Registration)
}

async fn remove_token(state: State, params: Params) -> Outcome<Response> {
    issue(state, params, TokenKind::Remove)
}

fn issue(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    kind: TokenKind,
) -> Outcome<Response> {
    let mut world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let (token, expires_at) = world.issue_token(kind, &scope)?;
    Ok(created(AuthenticationToken {
        token: SecretString::from(token),
        expires_at,
    }))
}

async fn generate_jit_config(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    // The three scopes' bodies have one shape; the organization model stands for them.
    let body: GenerateRunnerJitconfigForOrgBody = json_body(&body)?;
    let mut world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let (id, config) =
        world.generate_jit_config(&scope, &body.name, body.runner_group_id.0, &body.labels)?;
    let runner = world.runner_in(&scope, id)?;
    Ok(created(RunnerJitConfig {
        runner: render::runner(runner),
        encoded_jit_config: SecretString::from(config),
    }))
}
