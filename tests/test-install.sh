#!/usr/bin/env bash
# test-install.sh: install the build into a temporary DESTDIR, check the exact list of files,
# then start the installed app through its desktop file and see its window.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.sh MESON BUILD_ROOT SOURCE_ROOT APP_ID VERSION PREFIX BINDIR DATADIR
#                        LOCALEDIR MANDIR
# The directories are the absolute ones meson installs to; the files land under DESTDIR + them.
#
# meson install runs here inside meson test on the same build directory: meson test has built
# everything before the first test starts and holds no lock, and --no-rebuild keeps meson install
# from running ninja (which would take ninja's lock and could race the other tests).

set -euo pipefail

meson=$1 build_root=$2 source_root=$3 app_id=$4 version=$5
prefix=$6 bindir=$7 datadir=$8 localedir=$9 mandir=${10}

tmp=$(mktemp -d)
cleanup () {
  # The app is not our child (gtk4-launch starts it): find it by its executable in $tmp, which
  # only this test can have started.
  local exe
  for exe in /proc/[0-9]*/exe; do
    case $(readlink "$exe" 2>/dev/null) in
      "$tmp"/*) exe=${exe#/proc/}; kill "${exe%/exe}" 2>/dev/null || true ;;
    esac
  done
  rm -rf "$tmp" || true
}
trap cleanup EXIT

fail () {
  echo "$*" >&2
  exit 1
}

dest=$tmp/dest
"$meson" install -C "$build_root" --no-rebuild --destdir "$dest" > "$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log" >&2; fail "meson install failed"; }

# The post-install scripts must not touch the real system when DESTDIR is set.
grep -q 'Skipping custom install script because DESTDIR is set' "$tmp/install.log" \
  || { cat "$tmp/install.log" >&2; fail "post-install scripts ran with DESTDIR set"; }

# Exactly these files, nothing more.
{
  echo "$bindir/widerspruch"
  echo "$datadir/applications/$app_id.desktop"
  echo "$datadir/metainfo/$app_id.metainfo.xml"
  echo "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  echo "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  echo "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  echo "$mandir/man1/widerspruch.1"
  grep -v '^#' "$source_root/po/LINGUAS" | tr ' ' '\n' | sed '/^$/d' | while read -r lang; do
    echo "$localedir/$lang/LC_MESSAGES/widerspruch.mo"
  done
} | sort > "$tmp/expected"
(cd "$dest" && find . \( -type f -o -type l \) | sed 's|^\.||' | sort) > "$tmp/installed"
if ! diff -u "$tmp/expected" "$tmp/installed"; then
  fail "the installed files differ from the expected ones (- expected, + installed)"
fi
echo "installed: $(wc -l < "$tmp/installed") files, as expected"

[ -x "$dest$bindir/widerspruch" ] || fail "the binary is not executable"
grep -qx "Icon=$app_id" "$dest$datadir/applications/$app_id.desktop" \
  || fail "the desktop file does not name the icon $app_id"
grep -q "<id>$app_id</id>" "$dest$datadir/metainfo/$app_id.metainfo.xml" \
  || fail "the metainfo does not carry the id $app_id"

got=$("$dest$bindir/widerspruch" --version)
[ "$got" = "widerspruch $version" ] || fail "--version printed '$got', not 'widerspruch $version'"

# What the post-install scripts do on a real install, into the temporary tree; with the tests'
# override, which turns the catalog updates (on by default) and the link check off, since no test
# may reach the internet.
mkdir "$tmp/schemas"
cp "$dest$datadir/glib-2.0/schemas/"*.gschema.xml "$tmp/schemas/"
printf '[%s]\ncheck-links=false\ncatalog-url=%s\n' "$app_id" "''" \
  >"$tmp/schemas/90_widerspruch-tests.gschema.override"
glib-compile-schemas --strict --targetdir "$tmp/schemas" "$tmp/schemas"
gtk4-update-icon-cache -q -t -f "$dest$datadir/icons/hicolor"

# Isolated user dirs; the installed tree first in the system ones, the real system after it for
# GTK's own icons, MIME database and fonts.
export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
export XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
export XDG_DATA_DIRS=$dest$datadir:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
export PATH=$dest$bindir:$PATH
export GSETTINGS_SCHEMA_DIR=$tmp/schemas
# The installed app, with its installed translations, not the build tree's.
unset WIDERSPRUCH_LOCALEDIR
# Without a session bus (as under Xvfb here) GLib warns once about it: criticals stay fatal.
export G_DEBUG=fatal-criticals

# gtk4-launch finds the desktop file by its id in XDG_DATA_DIRS and runs its Exec line.
gtk4-launch "$app_id" || fail "gtk4-launch $app_id failed"

wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Widerspruch$' | head -n 1) || true
[ -n "$wid" ] || fail "no window titled Widerspruch appeared within a minute"
pid=$(xdotool getwindowpid "$wid")
exe=$(readlink "/proc/$pid/exe")
[ "$exe" = "$dest$bindir/widerspruch" ] || fail "the window belongs to $exe, not the installed binary"
echo "the installed app shows its window ($wid, pid $pid)"

# Ctrl+Q quits it. The app is not our child (gtk4-launch started it), so it may linger as a
# zombie: it is gone once its executable is.
alive () {
  readlink "/proc/$1/exe" >/dev/null 2>&1
}
# Through XTEST to the focused window: with --window, xdotool fails on the key release, as
# the window is gone by then.
xdotool windowfocus --sync "$wid"
xdotool key ctrl+q
for _ in $(seq 100); do
  alive "$pid" || break
  sleep 0.1
done
if alive "$pid"; then
  fail "the app did not quit on Ctrl+Q"
fi
echo "and quits on Ctrl+Q"
