//! Operations → model operations: parameters, body, and what a success response decodes to.

use super::docs;
use super::schema::SchemaLowerer;
use crate::diagnostic::{pointer, pointer_token};
use crate::layout::{self, Decision};
use crate::model::{
    Body, Docs, Group, HttpMethod, Operation, Param, ParamLocation, PathPart, WireEncoding,
};
use crate::naming::{self, NameSet};
use crate::refs::Resolver;
use crate::spec;
use openapiv3::{OpenAPI, Parameter, ParameterSchemaOrContent};
use std::ops::Range;

/// Lowers every operation, in document order, each with the range of the models that were
/// first made for it (indexes into `schemas.types`).
pub fn lower_operations<'a>(
    spec: &'a OpenAPI,
    schemas: &mut SchemaLowerer<'a>,
    layout: &Decision,
) -> Vec<(Operation, Range<usize>)> {
    let resolver = Resolver::new(spec);
    let mut operations = Vec::new();
    let mut modules = NameSet::with_reserved(naming::RESERVED_MODULE_NAMES);
    for (path, item) in spec.paths.iter() {
        let Some(item) = item.as_item() else { continue };
        for (method, operation) in item.iter() {
            let at = format!("{}/{method}", pointer(["paths", path]));
            let mut parameters: Vec<&Parameter> = Vec::new();
            for parameter in item.parameters.iter().chain(&operation.parameters) {
                let Some(parameter) = resolver.parameter(parameter) else {
                    continue;
                };
                let data = parameter.parameter_data_ref();
                parameters.retain(|p: &&Parameter| {
                    !(p.parameter_data_ref().name == data.name && same_location(p, parameter))
                });
                parameters.push(parameter);
            }
            let first_type = schemas.types.len();
            let lowered = OperationLowerer {
                resolver,
                schemas: &mut *schemas,
                layout,
            }
            .lower(path, method, operation, &parameters, &at);
            if let Some(mut lowered) = lowered {
                let module = naming::operation_module_stem(
                    lowered.group.as_ref().map(|group| group.accessor.as_str()),
                    &lowered.method_name,
                );
                lowered.module_name = modules.claim(&module);
                operations.push((lowered, first_type..schemas.types.len()));
            }
        }
    }
    operations
}

fn same_location(a: &Parameter, b: &Parameter) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

pub(super) struct OperationLowerer<'a, 's> {
    pub(super) resolver: Resolver<'a>,
    pub(super) schemas: &'s mut SchemaLowerer<'a>,
    pub(super) layout: &'s Decision,
}

