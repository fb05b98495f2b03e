//! Who is calling: personal tokens, GitHub App JWTs and installation access tokens.
//!
//! - Without configured tokens any bearer token is accepted (`Authorization: Bearer …` or
//!   `token …`); with configured tokens, only those. No credentials at all: 401.
//! - A configured [`GitHubApp`] makes the fake verify RS256 JWTs against the app's public
//!   key (`iss` the app id or client id, `exp` at most ten minutes after `iat`, as GitHub
//!   requires). A JWT may only call the app endpoints (`/app/…`, `…/installation`).
//! - `POST /app/installations/{id}/access_tokens` issues installation tokens (`ghs_…`)
//!   that expire after a configurable lifetime; an expired one is refused with 401, so a
//!   client's refresh logic can be tested. An installation token only sees its account's
//!   organization and repositories (403 elsewhere, GitHub's "Resource not accessible by
//!   integration").

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use crate::error::{ApiFailure, Outcome};
use crate::world::tokens::random_token;

/// A GitHub App the fake trusts: its id, optionally its client id, and its public key.
#[derive(Clone)]
pub struct GitHubApp {
    app_id: i64,
    client_id: Option<String>,
    key: DecodingKey,
}

impl std::fmt::Debug for GitHubApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GitHubApp")
            .field("app_id", &self.app_id)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl GitHubApp {
    /// An app with id `app_id` whose JWTs are verified with `public_key_pem` (an RSA
    /// public key, PEM); errors when the PEM is not an RSA public key.
    pub fn new(app_id: i64, public_key_pem: &str) -> Result<GitHubApp, crate::FakeError> {
        let key = DecodingKey::from_rsa_pem(public_key_pem.as_bytes())
            .map_err(|error| crate::FakeError::InvalidKey(error.to_string()))?;
        Ok(GitHubApp {
            app_id,
            client_id: None,
            key,
        })
    }

    /// Also accepts JWTs whose `iss` is this client id (`Iv1.…`), as GitHub does.
    pub fn client_id(mut self, client_id: &str) -> GitHubApp {
        self.client_id = Some(client_id.to_owned());
        self
    }

    /// The app's id.
    pub fn app_id(&self) -> i64 {
        self.app_id
    }
}

/// The authenticated caller of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Credential {
    /// A personal (or OAuth) token.
    Token(String),
    /// The app itself, by a verified JWT.
    App(i64),
    /// An installation, by an installation access token.
    Installation {
        /// The installation id.
        id: i64,
        /// The organization (or user) the app is installed on.
        account: String,
    },
}

impl Credential {
    /// The rate-limit bucket of the credential: GitHub counts per token, per app and per
    /// installation (every token of one installation shares its budget).
    pub(crate) fn bucket(&self) -> String {
        match self {
            Credential::Token(token) => format!("token:{token}"),
            Credential::App(id) => format!("app:{id}"),
            Credential::Installation { id, .. } => format!("installation:{id}"),
        }
    }
}

/// An installation of the app on an organization or user account.
#[derive(Debug, Clone)]
pub(crate) struct Installation {
    pub(crate) id: i64,
    pub(crate) account: String,
}

/// The claims the fake reads from an app JWT (`iss` may be a number or a string).
#[derive(Debug, Deserialize)]
struct Claims {
    iat: i64,
    exp: i64,
    iss: serde_json::Value,
}

/// The authentication configuration and the installation tokens issued so far.
#[derive(Debug, Default)]
pub(crate) struct Auth {
    /// `None`: any token is accepted.
    pub(crate) tokens: Option<BTreeSet<String>>,
    pub(crate) app: Option<GitHubApp>,
    pub(crate) installations: BTreeMap<i64, Installation>,
    pub(crate) installation_tokens: BTreeMap<String, (i64, DateTime<Utc>)>,
    pub(crate) installation_token_lifetime: Option<Duration>,
}

/// Installation tokens live an hour on GitHub.
const DEFAULT_INSTALLATION_TOKEN_LIFETIME: Duration = Duration::hours(1);
/// GitHub refuses JWTs that expire more than ten minutes from now.
const MAX_JWT_LIFETIME: i64 = 600;
/// Clock drift tolerated on `iat` and `exp`.
const LEEWAY: i64 = 60;

