#!/usr/bin/python3
# test-orca.py: what the Orca screen reader says while someone goes through the app with the
# keyboard: the records on the welcome page; the Facebook path (platform, country, email, a
# ready-made reason, the summary, its dialog about the missing browser and its copy buttons), the
# main menu, the manual page and Forget Everything; then both platforms without a reason, the
# form opened in a fake browser, the next steps page and Instagram's summary; then what to do
# for a record without confirmation and the complaint, the keyboard shortcuts, About, and
# Instagram alone past the dialog about Meta's other form.
# WSP_TEST_ORCA_LOG=FILE keeps a copy of Orca's debug log.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: dbus-run-session -- test-orca.py /path/to/widerspruch RECORDS [facebook|both|more ...]
# (under an X server; all walks by default)
# Orca speaks in the language of LANGUAGE, as the app does. It runs with a silent speech server
# (orca-customizations.py below): speech is generated and written to its debug log, nothing is
# played, so no audio device is needed. Each key waits for what Orca says in answer, or for
# Orca to have gone quiet, never for a fixed time: Orca reads GTK 4.8's tree slowly (a D-Bus
# call for each property) and lags behind the keys on a busy machine.
#
# Fails when Orca says a toolkit class name, a mnemonic underscore, a list of one item, or
# moves its focus to a control without a name; when a page opens without Orca naming the
# control that has the focus; and when Tab moves the focus and Orca does not follow.

import gettext
import os
import re
import shutil
import subprocess
import sys
import time

from wsp_atspi import App, CLASS_NAME, MNEMONIC, fail, wait_for

SILENT_SPEECH = """\
# Written by tests/test-orca.py: speech is generated and logged, nothing is played.
import orca.debug
import orca.speech

# Each line of the log as it is written: the test waits for them.
if orca.debug.debugFile is not None:
    orca.debug.debugFile.reconfigure(line_buffering=True)


class _Silent:
    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def _init():
    orca.speech._speechserver = _Silent()


orca.speech.init = _init
"""

# "SPEECH OUTPUT: 'Facebook panel.'{'established': False}"; the echo of a key ends in a space.
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)' ?\{'established'")
FOCUS = re.compile(r"ORCA: Changing locusOfFocus from .* to \[([^|\]]*) \| ([^\]]*)\]")
# Roles whose focus needs a name (Orca's English role names in its log).
NAMED_ROLES = {"push button", "toggle button", "check box", "radio button", "menu item",
               "entry", "text", "list item", "page tab", "combo box", "link"}


