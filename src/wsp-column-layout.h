/* wsp-column-layout.h: a column of widgets whose width never depends on a height
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WSP_TYPE_COLUMN_LAYOUT (wsp_column_layout_get_type ())

G_DECLARE_FINAL_TYPE (WspColumnLayout, wsp_column_layout, WSP, COLUMN_LAYOUT, GtkLayoutManager)

GtkLayoutManager *wsp_column_layout_new (int spacing);

G_END_DECLS
