//! The forward-auth gate (`GET /api/v4/auth/check`), as a reverse proxy calls it: who is signed
//! in (cookie, bearer, personal access token), with what identity headers; roles and
//! permissions per route, failing closed; revocations on the very next check; the redirect to
//! the sign-in page and where it may send people back (`/return`); Mattermost's CSRF rule on the
//! original method; MFA enforcement; cookies renewed and scoped to subdomains.

use serde_json::json;

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";
const EXPIRED: &str = "api.context.session_expired.app_error";
const FORBIDDEN: &str = "api.context.permissions.app_error";
const IDENTITY: [&str; 4] =
    ["x-mattermost-user-id", "x-mattermost-username", "x-mattermost-roles", "x-mattermost-session-id"];

fn header<'a>(reply: &'a Reply, name: &str) -> &'a str {
    reply.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_else(|| panic!("no {name}: {:?}", reply.headers))
}

/// Signed in by any of the API's means → 200 and the four identity headers; not signed in, or
/// no longer (revoked, disabled, deactivated) → 401 on the very next check.
async fn the_check_admits_exactly_who_is_signed_in(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.enable_user_access_tokens = true).await;
    let alice = app.user_with_password("alice", &["system_user", "system_user_access_token"], PASSWORD).await;
    app.get("/auth/check").await.assert_app_error(401, EXPIRED);
    app.get("/auth/check").token("nonsense").await.assert_app_error(401, EXPIRED);

    let (token, session) = app.issue_session(&alice).await;
    let reply = app.get("/auth/check").token(&token).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(header(&reply, "x-mattermost-user-id"), alice.id.as_str());
    assert_eq!(header(&reply, "x-mattermost-username"), "alice");
    assert_eq!(header(&reply, "x-mattermost-roles"), "system_user system_user_access_token");
    assert_eq!(header(&reply, "x-mattermost-session-id"), session.id.as_str());
    assert_eq!(header(&reply, "cache-control"), "no-store");
    assert!(IDENTITY.iter().all(|h| reply.headers.contains_key(*h)), "always all four");
    // A token in the URL is refused, as everywhere.
    app.send(app.client.get(app.url(&format!("/auth/check?access_token={token}"))))
        .await
        .assert_app_error(401, "api.context.token_provided.app_error");

    // The browser's cookie, as the proxy forwards it.
    let login = app.browser_login("alice", PASSWORD).await;
    let cookie = login.token();
    let by_cookie = app.get("/auth/check").cookie(&format!("MMAUTHTOKEN={cookie}")).await;
    assert_eq!(by_cookie.status, 200, "{}", by_cookie.text);

    // A personal access token passes like a session, until it is disabled.
    let pat = app.access_token(&alice, 0).await;
    let reply = app.get("/auth/check").token(&pat).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let token_id = app.get("/users/me/tokens").token(&token).await.json()[0]["id"].as_str().unwrap().to_owned();
    app.post("/users/tokens/disable").token(&token).json(json!({"token_id": token_id})).await.assert_ok_status();
    app.get("/auth/check").token(&pat).await.assert_app_error(401, EXPIRED);

    // Revoked: refused at once.
    app.post("/users/me/sessions/revoke")
        .token(&token)
        .json(json!({"session_id": session.id.as_str()}))
        .await
        .assert_ok_status();
    app.get("/auth/check").token(&token).await.assert_app_error(401, EXPIRED);
    // Deactivated: every session of theirs goes.
    app.service
        .update_active(mm_sessions::service::Actor::AdminCli { command: "test" }, alice.id.as_str(), false)
        .await
        .unwrap();
    app.get("/auth/check").cookie(&format!("MMAUTHTOKEN={cookie}")).await.assert_app_error(401, EXPIRED);
}

/// A route may ask for a role or a permission: without it 403; an unknown one fails closed,
/// even for an administrator; a demotion counts on the next check.
async fn routes_ask_for_roles_and_permissions(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user("admin", &["system_user", "system_admin"]).await;
    let bob = app.user("bob", &[]).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let (bob_token, _) = app.issue_session(&bob).await;
    let check = |query: &str, token: &str| app.get(&format!("/auth/check?{query}")).token(token);
    assert_eq!(check("role=system_admin", &admin_token).await.status, 200);
    assert_eq!(check("permission=manage_system", &admin_token).await.status, 200);
    check("role=system_admin", &bob_token).await.assert_app_error(403, FORBIDDEN);
    check("permission=manage_system", &bob_token).await.assert_app_error(403, FORBIDDEN);
    assert_eq!(check("role=system_user", &bob_token).await.status, 200);
    for unknown in ["role=superuser", "permission=do_anything", "role=System_Admin"] {
        check(unknown, &admin_token).await.assert_app_error(403, FORBIDDEN);
    }
    // Another admin first: the last one cannot be demoted.
    app.user("other", &["system_user", "system_admin"]).await;
    app.set_roles(&admin, "system_user").await;
    check("role=system_admin", &admin_token).await.assert_app_error(403, FORBIDDEN);
}

