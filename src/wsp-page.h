/* wsp-page.h: one page of the assistant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wsp-objection.h"

G_BEGIN_DECLS

#define WSP_TYPE_PAGE (wsp_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (WspPage, wsp_page, WSP, PAGE, AdwBin)

struct _WspPageClass
{
  AdwBinClass parent_class;

  /* The page became the visible one. */
  void     (*shown) (WspPage *self);
  /* The page is likely to be shown next: do now, while the user reads the page before, what
   * would otherwise hold up its first frame. Optional. */
  void     (*prepare) (WspPage *self);
  /* Next was asked for: return FALSE to stay (and show why). */
  gboolean (*apply) (WspPage *self);
  /* The widget that should get the focus when the page is shown. */
  GtkWidget *(*get_initial_focus) (WspPage *self);
};

const char   *wsp_page_get_title          (WspPage      *self);
void          wsp_page_set_title          (WspPage      *self,
                                           const char   *title);
gboolean      wsp_page_get_complete       (WspPage      *self);
void          wsp_page_set_complete       (WspPage      *self,
                                           gboolean      complete);
WspObjection *wsp_page_get_objection      (WspPage      *self);

void          wsp_page_shown              (WspPage      *self);
void          wsp_page_prepare            (WspPage      *self);
gboolean      wsp_page_apply              (WspPage      *self);
GtkWidget    *wsp_page_get_initial_focus  (WspPage      *self);

/* Asks whoever shows the page (the window) to show @toast: emits WspPage::add-toast. Takes
 * ownership of @toast. */
void          wsp_page_add_toast          (WspPage      *self,
                                           AdwToast     *toast);
/* The same for any widget inside a page; without a page around @widget the toast is dropped. */
void          wsp_widget_add_toast        (GtkWidget    *widget,
                                           AdwToast     *toast);

/* Sets a button's text and lets it wrap, for buttons whose text the code sets. Buttons with a
 * label in a page's template wrap already. */
void          wsp_button_set_wrapping_label (GtkButton  *button,
                                             const char *label);

/* Names what GTK leaves unnamed or names by a class for assistive tools, in @root and below:
 * the pages of stacks (by their titles), buttons with a label widget of their own, and buttons
 * that show only an icon (by their accessible label alone; the icon is hidden). Pages do this
 * for their template; call it for such widgets made later. */
void          wsp_widget_name_controls      (GtkWidget  *root);

G_END_DECLS
