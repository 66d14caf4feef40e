//! `mm-sessions import mattermost` (issue #39), on every target backend, from a Mattermost
//! database: a PostgreSQL schema written from the column facts (tests/fixtures), with rows made
//! here as Mattermost makes them (bcrypt cost 10 by the `bcrypt` crate, PBKDF2-SHA256 with
//! 600,000 rounds by the `pbkdf2` crate, tokens in clear, `csrf` in the session's props). After
//! the import the old tokens, cookies, passwords and MFA codes work against this server. The
//! source is PostgreSQL, so every test here needs it (its name says `postgres`).

use std::collections::BTreeMap;

use data_encoding::BASE64_NOPAD;
use mm_sessions::domain::{now_millis, Id, User};
use mm_sessions::import::{self, Options, Report};
use mm_sessions::mfa::totp;
use mm_sessions::store::ImportKind;
use serde_json::json;

use crate::helpers::*;

const ALICE_PASSWORD: &str = "alice's old password";
const BOB_PASSWORD: &str = "bob's old password";
/// A base32 secret as Mattermost makes them (20 random bytes, 32 characters).
const BOB_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const DAY_MS: i64 = 24 * 3600 * 1000;

/// The source: a schema holding Mattermost's tables, and what the test needs to know of its rows.
struct Source {
    schema: crate::pg::PgSchema,
    client: tokio_postgres::Client,
    alice: String,
    bob: String,
    alice_token: String,
    alice_csrf: String,
    alice_other_session: String,
    bob_token: String,
    carol_token: String,
    oauth_token: String,
    pat: String,
    disabled_pat: String,
    /// The TOTP step Mattermost accepted bob's last code in.
    bob_step: i64,
}

fn id() -> String {
    Id::generate().into_string()
}

/// Mattermost's PBKDF2 hash (`hashers/pbkdf2.go`): 16-byte salt, 600,000 rounds, 32 bytes.
fn pbkdf2_hash(password: &str) -> String {
    let salt: [u8; 16] = rand_bytes();
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), &salt, 600_000, &mut out);
    format!("$pbkdf2$f=SHA256,w=600000,l=32${}${}", BASE64_NOPAD.encode(&salt), BASE64_NOPAD.encode(&out))
}

fn rand_bytes() -> [u8; 16] {
    let id = Id::generate();
    let mut out = [0u8; 16];
    out.copy_from_slice(&id.as_str().as_bytes()[..16]);
    out
}

