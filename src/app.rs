//! The application builder: open the store, bind, serve until told to stop, drain.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::config::ServeConfig;
use crate::http::HttpService;
use crate::permissions::RolePermissions;
use crate::service::SessionService;

/// The most a request's head (request line and headers) may take; hyper answers a larger one
/// with 431 by itself, before any of our code runs.
const MAX_HEADER_BYTES: usize = 16 * 1024;

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    http: HttpService,
    service: SessionService,
    config: ServeConfig,
}

impl Application {
    /// Opens the store and binds the listener (port 0 picks a free port: see [`Self::local_addr`]).
    pub async fn build(config: ServeConfig) -> anyhow::Result<Self> {
        let store = crate::store::open(&config.database).await?;
        let service = SessionService::new(store, RolePermissions::with_grants(&config.grants), config.policy.clone());
        // Pay for the dummy password hash now, not on the first failed login.
        tokio::task::spawn_blocking(crate::password::warm_up);
        let listener = TcpListener::bind(config.listen).await.with_context(|| format!("binding {}", config.listen))?;
        let metrics_listener = match config.metrics_listen {
            Some(addr) => Some(TcpListener::bind(addr).await.with_context(|| format!("binding {addr} for metrics"))?),
            None => None,
        };
        let http = HttpService::new(service.clone(), config.max_body, metrics_listener.is_none());
        Ok(Application { listener, metrics_listener, http, service, config })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.config.listen)
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
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(self.config.header_read_timeout)
            .max_buf_size(MAX_HEADER_BYTES);
        let slots = Arc::new(Semaphore::new(self.config.max_connections));
        let graceful = GracefulShutdown::new();
        let purge = tokio::spawn(purge_expired_sessions(self.service.clone(), self.config.purge_interval));
        let metrics = self.metrics_listener.map(|listener| tokio::spawn(serve_metrics(listener, self.service.clone())));
        tokio::pin!(shutdown);
        loop {
            // At the connection limit, stop accepting: new clients wait in the kernel's backlog.
            let slot = tokio::select! {
                slot = slots.clone().acquire_owned() => match slot {
                    Ok(slot) => slot,
                    Err(_) => break,
                },
                () = &mut shutdown => break,
            };
            tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, peer)) => {
                        let connection = builder.serve_connection(TokioIo::new(stream), self.http.for_peer(peer));
                        let connection = graceful.watch(connection);
                        tokio::spawn(async move {
                            if let Err(e) = connection.await {
                                tracing::debug!(error = %e, "connection ended with an error");
                            }
                            drop(slot);
                        });
                    }
                    Err(e) => {
                        // Out of file descriptors and the like: back off instead of spinning.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
                () = &mut shutdown => break,
            }
        }
        drop(self.listener);
        purge.abort();
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

/// The metrics-only listener: `GET /metrics`, and 404 for anything else.
async fn serve_metrics(listener: TcpListener, service: SessionService) {
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "metrics listening");
    }
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let service = service.clone();
        let handler = hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            let service = service.clone();
            async move {
                if request.uri().path() == crate::http::middleware::METRICS_PATH {
                    Ok::<_, std::convert::Infallible>(crate::http::middleware::metrics_response(&service).await)
                } else {
                    let error = crate::error::AppError::NotFound;
                    Ok(crate::http::middleware::app_error_response(
                        &error,
                        &crate::domain::Id::generate().into_string(),
                    ))
                }
            }
        });
        tokio::spawn(async move {
            let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), handler).await;
        });
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
