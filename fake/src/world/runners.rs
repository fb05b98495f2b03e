//! Self-hosted runners: lookup by scope, creation (registration, JIT), deletion, state and
//! custom labels.

use super::{Label, RunnerRecord, RunnerState, Scope, World};
use crate::error::{ApiFailure, Outcome};

/// The most labels a runner may carry, as GitHub enforces it.
pub(crate) const MAX_LABELS: usize = 100;

/// What a new runner is made of.
#[derive(Debug, Clone)]
pub(crate) struct NewRunner {
    pub(crate) scope: Scope,
    pub(crate) name: String,
    pub(crate) os: String,
    pub(crate) custom_labels: Vec<String>,
    pub(crate) ephemeral: bool,
    /// The group to join; `None` joins the scope's default group.
    pub(crate) group: Option<i64>,
    pub(crate) state: RunnerState,
}

impl World {
    /// The runners registered at `scope`, in id order, optionally only those named `name`.
    pub(crate) fn runners_in(&self, scope: &Scope, name: Option<&str>) -> Vec<&RunnerRecord> {
        self.runners
            .values()
            .filter(|runner| &runner.scope == scope)
            .filter(|runner| name.is_none_or(|name| runner.name == name))
            .collect()
    }

    /// The runner `id` if it is registered at `scope`; 404 otherwise.
    pub(crate) fn runner_in(&self, scope: &Scope, id: i64) -> Outcome<&RunnerRecord> {
        self.runners
            .get(&id)
            .filter(|runner| &runner.scope == scope)
            .ok_or_else(ApiFailure::not_found)
    }

    /// The runner `id` of `scope`, for changing it.
    pub(crate) fn runner_in_mut(&mut self, scope: &Scope, id: i64) -> Outcome<&mut RunnerRecord> {
        self.runners
            .get_mut(&id)
            .filter(|runner| &runner.scope == scope)
            .ok_or_else(ApiFailure::not_found)
    }

    /// Deletes a runner; 422 while it runs a job, as GitHub answers.
    pub(crate) fn delete_runner(&mut self, scope: &Scope, id: i64) -> Outcome<()> {
        let runner = self.runner_in(scope, id)?;
        if runner.busy {
            return Err(ApiFailure::unprocessable(format!(
                "Bad request - Runner \"{}\" is still running a job\"",
                runner.name
            )));
        }
        self.runners.remove(&id);
        Ok(())
    }

    /// Registers a runner; 409 when the scope already has a runner of that name, 422 for
    /// more than [`MAX_LABELS`] labels or an unknown group.
    pub(crate) fn create_runner(&mut self, new: NewRunner) -> Outcome<i64> {
        if !self.scope_exists(&new.scope) {
            return Err(ApiFailure::not_found());
        }
        if !self.runners_in(&new.scope, Some(&new.name)).is_empty() {
            return Err(ApiFailure::conflict(format!(
                "A runner with the name \"{}\" already exists.",
                new.name
            )));
        }
        let group = match (&new.scope, new.group) {
            (Scope::Repository { .. }, _) => None,
            (_, Some(group)) => {
                if self.group_in(&new.scope, group).is_err() {
                    return Err(ApiFailure::invalid(
                        "Runner",
                        "runner_group_id",
                        "invalid",
                        "No runner group with this id in this scope",
                    ));
                }
                Some(group)
            }
            (scope, None) => self.default_group(scope),
        };
        let mut labels = self.builtin_labels(&new.os);
        labels.extend(self.custom_labels(&new.custom_labels, labels.len())?);
        let id = self.next_id();
        self.runners.insert(
            id,
            RunnerRecord {
                id,
                name: new.name,
                os: new.os,
                online: new.state != RunnerState::Offline,
                busy: new.state == RunnerState::Busy,
                ephemeral: new.ephemeral,
                labels,
                scope: new.scope,
                group,
                version: Some(RUNNER_VERSION.to_owned()),
            },
        );
        Ok(id)
    }

