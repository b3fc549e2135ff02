"""``skylift profile import``: an AWS CLI profile becomes a Skylift profile whose secret is in the
OS keyring (a real Secret Service, see tests/keyring-session.sh), and uploads work through it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from engine.store import ProfileRow, Store
from tests.helpers.cli import run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer, S3Backend, S3Client

pytestmark = pytest.mark.integration


@pytest.fixture
def keyring_env(tmp_path: Path) -> dict[str, str]:
    if not os.environ.get("SKYLIFT_TEST_KEYRING") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("keyring tests need the Secret Service session: run them via tests/keyring-session.sh")
    env = dict(os.environ, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    # Keys in the environment would stand in for a secret that never reached the keyring.
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        env.pop(var, None)
    return env


def _aws_files(tmp_path: Path, endpoint: str) -> Path:
    creds = tmp_path / "aws" / "config"
    creds.parent.mkdir()
    creds.write_text(
        "# the AWS CLI's config, with a SeaweedFS endpoint\n"
        "[profile lab]\n"
        "region = us-east-1\n"
        "s3 =\n"
        f"    endpoint_url = {endpoint}\n"
        "    addressing_style = path\n"
        f"aws_access_key_id = {ACCESS_KEY}\n"
        f"aws_secret_access_key = {SECRET_KEY}\n"
        "\n"
        "[profile ops]\n"
        "role_arn = arn:aws:iam::123456789012:role/Ops\n"
        "source_profile = lab\n"
        "\n"
        "[profile broken]\n"
        "aws_access_key_id = AKIAONLY\n"
    )
    return creds


def _stored_profile(home: Path, name: str) -> ProfileRow:
    from app.services.paths import resolve_paths

    store = Store(resolve_paths(str(home)).db)
    try:
        row = store.get_profile(name)
    finally:
        store.close()
    assert row is not None
    return row


def test_imported_profile_uploads_and_its_secret_is_only_in_the_keyring(
    tmp_path: Path, keyring_env: dict[str, str], weed: LocalServer, s3_backend: S3Backend, raw_s3: S3Client
) -> None:
    import keyring

    conf = _aws_files(tmp_path, weed.endpoint)
    dry = run_cli(keyring_env, "profile", "import", "aws", "--file", str(conf), "--dry-run", "--prefix", "x-")
    assert dry.returncode == 0, dry.stderr.decode()
    assert "would create x-lab" in dry.stdout.decode()
    listed = run_cli(keyring_env, "profile", "list", check=True).stdout.decode()
    assert "x-lab" not in listed, "a dry run saves nothing"

    imp = run_cli(keyring_env, "profile", "import", "aws", "--file", str(conf), "--prefix", "x-")
    out = imp.stdout.decode()
    assert imp.returncode == 0, imp.stderr.decode()
    assert "created x-lab: s3, keys in the OS keyring" in out
    assert "created x-ops: aws, keys from AWS profile ops (role_arn)" in out
    assert "skipped broken: no aws_secret_access_key" in out
    assert keyring.get_password("skylift", f"x-lab:{ACCESS_KEY}") == SECRET_KEY
    ops = _stored_profile(Path(keyring_env["SKYLIFT_HOME"]), "x-ops")
    assert (ops.aws_profile, ops.keyring_ref, ops.access_key_id) == ("ops", "", "")

    s3_backend.make_bucket("imported-bucket")
    src = tmp_path / "photo.jpg"
    src.write_bytes(os.urandom(200_000))
    up = run_cli(keyring_env, "--verbose", "upload", str(src), "x-lab:imported-bucket/photo.jpg", "--json")
    assert up.returncode == 0, up.stderr.decode()
    got = raw_s3.get_object(Bucket="imported-bucket", Key="photo.jpg")["Body"].read()
    assert got == src.read_bytes()

    again = run_cli(keyring_env, "profile", "import", "aws", "--file", str(conf), "--prefix", "x-")
    assert "skipped x-lab: a profile of that name exists" in again.stdout.decode()

    home = Path(keyring_env["SKYLIFT_HOME"])
    secret = SECRET_KEY.encode()
    leaks = [str(p) for p in home.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert leaks == [], "the secret must not reach the checkpoint, settings or logs"
    for res in (dry, imp, up, again):
        assert secret not in res.stdout + res.stderr
    run_cli(keyring_env, "profile", "remove", "x-lab", check=True)


def test_a_missing_file_is_a_usage_error(tmp_path: Path, keyring_env: dict[str, str]) -> None:
    res = run_cli(keyring_env, "profile", "import", "rclone", "--file", str(tmp_path / "nope.conf"))
    assert res.returncode == 2
    assert "no such file" in res.stderr.decode()
