/* wsp-email-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_EMAIL_PAGE (wsp_email_page_get_type ())

G_DECLARE_FINAL_TYPE (WspEmailPage, wsp_email_page, WSP, EMAIL_PAGE, WspPage)

G_END_DECLS
