//! Mattermost's `config.json` (`--config`, `MM_CONFIG`): a real one, with Mattermost's sections
//! and defaults, starts the server with its session policy; a flag beats the environment, which
//! beats the file; a wrong type stops the program naming the key; what we do not have is
//! listed and security settings warned about; and on PostgreSQL, Mattermost's own schema is
//! refused before anything is written to it.

use std::io::Read as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::pg;
use super::process::{cli, Node, BIN};

const PASSWORD: &str = "correct horse battery";

/// A `config.json` as a Mattermost server writes it (the sections and their defaults, trimmed to
/// a representative part of each), with `changes` applied as `Section.Key` → value.
fn mattermost_config(changes: &[(&str, Value)]) -> Value {
    let mut config = json!({
        "ServiceSettings": {
            "SiteURL": "", "WebsocketURL": "", "LicenseFileLocation": "", "ListenAddress": ":8065",
            "ConnectionSecurity": "", "TLSCertFile": "", "TLSKeyFile": "", "TrustedProxyIPHeader": [],
            "ReadTimeout": 300, "WriteTimeout": 300, "IdleTimeout": 60, "MaximumLoginAttempts": 10,
            "GoroutineHealthThreshold": -1, "EnableOAuthServiceProvider": true, "EnableIncomingWebhooks": true,
            "EnableUserAccessTokens": false, "SessionLengthWebInHours": 720, "SessionLengthMobileInHours": 720,
            "SessionLengthSSOInHours": 720, "SessionCacheInMinutes": 10, "SessionIdleTimeoutInMinutes": 43200,
            "ExtendSessionLengthWithActivity": true, "TerminateSessionsOnPasswordChange": true,
            "EnableMultifactorAuthentication": false, "EnforceMultifactorAuthentication": false,
            "AllowCookiesForSubdomains": false, "ExperimentalStrictCSRFEnforcement": false,
            "WebserverMode": "gzip", "EnableSecurityFixAlert": true, "MaximumPayloadSizeBytes": 300000
        },
        "TeamSettings": {"SiteName": "Mattermost", "MaxUsersPerTeam": 50, "EnableUserDeactivation": false},
        "ClientRequirements": {"AndroidLatestVersion": "", "AndroidMinVersion": "", "IosLatestVersion": "", "IosMinVersion": ""},
        "SqlSettings": {
            "DriverName": "postgres",
            "DataSource": "postgres://mmuser:mostest@localhost/mattermost_test?sslmode=disable&connect_timeout=10",
            "MaxIdleConns": 20, "MaxOpenConns": 300, "AtRestEncryptKey": ""
        },
        "LogSettings": {"EnableConsole": true, "ConsoleLevel": "INFO"},
        "PasswordSettings": {"MinimumLength": 8, "Lowercase": false, "Number": false, "Uppercase": false, "Symbol": false},
        "FileSettings": {"DriverName": "local", "Directory": "./data/"},
        "EmailSettings": {"EnableSignUpWithEmail": true, "EnableSignInWithEmail": true},
        "RateLimitSettings": {"Enable": false, "PerSec": 10},
        "GuestAccountsSettings": {"Enable": false, "EnforceMultifactorAuthentication": false},
        "LdapSettings": {"Enable": false},
        "SamlSettings": {"Enable": false},
        "PluginSettings": {"Enable": true}
    });
    for (key, value) in changes {
        let (section, setting) = key.split_once('.').unwrap();
        config[section][setting] = value.clone();
    }
    config
}

