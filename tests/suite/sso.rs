//! Single sign-on's state as the server keeps it, on every backend, with the service's clock:
//! a sign-in's state is refused once its 10 minutes have passed, whoever brings it back; a state
//! brought back in time by another browser is refused and spent. (The state is checked before
//! anything is sent to a provider, so none is needed here; the flow against a real provider is
//! tests/clients/sso/.)

use mm_sessions::config::{settings, SsoConfig};
use mm_sessions::sso::state::{Action, SignIn, LIFETIME_MS};

use crate::helpers::*;

/// A server on `backend` offering GitLab (at `https://chat.example.com`), whose token endpoint
/// nothing answers: what happens before the exchange can be tested without a provider.
pub async fn app_with_gitlab(backend: Backend) -> TestApp {
    let values = [
        (settings::GITLAB_ENABLE.env, "true"),
        (settings::GITLAB_ID.env, "app"),
        (settings::GITLAB_SECRET.env, "secret"),
        (settings::GITLAB_AUTH_ENDPOINT.env, "https://gitlab.example.com/oauth/authorize"),
        // Nothing listens there: a state that passes reaches the exchange, which fails (502).
        (settings::GITLAB_TOKEN_ENDPOINT.env, "http://127.0.0.1:1/oauth/token"),
        (settings::GITLAB_USER_API_ENDPOINT.env, "https://gitlab.example.com/api/v4/user"),
    ];
    let lookup = |s: &settings::Setting| values.iter().find(|(env, _)| *env == s.env).map(|(_, v)| (*v).to_owned());
    let sso = SsoConfig::from_lookup(lookup, "https://chat.example.com").unwrap();
    spawn_app_with(backend, |config| {
        config.policy.site_url = "https://chat.example.com".into();
        config.sso = sso;
    })
    .await
}

/// The refusal page's Mattermost id, from the return of `state` with `cookie`.
async fn complete(app: &TestApp, state: &str, cookie: &str) -> (u16, String) {
    let site = app.base.trim_end_matches("/api/v4");
    let reply = app
        .client
        .get(format!("{site}/signup/gitlab/complete?code=a-code&state={state}"))
        .header("cookie", format!("MMOAUTH={cookie}"))
        .send()
        .await
        .unwrap();
    let id = reply.headers().get("x-mm-error-id").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (reply.status().as_u16(), id)
}

async fn a_state_lives_ten_minutes_and_is_its_browsers(backend: Backend) {
    let app = app_with_gitlab(backend).await;
    let invalid = (400, "api.user.authorize_oauth_user.invalid_state.app_error".to_owned());

    // Brought back by its browser after 10 minutes: refused.
    let late = SignIn::start("gitlab", Action::Login, String::new());
    app.service.begin_sign_in(&late.state, &late.sign_in, None).await.unwrap();
    app.service.clock().advance(LIFETIME_MS + 1000);
    assert_eq!(complete(&app, &late.state, &late.cookie).await, invalid);

    // Brought back in time by another browser: refused, and spent for its own browser too.
    let stolen = SignIn::start("gitlab", Action::Login, String::new());
    app.service.begin_sign_in(&stolen.state, &stolen.sign_in, None).await.unwrap();
    let other = SignIn::start("gitlab", Action::Login, String::new());
    assert_eq!(complete(&app, &stolen.state, &other.cookie).await, invalid);
    assert_eq!(complete(&app, &stolen.state, &stolen.cookie).await, invalid);

    // Started for another service: refused.
    let elsewhere = SignIn::start("openid", Action::Login, String::new());
    app.service.begin_sign_in(&elsewhere.state, &elsewhere.sign_in, None).await.unwrap();
    assert_eq!(complete(&app, &elsewhere.state, &elsewhere.cookie).await, invalid);

    // In time, from its browser: past the state to the token endpoint (unreachable here: 502).
    let fine = SignIn::start("gitlab", Action::Login, String::new());
    app.service.begin_sign_in(&fine.state, &fine.sign_in, None).await.unwrap();
    app.service.clock().advance(LIFETIME_MS - 1000);
    let (status, id) = complete(&app, &fine.state, &fine.cookie).await;
    assert_eq!((status, id.as_str()), (502, "api.user.authorize_oauth_user.service.app_error"));
}

on_every_backend!(a_state_lives_ten_minutes_and_is_its_browsers);

/// A provider whose discovery document cannot be read fails the sign-ins that need it with 502,
/// and for the next seconds they fail at once, without asking it again: a provider that is
/// down does not hold every sign-in for its timeout in turn.
#[tokio::test]
async fn a_provider_that_fails_is_not_asked_again_at_once() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = asked.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf).await;
            let _ = stream
                .write_all(b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                .await;
        }
    });
    let discovery = format!("http://127.0.0.1:{port}/.well-known/openid-configuration");
    let values = [
        (settings::OPENID_ENABLE.env, "true".to_owned()),
        (settings::OPENID_ID.env, "app".to_owned()),
        (settings::OPENID_SECRET.env, "secret".to_owned()),
        (settings::OPENID_DISCOVERY_ENDPOINT.env, discovery),
    ];
    let lookup = |s: &settings::Setting| values.iter().find(|(env, _)| *env == s.env).map(|(_, v)| v.clone());
    let sso = SsoConfig::from_lookup(lookup, "https://chat.example.com").unwrap();
    let app = spawn_app_with(Backend::Memory, |config| {
        config.policy.site_url = "https://chat.example.com".into();
        config.sso = sso;
    })
    .await;
    let site = app.base.trim_end_matches("/api/v4").to_owned();
    for _ in 0..3 {
        let reply = app.client.get(format!("{site}/oauth/openid/login")).send().await.unwrap();
        assert_eq!(reply.status(), 502);
        assert_eq!(reply.headers()["x-mm-error-id"], "api.user.authorize_oauth_user.service.app_error");
    }
    assert_eq!(asked.load(Ordering::SeqCst), 1, "asked once, then failed at once");
}
