//! Mattermost's `config.json` (`--config PATH`, or `MM_CONFIG`, as Mattermost's server takes
//! it): an administrator's existing settings, read for the ones we share with Mattermost.
//!
//! Each shared setting has an environment variable here (Mattermost's own name for most,
//! `MM_<SECTION>_<SETTING>`), so the file is applied by filling the variables that are not set
//! already, before the command line is parsed: a flag wins over the environment, the
//! environment over the file (Mattermost's env-over-file), and every default stays where it is
//! written once ([`crate::config`]). That happens in `main`, before any thread starts.
//!
//! - A shared setting of the wrong JSON type stops the program naming the key; a wrong value
//!   (a length of 0, say) is refused by the flag's own parser, and the message then names the
//!   key too ([`Applied::key_for_env`]). `null` is no value, as Mattermost reads it.
//! - **`SqlSettings` is never our database**: it names Mattermost's own, whose tables share
//!   names with ours. Our store comes from `--database` only (and PostgreSQL refuses a schema
//!   holding Mattermost's tables: [`crate::store::postgres`]).
//! - Everything else is ignored, listed in one info line; settings that bear on security get a
//!   warning each, saying what this server does instead.
//! - The file is read only if it is a regular file (a symlink to one is followed), and only up
//!   to [`MAX_BYTES`]: a FIFO would hang the start, `/dev/zero` would be read until memory runs
//!   out. A file that holds Mattermost's secrets (its database password, salts, keys) and that
//!   group or others may read gets a warning (not a refusal: it is Mattermost's file, and
//!   Mattermost may need it so).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use serde_json::Value;

use crate::config::settings::{self, Key, Kind, Setting};

/// The environment variable naming the file, as Mattermost's.
pub const ENV: &str = "MM_CONFIG";

/// The largest config.json read: Mattermost's are a few tens of KiB (every section, with its
/// defaults), so this is room for anything real and a bound on what a wrong path can cost.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// How a secret setting is told to be set.
#[derive(Clone, Copy, Debug)]
enum Secret {
    /// Any non-empty text.
    Text,
    /// A database URL: a secret when it carries a password.
    DatabaseUrl,
}

/// Mattermost's settings that hold secrets, as its `Config.Sanitize` lists them
/// (`server/public/model/config.go`): `Section.Key`, through arrays and nested objects.
const SECRETS: &[(&str, Secret)] = &[
    ("SqlSettings.DataSource", Secret::DatabaseUrl),
    ("SqlSettings.DataSourceReplicas", Secret::DatabaseUrl),
    ("SqlSettings.DataSourceSearchReplicas", Secret::DatabaseUrl),
    ("SqlSettings.ReplicaLagSettings.DataSource", Secret::DatabaseUrl),
    ("SqlSettings.AtRestEncryptKey", Secret::Text),
    ("LdapSettings.BindPassword", Secret::Text),
    ("FileSettings.PublicLinkSalt", Secret::Text),
    ("FileSettings.AmazonS3SecretAccessKey", Secret::Text),
    ("EmailSettings.SMTPPassword", Secret::Text),
    ("GitLabSettings.Secret", Secret::Text),
    ("GoogleSettings.Secret", Secret::Text),
    ("Office365Settings.Secret", Secret::Text),
    ("OpenIdSettings.Secret", Secret::Text),
    ("ElasticsearchSettings.Password", Secret::Text),
    ("MessageExportSettings.GlobalRelaySettings.SMTPPassword", Secret::Text),
    ("ServiceSettings.SplitKey", Secret::Text),
    ("CacheSettings.RedisPassword", Secret::Text),
];

/// The settings we share with Mattermost: each with its key in `config.json`.
fn shared() -> impl Iterator<Item = (&'static Setting, Key)> {
    settings::ALL.iter().filter_map(|s| Some((s, s.mattermost?)))
}

