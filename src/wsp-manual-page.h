/* wsp-manual-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_MANUAL_PAGE (wsp_manual_page_get_type ())

G_DECLARE_FINAL_TYPE (WspManualPage, wsp_manual_page, WSP, MANUAL_PAGE, WspPage)

G_END_DECLS
