//! Registration and remove tokens: issued by the API, redeemed by the test helpers that
//! stand for `config.sh` and `config.sh remove`.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher as _;

use chrono::{DateTime, Duration, Utc};

use super::{IssuedToken, Scope, World};
use crate::FakeError;
use crate::error::{ApiFailure, Outcome};

/// How long a registration or remove token is valid, as on GitHub.
const TOKEN_LIFETIME: Duration = Duration::hours(1);

/// What a token handed out by the runner API is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// `…/registration-token`: registers a runner.
    Registration,
    /// `…/remove-token`: removes a runner.
    Remove,
}

impl World {
    /// Issues a token of `kind` for `scope`; 404 for an unknown scope.
    pub(crate) fn issue_token(
        &mut self,
        kind: TokenKind,
        scope: &Scope,
    ) -> Outcome<(String, DateTime<Utc>)> {
        if !self.scope_exists(scope) {
            return Err(ApiFailure::not_found());
        }
        let token = random_token(self.next_id());
        let expires_at = Utc::now() + TOKEN_LIFETIME;
        self.issued_tokens.insert(
            token.clone(),
            IssuedToken {
                kind,
                scope: scope.clone(),
                expires_at,
            },
        );
        Ok((token, expires_at))
    }

    /// The scope a valid, unexpired token of `kind` was issued for.
    pub(crate) fn redeem_token(&self, token: &str, kind: TokenKind) -> Result<Scope, FakeError> {
        let issued = self
            .issued_tokens
            .get(token)
            .filter(|issued| issued.kind == kind)
            .ok_or(FakeError::UnknownToken)?;
        if issued.expires_at <= Utc::now() {
            return Err(FakeError::ExpiredToken(issued.expires_at));
        }
        Ok(issued.scope.clone())
    }

    /// Makes every token issued so far expire now (to test what happens after an hour).
    pub(crate) fn expire_tokens(&mut self) {
        let now = Utc::now();
        for issued in self.issued_tokens.values_mut() {
            issued.expires_at = now;
        }
    }
}

/// A 29-character token of upper-case letters and digits, like GitHub's.
pub(crate) fn random_token(salt: i64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = RandomState::new().hash_one(salt) as u128
        | (u128::from(RandomState::new().hash_one(salt.wrapping_add(1))) << 64);
    let mut token = String::from("AA");
    while token.len() < 29 {
        let index = (bits % ALPHABET.len() as u128) as usize;
        token.push(char::from(ALPHABET[index]));
        bits /= ALPHABET.len() as u128;
    }
    token
}
