//! The self-hosted runner policy: which repositories of an organization may use
//! self-hosted runners, and whether an enterprise disables them for all its organizations
//! (then an organization's setting cannot change: 409, as GitHub answers).

use super::{Scope, World};
use crate::error::{ApiFailure, Outcome};

impl World {
    /// Whether the organization's policy is locked by its enterprise.
    fn policy_locked(&self, org: &str) -> bool {
        self.organizations
            .get(org)
            .and_then(|org| org.enterprise.as_ref())
            .and_then(|slug| self.enterprises.get(slug))
            .is_some_and(|enterprise| enterprise.self_hosted_runners_disabled)
    }

    /// The organization's policy: `all`, `selected` or `none`, and the selected repositories.
    pub(crate) fn org_policy(&self, org: &str) -> Outcome<(&str, Vec<i64>)> {
        let organization = self
            .organizations
            .get(org)
            .ok_or_else(ApiFailure::not_found)?;
        let enabled = if self.policy_locked(org) {
            "none"
        } else {
            organization.enabled_repositories.as_str()
        };
        let selected = organization
            .self_hosted_repositories
            .iter()
            .copied()
            .collect();
        Ok((enabled, selected))
    }

    /// Sets which repositories may use self-hosted runners.
    pub(crate) fn set_org_policy(&mut self, org: &str, enabled: &str) -> Outcome<()> {
        if !["all", "selected", "none"].contains(&enabled) {
            return Err(ApiFailure::invalid(
                "SelfHostedRunnersSettings",
                "enabled_repositories",
                "invalid",
                "must be one of all, selected, none",
            ));
        }
        self.unlocked_org(org)?.enabled_repositories = enabled.to_owned();
        Ok(())
    }

    /// Replaces the selected repositories (each must belong to the organization).
    pub(crate) fn set_policy_repositories(&mut self, org: &str, ids: &[i64]) -> Outcome<()> {
        self.check_members(&Scope::org(org), ids)?;
        self.unlocked_org(org)?.self_hosted_repositories = ids.iter().copied().collect();
        Ok(())
    }

    /// Adds or removes one selected repository; 409 unless the policy is `selected`.
    pub(crate) fn change_policy_repository(
        &mut self,
        org: &str,
        id: i64,
        add: bool,
    ) -> Outcome<()> {
        if self
            .repository_by_id(id)
            .is_none_or(|repo| repo.organization.as_deref() != Some(org))
        {
            return Err(ApiFailure::not_found());
        }
        let organization = self.unlocked_org(org)?;
        if organization.enabled_repositories != "selected" {
            return Err(ApiFailure::conflict(
                "Self-hosted runners are not enabled for selected repositories in this organization.",
            ));
        }
        if add {
            organization.self_hosted_repositories.insert(id);
        } else {
            organization.self_hosted_repositories.remove(&id);
        }
        Ok(())
    }

    /// The organization, for a policy change; 409 while the enterprise locks the policy.
    fn unlocked_org(&mut self, org: &str) -> Outcome<&mut super::Organization> {
        if self.policy_locked(org) {
            return Err(ApiFailure::conflict(
                "Self-hosted runners are disabled for all organizations by the enterprise.",
            ));
        }
        self.organizations
            .get_mut(org)
            .ok_or_else(ApiFailure::not_found)
    }

    /// Whether the enterprise disables self-hosted runners for all its organizations.
    pub(crate) fn enterprise_policy(&self, slug: &str) -> Outcome<bool> {
        self.enterprises
            .get(slug)
            .map(|enterprise| enterprise.self_hosted_runners_disabled)
            .ok_or_else(ApiFailure::not_found)
    }

    /// Sets the enterprise's switch.
    pub(crate) fn set_enterprise_policy(&mut self, slug: &str, disabled: bool) -> Outcome<()> {
        let enterprise = self
            .enterprises
            .get_mut(slug)
            .ok_or_else(ApiFailure::not_found)?;
        enterprise.self_hosted_runners_disabled = disabled;
        Ok(())
    }
}
