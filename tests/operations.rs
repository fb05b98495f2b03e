//! Each of the 45 operations of the seed pages against a local mock server: the request's
//! method, path, query, headers and body, and the decoded response; with the parameters and
//! fields added to them since (runner `name` filter, `visible_to_organization`, the workflow
//! and network fields of enterprise groups, the 422 of a busy runner). The 26 operations added
//! since are in `operations_beyond_seeds.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

#[macro_use]
#[path = "support/mock.rs"]
mod mock;

use github_runners::*;
use github_runners_tests::example;
use mock::{assert_decoded, assert_page, assert_request, exchange};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

// Runner groups, enterprise.
list_test!(
    list_self_hosted_runner_groups_for_enterprise,
    "enterprise-runner-group-list",
    "runner_groups",
    "/enterprises/octo-ent/actions/runner-groups",
    |c| c.list_self_hosted_runner_groups_for_enterprise("octo-ent")
);
json_test!(
    create_self_hosted_runner_group_for_enterprise,
    "POST",
    201,
    "enterprise-runner-group",
    "/enterprises/octo-ent/actions/runner-groups",
    Some(
        json!({"name": "Expensive hardware runners", "visibility": "selected", "selected_organization_ids": [32, 91], "runners": [9, 2], "allows_public_repositories": true})
    ),
    |c| c
        .create_self_hosted_runner_group_for_enterprise("octo-ent", "Expensive hardware runners")
        .visibility(EnterpriseRunnerGroupVisibilitySetting::Selected)
        .selected_organization_ids(vec![OrgId(32), OrgId(91)])
        .runners(vec![RunnerId(9), RunnerId(2)])
        .allows_public_repositories(true)
);
json_test!(
    get_self_hosted_runner_group_for_enterprise,
    "GET",
    200,
    "enterprise-runner-group",
    "/enterprises/octo-ent/actions/runner-groups/39",
    None,
    |c| c.get_self_hosted_runner_group_for_enterprise("octo-ent", RunnerGroupId(39))
);
json_test!(
    update_self_hosted_runner_group_for_enterprise,
    "PATCH",
    200,
    "enterprise-runner-group-updated",
    "/enterprises/octo-ent/actions/runner-groups/39",
    Some(json!({"name": "renamed", "visibility": "all"})),
    |c| c
        .update_self_hosted_runner_group_for_enterprise("octo-ent", RunnerGroupId(39))
        .name("renamed")
        .visibility(EnterpriseRunnerGroupVisibilitySetting::All)
);
no_content_test!(
    delete_self_hosted_runner_group_from_enterprise,
    "DELETE",
    "/enterprises/octo-ent/actions/runner-groups/39",
    None,
    |c| c.delete_self_hosted_runner_group_from_enterprise("octo-ent", RunnerGroupId(39))
);
list_test!(
    list_org_access_to_self_hosted_runner_group_in_enterprise,
    "enterprise-runner-group-organizations",
    "organizations",
    "/enterprises/octo-ent/actions/runner-groups/39/organizations",
    |c| c.list_org_access_to_self_hosted_runner_group_in_enterprise("octo-ent", RunnerGroupId(39))
);
no_content_test!(
    set_org_access_to_self_hosted_runner_group_in_enterprise,
    "PUT",
    "/enterprises/octo-ent/actions/runner-groups/39/organizations",
    Some(json!({"selected_organization_ids": [32, 91]})),
    |c| c.set_org_access_to_self_hosted_runner_group_in_enterprise(
        "octo-ent",
        RunnerGroupId(39),
        vec![OrgId(32), OrgId(91)]
    )
);
no_content_test!(
    add_org_access_to_self_hosted_runner_group_in_enterprise,
    "PUT",
    "/enterprises/octo-ent/actions/runner-groups/39/organizations/32",
    None,
    |c| c.add_org_access_to_self_hosted_runner_group_in_enterprise(
        "octo-ent",
        RunnerGroupId(39),
        OrgId(32)
    )
);
no_content_test!(
    remove_org_access_to_self_hosted_runner_group_in_enterprise,
    "DELETE",
    "/enterprises/octo-ent/actions/runner-groups/39/organizations/32",
    None,
    |c| c.remove_org_access_to_self_hosted_runner_group_in_enterprise(
        "octo-ent",
        RunnerGroupId(39),
        OrgId(32)
    )
);
list_test!(
    list_self_hosted_runners_in_group_for_enterprise,
    "runner-list",
    "runners",
    "/enterprises/octo-ent/actions/runner-groups/39/runners",
    |c| c.list_self_hosted_runners_in_group_for_enterprise("octo-ent", RunnerGroupId(39))
);
no_content_test!(
    set_self_hosted_runners_in_group_for_enterprise,
    "PUT",
    "/enterprises/octo-ent/actions/runner-groups/39/runners",
    Some(json!({"runners": [9, 2]})),
    |c| c.set_self_hosted_runners_in_group_for_enterprise(
        "octo-ent",
        RunnerGroupId(39),
        vec![RunnerId(9), RunnerId(2)]
    )
);
no_content_test!(
    add_self_hosted_runner_to_group_for_enterprise,
    "PUT",
    "/enterprises/octo-ent/actions/runner-groups/39/runners/9",
    None,
    |c| c.add_self_hosted_runner_to_group_for_enterprise(
        "octo-ent",
        RunnerGroupId(39),
        RunnerId(9)
    )
);
no_content_test!(
    remove_self_hosted_runner_from_group_for_enterprise,
    "DELETE",
    "/enterprises/octo-ent/actions/runner-groups/39/runners/9",
    None,
    |c| c.remove_self_hosted_runner_from_group_for_enterprise(
        "octo-ent",
        RunnerGroupId(39),
        RunnerId(9)
    )
);

