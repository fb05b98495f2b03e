//! Removes the offline self-hosted runners of an organization that carry a given label,
//! never a busy one, and copes with the races of a live fleet: a runner that picks up a job
//! between the list and the delete (GitHub answers 422; it is skipped and kept) or that
//! someone else removed meanwhile (404; counted as gone).
//!
//! ```text
//! GITHUB_TOKEN=ghp_… cargo run -p github-runners --example remove_offline_runners -- octo-org gpu
//! ```
//!
//! Environment: `GITHUB_TOKEN` (required; `manage_runners:org` or admin:org scope),
//! `GITHUB_API_URL` (default `https://api.github.com`). Prints one line per runner acted on
//! and a summary. Its tests run it against the fake GitHub of `github-runners-fake`.

#[cfg_attr(test, allow(dead_code))]
mod common;

use futures::StreamExt as _;
use github_runners::{Client, Error, RunnerStatus};

/// What a cleanup did, by runner name.
#[derive(Debug, Default, PartialEq, Eq)]
struct Cleanup {
    /// Deleted.
    removed: Vec<String>,
    /// Offline with the label, but running a job when we came to delete it: kept.
    busy: Vec<String>,
    /// Already gone when we came to delete it.
    gone: Vec<String>,
}

/// Removes the offline, idle runners of `org` carrying `label`.
async fn remove_offline_runners(client: &Client, org: &str, label: &str) -> Result<Cleanup, Error> {
    // Collect first, then delete: deleting while paging would shift the pages.
    let mut candidates = Vec::new();
    let mut runners = client.list_self_hosted_runners_for_org(org).stream();
    while let Some(runner) = runners.next().await {
        let runner = runner?;
        let labelled = runner
            .labels
            .iter()
            .any(|l| l.name.eq_ignore_ascii_case(label));
        if runner.status == RunnerStatus::Offline && !runner.busy && labelled {
            candidates.push(runner);
        }
    }

    let mut cleanup = Cleanup::default();
    for runner in candidates {
        match client
            .delete_self_hosted_runner_from_org(org, runner.id)
            .await
        {
            Ok(()) => cleanup.removed.push(runner.name),
            Err(error) => match error.status().map(|status| status.as_u16()) {
                // It took a job after we listed it: GitHub refuses to delete a busy runner.
                Some(422) => cleanup.busy.push(runner.name),
                Some(404) => cleanup.gone.push(runner.name),
                _ => return Err(error),
            },
        }
    }
    Ok(cleanup)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let org = common::org_from_args()?;
    let label = std::env::args()
        .nth(2)
        .ok_or("usage: remove_offline_runners <org> <label>")?;
    let client = common::client_from_env()?;
    let cleanup = remove_offline_runners(&client, &org, &label).await?;
    for name in &cleanup.removed {
        println!("removed\t{name}");
    }
    for name in &cleanup.busy {
        println!("kept (took a job)\t{name}");
    }
    for name in &cleanup.gone {
        println!("already gone\t{name}");
    }
    println!(
        "{} removed, {} kept because busy, {} already gone",
        cleanup.removed.len(),
        cleanup.busy.len(),
        cleanup.gone.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use github_runners_fake::{FakeGitHub, Fault, RunnerState, Scope};

    use super::*;

    const ORG: &str = "octo-org";

    /// A fake with runners `name` in `state` carrying `labels`, and their ids.
    async fn fleet(
        runners: &[(&str, RunnerState, &[&str])],
    ) -> (FakeGitHub, Vec<github_runners::RunnerId>) {
        let fake = FakeGitHub::start().await.unwrap();
        let ids = runners
            .iter()
            .map(|(name, state, labels)| {
                let id = fake.add_runner(Scope::org(ORG), name, labels).unwrap();
                fake.set_runner_state(id, *state).unwrap();
                id
            })
            .collect();
        (fake, ids)
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| (*name).to_owned()).collect()
    }

    #[tokio::test]
    async fn removes_only_offline_idle_runners_with_the_label() {
        let (fake, ids) = fleet(&[
            ("old-gpu", RunnerState::Offline, &["gpu"]),
            ("live-gpu", RunnerState::Online, &["gpu"]),
            ("busy-gpu", RunnerState::Busy, &["GPU"]),
            ("old-cpu", RunnerState::Offline, &["cpu"]),
            ("old-gpu-2", RunnerState::Offline, &["x", "GPU"]),
        ])
        .await;
        let cleanup = remove_offline_runners(&fake.client().unwrap(), ORG, "gpu")
            .await
            .unwrap();
        assert_eq!(cleanup.removed, names(&["old-gpu", "old-gpu-2"]));
        assert!(cleanup.busy.is_empty() && cleanup.gone.is_empty());
        let left: Vec<_> = ids
            .iter()
            .filter(|id| fake.runner(**id).is_some())
            .collect();
        assert_eq!(left, [&ids[1], &ids[2], &ids[3]]);
    }

    #[tokio::test]
    async fn keeps_a_runner_that_takes_a_job_between_the_list_and_the_delete() {
        let (fake, ids) = fleet(&[
            ("racer", RunnerState::Offline, &["gpu"]),
            ("idle", RunnerState::Offline, &["gpu"]),
        ])
        .await;
        let racer = ids[0];
        // Just as the DELETE arrives, the runner comes online and picks up a job.
        fake.inject(
            Fault::runner_turns(racer, RunnerState::Busy)
                .on_path(&format!("/orgs/{ORG}/actions/runners/{racer}")),
        );
        let cleanup = remove_offline_runners(&fake.client().unwrap(), ORG, "gpu")
            .await
            .unwrap();
        assert_eq!(cleanup.busy, names(&["racer"]));
        assert_eq!(cleanup.removed, names(&["idle"]));
        assert!(
            fake.runner(racer).unwrap().runner.busy,
            "the busy runner is kept"
        );
    }

    #[tokio::test]
    async fn counts_a_runner_removed_meanwhile_as_gone_across_pages() {
        let spec: Vec<(String, RunnerState)> = (0..150)
            .map(|n| (format!("r{n:03}"), RunnerState::Offline))
            .chain([("online".to_owned(), RunnerState::Online)])
            .collect();
        let runners: Vec<(&str, RunnerState, &[&str])> = spec
            .iter()
            .map(|(name, state)| (name.as_str(), *state, &["gpu"][..]))
            .collect();
        let (fake, ids) = fleet(&runners).await;
        // Someone else deletes r007 after our list, just before our DELETE.
        let gone = ids[7];
        fake.inject(
            Fault::runner_removed(gone).on_path(&format!("/orgs/{ORG}/actions/runners/{gone}")),
        );
        let cleanup = remove_offline_runners(&fake.client().unwrap(), ORG, "gpu")
            .await
            .unwrap();
        assert_eq!(cleanup.gone, names(&["r007"]));
        assert_eq!(cleanup.removed.len(), 149, "two pages of candidates");
        assert!(fake.runner(ids[150]).is_some(), "the online runner stays");
    }
}
