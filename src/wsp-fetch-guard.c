/* wsp-fetch-guard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-fetch-guard.h"

struct _WspFetchGuard
{
  SoupMessage  *message;
  GCancellable *cancellable;
  char         *what;
  gulong        interim_handler;
  guint         deadline_id;
  guint         deadline_ms;
  guint         n_interim;
  gboolean      tripped;
};

static void
trip (WspFetchGuard *self)
{
  self->tripped = TRUE;
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
}

static void
on_informational (SoupMessage   *message,
                  WspFetchGuard *self)
{
  if (self->tripped || ++self->n_interim <= WSP_FETCH_MAX_INTERIM)
    return;

  g_message ("Stopped %s: the server sent more than %u interim responses (%u %s)",
             self->what, WSP_FETCH_MAX_INTERIM, soup_message_get_status (message),
             soup_message_get_reason_phrase (message));
  trip (self);
}

static gboolean
on_deadline (gpointer data)
{
  WspFetchGuard *self = data;

  self->deadline_id = 0;
  g_message ("Stopped %s: no complete answer within %u ms", self->what, self->deadline_ms);
  trip (self);
  return G_SOURCE_REMOVE;
}

WspFetchGuard *
wsp_fetch_guard_new (SoupMessage  *message,
                     GCancellable *cancellable,
                     guint         deadline_ms,
                     const char   *what)
{
  WspFetchGuard *self;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (what != NULL, NULL);

  self = g_new0 (WspFetchGuard, 1);
  self->message = g_object_ref (message);
  self->cancellable = g_object_ref (cancellable);
  self->what = g_strdup (what);
  self->deadline_ms = deadline_ms;
  self->interim_handler = g_signal_connect (message, "got-informational",
                                            G_CALLBACK (on_informational), self);
  self->deadline_id = g_timeout_add (deadline_ms, on_deadline, self);

  return self;
}

gboolean
wsp_fetch_guard_tripped (WspFetchGuard *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->tripped;
}

void
wsp_fetch_guard_free (WspFetchGuard *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->interim_handler, self->message);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  g_clear_object (&self->message);
  g_clear_object (&self->cancellable);
  g_free (self->what);
  g_free (self);
}
