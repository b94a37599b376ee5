/* wsp-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a machine without a graphics driver (a virtual machine, a remote session, a server's X
 * display) Mesa draws OpenGL in software, with llvmpipe. GTK's GL renderer then costs far more
 * than its cairo renderer: the first frame takes longer, the process takes several times the
 * memory, and every page's first frame waits for shaders compiled on the CPU (build-aux/bench;
 * README, Performance). GTK 4.14 and later therefore skip their GPU renderers when the OpenGL
 * renderer is llvmpipe (gsk/gskrenderer.c, gl_supported_platform()). GTK 4.8 to 4.12, the floor
 * of this app (Debian 12), lack that check; this is it, for them. Asking costs what setting up
 * OpenGL costs, as in GTK 4.14: Mesa and LLVM are loaded, which the GL renderer would do anyway.
 *
 * GTK 4.8 has no public way to choose the renderer. It reads GSK_RENDERER when the first window
 * is realized, but by then threads run, and changing the environment is not safe while they do.
 * GTK also asks the display for its "gsk-renderer" data, first (its inspector sets that for its
 * own display, from GTK_INSPECTOR_RENDERER): that is what this sets. A GSK_RENDERER of the
 * user's own always wins, and nothing here runs then.
 */

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "wsp-renderer.h"

char *
wsp_renderer_get_gl_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* Sets up OpenGL for the display, which the GL renderer would do for the first window anyway.
   * It fails at once with GDK_DEBUG=gl-disable. */
  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }

  /* The display's own context is private; a context of our own answers the same. */
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL context: %s", error != NULL ? error->message : "?");
      return NULL;
    }

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  gdk_gl_context_clear_current ();

  return g_strdup (name);
}

void
wsp_renderer_avoid_software_gl (GdkDisplay *display)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  /* GTK does this itself from 4.14 on (the check came in 4.13.8). */
  if (gtk_get_minor_version () >= 14)
    return;

  /* The user's own choice, or one made already. */
  if (g_getenv ("GSK_RENDERER") != NULL ||
      g_object_get_data (G_OBJECT (display), "gsk-renderer") != NULL)
    return;

  name = wsp_renderer_get_gl_name (display);
  /* The test GTK makes: a name like "llvmpipe (LLVM 15.0.6, 256 bits)". */
  if (name == NULL || strstr (name, "llvmpipe") == NULL)
    return;

  g_debug ("OpenGL is drawn in software (%s): drawing with cairo", name);
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) WSP_RENDERER_CAIRO);
}
