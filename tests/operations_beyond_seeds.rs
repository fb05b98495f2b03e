//! Each of the 27 operations that are not in the seed pages (just-in-time runners, custom
//! labels, the self-hosted runner policy, the rate-limit status) against a local mock server: the request's method,
//! path, query, headers and body, and the decoded response. The 45 operations of the seed pages
//! are in `operations.rs`; both share the harness in `support/mock.rs`.

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
use mock::exchange;
use serde_json::json;

// The rate-limit status.
json_test!(
    get_rate_limit,
    "GET",
    200,
    "rate-limit-overview",
    "/rate_limit",
    None,
    |c| c.get_rate_limit()
);

// Just-in-time runners and custom labels, enterprise scope.
json_test!(
    generate_runner_jitconfig_for_enterprise,
    "POST",
    201,
    "runner-jit-config",
    "/enterprises/octo-ent/actions/runners/generate-jitconfig",
    Some(
        json!({"name": "octo-jit-runner-1", "runner_group_id": 2, "labels": ["self-hosted", "gpu"], "work_folder": "_work"})
    ),
    |c| c
        .generate_runner_jitconfig_for_enterprise(
            "octo-ent",
            "octo-jit-runner-1",
            RunnerGroupId(2),
            vec!["self-hosted".into(), "gpu".into()]
        )
        .work_folder("_work")
);
json_test!(
    list_labels_for_self_hosted_runner_for_enterprise,
    "GET",
    200,
    "runner-labels",
    "/enterprises/octo-ent/actions/runners/23/labels",
    None,
    |c| c.list_labels_for_self_hosted_runner_for_enterprise("octo-ent", RunnerId(23))
);
json_test!(
    add_custom_labels_to_self_hosted_runner_for_enterprise,
    "POST",
    200,
    "runner-labels",
    "/enterprises/octo-ent/actions/runners/23/labels",
    Some(json!({"labels": ["gpu"]})),
    |c| c.add_custom_labels_to_self_hosted_runner_for_enterprise(
        "octo-ent",
        RunnerId(23),
        vec!["gpu".into()]
    )
);
json_test!(
    set_custom_labels_for_self_hosted_runner_for_enterprise,
    "PUT",
    200,
    "runner-labels-read-only",
    "/enterprises/octo-ent/actions/runners/23/labels",
    Some(json!({"labels": []})),
    |c| c.set_custom_labels_for_self_hosted_runner_for_enterprise(
        "octo-ent",
        RunnerId(23),
        Vec::new()
    )
);
json_test!(
    remove_all_custom_labels_from_self_hosted_runner_for_enterprise,
    "DELETE",
    200,
    "runner-labels-read-only",
    "/enterprises/octo-ent/actions/runners/23/labels",
    None,
    |c| c.remove_all_custom_labels_from_self_hosted_runner_for_enterprise("octo-ent", RunnerId(23))
);
json_test!(
    remove_custom_label_from_self_hosted_runner_for_enterprise,
    "DELETE",
    200,
    "runner-labels",
    "/enterprises/octo-ent/actions/runners/23/labels/gpu%2Flarge%20%C3%BC",
    None,
    |c| c.remove_custom_label_from_self_hosted_runner_for_enterprise(
        "octo-ent",
        RunnerId(23),
        "gpu/large ü"
    )
);
// Just-in-time runners and custom labels, org scope.
json_test!(
    generate_runner_jitconfig_for_org,
    "POST",
    201,
    "runner-jit-config",
    "/orgs/octo-org/actions/runners/generate-jitconfig",
    Some(
        json!({"name": "octo-jit-runner-1", "runner_group_id": 2, "labels": ["self-hosted", "gpu"], "work_folder": "_work"})
    ),
    |c| c
        .generate_runner_jitconfig_for_org(
            "octo-org",
            "octo-jit-runner-1",
            RunnerGroupId(2),
            vec!["self-hosted".into(), "gpu".into()]
        )
        .work_folder("_work")
);
json_test!(
    list_labels_for_self_hosted_runner_for_org,
    "GET",
    200,
    "runner-labels",
    "/orgs/octo-org/actions/runners/23/labels",
    None,
    |c| c.list_labels_for_self_hosted_runner_for_org("octo-org", RunnerId(23))
);
json_test!(
    add_custom_labels_to_self_hosted_runner_for_org,
    "POST",
    200,
    "runner-labels",
    "/orgs/octo-org/actions/runners/23/labels",
    Some(json!({"labels": ["gpu"]})),
    |c| c.add_custom_labels_to_self_hosted_runner_for_org(
        "octo-org",
        RunnerId(23),
        vec!["gpu".into()]
    )
);
json_test!(
    set_custom_labels_for_self_hosted_runner_for_org,
    "PUT",
    200,
    "runner-labels-read-only",
    "/orgs/octo-org/actions/runners/23/labels",
    Some(json!({"labels": []})),
    |c| c.set_custom_labels_for_self_hosted_runner_for_org("octo-org", RunnerId(23), Vec::new())
);
json_test!(
    remove_all_custom_labels_from_self_hosted_runner_for_org,
    "DELETE",
    200,
    "runner-labels-read-only",
    "/orgs/octo-org/actions/runners/23/labels",
    None,
    |c| c.remove_all_custom_labels_from_self_hosted_runner_for_org("octo-org", RunnerId(23))
);
json_test!(
    remove_custom_label_from_self_hosted_runner_for_org,
    "DELETE",
    200,
    "runner-labels",
    "/orgs/octo-org/actions/runners/23/labels/gpu%2Flarge%20%C3%BC",
    None,
    |c| c.remove_custom_label_from_self_hosted_runner_for_org(
        "octo-org",
        RunnerId(23),
        "gpu/large ü"
    )
);
// Just-in-time runners and custom labels, repo scope.
json_test!(
    generate_runner_jitconfig_for_repo,
    "POST",
    201,
    "runner-jit-config",
    "/repos/octo-org/octo-repo/actions/runners/generate-jitconfig",
    Some(
        json!({"name": "octo-jit-runner-1", "runner_group_id": 2, "labels": ["self-hosted", "gpu"], "work_folder": "_work"})
    ),
    |c| c
        .generate_runner_jitconfig_for_repo(
            "octo-org",
            "octo-repo",
            "octo-jit-runner-1",
            RunnerGroupId(2),
            vec!["self-hosted".into(), "gpu".into()]
        )
        .work_folder("_work")
);
json_test!(
    list_labels_for_self_hosted_runner_for_repo,
    "GET",
    200,
    "runner-labels",
    "/repos/octo-org/octo-repo/actions/runners/23/labels",
    None,
    |c| c.list_labels_for_self_hosted_runner_for_repo("octo-org", "octo-repo", RunnerId(23))
);
json_test!(
    add_custom_labels_to_self_hosted_runner_for_repo,
    "POST",
    200,
    "runner-labels",
    "/repos/octo-org/octo-repo/actions/runners/23/labels",
    Some(json!({"labels": ["gpu"]})),
    |c| c.add_custom_labels_to_self_hosted_runner_for_repo(
        "octo-org",
        "octo-repo",
        RunnerId(23),
        vec!["gpu".into()]
    )
);
json_test!(
    set_custom_labels_for_self_hosted_runner_for_repo,
    "PUT",
    200,
    "runner-labels-read-only",
    "/repos/octo-org/octo-repo/actions/runners/23/labels",
    Some(json!({"labels": []})),
    |c| c.set_custom_labels_for_self_hosted_runner_for_repo(
        "octo-org",
        "octo-repo",
        RunnerId(23),
        Vec::new()
    )
);
json_test!(
    remove_all_custom_labels_from_self_hosted_runner_for_repo,
    "DELETE",
    200,
    "runner-labels-read-only",
    "/repos/octo-org/octo-repo/actions/runners/23/labels",
    None,
    |c| c.remove_all_custom_labels_from_self_hosted_runner_for_repo(
        "octo-org",
        "octo-repo",
        RunnerId(23)
    )
);
json_test!(
    remove_custom_label_from_self_hosted_runner_for_repo,
    "DELETE",
    200,
    "runner-labels",
    "/repos/octo-org/octo-repo/actions/runners/23/labels/gpu%2Flarge%20%C3%BC",
    None,
    |c| c.remove_custom_label_from_self_hosted_runner_for_repo(
        "octo-org",
        "octo-repo",
        RunnerId(23),
        "gpu/large ü"
    )
);

