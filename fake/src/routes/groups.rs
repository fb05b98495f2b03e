//! `…/actions/runner-groups` at enterprise and organization scope: the groups, their
//! runners, their access lists (organizations for an enterprise group, repositories for an
//! organization group) and the GitHub-hosted runners of an organization group.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use github_runners::{
    CreateSelfHostedRunnerGroupForEnterpriseBody, CreateSelfHostedRunnerGroupForOrgBody,
    EnterpriseRunnerGroupList, GithubHostedRunnerList, OrganizationRunnerGroupList,
    OrganizationSimpleList, SetOrgAccessToSelfHostedRunnerGroupInEnterpriseBody,
    SetRepoAccessToSelfHostedRunnerGroupInOrgBody, SetSelfHostedRunnersInGroupForOrgBody,
    UpdateSelfHostedRunnerGroupForEnterpriseBody, UpdateSelfHostedRunnerGroupForOrgBody,
};
use serde::Deserialize;

use super::{
    Params, State, existing_scope, id, json_body, no_content, repository_page, runner_page,
};
use crate::error::{ApiFailure, Outcome};
use crate::pagination::{PageQuery, page_response, paginate};
use crate::server::Shared;
use crate::world::groups::GroupSettings;
use crate::world::{Scope, World, render};

/// The routes both scopes share: a group's runners.
fn shared_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/{runner_group_id}/runners",
            get(list_runners).put(set_runners),
        )
        .route(
            "/{runner_group_id}/runners/{runner_id}",
            put(add_member).delete(remove_member),
        )
}

/// The enterprise group routes.
pub(super) fn enterprise_routes() -> Router<Arc<Shared>> {
    shared_routes()
        .route("/", get(list_groups).post(create_enterprise_group))
        .route(
            "/{runner_group_id}",
            get(get_group)
                .patch(update_enterprise_group)
                .delete(delete_group),
        )
        .route(
            "/{runner_group_id}/organizations",
            get(list_organizations).put(set_organizations),
        )
        .route(
            "/{runner_group_id}/organizations/{org_id}",
            put(add_member).delete(remove_member),
        )
}

/// The organization group routes.
pub(super) fn organization_routes() -> Router<Arc<Shared>> {
    shared_routes()
        .route("/", get(list_groups).post(create_organization_group))
        .route(
            "/{runner_group_id}",
            get(get_group)
                .patch(update_organization_group)
                .delete(delete_group),
        )
        .route(
            "/{runner_group_id}/repositories",
            get(list_repositories).put(set_repositories),
        )
        .route(
            "/{runner_group_id}/repositories/{repository_id}",
            put(add_member).delete(remove_member),
        )
        .route(
            "/{runner_group_id}/hosted-runners",
            get(list_hosted_runners),
        )
}

