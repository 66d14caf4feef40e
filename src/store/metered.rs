//! A wrapper that counts failed store calls in the metrics (`mm_sessions_store_errors_total`,
//! labelled with the call), whatever the backend and whatever is in front of it. It changes every
//! call (each may fail), so it wraps every capability. A conflict (a taken username) is an
//! answer, not a failure: only backend errors count.

use std::sync::Arc;

use async_trait::async_trait;

use super::{
    AuditStore, Delivery, ImportBatch, ImportKind, ImportStore, Imported, Maintenance, MfaState, MfaStore, MfaWrite,
    RolesSet, SessionStore, SsoStateStore, StoreError, StoreResult, Stores, TokenStore, UserStore, WebhookStore,
    WithSessions,
};
use crate::domain::{AccessToken, Audit, Cause, Endpoint, Event, Id, Session, SessionId, TokenHash, TokenId, User};
use crate::metrics::Metrics;

/// `inner`'s capabilities, with their failures counted.
pub struct Metered {
    inner: Stores,
    metrics: Arc<Metrics>,
}

impl Metered {
    /// Wraps `inner`.
    pub fn new(inner: Stores, metrics: Arc<Metrics>) -> Self {
        Metered { inner, metrics }
    }
}

/// Forwards each call of a capability (its methods, as the capability's list macro in
/// [`super`] hands them over) to the inner one, and counts a failure under its name.
macro_rules! metered {
    ($trait:ident, $field:ident, { $(fn $method:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty;)* }) => {
        #[async_trait]
        impl $trait for Metered {
            $(
                async fn $method(&self $(, $arg: $ty)*) -> $ret {
                    let result = self.inner.$field.$method($($arg),*).await;
                    if matches!(result, Err(StoreError::Backend(_))) {
                        self.metrics.store_error(stringify!($method));
                    }
                    result
                }
            )*
        }
    };
}

super::user_store_methods!(metered);
super::session_store_methods!(metered);
super::mfa_store_methods!(metered);
super::token_store_methods!(metered);
super::audit_store_methods!(metered);
super::sso_state_store_methods!(metered);
super::webhook_store_methods!(metered);
super::maintenance_methods!(metered);
super::import_store_methods!(metered);
