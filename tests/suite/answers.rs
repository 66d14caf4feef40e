//! Where clients look, answers as Mattermost's server gives them: login by user id, login bodies
//! read as a map of strings, a blank password, the usernames and ids its router and
//! `IsValidUsername` take, the ping's fields, and the User object's fields.

use serde_json::{json, Value};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";
const INVALID: &str = "api.user.login.invalid_credentials_email_username";
const BLANK: &str = "api.user.login.blank_pwd.app_error";
const NO_ROUTE: &str = "api.context.404.app_error";

/// `{"id": …, "password": …}` logs in (the Go driver's `LoginById`): the id alone names the user.
async fn a_login_by_user_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let bob = app.user_with_password("bob", &[], "bob's password!").await;
    let reply = app.login_with(json!({"id": alice.id.as_str(), "password": PASSWORD})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json()["id"], alice.id.as_str());
    assert!(app.token_works(&reply.token()).await);
    // The id wins over a login id, as in Mattermost's `GetUserForLogin`.
    let both = app.login_with(json!({"id": alice.id.as_str(), "login_id": "bob", "password": PASSWORD})).await;
    assert_eq!(both.json()["id"], alice.id.as_str());
    app.login_with(json!({"id": bob.id.as_str(), "password": PASSWORD})).await.assert_app_error(401, INVALID);
    app.login_with(json!({"id": "abcdefghijklmnopqrstuvwxyz", "password": PASSWORD}))
        .await
        .assert_app_error(401, INVALID);
    app.login_with(json!({"id": "not an id", "password": PASSWORD})).await.assert_app_error(401, INVALID);
}

/// Mattermost reads the login body as a map of strings: a value that is not a string reads as
/// "", every other key stays (`model.MapFromJSON`).
async fn login_bodies_are_read_as_maps_of_strings(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    // A JSON boolean for ldap_only (the type Mattermost's reference gives it), a null MFA token.
    for extra in
        [json!({"ldap_only": false}), json!({"ldap_only": "true"}), json!({"token": null}), json!({"token": 5})]
    {
        let mut body = json!({"login_id": "alice", "password": PASSWORD});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        let reply = app.login_with(body.clone()).await;
        assert_eq!(reply.status, 200, "{body}: {}", reply.text);
    }
    app.login_with(json!({"login_id": "alice", "password": "wrong password", "ldap_only": false}))
        .await
        .assert_app_error(401, INVALID);
    // A device id that is not a string is none: a web session.
    let web = app.login_with(json!({"login_id": "alice", "password": PASSWORD, "device_id": 42})).await.token();
    let own = app.service.authenticate(&web).await.unwrap().session;
    assert_eq!(own.device_id, "");
    // A login id that is not a string is "": nobody.
    app.login_with(json!({"login_id": ["alice"], "password": PASSWORD})).await.assert_app_error(401, INVALID);
}

/// A missing, empty or non-string password is 400 `blank_pwd`, before anything else.
async fn a_blank_password_is_400(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    for body in [
        json!({"login_id": "alice", "password": ""}),
        json!({"login_id": "alice"}),
        json!({"login_id": "alice", "password": 12345678}),
        json!({"login_id": "nobody"}),
        json!({}),
    ] {
        app.login_with(body.clone()).await.assert_app_error(400, BLANK);
    }
}

