/* wsp-network-module.h: the network code as a module the app loads when it first needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The link check and the catalog updates need libsoup, which brings about a dozen libraries
 * (Kerberos, SQLite, nghttp2, libpsl, ...). Linked into the app they cost every start several
 * milliseconds and 1.5 MiB before the first frame (build-aux/bench), for code that the summary
 * page's check and the once-a-day update check use later, if at all. So the app loads them
 * from the module "widerspruch-network" on first use (wsp-network-stubs.c); the tests and
 * benchmarks link the same sources directly.
 */

#pragma once

#include "wsp-catalog-updater.h"
#include "wsp-link-check.h"

G_BEGIN_DECLS

/* Raised whenever the table below changes, so that a stale module is refused. */
#define WSP_NETWORK_MODULE_VERSION 1

/* The function the app looks up in the module. */
#define WSP_NETWORK_MODULE_SYMBOL "wsp_network_module_get"

typedef struct {
  guint                version;

  GType              (*link_check_get_type)      (void);
  WspLinkCheck      *(*link_check_new)           (SoupSession         *session);
  void               (*link_check_run_async)     (WspLinkCheck        *self,
                                                  const char          *url,
                                                  const char * const  *hosts,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
  WspLinkStatus      (*link_check_run_finish)    (WspLinkCheck        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

  GType              (*catalog_updater_get_type) (void);
  WspCatalogUpdater *(*catalog_updater_new)      (WspCatalog          *built_in,
                                                  GSettings           *settings,
                                                  SoupSession         *session);
  WspCatalog        *(*catalog_updater_get_catalog) (WspCatalogUpdater *self);
  void               (*catalog_updater_check_async)  (WspCatalogUpdater   *self,
                                                      gboolean             force,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
  WspCatalogUpdate   (*catalog_updater_check_finish) (WspCatalogUpdater  *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
} WspNetworkModule;

typedef const WspNetworkModule *(*WspNetworkModuleGetFunc) (void);

G_END_DECLS
