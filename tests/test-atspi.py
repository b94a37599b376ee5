#!/usr/bin/python3
# test-atspi.py: what assistive tools read from the AT-SPI tree, page by page, through the
# Facebook path, with two records on the welcome page, the main menu, the dialog of Forget
# Everything, the manual page and the message when no browser opens the form; the keyboard
# shortcuts and About windows; what to do for a record without confirmation and the complaint;
# Instagram alone, with the dialog about Meta's other form.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: dbus-run-session -- test-atspi.py /path/to/widerspruch /path/to/records.json
# (under an X server; LANGUAGE chooses the language). Fails when a control (focusable, or a
# role a screen reader presents as a control), a list or a container around a control is named
# by a toolkit class, carries a mnemonic underscore, or has no name, and on a list of one item.
#
# GTK 4.8 keeps hidden stack pages in the tree: each check reads the page with the focus (the
# one shown), the header bar and every other window of the app.

import sys
import time

from gi.repository import GLib

from wsp_atspi import (App, CLASS_NAME, CONTROL_ROLES, LAYOUT_ROLES, MNEMONIC, actions_of,
                       children_of, contains_focus, describe, descendants, states_of, wait_for)

problems = []


def is_control(role, states, actions):
    if role in LAYOUT_ROLES or role == "label":
        return "focusable" in states and role == "label"
    return ("focusable" in states or role in CONTROL_ROLES or
            any(a in ("click", "activate", "toggle", "press") for a in actions))


def report(problem):
    print(f"# {problem}", file=sys.stderr)
    problems.append(problem)


def check_name(where, path, node, role, name):
    if not name.strip():
        report(f"{where}: a {role} has no name: {path}")
    elif CLASS_NAME.search(name):
        report(f"{where}: a {role} is named by a toolkit class, {name!r}: {path}")
    elif MNEMONIC.search(name):
        report(f"{where}: a {role} is named with a mnemonic underscore, {name!r}: {path}")


def walk(where, node, path, inside_control=False, frame_name=""):
    role = node.get_role_name()
    name = node.get_name() or ""
    states = states_of(node)
    actions = actions_of(node)
    children = children_of(node)
    path = f"{path} > {describe(node)}"

    control = is_control(role, states, actions)
    if control and not inside_control:
        check_name(where, path, node, role, name)
    elif role == "list":
        check_name(where, path, node, role, name)
    elif role in ("panel", "page tab list", "menu", "dialog", "alert") and name and not inside_control:
        # Named containers are announced when the focus enters them.
        check_name(where, path, node, role, name)

    if control:
        # Also in a row: the focus goes to its buttons, and Orca reads each.
        # GTK gives a tooltip to screen readers as the description, read after the name (unless
        # the two are the same): "Back (Alt+Left)" after "Back", or "Copy" after "Copy the
        # country", says the name twice.
        description = (node.get_description() or "").strip()
        if (name.strip() and description and description != name.strip() and
                (description.startswith(name.strip() + " (") or
                 description.casefold() in name.casefold())):
            report(f"{where}: a {role}'s description repeats its name, {name!r} then "
                   f"{description!r}: {path}")

    if role == "list":
        items = [c for c in children if c.get_role_name() == "list item"]
        if len(items) == 1:
            report(f"{where}: a list of one item: {path}")

    # Of a stack's pages only the one shown: GTK 4.8 keeps the others in the tree.
    pages = [c for c in children if c.get_role_name() == "panel" and c.get_name()]
    if len(children) > 1 and len(pages) == len(children):
        # The page with the focus, else the one the window's title names ("Country – …"), else
        # the first (the welcome page, whose window title is the app's name).
        shown = ([c for c in pages if contains_focus(c)] or
                 [c for c in pages if frame_name.startswith(c.get_name() + " ")] or
                 pages[:1])
        children = shown

    for child in children:
        # What is inside a control is read as part of it, by its name.
        walk(where, child, path, inside_control or (control and role != "list"), frame_name)


def check(app, where, window=None):
    """Reads the window with the focus, or @window."""
    # The tree may change under the walk while a page slides in: read it again then.
    for attempt in range(5):
        found = len(problems)
        try:
            # The window with the focus: the one behind a dialog was read before.
            frames = app.frames()
            focused = [f for f in frames if contains_focus(f)]
            for frame in [window] if window is not None else focused or frames:
                walk(where, frame, "", frame_name=frame.get_name() or "")
            return
        except GLib.GError as error:
            del problems[found:]
            print(f"# {where}: the tree changed while read ({error.message}), again",
                  file=sys.stderr)
            time.sleep(0.5)
    raise SystemExit(f"{where}: the tree never held still")


