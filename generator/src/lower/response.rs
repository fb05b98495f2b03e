//! What an operation's success responses decode to (one payload, a page, or an enum of
//! statuses), and its documented errors.

use super::named;
use super::operation::OperationLowerer;
use crate::diagnostic::pointer_token;
use crate::model::{
    Docs, ErrorDoc, MultiResponse, MultiVariant, PageShape, Param, ParamLocation, Payload,
    Presence, ResponseKind, TotalCount, TypeDef, TypeRef,
};
use crate::naming::{self, NameSet};
use crate::spec::is_json_media_type;
use openapiv3::StatusCode;

impl<'a> OperationLowerer<'a, '_> {
    /// The success response kind and, for non-JSON bodies, the `Accept` to send.
    pub(super) fn response(
        &mut self,
        operation: &'a openapiv3::Operation,
        builder_name: &str,
        params: &[Param],
        at: &str,
    ) -> (ResponseKind, Option<String>) {
        let mut successes: Vec<(u16, Payload, Docs, Option<String>)> = Vec::new();
        for (code, response) in &operation.responses.responses {
            let status = match code {
                StatusCode::Code(code) if (200..300).contains(code) => *code,
                StatusCode::Range(2) => 200,
                _ => continue,
            };
            let Some(response) = self.resolver.response(response) else {
                continue;
            };
            let response_at = format!("{at}/responses/{code}");
            let context = format!("{builder_name}Response");
            let (kind, accept) = self.response_body(response, &context, &response_at);
            let docs = Docs {
                description: Some(response.description.clone()).filter(|d| !d.is_empty()),
                ..Docs::default()
            };
            successes.push((status, kind, docs, accept));
        }
        let accept = successes
            .iter()
            .find_map(|(_, _, _, accept)| accept.clone());
        let first_kind = successes.first().map(|(_, kind, _, _)| kind.clone());
        let kind = match first_kind {
            None => ResponseKind::Single(Payload::Empty),
            Some(kind) if successes.iter().all(|(_, other, _, _)| *other == kind) => {
                self.paginate(kind, params)
            }
            Some(_) => {
                let name = self
                    .schemas
                    .names
                    .claim_type(&format!("{builder_name}Response"));
                let mut variant_names = NameSet::with_reserved(&[naming::OTHER_STATUS_VARIANT]);
                let variants = successes
                    .into_iter()
                    .map(|(status, body, docs, _)| MultiVariant {
                        status,
                        rust_name: variant_names.claim(&status_variant(status)),
                        body,
                        docs,
                    })
                    .collect();
                ResponseKind::Multi(MultiResponse { name, variants })
            }
        };
        (kind, accept)
    }

    pub(super) fn response_body(
        &mut self,
        response: &'a openapiv3::Response,
        context: &str,
        at: &str,
    ) -> (Payload, Option<String>) {
        if let Some((media_type, content)) = response
            .content
            .iter()
            .find(|(media, _)| is_json_media_type(media))
        {
            let ty = match &content.schema {
                Some(schema) => self.schemas.type_of(
                    schema,
                    context,
                    &format!("{at}/content/{}/schema", pointer_token(media_type)),
                ),
                None => TypeRef::Json,
            };
            return (Payload::Json(ty), None);
        }
        match response.content.keys().next() {
            None => (Payload::Empty, None),
            Some(media) if media.starts_with("text/") => (Payload::Text, Some(media.clone())),
            Some(media) => (Payload::Bytes, Some(media.clone())),
        }
    }

    /// The documented error responses: status, first line of the description and, for a
    /// `$ref`'d JSON schema, the model it matches.
    pub(super) fn error_docs(&mut self, operation: &'a openapiv3::Operation) -> Vec<ErrorDoc> {
        let documented = operation
            .responses
            .responses
            .iter()
            .filter_map(|(code, r)| {
                let is_error = match code {
                    StatusCode::Code(code) => *code >= 400,
                    StatusCode::Range(range) => *range >= 4,
                };
                is_error.then(|| (code.to_string(), r))
            });
        let default = operation
            .responses
            .default
            .iter()
            .map(|r| ("default".to_owned(), r));
        let mut errors = Vec::new();
        for (status, response) in documented.chain(default) {
            let Some(response) = self.resolver.response(response) else {
                continue;
            };
            let model = response
                .content
                .iter()
                .filter(|(media, _)| is_json_media_type(media))
                .find_map(|(_, content)| match &content.schema {
                    Some(schema @ openapiv3::ReferenceOr::Reference { .. }) => {
                        match self.schemas.type_of(schema, "", "") {
                            TypeRef::Named(name) => Some(name),
                            _ => None,
                        }
                    }
                    _ => None,
                });
            errors.push(ErrorDoc {
                status,
                description: response
                    .description
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_owned(),
                model,
            });
        }
        errors
    }

    /// A JSON list response of a GET with a `page` or `per_page` parameter becomes a page.
    pub(super) fn paginate(&mut self, payload: Payload, params: &[Param]) -> ResponseKind {
        let Payload::Json(body) = &payload else {
            return ResponseKind::Single(payload);
        };
        let kind = ResponseKind::Single(payload.clone());
        let is_paged = params.iter().any(|p| {
            p.location == crate::model::ParamLocation::Query
                && (p.wire_name == "page" || p.wire_name == "per_page")
        });
        if !is_paged {
            return kind;
        }
        let per_page_param = params
            .iter()
            .find(|p| p.location == ParamLocation::Query && p.wire_name == "per_page")
            .map(|p| p.rust_name.clone());
        if let TypeRef::List(item) = body {
            return ResponseKind::Page(PageShape {
                body: body.clone(),
                item: (**item).clone(),
                items_field: None,
                total_count_field: None,
                per_page_param,
            });
        }
        let Some(Some(TypeDef::Struct(def))) = named(body).map(|name| self.schemas.type_def(name))
        else {
            return kind;
        };
        let lists: Vec<_> = def
            .fields
            .iter()
            .filter(|field| {
                matches!(field.ty, TypeRef::List(_)) && field.presence == Presence::Required
            })
            .collect();
        let [list] = lists.as_slice() else {
            return kind;
        };
        let TypeRef::List(item) = &list.ty else {
            return kind;
        };
        let total_count_field = def
            .fields
            .iter()
            .find(|field| {
                field.wire_name == "total_count" && matches!(field.ty, TypeRef::I64 | TypeRef::I32)
            })
            .map(|field| TotalCount {
                rust_name: field.rust_name.clone(),
                optional: field.presence != Presence::Required,
            });
        ResponseKind::Page(PageShape {
            body: body.clone(),
            item: (**item).clone(),
            items_field: Some(list.rust_name.clone()),
            total_count_field,
            per_page_param,
        })
    }
}

/// `Ok`, `Created`, `Accepted`, `NoContent`… for a status code.
fn status_variant(status: u16) -> String {
    match status {
        200 => "Ok".into(),
        201 => "Created".into(),
        202 => "Accepted".into(),
        203 => "NonAuthoritative".into(),
        204 => "NoContent".into(),
        205 => "ResetContent".into(),
        206 => "PartialContent".into(),
        other => format!("Status{other}"),
    }
}
