"""The reliability suite's tally: one summary line, and a failed session if anything was lost."""

from __future__ import annotations

import pytest

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
    if TALLY.active and not TALLY.clean and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
