/* wsp-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "wsp-test-util.h"

void
wsp_test_bind_textdomains (void)
{
  const char *localedir = g_getenv ("WIDERSPRUCH_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  bindtextdomain ("iso_3166-1", ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
wsp_test_wait_for (const gboolean *flag,
                   guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return *flag;
}

void
wsp_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  wsp_test_wait_for (&done, ms + 1000);
}

gboolean
wsp_test_wait_until (WspTestCondition condition,
                     gpointer         data)
{
  gint64 deadline = g_get_monotonic_time () + WSP_TEST_DEADLINE_MS * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return condition (data);
      wsp_test_run_for (10);
    }

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

char *
wsp_test_header_names (SoupMessageHeaders *headers)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_ptr_array_add (names, g_ascii_strdown (name, -1));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **)names->pdata);
}

char *
wsp_test_server_listen (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return base;
}

typedef struct {
  GIOStream *stream;
  char      *prefix;
  char      *repeat;
  guint      interval_ms;
} Endless;

static gpointer
write_endlessly (gpointer data)
{
  Endless *endless = data;
  GOutputStream *out = g_io_stream_get_output_stream (endless->stream);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean ok;

  ok = g_output_stream_write_all (out, endless->prefix, strlen (endless->prefix), NULL, NULL,
                                  NULL);
  while (ok && g_get_monotonic_time () < end)
    {
      ok = g_output_stream_write_all (out, endless->repeat, strlen (endless->repeat), NULL, NULL,
                                      NULL) &&
           g_output_stream_flush (out, NULL, NULL);
      if (endless->interval_ms > 0)
        g_usleep (endless->interval_ms * 1000);
    }

  g_io_stream_close (endless->stream, NULL, NULL);
  g_object_unref (endless->stream);
  g_free (endless->prefix);
  g_free (endless->repeat);
  g_free (endless);
  return NULL;
}

GThread *
wsp_test_write_endlessly (GIOStream  *stream,
                          const char *prefix,
                          const char *repeat,
                          guint       interval_ms)
{
  Endless *endless = g_new0 (Endless, 1);

  endless->stream = stream;
  endless->prefix = g_strdup (prefix);
  endless->repeat = g_strdup (repeat);
  endless->interval_ms = interval_ms;
  return g_thread_new ("endless", write_endlessly, endless);
}

char *
wsp_test_read_file (const char  *path,
                    gsize       *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

const char *
wsp_test_newer_date (void)
{
  static char date[16];

  if (date[0] == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autofree char *text = g_date_time_format (tomorrow, "%Y-%m-%d");

      g_strlcpy (date, text, sizeof date);
    }

  return date;
}

char *
wsp_test_catalog_updated_on (const char *date)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog.json", NULL);
  g_autofree char *json = wsp_test_read_file (path, NULL);
  g_autofree char *updated = g_strdup_printf ("\"updated\": \"%s\"", date);
  g_autoptr(GRegex) regex = g_regex_new ("\"updated\": \"[0-9-]+\"", 0, 0, NULL);
  char *edited = g_regex_replace_literal (regex, json, -1, 0, updated, 0, NULL);

  g_assert_nonnull (edited);
  g_assert_cmpstr (edited, !=, json);
  return edited;
}

static void
serve_catalog (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  WspTestCatalogServer *self = user_data;
  const char *etag = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "If-None-Match");

  self->n_requests++;
  if (g_strcmp0 (etag, "\"v2\"") == 0 && g_str_equal (self->content_type, "application/json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"v2\"");
  soup_server_message_set_response (msg, self->content_type, SOUP_MEMORY_COPY,
                                    self->body, strlen (self->body));
}

WspTestCatalogServer *
wsp_test_catalog_server_new (const char *date,
                             GSettings  *settings)
{
  WspTestCatalogServer *self = g_new0 (WspTestCatalogServer, 1);

  self->body = wsp_test_catalog_updated_on (date);
  self->content_type = "application/json";
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, serve_catalog, self, NULL);
  self->base = wsp_test_server_listen (self->server);

  if (settings != NULL)
    {
      g_autofree char *url = g_strconcat (self->base, "/catalog.json", NULL);

      g_settings_set_string (settings, "catalog-url", url);
    }

  return self;
}

void
wsp_test_catalog_server_free (WspTestCatalogServer *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_free (self->base);
  g_free (self->body);
  g_free (self);
}
