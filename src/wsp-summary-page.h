/* wsp-summary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-link-check.h"
#include "wsp-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_SUMMARY_PAGE (wsp_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (WspSummaryPage, wsp_summary_page, WSP, SUMMARY_PAGE, WspPage)

/* Tests only: check @url with @check instead of the form's address (see the .c file). */
void wsp_summary_page_set_link_check (WspSummaryPage *self,
                                      WspLinkCheck   *check,
                                      const char     *url);

G_END_DECLS
