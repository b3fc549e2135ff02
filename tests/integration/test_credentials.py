"""The credentials companies use: AWS config profiles, roles, SSO, credential_process, session
tokens (AWS and Aliyun STS), and what a refused key does to the queue.

The AWS side runs against moto's server started with IAM enforcement (``INITIAL_NO_AUTH_ACTION_COUNT``):
it checks every SigV4 signature, knows the keys of its IAM users and the temporary keys its STS
handed out, and refuses a temporary key without its session token. Its request recorder
(``MOTO_RECORDER_FILEPATH``) shows which key signed each request. Skylift runs as the ``skylift``
command, the way users run it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest

from tests.helpers.cli import json_events, paused_upload, run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY

if TYPE_CHECKING:
    from tests.helpers.fixtures import S3Client
    from tests.helpers.oss_gateway import OssGateway

pytestmark = pytest.mark.integration
MiB = 1024 * 1024
ACCOUNT = "123456789012"
ALLOW_ALL = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Key:
    id: str
    secret: str
    token: str = ""


@dataclass
class MotoIam:
    """moto's server in its own process, enforcing IAM: a user with two keys and a role."""

    endpoint: str
    user: Key
    second: Key
    role_arn: str
    recording: Path

    def client(self, service: Any, key: Key | None = None) -> Any:
        k = key or self.user
        return boto3.client(
            service,
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=k.id,
            aws_secret_access_key=k.secret,
            aws_session_token=k.token or None,
        )

    def assume(self) -> Key:
        c = self.client("sts").assume_role(RoleArn=self.role_arn, RoleSessionName="skylift-test")[
            "Credentials"
        ]
        return Key(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])

    def bucket(self, name: str) -> str:
        self.client("s3").create_bucket(Bucket=name)
        return name

    def requests(self) -> list[dict[str, Any]]:
        """What the server received so far, oldest first (bodies dropped)."""
        out = []
        for line in self.recording.read_text().splitlines():
            entry = json.loads(line)
            entry.pop("body", None)
            out.append(entry)
        return out

    def sha256(self, bucket: str, key: str) -> str:
        return hashlib.sha256(self.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read()).hexdigest()


def signed_by(entry: dict[str, Any]) -> str:
    """The access key id in a recorded request's SigV4 Authorization header."""
    auth = header(entry, "authorization")
    return auth.partition("Credential=")[2].partition("/")[0]


def header(entry: dict[str, Any], name: str) -> str:
    return str({k.lower(): v for k, v in entry["headers"].items()}.get(name.lower(), ""))


@pytest.fixture(scope="module")
def moto_iam(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoIam]:
    where = tmp_path_factory.mktemp("moto-iam")
    recording = where / "recording.jsonl"
    port = _free_port()
    env = dict(
        os.environ,
        # The user, its key and its policy are made before enforcement starts; everything
        # after (the second key, the role, every upload) is checked.
        INITIAL_NO_AUTH_ACTION_COUNT="3",
        MOTO_ENABLE_RECORDING="1",
        MOTO_RECORDER_FILEPATH=str(recording),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-p", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError("moto's server did not start") from None
                time.sleep(0.1)  # polling a server that is starting: the condition is checked
        anon = boto3.client(
            "iam",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="x",
            aws_secret_access_key="y",
        )
        anon.create_user(UserName="uploader")
        k = anon.create_access_key(UserName="uploader")["AccessKey"]
        anon.put_user_policy(UserName="uploader", PolicyName="all", PolicyDocument=ALLOW_ALL)
        user = Key(k["AccessKeyId"], k["SecretAccessKey"])
        iam = MotoIam(endpoint, user, user, "", recording)
        k2 = iam.client("iam").create_access_key(UserName="uploader")["AccessKey"]
        iam.second = Key(k2["AccessKeyId"], k2["SecretAccessKey"])
        trust = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
        }
        role = iam.client("iam").create_role(RoleName="deploy", AssumeRolePolicyDocument=json.dumps(trust))
        iam.client("iam").put_role_policy(RoleName="deploy", PolicyName="all", PolicyDocument=ALLOW_ALL)
        iam.role_arn = role["Role"]["Arn"]
        # Enforcement is on: a wrong secret is refused (else these tests could prove nothing).
        with pytest.raises(Exception, match="SignatureDoesNotMatch"):
            iam.client("s3", Key(user.id, "not-the-secret")).list_buckets()
        yield iam
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def bucket_name(tmp_path: Path, moto_iam: MotoIam) -> str:
    return moto_iam.bucket("cred-" + tmp_path.name[-20:].lower().replace("_", "-"))


