/* test-catalog-updater.c: fetching, checking and caching updated links, against a real HTTP
 * server on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wsp-catalog-updater.h"
#include "wsp-link-check.h"
#include "wsp-test-util.h"

#define BUILT_IN_DATE "2026-12-02"

typedef struct {
  WspTestServer        *server;
  GSettings            *settings;
  WspCatalog           *built_in;
  char                 *built_in_json;

  /* What /catalog.json answers. */
  WspTestCatalogAnswer  catalog;

  GPtrArray            *trickling;       /* SoupServerMessage */
  guint                 trickle_id;
} Fixture;

/* One more space of a never-ending catalog, every 100 ms: each read gets something well within
 * the session's timeout. */
static gboolean
trickle (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < f->trickling->len; i++)
    {
      SoupServerMessage *msg = f->trickling->pdata [i];

      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                                " ", 1);
      soup_server_message_unpause (msg);
    }

  return G_SOURCE_CONTINUE;
}

static void
serve_catalog (WspTestServer     *server,
               SoupServerMessage *msg,
               gpointer           data)
{
  Fixture *f = data;

  wsp_test_serve_catalog (server, msg, &f->catalog);
}

static void
serve_endless (WspTestServer     *server,
               SoupServerMessage *msg,
               gpointer           data)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autofree char *block = g_strnfill (64 * 1024, ' ');
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  /* Over the limit, and never finished: only a reader that stops at the limit returns. */
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (response, "application/json", NULL);
  soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  soup_message_body_append (body, SOUP_MEMORY_COPY, "{\"schema\": 1, \"x\": \"", 20);
  for (guint i = 0; i < 5; i++)
    soup_message_body_append (body, SOUP_MEMORY_COPY, block, 64 * 1024);
}

static void
serve_huge (WspTestServer     *server,
            SoupServerMessage *msg,
            gpointer           data)
{
  g_autofree char *huge = g_strnfill (WSP_CATALOG_UPDATE_MAX_SIZE + 1, ' ');

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    huge, WSP_CATALOG_UPDATE_MAX_SIZE + 1);
}

static void
serve_dropped (WspTestServer     *server,
               SoupServerMessage *msg,
               gpointer           data)
{
  /* The network goes away in the middle of the download: the headers promise 100,000
   * bytes, a few arrive, then the connection closes. */
  static const char partial[] = "HTTP/1.1 200 OK\r\n"
                                "Content-Type: application/json\r\n"
                                "Content-Length: 100000\r\n"
                                "\r\n"
                                "{\"schema\": 1, \"updated\": \"2026-12-";
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), partial,
                             sizeof partial - 1, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
serve_trickle (WspTestServer     *server,
               SoupServerMessage *msg,
               gpointer           data)
{
  Fixture *f = data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "application/json", NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "{", 1);
  g_ptr_array_add (f->trickling, g_object_ref (msg));
  if (f->trickle_id == 0)
    f->trickle_id = g_timeout_add (100, trickle, f);
}

static const WspTestRoute routes[] = {
  { "/catalog.json", .handler = serve_catalog },
  { "/endless.json", .handler = serve_endless },
  { "/huge.json", .handler = serve_huge },
  { "/dropped.json", .handler = serve_dropped },
  { "/interim.json", .handler = wsp_test_server_serve_interim },
  { "/trickle.json", .handler = serve_trickle },
  { "/moved.json", SOUP_STATUS_FOUND, .location = "/catalog.json" },
  { "/slow.json", .pause = TRUE },
};

/* What the server was asked, "GET /path" each, in order. */
static GPtrArray *
requests (Fixture *f)
{
  return wsp_test_server_get_requests (f->server);
}

/* A header of the last request. */
static const char *
header (Fixture    *f,
        const char *name)
{
  return wsp_test_server_get_header (f->server, name);
}

/* The shipped catalog, updated tomorrow. */
static char *
newer_catalog (Fixture *f)
{
  return wsp_test_catalog_updated_on (wsp_test_newer_date ());
}

