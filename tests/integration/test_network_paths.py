"""Proxies and CA bundles hold on every path: control requests, the small-file PUT, multipart
parts, the stale listing, verify's listing and HEADs, the bucket browser, and OSS.

The profiles' endpoints have made-up names (``s3.skylift.test``) that only the loopback forward
proxy can reach: a request that went around the proxy fails to resolve instead of arriving, so
a command that succeeds proves each of its requests took the proxy.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.services import browser
from app.services.paths import Paths
from app.services.profiles import NetworkOptions, Profiles
from engine.store import ProfileRow, Store
from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.fixtures import LocalServer, S3Client
from tests.helpers.forward_proxy import ForwardProxy, TlsFront, make_ca
from tests.helpers.oss_gateway import VIRTUAL_HOST, OssGateway

S3_NAME = "s3.skylift.test"
TLS_NAME = "s3tls.skylift.test"
#: How the proxy is given: the environment, the command line, SOCKS with names resolved by the
#: proxy, and HTTPS with a private CA through a CONNECT tunnel.
WAYS = ["env", "http", "socks5h", "https-ca"]


@dataclass
class Net:
    proxy: ForwardProxy
    tls_port: int
    ca: str
    weed_port: int


@pytest.fixture(scope="module")
def net(weed: LocalServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Net]:
    folder = tmp_path_factory.mktemp("ca")
    ca, cert, key = make_ca(str(folder), [TLS_NAME])
    weed_port = int(weed.endpoint.rsplit(":", 1)[1])
    front = TlsFront(weed_port, cert, key)
    proxy = ForwardProxy({S3_NAME: weed_port, TLS_NAME: front.port})
    yield Net(proxy, front.port, ca, weed_port)
    proxy.close()
    front.close()


def _env(tmp_path: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        {
            "SKYLIFT_HOME": str(tmp_path / "home"),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "OSS_ACCESS_KEY_ID": ACCESS_KEY,
            "OSS_ACCESS_KEY_SECRET": SECRET_KEY,
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra or {})
    return env


@dataclass
class Way:
    env: dict[str, str]
    flags: list[str]
    kind: str


def _way(way: str, n: Net, tmp_path: Path) -> Way:
    """A home with profile ``px`` reachable only through the proxy, given the ``way`` way."""
    endpoint = f"http://{S3_NAME}:{n.weed_port}"
    if way == "env":
        env = _env(tmp_path, {"HTTP_PROXY": n.proxy.url(), "HTTPS_PROXY": n.proxy.url()})
        flags: list[str] = []
        kind = "http"
    elif way == "http":
        env, flags, kind = _env(tmp_path), ["--proxy", n.proxy.url()], "http"
    elif way == "socks5h":
        env, flags, kind = _env(tmp_path), ["--proxy", n.proxy.url("socks5h")], "socks5h"
    else:
        endpoint = f"https://{TLS_NAME}:{n.tls_port}"
        env, flags, kind = _env(tmp_path), ["--proxy", n.proxy.url(), "--ca-bundle", n.ca], "connect"
    run_cli(env, "profile", "add", "px", "--provider", "seaweedfs", "--endpoint", endpoint, check=True)
    return Way(env, flags, kind)


def _bucket(raw_s3: S3Client) -> str:
    name = "px-" + uuid.uuid4().hex[:12]
    raw_s3.create_bucket(Bucket=name)
    return name


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _seen(n: Net, kind: str, before: int) -> None:
    new = n.proxy.seen[before:]
    assert new, "the proxy saw no connection"
    assert {k for k, _ in new} == {kind}, new


@pytest.mark.parametrize("way", WAYS)
def test_control_request_takes_the_proxy(way: str, net: Net, tmp_path: Path, raw_s3: S3Client) -> None:
    bucket = _bucket(raw_s3)
    w = _way(way, net, tmp_path)
    before = len(net.proxy.seen)
    out = run_cli(w.env, "profile", "test", "px", *w.flags, check=True).stdout.decode()
    assert bucket in out
    _seen(net, w.kind, before)


@pytest.mark.parametrize("way", WAYS)
def test_small_and_multipart_uploads_take_the_proxy(
    way: str, net: Net, tmp_path: Path, raw_s3: S3Client
) -> None:
    bucket = _bucket(raw_s3)
    w = _way(way, net, tmp_path)
    small, big = os.urandom(10_000), os.urandom(11 * 2**20 + 7)
    (tmp_path / "small.bin").write_bytes(small)
    (tmp_path / "big.bin").write_bytes(big)
    before = len(net.proxy.seen)
    args = ["--threshold", "5MiB", "--part-size", "5MiB", "--json", *w.flags]
    for name in ("small.bin", "big.bin"):
        res = run_cli(w.env, "upload", str(tmp_path / name), f"px:{bucket}/{name}", *args, check=True)
    assert len(json_events(res.stdout, "part")) == 3, res.stdout.decode()
    for name, data in (("small.bin", small), ("big.bin", big)):
        body = raw_s3.get_object(Bucket=bucket, Key=name)["Body"].read()
        assert _sha(body) == _sha(data)
    _seen(net, w.kind, before)


@pytest.mark.parametrize("way", WAYS)
def test_stale_listing_and_verify_take_the_proxy(
    way: str, net: Net, tmp_path: Path, raw_s3: S3Client
) -> None:
    bucket = _bucket(raw_s3)
    upload_id = raw_s3.create_multipart_upload(Bucket=bucket, Key="left/behind.bin")["UploadId"]
    raw_s3.upload_part(
        Bucket=bucket, Key="left/behind.bin", UploadId=upload_id, PartNumber=1, Body=b"x" * 1000
    )
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"alpha")
    raw_s3.put_object(Bucket=bucket, Key="docs/a.txt", Body=b"alpha")
    w = _way(way, net, tmp_path)
    before = len(net.proxy.seen)
    stale = run_cli(w.env, "stale", f"px:{bucket}", "--json", *w.flags, check=True)
    assert upload_id in stale.stdout.decode()
    run_cli(w.env, "verify", str(folder), f"px:{bucket}/", *w.flags, check=True)
    _seen(net, w.kind, before)


def test_bucket_browser_takes_the_proxy(net: Net, tmp_path: Path, raw_s3: S3Client) -> None:
    """The browser's service, with the proxy as the window's settings give it."""
    bucket = _bucket(raw_s3)
    raw_s3.put_object(Bucket=bucket, Key="photos/cat.jpg", Body=b"meow")
    home = tmp_path / "home"
    paths = Paths(home / "data", home / "config", home / "logs", home / "cache").create()
    store = Store(paths.db)
    try:
        profiles = Profiles(store, paths, NetworkOptions(proxy=net.proxy.url("socks5h")))
        store.save_profile(
            ProfileRow(
                name="px", provider="seaweedfs", endpoint=f"http://{S3_NAME}:{net.weed_port}", path_style=True
            )
        )
        before = len(net.proxy.seen)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
            mp.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
            assert bucket in browser.list_buckets(profiles, "px")
            listing = browser.list_prefix(profiles, "px", bucket, "photos/")
        assert [e.name for e in listing.entries] == ["cat.jpg"]
        _seen(net, "socks5h", before)
        profiles.close()
    finally:
        store.close()


@pytest.mark.parametrize("way", ["env", "http", "socks5h", "https-ca"])
def test_oss_takes_the_proxy(way: str, net: Net, tmp_path: Path, oss_gateway: OssGateway) -> None:
    import oss2

    gw_port = int(oss_gateway.endpoint.rsplit(":", 1)[1])
    ca, cert, key = make_ca(str(tmp_path), [VIRTUAL_HOST, "*." + VIRTUAL_HOST])
    front = TlsFront(gw_port, cert, key)
    proxy = ForwardProxy({VIRTUAL_HOST: front.port if way == "https-ca" else gw_port})
    try:
        bucket = "px-" + uuid.uuid4().hex[:12]
        oss2.Bucket(
            oss2.AuthV4(ACCESS_KEY, SECRET_KEY), oss_gateway.endpoint, bucket, region=oss_gateway.region
        ).create_bucket()
        scheme = "socks5h" if way == "socks5h" else "http"
        env = _env(
            tmp_path, {"HTTP_PROXY": proxy.url(), "HTTPS_PROXY": proxy.url()} if way == "env" else None
        )
        flags = [] if way == "env" else ["--proxy", proxy.url(scheme)]
        endpoint = f"http://{VIRTUAL_HOST}:{gw_port}"
        if way == "https-ca":
            flags += ["--ca-bundle", ca]
            endpoint = f"https://{VIRTUAL_HOST}:{front.port}"
        run_cli(
            env,
            "profile",
            "add",
            "ali",
            "--provider",
            "oss",
            "--endpoint",
            endpoint,
            "--region",
            oss_gateway.region,
            check=True,
        )
        small, big = os.urandom(5000), os.urandom(9 * 2**20)
        (tmp_path / "s.bin").write_bytes(small)
        (tmp_path / "b.bin").write_bytes(big)
        for name in ("s.bin", "b.bin"):
            run_cli(
                env,
                "upload",
                str(tmp_path / name),
                f"ali:{bucket}/{name}",
                "--threshold",
                "5MiB",
                "--part-size",
                "5MiB",
                *flags,
                check=True,
            )
        raw = oss2.Bucket(
            oss2.AuthV4(ACCESS_KEY, SECRET_KEY), oss_gateway.endpoint, bucket, region=oss_gateway.region
        )
        assert _sha(raw.get_object("b.bin").read()) == _sha(big)
        assert _sha(raw.get_object("s.bin").read()) == _sha(small)
        assert proxy.kinds() == {"connect" if way == "https-ca" else scheme}, proxy.seen
    finally:
        proxy.close()
        front.close()


def test_without_the_proxy_the_made_up_name_fails(net: Net, tmp_path: Path) -> None:
    """What makes the tests above able to fail: around the proxy, nothing arrives."""
    w = _way("http", net, tmp_path)
    res = run_cli(w.env, "profile", "test", "px", "--proxy", "direct")
    assert res.returncode != 0, res.stdout.decode()


def test_loopback_endpoints_are_reached_directly(
    net: Net, weed: LocalServer, tmp_path: Path, raw_s3: S3Client
) -> None:
    """The built-in storage listens on loopback, which no company proxy can reach."""
    bucket = _bucket(raw_s3)
    env = _env(tmp_path)
    run_cli(env, "profile", "add", "lo", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)
    (tmp_path / "f.bin").write_bytes(b"direct")
    before = len(net.proxy.seen)
    run_cli(
        env, "upload", str(tmp_path / "f.bin"), f"lo:{bucket}/f.bin", "--proxy", net.proxy.url(), check=True
    )
    assert net.proxy.seen[before:] == []


def test_an_unusable_proxy_is_refused_with_the_fix(tmp_path: Path) -> None:
    res = run_cli(_env(tmp_path), "list", "--proxy", "ftp://proxy.example:21")
    assert res.returncode == 2
    assert "socks5://HOST:PORT" in res.stderr.decode()


def test_a_wrong_ca_bundle_fails_with_the_authority_named(net: Net, tmp_path: Path) -> None:
    """A private CA's endpoint with the system's authorities only: refused, not trusted."""
    w = _way("https-ca", net, tmp_path)
    flags = [f for f in w.flags if f not in ("--ca-bundle", net.ca)]
    res = run_cli(w.env, "profile", "test", "px", *flags)
    assert res.returncode != 0
    assert "certificate" in (res.stdout + res.stderr).decode().lower()
