//! Multi-factor authentication (TOTP), as Mattermost runs it, and where this server is safer:
//! setting it up (the secret, its QR code), logging in with a code (once only), turning it off
//! (the user with a code, an administrator without), enforcement, secrets sealed at rest, and
//! the budgets that code checks spend. Time moves through the service's clock: a code of a
//! later step is a new code.

use mm_sessions::mfa::totp;
use serde_json::{json, Value};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";
const NEEDS_CODE: &str = "mfa.validate_token.authenticate.app_error";
const BAD_CODE: &str = "api.user.check_user_mfa.bad_code.app_error";
const BAD_TOKEN: &str = "mfa.activate.bad_token.app_error";
const MALFORMED: &str = "mfa.activate.app_error";
const MFA_REQUIRED: &str = "api.context.mfa_required.app_error";
const INVALID_BODY: &str = "api.context.invalid_body_param.app_error";
const STEP_MS: i64 = 30_000;

/// A server with MFA on (and `configure` for the rest).
async fn spawn_mfa_app(backend: Backend, configure: impl FnOnce(&mut mm_sessions::config::ServeConfig)) -> TestApp {
    spawn_app_with(backend, |c| {
        c.policy.mfa.enable = true;
        configure(c);
    })
    .await
}

/// The code for `secret` now, by the server's clock.
fn code(app: &TestApp, secret: &str) -> String {
    let secs = u64::try_from(app.service.clock().now_millis() / 1000).unwrap();
    totp::code_at(secret, secs).unwrap()
}

/// Generates a secret for `user` (as `token`) and activates MFA with a code of it; the secret.
/// The clock then moves to the next step, so that the next code is a new one.
async fn set_up_mfa(app: &TestApp, token: &str, user: &str) -> String {
    let generated = app.post(&format!("/users/{user}/mfa/generate")).token(token).await;
    assert_eq!(generated.status, 200, "{}", generated.text);
    let secret = generated.json()["secret"].as_str().unwrap().to_owned();
    let code = code(app, &secret);
    app.put(&format!("/users/{user}/mfa"))
        .token(token)
        .json(json!({"activate": true, "code": code}))
        .await
        .assert_ok_status();
    app.service.clock().advance(STEP_MS);
    secret
}

fn login_body(code: Option<&str>) -> Value {
    match code {
        Some(code) => json!({"login_id": "alice", "password": PASSWORD, "token": code}),
        None => json!({"login_id": "alice", "password": PASSWORD}),
    }
}

/// The whole flow: generate (the secret, its QR code, the headers), activate (wrong, malformed,
/// right), then logins that need a code, each code once.
async fn setting_up_mfa_then_logging_in_with_codes(backend: Backend) {
    let app = spawn_mfa_app(backend, |_| {}).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let token = app.login_token("alice", PASSWORD).await;
    assert!(app.get("/users/me").token(&token).await.json().get("mfa_active").is_none(), "omitted while off");

    let generated = app.post("/users/me/mfa/generate").token(&token).await;
    assert_eq!(generated.status, 200, "{}", generated.text);
    assert_eq!(generated.headers["pragma"], "no-cache");
    assert_eq!(generated.headers["expires"], "0");
    assert_eq!(generated.headers["cache-control"], "no-store");
    let body = generated.json();
    let secret = body["secret"].as_str().unwrap().to_owned();
    assert_eq!(secret.len(), 32);
    let uri = format!("otpauth://totp/Mattermost:{}?secret={secret}&issuer=Mattermost", alice.email);
    assert_eq!(read_qr(body["qr_code"].as_str().unwrap()), uri, "the QR code holds exactly Mattermost's URI");

    let activate = |code: &str| app.put("/users/me/mfa").token(&token).json(json!({"activate": true, "code": code}));
    activate("000000").await.assert_app_error(401, BAD_TOKEN);
    activate("12ab56").await.assert_app_error(400, MALFORMED);
    app.put("/users/me/mfa").token(&token).json(json!({"activate": true})).await.assert_app_error(400, INVALID_BODY);
    app.put("/users/me/mfa").token(&token).json(json!({"activate": "yes"})).await.assert_app_error(400, INVALID_BODY);
    let first = code(&app, &secret);
    activate(&first).await.assert_ok_status();
    assert_eq!(app.get("/users/me").token(&token).await.json()["mfa_active"], true);
    // Safer than Mattermost: an active secret is not replaced.
    app.post("/users/me/mfa/generate")
        .token(&token)
        .await
        .assert_app_error(400, "api.user.generate_mfa_secret.mfa_active.app_error");

    // The password first, then the code.
    app.login_with(json!({"login_id": "alice", "password": "wrong password", "token": first}))
        .await
        .assert_app_error(401, "api.user.login.invalid_credentials_email_username");
    app.login_with(login_body(None)).await.assert_app_error(401, NEEDS_CODE);
    app.login_with(login_body(Some("abc"))).await.assert_app_error(401, NEEDS_CODE);
    app.login_with(login_body(Some("000000"))).await.assert_app_error(401, BAD_CODE);
    // The activation's code was used: the same step's code is a replay.
    app.login_with(login_body(Some(&first))).await.assert_app_error(401, BAD_CODE);
    app.service.clock().advance(STEP_MS);
    let next = code(&app, &secret);
    let reply = app.login_with(login_body(Some(&format!(" {next} ")))).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json()["mfa_active"], true);
    assert!(app.token_works(&reply.token()).await);
    app.login_with(login_body(Some(&next))).await.assert_app_error(401, BAD_CODE);
    // Sessions opened before MFA was on stay, as in Mattermost.
    assert!(app.token_works(&token).await);
}

