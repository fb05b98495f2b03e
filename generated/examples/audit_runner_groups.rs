//! Audits which repositories may use each self-hosted runner group of an organization.
//!
//! ```text
//! GITHUB_TOKEN=ghp_… cargo run -p github-runners --example audit_runner_groups -- octo-org
//! ```
//!
//! For every runner group (all pages) it prints the group and its visibility:
//!
//! * `all`: every repository of the organization (public ones only when
//!   `allows_public_repositories` is set);
//! * `private`: every private repository;
//! * `selected`: the repositories granted access, listed one per line (all pages).
//!
//! Environment: `GITHUB_TOKEN` (required; admin:org scope), `GITHUB_ORG` (when no
//! argument is given), `GITHUB_API_URL` (default `https://api.github.com`).

mod common;

use futures::StreamExt as _;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let org = common::org_from_args()?;
    let client = common::client_from_env()?;

    let mut groups = client.list_self_hosted_runner_groups_for_org(&org).stream();
    while let Some(group) = groups.next().await {
        let group = group?;
        let inherited = if group.inherited {
            " (inherited from the enterprise)"
        } else {
            ""
        };
        println!(
            "runner group {:?} (id {}, visibility {}){inherited}",
            group.name, group.id, group.visibility
        );
        let public = if group.allows_public_repositories {
            "public repositories included"
        } else {
            "public repositories excluded"
        };
        match group.visibility.as_str() {
            "all" => println!("  all repositories of {org} ({public})"),
            "private" => println!("  all private repositories of {org}"),
            "selected" => {
                let mut repositories = client
                    .list_repo_access_to_self_hosted_runner_group_in_org(&org, group.id)
                    .stream();
                let mut count = 0_usize;
                while let Some(repository) = repositories.next().await {
                    let repository = repository?;
                    let private = if repository.private {
                        "private"
                    } else {
                        "public"
                    };
                    println!("  {} ({private})", repository.full_name);
                    count += 1;
                }
                println!("  {count} selected repository(ies) ({public})");
            }
            other => {
                println!("  visibility {other:?} is not known to this example: check it by hand")
            }
        }
    }
    Ok(())
}
