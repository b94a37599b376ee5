/* wsp-test-server.h: a HTTP server on 127.0.0.1 that answers from a table of routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _WspTestServer WspTestServer;

/* Answers a request whose answer depends on the test; @data is what wsp_test_server_new() was
 * given. */
typedef void (*WspTestServerHandler) (WspTestServer     *server,
                                      SoupServerMessage *msg,
                                      gpointer           data);

/* One row of a server's table. The first row whose @path is the request's (NULL: any path)
 * answers: through @handler when there is one; else with @status (0: none yet), a redirect to
 * @location when set, and @body as @content_type when set. With @pause, the answer waits for
 * wsp_test_server_release() (or the server's end, which answers 503). No row: 404. */
typedef struct {
  const char           *path;
  guint                 status;
  const char           *content_type;
  const char           *body;
  const char           *location;
  gboolean              pause;
  WspTestServerHandler  handler;
} WspTestRoute;

/* Starts a server on a free port of 127.0.0.1 (only loopback: nothing reaches the internet),
 * answering from @routes, which must outlive it. */
WspTestServer *wsp_test_server_new              (const WspTestRoute *routes,
                                                 guint               n_routes,
                                                 gpointer            data);
/* Stops it if it still runs, joins its writers and frees it; the SoupServer must go with it. */
void           wsp_test_server_free             (WspTestServer      *self);
/* Answers what waits with 503 and closes the port: afterwards nobody listens there. */
void           wsp_test_server_stop             (WspTestServer      *self);

/* "http://127.0.0.1:PORT", and that with @path appended. */
const char    *wsp_test_server_get_base         (WspTestServer      *self);
char          *wsp_test_server_url              (WspTestServer      *self,
                                                 const char         *path);

/* What it was asked, "METHOD /path" each, in order; a test may empty it. */
GPtrArray     *wsp_test_server_get_requests     (WspTestServer      *self);
/* The requests joined by ", ". */
char          *wsp_test_server_dup_requests     (WspTestServer      *self);
/* A header of the last request, or NULL. */
const char    *wsp_test_server_get_header       (WspTestServer      *self,
                                                 const char         *name);
/* The last request's header names, lower case, sorted, joined by commas: what it gave away. */
const char    *wsp_test_server_get_header_names (WspTestServer      *self);

/* Keeps @msg waiting, like a row with pause; how many wait; answers the one that waited
 * longest. */
void           wsp_test_server_pause            (WspTestServer      *self,
                                                 SoupServerMessage  *msg);
guint          wsp_test_server_get_n_paused     (WspTestServer      *self);
void           wsp_test_server_release          (WspTestServer      *self);

/* Takes @msg's connection and writes on it without end, from a thread of its own since the
 * client may keep the main loop from running: @prefix, then @repeat every @interval_ms (0: as
 * fast as it goes) until the client hangs up or 30 s pass. */
void           wsp_test_server_write_endlessly  (WspTestServer      *self,
                                                 SoupServerMessage  *msg,
                                                 const char         *prefix,
                                                 const char         *repeat,
                                                 guint               interval_ms);
/* A handler for a row: "100 Continue" without end, and never an answer. */
void           wsp_test_server_serve_interim    (WspTestServer      *self,
                                                 SoupServerMessage  *msg,
                                                 gpointer            data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspTestServer, wsp_test_server_free)

G_END_DECLS
