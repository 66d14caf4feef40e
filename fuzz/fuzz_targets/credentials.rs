//! Credential parsing: whatever a client puts in `Authorization`, `Cookie`, the query string and
//! the CSRF headers, finding the token and checking CSRF must not panic, and a token found in a
//! header is exactly what follows the scheme.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mm_sessions::http::credentials::{passes_csrf, presented_token, Location};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |b| *b == 0);
    let (auth, cookie, query, csrf) = (parts.next(), parts.next(), parts.next(), parts.next());
    let mut builder = hyper::Request::builder().method("POST");
    let uri = match query.and_then(|q| std::str::from_utf8(q).ok()) {
        Some(q) => format!("/api/v4/users/me?{q}"),
        None => "/api/v4/users/me".to_owned(),
    };
    if uri.parse::<hyper::Uri>().is_ok() {
        builder = builder.uri(uri);
    }
    for (name, value) in [("authorization", auth), ("cookie", cookie), ("x-csrf-token", csrf)] {
        if let Some(value) = value.and_then(|v| hyper::header::HeaderValue::from_bytes(v).ok()) {
            builder = builder.header(name, value);
        }
    }
    let Ok(request) = builder.body(()) else { return };
    let (parts, ()) = request.into_parts();
    if let Some((token, location)) = presented_token(&parts) {
        if location == Location::Header {
            let header = parts.headers["authorization"].to_str().unwrap();
            assert!(header.ends_with(&token), "the token is the header's tail");
        }
    }
    let _ = passes_csrf(&parts, Some("csrf"));
});
