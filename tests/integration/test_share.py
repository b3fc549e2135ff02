"""``skylift share``: the real command prints a link, and a plain HTTP client downloads with it."""

from __future__ import annotations

import hashlib
import os
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli, start_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.oss_gateway import OssGateway
from tests.helpers.targets import OssTarget, Target

pytestmark = pytest.mark.integration


def _home(tmp_path: Path, target: Target) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SKYLIFT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT), **target.env})
    add = ["profile", "add", "t", "--provider", target.provider, "--endpoint", target.endpoint]
    run_cli(env, *add, *target.profile_args, check=True)
    return env


def _uploaded(tmp_path: Path, target: Target, env: dict[str, str], key: str) -> tuple[str, bytes]:
    bucket = target.new_bucket()
    data = os.urandom(300_000)
    src = tmp_path / "report.bin"
    src.write_bytes(data)
    run_cli(env, "upload", str(src), f"t:{bucket}/{key}", check=True)
    return bucket, data


def _get(url: str) -> bytes:
    # No credentials, no SDK: what anyone given the link would do.
    with urllib.request.urlopen(url, timeout=30) as resp:
        return bytes(resp.read())


def test_a_share_link_downloads_the_object(tmp_path: Path, target: Target) -> None:
    env = _home(tmp_path, target)
    key = "shared/q3 report.bin"
    bucket, data = _uploaded(tmp_path, target, env, key)
    res = run_cli(env, "share", f"t:{bucket}/{key}", "--expires", "30m", check=True)
    (url,) = res.stdout.decode().split()
    assert hashlib.sha256(_get(url)).digest() == hashlib.sha256(data).digest()
    assert "the link works until" in res.stderr.decode()


def test_an_expired_link_is_refused(tmp_path: Path, target: Target) -> None:
    env = _home(tmp_path, target)
    bucket, _ = _uploaded(tmp_path, target, env, "brief.bin")
    res = run_cli(env, "share", f"t:{bucket}/brief.bin", "--expires", "1", check=True)
    url = res.stdout.decode().strip()
    deadline = time.monotonic() + 30
    status = 0
    while time.monotonic() < deadline:
        try:
            _get(url)
        except urllib.error.HTTPError as exc:
            status = exc.code
            break
        time.sleep(0.5)
    assert status == 403, "the server still served the link 30 s after it expired"


def test_a_missing_object_is_said_plainly(tmp_path: Path, target: Target) -> None:
    env = _home(tmp_path, target)
    bucket = target.new_bucket()
    res = run_cli(env, "share", f"t:{bucket}/not/there.txt")
    assert res.returncode == 2
    assert f"no object not/there.txt in {bucket}" in res.stderr.decode()
    assert res.stdout == b""
    assert b"Traceback" not in res.stderr


def test_longer_than_seven_days_is_refused(tmp_path: Path, target: Target) -> None:
    env = _home(tmp_path, target)
    bucket, _ = _uploaded(tmp_path, target, env, "a.bin")
    res = run_cli(env, "share", f"t:{bucket}/a.bin", "--expires", "8d")
    assert res.returncode == 2
    assert "at most 7 days" in res.stderr.decode()
    bad = run_cli(env, "share", f"t:{bucket}/a.bin", "--expires", "soon")
    assert bad.returncode == 2 and "--expires takes" in bad.stderr.decode()


def test_url_prints_the_plain_object_url(tmp_path: Path, target: Target) -> None:
    env = _home(tmp_path, target)
    key = "docs/read me.txt"
    bucket, _ = _uploaded(tmp_path, target, env, key)
    res = run_cli(env, "share", f"t:{bucket}/{key}", "--url", check=True)
    # Both test servers are on an IP address, where the bucket goes in the path.
    assert res.stdout.decode().strip() == f"{target.endpoint}/{bucket}/docs/read%20me.txt"
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(res.stdout.decode().strip())  # the bucket is private: the plain URL alone opens nothing
    assert err.value.code == 403


def test_a_link_to_the_built_in_storage_works_while_the_command_runs(tmp_path: Path) -> None:
    env = dict(os.environ, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    data = os.urandom(100_000)
    src = tmp_path / "local.bin"
    src.write_bytes(data)
    run_cli(env, "upload", str(src), "local:skylift/shared/local.bin", check=True)
    proc = start_cli(env, "share", "local:skylift/shared/local.bin", "--expires", "10m")
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().decode().strip()
        assert url.startswith("http://127.0.0.1:"), url
        assert hashlib.sha256(_get(url)).digest() == hashlib.sha256(data).digest()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert "only while this Skylift runs" in err.decode()


def test_an_oss_v1_profile_signs_links_too(tmp_path: Path, oss_gateway: OssGateway) -> None:
    target = OssTarget(
        oss_gateway.endpoint, ACCESS_KEY, SECRET_KEY, region=oss_gateway.region, signature="v1"
    )
    env = _home(tmp_path, target)
    bucket, data = _uploaded(tmp_path, target, env, "v1/old style.bin")
    res = run_cli(env, "share", f"t:{bucket}/v1/old style.bin", "--expires", "1h", check=True)
    url = res.stdout.decode().strip()
    assert "OSSAccessKeyId=" in url and "Signature=" in url
    assert _get(url) == data
    tampered = url.replace("Expires=", "Expires=1")  # a later expiry the signature does not cover
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(tampered)
    assert err.value.code == 403
