/* test-application.c: the app's own actions, shortcuts and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-application.h"
#include "wsp-catalog.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

/* Matches the welcome page's GtkImage with the app's icon. */
static gboolean
match_app_icon (GtkWidget     *widget,
                gconstpointer  data)
{
  GtkImage *image = GTK_IMAGE (widget);

  return gtk_image_get_storage_type (image) == GTK_IMAGE_PAINTABLE &&
         GTK_IS_ICON_PAINTABLE (gtk_image_get_paintable (image));
}

static void
test_application_accels (void)
{
  g_autoptr(GtkApplication) app = wsp_test_new_app ();
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (app, "app.quit");
  g_auto(GStrv) help = NULL;

  g_assert_cmpuint (g_strv_length (quit), ==, 1);
  g_assert_cmpstr (quit [0], ==, "<Control>q");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  /* No catalog address (the tests' schema says so): no menu item to check for one. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "check-catalog"));

  /* GTK gives Ctrl+? to the shortcuts window once the app has one in its resources. */
  g_application_activate (G_APPLICATION (app));
  help = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (help), >=, 1);

  wsp_test_quit_app (app);
}

static void
test_application_windows (void)
{
  g_autoptr(GtkApplication) app = wsp_test_new_app ();
  GtkIconTheme *icon_theme = NULL;
  g_auto(GStrv) icon_paths = NULL;
  GtkWindow *window;
  GtkWindow *about;
  GtkWindow *shortcuts;
  GtkMenuButton *menu_button;
  GtkPopover *popover;
  GtkWidget *widget;
  int height, tallest = 0;

  window = wsp_test_show_window (app);
  wsp_test_wait_for_frames (GTK_WIDGET (window), 2);

  /* The app's style sheet is in use: the bar about the records file has its padding of 6 px
   * above and below. */
  widget = wsp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, wsp_test_match_css_class,
                                 "wsp-banner");
  g_assert_nonnull (widget);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_height, NULL, NULL, NULL);
      tallest = MAX (tallest, child_height);
    }
  g_assert_cmpint (tallest, >, 0);
  g_assert_cmpint (height - tallest, ==, 12);

  /* The welcome page draws the app's icon from the resource, at 128 px... */
  widget = wsp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_IMAGE, match_app_icon, NULL);
  g_assert_nonnull (widget);
  g_assert_cmpint (gtk_image_get_pixel_size (GTK_IMAGE (widget)), ==, 128);
  {
    GtkIconPaintable *icon = GTK_ICON_PAINTABLE (gtk_image_get_paintable (GTK_IMAGE (widget)));
    g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;

    g_assert_cmpstr (uri, ==, "resource://" RESOURCE_PREFIX
                              "/icons/128x128/apps/io.github.widerspruch.Widerspruch.png");
    gdk_paintable_snapshot (GDK_PAINTABLE (icon), snapshot, 128, 128);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    g_assert_nonnull (node);
    g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);
    g_assert_cmpint (gdk_texture_get_width (gsk_texture_node_get_texture (node)), ==, 128);
  }
  /* ... so the icon theme was left alone at startup (adding to it makes GTK read it again). */
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  icon_paths = gtk_icon_theme_get_resource_path (icon_theme);
  g_assert_false (icon_paths != NULL &&
                  g_strv_contains ((const char * const *) icon_paths, RESOURCE_PREFIX "/icons"));

  /* The header bar's buttons show, with their tooltips: the menu on the welcome page, Back and
   * Next on the next one. */
  widget = wsp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "Main Menu");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assistant.next", NULL));
  widget = wsp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, wsp_test_match_action,
                                 "assistant.back");
  g_assert_true (WSP_TEST_WAIT_FOR (gtk_widget_get_mapped (widget)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "Back (Alt+Left)");
  widget = wsp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, wsp_test_match_button_label,
                                 "_Next");
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "Next (Enter)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assistant.back", NULL));
  g_assert_cmpstr (wsp_window_get_page_name (WSP_WINDOW (window)), ==, "welcome");

  /* Activating again raises the same window rather than opening a second one. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_application_get_active_window (app) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 1);

  /* The main menu is built when it first opens, and has every item then. */
  menu_button = GTK_MENU_BUTTON (wsp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON,
                                                       NULL, NULL));
  g_assert_nonnull (menu_button);
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  g_assert_nonnull (popover);
  g_assert_true (WSP_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover))));
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (popover), "Find the Form by Hand"));
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (popover), "Keyboard Shortcuts"));
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (popover), "About Widerspruch"));
  gtk_menu_button_popdown (menu_button);
  /* Opening it again keeps the same menu. */
  gtk_menu_button_popup (menu_button);
  g_assert_true (gtk_menu_button_get_popover (menu_button) == popover);
  gtk_menu_button_popdown (menu_button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  WSP_TEST_WAIT_FOR ((shortcuts = wsp_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL);
  g_assert_nonnull (shortcuts);
  gtk_window_close (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  WSP_TEST_WAIT_FOR ((about = wsp_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  /* Where the links come from, then what changed in them (test_application_notes()). The
   * catalog's date is its version, not a check: no month is claimed for the links as a whole;
   * each link has its own date and source. */
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)),
                            "Links in use: built in.\n\n"
                            "What changed in the links:\n"));
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (about), "Links and when they were last confirmed"));
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  /* Installed or not, the theme has the icon that About shows. */
  g_assert_true (gtk_icon_theme_has_icon (icon_theme, APP_ID));
  g_assert_cmpstr (adw_about_window_get_copyright (ADW_ABOUT_WINDOW (about)), ==,
                   "© 2026 Widerspruch developers");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==,
                   "https://github.com/widerspruch/widerspruch/issues");
  /* The sources of the guidance and the legal notes are in the window's pages, as labels. */
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (about), "Sources of the guidance"));
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (about), "Consumer advice centres"));
  g_assert_true (wsp_test_shows_text (GTK_WIDGET (about), "No legal advice"));
  gtk_window_destroy (about);

  /* Ctrl+Q's action closes every window. */
  wsp_test_quit_app (app);
}