impl Source {
    async fn new() -> Source {
        let schema = crate::pg::schema().await;
        let (client, connection) = tokio_postgres::connect(&schema.url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        client.batch_execute(include_str!("../fixtures/mattermost-schema.sql")).await.expect("schema made");
        let now = now_millis();
        let source = Source {
            schema,
            client,
            alice: id(),
            bob: id(),
            alice_token: id(),
            alice_csrf: id(),
            alice_other_session: id(),
            bob_token: id(),
            carol_token: id(),
            oauth_token: id(),
            pat: id(),
            disabled_pat: id(),
            bob_step: now / 1000 / 30,
        };
        let bcrypt_hash = bcrypt::hash(ALICE_PASSWORD, 10).unwrap().replacen("$2b$", "$2a$", 1);
        let (alice, bob) = (source.alice.clone(), source.bob.clone());
        let step = source.bob_step;
        source.user(&alice, "alice", "system_user system_admin", &bcrypt_hash, "", "", false, "", "").await;
        source.user(&bob, "bob", "system_user", &pbkdf2_hash(BOB_PASSWORD), "", "", true, BOB_SECRET, "").await;
        let carol = id();
        source.user(&carol, "carol", "system_user", "", "gitlab", "4242", false, "", "").await;
        let dave = id();
        source.user(&dave, "dave", "system_user custom_helpdesk", "not a hash", "", "", false, "", "").await;
        let botty = id();
        source.user(&botty, "botty", "system_user", "", "", "", false, "", "").await;
        source
            .exec("INSERT INTO bots (userid, description, ownerid) VALUES ($1, 'a bot', $2)", &[&botty, &alice])
            .await;
        let remote = id();
        source.user(&remote, "remote", "system_user", "", "", "", false, "", &id()).await;
        let erin = id();
        source.user(&erin, "erin", "system_user", "", "", "", false, "", "").await;
        source.exec("UPDATE users SET deleteat = $2 WHERE id = $1", &[&erin, &(now - DAY_MS)]).await;
        source
            .exec("UPDATE users SET mfausedtimestamps = $2::text::jsonb WHERE id = $1", &[&bob, &format!("[{step}]")])
            .await;

        let csrf = source.alice_csrf.clone();
        let alice_props = json!({"csrf": csrf, "platform": "Linux", "os": "Linux", "browser": "Chrome/120.0",
            "isMobile": "false", "isOAuthUser": "false", "isSaml": "false", "is_guest": "false"});
        let (t, o) = (source.alice_token.clone(), source.alice_other_session.clone());
        source.session(&id(), &t, &alice, now + 30 * DAY_MS, false, &alice_props).await;
        source.session(&o, &id(), &alice, now + 30 * DAY_MS, false, &json!({"csrf": id()})).await;
        let bt = source.bob_token.clone();
        source.session(&id(), &bt, &bob, now + 30 * DAY_MS, false, &json!({"csrf": id()})).await;
        let ct = source.carol_token.clone();
        source.session(&id(), &ct, &carol, now + 30 * DAY_MS, false, &json!({"isOAuthUser": "true"})).await;
        let ot = source.oauth_token.clone();
        source.session(&id(), &ot, &alice, now + 30 * DAY_MS, true, &json!({})).await;
        source.session(&id(), &id(), &alice, now - DAY_MS, false, &json!({})).await;
        let pat_props = json!({"type": "UserAccessToken", "user_access_token_id": id()});
        source.session(&id(), &source.pat.clone(), &alice, now + 30 * DAY_MS, false, &pat_props).await;
        let (p, d) = (source.pat.clone(), source.disabled_pat.clone());
        source.token(&id(), &p, &alice, true).await;
        source.token(&id(), &d, &alice, false).await;
        source
    }

    async fn exec(&self, sql: &str, params: &[&(dyn tokio_postgres::types::ToSql + Sync)]) {
        self.client.execute(sql, params).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    #[allow(clippy::too_many_arguments)]
    async fn user(
        &self,
        id: &str,
        name: &str,
        roles: &str,
        password: &str,
        auth_service: &str,
        auth_data: &str,
        mfa: bool,
        secret: &str,
        remote_id: &str,
    ) {
        let now = now_millis();
        let auth_data = (!auth_data.is_empty()).then_some(auth_data);
        let remote_id = (!remote_id.is_empty()).then_some(remote_id);
        self.exec(
            "INSERT INTO users (id, createat, updateat, deleteat, username, password, authdata, authservice, email, \
             emailverified, nickname, firstname, lastname, roles, props, notifyprops, lastpasswordupdate, locale, \
             mfaactive, mfasecret, position, timezone, remoteid) VALUES ($1, $2, $2, 0, $3, $4, $5, $6, $7, true, \
             $8, 'First', 'Last', $9, '{}', '{\"email\": \"false\", \"push\": \"all\"}', $2, 'fr', $10, $11, 'Tester', \
             '{\"useAutomaticTimezone\": \"false\", \"manualTimezone\": \"Europe/Paris\", \"automaticTimezone\": \"\"}', \
             $12)",
            &[
                &id,
                &(now - 100 * DAY_MS),
                &name,
                &password,
                &auth_data,
                &auth_service,
                &format!("{name}@Example.com"),
                &format!("{name}-nick"),
                &roles,
                &mfa,
                &secret,
                &remote_id,
            ],
        )
        .await;
    }

    async fn session(&self, id: &str, token: &str, user: &str, expires: i64, oauth: bool, props: &serde_json::Value) {
        let now = now_millis();
        self.exec(
            "INSERT INTO sessions (id, token, createat, expiresat, lastactivityat, userid, deviceid, roles, isoauth, \
             props, expirednotify) VALUES ($1, $2, $3, $4, $3, $5, '', 'system_user', $6, $7::text::jsonb, false)",
            &[&id, &token, &(now - DAY_MS), &expires, &user, &oauth, &props.to_string()],
        )
        .await;
    }

    async fn token(&self, id: &str, token: &str, user: &str, active: bool) {
        self.exec(
            "INSERT INTO useraccesstokens (id, token, userid, description, isactive) VALUES ($1, $2, $3, 'ci', $4)",
            &[&id, &token, &user, &active],
        )
        .await;
    }

    /// Imports this source into `app`'s store.
    async fn import_into(&self, app: &TestApp, dry_run: bool) -> Report {
        let options = Options { from: self.schema.url.clone(), dry_run, operator_key: None, report_file: None };
        import::run(app.service.stores(), options).await.expect("import ran")
    }
}

async fn mfa_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |c| {
        c.policy.mfa.enable = true;
        c.policy.enable_user_access_tokens = true;
    })
    .await
}

