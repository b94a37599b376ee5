/* wsp-test-util.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "wsp-test-server.h"

G_BEGIN_DECLS

/* For a model test: the locale from the environment, g_test_init() with isolated XDG dirs, and
 * the text domains (wsp_test_bind_textdomains()). */
void      wsp_test_init_model        (int           *argc,
                                      char        ***argv);
/* Binds the project's text domain to the build tree's compiled catalogs and iso-codes' domain to
 * UTF-8. Call after setlocale()/gtk_init(). */
void      wsp_test_bind_textdomains  (void);
/* Whether the test runs in German (LANGUAGE=de): some run in English and in German. */
gboolean  wsp_test_german            (void);
/* The English or the German text, as the test runs. */
#define WSP_TEST_T(en, de) (wsp_test_german () ? (de) : (en))
/* Iterates the default main context until *flag is TRUE or @timeout_ms passed; returns *flag. */
gboolean  wsp_test_wait_for          (const gboolean *flag,
                                      guint           timeout_ms);
/* Runs the default main context for @ms milliseconds: lets the window draw and timers fire. */
void      wsp_test_run_for           (guint           ms);

/* How long a test waits for something that should come: generous, so that a busy machine (two
 * suites at once, a sanitizer build) only makes a test slower, never fail. */
#define WSP_TEST_DEADLINE_MS 30000

/* Whether what a test waits for has come. */
typedef gboolean (*WspTestCondition) (gpointer data);
/* Runs the default main context until @condition (@data) holds, for WSP_TEST_DEADLINE_MS at
 * most; returns whether it holds. */
gboolean  wsp_test_wait_until        (WspTestCondition condition,
                                      gpointer         data);
/* The same for an expression, re-evaluated as the main loop runs; evaluates to whether it holds
 * in the end. */
#define WSP_TEST_WAIT_FOR(expr) \
  ({ \
    gint64 wsp_deadline_ = g_get_monotonic_time () + \
                           WSP_TEST_DEADLINE_MS * G_TIME_SPAN_MILLISECOND; \
    while (!(expr) && g_get_monotonic_time () < wsp_deadline_) \
      wsp_test_run_for (10); \
    (expr); \
  })
/* Reads a file below G_TEST_SRCDIR's data/ or the project's data directory. */
char     *wsp_test_read_file         (const char     *path,
                                      gsize          *length);

/* Tomorrow (UTC) as "YYYY-MM-DD": newer than the shipped catalog, and within the two days
 * after the clock that an update's date may lie. */
const char *wsp_test_newer_date      (void);

/* The shipped data/catalog.json with its "updated" date set to @date (wsp_test_newer_date()):
 * what a server hands out as newer links. */
char     *wsp_test_catalog_updated_on (const char    *date);

/* What a server answers for a catalog: @body as @content_type with @status, a Last-Modified
 * date and, when set, the ETag @etag; asked for @etag again (If-None-Match), 304 Not Modified. */
typedef struct {
  guint          status;
  const char    *content_type;
  char          *body;
  const char    *etag;
} WspTestCatalogAnswer;

/* A route's handler (wsp-test-server.h) whose data is a WspTestCatalogAnswer. */
void      wsp_test_serve_catalog     (WspTestServer     *server,
                                      SoupServerMessage *msg,
                                      gpointer           answer);

/* A server on 127.0.0.1 answering at every path with a catalog: at first
 * wsp_test_catalog_updated_on (@date) as "application/json" with the ETag "v2"; a test may
 * change the answer. */
typedef struct {
  WspTestServer        *http;
  WspTestCatalogAnswer  answer;
} WspTestCatalogServer;

/* Starts one; with @settings, points their "catalog-url" at its /catalog.json. */
WspTestCatalogServer *wsp_test_catalog_server_new  (const char           *date,
                                                    GSettings            *settings);
void                  wsp_test_catalog_server_free (WspTestCatalogServer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspTestCatalogServer, wsp_test_catalog_server_free)

G_END_DECLS
