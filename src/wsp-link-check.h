/* wsp-link-check.h: does a form's address still answer? (HEAD, then GET; redirects checked)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum {
  WSP_LINK_STATUS_UNKNOWN,    /* 5xx, a timeout, a TLS error, anything unexpected */
  WSP_LINK_STATUS_REACHABLE,  /* a 2xx answer, possibly after redirects within the hosts */
  WSP_LINK_STATUS_OFFLINE,    /* no network, the name does not resolve, connection refused */
  WSP_LINK_STATUS_MOVED,      /* 404, 410, or a redirect to a host outside the allowed ones */
} WspLinkStatus;

/* Whether a redirect may be followed to @url. */
typedef gboolean (*WspLinkAllowedFunc) (const char *url,
                                        gpointer    user_data);

/* The real app's seconds before a check gives up waiting for a read, and for one request as a
 * whole (a server that trickles its headers). */
#define WSP_LINK_CHECK_TIMEOUT 5
#define WSP_LINK_CHECK_DEADLINE 15

#define WSP_TYPE_LINK_CHECK (wsp_link_check_get_type ())

G_DECLARE_FINAL_TYPE (WspLinkCheck, wsp_link_check, WSP, LINK_CHECK, GObject)

/* @session: (nullable): NULL makes the app's own (WSP_LINK_CHECK_TIMEOUT, no cookies, a
 * User-Agent of "Widerspruch/VERSION"); tests pass one with a shorter timeout. */
WspLinkCheck  *wsp_link_check_new                (SoupSession          *session);
SoupSession   *wsp_link_check_get_session        (WspLinkCheck         *self);
/* For tests: the deadline of one request, instead of WSP_LINK_CHECK_DEADLINE seconds. */
void           wsp_link_check_set_deadline       (WspLinkCheck         *self,
                                                  guint                 deadline_ms);

/* Replaces the allow list for redirects (and for the first address): for tests, so that a
 * server on 127.0.0.1 can stand in for the platform, and for the catalog tool's check of the
 * authorities' pages. The app never calls it. */
void           wsp_link_check_set_allowed_func   (WspLinkCheck         *self,
                                                  WspLinkAllowedFunc    func,
                                                  gpointer              user_data,
                                                  GDestroyNotify        destroy);

/* @hosts: the platform's hosts (wsp_catalog_get_hosts()); redirects are followed only to
 * addresses that pass wsp_catalog_url_host_is_allowed() (any page: a login page too) and lie
 * on one of them. */
void           wsp_link_check_run_async          (WspLinkCheck         *self,
                                                  const char           *url,
                                                  const char * const   *hosts,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* Fails only when cancelled; every other outcome is a status. */
WspLinkStatus  wsp_link_check_run_finish         (WspLinkCheck         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* A session as the app makes them: no cookie jar, "Widerspruch/VERSION", @timeout seconds. */
SoupSession   *wsp_network_session_new           (guint                 timeout);

G_END_DECLS