/* The shipped catalog with one piece of text replaced. */
static char *
edited_catalog (Fixture    *f,
                const char *find,
                const char *replace)
{
  g_auto(GStrv) parts = g_strsplit (f->built_in_json, find, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (replace, parts [0], parts [1], NULL);
}

static void
serve (Fixture *f,
       char    *body)
{
  g_free (f->catalog.body);
  f->catalog.body = body;
}

static void
set_catalog_url (Fixture    *f,
                 const char *path)
{
  g_autofree char *url = wsp_test_server_url (f->server, path);

  g_settings_set_string (f->settings, "catalog-url", url);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  f->built_in_json = wsp_test_read_file (path, NULL);
  bytes = g_bytes_new_static (f->built_in_json, strlen (f->built_in_json));
  f->built_in = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_catalog_get_updated (f->built_in), ==, BUILT_IN_DATE);

  /* One memory backend for the whole process: start every test from the defaults. */
  f->settings = g_settings_new (APP_ID);
  g_object_get (f->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys [i] != NULL; i++)
    g_settings_reset (f->settings, keys [i]);

  f->catalog.status = SOUP_STATUS_OK;
  f->catalog.content_type = "application/json";
  f->catalog.body = g_strdup (f->built_in_json);
  f->trickling = g_ptr_array_new_with_free_func (g_object_unref);
  f->server = wsp_test_server_new (routes, G_N_ELEMENTS (routes), f);

  set_catalog_url (f, "/catalog.json");
}

static void
stop_server (Fixture *f)
{
  g_clear_handle_id (&f->trickle_id, g_source_remove);
  g_ptr_array_set_size (f->trickling, 0);
  wsp_test_server_stop (f->server);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  stop_server (f);
  wsp_test_server_free (f->server);
  g_ptr_array_unref (f->trickling);
  g_clear_object (&f->settings);
  g_clear_object (&f->built_in);
  g_free (f->built_in_json);
  g_free (f->catalog.body);
}

typedef struct {
  gboolean          done;
  WspCatalogUpdate  result;
  GError          **error;
} Wait;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = wsp_catalog_updater_check_finish (WSP_CATALOG_UPDATER (source), result, wait->error);
  wait->done = TRUE;
}

static WspCatalogUpdate
run_check (WspCatalogUpdater  *updater,
           gboolean            force,
           GError            **error)
{
  Wait wait = { FALSE, 0, error };

  wsp_catalog_updater_check_async (updater, force, NULL, on_checked, &wait);
  g_assert_true (wsp_test_wait_for (&wait.done, 20000));

  return wait.result;
}

static WspCatalogUpdater *
new_updater (Fixture *f,
             guint    timeout)
{
  g_autoptr(SoupSession) session = wsp_network_session_new (timeout);

  return wsp_catalog_updater_new (f->built_in, f->settings, session);
}

