"""A wrong endpoint is said at once: nothing listening, or a web server that is not S3, on the
first request is not a passing fault to retry for half a minute."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli

pytestmark = pytest.mark.integration


def _summary(out: bytes) -> dict[str, str]:
    events: list[dict[str, str]] = [json.loads(x) for x in out.decode().splitlines()]
    (s,) = [e for e in events if e["event"] == "summary"]
    return s


@pytest.fixture
def web_server() -> Iterator[str]:
    """A plain HTTP server (not S3) on loopback: it answers PUT and POST with 501."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nothing listens there


def test_nothing_listening_is_a_config_error_naming_the_endpoint(
    tmp_path: Path, cli_home: dict[str, str]
) -> None:
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    run_cli(cli_home, "profile", "add", "dead", "--provider", "seaweedfs", "--endpoint", endpoint, check=True)
    src = tmp_path / "f.txt"
    src.write_bytes(b"x")
    res = run_cli(cli_home, "upload", str(src), "dead:bkt/f.txt", "--json")
    assert res.returncode == 1
    s = _summary(res.stdout)
    assert s["error_code"] == "config"
    assert f"nothing is listening at {endpoint} (connection refused)" in s["detail"]


def test_a_web_server_that_is_not_s3_is_named_as_such(
    tmp_path: Path, cli_home: dict[str, str], web_server: str
) -> None:
    run_cli(
        cli_home, "profile", "add", "web", "--provider", "seaweedfs", "--endpoint", web_server, check=True
    )
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (9 * 1024 * 1024))  # multipart: CreateMultipartUpload (POST) first
    res = run_cli(cli_home, "upload", str(big), "web:bkt/big.bin", "--json")
    assert res.returncode == 1
    s = _summary(res.stdout)
    assert s["error_code"] == "config", s
    assert "does not look like an S3 service" in s["detail"]
