/* wsp-renderer.h: no GL renderer on a software OpenGL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The value GTK reads from @display's "gsk-renderer" data: the renderer this file chose. */
#define WSP_RENDERER_CAIRO "cairo"

/* Makes GTK draw @display's windows with cairo when its OpenGL is Mesa's software rasterizer,
 * llvmpipe, as GTK 4.14 and later do by themselves; see wsp-renderer.c. Call it before the first
 * window is shown. */
void  wsp_renderer_avoid_software_gl (GdkDisplay *display);
/* The name of @display's OpenGL renderer, as glGetString() gives it; NULL without OpenGL. Sets up
 * OpenGL for @display first. Free with g_free(). */
char *wsp_renderer_get_gl_name       (GdkDisplay *display);

G_END_DECLS