/// Settings Mattermost has that bear on security, and what this server does instead: a warning
/// each when the file has them. A name without a dot is a whole section.
const SECURITY: &[(&str, &str)] = &[
    ("PasswordSettings", "passwords are checked by mm-sessions' own rule and stored as argon2id"),
    (
        "ServiceSettings.ExperimentalStrictCSRFEnforcement",
        "Mattermost's CSRF rule for cookie sessions applies on the API (X-Requested-With or X-CSRF-Token), and at the forward-auth check unless --forward-auth-csrf false",
    ),
    ("ServiceSettings.TrustedProxyIPHeader", "client addresses come from X-Forwarded-For of --trusted-proxies only"),
    ("ServiceSettings.ConnectionSecurity", "no TLS is served: terminate it at a reverse proxy"),
    ("ServiceSettings.TLSCertFile", "no TLS is served: terminate it at a reverse proxy"),
    (
        "ServiceSettings.SessionCacheInMinutes",
        "the session cache is exact (every write, every process) and sized by --session-cache-size",
    ),
    ("LdapSettings", "only password logins are served"),
    ("SamlSettings", "only password logins are served"),
];

/// Deprecated settings that stand for a shared one: (the shared one, the deprecated one).
const SUPERSEDED: &[(Setting, Setting)] = &[
    (settings::SESSION_LENGTH_WEB_HOURS, settings::WEB_SESSION_DAYS),
    (settings::SESSION_LENGTH_MOBILE_HOURS, settings::MOBILE_SESSION_DAYS),
];

/// Copies each of Mattermost's environment names into ours where ours is unset. Only before
/// other threads run.
pub fn apply_env_aliases() {
    for (theirs, ours) in settings::mattermost_env_aliases() {
        if let (Some(value), None) = (std::env::var_os(&theirs), std::env::var_os(ours)) {
            std::env::set_var(ours, value);
        }
    }
}

/// Where the file is: `--config PATH` or `--config=PATH` on the command line, else `MM_CONFIG`.
pub fn path(args: &[OsString]) -> Option<PathBuf> {
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--config" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--config=") {
            return Some(PathBuf::from(value));
        }
    }
    std::env::var_os(ENV).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// What the file gave: environment variables to fill, and what to log once logging is up.
#[derive(Debug, Default)]
pub struct Applied {
    pub path: PathBuf,
    /// (environment variable, value, `Section.Key`) for each shared setting the file has.
    pub settings: Vec<(&'static str, String, String)>,
    /// `Section.Key` (or `Section`) of what is ignored.
    pub ignored: Vec<String>,
    /// One line each: a security-relevant setting, and what we do instead.
    pub warnings: Vec<String>,
    /// The variables the file set (those the environment did not have).
    filled: Vec<&'static str>,
}

impl Applied {
    /// Sets each variable the environment does not already have (the environment wins), and
    /// none that a deprecated setting given on the command line or in the environment stands
    /// for (that one was given on purpose; the file's would make them clash). Only before other
    /// threads run: `main` calls it first thing.
    pub fn fill_environment(&mut self, args: &[OsString]) {
        let given = |flag: &str, var: &str| {
            std::env::var_os(var).is_some()
                || args.iter().filter_map(|a| a.to_str()).any(|a| a == flag || a.starts_with(&format!("{flag}=")))
        };
        for (var, value, _) in &self.settings {
            if SUPERSEDED.iter().any(|(new, old)| new.env == *var && given(&format!("--{}", old.flag), old.env)) {
                continue;
            }
            if std::env::var_os(var).is_none() {
                std::env::set_var(var, value);
                self.filled.push(var);
            }
        }
    }

    /// The file's key behind environment variable `var`, if the file's value is the one in
    /// effect (so an invalid value can be reported under the name the administrator wrote).
    pub fn key_for_env(&self, var: &str) -> Option<&str> {
        if !self.filled.contains(&var) {
            return None;
        }
        self.settings.iter().find(|(v, _, _)| *v == var).map(|(_, _, key)| key.as_str())
    }

