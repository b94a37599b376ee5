/* wsp-done-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"
#include "wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_DONE_PAGE (wsp_done_page_get_type ())

G_DECLARE_FINAL_TYPE (WspDonePage, wsp_done_page, WSP, DONE_PAGE, WspPage)

WspRecord *wsp_done_page_get_record (WspDonePage *self);
void       wsp_done_page_set_record (WspDonePage *self,
                                     WspRecord   *record);

G_END_DECLS
