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

/* The least width, in characters, of a label that wraps anywhere ("word-char"). */
#define WSP_WRAP_ANYWHERE_MIN_CHARS 10

/* Makes GTK's size questions cheap to answer under @widget (see wsp-column-layout.c): the title
 * boxes of the action rows and the label boxes of the preferences groups get this layout, and
 * labels that wrap anywhere a least width of WSP_WRAP_ANYWHERE_MIN_CHARS. Pages do it for their
 * template; code that adds widgets later calls it on them. */
void              wsp_widget_use_quick_measures (GtkWidget *widget);

G_END_DECLS
