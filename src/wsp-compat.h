/* wsp-compat.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void wsp_compat_fix_accessible_tree (GtkWidget       *root);
void wsp_compat_fix_windows         (void);
void wsp_compat_name_toast_buttons  (AdwToastOverlay *overlay);
void wsp_compat_expose_entry_row    (AdwEntryRow     *row);
void wsp_compat_name_list_row       (GtkWidget       *child,
                                     const char      *name);

/* Size requests (GTK 4.8, libadwaita 1.2) */
void wsp_compat_use_quick_measures  (GtkWidget       *widget);

/* Tooltips (GTK 4.8) */
void wsp_compat_set_tooltip_text    (GtkWidget       *widget,
                                     const char      *text);

/* Renderer (GTK 4.8 to 4.12) */
/* The value GTK reads from a display's "gsk-renderer" data when wsp_compat_avoid_software_gl()
 * chose cairo. */
#define WSP_COMPAT_RENDERER_CAIRO "cairo"

void  wsp_compat_avoid_software_gl  (GdkDisplay      *display);
char *wsp_compat_get_gl_name        (GdkDisplay      *display);

G_END_DECLS
