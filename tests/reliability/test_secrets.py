"""A full run with debug logging, and no secret or request signature left anywhere it could leak.

The profile's secret is a distinctive random string that lives only in the real keyring (given
with ``--secret-stdin``; the CLI's environment carries no AWS_/OSS_ keys). The run uploads small and
multipart files through a recording proxy, fails against a profile with a wrong secret (the server
answers SignatureDoesNotMatch with its error body), tests both profiles and uploads to the built-in
storage (which starts its ``weed`` child). Then every file under SKYLIFT_HOME and the private
TMPDIR, every CLI output, and the cmdline and environ of the CLI and its children sampled while
they ran, are searched for the secrets and every signature seen on the wire.

There is no crash report to cover: neither the GUI nor the CLI installs an excepthook or writes a
crash file (an uncaught error goes to stderr, which is among the outputs searched).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.env import ROOT
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.targets import S3Target
from tests.reliability.leaks import TreeWatch, files_holding, refusing_server, signatures
from tests.reliability.tally import Tally

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not os.environ.get("SKYLIFT_TEST_KEYRING"), reason="needs tests/keyring-session.sh"),
]

MiB = 1024 * 1024
ACCESS = "skyak" + secrets.token_hex(4)
SECRET = "skySecretGood" + secrets.token_hex(16)
WRONG = "skySecretWrong" + secrets.token_hex(16)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """A SeaweedFS of this test's own, whose secret is the distinctive one. (It gets the secret in
    its environment; it is the test's server, not a child of Skylift, so it is not searched.)"""
    from app.services.local_server import start_local_server

    srv = start_local_server(tmp_path_factory.mktemp("weed-secrets"), access_key=ACCESS, secret_key=SECRET)
    yield srv
    srv.stop()


def _env(home: Path, tmpdir: Path) -> dict[str, str]:
    # No AWS_*/OSS_* variables: the secret reaches the CLI only through the keyring.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OSS_"))}
    env.update({"SKYLIFT_HOME": str(home), "TMPDIR": str(tmpdir), "PYTHONPATH": str(ROOT)})
    return env


class Run:
    """The CLI runs of the test, each followed through /proc, their outputs kept."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.watch = TreeWatch(Path(env["SKYLIFT_HOME"]))
        self.outputs: list[tuple[str, bytes]] = []

    def cli(self, *args: str, stdin: bytes = b"", expect: int | None = 0) -> tuple[int, str]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--verbose", *args],
            env=self.env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
        out, err = self.watch.follow(proc, 180)
        name = " ".join(args[:2])
        self.outputs += [(f"stdout of {name}", out), (f"stderr of {name}", err)]
        said = (out + err).decode(errors="replace")
        if expect is not None:
            assert proc.returncode == expect, f"skylift {' '.join(args)}: exit {proc.returncode}\n{said}"
        return proc.returncode, said


def test_no_secret_or_signature_leaks(tally: Tally, server: LocalServer, tmp_path: Path) -> None:
    home, tmpdir, src = tmp_path / "home", tmp_path / "tmp", tmp_path / "src"
    for d in (tmpdir, src):
        d.mkdir()
    (src / "small.bin").write_bytes(os.urandom(300_000))
    (src / "multi.bin").write_bytes(os.urandom(11 * MiB))
    bucket = S3Target(server.endpoint, ACCESS, SECRET).new_bucket()
    proxy = FaultProxy(server.s3_port)
    run = Run(_env(home, tmpdir))
    with refusing_server() as aws_port:
        echo = FaultProxy(aws_port)
        try:
            _run_all(run, tally, proxy, echo, bucket, src)
        finally:
            proxy.close()
            echo.close()
    # The search must be able to find something: the weed child was seen, signatures were taken.
    assert "weed" in run.watch.names, f"the built-in storage's process was never seen: {run.watch.names}"
    sigs = signatures(proxy) | signatures(echo)
    assert len(signatures(echo)) >= 2, "no signatures recorded on the way to the refusing server"
    assert len(sigs) >= 10, f"only {len(sigs)} signatures recorded on the wire"
    assert files_holding(home, {"id": ACCESS.encode()}), "the file search does not see the checkpoint"
    assert run.watch.holding({"home": str(home).encode()}), "the /proc search does not see environ"
    assert run.watch.side_files, "no -wal file was seen while the CLI ran"

    needles = {"the profile's secret": SECRET.encode(), "the wrong secret": WRONG.encode()}
    needles.update({f"signature {s[:12]}…": s.encode() for s in sigs})
    hits = files_holding(home, needles) + [f"{h} (TMPDIR)" for h in files_holding(tmpdir, needles)]
    hits += run.watch.holding(needles)
    # The built-in storage's own per-run secret reaches its ``weed`` child in the environment by
    # design (weed reads credentials from there or from a config file, which would be on disk); it
    # must be nowhere else.
    local = run.watch.environ_value("weed", "AWS_SECRET_ACCESS_KEY")
    assert local, "the built-in storage's secret was not found in its environment"
    hits += files_holding(home, {"the built-in storage's secret": local})
    hits += run.watch.holding({"the built-in storage's secret": local}, ("cmdline",))
    needles["the built-in storage's secret"] = local
    hits += [f"{name} in {where}" for where, data in run.outputs for name, v in needles.items() if v in data]
    print(
        f"searched {len(run.watch.seen)} /proc entries of {sorted(run.watch.names)}, "
        f"{len(run.watch.side_files)} -wal snapshots, {len(sigs)} signatures"
    )
    for hit in hits:
        tally.lost("secret hits", "full run", hit)
    assert not hits, "secrets or signatures found:\n" + "\n".join(hits)


def _run_all(run: Run, tally: Tally, proxy: FaultProxy, echo: FaultProxy, bucket: str, src: Path) -> None:
    proxy.record = echo.record = True
    profiles = (("good", SECRET, proxy), ("bad", WRONG, proxy), ("aws", SECRET, echo))
    for name, secret, via in profiles:
        run.cli(
            "profile", "add", name, "--provider", "seaweedfs", "--endpoint", via.endpoint,
            "--access-key-id", ACCESS, "--secret-stdin", stdin=secret.encode() + b"\n",
        )  # fmt: skip
    run.cli("profile", "test", "good")
    run.cli("upload", str(src), f"good:{bucket}/", "--part-size", "5MiB", "--threshold", "5MiB", "--json")
    for name in ("bad", "aws"):
        code, said = run.cli(
            "upload", str(src), f"{name}:{bucket}/{name}/", "--part-size", "5MiB", "--threshold", "5MiB",
            "--retries", "0", expect=None,
        )  # fmt: skip
        tally.tried("faults")
        assert code == 1 and "signature" in said.lower(), f"{name}: should fail on its signature:\n{said}"
        run.cli("profile", "test", name, expect=None)
    run.cli("list", "--json")
    run.cli("upload", str(src / "small.bin"), "local:skylift/small.bin")
