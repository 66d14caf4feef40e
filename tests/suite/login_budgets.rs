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

/// The `MMDEVICE=…` pair a login's answer sets, for a later request's `Cookie` header.
fn device_cookie(reply: &Reply) -> String {
    let set = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("MMDEVICE="))
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
    let forged = format!("MMDEVICE={}.1800000000.{}.AAAA", alice.id, mm_sessions::domain::Id::generate());
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
/// login endpoint: HttpOnly, SameSite=Strict, this host only.
#[tokio::test]
async fn the_device_cookie_is_sent_only_to_the_login() {
    let app = app_with_account_budget(20).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    for reply in [app.login("alice", PASSWORD).await, app.browser_login("alice", PASSWORD).await] {
        let set =
            reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
        let device = set.iter().find(|c| c.starts_with("MMDEVICE=")).expect("a device cookie");
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v4/users/login", "Max-Age=15552000"] {
            assert!(device.contains(attribute), "{attribute}: {device}");
        }
        assert!(!device.contains("Domain="), "{device}");
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
