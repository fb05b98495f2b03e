//! Lazily walking every page of a list operation.

use futures::{Stream, StreamExt};
use url::Url;

use super::{ApiClient, Error, Page, RawResponse, Request};

/// The page size used when the caller did not set one.
pub const DEFAULT_PER_PAGE: u32 = 100;

/// Implemented by generated list-request builders.
pub trait Paginated: Send + Sized + 'static {
    /// The type of one list item.
    type Item: Send + 'static;

    /// The client type the builder sends with (the generated `Client`).
    type Client: ApiClient;

    /// The client to send the requests with.
    fn client(&self) -> &Self::Client;

    /// The first page's request; `per_page` is the page size to use when the caller
    /// did not set one.
    fn first_request(&self, default_per_page: u32) -> Result<Request, Error>;

    /// Decode one successful response into a page.
    fn decode_page(response: &RawResponse) -> Result<Page<Self::Item>, Error>;
}

enum Next {
    First,
    Url(Url),
    Done,
}

struct State<P: Paginated> {
    builder: P,
    template: Option<Request>,
    buffer: std::vec::IntoIter<P::Item>,
    next: Next,
}

/// Streams every item of a list operation.
///
/// Pages are fetched lazily (the first with `per_page=100` unless the builder set a
/// page size) by following the `rel="next"` links of the `Link` header with the
/// same method and path template; only one page is held in memory at a time. The
/// stream ends after a page without a next link or an empty page. On failure it
/// yields the error once and then ends.
pub fn stream<P: Paginated>(
    builder: P,
) -> impl Stream<Item = Result<P::Item, Error>> + Send + Unpin + 'static {
    let state = State {
        builder,
        template: None,
        buffer: Vec::new().into_iter(),
        next: Next::First,
    };
    Box::pin(futures::stream::unfold(state, |mut state| async move {
        loop {
            if let Some(item) = state.buffer.next() {
                return Some((Ok(item), state));
            }
            let request = match std::mem::replace(&mut state.next, Next::Done) {
                Next::Done => return None,
                Next::First => match state.builder.first_request(DEFAULT_PER_PAGE) {
                    Ok(request) => {
                        state.template = Some(request.clone());
                        request
                    }
                    Err(error) => return Some((Err(error), state)),
                },
                Next::Url(url) => match &state.template {
                    Some(template) => template.clone().with_url(url),
                    None => return None,
                },
            };
            let client = state.builder.client().core().clone();
            let page = match client.execute(request).await {
                Ok(response) => match P::decode_page(&response) {
                    Ok(page) => (page, response.url().clone()),
                    Err(error) => return Some((Err(error), state)),
                },
                Err(error) => return Some((Err(error), state)),
            };
            let (page, current_url) = page;
            state.next = match page.next_url() {
                // An empty page or a self-referencing link ends the walk.
                Some(next) if !page.is_empty() && *next != current_url => Next::Url(next.clone()),
                _ => Next::Done,
            };
            state.buffer = page.into_items().into_iter();
        }
    }))
}

/// Fetches every page of a list operation and returns all items.
pub async fn collect_all<P: Paginated>(builder: P) -> Result<Vec<P::Item>, Error> {
    let mut items = Vec::new();
    let mut pages = stream(builder);
    while let Some(item) = pages.next().await {
        items.push(item?);
    }
    Ok(items)
}