/// With `redirect=true` a caller who is not signed in is sent to the sign-in page; back to the
/// forwarded URL only from a trusted proxy and to an allowed host.
async fn not_signed_in_goes_to_the_sign_in_page(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.site_url = "https://chat.example.com".into();
        c.proxies.trusted = "127.0.0.1/32".parse().unwrap();
        c.proxies.allowed_redirect_hosts = "wiki.example.com".parse().unwrap();
    })
    .await;
    let forwarded = |host: &str| {
        app.get("/auth/check?redirect=true")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", host)
            .header("X-Forwarded-Uri", "/page?id=1&x=é")
    };
    let reply = forwarded("wiki.example.com").await;
    assert_eq!(reply.status, 302, "{}", reply.text);
    assert_eq!(
        header(&reply, "location"),
        "https://chat.example.com/?redirect_to=https%3A%2F%2Fwiki.example.com%2Fpage%3Fid%3D1%26x%3D%25C3%25A9"
    );
    assert_eq!(header(&forwarded("evil.example").await, "location"), "https://chat.example.com/");
    assert_eq!(header(&forwarded("wiki.example.com@evil.example").await, "location"), "https://chat.example.com/");
    // Without redirect=true: the AppError.
    app.get("/auth/check").header("X-Forwarded-Host", "wiki.example.com").await.assert_app_error(401, EXPIRED);
    // A signed-in caller is not redirected.
    let alice = app.user("alice", &[]).await;
    let (token, _) = app.issue_session(&alice).await;
    assert_eq!(forwarded("wiki.example.com").token(&token).await.status, 200);
}

#[tokio::test]
async fn forwarded_urls_count_only_from_trusted_proxies() {
    for site_url in ["https://chat.example.com", ""] {
        let app = spawn_app_with(Backend::Memory, |c| {
            c.proxies.allowed_redirect_hosts = "wiki.example.com".parse().unwrap();
            c.policy.site_url = site_url.into();
        })
        .await;
        let reply = app
            .get("/auth/check?redirect=true")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "wiki.example.com")
            .header("X-Forwarded-Uri", "/page")
            .await;
        if site_url.is_empty() {
            // No address for the sign-in page: a relative one would loop on the app's host.
            reply.assert_app_error(401, EXPIRED);
        } else {
            assert_eq!(header(&reply, "location"), "https://chat.example.com/", "no trusted proxy: nothing after it");
        }
    }
}

/// `/return` sends the browser on after signing in, only where it may go: the open-redirect
/// corpus lands on the page.
#[tokio::test]
async fn the_page_sends_people_back_only_where_they_may_go() {
    let app =
        spawn_app_with(Backend::Memory, |c| c.proxies.allowed_redirect_hosts = "wiki.example.com".parse().unwrap())
            .await;
    let root = app.base.trim_end_matches("/api/v4").to_owned();
    let go = |target: &str| {
        let url = format!(
            "{root}/return?redirect_to={}",
            url::form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
        );
        let client = app.client.clone();
        async move {
            let response = client.get(url).send().await.unwrap();
            assert_eq!(response.status(), 302);
            response.headers()["location"].to_str().unwrap().to_owned()
        }
    };
    assert_eq!(go("/sessions?x=1").await, "/sessions?x=1");
    assert_eq!(go("https://wiki.example.com/a").await, "https://wiki.example.com/a");
    for evil in [
        "//evil.example",
        "/\\evil.example",
        "https://wiki.example.com@evil.example/",
        "javascript:alert(1)",
        "java\tscript:alert(1)",
        "https://evil.example/",
        "https://wiki.example.com./",
    ] {
        assert_eq!(go(evil).await, "/", "{evil:?}");
    }
}