async fn stored(app: &TestApp, id: &str) -> User {
    app.service.stores().users.user_by_id(&Id::parse(id).unwrap()).await.unwrap().expect("user imported")
}

fn cookie_header(token: &str, csrf: &str, user: &str) -> String {
    format!("MMAUTHTOKEN={token}; MMCSRF={csrf}; MMUSERID={user}")
}

async fn old_tokens_cookies_passwords_and_codes_work(backend: Backend) {
    let source = Source::new().await;
    let app = mfa_app(backend).await;
    let report = source.import_into(&app, false).await;
    let users = report.counts[&ImportKind::User];
    assert_eq!((users.read, users.new, users.skipped), (7, 5, 2), "{}", report.summary());
    let sessions = report.counts[&ImportKind::Session];
    // alice's two, bob's, carol's; the OAuth-provider and the token's session skipped; the
    // expired one not read.
    assert_eq!((sessions.read, sessions.new, sessions.skipped), (6, 4, 2), "{}", report.summary());
    assert_eq!(report.expired_sessions, 1);
    assert_eq!(report.counts[&ImportKind::Token].new, 2);
    let summary = report.summary();
    for said in ["a bot account", "a remote user", "isoauth", "custom_helpdesk", "set again", "first use"] {
        assert!(summary.contains(said), "{said:?} not in {summary}");
    }

    // The session token from the source database authenticates; the profile came along.
    let me = app.get("/users/me").token(&source.alice_token).await;
    assert_eq!(me.status, 200, "{}", me.text);
    let me = me.json();
    assert_eq!((me["username"].as_str(), me["email"].as_str()), (Some("alice"), Some("alice@example.com")));
    assert_eq!(
        (me["locale"].as_str(), me["nickname"].as_str(), me["position"].as_str()),
        (Some("fr"), Some("alice-nick"), Some("Tester"))
    );
    assert_eq!(me["timezone"]["manualTimezone"], "Europe/Paris");
    assert_eq!(me["notify_props"]["push"], "all");
    assert_eq!(me["roles"], "system_user system_admin");
    assert!(app.token_works(&source.bob_token).await);
    assert!(app.token_works(&source.carol_token).await, "an SSO user's session carries over");
    assert!(!app.token_works(&source.oauth_token).await, "an OAuth-provider session is not imported");

    // The browser's cookies: a cookie-authenticated write passes with the session's CSRF token
    // (Mattermost's `X-CSRF-Token`, from the `MMCSRF` cookie) and is refused without it.
    let cookies = cookie_header(&source.alice_token, &source.alice_csrf, &source.alice);
    let revoke = format!("/users/{}/sessions/revoke", source.alice);
    let body = json!({"session_id": source.alice_other_session});
    let refused = app.post(&revoke).cookie(&cookies).json(body.clone()).await;
    assert_eq!(refused.status, 401, "a cookie write without the CSRF token: {}", refused.text);
    let wrong = app.post(&revoke).cookie(&cookies).header("X-CSRF-Token", &id()).json(body.clone()).await;
    assert_eq!(wrong.status, 401, "a cookie write with another CSRF token: {}", wrong.text);
    let done = app.post(&revoke).cookie(&cookies).header("X-CSRF-Token", &source.alice_csrf).json(body).await;
    done.assert_ok_status();
    let left = app.get(&format!("/users/{}/sessions", source.alice)).token(&source.alice_token).await.json();
    assert!(left.as_array().unwrap().iter().all(|s| s["id"] != source.alice_other_session.as_str()));

    // Personal access tokens: the active one opens its session, the disabled one nothing.
    assert!(app.token_works(&source.pat).await);
    assert!(!app.token_works(&source.disabled_pat).await);

    // bcrypt: the old password logs in, and the hash becomes ours in the same login.
    assert!(stored(&app, &source.alice).await.password_hash.unwrap().starts_with("$2a$10$"));
    app.login("alice", "wrong password")
        .await
        .assert_app_error(401, "api.user.login.invalid_credentials_email_username");
    assert!(
        stored(&app, &source.alice).await.password_hash.unwrap().starts_with("$2a$"),
        "a wrong password upgrades nothing"
    );
    let set_at = stored(&app, &source.alice).await.last_password_update;
    let login = app.login("alice", ALICE_PASSWORD).await;
    assert_eq!(login.status, 200, "{}", login.text);
    let upgraded = stored(&app, &source.alice).await;
    assert!(upgraded.password_hash.as_deref().unwrap().starts_with("$argon2id$"));
    assert_eq!(upgraded.last_password_update, set_at, "an upgrade is not a password change");
    assert_eq!(app.login("alice", ALICE_PASSWORD).await.status, 200, "the argon2id hash verifies");

    // PBKDF2 with MFA: the password and a code from the old secret; the accepted step carried
    // over is refused (no replay of a code Mattermost took).
    let no_code = app.login("bob", BOB_PASSWORD).await;
    no_code.assert_app_error(401, "mfa.validate_token.authenticate.app_error");
    let secs = u64::try_from(source.bob_step * 30).unwrap();
    let replayed = totp::code_at(BOB_SECRET, secs).unwrap();
    let reply = app.login_with(json!({"login_id": "bob", "password": BOB_PASSWORD, "token": replayed})).await;
    assert_eq!(reply.status, 401, "a code Mattermost accepted is not taken again: {}", reply.text);
    let next = totp::code_at(BOB_SECRET, secs + 30).unwrap();
    let reply = app.login_with(json!({"login_id": "bob", "password": BOB_PASSWORD, "token": next})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(stored(&app, &source.bob).await.password_hash.unwrap().starts_with("$argon2id$"));

    // An SSO user cannot sign in with a password; a deactivated one is deactivated.
    let carol = app.service.stores().users.user_by_username("carol").await.unwrap().unwrap();
    assert_eq!((carol.auth_service.as_str(), carol.auth_data.as_deref()), ("gitlab", Some("4242")));
    let erin = app.service.stores().users.user_by_username("erin").await.unwrap().unwrap();
    assert!(!erin.is_active());
    for skipped in ["botty", "remote"] {
        assert!(app.service.stores().users.user_by_username(skipped).await.unwrap().is_none(), "{skipped}");
    }
    let dave = app.service.stores().users.user_by_username("dave").await.unwrap().unwrap();
    assert_eq!((dave.roles.as_str(), dave.password_hash.as_deref()), ("system_user", None));
}

async fn a_second_import_changes_nothing_and_a_dry_run_writes_nothing(backend: Backend) {
    let source = Source::new().await;
    let app = spawn_app(backend).await;
    let dry = source.import_into(&app, true).await;
    assert_eq!(dry.counts[&ImportKind::User].new, 5, "{}", dry.summary());
    assert!(dry.summary().starts_with("dry run"));
    assert!(app.service.stores().users.list_users().await.unwrap().is_empty(), "a dry run wrote users");
    assert!(!app.token_works(&source.alice_token).await, "a dry run wrote sessions");

    source.import_into(&app, false).await;
    let before = snapshot(&app).await;
    let again = source.import_into(&app, false).await;
    for (kind, counts) in &again.counts {
        assert_eq!((counts.new, counts.updated), (0, 0), "{kind:?}: {}", again.summary());
    }
    assert_eq!(again.counts[&ImportKind::User].unchanged, 5);
    assert_eq!(again.counts[&ImportKind::Session].unchanged, 4);
    assert_eq!(snapshot(&app).await, before, "a second import changed the store");

    // What changed in the source is updated; a dry run says so and writes nothing.
    source.exec("UPDATE users SET nickname = 'Al' WHERE id = $1", &[&source.alice]).await;
    let dry = source.import_into(&app, true).await;
    assert_eq!(dry.counts[&ImportKind::User].updated, 1);
    assert_eq!(snapshot(&app).await, before, "a dry run changed the store");
    let updated = source.import_into(&app, false).await;
    assert_eq!((updated.counts[&ImportKind::User].updated, updated.counts[&ImportKind::User].unchanged), (1, 4));
    assert_eq!(stored(&app, &source.alice).await.profile.unwrap().nickname, "Al");

    // What was decided here stands when the source's rows change: a demotion (and new sessions
    // take the user's roles here, not the source's), a deactivation, a disabled token.
    let stores = app.service.stores();
    let dave = stores.users.user_by_username("dave").await.unwrap().unwrap();
    stores.users.deactivate_user(&dave.id, now_millis(), &cause()).await.unwrap();
    let alice_id = Id::parse(&source.alice).unwrap();
    let bob_id = Id::parse(&source.bob).unwrap();
    // bob made an admin here first, so that alice is not the last one.
    let set = stores.users.set_roles(&bob_id, "system_user system_admin", now_millis(), &cause()).await.unwrap();
    assert_eq!(set, mm_sessions::store::RolesSet::Set(1));
    let set = stores.users.set_roles(&alice_id, "system_user", now_millis(), &cause()).await.unwrap();
    assert!(matches!(set, mm_sessions::store::RolesSet::Set(_)), "{set:?}");
    let pat = stores.tokens.token_by_hash(&mm_sessions::domain::TokenHash::of(&source.pat)).await.unwrap().unwrap();
    stores.tokens.set_token_active(&pat, false, &cause()).await.unwrap();
    source.exec("UPDATE users SET nickname = nickname || '!'", &[]).await;
    source.exec("UPDATE useraccesstokens SET description = 'changed'", &[]).await;
    let new_token = id();
    let props = json!({"csrf": id()});
    source.session(&id(), &new_token, &source.alice, now_millis() + DAY_MS, false, &props).await;
    let after = source.import_into(&app, false).await;
    assert_eq!(after.counts[&ImportKind::User].updated, 5, "{}", after.summary());
    assert!(!stores.users.user_by_id(&dave.id).await.unwrap().unwrap().is_active(), "a deactivation here was undone");
    assert_eq!(stored(&app, &source.alice).await.roles, "system_user", "a demotion here was undone");
    assert_eq!(stored(&app, &source.bob).await.roles, "system_user system_admin", "a promotion here was undone");
    assert!(!app.token_works(&source.pat).await, "a token disabled here came back");
    let me = app.get("/users/me/sessions").token(&new_token).await.json();
    assert!(me.as_array().unwrap().iter().all(|s| s["roles"] == "system_user"), "{me}");
    stores.users.set_roles(&alice_id, "system_user system_admin", now_millis(), &cause()).await.unwrap();

    // An administrator turns bob's MFA off here (a lost phone) before bob ever signs in here:
    // the next import, though bob's row changed there, leaves it off.
    assert!(stores.mfa.mfa_state(&bob_id).await.unwrap().unwrap().active);
    stores.mfa.deactivate_mfa(&bob_id, now_millis(), false, &cause()).await.unwrap();
    source.exec("UPDATE users SET nickname = 'Robert' WHERE id = $1", &[&source.bob]).await;
    source.import_into(&app, false).await;
    assert_eq!(stored(&app, &source.bob).await.profile.unwrap().nickname, "Robert");
    let mfa = stores.mfa.mfa_state(&bob_id).await.unwrap().unwrap();
    assert!(!mfa.active && mfa.secret.is_empty(), "an MFA turned off here came back: {mfa:?}");

    // A session revoked here is not brought back by the next import, even when the source's
    // row changed; a password set here is not overwritten by the source's.
    let alice = stored(&app, &source.alice).await;
    let sessions = app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap();
    let revoked =
        sessions.iter().find(|s| s.token_hash == mm_sessions::domain::TokenHash::of(&source.alice_token)).unwrap();
    app.service.stores().sessions.delete_session(&revoked.id, &cause()).await.unwrap();
    app.login("alice", ALICE_PASSWORD).await.token();
    let ours = stored(&app, &source.alice).await.password_hash;
    source.exec("UPDATE sessions SET lastactivityat = lastactivityat + 1", &[]).await;
    source
        .exec("UPDATE users SET password = $2, nickname = 'Ally' WHERE id = $1", &[&source.alice, &pbkdf2_hash("new")])
        .await;
    let after = source.import_into(&app, false).await;
    assert!(after.summary().contains("not brought back"), "{}", after.summary());
    assert!(!app.token_works(&source.alice_token).await, "a revoked session came back");
    let alice = stored(&app, &source.alice).await;
    assert_eq!(alice.password_hash, ours, "the source's hash replaced a password set here");
    assert_eq!(alice.profile.unwrap().nickname, "Ally");
}

/// What the store holds, for comparing before and after: users (with profiles) and sessions.
async fn snapshot(app: &TestApp) -> BTreeMap<String, String> {
    let stores = app.service.stores();
    let mut out = BTreeMap::new();
    for user in stores.users.list_users().await.unwrap() {
        let sessions = stores.sessions.sessions_for_user(&user.id).await.unwrap();
        out.insert(user.id.to_string(), format!("{user:?} {sessions:?}"));
    }
    out
}

/// A deactivation in the source reaches here as a deactivation does: the user is deactivated,
/// their sessions end, and `user.deactivated` and a `session.revoked` per session are recorded
/// for the webhooks, in the import's transaction. Importing again records nothing more.
async fn a_deactivation_in_the_source_ends_sessions_here_with_its_events(backend: Backend) {
    let source = Source::new().await;
    let app = spawn_app(backend).await;
    source.import_into(&app, false).await;
    assert!(app.token_works(&source.alice_token).await);
    let stores = app.service.stores();
    let before = stores.webhooks.events_since(0, 1000).await.unwrap().last().map_or(0, |e| e.seq);
    source.exec("UPDATE users SET deleteat = $2 WHERE id = $1", &[&source.alice, &now_millis()]).await;
    source.import_into(&app, false).await;
    assert!(!stored(&app, &source.alice).await.is_active());
    assert!(!app.token_works(&source.alice_token).await, "a session of a user deactivated there still works");
    let events = stores.webhooks.events_since(before, 1000).await.unwrap();
    let kinds: Vec<(&str, &str)> = events.iter().map(|e| (e.kind.as_str(), e.reason.as_str())).collect();
    assert!(kinds.contains(&("user.deactivated", "deactivated")), "{kinds:?}");
    let revoked = kinds.iter().filter(|k| **k == ("session.revoked", "deactivated")).count();
    assert_eq!(revoked, 2, "alice's two imported sessions: {kinds:?}");
    assert!(events.iter().all(|e| e.user_id == source.alice), "{events:?}");
    let last = events.last().map_or(before, |e| e.seq);
    source.exec("UPDATE users SET nickname = 'gone' WHERE id = $1", &[&source.alice]).await;
    source.import_into(&app, false).await;
    assert!(stores.webhooks.events_since(last, 1000).await.unwrap().is_empty(), "a second deactivation event");
}

on_every_backend!(
    old_tokens_cookies_passwords_and_codes_work,
    a_second_import_changes_nothing_and_a_dry_run_writes_nothing,
    a_deactivation_in_the_source_ends_sessions_here_with_its_events
);

/// Wrong passwords for an imported user spend the account's budget as anyone's do: once it is
/// spent, the right old password is answered as a wrong one, and its hash is left as it was.
#[tokio::test]
async fn imported_passwords_keep_the_login_budgets_postgres_source() {
    let source = Source::new().await;
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.policy.login_rate_account = std::num::NonZeroU32::new(3).unwrap();
        c.clock = mm_sessions::domain::Clock::frozen();
    })
    .await;
    source.import_into(&app, false).await;
    for _ in 0..3 {
        app.login("alice", "a wrong guess")
            .await
            .assert_app_error(401, "api.user.login.invalid_credentials_email_username");
    }
    let right = app.login("alice", ALICE_PASSWORD).await;
    right.assert_app_error(401, "api.user.login.invalid_credentials_email_username");
    assert!(stored(&app, &source.alice).await.password_hash.unwrap().starts_with("$2a$"));
}

