//! Every endpoint × every kind of caller → the status and AppError id Mattermost gives, and what
//! the store holds afterwards. Run against each backend.

use serde_json::json;

use crate::helpers::*;

#[derive(Clone, Copy, Debug)]
enum Caller {
    NoCredentials,
    GarbageToken,
    Expired,
    Revoked,
    OwnSession,
    OtherUser,
    Admin,
}

const CALLERS: [Caller; 7] = [
    Caller::NoCredentials,
    Caller::GarbageToken,
    Caller::Expired,
    Caller::Revoked,
    Caller::OwnSession,
    Caller::OtherUser,
    Caller::Admin,
];

#[derive(Clone, Copy, Debug)]
enum Endpoint {
    List,
    Revoke,
    RevokeAll,
}

/// (status, AppError id) expected for a caller acting on alice.
fn expected(caller: Caller) -> (u16, Option<&'static str>) {
    match caller {
        Caller::NoCredentials | Caller::GarbageToken | Caller::Expired | Caller::Revoked => {
            (401, Some(SESSION_EXPIRED))
        }
        Caller::OtherUser => (403, Some(PERMISSIONS)),
        Caller::OwnSession | Caller::Admin => (200, None),
    }
}

async fn run_cell(backend: Backend, endpoint: Endpoint, caller: Caller) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let bob = app.user("bob", &[]).await;
    let admin = app.user("root", &["system_user", "system_admin"]).await;
    let (alice_token, _) = app.issue_session(&alice).await;
    let (_, alice_other) = app.issue_session(&alice).await;
    let token = match caller {
        Caller::NoCredentials => None,
        Caller::GarbageToken => Some("definitely-not-a-token".to_string()),
        Caller::Expired => Some(app.expired_token(&alice).await),
        Caller::Revoked => {
            let (token, session) = app.issue_session(&alice).await;
            app.service.stores().sessions.delete_session(&session.id, &cause()).await.unwrap();
            Some(token)
        }
        Caller::OwnSession => Some(alice_token.clone()),
        Caller::OtherUser => Some(app.issue_session(&bob).await.0),
        Caller::Admin => Some(app.issue_session(&admin).await.0),
    };
    // Live sessions only: the background purge may remove the expired one at any moment.
    let live = |sessions: Vec<mm_sessions::domain::Session>| {
        let now = mm_sessions::domain::now_millis();
        sessions.into_iter().filter(|s| !s.is_expired(now)).collect::<Vec<_>>()
    };
    let before = live(app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap()).len();

    let path = format!("/users/{}/sessions", alice.id);
    let reply = match endpoint {
        Endpoint::List => app.get(&path).maybe_token(token.as_deref()).await,
        Endpoint::Revoke => {
            let body = json!({"session_id": alice_other.id.as_str()});
            app.post(&format!("{path}/revoke")).maybe_token(token.as_deref()).json(body).await
        }
        Endpoint::RevokeAll => app.post(&format!("{path}/revoke/all")).maybe_token(token.as_deref()).await,
    };

    let context = format!("{backend:?} {endpoint:?} as {caller:?}");
    let after = live(app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap());
    match expected(caller) {
        (status, Some(id)) => {
            reply.assert_app_error(status, id);
            assert_eq!(after.len(), before, "{context}: a refused request changed nothing");
        }
        (_, None) => match endpoint {
            Endpoint::List => {
                assert_eq!(reply.status, 200, "{context}: {}", reply.text);
                let listed = reply.json();
                assert_eq!(listed.as_array().map(Vec::len), Some(before), "{context}");
            }
            Endpoint::Revoke => {
                reply.assert_ok_status();
                assert_eq!(after.len(), before - 1, "{context}");
                assert!(after.iter().all(|s| s.id != alice_other.id), "{context}: the named session is gone");
            }
            Endpoint::RevokeAll => {
                reply.assert_ok_status();
                assert!(after.is_empty(), "{context}: every session of alice is gone");
                assert!(!app.token_works(&alice_token).await, "{context}: alice's old token fails");
            }
        },
    }
}

async fn matrix(backend: Backend) {
    for endpoint in [Endpoint::List, Endpoint::Revoke, Endpoint::RevokeAll] {
        for caller in CALLERS {
            run_cell(backend, endpoint, caller).await;
        }
    }
}

on_every_backend!(matrix);
