/* test-link-check.c: the form link check against a real HTTP server on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-link-check.h"
#include "wsp-test-util.h"

typedef struct {
  WspTestServer *server;
  char          *base;          /* the server's, or where nobody listens */
  guint          deadline_ms;   /* 0: the app's */
} Fixture;

static void
serve_no_head (WspTestServer     *server,
               SoupServerMessage *msg,
               gpointer           data)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  if (g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_HEAD))
    {
      soup_server_message_set_status (msg, g_str_equal (path, "/no-head")
                                             ? SOUP_STATUS_METHOD_NOT_ALLOWED
                                             : SOUP_STATUS_NOT_IMPLEMENTED, NULL);
      return;
    }

  /* A body that starts and never ends: the check must not wait for it. */
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "<html>", 6);
}

static void
serve_cookie (WspTestServer     *server,
              SoupServerMessage *msg,
              gpointer           data)
{
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie",
                               "session=secret; Path=/");
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/ok");
}

static void
serve_trickle (WspTestServer     *server,
               SoupServerMessage *msg,
               gpointer           data)
{
  wsp_test_server_write_endlessly (server, msg, "HTTP/1.1 200 OK\r\nX-Slow: ", "a", 100);
}

static const WspTestRoute routes[] = {
  { "/ok", SOUP_STATUS_OK },
  { "/missing", SOUP_STATUS_NOT_FOUND },
  { "/gone", SOUP_STATUS_GONE },
  { "/error", SOUP_STATUS_INTERNAL_SERVER_ERROR },
  { "/no-head", .handler = serve_no_head },
  { "/no-head-501", .handler = serve_no_head },
  { "/redirect-inside", SOUP_STATUS_FOUND, .location = "/ok" },
  { "/redirect-twice", SOUP_STATUS_MOVED_PERMANENTLY, .location = "/redirect-inside" },
  { "/redirect-foreign", SOUP_STATUS_FOUND, .location = "https://example.org/help" },
  { "/redirect-loop", SOUP_STATUS_FOUND, .location = "/redirect-loop" },
  { "/cookie", .handler = serve_cookie },
  { "/interim", .handler = wsp_test_server_serve_interim },
  { "/trickle", .handler = serve_trickle },
  { "/slow", .pause = TRUE },
  { NULL, SOUP_STATUS_FORBIDDEN },
};

/* The test's stand-in for the allow list: only this server. */
static gboolean
allow_server (const char *url,
              gpointer    user_data)
{
  Fixture *f = user_data;

  return g_str_has_prefix (url, f->base) && url [strlen (f->base)] == '/';
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = wsp_test_server_new (routes, G_N_ELEMENTS (routes), f);
  f->base = g_strdup (wsp_test_server_get_base (f->server));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wsp_test_server_free (f->server);
  g_free (f->base);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = g_object_get_data (G_OBJECT (source), "error");
  int *status = user_data;

  *status = wsp_link_check_run_finish (WSP_LINK_CHECK (source), result, error);
}

/* Runs one check to its end; @timeout is the session's, in seconds. */
static WspLinkStatus
check_full (Fixture       *f,
            const char    *url,
            guint          timeout,
            gboolean       test_allow_list,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(SoupSession) session = wsp_network_session_new (timeout);
  g_autoptr(WspLinkCheck) check = wsp_link_check_new (session);
  const char * const hosts[] = { "facebook.com", "meta.com", NULL };
  int status = -2;

  if (test_allow_list)
    wsp_link_check_set_allowed_func (check, allow_server, f, NULL);
  if (f->deadline_ms > 0)
    wsp_link_check_set_deadline (check, f->deadline_ms);

  g_object_set_data (G_OBJECT (check), "error", error);
  wsp_link_check_run_async (check, url, hosts, cancellable, on_checked, &status);
  while (status == -2)
    g_main_context_iteration (NULL, TRUE);

  /* Nothing holds on to the check once it has answered. */
  g_assert_finalize_object (g_steal_pointer (&check));

  return status;
}

static WspLinkStatus
check (Fixture    *f,
       const char *path)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr(GError) error = NULL;
  WspLinkStatus status = check_full (f, url, WSP_LINK_CHECK_TIMEOUT, TRUE, NULL, &error);

  g_assert_no_error (error);
  return status;
}

static void
assert_requests (Fixture    *f,
                 const char *expected)
{
  g_autofree char *joined = wsp_test_server_dup_requests (f->server);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_reachable (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpint (check (f, "/ok"), ==, WSP_LINK_STATUS_REACHABLE);
  assert_requests (f, "HEAD /ok");
  /* The app's name and version, nothing else about the user: no language, no cookie, no
   * referrer. */
  g_assert_cmpstr (wsp_test_server_get_header (f->server, "User-Agent"), ==,
                   "Widerspruch/" PACKAGE_VERSION);
  g_assert_cmpstr (wsp_test_server_get_header_names (f->server), ==,
                   "accept-encoding,connection,host,user-agent");
}

static void
test_head_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (check (f, "/no-head"), ==, WSP_LINK_STATUS_REACHABLE);
  assert_requests (f, "HEAD /no-head, GET /no-head");

  g_ptr_array_set_size (wsp_test_server_get_requests (f->server), 0);
  g_assert_cmpint (check (f, "/no-head-501"), ==, WSP_LINK_STATUS_REACHABLE);
  assert_requests (f, "HEAD /no-head-501, GET /no-head-501");
}

