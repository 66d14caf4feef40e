//! `spawn_app()`: a server on a random port over a chosen backend; users and sessions seeded
//! straight through the service (`user`, `issue_session`) or logged in through the API
//! (`login`); requests built as `app.get(path).token(t)` and awaited for a [`Reply`], which is
//! checked against the invariants every response must keep.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::num::NonZeroU32;

use mm_sessions::app::Application;
use mm_sessions::config::{Database, ServeConfig};
use mm_sessions::domain::{now_millis, Id, NewUser, Session, User};
use mm_sessions::service::{Actor, NewToken, PasswordChange, SessionService};
use serde_json::Value;
use tempfile::TempDir;

/// The backends the HTTP tests run against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Memory,
    Sqlite,
    /// Needs `MM_SESSIONS_TEST_POSTGRES` (see `pg.rs`).
    Postgres,
}

/// Makes each `async fn NAME(backend: Backend)` one test per backend, `NAME::memory`,
/// `NAME::sqlite` and `NAME::postgres`, so that a failure names its backend and a skipped
/// PostgreSQL run is counted as skipped (see `pg.rs`). With `via RUNNER;`, each test is
/// `RUNNER(backend, NAME)` instead (the store suite hands its functions a fresh store).
macro_rules! on_every_backend {
    (via $runner:ident; $($test:ident),* $(,)?) => {$(
        mod $test {
            use crate::helpers::Backend;
            #[tokio::test]
            async fn memory() { super::$runner(Backend::Memory, super::$test).await }
            #[tokio::test]
            async fn sqlite() { super::$runner(Backend::Sqlite, super::$test).await }
            #[tokio::test]
            async fn postgres() { super::$runner(Backend::Postgres, super::$test).await }
        }
    )*};
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            use crate::helpers::Backend;
            #[tokio::test]
            async fn memory() { super::$test(Backend::Memory).await }
            #[tokio::test]
            async fn sqlite() { super::$test(Backend::Sqlite).await }
            #[tokio::test]
            async fn postgres() { super::$test(Backend::Postgres).await }
        }
    )*};
}

/// A web session's lifetime in the tests' own logins.
pub const THIRTY_DAYS_MS: i64 = 30 * 24 * 3600 * 1000;

/// A running server.
pub struct TestApp {
    pub base: String,
    /// `http://ADDR` of the metrics-only listener, when configured.
    pub metrics_base: Option<String>,
    pub service: SessionService,
    pub client: reqwest::Client,
    _dir: TempDir,
    _schema: Option<crate::pg::PgSchema>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A server on `backend` with the default configuration.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// A server on `backend` whose configuration `configure` adjusts.
pub async fn spawn_app_with(backend: Backend, configure: impl FnOnce(&mut ServeConfig)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("sessions.db");
    let schema = match backend {
        Backend::Postgres => Some(crate::pg::schema().await),
        _ => None,
    };
    let database = match (backend, &schema) {
        (Backend::Memory, _) => Database::Memory,
        (Backend::Sqlite, _) => Database::Sqlite(db_path.clone()),
        (Backend::Postgres, schema) => Database::Postgres(schema.as_ref().map(|s| s.url.clone()).unwrap_or_default()),
    };
    let mut config = ServeConfig::new(SocketAddr::from(([127, 0, 0, 1], 0)), database);
    // Tests log in far faster than people; the rate-limit tests set their own budgets.
    config.policy.login_rate_ip = NonZeroU32::MAX;
    config.policy.login_rate_account = NonZeroU32::MAX;
    configure(&mut config);
    let app = Application::build(config).await.expect("server builds");
    let addr = app.local_addr();
    let metrics_base = app.metrics_addr().map(|a| format!("http://{a}"));
    let service = app.service();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        base: format!("http://{addr}/api/v4"),
        metrics_base,
        service,
        // Redirects are answers to check, not to follow.
        client: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client builds"),
        _dir: dir,
        _schema: schema,
        stop: Some(stop),
    }
}

impl TestApp {
    /// `HOST:PORT` of the API listener, for raw TCP clients.
    pub fn addr(&self) -> String {
        self.base.trim_start_matches("http://").trim_end_matches("/api/v4").to_string()
    }

    /// A user with these roles (`system_user` when empty), made through the service.
    pub async fn user(&self, username: &str, roles: &[&str]) -> User {
        let roles = roles.iter().map(|r| r.to_string()).collect();
        self.service
            .create_user(NewUser { username: username.into(), email: format!("{username}@example.com"), roles })
            .await
            .expect("user created")
    }

