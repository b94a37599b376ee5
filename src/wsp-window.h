/* wsp-window.h: the main window, which is the assistant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wsp-objection.h"
#include "wsp-page.h"
#include "wsp-record.h"
#include "wsp-record-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_WINDOW (wsp_window_get_type ())

G_DECLARE_FINAL_TYPE (WspWindow, wsp_window, WSP, WINDOW, AdwApplicationWindow)

WspWindow    *wsp_window_new                (GtkApplication *application);
WspObjection *wsp_window_get_objection      (WspWindow      *self);
WspRecordStore *wsp_window_get_store        (WspWindow      *self);
/* The record of the form being filled in, or NULL before there is one. */
WspRecord    *wsp_window_get_record         (WspWindow      *self);
/* Makes (or updates, until it is sent) the record of the current form. */
WspRecord    *wsp_window_ensure_record      (WspWindow      *self);
/* The name of the visible page: "welcome", "platform", ..., "done", or "manual". */
const char   *wsp_window_get_page_name      (WspWindow      *self);
/* The page called @name, built now if it was not yet shown; NULL for an unknown name. */
WspPage      *wsp_window_get_page           (WspWindow      *self,
                                             const char     *name);
void          wsp_window_add_toast          (WspWindow      *self,
                                             AdwToast       *toast);

G_END_DECLS
