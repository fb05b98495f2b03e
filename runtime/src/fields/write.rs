//! Writing a model as a map of its fields: what every generated `Serialize` impl of a model
//! struct shares.
//!
//! A model's impl names its fields in order, each with its wire name:
//!
//! ```text
//! let mut fields = crate::runtime::fields::write(serializer)?;
//! fields.value("id", &self.id)?;
//! fields.optional("ephemeral", &self.ephemeral)?;
//! fields.end()
//! ```
//!
//! It writes what serde's derive writes (with `skip_serializing_if = "Option::is_none"` on
//! optional fields and `flatten` on the extra properties): JSON objects with the same keys in
//! the same order, form bodies with the same pairs. The fields are written as a map, as the
//! derive writes a struct with flattened properties; for JSON and form bodies a map and a
//! struct are the same.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::collections::BTreeMap;

/// Starts writing a model's fields with `serializer`.
pub fn write<S: Serializer>(serializer: S) -> Result<FieldWriter<S::SerializeMap>, S::Error> {
    serializer.serialize_map(None).map(FieldWriter)
}

/// The fields of a model being written, in order.
#[derive(Debug)]
pub struct FieldWriter<M>(M);

impl<M: SerializeMap> FieldWriter<M> {
    /// Writes a field that is always sent (`null` for a required, nullable one that is
    /// `None`).
    pub fn value<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(name, value)
    }

    /// Writes an optional field when it is set (an optional, nullable request field set to
    /// `Some(None)` is sent as `null`).
    pub fn optional<T: Serialize>(
        &mut self,
        name: &'static str,
        value: &Option<T>,
    ) -> Result<(), M::Error> {
        match value {
            Some(value) => self.0.serialize_entry(name, value),
            None => Ok(()),
        }
    }

    /// Writes the properties beyond the documented ones, after them.
    pub fn extra<V: Serialize>(&mut self, extra: &BTreeMap<String, V>) -> Result<(), M::Error> {
        extra
            .iter()
            .try_for_each(|(key, value)| self.0.serialize_entry(key, value))
    }

    /// Ends the model.
    pub fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}
