//! GitHub App authentication: the app's private key and the short-lived JWTs signed
//! with it (RS256, by `jsonwebtoken`).
//!
//! GitHub accepts an app JWT whose `exp` is at most 10 minutes ahead of its own clock. We
//! set `iat` 60 seconds in the past (a server clock slightly behind ours must not see a
//! token from the future) and `exp` 9 minutes ahead (a server clock up to a minute behind
//! ours must not see more than 10 minutes), and sign a new JWT once the current one has
//! less than a minute left.

use std::fmt;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeDelta, Utc};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::header::HeaderValue;
use serde::Serialize;

use super::Error;

/// How far `iat` is set in the past, against clock drift.
const BACKDATE: TimeDelta = TimeDelta::seconds(60);
/// How far `exp` is set in the future.
const LIFETIME: TimeDelta = TimeDelta::seconds(9 * 60);
/// A JWT with less than this left is replaced before it is sent.
const RENEW_BEFORE_EXPIRY: TimeDelta = TimeDelta::seconds(60);

/// A GitHub App's identity and private key, checked when it is made.
///
/// `Debug` shows the issuer only; the key never leaves this value except as signatures.
#[derive(Clone)]
pub struct AppKey {
    /// The JWT's `iss`: the app ID or the client ID. Always a JSON string (RFC 7519 makes
    /// `iss` a string; GitHub accepts the app ID in that form too).
    issuer: String,
    key: EncodingKey,
}

impl fmt::Debug for AppKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppKey")
            .field("issuer", &self.issuer)
            .field("private_key", &format_args!("<redacted>"))
            .finish()
    }
}

#[derive(Serialize)]
struct Claims<'a> {
    iat: i64,
    exp: i64,
    iss: &'a str,
}

impl AppKey {
    /// Reads the app's RSA private key from PEM: PKCS#1 (`BEGIN RSA PRIVATE KEY`, as
    /// GitHub issues it) or PKCS#8 (`BEGIN PRIVATE KEY`).
    ///
    /// The key is tried by signing once, so a key that cannot sign fails here, with
    /// [`Error::InvalidAppKey`] saying what is wrong, and never on a request.
    pub fn from_pem(
        app_id_or_client_id: impl ToString,
        pem: impl AsRef<[u8]>,
    ) -> Result<AppKey, Error> {
        let pem = pem.as_ref();
        let invalid = |reason: String| Error::InvalidAppKey { reason };
        check_pem_label(pem).map_err(|reason| invalid(reason.to_owned()))?;
        let key = EncodingKey::from_rsa_pem(pem).map_err(|error| {
            invalid(format!(
                "the PEM block could not be read as an RSA private key ({error})"
            ))
        })?;
        let app_key = AppKey {
            issuer: app_id_or_client_id.to_string().trim().to_owned(),
            key,
        };
        app_key.sign(Utc::now()).map_err(|_| {
            invalid(
                "the PEM block holds no usable RSA private key (its content is damaged, or it is another kind of key)"
                    .to_owned(),
            )
        })?;
        Ok(app_key)
    }

    /// The JWT's issuer.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Signs a JWT valid from `now - 60 s` to `now + 9 min`.
    fn sign(&self, now: DateTime<Utc>) -> Result<SignedJwt, Error> {
        let expires_at = now + LIFETIME;
        let claims = Claims {
            iat: (now - BACKDATE).timestamp(),
            exp: expires_at.timestamp(),
            iss: &self.issuer,
        };
        let jwt = jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &self.key)
            .map_err(|error| Error::AppJwt {
                reason: error.to_string(),
            })?;
        Ok(SignedJwt {
            authorization: bearer(&jwt)?,
            expires_at,
        })
    }
}

/// Names what is wrong with the PEM framing: PEM at all, a private key, RSA, unencrypted.
fn check_pem_label(pem: &[u8]) -> Result<(), &'static str> {
    let text = std::str::from_utf8(pem).map_err(|_| "the key is not PEM text (it is not UTF-8)")?;
    let label = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("-----BEGIN "))
        .and_then(|rest| rest.strip_suffix("-----"))
        .ok_or("the key is not PEM: no `-----BEGIN …-----` line")?;
    match label {
        "RSA PRIVATE KEY" | "PRIVATE KEY" => Ok(()),
        "ENCRYPTED PRIVATE KEY" => Err(
            "the private key is encrypted; decrypt it first (GitHub issues unencrypted PKCS#1 keys)",
        ),
        "PUBLIC KEY" | "RSA PUBLIC KEY" => {
            Err("this is a public key; the app's private key is needed")
        }
        "EC PRIVATE KEY" => Err("this is an EC key; GitHub Apps sign with RSA keys"),
        "OPENSSH PRIVATE KEY" => {
            Err("this is an OpenSSH key; a PEM RSA private key (PKCS#1 or PKCS#8) is needed")
        }
        "CERTIFICATE" => Err("this is a certificate, not a private key"),
        _ => Err("the PEM block is not an RSA private key (PKCS#1 or PKCS#8)"),
    }
}

/// `Bearer <token>` as a header value marked sensitive (hidden from HTTP debug output).
pub(super) fn bearer(token: &str) -> Result<HeaderValue, Error> {
    let mut value =
        HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| Error::InvalidHeader {
            name: "authorization".to_owned(),
        })?;
    value.set_sensitive(true);
    Ok(value)
}

/// A signed JWT as an `Authorization` value.
struct SignedJwt {
    authorization: HeaderValue,
    expires_at: DateTime<Utc>,
}

