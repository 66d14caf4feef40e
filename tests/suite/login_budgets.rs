//! The login budgets against an outsider who names an account (issue #35's reproductions): at
//! most the account's budget of guesses a minute through any mix of its names, answered so that
//! nothing tells which names share an account or whether a guess was right; the owner signs in
//! all the same from a device that signed in before (its device cookie); an unknown device
//! waits, and no longer than the budget's window.

use std::num::NonZeroU32;

use serde_json::{json, Value};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";
const WRONG: &str = "api.user.login.invalid_credentials_email_username";
const LIMITED: &str = "api.user.login.rate_limited.app_error";

/// A server whose account budget is `per_minute` (the address budget unbounded: every request
/// here comes from 127.0.0.1, the outsider's and the owner's alike), on a clock that moves only
/// when a test moves it: what a budget allows in a minute does not depend on how fast this
/// machine hashes passwords.
async fn app_with_account_budget(per_minute: u32) -> TestApp {
    spawn_app_with(Backend::Sqlite, |c| {
        c.policy.login_rate_account = NonZeroU32::new(per_minute).unwrap();
        c.clock = mm_sessions::domain::Clock::frozen();
    })
    .await
}

/// The `MMDEVICE_<user id>=…` pair a login's answer sets, for a later request's `Cookie` header.
fn device_cookie(reply: &Reply) -> String {
    let set = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("MMDEVICE_"))
        .unwrap_or_else(|| panic!("no device cookie: {:?}", reply.headers));
    set.split(';').next().unwrap().to_owned()
}

async fn login_from(app: &TestApp, cookie: &str, body: Value) -> Reply {
    app.post("/users/login").cookie(cookie).json(body).await
}

/// Login bodies naming the account every way a client may: its username and email, however
/// cased or padded, and its id (the `id` field, the Go driver's `LoginById`).
fn bodies(user: &mm_sessions::domain::User, password: &str) -> Vec<Value> {
    let (name, email) = (user.username.as_str(), user.email.as_str());
    let login_ids =
        [name.to_owned(), email.to_owned(), name.to_uppercase(), format!(" {email} "), email.to_uppercase()];
    let mut bodies: Vec<Value> =
        login_ids.into_iter().map(|login_id| json!({"login_id": login_id, "password": password})).collect();
    bodies.push(json!({"id": user.id.as_str(), "password": password}));
    bodies
}

