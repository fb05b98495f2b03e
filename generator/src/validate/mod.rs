//! Checks a loaded spec for everything the later phases rely on, reporting every problem at
//! once with its JSON pointer.
//!
//! After this phase: every local `$ref` resolves, every path parameter is declared and used,
//! operation method names are unique, and nothing unsupported (cookies, callbacks, links,
//! external references, `not`) is silently dropped.

mod methods;
mod schema;

use crate::diagnostic::{Diagnostic, Report, pointer};
use crate::layout::Decision;
use crate::naming;
use crate::refs::{ComponentKind, Resolver};
use crate::spec::{self, is_json_media_type, template_names};
use openapiv3::{
    AdditionalProperties, OpenAPI, Operation, Parameter, ParameterSchemaOrContent, ReferenceOr,
    Schema, SchemaKind, Type,
};
use std::collections::HashMap;

/// Validates `spec`; the report lists every problem found.
pub fn validate(spec: &OpenAPI, layout: &Decision) -> Result<(), Report> {
    let mut validator = Validator {
        resolver: Resolver::new(spec),
        report: Report::default(),
        layout,
        method_names: HashMap::new(),
        newtypes: HashMap::new(),
    };
    validator.paths(spec);
    validator.group_accessors();
    validator.components(spec);
    validator.report.into_result(())
}

struct Validator<'a> {
    resolver: Resolver<'a>,
    report: Report,
    /// Where methods go.
    layout: &'a Decision,
    /// (group accessor, method name) → (operationId, pointer) of its first claimant.
    method_names: HashMap<(Option<String>, String), (String, String)>,
    /// Newtype name → (primitive, pointer) of its first declaration.
    newtypes: HashMap<String, (&'static str, String)>,
}

impl<'a> Validator<'a> {
    pub(super) fn error(&mut self, at: String, message: String, help: &str) {
        self.report
            .push(Diagnostic::at_pointer(at, message).help(help));
    }

    pub(super) fn reference(&mut self, reference: &str, kind: ComponentKind, at: &str) {
        if self.resolver.exists(reference, kind) {
            return;
        }
        let message = if reference.starts_with('#') {
            format!("`$ref: {reference}` points to nothing")
        } else {
            format!("`$ref: {reference}` is an external reference, which is not supported")
        };
        self.error(
            at.to_owned(),
            message,
            &format!(
                "reference a component of this file, as `#/components/{}/<name>`, and define it there",
                kind.key()
            ),
        );
    }