/// The group list's query: paging and the visibility filters.
#[derive(Debug, Deserialize)]
struct GroupListQuery {
    visible_to_repository: Option<String>,
    visible_to_organization: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

/// A group rendered for its scope's model.
fn render_group(world: &World, base: &str, scope: &Scope, id: i64) -> Outcome<Response> {
    let group = world
        .groups_visible_in(scope)
        .into_iter()
        .find(|group| group.id == id)
        .ok_or_else(ApiFailure::not_found)?;
    Ok(match scope {
        Scope::Enterprise(_) => Json(render::enterprise_group(base, group)).into_response(),
        _ => Json(render::organization_group(world, base, group, scope)).into_response(),
    })
}

async fn list_groups(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<GroupListQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let groups: Vec<_> = world
        .groups_visible_in(&scope)
        .into_iter()
        .filter(|group| {
            query
                .visible_to_repository
                .as_deref()
                .is_none_or(|repo| world.group_visible_to_repository(group, repo))
        })
        .filter(|group| {
            query
                .visible_to_organization
                .as_deref()
                .is_none_or(|login| world.inherits(&Scope::org(login), group))
        })
        .collect();
    let (groups, info) = paginate(groups, &query.page);
    let base = shared.base_url();
    Ok(match scope {
        Scope::Enterprise(_) => page_response(
            EnterpriseRunnerGroupList {
                total_count: info.total as i64,
                runner_groups: groups
                    .into_iter()
                    .map(|group| render::enterprise_group(base, group))
                    .collect(),
            },
            info,
        ),
        _ => page_response(
            OrganizationRunnerGroupList {
                total_count: info.total as i64,
                runner_groups: groups
                    .into_iter()
                    .map(|group| render::organization_group(&world, base, group, &scope))
                    .collect(),
            },
            info,
        ),
    })
}

async fn get_group(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    render_group(
        &world,
        shared.base_url(),
        &scope,
        id(&params, "runner_group_id")?,
    )
}

/// Creates a group from `settings` and answers 201 with it.
fn create(
    shared: &Shared,
    params: &std::collections::HashMap<String, String>,
    settings: GroupSettings,
) -> Outcome<Response> {
    let mut world = shared.world();
    let scope = existing_scope(&world, params)?;
    let id = world.create_group(&scope, settings)?;
    let mut response = render_group(&world, shared.base_url(), &scope, id)?;
    *response.status_mut() = axum::http::StatusCode::CREATED;
    Ok(response)
}

/// Changes a group with `settings` and answers 200 with it.
fn update(
    shared: &Shared,
    params: &std::collections::HashMap<String, String>,
    settings: GroupSettings,
) -> Outcome<Response> {
    let mut world = shared.world();
    let scope = existing_scope(&world, params)?;
    let id = id(params, "runner_group_id")?;
    world.update_group(&scope, id, settings)?;
    render_group(&world, shared.base_url(), &scope, id)
}

async fn create_enterprise_group(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: CreateSelfHostedRunnerGroupForEnterpriseBody = json_body(&body)?;
    create(&shared, &params, body.into())
}

async fn create_organization_group(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: CreateSelfHostedRunnerGroupForOrgBody = json_body(&body)?;
    create(&shared, &params, body.into())
}

async fn update_enterprise_group(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    // The body is optional: an empty one changes nothing.
    let body: UpdateSelfHostedRunnerGroupForEnterpriseBody = if body.is_empty() {
        json_body(b"{}")?
    } else {
        json_body(&body)?
    };
    update(&shared, &params, body.into())
}

async fn update_organization_group(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: UpdateSelfHostedRunnerGroupForOrgBody = json_body(&body)?;
    update(&shared, &params, body.into())
}

async fn delete_group(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Response> {
    let mut world = shared.world();
    let scope = existing_scope(&world, &params)?;
    world.delete_group(&scope, id(&params, "runner_group_id")?)?;
    Ok(no_content())
}

async fn list_runners(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<PageQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let group = world.group_in(&scope, id(&params, "runner_group_id")?)?.id;
    let members = world
        .runners
        .values()
        .filter(|r| r.group == Some(group))
        .collect();
    Ok(runner_page(members, &query))
}

async fn set_runners(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    // Both scopes' bodies are `{runners: [RunnerId]}`; the organization one stands for both.
    let body: SetSelfHostedRunnersInGroupForOrgBody = json_body(&body)?;
    let runners: Vec<i64> = body.runners.into_iter().map(|id| id.0).collect();
    let mut world = shared.world();
    let scope = existing_scope(&world, &params)?;
    world.set_group_runners(&scope, id(&params, "runner_group_id")?, &runners)?;
    Ok(no_content())
}

async fn list_organizations(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<PageQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let group = world.group_in(&scope, id(&params, "runner_group_id")?)?;
    let orgs: Vec<_> = group
        .selected_organizations
        .iter()
        .filter_map(|id| world.organization_by_id(*id))
        .collect();
    let (orgs, info) = paginate(orgs, &query);
    let body = OrganizationSimpleList {
        total_count: info.total as i64,
        organizations: orgs
            .into_iter()
            .map(|org| render::organization(shared.base_url(), org))
            .collect(),
    };
    Ok(page_response(body, info))
}

async fn set_organizations(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: SetOrgAccessToSelfHostedRunnerGroupInEnterpriseBody = json_body(&body)?;
    let settings = GroupSettings {
        selected_organizations: Some(
            body.selected_organization_ids
                .into_iter()
                .map(|id| id.0)
                .collect(),
        ),
        ..GroupSettings::default()
    };
    update(&shared, &params, settings).map(|_| no_content())
}

async fn list_repositories(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<PageQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let group = world.group_in(&scope, id(&params, "runner_group_id")?)?;
    let ids: Vec<i64> = group.selected_repositories.iter().copied().collect();
    Ok(repository_page(&world, shared.base_url(), &ids, &query))
}

async fn set_repositories(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    body: Bytes,
) -> Outcome<Response> {
    let body: SetRepoAccessToSelfHostedRunnerGroupInOrgBody = json_body(&body)?;
    let settings = GroupSettings {
        selected_repositories: Some(
            body.selected_repository_ids
                .into_iter()
                .map(|id| id.0)
                .collect(),
        ),
        ..GroupSettings::default()
    };
    update(&shared, &params, settings).map(|_| no_content())
}

/// Adds the member the path names to the group, or removes it (`add: false`): a runner
/// (`runner_id`; removing puts it back in the default group), an organization (`org_id`)
/// or a repository (`repository_id`) of the access list.
fn change_member(
    shared: &Shared,
    params: &std::collections::HashMap<String, String>,
    add: bool,
) -> Outcome<Response> {
    let mut world = shared.world();
    let scope = existing_scope(&world, params)?;
    let group = id(params, "runner_group_id")?;
    if params.contains_key("runner_id") {
        world.move_group_runner(&scope, group, id(params, "runner_id")?, add)?;
    } else {
        let member = id(params, "org_id").or_else(|_| id(params, "repository_id"))?;
        world.change_group_access(&scope, group, member, add)?;
    }
    Ok(no_content())
}

async fn add_member(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Response> {
    change_member(&shared, &params, true)
}

async fn remove_member(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
) -> Outcome<Response> {
    change_member(&shared, &params, false)
}

async fn list_hosted_runners(
    axum::extract::State(shared): State,
    axum::extract::Path(params): Params,
    Query(query): Query<PageQuery>,
) -> Outcome<Response> {
    let world = shared.world();
    let scope = existing_scope(&world, &params)?;
    let group = world.group_in(&scope, id(&params, "runner_group_id")?)?.id;
    let hosted: Vec<_> = world
        .hosted_runners
        .iter()
        .filter(|runner| runner.runner_group_id.map(|id| id.0) == Some(group))
        .cloned()
        .collect();
    let (runners, info) = paginate(hosted, &query);
    Ok(page_response(
        GithubHostedRunnerList {
            total_count: info.total as i64,
            runners,
        },
        info,
    ))
}
