/* wsp-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wsp-test-server.h"

struct _WspTestServer {
  SoupServer         *server;
  char               *base;
  const WspTestRoute *routes;
  guint               n_routes;
  gpointer            data;

  GPtrArray          *requests;      /* "METHOD /path" */
  SoupMessageHeaders *last_headers;
  char               *header_names;
  GQueue              paused;        /* SoupServerMessage, oldest first */
  GPtrArray          *writers;       /* GThread */
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
remember_headers (WspTestServer      *self,
                  SoupMessageHeaders *headers)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      soup_message_headers_append (self->last_headers, name, value);
      g_ptr_array_add (names, g_ascii_strdown (name, -1));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  g_free (self->header_names);
  self->header_names = g_strjoinv (",", (char **)names->pdata);
}

static void
answer (WspTestServer      *self,
        const WspTestRoute *route,
        SoupServerMessage  *msg)
{
  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (route->handler != NULL)
    {
      route->handler (self, msg, self->data);
      return;
    }

  if (route->location != NULL)
    soup_server_message_set_redirect (msg, route->status, route->location);
  else if (route->status != 0)
    soup_server_message_set_status (msg, route->status, NULL);
  if (route->content_type != NULL)
    soup_server_message_set_response (msg, route->content_type, SOUP_MEMORY_STATIC,
                                      route->body, strlen (route->body));
  if (route->pause)
    wsp_test_server_pause (self, msg);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  WspTestServer *self = user_data;
  const WspTestRoute *route = NULL;

  g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", soup_server_message_get_method (msg),
                                                    path));
  remember_headers (self, soup_server_message_get_request_headers (msg));

  for (guint i = 0; i < self->n_routes && route == NULL; i++)
    if (self->routes[i].path == NULL || g_str_equal (self->routes[i].path, path))
      route = &self->routes[i];

  answer (self, route, msg);
}

WspTestServer *
wsp_test_server_new (const WspTestRoute *routes,
                     guint               n_routes,
                     gpointer            data)
{
  WspTestServer *self = g_new0 (WspTestServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->routes = routes;
  self->n_routes = n_routes;
  self->data = data;
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->writers = g_ptr_array_new ();
  g_queue_init (&self->paused);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return self;
}

void
wsp_test_server_stop (WspTestServer *self)
{
  SoupServerMessage *msg;

  g_assert_nonnull (self);

  while ((msg = g_queue_pop_head (&self->paused)) != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (msg);
      g_object_unref (msg);
    }

  soup_server_disconnect (self->server);
}

void
wsp_test_server_free (WspTestServer *self)
{
  g_assert_nonnull (self);

  for (guint i = 0; i < self->writers->len; i++)
    g_thread_join (self->writers->pdata[i]);
  g_ptr_array_unref (self->writers);
  wsp_test_server_stop (self);
  /* Nothing a test did may keep the server, and with it its port, alive. */
  g_assert_finalize_object (self->server);
  g_ptr_array_unref (self->requests);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_free (self->header_names);
  g_free (self->base);
  g_free (self);
}

const char *
wsp_test_server_get_base (WspTestServer *self)
{
  return self->base;
}

char *
wsp_test_server_url (WspTestServer *self,
                     const char    *path)
{
  return g_strconcat (self->base, path, NULL);
}

GPtrArray *
wsp_test_server_get_requests (WspTestServer *self)
{
  return self->requests;
}

char *
wsp_test_server_dup_requests (WspTestServer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) requests = NULL;

  for (guint i = 0; i < self->requests->len; i++)
    g_strv_builder_add (builder, self->requests->pdata[i]);
  requests = g_strv_builder_end (builder);

  return g_strjoinv (", ", requests);
}

const char *
wsp_test_server_get_header (WspTestServer *self,
                            const char    *name)
{
  if (self->last_headers == NULL)
    return NULL;

  return soup_message_headers_get_one (self->last_headers, name);
}

const char *
wsp_test_server_get_header_names (WspTestServer *self)
{
  return self->header_names;
}

void
wsp_test_server_pause (WspTestServer     *self,
                       SoupServerMessage *msg)
{
  g_queue_push_tail (&self->paused, g_object_ref (msg));
  soup_server_message_pause (msg);
}

guint
wsp_test_server_get_n_paused (WspTestServer *self)
{
  return g_queue_get_length (&self->paused);
}

void
wsp_test_server_release (WspTestServer *self)
{
  g_autoptr(SoupServerMessage) msg = g_queue_pop_head (&self->paused);

  g_assert_nonnull (msg);
  soup_server_message_unpause (msg);
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

void
wsp_test_server_write_endlessly (WspTestServer     *self,
                                 SoupServerMessage *msg,
                                 const char        *prefix,
                                 const char        *repeat,
                                 guint              interval_ms)
{
  Endless *endless = g_new0 (Endless, 1);

  endless->stream = soup_server_message_steal_connection (msg);
  endless->prefix = g_strdup (prefix);
  endless->repeat = g_strdup (repeat);
  endless->interval_ms = interval_ms;
  g_ptr_array_add (self->writers, g_thread_new ("endless", write_endlessly, endless));
}

void
wsp_test_server_serve_interim (WspTestServer     *self,
                               SoupServerMessage *msg,
                               gpointer           data)
{
  wsp_test_server_write_endlessly (self, msg, "", "HTTP/1.1 100 Continue\r\n\r\n", 0);
}
