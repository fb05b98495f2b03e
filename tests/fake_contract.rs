//! The fake GitHub (`fake/`) checked against the curated spec: a scenario that calls every
//! operation of the spec (71; the test fails when the spec gains one the scenario lacks), in an order that makes sense for a stateful server, runs
//! through `prism proxy --errors`, which validates each request and each of the fake's
//! responses (status, headers, body schema) against `spec/github-runners.yaml`. A response
//! the spec does not allow fails the test, so the fake cannot drift from the spec.
//!
//! Chain: generated client → recording proxy (`support/proxy.rs`, rewrites GitHub's
//! `Accept` media type to the one Prism negotiates) → Prism proxy → the fake.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/prism.rs"]
mod prism;
#[path = "support/proxy.rs"]
mod proxy;

use std::collections::BTreeSet;

use github_runners::{
    Client, EnterpriseRunnerGroupVisibilitySetting, RetryPolicy, RunnerGroupVisibility,
    SelfHostedRunnersEnabledRepositories,
};
use github_runners_fake::{FakeGitHub, RunnerState, Scope};
use proxy::Proxy;

const ENTERPRISE: &str = "octo-enterprise";
const ORG: &str = "octo-org";
const OWNER: &str = "octocat";
const REPO: &str = "hello-world";

/// Awaits one operation (`client.method(args)` and optional setters), fails the test with
/// the method's name on error, and records the name.
macro_rules! call {
    ($called:ident, $client:ident . $method:ident ( $($arg:expr),* $(,)? ) $(. $setter:ident ( $($value:expr),* ))*) => {{
        $called.push(stringify!($method));
        match $client.$method($($arg),*) $(.$setter($($value),*))* .await {
            Ok(value) => value,
            Err(error) => panic!("{}: {error}", stringify!($method)),
        }
    }};
}

