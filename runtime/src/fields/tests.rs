//! The impls these helpers make decode what `#[derive(Deserialize)]` decodes, with the same
//! error messages, and write what `#[derive(Serialize)]` writes: a model written as the
//! generator writes it is compared with its derived twin on the same inputs.

use super::{Fields, FromFields};
use serde::de::MapAccess;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A model as the generator writes it: a required field, an optional one, an optional
/// nullable request field (absent, `null` and a value kept apart) and extra properties.
#[derive(Debug, PartialEq)]
struct Written {
    id: i64,
    note: Option<String>,
    cleared: Option<Option<String>>,
    additional_properties: BTreeMap<String, i64>,
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize(deserializer, "Written")
    }
}

impl Serialize for Written {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = super::write(serializer)?;
        fields.value("id", &self.id)?;
        fields.optional("note", &self.note)?;
        fields.optional("cleared", &self.cleared)?;
        fields.extra(&self.additional_properties)?;
        fields.end()
    }
}

impl FromFields for Written {
    fn from_fields<'de, A: MapAccess<'de>>(mut fields: Fields<'de, A>) -> Result<Self, A::Error> {
        let mut id = None;
        let mut note = None;
        let mut cleared = None;
        let mut additional_properties = BTreeMap::new();
        while let Some(key) = fields.next_key()? {
            match key {
                "id" => fields.value(&mut id)?,
                "note" => fields.value(&mut note)?,
                "cleared" => fields.value(&mut cleared)?,
                _ => fields.extra(&mut additional_properties)?,
            }
        }
        Ok(Self {
            id: fields.required(id, "id")?,
            note: note.flatten(),
            cleared,
            additional_properties,
        })
    }
}

/// The same models, derived (named alike, so that messages naming them compare).
mod derived {
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    pub struct Written {
        pub id: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "present"
        )]
        pub cleared: Option<Option<String>>,
        #[serde(flatten)]
        pub additional_properties: BTreeMap<String, i64>,
    }

    /// A present field (`null` included) as `Some(…)`, as the written impls read a clearable
    /// field; absent, `#[serde(default)]` makes it `None`.
    fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        D: serde::Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    /// [`super::Strict`], derived.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // Only its errors are compared.
    pub struct Strict {
        id: i64,
    }
}

/// A model without extra properties: unknown fields are skipped, whatever their value.
#[derive(Debug, PartialEq)]
struct Strict {
    id: i64,
}

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize(deserializer, "Strict")
    }
}

impl FromFields for Strict {
    fn from_fields<'de, A: MapAccess<'de>>(mut fields: Fields<'de, A>) -> Result<Self, A::Error> {
        let mut id = None;
        while let Some(key) = fields.next_key()? {
            match key {
                "id" => fields.value(&mut id)?,
                _ => fields.skip()?,
            }
        }
        Ok(Self {
            id: fields.required(id, "id")?,
        })
    }
}

fn decoded(json: &str) -> (Result<Written, String>, Result<derived::Written, String>) {
    let written = serde_json::from_str::<Written>(json).map_err(|error| error.to_string());
    let derived = serde_json::from_str::<derived::Written>(json).map_err(|error| error.to_string());
    (written, derived)
}

#[test]
fn decodes_what_the_derive_decodes_with_the_same_errors() {
    let inputs = [
        r#"{"id": 1}"#,
        r#"{"id": 1, "note": "n", "cleared": "c"}"#,
        r#"{"note": null, "id": 2, "cleared": null}"#,
        r#"{"id": 3, "other": 4, "more": 5}"#,
        r#"{"i\u0064": 6, "n\u006fte": "escaped keys"}"#,
        r#"{"id": 7, "other": "not a number"}"#,
        r#"{"note": "no id"}"#,
        r#"{"id": 1, "id": 2}"#,
        r#"{"id": 1, "note": null, "note": "twice"}"#,
        r#"{"id": 1, "cleared": null, "cleared": null}"#,
        r#"{"id": "one"}"#,
        r#"{"id": 1, "note": 5}"#,
        r#""a string""#,
        r#"null"#,
        r#"12"#,
        r#"{"id": 1"#,
        r#"{}"#,
    ];
    for json in inputs {
        let (written, derived) = decoded(json);
        match (written, derived) {
            (Ok(written), Ok(derived)) => {
                assert_eq!(written.id, derived.id, "{json}");
                assert_eq!(written.note, derived.note, "{json}");
                assert_eq!(written.cleared, derived.cleared, "{json}");
                assert_eq!(
                    written.additional_properties, derived.additional_properties,
                    "{json}"
                );
            }
            (Err(written), Err(derived)) => {
                // The derive buffers a map with extra properties before reading it, so its
                // positions differ; the message itself does not.
                let message = |error: &str| error.split(" at line").next().map(str::to_owned);
                assert_eq!(message(&written), message(&derived), "{json}");
            }
            (written, derived) => panic!("{json}: {written:?} but derived {derived:?}"),
        }
    }
}

