//! The contract test's calls of the 45 operations of the seed pages (see `contract.rs`).

use crate::{
    ENTERPRISE, Mode, ORG, OWNER, Outcome, REPO, check, non_empty_in_static, token_outcome,
};
use github_runners::{Client, OrgId, RepositoryId, RunnerGroupId, RunnerId};

/// Calls each of the 45 operations once with valid arguments, recording the outcomes.
pub async fn call(client: &Client, mode: Mode, outcomes: &mut Vec<(&'static str, Outcome)>) {
    // Enum arguments are written as `"selected".into()`: their generated type names
    // follow the spec's schema names, which this test should not depend on.
    let group = RunnerGroupId(1);
    let runner = RunnerId(42);

    // Enterprise runner groups.
    op!(
        outcomes,
        "list_self_hosted_runner_groups_for_enterprise",
        client
            .list_self_hosted_runner_groups_for_enterprise(ENTERPRISE)
            .per_page(30)
            .page(1)
            .visible_to_organization(ORG)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "create_self_hosted_runner_group_for_enterprise",
        client
            .create_self_hosted_runner_group_for_enterprise(ENTERPRISE, "expensive-hardware")
            .visibility("selected".into())
            .selected_organization_ids(vec![OrgId(2)])
            .runners(vec![RunnerId(9), RunnerId(2)])
            .allows_public_repositories(false)
            .restricted_to_workflows(true)
            .selected_workflows(vec![
                "octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main".to_owned(),
            ])
            .network_configuration_id("net-1")
            .send(),
        |group| check(
            mode == Mode::Dynamic || !group.name.is_empty(),
            "group name"
        )
    );
    op!(
        outcomes,
        "get_self_hosted_runner_group_for_enterprise",
        client
            .get_self_hosted_runner_group_for_enterprise(ENTERPRISE, group)
            .send(),
        |_group| Ok(())
    );
    op!(
        outcomes,
        "update_self_hosted_runner_group_for_enterprise",
        client
            .update_self_hosted_runner_group_for_enterprise(ENTERPRISE, group)
            .name("renamed")
            .visibility("all".into())
            .allows_public_repositories(true)
            .restricted_to_workflows(false)
            // `None` sends `null`: the update detaches the network configuration.
            .network_configuration_id(None)
            .send(),
        |_group| Ok(())
    );
    op!(
        outcomes,
        "delete_self_hosted_runner_group_from_enterprise",
        client
            .delete_self_hosted_runner_group_from_enterprise(ENTERPRISE, group)
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "list_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .list_org_access_to_self_hosted_runner_group_in_enterprise(ENTERPRISE, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "set_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .set_org_access_to_self_hosted_runner_group_in_enterprise(
                ENTERPRISE,
                group,
                vec![OrgId(32), OrgId(91)],
            )
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "add_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .add_org_access_to_self_hosted_runner_group_in_enterprise(ENTERPRISE, group, OrgId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "remove_org_access_to_self_hosted_runner_group_in_enterprise",
        client
            .remove_org_access_to_self_hosted_runner_group_in_enterprise(
                ENTERPRISE,
                group,
                OrgId(32),
            )
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "list_self_hosted_runners_in_group_for_enterprise",
        client
            .list_self_hosted_runners_in_group_for_enterprise(ENTERPRISE, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "set_self_hosted_runners_in_group_for_enterprise",
        client
            .set_self_hosted_runners_in_group_for_enterprise(ENTERPRISE, group, vec![runner])
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "add_self_hosted_runner_to_group_for_enterprise",
        client
            .add_self_hosted_runner_to_group_for_enterprise(ENTERPRISE, group, runner)
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "remove_self_hosted_runner_from_group_for_enterprise",
        client
            .remove_self_hosted_runner_from_group_for_enterprise(ENTERPRISE, group, runner)
            .send(),
        |()| Ok(())
    );

    // Organization runner groups.
    op!(
        outcomes,
        "list_self_hosted_runner_groups_for_org",
        client
            .list_self_hosted_runner_groups_for_org(ORG)
            .per_page(30)
            .page(1)
            .visible_to_repository(REPO)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "create_self_hosted_runner_group_for_org",
        client
            .create_self_hosted_runner_group_for_org(ORG, "expensive-hardware")
            .visibility("selected".into())
            .selected_repository_ids(vec![RepositoryId(32), RepositoryId(91)])
            .runners(vec![RunnerId(9), RunnerId(2)])
            .allows_public_repositories(false)
            .restricted_to_workflows(true)
            .selected_workflows(vec![
                "octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main".to_owned(),
            ])
            .network_configuration_id(
                "EC486D5D793175D7E3B29C27318D5C1AAE49A7833FC85F2E82C3D2C54AC7D3BA"
            )
            .send(),
        |group| check(
            mode == Mode::Dynamic || !group.name.is_empty(),
            "group name"
        )
    );
    op!(
        outcomes,
        "get_self_hosted_runner_group_for_org",
        client
            .get_self_hosted_runner_group_for_org(ORG, group)
            .send(),
        |_group| Ok(())
    );
    op!(
        outcomes,
        "update_self_hosted_runner_group_for_org",
        client
            .update_self_hosted_runner_group_for_org(ORG, group, "renamed")
            .visibility("private".into())
            .allows_public_repositories(false)
            .restricted_to_workflows(false)
            .selected_workflows(Vec::new())
            // `None` sends `null`: the update detaches the network configuration.
            .network_configuration_id(None)
            .send(),
        |_group| Ok(())
    );
    op!(
        outcomes,
        "delete_self_hosted_runner_group_from_org",
        client
            .delete_self_hosted_runner_group_from_org(ORG, group)
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "list_github_hosted_runners_in_group_for_org",
        client
            .list_github_hosted_runners_in_group_for_org(ORG, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "list_repo_access_to_self_hosted_runner_group_in_org",
        client
            .list_repo_access_to_self_hosted_runner_group_in_org(ORG, group)
            .page(1)
            .per_page(30)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "set_repo_access_to_self_hosted_runner_group_in_org",
        client
            .set_repo_access_to_self_hosted_runner_group_in_org(
                ORG,
                group,
                vec![RepositoryId(32), RepositoryId(91)],
            )
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "add_repo_access_to_self_hosted_runner_group_in_org",
        client
            .add_repo_access_to_self_hosted_runner_group_in_org(ORG, group, RepositoryId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "remove_repo_access_to_self_hosted_runner_group_in_org",
        client
            .remove_repo_access_to_self_hosted_runner_group_in_org(ORG, group, RepositoryId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "list_self_hosted_runners_in_group_for_org",
        client
            .list_self_hosted_runners_in_group_for_org(ORG, group)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "set_self_hosted_runners_in_group_for_org",
        client
            .set_self_hosted_runners_in_group_for_org(ORG, group, vec![runner])
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "add_self_hosted_runner_to_group_for_org",
        client
            .add_self_hosted_runner_to_group_for_org(ORG, group, runner)
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "remove_self_hosted_runner_from_group_for_org",
        client
            .remove_self_hosted_runner_from_group_for_org(ORG, group, runner)
            .send(),
        |()| Ok(())
    );

    // Self-hosted runners of an enterprise.
    op!(
        outcomes,
        "list_self_hosted_runners_for_enterprise",
        client
            .list_self_hosted_runners_for_enterprise(ENTERPRISE)
            .per_page(30)
            .page(1)
            .name("linux_runner")
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "list_runner_applications_for_enterprise",
        client
            .list_runner_applications_for_enterprise(ENTERPRISE)
            .send(),
        |apps| non_empty_in_static(mode, &apps)
    );
    op!(
        outcomes,
        "create_registration_token_for_enterprise",
        client
            .create_registration_token_for_enterprise(ENTERPRISE)
            .send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        outcomes,
        "create_remove_token_for_enterprise",
        client.create_remove_token_for_enterprise(ENTERPRISE).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        outcomes,
        "get_self_hosted_runner_for_enterprise",
        client
            .get_self_hosted_runner_for_enterprise(ENTERPRISE, runner)
            .send(),
        |_runner| Ok(())
    );
    op!(
        outcomes,
        "delete_self_hosted_runner_from_enterprise",
        client
            .delete_self_hosted_runner_from_enterprise(ENTERPRISE, runner)
            .send(),
        |()| Ok(())
    );

    // Self-hosted runners of an organization.
    op!(
        outcomes,
        "list_self_hosted_runners_for_org",
        client
            .list_self_hosted_runners_for_org(ORG)
            .per_page(30)
            .page(1)
            .name("linux_runner")
            .send(),
        |page| {
            // The spec's example `Link` header names pages 2 (next) and 3 (last).
            non_empty_in_static(mode, page.items()).and(check(
                mode == Mode::Dynamic || (page.next_page(), page.last_page()) == (Some(2), Some(3)),
                "Link header not decoded",
            ))
        }
    );
    op!(
        outcomes,
        "list_runner_applications_for_org",
        client.list_runner_applications_for_org(ORG).send(),
        |apps| non_empty_in_static(mode, &apps)
    );
    op!(
        outcomes,
        "create_registration_token_for_org",
        client.create_registration_token_for_org(ORG).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        outcomes,
        "create_remove_token_for_org",
        client.create_remove_token_for_org(ORG).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        outcomes,
        "get_self_hosted_runner_for_org",
        client.get_self_hosted_runner_for_org(ORG, runner).send(),
        |_runner| Ok(())
    );
    op!(
        outcomes,
        "delete_self_hosted_runner_from_org",
        client
            .delete_self_hosted_runner_from_org(ORG, runner)
            .send(),
        |()| Ok(())
    );

    // Self-hosted runners of a repository.
    op!(
        outcomes,
        "list_self_hosted_runners_for_repo",
        client
            .list_self_hosted_runners_for_repo(OWNER, REPO)
            .per_page(30)
            .page(1)
            .name("linux_runner")
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "list_runner_applications_for_repo",
        client.list_runner_applications_for_repo(OWNER, REPO).send(),
        |apps| non_empty_in_static(mode, &apps)
    );
    op!(
        outcomes,
        "create_registration_token_for_repo",
        client
            .create_registration_token_for_repo(OWNER, REPO)
            .send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        outcomes,
        "create_remove_token_for_repo",
        client.create_remove_token_for_repo(OWNER, REPO).send(),
        |token| token_outcome(mode, &token)
    );
    op!(
        outcomes,
        "get_self_hosted_runner_for_repo",
        client
            .get_self_hosted_runner_for_repo(OWNER, REPO, runner)
            .send(),
        |_runner| Ok(())
    );
    op!(
        outcomes,
        "delete_self_hosted_runner_from_repo",
        client
            .delete_self_hosted_runner_from_repo(OWNER, REPO, runner)
            .send(),
        |()| Ok(())
    );
}
