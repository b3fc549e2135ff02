"""An HTTP fault proxy on loopback: forwards S3 or OSS requests to a real server and breaks the
ones a rule names, at the step of the upload they belong to.

Rules match a request by its step (``create``, ``part``, ``list_parts``, ``complete``, ``abort``,
``list_uploads``, ``put``, ``head``) and act on the first ``times`` matches:

- ``reset_start``: the connection is reset before the body reaches the server;
- ``reset_middle``: half the body reaches the server, then both sides are reset;
- ``reset_end``: the server gets and answers the whole request; its answer is lost (a reset);
- ``500`` / ``503``: the proxy answers InternalError / SlowDown (with ``Retry-After``) itself;
- ``slow``: the server's answer is held ``slow_seconds`` and then trickled back;
- ``stall``: the request is swallowed and never answered until ``release()`` or close.

No toxiproxy or mitmproxy here; ``http.server`` and ``http.client`` are enough for one hop.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

STEPS = ("create", "part", "list_parts", "complete", "abort", "list_uploads", "put", "head")
KINDS = ("reset_start", "reset_middle", "reset_end", "500", "503", "slow", "stall")
_HOP = {"connection", "keep-alive", "expect", "proxy-connection", "transfer-encoding"}


def step_of(method: str, target: str) -> str:
    path, _, query = target.partition("?")
    q = parse_qs(query, keep_blank_values=True)
    if method == "POST" and "uploads" in q:
        return "create"
    if "uploadId" in q:
        return {"PUT": "part", "GET": "list_parts", "POST": "complete", "DELETE": "abort"}.get(
            method, "other"
        )
    if method == "GET" and "uploads" in q:
        return "list_uploads"
    object_path = path.strip("/").count("/") >= 1
    if method == "PUT" and object_path and not q:
        return "put"
    if method == "HEAD" and object_path:
        return "head"
    return "other"


@dataclass
class Rule:
    step: str
    kind: str
    times: int = 1
    retry_after: int = 1
    #: Let this many matching requests through before the first fault.
    after: int = 0


@dataclass(frozen=True)
class Seen:
    """One request as it arrived: its step, when, and how many of its step were then in flight."""

    step: str
    target: str
    at: float
    in_flight: int
    faulted: str = ""


class HttpFaultProxy:
    def __init__(self, upstream_port: int, slow_seconds: float = 1.5) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.slow_seconds = slow_seconds
        self._lock = threading.Lock()
        self._rules: list[Rule] = []
        self._in_flight: Counter[str] = Counter()
        #: Faults applied: (step, kind) -> count. A test asserts its fault fired at all.
        self.fired: Counter[tuple[str, str]] = Counter()
        self.seen: list[Seen] = []
        #: When each error answer went out: (request target, monotonic time).
        self.errors_sent: list[tuple[str, float]] = []
        self.down = False
        self._open: set[socket.socket] = set()
        self._release = threading.Event()
        self._closed = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with proxy._lock:
                    proxy._open.add(self.connection)

            def finish(self) -> None:
                with proxy._lock:
                    proxy._open.discard(self.connection)
                with contextlib.suppress(OSError):
                    super().finish()

            def do_GET(self) -> None:
                proxy._handle(self)

            do_PUT = do_POST = do_DELETE = do_HEAD = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request: Any, client_address: Any) -> bool:
                if proxy.down:
                    _reset(request)
                    return False
                return True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # resets are the point of this server

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, step: str, kind: str, times: int = 1, retry_after: int = 1, after: int = 0) -> Rule:
        assert step in STEPS and kind in KINDS, (step, kind)
        rule = Rule(step, kind, times, retry_after, after)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def go_down(self) -> None:
        """The endpoint vanishes: open connections are reset, new ones refused."""
        self.down = True
        with self._lock:
            conns, self._open = list(self._open), set()
        for conn in conns:
            # shutdown() wakes a handler blocked in recv(); close() alone would not reset it.
            with contextlib.suppress(OSError):
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                conn.shutdown(socket.SHUT_RDWR)
            _reset(conn)

    def come_back(self) -> None:
        self.down = False

    def release(self) -> None:
        """Let stalled requests go (they are reset, as a dead link would end them)."""
        self._release.set()

    def close(self) -> None:
        self._closed.set()
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def of(self, step: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.step == step]

    def _take(self, step: str) -> Rule | None:
        for rule in self._rules:
            if rule.step == step and rule.after > 0:
                rule.after -= 1
                return None
            if rule.step == step and rule.times > 0:
                rule.times -= 1
                self.fired[(step, rule.kind)] += 1
                return rule
        return None

    def _handle(self, rq: BaseHTTPRequestHandler) -> None:
        step = step_of(rq.command, rq.path)
        with self._lock:
            rule = self._take(step)
            self._in_flight[step] += 1
            kind = rule.kind if rule else ""
            self.seen.append(Seen(step, rq.path, time.monotonic(), self._in_flight[step], kind))
        try:
            self._serve(rq, rule)
        finally:
            with self._lock:
                self._in_flight[step] -= 1

    def _serve(self, rq: BaseHTTPRequestHandler, rule: Rule | None) -> None:
        kind = rule.kind if rule else ""
        if "chunked" in rq.headers.get("Transfer-Encoding", "").lower():
            raise AssertionError("chunked request bodies are not supported by this proxy")
        if kind == "reset_start":
            return self._drop(rq)
        if kind == "stall":
            while not self._release.wait(0.1) and not self._closed.is_set():
                pass
            return self._drop(rq)
        length = int(rq.headers.get("Content-Length") or 0)
        if kind == "reset_middle":
            head = rq.rfile.read(length // 2)
            with contextlib.suppress(OSError):
                up = socket.create_connection(self.upstream)
                up.sendall(_request_head(rq) + head)
                _reset(up)
            return self._drop(rq)
        body = rq.rfile.read(length) if length else b""
        if kind in ("500", "503"):
            _answer_error(rq, kind, rule.retry_after if rule else 1)
            with self._lock:
                self.errors_sent.append((rq.path, time.monotonic()))
            return None
        status, headers, data = self._forward(rq, body)
        if kind == "reset_end":
            return self._drop(rq)
        if kind == "slow":
            self._closed.wait(self.slow_seconds)
        rq.send_response_only(status)
        for name, value in headers:
            if name.lower() not in _HOP and name.lower() != "content-length":
                rq.send_header(name, value)
        length_out = next((v for n, v in headers if n.lower() == "content-length"), None)
        rq.send_header("Content-Length", str(len(data)) if rq.command != "HEAD" else (length_out or "0"))
        rq.end_headers()
        if kind == "slow":
            for i in range(0, len(data), 64):
                rq.wfile.write(data[i : i + 64])
                rq.wfile.flush()
                self._closed.wait(0.01)
        else:
            rq.wfile.write(data)

    def _forward(self, rq: BaseHTTPRequestHandler, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(*self.upstream, timeout=120)
        try:
            conn.putrequest(rq.command, rq.path, skip_host=True, skip_accept_encoding=True)
            for name, value in rq.headers.items():
                if name.lower() not in _HOP:
                    conn.putheader(name, value)
            conn.endheaders(body or None)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, resp.getheaders(), data
        finally:
            conn.close()

    @staticmethod
    def _drop(rq: BaseHTTPRequestHandler) -> None:
        rq.close_connection = True
        _reset(rq.connection)


def _request_head(rq: BaseHTTPRequestHandler) -> bytes:
    lines = [f"{rq.command} {rq.path} HTTP/1.1"]
    lines += [f"{k}: {v}" for k, v in rq.headers.items() if k.lower() not in _HOP]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _answer_error(rq: BaseHTTPRequestHandler, kind: str, retry_after: int) -> None:
    code, status = ("SlowDown", 503) if kind == "503" else ("InternalError", 500)
    body = (
        f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{code}</Code>"
        f"<Message>injected by the test's fault proxy</Message><RequestId>fault-{kind}</RequestId></Error>"
    ).encode()
    rq.send_response_only(status)
    rq.send_header("Content-Type", "application/xml")
    rq.send_header("x-amz-request-id", f"fault-{kind}")
    rq.send_header("x-oss-request-id", f"fault-{kind}")
    if kind == "503":
        rq.send_header("Retry-After", str(retry_after))
    rq.send_header("Content-Length", "0" if rq.command == "HEAD" else str(len(body)))
    rq.end_headers()
    if rq.command != "HEAD":
        rq.wfile.write(body)


def _reset(sock: socket.socket) -> None:
    # SO_LINGER 0 makes close() send RST: the client sees "connection reset", as on a real outage.
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()