/// Turning MFA off: the user themself with a current code (safer than Mattermost); an
/// administrator for someone else without one; anyone else not at all.
async fn turning_mfa_off(backend: Backend) {
    let app = spawn_mfa_app(backend, |_| {}).await;
    let admin = app.user("admin", &["system_user", "system_admin"]).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let bob = app.user("bob", &[]).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let (bob_token, _) = app.issue_session(&bob).await;
    let token = app.login_token("alice", PASSWORD).await;
    let secret = set_up_mfa(&app, &token, "me").await;

    let off = |token: &str, body: Value| app.put(&format!("/users/{}/mfa", alice.id.as_str())).token(token).json(body);
    off(&token, json!({"activate": false})).await.assert_app_error(400, INVALID_BODY);
    off(&token, json!({"activate": false, "code": "000000"})).await.assert_app_error(401, BAD_TOKEN);
    off(&bob_token, json!({"activate": false})).await.assert_app_error(403, "api.context.permissions.app_error");
    off(&token, json!({"activate": false, "code": code(&app, &secret)})).await.assert_ok_status();
    assert_eq!(app.login_with(login_body(None)).await.status, 200, "the password alone again");
    assert!(app.service.stores().users.user_by_id(&alice.id).await.unwrap().is_some_and(|u| !u.mfa_active));
    let state = app.service.stores().mfa.mfa_state(&alice.id).await.unwrap().unwrap();
    assert_eq!(state.secret, "", "the secret is forgotten");

    // The lost phone: an administrator turns it off without a code. (A new secret's first code
    // must be of a step not used yet, as on Mattermost, whose used steps outlive the secret.)
    app.service.clock().advance(STEP_MS);
    set_up_mfa(&app, &token, "me").await;
    off(&admin_token, json!({"activate": false})).await.assert_ok_status();
    assert_eq!(app.login_with(login_body(None)).await.status, 200);
    let audits = app.service.stores().audits.audits_for_user(Some(&admin.id), 0, 10).await.unwrap();
    assert!(audits.iter().any(|a| a.extra_info == "success" && a.action.ends_with("/mfa")), "{audits:?}");
}

/// With MFA off (`EnableMultifactorAuthentication`), as Mattermost: no secret, no activation
/// (501), logins need no code even for a user whose MFA was on; turning it off still works.
async fn mfa_off_on_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let token = app.login_token("alice", PASSWORD).await;
    app.post("/users/me/mfa/generate").token(&token).await.assert_app_error(501, "mfa.mfa_disabled.app_error");
    app.put("/users/me/mfa")
        .token(&token)
        .json(json!({"activate": true, "code": "123456"}))
        .await
        .assert_app_error(501, "mfa.mfa_disabled.app_error");
    app.put("/users/me/mfa").token(&token).json(json!({"activate": false})).await.assert_ok_status();
    app.post("/users/nobodyxxxxxxxxxxxxxxxxxxx/mfa/generate")
        .token(&token)
        .await
        .assert_app_error(400, "api.context.invalid_url_param.app_error");
}