/// Mattermost's CSRF rule at the gate: a cookie session whose original request (as a trusted
/// proxy names it) is unsafe needs the CSRF header; a setting turns that off.
async fn the_csrf_rule_reads_the_original_method(backend: Backend) {
    for csrf in [true, false] {
        let app = spawn_app_with(backend, |c| {
            c.proxies.trusted = "127.0.0.1/32".parse().unwrap();
            c.proxies.forward_auth_csrf = csrf;
        })
        .await;
        app.user_with_password("alice", &[], PASSWORD).await;
        let cookie = format!("MMAUTHTOKEN={}", app.browser_login("alice", PASSWORD).await.token());
        let check = |method: &str| app.get("/auth/check").cookie(&cookie).header("X-Forwarded-Method", method);
        assert_eq!(check("GET").await.status, 200);
        assert_eq!(check("HEAD").await.status, 200);
        let post = check("POST").await;
        if csrf {
            post.assert_app_error(401, EXPIRED);
            let with_header = check("POST").header("X-Requested-With", "XMLHttpRequest").await;
            assert_eq!(with_header.status, 200, "{}", with_header.text);
        } else {
            assert_eq!(post.status, 200, "the rule is off");
        }
    }
}

/// Using a protected app is activity: a check extends the session, and a cookie session gets
/// its cookies again (for the proxy to pass on); MFA enforcement applies at the gate.
async fn the_check_extends_sessions_and_enforces_mfa(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.mfa.enable = true;
        c.policy.mfa.enforce = true;
    })
    .await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let cookie = format!("MMAUTHTOKEN={}", app.browser_login("alice", PASSWORD).await.token());
    app.get("/auth/check").cookie(&cookie).await.assert_app_error(403, "api.context.mfa_required.app_error");

    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let token = app.browser_login("alice", PASSWORD).await.token();
    let cookie = format!("MMAUTHTOKEN={token}");
    app.service.clock().advance(2 * 24 * 3600 * 1000);
    let reply = app.get("/auth/check").cookie(&cookie).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    // The token cookie alone: the one Set-Cookie nginx and Caddy can pass on.
    let cookies: Vec<&str> = reply.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(cookies[0].starts_with(&format!("MMAUTHTOKEN={token};")), "{cookies:?}");
    let max_age: i64 = cookies[0].split("Max-Age=").nth(1).unwrap().split(';').next().unwrap().parse().unwrap();
    assert!((max_age - 30 * 24 * 3600).abs() < 120, "the new lifetime: {max_age}");
    // Not extended again at once: nothing to refresh.
    assert_eq!(app.get("/auth/check").cookie(&cookie).await.headers.get_all("set-cookie").iter().count(), 0);

    // The companions, which the browser now drops before the token, come back on its next API
    // request without them; with all three, nothing is sent.
    let reply = app.get("/users/me").cookie(&cookie).await;
    let cookies: Vec<&str> = reply.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
    let names: Vec<&str> = cookies.iter().map(|c| c.split('=').next().unwrap()).collect();
    assert_eq!(names, ["MMAUTHTOKEN", "MMUSERID", "MMCSRF"], "{cookies:?}");
    let csrf = cookies[2].split(';').next().unwrap();
    let all = format!("{cookie}; MMUSERID=x; {csrf}");
    assert_eq!(app.get("/users/me").cookie(&all).await.headers.get_all("set-cookie").iter().count(), 0);
}

/// `AllowCookiesForSubdomains`: the cookies go to SiteURL's host and its subdomains, as
/// Mattermost's `GetCookieDomain` (the host, no port).
#[tokio::test]
async fn cookies_may_go_to_subdomains() {
    for allow in [true, false] {
        let app = spawn_app_with(Backend::Memory, |c| {
            c.policy.site_url = "https://chat.example.com:8443/".into();
            c.proxies.allow_cookies_for_subdomains = allow;
        })
        .await;
        app.user_with_password("alice", &[], PASSWORD).await;
        let login = app.browser_login("alice", PASSWORD).await;
        let cookies: Vec<&str> = login.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
        let (device, session): (Vec<&str>, Vec<&str>) = cookies.iter().partition(|c| c.starts_with("MMDEVICE_"));
        assert_eq!(session.len(), 3);
        for cookie in session {
            assert_eq!(cookie.contains("Domain=chat.example.com"), allow, "{cookie}");
        }
        // The device cookie is for the login endpoint of this host alone, whatever the setting.
        assert!(device.len() == 1 && !device[0].contains("Domain="), "{device:?}");
    }
}

on_every_backend!(
    the_check_admits_exactly_who_is_signed_in,
    routes_ask_for_roles_and_permissions,
    not_signed_in_goes_to_the_sign_in_page,
    the_csrf_rule_reads_the_original_method,
    the_check_extends_sessions_and_enforces_mfa,
);
