//! How a client authenticates: nothing, a fixed token, as a GitHub App (a JWT), or as one
//! installation of an app (an installation access token). Each request asks for its
//! `Authorization` value here, just before it is sent.
//!
//! No value of this module shows a secret in `Debug`.

use std::fmt;
use std::sync::Arc;

use reqwest::StatusCode;
use reqwest::header::HeaderValue;

use super::Error;
use super::app_jwt::{AppJwt, AppKey};
use super::installation::{AccessToken, InstallationAuth, Installations};
use super::response_cache::CacheScope;

/// The credentials of a client.
pub(super) enum Credentials {
    /// Unauthenticated.
    None,
    /// A fixed token (`Bearer …`, marked sensitive).
    Token(HeaderValue),
    /// The GitHub App itself, and the installation clients made from it.
    App {
        /// The app's current JWT.
        jwt: AppJwt,
        /// Its installation clients, so that each installation has one token.
        installations: Installations,
    },
    /// One installation of a GitHub App.
    Installation(Arc<InstallationAuth>),
}

/// The `Authorization` value of one attempt, and the installation token it came from.
pub(super) struct Authorization {
    pub(super) value: HeaderValue,
    token: Option<Arc<AccessToken>>,
}

impl Credentials {
    /// Authenticates as the app with `key`.
    pub(super) fn app(key: AppKey) -> Credentials {
        Credentials::App {
            jwt: AppJwt::new(key),
            installations: Installations::default(),
        }
    }

    /// The `Authorization` value for the next attempt, if any.
    pub(super) async fn authorization(&self) -> Result<Option<Authorization>, Error> {
        Ok(match self {
            Credentials::None => None,
            Credentials::Token(value) => Some(Authorization {
                value: value.clone(),
                token: None,
            }),
            Credentials::App { jwt, .. } => Some(Authorization {
                value: jwt.authorization()?,
                token: None,
            }),
            Credentials::Installation(installation) => {
                let token = installation.token().await?;
                Some(Authorization {
                    value: token.authorization.clone(),
                    token: Some(token),
                })
            }
        })
    }

    /// Called when an attempt failed with `status`: after a 401 to an installation
    /// token, drops the token and returns `true` (one more attempt gets a new one).
    pub(super) fn refused(&self, used: &Authorization, status: Option<StatusCode>) -> bool {
        match (self, &used.token) {
            (Credentials::Installation(installation), Some(token))
                if status == Some(StatusCode::UNAUTHORIZED) =>
            {
                installation.reject(token);
                true
            }
            _ => false,
        }
    }

    /// Whose responses these credentials may read from the response cache.
    pub(super) fn cache_scope(&self) -> CacheScope {
        match self {
            Credentials::None | Credentials::Token(_) => CacheScope::Own,
            Credentials::App { .. } => CacheScope::App,
            Credentials::Installation(installation) => {
                CacheScope::Installation(installation.installation_id())
            }
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::None => f.write_str("None"),
            Credentials::Token(_) => f.write_str("Token(<redacted>)"),
            Credentials::App { jwt, .. } => f.debug_tuple("App").field(jwt).finish(),
            Credentials::Installation(installation) => {
                f.debug_tuple("Installation").field(installation).finish()
            }
        }
    }
}