    /// A user who can log in with `password` (set as `user set-password` sets it).
    pub async fn user_with_password(&self, username: &str, roles: &[&str], password: &str) -> User {
        let user = self.user(username, roles).await;
        let change = PasswordChange { current_password: String::new(), new_password: password.to_owned() };
        let cli = Actor::AdminCli { command: "user set-password" };
        self.service.update_password(cli, &user.id, change).await.expect("password set");
        self.service.find_user(username).await.expect("user found")
    }

    /// A fresh web session for `user`, issued through the service (no login): (token, session).
    pub async fn issue_session(&self, user: &User) -> (String, Session) {
        let (token, session) =
            self.service.issue_session(user, THIRTY_DAYS_MS, String::new(), BTreeMap::new()).await.expect("session");
        (token.expose().to_string(), session)
    }

    /// A personal access token for `user`, made as `token create` makes one (the server must
    /// have them enabled): its secret.
    pub async fn access_token(&self, user: &User, expires_at: i64) -> String {
        let cli = Actor::AdminCli { command: "token create" };
        let new = NewToken { description: "a test's token".into(), expires_at };
        let (secret, _) = self.service.create_token(cli, &user.id, new).await.expect("token created");
        secret.expose().to_owned()
    }

    /// Sets a user's roles as `user set-roles` does.
    pub async fn set_roles(&self, user: &User, roles: &str) {
        let cli = Actor::AdminCli { command: "user set-roles" };
        self.service.update_roles(cli, &user.id, roles).await.expect("roles set");
    }

    /// A token whose session expired a second ago (still stored: not yet purged).
    pub async fn expired_token(&self, user: &User) -> String {
        // Issued ten seconds ago for a lifetime of zero days, then aged past its expiry.
        let now = now_millis();
        let (token, mut session) = Session::issue(user, now - 10_000, 0, String::new(), BTreeMap::new());
        session.expires_at = now - 1_000;
        self.service.stores().sessions.create_session(&session, 500, &cause()).await.expect("expired session stored");
        token.expose().to_string()
    }

    /// What `/metrics` says now (served on the API's own address).
    pub async fn metrics(&self) -> String {
        self.client.get(self.base.replace("/api/v4", "/metrics")).send().await.unwrap().text().await.unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A request to the API at `path` (under `/api/v4`); add credentials and a body, then await
    /// it for the [`Reply`].
    pub fn request(&self, method: reqwest::Method, path: &str) -> Call<'_> {
        Call { app: self, request: self.client.request(method, self.url(path)) }
    }

    pub fn get(&self, path: &str) -> Call<'_> {
        self.request(reqwest::Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Call<'_> {
        self.request(reqwest::Method::POST, path)
    }

    pub fn put(&self, path: &str) -> Call<'_> {
        self.request(reqwest::Method::PUT, path)
    }

    /// `POST /users/login` with a login id and a password, as the API sees it.
    pub async fn login(&self, login_id: &str, password: &str) -> Reply {
        self.login_with(serde_json::json!({"login_id": login_id, "password": password})).await
    }

    /// `POST /users/login` with this body.
    pub async fn login_with(&self, body: Value) -> Reply {
        self.post("/users/login").json(body).await
    }

    /// A successful login's token.
    pub async fn login_token(&self, login_id: &str, password: &str) -> String {
        self.login(login_id, password).await.token()
    }

    /// A browser's login (`X-Requested-With: XMLHttpRequest`): the reply sets the cookies.
    pub async fn browser_login(&self, login_id: &str, password: &str) -> Reply {
        let body = serde_json::json!({"login_id": login_id, "password": password});
        self.post("/users/login").header("X-Requested-With", "XMLHttpRequest").json(body).await
    }

    /// Sends a prepared request; the reply is checked against the spec.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let request = request.build().expect("request builds");
        let method = request.method().to_string();
        let response = self.client.execute(request).await.expect("request sent");
        Reply::from(&method, response).await
    }

    /// Whether `token` may `GET path` (200), or is refused (401 or 403).
    pub async fn token_works_for(&self, token: &str, path: &str) -> bool {
        let reply = self.get(path).token(token).await;
        match reply.status {
            200 => true,
            401 | 403 => false,
            other => panic!("unexpected status {other}: {}", reply.text),
        }
    }

    /// Whether `token` still authenticates.
    pub async fn token_works(&self, token: &str) -> bool {
        let reply = self.get("/users/me/sessions").token(token).await;
        match reply.status {
            200 => true,
            401 => false,
            other => panic!("unexpected status {other}: {}", reply.text),
        }
    }
}