/// `EnforceMultifactorAuthentication`: a user without MFA may read themself and set MFA up,
/// nothing else (personal access tokens included); guests only with their own setting.
async fn enforcement_leaves_only_the_set_up(backend: Backend) {
    let app = spawn_mfa_app(backend, |c| {
        c.policy.mfa.enforce = true;
        c.policy.enable_user_access_tokens = true;
    })
    .await;
    let alice = app.user_with_password("alice", &["system_user", "system_user_access_token"], PASSWORD).await;
    let guest = app.user("guest", &["system_guest"]).await;
    let token = app.login_token("alice", PASSWORD).await;
    app.get("/users/me/sessions").token(&token).await.assert_app_error(403, MFA_REQUIRED);
    app.get("/users/me/audits").token(&token).await.assert_app_error(403, MFA_REQUIRED);
    assert_eq!(app.get("/users/me").token(&token).await.status, 200, "exempt: the exact path /users/me");
    assert_eq!(app.get("/system/ping").token(&token).await.status, 200);
    let pat = app.access_token(&alice, 0).await;
    app.get("/users/me/sessions").token(&pat).await.assert_app_error(403, MFA_REQUIRED);
    let (guest_token, _) = app.issue_session(&guest).await;
    assert_eq!(app.get("/users/me/sessions").token(&guest_token).await.status, 200, "guests are exempt");

    set_up_mfa(&app, &token, "me").await;
    assert_eq!(app.get("/users/me/sessions").token(&token).await.status, 200);
    assert_eq!(app.get("/users/me/sessions").token(&pat).await.status, 200);
    // Logging out needs no MFA either.
    assert_eq!(app.post("/users/logout").token(&guest_token).await.status, 200);
}

