//! The application builder, where everything is wired: open the store (creating it only where
//! that is asked for), wrap it for metrics, build the service with its login budgets, bind,
//! serve until told to stop, drain. The admin CLI opens stores and services through the same
//! functions.

use std::future::Future;
use std::io::ErrorKind;
use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use crate::config::{CacheLimits, Database, ListenAddr, ServeConfig, SessionPolicy};
use crate::http::{listener, HttpService, MetricsService};
use crate::login_budget::{BudgetSizes, LoginBudgets};
use crate::metrics::Metrics;
use crate::permissions::{Grant, RolePermissions};
use crate::service::SessionService;
use crate::store::{memory::MemoryStore, postgres::PostgresStore, sqlite::SqliteStore, Stores};

/// Whether opening a SQLite database may create it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// The server and `user create`: a missing database file is created (and said so).
    Create,
    /// Commands that work on existing data: a missing database is an error, and nothing is
    /// created.
    Existing,
}

/// Opens the store a configuration names. On SQLite, a missing folder is created only for the
/// default `./data/`; any other missing folder, or a path through a file, is an error naming it.
/// SQLite hands over its change source (a cache may go in front of it); the others do not.
pub async fn open_store(database: &Database, mode: OpenMode) -> anyhow::Result<Stores> {
    Ok(match database {
        Database::Sqlite(path) => {
            prepare_sqlite_path(path, database.is_default(), mode)?;
            let sqlite = Arc::new(SqliteStore::open(path)?);
            Stores::of(sqlite.clone()).watching(sqlite)
        }
        Database::Memory => Stores::of(Arc::new(MemoryStore::new())),
        Database::Postgres(url) => Stores::of(Arc::new(PostgresStore::connect(url).await?)),
    })
}

/// Checks a SQLite path before opening it, so that a typo never leaves an empty database behind.
fn prepare_sqlite_path(path: &Path, is_default: bool, mode: OpenMode) -> anyhow::Result<()> {
    let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(_) => anyhow::bail!("{} is not a database file", shown.display()),
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) if e.kind() == ErrorKind::NotADirectory => {
            anyhow::bail!("{}: a folder on that path is a file (not a directory)", shown.display())
        }
        Err(e) => return Err(e).with_context(|| format!("cannot use {}", shown.display())),
    }
    if mode == OpenMode::Existing {
        anyhow::bail!("no database at {} (check --database; the server and `user create` create one)", shown.display());
    }
    let dir = shown.parent().unwrap_or(Path::new("/"));
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => anyhow::bail!("{} is not a directory", dir.display()),
        Err(e) if e.kind() == ErrorKind::NotFound && is_default => {
            // Only its owner may read it: the database holds password hashes and emails.
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .with_context(|| format!("creating {}", dir.display()))?;
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            anyhow::bail!("the folder {} does not exist (create it, or check --database)", dir.display())
        }
        Err(e) if e.kind() == ErrorKind::NotADirectory => {
            anyhow::bail!("{}: a folder on that path is a file (not a directory)", dir.display())
        }
        Err(e) => return Err(e).with_context(|| format!("cannot use {}", dir.display())),
    }
    eprintln!("mm-sessions: creating a new database at {}", shown.display());
    // Created here, readable by its owner only; SQLite gives its WAL and shared-memory files
    // the database file's permissions.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", shown.display()))?;
    Ok(())
}

/// The session service over `stores`: the session cache in front (within `cache`, where the
/// store can have one), failures counted in fresh metrics, the roles' grants and the login
/// budgets of `policy`.
pub fn build_service(
    stores: Stores,
    cache: Option<CacheLimits>,
    grants: &[Grant],
    policy: &SessionPolicy,
    mfa_key: Option<crate::mfa::SecretKey>,
    clock: crate::domain::Clock,
) -> SessionService {
    let metrics = Arc::new(Metrics::default());
    let stores = match cache {
        Some(limits) => stores.cached(limits, metrics.clone()),
        None => stores,
    };
    let stores = stores.metered(metrics.clone());
    let login_budgets = LoginBudgets::new(
        BudgetSizes {
            per_address_per_minute: policy.login_rate_ip,
            per_account_per_minute: policy.login_rate_account,
            in_session_codes_per_day: policy.mfa.maximum_login_attempts,
        },
        clock.clone(),
    );
    let roles = RolePermissions::with_grants(grants);
    SessionService::new(stores, roles, policy.clone(), mfa_key, metrics, login_budgets, clock)
}

