"""The reliability suite's tally: one summary line, and a failed session if anything was lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.faultrig import FaultRig, make_fault_rig
from tests.reliability.tally import TALLY, Tally


@pytest.fixture
def tally() -> Tally:
    return TALLY


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
