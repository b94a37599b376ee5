/* wsp-reason-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_REASON_PAGE (wsp_reason_page_get_type ())

G_DECLARE_FINAL_TYPE (WspReasonPage, wsp_reason_page, WSP, REASON_PAGE, WspPage)

G_END_DECLS
