/* wsp-link-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-catalog.h"
#include "wsp-fetch-guard.h"
#include "wsp-link-check.h"

/* Meta sends a login page or a locale host through a few hops; more is a loop. */
#define MAX_REDIRECTS 5

struct _WspLinkCheck
{
  GObject             parent_instance;

  SoupSession        *session;
  guint               deadline_ms;
  WspLinkAllowedFunc  allowed_func;
  gpointer            allowed_data;
  GDestroyNotify      allowed_destroy;
};

G_DEFINE_FINAL_TYPE (WspLinkCheck, wsp_link_check, G_TYPE_OBJECT)

typedef struct {
  GUri        *uri;
  char       **hosts;
  const char  *method;
  guint        n_redirects;
  SoupMessage *message;
  /* The request's own: cancelled once the status is in, so that no body is read. */
  GCancellable *request_cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_handler;
  /* Stops one request that the server keeps going (wsp-fetch-guard.h). */
  WspFetchGuard *guard;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_clear_pointer (&check->guard, wsp_fetch_guard_free);
  if (check->caller_cancellable != NULL)
    g_cancellable_disconnect (check->caller_cancellable, check->caller_handler);
  g_clear_object (&check->caller_cancellable);
  if (check->request_cancellable != NULL)
    g_cancellable_cancel (check->request_cancellable);
  g_clear_object (&check->request_cancellable);
  g_clear_pointer (&check->uri, g_uri_unref);
  g_clear_pointer (&check->hosts, g_strfreev);
  g_clear_object (&check->message);
  g_free (check);
}

SoupSession *
wsp_network_session_new (guint timeout)
{
  g_autofree char *user_agent = g_strdup_printf ("Widerspruch/%s", PACKAGE_VERSION);

  /* A new SoupSession has no cookie jar and sends no Accept-Language: nothing about the user
   * leaves the machine but the address itself. */
  return soup_session_new_with_options ("user-agent", user_agent,
                                        "timeout", timeout,
                                        "idle-timeout", timeout,
                                        NULL);
}

static void
wsp_link_check_finalize (GObject *object)
{
  WspLinkCheck *self = (WspLinkCheck *)object;

  if (self->allowed_destroy != NULL)
    self->allowed_destroy (self->allowed_data);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wsp_link_check_parent_class)->finalize (object);
}

static void
wsp_link_check_class_init (WspLinkCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_link_check_finalize;
}

static void
wsp_link_check_init (WspLinkCheck *self)
{
  self->deadline_ms = WSP_LINK_CHECK_DEADLINE * 1000;
}

void
wsp_link_check_set_deadline (WspLinkCheck *self,
                             guint         deadline_ms)
{
  g_return_if_fail (WSP_IS_LINK_CHECK (self));
  g_return_if_fail (deadline_ms > 0);

  self->deadline_ms = deadline_ms;
}

WspLinkCheck *
wsp_link_check_new (SoupSession *session)
{
  WspLinkCheck *self;

  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  self = g_object_new (WSP_TYPE_LINK_CHECK, NULL);
  self->session = session != NULL ? g_object_ref (session)
                                  : wsp_network_session_new (WSP_LINK_CHECK_TIMEOUT);

  return self;
}

SoupSession *
wsp_link_check_get_session (WspLinkCheck *self)
{
  g_return_val_if_fail (WSP_IS_LINK_CHECK (self), NULL);

  return self->session;
}

void
wsp_link_check_set_allowed_func (WspLinkCheck       *self,
                                 WspLinkAllowedFunc  func,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy)
{
  g_return_if_fail (WSP_IS_LINK_CHECK (self));

  if (self->allowed_destroy != NULL)
    self->allowed_destroy (self->allowed_data);

  self->allowed_func = func;
  self->allowed_data = user_data;
  self->allowed_destroy = destroy;
}

static gboolean
host_in_list (const char  *host,
              char       **hosts)
{
  g_autofree char *lower = NULL;

  if (host == NULL || hosts == NULL)
    return FALSE;

  lower = g_ascii_strdown (host, -1);

  for (guint i = 0; hosts [i] != NULL; i++)
    {
      g_autofree char *subdomain = g_strconcat (".", hosts [i], NULL);

      if (g_str_equal (lower, hosts [i]) || g_str_has_suffix (lower, subdomain))
        return TRUE;
    }

  return FALSE;
}

static gboolean
url_allowed (WspLinkCheck *self,
             CheckData    *check,
             GUri         *uri)
{
  g_autofree char *url = g_uri_to_string (uri);
  g_autoptr(GError) error = NULL;

  if (self->allowed_func != NULL)
    return self->allowed_func (url, self->allowed_data);

  if (!wsp_catalog_url_host_is_allowed (url, &error))
    {
      g_debug ("Link check: %s is not allowed: %s", url, error->message);
      return FALSE;
    }

  if (!host_in_list (g_uri_get_host (uri), check->hosts))
    {
      g_debug ("Link check: %s is not on the platform's hosts", url);
      return FALSE;
    }

  return TRUE;
}

static WspLinkStatus
status_for_error (const GError *error)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  /* The name does not resolve, or nothing answers at all: as seen from here, that is the
   * network missing rather than the link being wrong. */
  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return WSP_LINK_STATUS_OFFLINE;

  /* A timeout or anything else is only "offline" when the system agrees; the monitor is asked
   * afterwards, not before, since it may not know about every way out (a VPN, a proxy). */
  if (!g_network_monitor_get_network_available (monitor))
    return WSP_LINK_STATUS_OFFLINE;

  return WSP_LINK_STATUS_UNKNOWN;
}

