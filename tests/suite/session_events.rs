//! Session events: every path that begins or ends a session (the API, the admin CLI's service
//! calls, the purge, the idle timeout, the cap) records its event in the outbox, with the reason
//! and the actor a receiver reads, on every backend; and a write that does not commit records
//! none. Delivery itself (signatures checked by the reference verifier, retries, 410, several
//! nodes, kill -9) is tested against the real binary in `tests/clients/python/test_webhooks.py`.

use std::time::Duration;

use serde_json::json;

use mm_sessions::domain::{Event, TokenHash};
use mm_sessions::service::Actor;

use crate::helpers::*;

const PASSWORD: &str = "alice password";
const MINUTE: i64 = 60 * 1000;

/// The events recorded after `since` (a sequence number), as (type, reason, actor kind,
/// session id).
async fn events(app: &TestApp, since: i64) -> Vec<Event> {
    app.service.stores().webhooks.events_since(since, 10_000).await.expect("events read")
}

async fn last_seq(app: &TestApp) -> i64 {
    events(app, 0).await.last().map_or(0, |e| e.seq)
}

fn summary(events: &[Event]) -> Vec<(String, String, String)> {
    events.iter().map(|e| (e.kind.clone(), e.reason.clone(), e.actor_kind.clone())).collect()
}

fn one(kind: &str, reason: &str, actor: &str) -> (String, String, String) {
    (kind.to_owned(), reason.to_owned(), actor.to_owned())
}

async fn session_id(app: &TestApp, token: &str) -> String {
    let session = app.service.stores().sessions.session_by_token(&TokenHash::of(token)).await.unwrap();
    session.expect("a live session").id.to_string()
}

async fn logins_and_logouts_and_revocations_name_reason_and_actor(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let admin = app.user_with_password("admin", &["system_user", "system_admin"], PASSWORD).await;
    let admin_token = app.login_token("admin", PASSWORD).await;
    let since = last_seq(&app).await;

    let token = app.login_token("alice", PASSWORD).await;
    let id = session_id(&app, &token).await;
    let recorded = events(&app, since).await;
    assert_eq!(summary(&recorded), [one("session.created", "password", "user")]);
    assert_eq!((recorded[0].session_id.as_str(), recorded[0].user_id.as_str()), (id.as_str(), alice.id.as_str()));
    assert!(recorded[0].id.starts_with("msg_") && recorded[0].id.len() == 36, "{}", recorded[0].id);
    let payload = recorded[0].payload();
    assert!(!payload.contains(&token), "no token in an event");

    // Logout: the user, on their own session.
    let since = last_seq(&app).await;
    app.post("/users/logout").token(&token).await.assert_ok_status();
    let recorded = events(&app, since).await;
    assert_eq!(summary(&recorded), [one("session.revoked", "logout", "user")]);
    assert_eq!(recorded[0].session_id, id);

    // Revoking one's own session, then an admin revoking another's: the admin is named.
    let mine = app.login_token("alice", PASSWORD).await;
    let other = app.login_token("alice", PASSWORD).await;
    let since = last_seq(&app).await;
    let path = format!("/users/{}/sessions/revoke", alice.id.as_str());
    let body = json!({ "session_id": session_id(&app, &other).await });
    app.post(&path).token(&mine).json(body).await.assert_ok_status();
    let body = json!({ "session_id": session_id(&app, &mine).await });
    app.post(&path).token(&admin_token).json(body).await.assert_ok_status();
    let recorded = events(&app, since).await;
    assert_eq!(
        summary(&recorded),
        [one("session.revoked", "revoked", "user"), one("session.revoked", "revoked", "admin")]
    );
    assert_eq!(recorded[1].actor_id, admin.id.as_str());

    // Revoke-all, then everyone's: one event per session.
    for _ in 0..2 {
        app.login_token("alice", PASSWORD).await;
    }
    let since = last_seq(&app).await;
    let all = format!("/users/{}/sessions/revoke/all", alice.id.as_str());
    app.post(&all).token(&admin_token).await.assert_ok_status();
    assert_eq!(summary(&events(&app, since).await), vec![one("session.revoked", "revoked_all", "admin"); 2]);
    app.login_token("alice", PASSWORD).await;
    let since = last_seq(&app).await;
    app.post("/users/sessions/revoke/all").token(&admin_token).await.assert_ok_status();
    let recorded = events(&app, since).await;
    assert_eq!(recorded.len(), 2, "alice's session and the admin's own");
    assert!(recorded.iter().all(|e| e.reason == "revoked_everyone" && e.actor_id == admin.id.as_str()));
}

