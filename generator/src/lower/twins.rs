//! Component models that are the same as another one, but for their name and their own
//! description, become aliases of it (`pub type NullableSimpleUser = SimpleUser;`).
//!
//! GitHub's descriptions are full of such twins: OpenAPI 3.0 cannot mark a `$ref` nullable, so
//! `nullable-simple-user` repeats `simple-user` with `nullable: true` (and
//! `nullable-minimal-repository` repeats all 88 properties of `minimal-repository`). The
//! nullability is the referencing field's business (an `Option`), so one struct serves both.
//! Emitting each twin as a struct of its own would double its serde code, the largest part of
//! compiling the client.
//!
//! Two models are twins when everything but their name and docs is equal (field names, wire
//! names, field docs, types, presence, deprecation), comparing the models they refer to by
//! what they are aliases of; that is repeated until nothing new is found, so twins that refer
//! to twins are found too. Of a set of twins, the first in document order that is not
//! `nullable: true` itself is kept (the first one if all are), and the ones that are
//! `nullable: true` become aliases of it. Models of the same shape that are not nullable copies
//! (a `label` and a `tag` that both hold a `name`) stay types of their own: an alias would make
//! them one type, which a user implementing a trait for each would notice.

use crate::model::{AliasDef, Docs, TypeDef, TypeRef};
use std::collections::{HashMap, HashSet};

/// Turns the twins among the `components` (Rust names) into aliases, in place (the order of
/// `types` is kept), and makes every field refer to the kept models.
pub fn merge_twins(
    types: &mut [TypeDef],
    components: &HashSet<String>,
    nullable: &HashSet<String>,
) {
    let mut aliases: HashMap<String, String> = HashMap::new();
    loop {
        let mut shapes: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, def) in types.iter().enumerate() {
            let name = def.name();
            if components.contains(name) && !aliases.contains_key(name) {
                shapes.entry(shape(def, &aliases)).or_default().push(index);
            }
        }
        let mut found = false;
        for members in shapes.values().filter(|members| members.len() > 1) {
            let name_of = |index: &usize| types.get(*index).map(|def| def.name().to_owned());
            let kept = members
                .iter()
                .find(|index| name_of(index).is_some_and(|name| !nullable.contains(&name)))
                .or(members.first());
            let Some(kept) = kept.and_then(name_of) else {
                continue;
            };
            let copies = members
                .iter()
                .filter_map(name_of)
                .filter(|name| *name != kept && nullable.contains(name));
            for copy in copies {
                aliases.insert(copy, kept.clone());
                found = true;
            }
        }
        if !found {
            break;
        }
    }
    if aliases.is_empty() {
        return;
    }
    for def in types.iter_mut() {
        if let Some(target) = aliases.get(def.name()) {
            let target = resolve(&aliases, target).to_owned();
            let (name, docs) = def.name_and_docs_mut();
            *def = TypeDef::Alias(AliasDef {
                name: std::mem::take(name),
                docs: std::mem::take(docs),
                target,
            });
        } else {
            refer_to_kept(def, &aliases);
        }
    }
}

/// What `name` is an alias of, following aliases of aliases.
fn resolve<'a>(aliases: &'a HashMap<String, String>, mut name: &'a str) -> &'a str {
    // Each step goes to a model found in an earlier round, so the chain ends.
    for _ in 0..=aliases.len() {
        match aliases.get(name) {
            Some(target) => name = target,
            None => break,
        }
    }
    name
}

/// The model without its name and docs, with the models it refers to resolved, as text.
fn shape(def: &TypeDef, aliases: &HashMap<String, String>) -> String {
    let mut def = def.clone();
    refer_to_kept(&mut def, aliases);
    let (name, docs) = def.name_and_docs_mut();
    name.clear();
    *docs = Docs::default();
    format!("{def:?}")
}

/// Makes the fields (or variants) of `def` refer to the kept models instead of their twins.
fn refer_to_kept(def: &mut TypeDef, aliases: &HashMap<String, String>) {
    match def {
        TypeDef::Struct(def) => {
            for field in &mut def.fields {
                resolve_in(&mut field.ty, aliases);
            }
            if let Some(extra) = &mut def.additional {
                resolve_in(&mut extra.value, aliases);
            }
        }
        TypeDef::Union(def) => {
            for (_, ty) in &mut def.variants {
                resolve_in(ty, aliases);
            }
        }
        TypeDef::Enum(_) | TypeDef::Alias(_) => {}
    }
}