static char *
cache_contents (void)
{
  g_autofree char *path = wsp_catalog_updater_get_cache_path ();
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* The catalog in use is still the built-in one, and nothing was cached. */
static void
assert_built_in_kept (Fixture           *f,
                      WspCatalogUpdater *updater)
{
  g_autofree char *cached = cache_contents ();

  g_assert_true (wsp_catalog_updater_get_catalog (updater) == f->built_in);
  g_assert_null (cached);
}

/* The catalog in use is the newer one the server handed out. */
static void
assert_newer_in_use (WspCatalogUpdater *updater)
{
  g_assert_cmpstr (wsp_catalog_get_updated (wsp_catalog_updater_get_catalog (updater)), ==,
                   wsp_test_newer_date ());
}

/* A check that is refused: the error the user reads, and the built-in catalog stays. */
static void
assert_refused (Fixture    *f,
                const char *path,
                int         code,
                const char *message)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(GError) error = NULL;

  set_catalog_url (f, path);
  run_check (updater, TRUE, &error);
  g_assert_error (error, WSP_CATALOG_UPDATE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  assert_built_in_kept (f, updater);
}

static void
test_newer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(WspCatalogUpdater) restarted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *etag = NULL;
  guint notified = 0;

  g_signal_connect_swapped (updater, "notify::catalog", G_CALLBACK (count), &notified);

  serve (f, newer_catalog (f));
  f->catalog.etag = "\"v2\"";

  g_assert_true (wsp_catalog_updater_get_catalog (updater) == f->built_in);
  g_assert_cmpint (run_check (updater, TRUE, &error), ==, WSP_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  assert_newer_in_use (updater);
  g_assert_false (wsp_catalog_is_built_in (wsp_catalog_updater_get_catalog (updater)));

  /* The first request is unconditional, names the app and nothing else. */
  g_assert_cmpuint (requests (f)->len, ==, 1);
  g_assert_cmpstr (requests (f)->pdata [0], ==, "GET /catalog.json");
  g_assert_null (header (f, "If-None-Match"));
  g_assert_null (header (f, "If-Modified-Since"));
  g_assert_cmpstr (header (f, "User-Agent"), ==, "Widerspruch/" PACKAGE_VERSION);
  g_assert_cmpstr (wsp_test_server_get_header_names (f->server), ==,
                   "accept,accept-encoding,connection,host,user-agent");

  /* Cached byte for byte, with what the next conditional request needs. */
  cached = cache_contents ();
  g_assert_cmpstr (cached, ==, f->catalog.body);
  etag = g_settings_get_string (f->settings, "catalog-etag");
  g_assert_cmpstr (etag, ==, "\"v2\"");

  /* A restart with the server gone: the cached catalog is used, offline. */
  stop_server (f);
  g_clear_object (&updater);
  restarted = new_updater (f, 5);
  assert_newer_in_use (restarted);

  run_check (restarted, TRUE, &error);
  g_assert_error (error, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, "Could not reach the server for updated links.");
  assert_newer_in_use (restarted);
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(WspCatalogUpdater) restarted = NULL;
  g_autoptr(GError) error = NULL;

  serve (f, newer_catalog (f));
  f->catalog.etag = "\"v2\"";
  g_assert_cmpint (run_check (updater, TRUE, &error), ==, WSP_CATALOG_UPDATE_UPDATED);

  restarted = new_updater (f, 5);
  g_assert_cmpint (run_check (restarted, TRUE, &error), ==, WSP_CATALOG_UPDATE_UNCHANGED);
  g_assert_no_error (error);
  g_assert_cmpuint (requests (f)->len, ==, 2);
  g_assert_cmpstr (header (f, "If-None-Match"), ==, "\"v2\"");
  g_assert_cmpstr (header (f, "If-Modified-Since"), ==, "Mon, 14 Dec 2026 10:00:00 GMT");
  assert_newer_in_use (restarted);
}

static void
test_older (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(GError) error = NULL;

  /* Older, and as old: neither replaces the catalog in use. */
  serve (f, edited_catalog (f, "\"updated\": \"" BUILT_IN_DATE "\"", "\"updated\": \"2026-10-01\""));
  g_assert_cmpint (run_check (updater, TRUE, &error), ==, WSP_CATALOG_UPDATE_UNCHANGED);
  g_assert_no_error (error);
  serve (f, g_strdup (f->built_in_json));
  g_assert_cmpint (run_check (updater, TRUE, &error), ==, WSP_CATALOG_UPDATE_UNCHANGED);
  g_assert_no_error (error);

  assert_built_in_kept (f, updater);
}

static void
test_off (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(GError) error = NULL;

  g_settings_reset (f->settings, "catalog-url");
  g_assert_cmpint (run_check (updater, TRUE, &error), ==, WSP_CATALOG_UPDATE_SKIPPED);
  g_assert_no_error (error);
  g_assert_cmpuint (requests (f)->len, ==, 0);
}

/* Updates are on in the app's own schema, from the project's published catalog, and off in the
 * schema every test runs with (tests/schemas), so that no test reaches the internet. */
static void
test_default_address (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "data", NULL);
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_tests = NULL;
  g_autoptr(GUri) uri = NULL;

  g_settings_reset (f->settings, "catalog-url");
  in_tests = g_settings_get_string (f->settings, "catalog-url");
  g_assert_cmpstr (in_tests, ==, "");

  source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  key = g_settings_schema_get_key (schema, "catalog-url");
  value = g_settings_schema_key_get_default_value (key);

  /* Built with -Dcatalog-url= (a packager turning updates off). */
  if (*CATALOG_URL_HOST == '\0')
    {
      g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "");
      return;
    }

  uri = g_uri_parse (g_variant_get_string (value, NULL), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "https");
  g_assert_cmpstr (g_uri_get_host (uri), ==, CATALOG_URL_HOST);
}

