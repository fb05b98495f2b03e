//! The conditional-request cache: the last `ETag` and body of GET responses, bounded and
//! least-recently-used first out.
//!
//! A repeated GET of the same URL with the same credentials sends `If-None-Match`; GitHub
//! answers `304 Not Modified` when nothing changed, and a 304 does not count against the
//! primary rate limit. The client then answers from the stored body (see
//! [`RawResponse::not_modified`](super::RawResponse::not_modified)).
//!
//! Entries are keyed by scope (whose credentials), `Accept` and URL, so two
//! installations never see each other's responses. A cache belongs to the client built
//! by one `ClientBuilder::build` and to the installation clients made from it; clients
//! built separately never share one.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{ETAG, HeaderMap, HeaderValue};

/// The bounds of the response cache: whichever is reached first evicts the least recently
/// used entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheLimits {
    max_entries: usize,
    max_bytes: usize,
}

impl Default for CacheLimits {
    /// 512 responses or 16 MiB (a page of 100 runners is about 23 KB).
    fn default() -> CacheLimits {
        CacheLimits {
            max_entries: 512,
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

impl CacheLimits {
    /// The most responses kept (default 512).
    pub fn max_entries(mut self, entries: usize) -> CacheLimits {
        self.max_entries = entries;
        self
    }

    /// The most bytes kept, counting bodies, URLs and headers (default 16 MiB). A
    /// response larger than this is not kept.
    pub fn max_bytes(mut self, bytes: usize) -> CacheLimits {
        self.max_bytes = bytes;
        self
    }
}

/// Whose credentials a cached response was fetched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum CacheScope {
    /// The client's own credentials (none, or its token): the cache is not shared with
    /// clients that have other ones.
    Own,
    /// The GitHub App itself (its JWT).
    App,
    /// One installation of the app (its installation tokens, which rotate).
    Installation(u64),
}

/// What identifies a cacheable request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct CacheKey {
    pub(super) scope: CacheScope,
    pub(super) accept: Option<&'static str>,
    pub(super) url: String,
}

/// A stored successful response.
#[derive(Debug)]
pub(super) struct CachedResponse {
    pub(super) etag: HeaderValue,
    pub(super) status: StatusCode,
    pub(super) headers: HeaderMap,
    pub(super) body: Bytes,
}

impl CachedResponse {
    /// Stores a response if it carries an `ETag`.
    pub(super) fn from_parts(
        status: StatusCode,
        headers: &HeaderMap,
        body: &Bytes,
    ) -> Option<CachedResponse> {
        Some(CachedResponse {
            etag: headers.get(ETAG)?.clone(),
            status,
            headers: headers.clone(),
            body: body.clone(),
        })
    }

    /// The bytes this entry is charged for.
    fn size(&self, key: &CacheKey) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        key.url.len() + headers + self.body.len()
    }
}

struct Slot {
    response: Arc<CachedResponse>,
    size: usize,
    /// The slot's position in the recency order.
    used: u64,
}

#[derive(Default)]
struct Entries {
    slots: HashMap<CacheKey, Slot>,
    /// Recency order: the smallest tick is the least recently used.
    order: BTreeMap<u64, CacheKey>,
    bytes: usize,
    tick: u64,
}

/// A bounded LRU map from request to its last response.
pub(super) struct ResponseCache {
    limits: CacheLimits,
    entries: Mutex<Entries>,
}

