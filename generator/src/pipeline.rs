//! Load → validate → lower, strict or lenient, and what came of it.
//!
//! Strict mode stops at the first phase that finds problems and reports all of them. Lenient
//! mode ([`crate::lenient`]) drops what each problem belongs to and runs the phases again on
//! what is left, until they pass; the problems become warnings.

use crate::diagnostic::{Diagnostic, Report};
use crate::layout::{self, MethodLayout};
use crate::text_cache::TextCache;
use crate::{lenient, load, lower, model, validate};

/// The model of a spec, with the warnings of lenient mode.
#[derive(Debug)]
pub struct Checked {
    /// The model the emitters use.
    pub api: model::Api,
    /// One warning per problem lenient mode worked around (empty in strict mode).
    pub warnings: Report,
    /// How many operations lenient mode dropped.
    pub dropped: usize,
}

/// Runs the phases up to the model; the report is not located yet.
pub fn check(spec: &[u8], lenient: bool, layout: MethodLayout) -> Result<Checked, Report> {
    check_cached(spec, lenient, layout, None)
}

/// [`check`], loading a YAML spec section by section through `sections` when given (a build
/// script's cache, see `load/sections.rs`).
pub fn check_cached(
    spec: &[u8],
    lenient: bool,
    layout: MethodLayout,
    mut sections: Option<&mut TextCache>,
) -> Result<Checked, Report> {
    if !lenient {
        let document = match sections.as_deref_mut() {
            Some(cache) => load::load_cached(spec, cache)?,
            None => load::load(spec)?,
        };
        let decision = layout::decide(layout, &document);
        validate::validate(&document, &decision)?;
        return Ok(Checked {
            api: lower::lower(&document, &decision)?,
            warnings: Report::default(),
            dropped: 0,
        });
    }
    let mut document = load::load_value_bytes(spec, sections)?;
    let operations = lenient::operation_count(&document);
    let mut dropped = lenient::Dropped::default();
    loop {
        let report = match phases(&document, layout) {
            Ok(api) => {
                return Ok(Checked {
                    api,
                    warnings: dropped.warnings,
                    dropped: dropped.operations,
                });
            }
            Err(report) => report,
        };
        lenient::prune(&mut document, report, &mut dropped)?;
        if operations > 0 && lenient::operation_count(&document) == 0 {
            let mut report = lenient::dropped_report(dropped.warnings);
            report.push(
                Diagnostic::whole_file(format!(
                    "every operation of the spec was dropped ({operations} in all), so there is nothing to generate"
                ))
                .help("fix the problems above; lenient mode only drops the operations it cannot generate"),
            );
            return Err(report);
        }
    }
}

/// The phases after loading, on a (possibly pruned) document.
///
/// The method layout is decided on each pass: dropping operations can end a collision.
fn phases(document: &serde_json::Value, layout: MethodLayout) -> Result<model::Api, Report> {
    let spec = load::from_value(document)?;
    let decision = layout::decide(layout, &spec);
    validate::validate(&spec, &decision)?;
    lower::lower(&spec, &decision)
}
