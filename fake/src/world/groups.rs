//! Runner groups: the default group of every enterprise and organization, groups created
//! through the API, their runners and which organizations or repositories may use them.

use std::collections::BTreeSet;

use super::{GroupRecord, Scope, World};
use crate::error::{ApiFailure, Outcome};

/// The settings of a group being created or changed; `None` leaves a setting as it is
/// (or at its default on creation).
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupSettings {
    pub(crate) name: Option<String>,
    pub(crate) visibility: Option<String>,
    pub(crate) allows_public_repositories: Option<bool>,
    pub(crate) restricted_to_workflows: Option<bool>,
    pub(crate) selected_workflows: Option<Vec<String>>,
    /// `Some(None)` detaches the network configuration.
    pub(crate) network_configuration_id: Option<Option<String>>,
    pub(crate) selected_organizations: Option<Vec<i64>>,
    pub(crate) selected_repositories: Option<Vec<i64>>,
    pub(crate) runners: Option<Vec<i64>>,
}

impl World {
    /// Adds the default group (`Default`, visible to all) of an enterprise or organization.
    pub(crate) fn add_default_group(&mut self, scope: Scope) -> i64 {
        let id = self.next_id();
        self.groups.insert(
            id,
            GroupRecord {
                id,
                name: "Default".to_owned(),
                scope,
                visibility: "all".to_owned(),
                default: true,
                allows_public_repositories: false,
                restricted_to_workflows: false,
                selected_workflows: Vec::new(),
                network_configuration_id: None,
                selected_organizations: BTreeSet::new(),
                selected_repositories: BTreeSet::new(),
            },
        );
        id
    }

    /// The default group of an enterprise or organization.
    pub(crate) fn default_group(&self, scope: &Scope) -> Option<i64> {
        self.groups
            .values()
            .find(|group| group.default && &group.scope == scope)
            .map(|group| group.id)
    }

    /// The group `id` owned by `scope`; 404 otherwise.
    pub(crate) fn group_in(&self, scope: &Scope, id: i64) -> Outcome<&GroupRecord> {
        self.groups
            .get(&id)
            .filter(|group| &group.scope == scope)
            .ok_or_else(ApiFailure::not_found)
    }

    fn group_in_mut(&mut self, scope: &Scope, id: i64) -> Outcome<&mut GroupRecord> {
        self.groups
            .get_mut(&id)
            .filter(|group| &group.scope == scope)
            .ok_or_else(ApiFailure::not_found)
    }

    /// The groups `scope` can see: its own, and for an organization also the groups of its
    /// enterprise shared with it (shown with `inherited: true`).
    pub(crate) fn groups_visible_in(&self, scope: &Scope) -> Vec<&GroupRecord> {
        self.groups
            .values()
            .filter(|group| &group.scope == scope || self.inherits(scope, group))
            .collect()
    }

    /// Whether the organization `scope` inherits the enterprise group `group` (a group
    /// other than the enterprise's default one, shared with all or with this organization).
    pub(crate) fn inherits(&self, scope: &Scope, group: &GroupRecord) -> bool {
        let (Scope::Organization(login), Scope::Enterprise(slug)) = (scope, &group.scope) else {
            return false;
        };
        let Some(org) = self.organizations.get(login) else {
            return false;
        };
        org.enterprise.as_deref() == Some(slug.as_str())
            && !group.default
            && (group.visibility == "all" || group.selected_organizations.contains(&org.id))
    }

    /// Whether the repository named `repo` of the organization may use `group`.
    pub(crate) fn group_visible_to_repository(&self, group: &GroupRecord, repo: &str) -> bool {
        let Scope::Organization(login) = &group.scope else {
            return true;
        };
        let Some(repo) = self.repository(login, repo).or_else(|| {
            self.repositories
                .values()
                .find(|r| r.organization.as_deref() == Some(login) && r.name == repo)
        }) else {
            return false;
        };
        if !repo.private && !group.allows_public_repositories {
            return false;
        }
        match group.visibility.as_str() {
            "selected" => group.selected_repositories.contains(&repo.id),
            "private" => repo.private,
            _ => true,
        }
    }

    /// Creates a group; 409 if the scope has a group of that name, 422 for unknown ids.
    pub(crate) fn create_group(&mut self, scope: &Scope, settings: GroupSettings) -> Outcome<i64> {
        let name = settings.name.clone().unwrap_or_default();
        if self
            .groups
            .values()
            .any(|g| &g.scope == scope && g.name == name)
        {
            return Err(ApiFailure::conflict(format!(
                "A runner group named \"{name}\" already exists."
            )));
        }
        let id = self.next_id();
        self.groups.insert(
            id,
            GroupRecord {
                id,
                name,
                scope: scope.clone(),
                visibility: "all".to_owned(),
                default: false,
                allows_public_repositories: false,
                restricted_to_workflows: false,
                selected_workflows: Vec::new(),
                network_configuration_id: None,
                selected_organizations: BTreeSet::new(),
                selected_repositories: BTreeSet::new(),
            },
        );
        if let Err(failure) = self.update_group(scope, id, settings) {
            self.groups.remove(&id);
            return Err(failure);
        }
        Ok(id)
    }

