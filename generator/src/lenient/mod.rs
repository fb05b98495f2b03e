//! Lenient mode: generate every operation that can be generated.
//!
//! A real spec often has a few places the generator cannot use (a body it does not support,
//! `schema: null`, a reference to nothing). In lenient mode each problem is traced to what
//! owns it — one operation, every operation of one path, or one shared component — and the
//! owner is removed from the document: an operation alone, or a component together with the
//! components and operations that reach it through `$ref`. The problem becomes a located
//! warning that says what was dropped, and the pipeline runs again on what is left, until it
//! passes. A problem that no operation or component owns (`info`, the file's syntax) still
//! fails the spec, and so does a spec whose every operation was dropped.
//!
//! The pruning works on the document as a JSON value, before `openapiv3` reads it, so a part
//! that does not even have the shape of OpenAPI can be dropped like any other.

mod graph;

use crate::diagnostic::{Diagnostic, Location, Report, Severity};
use graph::{Graph, remove};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The HTTP methods of a path item, the keys that hold operations.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A component, as `(kind, name)`: `("schemas", "Runner")`.
type ComponentKey = (String, String);

/// One operation of the document, as `(path, method)`.
type OperationKey = (String, String);

/// What a problem belongs to, found from its JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Owner {
    /// `#/paths/<path>/<method>/…`.
    Operation(OperationKey),
    /// `#/paths/<path>/…` outside any operation (path-level parameters): all its operations.
    PathItem(String),
    /// `#/components/<kind>/<name>/…`.
    Component(ComponentKey),
}

/// The operations and components removed so far, and the warnings that say why.
#[derive(Debug, Default)]
pub struct Dropped {
    /// One warning per problem, at its place, naming what was dropped.
    pub warnings: Report,
    /// How many operations were dropped.
    pub operations: usize,
}

/// Removes from `document` what owns each problem of `report`, and records the problems as
/// warnings in `dropped`. Returns the report unchanged when a problem has no owner that can be
/// dropped, or when nothing could be removed (the problem would come back).
pub fn prune(document: &mut Value, report: Report, dropped: &mut Dropped) -> Result<(), Report> {
    let mut owners = Vec::with_capacity(report.diagnostics.len());
    for diagnostic in &report.diagnostics {
        match owner(&diagnostic.location) {
            Some(owner) => owners.push(owner),
            None => return Err(report),
        }
    }
    let original = report.clone();
    let graph = Graph::build(document);
    let mut removed_any = false;
    for (diagnostic, owner) in report.diagnostics.into_iter().zip(owners) {
        let (components, operations) = graph.reach(&owner, document);
        let removed = remove(document, &components, &operations);
        removed_any |= removed > 0 || !components.is_empty();
        dropped.operations += removed;
        let note = describe(
            &owner,
            &components,
            &operations,
            document_ids(&graph, &operations),
        );
        dropped.warnings.push(Diagnostic {
            severity: Severity::Warning,
            note: Some(note),
            ..diagnostic
        });
    }
    if removed_any { Ok(()) } else { Err(original) }
}

/// The warnings turned back into errors, for a spec that lenient mode cannot rescue.
pub fn dropped_report(warnings: Report) -> Report {
    Report {
        diagnostics: warnings
            .diagnostics
            .into_iter()
            .map(|diagnostic| Diagnostic {
                severity: Severity::Error,
                ..diagnostic
            })
            .collect(),
    }
}

/// How many operations `document` has.
pub fn operation_count(document: &Value) -> usize {
    paths(document)
        .map(|paths| {
            paths
                .values()
                .filter_map(Value::as_object)
                .map(|item| item.keys().filter(|key| is_method(key)).count())
                .sum()
        })
        .unwrap_or(0)
}

fn paths(document: &Value) -> Option<&Map<String, Value>> {
    document.get("paths")?.as_object()
}

fn is_method(key: &str) -> bool {
    METHODS.contains(&key)
}

/// The owner of the place a diagnostic points at.
fn owner(location: &Location) -> Option<Owner> {
    let Location::Pointer { pointer, .. } = location else {
        return None;
    };
    let tokens = tokens(pointer)?;
    match tokens.as_slice() {
        [paths, path, method, ..] if paths == "paths" && is_method(method) => {
            Some(Owner::Operation((path.clone(), method.clone())))
        }
        [paths, path, ..] if paths == "paths" => Some(Owner::PathItem(path.clone())),
        [components, kind, name, ..] if components == "components" => {
            Some(Owner::Component((kind.clone(), name.clone())))
        }
        _ => None,
    }
}

