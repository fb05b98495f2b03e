//! Decoding a model from a map of its fields: what every generated `Deserialize` impl of a
//! model struct shares; [`write()`] is the same for `Serialize`.
//!
//! A model's impl is two short pieces of generated code: `Deserialize::deserialize` calls
//! [`deserialize`], and [`FromFields::from_fields`] names the model's fields, one `match` arm
//! each, and builds the struct. Everything else (the visitor, reading keys without copying
//! them, duplicate and missing fields, skipping unknown ones) is here, compiled once.
//!
//! Why not `#[derive(Deserialize)]`: serde's derive writes about 280 lines per struct (a
//! field enum and its visitor, a sequence form and a map form), which every build of the
//! client crate expands, type-checks and encodes into its metadata. These impls decode the
//! same JSON to the same values with the same error messages (`missing field `id``,
//! `duplicate field `id``, `invalid type: …, expected struct Runner`) in a seventh of the code.
//! A JSON array is not read as a struct (serde's derive reads one positionally): GitHub
//! never sends one for an object.
//!
//! The slots `from_fields` fills are `Option`s, so that a field given twice is told from one
//! given once: a required field's slot is `Option<T>` (missing: an error), an optional
//! field's `Option<Option<T>>` (`null` and absent alike: `None`, after `flatten`), and an
//! optional nullable request field's `Option<Option<T>>` as it is. Such a field (a runner
//! group's `network_configuration_id` on update) is sent as `null` to clear a value: `None` is
//! not sent, `Some(None)` is `null`, `Some(Some(value))` the value; read as it is, the slot
//! gives back what was sent (serde's derive would read `null` as `None`).

mod write;

pub use write::{FieldWriter, write};

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A model read from the fields of a map; implemented by the generated model structs.
pub trait FromFields: Sized {
    /// Reads the model from `fields`: each field into its slot ([`Fields::value`]), then the
    /// struct from the slots.
    fn from_fields<'de, A: MapAccess<'de>>(fields: Fields<'de, A>) -> Result<Self, A::Error>;
}

/// Deserializes a model from a map; `name` is the model's name, for the message of an input
/// that is not a map (`invalid type: string "x", expected struct Runner`).
pub fn deserialize<'de, D: Deserializer<'de>, T: FromFields>(
    deserializer: D,
    name: &'static str,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ModelVisitor {
        name,
        model: PhantomData,
    })
}

/// The visitor of a model: a map, handed to [`FromFields::from_fields`].
struct ModelVisitor<T> {
    name: &'static str,
    model: PhantomData<T>,
}

impl<'de, T: FromFields> Visitor<'de> for ModelVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "struct {}", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_fields(Fields { map, key: None })
    }
}

/// The fields of a map being read, one key at a time.
#[derive(Debug)]
pub struct Fields<'de, A> {
    map: A,
    /// The key of the value to read next (borrowed from the input unless it had escapes).
    key: Option<Cow<'de, str>>,
}

impl<'de, A: MapAccess<'de>> Fields<'de, A> {
    /// The next key, or `None` at the end of the map; its value is read next, into a slot
    /// ([`Fields::value`]), into the extra properties ([`Fields::extra`]) or not at all
    /// ([`Fields::skip`]).
    pub fn next_key(&mut self) -> Result<Option<&str>, A::Error> {
        self.key = self.map.next_key::<Key<'de>>()?.map(|key| key.0);
        Ok(self.key.as_deref())
    }

    /// Reads the value of the current key into `slot`; a key given twice is an error
    /// (`duplicate field `id``).
    pub fn value<T: Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        if slot.is_some() {
            let key = self.key.as_deref().unwrap_or_default();
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        *slot = Some(self.map.next_value()?);
        Ok(())
    }

    /// Reads the value of the current key, which is not a documented field, into the model's
    /// map of extra properties.
    pub fn extra<V: Deserialize<'de>>(
        &mut self,
        extra: &mut BTreeMap<String, V>,
    ) -> Result<(), A::Error> {
        let value = self.map.next_value()?;
        let key = self.key.take().unwrap_or_default().into_owned();
        extra.insert(key, value);
        Ok(())
    }

    /// Reads past the value of the current key, which the model does not know.
    pub fn skip(&mut self) -> Result<(), A::Error> {
        self.map.next_value::<IgnoredAny>().map(|_| ())
    }

    /// The value of a required field, or the error that it is missing (`missing field `id``).
    pub fn required<T>(&self, slot: Option<T>, name: &'static str) -> Result<T, A::Error> {
        slot.ok_or_else(|| de::Error::missing_field(name))
    }
}

/// A key of a map, borrowed from the input when it can be.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key)))
    }
}

#[cfg(test)]
mod tests;