/// Every name's budget spent by an outsider, in any mix: the owner's right password from their
/// known device signs in; from an unknown device it is answered as a wrong one.
#[tokio::test]
async fn an_outsider_spending_every_names_budget_cannot_stop_the_owner_on_a_known_device() {
    let app = app_with_account_budget(4).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let mut owners_device = device_cookie(&app.login("alice", PASSWORD).await);
    // The outsider: 3 rounds of every name (18 guesses).
    for body in bodies(&alice, "guess guess").into_iter().cycle().take(18) {
        app.login_with(body).await.assert_app_error(401, WRONG);
    }
    for (unknown, known) in bodies(&alice, PASSWORD).into_iter().zip(bodies(&alice, PASSWORD)) {
        app.login_with(unknown).await.assert_app_error(401, WRONG);
        let reply = login_from(&app, &owners_device, known.clone()).await;
        assert_eq!(reply.status, 200, "{known} from the known device: {}", reply.text);
        // As a browser does: the answer's cookie replaces the one sent.
        owners_device = device_cookie(&reply);
    }
    // A device cookie is one account's: bob's does not count for alice, nor does a forged one.
    app.user_with_password("bob", &[], PASSWORD).await;
    let bobs_device = device_cookie(&app.login("bob", PASSWORD).await);
    let right = json!({"login_id": "alice", "password": PASSWORD});
    login_from(&app, &bobs_device, right.clone()).await.assert_app_error(401, WRONG);
    let forged = format!("MMDEVICE_{0}={0}.1800000000.{1}.AAAA", alice.id, mm_sessions::domain::Id::generate());
    login_from(&app, &forged, right).await.assert_app_error(401, WRONG);
    let metrics = app.metrics().await;
    // 1 + 18 + 6 + 2 logins naming alice from unknown devices, 4 of them checked.
    assert!(metrics.contains(r#"mm_sessions_login_rejections_total{budget="account"} 23"#), "{metrics}");
}

/// The default budget (20 a minute) is the whole account's: 20 wrong guesses spread over the
/// account's names leave none, so 60 a minute (20 a name) is impossible; a right password sent
/// next under any name is not checked.
#[tokio::test]
async fn no_mix_of_names_gets_more_than_the_accounts_budget() {
    let app = app_with_account_budget(mm_sessions::config::DEFAULT_LOGIN_RATE_ACCOUNT.get()).await;
    let carol = app.user_with_password("carol", &[], PASSWORD).await;
    for body in bodies(&carol, "guess guess").into_iter().cycle().take(20) {
        app.login_with(body).await.assert_app_error(401, WRONG);
    }
    for body in bodies(&carol, PASSWORD) {
        app.login_with(body).await.assert_app_error(401, WRONG);
    }
    let metrics = app.metrics().await;
    assert!(metrics.contains(r#"mm_sessions_login_rejections_total{budget="account"} 6"#), "{metrics}");
    assert!(metrics.contains(r#"mm_sessions_logins_total{outcome="invalid_credentials"} 20"#), "{metrics}");
}

/// Past the budget, what an outsider sees tells nothing: a name of the spent account answers
/// as a name of nobody does, and as the account's own names did before the budget ran out.
#[tokio::test]
async fn the_answer_past_the_budget_tells_nothing_about_accounts() {
    let app = app_with_account_budget(2).await;
    app.user_with_password("carol", &[], PASSWORD).await;
    let answer = |reply: Reply| (reply.status, reply.json()["id"].clone(), reply.json()["message"].clone());
    let before = answer(app.login("carol", "guess guess").await);
    app.login("Carol", "guess guess").await;
    let past = answer(app.login("carol@example.com", "guess guess").await);
    let nobody = answer(app.login("zed@example.com", "guess guess").await);
    let right = answer(app.login("carol@example.com", PASSWORD).await);
    assert_eq!(past, before);
    assert_eq!(nobody, before);
    assert_eq!(right, before, "not even the right password stands out");
}

/// A known device has a budget of its own: it is not the account's, and it runs out (429, with
/// how long to wait: the device is its owner's, nothing to hide from them).
#[tokio::test]
async fn a_known_device_has_a_budget_of_its_own() {
    let app = app_with_account_budget(3).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let device = device_cookie(&app.login("alice", PASSWORD).await);
    for _ in 0..3 {
        login_from(&app, &device, json!({"login_id": "alice", "password": "typo typo"}))
            .await
            .assert_app_error(401, WRONG);
    }
    let reply = login_from(&app, &device, json!({"login_id": "alice", "password": PASSWORD})).await;
    reply.assert_app_error(429, LIMITED);
    let retry: u64 = reply.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=20).contains(&retry), "Retry-After {retry}");
    // The account's budget was spent once (the first login) of three: another device gets in.
    assert_eq!(app.login("alice", PASSWORD).await.status, 200);
}

/// The device cookie goes to every client that signs in, browser or not, and nowhere but the
/// login endpoint (under SiteURL's path): HttpOnly, SameSite=Strict, this host only, one name
/// per account.
#[tokio::test]
async fn the_device_cookie_is_sent_only_to_the_login() {
    for (site_url, path) in [("", "/api/v4/users/login"), ("https://example.com/chat/", "/chat/api/v4/users/login")] {
        let app = spawn_app_with(Backend::Memory, |c| c.policy.site_url = site_url.into()).await;
        let alice = app.user_with_password("alice", &[], PASSWORD).await;
        for reply in [app.login("alice", PASSWORD).await, app.browser_login("alice", PASSWORD).await] {
            let set = reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap()).collect::<Vec<_>>();
            let device = set.iter().find(|c| c.starts_with("MMDEVICE_")).expect("a device cookie");
            assert!(device.starts_with(&format!("MMDEVICE_{}=", alice.id)), "{device}");
            for attribute in ["HttpOnly", "SameSite=Strict", &format!("Path={path};"), "Max-Age=15552000"] {
                assert!(device.contains(attribute), "{attribute}: {device}");
            }
            assert!(!device.contains("Domain="), "{device}");
        }
    }
}

/// Signing in to another account in the same browser (or being made to, by a login forged from
/// another site) adds that account's cookie beside the owner's, never in its place: the owner's
/// browser stays known.
#[tokio::test]
async fn another_accounts_login_in_the_same_browser_keeps_the_owners_device() {
    let app = app_with_account_budget(2).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    app.user_with_password("mallory", &[], PASSWORD).await;
    let alices = device_cookie(&app.login("alice", PASSWORD).await);
    let mallorys =
        device_cookie(&login_from(&app, &alices, json!({"login_id": "mallory", "password": PASSWORD})).await);
    assert!(!mallorys.starts_with(&format!("MMDEVICE_{}=", alice.id)), "another name: {mallorys}");
    for _ in 0..3 {
        app.login("alice", "guess guess").await.assert_app_error(401, WRONG);
    }
    let browser = format!("{mallorys}; {alices}");
    let reply = login_from(&app, &browser, json!({"login_id": "alice", "password": PASSWORD})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
}

/// An outsider behind the same address as the owner (one NAT) who spends the address's budget
/// does not stop the owner's known device there: known devices have an address budget of their
/// own.
#[tokio::test]
async fn an_outsider_spending_the_address_budget_does_not_stop_known_devices() {
    let app = spawn_app_with(Backend::Memory, |c| {
        c.policy.login_rate_ip = NonZeroU32::new(3).unwrap();
        c.clock = mm_sessions::domain::Clock::frozen();
    })
    .await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let device = device_cookie(&app.login("alice", PASSWORD).await);
    for _ in 0..2 {
        app.login("nobody", "guess guess").await.assert_app_error(401, WRONG);
    }
    app.login("nobody", "guess guess").await.assert_app_error(429, LIMITED);
    app.login("alice", PASSWORD).await.assert_app_error(429, LIMITED);
    let reply = login_from(&app, &device, json!({"login_id": "alice", "password": PASSWORD})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    // A cookie that proves nothing spends the address's budget as no cookie does.
    let junk = "MMDEVICE_x=junk";
    login_from(&app, junk, json!({"login_id": "alice", "password": PASSWORD})).await.assert_app_error(429, LIMITED);
}

/// A deactivated account answers so before its budget and after it alike: the answer does not
/// change when the budget runs out (which would tell which names share the account).
#[tokio::test]
async fn a_deactivated_account_answers_alike_past_its_budget() {
    const INACTIVE: &str = "api.user.login.inactive.app_error";
    let app = app_with_account_budget(2).await;
    let dave = app.user_with_password("dave", &[], PASSWORD).await;
    app.service.stores().users.deactivate_user(&dave.id, app.service.clock().now_millis(), &cause()).await.unwrap();
    for name in ["dave", "dave@example.com", "DAVE", "dave", "dave@example.com"] {
        app.login(name, "guess guess").await.assert_app_error(401, INACTIVE);
    }
}

/// Once the outsider stops, an unknown device waits no longer than the budget's window: at 60 a
/// minute, a check is back a second later (by the server's clock).
#[tokio::test]
async fn an_unknown_device_waits_at_most_the_window() {
    let app = app_with_account_budget(60).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    for _ in 0..60 {
        app.login("alice", "guess guess").await.assert_app_error(401, WRONG);
    }
    app.login("alice", PASSWORD).await.assert_app_error(401, WRONG);
    app.service.clock().advance(1000);
    assert_eq!(app.login("alice", PASSWORD).await.status, 200);
}

/// Checks within sessions spend the user's in-session budget, not each session's: a thief who
/// makes more sessions (a personal access token's first use makes one without the password)
/// gets no more guesses at the current password; the login's budget is untouched.
#[tokio::test]
async fn more_sessions_buy_no_more_guesses() {
    let app = app_with_account_budget(2).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let (one, two) = (app.login_token("alice", PASSWORD).await, app.login_token("alice", PASSWORD).await);
    let guess = json!({"current_password": "guess guess", "new_password": "another password"});
    let wrong = "api.user.update_password.incorrect.app_error";
    app.put("/users/me/password").token(&one).json(guess.clone()).await.assert_app_error(400, wrong);
    app.put("/users/me/password").token(&two).json(guess.clone()).await.assert_app_error(400, wrong);
    app.put("/users/me/password").token(&one).json(guess.clone()).await.assert_app_error(429, LIMITED);
    app.put("/users/me/password").token(&two).json(guess).await.assert_app_error(429, LIMITED);
    app.service.clock().advance(60_000);
    assert_eq!(app.login("alice", PASSWORD).await.status, 200, "the login's budget is its own");
}