impl std::fmt::Debug for ResponseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseCache")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl ResponseCache {
    pub(super) fn new(limits: CacheLimits) -> ResponseCache {
        ResponseCache {
            limits,
            entries: Mutex::new(Entries::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        match self.entries.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// The stored response for `key`, which becomes the most recently used.
    pub(super) fn get(&self, key: &CacheKey) -> Option<Arc<CachedResponse>> {
        let mut entries = self.lock();
        let entries = &mut *entries;
        entries.tick += 1;
        let tick = entries.tick;
        let slot = entries.slots.get_mut(key)?;
        let previous = std::mem::replace(&mut slot.used, tick);
        let response = Arc::clone(&slot.response);
        if let Some(key) = entries.order.remove(&previous) {
            entries.order.insert(tick, key);
        }
        Some(response)
    }

    /// Stores (or replaces) the response for `key`, then evicts the least recently used
    /// entries until both limits hold. A response bigger than the byte limit is dropped,
    /// together with any older entry for the key.
    pub(super) fn insert(&self, key: CacheKey, response: CachedResponse) {
        let size = response.size(&key);
        let mut entries = self.lock();
        entries.remove(&key);
        if size > self.limits.max_bytes || self.limits.max_entries == 0 {
            return;
        }
        entries.tick += 1;
        let tick = entries.tick;
        entries.order.insert(tick, key.clone());
        entries.bytes += size;
        entries.slots.insert(
            key,
            Slot {
                response: Arc::new(response),
                size,
                used: tick,
            },
        );
        while entries.slots.len() > self.limits.max_entries || entries.bytes > self.limits.max_bytes
        {
            let Some((_, oldest)) = entries.order.pop_first() else {
                break;
            };
            if let Some(slot) = entries.slots.remove(&oldest) {
                entries.bytes -= slot.size;
            }
        }
    }

    /// The number of stored responses and their size in bytes.
    #[cfg(test)]
    fn usage(&self) -> (usize, usize) {
        let entries = self.lock();
        (entries.slots.len(), entries.bytes)
    }
}

impl Entries {
    fn remove(&mut self, key: &CacheKey) {
        if let Some(slot) = self.slots.remove(key) {
            self.order.remove(&slot.used);
            self.bytes -= slot.size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(scope: CacheScope, url: &str) -> CacheKey {
        CacheKey {
            scope,
            accept: None,
            url: url.to_owned(),
        }
    }

    fn response(etag: &'static str, body: &'static str) -> CachedResponse {
        let mut headers = HeaderMap::new();
        headers.insert(ETAG, HeaderValue::from_static(etag));
        CachedResponse::from_parts(
            StatusCode::OK,
            &headers,
            &Bytes::from_static(body.as_bytes()),
        )
        .unwrap()
    }

    #[test]
    fn only_responses_with_an_etag_are_kept() {
        assert!(
            CachedResponse::from_parts(StatusCode::OK, &HeaderMap::new(), &Bytes::new()).is_none()
        );
    }

    #[test]
    fn scopes_never_share_entries() {
        let cache = ResponseCache::new(CacheLimits::default());
        cache.insert(
            key(CacheScope::Installation(1), "u"),
            response("\"a\"", "one"),
        );
        assert!(cache.get(&key(CacheScope::Installation(2), "u")).is_none());
        assert!(cache.get(&key(CacheScope::App, "u")).is_none());
        assert!(cache.get(&key(CacheScope::Own, "u")).is_none());
        let mut other_accept = key(CacheScope::Installation(1), "u");
        other_accept.accept = Some("application/json");
        assert!(cache.get(&other_accept).is_none());
        assert_eq!(
            cache
                .get(&key(CacheScope::Installation(1), "u"))
                .unwrap()
                .body,
            "one"
        );
    }

    #[test]
    fn entry_limit_evicts_the_least_recently_used() {
        let cache = ResponseCache::new(CacheLimits::default().max_entries(2));
        cache.insert(key(CacheScope::Own, "a"), response("\"1\"", "a"));
        cache.insert(key(CacheScope::Own, "b"), response("\"2\"", "b"));
        assert!(cache.get(&key(CacheScope::Own, "a")).is_some()); // a is now the newest
        cache.insert(key(CacheScope::Own, "c"), response("\"3\"", "c"));
        assert!(cache.get(&key(CacheScope::Own, "b")).is_none());
        assert!(cache.get(&key(CacheScope::Own, "a")).is_some());
        assert!(cache.get(&key(CacheScope::Own, "c")).is_some());
        assert_eq!(cache.usage().0, 2);
        // Replacing an entry does not grow the cache.
        cache.insert(key(CacheScope::Own, "c"), response("\"4\"", "c2"));
        assert_eq!(cache.usage().0, 2);
        assert_eq!(cache.get(&key(CacheScope::Own, "c")).unwrap().etag, "\"4\"");
    }

    #[test]
    fn byte_limit_holds() {
        let one = response("\"1\"", "0123456789").size(&key(CacheScope::Own, "a"));
        let cache = ResponseCache::new(CacheLimits::default().max_bytes(2 * one + 1));
        for url in ["a", "b", "c", "d"] {
            cache.insert(key(CacheScope::Own, url), response("\"1\"", "0123456789"));
            assert!(cache.usage().1 <= 2 * one + 1);
        }
        assert_eq!(cache.usage(), (2, 2 * one));
        assert!(cache.get(&key(CacheScope::Own, "d")).is_some());
        // Too big on its own: not kept, and the older entry for the key goes too.
        cache.insert(
            key(CacheScope::Own, "d"),
            response("\"2\"", "0123456789012345678901234567890"),
        );
        assert!(cache.get(&key(CacheScope::Own, "d")).is_none());
        assert_eq!(cache.usage(), (1, one));
        let disabled = ResponseCache::new(CacheLimits::default().max_entries(0));
        disabled.insert(key(CacheScope::Own, "a"), response("\"1\"", "x"));
        assert_eq!(disabled.usage(), (0, 0));
    }
}
