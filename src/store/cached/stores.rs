//! The store traits over the cache: the three hot reads go through it, every write goes to the
//! backend and then forgets what it changed, everything else goes to the backend as it is.
//!
//! The traits' methods come from their lists ([`super::super`]'s `capabilities!`): here each is
//! named once, with what the cache does for it. A method the list has and `cached!` does not
//! name is a build error, so a new write cannot slip past the cache unforgotten.

use async_trait::async_trait;

use super::entries::{session_bytes, user_bytes, Brings, Fill};
use super::{Along, CachedStore};
// The list macros hand over signatures that name these; they resolve here.
use crate::domain::{AccessToken, Cause, Id, Session, SessionId, TokenHash, TokenId, User};
use crate::metrics::CacheLookup;
use crate::store::{
    ImportBatch, ImportKind, ImportStore, Imported, Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore,
    StoreResult, TokenStore, UserStore, WithSessions,
};

/// Runs a write on the inner store, then forgets what it changed: whether it succeeded or not
/// (a failed write may have changed something before it failed).
macro_rules! write_then {
    ($s:ident . $inner:ident . $method:ident ( $($arg:expr),* ) ; $forget:expr) => {{
        let result = $s.$inner.$method($($arg),*).await;
        $forget;
        result
    }};
}

/// What the cache does for each method, by name: `(method, self, inner field, (args))`.
macro_rules! cached {
    // The hot reads, answered from the cache once loaded.
    (user_by_id, $s:ident, $f:ident, ($id:ident)) => { $s.cached_user($id).await };
    (sessions_for_user, $s:ident, $f:ident, ($user_id:ident)) => { $s.cached_sessions($user_id).await };
    (session_by_token, $s:ident, $f:ident, ($hash:ident)) => {
        Ok($s.by_token($hash, Along::Nothing, None).await?.map(|((session, _, _), _)| session))
    };
    (session_and_user_by_token, $s:ident, $f:ident, ($hash:ident)) => {
        Ok($s.by_token($hash, Along::User, None).await?.map(|((session, user, _), _)| (session, user)))
    };
    (session_user_and_sessions_by_token, $s:ident, $f:ident, ($hash:ident)) => {
        Ok($s.by_token($hash, Along::UserAndSessions, None).await?.map(|(found, _)| found))
    };

    // Writes that change one user's rows or sessions: that user is forgotten. (A new user: a
    // "no such user" may be held under the id. MFA writes change the user row; the secret and
    // the accepted steps are never cached. A token's sessions are its user's.)
    (create_user, $s:ident, $f:ident, ($user:ident)) => {
        write_then!($s.$f.create_user($user); $s.forget_user(&$user.id))
    };
    (create_session, $s:ident, $f:ident, ($session:ident, $max:ident, $cause:ident)) => {
        write_then!($s.$f.create_session($session, $max, $cause); $s.forget_user(&$session.user_id))
    };
    (create_token_session, $s:ident, $f:ident, ($token:ident, $session:ident, $max:ident, $cause:ident)) => {
        write_then!($s.$f.create_token_session($token, $session, $max, $cause); $s.forget_user(&$session.user_id))
    };
    (delete_token, $s:ident, $f:ident, ($token:ident, $cause:ident)) => {
        write_then!($s.$f.delete_token($token, $cause); $s.forget_user(&$token.user_id))
    };
    (set_token_active, $s:ident, $f:ident, ($token:ident, $active:ident, $cause:ident)) => {
        write_then!($s.$f.set_token_active($token, $active, $cause); $s.forget_user(&$token.user_id))
    };
    (set_password_hash, $($rest:tt)*) => { cached!(@user set_password_hash, $($rest)*) };
    (upgrade_password_hash, $($rest:tt)*) => { cached!(@user upgrade_password_hash, $($rest)*) };
    (set_roles, $($rest:tt)*) => { cached!(@user set_roles, $($rest)*) };
    (deactivate_user, $($rest:tt)*) => { cached!(@user deactivate_user, $($rest)*) };
    (reactivate_user, $($rest:tt)*) => { cached!(@user reactivate_user, $($rest)*) };
    (set_auth, $($rest:tt)*) => { cached!(@user set_auth, $($rest)*) };
    (delete_user_session, $($rest:tt)*) => { cached!(@user delete_user_session, $($rest)*) };
    (delete_sessions_for_user, $($rest:tt)*) => { cached!(@user delete_sessions_for_user, $($rest)*) };
    (delete_device_sessions, $($rest:tt)*) => { cached!(@user delete_device_sessions, $($rest)*) };
    (set_mfa_secret, $($rest:tt)*) => { cached!(@user set_mfa_secret, $($rest)*) };
    (activate_mfa, $($rest:tt)*) => { cached!(@user activate_mfa, $($rest)*) };
    (deactivate_mfa, $($rest:tt)*) => { cached!(@user deactivate_mfa, $($rest)*) };

    // Writes that name only a session: the user whose entry holds it is forgotten.
    (touch_session, $($rest:tt)*) => { cached!(@session touch_session, $($rest)*) };
    (set_session_expiry, $($rest:tt)*) => { cached!(@session set_session_expiry, $($rest)*) };
    (attach_device, $($rest:tt)*) => { cached!(@session attach_device, $($rest)*) };
    (delete_session, $($rest:tt)*) => { cached!(@session delete_session, $($rest)*) };

    // Writes that may change anyone: everything is forgotten. (Which sessions the purge took is
    // not returned: any at all, and every list may have changed.)
    (delete_all_sessions, $s:ident, $f:ident, ($cause:ident)) => {
        write_then!($s.$f.delete_all_sessions($cause); $s.forget_all())
    };
    (apply_import, $s:ident, $f:ident, ($batch:ident)) => {
        write_then!($s.$f.apply_import($batch); $s.forget_all())
    };
    (import, $s:ident, $f:ident, ($users:ident, $sessions:ident)) => {
        write_then!($s.$f.import($users, $sessions); $s.forget_all())
    };
    (delete_expired, $s:ident, $f:ident, ($now:ident, $limit:ident)) => {{
        let result = $s.$f.delete_expired($now, $limit).await;
        if !matches!(result, Ok(0)) {
            $s.forget_all();
        }
        result
    }};

    // What the cache does not hold, and writes that change nothing it holds: to the backend.
    (user_by_username, $($rest:tt)*) => { cached!(@backend user_by_username, $($rest)*) };
    (user_by_email, $($rest:tt)*) => { cached!(@backend user_by_email, $($rest)*) };
    (user_by_auth, $($rest:tt)*) => { cached!(@backend user_by_auth, $($rest)*) };
    (list_users, $($rest:tt)*) => { cached!(@backend list_users, $($rest)*) };
    (session_by_id, $($rest:tt)*) => { cached!(@backend session_by_id, $($rest)*) };
    (count_active_sessions, $($rest:tt)*) => { cached!(@backend count_active_sessions, $($rest)*) };
    (mfa_state, $($rest:tt)*) => { cached!(@backend mfa_state, $($rest)*) };
    (record_failed_code, $($rest:tt)*) => { cached!(@backend record_failed_code, $($rest)*) };
    (use_mfa_step, $($rest:tt)*) => { cached!(@backend use_mfa_step, $($rest)*) };
    (create_token, $($rest:tt)*) => { cached!(@backend create_token, $($rest)*) };
    (token_by_id, $($rest:tt)*) => { cached!(@backend token_by_id, $($rest)*) };
    (token_by_hash, $($rest:tt)*) => { cached!(@backend token_by_hash, $($rest)*) };
    (tokens_for_user, $($rest:tt)*) => { cached!(@backend tokens_for_user, $($rest)*) };
    (all_tokens, $($rest:tt)*) => { cached!(@backend all_tokens, $($rest)*) };
    (search_tokens, $($rest:tt)*) => { cached!(@backend search_tokens, $($rest)*) };
    (imported, $($rest:tt)*) => { cached!(@backend imported, $($rest)*) };
    (ping, $($rest:tt)*) => { cached!(@backend ping, $($rest)*) };
    (check_writes, $($rest:tt)*) => { cached!(@backend check_writes, $($rest)*) };

    (@user $m:ident, $s:ident, $f:ident, ($user_id:ident $(, $arg:ident)*)) => {
        write_then!($s.$f.$m($user_id $(, $arg)*); $s.forget_user($user_id))
    };
    (@session $m:ident, $s:ident, $f:ident, ($id:ident $(, $arg:ident)*)) => {
        write_then!($s.$f.$m($id $(, $arg)*); $s.forget_session($id))
    };
    (@backend $m:ident, $s:ident, $f:ident, ($($arg:ident),*)) => { $s.$f.$m($($arg),*).await };
}