/// With the operator key, an imported MFA secret is stored sealed (a copy of this store computes
/// no code) and the server holding that key takes the old secret's codes.
#[tokio::test]
async fn imported_mfa_secrets_are_sealed_under_the_operator_key_postgres_source() {
    let key = mm_sessions::mfa::SecretKey::parse("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=").unwrap();
    let source = Source::new().await;
    let server_key = key.clone();
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.policy.mfa.enable = true;
        c.mfa_key = Some(server_key);
    })
    .await;
    let options =
        Options { from: source.schema.url.clone(), dry_run: false, operator_key: Some(key), report_file: None };
    import::run(app.service.stores(), options).await.expect("import ran");
    let bob = Id::parse(&source.bob).unwrap();
    let state = app.service.stores().mfa.mfa_state(&bob).await.unwrap().unwrap();
    assert!(state.active);
    assert!(state.secret.starts_with("sealed:v1:") && !state.secret.contains(BOB_SECRET), "{}", state.secret);
    let next = totp::code_at(BOB_SECRET, u64::try_from((source.bob_step + 1) * 30).unwrap()).unwrap();
    let reply = app.login_with(json!({"login_id": "bob", "password": BOB_PASSWORD, "token": next})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
}

/// A dry run finds what the import would refuse: a new user whose username another user here
/// holds (and that user's sessions), as the import then does.
#[tokio::test]
async fn a_dry_run_finds_the_clashes_the_import_finds_postgres_source() {
    let source = Source::new().await;
    let app = spawn_app(Backend::Sqlite).await;
    app.user("dave", &[]).await;
    for dry_run in [true, false] {
        let report = source.import_into(&app, dry_run).await;
        let users = report.counts[&ImportKind::User];
        assert_eq!((users.new, users.skipped), (4, 3), "{}", report.summary());
        let refused = report.reasons(ImportKind::User);
        assert!(
            refused.contains(&("skipped: its username, email or sign-on identity is held by another user here", 1)),
            "{refused:?}"
        );
    }
}