/// The user's session-cache lookups so far (hits and misses), from `/metrics`.
async fn user_lookups(app: &TestApp) -> f64 {
    let metrics = app.metrics().await;
    ["hit", "miss"]
        .iter()
        .filter_map(|result| {
            let name = format!(r#"mm_sessions_session_cache_lookups_total{{lookup="user",result="{result}"}}"#);
            metrics.lines().find(|l| l.starts_with(&name))?.rsplit(' ').next()?.parse::<f64>().ok()
        })
        .sum()
}

/// Enforcement reads the user authentication already read with the session: a request looks
/// the user up as often with it on as with it off.
#[tokio::test]
async fn enforcement_reads_no_user_beyond_authentications() {
    let mut per_request = Vec::new();
    for enforce in [false, true] {
        let app = spawn_mfa_app(Backend::Sqlite, |c| c.policy.mfa.enforce = enforce).await;
        app.user_with_password("alice", &[], PASSWORD).await;
        let token = app.login_token("alice", PASSWORD).await;
        set_up_mfa(&app, &token, "me").await;
        // The first request after the set-up fills the cache again.
        assert_eq!(app.get("/users/me/audits").token(&token).await.status, 200);
        let before = user_lookups(&app).await;
        for _ in 0..5 {
            assert_eq!(app.get("/users/me/audits").token(&token).await.status, 200);
        }
        per_request.push((user_lookups(&app).await - before) / 5.0);
    }
    assert!(per_request[0] >= 1.0, "authentication looks the user up: {per_request:?}");
    assert_eq!(per_request[0], per_request[1], "user lookups per request, enforcement off and on");
}

/// Guests are held to MFA when their own setting says so.
#[tokio::test]
async fn guests_are_enforced_by_their_setting() {
    let app = spawn_mfa_app(Backend::Memory, |c| {
        c.policy.mfa.enforce = true;
        c.policy.mfa.enforce_for_guests = true;
    })
    .await;
    let guest = app.user("guest", &["system_guest"]).await;
    let (guest_token, _) = app.issue_session(&guest).await;
    app.get("/users/me/sessions").token(&guest_token).await.assert_app_error(403, MFA_REQUIRED);
}

/// With a key, the stored secret is sealed (a copy of the database computes no code); without
/// one it is stored as Mattermost stores it. Either way it works, and it is never answered again.
async fn secrets_at_rest(backend: Backend) {
    let key = mm_sessions::mfa::SecretKey::parse("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=").unwrap();
    for sealed in [true, false] {
        let key = sealed.then(|| key.clone());
        let app = spawn_mfa_app(backend, |c| c.mfa_key = key).await;
        let alice = app.user_with_password("alice", &[], PASSWORD).await;
        let token = app.login_token("alice", PASSWORD).await;
        let secret = set_up_mfa(&app, &token, "me").await;
        let state = app.service.stores().mfa.mfa_state(&alice.id).await.unwrap().unwrap();
        let stored = state.secret;
        assert!(state.active);
        if sealed {
            assert!(stored.starts_with("sealed:v1:") && !stored.contains(&secret), "{stored}");
        } else {
            assert_eq!(stored, secret);
        }
        app.service.clock().advance(STEP_MS);
        let reply = app.login_with(login_body(Some(&code(&app, &secret)))).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        assert!(!reply.text.contains(&secret) && !app.get("/users/me").token(&token).await.text.contains(&secret));
    }
}

/// Every code checked in a session spends from the user's in-session code budget
/// (`MaximumLoginAttempts` a day, whichever session sends it): a stolen session cannot try a
/// million codes to turn MFA off. And its wrong codes do not count towards the login lock: the
/// owner still signs in with a code.
#[tokio::test]
async fn wrong_codes_in_a_session_spend_its_budget_and_never_lock_the_owner() {
    let app = spawn_mfa_app(Backend::Memory, |c| {
        c.policy.mfa.maximum_login_attempts = std::num::NonZeroU32::new(4).unwrap();
    })
    .await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let owners = app.login_token("alice", PASSWORD).await;
    // Setting MFA up checks one code in the session: one of the day's four.
    let secret = set_up_mfa(&app, &owners, "me").await;
    let stolen = app.login_with(login_body(Some(&code(&app, &secret)))).await.token();
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let reply = app.put("/users/me/mfa").token(&stolen).json(json!({"activate": false, "code": "000000"})).await;
        statuses.push(reply.status);
    }
    assert_eq!(statuses, [401, 401, 401, 429, 429], "four a day, then wait");
    let state = app.service.stores().mfa.mfa_state(&alice.id).await.unwrap().unwrap();
    assert_eq!(state.failed_attempts, 0, "a session's wrong codes are not the login's");
    app.service.clock().advance(STEP_MS);
    let reply = app.login_with(login_body(Some(&code(&app, &secret)))).await;
    assert_eq!(reply.status, 200, "the owner is not locked out: {}", reply.text);
    // The budget is the user's, whichever session: the owner's waits too, a quarter of a day.
    let off = || json!({"activate": false, "code": code(&app, &secret)});
    app.put("/users/me/mfa")
        .token(&owners)
        .json(off())
        .await
        .assert_app_error(429, "api.user.login.rate_limited.app_error");
    app.service.clock().advance(6 * 3600 * 1000);
    app.put("/users/me/mfa").token(&owners).json(off()).await.assert_ok_status();
    let metrics = app.metrics().await;
    assert!(metrics.contains(r#"mm_sessions_login_rejections_total{budget="in_session_code"} 3"#), "{metrics}");
}

/// Setting up one's own MFA needs a recent sign-in (safer than Mattermost): a session stolen
/// long after its sign-in, or a personal access token, cannot enrol the thief's authenticator
/// on an account without MFA. An administrator setting up someone else's is not asked.
#[tokio::test]
async fn setting_up_mfa_needs_a_recent_sign_in() {
    const SIGN_IN_AGAIN: &str = "api.user.update_mfa.sign_in_again.app_error";
    let app = spawn_mfa_app(Backend::Memory, |c| c.policy.enable_user_access_tokens = true).await;
    let alice = app.user_with_password("alice", &["system_user", "system_user_access_token"], PASSWORD).await;
    let old = app.login_token("alice", PASSWORD).await;
    app.service.clock().advance(11 * 60 * 1000);
    app.post("/users/me/mfa/generate").token(&old).await.assert_app_error(403, SIGN_IN_AGAIN);
    let body = json!({"activate": true, "code": "123456"});
    app.put("/users/me/mfa").token(&old).json(body).await.assert_app_error(403, SIGN_IN_AGAIN);
    let pat = app.access_token(&alice, 0).await;
    app.post("/users/me/mfa/generate").token(&pat).await.assert_app_error(403, SIGN_IN_AGAIN);
    let state = app.service.stores().mfa.mfa_state(&alice.id).await.unwrap().unwrap();
    assert!(!state.active && state.secret.is_empty(), "nothing was stored");
    // Signing in again is all it takes.
    let fresh = app.login_token("alice", PASSWORD).await;
    set_up_mfa(&app, &fresh, "me").await;
    assert!(app.service.stores().users.user_by_id(&alice.id).await.unwrap().is_some_and(|u| u.mfa_active));
}

/// A code is accepted once across nodes: two servers on one PostgreSQL database, the same code
/// sent to both at once, one login; sent to the second after the first, none.
#[tokio::test]
async fn a_code_is_accepted_once_across_nodes_postgres() {
    let schema = crate::pg::schema().await;
    let clock = mm_sessions::domain::Clock::system();
    let node = |clock: mm_sessions::domain::Clock| {
        let database = mm_sessions::config::Database::Postgres(schema.url.clone());
        spawn_mfa_app(Backend::Postgres, move |c| {
            c.database = database;
            c.clock = clock;
        })
    };
    let (a, b) = (node(clock.clone()).await, node(clock.clone()).await);
    a.user_with_password("alice", &[], PASSWORD).await;
    let token = a.login_token("alice", PASSWORD).await;
    let secret = set_up_mfa(&a, &token, "me").await;
    for _ in 0..3 {
        let code = code(&a, &secret);
        let (first, second) =
            tokio::join!(a.login_with(login_body(Some(&code))), b.login_with(login_body(Some(&code))));
        let mut statuses = [first.status, second.status];
        statuses.sort_unstable();
        assert_eq!(
            statuses,
            [200, 401],
            "one of two concurrent logins with one code: {} / {}",
            first.text,
            second.text
        );
        a.service.clock().advance(STEP_MS);
    }
    let code = code(&a, &secret);
    assert_eq!(a.login_with(login_body(Some(&code))).await.status, 200);
    b.login_with(login_body(Some(&code))).await.assert_app_error(401, BAD_CODE);
}

/// Wrong codes are counted in the store (every node sees them): past `MaximumLoginAttempts` even
/// the right code is refused (Mattermost's `too_many`), until the password changes.
async fn wrong_codes_lock_code_sign_ins_until_the_password_changes(backend: Backend) {
    let app =
        spawn_mfa_app(backend, |c| c.policy.mfa.maximum_login_attempts = std::num::NonZeroU32::new(3).unwrap()).await;
    let admin = app.user("admin", &["system_user", "system_admin"]).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let token = app.login_token("alice", PASSWORD).await;
    let secret = set_up_mfa(&app, &token, "me").await;
    // No code at all is a question, not a guess: it costs nothing.
    for _ in 0..5 {
        app.login_with(login_body(None)).await.assert_app_error(401, NEEDS_CODE);
    }
    for wrong in ["000000", "abcdef", "999999"] {
        assert_eq!(app.login_with(login_body(Some(wrong))).await.status, 401);
    }
    const LOCKED: &str = "api.user.check_user_login_attempts.too_many.app_error";
    app.login_with(login_body(Some(&code(&app, &secret)))).await.assert_app_error(401, LOCKED);
    app.put("/users/me/mfa")
        .token(&token)
        .json(json!({"activate": false, "code": code(&app, &secret)}))
        .await
        .assert_app_error(401, LOCKED);
    // The password changes (here by an administrator): the lock goes, the second factor stays.
    app.put(&format!("/users/{}/password", alice.id.as_str()))
        .token(&admin_token)
        .json(json!({"new_password": "a brand new password"}))
        .await
        .assert_ok_status();
    let reply = app
        .login_with(json!({"login_id": "alice", "password": "a brand new password", "token": code(&app, &secret)}))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
}

/// The QR code's text (the PNG decoded, then read as a QR code).
fn read_qr(base64_png: &str) -> String {
    let png = data_encoding::BASE64.decode(base64_png.as_bytes()).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((frame.bit_depth, frame.color_type), (png::BitDepth::One, png::ColorType::Grayscale), "a 1-bit PNG");
    let (width, height, line) = (frame.width as usize, frame.height as usize, frame.line_size);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        if pixels[y * line + x / 8] & (0x80 >> (x % 8)) != 0 {
            255
        } else {
            0
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().unwrap().1
}

on_every_backend!(
    setting_up_mfa_then_logging_in_with_codes,
    turning_mfa_off,
    mfa_off_on_the_server,
    enforcement_leaves_only_the_set_up,
    secrets_at_rest,
    wrong_codes_lock_code_sign_ins_until_the_password_changes,
);