// Runner groups, organization.
#[tokio::test]
async fn list_self_hosted_runner_groups_for_org() {
    let expected = example("organization-runner-group-list");
    let (page, seen) = exchange(200, Some(&expected), |c| {
        c.list_self_hosted_runner_groups_for_org("octo-org")
            .per_page(2)
            .page(3)
            .visible_to_repository("octo-repo")
    })
    .await;
    let query = [
        ("per_page", "2"),
        ("page", "3"),
        ("visible_to_repository", "octo-repo"),
    ];
    assert_request(
        &seen,
        "GET",
        "/orgs/octo-org/actions/runner-groups",
        &query,
        None,
    );
    assert_page(&page, &expected, "runner_groups");
}
json_test!(
    create_self_hosted_runner_group_for_org,
    "POST",
    201,
    "organization-runner-group",
    "/orgs/octo-org/actions/runner-groups",
    Some(
        json!({"name": "Expensive hardware runners", "visibility": "selected", "selected_repository_ids": [32, 91], "runners": [9, 2],
        "allows_public_repositories": false, "restricted_to_workflows": true, "selected_workflows": ["octo-org/octo-repo/.github/workflows/deploy.yaml@main"],
        "network_configuration_id": "net-1"})
    ),
    |c| c
        .create_self_hosted_runner_group_for_org("octo-org", "Expensive hardware runners")
        .visibility(RunnerGroupVisibility::Selected)
        .selected_repository_ids(vec![RepositoryId(32), RepositoryId(91)])
        .runners(vec![RunnerId(9), RunnerId(2)])
        .allows_public_repositories(false)
        .restricted_to_workflows(true)
        .selected_workflows(vec![
            "octo-org/octo-repo/.github/workflows/deploy.yaml@main".into()
        ])
        .network_configuration_id("net-1")
);
json_test!(
    get_self_hosted_runner_group_for_org,
    "GET",
    200,
    "organization-runner-group",
    "/orgs/octo-org/actions/runner-groups/39",
    None,
    |c| c.get_self_hosted_runner_group_for_org("octo-org", RunnerGroupId(39))
);
json_test!(
    update_self_hosted_runner_group_for_org,
    "PATCH",
    200,
    "organization-runner-group",
    "/orgs/octo-org/actions/runner-groups/39",
    Some(json!({"name": "renamed", "visibility": "private", "network_configuration_id": null})),
    |c| c
        .update_self_hosted_runner_group_for_org("octo-org", RunnerGroupId(39), "renamed")
        .visibility(RunnerGroupVisibility::Private)
        .network_configuration_id(None)
);
no_content_test!(
    delete_self_hosted_runner_group_from_org,
    "DELETE",
    "/orgs/octo-org/actions/runner-groups/39",
    None,
    |c| c.delete_self_hosted_runner_group_from_org("octo-org", RunnerGroupId(39))
);
list_test!(
    list_github_hosted_runners_in_group_for_org,
    "github-hosted-runner-list",
    "runners",
    "/orgs/octo-org/actions/runner-groups/39/hosted-runners",
    |c| c.list_github_hosted_runners_in_group_for_org("octo-org", RunnerGroupId(39))
);
list_test!(
    list_repo_access_to_self_hosted_runner_group_in_org,
    "minimal-repository-list",
    "repositories",
    "/orgs/octo-org/actions/runner-groups/39/repositories",
    |c| c.list_repo_access_to_self_hosted_runner_group_in_org("octo-org", RunnerGroupId(39))
);
no_content_test!(
    set_repo_access_to_self_hosted_runner_group_in_org,
    "PUT",
    "/orgs/octo-org/actions/runner-groups/39/repositories",
    Some(json!({"selected_repository_ids": [32, 91]})),
    |c| c.set_repo_access_to_self_hosted_runner_group_in_org(
        "octo-org",
        RunnerGroupId(39),
        vec![RepositoryId(32), RepositoryId(91)]
    )
);
no_content_test!(
    add_repo_access_to_self_hosted_runner_group_in_org,
    "PUT",
    "/orgs/octo-org/actions/runner-groups/39/repositories/32",
    None,
    |c| c.add_repo_access_to_self_hosted_runner_group_in_org(
        "octo-org",
        RunnerGroupId(39),
        RepositoryId(32)
    )
);
no_content_test!(
    remove_repo_access_to_self_hosted_runner_group_in_org,
    "DELETE",
    "/orgs/octo-org/actions/runner-groups/39/repositories/32",
    None,
    |c| c.remove_repo_access_to_self_hosted_runner_group_in_org(
        "octo-org",
        RunnerGroupId(39),
        RepositoryId(32)
    )
);
list_test!(
    list_self_hosted_runners_in_group_for_org,
    "runner-list-with-ephemeral",
    "runners",
    "/orgs/octo-org/actions/runner-groups/39/runners",
    |c| c.list_self_hosted_runners_in_group_for_org("octo-org", RunnerGroupId(39))
);
no_content_test!(
    set_self_hosted_runners_in_group_for_org,
    "PUT",
    "/orgs/octo-org/actions/runner-groups/39/runners",
    Some(json!({"runners": [9, 2]})),
    |c| c.set_self_hosted_runners_in_group_for_org(
        "octo-org",
        RunnerGroupId(39),
        vec![RunnerId(9), RunnerId(2)]
    )
);
no_content_test!(
    add_self_hosted_runner_to_group_for_org,
    "PUT",
    "/orgs/octo-org/actions/runner-groups/39/runners/9",
    None,
    |c| c.add_self_hosted_runner_to_group_for_org("octo-org", RunnerGroupId(39), RunnerId(9))
);
no_content_test!(
    remove_self_hosted_runner_from_group_for_org,
    "DELETE",
    "/orgs/octo-org/actions/runner-groups/39/runners/9",
    None,
    |c| c.remove_self_hosted_runner_from_group_for_org("octo-org", RunnerGroupId(39), RunnerId(9))
);

