//! The self-hosted runner policy: `/orgs/{org}/actions/permissions/self-hosted-runners…`
//! and `/enterprises/{enterprise}/actions/permissions/self-hosted-runners`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::{get, put};
use axum::{Json, Router};
use github_runners::{
    EnterpriseSelfHostedRunnersPermissions, SelfHostedRunnersEnabledRepositories,
    SelfHostedRunnersSettings, SetSelectedRepositoriesSelfHostedRunnersOrganizationBody,
    SetSelfHostedRunnersPermissionsBody, SetSelfHostedRunnersPermissionsOrganizationBody,
};

use super::{Params, State, existing_scope, id, json_body, no_content, repository_page};
use crate::error::{ApiFailure, Outcome};
use crate::pagination::PageQuery;
use crate::server::Shared;
use crate::world::{Scope, World};

/// The policy routes.
pub(super) fn routes() -> Router<Arc<Shared>> {
    let org = "/orgs/{org}/actions/permissions/self-hosted-runners";
    Router::new()
        .route(org, get(get_org).put(set_org))
        .route(
            &format!("{org}/repositories"),
            get(list_repositories).put(set_repositories),
        )
        .route(
            &format!("{org}/repositories/{{repository_id}}"),
            put(enable_repository).delete(disable_repository),
        )
        .route(
            "/enterprises/{enterprise}/actions/permissions/self-hosted-runners",
            get(get_enterprise).put(set_enterprise),
        )
}

/// The organization login or enterprise slug of the path, as the world spells it.
fn owner(world: &World, params: &std::collections::HashMap<String, String>) -> Outcome<String> {
    match existing_scope(world, params)? {
        Scope::Enterprise(name) | Scope::Organization(name) => Ok(name),
        Scope::Repository { .. } => Err(ApiFailure::not_found()),
    }
}

async fn get_org(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<SelfHostedRunnersSettings>> {
    let world = shared.world();
    let org = owner(&world, &params)?;
    let (enabled, _) = world.org_policy(&org)?;
    Ok(Json(SelfHostedRunnersSettings {
        enabled_repositories: SelfHostedRunnersEnabledRepositories::from(enabled),
        selected_repositories_url: (enabled == "selected").then(|| {
            format!(
                "{}/orgs/{org}/actions/permissions/self-hosted-runners/repositories",
                shared.base_url()
            )
        }),
    }))
}

async fn set_org(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: SetSelfHostedRunnersPermissionsOrganizationBody = json_body(&body)?;
    let mut world = shared.world();
    let name = owner(&world, &params)?;
    world.set_org_policy(&name, body.enabled_repositories.as_str())?;
    Ok(no_content())
}

async fn list_repositories(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<PageQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let (_, selected) = world.org_policy(&owner(&world, &params)?)?;
    Ok(repository_page(
        &world,
        shared.base_url(),
        &selected,
        &query,
    ))
}

async fn set_repositories(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: SetSelectedRepositoriesSelfHostedRunnersOrganizationBody = json_body(&body)?;
    let ids: Vec<i64> = body.selected_repository_ids.iter().map(|id| id.0).collect();
    let mut world = shared.world();
    let name = owner(&world, &params)?;
    world.set_policy_repositories(&name, &ids)?;
    Ok(no_content())
}

async fn enable_repository(state: State, params: Params) -> Outcome<Response> {
    change_repository(state, params, true)
}

async fn disable_repository(state: State, params: Params) -> Outcome<Response> {
    change_repository(state, params, false)
}

fn change_repository(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    add: bool,
) -> Outcome<Response> {
    let repository = id(&params, "repository_id")?;
    let mut world = shared.world();
    let name = owner(&world, &params)?;
    world.change_policy_repository(&name, repository, add)?;
    Ok(no_content())
}

async fn get_enterprise(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Json<EnterpriseSelfHostedRunnersPermissions>> {
    let world = shared.world();
    let disabled = world.enterprise_policy(&owner(&world, &params)?)?;
    Ok(Json(EnterpriseSelfHostedRunnersPermissions {
        disable_self_hosted_runners_for_all_orgs: disabled,
    }))
}

async fn set_enterprise(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: SetSelfHostedRunnersPermissionsBody = json_body(&body)?;
    let mut world = shared.world();
    let enterprise = owner(&world, &params)?;
    world.set_enterprise_policy(&enterprise, body.disable_self_hosted_runners_for_all_orgs)?;
    Ok(no_content())
}
