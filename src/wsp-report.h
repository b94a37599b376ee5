/* wsp-report.h: telling the project that a link is broken, on its issue tracker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-catalog.h"

G_BEGIN_DECLS

/* The project's issue tracker: compiled in, never taken from a catalog, and the only address
 * outside Meta's hosts that the app opens. */
#define WSP_ISSUE_TRACKER_URL "https://github.com/widerspruch/widerspruch/issues"

/* A new issue on the tracker about @link, with a prefilled title and text: the link, the
 * platform, the route (@route: "form" for the direct link, or a route id like "app"), the date
 * and origin of @catalog and the app's version. Nothing about the user: no email address,
 * country or reason. */
char     *wsp_report_link_problem_url (WspCatalog  *catalog,
                                       WspPlatform  platform,
                                       const char  *route,
                                       const char  *link);

/* Whether @url is a new issue on the project's tracker (what wsp_report_link_problem_url()
 * makes), which the launcher opens besides Meta's pages. */
gboolean  wsp_report_is_tracker_url   (const char  *url);

G_END_DECLS
