/* wsp-network-stubs.c: the app's side of the network module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked into the app only (the tests link the real functions): each function of
 * wsp-link-check.h and wsp-catalog-updater.h that the app calls loads the module on first use
 * and calls its function. See wsp-network-module.h for why. Without the module, the link check
 * and the updater cannot be made (their constructors return NULL, and the log says why); the
 * rest of the app works on.
 */

#include "config.h"

#include <gmodule.h>

#include "wsp-network-module.h"

#define MODULE_NAME "widerspruch-network"

static const WspNetworkModule *
try_load (const char *dir)
{
  g_autofree char *path = g_module_build_path (dir, MODULE_NAME);
  GModule *handle;
  WspNetworkModuleGetFunc get = NULL;
  const WspNetworkModule *module;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  handle = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (handle == NULL)
    {
      g_message ("Cannot load the network module %s: %s", path, g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (handle, WSP_NETWORK_MODULE_SYMBOL, (gpointer *) &get) || get == NULL ||
      (module = get ()) == NULL || module->version != WSP_NETWORK_MODULE_VERSION)
    {
      g_message ("Not using the network module %s: it is not this version's", path);
      g_module_close (handle);
      return NULL;
    }

  /* Its types stay registered for as long as the app runs. */
  g_module_make_resident (handle);
  g_debug ("Loaded the network module %s", path);

  return module;
}

/* Where WIDERSPRUCH_NETWORK_MODULE_DIR says (the tests), else next to the program (a build
 * tree), else where meson installs it. */
static const WspNetworkModule *
load (void)
{
  const char *dir = g_getenv ("WIDERSPRUCH_NETWORK_MODULE_DIR");
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *program_dir = program != NULL ? g_path_get_dirname (program) : NULL;
  const WspNetworkModule *module = NULL;

  if (dir != NULL && *dir != '\0')
    {
      module = try_load (dir);
    }
  else
    {
      if (program_dir != NULL)
        module = try_load (program_dir);
      if (module == NULL)
        module = try_load (dir = NETWORK_MODULE_DIR);
    }

  if (module == NULL)
    g_message ("No usable network module " MODULE_NAME " in %s: the form's link is not checked "
               "and no updated links are fetched", dir);

  return module;
}

static const WspNetworkModule *
get_module (void)
{
  static const WspNetworkModule *module;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      module = load ();
      g_once_init_leave (&loaded, 1);
    }

  return module;
}

GType
wsp_link_check_get_type (void)
{
  const WspNetworkModule *module = get_module ();

  return module != NULL ? module->link_check_get_type () : G_TYPE_INVALID;
}

WspLinkCheck *
wsp_link_check_new (SoupSession *session)
{
  const WspNetworkModule *module = get_module ();

  return module != NULL ? module->link_check_new (session) : NULL;
}

void
wsp_link_check_run_async (WspLinkCheck        *self,
                          const char          *url,
                          const char * const  *hosts,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  /* There is a check to run only if the module made it. */
  g_return_if_fail (get_module () != NULL);

  get_module ()->link_check_run_async (self, url, hosts, cancellable, callback, user_data);
}

WspLinkStatus
wsp_link_check_run_finish (WspLinkCheck  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (get_module () != NULL, WSP_LINK_STATUS_UNKNOWN);

  return get_module ()->link_check_run_finish (self, result, error);
}

GType
wsp_catalog_updater_get_type (void)
{
  const WspNetworkModule *module = get_module ();

  return module != NULL ? module->catalog_updater_get_type () : G_TYPE_INVALID;
}

WspCatalogUpdater *
wsp_catalog_updater_new (WspCatalog  *built_in,
                         GSettings   *settings,
                         SoupSession *session)
{
  const WspNetworkModule *module = get_module ();

  return module != NULL ? module->catalog_updater_new (built_in, settings, session) : NULL;
}

WspCatalog *
wsp_catalog_updater_get_catalog (WspCatalogUpdater *self)
{
  g_return_val_if_fail (get_module () != NULL, NULL);

  return get_module ()->catalog_updater_get_catalog (self);
}

void
wsp_catalog_updater_check_async (WspCatalogUpdater   *self,
                                 gboolean             force,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (get_module () != NULL);

  get_module ()->catalog_updater_check_async (self, force, cancellable, callback, user_data);
}

WspCatalogUpdate
wsp_catalog_updater_check_finish (WspCatalogUpdater  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (get_module () != NULL, WSP_CATALOG_UPDATE_SKIPPED);

  return get_module ()->catalog_updater_check_finish (self, result, error);
}

/* The same quark as the module's: quarks are shared by their string. */
G_DEFINE_QUARK (wsp-catalog-update-error-quark, wsp_catalog_update_error)
