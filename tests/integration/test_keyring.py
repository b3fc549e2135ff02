"""Secrets in a real Secret Service (gnome-keyring in a private D-Bus session; see
tests/keyring-session.sh, which scripts/test.sh runs the suite under)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer, S3Backend


pytestmark = pytest.mark.integration


@pytest.fixture
def keyring_env(tmp_path: Path) -> dict[str, str]:
    if not os.environ.get("SKYLIFT_TEST_KEYRING") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("keyring tests need the Secret Service session: run them via scripts/test.sh")
    env = dict(os.environ, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    env.pop("AWS_ACCESS_KEY_ID", None)
    env.pop("AWS_SECRET_ACCESS_KEY", None)
    return env


def _files_contain(root: Path, needle: bytes) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_secret_goes_to_the_keyring_only_and_uploads_work_with_it(
    tmp_path: Path, keyring_env: dict[str, str], weed: LocalServer, s3_backend: S3Backend
) -> None:
    import keyring

    res = run_cli(
        keyring_env,
        "profile",
        "add",
        "kr",
        "--provider",
        "seaweedfs",
        "--endpoint",
        weed.endpoint,
        "--access-key-id",
        ACCESS_KEY,
        "--secret-stdin",
        input=(SECRET_KEY + "\n").encode(),
    )
    assert res.returncode == 0, res.stderr.decode()
    assert "OS keyring" in res.stdout.decode()
    assert keyring.get_password("skylift", f"kr:{ACCESS_KEY}") == SECRET_KEY
    s3_backend.make_bucket("keyring-bucket")
    src = tmp_path / "f.txt"
    src.write_bytes(b"kept secret\n")
    up = run_cli(keyring_env, "--verbose", "upload", str(src), "kr:keyring-bucket/f.txt", "--json")
    assert up.returncode == 0, up.stderr.decode()
    home = Path(keyring_env["SKYLIFT_HOME"])
    assert _files_contain(home, SECRET_KEY.encode()) == [], "the secret must not reach disk or logs"
    assert (home / "logs" / "skylift.log").stat().st_size > 0
    rm = run_cli(keyring_env, "profile", "remove", "kr")
    assert rm.returncode == 0, rm.stderr.decode()
    assert keyring.get_password("skylift", f"kr:{ACCESS_KEY}") is None


def test_without_a_secret_service_the_secret_is_refused_and_nothing_is_saved(
    keyring_env: dict[str, str], weed: LocalServer
) -> None:
    env = dict(keyring_env)
    env.pop("DBUS_SESSION_BUS_ADDRESS")
    res = run_cli(
        env,
        "profile",
        "add",
        "nokr",
        "--provider",
        "seaweedfs",
        "--endpoint",
        weed.endpoint,
        "--access-key-id",
        "AK",
        "--secret-stdin",
        input=b"would-be-secret\n",
    )
    assert res.returncode == 1
    err = res.stderr.decode()
    assert "no secure keyring" in err and "fail" in err
    assert "nokr" not in run_cli(env, "profile", "list").stdout.decode()
    assert _files_contain(Path(env["SKYLIFT_HOME"]), b"would-be-secret") == []


def test_self_check_names_the_keyring_backend(keyring_env: dict[str, str]) -> None:
    res = run_cli(keyring_env, "self-check")
    assert res.returncode == 0, res.stderr.decode() + res.stdout.decode()
    out = res.stdout.decode()
    assert "SecretService" in out and "stores, reads and deletes a secret" in out
    assert "upload:    ok      1 MiB to the built-in storage and back, identical" in out


def test_self_check_fails_without_a_usable_keyring(keyring_env: dict[str, str]) -> None:
    env = dict(keyring_env)
    env.pop("DBUS_SESSION_BUS_ADDRESS")
    res = run_cli(env, "self-check")
    assert res.returncode == 1
    keyring_line = next(x for x in res.stdout.decode().splitlines() if x.startswith("keyring:"))
    assert "FAILED" in keyring_line and "fail" in keyring_line
