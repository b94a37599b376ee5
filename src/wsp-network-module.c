/* wsp-network-module.c: the entry point of the network module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with hidden symbols: this function is the module's only export, and the module's own
 * calls to its functions never reach the app's stubs of the same names. The model functions it
 * calls (wsp_catalog_*) come from the app, which exports them.
 */

#include "config.h"

#include "wsp-network-module.h"

static const WspNetworkModule module = {
  .version = WSP_NETWORK_MODULE_VERSION,
  .link_check_get_type = wsp_link_check_get_type,
  .link_check_new = wsp_link_check_new,
  .link_check_run_async = wsp_link_check_run_async,
  .link_check_run_finish = wsp_link_check_run_finish,
  .catalog_updater_get_type = wsp_catalog_updater_get_type,
  .catalog_updater_new = wsp_catalog_updater_new,
  .catalog_updater_get_catalog = wsp_catalog_updater_get_catalog,
  .catalog_updater_check_async = wsp_catalog_updater_check_async,
  .catalog_updater_check_finish = wsp_catalog_updater_check_finish,
};

__attribute__ ((visibility ("default"))) const WspNetworkModule *wsp_network_module_get (void);

__attribute__ ((visibility ("default"))) const WspNetworkModule *
wsp_network_module_get (void)
{
  return &module;
}