/// Every operation once, against the fake's default world.
async fn scenario(client: &Client, fake: &FakeGitHub) -> Vec<&'static str> {
    let mut called = Vec::new();
    let org_id = fake.organization_id(ORG).unwrap();
    let repo_id = fake.repository_id(OWNER, REPO).unwrap();
    let org_runner = fake
        .add_runner(Scope::org(ORG), "contract-org", &["a"])
        .unwrap();
    let ent_runner = fake
        .add_runner(Scope::enterprise(ENTERPRISE), "contract-ent", &["a"])
        .unwrap();
    let repo_runner = fake
        .add_runner(Scope::repo(OWNER, REPO), "contract-repo", &["a"])
        .unwrap();

    // Enterprise runner groups.
    let group = call!(
        called,
        client
            .create_self_hosted_runner_group_for_enterprise(ENTERPRISE, "contract")
            .visibility(EnterpriseRunnerGroupVisibilitySetting::Selected)
            .selected_organization_ids(vec![org_id])
            .runners(vec![ent_runner])
            .restricted_to_workflows(false)
    );
    call!(
        called,
        client
            .list_self_hosted_runner_groups_for_enterprise(ENTERPRISE)
            .visible_to_organization(ORG)
    );
    call!(
        called,
        client.get_self_hosted_runner_group_for_enterprise(ENTERPRISE, group.id)
    );
    call!(
        called,
        client
            .update_self_hosted_runner_group_for_enterprise(ENTERPRISE, group.id)
            .name("contract-renamed")
            .network_configuration_id(None)
    );
    call!(
        called,
        client.list_org_access_to_self_hosted_runner_group_in_enterprise(ENTERPRISE, group.id)
    );
    call!(
        called,
        client.set_org_access_to_self_hosted_runner_group_in_enterprise(
            ENTERPRISE,
            group.id,
            vec![]
        )
    );
    call!(
        called,
        client
            .add_org_access_to_self_hosted_runner_group_in_enterprise(ENTERPRISE, group.id, org_id)
    );
    call!(
        called,
        client.remove_org_access_to_self_hosted_runner_group_in_enterprise(
            ENTERPRISE, group.id, org_id
        )
    );
    call!(
        called,
        client.list_self_hosted_runners_in_group_for_enterprise(ENTERPRISE, group.id)
    );
    call!(
        called,
        client.set_self_hosted_runners_in_group_for_enterprise(ENTERPRISE, group.id, vec![])
    );
    call!(
        called,
        client.add_self_hosted_runner_to_group_for_enterprise(ENTERPRISE, group.id, ent_runner)
    );
    call!(
        called,
        client
            .remove_self_hosted_runner_from_group_for_enterprise(ENTERPRISE, group.id, ent_runner)
    );

    // Organization runner groups.
    let org_group = call!(
        called,
        client
            .create_self_hosted_runner_group_for_org(ORG, "contract")
            .visibility(RunnerGroupVisibility::Selected)
            .selected_repository_ids(vec![repo_id])
            .allows_public_repositories(true)
            .selected_workflows(vec![
                "octo-org/app/.github/workflows/ci.yaml@refs/heads/main".into()
            ])
    );
    call!(
        called,
        client
            .list_self_hosted_runner_groups_for_org(ORG)
            .visible_to_repository(REPO)
    );
    call!(
        called,
        client.get_self_hosted_runner_group_for_org(ORG, org_group.id)
    );
    call!(
        called,
        client
            .update_self_hosted_runner_group_for_org(ORG, org_group.id, "contract-renamed")
            .network_configuration_id(None)
    );
    let default = fake.group_id(&Scope::org(ORG), "Default").unwrap();
    call!(
        called,
        client.list_github_hosted_runners_in_group_for_org(ORG, default)
    );
    call!(
        called,
        client.list_repo_access_to_self_hosted_runner_group_in_org(ORG, org_group.id)
    );
    call!(
        called,
        client.set_repo_access_to_self_hosted_runner_group_in_org(ORG, org_group.id, vec![])
    );
    call!(
        called,
        client.add_repo_access_to_self_hosted_runner_group_in_org(ORG, org_group.id, repo_id)
    );
    call!(
        called,
        client.remove_repo_access_to_self_hosted_runner_group_in_org(ORG, org_group.id, repo_id)
    );
    call!(
        called,
        client.set_self_hosted_runners_in_group_for_org(ORG, org_group.id, vec![org_runner])
    );
    call!(
        called,
        client.list_self_hosted_runners_in_group_for_org(ORG, org_group.id)
    );
    call!(
        called,
        client.remove_self_hosted_runner_from_group_for_org(ORG, org_group.id, org_runner)
    );
    call!(
        called,
        client.add_self_hosted_runner_to_group_for_org(ORG, org_group.id, org_runner)
    );

    // Runners, labels and JIT configurations, at each scope.
    call!(
        called,
        client
            .list_self_hosted_runners_for_enterprise(ENTERPRISE)
            .name("contract-ent")
    );
    call!(
        called,
        client.list_runner_applications_for_enterprise(ENTERPRISE)
    );
    call!(
        called,
        client.create_registration_token_for_enterprise(ENTERPRISE)
    );
    call!(
        called,
        client.create_remove_token_for_enterprise(ENTERPRISE)
    );
    call!(
        called,
        client.get_self_hosted_runner_for_enterprise(ENTERPRISE, ent_runner)
    );
    call!(
        called,
        client.list_labels_for_self_hosted_runner_for_enterprise(ENTERPRISE, ent_runner)
    );
    call!(
        called,
        client.add_custom_labels_to_self_hosted_runner_for_enterprise(
            ENTERPRISE,
            ent_runner,
            vec!["b".into()]
        )
    );
    call!(
        called,
        client.set_custom_labels_for_self_hosted_runner_for_enterprise(
            ENTERPRISE,
            ent_runner,
            vec!["c".into(), "d".into()]
        )
    );
    call!(
        called,
        client.remove_custom_label_from_self_hosted_runner_for_enterprise(
            ENTERPRISE, ent_runner, "c"
        )
    );
    call!(
        called,
        client.remove_all_custom_labels_from_self_hosted_runner_for_enterprise(
            ENTERPRISE, ent_runner
        )
    );
    let jit = call!(
        called,
        client
            .generate_runner_jitconfig_for_enterprise(
                ENTERPRISE,
                "jit-ent",
                group.id,
                vec!["x".into()]
            )
            .work_folder("_work")
    );
    call!(
        called,
        client.delete_self_hosted_runner_from_enterprise(ENTERPRISE, jit.runner.id)
    );

    call!(
        called,
        client
            .list_self_hosted_runners_for_org(ORG)
            .per_page(2)
            .page(2)
    );
    call!(called, client.list_runner_applications_for_org(ORG));
    call!(called, client.create_registration_token_for_org(ORG));
    call!(called, client.create_remove_token_for_org(ORG));
    call!(
        called,
        client.get_self_hosted_runner_for_org(ORG, org_runner)
    );
    call!(
        called,
        client.list_labels_for_self_hosted_runner_for_org(ORG, org_runner)
    );
    call!(
        called,
        client.add_custom_labels_to_self_hosted_runner_for_org(ORG, org_runner, vec!["b".into()])
    );
    call!(
        called,
        client.set_custom_labels_for_self_hosted_runner_for_org(ORG, org_runner, vec!["c".into()])
    );
    call!(
        called,
        client.remove_custom_label_from_self_hosted_runner_for_org(ORG, org_runner, "c")
    );
    call!(
        called,
        client.remove_all_custom_labels_from_self_hosted_runner_for_org(ORG, org_runner)
    );
    let jit = call!(
        called,
        client.generate_runner_jitconfig_for_org(ORG, "jit-org", org_group.id, vec!["x".into()])
    );
    fake.set_runner_state(jit.runner.id, RunnerState::Online)
        .unwrap();
    call!(
        called,
        client.delete_self_hosted_runner_from_org(ORG, jit.runner.id)
    );

    call!(
        called,
        client.list_self_hosted_runners_for_repo(OWNER, REPO)
    );
    call!(
        called,
        client.list_runner_applications_for_repo(OWNER, REPO)
    );
    call!(
        called,
        client.create_registration_token_for_repo(OWNER, REPO)
    );
    call!(called, client.create_remove_token_for_repo(OWNER, REPO));
    call!(
        called,
        client.get_self_hosted_runner_for_repo(OWNER, REPO, repo_runner)
    );
    call!(
        called,
        client.list_labels_for_self_hosted_runner_for_repo(OWNER, REPO, repo_runner)
    );
    call!(
        called,
        client.add_custom_labels_to_self_hosted_runner_for_repo(
            OWNER,
            REPO,
            repo_runner,
            vec!["b".into()]
        )
    );
    call!(
        called,
        client.set_custom_labels_for_self_hosted_runner_for_repo(OWNER, REPO, repo_runner, vec![])
    );
    call!(
        called,
        client.add_custom_labels_to_self_hosted_runner_for_repo(
            OWNER,
            REPO,
            repo_runner,
            vec!["with space".into()]
        )
    );
    call!(
        called,
        client.remove_custom_label_from_self_hosted_runner_for_repo(
            OWNER,
            REPO,
            repo_runner,
            "with space"
        )
    );
    call!(
        called,
        client.remove_all_custom_labels_from_self_hosted_runner_for_repo(OWNER, REPO, repo_runner)
    );
    let jit = call!(
        called,
        client.generate_runner_jitconfig_for_repo(
            OWNER,
            REPO,
            "jit-repo",
            default,
            vec!["x".into()]
        )
    );
    call!(
        called,
        client.delete_self_hosted_runner_from_repo(OWNER, REPO, jit.runner.id)
    );

    // The self-hosted runner policy.
    call!(
        called,
        client.get_self_hosted_runners_permissions_organization(ORG)
    );
    call!(
        called,
        client.set_self_hosted_runners_permissions_organization(
            ORG,
            SelfHostedRunnersEnabledRepositories::Selected
        )
    );
    call!(
        called,
        client.set_selected_repositories_self_hosted_runners_organization(ORG, vec![])
    );
    call!(
        called,
        client.enable_selected_repository_self_hosted_runners_organization(ORG, repo_id)
    );
    call!(
        called,
        client.list_selected_repositories_self_hosted_runners_organization(ORG)
    );
    call!(
        called,
        client.disable_selected_repository_self_hosted_runners_organization(ORG, repo_id)
    );
    call!(
        called,
        client.get_self_hosted_runners_permissions(ENTERPRISE)
    );
    call!(
        called,
        client.set_self_hosted_runners_permissions(ENTERPRISE, false)
    );
    call!(called, client.get_rate_limit());

    // Deleting the groups last: their runners go back to the default groups.
    call!(
        called,
        client.delete_self_hosted_runner_group_from_org(ORG, org_group.id)
    );
    call!(
        called,
        client.delete_self_hosted_runner_group_from_enterprise(ENTERPRISE, group.id)
    );
    called
}