// Self-hosted runner policy, organization.
json_test!(
    get_self_hosted_runners_permissions_organization,
    "GET",
    200,
    "self-hosted-runners-settings",
    "/orgs/octo-org/actions/permissions/self-hosted-runners",
    None,
    |c| c.get_self_hosted_runners_permissions_organization("octo-org")
);
no_content_test!(
    set_self_hosted_runners_permissions_organization,
    "PUT",
    "/orgs/octo-org/actions/permissions/self-hosted-runners",
    Some(json!({"enabled_repositories": "none"})),
    |c| c.set_self_hosted_runners_permissions_organization(
        "octo-org",
        SelfHostedRunnersEnabledRepositories::None
    )
);
list_test!(
    list_selected_repositories_self_hosted_runners_organization,
    "minimal-repository-list",
    "repositories",
    "/orgs/octo-org/actions/permissions/self-hosted-runners/repositories",
    |c| c.list_selected_repositories_self_hosted_runners_organization("octo-org")
);
no_content_test!(
    set_selected_repositories_self_hosted_runners_organization,
    "PUT",
    "/orgs/octo-org/actions/permissions/self-hosted-runners/repositories",
    Some(json!({"selected_repository_ids": [32, 91]})),
    |c| c.set_selected_repositories_self_hosted_runners_organization(
        "octo-org",
        vec![RepositoryId(32), RepositoryId(91)]
    )
);
no_content_test!(
    enable_selected_repository_self_hosted_runners_organization,
    "PUT",
    "/orgs/octo-org/actions/permissions/self-hosted-runners/repositories/32",
    None,
    |c| c.enable_selected_repository_self_hosted_runners_organization("octo-org", RepositoryId(32))
);
no_content_test!(
    disable_selected_repository_self_hosted_runners_organization,
    "DELETE",
    "/orgs/octo-org/actions/permissions/self-hosted-runners/repositories/32",
    None,
    |c| c
        .disable_selected_repository_self_hosted_runners_organization("octo-org", RepositoryId(32))
);

