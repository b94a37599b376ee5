#!/usr/bin/env bash
# test-keyboard.sh: the whole flow with real key presses (xdotool, under the test's X server),
# from the welcome page to the form opened in a fake browser.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-keyboard.sh /path/to/widerspruch
# Each step waits for the page it leads to (the window title names the page), never for a time.

set -euo pipefail

app=$1
# Switzerland: the 2025 form regulators linked comes first (data/catalog.json).
expected=https://help.instagram.com/contact/767264225370182

# Isolated user dirs, and a browser that writes down what it was asked to open.
# shellcheck source=tests/wsp-test-lib.sh
source "$(dirname "$0")/wsp-test-lib.sh"
mkdir -p "$XDG_DATA_HOME/applications"
cat > "$tmp/fake-browser.sh" <<SCRIPT
#!/bin/sh
printf '%s\n' "\$1" >> '$tmp/opened.txt'
SCRIPT
chmod +x "$tmp/fake-browser.sh"
cat > "$XDG_DATA_HOME/applications/fake-browser.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Fake Browser
Exec=$tmp/fake-browser.sh %u
MimeType=x-scheme-handler/http;x-scheme-handler/https;
DESKTOP
printf '[Default Applications]\nx-scheme-handler/https=fake-browser.desktop\n' \
  > "$XDG_CONFIG_HOME/mimeapps.list"

# Without a session bus (as under Xvfb here) GTK warns once about it: criticals stay fatal.
if [ ! -x "$app" ]; then
  echo "no app at $app" >&2
  exit 1
fi
G_DEBUG=fatal-criticals "$app" &
pid=$!

window () {
  # Waits until a window whose title matches $1 is shown, and prints its id.
  timeout 20 xdotool search --sync --onlyvisible --name "$1" | head -n 1
}

key () {
  xdotool key --window "$wid" "$@"
}

type_text () {
  xdotool type --window "$wid" --delay 20 "$1"
}

wid=$(window '^Widerspruch$')
key Return                      # Start
wid=$(window '^Accounts')
key Down space Return           # Instagram, then on
wid=$(window '^Country')
type_text 'switzerland'
key Return
wid=$(window '^Email')
type_text 'jana@example.org'
key Return
wid=$(window '^Reason')
type_text 'Mein Grund.'
key ctrl+Return
wid=$(window '^Instagram –')
key Return                      # "Open the Instagram Form" has the focus

for _ in $(seq 100); do
  [ -s "$tmp/opened.txt" ] && break
  sleep 0.1
done

opened=$(cat "$tmp/opened.txt" 2>/dev/null || true)
if [ "$opened" != "$expected" ]; then
  echo "expected the browser to open $expected, got '${opened}'" >&2
  exit 1
fi
echo "the form opened from the keyboard alone: $opened"
