"""Where a secret could end up: files under a folder, a process tree's /proc entries, the wire.

Helpers for ``test_secrets.py``: each returns what it found, and the test counts every hit.
"""

from __future__ import annotations

import contextlib
import http.server
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.faultproxy import FaultProxy

#: SigV4 in an Authorization header (``Signature=hex``) or a query string (``X-Amz-Signature=hex``).
_SIGNATURE = re.compile(rb"[Ss]ignature=([0-9a-f]{64})")


def signatures(proxy: FaultProxy) -> set[str]:
    """Every signature value the proxy saw, from the parsed requests and from the raw streams (a
    request the parser cannot split, a chunked body, still counts)."""
    found: set[str] = set()
    for _method, target, headers in proxy.requests():
        for text in (target, headers.get("authorization", "")):
            found.update(m.decode() for m in _SIGNATURE.findall(text.encode()))
    for stream in proxy.streams:
        found.update(m.decode() for m in _SIGNATURE.findall(bytes(stream)))
    return found


def files_holding(root: Path, needles: dict[str, bytes]) -> list[str]:
    """``"NAME in PATH"`` for every needle found in every file under ``root``."""
    hits = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits += [f"{name} in {path.relative_to(root)}" for name, value in needles.items() if value in data]
    return hits


def _children(pid: int) -> list[int]:
    # Each thread lists the children it started: the built-in server is started from a worker
    # thread, not the main one.
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


@dataclass
class TreeWatch:
    """Snapshots of cmdline and environ of a process and all its descendants while it runs, and
    of the SQLite side files under ``home`` (the -wal is folded into the database and removed
    when the last connection closes, so after the run there is nothing left to search)."""

    home: Path | None = None
    seen: dict[tuple[int, str, str], bytes] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    side_files: dict[tuple[str, int], bytes] = field(default_factory=dict)

    def sample_side_files(self) -> None:
        if self.home is None:
            return
        for path in [*self.home.rglob("*-wal"), *self.home.rglob("*-journal")]:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            self.side_files[(str(path.relative_to(self.home)), hash(data))] = data

    def sample(self, root: int) -> None:
        todo = [root]
        while todo:
            pid = todo.pop()
            todo += _children(pid)
            try:
                comm = Path(f"/proc/{pid}/comm").read_text().strip()
                self.names.add(comm)
                for what in ("cmdline", "environ"):
                    self.seen[(pid, comm, what)] = Path(f"/proc/{pid}/{what}").read_bytes()
            except OSError:
                continue  # it exited between the listing and the read

    def follow(self, proc: subprocess.Popen[bytes], timeout: float) -> tuple[bytes, bytes]:
        """Sample until ``proc`` exits; returns its output."""
        chunks: dict[str, bytes] = {}
        deadline = time.monotonic() + timeout

        def drain(name: str) -> None:
            stream = proc.stdout if name == "out" else proc.stderr
            assert stream is not None
            chunks[name] = stream.read()

        readers = [threading.Thread(target=drain, args=(n,), daemon=True) for n in ("out", "err")]
        for r in readers:
            r.start()
        while True:
            self.sample(proc.pid)
            self.sample_side_files()
            try:
                proc.wait(0.05)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    proc.kill()
                    raise AssertionError(f"{proc.args!r} ran longer than {timeout} s") from None
        for r in readers:
            r.join(30)
        return chunks.get("out", b""), chunks.get("err", b"")

    def holding(self, needles: dict[str, bytes], what: tuple[str, ...] = ("cmdline", "environ")) -> list[str]:
        return sorted(
            {
                f"{name} in {path} (while running)"
                for (path, _), data in self.side_files.items()
                for name, value in needles.items()
                if value in data
            }
        ) + [
            f"{name} in /proc/{pid}/{kind} ({comm})"
            for (pid, comm, kind), data in self.seen.items()
            if kind in what
            for name, value in needles.items()
            if value in data
        ]

    def environ_value(self, comm: str, variable: str) -> bytes | None:
        prefix = variable.encode() + b"="
        for (_pid, name, kind), data in self.seen.items():
            for entry in data.split(b"\0") if (name, kind) == (comm, "environ") else []:
                if entry.startswith(prefix):
                    return entry[len(prefix) :]
        return None


class _Refuse(http.server.BaseHTTPRequestHandler):
    """403 SignatureDoesNotMatch with AWS's full body: AWS (unlike SeaweedFS) echoes the signature
    it was sent and the string it signed, so whatever keeps the error body keeps the signature."""

    def _refuse(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        auth = self.headers.get("Authorization", "")
        provided = auth.rsplit("Signature=", 1)[-1]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code>'
            "<Message>The request signature we calculated does not match the signature you provided. "
            "Check your key and signing method.</Message>"
            f"<AWSAccessKeyId>x</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256 {self.path}</StringToSign>"
            f"<SignatureProvided>{provided}</SignatureProvided><RequestId>R1</RequestId></Error>"
        ).encode()
        self.send_response(403)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _refuse

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def refusing_server() -> Iterator[int]:
    """A server on loopback that refuses every request as AWS does a bad signature; its port."""
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refuse)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield int(srv.server_address[1])
    finally:
        srv.shutdown()
        srv.server_close()
