//! The in-memory world the fake serves: enterprises, organizations, repositories, runners,
//! runner groups and the tokens handed out for them.
//!
//! The world is plain data behind one mutex (see `server`); every HTTP handler and every
//! test helper locks it, reads or changes it, and renders the answer with the generated
//! models (`render.rs`) before unlocking. Identifiers come from one counter per kind so
//! that they are stable for a given seed.

pub(crate) mod groups;
pub(crate) mod policy;
pub(crate) mod render;
pub(crate) mod runners;
pub(crate) mod tokens;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use github_runners::GithubHostedRunner;
use serde::{Deserialize, Serialize};

pub(crate) use tokens::TokenKind;

/// Where a runner or a runner group lives. In a JSON seed: `{"enterprise": "slug"}`,
/// `{"organization": "login"}` or `{"repository": {"owner": "…", "name": "…"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// An enterprise, by slug (`octo-enterprise`).
    Enterprise(String),
    /// An organization, by login (`octo-org`).
    Organization(String),
    /// A repository, by owner and name (`octocat`, `hello-world`).
    Repository {
        /// The owner's login.
        owner: String,
        /// The repository name.
        name: String,
    },
}

impl Scope {
    /// The enterprise `slug`.
    pub fn enterprise(slug: &str) -> Scope {
        Scope::Enterprise(slug.to_owned())
    }

    /// The organization `login`.
    pub fn org(login: &str) -> Scope {
        Scope::Organization(login.to_owned())
    }

    /// The repository `owner/name`.
    pub fn repo(owner: &str, name: &str) -> Scope {
        Scope::Repository {
            owner: owner.to_owned(),
            name: name.to_owned(),
        }
    }

    /// The URL of the scope's API, relative to the base URL (`/orgs/octo-org`).
    pub(crate) fn api_path(&self) -> String {
        match self {
            Scope::Enterprise(slug) => format!("/enterprises/{slug}"),
            Scope::Organization(login) => format!("/orgs/{login}"),
            Scope::Repository { owner, name } => format!("/repos/{owner}/{name}"),
        }
    }
}

/// A runner's connection state as a test sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunnerState {
    /// Connected and idle.
    Online,
    /// Connected and running a job (`busy: true`).
    Busy,
    /// Not connected.
    Offline,
}

/// An enterprise.
#[derive(Debug, Clone)]
pub(crate) struct Enterprise {
    /// `disable_self_hosted_runners_for_all_orgs`.
    pub(crate) self_hosted_runners_disabled: bool,
}

/// An organization.
#[derive(Debug, Clone)]
pub(crate) struct Organization {
    pub(crate) id: i64,
    pub(crate) login: String,
    pub(crate) enterprise: Option<String>,
    /// `all`, `selected` or `none`: which repositories may use self-hosted runners.
    pub(crate) enabled_repositories: String,
    /// The repositories allowed when `enabled_repositories` is `selected`.
    pub(crate) self_hosted_repositories: BTreeSet<i64>,
}

/// A repository.
#[derive(Debug, Clone)]
pub(crate) struct Repository {
    pub(crate) id: i64,
    pub(crate) owner: String,
    pub(crate) name: String,
    pub(crate) organization: Option<String>,
    pub(crate) private: bool,
}

/// A runner label: built in (`read-only`) or added by a user (`custom`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) custom: bool,
}

/// A self-hosted runner.
#[derive(Debug, Clone)]
pub(crate) struct RunnerRecord {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) os: String,
    pub(crate) online: bool,
    pub(crate) busy: bool,
    pub(crate) ephemeral: bool,
    pub(crate) labels: Vec<Label>,
    pub(crate) scope: Scope,
    /// The runner group, for enterprise and organization runners.
    pub(crate) group: Option<i64>,
    pub(crate) version: Option<String>,
}

/// A runner group of an enterprise or an organization.
#[derive(Debug, Clone)]
pub(crate) struct GroupRecord {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) scope: Scope,
    pub(crate) visibility: String,
    pub(crate) default: bool,
    pub(crate) allows_public_repositories: bool,
    pub(crate) restricted_to_workflows: bool,
    pub(crate) selected_workflows: Vec<String>,
    pub(crate) network_configuration_id: Option<String>,
    pub(crate) selected_organizations: BTreeSet<i64>,
    pub(crate) selected_repositories: BTreeSet<i64>,
}

/// A registration or remove token handed out by the API.
#[derive(Debug, Clone)]
pub(crate) struct IssuedToken {
    pub(crate) kind: TokenKind,
    pub(crate) scope: Scope,
    pub(crate) expires_at: DateTime<Utc>,
}

