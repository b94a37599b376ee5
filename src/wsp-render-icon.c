/* wsp-render-icon.c: renders the app icon to a PNG at build time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: wsp-render-icon ICON.svg SIZE OUT.png
 *
 * The welcome page shows the icon at 128 px. Embedded as a PNG of that size, it is drawn without
 * loading librsvg, which cost the first frame about 11 MiB and tens of milliseconds
 * (build-aux/bench).
 */

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int size;

  if (argc != 4 || (size = atoi (argv[2])) <= 0)
    {
      g_printerr ("Usage: wsp-render-icon ICON.svg SIZE OUT.png\n");
      return 2;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], size, size, &error);
  if (pixbuf == NULL || !gdk_pixbuf_save (pixbuf, argv[3], "png", &error, NULL))
    {
      g_printerr ("wsp-render-icon: %s\n", error->message);
      return 1;
    }

  return 0;
}
