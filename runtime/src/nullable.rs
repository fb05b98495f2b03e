//! Fields where `null` and "absent" mean different things.
//!
//! An optional, nullable field of a request body (for example a runner group's
//! `network_configuration_id` on update) is an `Option<Option<T>>`: `None` is not sent,
//! `Some(None)` is sent as `null` (which clears the value), `Some(Some(value))` is sent as the
//! value. Serde reads `null` as the outer `None` by default; this reads it as `Some(None)`, so
//! such a body also decodes back to what was sent. Generated models read these fields with
//! [`crate::fields`] (a slot of `Option<Option<T>>` read as it is); this is the same for a
//! struct that derives `Deserialize`.

use serde::{Deserialize, Deserializer};

/// Deserializes a present field (`null` included) as `Some(…)`; use with
/// `#[serde(default, deserialize_with = "…")]` so that an absent field is `None`.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Body {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "super::deserialize"
        )]
        value: Option<Option<String>>,
    }

    #[test]
    fn absent_null_and_value_stay_apart() {
        for (json, body) in [
            ("{}", Body { value: None }),
            ("{\"value\":null}", Body { value: Some(None) }),
            (
                "{\"value\":\"x\"}",
                Body {
                    value: Some(Some("x".into())),
                },
            ),
        ] {
            assert_eq!(serde_json::from_str::<Body>(json).unwrap(), body);
            assert_eq!(serde_json::to_string(&body).unwrap(), json);
        }
    }
}
