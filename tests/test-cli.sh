#!/usr/bin/env bash
# test-cli.sh: the command line. --version and --help print and exit without opening a window
# (no display is needed for them); an unknown option fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh /path/to/widerspruch VERSION

set -euo pipefail

app=$1
version=$2
status=0

check () {
  # check NAME EXPECTED GOT
  if [ "$2" = "$3" ]; then
    echo "ok: $1"
  else
    printf 'FAIL: %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3" >&2
    status=1
  fi
}

# No display: proves that these options never reach GTK's window code.
unset DISPLAY WAYLAND_DISPLAY

check "--version" "widerspruch $version" "$("$app" --version)"
check "-v" "widerspruch $version" "$("$app" -v)"

help=$("$app" --help)
check "--help usage line" "  widerspruch [OPTION…]" "$(sed -n 2p <<<"$help")"
check "--help summary" "Object to Meta using your posts for AI" "$(sed -n 4p <<<"$help")"
check "--help version option" "  -v, --version              Show the version and exit" \
  "$(grep -e '--version' <<<"$help")"
check "--help description" \
  "Without options, opens the window, or raises it if Widerspruch is already running." \
  "$(tail -n 1 <<<"$help")"

help_de=$(LANGUAGE=de "$app" --help)
check "--help in German" "  -v, --version              Die Version anzeigen und beenden" \
  "$(grep -e '--version' <<<"$help_de")"

set +e
err=$("$app" --no-such-option 2>&1 >/dev/null)
rc=$?
set -e
check "unknown option exit status" "1" "$rc"
check "unknown option message" "Unknown option --no-such-option" "$err"

exit $status
