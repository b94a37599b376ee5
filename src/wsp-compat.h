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

G_END_DECLS