/// The unescaped tokens of a `#/a/b~1c` pointer.
fn tokens(pointer: &str) -> Option<Vec<String>> {
    let rest = pointer.strip_prefix('#')?;
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let rest = rest.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// `operationId` or `GET /path` of each operation, in document order of the graph.
fn document_ids(graph: &Graph, operations: &BTreeSet<OperationKey>) -> Vec<String> {
    operations
        .iter()
        .map(|key| match graph.ids.get(key) {
            Some(id) => format!("`{id}`"),
            None => format!("`{} {}`", key.1.to_ascii_uppercase(), key.0),
        })
        .collect()
}

/// The note of a warning: what was dropped because of it.
fn describe(
    owner: &Owner,
    components: &BTreeSet<ComponentKey>,
    operations: &BTreeSet<OperationKey>,
    ids: Vec<String>,
) -> String {
    let listed = list(&ids);
    match owner {
        Owner::Operation(_) => format!("dropped operation {listed}"),
        Owner::PathItem(path) => match operations.len() {
            0 => format!("dropped path `{path}`, which has no operations left"),
            1 => format!("dropped the operation of path `{path}`: {listed}"),
            count => format!("dropped the {count} operations of path `{path}`: {listed}"),
        },
        Owner::Component(bad) => {
            let (kind, name) = bad;
            let users: Vec<String> = components
                .iter()
                .filter(|component| *component != bad)
                .map(|(kind, name)| format!("`{kind}/{name}`"))
                .collect();
            let also = match users.len() {
                0 => String::new(),
                1 => format!(" and the component that uses it, {}", list(&users)),
                _ => format!(" and the components that use it, {}", list(&users)),
            };
            match operations.len() {
                0 => format!("dropped component `{kind}/{name}`{also}; no operation uses it"),
                1 => format!(
                    "dropped component `{kind}/{name}`{also}, and the operation that uses it: {listed}"
                ),
                n => format!(
                    "dropped component `{kind}/{name}`{also}, and the {n} operations that use it: {listed}"
                ),
            }
        }
    }
}

/// At most five names, then how many more.
fn list(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problem_at(pointer: &str) -> Report {
        Report::single(Diagnostic::at_pointer(pointer, "bad").help("fix it"))
    }

    /// The test spec after dropping what a problem at `pointer` belongs to.
    fn dropped_by(pointer: &str) -> (Value, Dropped) {
        let mut document = spec();
        let mut dropped = Dropped::default();
        let result = prune(&mut document, problem_at(pointer), &mut dropped);
        assert!(result.is_ok(), "{result:?}");
        (document, dropped)
    }

    fn spec() -> Value {
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "v"},
            "paths": {
                "/a": {
                    "get": {"operationId": "get-a", "responses": {"200": {"$ref": "#/components/responses/A"}}},
                    "post": {"operationId": "post-a", "responses": {"204": {"description": "done"}}}
                },
                "/b/{id}": {
                    "parameters": [{"$ref": "#/components/parameters/Id"}],
                    "get": {"responses": {"204": {"description": "done"}}}
                }
            },
            "components": {
                "schemas": {
                    "Leaf": {"type": "string"},
                    "Node": {"type": "object", "properties": {"leaf": {"$ref": "#/components/schemas/Leaf/properties/x"}}},
                    "Unused": {"type": "integer"}
                },
                "responses": {
                    "A": {"description": "a", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}
                },
                "parameters": {
                    "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}
                }
            }
        })
    }

    #[test]
    fn an_operation_problem_drops_that_operation_only() {
        let (document, dropped) = dropped_by("#/paths/~1a/post/requestBody");
        assert_eq!(dropped.operations, 1);
        assert_eq!(operation_count(&document), 2);
        let warning = &dropped.warnings.diagnostics[0];
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(warning.note.as_deref(), Some("dropped operation `post-a`"));
    }

    #[test]
    fn a_component_problem_drops_its_users_through_other_components() {
        let (document, dropped) = dropped_by("#/components/schemas/Leaf/type");
        assert_eq!(
            dropped.operations, 1,
            "get-a reaches Leaf through A and Node"
        );
        assert_eq!(
            dropped.warnings.diagnostics[0].note.as_deref(),
            Some(
                "dropped component `schemas/Leaf` and the components that use it, `responses/A`, `schemas/Node`, and the operation that uses it: `get-a`"
            )
        );
        let schemas = &document["components"]["schemas"];
        assert!(schemas.get("Leaf").is_none() && schemas.get("Node").is_none());
        assert!(schemas.get("Unused").is_some());
        assert!(document["components"]["responses"].get("A").is_none());
    }

    #[test]
    fn a_path_level_problem_drops_the_operations_of_the_path() {
        let (document, dropped) = dropped_by("#/paths/~1b~1{id}/parameters/0");
        assert!(
            document["paths"].get("/b/{id}").is_none(),
            "an empty path item goes too"
        );
        assert_eq!(
            dropped.warnings.diagnostics[0].note.as_deref(),
            Some("dropped the operation of path `/b/{id}`: `GET /b/{id}`")
        );
    }

    #[test]
    fn a_problem_outside_operations_and_components_is_not_dropped() {
        let mut document = spec();
        let mut dropped = Dropped::default();
        let report = problem_at("#/info");
        assert_eq!(
            prune(&mut document, report.clone(), &mut dropped),
            Err(report)
        );
        assert_eq!(operation_count(&document), 3);
    }
}