async fn password_roles_deactivation_and_sign_in_method_changes_end_sessions_with_their_events(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let admin = app.user_with_password("admin", &["system_user", "system_admin"], PASSWORD).await;
    let admin_token = app.login_token("admin", PASSWORD).await;
    let keep = app.login_token("alice", PASSWORD).await;
    app.login_token("alice", PASSWORD).await;

    // A password change ends the user's other sessions.
    let since = last_seq(&app).await;
    let change = json!({ "current_password": PASSWORD, "new_password": "a new password" });
    app.put("/users/me/password").token(&keep).json(change).await.assert_ok_status();
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "password_changed", "user")]);

    // New roles rewrite the sessions: receivers drop what they derived from them.
    let since = last_seq(&app).await;
    app.set_roles(&alice, "system_user system_user_access_token").await;
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "roles_changed", "admin")]);
    assert!(app.token_works(&keep).await, "the session lives on");
    // The same roles again change nothing, and record nothing.
    let since = last_seq(&app).await;
    app.set_roles(&alice, "system_user system_user_access_token").await;
    assert!(events(&app, since).await.is_empty());

    // Deactivation: the user's event, then one per session, in one transaction.
    let since = last_seq(&app).await;
    let path = format!("/users/{}/active", alice.id.as_str());
    app.put(&path).token(&admin_token).json(json!({ "active": false })).await.assert_ok_status();
    let recorded = events(&app, since).await;
    assert_eq!(
        summary(&recorded),
        [one("user.deactivated", "deactivated", "admin"), one("session.revoked", "deactivated", "admin")]
    );
    assert!(recorded[0].session_id.is_empty());
    assert_eq!(recorded[0].actor_id, admin.id.as_str());

    // A switch of sign-in method ends every session.
    let bob = app.user_with_password("bob", &[], PASSWORD).await;
    app.login_token("bob", PASSWORD).await;
    let since = last_seq(&app).await;
    let cli = Actor::AdminCli { command: "user set-auth" };
    app.service.set_sign_in_method(cli, bob.id.as_str(), "gitlab", Some("1234")).await.expect("switched");
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "sign_in_method_changed", "admin")]);
}

async fn access_tokens_open_and_end_their_sessions_with_events(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.enable_user_access_tokens = true).await;
    let alice = app.user_with_password("alice", &["system_user", "system_user_access_token"], PASSWORD).await;
    let session = app.login_token("alice", PASSWORD).await;
    let secret = app.access_token(&alice, 0).await;
    let since = last_seq(&app).await;
    assert!(app.token_works(&secret).await);
    let recorded = events(&app, since).await;
    assert_eq!(summary(&recorded), [one("session.created", "access_token", "user")]);
    let token_id = app.get("/users/me/tokens").token(&session).await.json()[0]["id"].as_str().unwrap().to_owned();

    let since = last_seq(&app).await;
    app.post("/users/tokens/disable").token(&session).json(json!({ "token_id": token_id })).await.assert_ok_status();
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "access_token_disabled", "user")]);
    app.post("/users/tokens/enable").token(&session).json(json!({ "token_id": token_id })).await.assert_ok_status();
    assert!(app.token_works(&secret).await);
    let since = last_seq(&app).await;
    app.post("/users/tokens/revoke").token(&session).json(json!({ "token_id": token_id })).await.assert_ok_status();
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "access_token_revoked", "user")]);
}

