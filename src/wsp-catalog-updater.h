/* wsp-catalog-updater.h: fetches a newer link catalog, checks it, caches it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "wsp-catalog.h"

G_BEGIN_DECLS

/* The largest catalog accepted; reading stops there. */
#define WSP_CATALOG_UPDATE_MAX_SIZE (256 * 1024)
/* Without being asked, the app checks at most this often. */
#define WSP_CATALOG_UPDATE_INTERVAL (24 * 60 * 60)

typedef enum {
  WSP_CATALOG_UPDATE_SKIPPED,    /* updates are off (no address), or the last check is recent */
  WSP_CATALOG_UPDATE_UNCHANGED,  /* 304, or nothing newer than the catalog in use */
  WSP_CATALOG_UPDATE_UPDATED,    /* a newer catalog is in use and cached */
} WspCatalogUpdate;

#define WSP_CATALOG_UPDATE_ERROR (wsp_catalog_update_error_quark ())
typedef enum {
  WSP_CATALOG_UPDATE_ERROR_ADDRESS,       /* not https (http only on the loopback) */
  WSP_CATALOG_UPDATE_ERROR_NETWORK,       /* the server could not be reached */
  WSP_CATALOG_UPDATE_ERROR_STATUS,        /* neither 200 nor 304 */
  WSP_CATALOG_UPDATE_ERROR_TOO_LARGE,     /* more than WSP_CATALOG_UPDATE_MAX_SIZE */
  WSP_CATALOG_UPDATE_ERROR_CONTENT_TYPE,  /* not JSON */
  WSP_CATALOG_UPDATE_ERROR_INVALID,       /* the catalog loader refused it */
} WspCatalogUpdateError;
GQuark wsp_catalog_update_error_quark (void);

#define WSP_TYPE_CATALOG_UPDATER (wsp_catalog_updater_get_type ())

G_DECLARE_FINAL_TYPE (WspCatalogUpdater, wsp_catalog_updater, WSP, CATALOG_UPDATER, GObject)

/* Loads the cached catalog when it is valid and newer than @built_in. @settings holds
 * catalog-url, catalog-last-check, catalog-etag and catalog-last-modified. @session: (nullable):
 * NULL makes the app's own (see wsp_network_session_new()). */
WspCatalogUpdater *wsp_catalog_updater_new          (WspCatalog           *built_in,
                                                     GSettings            *settings,
                                                     SoupSession          *session);
/* How long one fetch may take in all (the app's: a minute); tests shorten it. */
void               wsp_catalog_updater_set_deadline (WspCatalogUpdater    *self,
                                                     guint                 deadline_ms);
/* The catalog in use: the cached or fetched one, else @built_in. Notifies "catalog". */
WspCatalog        *wsp_catalog_updater_get_catalog  (WspCatalogUpdater    *self);

/* g_get_user_cache_dir()/widerspruch/catalog.json */
char              *wsp_catalog_updater_get_cache_path (void);

/* @force: check even when the last check is less than a day ago (the user asked). On failure,
 * the error message is one sentence for the user; the detail goes to the log. */
void               wsp_catalog_updater_check_async  (WspCatalogUpdater    *self,
                                                     gboolean              force,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
WspCatalogUpdate   wsp_catalog_updater_check_finish (WspCatalogUpdater    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
