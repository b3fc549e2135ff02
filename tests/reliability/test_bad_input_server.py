"""Bad input about the far end: credentials, endpoints, TLS, buckets and permissions. Each upload
fails at once (exit 1) with words naming the problem and the fix, leaves no object and no upload
id, and says no secret."""

from __future__ import annotations

import datetime
import http.server
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.targets import OssTarget, S3Target
from tests.reliability.checks import no_object, no_secret, no_uploads_left, said
from tests.reliability.tally import Tally

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer
    from tests.helpers.oss_gateway import OssGateway

pytestmark = pytest.mark.integration
MiB = 1024 * 1024


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed when the block ends: nothing listens there


def _serve(server: http.server.HTTPServer) -> Iterator[str]:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def web_server() -> Iterator[str]:
    """A plain HTTP server (not S3) on loopback: it answers PUT and POST with 501."""
    yield from _serve(http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler))


def _certificate(folder: Path, name: str, expired: bool) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    start, end = (
        (now - datetime.timedelta(days=30), now - datetime.timedelta(days=1))
        if expired
        else (
            now - datetime.timedelta(days=1),
            now + datetime.timedelta(days=30),
        )
    )
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .sign(key, hashes.SHA256())
    )
    crt, pem = folder / f"{name}.crt", folder / f"{name}.key"
    crt.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return crt, pem


def _tls_server(folder: Path, name: str, expired: bool) -> Iterator[tuple[str, str]]:
    crt, pem = _certificate(folder, name, expired)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(crt, pem)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    for where in _serve(server):
        yield where, str(crt)


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    yield from _tls_server(tmp_path_factory.mktemp("tls"), "self-signed", expired=False)


