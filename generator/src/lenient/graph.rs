//! The `$ref` graph of a document as a JSON value, and removing what lenient mode drops.

use super::{ComponentKey, OperationKey, Owner, is_method, paths, tokens};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The component a local `$ref` names: `#/components/schemas/A/properties/b` → `(schemas, A)`.
fn referenced_component(reference: &str) -> Option<ComponentKey> {
    match tokens(reference)?.as_slice() {
        [components, kind, name, ..] if components == "components" => {
            Some((kind.clone(), name.clone()))
        }
        _ => None,
    }
}

/// Every component referenced anywhere inside `value`.
fn references(value: &Value, out: &mut BTreeSet<ComponentKey>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(reference)) => {
                        out.extend(referenced_component(reference));
                    }
                    _ => references(child, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| references(item, out)),
        _ => {}
    }
}

/// Who references whom: operations → components, components → components.
pub struct Graph {
    /// The components each operation references directly (path-level parameters included).
    pub operations: BTreeMap<OperationKey, BTreeSet<ComponentKey>>,
    /// The operationId of each operation that has one.
    pub ids: BTreeMap<OperationKey, String>,
    /// The components each component references directly.
    pub components: BTreeMap<ComponentKey, BTreeSet<ComponentKey>>,
}

impl Graph {
    pub fn build(document: &Value) -> Graph {
        let mut graph = Graph {
            operations: BTreeMap::new(),
            ids: BTreeMap::new(),
            components: BTreeMap::new(),
        };
        for (path, item) in paths(document).into_iter().flatten() {
            let Some(item) = item.as_object() else {
                continue;
            };
            let mut shared = BTreeSet::new();
            for (_, value) in item.iter().filter(|(key, _)| !is_method(key)) {
                references(value, &mut shared);
            }
            for (method, operation) in item.iter().filter(|(key, _)| is_method(key)) {
                let key = (path.clone(), method.clone());
                let mut used = shared.clone();
                references(operation, &mut used);
                graph.operations.insert(key.clone(), used);
                if let Some(id) = operation.get("operationId").and_then(Value::as_str) {
                    graph.ids.insert(key, id.to_owned());
                }
            }
        }
        if let Some(components) = document.get("components").and_then(Value::as_object) {
            for (kind, members) in components {
                for (name, value) in members.as_object().into_iter().flatten() {
                    let mut used = BTreeSet::new();
                    references(value, &mut used);
                    graph.components.insert((kind.clone(), name.clone()), used);
                }
            }
        }
        graph
    }

    /// What dropping `owner` removes: the components that reach a bad component (it
    /// included), and the operations that reach any of them.
    pub fn reach(
        &self,
        owner: &Owner,
        document: &Value,
    ) -> (BTreeSet<ComponentKey>, BTreeSet<OperationKey>) {
        let mut components = BTreeSet::new();
        let mut operations = BTreeSet::new();
        match owner {
            Owner::Operation(key) => {
                operations.insert(key.clone());
            }
            Owner::PathItem(path) => {
                let methods = paths(document)
                    .and_then(|paths| paths.get(path))
                    .and_then(Value::as_object);
                for method in methods.into_iter().flatten().map(|(key, _)| key) {
                    if is_method(method) {
                        operations.insert((path.clone(), method.clone()));
                    }
                }
            }
            Owner::Component(key) => {
                components.insert(key.clone());
                // Grow the set with every component that references one in it, to a fixpoint.
                loop {
                    let before = components.len();
                    for (user, used) in &self.components {
                        if !components.contains(user) && used.iter().any(|c| components.contains(c))
                        {
                            components.insert(user.clone());
                        }
                    }
                    if components.len() == before {
                        break;
                    }
                }
                for (operation, used) in &self.operations {
                    if used.iter().any(|c| components.contains(c)) {
                        operations.insert(operation.clone());
                    }
                }
            }
        }
        (components, operations)
    }
}

/// Removes the components and operations (and path items left empty); returns how many
/// operations were removed.
pub fn remove(
    document: &mut Value,
    components: &BTreeSet<ComponentKey>,
    operations: &BTreeSet<OperationKey>,
) -> usize {
    let mut removed = 0;
    if let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, method) in operations {
            if let Some(item) = paths.get_mut(path).and_then(Value::as_object_mut)
                && item.shift_remove(method).is_some()
            {
                removed += 1;
            }
        }
        paths.retain(|_, item| {
            item.as_object()
                .is_none_or(|item| item.keys().any(|key| is_method(key)))
        });
    }
    if let Some(all) = document
        .get_mut("components")
        .and_then(Value::as_object_mut)
    {
        for (kind, name) in components {
            if let Some(members) = all.get_mut(kind).and_then(Value::as_object_mut) {
                members.shift_remove(name);
            }
        }
    }
    removed
}
