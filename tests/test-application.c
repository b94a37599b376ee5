/* test-application.c: the app's own actions, shortcuts and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-application.h"
#include "wsp-catalog.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

/* Whether a label under @widget, internal children included, reads exactly @text. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkApplication *
new_app (void)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  app = g_object_new (WSP_TYPE_APPLICATION,
                      "application-id", "io.github.widerspruch.Widerspruch.Test",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static void
test_application_accels (void)
{
  g_autoptr(GtkApplication) app = new_app ();
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (app, "app.quit");
  g_auto(GStrv) help = NULL;

  g_assert_cmpuint (g_strv_length (quit), ==, 1);
  g_assert_cmpstr (quit [0], ==, "<Control>q");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  /* GTK gives Ctrl+? to the shortcuts window once the app has one in its resources. */
  g_application_activate (G_APPLICATION (app));
  help = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (help), >=, 1);

  g_application_quit (G_APPLICATION (app));
}

static void
test_application_windows (void)
{
  g_autoptr(GtkApplication) app = new_app ();
  GtkWindow *window;
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_autofree char *expected_comment_part = NULL;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  g_assert_true (WSP_IS_WINDOW (window));
  wsp_test_run_for (50);

  /* Activating again raises the same window rather than opening a second one. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_application_get_active_window (app) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wsp_test_run_for (50);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_close (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wsp_test_run_for (50);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  expected_comment_part = wsp_catalog_format_month (wsp_catalog_get_updated (wsp_catalog_get_default ()));
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)),
                            expected_comment_part));
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_copyright (ADW_ABOUT_WINDOW (about)), ==,
                   "© 2026 Widerspruch developers");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==,
                   "https://github.com/widerspruch/widerspruch/issues");
  /* The sources of the guidance and the legal notes are in the window's pages, as labels. */
  g_assert_true (find_label (GTK_WIDGET (about), "Sources of the guidance"));
  g_assert_true (find_label (GTK_WIDGET (about), "Consumer advice centres"));
  g_assert_true (find_label (GTK_WIDGET (about), "No legal advice"));
  gtk_window_destroy (about);

  /* Ctrl+Q's action closes every window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wsp_test_run_for (50);
  g_assert_null (gtk_application_get_windows (app));
}

int
main (int   argc,
      char *argv[])
{
  /* See test-flow.c: the MIME database is needed to load the SVG app icon. */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  wsp_test_bind_textdomains ();

  g_test_add_func ("/application/accels", test_application_accels);
  g_test_add_func ("/application/windows", test_application_windows);

  return g_test_run ();
}
