/* wsp-fetch-guard.h: stops a request that a server keeps going for ever
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* More interim ("100 Continue") responses than this to one request is a server playing games:
 * libsoup reads them one after the other without giving the main loop a turn. */
#define WSP_FETCH_MAX_INTERIM 8

typedef struct _WspFetchGuard WspFetchGuard;

/* Watches @message from now on: cancels @cancellable after more than WSP_FETCH_MAX_INTERIM
 * interim responses, or when @deadline_ms have passed, whatever the server is doing (libsoup's
 * own timeout counts per read, so a server that trickles a byte at a time is never caught by
 * it). @what names the request in the log: "the catalog update". */
WspFetchGuard *wsp_fetch_guard_new        (SoupMessage   *message,
                                           GCancellable  *cancellable,
                                           guint          deadline_ms,
                                           const char    *what);
/* Whether the guard cancelled the request (then the log says why). */
gboolean       wsp_fetch_guard_tripped    (WspFetchGuard *self);
void           wsp_fetch_guard_free       (WspFetchGuard *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspFetchGuard, wsp_fetch_guard_free)

G_END_DECLS