#[tokio::test(flavor = "multi_thread")]
async fn every_fake_response_passes_prism_validation() {
    let fake = FakeGitHub::start().await.unwrap();
    let prism = prism::prism_proxy(fake.url());
    let proxy = Proxy::start(prism.url.clone()).await;
    let client = Client::builder()
        .base_url(&proxy.url)
        .token("ghp_fake_contract")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let called = scenario(&client, &fake).await;

    // Every operation of the spec, by method name (`x-method-name`, or the operationId
    // without its category).
    let expected: BTreeSet<String> = github_runners_tests::spec()
        .operations()
        .filter_map(|(_, _, operation)| {
            let named = operation.extensions.get("x-method-name");
            match named.and_then(|name| name.as_str()) {
                Some(name) => Some(name.to_owned()),
                None => operation
                    .operation_id
                    .as_ref()
                    .map(|id| id.rsplit('/').next().unwrap_or_default().replace('-', "_")),
            }
        })
        .collect();
    let distinct: BTreeSet<String> = called.iter().map(|name| (*name).to_owned()).collect();
    assert_eq!(
        distinct, expected,
        "the scenario calls every operation of the spec"
    );
    let exchanges = proxy.exchanges();
    assert_eq!(exchanges.len(), called.len());
    let failures: Vec<String> = exchanges
        .iter()
        .filter(|exchange| !(200..300).contains(&exchange.status) || exchange.violations.is_some())
        .map(|exchange| {
            format!(
                "{} {} -> {} {:?}: {}",
                exchange.method,
                exchange.target,
                exchange.status,
                exchange.violations,
                exchange.body
            )
        })
        .collect();
    let log = prism.process.as_ref().map(|p| p.log.display().to_string());
    assert!(
        failures.is_empty(),
        "Prism found violations (log {log:?}):\n{}",
        failures.join("\n")
    );
    for exchange in &exchanges {
        let sent = (
            exchange.accept.as_deref(),
            exchange.authorization.as_deref(),
            exchange.api_version.as_deref(),
        );
        let expected = (
            Some(proxy::GITHUB_MEDIA_TYPE),
            Some("Bearer ghp_fake_contract"),
            Some("2022-11-28"),
        );
        assert_eq!(sent, expected, "{} {}", exchange.method, exchange.target);
    }
    // Every request reached the fake, which answered it.
    assert_eq!(fake.requests().len(), called.len());
    drop(prism);
}

/// The check above means something: a response the spec does not describe (an HTML 502
/// from an injected fault) comes back from Prism as a violation.
#[tokio::test(flavor = "multi_thread")]
async fn prism_reports_a_response_the_spec_does_not_allow() {
    let fake = FakeGitHub::start().await.unwrap();
    let prism = prism::prism_proxy(fake.url());
    let proxy = Proxy::start(prism.url.clone()).await;
    let client = Client::builder()
        .base_url(&proxy.url)
        .token("ghp_fake_contract")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    fake.inject(github_runners_fake::Fault::bad_gateway());
    assert!(client.list_self_hosted_runners_for_org(ORG).await.is_err());
    let exchange = &proxy.exchanges()[0];
    assert!(exchange.violations.is_some(), "{exchange:?}");
    drop(prism);
}
