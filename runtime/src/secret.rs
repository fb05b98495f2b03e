//! [`SecretString`]: a string whose value never shows up in `Debug` or `Display` output.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A secret string (an access token, a runner registration token, ...).
///
/// `Debug` and `Display` print `<redacted>`; [`SecretString::expose_secret`] is the
/// only way to read the value. It serializes and deserializes transparently as a
/// plain JSON string.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl SecretString {
    /// Wraps a value as a secret.
    pub fn new(value: impl Into<String>) -> SecretString {
        SecretString(value.into())
    }

    /// Returns the secret value. Take care not to log it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> SecretString {
        SecretString(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> SecretString {
        SecretString(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::SecretString;

    #[test]
    fn debug_and_display_are_redacted() {
        let secret = SecretString::from("ghp_supersecret");
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(secret.to_string(), "<redacted>");
        assert_eq!(format!("{:?}", Some(secret.clone())), "Some(<redacted>)");
        assert_eq!(secret.expose_secret(), "ghp_supersecret");
    }

    #[test]
    fn serde_is_transparent() {
        let secret: SecretString = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(secret.expose_secret(), "abc");
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"abc\"");
        assert_eq!(secret, SecretString::from(String::from("abc")));
    }
}
