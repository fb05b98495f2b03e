//! Compiles the code generated from every good corpus spec in `tests/corpus/good/`, and from
//! every lenient one in `tests/corpus/lenient/` (in lenient mode).
//!
//! `build.rs` runs the generator on each spec; this crate includes each output in a module of
//! its own, which sees the runtime crate as its `runtime`. Building the workspace therefore
//! proves that every good case generates code that compiles, and `deny(warnings)` that it
//! compiles cleanly (rustc's warnings: clippy's style lints on generated code are not checked
//! here).

#![deny(warnings)]

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
