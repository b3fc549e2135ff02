"""How each client is started for one run: its command line and its environment.

Every client runs in a process of its own with a minimal environment and a throwaway HOME, so no
user config (~/.aws, rclone.conf) changes what it does. All of them get the loopback endpoint
explicitly; the CRT and raw peers refuse anything else.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import target
from bench.measure import Measured, clean_env
from bench.venvs import Tools

REPO = Path(__file__).resolve().parent.parent
PEERS_DIR = Path(__file__).resolve().parent / "peers"
PROFILE = "bench"


@dataclass
class RunSpec:
    """One run: what to upload, where, with which settings, and a scratch folder for it."""

    workload: str
    files: list[Path]
    src_dir: Path
    bucket: str
    prefix: str
    settings: Any
    run_dir: Path

    @property
    def single(self) -> bool:
        return len(self.files) == 1

    def keys(self) -> list[tuple[str, str]]:
        return [(str(p), f"{self.prefix}/{p.name}") for p in self.files]


@dataclass
class Invocation:
    argv: list[str]
    env: dict[str, str]
    cwd: Path


class Clients:
    """Builds invocations; the Target gives endpoint and keys, Tools the peers' programs."""

    def __init__(self, t: target.Target, tools: Tools, work: Path) -> None:
        self.t = t
        self.tools = tools
        self.work = work
        self._skylift_home: Path | None = None

    # ---- shared pieces --------------------------------------------------------------------------
    def _env(self, spec: RunSpec, **extra: str) -> dict[str, str]:
        home = spec.run_dir / "home"
        home.mkdir(parents=True, exist_ok=True)
        return clean_env(
            {
                "HOME": str(home),
                "TMPDIR": str(spec.run_dir),
                "AWS_ACCESS_KEY_ID": self.t.access_key,
                "AWS_SECRET_ACCESS_KEY": self.t.secret_key,
                "AWS_REGION": target.REGION,
                "AWS_DEFAULT_REGION": target.REGION,
                # No instance-metadata probes, no shared files: credentials come from here only.
                "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": str(spec.run_dir / "aws-config"),
                "AWS_SHARED_CREDENTIALS_FILE": str(spec.run_dir / "aws-credentials"),
                **extra,
            }
        )

    def _job(self, spec: RunSpec, **extra: Any) -> str:
        job = {
            "endpoint": self.t.endpoint,
            "region": target.REGION,
            "bucket": spec.bucket,
            "files": spec.keys(),
            "settings": spec.settings,
            **extra,
        }
        path = spec.run_dir / "job.json"
        path.write_text(json.dumps(job))
        return str(path)

    def _src(self, spec: RunSpec) -> str:
        return str(spec.files[0]) if spec.single else str(spec.src_dir)

    # ---- Skylift ---------------------------------------------------------------------------------
    def skylift_home(self, spec: RunSpec) -> Path:
        """A fresh SKYLIFT_HOME per run (copied from one with the profile in it), so no run
        starts with an earlier run's checkpoint rows. Within one run it is kept: W7 and W8 run
        Skylift again where it uploaded, as a person would, with what it recorded then."""
        home = spec.run_dir / "skylift-home"
        if home.exists():
            return home
        if self._skylift_home is None:
            tmpl = self.work / "skylift-home-template"
            env = clean_env({"HOME": str(self.work), "SKYLIFT_HOME": str(tmpl)})
            argv = [sys.executable, "-m", "app", "profile", "add", PROFILE, "--provider", "seaweedfs"]
            argv += ["--endpoint", self.t.endpoint]
            subprocess.run(argv, env=env, cwd=REPO, check=True, capture_output=True)
            self._skylift_home = tmpl
        shutil.copytree(self._skylift_home, home)
        return home

    def skylift_env(self, spec: RunSpec, home: Path) -> dict[str, str]:
        return self._env(spec, SKYLIFT_HOME=str(home), QT_QPA_PLATFORM="offscreen")

    def skylift(self, spec: RunSpec) -> Invocation:
        home = self.skylift_home(spec)
        srcs = [str(p) for p in spec.files] if spec.single else [str(spec.src_dir)]
        dest = f"{PROFILE}:{spec.bucket}/{spec.prefix}/"
        argv = [sys.executable, "-m", "app", "upload", *srcs, dest, "--json", *spec.settings]
        return Invocation(argv, self.skylift_env(spec, home), REPO)

    def skylift_rerun(self, spec: RunSpec) -> Invocation:
        """W7: the same upload, told to leave alone each object that matches its file."""
        inv = self.skylift(spec)
        at = inv.argv.index("--json")
        inv.argv[at:at] = ["--if-exists", "skip-same"]
        return inv

    def skylift_verify(self, spec: RunSpec) -> Invocation:
        """W8: compare the folder with what the upload made of it."""
        home = self.skylift_home(spec)
        dest = f"{PROFILE}:{spec.bucket}/{spec.prefix}/"
        argv = [sys.executable, "-m", "app", "verify", str(spec.src_dir), dest, "--json", *spec.settings]
        return Invocation(argv, self.skylift_env(spec, home), REPO)

    # ---- peers -----------------------------------------------------------------------------------
    def boto3(self, spec: RunSpec) -> Invocation:
        argv = [sys.executable, str(PEERS_DIR / "boto3_peer.py"), self._job(spec)]
        return Invocation(argv, self._env(spec), spec.run_dir)

    def crt(self, spec: RunSpec) -> Invocation:
        argv = [self.tools.paths["crt"], str(PEERS_DIR / "crt_peer.py"), self._job(spec)]
        return Invocation(argv, self._env(spec), spec.run_dir)

    def list_prefix(self, spec: RunSpec) -> Invocation:
        """W8's listing baseline: ListObjectsV2 over the prefix, page by page, with boto3."""
        argv = [sys.executable, str(PEERS_DIR / "list_prefix.py"), self._job(spec, prefix=f"{spec.prefix}/")]
        return Invocation(argv, self._env(spec), spec.run_dir)

    def raw(self, spec: RunSpec) -> Invocation:
        urls = [target.presign_put(self.t, spec.bucket, key) for _path, key in spec.keys()]
        argv = [sys.executable, str(PEERS_DIR / "raw_put.py"), self._job(spec, urls=urls)]
        return Invocation(argv, self._env(spec), spec.run_dir)

    def _aws_config(self, spec: RunSpec) -> None:
        lines = ["[default]", f"region = {target.REGION}"]
        s = dict(spec.settings)
        for k in ("request_checksum_calculation", "response_checksum_validation"):
            if k in s:
                lines.append(f"{k} = {s.pop(k)}")
        if s:
            lines.append("s3 =")
            lines += [f"  {k} = {v}" for k, v in s.items()]
        (spec.run_dir / "aws-config").write_text("\n".join(lines) + "\n")

    def awscli(self, spec: RunSpec) -> Invocation:
        self._aws_config(spec)
        argv = [self.tools.paths["awscli"], "--endpoint-url", self.t.endpoint, "s3", "cp"]
        argv += [self._src(spec), f"s3://{spec.bucket}/{spec.prefix}/", "--only-show-errors"]
        if not spec.single:
            argv.append("--recursive")
        return Invocation(argv, self._env(spec), spec.run_dir)

    def awscli_rerun(self, spec: RunSpec) -> Invocation:
        """W7: ``aws s3 sync`` skips a file whose size matches and whose time is not newer."""
        self._aws_config(spec)
        argv = [self.tools.paths["awscli"], "--endpoint-url", self.t.endpoint, "s3", "sync"]
        argv += [str(spec.src_dir), f"s3://{spec.bucket}/{spec.prefix}/{spec.src_dir.name}/"]
        return Invocation([*argv, "--only-show-errors"], self._env(spec), spec.run_dir)

    def _rclone_env(self, spec: RunSpec) -> dict[str, str]:
        env = self._env(
            spec,
            RCLONE_CONFIG=str(spec.run_dir / "rclone.conf"),
            RCLONE_CONFIG_BENCH_TYPE="s3",
            RCLONE_CONFIG_BENCH_PROVIDER="SeaweedFS",
            RCLONE_CONFIG_BENCH_ENDPOINT=self.t.endpoint,
            RCLONE_CONFIG_BENCH_REGION=target.REGION,
            RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=self.t.access_key,
            RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=self.t.secret_key,
        )
        (spec.run_dir / "rclone.conf").write_text("")
        return env

    def rclone(self, spec: RunSpec) -> Invocation:
        argv = [self.tools.paths["rclone"], "copy", self._src(spec), f"bench:{spec.bucket}/{spec.prefix}/"]
        return Invocation([*argv, *spec.settings], self._rclone_env(spec), spec.run_dir)

    def rclone_rerun(self, spec: RunSpec) -> Invocation:
        """W7: ``rclone sync --checksum`` skips a file whose size and MD5 (the ETag) match."""
        dest = f"bench:{spec.bucket}/{spec.prefix}/{spec.src_dir.name}"
        argv = [self.tools.paths["rclone"], "sync", "--checksum", str(spec.src_dir), dest]
        return Invocation([*argv, *spec.settings], self._rclone_env(spec), spec.run_dir)

    def s5cmd(self, spec: RunSpec) -> Invocation:
        src = str(spec.files[0]) if spec.single else f"{spec.src_dir}/*"
        argv = [self.tools.paths["s5cmd"], "--endpoint-url", self.t.endpoint, *spec.settings["global"]]
        argv += ["cp", *spec.settings["cp"], src, f"s3://{spec.bucket}/{spec.prefix}/"]
        return Invocation(argv, self._env(spec), spec.run_dir)

    def invocation(self, client: str, spec: RunSpec, kind: str = "") -> Invocation:
        """``kind`` "rerun": the client's sync command (W7) instead of its upload."""
        build = getattr(self, f"{client}_{kind}" if kind else client)
        inv: Invocation = build(spec)
        return inv


def skylift_events(stdout: Path, event: str) -> list[dict[str, Any]]:
    """The JSON lines of one kind (``summary``, ``skipped`` …) that ``--json`` printed."""
    out = []
    for line in stdout.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if obj.get("event") == event:
                out.append(obj)
    return out


def skylift_summaries(stdout: Path) -> list[dict[str, Any]]:
    return skylift_events(stdout, "summary")


def check_output(client: str, m: Measured, files: int) -> tuple[bool, dict[str, Any], str]:
    """What the client itself says about the run, on top of the exit code and the server check."""
    if client != "skylift":
        return True, {}, ""
    summaries = skylift_summaries(m.stdout)
    extra = {"bytes_sent": sum(int(s.get("bytes_sent", 0)) for s in summaries)}
    bad = [s for s in summaries if s.get("state") != "done"]
    if len(summaries) != files or bad:
        first = bad[0] if bad else {}
        why = f"{len(summaries)} summaries for {files} files, {len(bad)} not done {first.get('detail')}"
        return False, extra, why
    return True, extra, ""