/// `--report`: every skipped row, and every row imported with a remark, one JSON object a line.
#[tokio::test]
async fn the_report_file_lists_every_skipped_row_postgres_source() {
    let source = Source::new().await;
    let app = spawn_app(Backend::Memory).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.jsonl");
    let file = std::fs::File::create(&path).unwrap();
    let options =
        Options { from: source.schema.url.clone(), dry_run: false, operator_key: None, report_file: Some(file) };
    let report = import::run(app.service.stores(), options).await.expect("import ran");
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let skipped: Vec<&serde_json::Value> = lines.iter().filter(|l| l["outcome"] == "skipped").collect();
    let counted: u64 = report.counts.values().map(|c| c.skipped).sum();
    assert_eq!(skipped.len() as u64, counted, "{lines:?}");
    let reasons: Vec<&str> = skipped.iter().map(|l| l["reason"].as_str().unwrap()).collect();
    for reason in ["a bot account (bots are not imported)", "a remote user of a shared channel (not imported)"] {
        assert!(reasons.contains(&reason), "{reasons:?}");
    }
    assert!(reasons.iter().any(|r| r.contains("isoauth")), "{reasons:?}");
    let noted: Vec<&serde_json::Value> = lines.iter().filter(|l| l["outcome"] == "imported").collect();
    assert!(noted.iter().any(|l| l["reason"].as_str().unwrap().contains("custom_helpdesk")), "{noted:?}");
    assert!(lines.iter().all(|l| !l.to_string().contains(&source.oauth_token)), "a token in the report");
}
