//! `github-runners-fake`: the fake GitHub as a program, for tests in other languages or a
//! person with `curl`.
//!
//! ```text
//! github-runners-fake --port 8080 --seed world.json
//! curl -H 'Authorization: Bearer x' http://127.0.0.1:8080/orgs/octo-org/actions/runners
//! ```

use std::path::PathBuf;

use clap::Parser;
use github_runners_fake::{FakeGitHub, Seed};

/// A fake GitHub serving the self-hosted runner API from memory on 127.0.0.1.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The port to listen on (0: a free one, printed at start).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// A JSON seed describing the world (default: octo-enterprise, octo-org, a few runners).
    #[arg(long, value_name = "FILE")]
    seed: Option<PathBuf>,
    /// Accept only this token (may be repeated; default: any token).
    #[arg(long)]
    token: Vec<String>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut builder = FakeGitHub::builder().port(args.port);
    if let Some(path) = &args.seed {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        builder = builder.seed(Seed::from_json(&text)?);
    }
    for token in &args.token {
        builder = builder.token(token);
    }
    let fake = builder.start().await?;
    println!("github-runners-fake listening on {}", fake.url());
    // Serve until the process is interrupted.
    std::future::pending::<()>().await;
    Ok(())
}
