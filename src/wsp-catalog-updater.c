/* wsp-catalog-updater.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wsp-catalog-updater.h"
#include "wsp-fetch-guard.h"
#include "wsp-link-check.h"

/* Seconds a read may wait before a fetch gives up. */
#define FETCH_TIMEOUT 10
/* The whole fetch, however the server trickles its answer. */
#define FETCH_DEADLINE_MS (60 * 1000)
#define READ_CHUNK    (16 * 1024)

struct _WspCatalogUpdater
{
  GObject      parent_instance;

  WspCatalog  *built_in;
  WspCatalog  *catalog;
  GSettings   *settings;
  SoupSession *session;
  guint        deadline_ms;
};

G_DEFINE_FINAL_TYPE (WspCatalogUpdater, wsp_catalog_updater, G_TYPE_OBJECT)

G_DEFINE_QUARK (wsp-catalog-update-error-quark, wsp_catalog_update_error)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct {
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  /* The fetch's own, so that it can be stopped without cancelling the caller's. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_handler;
  WspFetchGuard *guard;
} FetchData;

static void
fetch_data_free (gpointer data)
{
  FetchData *fetch = data;

  g_clear_pointer (&fetch->guard, wsp_fetch_guard_free);
  if (fetch->caller_cancellable != NULL)
    g_cancellable_disconnect (fetch->caller_cancellable, fetch->caller_handler);
  g_clear_object (&fetch->caller_cancellable);
  /* Stops the message, so that dropping the stream closes the connection instead of reading
   * the rest of a body nobody wants. */
  if (fetch->cancellable != NULL)
    g_cancellable_cancel (fetch->cancellable);
  g_clear_object (&fetch->cancellable);

  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_free (fetch);
}

char *
wsp_catalog_updater_get_cache_path (void)
{
  return wsp_catalog_get_cache_path ();
}

static void
set_catalog (WspCatalogUpdater *self,
             WspCatalog        *catalog)
{
  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATALOG]);
}

static void
wsp_catalog_updater_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WspCatalogUpdater *self = WSP_CATALOG_UPDATER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_catalog_updater_finalize (GObject *object)
{
  WspCatalogUpdater *self = (WspCatalogUpdater *)object;

  g_clear_object (&self->built_in);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wsp_catalog_updater_parent_class)->finalize (object);
}