/* Updated links through the app ---------------------------------------------------------- */

/* A server on 127.0.0.1 handing out links updated tomorrow, and the app told its address;
 * afterwards the catalog in use and the settings are as before. */
typedef struct {
  GSettings            *settings;
  const char           *newer;
  WspTestCatalogServer *server;
  char                 *in_use;    /* what the app says when it takes them */
} CatalogFixture;

static void
catalog_set_up (CatalogFixture *f,
                gconstpointer   data)
{
  f->settings = g_settings_new (APP_ID);
  f->newer = wsp_test_newer_date ();
  f->server = wsp_test_catalog_server_new (f->newer, f->settings);
  f->in_use = g_strdup_printf ("New links are in use: updated on %s.", f->newer);
}

static void
catalog_tear_down (CatalogFixture *f,
                   gconstpointer   data)
{
  wsp_catalog_set_current (NULL);
  g_settings_reset (f->settings, "catalog-url");
  g_settings_reset (f->settings, "catalog-last-check");
  g_settings_reset (f->settings, "notes-seen");
  g_clear_pointer (&f->server, wsp_test_catalog_server_free);
  g_clear_object (&f->settings);
  g_free (f->in_use);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_toast (GtkApplication *app,
                const char     *text)
{
  g_assert_true (wsp_test_wait_for_text (GTK_WIDGET (gtk_application_get_active_window (app)),
                                         text));
}

static void
test_application_check_catalog (CatalogFixture *f,
                                gconstpointer   data)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GtkApplication) restarted = NULL;
  g_autofree char *about_line = g_strdup_printf ("Links in use: updated on %s.", f->newer);
  gint64 last_check = g_get_real_time () / G_USEC_PER_SEC - 60;
  gboolean second_passed = FALSE;
  GtkWindow *about;

  /* Checked a minute ago: the app does not ask again by itself. */
  g_settings_set_int64 (f->settings, "catalog-last-check", last_check);

  app = wsp_test_new_app ();
  g_application_activate (G_APPLICATION (app));
  /* The check by itself comes a second after the window (check_by_itself()): once a timeout
   * like the app's, added after it, has fired, the app has decided. A check that fetches
   * first notes its time. */
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, set_flag, &second_passed, NULL);
  g_assert_true (wsp_test_wait_for (&second_passed, WSP_TEST_DEADLINE_MS));
  g_assert_cmpint (g_settings_get_int64 (f->settings, "catalog-last-check"), ==, last_check);
  g_assert_cmpuint (wsp_test_server_get_requests (f->server->http)->len, ==, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "check-catalog"));

  /* Asked from the menu: the newer links are taken, and the user is told. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-catalog", NULL);
  wait_for_toast (app, f->in_use);
  g_assert_cmpuint (wsp_test_server_get_requests (f->server->http)->len, ==, 1);
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_get_current ()), ==, f->newer);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  WSP_TEST_WAIT_FOR ((about = wsp_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)),
                            about_line));
  gtk_window_destroy (about);

  /* Again: the server says nothing changed. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-catalog", NULL);
  wait_for_toast (app, "The links in use are up to date.");
  g_assert_cmpuint (wsp_test_server_get_requests (f->server->http)->len, ==, 2);

  /* A refused answer (a new one: another ETag) leaves the links in use and says why in one
   * line. */
  f->server->answer.content_type = "text/html";
  f->server->answer.etag = "\"v3\"";
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-catalog", NULL);
  wait_for_toast (app, "The updated links were not used: the server did not send JSON.");
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_get_current ()), ==, f->newer);

  wsp_test_quit_app (app);
  g_clear_object (&app);

  /* A restart with the server gone: the cached links are used from the start. */
  wsp_test_server_stop (f->server->http);
  wsp_catalog_set_current (NULL);
  restarted = wsp_test_new_app ();
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_get_current ()), ==, f->newer);
  wsp_test_quit_app (restarted);
}

