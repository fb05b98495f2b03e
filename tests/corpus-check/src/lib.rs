//! Compiles the code generated from every good corpus spec in `tests/corpus/good/`.
//!
//! `build.rs` runs the generator on each spec; this crate includes each output in a module of
//! its own, next to a copy of the hand-written runtime. Building the workspace therefore proves
//! that every good case generates code that compiles, and `deny(warnings)` that it compiles
//! cleanly (rustc's warnings: clippy's style lints on generated code are
//! not checked here). Test builds (`--all-targets`) leave it empty: the runtime copies carry the
//! runtime's own tests, which belong to the `generated` crate.

#![cfg(not(test))]
#![deny(warnings)]
// Every case has its own copy of the runtime (its types must be the ones its code uses).
#![allow(clippy::duplicate_mod)]

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