// Self-hosted runner policy, enterprise.
json_test!(
    get_self_hosted_runners_permissions,
    "GET",
    200,
    "enterprise-self-hosted-runners-permissions",
    "/enterprises/octo-ent/actions/permissions/self-hosted-runners",
    None,
    |c| c.get_self_hosted_runners_permissions("octo-ent")
);
no_content_test!(
    set_self_hosted_runners_permissions,
    "PUT",
    "/enterprises/octo-ent/actions/permissions/self-hosted-runners",
    Some(json!({"disable_self_hosted_runners_for_all_orgs": true})),
    |c| c.set_self_hosted_runners_permissions("octo-ent", true)
);

// What the types promise beyond the wire shape.

/// The JIT configuration starts a runner without any other credential: it is a secret that
/// `Debug` never shows, while the runner it registered decodes as usual.
#[tokio::test]
async fn a_jit_configuration_is_a_secret_and_its_runner_is_ephemeral() {
    let expected = example("runner-jit-config");
    let (config, _) = exchange(201, Some(&expected), |c| {
        c.generate_runner_jitconfig_for_org(
            "octo-org",
            "octo-jit-runner-1",
            RunnerGroupId(2),
            vec!["gpu".into()],
        )
    })
    .await;
    let secret = expected["encoded_jit_config"].as_str().unwrap();
    assert_eq!(config.encoded_jit_config.expose_secret(), secret);
    assert!(!format!("{config:?}").contains(secret));
    assert_eq!(config.runner.ephemeral, Some(true));
    assert_eq!(config.runner.runner_group_id, Some(RunnerGroupId(2)));
    assert_eq!(config.runner.version, None);
}

#[tokio::test]
async fn the_self_hosted_runner_setting_decodes_to_its_enum() {
    let (settings, _) = exchange(200, Some(&example("self-hosted-runners-settings")), |c| {
        c.get_self_hosted_runners_permissions_organization("octo-org")
    })
    .await;
    assert_eq!(
        settings.enabled_repositories,
        SelfHostedRunnersEnabledRepositories::Selected
    );
    let (settings, _) = exchange(200, Some(&json!({"enabled_repositories": "none"})), |c| {
        c.get_self_hosted_runners_permissions_organization("octo-org")
    })
    .await;
    assert_eq!(
        settings.enabled_repositories,
        SelfHostedRunnersEnabledRepositories::None
    );
    assert_eq!(settings.selected_repositories_url, None);
}

/// GitHub sends full repository objects in the policy's repository list: the fields beyond
/// the minimal repository pass without failing the decode.
#[tokio::test]
async fn policy_repositories_decode_with_the_fields_of_a_full_repository() {
    let mut body = example("minimal-repository-list");
    body["repositories"][0]["watchers_count"] = json!(80);
    body["repositories"][0]["security_and_analysis"] =
        json!({"advanced_security": {"status": "enabled"}});
    let (page, _) = exchange(200, Some(&body), |c| {
        c.list_selected_repositories_self_hosted_runners_organization("octo-org")
    })
    .await;
    assert_eq!(page.items().len(), 1);
    assert_eq!(page.items()[0].full_name, "octocat/Hello-World");
}