    /// The info line and the warnings, once logging is set up.
    pub fn log(&self) {
        let path = self.path.display();
        tracing::info!(config = %path, settings = self.settings.len(), "read Mattermost's config.json");
        if !self.ignored.is_empty() {
            tracing::info!(config = %path, ignored = %self.ignored.join(", "), "config.json settings mm-sessions does not have, ignored");
        }
        for warning in &self.warnings {
            tracing::warn!(config = %path, "{warning}");
        }
    }
}

/// Reads a small file that configures the server (config.json, the MFA key file), whole: only a
/// regular file, at most `limit` bytes. A FIFO, a device (`/dev/zero`), a socket or a directory
/// is refused at once: the file is opened without blocking (opening a FIFO would wait for a
/// writer) and what was opened is checked before anything is read; the read stops past `limit`
/// whatever the file claims. Returns the text and the opened file's metadata (its mode).
pub fn read_regular_file(path: &Path, limit: u64, what: &str) -> anyhow::Result<(String, std::fs::Metadata)> {
    use std::io::Read as _;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Non-blocking: a FIFO opens at once instead of waiting for a writer (and is then
        // refused); O_NOCTTY: a terminal device never becomes the controlling one.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).with_context(|| format!("reading {what} {}", path.display()))?;
    let metadata = file.metadata().with_context(|| format!("reading {what} {}", path.display()))?;
    if !metadata.is_file() {
        bail!("{what} {} is not a regular file ({}): refused, not read", path.display(), file_kind(&metadata));
    }
    let bound =
        if limit % (1024 * 1024) == 0 { format!("{} MiB", limit / (1024 * 1024)) } else { format!("{limit} bytes") };
    let too_large = || anyhow::anyhow!("{what} {} is larger than {bound}: refused, not read", path.display());
    if metadata.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).with_context(|| format!("reading {what} {}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{what} {} is not UTF-8 text", path.display()))?;
    Ok((text, metadata))
}

/// What a file that is not a regular one is, for the message.
fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if metadata.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// The file's permission bits when group or others may read it (`None` when only its owner
/// may, and always off Unix).
pub fn readable_by_others(metadata: &std::fs::Metadata) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = metadata.permissions().mode() & 0o7777;
        if mode & 0o044 != 0 {
            return Some(mode);
        }
    }
    #[cfg(not(unix))]
    let _ = metadata;
    None
}

/// The secret settings `root` has set ([`SECRETS`]), by name; never their values.
fn secrets_held(root: &Value) -> Vec<&'static str> {
    /// The strings at `path` under `value`, through arrays.
    fn strings_at<'a>(value: &'a Value, path: &[&str], found: &mut Vec<&'a str>) {
        match (value, path) {
            (Value::Array(items), _) => items.iter().for_each(|item| strings_at(item, path, found)),
            (Value::String(text), []) => found.push(text),
            (Value::Object(fields), [key, rest @ ..]) => {
                if let Some(field) = fields.get(*key) {
                    strings_at(field, rest, found);
                }
            }
            _ => {}
        }
    }
    let mut held = Vec::new();
    for (name, kind) in SECRETS {
        let path: Vec<&str> = name.split('.').collect();
        let mut values = Vec::new();
        strings_at(root, &path, &mut values);
        // Mattermost writes its "FakeSetting" (asterisks) where it has masked a secret.
        let set = values.iter().filter(|v| !v.is_empty() && !v.chars().all(|c| c == '*'));
        let secret = match kind {
            Secret::Text => set.count() > 0,
            Secret::DatabaseUrl => set.into_iter().any(|v| database_url_has_password(v)),
        };
        if secret {
            held.push(*name);
        }
    }
    held
}

/// Whether a database URL carries a password: `scheme://user:password@host/…` (PostgreSQL's and
/// MySQL's `user:password@tcp(host)/…` forms), or a `password=` parameter.
fn database_url_has_password(url: &str) -> bool {
    if url.to_ascii_lowercase().contains("password=") {
        return true;
    }
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme.split('/').next().unwrap_or("");
    match authority.rsplit_once('@') {
        Some((user_info, _)) => user_info.contains(':'),
        None => false,
    }
}

