#!/usr/bin/env bash
# Installs what Skylift needs on Debian/Ubuntu: Qt's system libraries (and, for "test", the
# Secret Service keyring daemon, Xvfb, xdotool and openbox for the journeys, and a CJK font), a
# virtualenv in .venv, the Python packages.
# Usage: scripts/setup.sh [app|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-app}

pkgs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
      libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
      libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libdbus-1-3 fonts-wqy-microhei)
if [ "$mode" = test ]; then
  pkgs+=(dbus gnome-keyring xvfb xauth xdotool desktop-file-utils openbox)
fi
if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
  pkgs+=(python3-venv)
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
      echo "setup: please install (as root): apt-get install ${missing[*]}" >&2
    fi
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$mode" = test ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e ".[local]"
fi
# Translations: compile resources/i18n/*.ts to the .qm files the app loads (not committed).
for ts in resources/i18n/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