impl Auth {
    /// Identifies the caller from the `Authorization` header value.
    pub(crate) fn authenticate(&self, header: Option<&str>) -> Outcome<Credential> {
        let Some(token) = header.and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
                .or_else(|| value.strip_prefix("token "))
                .map(str::trim)
                .filter(|token| !token.is_empty())
        }) else {
            return Err(ApiFailure::unauthorized("Requires authentication"));
        };
        if let Some((id, expires_at)) = self.installation_tokens.get(token) {
            if *expires_at <= Utc::now() {
                return Err(ApiFailure::unauthorized("Bad credentials"));
            }
            let account = self
                .installations
                .get(id)
                .map(|installation| installation.account.clone())
                .unwrap_or_default();
            return Ok(Credential::Installation { id: *id, account });
        }
        if let Some(app) = &self.app
            && looks_like_jwt(token)
        {
            return verify_jwt(app, token).map(|()| Credential::App(app.app_id));
        }
        match &self.tokens {
            Some(tokens) if !tokens.contains(token) => {
                Err(ApiFailure::unauthorized("Bad credentials"))
            }
            _ => Ok(Credential::Token(token.to_owned())),
        }
    }

    /// Checks that `credential` may call `path` (403 otherwise). `repository_account` is
    /// the organization (or else the owner) of the repository a `/repos/…` path names.
    pub(crate) fn authorize(
        &self,
        credential: &Credential,
        path: &str,
        repository_account: Option<&str>,
    ) -> Outcome<()> {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let app_endpoint = segments.first() == Some(&"app")
            || segments.last() == Some(&"installation")
            || path == "/rate_limit";
        match credential {
            Credential::App(_) if app_endpoint => Ok(()),
            Credential::App(_) => Err(ApiFailure::forbidden(
                "Resource not accessible by integration",
            )),
            _ if segments.first() == Some(&"app") => Err(ApiFailure::unauthorized(
                "A JSON web token could not be decoded",
            )),
            Credential::Token(_) => Ok(()),
            Credential::Installation { account, .. } => {
                let allowed = match segments.as_slice() {
                    ["rate_limit"] => true,
                    ["orgs", org, ..] => org.eq_ignore_ascii_case(account),
                    ["repos", owner, ..] => repository_account
                        .unwrap_or(owner)
                        .eq_ignore_ascii_case(account),
                    _ => false,
                };
                if allowed {
                    Ok(())
                } else {
                    Err(ApiFailure::forbidden(
                        "Resource not accessible by integration",
                    ))
                }
            }
        }
    }

    /// Issues an installation access token; 404 for an unknown installation.
    pub(crate) fn issue_installation_token(
        &mut self,
        installation: i64,
    ) -> Outcome<(String, DateTime<Utc>)> {
        if !self.installations.contains_key(&installation) {
            return Err(ApiFailure::not_found());
        }
        let token = format!("ghs_{}", random_token(installation).to_ascii_lowercase());
        let lifetime = self
            .installation_token_lifetime
            .unwrap_or(DEFAULT_INSTALLATION_TOKEN_LIFETIME);
        let expires_at = Utc::now() + lifetime;
        self.installation_tokens
            .insert(token.clone(), (installation, expires_at));
        Ok((token, expires_at))
    }
}

/// A JWT is three base64url parts separated by dots.
fn looks_like_jwt(token: &str) -> bool {
    token.split('.').count() == 3 && token.starts_with("eyJ")
}

/// Verifies an app JWT as GitHub does: RS256 signature, `iss`, `iat`, `exp`.
fn verify_jwt(app: &GitHubApp, token: &str) -> Outcome<()> {
    let mut validation = Validation::new(Algorithm::RS256);
    // `iss` is checked below: GitHub allows a number, which jsonwebtoken does not.
    validation.set_required_spec_claims(&["exp"]);
    validation.leeway = LEEWAY as u64;
    let claims = jsonwebtoken::decode::<Claims>(token, &app.key, &validation)
        .map_err(|_| ApiFailure::unauthorized("A JSON web token could not be decoded"))?
        .claims;
    let issuer_matches = match &claims.iss {
        serde_json::Value::Number(number) => number.as_i64() == Some(app.app_id),
        serde_json::Value::String(text) => {
            text == &app.app_id.to_string() || Some(text) == app.client_id.as_ref()
        }
        _ => false,
    };
    if !issuer_matches {
        return Err(ApiFailure::unauthorized(
            "'Issuer' claim ('iss') must be an Integer or the app's client ID",
        ));
    }
    let now = Utc::now().timestamp();
    if claims.iat > now + LEEWAY {
        return Err(ApiFailure::unauthorized(
            "'Issued at' claim ('iat') must be an Integer representing a time in the past",
        ));
    }
    if claims.exp > now + MAX_JWT_LIFETIME + LEEWAY {
        return Err(ApiFailure::unauthorized(
            "'Expiration time' claim ('exp') is too far in the future",
        ));
    }
    Ok(())
}