/// Reads the file at `path`.
pub fn read(path: &Path) -> anyhow::Result<Applied> {
    // Mattermost's own are a few tens of KiB: the bound only stops a wrong path (a device, a log).
    let (text, metadata) = read_regular_file(path, MAX_BYTES, "the config file")?;
    let root: Value = serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    let mut applied = Applied { path: path.to_owned(), ..Applied::default() };
    if let Some(mode) = readable_by_others(&metadata) {
        let held = secrets_held(&root);
        if !held.is_empty() {
            applied.warnings.push(format!(
                "config.json {} holds secrets ({}) and is readable by group or others (mode {mode:04o}): chmod 600 {}",
                path.display(),
                held.join(", "),
                path.display()
            ));
        }
    }
    let Value::Object(sections) = root else {
        bail!("{}: expected a JSON object of settings sections", path.display())
    };
    for (section, body) in &sections {
        if section == "SqlSettings" {
            applied.ignored.push(format!("{section} (the store comes from --database only)"));
            continue;
        }
        let shared_section = shared().any(|(_, k)| k.section.eq_ignore_ascii_case(section));
        if let Some((_, instead)) = SECURITY.iter().find(|(name, _)| name == section) {
            applied.warnings.push(format!("config.json {section} is ignored: {instead}"));
            continue;
        }
        let Value::Object(settings) = body else {
            if shared_section {
                bail!("{}: {section} must be an object of settings", path.display());
            }
            applied.ignored.push(section.clone());
            continue;
        };
        if !shared_section {
            applied.ignored.push(section.clone());
            continue;
        }
        for (key, value) in settings {
            let name = format!("{section}.{key}");
            // Go reads JSON keys whatever their case (older files say `UserApiEndpoint`).
            let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
            match shared().find(|(_, k)| same(k.section, section) && same(k.key, key)) {
                Some((setting, k)) => {
                    if let Some(value) = as_setting(value, k.kind).with_context(|| format!("config.json {name}"))? {
                        applied.settings.push((setting.env, value, name.clone()));
                    }
                }
                None if SECURITY.iter().any(|(n, _)| *n == name) => {}
                None => applied.ignored.push(name.clone()),
            }
            if name == "ServiceSettings.MaximumLoginAttempts" {
                applied.warnings.push(
                    "config.json ServiceSettings.MaximumLoginAttempts counts wrong MFA codes only here; wrong passwords \
                     are held by the login budgets (--login-rate-ip, --login-rate-account)"
                        .to_owned(),
                );
            }
            if let Some((_, instead)) = SECURITY.iter().find(|(n, _)| *n == name) {
                applied.warnings.push(format!("config.json {name} is ignored: {instead}"));
            }
        }
    }
    Ok(applied)
}

