//! The world a fake starts with: [`Seed::default_world`] (what `FakeGitHub::start()`
//! serves), [`Seed::empty`], or a JSON file (`--seed FILE` of the binary, [`Seed::from_json`]).
//!
//! ```json
//! {
//!   "enterprises": [{"slug": "octo-enterprise", "organizations": ["octo-org"]}],
//!   "organizations": ["octo-org"],
//!   "repositories": [{"owner": "octocat", "name": "hello-world", "organization": "octo-org"}],
//!   "runner_groups": [{"scope": {"organization": "octo-org"}, "name": "gpu", "visibility": "all"}],
//!   "runners": [{"scope": {"organization": "octo-org"}, "name": "gpu-1", "labels": ["gpu"],
//!                "state": "online", "group": "gpu"}],
//!   "tokens": ["ghp_only_this_one"],
//!   "installations": [{"id": 1, "account": "octo-org"}]
//! }
//! ```

use serde::{Deserialize, Serialize};

use crate::auth::{Auth, Installation};
use crate::error::ApiFailure;
use crate::world::runners::NewRunner;
use crate::world::{RunnerState, Scope, World};

/// An enterprise and the organizations that belong to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedEnterprise {
    /// The enterprise slug.
    pub slug: String,
    /// Logins of its organizations (they need not be listed in `organizations` again).
    #[serde(default)]
    pub organizations: Vec<String>,
}

/// A repository.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRepository {
    /// The owner's login.
    pub owner: String,
    /// The repository name.
    pub name: String,
    /// The organization it belongs to (its runner groups can be shared with it).
    #[serde(default)]
    pub organization: Option<String>,
    /// Private (`true`) or public (`false`, the default).
    #[serde(default)]
    pub private: bool,
}

/// A runner group besides the default ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedGroup {
    /// The enterprise or organization owning it.
    pub scope: Scope,
    /// Its name.
    pub name: String,
    /// `all` (default), `selected` or `private`.
    #[serde(default)]
    pub visibility: Option<String>,
    /// Whether public repositories may use it.
    #[serde(default)]
    pub allows_public_repositories: bool,
    /// Logins of the organizations it is shared with (enterprise groups).
    #[serde(default)]
    pub selected_organizations: Vec<String>,
    /// `owner/name` of the repositories it is shared with (organization groups).
    #[serde(default)]
    pub selected_repositories: Vec<String>,
}

/// A self-hosted runner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRunner {
    /// Where it is registered.
    pub scope: Scope,
    /// Its name.
    pub name: String,
    /// `linux` (default), `windows` or `macos`.
    #[serde(default = "default_os")]
    pub os: String,
    /// Its custom labels.
    #[serde(default)]
    pub labels: Vec<String>,
    /// `online` (default), `busy` or `offline`.
    #[serde(default = "default_state")]
    pub state: SeedRunnerState,
    /// Whether it is ephemeral.
    #[serde(default)]
    pub ephemeral: bool,
    /// The name of its runner group (default: the scope's default group).
    #[serde(default)]
    pub group: Option<String>,
}

/// A runner state in a seed file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeedRunnerState {
    /// Connected and idle.
    Online,
    /// Running a job.
    Busy,
    /// Not connected.
    Offline,
}

/// An installation of the configured GitHub App.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedInstallation {
    /// The installation id.
    pub id: i64,
    /// The organization (or user) login it is installed on.
    pub account: String,
}

/// A GitHub-hosted runner of an organization's group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedHostedRunner {
    /// The organization.
    pub organization: String,
    /// The group name (default: the organization's default group).
    #[serde(default)]
    pub group: Option<String>,
    /// The runner as the API shows it (its `runner_group_id` is set from `group`).
    pub runner: github_runners::GithubHostedRunner,
}

