//! Scenarios a user of the client would test, each run with the generated client against
//! the fake: runner lifecycle, groups, busy runners, paging, retries and rate limits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use futures::StreamExt as _;
use github_runners::{Error, RetryPolicy, RunnerGroupVisibility, RunnerStatus};
use github_runners_fake::{CLIENT_TOKEN, FakeGitHub, Fault, RunnerState, Scope, Seed};

const ORG: &str = "octo-org";

fn status(error: &Error) -> Option<u16> {
    error.status().map(|status| status.as_u16())
}

#[tokio::test]
async fn register_list_group_and_delete_a_runner() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();

    // Register: the token from the API, used as config.sh would use it.
    let token = client.create_registration_token_for_org(ORG).await.unwrap();
    let id = fake
        .register_runner(token.token.expose_secret(), "build-7", &["arm64", "large"])
        .unwrap();
    fake.set_runner_state(id, RunnerState::Online).unwrap();

    // List: it is there, online, with its built-in and custom labels.
    let runners = client.list_self_hosted_runners_for_org(ORG).await.unwrap();
    assert_eq!(runners.total_count(), Some(4));
    let runner = runners.items().iter().find(|r| r.id == id).unwrap();
    assert_eq!(runner.status, RunnerStatus::Online);
    let labels: Vec<&str> = runner.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(labels, ["self-hosted", "Linux", "X64", "arm64", "large"]);

    // Label it: the custom labels change, the built-in ones stay.
    let labels = client
        .add_custom_labels_to_self_hosted_runner_for_org(ORG, id, vec!["cuda-12".into()])
        .await
        .unwrap();
    assert_eq!(labels.total_count, 6);
    assert_eq!(
        fake.runner(id).unwrap().runner.labels.last().unwrap().name,
        "cuda-12"
    );

    // Move it into a new group, then out again: back in the default group.
    let group = client
        .create_self_hosted_runner_group_for_org(ORG, "arm")
        .visibility(RunnerGroupVisibility::Selected)
        .send()
        .await
        .unwrap();
    client
        .add_self_hosted_runner_to_group_for_org(ORG, group.id, id)
        .await
        .unwrap();
    let members = client
        .list_self_hosted_runners_in_group_for_org(ORG, group.id)
        .await
        .unwrap();
    assert_eq!(
        members.items().iter().map(|r| r.id).collect::<Vec<_>>(),
        [id]
    );
    client
        .remove_self_hosted_runner_from_group_for_org(ORG, group.id, id)
        .await
        .unwrap();
    let default = fake.group_id(&Scope::org(ORG), "Default").unwrap();
    assert_eq!(fake.runner(id).unwrap().group, Some(default));

    // Deleting a group moves its runners to the default group.
    client
        .set_self_hosted_runners_in_group_for_org(ORG, group.id, vec![id])
        .await
        .unwrap();
    client
        .delete_self_hosted_runner_group_from_org(ORG, group.id)
        .await
        .unwrap();
    assert_eq!(fake.runner(id).unwrap().group, Some(default));
    let error = client
        .get_self_hosted_runner_group_for_org(ORG, group.id)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(404));

    // Delete the runner.
    client
        .delete_self_hosted_runner_from_org(ORG, id)
        .await
        .unwrap();
    assert!(fake.runner(id).is_none());
    let error = client
        .get_self_hosted_runner_for_org(ORG, id)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(404));
    assert_eq!(
        error.api().unwrap().documentation_url.as_deref(),
        Some("https://docs.github.com/rest/actions/self-hosted-runners")
    );
}

#[tokio::test]
async fn a_busy_runner_cannot_be_deleted_until_its_job_ends() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let id = fake.add_runner(Scope::org(ORG), "busy-1", &[]).unwrap();
    fake.set_runner_state(id, RunnerState::Busy).unwrap();

    let error = client
        .delete_self_hosted_runner_from_org(ORG, id)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(422));
    assert!(error.to_string().contains("still running a job"), "{error}");
    assert!(fake.runner(id).is_some());

    fake.finish_job(id).unwrap();
    client
        .delete_self_hosted_runner_from_org(ORG, id)
        .await
        .unwrap();
    assert!(fake.runner(id).is_none());
}

