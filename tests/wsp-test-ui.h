/* wsp-test-ui.h: finding widgets in the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wsp-record-store.h"
#include "wsp-window.h"

G_BEGIN_DECLS

/* g_test_init() with isolated XDG dirs, then GTK, libadwaita and the app's translations. The
 * system's MIME database is loaded first, before the isolated dirs hide it: GTK's image loading
 * sniffs content types with it (SVG icons). */
void       wsp_test_init_ui            (int           *argc,
                                        char        ***argv);
/* The same with GTK's test accessibility backend: it keeps what assistive technologies would
 * be told, and needs no accessibility bus (the other UI tests run with GTK_A11Y=none). */
void       wsp_test_init_ui_accessible (int           *argc,
                                        char        ***argv);
/* The same in two steps, for a test that sets the environment GTK starts with: g_test_init()
 * with isolated XDG dirs (and the MIME database); then GTK, libadwaita and the translations. */
void       wsp_test_init               (int           *argc,
                                        char        ***argv);
void       wsp_test_start_gtk          (void);

/* Whether @widget is the one looked for; @data is what the caller passed along. */
typedef gboolean (*WspTestMatch) (GtkWidget     *widget,
                                  gconstpointer  data);

/* The first widget below @root (not @root itself), depth first, internal children included,
 * of @type and accepted by @match (NULL accepts any); NULL when there is none. */
GtkWidget *wsp_test_find_widget        (GtkWidget     *root,
                                        GType          type,
                                        WspTestMatch   match,
                                        gconstpointer  data);
/* All of them, in the same order. Free with g_ptr_array_unref(). */
GPtrArray *wsp_test_find_all           (GtkWidget     *root,
                                        GType          type,
                                        WspTestMatch   match,
                                        gconstpointer  data);
/* Whether a label below @root, internal children included, shows exactly @text. */
gboolean   wsp_test_shows_text         (GtkWidget     *root,
                                        const char    *text);
/* Runs the main loop until a label below @root shows @text, for WSP_TEST_DEADLINE_MS at most;
 * returns whether it does. */
gboolean   wsp_test_wait_for_text      (GtkWidget     *root,
                                        const char    *text);
/* An application id of the tests' own, another at each call. Registered on a session bus, a
 * GtkApplication that never ran stays alive (GTK releases it at shutdown, which only
 * g_application_run() reaches), and so does its object path: the next app of the same test
 * program could not register the same id. */
char      *wsp_test_new_app_id         (void);
/* A WspApplication as wsp_application_new() makes it (no resource base path), but with an id
 * from wsp_test_new_app_id() and not unique; registered. */
GtkApplication *wsp_test_new_app       (void);
/* Activates @app and returns its window, asserting that it is the app's WspWindow. */
GtkWindow *wsp_test_show_window        (GtkApplication *app);
/* Quits @app through its "quit" action (Ctrl+Q) and asserts that no window is left. */
void       wsp_test_quit_app           (GtkApplication *app);

/* Runs the main loop until @widget's frame clock has drawn @n_frames frames; at the second, the
 * whole window was laid out and drawn since the call. @widget must be realized. */
void       wsp_test_wait_for_frames    (GtkWidget     *widget,
                                        guint          n_frames);

/* @widget as its window draws it, at its allocated size. */
GdkTexture *wsp_test_render            (GtkWidget     *widget);
/* What zbar-tools' zbarimg reads in @texture, saved as a PNG: the text of the one QR code it
 * finds, as a phone's camera would read the screen. Fails the test when it finds none. */
char      *wsp_test_decode_qr          (GdkTexture    *texture);

/* Registers, in the test's own XDG directories, a default browser for http and https that
 * appends each address it is asked to open, one a line, to @log_path. */
void       wsp_test_register_fake_browser (const char *log_path);

/* The visible toplevel window of @type, or NULL. */
GtkWindow *wsp_test_find_toplevel      (GType          type);

/* Matches: an actionable's action name; a label's label (with its mnemonic underscore and
 * markup) or text (as shown); a button's label; a CSS class. */
gboolean   wsp_test_match_action       (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean   wsp_test_match_label        (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean   wsp_test_match_label_text   (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean   wsp_test_match_button_label (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean   wsp_test_match_css_class    (GtkWidget     *widget,
                                        gconstpointer  data);
/* Matches: a row's title, an action row's subtitle, an image's icon name. */
gboolean   wsp_test_match_row_title    (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean   wsp_test_match_row_subtitle (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean   wsp_test_match_icon_name    (GtkWidget     *widget,
                                        gconstpointer  data);

/* Clicks a real button, asserting it is there and sensitive: its "clicked" runs the action it
 * names at once (gtk_widget_activate() would wait for the press animation). */
void       wsp_test_click              (GtkWidget     *button);
/* Whether a file chooser shows @folder. */
gboolean   wsp_test_chooser_in_folder  (GtkWindow     *chooser,
                                        GFile         *folder);
/* The text on @clipboard, once read ("(nothing)" when it holds none). */
char      *wsp_test_clipboard_text     (GdkClipboard  *clipboard);
/* Destroys every toplevel, @window last: nothing may keep it and its pages alive once closed,
 * so it must be finalized (and *@window NULL) soon after. */
void       wsp_test_destroy_windows    (GtkWindow    **window);
/* A WspWindow of @app as the app's activation builds it (wsp_window_new()), not shown yet, its
 * objection filled in: both platforms, the country @code called @name, "jana@example.org". */
WspWindow *wsp_test_new_sample_window  (GtkApplication *app,
                                        const char     *code,
                                        const char     *name);
/* Shows @window's page @name at once (no transition: the page that slides out must not be
 * looked at again) and waits until the window is drawn with it. */
void       wsp_test_show_page          (WspWindow      *window,
                                        const char     *name);
/* A WspWindow of @app on @store (NULL: the default store), as the app's activation builds it,
 * shown and drawn twice. */
WspWindow *wsp_test_new_window         (GtkApplication *app,
                                        WspRecordStore *store);

G_END_DECLS