// Self-hosted runners at each scope.
list_test!(
    list_self_hosted_runners_for_enterprise,
    "runner-list",
    "runners",
    "/enterprises/octo-ent/actions/runners",
    |c| c.list_self_hosted_runners_for_enterprise("octo-ent")
);
list_test!(
    list_self_hosted_runners_for_org,
    "runner-list",
    "runners",
    "/orgs/octo-org/actions/runners",
    |c| c.list_self_hosted_runners_for_org("octo-org")
);
list_test!(
    list_self_hosted_runners_for_repo,
    "runner-list",
    "runners",
    "/repos/octo-org/octo-repo/actions/runners",
    |c| c.list_self_hosted_runners_for_repo("octo-org", "octo-repo")
);
json_test!(
    list_runner_applications_for_enterprise,
    "GET",
    200,
    "runner-application-list",
    "/enterprises/octo-ent/actions/runners/downloads",
    None,
    |c| c.list_runner_applications_for_enterprise("octo-ent")
);
json_test!(
    list_runner_applications_for_org,
    "GET",
    200,
    "runner-application-list",
    "/orgs/octo-org/actions/runners/downloads",
    None,
    |c| c.list_runner_applications_for_org("octo-org")
);
json_test!(
    list_runner_applications_for_repo,
    "GET",
    200,
    "runner-application-list",
    "/repos/octo-org/octo-repo/actions/runners/downloads",
    None,
    |c| c.list_runner_applications_for_repo("octo-org", "octo-repo")
);
json_test!(
    create_registration_token_for_enterprise,
    "POST",
    201,
    "registration-token",
    "/enterprises/octo-ent/actions/runners/registration-token",
    None,
    |c| c.create_registration_token_for_enterprise("octo-ent")
);
json_test!(
    create_registration_token_for_org,
    "POST",
    201,
    "registration-token",
    "/orgs/octo-org/actions/runners/registration-token",
    None,
    |c| c.create_registration_token_for_org("octo-org")
);
json_test!(
    create_registration_token_for_repo,
    "POST",
    201,
    "registration-token",
    "/repos/octo-org/octo-repo/actions/runners/registration-token",
    None,
    |c| c.create_registration_token_for_repo("octo-org", "octo-repo")
);
json_test!(
    create_remove_token_for_enterprise,
    "POST",
    201,
    "remove-token",
    "/enterprises/octo-ent/actions/runners/remove-token",
    None,
    |c| c.create_remove_token_for_enterprise("octo-ent")
);
json_test!(
    create_remove_token_for_org,
    "POST",
    201,
    "remove-token",
    "/orgs/octo-org/actions/runners/remove-token",
    None,
    |c| c.create_remove_token_for_org("octo-org")
);
json_test!(
    create_remove_token_for_repo,
    "POST",
    201,
    "remove-token",
    "/repos/octo-org/octo-repo/actions/runners/remove-token",
    None,
    |c| c.create_remove_token_for_repo("octo-org", "octo-repo")
);
json_test!(
    get_self_hosted_runner_for_enterprise,
    "GET",
    200,
    "runner",
    "/enterprises/octo-ent/actions/runners/23",
    None,
    |c| c.get_self_hosted_runner_for_enterprise("octo-ent", RunnerId(23))
);
json_test!(
    get_self_hosted_runner_for_org,
    "GET",
    200,
    "runner",
    "/orgs/octo-org/actions/runners/23",
    None,
    |c| c.get_self_hosted_runner_for_org("octo-org", RunnerId(23))
);
json_test!(
    get_self_hosted_runner_for_repo,
    "GET",
    200,
    "runner",
    "/repos/octo-org/octo-repo/actions/runners/23",
    None,
    |c| c.get_self_hosted_runner_for_repo("octo-org", "octo-repo", RunnerId(23))
);
no_content_test!(
    delete_self_hosted_runner_from_enterprise,
    "DELETE",
    "/enterprises/octo-ent/actions/runners/23",
    None,
    |c| c.delete_self_hosted_runner_from_enterprise("octo-ent", RunnerId(23))
);
no_content_test!(
    delete_self_hosted_runner_from_org,
    "DELETE",
    "/orgs/octo-org/actions/runners/23",
    None,
    |c| c.delete_self_hosted_runner_from_org("octo-org", RunnerId(23))
);
no_content_test!(
    delete_self_hosted_runner_from_repo,
    "DELETE",
    "/repos/octo-org/octo-repo/actions/runners/23",
    None,
    |c| c.delete_self_hosted_runner_from_repo("octo-org", "octo-repo", RunnerId(23))
);

