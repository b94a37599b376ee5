/* test-no-network.c: the app without its network module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked as the app is (the stubs, not the network code), and told to look for the module in a
 * directory where there is none: a package that lost the module, or a broken install. The
 * window still works, and asking for updated links says that a part of the app is missing.
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-application.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static void
test_no_network_check_catalog (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkApplication) app = NULL;
  const char *missing = "Updated links cannot be checked: a part of Widerspruch is missing.";
  GtkWidget *window;

  /* Nothing listens there, and nothing may ask: without the module there is no network code. */
  g_settings_set_string (settings, "catalog-url", "http://127.0.0.1:9/catalog.json");
  /* Last checked two days ago: the app would ask by itself a second after the window. */
  g_settings_set_int64 (settings, "catalog-last-check",
                        g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 60 * 60);

  app = wsp_test_new_app ();
  window = GTK_WIDGET (wsp_test_show_window (app));

  /* The check by itself fails quietly: nothing to tell the user who did not ask. */
  wsp_test_run_for (1500);
  g_assert_false (wsp_test_shows_text (window, missing));

  /* Asked from the menu: the user is told why nothing happens. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "check-catalog"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-catalog", NULL);
  g_assert_true (wsp_test_wait_for_text (window, missing));

  /* The rest of the app works on: Start goes to the first question. */
  g_assert_true (gtk_widget_activate_action (window, "assistant.next", NULL));
  wsp_test_run_for (50);
  g_assert_cmpstr (wsp_window_get_page_name (WSP_WINDOW (window)), ==, "platform");

  wsp_test_quit_app (app);

  g_settings_reset (settings, "catalog-url");
  g_settings_reset (settings, "catalog-last-check");
}

int
main (int   argc,
      char *argv[])
{
  wsp_test_init_ui (&argc, &argv);

  g_test_add_func ("/no-network/check-catalog", test_no_network_check_catalog);

  return g_test_run ();
}