def check_dialog(app, where, heading, button):
    """Checks the dialog that shows @heading, then closes it with its @button."""
    dialog = wait_for(lambda: [f for f in app.frames()
                               if heading in (f.get_name() or "") or app.find("label", heading, f)],
                      f"the {where}")[0]
    check(app, where)
    app.click("push button", button, dialog)
    wait_for(lambda: len(app.frames()) == 1, f"the {where} to close")


def main():
    app = App(sys.argv[1], records=sys.argv[2])
    _ = app._
    try:
        app.start()
        wait_for(lambda: any(contains_focus(f) for f in app.frames()), "the focus in the window")
        check(app, "welcome page")

        # Start, the platforms.
        app.key("Return")
        app.wait_window(f"^{_('Accounts')} ")
        wait_for(lambda: any(contains_focus(f) for f in app.frames()), "the focus on the page")
        check(app, "platform page")
        app.key("space", "Return")

        app.wait_window(f"^{_('Country')} ")
        check(app, "country page")
        app.type("germany")
        app.key("Return")

        app.wait_window(f"^{_('Email')} ")
        check(app, "email page")
        app.type("jana@example.org")
        app.key("Return")

        # A ready-made reason opened.
        app.wait_window(f"^{_('Reason')} ")
        app.key("Tab")
        app.key("space")
        check(app, "reason page")
        app.key("ctrl+Return")

        app.wait_window("^Facebook ")
        check(app, "summary page")

        # No browser: opening the form says so, in a dialog.
        app.key("Return")
        check_dialog(app, "no browser dialog", _("Could Not Open the Browser"), _("_Close"))
        app.focus()

        # The main menu.
        app.key("F10")
        wait_for(lambda: _menu_open(app), "the main menu")
        check(app, "main menu")
        app.key("Escape")

        # The manual page, through the summary's button.
        app.click("push button", _("_Link Does Not Work?"))
        app.wait_window(f"^{_('By Hand')} ")
        check(app, "manual page")

        # Forget Everything asks first.
        app.key("F10")
        wait_for(lambda: _menu_open(app), "the main menu")
        app.click("menu item", _("_Forget Everything…"))
        check_dialog(app, "dialog of Forget Everything", _("Forget Everything?"), _("_Cancel"))

        # The windows of the menu: the keyboard shortcuts, About.
        app.focus()
        app.key("ctrl+question")
        window = wait_for(lambda: app.other_frame(), "the keyboard shortcuts window")
        check(app, "keyboard shortcuts", window=window)
        app.close_window(window)
        app.key("F10")
        wait_for(lambda: _menu_open(app), "the main menu")
        app.click("menu item", _("_About Widerspruch"))
        window = wait_for(lambda: app.other_frame(), "About")
        check(app, "About window", window=window)
        app.close_window(window)
        app.stop()

        # A record sent two days ago and not confirmed: what to do, and a complaint.
        app.start()
        app.click("push button", _("What to do for %s") % "Instagram – Shop")
        app.wait_window(f"^{_('Next Steps')} ")
        check(app, "follow-up")
        app.tab_to("check box", _("Refused or no answer"))
        app.key("space")
        wait_for(lambda: app.find("label", _("Complain to the Authority")), "the complaint's group")
        check(app, "complaint")
        app.stop()

        # Instagram alone, with Meta's other form on the way.
        app.start()
        app.key("Return")
        app.wait_window(f"^{_('Accounts')} ")
        app.key("Down", "space")
        app.tab_to("list item", _("It is about what others posted about me"))
        app.key("Return")
        check_dialog(app, "dialog about the other form", _("Information Others Shared About You"),
                     _("_Close"))
        app.focus()
        app.key("ctrl+Return")
        app.wait_window(f"^{_('Country')} ")
        app.type("austria")
        app.key("Return")
        app.wait_window(f"^{_('Email')} ")
        app.type("jana@example.org")
        app.key("Return")
        app.wait_window(f"^{_('Reason')} ")
        app.key("ctrl+Return")
        app.wait_window("^Instagram ")
        check(app, "Instagram's summary")
    except SystemExit:
        print("\n".join(problems))
        raise
    finally:
        app.stop()
        app.remove_files()

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("every control, list and named container has a clean name")


def _menu_open(app):
    return any(n.get_role_name() == "menu" for f in app.frames() for n in descendants(f))


if __name__ == "__main__":
    main()