/// Implements a capability over the cache, each method as `cached!` says.
macro_rules! cached_impl {
    ($trait:ident, $field:ident, { $(fn $method:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty;)* }) => {
        #[async_trait]
        impl $trait for CachedStore {
            $(
                async fn $method(&self $(, $arg: $ty)*) -> $ret {
                    cached!($method, self, $field, ($($arg),*))
                }
            )*
        }
    };
}

crate::store::user_store_methods!(cached_impl);
crate::store::session_store_methods!(cached_impl);
crate::store::mfa_store_methods!(cached_impl);
crate::store::token_store_methods!(cached_impl);
crate::store::maintenance_methods!(cached_impl);
crate::store::import_store_methods!(cached_impl);

/// The two hot reads that are not by token: a hit answers from the entry, a miss reads the
/// backend and fills (only if no write was forgotten since the read began).
impl CachedStore {
    async fn cached_user(&self, id: &Id) -> StoreResult<Option<User>> {
        let generation = {
            let entries = self.lookup();
            if let Some(user) = entries.users.get(id).and_then(|e| e.user.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::User, true);
                return Ok(user);
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::User, false);
        let user = self.users.user_by_id(id).await?;
        self.fill(generation, id, CacheLookup::User, Brings::of(&[], user.as_ref()), || {
            Fill::User(user.clone(), user.as_ref().map_or(0, user_bytes))
        });
        Ok(user)
    }

    async fn cached_sessions(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let generation = {
            let entries = self.lookup();
            if let Some(list) = entries.users.get(user_id).and_then(|e| e.list.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::Sessions, true);
                return Ok(list.to_vec());
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::Sessions, false);
        let list = self.sessions.sessions_for_user(user_id).await?;
        self.fill(generation, user_id, CacheLookup::Sessions, Brings::of(&list, None), || {
            Fill::List(list.as_slice().into(), list.iter().map(session_bytes).sum())
        });
        Ok(list)
    }
}
