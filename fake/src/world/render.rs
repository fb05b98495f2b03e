//! The world rendered as the generated models of `github-runners`: every response body
//! the fake sends is one of these types, serialized, so it has the spec's shape.

use github_runners::{
    EnterpriseRunnerGroup, MinimalRepository, OrgId, OrganizationRunnerGroup, OrganizationSimple,
    RepositoryId, Runner, RunnerApplication, RunnerGroupId, RunnerGroupVisibility, RunnerId,
    RunnerLabel, RunnerLabelType, RunnerStatus, SimpleUser,
};

use super::{GroupRecord, Label, Organization, Repository, RunnerRecord, Scope, World};

/// A runner as the API shows it.
pub(crate) fn runner(record: &RunnerRecord) -> Runner {
    Runner {
        id: RunnerId(record.id),
        name: record.name.clone(),
        os: record.os.clone(),
        status: if record.online {
            RunnerStatus::Online
        } else {
            RunnerStatus::Offline
        },
        busy: record.busy,
        ephemeral: Some(record.ephemeral),
        runner_group_id: record.group.map(RunnerGroupId),
        version: record.version.clone(),
        labels: record.labels.iter().map(label).collect(),
    }
}

/// A runner label as the API shows it.
pub(crate) fn label(label: &Label) -> RunnerLabel {
    RunnerLabel {
        id: Some(label.id),
        name: label.name.clone(),
        r#type: Some(if label.custom {
            RunnerLabelType::Custom
        } else {
            RunnerLabelType::ReadOnly
        }),
    }
}

/// The URL of a group's sub-resource (`runners`, `repositories`, …) under its owner.
fn group_url(base: &str, group: &GroupRecord, resource: &str) -> String {
    format!(
        "{base}{}/actions/runner-groups/{}/{resource}",
        group.scope.api_path(),
        group.id
    )
}

/// An organization's runner group as `viewer` (an organization) sees it.
pub(crate) fn organization_group(
    world: &World,
    base: &str,
    group: &GroupRecord,
    viewer: &Scope,
) -> OrganizationRunnerGroup {
    let selected = group.visibility == "selected";
    OrganizationRunnerGroup {
        id: RunnerGroupId(group.id),
        name: group.name.clone(),
        visibility: RunnerGroupVisibility::from(group.visibility.as_str()),
        default: group.default,
        selected_repositories_url: selected.then(|| group_url(base, group, "repositories")),
        runners_url: group_url(base, group, "runners"),
        hosted_runners_url: Some(group_url(base, group, "hosted-runners")),
        network_configuration_id: group.network_configuration_id.clone(),
        inherited: world.inherits(viewer, group),
        allows_public_repositories: group.allows_public_repositories,
        inherited_allows_public_repositories: world
            .inherits(viewer, group)
            .then_some(group.allows_public_repositories),
        workflow_restrictions_read_only: Some(world.inherits(viewer, group)),
        restricted_to_workflows: Some(group.restricted_to_workflows),
        selected_workflows: Some(group.selected_workflows.clone()),
    }
}

/// An enterprise's runner group.
pub(crate) fn enterprise_group(base: &str, group: &GroupRecord) -> EnterpriseRunnerGroup {
    EnterpriseRunnerGroup {
        id: RunnerGroupId(group.id),
        name: group.name.clone(),
        visibility: RunnerGroupVisibility::from(group.visibility.as_str()),
        default: group.default,
        selected_organizations_url: (group.visibility == "selected")
            .then(|| group_url(base, group, "organizations")),
        runners_url: group_url(base, group, "runners"),
        allows_public_repositories: group.allows_public_repositories,
        hosted_runners_url: Some(group_url(base, group, "hosted-runners")),
        network_configuration_id: group.network_configuration_id.clone(),
        restricted_to_workflows: Some(group.restricted_to_workflows),
        selected_workflows: Some(group.selected_workflows.clone()),
        workflow_restrictions_read_only: Some(false),
    }
}

/// An organization in the short form of access lists.
pub(crate) fn organization(base: &str, org: &Organization) -> OrganizationSimple {
    let url = format!("{base}/orgs/{}", org.login);
    OrganizationSimple {
        login: org.login.clone(),
        id: OrgId(org.id),
        node_id: format!("O_fake{:08}", org.id),
        repos_url: format!("{url}/repos"),
        events_url: format!("{url}/events"),
        hooks_url: format!("{url}/hooks"),
        issues_url: format!("{url}/issues"),
        members_url: format!("{url}/members{{/member}}"),
        public_members_url: format!("{url}/public_members{{/member}}"),
        avatar_url: format!("https://avatars.githubusercontent.com/u/{}?v=4", org.id),
        description: None,
        url,
    }
}

