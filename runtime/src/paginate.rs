//! Lazily walking every page of a list operation.

use std::sync::Arc;

use futures::stream::BoxStream;
use futures::{FutureExt, StreamExt, TryStreamExt};
use url::Url;

use super::client::Inner;
use super::execute::execute;
use super::send::Decode;
use super::{ApiClient, Error, Page, RawResponse, Request, ResponseFuture};

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
    First(Result<Request, Error>),
    Url(Url),
    Done,
}

/// The walk through the pages of one list, generic over the item type alone.
struct Walk<T> {
    inner: Arc<Inner>,
    decode: Decode<Page<T>>,
    template: Option<Request>,
    buffer: std::vec::IntoIter<T>,
    next: Next,
}

/// Streams every item of a list operation.
///
/// Pages are fetched lazily (the first with `per_page=100` unless the builder set a
/// page size) by following the `rel="next"` links of the `Link` header with the
/// same method and path template; only one page is held in memory at a time. The
/// stream ends after a page without a next link or an empty page. On failure it
/// yields the error once and then ends.
///
/// Only the first request and the decoder come from the builder: the walk itself is
/// compiled once per item type, not once per list operation.
pub fn stream<P: Paginated>(builder: P) -> BoxStream<'static, Result<P::Item, Error>> {
    walk(Walk {
        inner: Arc::clone(&builder.client().core().inner),
        decode: P::decode_page,
        template: None,
        buffer: Vec::new().into_iter(),
        next: Next::First(builder.first_request(DEFAULT_PER_PAGE)),
    })
}

fn walk<T: Send + 'static>(walk: Walk<T>) -> BoxStream<'static, Result<T, Error>> {
    futures::stream::unfold(walk, |mut walk| async move {
        loop {
            if let Some(item) = walk.buffer.next() {
                return Some((Ok(item), walk));
            }
            let request = match std::mem::replace(&mut walk.next, Next::Done) {
                Next::Done => return None,
                Next::First(Ok(request)) => {
                    walk.template = Some(request.clone());
                    request
                }
                Next::First(Err(error)) => return Some((Err(error), walk)),
                Next::Url(url) => match &walk.template {
                    Some(template) => template.clone().with_url(url),
                    None => return None,
                },
            };
            let response = match execute(Arc::clone(&walk.inner), request).await {
                Ok(response) => response,
                Err(error) => return Some((Err(error), walk)),
            };
            let page = match (walk.decode)(&response) {
                Ok(page) => page,
                Err(error) => return Some((Err(error), walk)),
            };
            walk.next = match page.next_url() {
                // An empty page or a self-referencing link ends the walk.
                Some(next) if !page.is_empty() && next != response.url() => Next::Url(next.clone()),
                _ => Next::Done,
            };
            walk.buffer = page.into_items().into_iter();
        }
    })
    .boxed()
}

/// Fetches every page of a list operation and returns all items.
pub fn collect_all<P: Paginated>(builder: P) -> ResponseFuture<Vec<P::Item>> {
    stream(builder).try_collect().boxed()
}
