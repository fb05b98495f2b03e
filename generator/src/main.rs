//! Command line front end of the generator.
//!
//! ```text
//! github-runners-codegen generate SPEC -o FILE.rs [--methods auto|flat|grouped]
//!                                                   write the generated source
//! github-runners-codegen crate SPEC --out DIR --name NAME [--runtime-path DIR] [--methods …]
//!                                                   write a standalone crate
//! github-runners-codegen check SPEC                 validate only
//! ```
//!
//! With `--lenient`, each command drops the operations it cannot generate instead of failing,
//! prints a located warning for each problem and ends with `generated N operations, dropped M`.
//!
//! Exit status: 0 on success, 1 when the spec has errors (all of them are printed, located),
//! 2 for usage errors.

use clap::{Parser, Subcommand};
use github_runners_codegen::{Config, Error, MethodLayout, Report, standalone};
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
        /// Drop the operations that cannot be generated, with a warning each.
        #[arg(long)]
        lenient: bool,
        /// Where methods go: auto (flat unless names collide), flat, or grouped by the
        /// operationId's category (`client.actions().get_repo_secret(…)`).
        #[arg(long, value_name = "LAYOUT", default_value = "auto")]
        methods: MethodLayout,
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
        /// Drop the operations that cannot be generated, with a warning each.
        #[arg(long)]
        lenient: bool,
        /// Where methods go: auto (flat unless names collide), flat, or grouped by the
        /// operationId's category (`client.actions().get_repo_secret(…)`).
        #[arg(long, value_name = "LAYOUT", default_value = "auto")]
        methods: MethodLayout,
    },
    /// Validate SPEC and report every problem.
    Check {
        /// The OpenAPI 3.0 spec (YAML or JSON).
        spec: PathBuf,
        /// Drop the operations that cannot be generated, with a warning each.
        #[arg(long)]
        lenient: bool,
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
            lenient,
            methods,
        } => {
            let bytes = read(&spec)?;
            let generated = Config::new()
                .runtime_module(runtime_module)
                .lenient(lenient)
                .method_layout(methods)
                .generate_with_warnings(&bytes, &spec.display().to_string())?;
            std::fs::write(&output, &generated.source).map_err(|source| Error::Io {
                path: output.clone(),
                source,
            })?;
            Ok(outcome(
                &generated.notes,
                &generated.warnings,
                &generated.summary(),
                format!("wrote {}", output.display()),
            ))
        }
        Command::Crate {
            spec,
            out,
            name,
            runtime_path,
            lenient,
            methods,
        } => {
            let runtime = match runtime_path {
                Some(dir) => standalone::RuntimeDependency::Path(dir),
                None => standalone::RuntimeDependency::Registry,
            };
            let written = standalone::write_crate(
                Config::new().lenient(lenient).method_layout(methods),
                &spec,
                &out,
                &name,
                &runtime,
            )?;
            Ok(outcome(
                &written.notes,
                &written.warnings,
                &written.summary,
                format!("wrote crate `{name}` into {}", out.display()),
            ))
        }
        Command::Check { spec, lenient } => {
            let bytes = read(&spec)?;
            let generated = Config::new()
                .lenient(lenient)
                .generate_with_warnings(&bytes, &spec.display().to_string())?;
            Ok(outcome(
                &generated.notes,
                &generated.warnings,
                &generated.summary(),
                format!("{}: ok", spec.display()),
            ))
        }
    }
}

/// What a successful run prints: the generator's notes (`note: …`, one a line), lenient
/// mode's warnings, then what was done, then the summary (always the last line).
fn outcome(notes: &[String], warnings: &Report, summary: &str, done: String) -> String {
    let mut text = String::new();
    for note in notes {
        text.push_str(&format!("note: {note}\n"));
    }
    for diagnostic in &warnings.diagnostics {
        text.push_str(&format!("{diagnostic}\n\n"));
    }
    format!("{text}{done}\n{summary}")
}

fn read(path: &PathBuf) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })
}
