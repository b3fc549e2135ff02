#!/usr/bin/env bash
# Set up (first run) and launch the Skylift desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/skylift "$@"
