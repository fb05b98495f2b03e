//! Boxes the fields through which a struct contains itself.
//!
//! A field of a named type that can reach back to the struct it is in, without passing through
//! a `Vec` or a map (which are already on the heap), would make the struct infinitely large.
//! Those fields, and only those, become `Box<…>`.

use crate::model::{TypeDef, TypeRef};
use std::collections::{HashMap, HashSet};

/// Boxes every field that closes a cycle of inline containment.
pub fn box_cycles(types: &mut [TypeDef]) {
    let edges = containment_edges(types);
    for def in types.iter_mut() {
        match def {
            TypeDef::Struct(def) => {
                let from = def.name.clone();
                for field in &mut def.fields {
                    if let Some(target) = inline_target(&field.ty)
                        && reaches(&edges, target, &from)
                    {
                        field.ty = TypeRef::Boxed(Box::new(field.ty.clone()));
                    }
                }
            }
            TypeDef::Union(def) => {
                let from = def.name.clone();
                for (_, ty) in &mut def.variants {
                    if let Some(target) = inline_target(ty)
                        && reaches(&edges, target, &from)
                    {
                        *ty = TypeRef::Boxed(Box::new(ty.clone()));
                    }
                }
            }
            TypeDef::Enum(_) | TypeDef::Alias(_) => {}
        }
    }
}

/// The named type stored inline (not behind a `Vec`, map or box) by a field of this type.
fn inline_target(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        _ => None,
    }
}

fn containment_edges(types: &[TypeDef]) -> HashMap<String, Vec<String>> {
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    for def in types {
        let targets: Vec<String> = match def {
            TypeDef::Struct(def) => def
                .fields
                .iter()
                .filter_map(|field| inline_target(&field.ty).map(str::to_owned))
                .collect(),
            TypeDef::Union(def) => def
                .variants
                .iter()
                .filter_map(|(_, ty)| inline_target(ty).map(str::to_owned))
                .collect(),
            TypeDef::Enum(_) => Vec::new(),
            // A field of the alias's type holds the target inline.
            TypeDef::Alias(def) => vec![def.target.clone()],
        };
        edges.insert(def.name().to_owned(), targets);
    }
    edges
}

/// Whether `goal` is reachable from `start` along containment edges.
fn reaches(edges: &HashMap<String, Vec<String>>, start: &str, goal: &str) -> bool {
    let mut seen = HashSet::new();
    let mut stack = vec![start];
    while let Some(current) = stack.pop() {
        if current == goal {
            return true;
        }
        if !seen.insert(current) {
            continue;
        }
        if let Some(next) = edges.get(current) {
            stack.extend(next.iter().map(String::as_str));
        }
    }
    false
}
