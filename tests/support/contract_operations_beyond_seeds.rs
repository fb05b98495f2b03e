//! The contract test's calls of the 26 operations that are not in the seed pages (see
//! `contract.rs`): just-in-time runners, custom labels and the self-hosted runner policy.

use crate::{ENTERPRISE, Mode, ORG, OWNER, Outcome, REPO, jit_outcome, non_empty_in_static};
use github_runners::{Client, RepositoryId, RunnerGroupId, RunnerId};

/// Calls each of the 26 operations once with valid arguments, recording the outcomes.
pub async fn call(client: &Client, mode: Mode, outcomes: &mut Vec<(&'static str, Outcome)>) {
    let group = RunnerGroupId(1);
    let runner = RunnerId(42);

    // Enterprise scope: just-in-time runners and custom labels (not in the seed pages).
    op!(
        outcomes,
        "generate_runner_jitconfig_for_enterprise",
        client
            .generate_runner_jitconfig_for_enterprise(
                ENTERPRISE,
                "jit-1",
                group,
                vec!["gpu".to_owned()]
            )
            .work_folder("_work")
            .send(),
        |config| jit_outcome(mode, &config)
    );
    op!(
        outcomes,
        "list_labels_for_self_hosted_runner_for_enterprise",
        client
            .list_labels_for_self_hosted_runner_for_enterprise(ENTERPRISE, runner)
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "add_custom_labels_to_self_hosted_runner_for_enterprise",
        client
            .add_custom_labels_to_self_hosted_runner_for_enterprise(
                ENTERPRISE,
                runner,
                vec!["gpu".to_owned()]
            )
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "set_custom_labels_for_self_hosted_runner_for_enterprise",
        client
            .set_custom_labels_for_self_hosted_runner_for_enterprise(ENTERPRISE, runner, Vec::new())
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "remove_all_custom_labels_from_self_hosted_runner_for_enterprise",
        client
            .remove_all_custom_labels_from_self_hosted_runner_for_enterprise(ENTERPRISE, runner)
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "remove_custom_label_from_self_hosted_runner_for_enterprise",
        client
            .remove_custom_label_from_self_hosted_runner_for_enterprise(
                ENTERPRISE,
                runner,
                "gpu large"
            )
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );

    // Organization scope: just-in-time runners and custom labels (not in the seed pages).
    op!(
        outcomes,
        "generate_runner_jitconfig_for_org",
        client
            .generate_runner_jitconfig_for_org(ORG, "jit-1", group, vec!["gpu".to_owned()])
            .work_folder("_work")
            .send(),
        |config| jit_outcome(mode, &config)
    );
    op!(
        outcomes,
        "list_labels_for_self_hosted_runner_for_org",
        client
            .list_labels_for_self_hosted_runner_for_org(ORG, runner)
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "add_custom_labels_to_self_hosted_runner_for_org",
        client
            .add_custom_labels_to_self_hosted_runner_for_org(ORG, runner, vec!["gpu".to_owned()])
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "set_custom_labels_for_self_hosted_runner_for_org",
        client
            .set_custom_labels_for_self_hosted_runner_for_org(ORG, runner, Vec::new())
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "remove_all_custom_labels_from_self_hosted_runner_for_org",
        client
            .remove_all_custom_labels_from_self_hosted_runner_for_org(ORG, runner)
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "remove_custom_label_from_self_hosted_runner_for_org",
        client
            .remove_custom_label_from_self_hosted_runner_for_org(ORG, runner, "gpu large")
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );

    // Repository scope: just-in-time runners and custom labels (not in the seed pages).
    op!(
        outcomes,
        "generate_runner_jitconfig_for_repo",
        client
            .generate_runner_jitconfig_for_repo(OWNER, REPO, "jit-1", group, vec!["gpu".to_owned()])
            .work_folder("_work")
            .send(),
        |config| jit_outcome(mode, &config)
    );
    op!(
        outcomes,
        "list_labels_for_self_hosted_runner_for_repo",
        client
            .list_labels_for_self_hosted_runner_for_repo(OWNER, REPO, runner)
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "add_custom_labels_to_self_hosted_runner_for_repo",
        client
            .add_custom_labels_to_self_hosted_runner_for_repo(
                OWNER,
                REPO,
                runner,
                vec!["gpu".to_owned()]
            )
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "set_custom_labels_for_self_hosted_runner_for_repo",
        client
            .set_custom_labels_for_self_hosted_runner_for_repo(OWNER, REPO, runner, Vec::new())
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "remove_all_custom_labels_from_self_hosted_runner_for_repo",
        client
            .remove_all_custom_labels_from_self_hosted_runner_for_repo(OWNER, REPO, runner)
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );
    op!(
        outcomes,
        "remove_custom_label_from_self_hosted_runner_for_repo",
        client
            .remove_custom_label_from_self_hosted_runner_for_repo(OWNER, REPO, runner, "gpu large")
            .send(),
        |labels| non_empty_in_static(mode, &labels.labels)
    );

    // Self-hosted runner policy (not in the seed pages).
    op!(
        outcomes,
        "get_self_hosted_runners_permissions_organization",
        client
            .get_self_hosted_runners_permissions_organization(ORG)
            .send(),
        |_settings| Ok(())
    );
    op!(
        outcomes,
        "set_self_hosted_runners_permissions_organization",
        client
            .set_self_hosted_runners_permissions_organization(ORG, "selected".into())
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "list_selected_repositories_self_hosted_runners_organization",
        client
            .list_selected_repositories_self_hosted_runners_organization(ORG)
            .per_page(30)
            .page(1)
            .send(),
        |page| non_empty_in_static(mode, page.items())
    );
    op!(
        outcomes,
        "set_selected_repositories_self_hosted_runners_organization",
        client
            .set_selected_repositories_self_hosted_runners_organization(
                ORG,
                vec![RepositoryId(32), RepositoryId(91)],
            )
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "enable_selected_repository_self_hosted_runners_organization",
        client
            .enable_selected_repository_self_hosted_runners_organization(ORG, RepositoryId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "disable_selected_repository_self_hosted_runners_organization",
        client
            .disable_selected_repository_self_hosted_runners_organization(ORG, RepositoryId(32))
            .send(),
        |()| Ok(())
    );
    op!(
        outcomes,
        "get_self_hosted_runners_permissions",
        client
            .get_self_hosted_runners_permissions(ENTERPRISE)
            .send(),
        |_permissions| Ok(())
    );
    op!(
        outcomes,
        "set_self_hosted_runners_permissions",
        client
            .set_self_hosted_runners_permissions(ENTERPRISE, true)
            .send(),
        |()| Ok(())
    );
}
