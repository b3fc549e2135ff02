"""Upload options through the real ``skylift`` CLI, checked on the object the server keeps.

Where each case runs: SeaweedFS honours headers, tags, SSE-S3 (AES256) and SSE-C (a HEAD without
the key is refused); it keeps no canned ACL but the owner's and has no KMS configured. moto's
server keeps ACLs and SSE-KMS headers (it ignores SSE-C altogether). OSS options go through the
OSS gateway, which records the headers it was sent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import botocore.exceptions
import pytest

from tests.helpers.cli import json_events, run_cli, s3_home, start_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.fixtures import LocalServer
from tests.helpers.oss_gateway import OssGateway, start_moto
from tests.helpers.s3 import raw_s3_client
from tests.helpers.targets import OssTarget

pytestmark = pytest.mark.integration

MiB = 1024 * 1024
#: 12 MiB in 5 MiB parts: three parts, the last one short.
MULTI = ["--threshold", "5MiB", "--part-size", "5MiB"]
SIZES = {"single": 300 * 1024, "multipart": 12 * MiB}


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    server, endpoint = start_moto()
    yield endpoint
    server.stop()


def _file(tmp_path: Path, kind: str) -> Path:
    src = tmp_path / f"{kind}.bin"
    src.write_bytes(os.urandom(SIZES[kind]))
    return src


def _up(kind: str) -> list[str]:
    return MULTI if kind == "multipart" else []


def _summary(out: bytes) -> dict[str, Any]:
    (s,) = json_events(out, "summary")
    return s


def _moto_home(home: Path, endpoint: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "SKYLIFT_HOME": str(home),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "PYTHONPATH": str(ROOT),
        }
    )
    run_cli(
        env, "profile", "add", "m", "--provider", "s3", "--endpoint", endpoint, "--path-style", check=True
    )
    return env


def _bucket(endpoint: str) -> str:
    name = "opts-" + os.urandom(6).hex()
    raw_s3_client(endpoint).create_bucket(Bucket=name)
    return name


@pytest.mark.parametrize("kind", ["single", "multipart"])
def test_headers_tags_and_sse_s3_land_on_seaweedfs(tmp_path: Path, weed: LocalServer, kind: str) -> None:
    env = s3_home(tmp_path / "home", "sw", weed.endpoint)
    bucket = _bucket(weed.endpoint)
    src = _file(tmp_path, kind)
    res = run_cli(
        env,
        "upload",
        str(src),
        f"sw:{bucket}/obj",
        *_up(kind),
        "--content-type",
        "application/x-test",
        "--cache-control",
        "max-age=3600",
        "--content-disposition",
        'attachment; filename="a.bin"',
        "--content-encoding",
        "identity",
        "--tag",
        "team=web",
        "--tag",
        "env=a b&c",
        "--meta",
        "owner=ops",
        "--sse",
        "aes256",
        "--json",
        check=True,
    )
    s = _summary(res.stdout)
    assert s["state"] == "done"
    assert s["options"]["cache_control"] == "max-age=3600"
    assert s["options"]["tags"] == {"team": "web", "env": "a b&c"}
    assert s["options"]["sse"] == "aes256"
    assert s["options"]["content_type"] == "application/x-test"
    raw = raw_s3_client(weed.endpoint)
    head = raw.head_object(Bucket=bucket, Key="obj")
    assert head["ContentType"] == "application/x-test"
    assert head["CacheControl"] == "max-age=3600"
    assert head["ContentDisposition"] == 'attachment; filename="a.bin"'
    assert head["ContentEncoding"] == "identity"
    assert head["Metadata"]["owner"] == "ops"
    assert head["ServerSideEncryption"] == "AES256"
    tags = raw.get_object_tagging(Bucket=bucket, Key="obj")["TagSet"]
    assert {t["Key"]: t["Value"] for t in tags} == {"team": "web", "env": "a b&c"}


@pytest.mark.parametrize("kind", ["single", "multipart"])
def test_acl_and_sse_kms_land_on_moto(tmp_path: Path, moto_endpoint: str, kind: str) -> None:
    env = _moto_home(tmp_path / "home", moto_endpoint)
    bucket = _bucket(moto_endpoint)
    src = _file(tmp_path, kind)
    res = run_cli(
        env,
        "upload",
        str(src),
        f"m:{bucket}/obj",
        *_up(kind),
        "--acl",
        "public-read",
        "--sse",
        "kms:my-key-id",
        "--tag",
        "k=v",
        "--json",
    )
    assert res.returncode == 0, res.stderr.decode()
    s = _summary(res.stdout)
    assert (s["state"], s["options"]["acl"], s["options"]["kms_key_id"]) == (
        "done",
        "public-read",
        "my-key-id",
    )
    raw = raw_s3_client(moto_endpoint)
    head = raw.head_object(Bucket=bucket, Key="obj")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"] == "my-key-id"
    grants = raw.get_object_acl(Bucket=bucket, Key="obj")["Grants"]
    assert any(
        g["Grantee"].get("URI", "").endswith("/global/AllUsers") and g["Permission"] == "READ" for g in grants
    ), grants
    assert raw.get_object_tagging(Bucket=bucket, Key="obj")["TagSet"] == [{"Key": "k", "Value": "v"}]
    # The ETag of an SSE-KMS object is no MD5: the upload said how it was proven instead.
    log = (tmp_path / "home").rglob("*.log")
    if kind == "multipart":
        assert any("encrypted object" in p.read_text() for p in log)


def _key_file(tmp_path: Path, b64: bool) -> tuple[Path, bytes]:
    key = os.urandom(32)
    path = tmp_path / "key"
    path.write_bytes(base64.b64encode(key) + b"\n" if b64 else key)
    return path, key


def _no_key_anywhere(home: Path, key: bytes, *outputs: bytes) -> None:
    needles = [key, base64.b64encode(key), base64.b64encode(key).decode().encode("utf-16-le")]
    hits = [str(p) for p in home.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]
    hits += [f"output {i}" for i, out in enumerate(outputs) if any(n in out for n in needles)]
    assert hits == [], f"the customer key was written to {hits}"


def _get_sha256(endpoint: str, bucket: str, key: str, customer: bytes) -> str:
    raw = raw_s3_client(endpoint)
    obj = raw.get_object(Bucket=bucket, Key=key, SSECustomerAlgorithm="AES256", SSECustomerKey=customer)
    return hashlib.sha256(obj["Body"].read()).hexdigest()


@pytest.mark.parametrize("kind", ["single", "multipart"])
def test_sse_c_object_needs_the_key_and_the_key_is_written_nowhere(
    tmp_path: Path, weed: LocalServer, kind: str
) -> None:
    env = s3_home(tmp_path / "home", "sw", weed.endpoint)
    bucket = _bucket(weed.endpoint)
    src = _file(tmp_path, kind)
    path, key = _key_file(tmp_path, b64=kind == "multipart")
    res = run_cli(
        env,
        "upload",
        str(src),
        f"sw:{bucket}/obj",
        *_up(kind),
        "--sse",
        "c",
        "--sse-c-key-file",
        str(path),
        "--json",
    )
    assert res.returncode == 0, res.stderr.decode()
    s = _summary(res.stdout)
    assert s["state"] == "done"
    assert s["options"]["sse_c_md5"] == base64.b64encode(hashlib.md5(key).digest()).decode()
    raw = raw_s3_client(weed.endpoint)
    with pytest.raises(botocore.exceptions.ClientError):
        raw.head_object(Bucket=bucket, Key="obj")
    head = raw.head_object(Bucket=bucket, Key="obj", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
    assert head["SSECustomerAlgorithm"] == "AES256"
    assert _get_sha256(weed.endpoint, bucket, "obj", key) == hashlib.sha256(src.read_bytes()).hexdigest()
    listed = run_cli(env, "list", "--json", check=True)
    _no_key_anywhere(tmp_path / "home", key, res.stdout, res.stderr, listed.stdout)


def test_sse_c_resume_after_a_kill_needs_the_key_again(tmp_path: Path, weed: LocalServer) -> None:
    env = s3_home(tmp_path / "home", "sw", weed.endpoint)
    bucket = _bucket(weed.endpoint)
    src = _file(tmp_path, "multipart")
    path, key = _key_file(tmp_path, b64=False)
    args = ["upload", str(src), f"sw:{bucket}/obj", *MULTI, "--sse", "c", "--sse-c-key-file", str(path)]
    proc = start_cli(env, *args, "--json", "--bwlimit", "4MiB/s")
    assert proc.stdout is not None
    seen = b""
    for line in proc.stdout:
        seen += line
        if json.loads(line)["event"] == "part":
            break
    else:
        raise AssertionError("the upload sent no part before it ended: " + seen.decode())
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    outputs = [seen, out, err]

    (row,) = [json.loads(x) for x in run_cli(env, "list", "--json").stdout.splitlines()]
    assert row["upload_id"], row
    tid = str(row["id"])
    bare = run_cli(env, "resume", tid, "--json")
    outputs += [bare.stdout, bare.stderr]
    assert bare.returncode != 0
    said = (bare.stdout + bare.stderr).decode()
    assert "this upload is encrypted with a customer key; give it again with --sse-c-key-file" in said
    (kept,) = [json.loads(x) for x in run_cli(env, "list", "--json").stdout.splitlines()]
    assert (kept["upload_id"], kept["error_code"]) == (row["upload_id"], "key_needed")

    wrong = tmp_path / "wrong"
    wrong.write_bytes(os.urandom(32))
    other = run_cli(env, "resume", tid, "--sse-c-key-file", str(wrong), "--json")
    outputs += [other.stdout, other.stderr]
    assert other.returncode != 0
    assert "not the one this upload began with" in (other.stdout + other.stderr).decode()

    # --all without the key leaves it, saying why; with the key it takes it up again
    left = run_cli(env, "resume", "--all")
    outputs += [left.stdout, left.stderr]
    assert "give it again with --sse-c-key-file" in left.stderr.decode()
    good = run_cli(env, "resume", "--all", "--sse-c-key-file", str(path), "--json")
    outputs += [good.stdout, good.stderr]
    assert good.returncode == 0, (good.stdout + good.stderr).decode()[-3000:]
    assert _summary(good.stdout)["state"] == "done"
    assert _get_sha256(weed.endpoint, bucket, "obj", key) == hashlib.sha256(src.read_bytes()).hexdigest()
    _no_key_anywhere(tmp_path / "home", key, *outputs)


def test_profile_defaults_merge_under_the_flags(tmp_path: Path, weed: LocalServer) -> None:
    env = s3_home(tmp_path / "home", "sw", weed.endpoint)
    bucket = _bucket(weed.endpoint)
    run_cli(
        env,
        "profile",
        "set",
        "sw",
        "--upload-default",
        "cache-control=max-age=60",
        "--upload-default",
        "tag=team=web",
        "--upload-default",
        "content-disposition=inline",
        check=True,
    )
    src = _file(tmp_path, "single")
    run_cli(
        env,
        "upload",
        str(src),
        f"sw:{bucket}/obj",
        "--cache-control",
        "no-cache",
        "--tag",
        "env=prod",
        check=True,
    )
    raw = raw_s3_client(weed.endpoint)
    head = raw.head_object(Bucket=bucket, Key="obj")
    assert (head["CacheControl"], head["ContentDisposition"]) == ("no-cache", "inline")
    tags = raw.get_object_tagging(Bucket=bucket, Key="obj")["TagSet"]
    assert {t["Key"]: t["Value"] for t in tags} == {"team": "web", "env": "prod"}
    # Re-adding the profile (new endpoint, say) keeps its defaults.
    run_cli(env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)
    res = run_cli(env, "upload", str(src), f"sw:{bucket}/again", "--json", check=True)
    assert _summary(res.stdout)["options"]["cache_control"] == "max-age=60"


def test_watch_uploads_with_the_profile_defaults(tmp_path: Path, weed: LocalServer) -> None:
    env = s3_home(tmp_path / "home", "sw", weed.endpoint)
    bucket = _bucket(weed.endpoint)
    run_cli(env, "profile", "set", "sw", "--upload-default", "tag=src=watch", check=True)
    folder = tmp_path / "outbox"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"watched")
    run_cli(env, "watch", str(folder), f"sw:{bucket}/w/", "--once", "--settle", "0.1", check=True)
    raw = raw_s3_client(weed.endpoint)
    assert raw.get_object_tagging(Bucket=bucket, Key="w/outbox/a.txt")["TagSet"] == [
        {"Key": "src", "Value": "watch"}
    ]


def _bare_home(tmp_path: Path) -> dict[str, str]:
    """Profiles that are never contacted: every case below is refused before any request."""
    env = dict(os.environ)
    env.update({"SKYLIFT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)})
    env.update({"AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"})
    env.update({"OSS_ACCESS_KEY_ID": "x", "OSS_ACCESS_KEY_SECRET": "y"})
    run_cli(
        env, "profile", "add", "s", "--provider", "seaweedfs", "--endpoint", "http://127.0.0.1:9", check=True
    )
    run_cli(env, "profile", "add", "r", "--provider", "r2", "--endpoint", "http://127.0.0.1:9", check=True)
    run_cli(env, "profile", "add", "o", "--provider", "oss", "--endpoint", "http://127.0.0.1:9", check=True)
    return env


@pytest.mark.parametrize(
    ("dest", "args", "words"),
    [
        ("s:b1b/k", ["--acl", "everyone"], ["'everyone'", "public-read", "bucket-owner-full-control"]),
        ("o:b1b/k", ["--acl", "authenticated-read"], ["'authenticated-read'", "default"]),
        ("s:b1b/k", ["--tag", "team"], ["--tag", "'team'", "KEY=VALUE"]),
        ("s:b1b/k", ["--sse", "rot13"], ["--sse", "'rot13'", "aes256, kms, c"]),
        ("r:b1b/k", ["--sse", "kms"], ["Cloudflare R2", "no KMS"]),
        ("o:b1b/k", ["--sse", "c", "--sse-c-key-file", "KEY"], ["Aliyun OSS", "SSE-C"]),
        ("s:b1b/k", ["--sse", "c"], ["--sse c needs the key", "--sse-c-key-file"]),
        ("s:b1b/k", ["--sse", "c", "--sse-c-key-file", "SHORT"], ["32 raw bytes or their base64"]),
        ("s:b1b/k", ["--sse-c-key-file", "KEY"], ["without --sse c"]),
    ],
)
def test_bad_values_exit_2_naming_the_problem(
    tmp_path: Path, dest: str, args: list[str], words: list[str]
) -> None:
    env = _bare_home(tmp_path)
    (tmp_path / "key").write_bytes(os.urandom(32))
    (tmp_path / "short").write_bytes(b"0123456789")
    args = [
        str(tmp_path / "key") if a == "KEY" else str(tmp_path / "short") if a == "SHORT" else a for a in args
    ]
    src = tmp_path / "f.txt"
    src.write_text("x")
    res = run_cli(env, "upload", str(src), dest, *args)
    err = res.stderr.decode()
    assert res.returncode == 2, err
    for w in words:
        assert w in err, (w, err)
    assert not [x for x in run_cli(env, "list", "--json").stdout.splitlines() if x.strip()]


def test_profile_default_bad_values_exit_2(tmp_path: Path) -> None:
    env = _bare_home(tmp_path)
    res = run_cli(env, "profile", "set", "s", "--upload-default", "sse=c")
    assert res.returncode == 2 and "never kept" in res.stderr.decode()
    res = run_cli(env, "profile", "set", "s", "--upload-default", "colour=blue")
    assert res.returncode == 2 and "'colour'" in res.stderr.decode()
    add = ["profile", "add", "z", "--provider", "seaweedfs", "--endpoint", "http://127.0.0.1:9"]
    res = run_cli(env, *add, "--upload-default", "acl=everyone")
    assert res.returncode == 2 and "'everyone'" in res.stderr.decode()
    assert "z " not in run_cli(env, "profile", "list", check=True).stdout.decode()  # nothing saved
    res = run_cli(env, *add, "--upload-default", "cache-control=no-store", check=True)
    assert "upload defaults: cache_control=no-store" in res.stdout.decode()


@pytest.mark.parametrize("kind", ["single", "multipart"])
def test_oss_options_reach_the_server(tmp_path: Path, oss_gateway: OssGateway, kind: str) -> None:
    target = OssTarget(oss_gateway.endpoint, ACCESS_KEY, SECRET_KEY, region=oss_gateway.region)
    env = dict(os.environ)
    env.update({"SKYLIFT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT), **target.env})
    run_cli(
        env,
        "profile",
        "add",
        "o",
        "--provider",
        "oss",
        "--endpoint",
        target.endpoint,
        *target.profile_args,
        check=True,
    )
    bucket = target.new_bucket()
    src = _file(tmp_path, kind)
    up = ["--threshold", "1MiB", "--part-size", "5MiB"] if kind == "multipart" else []
    res = run_cli(
        env,
        "upload",
        str(src),
        f"o:{bucket}/obj",
        *up,
        "--cache-control",
        "max-age=5",
        "--content-disposition",
        "inline",
        "--acl",
        "public-read",
        "--tag",
        "team=web",
        "--sse",
        "kms:kid-1",
        "--json",
    )
    assert res.returncode == 0, res.stderr.decode()
    writes = [r for r in oss_gateway.requests if r.key == "obj" and r.method in ("PUT", "POST")]
    first = writes[0]  # InitiateMultipartUpload, or the single PutObject
    assert first.headers["cache-control"] == "max-age=5"
    assert first.headers["content-disposition"] == "inline"
    assert first.headers["x-oss-tagging"] == "team=web"
    assert first.headers["x-oss-server-side-encryption"] == "KMS"
    assert first.headers["x-oss-server-side-encryption-key-id"] == "kid-1"
    # OSS takes the object ACL with PutObject or CompleteMultipartUpload, not at initiation.
    last = writes[-1]
    assert last.headers["x-oss-object-acl"] == "public-read"
    if kind == "multipart":
        assert "uploads" in first.query and "uploadId" in last.query
        assert "x-oss-object-acl" not in first.headers
    # What moto behind the gateway keeps (the gateway maps the OSS headers onto S3's).
    raw = raw_s3_client(oss_gateway.moto_endpoint)
    head = raw.head_object(Bucket=bucket, Key="obj")
    assert (head["CacheControl"], head["ContentDisposition"]) == ("max-age=5", "inline")
    assert (head["ServerSideEncryption"], head.get("SSEKMSKeyId")) == ("aws:kms", "kid-1")
    assert raw.get_object_tagging(Bucket=bucket, Key="obj")["TagSet"] == [{"Key": "team", "Value": "web"}]
    grants = raw.get_object_acl(Bucket=bucket, Key="obj")["Grants"]
    assert any(g["Grantee"].get("URI", "").endswith("/global/AllUsers") for g in grants), grants
