#!/bin/sh
# Runs a test on an X server of its own: own-display.sh COMMAND [ARG...]
#
# Widget tests and the end-to-end test take keyboard focus, move the
# pointer and wait for frames; on one shared display, tests run side by
# side would steal these from each other, so they used to run one at a
# time while the second core idled. With a display each they can run in
# parallel. Without Xvfb, the command runs on the display it was given.
set -eu

if ! command -v Xvfb >/dev/null 2>&1; then
  exec "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/waymark-display-XXXXXX")
xvfb=

cleanup() {
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
  fi
  rm -f "$dir/display" "$dir/xvfb.log"
  rmdir "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -displayfd: Xvfb picks a free display and writes its number once it
# accepts connections, so there is no fixed wait and no race for a number.
# -noreset: the server must not reset when its last client leaves, as the
# e2e test's clients come and go.
Xvfb -displayfd 3 -screen 0 1600x1200x24 -nolisten tcp -noreset \
  3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!

tries=0
while [ ! -s "$dir/display" ]; do
  if ! kill -0 "$xvfb" 2>/dev/null || [ "$tries" -ge 200 ]; then
    echo "# own-display.sh: Xvfb did not start:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
  fi
  tries=$((tries + 1))
  sleep 0.05
done

DISPLAY=":$(cat "$dir/display")"
export DISPLAY

# A new server puts the pointer in the middle of the screen, over the
# test's window at (0,0): GTK would then show tooltips and hover effects
# that no test asked for, at moments that depend on the machine's speed.
# The corner is clear of every test window.
if command -v xdotool >/dev/null 2>&1; then
  xdotool mousemove 1599 1199 || true
fi

status=0
"$@" || status=$?
exit "$status"
