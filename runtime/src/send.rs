//! Sending one operation's request and decoding its response: what a generated request
//! builder's `send()` (and `.await`) returns.
//!
//! Everything here is generic over the decoded type only, and small: the request itself runs
//! in [`ClientCore::execute`](super::ClientCore::execute), whose work is not generic and so is
//! compiled once, in this crate.
//! A generated operation then costs its caller's build a function pointer, not another copy
//! of the HTTP state machine.

use futures::FutureExt;
use futures::future::BoxFuture;
use serde::de::DeserializeOwned;

use super::{ApiClient, Error, RawResponse, Request};

/// The future of one request: boxed, `Send` and `'static` (it owns what it needs), so it can
/// be spawned, stored or returned without naming its type.
pub type ResponseFuture<T> = BoxFuture<'static, Result<T, Error>>;

/// How a successful response becomes the operation's output.
pub type Decode<T> = fn(&RawResponse) -> Result<T, Error>;

/// Sends `request` (or yields its error: nothing is sent for a request that could not be
/// built) and decodes the successful response with `decode`.
pub fn send<C: ApiClient, T: Send + 'static>(
    client: &C,
    request: Result<Request, Error>,
    decode: Decode<T>,
) -> ResponseFuture<T> {
    match request {
        Ok(request) => decoded(client.core().execute(request), decode),
        Err(error) => futures::future::ready(Err(error)).boxed(),
    }
}

/// `response`, decoded with `decode` (generic over the output type alone).
fn decoded<T: Send + 'static>(
    response: ResponseFuture<RawResponse>,
    decode: Decode<T>,
) -> ResponseFuture<T> {
    response.map(move |response| decode(&response?)).boxed()
}

/// The decoders the generated operations pass to [`send`], one per kind of success body.
pub mod decode {
    use super::{DeserializeOwned, Error, RawResponse};

    /// A response without a body: `()`.
    pub fn empty(_response: &RawResponse) -> Result<(), Error> {
        Ok(())
    }

    /// A JSON body, deserialized.
    pub fn json<T: DeserializeOwned>(response: &RawResponse) -> Result<T, Error> {
        response.json()
    }

    /// A text body.
    pub fn text(response: &RawResponse) -> Result<String, Error> {
        response.text()
    }

    /// A binary body, copied out of the response.
    pub fn bytes(response: &RawResponse) -> Result<Vec<u8>, Error> {
        Ok(response.body().to_vec())
    }
}