/// Everything a fake starts with. Every list may be left out of a JSON seed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Seed {
    /// Enterprises.
    pub enterprises: Vec<SeedEnterprise>,
    /// Organizations outside any enterprise (or listed again; duplicates are ignored).
    pub organizations: Vec<String>,
    /// Repositories.
    pub repositories: Vec<SeedRepository>,
    /// Runner groups besides the default group every enterprise and organization has.
    pub runner_groups: Vec<SeedGroup>,
    /// Self-hosted runners.
    pub runners: Vec<SeedRunner>,
    /// GitHub-hosted runners.
    pub hosted_runners: Vec<SeedHostedRunner>,
    /// The only tokens accepted; empty: any token is accepted.
    pub tokens: Vec<String>,
    /// Installations of the GitHub App (configured with `FakeGitHubBuilder::app`).
    pub installations: Vec<SeedInstallation>,
}

fn default_os() -> String {
    "linux".to_owned()
}

fn default_state() -> SeedRunnerState {
    SeedRunnerState::Online
}

impl Seed {
    /// Nothing at all: no enterprise, organization or repository.
    pub fn empty() -> Seed {
        Seed::default()
    }

    /// Reads a seed from JSON text.
    pub fn from_json(text: &str) -> Result<Seed, crate::FakeError> {
        serde_json::from_str(text).map_err(|error| crate::FakeError::Seed(error.to_string()))
    }

    /// The world [`crate::FakeGitHub::start`] serves: enterprise `octo-enterprise` with
    /// organization `octo-org`, repository `octocat/hello-world` of `octo-org`, the default
    /// groups, three organization runners (online, busy, offline), one enterprise and one
    /// repository runner, a GitHub-hosted runner, and app installation 1 on `octo-org`.
    pub fn default_world() -> Seed {
        let runner = |scope: Scope, name: &str, os: &str, state, labels: &[&str]| SeedRunner {
            scope,
            name: name.to_owned(),
            os: os.to_owned(),
            labels: labels.iter().map(|label| (*label).to_owned()).collect(),
            state,
            ephemeral: false,
            group: None,
        };
        let org = Scope::org("octo-org");
        Seed {
            enterprises: vec![SeedEnterprise {
                slug: "octo-enterprise".to_owned(),
                organizations: vec!["octo-org".to_owned()],
            }],
            repositories: vec![SeedRepository {
                owner: "octocat".to_owned(),
                name: "hello-world".to_owned(),
                organization: Some("octo-org".to_owned()),
                private: false,
            }],
            runners: vec![
                runner(
                    org.clone(),
                    "octo-runner-1",
                    "linux",
                    SeedRunnerState::Online,
                    &["gpu"],
                ),
                runner(
                    org.clone(),
                    "octo-runner-2",
                    "linux",
                    SeedRunnerState::Busy,
                    &["gpu"],
                ),
                runner(
                    org,
                    "octo-runner-3",
                    "windows",
                    SeedRunnerState::Offline,
                    &[],
                ),
                runner(
                    Scope::enterprise("octo-enterprise"),
                    "enterprise-runner-1",
                    "linux",
                    SeedRunnerState::Online,
                    &[],
                ),
                runner(
                    Scope::repo("octocat", "hello-world"),
                    "hello-runner-1",
                    "macos",
                    SeedRunnerState::Online,
                    &[],
                ),
            ],
            hosted_runners: vec![SeedHostedRunner {
                organization: "octo-org".to_owned(),
                group: None,
                runner: default_hosted_runner(),
            }],
            installations: vec![SeedInstallation {
                id: 1,
                account: "octo-org".to_owned(),
            }],
            ..Seed::default()
        }
    }