#[tokio::test]
async fn registration_tokens_expire_and_belong_to_their_scope() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let token = client
        .create_registration_token_for_repo("octocat", "hello-world")
        .await
        .unwrap();
    assert!(token.expires_at > chrono::Utc::now());
    let id = fake
        .register_runner(token.token.expose_secret(), "repo-runner", &[])
        .unwrap();
    assert_eq!(
        fake.runner(id).unwrap().scope,
        Scope::repo("octocat", "hello-world")
    );
    assert_eq!(
        fake.runner(id).unwrap().runner.status,
        RunnerStatus::Offline
    );
    // A name can be registered once per scope.
    assert!(
        fake.register_runner(token.token.expose_secret(), "repo-runner", &[])
            .is_err()
    );

    fake.expire_runner_tokens();
    let error = fake
        .register_runner(token.token.expose_secret(), "late", &[])
        .unwrap_err();
    assert!(error.to_string().contains("expired"), "{error}");
    assert!(fake.register_runner("AAAAAAAA", "unknown", &[]).is_err());

    // The remove token removes the runner, as `config.sh remove` does.
    let remove = client
        .create_remove_token_for_repo("octocat", "hello-world")
        .await
        .unwrap();
    fake.unregister_runner(remove.token.expose_secret(), id)
        .unwrap();
    assert!(fake.runner(id).is_none());
}

#[tokio::test]
async fn streams_a_thousand_runners_page_by_page() {
    let mut seed = Seed::empty();
    seed.organizations.push("big-org".to_owned());
    let fake_big = FakeGitHub::builder().seed(seed).start().await.unwrap();
    for n in 0..1000 {
        fake_big
            .add_runner(Scope::org("big-org"), &format!("runner-{n:04}"), &[])
            .unwrap();
    }
    let client = fake_big.client().unwrap();
    let names: Vec<String> = client
        .list_self_hosted_runners_for_org("big-org")
        .stream()
        .map(|runner| runner.unwrap().name)
        .collect()
        .await;
    assert_eq!(names.len(), 1000);
    assert_eq!(names[0], "runner-0000");
    assert_eq!(names[999], "runner-0999");
    // Ten pages of 100 (the stream's page size), each followed by its `next` link.
    let pages: Vec<_> = fake_big
        .requests()
        .into_iter()
        .map(|request| request.query.unwrap_or_default())
        .collect();
    assert_eq!(pages.len(), 10);
    assert_eq!(pages[9], "per_page=100&page=10");
}

#[tokio::test]
async fn retries_after_a_bad_gateway_and_a_secondary_rate_limit() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let path = "/orgs/octo-org/actions/runners";
    fake.inject(Fault::bad_gateway().on_path(path));
    fake.inject(Fault::secondary_rate_limit(0).on_path(path));

    let page = client.list_self_hosted_runners_for_org(ORG).await.unwrap();
    assert_eq!(page.total_count(), Some(3));
    let statuses: Vec<_> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(502), Some(403), Some(200)]);

    // Without retries the client reports each fault as the typed error it is.
    let once = github_runners::Client::builder()
        .base_url(fake.url())
        .token(CLIENT_TOKEN)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    fake.inject(Fault::bad_gateway());
    let error = once
        .list_self_hosted_runners_for_org(ORG)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(502));
    assert!(
        error
            .api()
            .unwrap()
            .body_excerpt
            .as_deref()
            .unwrap()
            .contains("<html>")
    );
    for fault in [Fault::secondary_rate_limit(7), Fault::too_many_requests(7)] {
        fake.inject(fault);
        match once
            .list_self_hosted_runners_for_org(ORG)
            .await
            .unwrap_err()
        {
            Error::RateLimited { retry_after, .. } => {
                assert_eq!(retry_after, Some(std::time::Duration::from_secs(7)));
            }
            other => panic!("expected a secondary rate limit, got {other}"),
        }
    }
    let statuses: Vec<_> = fake
        .requests()
        .iter()
        .rev()
        .take(2)
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [Some(429), Some(403)]);
}

