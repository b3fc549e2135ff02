#!/usr/bin/env bash
# Set up and run the whole test suite: unit, integration (real SeaweedFS, moto, the OSS gateway),
# keyring (a real Secret Service in a private D-Bus session) and GUI (offscreen and Xvfb); then
# the PyInstaller bundle (scripts/bundle-check.sh: build it, self-check, window under Xvfb); then
# ruff, the import-linter contracts in pyproject.toml, and mypy. Every step runs; the exit code
# is non-zero if any of them failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1
status=0
run_pytest() { dbus-run-session -- bash tests/keyring-session.sh .venv/bin/python -m pytest "$@"; }
if [ $# -eq 0 ]; then
    run_pytest --ignore=tests/reliability || status=1
    # The reliability suite mostly waits (backoffs, outages, bandwidth caps): three workers; it
    # ends with its one-line tally, summed over the workers.
    run_pytest -n 3 tests/reliability || status=1
else
    run_pytest "$@" || status=1
fi
bash scripts/bundle-check.sh || status=1
.venv/bin/ruff check . || status=1
.venv/bin/lint-imports || status=1
.venv/bin/mypy || status=1
exit $status
