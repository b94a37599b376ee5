/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wsp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WspApplication) app = NULL;

  setlocale (LC_ALL, "");
  wsp_application_init_i18n ();

  app = wsp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
