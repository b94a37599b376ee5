#!/usr/bin/python3
# test-orca.py: what the Orca screen reader says while someone goes the Facebook path with the
# keyboard: the welcome page, the platform, the country, the email, a ready-made reason, the
# summary and its copy buttons, and the main menu.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: dbus-run-session -- test-orca.py /path/to/widerspruch   (under an X server)
# Orca speaks in the language of LANGUAGE, as the app does. It runs with a silent speech server
# (orca-customizations.py below): speech is generated and written to its debug log, nothing is
# played, so no audio device is needed. Each key waits for what Orca says in answer, or for
# Orca to have gone quiet, never for a fixed time: Orca reads GTK 4.8's tree slowly (a D-Bus
# call for each property) and lags behind the keys on a busy machine.
#
# Fails when Orca says a toolkit class name, a mnemonic underscore, a list of one item, or
# moves its focus to a control without a name; and when a page opens without Orca naming the
# control that has the focus.

import gettext
import os
import re
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
                 f"Orca to say {text!r} ({what}); it said: {self.utterances(since)}",
                 deadline=120)

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


def main():
    app = App(sys.argv[1])
    _ = app._
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

        app.start()
        orca.settle()

        steps = [
            # key(s), what it is, what Orca must say after it
            (["Return"], "the platform page", "Facebook"),
            (["space"], "Facebook chosen", None),
            (["Return"], "the country page", _("Search countries")),
            ("germany", "typing the country", None),
            (["Return"], "the email page", _("Email address")),
            ("jana@example.org", "typing the email", None),
            (["Return"], "the reason page", _("Your reason")),
            (["Tab"], "the first ready-made reason", _("Short and plain")),
            (["space"], "the reason opened", None),
            (["Tab"], "its button", _("Use the reason “%s”") % _("Short and plain")),
            (["ctrl+Return"], "the summary page", _("_Open the %s Form") % "Facebook"),
            (["Tab"], "the summary's next control", None),
            (["Tab"], "the summary's next control", None),
            (["Tab"], "the summary's next control", None),
            (["Tab"], "the summary's next control", None),
            (["F10"], "the main menu", _("_Find the Form by Hand")),
            (["Escape"], "the menu closed", None),
        ]
        for keys, what, expected in steps:
            since = orca.mark()
            if isinstance(keys, str):
                app.type(keys, delay=150)
            else:
                app.key(*keys)
            if expected is not None:
                orca.wait_said(expected, since, what)
            orca.settle()

        said = orca.utterances()
        if not any(_("Copy the form address") in u for u in said):
            problems.append("Tab on the summary page never reached the copy buttons: "
                            "Orca did not say " + repr(_("Copy the form address")))
    except SystemExit:
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