/// Every body Mattermost reads as a map of strings is read so here: a value that is not a
/// string reads as "", a body that is not a JSON object as an empty map, and nothing about the
/// body is refused before the checks that come first on Mattermost (a permission).
async fn string_map_bodies_are_read_as_mattermost_reads_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user("admin", &["system_admin"]).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let bob = app.user("bob", &[]).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let alice_token = app.login_token("alice", PASSWORD).await;
    let (_, bobs) = app.issue_session(&bob).await;
    let bobs_revoke = format!("/users/{}/sessions/revoke", bob.id.as_str());
    // Not JSON, a JSON array, a number where a string goes: the permission first (403), as
    // Mattermost checks it before it reads the body…
    for body in ["not json", "[]", "{\"session_id\": 5}"] {
        app.post(&bobs_revoke)
            .token(&alice_token)
            .raw(body)
            .await
            .assert_app_error(403, "api.context.permissions.app_error");
        // …then the missing session id (400 naming it).
        app.post(&bobs_revoke)
            .token(&admin_token)
            .raw(body)
            .await
            .assert_app_error(400, "api.context.invalid_body_param.app_error");
    }
    // The string keys stay when another is not a string.
    let both = format!("{{\"session_id\": \"{}\", \"other\": [1]}}", bobs.id.as_str());
    app.post(&bobs_revoke).token(&admin_token).raw(&both).await.assert_ok_status();
    assert!(app.service.stores().sessions.session_by_id(&bobs.id).await.unwrap().is_none());
    // A login body that is not an object has no password.
    for body in ["[]", "\"alice\"", "not json"] {
        app.send(app.client.post(app.url("/users/login")).header("content-type", "application/json").body(body))
            .await
            .assert_app_error(400, BLANK);
    }
    // One's own password: a current password that is not a string is none (400 naming it).
    let password = format!("/users/{}/password", alice.id.as_str());
    app.put(&password)
        .token(&alice_token)
        .raw(r#"{"current_password": 5, "new_password": "a new password"}"#)
        .await
        .assert_app_error(400, "api.context.invalid_body_param.app_error");
    // A device id that is not a string is none (400); extra keys of any type are ignored.
    app.put("/users/sessions/device")
        .token(&alice_token)
        .raw(r#"{"device_id": 5}"#)
        .await
        .assert_app_error(400, "api.context.invalid_body_param.app_error");
    app.put("/users/sessions/device")
        .token(&alice_token)
        .raw(r#"{"device_id": "android:x", "n": 1}"#)
        .await
        .assert_ok_status();
    // Roles that are not a string are "": the user keeps no roles, as on Mattermost.
    let roles = format!("/users/{}/roles", bob.id.as_str());
    app.put(&roles).token(&admin_token).raw(r#"{"roles": ["system_admin"]}"#).await.assert_ok_status();
    assert_eq!(app.service.stores().users.user_by_id(&bob.id).await.unwrap().unwrap().roles, "");
}

/// `GET /users/username/{username}`: what `IsValidUsername` takes, not lower-cased; restricted
/// names refused; a character Mattermost's router does not match is no route.
async fn usernames_in_the_path_follow_is_valid_username(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let (token, _) = app.issue_session(&alice).await;
    let get = |name: &str| app.get(&format!("/users/username/{name}")).token(&token);
    assert_eq!(get("alice").await.json()["id"], alice.id.as_str());
    for refused in ["ALICE", "Alice", "all", "channel", "matterbot", "system", &"a".repeat(65)] {
        let reply = get(refused).await;
        reply.assert_app_error(400, INVALID_BODY_PARAM);
        assert!(reply.json()["message"].as_str().unwrap().contains("username"), "{refused}: {}", reply.text);
    }
    for no_route in ["bad%20name", "%ff%fe", "a%7Cb", "al%C3%A9"] {
        get(no_route).await.assert_app_error(404, NO_ROUTE);
    }
    get("nobody.else").await.assert_app_error(404, "app.user.get_by_username.app_error");
}

/// Ids in the path: Mattermost's router matches `[A-Za-z0-9]+`; anything else under /api/v4 is
/// no route (404); letters and digits that are not an id are the handler's 400.
async fn ids_in_the_path_follow_mattermosts_router(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &["system_user", "system_admin"]).await;
    let (token, _) = app.issue_session(&alice).await;
    for path in [
        "/users/%7C%C2%B0N/sessions",
        "/users/a-b/sessions",
        "/users/%ff/audits",
        "/users/a.b/tokens",
        "/users/tokens/a_b",
    ] {
        app.get(path).token(&token).await.assert_app_error(404, NO_ROUTE);
    }
    app.put("/users/a%20b/roles")
        .token(&token)
        .json(json!({"roles": "system_user"}))
        .await
        .assert_app_error(404, NO_ROUTE);
    for path in ["/users/abc/sessions", "/users/ME/sessions", "/users/tokens/abc"] {
        app.get(path).token(&token).await.assert_app_error(400, INVALID_URL_PARAM);
    }
    assert_eq!(app.get("/users/me/sessions").token(&token).await.status, 200);
    // Mattermost's router tries each route: a literal path's missing method is served by a
    // parameter route that has it, with the literal as the id (the handler's 400).
    app.get("/users/tokens/disable").token(&token).await.assert_app_error(400, INVALID_URL_PARAM);
    app.post("/users/username/tokens")
        .token(&token)
        .json(json!({"description": "x"}))
        .await
        .assert_app_error(400, INVALID_URL_PARAM);
}

/// `GET /system/ping`, as Mattermost's `getSystemPing` answers.
async fn ping_answers_mattermosts_fields(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.client_requirements.android_min_version = "2.0.0".into()).await;
    let plain = app.get("/system/ping").await;
    assert_eq!(plain.status, 200);
    let body = plain.json();
    assert_eq!(body["status"], "OK");
    assert_eq!(body["AndroidMinVersion"], "2.0.0");
    for key in ["AndroidLatestVersion", "IosLatestVersion", "IosMinVersion"] {
        assert_eq!(body[key], "", "{key}");
    }
    assert_eq!(body["ActiveSearchBackend"], "database");
    assert!(body.get("database_status").is_none() && plain.headers.get("database_status").is_none());
    let full = app.get("/system/ping?get_server_status=true&device_id=android_rn:abc").await;
    assert_eq!(full.status, 200);
    let body = full.json();
    assert_eq!((&body["database_status"], &body["filestore_status"]), (&json!("OK"), &json!("OK")));
    assert_eq!(body["CanReceiveNotifications"], "false");
    for header in ["status", "database_status", "filestore_status"] {
        assert_eq!(full.headers[header], "OK", "{header}");
    }
}

#[tokio::test]
async fn an_unhealthy_ping_is_500_unless_rest_semantics_are_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let app = spawn_app_with(Backend::Sqlite, |c| c.database = mm_sessions::config::Database::Sqlite(db.clone())).await;
    assert_eq!(app.get("/system/ping?get_server_status=true").await.status, 200);
    // Another connection holds the write lock for longer than the writer waits (5 s): the
    // store cannot take a write.
    let blocker = rusqlite::Connection::open(&db).unwrap();
    blocker.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let sick = app.get("/system/ping?get_server_status=true").await;
    assert_eq!(sick.status, 500, "{}", sick.text);
    let body = sick.json();
    assert_eq!((&body["status"], &body["database_status"]), (&json!("UNHEALTHY"), &json!("UNHEALTHY")));
    assert_eq!(sick.headers["status"], "UNHEALTHY");
    let rest = app.get("/system/ping?get_server_status=true&use_rest_semantics=true").await;
    assert_eq!(rest.status, 200);
    assert_eq!(rest.json()["status"], "UNHEALTHY");
    blocker.execute_batch("ROLLBACK").unwrap();
    assert_eq!(app.get("/system/ping?get_server_status=true").await.status, 200, "healthy again");
}