/// The app's current JWT, replaced shortly before it expires.
pub(super) struct AppJwt {
    key: AppKey,
    current: Mutex<Option<Arc<SignedJwt>>>,
}

impl fmt::Debug for AppJwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppJwt")
            .field("issuer", &self.key.issuer)
            .finish_non_exhaustive()
    }
}

impl AppJwt {
    pub(super) fn new(key: AppKey) -> AppJwt {
        AppJwt {
            key,
            current: Mutex::new(None),
        }
    }

    /// The `Authorization` value for a request sent now.
    pub(super) fn authorization(&self) -> Result<HeaderValue, Error> {
        self.authorization_at(Utc::now())
    }

    /// The `Authorization` value for a request sent at `now`: the current JWT, or a new
    /// one if it has less than a minute left. Signing happens under the lock, so that
    /// concurrent requests sign once (it takes about a millisecond).
    fn authorization_at(&self, now: DateTime<Utc>) -> Result<HeaderValue, Error> {
        let mut current = match self.current.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(jwt) = current
            .as_ref()
            .filter(|jwt| jwt.expires_at - now > RENEW_BEFORE_EXPIRY)
        {
            return Ok(jwt.authorization.clone());
        }
        let jwt = Arc::new(self.key.sign(now)?);
        let authorization = jwt.authorization.clone();
        *current = Some(jwt);
        Ok(authorization)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{DecodingKey, Validation};

    const PKCS1: &str = include_str!("../tests/fixtures/test-app-key.pem");
    const PKCS8: &str = include_str!("../tests/fixtures/test-app-key-pkcs8.pem");
    const PUBLIC: &str = include_str!("../tests/fixtures/test-app-key.pub.pem");
    const EC: &str = include_str!("../tests/fixtures/test-ec-key.pem");

    fn decode(value: &HeaderValue) -> (jsonwebtoken::Header, serde_json::Value) {
        let jwt = value.to_str().unwrap().strip_prefix("Bearer ").unwrap();
        let mut validation = Validation::new(Algorithm::RS256);
        validation.validate_exp = false;
        validation.set_required_spec_claims(&["iat", "exp", "iss"]);
        let key = DecodingKey::from_rsa_pem(PUBLIC.as_bytes()).unwrap();
        let data = jsonwebtoken::decode::<serde_json::Value>(jwt, &key, &validation).unwrap();
        (data.header, data.claims)
    }

    #[test]
    fn claims_and_header() {
        for pem in [PKCS1, PKCS8] {
            let jwt = AppJwt::new(AppKey::from_pem(12345, pem).unwrap());
            let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
            let (header, claims) = decode(&jwt.authorization_at(now).unwrap());
            assert_eq!(header.alg, Algorithm::RS256);
            assert_eq!(header.typ.as_deref(), Some("JWT"));
            assert_eq!(claims["iat"], 1_800_000_000 - 60);
            assert_eq!(claims["exp"], 1_800_000_000 + 540);
            assert_eq!(claims["iss"], "12345");
        }
        let jwt = AppJwt::new(AppKey::from_pem("Iv23liABC", PKCS1).unwrap());
        let (_, claims) = decode(&jwt.authorization().unwrap());
        assert_eq!(claims["iss"], "Iv23liABC");
    }

    #[test]
    fn renewed_a_minute_before_expiry() {
        let jwt = AppJwt::new(AppKey::from_pem(1, PKCS1).unwrap());
        let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let first = jwt.authorization_at(start).unwrap();
        let later = jwt
            .authorization_at(start + TimeDelta::seconds(479))
            .unwrap();
        assert_eq!(first, later);
        let renewed = jwt
            .authorization_at(start + TimeDelta::seconds(481))
            .unwrap();
        assert_ne!(first, renewed);
        assert_eq!(decode(&renewed).1["iat"], 1_800_000_000 + 481 - 60);
        assert!(renewed.is_sensitive());
    }

    #[test]
    fn bad_keys_are_named() {
        let cases: [(&str, &[u8]); 7] = [
            ("not PEM", b"hello"),
            ("not PEM", b""),
            ("public key", PUBLIC.as_bytes()),
            ("EC key", EC.as_bytes()),
            ("encrypted", b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"),
            ("could not be read", b"-----BEGIN RSA PRIVATE KEY-----\n!!!!\n-----END RSA PRIVATE KEY-----\n"),
            ("not UTF-8", &[0xff, 0xfe]),
        ];
        for (expected, pem) in cases {
            let error = AppKey::from_pem(1, pem).unwrap_err();
            let message = error.to_string();
            assert!(matches!(error, Error::InvalidAppKey { .. }));
            assert!(message.contains(expected), "{expected}: {message}");
        }
        // Valid PEM framing around a damaged key body: caught by the trial signature.
        let damaged = PKCS1.replacen("MII", "MIJ", 1);
        let message = AppKey::from_pem(1, damaged).unwrap_err().to_string();
        assert!(
            message.contains("no usable RSA private key") || message.contains("could not be read"),
            "{message}"
        );
    }

    #[test]
    fn debug_never_shows_the_key() {
        let key = AppKey::from_pem(7, PKCS1).unwrap();
        let debug = format!("{key:?} {:?}", AppJwt::new(key.clone()));
        assert!(
            !debug.contains("MII") && debug.contains("<redacted>"),
            "{debug}"
        );
        assert_eq!(AppKey::from_pem(" 42 ", PKCS1).unwrap().issuer(), "42");
    }
}
