#!/usr/bin/env bash
# CI step (scripts/test.sh): build the PyInstaller bundle and prove that it runs.
#  1. installs the `package` extra and runs packaging/build (dist/skylift/ and the .tar.gz);
#  2. inside the tests' keyring session (dbus-run-session + tests/keyring-session.sh):
#     `dist/skylift/skylift-cli self-check` offscreen, which must exit 0;
#  3. starts the bundled window `dist/skylift/skylift` under a private Xvfb with a throwaway
#     SKYLIFT_HOME, waits until the window is mapped, saves
#     test-artifacts/bundle/skylift-window.png (and fails if it is blank), quits it with Ctrl+Q.
# Prints the time the whole step took. Any failure says why and exits 1.
# Usage: bash scripts/bundle-check.sh      (needs scripts/setup.sh test: Xvfb, xdotool, gnome-keyring)
set -uo pipefail
cd "$(dirname "$0")/.."
out=test-artifacts/bundle

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
start=''

fail() {
  echo "bundle-check: FAILED${start:+ after $(seconds "$start" "$(now)") s}: $*" >&2
  exit 1
}

# ---- 2 and 3, run by step 1 inside the keyring session -------------------------------------------
if [ "${1:-}" = --in-session ]; then
  mkdir -p "$out"
  app_pid='' xvfb_pid=''
  homes=$(mktemp -d)  # the throwaway SKYLIFT_HOMEs
  cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$homes"
  }
  trap cleanup EXIT

  t=$(now)
  home=$homes/cli
  QT_QPA_PLATFORM=offscreen SKYLIFT_HOME=$home timeout 180 dist/skylift/skylift-cli self-check \
    >"$out/self-check.txt" 2>&1
  rc=$?
  sed 's/^/  | /' "$out/self-check.txt"
  [ $rc -eq 0 ] || fail "dist/skylift/skylift-cli self-check exited $rc (output above, $out/self-check.txt)"
  echo "bundle-check: self-check passed in $(seconds "$t" "$(now)") s"

  # The menu entry the bundle installs must be valid and start the bundle's own window.
  share=$homes/share
  XDG_DATA_HOME=$share SKYLIFT_HOME=$homes/desk dist/skylift/skylift-cli desktop-install >/dev/null \
    || fail "skylift-cli desktop-install failed"
  desktop-file-validate "$share/applications/skylift.desktop" || fail "the installed desktop entry is not valid"
  [ -s "$share/icons/hicolor/scalable/apps/skylift.svg" ] || fail "desktop-install wrote no icon"
  grep -q "^Exec=$PWD/dist/skylift/skylift %F\$" "$share/applications/skylift.desktop" \
    || fail "the desktop entry does not start dist/skylift/skylift with %F"
  echo "bundle-check: desktop entry valid, starts the bundled window"

  t=$(now)
  command -v Xvfb >/dev/null && command -v xdotool >/dev/null \
    || fail "Xvfb or xdotool is missing (bash scripts/setup.sh test installs them)"
  # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$out/xvfb-display" 2>"$out/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$out/xvfb-display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb exited (see $out/xvfb.log)"
    sleep 0.1
  done
  [ -s "$out/xvfb-display" ] || fail "Xvfb gave no display number within 10 s"
  export DISPLAY=":$(tr -d '[:space:]' <"$out/xvfb-display")"

  home=$homes/gui
  env -u QT_QPA_PLATFORM SKYLIFT_HOME="$home" dist/skylift/skylift >"$out/skylift-gui.log" 2>&1 &
  app_pid=$!
  # --onlyvisible: mapped, not only created. --sync waits for it, in 1 s slices (up to 60 s) so
  # that an app that died at start is reported at once.
  wid=''
  for _ in $(seq 60); do
    wid=$(timeout 1 xdotool search --sync --onlyvisible --name '^Skylift$' 2>/dev/null | head -1)
    [ -n "$wid" ] && break
    kill -0 "$app_pid" 2>/dev/null || break
  done
  if [ -z "$wid" ]; then
    sed 's/^/  | /' "$out/skylift-gui.log"
    if ! kill -0 "$app_pid" 2>/dev/null; then
      wait "$app_pid"
      rc=$?
      app_pid=''
      fail "dist/skylift/skylift exited $rc before showing its window (log above, $out/skylift-gui.log)"
    fi
    fail "the bundled window was not mapped within 60 s (log above, $out/skylift-gui.log)"
  fi
  echo "bundle-check: window $wid mapped $(seconds "$t" "$(now)") s after Xvfb started"
  # Mapped is not yet painted: grab until the picture is not blank (up to ~10 s).
  shot="$out/skylift-window.png"
  ok=''
  for _ in $(seq 10); do
    sleep 1
    if .venv/bin/python scripts/grab-window.py "$wid" "$shot" 2>"$out/grab.log"; then ok=1; break; fi
  done
  [ -n "$ok" ] || fail "no usable screenshot of window $wid: $(cat "$out/grab.log")"

  # Quit the way a user does (File > Quit, Ctrl+Q): the app pauses and closes its checkpoint.
  xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+q \
    || fail "xdotool could not send Ctrl+Q to window $wid"
  for _ in $(seq 200); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$app_pid" 2>/dev/null; then
    fail "the bundled window did not quit within 20 s of Ctrl+Q (log: $out/skylift-gui.log)"
  fi
  wait "$app_pid"
  rc=$?
  app_pid=''
  [ $rc -eq 0 ] || fail "the bundled window exited $rc after Ctrl+Q (log: $out/skylift-gui.log)"
  echo "bundle-check: window shown, screenshot $shot, quit cleanly ($(seconds "$t" "$(now)") s)"
  exit 0
fi

# ---- 1: build, then the checks in a private D-Bus session with an unlocked keyring --------------
start=$(now)
rm -rf "$out"
mkdir -p "$out"
.venv/bin/python -m pip install -q -e '.[package]' || fail "pip install -e '.[package]'"
bash packaging/build || fail "packaging/build"
built=$(now)
dbus-run-session -- bash tests/keyring-session.sh bash scripts/bundle-check.sh --in-session \
  || fail "the bundle does not run (reasons above)"
echo "bundle-check: passed in $(seconds "$start" "$(now)") s (install + build $(seconds "$start" "$built") s)"
