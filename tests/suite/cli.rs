//! The admin CLI through the real binary, as a person types it: where a database may be
//! created, what help shows, mistakes caught, each cause said once, every success confirmed.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::helpers::cause;
use crate::process::BIN;

/// Runs `mm-sessions ARGS` in `dir` (no inherited database or password settings).
fn run_in(dir: &Path, args: &[&str]) -> Output {
    run_with(dir, args, &[], None)
}

fn run_with(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(dir).env_remove("MM_SESSIONS_DATABASE").env_remove("MM_SESSIONS_PASSWORD");
    command.env_remove("RUST_LOG").envs(env.iter().copied());
    command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("the CLI starts");
    if let Some(input) = stdin {
        use std::io::Write as _;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    child.wait_with_output().expect("the CLI ends")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn create_alice(dir: &Path, db: &str) -> String {
    let out = run_with(
        dir,
        &[
            "--database",
            db,
            "user",
            "create",
            "--username",
            "alice",
            "--email",
            "alice@example.com",
            "--password-stdin",
        ],
        &[],
        Some("correct horse battery\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_owned()
}

#[test]
fn commands_on_existing_data_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("nonexistent/dir/x.db");
    let out = run_in(dir.path(), &["--database", missing_dir.to_str().unwrap(), "user", "list"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
    assert!(!dir.path().join("nonexistent").exists(), "nothing created");

    for args in [&["user", "list"][..], &["session", "list", "--user", "alice"], &["session", "revoke", "--id", "x"]] {
        let out = run_in(dir.path(), &[&["--database", "typo.db"][..], args].concat());
        assert!(!out.status.success(), "{args:?}");
        let text = stderr(&out);
        let expected = dir.path().canonicalize().unwrap().join("typo.db");
        assert!(text.contains(&format!("no database at {}", expected.display())), "{args:?}: {text}");
        assert!(!dir.path().join("typo.db").exists(), "{args:?} created a database");
    }

    // Run from a folder without ./data/, the default database is not made up either.
    let out = run_in(dir.path(), &["user", "list"]);
    assert!(!out.status.success());
    assert!(!dir.path().join("data").exists(), "the default folder was created by `user list`");
}

#[test]
fn user_create_and_the_server_create_a_database_and_say_where() {
    let dir = tempfile::tempdir().unwrap();
    // The default ./data/ folder is created; its full path is said.
    let out = run_with(
        dir.path(),
        &["user", "create", "--username", "admin", "--email", "a@example.com", "--role", "system_admin"],
        &[],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stderr(&out);
    let expected = dir.path().canonicalize().unwrap().join("data/mm-sessions.db");
    assert!(text.contains(&format!("creating a new database at {}", expected.display())), "{text}");
    assert!(text.contains("has no password and cannot log in"), "{text}");
    assert!(text.contains("created user admin (system_admin)"), "{text}");
    assert!(expected.exists());
    // Once it exists, nothing more is said about creating it.
    let out = run_in(dir.path(), &["user", "list"]);
    assert!(out.status.success());
    assert!(!stderr(&out).contains("creating"), "{}", stderr(&out));
    assert!(stdout(&out).contains("\tadmin\ta@example.com\tsystem_admin"), "{}", stdout(&out));
    assert!(stderr(&out).contains("1 user(s)"));

    // Anywhere but the default, a missing folder is an error that names it.
    let elsewhere = dir.path().join("missing/x.db");
    let out = run_in(
        dir.path(),
        &["--database", elsewhere.to_str().unwrap(), "user", "create", "--username", "b", "--email", "b@example.com"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains(&format!("the folder {} does not exist", dir.path().join("missing").display())));
    assert!(!dir.path().join("missing").exists());

    // So is a path through a file: "not a directory", not "File exists".
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let through = file.join("x.db");
    for args in [&["user", "list"][..], &["user", "create", "--username", "c", "--email", "c@example.com"]] {
        let out = run_in(dir.path(), &[&["--database", through.to_str().unwrap()][..], args].concat());
        assert!(!out.status.success());
        assert!(stderr(&out).contains("not a directory"), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("os error"), "{}", stderr(&out));
    }

    // The server on a missing non-default folder refuses to start, naming it.
    let out = run_in(dir.path(), &["--database", elsewhere.to_str().unwrap(), "--listen", "127.0.0.1:0"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

#[test]
fn help_shows_what_each_command_takes() {
    let dir = tempfile::tempdir().unwrap();
    let help = |args: &[&str]| {
        let out = run_in(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        stdout(&out)
    };
    let top = help(&["--help"]);
    assert!(top.contains("--listen") && top.contains("--grant"), "server flags at the top: {top}");
    assert!(!top.contains("later"), "{top}");
    assert!(top.contains("postgres:// URL"), "{top}");
    let create = help(&["user", "create", "--help"]);
    for server_flag in ["--listen", "--grant", "--login-rate", "--max-connections", "--metrics-listen"] {
        assert!(!create.contains(server_flag), "`user create --help` lists {server_flag}: {create}");
    }
    assert!(create.contains("Example:") && create.contains("--password-stdin"), "{create}");
    assert!(create.lines().count() < 35, "{create}");
    for flag in ["--username <USERNAME>", "--email <EMAIL>"] {
        let line =
            create.lines().find(|l| l.trim_start().starts_with(flag)).unwrap_or_else(|| panic!("{flag}: {create}"));
        assert!(line.trim().len() > flag.len() + 4, "{flag} has no description: {create}");
    }
    let list = help(&["session", "list", "--help"]);
    let line = list.lines().find(|l| l.trim_start().starts_with("--user <USER>")).unwrap();
    assert!(line.contains("Username or user id"), "{list}");
    assert!(help(&["serve", "--help"]).contains("--listen"));
}

#[test]
fn unknown_roles_are_refused_with_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &[
            "--database",
            "x.db",
            "user",
            "create",
            "--username",
            "eve",
            "--email",
            "e@example.com",
            "--role",
            "superuser",
        ],
    );
    assert!(!out.status.success());
    let text = stderr(&out);
    assert!(text.contains("unknown role \"superuser\"") && text.contains("system_admin"), "{text}");
    let list = run_in(dir.path(), &["--database", "x.db", "user", "list"]);
    assert!(!stdout(&list).contains("eve"), "the user must not exist");
    // The server's --grant names roles the same way.
    let out = run_in(dir.path(), &["--database", "memory", "--grant", "superuser=edit_other_users"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("unknown role"), "{}", stderr(&out));
}

#[test]
fn a_database_error_is_said_once_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    let out = run_in(dir.path(), &["--database", "postgres://nobody@127.0.0.1:1/x", "user", "list"]);
    assert!(!out.status.success());
    let text = stderr(&out);
    assert_eq!(text.matches("Connection refused").count(), 1, "{text}");
    assert_eq!(text.matches("error connecting to server").count(), 1, "{text}");
    assert!(text.contains("hint: is the database server running"), "{text}");
}

#[test]
fn every_command_confirms_what_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let db = "confirm.db";
    create_alice(dir.path(), db);
    let cli = |args: &[&str]| {
        let out = run_in(dir.path(), &[&["--database", db][..], args].concat());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        (stdout(&out), stderr(&out))
    };
    let (out, err) = cli(&["session", "list", "--user", "alice"]);
    assert_eq!(out, "");
    assert!(err.contains("0 session(s) of alice"), "{err}");
    let (token, err) = cli(&["session", "create", "--user", "alice", "--days", "0"]);
    assert_eq!(token.trim().len(), 26);
    assert!(err.contains("issued session") && err.contains("never expires"), "{err}");
    let (out, _) = cli(&["session", "list", "--user", "alice"]);
    let id = out.split('\t').next().unwrap().to_owned();
    let (out, err) = cli(&["session", "revoke", "--id", &id]);
    assert_eq!(out, "");
    assert!(err.contains(&format!("revoked session {id}")), "{err}");
    let out = run_in(dir.path(), &["--database", db, "session", "revoke", "--id", &id]);
    assert!(!out.status.success(), "a second revoke finds nothing");
    assert!(stderr(&out).contains("no session"), "{}", stderr(&out));
}

#[test]
fn passwords_come_from_stdin_or_the_environment_and_argv_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let db = "pw.db";
    let out = run_with(
        dir.path(),
        &["--database", db, "user", "create", "--username", "bob", "--email", "b@example.com", "--password-stdin"],
        &[],
        Some("correct horse battery\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("cannot log in"), "{}", stderr(&out));
    let out = run_with(
        dir.path(),
        &["--database", db, "user", "set-password", "--user", "bob"],
        &[("MM_SESSIONS_PASSWORD", "another good one")],
        None,
    );
    assert!(out.status.success() && !stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(stderr(&out).contains("password of bob set"));
    let out =
        run_in(dir.path(), &["--database", db, "user", "set-password", "--user", "bob", "--password", "on argv!!"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: a password given with --password shows in `ps`"), "{}", stderr(&out));
    let out = run_in(dir.path(), &["--database", db, "user", "set-password", "--user", "bob"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no password given"), "{}", stderr(&out));
}

#[test]
fn a_cli_revocation_is_logged_like_an_http_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = "log.db";
    create_alice(dir.path(), db);
    run_in(dir.path(), &["--database", db, "session", "create", "--user", "alice"]);
    let out = run_with(
        dir.path(),
        &["--database", db, "session", "revoke-all", "--user", "alice"],
        &[("RUST_LOG", "info")],
        None,
    );
    assert!(out.status.success());
    let text = stderr(&out);
    assert!(text.contains("sessions ended") && text.contains("reason=\"revoke_all\""), "{text}");
    assert!(text.contains("by=\"admin-cli\""), "{text}");
    assert!(text.contains("revoked 1 session(s) of alice"), "{text}");
}

#[test]
fn a_database_password_never_reaches_the_output() {
    let dir = tempfile::tempdir().unwrap();
    for url in ["postgres://mm:s3cret-pw@127.0.0.1:1/x", "postgres://mm:s3cret-pw@127.0.0.1:notaport/x"] {
        for args in [&["user", "list"][..], &["--listen", "127.0.0.1:0"]] {
            let out = run_with(dir.path(), &[&["--database", url][..], args].concat(), &[("RUST_LOG", "debug")], None);
            assert!(!out.status.success());
            let text = format!("{}{}", stdout(&out), stderr(&out));
            assert!(!text.contains("s3cret-pw"), "{url} {args:?}: {text}");
        }
    }
}

#[tokio::test]
async fn postgres_url_is_logged_without_its_password() {
    let schema = crate::pg::schema().await;
    let url = schema.url.replacen('@', ":s3cret-pw@", 1);
    assert!(url.contains(":s3cret-pw@"), "the test URL names a user: {}", schema.url);
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let node = crate::process::Node::with(&url).log(&log).start().await;
    node.stop();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("mm-sessions listening") && text.contains("database=postgres://"), "{text}");
    assert!(!text.contains("s3cret-pw"), "{text}");
}

#[tokio::test]
async fn the_server_listens_on_a_host_name() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["--database", "memory", "--listen", &format!("localhost:{port}")])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://localhost:{port}/api/v4/system/ping");
    let mut answered = false;
    for _ in 0..200 {
        if reqwest::get(&url).await.is_ok_and(|r| r.status() == 200) {
            answered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(answered, "no answer on localhost:{port}");
}

#[test]
fn an_old_and_a_new_setting_for_the_same_thing_stop_the_program_and_the_old_one_warns() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with(
        dir.path(),
        &["--database", "memory", "--listen", "127.0.0.1:0", "--web-session-days", "5"],
        &[("MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", "10")],
        None,
    );
    assert!(!out.status.success());
    let text = stderr(&out);
    assert!(text.contains("--web-session-days and --session-length-web-hours set the same thing"), "{text}");
    // The old one alone still works, with a deprecation line (the admin commands read it too).
    let out = run_with(
        dir.path(),
        &["--database", "dep.db", "user", "create", "--username", "eve", "--email", "e@example.com"],
        &[("MM_SESSIONS_MOBILE_SESSION_DAYS", "3")],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("--mobile-session-days is deprecated: use --session-length-mobile-hours"));
}

#[tokio::test]
async fn mattermosts_session_length_setting_is_read_from_its_environment_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("len.db");
    let database = db.to_str().unwrap();
    let out = run_with(
        dir.path(),
        &[
            "--database",
            database,
            "user",
            "create",
            "--username",
            "alice",
            "--email",
            "a@example.com",
            "--password-stdin",
        ],
        &[],
        Some("alice password\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let log = dir.path().join("server.log");
    let node = crate::process::Node::with(database)
        .log(&log)
        .env("MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", "48")
        .start()
        .await;
    let token = node.login("alice", "alice password").await;
    let sessions = node.get_json("/users/me/sessions", &token).await;
    let session = &sessions[0];
    let hours = (session["expires_at"].as_i64().unwrap() - session["create_at"].as_i64().unwrap()) / 3_600_000;
    assert_eq!(hours, 48, "{session}");
    node.stop();
}

#[test]
fn user_set_password_obeys_the_terminate_setting() {
    let dir = tempfile::tempdir().unwrap();
    let db = "term.db";
    create_alice(dir.path(), db);
    let cli = |args: &[&str], env: &[(&str, &str)], stdin: Option<&str>| {
        let out = run_with(dir.path(), &[&["--database", db][..], args].concat(), env, stdin);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stderr(&out)
    };
    for _ in 0..2 {
        cli(&["session", "create", "--user", "alice"], &[], None);
    }
    let off = [("MM_SERVICESETTINGS_TERMINATESESSIONSONPASSWORDCHANGE", "false")];
    let said = cli(&["user", "set-password", "--user", "alice", "--password-stdin"], &off, Some("second password\n"));
    assert!(said.contains("0 session(s) ended"), "{said}");
    let said = cli(&["user", "set-password", "--user", "alice", "--password-stdin"], &[], Some("third password\n"));
    assert!(said.contains("2 session(s) ended"), "{said}");
    assert!(cli(&["session", "list", "--user", "alice"], &[], None).contains("0 session(s) of alice"));
}

/// The lost phone, from the server's machine: `user mfa-off` turns a user's MFA off (audited),
/// and `user list` says who has it.
#[tokio::test]
async fn user_mfa_off_turns_a_users_mfa_off() {
    use mm_sessions::store::{MfaStore as _, MfaWrite};

    let dir = tempfile::tempdir().unwrap();
    let db = "mfa.db";
    let alice = mm_sessions::domain::Id::parse(&create_alice(dir.path(), db)).unwrap();
    {
        let store = mm_sessions::store::sqlite::SqliteStore::open(&dir.path().join(db)).unwrap();
        assert_eq!(store.set_mfa_secret(&alice, "JBSWY3DPEHPK3PXP", 2).await.unwrap(), MfaWrite::Done);
        assert_eq!(store.activate_mfa(&alice, "JBSWY3DPEHPK3PXP", 7, 6, 3, &cause()).await.unwrap(), MfaWrite::Done);
    }
    let list = || stdout(&run_in(dir.path(), &["--database", db, "user", "list"]));
    assert!(list().trim_end().ends_with("\tsystem_user\tmfa"), "{}", list());
    let out = run_in(dir.path(), &["--database", db, "user", "mfa-off", "--user", "alice"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("MFA is off for alice"), "{}", stderr(&out));
    assert!(list().trim_end().ends_with("\tsystem_user"), "{}", list());
    let store = mm_sessions::store::sqlite::SqliteStore::open(&dir.path().join(db)).unwrap();
    let state = store.mfa_state(&alice).await.unwrap().unwrap();
    assert!(!state.active && state.secret.is_empty(), "the secret is forgotten");
    let audits = mm_sessions::store::AuditStore::audits_for_user(&store, Some(&alice), 0, 10).await.unwrap();
    assert!(audits.iter().any(|a| a.extra_info == "mfa=off" && a.action.contains("user mfa-off")), "{audits:?}");
}

/// What users chose (a device id at login, a token's description, an email) reaches the
/// administrator's terminal and scripts through the admin commands' output: each value stays one
/// field of one line, its control characters written as escapes, never sent raw.
#[tokio::test]
async fn admin_output_escapes_what_users_chose() {
    use mm_sessions::config::{Database, SessionPolicy};
    use mm_sessions::service::{Actor, NewToken};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    create_alice(dir.path(), db);
    let evil_email = "mallory\x1b[31m@example.com";
    let out = run_in(dir.path(), &["--database", db, "user", "create", "--username", "mallory", "--email", evil_email]);
    assert!(out.status.success(), "{}", stderr(&out));

    // A session with a device id as a client may send it at login, and a token with such a
    // description, written through the service as the server would write them.
    let stores =
        mm_sessions::app::open_store(&Database::Sqlite(db.into()), mm_sessions::app::OpenMode::Existing).await.unwrap();
    let policy = SessionPolicy { enable_user_access_tokens: true, ..SessionPolicy::default() };
    let service =
        mm_sessions::app::build_service(stores, None, &[], &policy, None, mm_sessions::domain::Clock::system());
    let alice = service.find_user("alice").await.unwrap();
    let device = "phone\n8sxm1pk5e3ds9mrbhxq4g6ehfa\t1\t2\t3\tforged\x1b[31m";
    service.issue_session(&alice, 3_600_000, device.into(), Default::default()).await.unwrap();
    service.issue_session(&alice, 3_600_000, String::new(), Default::default()).await.unwrap();
    let description = "nightly\nforgedtokenid\tactive\t0\t\x1b]0;pwned\x07";
    let cli = Actor::AdminCli { command: "token create" };
    service.create_token(cli, &alice.id, NewToken { description: description.into(), expires_at: 0 }).await.unwrap();
    drop(service);

    let raw = |text: &str| text.contains(['\x1b', '\x07', '\r']);
    let out = run_in(dir.path(), &["--database", db, "session", "list", "--user", "alice"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&out);
    assert!(!raw(&list), "raw control characters reached the output: {list:?}");
    let rows: Vec<&str> = list.lines().collect();
    assert_eq!(rows.len(), 2, "one row per session: {list:?}");
    assert!(rows.iter().all(|row| row.split('\t').count() == 5), "five fields each: {list:?}");
    let escaped = "phone\\n8sxm1pk5e3ds9mrbhxq4g6ehfa\\t1\\t2\\t3\\tforged\\x1b[31m";
    assert_eq!(rows.iter().filter(|row| row.ends_with(&format!("\t{escaped}"))).count(), 1, "{list:?}");

    let out = run_with(
        dir.path(),
        &["--database", db, "token", "list", "--user", "alice"],
        &[("MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS", "true")],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&out);
    assert!(!raw(&list), "{list:?}");
    assert_eq!(list.lines().count(), 1, "one row for one token: {list:?}");
    let fields: Vec<&str> = list.trim_end().split('\t').collect();
    assert_eq!(fields.len(), 4, "{list:?}");
    assert_eq!(fields[3], "nightly\\nforgedtokenid\\tactive\\t0\\t\\x1b]0;pwned\\x07");

    let out = run_in(dir.path(), &["--database", db, "user", "list"]);
    let list = stdout(&out);
    assert!(!raw(&list), "{list:?}");
    assert_eq!(list.lines().count(), 2, "{list:?}");
    assert!(list.contains("\tmallory\tmallory\\x1b[31m@example.com\tsystem_user"), "{list:?}");
}

/// Roles longer than Mattermost's 256 bytes are refused by the admin commands as by the API,
/// and nothing is changed or created.
#[test]
fn roles_beyond_mattermosts_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    create_alice(dir.path(), "x.db");
    fn many(roles: &[&'static str], times: usize) -> Vec<&'static str> {
        let mut args = Vec::new();
        for _ in 0..times {
            for role in roles {
                args.extend(["--role", *role]);
            }
        }
        args
    }
    let set =
        [&["--database", "x.db", "user", "set-roles", "--user", "alice"][..], &many(&["system_user"], 25)].concat();
    let out = run_in(dir.path(), &set);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("at most 256 bytes"), "{}", stderr(&out));
    // Alternating, so that `user create`'s folding of a role repeated one after the other
    // leaves them: 12 pairs are 299 bytes.
    let create = [
        &["--database", "x.db", "user", "create", "--username", "bob", "--email", "bob@example.com"][..],
        &many(&["system_user", "system_admin"], 12),
    ]
    .concat();
    let out = run_in(dir.path(), &create);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("at most 256 bytes"), "{}", stderr(&out));
    let list = stdout(&run_in(dir.path(), &["--database", "x.db", "user", "list"]));
    assert!(list.contains("\talice\talice@example.com\tsystem_user\n"), "alice's roles unchanged: {list}");
    assert!(!list.contains("bob"), "bob was not created: {list}");
}

/// A number that must be at least 1 says so in the user's words, not Rust's ("number would be
/// zero for non-zero type"), whether it came as a flag or from the environment; and no help text
/// names the code that reads it.
#[test]
fn a_bad_number_is_refused_in_the_users_words() {
    let dir = tempfile::tempdir().unwrap();
    for (args, env) in [
        (&["serve", "--login-rate-ip", "0"][..], &[][..]),
        (&["serve", "--max-connections", "many"][..], &[][..]),
        (&["serve"][..], &[("MM_SESSIONS_LOGIN_RATE_ACCOUNT", "-3")][..]),
    ] {
        let out = run_with(dir.path(), &[&["--database", "memory"][..], args].concat(), env, None);
        assert!(!out.status.success(), "{args:?} {env:?}");
        let text = stderr(&out);
        assert!(text.contains("must be a whole number from 1 to"), "{text}");
        assert!(!text.contains("non-zero type"), "{text}");
    }
    let help = stdout(&run_in(dir.path(), &["--help"]));
    assert!(!help.contains("(`main`)"), "{help}");
}

/// The lists name their columns for a person at a terminal, and give a script rows alone.
#[test]
fn lists_have_a_header_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    create_alice(dir.path(), db);
    assert!(run_in(dir.path(), &["--database", db, "session", "create", "--user", "alice"]).status.success());
    let piped = stdout(&run_in(dir.path(), &["--database", db, "session", "list", "--user", "alice"]));
    assert_eq!(piped.lines().count(), 1, "one row, no header: {piped}");
    assert!(!piped.contains("created"), "{piped}");
    // `script` gives the command a terminal (bsdutils: essential, on every Debian).
    let command = format!("{BIN} --database {db} session list --user alice");
    let out = Command::new("script").args(["-qec", &command, "/dev/null"]).current_dir(dir.path()).output();
    let out = out.expect("`script` runs (bsdutils)");
    let shown = stdout(&out);
    let first = shown.lines().next().unwrap_or_default();
    assert!(first.starts_with("id\tcreated (ms)"), "{shown:?}");
}