fn resolve_in(ty: &mut TypeRef, aliases: &HashMap<String, String>) {
    match ty {
        TypeRef::Named(name) if aliases.contains_key(name.as_str()) => {
            *name = resolve(aliases, name).to_owned();
        }
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => {
            resolve_in(inner, aliases)
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Presence, StructDef};

    fn field(name: &str, ty: TypeRef) -> Field {
        Field {
            wire_name: name.into(),
            rust_name: name.into(),
            docs: Docs::default(),
            ty,
            presence: Presence::Optional,
            deprecated: false,
        }
    }

    fn model(name: &str, summary: &str, fields: Vec<Field>) -> TypeDef {
        TypeDef::Struct(StructDef {
            name: name.into(),
            docs: Docs {
                summary: Some(summary.into()),
                ..Docs::default()
            },
            fields,
            additional: None,
            deprecated: false,
        })
    }

    fn names(list: &[&str]) -> HashSet<String> {
        list.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn a_nullable_twin_becomes_an_alias_of_the_model_it_repeats() {
        let named = |name: &str| TypeRef::Named(name.into());
        // The nullable twin comes first in the document; the plain one is kept anyway. Each
        // refers to the nullable twin, as GitHub's `template_repository` does.
        let mut types = vec![
            model(
                "NullableRepo",
                "May be null.",
                vec![field("template", named("NullableRepo"))],
            ),
            model(
                "Repo",
                "A repository.",
                vec![field("template", named("NullableRepo"))],
            ),
            model("Other", "Another shape.", vec![field("id", TypeRef::I64)]),
        ];
        let all = names(&["NullableRepo", "Repo", "Other"]);
        merge_twins(&mut types, &all, &names(&["NullableRepo"]));
        match &types[0] {
            TypeDef::Alias(alias) => {
                assert_eq!(
                    (alias.name.as_str(), alias.target.as_str()),
                    ("NullableRepo", "Repo")
                );
                assert_eq!(alias.docs.summary.as_deref(), Some("May be null."));
            }
            other => panic!("not an alias: {other:?}"),
        }
        match &types[1] {
            TypeDef::Struct(def) => assert_eq!(def.fields[0].ty, named("Repo")),
            other => panic!("not a struct: {other:?}"),
        }
        assert!(matches!(types[2], TypeDef::Struct(_)));
    }

    #[test]
    fn field_docs_models_outside_the_components_and_plain_lookalikes_stay_apart() {
        let mut documented = field("id", TypeRef::I64);
        documented.docs.description = Some("The ID.".into());
        let mut types = vec![
            model("A", "a", vec![field("id", TypeRef::I64)]),
            model("NullableA", "b", vec![documented]),
            model("InlineBody", "c", vec![field("id", TypeRef::I64)]),
            model("Lookalike", "d", vec![field("id", TypeRef::I64)]),
        ];
        let nullable = names(&["NullableA", "InlineBody"]);
        merge_twins(
            &mut types,
            &names(&["A", "NullableA", "Lookalike"]),
            &nullable,
        );
        assert!(types.iter().all(|def| matches!(def, TypeDef::Struct(_))));
    }

    #[test]
    fn twins_that_refer_to_twins_are_found() {
        let named = |name: &str| TypeRef::Named(name.into());
        let mut types = vec![
            model("User", "u", vec![field("login", TypeRef::String)]),
            model("NullableUser", "nu", vec![field("login", TypeRef::String)]),
            model("Repo", "r", vec![field("owner", named("User"))]),
            model(
                "NullableRepo",
                "nr",
                vec![field("owner", named("NullableUser"))],
            ),
        ];
        let all = names(&["User", "NullableUser", "Repo", "NullableRepo"]);
        merge_twins(&mut types, &all, &names(&["NullableUser", "NullableRepo"]));
        let targets: Vec<Option<&str>> = types
            .iter()
            .map(|def| match def {
                TypeDef::Alias(alias) => Some(alias.target.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(targets, [None, Some("User"), None, Some("Repo")]);
    }
}
