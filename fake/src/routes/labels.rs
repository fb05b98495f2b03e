//! `…/actions/runners/{runner_id}/labels` at every scope: a runner's labels, and its
//! custom labels added, replaced or removed. Every answer is the runner's labels after the
//! change (`{total_count, labels}`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::routing::{delete, get};
use axum::{Json, Router};
use github_runners::{
    AddCustomLabelsToSelfHostedRunnerForOrgBody, RunnerLabelList,
    SetCustomLabelsForSelfHostedRunnerForOrgBody,
};

use super::{Params, State, existing_scope, id, json_body};
use crate::error::{ApiFailure, Outcome};
use crate::server::Shared;
use crate::world::runners::MAX_LABELS;
use crate::world::{Label, render};

/// The label routes, nested under each scope's `…/actions/runners`.
pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/{runner_id}/labels",
            get(list).post(add).put(set).delete(remove_all),
        )
        .route("/{runner_id}/labels/{name}", delete(remove_one))
}

fn label_list(labels: &[Label]) -> Json<RunnerLabelList> {
    Json(RunnerLabelList {
        total_count: labels.len() as i64,
        labels: labels.iter().map(render::label).collect(),
    })
}

/// Replaces (`replace`) or extends the custom labels of the runner of the path.
fn change(
    shared: &Shared,
    params: &HashMap<String, String>,
    labels: &[String],
    replace: bool,
) -> Outcome<Json<RunnerLabelList>> {
    let mut world = shared.world();
    let scope = existing_scope(&world, params)?;
    let labels = world.change_custom_labels(&scope, id(params, "runner_id")?, labels, replace)?;
    Ok(label_list(&labels))
}

async fn list(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<RunnerLabelList>> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    Ok(label_list(
        &world.runner_in(&scope, id(&params, "runner_id")?)?.labels,
    ))
}

async fn add(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Json<RunnerLabelList>> {
    // All three scopes take `{labels: [string]}`; the organization model stands for them.
    let body: AddCustomLabelsToSelfHostedRunnerForOrgBody = json_body(&body)?;
    if body.labels.is_empty() || body.labels.len() > MAX_LABELS {
        return Err(ApiFailure::invalid(
            "Runner",
            "labels",
            "invalid",
            "between 1 and 100 labels are required",
        ));
    }
    change(&shared, &params, &body.labels, false)
}

async fn set(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Json<RunnerLabelList>> {
    let body: SetCustomLabelsForSelfHostedRunnerForOrgBody = json_body(&body)?;
    change(&shared, &params, &body.labels, true)
}

async fn remove_all(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<RunnerLabelList>> {
    change(&shared, &params, &[], true)
}

async fn remove_one(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<RunnerLabelList>> {
    let mut world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let name = params.get("name").ok_or_else(ApiFailure::not_found)?;
    let labels = world.remove_custom_label(&scope, id(&params, "runner_id")?, name)?;
    Ok(label_list(&labels))
}
