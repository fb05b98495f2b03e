//! Command line front end of the generator.
//!
//! ```text
//! github-runners-codegen generate SPEC -o FILE.rs   write the generated source
//! github-runners-codegen crate SPEC --out DIR --name NAME [--runtime-path DIR]
//!                                                   write a standalone crate
//! github-runners-codegen check SPEC                 validate only
//! ```
//!
//! Exit status: 0 on success, 1 when the spec has errors (all of them are printed, located),
//! 2 for usage errors.

use clap::{Parser, Subcommand};
use github_runners_codegen::{Config, Error, standalone};
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate typed async Rust clients from OpenAPI 3.0 specs.
#[derive(Parser)]
#[command(name = "github-runners-codegen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the generated client source for SPEC into FILE.
    Generate {
        /// The OpenAPI 3.0 spec (YAML or JSON).
        spec: PathBuf,
        /// The output file.
        #[arg(short, long)]
        output: PathBuf,
        /// The Rust path of the runtime module the code uses.
        #[arg(long, default_value = "crate::runtime")]
        runtime_module: String,
    },
    /// Write a complete standalone crate (Cargo.toml, src/) for SPEC into DIR.
    Crate {
        /// The OpenAPI 3.0 spec (YAML or JSON).
        spec: PathBuf,
        /// The crate's directory.
        #[arg(long)]
        out: PathBuf,
        /// The crate's package name.
        #[arg(long)]
        name: String,
        /// Depend on the runtime crate at this directory instead of the released
        /// `github-runners-runtime` of this generator's version.
        #[arg(long, value_name = "DIR")]
        runtime_path: Option<PathBuf>,
    },
    /// Validate SPEC and report every problem.
    Check {
        /// The OpenAPI 3.0 spec (YAML or JSON).
        spec: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<String, Error> {
    match command {
        Command::Generate {
            spec,
            output,
            runtime_module,
        } => {
            let bytes = read(&spec)?;
            let source = Config::new()
                .runtime_module(runtime_module)
                .generate_source(&bytes, &spec.display().to_string())?;
            std::fs::write(&output, source).map_err(|source| Error::Io {
                path: output.clone(),
                source,
            })?;
            Ok(format!("wrote {}", output.display()))
        }
        Command::Crate {
            spec,
            out,
            name,
            runtime_path,
        } => {
            let runtime = match runtime_path {
                Some(dir) => standalone::RuntimeDependency::Path(dir),
                None => standalone::RuntimeDependency::Registry,
            };
            standalone::write_crate(&spec, &out, &name, &runtime)?;
            Ok(format!("wrote crate `{name}` into {}", out.display()))
        }
        Command::Check { spec } => {
            let bytes = read(&spec)?;
            let api = github_runners_codegen::check(&bytes, &spec.display().to_string())?;
            Ok(format!(
                "{}: ok ({} operations, {} models)",
                spec.display(),
                api.operations.len(),
                api.types.len()
            ))
        }
    }
}

fn read(path: &PathBuf) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })
}