static void
test_once_a_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* An hour ago: not by itself, but when asked. */
  g_settings_set_int64 (f->settings, "catalog-last-check", now - 3600);
  g_assert_cmpint (run_check (updater, FALSE, &error), ==, WSP_CATALOG_UPDATE_SKIPPED);
  g_assert_cmpuint (requests (f)->len, ==, 0);
  g_assert_cmpint (run_check (updater, TRUE, &error), ==, WSP_CATALOG_UPDATE_UNCHANGED);
  g_assert_cmpuint (requests (f)->len, ==, 1);
  g_assert_cmpint (g_settings_get_int64 (f->settings, "catalog-last-check"), >=, now);

  /* A day ago: due. */
  g_settings_set_int64 (f->settings, "catalog-last-check", now - WSP_CATALOG_UPDATE_INTERVAL - 1);
  g_assert_cmpint (run_check (updater, FALSE, &error), ==, WSP_CATALOG_UPDATE_UNCHANGED);
  g_assert_no_error (error);
  g_assert_cmpuint (requests (f)->len, ==, 2);
  g_assert_cmpint (run_check (updater, FALSE, &error), ==, WSP_CATALOG_UPDATE_SKIPPED);
  g_assert_cmpuint (requests (f)->len, ==, 2);
}

static void
test_http_status (Fixture       *f,
                  gconstpointer  data)
{
  f->catalog.status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_STATUS,
                  "The server for updated links answered with an error.");
  assert_refused (f, "/none.json", WSP_CATALOG_UPDATE_ERROR_STATUS,
                  "The server for updated links answered with an error.");
  /* Not followed: a redirect could lead anywhere, plain http too. */
  f->catalog.status = SOUP_STATUS_OK;
  assert_refused (f, "/moved.json", WSP_CATALOG_UPDATE_ERROR_STATUS,
                  "The server for updated links answered with an error.");
  g_assert_cmpstr (requests (f)->pdata [requests (f)->len - 1], ==, "GET /moved.json");
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  assert_refused (f, "/huge.json", WSP_CATALOG_UPDATE_ERROR_TOO_LARGE,
                  "The updated links were not used: the file is too large.");
  assert_refused (f, "/endless.json", WSP_CATALOG_UPDATE_ERROR_TOO_LARGE,
                  "The updated links were not used: the file is too large.");
}

static void
test_content_type (Fixture       *f,
                   gconstpointer  data)
{
  serve (f, newer_catalog (f));
  f->catalog.content_type = "text/html";
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_CONTENT_TYPE,
                  "The updated links were not used: the server did not send JSON.");
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  serve (f, edited_catalog (f, "\"updated\": \"" BUILT_IN_DATE "\",", "\"updated\": \"2026-12-14\""));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: the file is not valid JSON.");

  serve (f, edited_catalog (f, "\"schema\": 2", "\"schema\": 3"));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: the file is in a format this version does not know.");
}

static void
test_bad_links (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *newer = newer_catalog (f);
  g_auto(GStrv) parts = g_strsplit (newer, "https://www.facebook.com/privacy/center/", 2);

  /* One http link among the https ones. */
  serve (f, g_strjoin ("http://www.facebook.com/privacy/center/", parts [0], parts [1], NULL));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: a link in it is not one of the pages of "
                  "Facebook, Instagram or Meta that the app may open.");

  /* One foreign host. */
  g_strfreev (parts);
  parts = g_strsplit (newer, "https://help.instagram.com/contact/767264225370182", 2);
  serve (f, g_strjoin ("https://help.instagram.example.org/contact/767264225370182",
                       parts [0], parts [1], NULL));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: a link in it is not one of the pages of "
                  "Facebook, Instagram or Meta that the app may open.");
}

/* Found by trying the updater (issue 17): a catalog dated 9999-12-31 would be newest for ever,
 * and one with a key twice would be read with the harmless value but cached with the hostile
 * one. Neither is used or cached. */