    fn paths(&mut self, spec: &'a OpenAPI) {
        for (path, item) in spec.paths.iter() {
            let at = pointer(["paths", path]);
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { .. } => {
                    self.error(
                        at,
                        "a path item `$ref` is not supported".into(),
                        "write the operations of this path inline",
                    );
                    continue;
                }
            };
            for (index, parameter) in item.parameters.iter().enumerate() {
                self.parameter(parameter, &format!("{at}/parameters/{index}"));
            }
            for (method, operation) in item.iter() {
                let op_at = format!("{at}/{method}");
                let mut parameters = item.parameters.clone();
                parameters.extend(operation.parameters.iter().cloned());
                self.operation(path, method, operation, &parameters, &op_at);
            }
        }
    }

    fn operation(
        &mut self,
        path: &str,
        method: &str,
        operation: &'a Operation,
        parameters: &[ReferenceOr<Parameter>],
        at: &str,
    ) {
        self.method_name(path, method, operation, at);
        self.operation_parts(path, operation, parameters, at);
    }

    /// Everything of an operation but its method name: extensions, parameters, body,
    /// callbacks, responses.
    fn operation_parts(
        &mut self,
        path: &str,
        operation: &'a Operation,
        parameters: &[ReferenceOr<Parameter>],
        at: &str,
    ) {
        if let Some(Err(value)) = spec::availability(operation) {
            self.error(
                format!("{at}/{}", spec::AVAILABILITY),
                format!("`{}: {value}` is not a list of strings", spec::AVAILABILITY),
                "list the products that have the operation, for example `x-github-availability: [GitHub.com, GitHub Enterprise Server]`",
            );
        }
        for (index, parameter) in operation.parameters.iter().enumerate() {
            self.parameter(parameter, &format!("{at}/parameters/{index}"));
        }
        self.path_parameters(path, parameters, at);
        if let Some(body) = &operation.request_body {
            let body_at = format!("{at}/requestBody");
            match body {
                ReferenceOr::Reference { reference } => {
                    self.reference(reference, ComponentKind::RequestBodies, &body_at)
                }
                ReferenceOr::Item(body) => self.request_body(body, &body_at),
            }
        }
        if !operation.callbacks.is_empty() {
            self.error(format!("{at}/callbacks"), "callbacks are not supported".into(), "remove `callbacks`; describe the callback requests as operations of the receiving API instead");
        }
        let responses = operation
            .responses
            .responses
            .iter()
            .map(|(code, r)| (code.to_string(), r));
        let default = operation
            .responses
            .default
            .iter()
            .map(|r| ("default".to_owned(), r));
        for (code, response) in responses.chain(default) {
            let response_at = format!("{at}/responses/{code}");
            match response {
                ReferenceOr::Reference { reference } => {
                    self.reference(reference, ComponentKind::Responses, &response_at)
                }
                ReferenceOr::Item(response) => self.response(response, &response_at),
            }
        }
    }

    fn request_body(&mut self, body: &'a openapiv3::RequestBody, at: &str) {
        for (media, content) in &body.content {
            if let Some(schema) = &content.schema {
                self.schema(schema, &pointer_join(at, &["content", media, "schema"]));
            }
        }
    }

    fn response(&mut self, response: &'a openapiv3::Response, at: &str) {
        if !response.links.is_empty() {
            self.error(
                format!("{at}/links"),
                "response `links` are not supported".into(),
                "remove `links`; they describe relations the generated client cannot follow",
            );
        }
        for (name, header) in &response.headers {
            if let ReferenceOr::Reference { reference } = header {
                self.reference(
                    reference,
                    ComponentKind::Headers,
                    &pointer_join(at, &["headers", name]),
                );
            }
        }
        for (media, content) in &response.content {
            if let Some(schema) = &content.schema {
                self.schema(schema, &pointer_join(at, &["content", media, "schema"]));
            }
            for (name, example) in &content.examples {
                if let ReferenceOr::Reference { reference } = example {
                    self.reference(
                        reference,
                        ComponentKind::Examples,
                        &pointer_join(at, &["content", media, "examples", name]),
                    );
                }
            }
        }
    }

    fn parameter(&mut self, parameter: &'a ReferenceOr<Parameter>, at: &str) {
        let parameter = match parameter {
            ReferenceOr::Reference { reference } => {
                self.reference(reference, ComponentKind::Parameters, at);
                return;
            }
            ReferenceOr::Item(parameter) => parameter,
        };
        self.parameter_item(parameter, at);
    }

    fn parameter_item(&mut self, parameter: &'a Parameter, at: &str) {
        let data = parameter.parameter_data_ref();
        if let Parameter::Cookie { .. } = parameter {
            self.error(
                format!("{at}/in"),
                format!(
                    "parameter `{}` is a cookie parameter, which is not supported",
                    data.name
                ),
                "send it as a header parameter, or remove it",
            );
        }
        match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                self.schema(schema, &format!("{at}/schema"))
            }
            ParameterSchemaOrContent::Content(content) => {
                let media: Vec<&str> = content.keys().map(String::as_str).collect();
                match content.iter().next() {
                    Some((media_type, item)) if media.len() == 1 && is_json_media_type(media_type) => {
                        if let Some(schema) = &item.schema {
                            self.schema(schema, &pointer_join(at, &["content", media_type, "schema"]));
                        }
                    }
                    _ => self.error(
                        format!("{at}/content"),
                        format!(
                            "parameter `{}` has `content` of type {}; only one JSON media type is supported there",
                            data.name,
                            if media.is_empty() { "(none)".to_owned() } else { media.join(", ") }
                        ),
                        "describe the parameter with `schema`, or with `content` of `application/json` only",
                    ),
                }
            }
        }
    }

    fn path_parameters(&mut self, path: &str, parameters: &[ReferenceOr<Parameter>], at: &str) {
        let declared: Vec<String> = parameters
            .iter()
            .filter_map(|p| self.resolver.parameter(p))
            .filter(|p| matches!(p, Parameter::Path { .. }))
            .map(|p| p.parameter_data_ref().name.clone())
            .collect();
        let used = template_names(path);
        for name in &used {
            if !declared.contains(name) {
                self.error(
                    at.to_owned(),
                    format!("the path uses `{{{name}}}` but the operation declares no path parameter `{name}`"),
                    &format!("add a parameter with `name: {name}` and `in: path`"),
                );
            }
        }
        for name in &declared {
            if !used.contains(name) {
                self.error(
                    at.to_owned(),
                    format!("path parameter `{name}` does not appear in the path `{path}`"),
                    "use it in the path template, or make it a query parameter",
                );
            }
        }
    }

    fn components(&mut self, spec: &'a OpenAPI) {
        let Some(components) = &spec.components else {
            return;
        };
        for (name, schema) in &components.schemas {
            self.schema(schema, &pointer(["components", "schemas", name]));
        }
        for (name, parameter) in &components.parameters {
            self.parameter(parameter, &pointer(["components", "parameters", name]));
        }
        for (name, body) in &components.request_bodies {
            let at = pointer(["components", "requestBodies", name]);
            match body {
                ReferenceOr::Reference { reference } => {
                    self.reference(reference, ComponentKind::RequestBodies, &at)
                }
                ReferenceOr::Item(body) => self.request_body(body, &at),
            }
        }
        for (name, response) in &components.responses {
            let at = pointer(["components", "responses", name]);
            match response {
                ReferenceOr::Reference { reference } => {
                    self.reference(reference, ComponentKind::Responses, &at)
                }
                ReferenceOr::Item(response) => self.response(response, &at),
            }
        }
    }
}

