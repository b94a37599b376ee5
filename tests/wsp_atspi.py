# wsp_atspi.py: the app under Xvfb as assistive tools see it: started in isolated user
# directories on the session bus of the test (dbus-run-session), with the accessibility bus on,
# driven with real key presses (xdotool), its AT-SPI tree read with libatspi.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared by test-atspi.py (the raw tree) and test-orca.py (what Orca says). Run with Debian's
# /usr/bin/python3 (python3-pyatspi brings the Atspi typelib).

import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

# What a listener must never hear: a toolkit class ("GtkStackPage", "AdwGizmo", one of ours),
# or a mnemonic's underscore ("_Start", "C_opy").
CLASS_NAME = re.compile(r"\b(?:Gtk|Adw|Wsp|Gdk)[A-Z][A-Za-z]+")
MNEMONIC = re.compile(r"(?:^|[\s“\"(\w])_[^\W_]")

# Roles that a screen reader presents as a control of their own.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "menu item",
    "check menu item", "radio menu item", "entry", "text", "password text", "combo box",
    "page tab", "list item", "slider", "spin button", "link", "switch", "menu",
}
# Containers that Orca treats as layout and never names.
LAYOUT_ROLES = {"filler", "scroll pane", "scroll bar", "panel", "redundant object"}


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def wait_for(condition, what, deadline=60.0, step=0.1, on_timeout=None):
    """Polls @condition until it returns something true; fails after @deadline seconds."""
    end = time.monotonic() + deadline
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > end:
            if on_timeout is not None:
                on_timeout()
            fail(f"timed out after {deadline:.0f} s waiting for {what}")
        time.sleep(step)


