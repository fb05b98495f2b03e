//! Pagination as GitHub does it: `per_page` (default 30, at most 100; larger values are
//! capped, as GitHub caps them), `page` (from 1), `total_count` in the body and a `Link`
//! header with `prev`, `next`, `last` and `first` where they apply.
//!
//! Handlers cut their list with [`paginate`] and attach the [`PageInfo`] to the response;
//! the server adds the `Link` header from it and the URL the client used, so that links
//! keep every other query parameter and point back at the address the client called.

use axum::Json;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// `per_page` when the request does not give one.
pub(crate) const DEFAULT_PER_PAGE: usize = 30;
/// The largest `per_page` GitHub honours.
pub(crate) const MAX_PER_PAGE: usize = 100;

/// The paging query parameters. Kept as text: GitHub ignores values that are not numbers.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    per_page: Option<String>,
    page: Option<String>,
}

/// Which page a response holds, for the `Link` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageInfo {
    pub(crate) page: usize,
    pub(crate) per_page: usize,
    pub(crate) total: usize,
}

impl PageInfo {
    /// The number of the last page (1 for an empty list).
    fn last_page(self) -> usize {
        self.total.div_ceil(self.per_page).max(1)
    }
}

/// Cuts the requested page out of `items`.
pub(crate) fn paginate<T>(items: Vec<T>, query: &PageQuery) -> (Vec<T>, PageInfo) {
    let number = |value: &Option<String>| value.as_deref().and_then(|v| v.parse::<usize>().ok());
    let per_page = match number(&query.per_page) {
        Some(0) | None => DEFAULT_PER_PAGE,
        Some(n) => n.min(MAX_PER_PAGE),
    };
    let page = number(&query.page).unwrap_or(1).max(1);
    let info = PageInfo {
        page,
        per_page,
        total: items.len(),
    };
    let start = (page - 1).saturating_mul(per_page);
    let slice = items.into_iter().skip(start).take(per_page).collect();
    (slice, info)
}

/// A JSON page body with its [`PageInfo`] attached for the server to turn into `Link`.
pub(crate) fn page_response<T: Serialize>(body: T, info: PageInfo) -> Response {
    let mut response = Json(body).into_response();
    response.extensions_mut().insert(info);
    response
}

/// The `Link` header for `info`, with URLs made from `request_url` (the absolute URL the
/// client requested); `None` when everything fits on one page.
pub(crate) fn link_header(request_url: &url::Url, info: PageInfo) -> Option<String> {
    let last = info.last_page();
    if last == 1 && info.page == 1 {
        return None;
    }
    let link = |page: usize, rel: &str| {
        let mut url = request_url.clone();
        let kept: Vec<(String, String)> = request_url
            .query_pairs()
            .filter(|(name, _)| name != "page" && name != "per_page")
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        url.query_pairs_mut()
            .clear()
            .extend_pairs(kept)
            .append_pair("per_page", &info.per_page.to_string())
            .append_pair("page", &page.to_string());
        format!("<{url}>; rel=\"{rel}\"")
    };
    let mut links = Vec::new();
    if info.page > 1 {
        links.push(link((info.page - 1).min(last), "prev"));
    }
    if info.page < last {
        links.push(link(info.page + 1, "next"));
        links.push(link(last, "last"));
    }
    if info.page > 1 {
        links.push(link(1, "first"));
    }
    Some(links.join(", "))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn query(per_page: &str, page: &str) -> PageQuery {
        PageQuery {
            per_page: Some(per_page.to_owned()),
            page: Some(page.to_owned()),
        }
    }

    #[test]
    fn defaults_caps_and_cuts() {
        let (items, info) = paginate((0..250).collect::<Vec<_>>(), &PageQuery::default());
        assert_eq!((items.len(), info.per_page, info.page), (30, 30, 1));
        let (items, info) = paginate((0..250).collect::<Vec<_>>(), &query("1000", "3"));
        assert_eq!(items, (200..250).collect::<Vec<_>>());
        assert_eq!(info.per_page, 100);
        let (items, _) = paginate((0..5).collect::<Vec<_>>(), &query("2", "9"));
        assert!(items.is_empty());
    }

    #[test]
    fn link_names_prev_next_last_first() {
        let url =
            url::Url::parse("http://127.0.0.1:1/orgs/o/actions/runners?name=a&page=2&per_page=10")
                .unwrap();
        let info = PageInfo {
            page: 2,
            per_page: 10,
            total: 35,
        };
        let header = link_header(&url, info).unwrap();
        assert_eq!(
            header,
            "<http://127.0.0.1:1/orgs/o/actions/runners?name=a&per_page=10&page=1>; rel=\"prev\", \
             <http://127.0.0.1:1/orgs/o/actions/runners?name=a&per_page=10&page=3>; rel=\"next\", \
             <http://127.0.0.1:1/orgs/o/actions/runners?name=a&per_page=10&page=4>; rel=\"last\", \
             <http://127.0.0.1:1/orgs/o/actions/runners?name=a&per_page=10&page=1>; rel=\"first\""
        );
        let single = PageInfo {
            page: 1,
            per_page: 30,
            total: 30,
        };
        assert_eq!(link_header(&url, single), None);
    }
}
