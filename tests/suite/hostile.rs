//! A corpus of hostile requests, sent as raw bytes to the live server: malformed and overlong
//! ids, `..` and encoded slashes, invalid UTF-8, JSON bombs, duplicate keys, wrong types and
//! content types, and a thousand `Authorization` variants. Every well-formed HTTP request gets
//! an AppError (never a 5xx); requests hyper itself cannot parse get a 4xx from hyper; and the
//! server is healthy afterwards.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;

struct Raw {
    status: u16,
    head: String,
    body: Vec<u8>,
}

async fn send_raw(addr: &str, request: &[u8]) -> Option<Raw> {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    stream.write_all(request).await.ok()?;
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut buf))
        .await
        .expect("answered in time")
        .ok()?;
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&buf[..split]).to_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some(Raw { status, head, body: buf[split + 4..].to_vec() })
}

fn request(method: &str, target: &[u8], headers: &[(&str, &[u8])], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(method.as_bytes());
    out.push(b' ');
    out.extend_from_slice(target);
    out.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for (name, value) in headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    if !body.is_empty() || method == "POST" {
        out.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// A well-formed request must get a complete AppError, never a 5xx.
fn assert_app_error(what: &str, raw: Option<Raw>) {
    let raw = raw.unwrap_or_else(|| panic!("{what}: no response"));
    assert!((400..500).contains(&raw.status), "{what}: status {}", raw.status);
    assert!(raw.head.contains("content-type: application/json"), "{what}: {}", raw.head);
    let body: serde_json::Value =
        serde_json::from_slice(&raw.body).unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
    for key in ["id", "message", "detailed_error", "request_id", "status_code", "is_oauth"] {
        assert!(body.get(key).is_some(), "{what}: AppError lacks {key}: {body}");
    }
    assert_eq!(body["status_code"], raw.status, "{what}");
}

#[tokio::test]
async fn hostile_requests_get_app_errors_and_the_server_stays_healthy() {
    for backend in [Backend::Memory, Backend::Sqlite] {
        let app = spawn_app(backend).await;
        let alice = app.user("alice", &[]).await;
        let (token, _) = app.issue_session(&alice).await;
        let addr = app.addr();
        let bearer = format!("Bearer {token}");
        let auth: &[(&str, &[u8])] = &[("Authorization", bearer.as_bytes())];

        let long_id = "a".repeat(10_000);
        let ids: Vec<&[u8]> = vec![
            b"short",
            long_id.as_bytes(),
            b"..",
            b"%2e%2e",
            b"a%2Fb",
            b"%2F",
            b"%ff%fe%fd",
            b"%",
            b"%zz",
            b"%00",
            b"me%00",
            b"ME",
            b"me;x",
            b"%F0%9F%92%A9%F0%9F%92%A9",
            b"abcdefghijklmnopqrstuvwxy%C3%A9",
        ];
        for id in &ids {
            for (method, suffix, body) in [
                ("GET", &b"/sessions"[..], &b""[..]),
                ("POST", b"/sessions/revoke", br#"{"session_id":"abcdefghijklmnopqrstuvwxyz"}"#),
                ("POST", b"/sessions/revoke/all", b""),
            ] {
                let target = [b"/api/v4/users/".as_slice(), id, suffix].concat();
                let what =
                    format!("{method} {}", String::from_utf8_lossy(&target).chars().take(80).collect::<String>());
                assert_app_error(&what, send_raw(&addr, &request(method, &target, auth, body)).await);
            }
        }
        for target in [
            &b"/api/v4/users/me/sessions/../../../../etc/passwd"[..],
            b"/api/v4//users//me//sessions",
            b"/api/v4/users/me/sessions?access_token=%ff%fe",
            b"/api/v4/users/me/sessions?%%%%",
            b"/api/v4/%2e%2e/%2e%2e/users/me",
        ] {
            let what = String::from_utf8_lossy(target).into_owned();
            let raw = send_raw(&addr, &request("GET", target, auth, b"")).await.expect("answered");
            assert!(raw.status < 500, "{what}: {}", raw.status);
            assert!(raw.head.contains("content-type: application/json"), "{what}");
        }

        // Bodies: bombs, duplicates, wrong types, wrong content types.
        let deep = "[".repeat(20_000);
        let huge = format!(r#"{{"session_id":"{}"}}"#, "x".repeat(60_000));
        let bodies: Vec<(&str, Vec<u8>)> = vec![
            ("deep nesting", deep.into_bytes()),
            ("huge string", huge.into_bytes()),
            ("duplicate keys", br#"{"session_id":"a","session_id":"b"}"#.to_vec()),
            ("number", br#"{"session_id":1}"#.to_vec()),
            ("array", br#"{"session_id":["a"]}"#.to_vec()),
            ("object", br#"{"session_id":{"$gt":""}}"#.to_vec()),
            ("bool", br#"{"session_id":true}"#.to_vec()),
            ("invalid utf-8", b"{\"session_id\":\"\xff\xfe\"}".to_vec()),
            ("NaN", br#"{"session_id":NaN}"#.to_vec()),
            ("trailing garbage", br#"{"session_id":"a"}}}}"#.to_vec()),
            ("BOM", b"\xef\xbb\xbf{\"session_id\":\"a\"}".to_vec()),
            ("top-level string", br#""session_id""#.to_vec()),
            ("empty", Vec::new()),
        ];
        for (what, body) in &bodies {
            for content_type in [&b"application/json"[..], b"text/plain", b"application/x-www-form-urlencoded"] {
                let headers: &[(&str, &[u8])] = &[("Authorization", bearer.as_bytes()), ("Content-Type", content_type)];
                let raw = send_raw(&addr, &request("POST", b"/api/v4/users/me/sessions/revoke", headers, body)).await;
                assert_app_error(what, raw);
            }
            let raw = send_raw(&addr, &request("POST", b"/api/v4/users/login", &[], body)).await;
            assert_app_error(&format!("login {what}"), raw);
        }
        // A declared length far beyond what is sent, or beyond the cap.
        let lying =
            b"POST /api/v4/users/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 99999999\r\n\r\n{}";
        assert_app_error("lying content-length", send_raw(&addr, lying).await);

        // A thousand Authorization variants: all 401, none 5xx.
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for i in 0..1000usize {
            let noise: String =
                (0..(i * 13) % 3000).map(|j| char::from(b'!' + ((i * 7 + j * 31) % 94) as u8)).collect();
            let v = match i % 10 {
                0 => format!("Bearer {noise}"),
                1 => format!("bearer{noise}"),
                2 => format!("Token {noise}"),
                3 => format!("Basic {noise}"),
                4 => format!("Bearer {token}{noise}"),
                5 => format!("Bearer\t{token}"),
                6 => noise.clone(),
                7 => format!("BEARER  {}", &token[..i % 26]),
                8 => format!("Bearer {}", "é".repeat(i % 50)),
                _ => format!("Token{noise}"),
            };
            variants.push(v.into_bytes());
        }
        variants.push(b"Bearer \xff\xfe\xfd".to_vec());
        variants.push(Vec::new());
        for (i, value) in variants.iter().enumerate() {
            let raw = send_raw(&addr, &request("GET", b"/api/v4/users/me", &[("Authorization", value)], b"")).await;
            let raw = raw.unwrap_or_else(|| panic!("variant {i}: no response"));
            assert!(raw.status < 500, "variant {i}: {}", raw.status);
            if i < 1000 && i % 10 == 5 {
                // Mattermost reads the token from the 8th character on, whatever the separator.
                assert_eq!(raw.status, 200, "variant {i}: `Bearer<TAB><token>` authenticates");
            } else if raw.status != 400 {
                // hyper refuses a few byte sequences outright (400); the rest reach us.
                assert_app_error(&format!("authorization variant {i}"), Some(raw));
            }
        }

        // Protocol garbage: hyper answers (4xx) or closes; never a 5xx.
        for garbage in [
            &b"GARBAGE\r\n\r\n"[..],
            b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET / HTTP/9.9\r\n\r\n",
            b"POST /api/v4/users/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
            b"POST /api/v4/users/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
            b"GET /api/v4/system/ping HTTP/1.1\r\nNo colon here\r\n\r\n",
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
        ] {
            if let Some(raw) = send_raw(&addr, garbage).await {
                assert!(raw.status < 500, "garbage {:?}: {}", String::from_utf8_lossy(garbage), raw.status);
            }
        }

        assert_eq!(app.get("/system/ping").await.status, 200, "healthy afterwards");
        assert!(app.token_works(&token).await, "and nothing was revoked");
    }
}

/// Single sign-on's browser routes (outside the spec, so schemathesis never sees them) under the
/// same kind of corpus: every request is answered with a redirect or a refusal page naming
/// Mattermost's id, never a 5xx, and nothing of the request is echoed unescaped.
#[tokio::test]
async fn hostile_requests_to_the_sso_routes_are_refused_never_a_5xx() {
    let app = crate::sso::app_with_gitlab(Backend::Memory).await;
    let addr = app.addr();
    let long_state = "A".repeat(10_000);
    let targets: Vec<Vec<u8>> = [
        "/oauth/gitlab/login?redirect_to=%2F%2Fevil.example",
        "/oauth/gitlab/login?redirect_to=%ff%fe",
        "/oauth/gitlab/login?redirect_to=javascript%3Aalert(1)",
        "/oauth/gitlab/login?redirect_to=https%3A%2F%2Fchat.example.com%40evil.example%2F",
        "/oauth/gitlab/mobile_login?redirect_to=mmauth%3A%2F%2Fevil",
        "/oauth/%00/login",
        "/oauth/gitlab%2f../login",
        "/oauth/GITLAB/login",
        "/oauth/saml/login",
        "/signup/gitlab/complete",
        "/signup/gitlab/complete?code=&state=",
        "/signup/gitlab/complete?code=x&state=%ff",
        "/signup/gitlab/complete?code=x&state=e30%3D",
        "/login/gitlab/complete?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/oauth/gitlab/complete?error=access_denied&error_description=%3Cb%3E",
        "/oauth/gitlab/complete?code=x&code=y&state=a&state=b",
        "/signup/openid/complete?code=x&state=y",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .chain([
        format!("/signup/gitlab/complete?code=x&state={long_state}").into_bytes(),
        b"/oauth/gitlab/login?\xff\xfe".to_vec(),
    ])
    .collect();
    let cookies: [&[u8]; 4] =
        [b"MMOAUTH=", b"MMOAUTH=\xff\xfe", b"MMOAUTH=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", b"MMOAUTH"];
    for target in &targets {
        for cookie in cookies {
            let what = format!("{} with {}", String::from_utf8_lossy(target), String::from_utf8_lossy(cookie));
            let raw = send_raw(&addr, &request("GET", target, &[("Cookie", cookie)], b"")).await;
            let Some(raw) = raw else { panic!("{what}: no response") };
            assert!((300..500).contains(&raw.status), "{what}: status {}", raw.status);
            let body = String::from_utf8_lossy(&raw.body);
            assert!(!body.contains("<script>") && !body.contains("<b>"), "{what}: echoed {body}");
            if raw.status >= 400 && raw.head.contains("text/html") {
                assert!(raw.head.contains("x-mm-error-id: "), "{what}: {}", raw.head);
            }
        }
    }
    // Still healthy, and no sign-in was started by a refused request.
    let ping = send_raw(&addr, &request("GET", b"/api/v4/system/ping", &[], b"")).await.unwrap();
    assert_eq!(ping.status, 200);
}
