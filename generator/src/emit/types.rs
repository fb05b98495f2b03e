//! Newtypes and models.

use super::deserialize_text::deserialize_text;
use super::docs::{doc_attrs, text_attrs};
use super::enum_text::enum_text;
use super::preformatted;
use super::serialize_text::serialize_text;
use super::struct_text::struct_text;
use super::{Context, ident, path_text, type_tokens};
use crate::model::{AliasDef, EnumDef, Newtype, Presence, StructDef, TypeDef, TypeRef, UnionDef};
use proc_macro2::TokenStream;
use quote::quote;

/// A newtype identifier such as `RunnerId(i64)`.
pub fn newtype(newtype: &Newtype, link_base: Option<&str>) -> TokenStream {
    let name = ident(&newtype.name);
    let inner = type_tokens(&newtype.inner);
    let mut doc = text_attrs(&format!(
        "{} `{}`: a distinct type, so that identifiers of different kinds cannot be swapped.",
        article(&newtype.name),
        newtype.name
    ));
    let own = doc_attrs(&newtype.docs, link_base);
    if !own.is_empty() {
        doc.extend(text_attrs(""));
        doc.extend(own);
    }
    let (derives, conversions) = match newtype.inner {
        TypeRef::String => (
            quote!(#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]),
            quote! {
                impl From<&str> for #name {
                    fn from(value: &str) -> Self {
                        Self(value.to_owned())
                    }
                }
            },
        ),
        _ => (
            quote!(#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]),
            TokenStream::new(),
        ),
    };
    quote! {
        #doc
        #derives
        #[serde(transparent)]
        pub struct #name(pub #inner);

        impl From<#inner> for #name {
            fn from(value: #inner) -> Self {
                Self(value)
            }
        }

        impl From<#name> for #inner {
            fn from(value: #name) -> Self {
                value.0
            }
        }

        #conversions

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    }
}

/// `An` before a vowel, else `A`.
fn article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "An"
    } else {
        "A"
    }
}

/// One model, printed at `indent` spaces (0 at the top, 4 in an operation's module).
pub fn type_def(def: &TypeDef, context: &Context, indent: usize) -> TokenStream {
    let link_base = context.link_base;
    match def {
        TypeDef::Struct(def) => struct_def(def, context.runtime, link_base, indent),
        TypeDef::Enum(def) => {
            if preformatted::active()
                && let Some(piece) = preformatted::piece(enum_text(def, link_base), indent)
            {
                return piece;
            }
            enum_def(def, link_base)
        }
        TypeDef::Union(def) => union_def(def, link_base),
        TypeDef::Alias(def) => alias_def(def, link_base),
    }
}

/// `pub type Name = Target;`, with its own docs and a line saying what it names.
fn alias_def(def: &AliasDef, link_base: Option<&str>) -> TokenStream {
    let name = ident(&def.name);
    let target = ident(&def.target);
    let mut doc = doc_attrs(&def.docs, link_base);
    let separator = if doc.is_empty() { "" } else { "\n" };
    doc.extend(text_attrs(&format!(
        "{separator}The same model as [`{}`]: the spec describes the two alike but for their \
         names and descriptions.",
        def.target
    )));
    quote! {
        #doc
        pub type #name = #target;
    }
}

fn struct_def(
    def: &StructDef,
    runtime: &syn::Path,
    link_base: Option<&str>,
    indent: usize,
) -> TokenStream {
    let runtime = path_text(runtime);
    let serialize = preformatted::piece_or_tokens(serialize_text(def, &runtime, indent), indent);
    let deserialize =
        preformatted::piece_or_tokens(deserialize_text(def, &runtime, indent), indent);
    let struct_item = match preformatted::piece(struct_text(def, link_base), indent) {
        Some(piece) => piece,
        None => struct_tokens(def, link_base),
    };
    quote! {
        #struct_item

        #serialize

        #deserialize
    }
}

/// The struct as tokens, when its text is not written ([`struct_text`]).
fn struct_tokens(def: &StructDef, link_base: Option<&str>) -> TokenStream {
    let name = ident(&def.name);
    let doc = doc_attrs(&def.docs, link_base);
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    let fields = def.fields.iter().map(|field| {
        let rust_name = ident(&field.rust_name);
        let ty = type_tokens(&field.ty);
        let ty = match field.presence {
            Presence::Required => ty,
            Presence::RequiredNullable | Presence::Optional | Presence::OptionalNullable => {
                quote!(Option<#ty>)
            }
            Presence::Clearable => quote!(Option<Option<#ty>>),
        };
        let doc = doc_attrs(&field.docs, link_base);
        let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
        quote! {
            #doc
            #deprecated
            pub #rust_name: #ty,
        }
    });
    let additional = def.additional.as_ref().map(|extra| {
        let field_name = ident(&extra.rust_name);
        let value = type_tokens(&extra.value);
        quote! {
            /// Properties beyond the documented ones.
            pub #field_name: BTreeMap<String, #value>,
        }
    });
    quote! {
        #doc
        #deprecated
        #[derive(Debug, Clone, PartialEq)]
        pub struct #name {
            #(#fields)*
            #additional
        }
    }
}

fn enum_def(def: &EnumDef, link_base: Option<&str>) -> TokenStream {
    let name = ident(&def.name);
    let mut doc_text = doc_attrs(&def.docs, link_base);
    if doc_text.is_empty() {
        doc_text = text_attrs(&format!("The documented values of `{}`.", def.name));
    }
    let unknown = ident(crate::naming::UNKNOWN_VARIANT);
    let unknown_doc = text_attrs(
        "A value this client does not know yet, kept as it was sent so that it round-trips.",
    );
    let variants = def.variants.iter().map(|variant| {
        let rust = ident(&variant.rust_name);
        let doc = text_attrs(&format!("`{}`", variant.wire_value.replace('`', "'")));
        quote!(#doc #rust,)
    });
    let to_str = def.variants.iter().map(|variant| {
        let rust = ident(&variant.rust_name);
        let wire = &variant.wire_value;
        quote!(Self::#rust => #wire,)
    });
    let from_str = def.variants.iter().map(|variant| {
        let rust = ident(&variant.rust_name);
        let wire = &variant.wire_value;
        quote!(#wire => Self::#rust,)
    });
    quote! {
        #doc_text
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
            #unknown_doc
            #unknown(String),
        }

        impl #name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::#unknown(value) => value,
                }
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => Self::#unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Ok(Self::from(value.as_ref()))
            }
        }
    }
}

fn union_def(def: &UnionDef, link_base: Option<&str>) -> TokenStream {
    let name = ident(&def.name);
    let mut doc = doc_attrs(&def.docs, link_base);
    if doc.is_empty() {
        doc = text_attrs(&format!(
            "One of several shapes of `{}`, tried in order.",
            def.name
        ));
    }
    let variants = def.variants.iter().map(|(variant, ty)| {
        let variant_ident = ident(variant);
        let ty = type_tokens(ty);
        let doc = text_attrs(&format!("The `{}` shape.", crate::naming::bare(variant)));
        quote!(#doc #variant_ident(#ty),)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(untagged)]
        pub enum #name {
            #(#variants)*
        }
    }
}
