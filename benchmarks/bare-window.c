/* bare-window.c: the yardstick for Widerspruch's start-up, an empty AdwApplicationWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started the same way as the app (an AdwApplication with its own id, a window of the app's
 * default size) and timed by the same code (wsp-first-frame.c), so that the difference is what
 * Widerspruch itself adds.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "wsp-first-frame.h"

static void
on_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = g_object_new (ADW_TYPE_APPLICATION_WINDOW,
                             "application", app,
                             "title", "Bare Window",
                             "default-width", 640,
                             "default-height", 720,
                             NULL);
      wsp_first_frame_watch (window);
    }

  gtk_window_present (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");

  app = adw_application_new (APP_ID ".BenchBareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