static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpint (check (f, "/missing"), ==, WSP_LINK_STATUS_MOVED);
  g_assert_cmpint (check (f, "/gone"), ==, WSP_LINK_STATUS_MOVED);
  assert_requests (f, "HEAD /missing, HEAD /gone");
}

static void
test_server_error (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (check (f, "/error"), ==, WSP_LINK_STATUS_UNKNOWN);
  g_assert_cmpint (check (f, "/forbidden"), ==, WSP_LINK_STATUS_UNKNOWN);
  assert_requests (f, "HEAD /error, HEAD /forbidden");
}

static void
test_redirect_inside (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_cmpint (check (f, "/redirect-twice"), ==, WSP_LINK_STATUS_REACHABLE);
  assert_requests (f, "HEAD /redirect-twice, HEAD /redirect-inside, HEAD /ok");
}

static void
test_redirect_foreign (Fixture       *f,
                       gconstpointer  data)
{
  /* Not followed: nothing goes to the foreign host, and the link counts as moved. */
  g_assert_cmpint (check (f, "/redirect-foreign"), ==, WSP_LINK_STATUS_MOVED);
  assert_requests (f, "HEAD /redirect-foreign");
}

static void
test_redirect_loop (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpint (check (f, "/redirect-loop"), ==, WSP_LINK_STATUS_UNKNOWN);
  g_assert_cmpuint (wsp_test_server_get_requests (f->server)->len, ==, 6);
}

static void
test_no_cookies (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (check (f, "/cookie"), ==, WSP_LINK_STATUS_REACHABLE);
  assert_requests (f, "HEAD /cookie, HEAD /ok");
  g_assert_null (wsp_test_server_get_header (f->server, "Cookie"));
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->base, "/slow", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  /* A session timeout of a second stands in for the app's five. */
  g_assert_cmpint (check_full (f, url, 1, TRUE, NULL, &error), ==, WSP_LINK_STATUS_UNKNOWN);
  g_assert_no_error (error);
  assert_requests (f, "HEAD /slow");

  /* Leaving the page cancels a check that is still waiting. */
  g_idle_add (cancel_soon, cancellable);
  check_full (f, url, 60, TRUE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A server that sends "100 Continue" without end (issue 17): stopped after a few, status
 * unknown. */
static void
test_endless_interim (Fixture       *f,
                      gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                         "Stopped the link check: the server sent more than 8 interim "
                         "responses (100 Continue)");
  g_assert_cmpint (check (f, "/interim"), ==, WSP_LINK_STATUS_UNKNOWN);
  g_test_assert_expected_messages ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* Headers a byte every 100 ms: each read is quick, the whole never ends. */
static void
test_trickle (Fixture       *f,
              gconstpointer  data)
{
  f->deadline_ms = 1000;
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                         "Stopped the link check: no complete answer within 1000 ms");
  g_assert_cmpint (check (f, "/trickle"), ==, WSP_LINK_STATUS_UNKNOWN);
  g_test_assert_expected_messages ();
}

static void
test_closed_port (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint port;

  /* A port that was free a moment ago and has nobody listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  g_free (f->base);
  f->base = g_strdup_printf ("http://127.0.0.1:%u", port);
  url = g_strconcat (f->base, "/ok", NULL);
  g_assert_cmpint (check_full (f, url, 1, TRUE, NULL, &error), ==, WSP_LINK_STATUS_OFFLINE);
  g_assert_no_error (error);
}

static void
test_real_allow_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->base, "/ok", NULL);
  g_autoptr(GError) error = NULL;

  /* Without the test's override, a loopback address is not checked at all: the app asks only
   * the platforms' own hosts. */
  g_assert_cmpint (check_full (f, url, 1, FALSE, NULL, &error), ==, WSP_LINK_STATUS_UNKNOWN);
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_test_server_get_requests (f->server)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/link-check/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("reachable", test_reachable);
  ADD ("head-refused", test_head_refused);
  ADD ("moved", test_moved);
  ADD ("server-error", test_server_error);
  ADD ("redirect-inside", test_redirect_inside);
  ADD ("redirect-foreign", test_redirect_foreign);
  ADD ("redirect-loop", test_redirect_loop);
  ADD ("no-cookies", test_no_cookies);
  ADD ("timeout", test_timeout);
  ADD ("closed-port", test_closed_port);
  ADD ("endless-interim", test_endless_interim);
  ADD ("trickle", test_trickle);
  ADD ("real-allow-list", test_real_allow_list);

  return g_test_run ();
}