#[tokio::test]
async fn the_rate_limit_runs_out_in_the_middle_of_a_stream() {
    let mut seed = Seed::empty();
    seed.organizations.push("big-org".to_owned());
    let fake = FakeGitHub::builder()
        .seed(seed)
        .rate_limit(3)
        .start()
        .await
        .unwrap();
    for n in 0..500 {
        fake.add_runner(Scope::org("big-org"), &format!("r{n}"), &[])
            .unwrap();
    }
    let client = fake.client().unwrap();
    let mut stream = client.list_self_hosted_runners_for_org("big-org").stream();
    let mut received = 0;
    let error = loop {
        match stream.next().await.unwrap() {
            Ok(_) => received += 1,
            Err(error) => break error,
        }
    };
    assert_eq!(received, 300, "three pages fit in the budget");
    match &error {
        Error::RateLimited { reset_at, .. } => assert!(reset_at.unwrap() > chrono::Utc::now()),
        other => panic!("expected the primary rate limit, got {other}"),
    }
    let limit = client.rate_limit().unwrap();
    assert_eq!(limit.remaining, Some(0));
    assert!(stream.next().await.is_none());

    // GitHub may answer 429 instead of 403; the client sees the same primary limit.
    let fake = FakeGitHub::builder()
        .rate_limit(1)
        .rate_limit_with_429()
        .start()
        .await
        .unwrap();
    let client = fake.client().unwrap();
    client.list_self_hosted_runners_for_org(ORG).await.unwrap();
    match client
        .list_self_hosted_runners_for_org(ORG)
        .await
        .unwrap_err()
    {
        Error::RateLimited { reset_at, api, .. } => {
            assert_eq!(api.status.as_u16(), 429);
            assert!(reset_at.is_some());
        }
        other => panic!("expected the primary rate limit, got {other}"),
    }
}

#[tokio::test]
async fn groups_share_with_selected_repositories_and_filter_by_visibility() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let private_only = client
        .create_self_hosted_runner_group_for_org(ORG, "private-only")
        .visibility(RunnerGroupVisibility::Private)
        .send()
        .await
        .unwrap();
    let selected = client
        .create_self_hosted_runner_group_for_org(ORG, "selected")
        .visibility(RunnerGroupVisibility::Selected)
        .allows_public_repositories(true)
        .send()
        .await
        .unwrap();
    let visible = |groups: &[github_runners::OrganizationRunnerGroup]| {
        groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>()
    };
    let page = client
        .list_self_hosted_runner_groups_for_org(ORG)
        .visible_to_repository("hello-world")
        .await
        .unwrap();
    assert_eq!(
        visible(page.items()),
        Vec::<String>::new(),
        "a public repo, no public groups"
    );

    let repos = client
        .list_repo_access_to_self_hosted_runner_group_in_org(ORG, selected.id)
        .await
        .unwrap();
    assert_eq!(repos.total_count(), Some(0));
    let repo_id = fake.repository_id("octocat", "hello-world").unwrap();
    client
        .add_repo_access_to_self_hosted_runner_group_in_org(ORG, selected.id, repo_id)
        .await
        .unwrap();
    let repos = client
        .list_repo_access_to_self_hosted_runner_group_in_org(ORG, selected.id)
        .await
        .unwrap();
    assert_eq!(repos.items()[0].full_name, "octocat/hello-world");
    let page = client
        .list_self_hosted_runner_groups_for_org(ORG)
        .visible_to_repository("hello-world")
        .await
        .unwrap();
    assert_eq!(visible(page.items()), ["selected"]);

    // Access lists can only change on a group whose visibility is `selected`.
    let error = client
        .add_repo_access_to_self_hosted_runner_group_in_org(ORG, private_only.id, repo_id)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(422));
}

