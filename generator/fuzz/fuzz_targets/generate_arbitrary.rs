//! Arbitrary bytes → load → validate → lower → emit → format: must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = github_runners_codegen::generate(data, "fuzz.yaml");
});
