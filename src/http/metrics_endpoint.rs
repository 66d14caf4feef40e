//! `GET /metrics` (Prometheus/OpenMetrics text), outside the API's base path: served by the API
//! listener, or — with `--metrics-listen` — by a listener of its own running [`MetricsService`],
//! which answers nothing else.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Instant;

use futures_util::future::BoxFuture;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, Request};

use super::listener::{ConnectionService, Peer};
use super::response::{self, HttpResponse};
use crate::domain::Id;
use crate::error::AppError;
use crate::metrics::Metrics;
use crate::service::SessionService;

/// The path metrics are served at, outside the API's base path.
pub const METRICS_PATH: &str = "/metrics";

/// The metrics as Prometheus (OpenMetrics) text.
pub async fn answer(service: &SessionService) -> HttpResponse {
    let mut response = response::with_body(service.render_metrics().await);
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"));
    response
}

/// The metrics listener's service: `GET /metrics`, and a 404 AppError for anything else.
#[derive(Clone)]
pub struct MetricsService {
    service: SessionService,
    peer: Option<Peer>,
}

impl MetricsService {
    /// The metrics of `service`.
    pub fn new(service: SessionService) -> Self {
        MetricsService { service, peer: None }
    }
}

impl ConnectionService for MetricsService {
    fn for_connection(&self, peer: Peer) -> Self {
        MetricsService { service: self.service.clone(), peer: Some(peer) }
    }

    fn metrics(&self) -> Arc<Metrics> {
        self.service.metrics().clone()
    }
}

impl hyper::service::Service<Request<Incoming>> for MetricsService {
    type Response = HttpResponse;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<HttpResponse, Infallible>>;

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move {
            if let Some(peer) = &this.peer {
                peer.answering();
            }
            let (started, request_id) = (Instant::now(), Id::generate().into_string());
            let (method, uri) = (request.method().clone(), request.uri().clone());
            let (operation, mut response) = if uri.path() == METRICS_PATH && method == Method::GET {
                (&super::operations::METRICS, answer(&this.service).await)
            } else {
                (&super::operations::UNKNOWN, response::render_error(&AppError::NotFound, &request_id))
            };
            response::finish_headers(&mut response, &request_id, String::new);
            let metrics = this.service.metrics();
            response::log_and_count(metrics, &request_id, &method, &uri, operation.id, &response, started);
            if let Some(peer) = &this.peer {
                peer.waiting();
            }
            Ok(response)
        })
    }
}