class App:
    """The app, started in a temporary home of its own."""

    def __init__(self, binary, records=None):
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            fail("no session bus: run me under dbus-run-session")
        self.tmp = tempfile.mkdtemp(prefix="wsp-atspi-")
        self.env = dict(os.environ)
        # The accessibility bus is the point here (tests/meson.build turns it off for the others).
        for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
            self.env.pop(name, None)
        # GTK 4.8 warns when a screen reader asks its AT-SPI code for what it lacks (an action
        # by index of a widget whose actions changed): criticals stay fatal, warnings not.
        self.env["G_DEBUG"] = "fatal-criticals"
        for name, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"),
                          ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                          ("XDG_STATE_HOME", "state")):
            path = os.path.join(self.tmp, sub)
            os.makedirs(path)
            self.env[name] = path
        # Opening the form must not start a browser: it fails, and the app says so.
        os.makedirs(os.path.join(self.env["XDG_DATA_HOME"], "applications"))
        if records:
            os.makedirs(os.path.join(self.env["XDG_DATA_HOME"], "widerspruch"))
            shutil.copy(records, os.path.join(self.env["XDG_DATA_HOME"], "widerspruch",
                                              "records.json"))
        os.environ.update({k: self.env[k] for k in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                    "XDG_CACHE_HOME", "XDG_STATE_HOME")})
        self.binary = binary
        self.process = None
        self.window = None
        self.accessible = None

        localedir = os.environ.get("WIDERSPRUCH_LOCALEDIR")
        language = self.language = os.environ.get("LANGUAGE", "en")
        self.translation = gettext.translation("widerspruch", localedir, languages=[language],
                                               fallback=True)
        # What GTK itself shows (a title bar's buttons), in its own translation.
        self.gtk = gettext.translation("gtk40", languages=[language], fallback=True)
        self.adw = gettext.translation("libadwaita", languages=[language], fallback=True)

    def register_browser(self):
        """Makes a script the default browser for http and https: it writes each address it is
        given to browser.log in the test's directory. For the app started after this."""
        self.browser_log = os.path.join(self.tmp, "browser.log")
        script = os.path.join(self.env["XDG_DATA_HOME"], "fake-browser.sh")
        with open(script, "w") as f:
            f.write(f"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{self.browser_log}'\n")
        os.chmod(script, 0o700)
        with open(os.path.join(self.env["XDG_DATA_HOME"], "applications",
                               "fake-browser.desktop"), "w") as f:
            f.write("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                    f"Exec={script} %u\n"
                    "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n")
        with open(os.path.join(self.env["XDG_CONFIG_HOME"], "mimeapps.list"), "w") as f:
            f.write("[Default Applications]\n"
                    "x-scheme-handler/https=fake-browser.desktop\n"
                    "x-scheme-handler/http=fake-browser.desktop\n")

    def opened(self):
        """The addresses the fake browser was given, in order."""
        try:
            with open(self.browser_log) as f:
                return f.read().split()
        except (AttributeError, FileNotFoundError):
            return []

    def _(self, text):
        """The app's translation of @text, without its mnemonic underscore."""
        return self.translation.gettext(text).replace("_", "")

    def start(self):
        self.process = subprocess.Popen([self.binary], env=self.env)
        self.window = self.wait_window("^Widerspruch$")
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window], check=True)
        self.accessible = wait_for(self._find_accessible, "the app on the accessibility bus")

    def _find_accessible(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_process_id() == self.process.pid:
                return app
        return None

    def wait_window(self, title, deadline=60):
        """Waits until a window whose title matches @title shows, and returns its id."""
        try:
            out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", title],
                                 check=True, capture_output=True, text=True, timeout=deadline)
        except subprocess.TimeoutExpired:
            fail(f"no window titled {title!r} within {deadline} s")
        return out.stdout.split()[0]

    def focus(self):
        """Gives the X focus back to the main window (no window manager does it)."""
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window], check=True)

    def refocus(self):
        """Takes the X focus away from the window and gives it back, as a window manager does
        when the user switches to it: the window says it is active again, and screen readers
        present it and its focused control. The first focus after start comes before the app
        is on the accessibility bus, so nobody hears it."""
        root = subprocess.run(["xdotool", "search", "--maxdepth", "0", "--name", ""],
                              check=True, capture_output=True, text=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", root], check=True)
        wait_for(lambda: not any("active" in states_of(f) for f in self.frames()),
                 "the window to lose the focus")
        self.focus()

    def key(self, *keys):
        subprocess.run(["xdotool", "key", "--window", self.window, *keys], check=True)

    def key_focused(self, *keys):
        """Presses @keys in whichever window has the X focus: a dialog, say."""
        subprocess.run(["xdotool", "key", *keys], check=True)

    def type(self, text, delay=60):
        subprocess.run(["xdotool", "type", "--window", self.window, "--delay", str(delay), text],
                       check=True)

    def find(self, role, name, root=None):
        """The first accessible of @role named @name in the app's windows, or None. A name that
        only GTK 4.8's joined mnemonic form has ("_Close Close") counts too: the checks report
        that, the walk goes on."""
        for node in descendants(root) if root is not None else (
                n for f in self.frames() for n in [f, *descendants(f)]):
            try:
                found = node.get_name() or ""
                if node.get_role_name() == role and (
                        found == name or found.replace("_", "") == f"{name} {name}"):
                    return node
            except gi.repository.GLib.GError:
                pass
        return None

    def click(self, role, name, root=None):
        """Activates the button of @role named @name, through its AT-SPI action."""
        node = wait_for(lambda: self.find(role, name, root), f"a {role} named {name!r}")
        node.do_action(0)

    def frames(self):
        """The app's windows, as accessibles."""
        app = self._find_accessible()
        if app is None:
            return []
        return [app.get_child_at_index(i) for i in range(app.get_child_count())]

    def other_frame(self):
        """A window of the app besides the main one (whose title ends in the app's name)."""
        others = [f for f in self.frames() if not (f.get_name() or "").endswith("Widerspruch")]
        return others[-1] if others else None

    def focused(self):
        """The node with the focus in the app's windows, or None."""
        for frame in self.frames():
            for node in [frame, *descendants(frame)]:
                if "focused" in states_of(node):
                    return node
        return None

    def tab_to(self, role, name, most=30):
        """Presses Tab until the control of @role named @name has the focus."""
        for _ in range(most):
            node = self.focused()
            if node is not None and node.get_role_name() == role and node.get_name() == name:
                return node
            self.key("Tab")
            wait_for(lambda: self.focused() is not node, "the focus to move")
        fail(f"{most} presses of Tab did not reach the {role} {name!r}")

    def close_window(self, frame):
        """Closes the window @frame through the close button of its title bar (named by GTK,
        in GTK's translation) and gives the main window the focus back."""
        name = self.gtk.gettext("Close")
        # A window with pages (About) has a title bar on each; only the shown one's works.
        buttons = wait_for(lambda: [n for n in descendants(frame)
                                    if n.get_role_name() == "push button" and n.get_name() == name],
                           f"a button {name!r} in {frame.get_name()!r}")
        for button in buttons:
            if len(self.frames()) > 1:
                button.do_action(0)
        wait_for(lambda: len(self.frames()) == 1, f"the window {frame.get_name()!r} to close")
        self.focus()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def remove_files(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def describe(node):
    try:
        return f"[{node.get_role_name()} | {node.get_name()}]"
    except Exception:  # gone meanwhile
        return "[gone]"


def states_of(node):
    state_set = node.get_state_set()
    return {state.value_nick for state in state_set.get_states()}


def actions_of(node):
    if "Action" not in node.get_interfaces():
        return []
    names = []
    for i in range(node.get_n_actions()):
        try:
            names.append(node.get_action_name(i))
        except gi.repository.GLib.GError:  # the widget's actions changed meanwhile
            pass
    return names


def contains_focus(node):
    """Whether @node or something below it has the focus."""
    if "focused" in states_of(node):
        return True
    return any(contains_focus(child) for child in children_of(node))


def children_of(node):
    children = []
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            children.append(child)
    return children


def descendants(node):
    for child in children_of(node):
        yield child
        yield from descendants(child)