/// The deep check is a real write: a database that takes reads but refuses writes (a full
/// disk, a read-only replica; here a trigger that refuses them) is unhealthy, while a plain
/// ping, which only reads, still answers.
#[tokio::test]
async fn a_database_that_refuses_writes_is_unhealthy_postgres() {
    let schema = crate::pg::schema().await;
    let database = mm_sessions::config::Database::Postgres(schema.url.clone());
    let app = spawn_app_with(Backend::Postgres, |c| c.database = database).await;
    assert_eq!(app.get("/system/ping?get_server_status=true").await.status, 200);
    let (client, connection) = tokio_postgres::connect(&schema.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client
        .batch_execute(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no space left'; END $$ \
             LANGUAGE plpgsql; CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON health_checks \
             FOR EACH ROW EXECUTE FUNCTION refuse()",
        )
        .await
        .unwrap();
    assert_eq!(app.get("/system/ping").await.status, 200, "reads still work");
    let sick = app.get("/system/ping?get_server_status=true").await;
    assert_eq!(sick.status, 500, "{}", sick.text);
    assert_eq!(sick.json()["database_status"], "UNHEALTHY");
}

/// The User object carries Mattermost's fields: for the user themself, their notification
/// settings and the last password change; for anyone else, neither.
async fn the_user_object_carries_mattermosts_fields(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    app.user("bob", &[]).await;
    let token = app.login_token("alice", PASSWORD).await;
    let me = app.get("/users/me").token(&token).await.json();
    assert_eq!(me["position"], "");
    assert_eq!(me["auth_data"], "");
    assert_eq!(me["disable_welcome_email"], false);
    assert_eq!(me["timezone"], json!({"useAutomaticTimezone": "true", "automaticTimezone": "", "manualTimezone": ""}));
    assert_eq!(me["notify_props"]["email"], "true");
    assert_eq!(me["notify_props"]["push"], "mention");
    assert_eq!(me["notify_props"]["desktop_threads"], "all");
    let changed = me["last_password_update"].as_i64().unwrap();
    assert!(changed >= alice.create_at, "{me}");
    assert!(me.get("password").is_none() && me.get("mfa_secret").is_none());
    let bob: Value = app.get("/users/username/bob").token(&token).await.json();
    assert_eq!(bob["timezone"]["useAutomaticTimezone"], "true");
    assert!(bob.get("notify_props").is_none() && bob.get("last_password_update").is_none(), "{bob}");
    // A password change moves it.
    app.service.clock().advance(1000);
    let change = json!({"current_password": PASSWORD, "new_password": "another password"});
    app.put("/users/me/password").token(&token).json(change).await.assert_ok_status();
    let later = app.get("/users/me").token(&token).await.json()["last_password_update"].as_i64().unwrap();
    assert!(later > changed, "{later} after {changed}");
}

on_every_backend!(
    a_login_by_user_id,
    login_bodies_are_read_as_maps_of_strings,
    a_blank_password_is_400,
    string_map_bodies_are_read_as_mattermost_reads_them,
    usernames_in_the_path_follow_is_valid_username,
    ids_in_the_path_follow_mattermosts_router,
    ping_answers_mattermosts_fields,
    the_user_object_carries_mattermosts_fields,
);