static void
wsp_catalog_updater_class_init (WspCatalogUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = wsp_catalog_updater_get_property;
  object_class->finalize = wsp_catalog_updater_finalize;

  properties [PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         WSP_TYPE_CATALOG,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_catalog_updater_init (WspCatalogUpdater *self)
{
  self->deadline_ms = FETCH_DEADLINE_MS;
}

void
wsp_catalog_updater_set_deadline (WspCatalogUpdater *self,
                                  guint              deadline_ms)
{
  g_return_if_fail (WSP_IS_CATALOG_UPDATER (self));
  g_return_if_fail (deadline_ms > 0);

  self->deadline_ms = deadline_ms;
}

WspCatalogUpdater *
wsp_catalog_updater_new (WspCatalog  *built_in,
                         GSettings   *settings,
                         SoupSession *session)
{
  WspCatalogUpdater *self;

  g_return_val_if_fail (WSP_IS_CATALOG (built_in), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  self = g_object_new (WSP_TYPE_CATALOG_UPDATER, NULL);
  self->built_in = g_object_ref (built_in);
  self->catalog = g_object_ref (built_in);
  self->settings = g_object_ref (settings);
  self->session = session != NULL ? g_object_ref (session) : wsp_network_session_new (FETCH_TIMEOUT);

  {
    g_autoptr(WspCatalog) cached = wsp_catalog_load_cached (built_in);

    if (cached != NULL)
      set_catalog (self, cached);
  }

  return self;
}

WspCatalog *
wsp_catalog_updater_get_catalog (WspCatalogUpdater *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG_UPDATER (self), NULL);

  return self->catalog;
}

static gboolean
address_allowed (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (host == NULL || *host == '\0' || g_uri_get_userinfo (uri) != NULL)
    return FALSE;

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  /* Plain http only where nobody else can listen in: a server on this machine (tests, or
   * someone trying out a catalog). */
  return g_ascii_strcasecmp (scheme, "http") == 0 &&
         (g_str_equal (host, "127.0.0.1") || g_ascii_strcasecmp (host, "localhost") == 0 ||
          g_str_equal (host, "::1"));
}

static void
return_refused (GTask                 *task,
                WspCatalogUpdateError  code,
                const char            *reason)
{
  /* Translators: %s is a reason, e.g. "the server did not send JSON" */
  g_task_return_new_error (task, WSP_CATALOG_UPDATE_ERROR, code,
                           _("The updated links were not used: %s."), reason);
}

static void
accept_catalog (GTask *task)
{
  WspCatalogUpdater *self = g_task_get_source_object (task);
  FetchData *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *etag;
  const char *modified;

  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  if (catalog == NULL)
    {
      const char *reason;

      g_message ("Refused the updated catalog: %s", error->message);

      if (g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_PARSE) ||
          g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_EMPTY))
        reason = _("the file is not valid JSON");
      else if (g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_VERSION))
        reason = _("the file is in a format this version does not know");
      else if (g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_FUTURE))
        reason = _("it is dated in the future");
      else if (g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL))
        reason = _("a link in it is not one of the pages of Facebook, Instagram or Meta that "
                   "the app may open");
      else if (g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_AUTHORITY_URL))
        reason = _("a complaint page in it is not on its data protection authority’s website");
      else
        reason = _("the file is not a valid list of links");

      return_refused (task, WSP_CATALOG_UPDATE_ERROR_INVALID, reason);
      return;
    }

  if (!wsp_catalog_is_newer (catalog, self->catalog))
    {
      g_message ("The fetched catalog (%s) is not newer than the one in use (%s)",
                 wsp_catalog_get_updated (catalog), wsp_catalog_get_updated (self->catalog));
      g_task_return_int (task, WSP_CATALOG_UPDATE_UNCHANGED);
      return;
    }

  /* Written atomically (a temporary file renamed over the old one), so that a crash leaves
   * the old cache or the new one, never half of it. */
  path = wsp_catalog_updater_get_cache_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    /* Used anyway, for this session. */
    g_message ("Cannot cache the updated catalog in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));

  etag = soup_message_headers_get_one (headers, "ETag");
  modified = soup_message_headers_get_one (headers, "Last-Modified");
  g_settings_set_string (self->settings, "catalog-etag", etag != NULL ? etag : "");
  g_settings_set_string (self->settings, "catalog-last-modified", modified != NULL ? modified : "");

  g_debug ("Using the updated catalog of %s", wsp_catalog_get_updated (catalog));
  set_catalog (self, catalog);
  g_task_return_int (task, WSP_CATALOG_UPDATE_UPDATED);
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_input_stream_close_finish (G_INPUT_STREAM (source), result, NULL);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *fetch = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !wsp_fetch_guard_tripped (fetch->guard))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_message ("Reading the updated catalog failed: %s", error->message);
          g_task_return_new_error (task, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK,
                                   _("Could not reach the server for updated links."));
        }
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, on_closed, NULL);
      accept_catalog (task);
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (fetch->body->len > WSP_CATALOG_UPDATE_MAX_SIZE)
    {
      g_message ("The updated catalog is larger than %u bytes; stopped reading",
                 WSP_CATALOG_UPDATE_MAX_SIZE);
      return_refused (task, WSP_CATALOG_UPDATE_ERROR_TOO_LARGE, _("the file is too large"));
      return;
    }

  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, on_read, g_steal_pointer (&task));
}

