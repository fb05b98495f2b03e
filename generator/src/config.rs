//! The build-script front end: a builder of options and one call that does the IO.

use crate::format;
use crate::text_cache::TextCache;
use crate::{Error, MethodLayout, Report, emit, write};
use std::path::{Path, PathBuf};

/// Options for generating a client, in the style of `prost_build::Config`.
#[derive(Debug, Clone)]
pub struct Config {
    runtime_module: String,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    rerun_if_changed: bool,
    method_layout: MethodLayout,
    lenient: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            runtime_module: "crate::runtime".to_owned(),
            out_dir: None,
            file_name: None,
            rerun_if_changed: true,
            method_layout: MethodLayout::Auto,
            lenient: false,
        }
    }
}

/// Generated source, with what lenient mode dropped to get there and the notes the generator
/// has for its user.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The formatted source text.
    pub source: String,
    /// One located warning per problem that lenient mode worked around (empty when strict).
    pub warnings: Report,
    /// How many operations were generated.
    pub operations: usize,
    /// How many operations lenient mode dropped.
    pub dropped: usize,
    /// What the user should know about the choices made (which method layout the default
    /// chose, and why).
    pub notes: Vec<String>,
}

impl Generated {
    /// The warnings and the summary as the `cargo:warning=` lines of a build script, one per
    /// line of text (cargo shows each as a warning of the build); none when nothing dropped.
    pub fn cargo_warnings(&self) -> Vec<String> {
        if self.warnings.is_empty() {
            return Vec::new();
        }
        let mut lines: Vec<String> = self
            .warnings
            .diagnostics
            .iter()
            .flat_map(|diagnostic| {
                let text = diagnostic.to_string();
                text.lines()
                    .map(|line| format!("cargo:warning={line}"))
                    .collect::<Vec<_>>()
            })
            .collect();
        lines.push(format!("cargo:warning={}", self.summary()));
        lines
    }

    /// One line for the end of a run: `generated 120 operations, dropped 3`.
    pub fn summary(&self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        format!(
            "generated {} operation{}, dropped {}",
            self.operations,
            plural(self.operations),
            self.dropped
        )
    }
}

impl Config {
    /// The default options: runtime at `crate::runtime`, output in `$OUT_DIR`, named after
    /// the spec, with `cargo:rerun-if-changed` printed for the spec.
    pub fn new() -> Config {
        Config::default()
    }

    /// The Rust path at which the generated code finds the runtime crate
    /// (`github-runners-runtime`; default `crate::runtime`, e.g. after
    /// `pub use github_runners_runtime as runtime;`).
    pub fn runtime_module(&mut self, path: impl Into<String>) -> &mut Config {
        self.runtime_module = path.into();
        self
    }