/* Last checked a day and more ago: once the window is up, the app asks by itself, takes the
 * newer links and says so. */
static void
test_application_check_catalog_by_itself (CatalogFixture *f,
                                          gconstpointer   data)
{
  g_autoptr(GtkApplication) app = NULL;

  g_settings_set_int64 (f->settings, "catalog-last-check",
                        g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 60 * 60);

  app = wsp_test_new_app ();
  /* Not before the window: starting is not held up by the network. */
  g_assert_cmpuint (wsp_test_server_get_requests (f->server->http)->len, ==, 0);
  g_application_activate (G_APPLICATION (app));
  wait_for_toast (app, f->in_use);
  g_assert_cmpuint (wsp_test_server_get_requests (f->server->http)->len, ==, 1);
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_get_current ()), ==, f->newer);

  wsp_test_quit_app (app);
}

/* Until the window has looked for new notes: after its first frame, from an idle callback. */
static void
wait_for_notes_checked (GtkWindow *window)
{
  wsp_test_wait_for_frames (GTK_WIDGET (window), 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Whether the welcome page shows its notes about changed links. */
static gboolean
shows_notes (GtkApplication *app)
{
  GtkWidget *heading = wsp_test_find_widget (GTK_WIDGET (gtk_application_get_active_window (app)),
                                             GTK_TYPE_LABEL, wsp_test_match_label_text,
                                             "What Changed in the Links");

  g_assert_nonnull (heading);
  return gtk_widget_is_visible (heading);
}

/* What changed, said once: a new note that an accepted update brings is shown on the welcome
 * page, once, and listed in About; a first start shows none (a new user has nothing to compare
 * with). */
static void
test_application_notes (CatalogFixture *f,
                        gconstpointer   data)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GtkApplication) restarted = NULL;
  g_autofree char *note = g_strdup_printf ("{\"date\": \"%s\", \"text\": {\"en\": \"Meta moved "
                                           "the test form.\", \"de\": \"Meta hat das "
                                           "Testformular verschoben.\"}}, ", f->newer);
  g_autofree char *line = g_strdup_printf ("%s: Meta moved the test form.", f->newer);
  g_auto(GStrv) parts = g_strsplit (f->server->answer.body, "\"notes\": [", 2);
  g_autofree char *seen = NULL;
  g_autofree char *first_seen = NULL;
  GtkWindow *about;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (f->server->answer.body);
  f->server->answer.body = g_strconcat (parts [0], "\"notes\": [", note, parts [1], NULL);
  g_settings_reset (f->settings, "notes-seen");
  g_settings_set_int64 (f->settings, "catalog-last-check",
                        g_get_real_time () / G_USEC_PER_SEC - 60);

  /* The first start: the built-in notes are how things are, not news. The window looks after
   * its first frame. */
  app = wsp_test_new_app ();
  wait_for_notes_checked (wsp_test_show_window (app));
  g_assert_false (shows_notes (app));
  first_seen = g_settings_get_string (f->settings, "notes-seen");
  g_assert_cmpstr (first_seen, !=, "");
  g_assert_cmpstr (first_seen, <, f->newer);

  /* An update brings a new note: shown on the welcome page, and remembered. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-catalog", NULL);
  wait_for_toast (app, f->in_use);
  g_assert_true (wsp_test_wait_for_text (GTK_WIDGET (gtk_application_get_active_window (app)),
                                         line));
  g_assert_true (shows_notes (app));
  seen = g_settings_get_string (f->settings, "notes-seen");
  g_assert_cmpstr (seen, ==, f->newer);

  /* About lists every note, the new one first. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  WSP_TEST_WAIT_FOR ((about = wsp_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_nonnull (about);
  {
    g_autofree char *expected = g_strdup_printf ("\n\nWhat changed in the links:\n%s\n", line);

    g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), expected));
  }
  gtk_window_destroy (about);
  wsp_test_quit_app (app);

  /* Said once: the next start, with the same (cached) links, shows no note. */
  wsp_test_server_stop (f->server->http);
  wsp_catalog_set_current (NULL);
  restarted = wsp_test_new_app ();
  wait_for_notes_checked (wsp_test_show_window (restarted));
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_get_current ()), ==, f->newer);
  g_assert_false (shows_notes (restarted));
  wsp_test_quit_app (restarted);
}

int
main (int   argc,
      char *argv[])
{
  wsp_test_init_ui (&argc, &argv);

  g_test_add_func ("/application/accels", test_application_accels);
  g_test_add_func ("/application/windows", test_application_windows);
#define ADD(path, func) \
  g_test_add ("/application/" path, CatalogFixture, NULL, catalog_set_up, func, catalog_tear_down)

  ADD ("check-catalog", test_application_check_catalog);
  ADD ("check-catalog-by-itself", test_application_check_catalog_by_itself);
  ADD ("notes", test_application_notes);

  return g_test_run ();
}
