//! Each of the 46 operations against a local mock server: the request's method, path, query,
//! headers and body, and the decoded response.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use github_runners::*;
use github_runners_tests::{equivalent, example};
use serde::Serialize;
use serde_json::{Value, json};
use std::future::IntoFuture;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "test-token-123";

/// What the server saw.
struct Seen {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Value>,
}

/// Runs one call against a mock that answers `status` with `response`, and returns the
/// decoded result and the single request the server received (after checking the headers
/// every request carries).
async fn exchange<T, F>(
    status: u16,
    response: Option<&Value>,
    call: impl FnOnce(Client) -> F,
) -> (T, Seen)
where
    F: IntoFuture<Output = Result<T, Error>>,
{
    let server = MockServer::start().await;
    let template = match response {
        Some(body) => ResponseTemplate::new(status).set_body_json(body),
        None => ResponseTemplate::new(status),
    };
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .token(TOKEN)
        .build()
        .unwrap();
    let result = call(client)
        .into_future()
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "exactly one request");
    let request = &requests[0];
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(
        header("accept").as_deref(),
        Some("application/vnd.github+json")
    );
    assert_eq!(
        header("x-github-api-version").as_deref(),
        Some("2022-11-28")
    );
    assert_eq!(header("authorization"), Some(format!("Bearer {TOKEN}")));
    assert!(header("user-agent").is_some_and(|agent| !agent.is_empty()));
    let body = (!request.body.is_empty()).then(|| {
        assert_eq!(header("content-type").as_deref(), Some("application/json"));
        serde_json::from_slice(&request.body).unwrap()
    });
    let seen = Seen {
        method: request.method.to_string(),
        path: request.url.path().to_owned(),
        query: request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        body,
    };
    (result, seen)
}

fn assert_request(
    seen: &Seen,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
) {
    assert_eq!(seen.method, method);
    assert_eq!(seen.path, path);
    let mut expected: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
    let mut actual = seen.query.clone();
    expected.sort();
    actual.sort();
    assert_eq!(actual, expected, "query parameters (in any order)");
    assert_eq!(seen.body, body);
}

fn assert_decoded<T: Serialize>(decoded: &T, expected: &Value) {
    let back = serde_json::to_value(decoded).unwrap();
    assert!(
        equivalent(&back, expected),
        "decoded {back}\nexpected {expected}"
    );
}

fn assert_page<T: Serialize>(page: &Page<T>, expected: &Value, list: &str) {
    assert_decoded(&page.items().iter().collect::<Vec<_>>(), &expected[list]);
    assert_eq!(page.total_count(), expected["total_count"].as_u64());
}

/// A GET of a list: the page size and number go into the query, the page decodes.
macro_rules! list_test {
    ($name:ident, $example:literal, $list:literal, $path:literal, |$c:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let expected = example($example);
            let (page, seen) = exchange(200, Some(&expected), |$c| $call.per_page(2).page(3)).await;
            assert_request(
                &seen,
                "GET",
                $path,
                &[("per_page", "2"), ("page", "3")],
                None,
            );
            assert_page(&page, &expected, $list);
        }
    };
}

/// A request answered by `204 No Content`.
macro_rules! no_content_test {
    ($name:ident, $method:literal, $path:literal, $body:expr, |$c:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let ((), seen) = exchange(204, None, |$c| $call).await;
            assert_request(&seen, $method, $path, &[], $body);
        }
    };
}

/// A request whose JSON answer decodes to one of the spec's examples.
macro_rules! json_test {
    ($name:ident, $method:literal, $status:literal, $example:literal, $path:literal, $body:expr, |$c:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let expected = example($example);
            let (decoded, seen) = exchange($status, Some(&expected), |$c| $call).await;
            assert_request(&seen, $method, $path, &[], $body);
            assert_decoded(&decoded, &expected);
        }
    };
}

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
json_test!(
    get_rate_limit,
    "GET",
    200,
    "rate-limit-overview",
    "/rate_limit",
    None,
    |c| c.get_rate_limit()
);

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