// Parameters, fields and answers added to the 45 since the seed pages.
#[tokio::test]
async fn runner_lists_filter_by_exact_name_at_every_scope() {
    let expected = example("runner-list");
    let (page, seen) = exchange(200, Some(&expected), |c| {
        c.list_self_hosted_runners_for_enterprise("octo-ent")
            .name("linux_runner")
    })
    .await;
    let path = "/enterprises/octo-ent/actions/runners";
    assert_request(&seen, "GET", path, &[("name", "linux_runner")], None);
    assert_page(&page, &expected, "runners");

    let (page, seen) = exchange(200, Some(&expected), |c| {
        c.list_self_hosted_runners_for_org("octo-org")
            .name("mac runner&1")
    })
    .await;
    let path = "/orgs/octo-org/actions/runners";
    assert_request(&seen, "GET", path, &[("name", "mac runner&1")], None);
    assert_page(&page, &expected, "runners");

    let (page, seen) = exchange(200, Some(&expected), |c| {
        c.list_self_hosted_runners_for_repo("octo-org", "octo-repo")
            .name("linux_runner")
            .per_page(5)
    })
    .await;
    let path = "/repos/octo-org/octo-repo/actions/runners";
    let query = [("name", "linux_runner"), ("per_page", "5")];
    assert_request(&seen, "GET", path, &query, None);
    assert_page(&page, &expected, "runners");
}