    /// Builds the world and the authentication state the seed describes.
    pub(crate) fn build(&self, auth: &mut Auth) -> Result<World, crate::FakeError> {
        let invalid = |what: String| crate::FakeError::Seed(what);
        let rejected = |what: &str, failure: ApiFailure| {
            crate::FakeError::Seed(format!("{what}: {}", failure.message))
        };
        let mut world = World::default();
        for enterprise in &self.enterprises {
            world.add_enterprise(&enterprise.slug);
            for org in &enterprise.organizations {
                world.add_organization(org, Some(&enterprise.slug));
            }
        }
        for org in &self.organizations {
            if !world.organizations.contains_key(org) {
                world.add_organization(org, None);
            }
        }
        for repo in &self.repositories {
            world.add_repository(
                &repo.owner,
                &repo.name,
                repo.organization.as_deref(),
                repo.private,
            );
        }
        for group in &self.runner_groups {
            let organizations = group
                .selected_organizations
                .iter()
                .map(|login| world.organizations.get(login).map(|org| org.id))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| invalid(format!("group {}: unknown organization", group.name)))?;
            let repositories = group
                .selected_repositories
                .iter()
                .map(|full| world.repositories.get(full).map(|repo| repo.id))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| invalid(format!("group {}: unknown repository", group.name)))?;
            let settings = crate::world::groups::GroupSettings {
                name: Some(group.name.clone()),
                visibility: group.visibility.clone(),
                allows_public_repositories: Some(group.allows_public_repositories),
                selected_organizations: Some(organizations),
                selected_repositories: Some(repositories),
                ..Default::default()
            };
            world
                .create_group(&group.scope, settings)
                .map_err(|failure| rejected(&group.name, failure))?;
        }
        for runner in &self.runners {
            let group = group_id(&world, &runner.scope, runner.group.as_deref())
                .map_err(|()| invalid(format!("runner {}: unknown group", runner.name)))?;
            let new = NewRunner {
                scope: runner.scope.clone(),
                name: runner.name.clone(),
                os: runner.os.clone(),
                custom_labels: runner.labels.clone(),
                ephemeral: runner.ephemeral,
                group,
                state: match runner.state {
                    SeedRunnerState::Online => RunnerState::Online,
                    SeedRunnerState::Busy => RunnerState::Busy,
                    SeedRunnerState::Offline => RunnerState::Offline,
                },
            };
            world
                .create_runner(new)
                .map_err(|failure| rejected(&runner.name, failure))?;
        }
        for hosted in &self.hosted_runners {
            let scope = Scope::org(&hosted.organization);
            let group = group_id(&world, &scope, hosted.group.as_deref())
                .ok()
                .flatten()
                .or_else(|| world.default_group(&scope))
                .ok_or_else(|| {
                    invalid(format!(
                        "hosted runner {}: unknown group",
                        hosted.runner.name
                    ))
                })?;
            let mut runner = hosted.runner.clone();
            runner.runner_group_id = Some(github_runners::RunnerGroupId(group));
            world.hosted_runners.push(runner);
        }
        if !self.tokens.is_empty() {
            auth.tokens = Some(self.tokens.iter().cloned().collect());
        }
        for installation in &self.installations {
            auth.installations.insert(
                installation.id,
                Installation {
                    id: installation.id,
                    account: installation.account.clone(),
                },
            );
        }
        Ok(world)
    }
}

/// The id of the group named `name` in `scope` (`None` for no name: the default group).
fn group_id(world: &World, scope: &Scope, name: Option<&str>) -> Result<Option<i64>, ()> {
    let Some(name) = name else {
        return Ok(None);
    };
    world
        .groups
        .values()
        .find(|group| &group.scope == scope && group.name == name)
        .map(|group| Some(group.id))
        .ok_or(())
}

/// A 4-core Ubuntu runner, as GitHub lists its larger runners.
fn default_hosted_runner() -> github_runners::GithubHostedRunner {
    use github_runners::{
        GithubHostedRunner, GithubHostedRunnerImage, GithubHostedRunnerImageSource,
        GithubHostedRunnerMachineSize, GithubHostedRunnerPlatform, GithubHostedRunnerStatus,
    };
    GithubHostedRunner {
        id: 5,
        name: "ubuntu-24.04-4core".to_owned(),
        runner_group_id: None,
        image_details: None,
        image_gen: Some(false),
        image: Some(GithubHostedRunnerImage {
            id: "ubuntu-24.04".to_owned(),
            size: None,
            size_gb: Some(86),
            display_name: Some("Ubuntu 24.04".to_owned()),
            source: Some(GithubHostedRunnerImageSource::Github),
            version: Some("latest".to_owned()),
        }),
        machine_size_details: GithubHostedRunnerMachineSize {
            id: "4-core".to_owned(),
            cpu_cores: 4,
            memory_gb: 16,
            storage_gb: 150,
        },
        status: GithubHostedRunnerStatus::Ready,
        platform: GithubHostedRunnerPlatform::LinuxX64,
        maximum_runners: Some(10),
        public_ip_enabled: false,
        public_ips: None,
        last_active_on: None,
    }
}