impl<'a> OperationLowerer<'a, '_> {
    fn lower(
        mut self,
        path: &str,
        method: &str,
        operation: &'a openapiv3::Operation,
        parameters: &[&'a Parameter],
        at: &str,
    ) -> Option<Operation> {
        let http_method = http_method(method)?;
        let operation_id = operation
            .operation_id
            .clone()
            .unwrap_or_else(|| naming::fallback_operation_id(method, path));
        let method_name = naming::operation_method_name(
            spec::method_name(operation).and_then(serde_json::Value::as_str),
            operation.operation_id.as_deref(),
            method,
            path,
        );
        let group = self
            .layout
            .group_of(operation.operation_id.as_deref())
            .map(|accessor| Group {
                category: operation
                    .operation_id
                    .as_deref()
                    .and_then(layout::category)
                    .unwrap_or_default()
                    .to_owned(),
                type_name: naming::group_type_name(&accessor),
                accessor,
            });
        let stem = naming::operation_type_stem(
            group.as_ref().map(|group| group.accessor.as_str()),
            &method_name,
        );
        let builder_name = self.schemas.names.claim_type(&stem);
        let mut arg_names = naming::builder_namespace();

        // Path parameters first, in template order, then the others in document order.
        let template = spec::template_names(path);
        let mut ordered: Vec<&Parameter> = template
            .iter()
            .filter_map(|name| {
                parameters.iter().copied().find(|p| {
                    matches!(p, Parameter::Path { .. }) && &p.parameter_data_ref().name == name
                })
            })
            .collect();
        ordered.extend(
            parameters
                .iter()
                .copied()
                .filter(|p| !matches!(p, Parameter::Path { .. })),
        );
        let params: Vec<Param> = ordered
            .iter()
            .enumerate()
            .filter_map(|(index, parameter)| {
                self.param(
                    parameter,
                    &builder_name,
                    &mut arg_names,
                    &format!("{at}/parameters/{index}"),
                )
            })
            .collect();
        let path_parts = path_parts(path, &params);
        let body = self.body(operation, &builder_name, &mut arg_names, at);
        let (response, accept) = self.response(operation, &builder_name, &params, at);
        let docs = Docs {
            errors: self.error_docs(operation),
            ..docs::operation_docs(operation)
        };
        Some(Operation {
            operation_id,
            method_name,
            builder_name,
            http_method,
            path_template: path.to_owned(),
            path: path_parts,
            params,
            body,
            response,
            docs,
            deprecated: operation.deprecated,
            accept,
            types: Vec::new(),
            module_name: String::new(),
            group,
        })
    }

    fn param(
        &mut self,
        parameter: &Parameter,
        builder_name: &str,
        arg_names: &mut NameSet,
        at: &str,
    ) -> Option<Param> {
        let data = parameter.parameter_data_ref();
        let location = match parameter {
            Parameter::Path { .. } => ParamLocation::Path,
            Parameter::Query { .. } => ParamLocation::Query,
            Parameter::Header { .. } => ParamLocation::Header,
            Parameter::Cookie { .. } => return None,
        };
        let (schema, schema_at, as_json) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => (schema, format!("{at}/schema"), false),
            ParameterSchemaOrContent::Content(content) => {
                let (media_type, item) = content.iter().next()?;
                let schema_at = format!("{at}/content/{}/schema", pointer_token(media_type));
                (item.schema.as_ref()?, schema_at, true)
            }
        };
        let context = format!("{builder_name}{}", naming::type_name(&data.name));
        let ty = self.schemas.type_of(schema, &context, &schema_at);
        let encoding = if as_json {
            WireEncoding::Json
        } else {
            self.schemas.encoding(&ty, location == ParamLocation::Path)
        };
        Some(Param {
            rust_name: arg_names.claim(&naming::value_name(&data.name)),
            wire_name: data.name.clone(),
            location,
            ty,
            required: data.required || location == ParamLocation::Path,
            docs: docs::parameter_docs(data.description.as_ref(), self.resolver.schema(schema)),
            deprecated: data.deprecated.unwrap_or(false),
            encoding,
        })
    }

    fn body(
        &mut self,
        operation: &'a openapiv3::Operation,
        builder_name: &str,
        arg_names: &mut NameSet,
        at: &str,
    ) -> Option<Body> {
        let body = self
            .resolver
            .request_body(operation.request_body.as_ref()?)?;
        super::body::lower_body(
            self.resolver,
            self.schemas,
            body,
            builder_name,
            arg_names,
            at,
        )
    }
}

fn http_method(method: &str) -> Option<HttpMethod> {
    Some(match method {
        "get" => HttpMethod::Get,
        "put" => HttpMethod::Put,
        "post" => HttpMethod::Post,
        "delete" => HttpMethod::Delete,
        "options" => HttpMethod::Options,
        "head" => HttpMethod::Head,
        "patch" => HttpMethod::Patch,
        "trace" => HttpMethod::Trace,
        _ => return None,
    })
}

/// Splits a template into literals and parameter references.
fn path_parts(path: &str, params: &[Param]) -> Vec<PathPart> {
    let mut locals = NameSet::default();
    let mut parts = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if start > 0 {
            parts.push(PathPart::Literal(rest[..start].to_owned()));
        }
        match params
            .iter()
            .position(|p| p.location == ParamLocation::Path && p.wire_name == name)
        {
            Some(index) => parts.push(PathPart::Param {
                index,
                local: naming::segment_local(&params[index].rust_name, &mut locals),
            }),
            None => parts.push(PathPart::Literal(format!("{{{name}}}"))),
        }
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest.to_owned()));
    }
    parts
}