#[tokio::test]
async fn enterprise_runner_groups_filter_by_the_organization_that_may_use_them() {
    let expected = example("enterprise-runner-group-list");
    let (page, seen) = exchange(200, Some(&expected), |c| {
        c.list_self_hosted_runner_groups_for_enterprise("octo-ent")
            .visible_to_organization("octo-org")
    })
    .await;
    let path = "/enterprises/octo-ent/actions/runner-groups";
    let query = [("visible_to_organization", "octo-org")];
    assert_request(&seen, "GET", path, &query, None);
    assert_page(&page, &expected, "runner_groups");
}

json_test!(
    create_enterprise_runner_group_restricted_to_one_workflow_on_a_network,
    "POST",
    201,
    "enterprise-runner-group-current",
    "/enterprises/octo-ent/actions/runner-groups",
    Some(
        json!({"name": "deploy", "restricted_to_workflows": true, "selected_workflows": ["octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main"],
        "network_configuration_id": "net-1"})
    ),
    |c| c
        .create_self_hosted_runner_group_for_enterprise("octo-ent", "deploy")
        .restricted_to_workflows(true)
        .selected_workflows(vec![
            "octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main".into()
        ])
        .network_configuration_id("net-1")
);
json_test!(
    update_enterprise_runner_group_detaches_its_network_with_null,
    "PATCH",
    200,
    "enterprise-runner-group-current",
    "/enterprises/octo-ent/actions/runner-groups/39",
    Some(
        json!({"restricted_to_workflows": false, "selected_workflows": [], "network_configuration_id": null})
    ),
    |c| c
        .update_self_hosted_runner_group_for_enterprise("octo-ent", RunnerGroupId(39))
        .restricted_to_workflows(false)
        .selected_workflows(Vec::new())
        .network_configuration_id(None)
);
json_test!(
    update_enterprise_runner_group_without_changes_sends_an_empty_object,
    "PATCH",
    200,
    "enterprise-runner-group",
    "/enterprises/octo-ent/actions/runner-groups/39",
    Some(json!({})),
    |c| c.update_self_hosted_runner_group_for_enterprise("octo-ent", RunnerGroupId(39))
);

#[tokio::test]
async fn a_runner_tells_its_group_and_version() {
    let expected = example("runner-current");
    let (runner, _) = exchange(200, Some(&expected), |c| {
        c.get_self_hosted_runner_for_org("octo-org", RunnerId(23))
    })
    .await;
    assert_eq!(runner.runner_group_id, Some(RunnerGroupId(1)));
    assert_eq!(runner.version.as_deref(), Some("2.321.0"));
    assert_decoded(&runner, &expected);
}

#[tokio::test]
async fn runner_downloads_keep_their_download_token_secret() {
    let expected = example("runner-application-list-current");
    let (downloads, _) = exchange(200, Some(&expected), |c| {
        c.list_runner_applications_for_repo("octo-org", "octo-repo")
    })
    .await;
    let secret = expected[0]["temp_download_token"].as_str().unwrap();
    let token = downloads[0].temp_download_token.as_ref().unwrap();
    assert_eq!(token.expose_secret(), secret);
    assert!(!format!("{downloads:?}").contains(secret));
    assert_eq!(
        downloads[0].sha256_checksum.as_deref(),
        expected[0]["sha256_checksum"].as_str()
    );
}