    /// Where [`Config::generate`] writes (default: the `OUT_DIR` environment variable).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Config {
        self.out_dir = Some(dir.into());
        self
    }

    /// The output file name (default: the spec's file stem in snake_case, plus `.rs`).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Config {
        self.file_name = Some(name.into());
        self
    }

    /// Whether [`Config::generate`] prints `cargo:rerun-if-changed=<spec>` (default true).
    pub fn rerun_if_changed(&mut self, enabled: bool) -> &mut Config {
        self.rerun_if_changed = enabled;
        self
    }

    /// Lenient mode (default off): an operation the generator cannot use is dropped with a
    /// located warning instead of failing the spec, and a problem in a shared component drops
    /// the operations that use it. A spec whose every operation drops is still an error.
    pub fn lenient(&mut self, enabled: bool) -> &mut Config {
        self.lenient = enabled;
        self
    }

    /// Where methods go (see [`crate::layout`]): [`MethodLayout::Auto`] (the default) is flat
    /// unless two flat method names collide, then grouped by operationId category
    /// (`client.actions().get_repo_secret(…)`), with a note.
    pub fn method_layout(&mut self, layout: MethodLayout) -> &mut Config {
        self.method_layout = layout;
        self
    }

    /// Generates source text from spec bytes: pure, no IO. `spec_name` names the spec in
    /// diagnostics and in the header.
    pub fn generate_source(&self, spec: &[u8], spec_name: &str) -> Result<String, Error> {
        self.generate_with_warnings(spec, spec_name)
            .map(|generated| generated.source)
    }

    /// Generates source text from spec bytes, with lenient mode's warnings and counts and the
    /// notes for the user (the command line prints them): pure, no IO.
    pub fn generate_with_warnings(&self, spec: &[u8], spec_name: &str) -> Result<Generated, Error> {
        self.generate_cached(spec, spec_name, &mut TextCache::new(), false)
    }

    /// [`Config::generate_source`], taking the text of unchanged chunks from `cache`, and
    /// with `kept` (a cache kept between runs), the JSON of unchanged sections of the spec.
    fn generate_cached(
        &self,
        spec: &[u8],
        spec_name: &str,
        cache: &mut TextCache,
        kept: bool,
    ) -> Result<Generated, Error> {
        let runtime: syn::Path = syn::parse_str(&self.runtime_module).map_err(|_| {
            Error::Config(format!(
                "`{}` is not a Rust path (try `crate::runtime`)",
                self.runtime_module
            ))
        })?;
        let sections = kept.then_some(&mut *cache);
        let checked =
            crate::pipeline::check_cached(spec, self.lenient, self.method_layout, sections)
                .map_err(|report| Error::Spec(crate::locate(report, spec, spec_name)))?;
        let api = checked.api;
        let emitter = emit::Emitter::new(&api, &runtime).map_err(Error::Internal)?;
        let source =
            format::format(&emitter, spec_name, &api.title, cache).map_err(Error::Internal)?;
        Ok(Generated {
            source,
            warnings: crate::locate(checked.warnings, spec, spec_name),
            operations: api.operations.len(),
            dropped: checked.dropped,
            notes: api.layout_note.into_iter().collect(),
        })
    }

    /// Reads the spec at `spec`, generates, and writes the output file into the output
    /// directory unless it already holds the same bytes. Prints `cargo:rerun-if-changed` for
    /// the spec only, lenient mode's warnings and summary as `cargo:warning=` lines, and each
    /// note as a `cargo:warning`. Keeps the formatted text of every chunk and the JSON of
    /// every section of a YAML spec beside the output (`<name>.cache`), so that a rerun after
    /// an edit parses and formats only what changed. Returns the path of the output file.
    pub fn generate(&self, spec: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let spec = spec.as_ref();
        if self.rerun_if_changed {
            println!("cargo:rerun-if-changed={}", spec.display());
        }
        let bytes = std::fs::read(spec).map_err(|source| Error::Io {
            path: spec.to_path_buf(),
            source,
        })?;
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => build_script_out_dir(std::env::var_os("OUT_DIR"))?,
        };
        let file_name = match &self.file_name {
            Some(name) => name.clone(),
            None => default_file_name(spec),
        };
        let path = out_dir.join(file_name);
        // The text of each chunk and section from the last run, so that an edit parses and
        // reformats what it changed.
        let cache_path = path.with_extension("cache");
        let stamp = TextCache::stamp();
        let mut cache = std::fs::read(&cache_path)
            .map(|bytes| TextCache::from_bytes(&bytes, &stamp))
            .unwrap_or_default();
        // A spec is read section by section (and its sections kept) only from the second run
        // on: most build scripts run once (a dependency's spec never changes), and keeping the
        // sections costs a first run about a sixth more.
        let kept = !cache.is_empty();
        let output = self.generate_cached(&bytes, &spec.display().to_string(), &mut cache, kept)?;
        for line in output.cargo_warnings() {
            println!("{line}");
        }
        for note in &output.notes {
            println!("cargo:warning=note: {note}");
        }
        write::write_if_changed(&path, output.source.as_bytes())?;
        write::write_if_changed(&cache_path, &cache.to_bytes(&stamp))?;
        Ok(path)
    }
}

/// `specs/github-runners.yaml` → `github_runners.rs`.
pub fn default_file_name(spec: &Path) -> String {
    let stem = spec
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = crate::naming::value_name(&stem);
    format!("{}.rs", crate::naming::bare(&name))
}

