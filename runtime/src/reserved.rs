//! The method names the runtime gives every generated client and request builder.
//!
//! The generator never names an operation or a setter like one of these (it reads these lists;
//! they are not copied into it), so a generated method can neither shadow a runtime method nor
//! break the generated code that calls it. A test parses this crate's own source and fails when
//! a method of [`ClientCore`](crate::ClientCore), [`ApiClient`](crate::ApiClient) or
//! [`Paginated`](crate::Paginated) is missing here.
//!
//! This module is always compiled; the rest of the crate only with the default `client`
//! feature, so the generator depends on these lists without compiling an HTTP stack.

/// Methods a generated `Client` gets from the runtime: those of `ClientCore` (through
/// `Deref`), of the `ApiClient` trait, and `deref` itself.
pub const CLIENT_METHODS: &[&str] = &[
    "rate_limit",
    "base_url",
    "retry_policy",
    "execute",
    "installation",
    "installation_for_org",
    "installation_for_repo",
    "from_core",
    "core",
    "deref",
];

/// Methods a generated request builder gets from the runtime: those of the `Paginated` trait
/// (list operations implement it).
pub const BUILDER_METHODS: &[&str] = &["client", "first_request", "decode_page"];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed expectation fails the test")]

    use super::{BUILDER_METHODS, CLIENT_METHODS};
    use std::collections::BTreeSet;

    /// Every item of every source file of this crate (its modules' folders included).
    fn items() -> Vec<syn::Item> {
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        let mut items = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    let text = std::fs::read_to_string(path).unwrap();
                    items.extend(syn::parse_file(&text).unwrap().items);
                }
            }
        }
        items
    }

    fn type_name(ty: &syn::Type) -> Option<String> {
        match ty {
            syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        }
    }

    /// The public inherent methods of `type_name`.
    fn inherent_methods(items: &[syn::Item], name: &str) -> BTreeSet<String> {
        let mut methods = BTreeSet::new();
        for item in items {
            if let syn::Item::Impl(block) = item
                && block.trait_.is_none()
                && type_name(&block.self_ty).as_deref() == Some(name)
            {
                for item in &block.items {
                    if let syn::ImplItem::Fn(method) = item
                        && matches!(method.vis, syn::Visibility::Public(_))
                    {
                        methods.insert(method.sig.ident.to_string());
                    }
                }
            }
        }
        methods
    }

    /// The methods of the trait `name`.
    fn trait_methods(items: &[syn::Item], name: &str) -> BTreeSet<String> {
        let mut methods = BTreeSet::new();
        for item in items {
            if let syn::Item::Trait(definition) = item
                && definition.ident == name
            {
                for item in &definition.items {
                    if let syn::TraitItem::Fn(method) = item {
                        methods.insert(method.sig.ident.to_string());
                    }
                }
            }
        }
        assert!(!methods.is_empty(), "no trait {name}");
        methods
    }

    #[test]
    fn every_method_the_runtime_gives_a_client_is_reserved() {
        let items = items();
        let core = inherent_methods(&items, "ClientCore");
        assert!(core.contains("execute"), "{core:?}");
        for method in core.iter().chain(&trait_methods(&items, "ApiClient")) {
            assert!(
                CLIENT_METHODS.contains(&method.as_str()),
                "`{method}` is missing from CLIENT_METHODS"
            );
        }
    }

    #[test]
    fn every_method_the_runtime_gives_a_builder_is_reserved() {
        for method in trait_methods(&items(), "Paginated") {
            assert!(
                BUILDER_METHODS.contains(&method.as_str()),
                "`{method}` is missing from BUILDER_METHODS"
            );
        }
    }
}
