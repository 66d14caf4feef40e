//! `open-loop ADDR DATA RATE SECONDS CONNECTIONS`: latency as users feel it (#40). Sends
//! `GET /api/v4/users/me` at a fixed offered rate, whatever the server answers, and prints one
//! JSON line: the latency percentiles, each measured from when the request was **due**, not from
//! when it could be sent (coordinated omission corrected: a request held up behind a slow one
//! counts the wait, as its user would); and where the tail came from: the three worst 100 ms
//! intervals by when their requests were due, and the share of the slowest hundredth due in them
//! (`mm_sessions_bench::timeline`), with the run's start in Unix milliseconds to set them against
//! what else the machine did then.
//!
//! Request `i` is due at `start + i / RATE` and goes on connection `i mod CONNECTIONS` (a
//! keep-alive connection sends its requests one after another, as a browser's does). One
//! dispatcher hands each request to its connection when it is due; it spins (yielding to the
//! connections, which lets the runtime poll its sockets) rather than sleeping, because tokio's
//! timers tick in milliseconds and the figures are fractions of one. It reports how late it
//! dispatched (`dispatch_late_p99_us`, the most `dispatch_late_max_us`, and in each worst
//! interval): where that is not small against the percentiles, the load generator, not the
//! server, set them (it does not show a late wake-up of the client on the reply side, which
//! counts against the server). A connection that fails ends, and the requests still due on it
//! count as errors. The tokens are each sampled user's first (`DATA` is bench-seed's folder),
//! in turn. Runs on one thread: `scripts/bench.py` pins it to the load's core.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

use mm_sessions_bench::timeline;

/// What one connection measured: for each answered request, when it was due (from the run's
/// start) and its latency from then, in microseconds; and errors.
#[derive(Default)]
struct Measured {
    samples: Vec<(u64, u64)>,
    errors: u64,
}

/// The timeline's interval: short against a run, long against a request.
const INTERVAL_US: u64 = 100_000;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    anyhow::ensure!(args.len() == 6, "usage: open-loop ADDR DATA RATE SECONDS CONNECTIONS");
    let addr: SocketAddr = args[1].parse().context("ADDR")?;
    let rate: f64 = args[3].parse().context("RATE")?;
    let seconds: f64 = args[4].parse().context("SECONDS")?;
    let connections: usize = args[5].parse().context("CONNECTIONS")?;
    anyhow::ensure!(rate > 0.0 && seconds > 0.0 && connections > 0, "RATE, SECONDS and CONNECTIONS are positive");

    let users = std::fs::read_to_string(format!("{}/users.tsv", args[2])).context("reading users.tsv")?;
    let requests: Vec<Vec<u8>> = users
        .lines()
        .filter_map(|line| line.split('\t').nth(1))
        .map(|token| {
            format!("GET /api/v4/users/me HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n")
                .into_bytes()
        })
        .collect();
    anyhow::ensure!(!requests.is_empty(), "users.tsv has no tokens");
    let requests = std::sync::Arc::new(requests);

    let mut senders = Vec::with_capacity(connections);
    let mut tasks = Vec::with_capacity(connections);
    for _ in 0..connections {
        let (tx, rx) = mpsc::unbounded_channel::<(usize, Instant, u64)>();
        senders.push(tx);
        let stream = TcpStream::connect(addr).await.with_context(|| format!("connecting to {addr}"))?;
        stream.set_nodelay(true)?;
        tasks.push(tokio::spawn(connection(stream, rx, requests.clone())));
    }

    let total = (rate * seconds) as usize;
    let interval = Duration::from_secs_f64(1.0 / rate);
    // How late each request was sent, by when it was due: (due, late) in microseconds.
    let mut late_us: Vec<(u64, u64)> = Vec::with_capacity(total);
    // Requests whose connection had died: never sent, counted as errors.
    let mut unsent = 0u64;
    let start = Instant::now() + Duration::from_millis(10);
    let start_unix_ms = (std::time::SystemTime::now() + Duration::from_millis(10))
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as u64);
    for i in 0..total {
        let offset = interval.mul_f64(i as f64);
        let due = start + offset;
        while Instant::now() < due {
            tokio::task::yield_now().await;
        }
        late_us.push((offset.as_micros() as u64, due.elapsed().as_micros() as u64));
        if senders[i % connections].send((i, due, offset.as_micros() as u64)).is_err() {
            unsent += 1;
        }
    }
    drop(senders);
    let mut measured = Measured { errors: unsent, ..Measured::default() };
    for task in tasks {
        let done = task.await?;
        measured.samples.extend(done.samples);
        measured.errors += done.errors;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let mut latencies: Vec<u64> = measured.samples.iter().map(|&(_, latency)| latency).collect();
    latencies.sort_unstable();
    let mut late: Vec<u64> = late_us.iter().map(|&(_, late)| late).collect();
    late.sort_unstable();
    let at = |sorted: &[u64], q: f64| (!sorted.is_empty()).then(|| timeline::percentile(sorted, q));
    let tail = timeline::tail(&measured.samples, &late_us, INTERVAL_US, 3);
    println!(
        "{}",
        serde_json::json!({
            "offered_rps": rate,
            "answered": latencies.len(),
            "answered_rps": latencies.len() as f64 / elapsed,
            "errors": measured.errors,
            "p50_us": at(&latencies, 0.50),
            "p99_us": at(&latencies, 0.99),
            "p999_us": at(&latencies, 0.999),
            "max_us": latencies.last(),
            "dispatch_late_p99_us": at(&late, 0.99),
            "dispatch_late_max_us": late.last(),
            "start_unix_ms": start_unix_ms,
            "interval_ms": INTERVAL_US / 1000,
            "worst_intervals": tail.worst_intervals,
            "p99_share_in_worst": tail.p99_share_in_worst,
        })
    );
    Ok(())
}