/// The output directory cargo gives a build script, from the value of `OUT_DIR`. An empty
/// value would write into the working directory: refused like a missing one.
fn build_script_out_dir(value: Option<std::ffi::OsString>) -> Result<PathBuf, Error> {
    value
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::Config(
                "OUT_DIR is not set (or empty): call this from a build script, or set `out_dir`"
                    .into(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &[u8] = b"openapi: 3.0.3\ninfo: {title: t, version: v}\npaths: {}\n";

    #[test]
    fn a_missing_or_empty_out_dir_is_a_config_error() {
        for value in [None, Some("".into())] {
            let error = build_script_out_dir(value)
                .err()
                .map(|error| error.to_string());
            assert!(
                error
                    .as_deref()
                    .is_some_and(|e| e.contains("OUT_DIR is not set")),
                "{error:?}"
            );
        }
        let dir = build_script_out_dir(Some("target/out".into())).ok();
        assert_eq!(dir, Some(PathBuf::from("target/out")));
    }

    #[test]
    fn a_runtime_module_that_is_not_a_path_is_a_config_error() {
        let error = Config::new()
            .runtime_module("not a path!")
            .generate_source(SPEC, "spec.yaml")
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("`not a path!` is not a Rust path"),
            "{error}"
        );
    }

    #[test]
    fn the_runtime_module_is_used_by_the_generated_code() {
        let spec = b"openapi: 3.0.3\ninfo: {title: t, version: v}\npaths:\n  /a:\n    get:\n      operationId: get-a\n      responses: {'204': {description: done}}\n";
        let source = Config::new()
            .runtime_module("my::rt")
            .generate_source(spec, "spec.yaml")
            .unwrap_or_default();
        assert!(
            source.contains(
                "use my::rt::{ApiClient, ClientBuilder, ClientCore, Error, Request, ResponseFuture};"
            ),
            "{source}"
        );
        assert!(source.contains("my::rt::send(&self.client"), "{source}");
    }

    #[test]
    fn lenient_warnings_become_cargo_warning_lines_and_strict_mode_rejects_the_spec() {
        let spec = b"openapi: 3.0.3\ninfo: {title: t, version: v}\npaths:\n  /a:\n    get:\n      operationId: get-a\n      responses: {'204': {description: done}}\n  /b:\n    get:\n      operationId: get-b\n      parameters: [{name: s, in: cookie, schema: {type: string}}]\n      responses: {'204': {description: done}}\n";
        assert!(Config::new().generate_source(spec, "spec.yaml").is_err());
        let generated = Config::new()
            .lenient(true)
            .generate_with_warnings(spec, "spec.yaml")
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!((generated.operations, generated.dropped), (1, 1));
        assert_eq!(
            generated.cargo_warnings(),
            [
                "cargo:warning=warning: parameter `s` is a cookie parameter, which is not supported",
                "cargo:warning=  --> spec.yaml:11 at #/paths/~1b/get/parameters/0/in",
                "cargo:warning=  = help: send it as a header parameter, or remove it",
                "cargo:warning=  = note: dropped operation `get-b`",
                "cargo:warning=generated 1 operation, dropped 1",
            ]
        );
        let clean = Config::new()
            .lenient(true)
            .generate_with_warnings(SPEC, "spec.yaml")
            .unwrap_or_else(|error| panic!("{error}"));
        assert!(clean.cargo_warnings().is_empty());
    }

    #[test]
    fn output_file_is_named_after_the_spec_and_holds_the_generated_source() {
        assert_eq!(
            default_file_name(Path::new("specs/github-runners.yaml")),
            "github_runners.rs"
        );
        let dir = std::env::temp_dir().join(format!("codegen-config-{}", std::process::id()));
        let spec = dir.join("api.yaml");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(&spec, SPEC);
        let mut config = Config::new();
        config.out_dir(&dir).rerun_if_changed(false);
        let first = config.generate(&spec).ok();
        assert_eq!(first, Some(dir.join("api.rs")));
        let bytes = std::fs::read(dir.join("api.rs")).unwrap_or_default();
        assert!(bytes.starts_with(b"// @generated"));
        assert_eq!(
            write::write_if_changed(&dir.join("api.rs"), &bytes).ok(),
            Some(write::Written::Unchanged),
            "the same bytes are not written again"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_rerun_after_each_edit_writes_what_a_clean_run_writes() {
        let curated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/github-runners.yaml");
        let text = std::fs::read_to_string(curated).unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("codegen-rerun-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        let spec = dir.join("api.yaml");
        let mut config = Config::new();
        config.out_dir(&dir).rerun_if_changed(false);
        let summary = "summary: List self-hosted runners for an organization";
        let edits = [
            text.clone(),
            text.replacen(summary, &format!("{summary} (first edit)"), 1),
            text.replacen(summary, &format!("{summary} (second edit)"), 1),
            // A model's description, and an operation removed.
            text.replacen("A self-hosted runner", "One self-hosted runner", 1)
                .replacen("  /rate_limit:", "  /rate_limit_gone:", 1),
            text.clone(),
        ];
        assert!(edits.windows(2).all(|pair| pair[0] != pair[1]));
        for (run, edited) in edits.iter().enumerate() {
            let _ = std::fs::write(&spec, edited);
            assert!(config.generate(&spec).is_ok(), "run {run}");
            let written = std::fs::read_to_string(dir.join("api.rs")).unwrap_or_default();
            let clean = Config::new()
                .generate_source(edited.as_bytes(), &spec.display().to_string())
                .unwrap_or_default();
            assert!(written == clean, "run {run} differs from a clean run");
        }
        let cache = std::fs::read(dir.join("api.cache")).unwrap_or_default();
        assert!(
            String::from_utf8_lossy(&cache).contains("yaml section\n"),
            "reruns keep the spec's sections"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
