/* wsp-first-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the app and benchmarks/bare-window.c, so that both are measured by the same code.
 */

#include "config.h"

#include <stdio.h>

#include "wsp-first-frame.h"

static void
on_after_paint (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  gint64 exec_us = *(gint64 *) user_data;
  gint64 now_us = g_get_monotonic_time ();
  GApplication *app = g_application_get_default ();

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, user_data);

  printf ("first-frame-us=%" G_GINT64_FORMAT "\n", now_us - exec_us);
  fflush (stdout);
  g_free (user_data);

  /* Quit from the main loop, not from inside the frame clock's emission. */
  if (app != NULL)
    g_idle_add_once ((GSourceOnceFunc) g_application_quit, app);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));

  g_signal_handlers_disconnect_by_func (widget, on_realize, user_data);

  /* The window got its renderer while it was realized, before this handler. */
  printf ("renderer=%s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), user_data);
}

void
wsp_first_frame_watch (GtkWindow *window)
{
  /* Read once: this is the only place the variable is looked at. */
  const char *value = g_getenv (WSP_FIRST_FRAME_ENV);
  gint64 *exec_us;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (value == NULL || *value == '\0')
    return;

  exec_us = g_new (gint64, 1);
  /* g_get_monotonic_time() is CLOCK_MONOTONIC on Linux, the clock the runner reads. */
  *exec_us = g_ascii_strtoll (value, NULL, 10);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), exec_us);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), exec_us);
}