    /// Changes a group's settings (and, when given, its access lists and runners).
    pub(crate) fn update_group(
        &mut self,
        scope: &Scope,
        id: i64,
        settings: GroupSettings,
    ) -> Outcome<()> {
        if let Some(ids) = &settings.selected_organizations {
            self.check_members(scope, ids)?;
        }
        if let Some(ids) = &settings.selected_repositories {
            self.check_members(scope, ids)?;
        }
        if let Some(runners) = &settings.runners {
            self.set_group_runners(scope, id, runners)?;
        }
        let group = self.group_in_mut(scope, id)?;
        if let Some(name) = settings.name {
            group.name = name;
        }
        if let Some(visibility) = settings.visibility {
            group.visibility = visibility;
        }
        if let Some(allows) = settings.allows_public_repositories {
            group.allows_public_repositories = allows;
        }
        if let Some(restricted) = settings.restricted_to_workflows {
            group.restricted_to_workflows = restricted;
        }
        if let Some(workflows) = settings.selected_workflows {
            group.selected_workflows = workflows;
        }
        if let Some(network) = settings.network_configuration_id {
            group.network_configuration_id = network;
        }
        if let Some(ids) = settings.selected_organizations {
            group.selected_organizations = ids.into_iter().collect();
        }
        if let Some(ids) = settings.selected_repositories {
            group.selected_repositories = ids.into_iter().collect();
        }
        Ok(())
    }

    /// Deletes a group; its runners move to the default group. The default group itself
    /// cannot be deleted (422).
    pub(crate) fn delete_group(&mut self, scope: &Scope, id: i64) -> Outcome<()> {
        if self.group_in(scope, id)?.default {
            return Err(ApiFailure::unprocessable(
                "The default runner group cannot be deleted.",
            ));
        }
        let default = self.default_group(scope);
        for runner in self.runners.values_mut() {
            if runner.group == Some(id) {
                runner.group = default;
            }
        }
        self.groups.remove(&id);
        Ok(())
    }

    /// Makes `runners` the members of the group; runners it had before that are not in the
    /// list go back to the default group.
    pub(crate) fn set_group_runners(
        &mut self,
        scope: &Scope,
        id: i64,
        runners: &[i64],
    ) -> Outcome<()> {
        self.group_in(scope, id)?;
        if let Some(unknown) = runners.iter().find(|r| self.runner_in(scope, **r).is_err()) {
            return Err(ApiFailure::invalid(
                "Runner",
                "runners",
                "invalid",
                &format!("No runner with id {unknown} in this scope"),
            ));
        }
        let default = self.default_group(scope);
        for runner in self.runners.values_mut() {
            if runners.contains(&runner.id) {
                runner.group = Some(id);
            } else if runner.group == Some(id) {
                runner.group = default;
            }
        }
        Ok(())
    }

    /// Moves one runner into the group (`add`), or out of it back into the default group.
    pub(crate) fn move_group_runner(
        &mut self,
        scope: &Scope,
        id: i64,
        runner: i64,
        add: bool,
    ) -> Outcome<()> {
        let default = self.default_group(scope);
        self.group_in(scope, id)?;
        let record = self.runner_in_mut(scope, runner)?;
        if add {
            record.group = Some(id);
        } else if record.group == Some(id) {
            record.group = default;
        } else {
            return Err(ApiFailure::not_found());
        }
        Ok(())
    }

    /// Adds (`true`) or removes one organization or repository from a group's access list.
    pub(crate) fn change_group_access(
        &mut self,
        scope: &Scope,
        id: i64,
        member: i64,
        add: bool,
    ) -> Outcome<()> {
        self.check_members(scope, &[member])?;
        let group = self.group_in_mut(scope, id)?;
        if group.visibility != "selected" {
            return Err(ApiFailure::unprocessable(
                "The runner group's visibility must be 'selected' to change its access list.",
            ));
        }
        let list = match scope {
            Scope::Enterprise(_) => &mut group.selected_organizations,
            _ => &mut group.selected_repositories,
        };
        if add {
            list.insert(member);
        } else {
            list.remove(&member);
        }
        Ok(())
    }

    /// 422 unless every id is a member candidate of the group owner `scope`: an
    /// organization of the enterprise, or a repository of the organization.
    pub(crate) fn check_members(&self, scope: &Scope, ids: &[i64]) -> Outcome<()> {
        let (known, field, what): (Box<dyn Fn(i64) -> bool>, _, _) = match scope {
            Scope::Enterprise(slug) => (
                Box::new(|id| {
                    self.organization_by_id(id)
                        .is_some_and(|org| org.enterprise.as_deref() == Some(slug.as_str()))
                }),
                "selected_organization_ids",
                "organization",
            ),
            Scope::Organization(login) => (
                Box::new(|id| {
                    self.repository_by_id(id)
                        .is_some_and(|repo| repo.organization.as_deref() == Some(login.as_str()))
                }),
                "selected_repository_ids",
                "repository",
            ),
            Scope::Repository { .. } => return Err(ApiFailure::not_found()),
        };
        match ids.iter().find(|id| !known(**id)) {
            Some(id) => Err(ApiFailure::invalid(
                "RunnerGroup",
                field,
                "invalid",
                &format!("No {what} with id {id} here"),
            )),
            None => Ok(()),
        }
    }
}