@pytest.fixture(scope="module")
def expired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Trusted (its certificate is given as the CA bundle), so expiry is all that is wrong."""
    yield from _tls_server(tmp_path_factory.mktemp("tls"), "expired", expired=True)


Maker = Callable[[pytest.FixtureRequest], tuple[str, dict[str, str]]]
_BUNDLE = {"seaweedfs": "AWS_CA_BUNDLE", "oss": "REQUESTS_CA_BUNDLE"}


def _refused(rq: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    return f"http://127.0.0.1:{_closed_port()}", {}


def _web(rq: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    return "http://" + rq.getfixturevalue("web_server"), {}


def _plain_port(rq: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    return "https://" + rq.getfixturevalue("weed").endpoint.split("://", 1)[1], {}


def _untrusted(rq: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    return "https://" + rq.getfixturevalue("self_signed")[0], {}


def _expired(rq: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    where, crt = rq.getfixturevalue("expired")
    return "https://" + where, {v: crt for v in _BUNDLE.values()}


#: (case, provider, endpoint and environment maker, words: the problem, then what to do)
ENDPOINTS: list[tuple[str, str, Maker, list[str]]] = [
    (
        "endpoint refusing connections",
        "seaweedfs",
        _refused,
        ["nothing is listening at", "connection refused", "check the endpoint and port"],
    ),
    (
        "endpoint that is not S3",
        "seaweedfs",
        _web,
        ["does not look like an S3 service", "check the endpoint"],
    ),
    ("https to a plain-HTTP port", "seaweedfs", _plain_port, ["does not speak TLS", "http://"]),
    ("self-signed certificate", "seaweedfs", _untrusted, ["is not trusted", "self-signed", "AWS_CA_BUNDLE"]),
    ("expired certificate", "seaweedfs", _expired, ["has expired", "renew"]),
    ("OSS endpoint refusing connections", "oss", _refused, ["nothing is listening at", "check the endpoint"]),
    (
        "OSS endpoint that is not OSS",
        "oss",
        _web,
        ["does not look like an OSS service", "check the endpoint"],
    ),
    ("OSS https to a plain-HTTP port", "oss", _plain_port, ["does not speak TLS", "http://"]),
    ("OSS self-signed certificate", "oss", _untrusted, ["is not trusted", "REQUESTS_CA_BUNDLE"]),
    ("OSS expired certificate", "oss", _expired, ["has expired", "renew"]),
]


@pytest.mark.parametrize(("case", "provider", "endpoint", "words"), ENDPOINTS, ids=[c[0] for c in ENDPOINTS])
def test_a_wrong_endpoint_is_said_at_once(
    case: str,
    provider: str,
    endpoint: Maker,
    words: list[str],
    request: pytest.FixtureRequest,
    tmp_path: Path,
    module_home: dict[str, str],
    tally: Tally,
) -> None:
    """Said on the first request, as a config error: not retried for half a minute."""
    tally.tried("bad inputs")
    url, extra = endpoint(request)
    env = dict(module_home, OSS_ACCESS_KEY_ID=ACCESS_KEY, OSS_ACCESS_KEY_SECRET=SECRET_KEY, **extra)
    oss = ["--region", "cn-hangzhou", "--signature", "v4"] if provider == "oss" else []
    run_cli(env, "profile", "add", "far", "--provider", provider, "--endpoint", url, *oss, check=True)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (9 * MiB))  # multipart: CreateMultipartUpload (POST) comes first
    started = time.monotonic()
    res = run_cli(env, "upload", str(big), "far:bkt/big.bin", "--json", timeout=60)
    said(tally, case, res, 1, *words)
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("failed", "config"), s
    assert time.monotonic() - started < 20, f"{case}: retried instead of said at once"


@pytest.fixture
def s3(weed: LocalServer) -> S3Target:
    return S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)


#: (case, environment changes, error code, words)
CREDENTIALS: list[tuple[str, dict[str, str], str, list[str]]] = [
    (
        "wrong access key id",
        {"AWS_ACCESS_KEY_ID": "NOSUCHKEY"},
        "auth",
        ["InvalidAccessKeyId", "check the profile's access key"],
    ),
    (
        "wrong secret",
        {"AWS_SECRET_ACCESS_KEY": "not-the-secret"},
        "auth",
        ["SignatureDoesNotMatch", "check the"],
    ),
]


@pytest.mark.parametrize(("case", "change", "code", "words"), CREDENTIALS, ids=[c[0] for c in CREDENTIALS])
def test_wrong_credentials_are_an_auth_failure_that_says_no_secret(
    case: str,
    change: dict[str, str],
    code: str,
    words: list[str],
    tmp_path: Path,
    module_home: dict[str, str],
    s3: S3Target,
    tally: Tally,
) -> None:
    tally.tried("bad inputs")
    bucket = s3.new_bucket()
    src = tmp_path / "f.bin"
    src.write_bytes(b"x" * (9 * MiB))
    res = run_cli(dict(module_home, **change), "upload", str(src), f"sw:{bucket}/f.bin", "--json")
    said(tally, case, res, 1, *words)
    (s,) = json_events(res.stdout, "summary")
    # A refused key pauses the transfer (resumable once the key is fixed) instead of failing it.
    assert (s["state"], s["error_code"]) == ("paused", code), s
    logs = Path(module_home["SKYLIFT_HOME"]) / "logs"
    no_secret(tally, case, ["not-the-secret", SECRET_KEY], logs, res.stdout, res.stderr)
    no_object(tally, case, s3, bucket, "f.bin")
    no_uploads_left(tally, case, s3, bucket)


@pytest.fixture
def oss(oss_gateway: OssGateway) -> Iterator[OssTarget]:
    yield OssTarget(oss_gateway.endpoint, ACCESS_KEY, SECRET_KEY, region=oss_gateway.region)
    oss_gateway.read_only.clear()
    oss_gateway.credentials.pop("READONLY", None)


def _oss_profile(env: dict[str, str], oss: OssTarget, name: str, region: str) -> None:
    args = ["--region", region, "--signature", "v4"]
    run_cli(env, "profile", "add", name, "--provider", "oss", "--endpoint", oss.endpoint, *args, check=True)


def test_a_missing_bucket_is_named_with_the_fix(
    tmp_path: Path, module_home: dict[str, str], oss: OssTarget, tally: Tally
) -> None:
    """On the gateway: SeaweedFS creates a bucket on the first PUT into it, so nothing is missing."""
    tally.tried("bad inputs")
    env = dict(module_home, **oss.env)
    _oss_profile(env, oss, "o", oss.region)
    src = tmp_path / "f.bin"
    src.write_bytes(b"x" * 100)
    res = run_cli(env, "upload", str(src), "o:no-such-bucket-here/f.bin", "--json")
    said(tally, "missing bucket", res, 1, "no-such-bucket-here", "NoSuchBucket", "create it")
    (s,) = json_events(res.stdout, "summary")
    assert s["error_code"] == "no_such_bucket", s


def test_a_wrong_region_is_an_auth_failure_naming_the_region(
    tmp_path: Path, module_home: dict[str, str], oss: OssTarget, tally: Tally
) -> None:
    """OSS V4 signs the region: a profile with the wrong one is refused by the server."""
    tally.tried("bad inputs")
    env = dict(module_home, **oss.env)
    _oss_profile(env, oss, "far", "cn-beijing")
    bucket = oss.new_bucket()
    src = tmp_path / "f.bin"
    src.write_bytes(b"x" * (300 * 1024))
    res = run_cli(env, "upload", str(src), f"far:{bucket}/f.bin", "--json", "--part-size", "100KiB")
    said(tally, "wrong region", res, 1, "SignatureDoesNotMatch", "region")
    no_object(tally, "wrong region", oss, bucket, "f.bin")
    no_uploads_left(tally, "wrong region", oss, bucket)


def test_no_permission_is_access_denied_with_the_fix(
    tmp_path: Path, module_home: dict[str, str], oss: OssTarget, oss_gateway: OssGateway, tally: Tally
) -> None:
    tally.tried("bad inputs")
    oss_gateway.credentials["READONLY"] = "ro-secret"
    oss_gateway.read_only.add("READONLY")
    env = dict(module_home, OSS_ACCESS_KEY_ID="READONLY", OSS_ACCESS_KEY_SECRET="ro-secret")
    _oss_profile(env, oss, "ro", oss.region)
    bucket = oss.new_bucket()
    src = tmp_path / "f.bin"
    src.write_bytes(b"x" * (300 * 1024))
    res = run_cli(env, "upload", str(src), f"ro:{bucket}/f.bin", "--json", "--part-size", "100KiB")
    said(tally, "no permission", res, 1, "AccessDenied", "permission")
    logs = Path(module_home["SKYLIFT_HOME"]) / "logs"
    no_secret(tally, "no permission", ["ro-secret"], logs, res.stdout, res.stderr)
    (s,) = json_events(res.stdout, "summary")
    assert s["error_code"] == "access_denied", s
    no_object(tally, "no permission", oss, bucket, "f.bin")
    no_uploads_left(tally, "no permission", oss, bucket)