async fn the_server_ends_sessions_by_expiry_idle_timeout_cap_and_device_with_events(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.extend_with_activity = false;
        c.policy.idle_timeout = Some(Duration::from_secs(30 * 60));
        c.policy.max_per_user = std::num::NonZeroUsize::new(2).unwrap();
    })
    .await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;

    // The cap: a third session evicts the least recently used, the system acting.
    let first = app.login_token("alice", PASSWORD).await;
    let first_id = session_id(&app, &first).await;
    app.service.clock().advance(1000);
    app.login_token("alice", PASSWORD).await;
    let since = last_seq(&app).await;
    app.service.clock().advance(1000);
    app.login_token("alice", PASSWORD).await;
    let recorded = events(&app, since).await;
    assert_eq!(
        summary(&recorded),
        [one("session.created", "password", "user"), one("session.revoked", "session_limit", "system")]
    );
    assert_eq!(recorded[1].session_id, first_id);

    // A mobile login replaces the device's earlier session.
    let device = json!({ "login_id": "alice", "password": PASSWORD, "device_id": "android_rn:dev1" });
    assert_eq!(app.login_with(device.clone()).await.status, 200);
    let since = last_seq(&app).await;
    assert_eq!(app.login_with(device).await.status, 200);
    let kinds = summary(&events(&app, since).await);
    assert!(kinds.contains(&one("session.revoked", "replaced_on_device", "user")), "{kinds:?}");

    // The idle timeout, found by the next request.
    app.service.stores().sessions.delete_sessions_for_user(&alice.id, None, &cause()).await.unwrap();
    let idle = app.login_token("alice", PASSWORD).await;
    let since = last_seq(&app).await;
    app.service.clock().advance(31 * MINUTE);
    app.get("/users/me").token(&idle).await.assert_app_error(401, SESSION_EXPIRED);
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "idle_timeout", "system")]);

    // Expiry: found by the purge, or by a request before the purge got to it.
    let expired = app.expired_token(&alice).await;
    let since = last_seq(&app).await;
    app.get("/users/me").token(&expired).await.assert_app_error(401, SESSION_EXPIRED);
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "expired", "system")]);
    app.expired_token(&alice).await;
    let since = last_seq(&app).await;
    assert_eq!(app.service.purge_expired(100).await.unwrap(), 1);
    assert_eq!(summary(&events(&app, since).await), [one("session.revoked", "expired", "system")]);
}

async fn a_write_that_does_not_commit_records_no_event(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.enable_user_deactivation = true).await;
    let admin = app.user_with_password("admin", &["system_user", "system_admin"], PASSWORD).await;
    let admin_token = app.login_token("admin", PASSWORD).await;
    let since = last_seq(&app).await;
    // The last admin's demotion is refused in its transaction: no roles_changed event.
    let roles = format!("/users/{}/roles", admin.id.as_str());
    let reply = app.put(&roles).token(&admin_token).json(json!({ "roles": "system_user" })).await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    // A login of a deactivated user is refused in the transaction that would add the session.
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let since_alice = last_seq(&app).await;
    let cli = Actor::AdminCli { command: "user deactivate" };
    app.service.update_active(cli, alice.id.as_str(), false).await.unwrap();
    let after_deactivation = last_seq(&app).await;
    assert!(app.service.issue_session(&alice, THIRTY_DAYS_MS, String::new(), Default::default()).await.is_err());
    assert_eq!(last_seq(&app).await, after_deactivation, "the refused session left no event");
    assert_eq!(summary(&events(&app, since_alice).await), [one("user.deactivated", "deactivated", "admin")]);
    assert!(events(&app, since).await.iter().all(|e| e.reason != "roles_changed"));
}

on_every_backend!(
    logins_and_logouts_and_revocations_name_reason_and_actor,
    password_roles_deactivation_and_sign_in_method_changes_end_sessions_with_their_events,
    access_tokens_open_and_end_their_sessions_with_events,
    the_server_ends_sessions_by_expiry_idle_timeout_cap_and_device_with_events,
    a_write_that_does_not_commit_records_no_event,
);