/// One keep-alive connection: each request when the dispatcher hands it over, its latency from
/// when it was due.
async fn connection(
    mut stream: TcpStream,
    mut due: mpsc::UnboundedReceiver<(usize, Instant, u64)>,
    requests: std::sync::Arc<Vec<Vec<u8>>>,
) -> Measured {
    let mut measured = Measured::default();
    let mut buffer = Vec::with_capacity(16 * 1024);
    while let Some((i, at, due_us)) = due.recv().await {
        let answered = async {
            stream.write_all(&requests[i % requests.len()]).await?;
            read_response(&mut stream, &mut buffer).await
        };
        match answered.await {
            Ok(200) => measured.samples.push((due_us, at.elapsed().as_micros() as u64)),
            Ok(_) => measured.errors += 1,
            Err(_) => {
                // The connection is gone: this request and those queued behind it fail, and
                // the dispatcher's later sends to it are refused (counted there).
                measured.errors += 1;
                due.close();
                while due.try_recv().is_ok() {
                    measured.errors += 1;
                }
                break;
            }
        }
    }
    measured
}

/// Reads one response (head, then `Content-Length` bytes of body); its status.
async fn read_response(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<u16> {
    buffer.clear();
    loop {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut response = httparse::Response::new(&mut headers);
        if let httparse::Status::Complete(head) = response.parse(buffer).map_err(std::io::Error::other)? {
            let length = response
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("content-length"))
                .and_then(|h| std::str::from_utf8(h.value).ok()?.trim().parse::<usize>().ok())
                .unwrap_or(0);
            let status = response.code.unwrap_or(0);
            while buffer.len() < head + length {
                read_more(stream, buffer).await?;
            }
            return Ok(status);
        }
        read_more(stream, buffer).await?;
    }
}

async fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<()> {
    let mut chunk = [0u8; 8192];
    let n = stream.read(&mut chunk).await?;
    if n == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    buffer.extend_from_slice(&chunk[..n]);
    Ok(())
}