/// Deleting a runner that is running a job answers 422 at every scope: an `Error::Api`
/// with GitHub's message, not retried.
#[tokio::test]
async fn deleting_a_busy_runner_is_a_422_api_error_at_every_scope() {
    let server = MockServer::start().await;
    let body = json!({"message": "Bad request - Runner \"MBP\" is still running a job", "documentation_url": "https://docs.github.com/rest"});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(422).set_body_json(&body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let errors = [
        client
            .delete_self_hosted_runner_from_enterprise("octo-ent", RunnerId(23))
            .await,
        client
            .delete_self_hosted_runner_from_org("octo-org", RunnerId(23))
            .await,
        client
            .delete_self_hosted_runner_from_repo("octo-org", "octo-repo", RunnerId(23))
            .await,
    ];
    for error in errors {
        let error = error.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(422));
        let message = error.api().and_then(|api| api.message.clone());
        assert!(message.unwrap().contains("still running a job"));
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

// Errors.
#[tokio::test]
async fn a_404_becomes_an_api_error_with_githubs_message() {
    let server = MockServer::start().await;
    let body = json!({"message": "Not Found", "documentation_url": "https://docs.github.com/rest"});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_json(&body))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client
        .get_self_hosted_runner_for_org("octo-org", RunnerId(1))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    let api = error.api().unwrap();
    assert_eq!(api.message.as_deref(), Some("Not Found"));
    assert_eq!(
        api.documentation_url.as_deref(),
        Some("https://docs.github.com/rest")
    );
}

#[tokio::test]
async fn a_body_that_does_not_match_the_schema_is_a_decode_error_with_an_excerpt() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"id\": \"not a number\"}"))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let error = client
        .get_self_hosted_runner_for_org("octo-org", RunnerId(1))
        .await
        .unwrap_err();
    match error {
        Error::Decode { excerpt, .. } => assert!(excerpt.contains("not a number")),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

// Pagination and path safety through the generated builders.

/// Mounts a runner list spread over three pages linked by `Link` headers.
async fn three_pages_of_runners(server: &MockServer) {
    use wiremock::matchers::{path, query_param};
    let runner = example("runner");
    for page in 1..=3u64 {
        let mut body = json!({"total_count": 6, "runners": []});
        for offset in 0..2 {
            let mut item = runner.clone();
            item["id"] = json!((page - 1) * 2 + offset + 1);
            body["runners"].as_array_mut().unwrap().push(item);
        }
        let link = |p: u64, rel: &str| {
            format!(
                "<{}/orgs/octo-org/actions/runners?per_page=2&page={p}>; rel=\"{rel}\"",
                server.uri()
            )
        };
        let mut links = vec![link(3, "last")];
        if page < 3 {
            links.push(link(page + 1, "next"));
        }
        let mut mock = Mock::given(path("/orgs/octo-org/actions/runners"));
        if page > 1 {
            mock = mock.and(query_param("page", page.to_string()));
        }
        mock.respond_with(
            ResponseTemplate::new(200)
                .set_body_json(body)
                .insert_header("link", links.join(", ")),
        )
        .with_priority(if page > 1 { 1 } else { 2 })
        .mount(server)
        .await;
    }
}

#[tokio::test]
async fn a_list_over_three_pages_is_streamed_lazily_and_collected() {
    let server = MockServer::start().await;
    three_pages_of_runners(&server).await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();

    let first = client
        .list_self_hosted_runners_for_org("octo-org")
        .per_page(2)
        .await
        .unwrap();
    assert_eq!(first.total_count(), Some(6));
    assert_eq!(first.next_page(), Some(2));
    assert_eq!(first.last_page(), Some(3));

    use futures::StreamExt;
    let mut stream = client.list_self_hosted_runners_for_org("octo-org").stream();
    let mut ids = Vec::new();
    while let Some(runner) = stream.next().await {
        ids.push(runner.unwrap().id);
    }
    assert_eq!(ids, (1..=6).map(RunnerId).collect::<Vec<_>>());

    let all = client
        .list_self_hosted_runners_for_org("octo-org")
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 6);

    let requests = server.received_requests().await.unwrap();
    // 1 single page + 3 streamed + 3 collected; the first streamed request asks for 100 a page.
    assert_eq!(requests.len(), 7);
    assert_eq!(requests[1].url.query(), Some("per_page=100"));
}

#[tokio::test]
async fn path_parameters_cannot_change_the_path() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    for (org, sent) in [
        ("a/b", "/orgs/a%2Fb/actions/runners/1"),
        ("x?y#z", "/orgs/x%3Fy%23z/actions/runners/1"),
        ("with space", "/orgs/with%20space/actions/runners/1"),
        ("ünï", "/orgs/%C3%BCn%C3%AF/actions/runners/1"),
    ] {
        client
            .delete_self_hosted_runner_from_org(org, RunnerId(1))
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.last().unwrap().url.path(), sent);
    }
    let sent_before = server.received_requests().await.unwrap().len();
    for org in ["..", "."] {
        let error = client
            .delete_self_hosted_runner_from_org(org, RunnerId(1))
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::InvalidPathParameter { .. }),
            "{error:?}"
        );
    }
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        sent_before,
        "nothing was sent"
    );
}
