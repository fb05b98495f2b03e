//! The HTTP routes of the fake, one module per resource group, and what they share:
//! reading the scope and identifiers from the path and decoding request bodies into the
//! generated body models (so a body the spec would reject is rejected here too).

mod app;
mod group_settings;
mod groups;
mod labels;
mod policy;
mod runners;

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::error::{ApiFailure, Outcome};
use crate::pagination::{PageQuery, page_response, paginate};
use crate::server::Shared;
use crate::world::{RunnerRecord, Scope, World, render};
use github_runners::{MinimalRepositoryList, RunnerList};

/// The router state: everything the fake knows.
pub(crate) type State = axum::extract::State<Arc<Shared>>;
/// The path parameters of a route, by name (nested routers see their prefix's too).
pub(crate) type Params = axum::extract::Path<HashMap<String, String>>;

/// Every route of the fake. Unknown paths and methods answer GitHub's 404.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .nest(
            "/enterprises/{enterprise}/actions/runners",
            runners::routes(),
        )
        .nest("/orgs/{org}/actions/runners", runners::routes())
        .nest("/repos/{owner}/{repo}/actions/runners", runners::routes())
        .nest(
            "/enterprises/{enterprise}/actions/runner-groups",
            groups::enterprise_routes(),
        )
        .nest(
            "/orgs/{org}/actions/runner-groups",
            groups::organization_routes(),
        )
        .merge(policy::routes())
        .merge(app::routes())
        .fallback(|| async { ApiFailure::not_found() })
        .method_not_allowed_fallback(|| async { ApiFailure::not_found() })
        .with_state(shared)
}

/// The enterprise, organization or repository a route's path names.
pub(crate) fn scope(params: &HashMap<String, String>) -> Outcome<Scope> {
    let get = |name: &str| params.get(name).cloned();
    if let Some(slug) = get("enterprise") {
        Ok(Scope::Enterprise(slug))
    } else if let (Some(owner), Some(name)) = (get("owner"), get("repo")) {
        Ok(Scope::Repository { owner, name })
    } else if let Some(login) = get("org") {
        Ok(Scope::Organization(login))
    } else {
        Err(ApiFailure::not_found())
    }
}

/// The scope of the path as the world spells it (names match without regard to case, as
/// on GitHub); 404 unless it exists.
pub(crate) fn existing_scope(world: &World, params: &HashMap<String, String>) -> Outcome<Scope> {
    world
        .canonical(&scope(params)?)
        .ok_or_else(ApiFailure::not_found)
}

/// One page of `runners` as a `RunnerList` body with its paging information.
pub(crate) fn runner_page(runners: Vec<&RunnerRecord>, query: &PageQuery) -> Response {
    let (runners, info) = paginate(runners, query);
    let body = RunnerList {
        total_count: info.total as i64,
        runners: runners.into_iter().map(render::runner).collect(),
    };
    page_response(body, info)
}

/// One page of the repositories `ids` as a `MinimalRepositoryList` body.
pub(crate) fn repository_page(
    world: &World,
    base: &str,
    ids: &[i64],
    query: &PageQuery,
) -> Response {
    let repos: Vec<_> = ids
        .iter()
        .filter_map(|id| world.repository_by_id(*id))
        .collect();
    let (repos, info) = paginate(repos, query);
    let body = MinimalRepositoryList {
        total_count: info.total as i64,
        repositories: repos
            .into_iter()
            .map(|repo| render::repository(world, base, repo))
            .collect(),
    };
    page_response(body, info)
}

/// A numeric path parameter; GitHub answers 404 for one that is not a number.
pub(crate) fn id(params: &HashMap<String, String>, name: &str) -> Outcome<i64> {
    params
        .get(name)
        .and_then(|value| value.parse().ok())
        .ok_or_else(ApiFailure::not_found)
}

/// Decodes a JSON request body into `T`: 400 for JSON that does not parse (GitHub's
/// "Problems parsing JSON"), 422 for JSON that does not fit the operation's schema.
pub(crate) fn json_body<T: DeserializeOwned>(body: &[u8]) -> Outcome<T> {
    serde_json::from_slice(body).map_err(|error| {
        if error.is_data() {
            let mut failure = ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, "Invalid request.");
            failure
                .errors
                .push(serde_json::Value::String(error.to_string()));
            failure
        } else {
            ApiFailure::new(StatusCode::BAD_REQUEST, "Problems parsing JSON")
        }
    })
}

/// 204 No Content, the answer of every successful PUT and DELETE of this API.
pub(crate) fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// 201 Created with a JSON body.
pub(crate) fn created<T: serde::Serialize>(body: T) -> Response {
    (StatusCode::CREATED, axum::Json(body)).into_response()
}
