//! Method names: every operation's is valid (`x-method-name`) and its own within its group,
//! or on `Client` (see [`crate::layout`]), and no method left on `Client` takes a group's name.

use super::Validator;
use crate::{naming, spec};
use openapiv3::Operation;

impl<'a> Validator<'a> {
    /// The operation's method name: a valid `x-method-name`, and no other operation's in its
    /// group (or on `Client`).
    pub(super) fn method_name(
        &mut self,
        path: &str,
        method: &str,
        operation: &'a Operation,
        at: &str,
    ) {
        let operation_id = operation
            .operation_id
            .clone()
            .unwrap_or_else(|| naming::fallback_operation_id(method, path));
        let explicit = match self.explicit_method_name(operation, at) {
            Ok(explicit) => explicit,
            // Reported; no name to check for collisions.
            Err(()) => return,
        };
        let method_name = naming::operation_method_name(
            explicit,
            operation.operation_id.as_deref(),
            method,
            path,
        );
        let group = self.layout.group_of(operation.operation_id.as_deref());
        let key = (group, method_name);
        if let Some((first_id, first_at)) = self.method_names.get(&key) {
            let method = match &key {
                (Some(group), name) => format!("{group}().{name}"),
                (None, name) => name.clone(),
            };
            let message = format!(
                "operations `{first_id}` ({first_at}) and `{operation_id}` would both be the method `{method}`"
            );
            self.error(
                at.to_owned(),
                message,
                "give one of them another operationId, or an `x-method-name`",
            );
        } else {
            self.method_names.insert(key, (operation_id, at.to_owned()));
        }
    }

    /// In a grouped layout, an operation left on `Client` (its operationId has no category)
    /// must not take the name of a group's accessor.
    pub(super) fn group_accessors(&mut self) {
        let groups: std::collections::BTreeSet<String> = self
            .method_names
            .keys()
            .filter_map(|(group, _)| group.clone())
            .collect();
        for group in groups {
            let Some((id, at)) = self.method_names.get(&(None, group.clone())).cloned() else {
                continue;
            };
            self.error(
                at,
                format!("the method of operation `{id}` would be `{group}`, the name of the group `client.{group}()`"),
                "give the operation an operationId with a category, or an `x-method-name`",
            );
            // Reported once.
            self.method_names.remove(&(None, group));
        }
    }

    /// The operation's `x-method-name` when it has a usable one; `Err` (reported) when it has
    /// one that is not usable.
    fn explicit_method_name(
        &mut self,
        operation: &'a Operation,
        at: &str,
    ) -> Result<Option<&'a str>, ()> {
        let Some(value) = spec::method_name(operation) else {
            return Ok(None);
        };
        let problem = match value.as_str() {
            Some(name) => match naming::check_explicit_method_name(name) {
                Ok(()) => return Ok(Some(name)),
                Err(problem) => problem,
            },
            None => "is not a string",
        };
        self.error(
            format!("{at}/{}", spec::METHOD_NAME),
            format!("`{}: {value}` {problem}", spec::METHOD_NAME),
            "name the method like a Rust function that no client has already, for example `x-method-name: get_rate_limit`",
        );
        Err(())
    }
}