#[tokio::test]
async fn a_jit_runner_lives_for_one_job() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let group = client
        .create_self_hosted_runner_group_for_org(ORG, "ephemeral")
        .send()
        .await
        .unwrap();
    let jit = client
        .generate_runner_jitconfig_for_org(ORG, "jit-1", group.id, vec!["linux-large".into()])
        .send()
        .await
        .unwrap();
    assert_eq!(jit.runner.status, RunnerStatus::Offline);
    assert_eq!(jit.runner.ephemeral, Some(true));
    assert_eq!(jit.runner.runner_group_id, Some(group.id));
    assert_eq!(format!("{:?}", jit.encoded_jit_config), "<redacted>");

    // The same name again: 409, as GitHub answers.
    let error = client
        .generate_runner_jitconfig_for_org(ORG, "jit-1", group.id, vec!["x".into()])
        .send()
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(409));

    let id = fake
        .start_jit_runner(jit.encoded_jit_config.expose_secret())
        .unwrap();
    assert_eq!(id, jit.runner.id);
    fake.set_runner_state(id, RunnerState::Busy).unwrap();
    let listed = client
        .list_self_hosted_runners_in_group_for_org(ORG, group.id)
        .await
        .unwrap();
    assert!(listed.items()[0].busy);
    fake.finish_job(id).unwrap();
    let error = client
        .get_self_hosted_runner_for_org(ORG, id)
        .await
        .unwrap_err();
    assert_eq!(
        status(&error),
        Some(404),
        "an ephemeral runner is gone after its job"
    );
}

#[tokio::test]
async fn custom_labels_are_added_replaced_and_removed() {
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let id = fake
        .add_runner(Scope::org(ORG), "labelled", &["old"])
        .unwrap();
    let names = |list: github_runners::RunnerLabelList| {
        list.labels.into_iter().map(|l| l.name).collect::<Vec<_>>()
    };

    let added = client
        .add_custom_labels_to_self_hosted_runner_for_org(ORG, id, vec!["gpu".into()])
        .await
        .unwrap();
    assert_eq!(names(added), ["self-hosted", "Linux", "X64", "old", "gpu"]);
    let set = client
        .set_custom_labels_for_self_hosted_runner_for_org(ORG, id, vec!["a b/c".into()])
        .await
        .unwrap();
    assert_eq!(names(set), ["self-hosted", "Linux", "X64", "a b/c"]);
    // A label name with a space and a slash travels as one percent-encoded segment.
    let removed = client
        .remove_custom_label_from_self_hosted_runner_for_org(ORG, id, "a b/c")
        .await
        .unwrap();
    assert_eq!(removed.total_count, 3);
    let error = client
        .remove_custom_label_from_self_hosted_runner_for_org(ORG, id, "a b/c")
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(404));

    let too_many: Vec<String> = (0..98).map(|n| format!("l{n}")).collect();
    let error = client
        .set_custom_labels_for_self_hosted_runner_for_org(ORG, id, too_many)
        .await
        .unwrap_err();
    assert_eq!(
        status(&error),
        Some(422),
        "3 built-in + 98 custom is over 100"
    );
    let listed = client
        .list_labels_for_self_hosted_runner_for_org(ORG, id)
        .await
        .unwrap();
    assert_eq!(listed.total_count, 3);
}

#[tokio::test]
async fn the_self_hosted_runner_policy_follows_the_enterprise() {
    use github_runners::SelfHostedRunnersEnabledRepositories as Enabled;
    let fake = FakeGitHub::start().await.unwrap();
    let client = fake.client().unwrap();
    let repo = fake.repository_id("octocat", "hello-world").unwrap();

    let error = client
        .enable_selected_repository_self_hosted_runners_organization(ORG, repo)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(409), "only with `selected`");
    client
        .set_self_hosted_runners_permissions_organization(ORG, Enabled::Selected)
        .await
        .unwrap();
    client
        .enable_selected_repository_self_hosted_runners_organization(ORG, repo)
        .await
        .unwrap();
    let repos = client
        .list_selected_repositories_self_hosted_runners_organization(ORG)
        .await
        .unwrap();
    assert_eq!(repos.items()[0].id, repo);

    client
        .set_self_hosted_runners_permissions("octo-enterprise", true)
        .await
        .unwrap();
    let settings = client
        .get_self_hosted_runners_permissions_organization(ORG)
        .await
        .unwrap();
    assert_eq!(settings.enabled_repositories, Enabled::None);
    let error = client
        .set_self_hosted_runners_permissions_organization(ORG, Enabled::All)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(409));
    let enterprise = client
        .get_self_hosted_runners_permissions("octo-enterprise")
        .await
        .unwrap();
    assert!(enterprise.disable_self_hosted_runners_for_all_orgs);
}
