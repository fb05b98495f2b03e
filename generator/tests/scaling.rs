//! Generation stays linear in the number of operations (issue 12): the work for a synthetic
//! spec of 4,500 operations is at most 1.3 × ten times the work for 450.
//!
//! Work is counted, not timed: the bytes allocated by one `generate` call, counted by this test
//! binary's global allocator. A quadratic step that allocates (a list rebuilt per operation, a
//! name set copied per claim, a file re-emitted per item) shows here as a hundredfold growth
//! instead of a tenfold one; one that only compares (a linear search per name) does not, and is
//! left to the bench: the time per operation is measured by the
//! scaling bench (`cargo bench -p github-runners-codegen --bench generate`).

#![allow(clippy::panic)]

use cap::Cap;
use std::alloc::System;

// Counts every byte this test binary allocates (`cap`'s `stats` feature), with no limit.
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

/// A spec of `n` operations on `n / 2` paths (a GET with a path parameter and a POST with an
/// inline JSON body), sharing one component schema, as in a large real spec.
fn synthetic_spec(n: usize) -> String {
    let mut spec = String::from("openapi: 3.0.3\ninfo: {title: Scaling, version: '1'}\npaths:\n");
    for i in 0..n / 2 {
        spec.push_str(&format!(
            "  /things{i}/{{id}}:\n    parameters:\n      - {{name: id, in: path, required: true, schema: {{type: integer}}}}\n    get:\n      operationId: things/get-thing-{i}\n      summary: Get thing {i}\n      responses:\n        '200':\n          description: The thing.\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Thing'}}\n    post:\n      operationId: things/update-thing-{i}\n      summary: Update thing {i}\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [name]\n              properties:\n                name: {{type: string, description: The new name.}}\n                size: {{type: integer}}\n      responses:\n        '204': {{description: Updated.}}\n"
        ));
    }
    spec.push_str("components:\n  schemas:\n    Thing:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: integer, format: int64}\n        name: {type: string}\n        tags: {type: array, items: {type: string}}\n");
    spec
}

/// Bytes allocated while generating the spec of `n` operations.
fn work(n: usize) -> usize {
    let spec = synthetic_spec(n);
    let before = ALLOCATOR.total_allocated();
    let source = github_runners_codegen::generate(spec.as_bytes(), "synthetic.yaml");
    let allocated = ALLOCATOR.total_allocated() - before;
    let source = source.unwrap_or_else(|error| panic!("the synthetic spec generates: {error}"));
    assert_eq!(source.matches("pub fn get_thing_").count(), n / 2);
    allocated
}

#[test]
fn generating_4500_operations_is_linear() {
    let small = work(450);
    let large = work(4_500);
    let ratio = large as f64 / small as f64;
    // Ten times the operations: ten times the work, with 30 % slack for what is shared.
    assert!(
        ratio <= 13.0,
        "4,500 operations allocate {ratio:.1}× the bytes of 450 (at most 13×)"
    );
    // The count sees the generator's work at all.
    assert!(ratio >= 7.0, "{ratio:.1}× the bytes for 10× the operations");
}
