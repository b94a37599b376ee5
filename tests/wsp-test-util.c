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

gboolean
wsp_test_german (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "de") == 0;
}

void
wsp_test_init_model (int    *argc,
                     char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();
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

void
wsp_test_serve_catalog (WspTestServer     *server,
                        SoupServerMessage *msg,
                        gpointer           data)
{
  WspTestCatalogAnswer *answer = data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  if (answer->etag != NULL &&
      g_strcmp0 (wsp_test_server_get_header (server, "If-None-Match"), answer->etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, answer->status, NULL);
  if (answer->etag != NULL)
    soup_message_headers_replace (response, "ETag", answer->etag);
  soup_message_headers_replace (response, "Last-Modified", "Mon, 14 Dec 2026 10:00:00 GMT");
  soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY,
                                    answer->body, strlen (answer->body));
}

WspTestCatalogServer *
wsp_test_catalog_server_new (const char *date,
                             GSettings  *settings)
{
  static const WspTestRoute routes[] = { { NULL, .handler = wsp_test_serve_catalog } };
  WspTestCatalogServer *self = g_new0 (WspTestCatalogServer, 1);

  self->answer.status = SOUP_STATUS_OK;
  self->answer.content_type = "application/json";
  self->answer.body = wsp_test_catalog_updated_on (date);
  self->answer.etag = "\"v2\"";
  self->http = wsp_test_server_new (routes, G_N_ELEMENTS (routes), &self->answer);

  if (settings != NULL)
    {
      g_autofree char *url = wsp_test_server_url (self->http, "/catalog.json");

      g_settings_set_string (settings, "catalog-url", url);
    }

  return self;
}

void
wsp_test_catalog_server_free (WspTestCatalogServer *self)
{
  wsp_test_server_free (self->http);
  g_free (self->answer.body);
  g_free (self);
}
