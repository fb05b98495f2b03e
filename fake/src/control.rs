//! What a test does on GitHub's other side: register runners as `config.sh` would, set
//! them online, busy or offline, finish jobs, inject faults, spend rate limits, and read
//! back the state and the requests received.

use github_runners::{OrgId, RepositoryId, Runner, RunnerGroupId, RunnerId};

use crate::faults::Fault;
use crate::inspect::RecordedRequest;
use crate::server::lock;
use crate::world::runners::NewRunner;
use crate::world::{RunnerState, Scope, TokenKind, render};
use crate::{FakeError, FakeGitHub};

/// A runner as the fake holds it: what the API shows, plus where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct FakeRunner {
    /// The runner as the API returns it.
    pub runner: Runner,
    /// Where it is registered.
    pub scope: Scope,
    /// Its runner group (`None` for repository runners).
    pub group: Option<RunnerGroupId>,
}

impl FakeGitHub {
    /// Registers a runner with a registration token from the API, as `config.sh --token`
    /// does: it joins the token's scope (and default group) offline, until the test sets it
    /// online. Fails for an unknown or expired token or a name already in use.
    pub fn register_runner(
        &self,
        token: &str,
        name: &str,
        labels: &[&str],
    ) -> Result<RunnerId, FakeError> {
        let mut world = self.shared.world();
        let scope = world.redeem_token(token, TokenKind::Registration)?;
        let id = world.create_runner(new_runner(scope, name, labels, RunnerState::Offline))?;
        Ok(RunnerId(id))
    }

    /// Removes a runner with a remove token from the API, as `config.sh remove --token`.
    pub fn unregister_runner(&self, token: &str, runner: RunnerId) -> Result<(), FakeError> {
        let mut world = self.shared.world();
        let scope = world.redeem_token(token, TokenKind::Remove)?;
        world.delete_runner(&scope, runner.0)?;
        Ok(())
    }

    /// Starts the runner of a JIT configuration from the API, as `run.sh --jitconfig` does:
    /// it comes online. Fails for a configuration the fake did not issue or whose runner is
    /// gone.
    pub fn start_jit_runner(&self, encoded_jit_config: &str) -> Result<RunnerId, FakeError> {
        let mut world = self.shared.world();
        let id = *world
            .jit_configs
            .get(encoded_jit_config)
            .ok_or(FakeError::UnknownToken)?;
        if !world.set_runner_state(id, RunnerState::Online) {
            return Err(crate::error::ApiFailure::not_found().into());
        }
        Ok(RunnerId(id))
    }

    /// Adds an online, idle runner directly (no token), for tests that need many runners.
    pub fn add_runner(
        &self,
        scope: Scope,
        name: &str,
        labels: &[&str],
    ) -> Result<RunnerId, FakeError> {
        let id = self.shared.world().create_runner(new_runner(
            scope,
            name,
            labels,
            RunnerState::Online,
        ))?;
        Ok(RunnerId(id))
    }

    /// Sets a runner online, busy (running a job) or offline.
    pub fn set_runner_state(&self, runner: RunnerId, state: RunnerState) -> Result<(), FakeError> {
        if self.shared.world().set_runner_state(runner.0, state) {
            Ok(())
        } else {
            Err(crate::error::ApiFailure::not_found().into())
        }
    }

    /// The job of a busy runner finishes: it becomes idle, or, if ephemeral, is removed
    /// (as GitHub removes an ephemeral runner after its one job).
    pub fn finish_job(&self, runner: RunnerId) -> Result<(), FakeError> {
        let mut world = self.shared.world();
        let ephemeral = world
            .runners
            .get(&runner.0)
            .map(|record| record.ephemeral)
            .ok_or_else(crate::error::ApiFailure::not_found)?;
        if ephemeral {
            world.runners.remove(&runner.0);
        } else {
            world.set_runner_state(runner.0, RunnerState::Online);
        }
        Ok(())
    }

    /// The runner `id`, if it exists.
    pub fn runner(&self, runner: RunnerId) -> Option<FakeRunner> {
        let world = self.shared.world();
        world.runners.get(&runner.0).map(fake_runner)
    }

    /// Every runner, in id order.
    pub fn runners(&self) -> Vec<FakeRunner> {
        self.shared
            .world()
            .runners
            .values()
            .map(fake_runner)
            .collect()
    }

    /// The id of the runner group `name` owned by `scope`.
    pub fn group_id(&self, scope: &Scope, name: &str) -> Option<RunnerGroupId> {
        self.shared
            .world()
            .groups
            .values()
            .find(|group| &group.scope == scope && group.name == name)
            .map(|group| RunnerGroupId(group.id))
    }

    /// The id of the repository `owner/name`.
    pub fn repository_id(&self, owner: &str, name: &str) -> Option<RepositoryId> {
        let world = self.shared.world();
        world
            .repository(owner, name)
            .map(|repo| RepositoryId(repo.id))
    }

    /// The id of the organization `login`.
    pub fn organization_id(&self, login: &str) -> Option<OrgId> {
        let world = self.shared.world();
        world.organizations.get(login).map(|org| OrgId(org.id))
    }

    /// Makes every registration and remove token issued so far expire.
    pub fn expire_runner_tokens(&self) {
        self.shared.world().expire_tokens();
    }

    /// Injects a fault for the next matching requests.
    pub fn inject(&self, fault: Fault) {
        lock(&self.shared.faults).inject(fault);
    }

    /// Sets how many requests the credential sent as `Authorization: Bearer <token>` has
    /// left in the current window (0 exhausts it).
    pub fn set_rate_limit_remaining(&self, token: &str, remaining: u64) -> Result<(), FakeError> {
        let credential = lock(&self.shared.auth).authenticate(Some(&format!("Bearer {token}")))?;
        lock(&self.shared.limits).set_remaining(&credential.bucket(), remaining);
        Ok(())
    }

    /// Every request received so far, oldest first (the most recent 50,000 to 100,000
    /// when more arrived).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.log).clone()
    }

    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        lock(&self.shared.log).clear();
    }
}

/// A Linux runner in the scope's default group, as the helpers create it.
fn new_runner(scope: Scope, name: &str, labels: &[&str], state: RunnerState) -> NewRunner {
    NewRunner {
        scope,
        name: name.to_owned(),
        os: "linux".to_owned(),
        custom_labels: labels.iter().map(|label| (*label).to_owned()).collect(),
        ephemeral: false,
        group: None,
        state,
    }
}

fn fake_runner(record: &crate::world::RunnerRecord) -> FakeRunner {
    FakeRunner {
        runner: render::runner(record),
        scope: record.scope.clone(),
        group: record.group.map(RunnerGroupId),
    }
}