static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *newer = newer_catalog (f);
  g_auto(GStrv) parts = NULL;

  serve (f, edited_catalog (f, "\"updated\": \"" BUILT_IN_DATE "\"", "\"updated\": \"9999-12-31\""));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: it is dated in the future.");

  parts = g_strsplit (newer, "\"url\": \"https://www.facebook.com/privacy/center/\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  serve (f, g_strjoin ("\"url\": \"https://evil.example/\", "
                       "\"url\": \"https://www.facebook.com/privacy/center/\"",
                       parts [0], parts [1], NULL));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: the file is not valid JSON.");

  /* On Meta's hosts, but a page anyone can make. */
  g_strfreev (parts);
  parts = g_strsplit (newer, "https://www.facebook.com/privacy/center/", 2);
  serve (f, g_strjoin ("https://www.facebook.com/groups/123456/", parts [0], parts [1], NULL));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: a link in it is not one of the pages of "
                  "Facebook, Instagram or Meta that the app may open.");

  /* A complaint page off its authority's hosts. */
  g_strfreev (parts);
  parts = g_strsplit (newer, "\"url\": \"https://www.cnil.fr/", 2);
  g_assert_nonnull (parts [1]);
  serve (f, g_strjoin ("\"url\": \"https://www.cnil.fr.example.org/", parts [0], parts [1], NULL));
  assert_refused (f, "/catalog.json", WSP_CATALOG_UPDATE_ERROR_INVALID,
                  "The updated links were not used: a complaint page in it is not on its data "
                  "protection authority’s website.");
}

static void
test_plain_http (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(GError) error = NULL;

  /* Refused before any request: plain http is for this machine only. */
  g_settings_set_string (f->settings, "catalog-url", "http://links.example.org/catalog.json");
  run_check (updater, TRUE, &error);
  g_assert_error (error, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_ADDRESS);
  g_assert_cmpstr (error->message, ==, "The address for updated links is not a secure (https) one.");
  g_assert_cmpint (g_settings_get_int64 (f->settings, "catalog-last-check"), ==, 0);
}

/* A check of @path (NULL: the address already set) that fails on the way, with a session
 * timeout of @timeout seconds: a network error, and the links in use stay. */
static void
assert_network_error (Fixture    *f,
                      guint       timeout,
                      const char *path)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, timeout);
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    set_catalog_url (f, path);
  run_check (updater, TRUE, &error);
  g_assert_error (error, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK);
  assert_built_in_kept (f, updater);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  assert_network_error (f, 1, "/slow.json");
}

typedef struct {
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* Found by trying the updater (issue 17): a server that sends "100 Continue" without end kept
 * the main loop from running (the window from drawing) for as long as it sent. After a few the
 * fetch is stopped, and the main loop keeps its turns meanwhile. */
static void
test_endless_interim (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 5);
  g_autoptr(GError) error = NULL;
  Ticks ticks = { g_get_monotonic_time (), 0 };
  guint id = g_timeout_add (10, tick, &ticks);
  gint64 start = g_get_monotonic_time ();

  set_catalog_url (f, "/interim.json");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                         "Stopped the catalog update: the server sent more than 8 interim "
                         "responses (100 Continue)");
  run_check (updater, TRUE, &error);
  g_test_assert_expected_messages ();
  g_source_remove (id);

  g_assert_error (error, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK);
  g_assert_true (wsp_catalog_updater_get_catalog (updater) == f->built_in);
  /* Asked once: not again after the interim responses. */
  g_assert_cmpuint (requests (f)->len, ==, 1);
  /* Generous for a busy machine: unguarded, it ran until the server gave up (30 s). The
   * server writes from a thread of its own, so that a blocked main loop could not stop it. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (ticks.longest, <, 5 * G_USEC_PER_SEC);
}

/* A server that trickles a byte every 100 ms is never caught by the timeout per read: the fetch
 * as a whole has a deadline (a minute in the app, 1.5 s here), and the log says so. */
static void
test_trickle (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 1);
  g_autoptr(GError) error = NULL;

  wsp_catalog_updater_set_deadline (updater, 1500);
  set_catalog_url (f, "/trickle.json");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                         "Stopped the catalog update: no complete answer within 1500 ms");
  run_check (updater, TRUE, &error);
  g_test_assert_expected_messages ();

  g_assert_error (error, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, "Could not reach the server for updated links.");
  assert_built_in_kept (f, updater);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) updater = new_updater (f, 60);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Wait wait = { FALSE, 0, &error };

  /* The app quits while the server keeps it waiting. */
  set_catalog_url (f, "/slow.json");
  wsp_catalog_updater_check_async (updater, TRUE, cancellable, on_checked, &wait);
  for (guint i = 0; i < 500 && wsp_test_server_get_n_paused (f->server) == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (wsp_test_server_get_n_paused (f->server), ==, 1);
  g_idle_add (cancel_soon, cancellable);
  g_assert_true (wsp_test_wait_for (&wait.done, 20000));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (wsp_catalog_updater_get_catalog (updater) == f->built_in);
}

