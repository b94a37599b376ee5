/* wsp-country-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_COUNTRY_PAGE (wsp_country_page_get_type ())

G_DECLARE_FINAL_TYPE (WspCountryPage, wsp_country_page, WSP, COUNTRY_PAGE, WspPage)

G_END_DECLS