static gboolean
is_json_type (const char *type)
{
  return type != NULL &&
         (g_ascii_strcasecmp (type, "application/json") == 0 ||
          (g_ascii_strncasecmp (type, "application/", 12) == 0 && g_str_has_suffix (type, "+json")));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autoptr(GError) error = NULL;
  const char *type;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (fetch->stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !wsp_fetch_guard_tripped (fetch->guard))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_message ("Fetching the updated catalog failed: %s", error->message);
          g_task_return_new_error (task, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK,
                                   _("Could not reach the server for updated links."));
        }
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, on_closed, NULL);
      g_debug ("The catalog has not changed since the last fetch");
      g_task_return_int (task, WSP_CATALOG_UPDATE_UNCHANGED);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, on_closed, NULL);
      /* Redirects too: they are not followed, so that one cannot lead to plain http. */
      g_message ("The catalog server answered %u %s", status,
                 soup_message_get_reason_phrase (fetch->message));
      g_task_return_new_error (task, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_STATUS,
                               _("The server for updated links answered with an error."));
      return;
    }

  type = soup_message_headers_get_content_type (headers, NULL);
  if (!is_json_type (type))
    {
      g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, on_closed, NULL);
      g_message ("The catalog server sent %s, not JSON", type != NULL ? type : "no content type");
      return_refused (task, WSP_CATALOG_UPDATE_ERROR_CONTENT_TYPE, _("the server did not send JSON"));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > WSP_CATALOG_UPDATE_MAX_SIZE)
    {
      g_message ("The updated catalog is %" G_GINT64_FORMAT " bytes, more than %u",
                 soup_message_headers_get_content_length (headers), WSP_CATALOG_UPDATE_MAX_SIZE);
      return_refused (task, WSP_CATALOG_UPDATE_ERROR_TOO_LARGE, _("the file is too large"));
      return;
    }

  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, on_read, g_steal_pointer (&task));
}

static void
cancel_fetch (GCancellable *caller,
              gpointer      fetch_cancellable)
{
  g_cancellable_cancel (fetch_cancellable);
}

void
wsp_catalog_updater_check_async (WspCatalogUpdater   *self,
                                 gboolean             force,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeaders *headers;
  FetchData *fetch;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 last;

  g_return_if_fail (WSP_IS_CATALOG_UPDATER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wsp_catalog_updater_check_async);

  url = g_settings_get_string (self->settings, "catalog-url");
  if (*url == '\0')
    {
      g_task_return_int (task, WSP_CATALOG_UPDATE_SKIPPED);
      return;
    }

  /* A last check in the future means the clock was wrong then: check again. */
  last = g_settings_get_int64 (self->settings, "catalog-last-check");
  if (!force && last <= now && now - last < WSP_CATALOG_UPDATE_INTERVAL)
    {
      g_task_return_int (task, WSP_CATALOG_UPDATE_SKIPPED);
      return;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || !address_allowed (uri))
    {
      g_message ("Not fetching the catalog from %s: not https", url);
      g_task_return_new_error (task, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_ADDRESS,
                               _("The address for updated links is not a secure (https) one."));
      return;
    }

  g_settings_set_int64 (self->settings, "catalog-last-check", now);

  fetch = g_new0 (FetchData, 1);
  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  fetch->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->caller_cancellable = g_object_ref (cancellable);
      fetch->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_fetch),
                                                     g_object_ref (fetch->cancellable),
                                                     g_object_unref);
    }
  g_task_set_task_data (task, fetch, fetch_data_free);

  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept", "application/json");

  /* Conditional only when the cached catalog is the one in use: otherwise a 304 would keep the
   * built-in one. */
  if (self->catalog != self->built_in)
    {
      g_autofree char *etag = g_settings_get_string (self->settings, "catalog-etag");
      g_autofree char *modified = g_settings_get_string (self->settings, "catalog-last-modified");

      if (*etag != '\0')
        soup_message_headers_replace (headers, "If-None-Match", etag);
      if (*modified != '\0')
        soup_message_headers_replace (headers, "If-Modified-Since", modified);
    }

  fetch->guard = wsp_fetch_guard_new (fetch->message, fetch->cancellable, self->deadline_ms,
                                      "the catalog update");
  soup_session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->cancellable, on_sent, g_steal_pointer (&task));
}

WspCatalogUpdate
wsp_catalog_updater_check_finish (WspCatalogUpdater  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (WSP_IS_CATALOG_UPDATER (self), WSP_CATALOG_UPDATE_SKIPPED);
  g_return_val_if_fail (g_task_is_valid (result, self), WSP_CATALOG_UPDATE_SKIPPED);

  return g_task_propagate_int (G_TASK (result), error);
}