static void send_request (GTask *task);

static void
cancel_request (GCancellable *caller,
                gpointer      data)
{
  CheckData *check = data;

  /* Between requests there is nothing to cancel; the next one sees the caller's state. */
  if (check->request_cancellable != NULL)
    g_cancellable_cancel (check->request_cancellable);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WspLinkCheck *self = g_task_get_source_object (task);
  CheckData *check = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_uri_to_string (check->uri);
  const char *location;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          wsp_fetch_guard_tripped (check->guard))
        {
          g_task_return_int (task, WSP_LINK_STATUS_UNKNOWN);
          return;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_debug ("Link check: %s %s failed: %s", check->method, url, error->message);
      g_task_return_int (task, status_for_error (error));
      return;
    }

  /* Only the status matters: stop the message, so that dropping the stream does not read a
   * body. */
  g_clear_pointer (&check->guard, wsp_fetch_guard_free);
  g_cancellable_cancel (check->request_cancellable);
  g_clear_object (&check->request_cancellable);

  status = soup_message_get_status (check->message);
  g_debug ("Link check: %s %s: %u", check->method, url, status);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_int (task, WSP_LINK_STATUS_REACHABLE);
      return;
    }

  /* Some servers refuse HEAD; ask again with GET before judging the link. */
  if ((status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_NOT_IMPLEMENTED) &&
      g_str_equal (check->method, SOUP_METHOD_HEAD))
    {
      check->method = SOUP_METHOD_GET;
      send_request (g_steal_pointer (&task));
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      g_task_return_int (task, WSP_LINK_STATUS_MOVED);
      return;
    }

  location = soup_message_headers_get_one (soup_message_get_response_headers (check->message),
                                           "Location");
  if (SOUP_STATUS_IS_REDIRECTION (status) && location != NULL)
    {
      g_autoptr(GUri) next = g_uri_parse_relative (check->uri, location, G_URI_FLAGS_NONE, NULL);

      if (next == NULL || !url_allowed (self, check, next))
        {
          g_debug ("Link check: %s redirects to a foreign address: %s", url, location);
          g_task_return_int (task, WSP_LINK_STATUS_MOVED);
          return;
        }

      if (++check->n_redirects > MAX_REDIRECTS)
        {
          g_debug ("Link check: %s: too many redirects", url);
          g_task_return_int (task, WSP_LINK_STATUS_UNKNOWN);
          return;
        }

      g_uri_unref (check->uri);
      check->uri = g_steal_pointer (&next);
      send_request (g_steal_pointer (&task));
      return;
    }

  g_task_return_int (task, WSP_LINK_STATUS_UNKNOWN);
}

static void
send_request (GTask *task)
{
  WspLinkCheck *self = g_task_get_source_object (task);
  CheckData *check = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  g_clear_object (&check->message);
  check->request_cancellable = g_cancellable_new ();
  if (g_task_get_cancellable (task) != NULL && check->caller_cancellable == NULL)
    {
      check->caller_cancellable = g_object_ref (g_task_get_cancellable (task));
      check->caller_handler = g_cancellable_connect (check->caller_cancellable,
                                                     G_CALLBACK (cancel_request), check, NULL);
    }
  check->message = soup_message_new_from_uri (check->method, check->uri);
  /* Redirects are followed by hand, each checked against the allow list. */
  soup_message_add_flags (check->message, SOUP_MESSAGE_NO_REDIRECT);
  if (g_str_equal (check->method, SOUP_METHOD_GET))
    /* The status is all that is needed: ask for one byte where the server allows. */
    soup_message_headers_set_range (soup_message_get_request_headers (check->message), 0, 0);

  g_clear_pointer (&check->guard, wsp_fetch_guard_free);
  check->guard = wsp_fetch_guard_new (check->message, check->request_cancellable,
                                      self->deadline_ms, "the link check");
  soup_session_send_async (self->session, check->message, G_PRIORITY_DEFAULT,
                           check->request_cancellable, on_sent, task);
}

void
wsp_link_check_run_async (WspLinkCheck        *self,
                          const char          *url,
                          const char * const  *hosts,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *check;

  g_return_if_fail (WSP_IS_LINK_CHECK (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wsp_link_check_run_async);

  check = g_new0 (CheckData, 1);
  check->uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  check->hosts = g_strdupv ((char **) hosts);
  check->method = SOUP_METHOD_HEAD;
  g_task_set_task_data (task, check, check_data_free);

  if (check->uri == NULL || !url_allowed (self, check, check->uri))
    {
      g_debug ("Link check: not checking %s", url);
      g_task_return_int (task, WSP_LINK_STATUS_UNKNOWN);
      return;
    }

  send_request (g_steal_pointer (&task));
}

WspLinkStatus
wsp_link_check_run_finish (WspLinkCheck  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (WSP_IS_LINK_CHECK (self), WSP_LINK_STATUS_UNKNOWN);
  g_return_val_if_fail (g_task_is_valid (result, self), WSP_LINK_STATUS_UNKNOWN);

  return g_task_propagate_int (G_TASK (result), error);
}