/// A request being built: `app.get(path).token(t)`, `app.post(path).json(body)`; awaiting it
/// sends it and reads the [`Reply`].
pub struct Call<'a> {
    app: &'a TestApp,
    request: reqwest::RequestBuilder,
}

impl Call<'_> {
    /// `Authorization: Bearer <token>`.
    pub fn token(self, token: &str) -> Self {
        Call { request: self.request.bearer_auth(token), ..self }
    }

    /// The token, if there is one (an anonymous request otherwise).
    pub fn maybe_token(self, token: Option<&str>) -> Self {
        match token {
            Some(token) => self.token(token),
            None => self,
        }
    }

    /// A `Cookie` header.
    pub fn cookie(self, cookie: &str) -> Self {
        self.header("Cookie", cookie)
    }

    /// Any header.
    pub fn header(self, name: &str, value: &str) -> Self {
        Call { request: self.request.header(name, value), ..self }
    }

    /// A JSON body.
    pub fn json(self, body: Value) -> Self {
        Call { request: self.request.json(&body), ..self }
    }

    /// A body sent as it is, labelled JSON (whether it is JSON or not).
    pub fn raw(self, body: &str) -> Self {
        Call { request: self.request.header("content-type", "application/json").body(body.to_owned()), ..self }
    }
}

impl<'a> std::future::IntoFuture for Call<'a> {
    type Output = Reply;
    type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Reply> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.app.send(self.request))
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Reply {
    async fn from(method: &str, response: reqwest::Response) -> Self {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let path = response.url().path().to_owned();
        let text = response.text().await.expect("body read");
        let reply = Reply { status, headers, text };
        if let Err(problem) = crate::contract::SPEC.check(method, &path, status, &reply.headers, &reply.text) {
            panic!("{method} {path} broke the contract of api/: {problem}");
        }
        let id = reply.request_id();
        assert!(Id::parse(id).is_some(), "X-Request-Id {id:?} is not an id");
        reply
    }

    pub fn request_id(&self) -> &str {
        self.headers.get("x-request-id").and_then(|v| v.to_str().ok()).expect("X-Request-Id header")
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.text))
    }

    /// The `Token` header of a successful login.
    pub fn token(&self) -> String {
        assert_eq!(self.status, 200, "a login that failed: {}", self.text);
        self.headers.get("token").and_then(|v| v.to_str().ok()).expect("Token header").to_owned()
    }

    /// Asserts a 200 `{"status":"OK"}`.
    pub fn assert_ok_status(&self) {
        assert_eq!(self.status, 200, "{}", self.text);
        assert_eq!(self.json(), serde_json::json!({"status": "OK"}));
    }

    /// Asserts a complete AppError with this status and id, tied to the request id.
    pub fn assert_app_error(&self, status: u16, id: &str) {
        assert_eq!(self.status, status, "status; body: {}", self.text);
        let body = self.json();
        let object = body.as_object().unwrap_or_else(|| panic!("AppError must be an object: {}", self.text));
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        for key in ["id", "message", "detailed_error", "request_id", "status_code", "is_oauth"] {
            assert!(keys.contains(&key), "AppError lacks {key}: {}", self.text);
        }
        assert_eq!(body["id"], id, "{}", self.text);
        assert_eq!(body["status_code"], status, "{}", self.text);
        assert_eq!(body["request_id"], self.request_id(), "request_id must equal X-Request-Id");
        assert_eq!(body["detailed_error"], "", "internal details never reach clients");
        assert!(!body["message"].as_str().unwrap_or_default().is_empty());
    }
}

pub const SESSION_EXPIRED: &str = "api.context.session_expired.app_error";
pub const PERMISSIONS: &str = "api.context.permissions.app_error";
pub const INVALID_URL_PARAM: &str = "api.context.invalid_url_param.app_error";
pub const INVALID_BODY_PARAM: &str = "api.context.invalid_body_param.app_error";
pub const SESSION_GET: &str = "app.session.get.app_error";

/// A cause for the store writes tests make directly: the system, now.
pub fn cause() -> mm_sessions::domain::Cause {
    mm_sessions::domain::Cause::system("test", mm_sessions::domain::now_millis())
}
