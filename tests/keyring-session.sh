#!/usr/bin/env bash
# Inside dbus-run-session: a throwaway home with an unlocked gnome-keyring, then run "$@".
set -euo pipefail
export SKYLIFT_TEST_REAL_HOME="${HOME:-}"
HOME=$(mktemp -d)
export HOME
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
XDG_RUNTIME_DIR=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
mkdir -p "$XDG_DATA_HOME/keyrings"
eval "$(printf 'skylift-test-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export SKYLIFT_TEST_KEYRING=1
exec "$@"