/// Everything the fake knows.
#[derive(Debug, Clone, Default)]
pub(crate) struct World {
    pub(crate) enterprises: BTreeMap<String, Enterprise>,
    pub(crate) organizations: BTreeMap<String, Organization>,
    /// Keyed by `owner/name`.
    pub(crate) repositories: BTreeMap<String, Repository>,
    pub(crate) runners: BTreeMap<i64, RunnerRecord>,
    pub(crate) groups: BTreeMap<i64, GroupRecord>,
    pub(crate) hosted_runners: Vec<GithubHostedRunner>,
    pub(crate) issued_tokens: BTreeMap<String, IssuedToken>,
    /// Encoded JIT configurations handed out, and the runner each one starts.
    pub(crate) jit_configs: BTreeMap<String, i64>,
    /// Label ids by name (GitHub gives every label name one id).
    pub(crate) label_ids: BTreeMap<String, i64>,
    next_id: i64,
}

impl World {
    /// The next identifier (one sequence for every kind keeps ids unambiguous in tests).
    pub(crate) fn next_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    /// Adds an enterprise with its default runner group.
    pub(crate) fn add_enterprise(&mut self, slug: &str) {
        self.enterprises.insert(
            slug.to_owned(),
            Enterprise {
                self_hosted_runners_disabled: false,
            },
        );
        self.add_default_group(Scope::enterprise(slug));
    }

    /// Adds an organization (optionally in an enterprise) with its default runner group.
    pub(crate) fn add_organization(&mut self, login: &str, enterprise: Option<&str>) -> i64 {
        let id = self.next_id();
        self.organizations.insert(
            login.to_owned(),
            Organization {
                id,
                login: login.to_owned(),
                enterprise: enterprise.map(str::to_owned),
                enabled_repositories: "all".to_owned(),
                self_hosted_repositories: BTreeSet::new(),
            },
        );
        self.add_default_group(Scope::org(login));
        id
    }

    /// Adds a repository; `organization` is the organization it belongs to, if any.
    pub(crate) fn add_repository(
        &mut self,
        owner: &str,
        name: &str,
        organization: Option<&str>,
        private: bool,
    ) -> i64 {
        let id = self.next_id();
        self.repositories.insert(
            format!("{owner}/{name}"),
            Repository {
                id,
                owner: owner.to_owned(),
                name: name.to_owned(),
                organization: organization.map(str::to_owned),
                private,
            },
        );
        id
    }

    /// Whether the scope exists (its enterprise, organization or repository is known).
    pub(crate) fn scope_exists(&self, scope: &Scope) -> bool {
        match scope {
            Scope::Enterprise(slug) => self.enterprises.contains_key(slug),
            Scope::Organization(login) => self.organizations.contains_key(login),
            Scope::Repository { owner, name } => {
                self.repositories.contains_key(&format!("{owner}/{name}"))
            }
        }
    }

    /// `scope` as the world spells it: GitHub matches logins, slugs and repository names
    /// without regard to case. `None` when it does not exist.
    pub(crate) fn canonical(&self, scope: &Scope) -> Option<Scope> {
        fn find<'a>(mut keys: impl Iterator<Item = &'a String>, wanted: &str) -> Option<String> {
            keys.find(|key| key.eq_ignore_ascii_case(wanted)).cloned()
        }
        Some(match scope {
            Scope::Enterprise(slug) => Scope::Enterprise(find(self.enterprises.keys(), slug)?),
            Scope::Organization(login) => {
                Scope::Organization(find(self.organizations.keys(), login)?)
            }
            Scope::Repository { owner, name } => {
                let repo = self.repository(owner, name).or_else(|| {
                    self.repositories.values().find(|repo| {
                        repo.owner.eq_ignore_ascii_case(owner)
                            && repo.name.eq_ignore_ascii_case(name)
                    })
                })?;
                Scope::repo(&repo.owner, &repo.name)
            }
        })
    }

    /// The repository `owner/name`.
    pub(crate) fn repository(&self, owner: &str, name: &str) -> Option<&Repository> {
        self.repositories.get(&format!("{owner}/{name}"))
    }

    /// The repository with id `id`.
    pub(crate) fn repository_by_id(&self, id: i64) -> Option<&Repository> {
        self.repositories.values().find(|repo| repo.id == id)
    }

    /// The organization with id `id`.
    pub(crate) fn organization_by_id(&self, id: i64) -> Option<&Organization> {
        self.organizations.values().find(|org| org.id == id)
    }

    /// The id of a label name, assigned on first use.
    pub(crate) fn label_id(&mut self, name: &str) -> i64 {
        if let Some(id) = self.label_ids.get(name) {
            return *id;
        }
        let id = self.next_id();
        self.label_ids.insert(name.to_owned(), id);
        id
    }
}
