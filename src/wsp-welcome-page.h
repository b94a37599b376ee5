/* wsp-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_WELCOME_PAGE (wsp_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (WspWelcomePage, wsp_welcome_page, WSP, WELCOME_PAGE, WspPage)

G_END_DECLS
