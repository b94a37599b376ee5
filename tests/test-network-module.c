/* test-network-module.c: the app's network code as a module, loaded on first use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked as the app is: the stubs of src/wsp-network-stubs.c instead of the network code, and
 * the model's functions exported for the module. WIDERSPRUCH_NETWORK_MODULE_DIR (set by
 * meson) points at the module in the build tree.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wsp-catalog-updater.h"
#include "wsp-link-check.h"
#include "wsp-test-util.h"

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The whole update path runs in the module: libsoup fetches from a real server, and the
 * catalog loader the module calls is the app's. */
static void
test_network_module_update (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(WspCatalogUpdater) updater = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WspTestCatalogServer) server = wsp_test_catalog_server_new (wsp_test_newer_date (), settings);

  updater = wsp_catalog_updater_new (wsp_catalog_get_default (), settings, NULL);
  g_assert_nonnull (updater);
  g_assert_true (WSP_IS_CATALOG_UPDATER (updater));
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_updater_get_catalog (updater)), ==,
                   "2026-11-28");

  wsp_catalog_updater_check_async (updater, TRUE, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (wsp_catalog_updater_check_finish (updater, result, &error), ==,
                   WSP_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpuint (server->n_requests, ==, 1);
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_updater_get_catalog (updater)), ==,
                   wsp_test_newer_date ());

  g_settings_reset (settings, "catalog-url");
}

/* The module's link check keeps the app's allow list: an address off Meta's hosts is not asked
 * at all, and its status is "could not check". */
static void
test_network_module_link_check (void)
{
  /* Any address on it answers: a request that went out would be counted. */
  g_autoptr(WspTestCatalogServer) server = wsp_test_catalog_server_new (wsp_test_newer_date (), NULL);
  g_autoptr(WspLinkCheck) check = wsp_link_check_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (server->base, "/form", NULL);
  const char * const hosts [] = { "facebook.com", NULL };

  g_assert_nonnull (check);
  g_assert_true (WSP_IS_LINK_CHECK (check));

  wsp_link_check_run_async (check, url, hosts, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (wsp_link_check_run_finish (check, result, &error), ==, WSP_LINK_STATUS_UNKNOWN);
  g_assert_no_error (error);
  g_assert_cmpuint (server->n_requests, ==, 0);
}

/* Without the module the app goes on: no checker, no updater, and a line in the log. */
static void
test_network_module_missing (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *empty = g_dir_make_tmp ("wsp-no-module-XXXXXX", NULL);

      g_assert_nonnull (empty);
      g_setenv ("WIDERSPRUCH_NETWORK_MODULE_DIR", empty, TRUE);
      g_assert_null (wsp_link_check_new (NULL));
      g_assert_null (wsp_catalog_updater_new (wsp_catalog_get_default (), settings, NULL));
      g_rmdir (empty);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*No usable network module widerspruch-network in *wsp-no-module-*: "
                             "the form's link is not checked and no updated links are fetched*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/network-module/update", test_network_module_update);
  g_test_add_func ("/network-module/link-check", test_network_module_link_check);
  g_test_add_func ("/network-module/missing", test_network_module_missing);

  return g_test_run ();
}