    /// Creates a just-in-time runner: ephemeral, offline until started with the returned
    /// encoded configuration. 409 for a name in use, 422 without labels or for an unknown
    /// group; the group is ignored at repository scope, where runners have none.
    pub(crate) fn generate_jit_config(
        &mut self,
        scope: &Scope,
        name: &str,
        group: i64,
        labels: &[String],
    ) -> Outcome<(i64, String)> {
        if labels.is_empty() {
            return Err(ApiFailure::invalid(
                "Runner",
                "labels",
                "missing_field",
                "At least one label is required",
            ));
        }
        let id = self.create_runner(NewRunner {
            scope: scope.clone(),
            name: name.to_owned(),
            os: "linux".to_owned(),
            custom_labels: labels.to_vec(),
            ephemeral: true,
            group: (!matches!(scope, Scope::Repository { .. })).then_some(group),
            state: RunnerState::Offline,
        })?;
        let config = format!("fake-jit-{}", super::tokens::random_token(id));
        self.jit_configs.insert(config.clone(), id);
        Ok((id, config))
    }

    /// Sets a runner online, busy or offline; `false` if there is no such runner.
    pub(crate) fn set_runner_state(&mut self, id: i64, state: RunnerState) -> bool {
        let Some(runner) = self.runners.get_mut(&id) else {
            return false;
        };
        runner.online = state != RunnerState::Offline;
        runner.busy = state == RunnerState::Busy;
        true
    }

    /// Replaces (`replace`) or extends the custom labels of a runner; 422 when the result
    /// would carry more than [`MAX_LABELS`] labels.
    pub(crate) fn change_custom_labels(
        &mut self,
        scope: &Scope,
        id: i64,
        names: &[String],
        replace: bool,
    ) -> Outcome<Vec<Label>> {
        let current = self.runner_in(scope, id)?.labels.clone();
        let kept: Vec<Label> = current
            .into_iter()
            .filter(|label| !(replace && label.custom))
            .collect();
        let fresh: Vec<String> = names
            .iter()
            .filter(|name| !kept.iter().any(|label| &label.name == *name))
            .cloned()
            .collect();
        let mut labels = kept.clone();
        labels.extend(self.custom_labels(&fresh, kept.len())?);
        self.runner_in_mut(scope, id)?.labels = labels.clone();
        Ok(labels)
    }

    /// Removes the custom label `name` from a runner; 404 if it does not carry it.
    pub(crate) fn remove_custom_label(
        &mut self,
        scope: &Scope,
        id: i64,
        name: &str,
    ) -> Outcome<Vec<Label>> {
        let runner = self.runner_in_mut(scope, id)?;
        let before = runner.labels.len();
        runner
            .labels
            .retain(|label| !(label.custom && label.name == name));
        if runner.labels.len() == before {
            return Err(ApiFailure::not_found());
        }
        Ok(runner.labels.clone())
    }

    /// The labels every runner gets from `config.sh`: `self-hosted`, its OS and `X64`.
    fn builtin_labels(&mut self, os: &str) -> Vec<Label> {
        let os_label = match os.to_ascii_lowercase().as_str() {
            "windows" => "Windows",
            "macos" => "macOS",
            _ => "Linux",
        };
        ["self-hosted", os_label, "X64"]
            .into_iter()
            .map(|name| Label {
                id: self.label_id(name),
                name: name.to_owned(),
                custom: false,
            })
            .collect()
    }

    /// Custom labels for `names`, checking the total against [`MAX_LABELS`].
    fn custom_labels(&mut self, names: &[String], existing: usize) -> Outcome<Vec<Label>> {
        if existing + names.len() > MAX_LABELS {
            return Err(ApiFailure::invalid(
                "Runner",
                "labels",
                "invalid",
                "A runner can have at most 100 labels",
            ));
        }
        if names.iter().any(|name| name.trim().is_empty()) {
            return Err(ApiFailure::invalid(
                "Runner",
                "labels",
                "invalid",
                "A label name cannot be empty",
            ));
        }
        Ok(names
            .iter()
            .map(|name| Label {
                id: self.label_id(name),
                name: name.clone(),
                custom: true,
            })
            .collect())
    }
}

/// The runner version the fake reports for the runners it registers.
pub(crate) const RUNNER_VERSION: &str = "2.321.0";
