//! Request decoding: the bodies and parameters the server parses from clients. JSON bodies go
//! through the generated models (as the router decodes them) and the login's raw-body read;
//! ids, usernames and configuration values through their parsers. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mm_sessions::domain::Id;
use mm_sessions_api::models::{LoginRequest, RevokeSessionRequest};

fuzz_target!(|data: &[u8]| {
    let _ = serde_json::from_slice::<LoginRequest>(data);
    if let Ok(request) = serde_json::from_slice::<RevokeSessionRequest>(data) {
        let _ = Id::parse(&request.session_id);
    }
    let _ = serde_json::from_slice::<serde_json::Value>(data).map(|v| v.get("deviceId").cloned());
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(id) = Id::parse(text) {
            assert_eq!(id.as_str(), text);
        }
        let _ = text.parse::<mm_sessions::config::Database>();
        let _ = text.parse::<mm_sessions::permissions::Grant>();
        let _ = mm_sessions::user_agent::describe(text);
    }
});
