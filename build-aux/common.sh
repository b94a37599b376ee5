# shellcheck shell=bash
# build-aux/common.sh: shared by build-aux/run and build-aux/test; source it, do not run it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# On a fresh Debian 12 machine it installs what the build and the tests need, then configures
# and builds the project in $BUILD_DIR (default: _build in the top of the repository).

# Debian 12 packages: build, tests (xvfb, xauth, xmllint, the validators; pdftotext and pdfinfo
# from poppler-utils; gtk4-launch and gtk4-update-icon-cache from libgtk-4-bin for installing;
# dbus-run-session from dbus-daemon: each UI test runs on a session bus of its own; dbus-x11,
# which most desktops have, so that the tests run as they would there: with it, GLib starts a
# bus for any program that finds none),
# screenshots (xdotool, imagemagick), the QR codes (libqrencode-dev makes them, zbar-tools' zbarimg
# reads them back in the tests), fuzzing (clang with its libFuzzer and sanitizer runtimes), and
# what a screen reader sees (at-spi2-core's registry, python3-pyatspi to read the tree) and what
# the Orca screen reader says (orca; the test gives it a silent speech server).
WSP_PACKAGES=(
  build-essential
  pkg-config
  meson
  ninja-build
  git
  libgtk-4-dev
  libgtk-4-bin
  libepoxy-dev
  libgl1-mesa-dri
  libadwaita-1-dev
  libsoup-3.0-dev
  libjson-glib-dev
  libqrencode-dev
  glib-networking
  ca-certificates
  iso-codes
  gettext
  itstool
  desktop-file-utils
  appstream
  libxml2-utils
  poppler-utils
  librsvg2-common
  adwaita-icon-theme
  shared-mime-info
  fonts-cantarell
  xvfb
  xauth
  xdotool
  dbus-daemon
  dbus-x11
  at-spi2-core
  python3-pyatspi
  orca
  imagemagick
  zbar-tools
  locales
  clang-14
  libclang-rt-14-dev
)

WSP_TOP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

BUILD_DIR=${BUILD_DIR:-_build}
case $BUILD_DIR in
  /*) ;;
  *) BUILD_DIR=$WSP_TOP_DIR/$BUILD_DIR ;;
esac

# Prints the packages among "$@" that are not installed, one a line.
wsp_missing_packages () {
  local pkg status
  for pkg in "$@"; do
    # Unknown packages make dpkg-query fail; they count as missing. Multi-arch packages can
    # print one line per architecture: one "installed" is enough.
    status=$(dpkg-query -W -f='${db:Status-Status}\n' "$pkg" 2>/dev/null || true)
    if ! grep -qx installed <<<"$status"; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Installs the missing ones of WSP_PACKAGES with apt-get; touches apt only when something is
# missing, so that a second run is quick and works offline.
wsp_ensure_packages () {
  local missing=()
  local sudo=()

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian system: make sure these (or your system's equivalents) are installed:" >&2
    echo "  ${WSP_PACKAGES[*]}" >&2
    return 0
  fi

  mapfile -t missing < <(wsp_missing_packages "${WSP_PACKAGES[@]}")
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  echo "Installing missing packages: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Not root and no sudo: as root, run" >&2
      echo "  apt-get install --no-install-recommends ${missing[*]}" >&2
      return 1
    fi
    sudo=(sudo)
  fi

  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# Extra options for the first `meson setup` of $BUILD_DIR, split at spaces, e.g.
# WSP_MESON_OPTIONS="-Db_sanitize=address,undefined". They take effect only when the directory is
# configured, so use a build directory of its own for each set.
read -r -a WSP_MESON_OPTIONS_ARRAY <<<"${WSP_MESON_OPTIONS:-}"

# Configures $BUILD_DIR the first time, then builds it: everything, or the ninja targets given.
wsp_build () {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    if [ -f "$BUILD_DIR/meson-private/coredata.dat" ]; then
      # Configured once, but the last setup failed half way.
      meson setup --reconfigure "${WSP_MESON_OPTIONS_ARRAY[@]}" "$BUILD_DIR" "$WSP_TOP_DIR"
    else
      meson setup "${WSP_MESON_OPTIONS_ARRAY[@]}" "$BUILD_DIR" "$WSP_TOP_DIR"
    fi
  fi
  ninja -C "$BUILD_DIR" "$@"
}
