/* wsp-platform-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_PLATFORM_PAGE (wsp_platform_page_get_type ())

G_DECLARE_FINAL_TYPE (WspPlatformPage, wsp_platform_page, WSP, PLATFORM_PAGE, WspPage)

G_END_DECLS