/// Appends raw tokens to a pointer.
pub(super) fn pointer_join(base: &str, tokens: &[&str]) -> String {
    let mut out = base.to_owned();
    for token in tokens {
        out.push('/');
        out.push_str(&crate::diagnostic::pointer_token(token));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> String {
        let spec = crate::load::load_str(text).map_err(|r| r.to_string());
        match spec.map(|spec| validate(&spec, &Decision::default())) {
            Ok(Ok(())) => String::new(),
            Ok(Err(report)) => report.to_string(),
            Err(load) => load,
        }
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = r##"
openapi: 3.0.3
info: {title: t, version: v}
paths:
  /orgs/{org}:
    get:
      operationId: a/get-org
      parameters:
        - $ref: '#/components/parameters/missing'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/nothing'}
    post:
      operationId: b/get-org
      parameters:
        - {name: org, in: path, required: true, schema: {type: string}}
        - {name: session, in: cookie, schema: {type: string}}
      responses:
        '204': {description: done}
"##;
        let report = errors(text);
        assert!(
            report.contains("`$ref: #/components/parameters/missing` points to nothing"),
            "{report}"
        );
        assert!(
            report.contains("`$ref: #/components/schemas/nothing` points to nothing"),
            "{report}"
        );
        assert!(
            report.contains("declares no path parameter `org`"),
            "{report}"
        );
        assert!(
            report.contains("would both be the method `get_org`"),
            "{report}"
        );
        assert!(report.contains("cookie parameter"), "{report}");
        assert!(report.ends_with("5 errors in the spec"), "{report}");
    }
}