fn write_config(dir: &tempfile::TempDir, config: &Value) -> String {
    let path = dir.path().join("config.json");
    std::fs::write(&path, serde_json::to_string_pretty(config).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Logs alice in on `node`: her token and her id.
async fn login_alice(node: &Node) -> (String, String) {
    let reply = node
        .client
        .post(format!("{}/users/login", node.base))
        .json(&json!({"login_id": "alice", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let token = reply.headers()["token"].to_str().unwrap().to_owned();
    let me: Value = reply.json().await.unwrap();
    (token, me["id"].as_str().unwrap().to_owned())
}

/// The hours a fresh login of alice's lasts on `node`.
async fn web_session_hours(node: &Node) -> i64 {
    let (token, id) = login_alice(node).await;
    let sessions: Value = node
        .client
        .get(format!("{}/users/{id}/sessions", node.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let session = sessions.as_array().unwrap().iter().max_by_key(|s| s["create_at"].as_i64()).unwrap().clone();
    (session["expires_at"].as_i64().unwrap() - session["create_at"].as_i64().unwrap()) / 3_600_000
}

#[tokio::test]
async fn a_mattermost_config_json_sets_the_session_policy_under_the_environment_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("store.db");
    let database = database.to_str().unwrap();
    cli(database, &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD]);
    let config = write_config(
        &dir,
        &mattermost_config(&[
            ("ServiceSettings.SessionLengthWebInHours", json!(2)),
            ("TeamSettings.EnableUserDeactivation", json!(true)),
        ]),
    );
    let log = dir.path().join("server.log");
    let node = Node::with(database).flags(&["--config", &config]).env("RUST_LOG", "info").log(&log).start().await;
    assert_eq!(web_session_hours(&node).await, 2, "the file's SessionLengthWebInHours");
    // TeamSettings.EnableUserDeactivation: alice may deactivate herself.
    let (token, id) = login_alice(&node).await;
    let deactivated = node
        .client
        .put(format!("{}/users/{id}/active", node.base))
        .bearer_auth(&token)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(deactivated.status(), 200, "{}", deactivated.text().await.unwrap());
    node.stop();

    let text = std::fs::read_to_string(&log).unwrap();
    let ignored = text.lines().find(|l| l.contains("does not have, ignored")).expect("the ignored settings' line");
    for name in
        ["ServiceSettings.WebserverMode", "TeamSettings.SiteName", "EmailSettings", "SqlSettings", "PluginSettings"]
    {
        assert!(ignored.contains(name), "{name} not in {ignored}");
    }
    assert!(!text.contains("mostest"), "nothing of SqlSettings' DataSource is logged");
    for warned in
        ["PasswordSettings", "ExperimentalStrictCSRFEnforcement", "MaximumLoginAttempts", "TrustedProxyIPHeader"]
    {
        assert!(text.lines().any(|l| l.contains("WARN") && l.contains(warned)), "no warning for {warned}:\n{text}");
    }
    assert!(text.contains("mm-sessions listening"), "the address is logged");

    // The environment beats the file, and a flag beats both; MM_CONFIG names the file too.
    cli(database, &["user", "activate", "--user", "alice"]);
    let node = Node::with(database)
        .flags(&["--config", &config])
        .env("MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", "3")
        .start()
        .await;
    assert_eq!(web_session_hours(&node).await, 3);
    node.stop();
    let node = Node::with(database)
        .flags(&["--session-length-web-hours", "4"])
        .env("MM_CONFIG", &config)
        .env("MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", "3")
        .start()
        .await;
    assert_eq!(web_session_hours(&node).await, 4);
    node.stop();
    // The deprecated days flag, given on purpose, wins over the file's hours too.
    let node = Node::with(database).flags(&["--config", &config, "--web-session-days", "1"]).start().await;
    assert_eq!(web_session_hours(&node).await, 24);
    node.stop();
}

/// `ListenAddress` as Mattermost writes it, `:PORT`, is every interface; Mattermost's
/// environment name for it wins over the file, as every environment variable does.
#[tokio::test]
async fn listen_address_is_honoured_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config =
        write_config(&dir, &mattermost_config(&[("ServiceSettings.ListenAddress", json!(format!(":{port}")))]));
    let mut child = Command::new(BIN)
        .args(["--database", "memory", "--config", &config])
        .env_remove("MM_SESSIONS_LISTEN")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let answered = loop {
        if let Ok(reply) = reqwest::get(format!("http://127.0.0.1:{port}/api/v4/system/ping")).await {
            break reply.status();
        }
        assert!(std::time::Instant::now() < deadline, "nothing listening on :{port}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(answered, 200);

    let other = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(BIN)
        .args(["--database", "memory", "--config", &config])
        .env_remove("MM_SESSIONS_LISTEN")
        .env("MM_SERVICESETTINGS_LISTENADDRESS", format!("127.0.0.1:{other}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while reqwest::get(format!("http://127.0.0.1:{other}/api/v4/system/ping")).await.is_err() {
        assert!(std::time::Instant::now() < deadline, "MM_SERVICESETTINGS_LISTENADDRESS not honoured");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn run_with_config(config: &Value, extra: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(&dir, config);
    let out = Command::new(BIN)
        .args(["--database", "memory", "--listen", "127.0.0.1:0", "--config", &path])
        .args(extra)
        .env_remove("MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS")
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_wrong_type_or_value_stops_the_program_naming_the_key() {
    let (ok, stderr) =
        run_with_config(&mattermost_config(&[("ServiceSettings.SessionLengthWebInHours", json!("720"))]), &[]);
    assert!(!ok);
    assert!(stderr.contains("config.json ServiceSettings.SessionLengthWebInHours"), "{stderr}");
    let (ok, stderr) =
        run_with_config(&mattermost_config(&[("ServiceSettings.SessionLengthWebInHours", json!(0))]), &[]);
    assert!(!ok);
    assert!(stderr.contains("config.json ServiceSettings.SessionLengthWebInHours"), "{stderr}");
    let (ok, stderr) =
        run_with_config(&mattermost_config(&[("ServiceSettings.EnableUserAccessTokens", json!("yes"))]), &[]);
    assert!(!ok);
    assert!(stderr.contains("ServiceSettings.EnableUserAccessTokens"), "{stderr}");
    let (ok, stderr) = run_with_config(&json!("not an object"), &[]);
    assert!(!ok && stderr.contains("config.json"), "{stderr}");
}

/// The schema config.json's `SqlSettings` names holds Mattermost's tables: mm-sessions refuses it
/// and writes nothing there.
#[tokio::test]
async fn postgres_refuses_a_schema_holding_mattermosts_tables() {
    let schema = pg::schema().await;
    let (client, connection) = tokio_postgres::connect(&schema.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client
        .batch_execute(
            "CREATE TABLE users (id varchar(26) PRIMARY KEY, username varchar(64)); \
             CREATE TABLE channels (id varchar(26) PRIMARY KEY); CREATE TABLE teams (id varchar(26) PRIMARY KEY); \
             INSERT INTO users VALUES ('u1', 'mattermost-user')",
        )
        .await
        .unwrap();
    let out = Command::new(BIN).args(["--database", &schema.url, "--listen", "127.0.0.1:0"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("Mattermost's own tables (channels, teams)"), "{stderr}");
    let ours = client
        .query_opt("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'mm_sessions_migrations'", &[])
        .await
        .unwrap();
    assert!(ours.is_none(), "nothing of ours was created there");
    let users: i64 = client.query_one("SELECT count(*) FROM users", &[]).await.unwrap().get(0);
    assert_eq!(users, 1);
}

/// Starts the binary with `args` (over `--database memory --listen 127.0.0.1:0`) and `env`, which
/// must refuse to start: exit non-zero within 20 s (a hang, or a server that starts, fails the
/// test). Its stderr.
fn refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut child = Command::new(BIN)
        .args(["--database", "memory", "--listen", "127.0.0.1:0"])
        .args(args)
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} {env:?}: still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(!status.success(), "{args:?} {env:?} exited 0: {stderr}");
    stderr
}

/// A client that shows redirects instead of following them.
fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// SiteURL is checked as the server starts, from the flag, the environment and config.json
/// alike: an absolute http(s) URL with a host, nothing that would rewrite `Location` headers.
#[tokio::test]
async fn site_url_is_checked_at_start_wherever_it_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["not a url", "javascript:alert(1)", "https://evil.com@example.com", "https://chat.example.com\r\nX: y"]
    {
        let by_flag = refused(&["--site-url", bad], &[]);
        let by_env = refused(&[], &[("MM_SERVICESETTINGS_SITEURL", bad)]);
        let config = write_config(&dir, &json!({"ServiceSettings": {"SiteURL": bad}}));
        let by_file = refused(&["--config", &config], &[]);
        assert!(by_file.contains("config.json ServiceSettings.SiteURL"), "{bad:?}: {by_file}");
        for stderr in [by_flag, by_env, by_file] {
            assert!(stderr.contains("invalid SiteURL") && stderr.contains("MM_SERVICESETTINGS_SITEURL"), "{stderr}");
            assert!(stderr.contains("http:// or https://"), "{stderr}");
            assert!(!stderr.contains('\r') && stderr.lines().count() < 4, "the value is quoted escaped: {stderr:?}");
            assert!(!stderr.contains("evil.com"), "a URL's user part is not repeated: {stderr}");
        }
    }
    // Valid ones start, and serve as before: the forward-auth check sends a browser without a
    // session to the sign-in page there.
    for good in ["https://chat.example.com", "http://127.0.0.1:8065/mm"] {
        let node = Node::with("memory").flags(&["--site-url", good]).start().await;
        let reply = no_redirects().get(format!("{}/auth/check?redirect=true", node.base)).send().await.unwrap();
        assert_eq!(reply.status(), 302);
        assert_eq!(reply.headers()["location"], format!("{good}/").as_str());
        node.stop();
    }
}

/// Enforcing MFA while it is off would enforce nothing: the server refuses to start, naming both
/// settings, whether the flags or config.json (as Mattermost accepts it) say so.
#[tokio::test]
async fn enforcing_mfa_without_enabling_it_is_a_start_error() {
    let dir = tempfile::tempdir().unwrap();
    let config =
        write_config(&dir, &mattermost_config(&[("ServiceSettings.EnforceMultifactorAuthentication", json!(true))]));
    for args in [
        &["--enforce-multifactor-authentication", "true"][..],
        &["--guest-enforce-multifactor-authentication", "true"],
        &["--config", &config],
    ] {
        let stderr = refused(args, &[]);
        for said in ["EnforceMultifactorAuthentication", "EnableMultifactorAuthentication", "enforce nothing"] {
            assert!(stderr.contains(said), "{args:?}: {said} not in {stderr}");
        }
    }
    let node = Node::with("memory")
        .flags(&["--enable-multifactor-authentication", "true", "--enforce-multifactor-authentication", "true"])
        .start()
        .await;
    node.stop();
}

/// config.json is read only from a regular file (a symlink to one is followed), up to 1 MiB:
/// `/dev/zero` and a FIFO are refused at once, not read forever or waited on.
#[test]
fn config_json_is_read_only_from_a_bounded_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let fifo = dir.path().join("fifo.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for (path, kind) in [(&zero, "a character device"), (&fifo, "a FIFO")] {
        let started = Instant::now();
        let stderr = refused(&["--config", path.to_str().unwrap()], &[]);
        assert!(started.elapsed() < Duration::from_secs(10), "refused at once");
        assert!(stderr.contains(&format!("{} is not a regular file ({kind})", path.display())), "{stderr}");
    }
    // The key file of MFA secrets too.
    let stderr = refused(&["--mfa-key-file", zero.to_str().unwrap()], &[]);
    assert!(stderr.contains("is not a regular file (a character device)"), "{stderr}");

    let big = dir.path().join("big.json");
    let padding = "x".repeat(1024 * 1024);
    std::fs::write(&big, json!({"ServiceSettings": {"SiteURL": ""}, "Padding": padding}).to_string()).unwrap();
    let stderr = refused(&["--config", big.to_str().unwrap()], &[]);
    assert!(stderr.contains("is larger than 1 MiB"), "{stderr}");

    // A symlink to a regular file is read as the file.
    let config = write_config(&dir, &json!({"ServiceSettings": {"SiteURL": "not a url"}}));
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&config, &link).unwrap();
    let stderr = refused(&["--config", link.to_str().unwrap()], &[]);
    assert!(stderr.contains("config.json ServiceSettings.SiteURL"), "the file behind the link was read: {stderr}");
}

/// Runs `user list` (which reads config.json as the server does, and logs its warnings) with
/// `--config path`; its stderr.
fn user_list_with_config(path: &std::path::Path) -> String {
    let out = Command::new(BIN)
        .args(["--database", "memory", "--config", path.to_str().unwrap(), "user", "list"])
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

fn chmod(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A config.json that holds Mattermost's secrets (here its database password) and that group or
/// others may read is warned about, naming the file, what it holds and the fix; never the secret.
#[test]
fn a_config_json_with_secrets_readable_by_others_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = std::path::PathBuf::from(write_config(&dir, &mattermost_config(&[])));
    for (mode, warned) in [(0o644, true), (0o640, true), (0o600, false)] {
        chmod(&path, mode);
        let stderr = user_list_with_config(&path);
        let warning = stderr.lines().find(|l| l.contains("WARN") && l.contains("chmod 600"));
        assert_eq!(warning.is_some(), warned, "mode {mode:o}: {stderr}");
        if let Some(warning) = warning {
            assert!(warning.contains(&path.display().to_string()), "{warning}");
            assert!(warning.contains(&format!("mode {mode:04o}")), "{warning}");
            assert!(warning.contains("SqlSettings.DataSource"), "{warning}");
        }
        assert!(!stderr.contains("mostest"), "the password is never shown: {stderr}");
    }
    // No secret in it (a database reached without a password): nothing to warn about.
    let config = mattermost_config(&[("SqlSettings.DataSource", json!("postgres://mmuser@db/mattermost"))]);
    let path = std::path::PathBuf::from(write_config(&dir, &config));
    chmod(&path, 0o644);
    let stderr = user_list_with_config(&path);
    assert!(!stderr.contains("chmod 600"), "{stderr}");
}

/// The MFA key opens every sealed secret: a key file group or others may read is warned about.
#[tokio::test]
async fn an_mfa_key_file_readable_by_others_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("mfa.key");
    std::fs::write(&key, format!("{}=\n", "A".repeat(43))).unwrap();
    for (mode, warned) in [(0o644, true), (0o600, false)] {
        chmod(&key, mode);
        let log = dir.path().join(format!("server-{mode:o}.log"));
        let node = Node::with("memory").flags(&["--mfa-key-file", key.to_str().unwrap()]).log(&log).start().await;
        node.stop();
        let text = std::fs::read_to_string(&log).unwrap();
        let warning = text.lines().find(|l| l.contains("WARN") && l.contains("MFA key file"));
        assert_eq!(warning.is_some(), warned, "mode {mode:o}: {text}");
        if let Some(warning) = warning {
            assert!(warning.contains(&format!("chmod 600 {}", key.display())), "{warning}");
        }
    }
}

/// A Mattermost deployment's `config.json` with GitLab and OpenID Connect enabled (Mattermost's
/// key spellings, the older `UserApiEndpoint` too) starts the server offering both; a provider
/// URL that is not https is refused naming the key; the client secret is never printed.
#[tokio::test]
async fn a_config_json_with_gitlab_and_openid_enabled_starts_with_those_providers() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "gitlab-client-secret-never-printed";
    let mut config = mattermost_config(&[("ServiceSettings.SiteURL", json!("https://chat.example.com"))]);
    config["GitLabSettings"] = json!({
        "Enable": true, "Secret": secret, "Id": "gitlab-app-id", "Scope": "",
        "AuthEndpoint": "https://gitlab.example.com/oauth/authorize",
        "TokenEndpoint": "https://gitlab.example.com/oauth/token",
        "UserApiEndpoint": "https://gitlab.example.com/api/v4/user",
        "DiscoveryEndpoint": "", "ButtonText": "", "ButtonColor": ""
    });
    config["GoogleSettings"] = json!({
        "Enable": false, "Secret": "", "Id": "", "Scope": "profile email",
        "AuthEndpoint": "https://accounts.google.com/o/oauth2/v2/auth",
        "TokenEndpoint": "https://www.googleapis.com/oauth2/v4/token",
        "UserAPIEndpoint": "https://people.googleapis.com/v1/people/me?personFields=names,emailAddresses,nicknames,metadata",
        "DiscoveryEndpoint": "", "ButtonText": "", "ButtonColor": ""
    });
    config["Office365Settings"] =
        json!({"Enable": false, "Secret": "", "Id": "", "Scope": "User.Read", "DirectoryId": ""});
    config["OpenIdSettings"] = json!({
        "Enable": true, "Secret": "openid-secret", "Id": "openid-id", "Scope": "profile openid email",
        "AuthEndpoint": "", "TokenEndpoint": "", "UserAPIEndpoint": "",
        "DiscoveryEndpoint": "https://id.example.com/.well-known/openid-configuration",
        "ButtonText": "Company sign-in", "ButtonColor": "#145DBF"
    });
    let path = write_config(&dir, &config);
    let log = dir.path().join("server.log");
    let node = Node::with("memory").flags(&["--config", &path]).log(&log).start().await;
    let site = node.base.trim_end_matches("/api/v4").to_owned();
    let services: Value = reqwest::get(format!("{site}/sign-in-services.json")).await.unwrap().json().await.unwrap();
    assert_eq!(
        services,
        json!([
            {"service": "gitlab", "url": "/oauth/gitlab/login", "text": "Sign in with GitLab", "color": null},
            {"service": "openid", "url": "/oauth/openid/login", "text": "Company sign-in", "color": "#145DBF"}
        ])
    );
    let reply = no_redirects().get(format!("{site}/oauth/gitlab/login")).send().await.unwrap();
    assert_eq!(reply.status(), 302);
    let location = url::Url::parse(reply.headers()["location"].to_str().unwrap()).unwrap();
    assert_eq!(location.as_str().split('?').next(), Some("https://gitlab.example.com/oauth/authorize"));
    let query: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    assert_eq!(query["client_id"], "gitlab-app-id");
    assert_eq!(query["redirect_uri"], "https://chat.example.com/signup/gitlab/complete");
    assert_eq!(query["code_challenge_method"], "S256");
    assert!(!query.contains_key("client_secret"));
    let google = no_redirects().get(format!("{site}/oauth/google/login")).send().await.unwrap();
    assert_eq!(google.status(), 400, "Google is not enabled");
    node.stop();
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("single sign-on on") && logged.contains("gitlab, openid"), "{logged}");
    assert!(!logged.contains(secret), "the secret is never logged");

    // Not https, not loopback: refused at start, naming the key; the secret stays unprinted.
    config["GitLabSettings"]["TokenEndpoint"] = json!("http://gitlab.example.com/oauth/token");
    let (ok, stderr) = run_with_config(&config, &[]);
    assert!(!ok);
    assert!(stderr.contains("GitLabSettings.TokenEndpoint") && stderr.contains("https"), "{stderr}");
    assert!(!stderr.contains(secret), "{stderr}");
    // Enabled without its client: refused.
    config["GitLabSettings"]["TokenEndpoint"] = json!("https://gitlab.example.com/oauth/token");
    config["OpenIdSettings"]["Secret"] = json!("");
    let (ok, stderr) = run_with_config(&config, &[]);
    assert!(!ok && stderr.contains("OpenIdSettings.Secret"), "{stderr}");
}
