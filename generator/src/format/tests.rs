//! The preformatted pieces print byte for byte what prettyplease prints for their tokens: every
//! spec of the corpus, the curated spec, and names of every length around the margin.

use super::*;
use crate::layout::MethodLayout;
use std::path::Path;

/// The generated text of `spec`, with pieces written as text and not; the reason when the
/// spec does not generate.
fn both_ways(spec: &[u8]) -> Result<(String, String), String> {
    let checked = crate::pipeline::check(spec, true, MethodLayout::Auto)
        .map_err(|report| report.to_string())?;
    let runtime: syn::Path = syn::parse_quote!(crate::runtime);
    let emitter = Emitter::new(&checked.api, &runtime)?;
    let format =
        |preformat| format_with(&emitter, "spec", "title", &mut TextCache::new(), preformat);
    Ok((format(true)?, format(false)?))
}

/// Both ways give the same text (and every spec compared generates).
fn assert_same(name: &str, spec: &[u8]) {
    let (pieces, tokens) = both_ways(spec).unwrap_or_else(|reason| panic!("{name}: {reason}"));
    if pieces != tokens {
        let line = pieces
            .lines()
            .zip(tokens.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let context = |text: &str| {
            text.lines()
                .skip(line.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{name}: pieces and tokens differ at line {}\n--- pieces\n{}\n--- tokens\n{}",
            line + 1,
            context(&pieces),
            context(&tokens)
        );
    }
}

#[test]
fn pieces_print_as_prettyplease_prints_tokens_for_every_spec_of_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut specs = vec![root.join("spec/github-runners.yaml")];
    for dir in ["tests/corpus/good", "tests/corpus/lenient"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "json")
            })
            .collect();
        files.sort();
        specs.extend(files);
    }
    assert!(specs.len() > 40, "{specs:?}");
    for path in specs {
        let spec = std::fs::read(&path).unwrap_or_default();
        assert_same(&path.display().to_string(), &spec);
    }
}

/// Operations, models, enums and parameters with names of every length from short to past
/// the margin, so that every one-line form is tried on both sides of the margin.
fn long_names_spec() -> String {
    let mut paths = String::new();
    let mut schemas = String::new();
    for n in 1..=60 {
        let word = "a".repeat(n);
        paths.push_str(&format!(
            "  /list{n}:\n    get:\n      operationId: list-{word}\n      parameters:\n\
             \x20       - {{name: per_page, in: query, schema: {{type: integer}}}}\n\
             \x20       - {{name: filter_{word}, in: query, schema: {{type: string}}}}\n\
             \x20       - {{name: count_{word}, in: query, schema: {{type: integer}}}}\n\
             \x20     responses:\n        '200':\n          description: A page.\n\
             \x20         content:\n            application/json:\n              schema:\n\
             \x20               type: object\n                properties:\n\
             \x20                 total_count: {{type: integer}}\n\
             \x20                 items_{word}: {{type: array, items: {{$ref: '#/components/schemas/m{word}'}}}}\n\
             \x20 /set{n}:\n    patch:\n      operationId: set-{word}\n      requestBody:\n\
             \x20       content:\n          application/json:\n            schema:\n\
             \x20             type: object\n              properties:\n\
             \x20               value_{word}: {{type: string}}\n\
             \x20               clear_{word}: {{type: string, nullable: true}}\n\
             \x20               kind_{word}: {{type: string, enum: [one-{word}, two]}}\n\
             \x20               one_{word}: {{$ref: '#/components/schemas/one{word}'}}\n\
             \x20               needed_{word}: {{$ref: '#/components/schemas/needed{word}'}}\n\
             \x20     responses:\n        '200':\n          description: The model.\n\
             \x20         content:\n            application/json:\n\
             \x20             schema: {{$ref: '#/components/schemas/m{word}'}}\n\
             \x20 /clear{n}:\n    patch:\n      operationId: clear-{word}\n      requestBody:\n\
             \x20       content:\n          application/json:\n            schema:\n\
             \x20             type: object\n              properties:\n\
             \x20               c_{word}: {{type: string, nullable: true}}\n\
             \x20     responses:\n        '204': {{description: Cleared.}}\n\
             \x20 /put{n}/{{owner_{word}}}:\n    put:\n      operationId: put-{word}\n\
             \x20     parameters:\n\
             \x20       - {{name: owner_{word}, in: path, required: true, schema: {{type: string}}}}\n\
             \x20       - {{name: note, in: query, schema: {{type: string}}}}\n\
             \x20     requestBody:\n        required: {required}\n        content:\n\
             \x20         application/json:\n\
             \x20           schema: {{type: array, items: {{$ref: '#/components/schemas/m{word}'}}}}\n\
             \x20     responses:\n        '204': {{description: Stored.}}\n",
            required = n % 2 == 0,
        ));
        schemas.push_str(&format!(
            "    m{word}:\n      type: object\n      required: [id_{word}]\n      properties:\n\
             \x20       id_{word}: {{type: integer}}\n\
             \x20       maybe_{word}: {{type: array, items: {{type: string}}}}\n\
             \x20       nullable_{word}: {{type: string, nullable: true}}\n\
             \x20       state_{word}: {{type: string, enum: [on, 'off-{word}']}}\n\
             \x20       Wire-{word}: {{type: boolean}}\n\
             \x20   one{word}:\n      type: object\n      properties:\n\
             \x20       o_{word}: {{type: string}}\n\
             \x20   needed{word}:\n      type: object\n      required: [r_{word}, '@r_{word}']\n\
             \x20     properties:\n        r_{word}: {{type: string}}\n\
             \x20       '@r_{word}': {{type: string}}\n"
        ));
    }
    format!(
        "openapi: 3.0.3\ninfo: {{title: Long names, version: '1'}}\npaths:\n{paths}\
         components:\n  schemas:\n{schemas}"
    )
}

#[test]
fn pieces_print_as_prettyplease_prints_tokens_for_names_of_every_length() {
    let spec = long_names_spec();
    assert_same("long names", spec.as_bytes());
}
