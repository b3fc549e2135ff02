"""The reliability suite's tally: one summary line, and a failed session if anything was lost."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.reliability.faultrig import FaultRig, make_fault_rig
from tests.reliability.tally import TALLY, Tally

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer


@pytest.fixture
def tally() -> Tally:
    return TALLY


@pytest.fixture(scope="module")
def module_home(tmp_path_factory: pytest.TempPathFactory, weed: LocalServer) -> dict[str, str]:
    """``cli_home`` (its own SKYLIFT_HOME, a profile ``sw`` on the session's SeaweedFS) shared by
    one module's tests: one ``profile add`` per module instead of one per case. Tests that share
    it use their own buckets and find their transfers by path."""
    env = dict(os.environ)
    env.update(
        {
            "SKYLIFT_HOME": str(tmp_path_factory.mktemp("home") / "home"),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "PYTHONPATH": str(ROOT),
        }
    )
    run_cli(env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)
    return env


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY.active:
        return
    terminalreporter.write_sep("-", "reliability")
    for line in TALLY.found:
        terminalreporter.write_line(line)
    terminalreporter.write_line(TALLY.line())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        # A pytest-xdist worker: the controller adds this up (pytest_testnodedown) and says it.
        workeroutput["tally"] = TALLY.dump()
        return
    if TALLY.active and not TALLY.clean and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    data = getattr(node, "workeroutput", {}).get("tally")
    if data:
        TALLY.merge(data)


@pytest.fixture(params=["s3", "oss"])
def faults(request: pytest.FixtureRequest, tmp_path: Path, tally: Tally) -> Iterator[FaultRig]:
    """The real CLI against SeaweedFS (s3) or the OSS gateway (oss) through an HTTP fault proxy."""
    if request.param == "s3":
        upstream = request.getfixturevalue("weed").endpoint
    else:
        upstream = request.getfixturevalue("oss_gateway").endpoint
    rig = make_fault_rig(request.param, upstream, tmp_path, tally)
    yield rig
    rig.proxy.close()