static void
test_dropped (Fixture       *f,
              gconstpointer  data)
{
  /* Half a catalog is no catalog: the one in use stays, nothing is cached. */
  assert_network_error (f, 5, "/dropped.json");
}

static void
test_closed_port (Fixture       *f,
                  gconstpointer  data)
{
  stop_server (f);
  assert_network_error (f, 1, NULL);
}

static void
write_cache (const char *contents)
{
  g_autofree char *path = wsp_catalog_updater_get_cache_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_bad_cache (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WspCatalogUpdater) broken = NULL;
  g_autoptr(WspCatalogUpdater) older = NULL;
  g_autoptr(WspCatalogUpdater) newer = NULL;
  g_autoptr(WspCatalogUpdater) schema_1 = NULL;
  g_autofree char *schema_1_json = NULL;
  g_autofree char *older_json = edited_catalog (f, "\"updated\": \"" BUILT_IN_DATE "\"", "\"updated\": \"2026-10-01\"");
  g_autoptr(WspCatalogUpdater) far = NULL;
  g_autofree char *far_json = edited_catalog (f, "\"updated\": \"" BUILT_IN_DATE "\"", "\"updated\": \"9999-12-31\"");
  g_autofree char *newer_json = newer_catalog (f);

  write_cache ("{\"schema\": 1, ");
  broken = new_updater (f, 5);
  g_assert_true (wsp_catalog_updater_get_catalog (broken) == f->built_in);

  /* An app update brought newer built-in links than the cache. */
  write_cache (older_json);
  older = new_updater (f, 5);
  g_assert_true (wsp_catalog_updater_get_catalog (older) == f->built_in);

  /* A cache from before the date check, dated far ahead, is not used either: the built-in
   * links win. */
  write_cache (far_json);
  far = new_updater (f, 5);
  g_assert_true (wsp_catalog_updater_get_catalog (far) == f->built_in);

  /* Written by an app that read schema 1: dropped, with a line in the log, not used. */
  schema_1_json = edited_catalog (f, "\"schema\": 2", "\"schema\": 1");
  {
    g_auto(GStrv) parts = g_strsplit (schema_1_json, "\"updated\": \"" BUILT_IN_DATE "\"", 2);
    g_autofree char *date = g_strdup_printf ("\"updated\": \"%s\"", wsp_test_newer_date ());
    g_autofree char *newer_schema_1 = g_strjoin (date, parts[0], parts[1], NULL);

    write_cache (newer_schema_1);
  }
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "Dropping the cached catalog*");
  schema_1 = new_updater (f, 5);
  g_test_assert_expected_messages ();
  g_assert_true (wsp_catalog_updater_get_catalog (schema_1) == f->built_in);
  {
    g_autofree char *cached = cache_contents ();

    g_assert_null (cached);
  }

  write_cache (newer_json);
  newer = new_updater (f, 5);
  assert_newer_in_use (newer);
  g_assert_cmpuint (requests (f)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

#define ADD(path, func) \
  g_test_add ("/catalog-updater/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("newer", test_newer);
  ADD ("not-modified", test_not_modified);
  ADD ("older", test_older);
  ADD ("off", test_off);
  ADD ("default-address", test_default_address);
  ADD ("once-a-day", test_once_a_day);
  ADD ("http-status", test_http_status);
  ADD ("too-large", test_too_large);
  ADD ("content-type", test_content_type);
  ADD ("invalid", test_invalid);
  ADD ("bad-links", test_bad_links);
  ADD ("hostile", test_hostile);
  ADD ("plain-http", test_plain_http);
  ADD ("timeout", test_timeout);
  ADD ("cancel", test_cancel);
  ADD ("endless-interim", test_endless_interim);
  ADD ("trickle", test_trickle);
  ADD ("closed-port", test_closed_port);
  ADD ("dropped", test_dropped);
  ADD ("bad-cache", test_bad_cache);

  return g_test_run ();
}