#[test]
fn absent_null_and_a_value_of_a_clearable_field_stay_apart() {
    let cleared = |json: &str| serde_json::from_str::<Written>(json).map(|model| model.cleared);
    assert_eq!(cleared(r#"{"id": 1}"#).ok(), Some(None));
    assert_eq!(
        cleared(r#"{"id": 1, "cleared": null}"#).ok(),
        Some(Some(None))
    );
    assert_eq!(
        cleared(r#"{"id": 1, "cleared": "x"}"#).ok(),
        Some(Some(Some("x".to_owned())))
    );
}

#[test]
fn unknown_fields_are_skipped_and_errors_name_the_place_the_derive_names() {
    let strict = serde_json::from_str::<Strict>(r#"{"a": [1, {"b": null}], "id": 9, "c": "d"}"#);
    assert_eq!(strict.ok(), Some(Strict { id: 9 }));
    for json in [
        "{\n\"id\": 1,\n\"id\": 2}",
        "{\"id\": 1, \"x\": [1,}",
        "{\"x\": 1}",
        "{\"id\": true}",
        "\"text\"",
    ] {
        let error = |result: Result<(), serde_json::Error>| result.err().map(|e| e.to_string());
        let written = error(serde_json::from_str::<Strict>(json).map(drop));
        let derived = error(serde_json::from_str::<derived::Strict>(json).map(drop));
        assert!(written.is_some(), "{json}");
        assert_eq!(written, derived, "{json}");
    }
    // The one difference: the derive also reads a struct from an array, by position.
    let error = serde_json::from_str::<Strict>("[1]")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("invalid type: sequence, expected struct Strict at line 1 column 0")
    );
}

#[test]
fn an_owned_deserializer_decodes_the_same() {
    let value = serde_json::json!({"id": 4, "note": "from a Value", "x": 1});
    let written = serde_json::from_value::<Written>(value).ok();
    assert_eq!(
        written,
        Some(Written {
            id: 4,
            note: Some("from a Value".to_owned()),
            cleared: None,
            additional_properties: BTreeMap::from([("x".to_owned(), 1)]),
        })
    );
}

#[test]
fn writes_what_the_derive_writes_as_json_and_as_a_form() {
    let cases = [
        (1, None, None, vec![]),
        (2, Some("n"), Some(None), vec![("x", 1)]),
        (3, Some("a & b"), Some(Some("c")), vec![("y", 2), ("a", 3)]),
    ];
    for (id, note, cleared, extra) in cases {
        let note = note.map(str::to_owned);
        let cleared = cleared.map(|cleared: Option<&str>| cleared.map(str::to_owned));
        let extra: BTreeMap<String, i64> = extra
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect();
        let written = Written {
            id,
            note: note.clone(),
            cleared: cleared.clone(),
            additional_properties: extra.clone(),
        };
        let derived = derived::Written {
            id,
            note,
            cleared,
            additional_properties: extra,
        };
        let json = serde_json::to_string(&written).ok();
        assert_eq!(json, serde_json::to_string(&derived).ok());
        // And it reads back as it was.
        let back = json.and_then(|json| serde_json::from_str::<Written>(&json).ok());
        assert_eq!(back.as_ref(), Some(&written));
        assert_eq!(
            serde_urlencoded::to_string(&written).ok(),
            serde_urlencoded::to_string(&derived).ok()
        );
    }
}