/// Descriptors kept for everything but client connections: the store's files and connections,
/// the metrics listener's few, the log, and slack.
const RESERVED_DESCRIPTORS: u64 = 32;

/// Raises the soft limit on open files to the hard one (as Go's runtime does for Mattermost)
/// and lowers the connection cap to what the limit leaves for clients: a cap the process
/// cannot reach would let stalled clients exhaust the descriptors before the cap makes room.
fn fit_connections_to_descriptors(cap: &mut std::num::NonZeroUsize) {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit only read and write the struct they are given.
    let files = unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
        limit.rlim_cur
    };
    let room = usize::try_from(files.saturating_sub(RESERVED_DESCRIPTORS)).unwrap_or(usize::MAX).max(1);
    if cap.get() > room {
        tracing::warn!(
            configured = cap.get(),
            open_files_limit = files,
            cap = room,
            "the connection cap is lowered to what the open-files limit allows (raise it with ulimit -n)"
        );
        *cap = std::num::NonZeroUsize::new(room).unwrap_or(std::num::NonZeroUsize::MIN);
    }
}

/// Binds `addr`, resolving a host name (the first of its addresses that binds).
/// An empty host (`:PORT`, Mattermost's form) is every interface: IPv6 and IPv4 where the
/// machine has IPv6, IPv4 alone where it has not.
async fn bind(addr: &ListenAddr, what: &str) -> anyhow::Result<TcpListener> {
    if addr.host().is_empty() {
        if let Ok(listener) = bind_dual_stack(addr.port()) {
            return Ok(listener);
        }
        return TcpListener::bind(("0.0.0.0", addr.port())).await.with_context(|| format!("binding {addr} for {what}"));
    }
    TcpListener::bind((addr.host(), addr.port())).await.with_context(|| format!("binding {addr} for {what}"))
}

/// `[::]:port` taking IPv4 clients too: IPV6_V6ONLY off, as Go's listener (Mattermost's) sets it,
/// whatever the machine's `net.ipv6.bindv6only` says (with it on, a plain bind of `::` would
/// leave IPv4 clients unanswered). Otherwise as tokio binds: `SO_REUSEADDR`, a backlog of 1024.
fn bind_dual_stack(port: u16) -> std::io::Result<TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(Domain::IPV6, Type::STREAM, Some(Protocol::TCP))?;
    socket.set_only_v6(false)?;
    socket.set_reuse_address(true)?;
    socket.set_nonblocking(true)?;
    socket.bind(&SocketAddr::from((std::net::Ipv6Addr::UNSPECIFIED, port)).into())?;
    socket.listen(1024)?;
    TcpListener::from_std(socket.into())
}

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    http: HttpService,
    service: SessionService,
    config: ServeConfig,
}

impl Application {
    /// Opens the store (creating a missing SQLite file) and binds the listener (port 0 picks a
    /// free port: see [`Self::local_addr`]).
    pub async fn build(mut config: ServeConfig) -> anyhow::Result<Self> {
        fit_connections_to_descriptors(&mut config.connections.max_connections);
        // Derived here, where every server is built: whether the login masks its refusals.
        config.policy.sso.any_enabled = !config.sso.providers.is_empty();
        let stores = open_store(&config.database, OpenMode::Create).await?;
        // Only a store that can tell writes made by anyone else can have a cache in front.
        let cache = config.session_cache.filter(|_| stores.can_cache());
        tracing::info!(
            sessions = cache.map(|c| c.entries.get()),
            bytes = cache.map(|c| c.bytes.get()),
            "session cache {}",
            if cache.is_some() { "on" } else { "off" }
        );
        crate::webhooks::endpoint::sync(
            &*stores.webhooks,
            &config.webhooks.configured,
            config.mfa_key.as_ref(),
            config.clock.now_millis(),
        )
        .await?;
        let service =
            build_service(stores, cache, &config.grants, &config.policy, config.mfa_key.clone(), config.clock.clone());
        // Pay for the dummy password hash now, not on the first failed login.
        tokio::task::spawn_blocking(crate::password_hash::warm_up);
        let listener = bind(&config.listen, "the API").await?;
        let metrics_listener = match &config.metrics_listen {
            Some(addr) => Some(bind(addr, "metrics").await?),
            None => None,
        };
        let sso = if config.sso.providers.is_empty() {
            None
        } else {
            let names: Vec<&str> = config.sso.providers.iter().map(|p| p.service.as_str()).collect();
            tracing::info!(services = %names.join(", "), "single sign-on on");
            Some(crate::sso::SingleSignOn::new(config.sso.clone(), &config.policy.site_url)?)
        };
        let http = HttpService::new(
            service.clone(),
            config.requests.clone(),
            config.proxies.clone(),
            config.client_requirements.clone(),
            metrics_listener.is_none(),
            sso,
        );
        Ok(Application { listener, metrics_listener, http, service, config })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(SocketAddr::from(([0, 0, 0, 0], self.config.listen.port())))
    }