/// The owner of a repository, as a user object.
fn owner(base: &str, login: &str, id: i64, is_org: bool) -> SimpleUser {
    let url = format!("{base}/users/{login}");
    SimpleUser {
        login: login.to_owned(),
        id,
        node_id: format!("U_fake{id:08}"),
        avatar_url: format!("https://avatars.githubusercontent.com/u/{id}?v=4"),
        gravatar_id: Some(String::new()),
        html_url: format!("https://github.com/{login}"),
        followers_url: format!("{url}/followers"),
        following_url: format!("{url}/following{{/other_user}}"),
        gists_url: format!("{url}/gists{{/gist_id}}"),
        starred_url: format!("{url}/starred{{/owner}}{{/repo}}"),
        subscriptions_url: format!("{url}/subscriptions"),
        organizations_url: format!("{url}/orgs"),
        repos_url: format!("{url}/repos"),
        events_url: format!("{url}/events{{/privacy}}"),
        received_events_url: format!("{url}/received_events"),
        r#type: if is_org { "Organization" } else { "User" }.to_owned(),
        site_admin: false,
        url,
    }
}

/// A repository in the minimal form of access lists.
pub(crate) fn repository(world: &World, base: &str, repo: &Repository) -> MinimalRepository {
    let owner_org = world.organizations.get(&repo.owner);
    let owner_id = owner_org.map_or(repo.id + 1_000_000, |org| org.id);
    let full_name = format!("{}/{}", repo.owner, repo.name);
    let url = format!("{base}/repos/{full_name}");
    let html_url = format!("https://github.com/{full_name}");
    MinimalRepository {
        id: RepositoryId(repo.id),
        node_id: format!("R_fake{:08}", repo.id),
        name: repo.name.clone(),
        owner: owner(base, &repo.owner, owner_id, owner_org.is_some()),
        private: repo.private,
        description: None,
        fork: Some(false),
        archive_url: None,
        assignees_url: None,
        blobs_url: None,
        branches_url: None,
        collaborators_url: None,
        comments_url: None,
        commits_url: None,
        compare_url: None,
        contents_url: None,
        contributors_url: None,
        deployments_url: None,
        downloads_url: None,
        events_url: None,
        forks_url: None,
        git_commits_url: None,
        git_refs_url: None,
        git_tags_url: None,
        git_url: None,
        issue_comment_url: None,
        issue_events_url: None,
        issues_url: None,
        keys_url: None,
        labels_url: None,
        languages_url: None,
        merges_url: None,
        milestones_url: None,
        notifications_url: None,
        pulls_url: None,
        releases_url: None,
        ssh_url: None,
        stargazers_url: None,
        statuses_url: None,
        subscribers_url: None,
        subscription_url: None,
        tags_url: None,
        teams_url: None,
        trees_url: None,
        clone_url: Some(format!("{html_url}.git")),
        mirror_url: None,
        hooks_url: None,
        svn_url: None,
        homepage: None,
        organization: None,
        language: None,
        forks: None,
        forks_count: None,
        stargazers_count: None,
        watchers_count: None,
        watchers: None,
        size: None,
        default_branch: Some("main".to_owned()),
        open_issues: None,
        open_issues_count: None,
        is_template: None,
        license: None,
        code_of_conduct: None,
        topics: None,
        has_issues: None,
        has_projects: None,
        has_wiki: None,
        has_pages: None,
        has_downloads: None,
        archived: Some(false),
        disabled: Some(false),
        visibility: Some(if repo.private { "private" } else { "public" }.to_owned()),
        pushed_at: None,
        created_at: None,
        updated_at: None,
        permissions: None,
        allow_rebase_merge: None,
        allow_squash_merge: None,
        allow_merge_commit: None,
        allow_auto_merge: None,
        template_repository: None,
        temp_clone_token: None,
        delete_branch_on_merge: None,
        subscribers_count: None,
        network_count: None,
        full_name,
        html_url,
        url,
    }
}

/// The runner application downloads: the current runner release for each platform.
pub(crate) fn runner_applications() -> Vec<RunnerApplication> {
    const PLATFORMS: [(&str, &str, &str); 6] = [
        ("linux", "x64", "tar.gz"),
        ("linux", "arm64", "tar.gz"),
        ("linux", "arm", "tar.gz"),
        ("osx", "x64", "tar.gz"),
        ("osx", "arm64", "tar.gz"),
        ("win", "x64", "zip"),
    ];
    let version = super::runners::RUNNER_VERSION;
    PLATFORMS
        .iter()
        .map(|(os, architecture, extension)| {
            let filename = format!("actions-runner-{os}-{architecture}-{version}.{extension}");
            RunnerApplication {
                os: (*os).to_owned(),
                architecture: (*architecture).to_owned(),
                download_url: format!(
                    "https://github.com/actions/runner/releases/download/v{version}/{filename}"
                ),
                filename,
                // GitHub sends these for some downloads only; the fake has no real files.
                temp_download_token: None,
                sha256_checksum: None,
            }
        })
        .collect()
}