/// The setting's value as its environment variable takes it; `None` for `null`.
fn as_setting(value: &Value, kind: Kind) -> anyhow::Result<Option<String>> {
    Ok(Some(match (kind, value) {
        (_, Value::Null) => return Ok(None),
        (Kind::Bool, Value::Bool(b)) => b.to_string(),
        (Kind::Count, Value::Number(n)) if n.as_u64().is_some() => n.to_string(),
        (Kind::Text, Value::String(s)) => s.clone(),
        (Kind::TextList, Value::Array(items)) => {
            let mut texts = Vec::new();
            for item in items {
                match item {
                    Value::String(s) if !s.contains(',') => texts.push(s.clone()),
                    _ => bail!("expected an array of strings without commas"),
                }
            }
            texts.join(",")
        }
        (Kind::TextList, _) => bail!("expected an array of strings"),
        (Kind::Bool, other) => bail!("expected true or false, found {other}"),
        (Kind::Count, other) => bail!("expected a whole number, 0 or more, found {other}"),
        (Kind::Text, other) => bail!("expected a string, found {other}"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(json: &str) -> anyhow::Result<Applied> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, json).unwrap();
        read(&path)
    }

    #[test]
    fn shared_settings_become_their_environment_variables() {
        let applied = read_str(
            r#"{"ServiceSettings": {"SiteURL": "https://chat.example.com", "SessionLengthWebInHours": 24,
                "EnableUserAccessTokens": true, "ListenAddress": ":8065", "WebserverMode": "gzip", "ReadTimeout": null},
                "TeamSettings": {"EnableUserDeactivation": true, "SiteName": "x"},
                "SqlSettings": {"DriverName": "postgres", "DataSource": "postgres://mmuser@db/mattermost"},
                "EmailSettings": {"EnableSignUpWithEmail": true}}"#,
        )
        .unwrap();
        let mut settings: Vec<(&str, &str)> =
            applied.settings.iter().map(|(v, value, _)| (*v, value.as_str())).collect();
        settings.sort();
        assert_eq!(
            settings,
            [
                ("MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS", "true"),
                ("MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", "24"),
                ("MM_SERVICESETTINGS_SITEURL", "https://chat.example.com"),
                ("MM_SESSIONS_LISTEN", ":8065"),
                ("MM_TEAMSETTINGS_ENABLEUSERDEACTIVATION", "true"),
            ]
        );
        let ignored = applied.ignored.join(", ");
        assert!(
            ignored.contains("ServiceSettings.WebserverMode") && ignored.contains("TeamSettings.SiteName"),
            "{ignored}"
        );
        assert!(ignored.contains("EmailSettings") && ignored.contains("SqlSettings (the store"), "{ignored}");
        assert!(!ignored.contains("DataSource"), "what SqlSettings holds is not repeated: {ignored}");
    }

    #[test]
    fn a_wrong_type_names_the_key() {
        for (json, key) in [
            (r#"{"ServiceSettings": {"SessionLengthWebInHours": "24"}}"#, "ServiceSettings.SessionLengthWebInHours"),
            (r#"{"ServiceSettings": {"ReadTimeout": -1}}"#, "ServiceSettings.ReadTimeout"),
            (r#"{"ServiceSettings": {"EnableUserAccessTokens": "yes"}}"#, "ServiceSettings.EnableUserAccessTokens"),
            (r#"{"TeamSettings": {"EnableUserDeactivation": 1}}"#, "TeamSettings.EnableUserDeactivation"),
            (r#"{"ServiceSettings": {"SiteURL": 5}}"#, "ServiceSettings.SiteURL"),
        ] {
            let error = format!("{:#}", read_str(json).unwrap_err());
            assert!(error.contains(key), "{json}: {error}");
        }
        assert!(read_str("[]").is_err());
        assert!(read_str("{").is_err());
    }

    #[test]
    fn security_settings_are_warned_about() {
        let applied = read_str(
            r#"{"PasswordSettings": {"MinimumLength": 8}, "ServiceSettings": {"MaximumLoginAttempts": 10,
                "ExperimentalStrictCSRFEnforcement": false, "TrustedProxyIPHeader": []}}"#,
        )
        .unwrap();
        let warnings = applied.warnings.join("\n");
        for name in
            ["PasswordSettings", "MaximumLoginAttempts", "ExperimentalStrictCSRFEnforcement", "TrustedProxyIPHeader"]
        {
            assert!(warnings.contains(name), "{name}: {warnings}");
        }
        assert_eq!(applied.settings.len(), 1, "MaximumLoginAttempts is still applied");
    }

    #[test]
    fn secrets_are_found_by_name_never_by_value() {
        let root: Value = serde_json::from_str(
            r#"{"SqlSettings": {"DataSource": "postgres://mmuser:mostest@db/mattermost?sslmode=disable",
                "DataSourceReplicas": ["postgres://reader@replica/mattermost"], "AtRestEncryptKey": ""},
                "EmailSettings": {"SMTPPassword": "********************************"},
                "MessageExportSettings": {"GlobalRelaySettings": {"SMTPPassword": "relay"}}}"#,
        )
        .unwrap();
        assert_eq!(
            secrets_held(&root),
            ["SqlSettings.DataSource", "MessageExportSettings.GlobalRelaySettings.SMTPPassword"]
        );
        for (url, password) in [
            ("postgres://mmuser:mostest@localhost/mattermost_test?sslmode=disable", true),
            ("mmuser:mostest@tcp(localhost:3306)/mattermost_test?charset=utf8mb4", true),
            ("host=db user=mm password=x dbname=mattermost", true),
            ("postgres://mmuser@db/mattermost?sslmode=disable&connect_timeout=10", false),
            ("postgres://db/mattermost?options=a:b@c", false),
        ] {
            assert_eq!(database_url_has_password(url), password, "{url}");
        }
    }

    #[test]
    fn the_path_comes_from_the_flag_then_the_environment() {
        let args = |line: &str| line.split(' ').map(OsString::from).collect::<Vec<_>>();
        assert_eq!(path(&args("mm --config /etc/mm/config.json serve")), Some(PathBuf::from("/etc/mm/config.json")));
        assert_eq!(path(&args("mm serve --config=/x.json")), Some(PathBuf::from("/x.json")));
    }
}
