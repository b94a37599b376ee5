#!/usr/bin/env bash
# test-single-instance.sh: a second start raises the window of the running instance instead of
# opening another. Run under dbus-run-session: GApplication finds the first instance on the
# session bus.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: dbus-run-session -- test-single-instance.sh /path/to/widerspruch

set -euo pipefail

app=$1

fail () {
  echo "$*" >&2
  exit 1
}

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no session bus: run me under dbus-run-session"

# shellcheck source=tests/wsp-test-lib.sh
source "$(dirname "$0")/wsp-test-lib.sh"

windows () {
  xdotool search --onlyvisible --name '^Widerspruch$' 2>/dev/null || true
}

"$app" &
pid=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^Widerspruch$' | head -n 1) || true
[ -n "$wid" ] || fail "the first instance showed no window"

# Without a window manager, raising a window gives it the input focus (GDK falls back to
# XSetInputFocus): move the focus away, start again, and the focus must come back. The second
# process hands over to the first on the bus and exits.
other=$(xdotool search --maxdepth 0 --name '' | head -n 1)
xdotool windowfocus --sync "$other"
[ "$(xdotool getwindowfocus -f)" != "$wid" ] || fail "could not move the focus away from $wid"

timeout 20 "$app" || fail "the second start did not exit successfully"

focused=
for _ in $(seq 100); do
  focused=$(xdotool getwindowfocus -f)
  [ "$focused" = "$wid" ] && break
  sleep 0.1
done
[ "$focused" = "$wid" ] || fail "the first window ($wid) was not raised: the focus is on $focused"
count=$(windows | wc -l)
[ "$count" -eq 1 ] || fail "expected one window, found $count"
kill -0 "$pid" || fail "the first instance is gone"
echo "the second start raised the first window ($wid)"

# Through XTEST to the focused window: with --window, xdotool fails on the key release, as
# the window is gone by then.
xdotool windowfocus --sync "$wid"
xdotool key ctrl+q
wait "$pid" || fail "the first instance did not quit cleanly (exit status $?)"
pid=