class Orca:
    def __init__(self, app):
        self.log = os.path.join(app.tmp, "orca.log")
        orca_dir = os.path.join(app.env["XDG_DATA_HOME"], "orca")
        os.makedirs(orca_dir, exist_ok=True)
        with open(os.path.join(orca_dir, "orca-customizations.py"), "w") as f:
            f.write(SILENT_SPEECH)
        env = dict(app.env)
        # The app's criticals are fatal, not Orca's: it meets windows that vanish under it.
        env.pop("G_DEBUG", None)
        # Orca refuses to start while any other process of this user is called "orca" (it asks
        # pgrep): a copy of this test running beside it, or the user's own screen reader. Each
        # test's Orca listens on a bus of its own, so it is shown a pgrep that finds none.
        bin_dir = os.path.join(app.tmp, "bin")
        os.makedirs(bin_dir)
        with open(os.path.join(bin_dir, "pgrep"), "w") as f:
            f.write("#!/bin/sh\nexit 1\n")
        os.chmod(os.path.join(bin_dir, "pgrep"), 0o755)
        env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "/usr/bin:/bin")
        self.errors = os.path.join(app.tmp, "orca.stderr")
        with open(self.errors, "w") as errors:
            self.process = subprocess.Popen(
                ["orca", "--disable=braille", "--disable=main-window", f"--debug-file={self.log}"],
                env=env, stdout=errors, stderr=subprocess.STDOUT)
        self.seen = 0
        # Tab presses after which Orca did not move its focus (Walk.step()).
        self.unfollowed = []
        language = os.environ.get("LANGUAGE", "en")
        self.translation = gettext.translation("orca", languages=[language], fallback=True)

    def lines(self):
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return f.read().splitlines()
        except FileNotFoundError:
            return []

    def utterances(self, since=0):
        """What Orca said from line @since of its log on, without the echo of keys."""
        said = []
        for line in self.lines()[since:]:
            match = SPEECH.search(line)
            if match and not match.group(1).endswith(" "):
                said.append(match.group(1))
        return said

    def mark(self):
        """The log's length now: what Orca says after a key is read from here."""
        return len(self.lines())

    def wait_said(self, text, since, what):
        """Waits until Orca has said something containing @text."""
        wait_for(lambda: any(text in u for u in self.utterances(since)),
                 f"Orca to say {text!r} ({what})", deadline=120,
                 on_timeout=lambda: print(f"# Orca said: {self.utterances(since)}"))

    def settle(self, quiet=1.5, deadline=90):
        """Waits until Orca's log has not grown for @quiet seconds: it has caught up."""
        end = time.monotonic() + deadline
        last = -1
        since = time.monotonic()
        while time.monotonic() < end:
            size = os.path.getsize(self.log) if os.path.exists(self.log) else 0
            if size != last:
                last, since = size, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
            time.sleep(0.1)
        fail(f"Orca did not go quiet within {deadline} s")

    def dump(self):
        """Prints the end of Orca's log and its own output: why it did not answer."""
        print(f"# Orca's process: {'running' if self.process.poll() is None else self.process.returncode}")
        for title, path in (("log", self.log), ("output", self.errors)):
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    tail = f.read().splitlines()[-40:]
            except FileNotFoundError:
                tail = ["(none)"]
            print(f"# The end of Orca's {title}:")
            for line in tail:
                print(f"#   {line}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Walk:
    """Key presses, each followed by what Orca says in answer."""

    def __init__(self, app, orca):
        self.app = app
        self.orca = orca

    def start(self):
        """Starts the app and waits for Orca to present its window and the Start button."""
        self.app.start()
        since = self.orca.mark()
        self.app.refocus()
        self.orca.wait_said(self.app._("_Start"), since, "the welcome page's first control")
        self.orca.settle()

    def to_reason(self, country, key="Return"):
        """From a chosen platform through the country and email pages to the reason page."""
        _ = self.app._
        self.step([key], "the country page", _("Search countries"))
        self.step(country, "typing the country")
        self.step(["Return"], "the email page", _("Email address"))
        self.step("jana@example.org", "typing the email")
        self.step(["Return"], "the reason page", _("Your reason"))

    def step(self, keys, what, expected=None, dialog=False):
        """Presses @keys (a list of key names, or text to type) and waits for Orca to say
        @expected (when given) and then to go quiet. Returns what it said. @dialog: the keys go
        to the window with the X focus, not the main window."""
        since = self.orca.mark()
        if isinstance(keys, str):
            self.app.type(keys, delay=150)
        elif dialog:
            self.app.key_focused(*keys)
        else:
            self.app.key(*keys)
        if expected is not None:
            self.orca.wait_said(expected, since, what)
        self.orca.settle()
        # Tab moves the focus (in every window walked here, which has more than one control):
        # Orca must follow it, or the listener hears only what the new control does (a field's
        # text "selected"), not what it is. (The shortcuts window has one: it is not tabbed.)
        if keys in (["Tab"], ["shift+Tab"]) and not any(
                FOCUS.search(line) for line in self.orca.lines()[since:]):
            self.orca.unfollowed.append(what)
        return self.orca.utterances(since)

    def tab_until(self, text, what, most=12, key="Tab"):
        """Presses Tab until Orca says @text; fails after @most presses."""
        since = self.orca.mark()
        for _ in range(most):
            self.step([key], what)
            if any(text in u for u in self.orca.utterances(since)):
                return
        fail(f"{most} presses of {key} did not reach {what}: Orca never said {text!r}; "
             f"it said: {self.orca.utterances(since)}")

    def close_dialog(self, button):
        """Closes the dialog through its button @button, as assistive tools can, and gives the
        main window the focus back. Not with a key: Orca 43 stops listening for good now and
        then when a key's release reaches it after the dialog it was pressed in is gone (it
        makes a new script for the vanished window and waits on the registry, which waits on
        it)."""
        # The main window's title ends in the app's name; a dialog's does not.
        dialogs = [f for f in self.app.frames()
                   if f.get_role_name() == "dialog" or
                   not (f.get_name() or "").endswith("Widerspruch")]
        if not dialogs:
            fail(f"no dialog to close with {button!r}")
        self.app.click("push button", self.app._(button), dialogs[-1])
        wait_for(lambda: len(self.app.frames()) == 1, "the dialog to close")
        self.orca.settle()
        self.app.refocus()

    def close_window(self):
        """Closes the window over the main one through its title bar's close button, and gives
        the main window the focus back."""
        self.app.close_window(self.app.other_frame())
        self.orca.settle()
        self.app.refocus()

    def menu_item(self, label, what, expected):
        """Opens the main menu, goes down to its item @label and activates it."""
        said = self.step(["F10"], "the main menu", self.app._("Main Menu"))
        name = self.app._(label)
        if not any(name in u for u in said):
            self.tab_until(name, f"the menu item {name!r}", most=8, key="Down")
        self.step(["Return"], what, expected)


def facebook_walk(app, orca):
    """The welcome page's records, the Facebook path to the summary, its dialog, copy buttons,
    menu, the manual page, and the dialogs of the menu."""
    _ = app._
    walk = Walk(app, orca)
    walk.start()

    # The records kept on this computer (a11y-records.json), then back up to Start.
    walk.tab_until("Personal", "the first record on the welcome page")
    walk.step(["Tab"], "the next record")
    walk.tab_until(_("_Start"), "the Start button again", key="shift+Tab", most=16)

    walk.step(["Return"], "the platform page", "Facebook")
    walk.step(["space"], "Facebook chosen")
    walk.to_reason("germany")
    walk.step(["Tab"], "the first ready-made reason", _("Short and plain"))
    walk.step(["space"], "the reason opened")
    walk.step(["Tab"], "its button", _("Use the reason “%s”") % _("Short and plain"))
    walk.step(["ctrl+Return"], "the summary page", _("_Open the %s Form") % "Facebook")

    # No browser here: the app says so in a dialog.
    walk.step(["Return"], "the dialog about the browser", _("Could Not Open the Browser"))
    walk.step(["Tab"], "the dialog's next button", dialog=True)
    walk.close_dialog(_("_Close"))
    since = orca.mark()
    app.refocus()
    orca.wait_said(_("_Open the %s Form") % "Facebook", since, "the focus back on the page")
    orca.settle()

    walk.tab_until(_("Copy the form address"), "the copy buttons")
    walk.step(["Tab"], "the next copy button")

    walk.step(["F10"], "the main menu", _("_Find the Form by Hand"))
    walk.step(["Down"], "the next menu item")
    walk.step(["Escape"], "the menu closed")

    walk.menu_item("_Find the Form by Hand", "the manual page", _("By Hand"))
    for _i in range(6):
        walk.step(["Tab"], "the manual page's next control")

    walk.menu_item("_Forget Everything…", "the dialog of Forget Everything",
                   _("Forget Everything?"))
    walk.step(["Tab"], "the dialog's next button", dialog=True)
    walk.close_dialog(_("_Cancel"))
    app.stop()


def both_walk(app, orca):
    """Both platforms, without a reason: the Facebook form opened (in a fake browser), the next
    steps page, then Instagram's summary."""
    _ = app._
    walk = Walk(app, orca)
    walk.start()
    walk.step(["Return"], "the platform page", "Facebook")
    walk.step(["Down"], "Instagram", "Instagram")
    walk.step(["Down"], "both", _("Facebook and Instagram"))
    walk.step(["space"], "both chosen")
    walk.to_reason("austria")
    walk.step(["ctrl+Return"], "the summary page", _("_Open the %s Form") % "Facebook")
    walk.step(["Return"], "the form opened")
    wait_for(lambda: any("facebook.com" in u for u in app.opened()), "the form in the browser")
    walk.step(["ctrl+Return"], "the next steps page", _("Next Steps"))
    walk.tab_until(_("Co_ntinue With %s") % "Instagram", "the button to Instagram", most=16)
    walk.step(["Return"], "Instagram's summary", _("_Open the %s Form") % "Instagram")
    walk.tab_until(_("Copy the form address"), "Instagram's copy buttons")
    app.stop()


def more_walk(app, orca):
    """What to do for a record without confirmation and the complaint, the keyboard shortcuts,
    About, then Instagram alone past the dialog about Meta's other form."""
    _ = app._
    walk = Walk(app, orca)
    walk.start()

    # A record sent long ago and not confirmed: what to do, then the complaint.
    # Above Start: the records that wait for a confirmation.
    walk.tab_until(_("What to do for %s") % "Instagram", "a record's What to Do button",
                   key="shift+Tab")
    walk.step(["Return"], "the next steps of the record, at the first thing to do",
              _("Look in the right mailbox"))
    walk.tab_until(_("Refused or no answer"), "the check box of a refusal", most=20)
    walk.step(["space"], "the refusal ticked")
    for _i in range(3):
        walk.step(["Tab"], "the complaint's next control")

    # From the menu: pressed with xdotool, Ctrl+? left its key repeating under Orca.
    walk.menu_item("_Keyboard Shortcuts", "the keyboard shortcuts", _("Keyboard Shortcuts"))
    walk.close_window()

    # libadwaita's window, in libadwaita's translation.
    walk.menu_item("_About Widerspruch", "About", app.adw.gettext("About"))
    for _i in range(5):
        walk.step(["Tab"], "About's next control", dialog=True)
    walk.close_window()
    app.stop()

    walk.start()
    walk.step(["Return"], "the platform page", "Facebook")
    walk.step(["Down"], "Instagram", "Instagram")
    walk.step(["space"], "Instagram chosen")
    walk.tab_until(_("It is about what others posted about me"), "the row for Meta's other form")
    walk.step(["Return"], "the dialog about Meta's other form",
              _("Information Others Shared About You"))
    walk.step(["Tab"], "the dialog's next button", dialog=True)
    walk.close_dialog(_("_Close"))
    walk.to_reason("austria", key="ctrl+Return")
    walk.step(["ctrl+Return"], "Instagram's summary", _("_Open the %s Form") % "Instagram")
    walk.tab_until(_("Copy the form address"), "Instagram's copy buttons")
    app.stop()


WALKS = {"facebook": facebook_walk, "both": both_walk, "more": more_walk}


def main():
    # test-orca.py BINARY RECORDS [WALK...]: the walks to take, all by default.
    app = App(sys.argv[1], records=sys.argv[2] if len(sys.argv) > 2 else None)
    walks = sys.argv[3:] or list(WALKS)
    orca = Orca(app)
    problems = []
    try:
        # Orca first; its first words say it is listening.
        # Slow on a busy machine: it imports much, and asks the accessibility bus a lot.
        wait_for(lambda: orca.utterances() or orca.process.poll() is not None, "Orca to start",
                 deadline=240, on_timeout=orca.dump)
        if not orca.utterances():
            orca.dump()
            fail("Orca stopped before it said anything")
        orca.settle()

        for name in walks:
            if name == "both":
                app.register_browser()
            WALKS[name](app, orca)
    except SystemExit:
        orca.dump()
        app.stop()
        orca.stop()
        report(orca, problems)
        app.remove_files()
        raise
    finally:
        app.stop()
        orca.stop()

    try:
        report(orca, problems)
    finally:
        app.remove_files()
    if problems:
        sys.exit(1)
    print("Orca said nothing a listener would not understand")


def report(orca, problems):
    """Adds what is wrong in all Orca said to @problems, and prints both."""

    keep = os.environ.get("WSP_TEST_ORCA_LOG")
    if keep:
        shutil.copy(orca.log, keep)

    one_item = orca.translation.ngettext("List with %d item", "List with %d items", 1) % 1
    # Said of a list row on its own; a radio button's "not selected" comes with its role.
    not_selected = orca.translation.pgettext("listitem", "not selected")
    for utterance in orca.utterances():
        if CLASS_NAME.search(utterance):
            problems.append(f"Orca said a class name: {utterance!r}")
        if MNEMONIC.search(utterance):
            problems.append(f"Orca said a mnemonic underscore: {utterance!r}")
        if one_item in utterance:
            problems.append(f"Orca said a list has one item: {utterance!r}")
        if utterance.rstrip(".") == not_selected:
            problems.append(f"Orca said {utterance!r} of a row that cannot be selected")
    for what in orca.unfollowed:
        problems.append(f"Orca did not follow the focus: {what}")
    for line in orca.lines():
        match = FOCUS.search(line)
        if match and match.group(1) in NAMED_ROLES and not match.group(2).strip():
            problems.append(f"Orca's focus went to a {match.group(1)} without a name")

    print("# What Orca said:")
    for utterance in orca.utterances():
        print(f"#   {utterance}")
    if problems:
        print("\n".join(problems))


if __name__ == "__main__":
    main()
