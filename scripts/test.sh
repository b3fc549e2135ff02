#!/usr/bin/env bash
# Set up and run the whole test suite: unit, integration (real SeaweedFS, moto, the OSS gateway),
# keyring (a real Secret Service in a private D-Bus session) and GUI (offscreen and Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/mypy
exec dbus-run-session -- bash tests/keyring-session.sh .venv/bin/python -m pytest "$@"
