"""A webhook endpoint for the tests: a threaded HTTP server on a free loopback port that checks
every request with the Standard Webhooks reference verifier (`standardwebhooks.Webhook`, PyPI,
pinned in ../requirements.txt), records each delivery, and answers as the test programs it:
some failures first, 429/503 with Retry-After, 410, or slowly (a timeout, an in-flight window)."""
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook, WebhookVerificationError


@dataclass(frozen=True)
class Answer:
    """How the receiver answers one request."""

    status: int = 200
    # The Retry-After header's value (for 429 and 503), or none.
    retry_after: str | None = None
    # Seconds to hold the request before answering: a slow endpoint, or one slower than the
    # sender's timeout.
    sleep: float = 0.0


@dataclass
class Delivery:
    """One request that verified: what came, when, and what it was answered."""

    webhook_id: str
    body: dict
    raw: bytes
    headers: dict
    # How many `v1,` signatures the webhook-signature header carried (two while a rotated
    # secret still signs).
    signatures: int
    # The receiver's secrets that verify this request, each on its own.
    verified_by: tuple
    # time.monotonic() once the body was read, and once the answer was about to be written
    # (None while the request is held).
    arrived: float
    answered: float | None = None
    status: int | None = None

    @property
    def type(self):
        return self.body.get("type")

    @property
    def data(self):
        return self.body.get("data") or {}

    @property
    def ok(self):
        return self.status is not None and 200 <= self.status < 300


def wait_for(predicate, timeout=10.0, interval=0.05, what=None):
    """Polls `predicate` until it returns something truthy, and returns that; fails the test
    after `timeout` seconds, naming `what` it waited for."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        time.sleep(interval)


def _verifies(secret, raw, headers):
    """The reference verifier's verdict for one secret: the parsed body, or None."""
    try:
        return Webhook(secret).verify(raw, headers)
    except (WebhookVerificationError, ValueError):
        # ValueError: signed right, but not JSON.
        return None


class Receiver:
    """The endpoint. `url` is what `webhook add --url` takes; `set_secrets` gives it the
    `whsec_…` secrets it accepts (any one of them verifying is enough, as during a rotation)."""

    def __init__(self, *secrets, default=Answer(), path="/hook"):
        self._lock = threading.Lock()
        self._secrets = list(secrets)
        self._script = []
        self._in_flight = {}
        self._closing = threading.Event()
        # How requests past the scripted ones are answered.
        self.default = default
        self.deliveries = []
        # Requests that did not verify: (why, headers, body). Each was answered 400.
        self.rejected = []
        # Webhook-ids that arrived while an earlier request with the same id was still held.
        # Expected after a sender's timeout (it gave up on the first), a duplicate otherwise.
        self.overlaps = []
        self._http = _Server(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, name="webhook-receiver", daemon=True
        )
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}{path}"

    # --- programming it ------------------------------------------------------------------

    def set_secrets(self, *secrets):
        with self._lock:
            self._secrets = list(secrets)

    def answer_next(self, count, status=200, retry_after=None, sleep=0.0):
        """The next `count` requests (after those already scripted) get this answer."""
        with self._lock:
            self._script.extend([Answer(status, retry_after, sleep)] * count)

    def always(self, status=200, retry_after=None, sleep=0.0):
        """Every request past the scripted ones gets this answer."""
        with self._lock:
            self.default = Answer(status, retry_after, sleep)

    # --- what came -----------------------------------------------------------------------

    @property
    def failures(self):
        """How many requests failed verification."""
        with self._lock:
            return len(self.rejected)

    def attempts(self, webhook_id=None):
        """Every verified request (each retry too), in arrival order."""
        with self._lock:
            return [d for d in self.deliveries if webhook_id is None or d.webhook_id == webhook_id]

    def ok(self):
        """Every request answered 2xx, repeats (a replay) included, in arrival order."""
        return [d for d in self.attempts() if d.ok]

    def events(self):
        """The events delivered: the first 2xx request of each webhook-id, in arrival order."""
        seen, out = set(), []
        for d in self.ok():
            if d.webhook_id not in seen:
                seen.add(d.webhook_id)
                out.append(d)
        return out

    def find(self, type=None, **data):
        """The delivered events of this type whose data holds these values."""
        return [
            d
            for d in self.events()
            if (type is None or d.type == type) and all(d.data.get(k) == v for k, v in data.items())
        ]

    def close(self):
        self._closing.set()
        self._http.shutdown()
        self._http.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    # --- serving -------------------------------------------------------------------------

    def _serve(self, request):
        raw = _read_body(request)
        arrived = time.monotonic()
        headers = {k.lower(): v for k, v in request.headers.items()}
        with self._lock:
            secrets = list(self._secrets)
        verdicts = [(secret, _verifies(secret, raw, headers)) for secret in secrets]
        verified_by = tuple(secret for secret, body in verdicts if body is not None)
        if not verified_by:
            with self._lock:
                self.rejected.append(("no secret verifies" if secrets else "no secret set yet", headers, raw))
            _answer(request, Answer(400))
            return
        webhook_id = headers["webhook-id"]
        delivery = Delivery(
            webhook_id=webhook_id,
            body=next(body for _, body in verdicts if body is not None),
            raw=raw,
            headers=headers,
            signatures=len(headers["webhook-signature"].split()),
            verified_by=verified_by,
            arrived=arrived,
        )
        with self._lock:
            self.deliveries.append(delivery)
            answer = self._script.pop(0) if self._script else self.default
            if self._in_flight.get(webhook_id):
                self.overlaps.append(webhook_id)
            self._in_flight[webhook_id] = self._in_flight.get(webhook_id, 0) + 1
        try:
            if answer.sleep:
                # Cut short when the test ends, so that no handler outlives its receiver.
                self._closing.wait(answer.sleep)
            with self._lock:
                delivery.status, delivery.answered = answer.status, time.monotonic()
            _answer(request, answer)
        finally:
            with self._lock:
                self._in_flight[webhook_id] -= 1


class _Server(ThreadingHTTPServer):
    # ThreadingHTTPServer's threads are daemons: a held request never blocks the test's end.
    def handle_error(self, request, client_address):
        # A sender that gave up (its timeout) closes the connection under a held request: not
        # the receiver's error, and not worth a traceback in the test output.
        pass


def _handler(receiver):
    class Handler(BaseHTTPRequestHandler):
        # Keep-alive, as a real endpoint behind a proxy would offer.
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            receiver._serve(self)

        def log_message(self, *args):
            pass

    return Handler


def _read_body(request):
    if request.headers.get("Transfer-Encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int(request.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                while request.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            chunks.append(request.rfile.read(size))
            request.rfile.readline()
    return request.rfile.read(int(request.headers.get("Content-Length") or 0))


def _answer(request, answer):
    try:
        request.send_response(answer.status)
        if answer.retry_after is not None:
            request.send_header("Retry-After", answer.retry_after)
        request.send_header("Content-Length", "0")
        request.end_headers()
        request.wfile.flush()
    except OSError:
        # The sender is gone (it timed out): nobody to answer.
        request.close_connection = True