def aws_env(tmp_path: Path, config: str = "", credentials: str = "", **extra: str) -> dict[str, str]:
    """``skylift``'s environment: its own SKYLIFT_HOME, AWS config files in ``tmp_path``, and no
    AWS or OSS variable from the outer environment (the chain must find only what a test gives)."""
    files = tmp_path / "aws"
    files.mkdir(exist_ok=True)
    (files / "config").write_text(config)
    (files / "credentials").write_text(credentials)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OSS_"))}
    env.update(
        SKYLIFT_HOME=str(tmp_path / "home"),
        PYTHONPATH=str(ROOT),
        AWS_CONFIG_FILE=str(files / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(files / "credentials"),
        # Nothing found must not mean seconds of asking for an instance role that is not there.
        AWS_EC2_METADATA_DISABLED="true",
    )
    env.update(extra)
    return env


def add_moto_profile(
    env: dict[str, str], moto: MotoIam, name: str, *args: str, input: bytes | None = None
) -> None:
    run_cli(
        env,
        "profile",
        "add",
        name,
        "--provider",
        "s3",
        "--endpoint",
        moto.endpoint,
        "--region",
        "us-east-1",
        "--path-style",
        *args,
        check=True,
        input=input,
    )


def files(tmp_path: Path, big: int = 6 * MiB) -> tuple[Path, str, Path, str]:
    """A small file (the lean single PUT) and a multipart one, with their sha256."""
    small, large = tmp_path / "small.txt", tmp_path / "large.bin"
    small.write_bytes(b"hello credentials\n")
    large.write_bytes(os.urandom(big))
    return (
        small,
        hashlib.sha256(small.read_bytes()).hexdigest(),
        large,
        hashlib.sha256(large.read_bytes()).hexdigest(),
    )


def upload_both(env: dict[str, str], moto: MotoIam, profile: str, bucket: str, tmp_path: Path) -> None:
    small, small_sha, large, large_sha = files(tmp_path)
    for src in (small, large):
        res = run_cli(
            env,
            "upload",
            str(src),
            f"{profile}:{bucket}/{src.name}",
            "--part-size",
            "5MiB",
            "--threshold",
            "5MiB",
            "--json",
        )
        assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
        (s,) = json_events(res.stdout, "summary")
        assert s["state"] == "done", s
    assert moto.sha256(bucket, "small.txt") == small_sha
    assert moto.sha256(bucket, "large.bin") == large_sha


def uploads_of(moto: MotoIam, bucket: str, since: int) -> list[dict[str, Any]]:
    return [
        r for r in moto.requests()[since:] if f"/{bucket}/" in r["url"] and r["method"] in ("PUT", "POST")
    ]


# ---- AWS: config profiles and the default chain ---------------------------------------------------------
def test_named_profile_with_static_keys_by_aws_profile_and_by_AWS_PROFILE(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    creds = f"[dev]\naws_access_key_id = {moto_iam.user.id}\naws_secret_access_key = {moto_iam.user.secret}\n"
    env = aws_env(tmp_path, config="[profile dev]\nregion = us-east-1\n", credentials=creds)
    add_moto_profile(env, moto_iam, "named", "--aws-profile", "dev")
    listed = run_cli(env, "profile", "list", check=True).stdout.decode()
    assert "aws-profile:dev" in listed
    before = len(moto_iam.requests())
    upload_both(env, moto_iam, "named", bucket_name, tmp_path)
    assert {signed_by(r) for r in uploads_of(moto_iam, bucket_name, before)} == {moto_iam.user.id}

    # A Skylift profile with no key of its own takes the default chain, which reads AWS_PROFILE.
    add_moto_profile(env, moto_iam, "chain")
    (tmp_path / "other").mkdir()
    upload_both(dict(env, AWS_PROFILE="dev"), moto_iam, "chain", bucket_name, tmp_path / "other")

    # The same profile with nothing in the chain says where credentials can come from.
    res = run_cli(env, "upload", str(tmp_path / "small.txt"), f"chain:{bucket_name}/x.txt", "--json")
    assert res.returncode == 1
    out = res.stdout.decode() + res.stderr.decode()
    assert "--aws-profile" in out and "AWS_PROFILE" in out, out
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("paused", "auth"), s


def test_unknown_aws_profile_is_said_with_the_files_to_look_in(tmp_path: Path, moto_iam: MotoIam) -> None:
    env = aws_env(tmp_path)
    add_moto_profile(env, moto_iam, "typo", "--aws-profile", "nosuch")
    res = run_cli(env, "profile", "test", "typo")
    assert res.returncode != 0
    err = res.stderr.decode()
    assert "'nosuch'" in err and "AWS_CONFIG_FILE" in err, err
    assert "Traceback" not in err


def test_session_token_from_the_environment_is_sent_and_needed(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    temp = moto_iam.assume()
    env = aws_env(
        tmp_path,
        AWS_ACCESS_KEY_ID=temp.id,
        AWS_SECRET_ACCESS_KEY=temp.secret,
        AWS_SESSION_TOKEN=temp.token,
    )
    add_moto_profile(env, moto_iam, "envtok")
    before = len(moto_iam.requests())
    upload_both(env, moto_iam, "envtok", bucket_name, tmp_path)
    sent = uploads_of(moto_iam, bucket_name, before)
    assert sent and all(
        signed_by(r) == temp.id and header(r, "x-amz-security-token") == temp.token for r in sent
    )

    # Without the token the same temporary key is refused: the token above was what let it in.
    no_token = {k: v for k, v in env.items() if k != "AWS_SESSION_TOKEN"}
    res = run_cli(
        no_token, "upload", str(tmp_path / "small.txt"), f"envtok:{bucket_name}/again.txt", "--json"
    )
    assert res.returncode == 1
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("paused", "auth"), s


def test_stored_session_token_lives_in_the_keyring_only(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    temp = moto_iam.assume()
    env = aws_env(tmp_path)
    add_moto_profile(
        env,
        moto_iam,
        "stored",
        "--access-key-id",
        temp.id,
        "--secret-stdin",
        "--session-token-stdin",
        input=f"{temp.secret}\n{temp.token}\n".encode(),
    )
    before = len(moto_iam.requests())
    upload_both(env, moto_iam, "stored", bucket_name, tmp_path)
    sent = uploads_of(moto_iam, bucket_name, before)
    # Both the lean single PUT and boto3's multipart requests carried the stored token.
    assert len(sent) >= 4  # PUT small, POST create, PUT part x2, POST complete
    assert all(header(r, "x-amz-security-token") == temp.token for r in sent)
    # The small file went by the lean PUT (urllib3, signed by Skylift), not through boto3.
    assert [r["url"] for r in sent if "urllib3" in header(r, "user-agent")] == [
        f"{moto_iam.endpoint}/{bucket_name}/small.txt"
    ]
    # With debug logging on (botocore's included), neither the secret nor the token is written.
    big = str(tmp_path / "large.bin")
    res = run_cli(env, "--verbose", "upload", big, f"stored:{bucket_name}/v.bin", "--json")
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    home = Path(env["SKYLIFT_HOME"])
    assert any(f.stat().st_size for f in (home / "logs").rglob("*") if f.is_file())
    (db,) = [p for p in home.rglob("*.db") if p.is_file()]
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    assert temp.token not in dump and temp.secret not in dump
    for f in home.rglob("*"):
        if f.is_file() and f.suffix != ".db":
            text = f.read_bytes()
            assert temp.token.encode() not in text and temp.secret.encode() not in text, f


def test_assume_role_with_source_profile_through_sts(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    creds = (
        f"[base]\naws_access_key_id = {moto_iam.user.id}\naws_secret_access_key = {moto_iam.user.secret}\n"
    )
    config = f"[profile deploy]\nrole_arn = {moto_iam.role_arn}\nsource_profile = base\nregion = us-east-1\n"
    env = aws_env(tmp_path, config=config, credentials=creds, AWS_ENDPOINT_URL_STS=moto_iam.endpoint)
    add_moto_profile(env, moto_iam, "role", "--aws-profile", "deploy")
    before = len(moto_iam.requests())
    upload_both(env, moto_iam, "role", bucket_name, tmp_path)
    seen = moto_iam.requests()[before:]
    assumed = [
        r
        for r in seen
        if r["method"] == "POST" and signed_by(r) == moto_iam.user.id and "/" + bucket_name not in r["url"]
    ]
    assert assumed, "no AssumeRole call reached STS"
    sent = uploads_of(moto_iam, bucket_name, before)
    # The uploads were signed with the role's temporary key and its token, not the base key.
    keys = {signed_by(r) for r in sent}
    assert len(keys) >= 1 and moto_iam.user.id not in keys, keys
    assert all(header(r, "x-amz-security-token") for r in sent)


CREDENTIAL_PROCESS = """\
import datetime, json, sys, time
state, keys = sys.argv[1], sys.argv[2]
with open(state, "a") as f:
    f.write(f"{time.time()}\\n")
with open(state) as f:
    calls = len(f.read().splitlines())
key = json.load(open(keys))[0 if calls == 1 else 1]
# The first answer expires 4 s after botocore's 15-minute early-refresh window opens.
ahead = 15 * 60 + 4 if calls == 1 else 3600
until = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=ahead)
answer = {"Version": 1, "AccessKeyId": key[0], "SecretAccessKey": key[1], "Expiration": until.isoformat()}
print(json.dumps(answer))
"""


def test_credential_process_refreshes_during_a_long_upload(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    """The first key the process gives is due for renewal 4 s into the upload; the second answer
    is another key. The upload must finish, with its later parts and Complete signed by the new
    key, and the small file queued behind it sent by the lean PUT with the new key too."""
    script, state, keys = tmp_path / "proc.py", tmp_path / "calls.txt", tmp_path / "keys.json"
    script.write_text(CREDENTIAL_PROCESS)
    keys.write_text(
        json.dumps([[moto_iam.user.id, moto_iam.user.secret], [moto_iam.second.id, moto_iam.second.secret]])
    )
    config = (
        f"[profile proc]\nregion = us-east-1\ncredential_process = {sys.executable} {script} {state} {keys}\n"
    )
    env = aws_env(tmp_path, config=config)
    add_moto_profile(env, moto_iam, "proc", "--aws-profile", "proc")
    folder = tmp_path / "run"
    folder.mkdir()
    src = folder / "a-long.bin"
    src.write_bytes(os.urandom(20 * MiB))
    (folder / "b-small.txt").write_bytes(b"after the renewal\n")
    before = len(moto_iam.requests())
    started = time.time()
    res = run_cli(
        env,
        "upload",
        str(folder),
        f"proc:{bucket_name}/",
        "--part-size",
        "5MiB",
        "--threshold",
        "5MiB",
        "--bwlimit",
        "2MiB/s",
        "--concurrency",
        "1",
        "--json",
    )
    ended = time.time()
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    calls = [float(x) for x in state.read_text().split()]
    assert len(calls) == 2, calls
    assert started < calls[0] < calls[1] < ended
    parts = [r for r in uploads_of(moto_iam, bucket_name, before) if "partNumber=" in r["url"]]
    complete = [
        r
        for r in uploads_of(moto_iam, bucket_name, before)
        if r["method"] == "POST" and "uploadId=" in r["url"]
    ]
    by = [signed_by(r) for r in parts]
    # Renewed mid-upload: the first part with the first key, a later part and Complete with the second.
    assert by[0] == moto_iam.user.id and by[-1] == moto_iam.second.id, by
    assert [signed_by(r) for r in complete] == [moto_iam.second.id]
    (lean,) = [r for r in uploads_of(moto_iam, bucket_name, before) if "urllib3" in header(r, "user-agent")]
    assert lean["url"].endswith("/run/b-small.txt") and signed_by(lean) == moto_iam.second.id
    assert moto_iam.sha256(bucket_name, "run/a-long.bin") == hashlib.sha256(src.read_bytes()).hexdigest()


# ---- AWS SSO ----------------------------------------------------------------------------------------------
class SsoPortal:
    """Stands in for AWS's SSO portal (``GetRoleCredentials``), which cannot run here: moto does
    not serve it. It answers ``GET /federation/credentials`` for one bearer token, the way the
    portal does, with temporary keys that moto's STS really issued; every call is recorded."""

    def __init__(self, token: str, role: Key) -> None:
        self.calls: list[dict[str, str]] = []
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                portal.calls.append(
                    {"path": url.path, **query, "token": self.headers.get("x-amz-sso_bearer_token", "")}
                )
                if (
                    url.path != "/federation/credentials"
                    or self.headers.get("x-amz-sso_bearer_token") != token
                ):
                    body = json.dumps({"message": "Session token not found or invalid"}).encode()
                    self.send_response(401)
                    self.send_header("x-amzn-ErrorType", "UnauthorizedException")
                else:
                    expires = int((time.time() + 3600) * 1000)
                    creds = {
                        "accessKeyId": role.id,
                        "secretAccessKey": role.secret,
                        "sessionToken": role.token,
                    }
                    body = json.dumps({"roleCredentials": {**creds, "expiration": expires}}).encode()
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


START_URL = "https://skylift-test.awsapps.com/start"


def _sso_env(tmp_path: Path, portal: SsoPortal, token: str, expires: datetime) -> dict[str, str]:
    config = (
        f"[profile sso-dev]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
        f"sso_account_id = {ACCOUNT}\nsso_role_name = Uploader\nregion = us-east-1\n"
    )
    home = tmp_path / "user"
    cache = home / ".aws" / "sso" / "cache"
    cache.mkdir(parents=True)
    # Where 'aws sso login' leaves the token: named by the SHA-1 of the start URL.
    entry = {
        "startUrl": START_URL,
        "region": "us-east-1",
        "accessToken": token,
        "expiresAt": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    (cache / (hashlib.sha1(START_URL.encode()).hexdigest() + ".json")).write_text(json.dumps(entry))
    return aws_env(tmp_path, config=config, HOME=str(home), AWS_ENDPOINT_URL_SSO=portal.endpoint)


def test_sso_profile_takes_role_credentials_from_the_portal(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    role = moto_iam.assume()
    portal = SsoPortal("sso-access-token-1", role)
    try:
        env = _sso_env(tmp_path, portal, "sso-access-token-1", datetime.now(UTC) + timedelta(hours=1))
        add_moto_profile(env, moto_iam, "sso", "--aws-profile", "sso-dev")
        before = len(moto_iam.requests())
        upload_both(env, moto_iam, "sso", bucket_name, tmp_path)
    finally:
        portal.stop()
    assert portal.calls and all(
        c["role_name"] == "Uploader" and c["account_id"] == ACCOUNT for c in portal.calls
    )
    sent = uploads_of(moto_iam, bucket_name, before)
    assert sent and all(
        signed_by(r) == role.id and header(r, "x-amz-security-token") == role.token for r in sent
    )


def test_expired_sso_login_pauses_with_the_login_command(
    tmp_path: Path, moto_iam: MotoIam, bucket_name: str
) -> None:
    portal = SsoPortal("sso-access-token-2", moto_iam.assume())
    try:
        env = _sso_env(tmp_path, portal, "sso-access-token-2", datetime.now(UTC) - timedelta(hours=1))
        add_moto_profile(env, moto_iam, "sso", "--aws-profile", "sso-dev")
        src = tmp_path / "f.txt"
        src.write_bytes(b"x")
        res = run_cli(env, "upload", str(src), f"sso:{bucket_name}/f.txt", "--json")
    finally:
        portal.stop()
    assert res.returncode == 1
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("paused", "auth"), s
    assert "aws sso login --profile sso-dev" in s["detail"], s
    assert not portal.calls  # an expired token is not sent to the portal


# ---- a refused key pauses; a resume with the key fixed finishes ---------------------------------------
def _listed(env: dict[str, str], tid: int) -> dict[str, Any]:
    rows = [json.loads(x) for x in run_cli(env, "list", "--json").stdout.decode().splitlines()]
    (row,) = [r for r in rows if r["id"] == tid]
    return dict(row)


def test_refused_key_pauses_the_transfer_and_resume_with_the_right_key_finishes(
    tmp_path: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client
) -> None:
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(16 * MiB))
    tid = paused_upload(cli_home, str(src), f"sw:{bucket}/big.bin", after="part")
    upload_id = _listed(cli_home, tid)["upload_id"]

    wrong = dict(cli_home, AWS_SECRET_ACCESS_KEY="not-the-secret")
    res = run_cli(wrong, "resume", str(tid), "--json")
    assert res.returncode == 1, res.stdout.decode() + res.stderr.decode()
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("paused", "auth"), s
    assert "SignatureDoesNotMatch" in s["detail"] and "renew its session token" in s["detail"], s
    err = res.stderr.decode()
    assert f"skylift resume {tid}" in err and "not-the-secret" not in err + res.stdout.decode()
    row = _listed(cli_home, tid)
    # Paused, not failed, with the upload and its acknowledged parts kept.
    assert (row["state"], row["error_code"], row["upload_id"]) == ("paused", "auth", upload_id), row
    assert row["bytes_done"] > 0

    res = run_cli(cli_home, "resume", str(tid), "--json")
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    got = raw_s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read()
    assert hashlib.sha256(got).hexdigest() == hashlib.sha256(src.read_bytes()).hexdigest()


def test_refused_key_pauses_the_rest_of_the_profiles_queue(
    tmp_path: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(4):
        (folder / f"f{i}.txt").write_bytes(f"file {i}\n".encode())
    wrong = dict(cli_home, AWS_ACCESS_KEY_ID="NOSUCHKEY")
    res = run_cli(wrong, "upload", str(folder), f"sw:{bucket}/q/", "--concurrency", "1", "--json")
    assert res.returncode == 1
    summaries = json_events(res.stdout, "summary")
    # One request was refused; the others were not each sent to be refused in turn.
    assert len(summaries) == 4 and {(s["state"], s["error_code"]) for s in summaries} == {("paused", "auth")}
    assert all("InvalidAccessKeyId" in s["detail"] for s in summaries), summaries
    res = run_cli(cli_home, "resume", "--all", "--json")
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    for i in range(4):
        assert (
            raw_s3.get_object(Bucket=bucket, Key=f"q/many/f{i}.txt")["Body"].read() == f"file {i}\n".encode()
        )


# ---- Aliyun OSS STS ------------------------------------------------------------------------------------
def _oss_env(tmp_path: Path, gw: OssGateway, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OSS_"))}
    env.update(SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT), **extra)
    return env


def _oss_bucket(gw: OssGateway) -> str:
    import oss2

    name = "sts-" + base64.b32encode(os.urandom(5)).decode().lower()
    oss2.Bucket(oss2.AuthV4(ACCESS_KEY, SECRET_KEY), gw.endpoint, name, region=gw.region).create_bucket()
    return name


def _oss_sha256(gw: OssGateway, bucket: str, key: str) -> str:
    import oss2

    got = oss2.Bucket(oss2.AuthV4(ACCESS_KEY, SECRET_KEY), gw.endpoint, bucket, region=gw.region).get_object(
        key
    )
    return hashlib.sha256(got.read()).hexdigest()


@pytest.mark.parametrize("signature", ["v1", "v4"])
def test_oss_sts_token_stored_then_expired_then_renewed(
    tmp_path: Path, oss_gateway: OssGateway, signature: str
) -> None:
    gw = oss_gateway
    gw.credentials["STS.tempkey"] = "temp-secret-0123456789"
    gw.tokens["STS.tempkey"] = "sts-token-one"
    try:
        bucket = _oss_bucket(gw)
        env = _oss_env(tmp_path, gw)

        def add(token: str) -> None:
            run_cli(
                env,
                "profile",
                "add",
                "ali",
                "--provider",
                "oss",
                "--endpoint",
                gw.endpoint,
                "--region",
                gw.region,
                "--signature",
                signature,
                "--access-key-id",
                "STS.tempkey",
                "--secret-stdin",
                "--session-token-stdin",
                input=f"temp-secret-0123456789\n{token}\n".encode(),
                check=True,
            )

        add("sts-token-one")
        small, small_sha, large, large_sha = files(tmp_path, big=700 * 1024)
        for src in (small, large):
            res = run_cli(
                env,
                "upload",
                str(src),
                f"ali:{bucket}/{src.name}",
                "--part-size",
                "300KB",
                "--threshold",
                "300KB",
                "--json",
            )
            assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
        assert _oss_sha256(gw, bucket, "small.txt") == small_sha
        assert _oss_sha256(gw, bucket, "large.bin") == large_sha
        mine = [r for r in gw.requests if r.bucket == bucket and r.key and r.method in ("PUT", "POST")]
        assert len(mine) >= 6  # PutObject; Initiate, 3 parts, Complete
        assert mine and all(r.headers.get("x-oss-security-token") == "sts-token-one" for r in mine)

        # The token expires: the transfer pauses with the fix named, then a renewed token finishes it.
        gw.expired_tokens.add("sts-token-one")
        again = tmp_path / "again.bin"
        again.write_bytes(os.urandom(500 * 1024))
        res = run_cli(
            env,
            "upload",
            str(again),
            f"ali:{bucket}/again.bin",
            "--part-size",
            "300KB",
            "--threshold",
            "300KB",
            "--json",
        )
        assert res.returncode == 1
        (s,) = json_events(res.stdout, "summary")
        assert (s["state"], s["error_code"]) == ("paused", "auth") and "SecurityTokenExpired" in s[
            "detail"
        ], s
        gw.tokens["STS.tempkey"] = "sts-token-two"
        add("sts-token-two")
        res = run_cli(env, "resume", str(s["id"]), "--json")
        assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
        assert _oss_sha256(gw, bucket, "again.bin") == hashlib.sha256(again.read_bytes()).hexdigest()
    finally:
        gw.credentials.pop("STS.tempkey", None)


def test_oss_sts_token_from_the_environment(tmp_path: Path, oss_gateway: OssGateway) -> None:
    gw = oss_gateway
    gw.credentials["STS.envkey"] = "env-secret-0123456789"
    gw.tokens["STS.envkey"] = "sts-env-token"
    try:
        bucket = _oss_bucket(gw)
        env = _oss_env(
            tmp_path,
            gw,
            OSS_ACCESS_KEY_ID="STS.envkey",
            OSS_ACCESS_KEY_SECRET="env-secret-0123456789",
            OSS_SESSION_TOKEN="sts-env-token",
        )
        run_cli(
            env,
            "profile",
            "add",
            "ali",
            "--provider",
            "oss",
            "--endpoint",
            gw.endpoint,
            "--region",
            gw.region,
            check=True,
        )
        src = tmp_path / "f.txt"
        src.write_bytes(b"from the environment\n")
        res = run_cli(env, "upload", str(src), f"ali:{bucket}/f.txt", "--json")
        assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
        assert _oss_sha256(gw, bucket, "f.txt") == hashlib.sha256(src.read_bytes()).hexdigest()
        # Without the token the gateway refuses the temporary key, as OSS does.
        res = run_cli(
            {k: v for k, v in env.items() if k != "OSS_SESSION_TOKEN"},
            "upload",
            str(src),
            f"ali:{bucket}/g.txt",
            "--json",
        )
        (s,) = json_events(res.stdout, "summary")
        assert (s["state"], s["error_code"]) == ("paused", "auth") and "InvalidSecurityToken" in s[
            "detail"
        ], s
    finally:
        gw.credentials.pop("STS.envkey", None)


def test_watch_once_with_a_refused_key_exits_non_zero_and_says_why(
    tmp_path: Path, cli_home: dict[str, str], bucket: str
) -> None:
    """A cron job's 'skylift watch --once' must not report success when nothing was uploaded, nor
    try to queue for ever: the key is refused before anything is queued (the server's listing,
    asked for the skip-same policy), and one look ends there."""
    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"watched file\n")
    wrong = dict(cli_home, AWS_SECRET_ACCESS_KEY="not-the-secret")
    res = run_cli(wrong, "watch", str(folder), f"sw:{bucket}/w/", "--once", "--settle", "0.5", "--json")
    assert res.returncode == 1, res.stdout.decode() + res.stderr.decode()
    err = res.stderr.decode()
    assert "cannot queue 1 file(s): " in err and "403" in err and "trying again" not in err, err