    /// The address of the metrics-only listener, if one was configured.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// The session service the server runs on (the same store), for seeding and inspection.
    pub fn service(&self) -> SessionService {
        self.service.clone()
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight requests finish
    /// (up to the configured grace period) and returns, closing the store.
    pub async fn run_until(self, shutdown: impl Future<Output = ()>) -> anyhow::Result<()> {
        let addr = self.local_addr();
        tracing::info!(%addr, database = %self.config.database, "mm-sessions listening");
        let graceful = GracefulShutdown::new();
        let purge = tokio::spawn(purge_expired_sessions(self.service.clone(), self.config.purge_interval));
        let webhooks = tokio::spawn(
            crate::webhooks::worker::Worker {
                store: self.service.stores().webhooks.clone(),
                settings: self.config.webhooks.clone(),
                key: self.config.mfa_key.clone(),
                clock: self.config.clock.clone(),
                metrics: self.service.metrics().clone(),
                recorded: self.service.events_recorded(),
            }
            .run(),
        );
        let metrics = self.metrics_listener.map(|listener| {
            if let Ok(addr) = listener.local_addr() {
                tracing::info!(%addr, "metrics listening");
            }
            let (http, limits) = (MetricsService::new(self.service.clone()), self.config.connections.for_metrics());
            // Its connections are not drained on shutdown: a scrape can be retried.
            tokio::spawn(async move {
                listener::serve(listener, http, limits, &GracefulShutdown::new(), std::future::pending()).await
            })
        });
        listener::serve(self.listener, self.http.clone(), self.config.connections.clone(), &graceful, shutdown).await;
        purge.abort();
        // Deliveries in flight stay leased, and go again after their lease (at least once).
        webhooks.abort();
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        tracing::info!("shutting down: refusing new connections, draining in-flight requests");
        tokio::select! {
            () = graceful.shutdown() => tracing::info!("drained; bye"),
            () = tokio::time::sleep(self.config.shutdown_grace) => {
                tracing::warn!(grace = ?self.config.shutdown_grace, "connections still open after the grace period; closing");
            }
        }
        Ok(())
    }
}

/// Sessions deleted per purge transaction: small enough that logins and revocations never wait
/// long behind one.
pub const PURGE_BATCH: usize = 1000;

/// Deletes expired sessions every `interval`, in bounded batches.
async fn purge_expired_sessions(service: SessionService, interval: Duration) {
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        service.forget_idle_limits();
        match service.purge_expired(PURGE_BATCH).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "expired sessions purged"),
            Err(e) => tracing::warn!(error = %e, "purging expired sessions failed; will retry"),
        }
        match service.purge_old_audits(PURGE_BATCH).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "audit records past their retention purged"),
            Err(e) => tracing::warn!(error = %e, "purging old audit records failed; will retry"),
        }
    }
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; only SIGINT stops the server");
                let _ = interrupt.await;
                return;
            }
        };
        tokio::select! {
            _ = interrupt => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mattermost's `:PORT` answers on IPv4 and IPv6 alike, from one socket that says so itself
    /// (not only where the machine's default does); IPv4 alone on a machine without IPv6.
    #[tokio::test]
    async fn every_interface_takes_ipv4_and_ipv6_clients() {
        let listener = bind(&":0".parse().unwrap(), "a test").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let clients: &[&str] = if listener.local_addr().unwrap().is_ipv6() {
            assert!(!socket2::SockRef::from(&listener).only_v6().unwrap(), "IPV6_V6ONLY is off");
            &["127.0.0.1", "::1"]
        } else {
            &["127.0.0.1"]
        };
        for &client in clients {
            let connect = tokio::net::TcpStream::connect((client, port));
            let (connected, accepted) = tokio::join!(connect, listener.accept());
            assert!(connected.is_ok() && accepted.is_ok(), "{client}: {connected:?}");
        }
    }
}
