/* wsp-scroll-layout.h: the layout of a page's content inside a scrolled window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WSP_TYPE_SCROLL_LAYOUT (wsp_scroll_layout_get_type ())

G_DECLARE_FINAL_TYPE (WspScrollLayout, wsp_scroll_layout, WSP, SCROLL_LAYOUT, GtkLayoutManager)

GtkLayoutManager *wsp_scroll_layout_new (void);

G_END_DECLS
