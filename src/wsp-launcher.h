/* wsp-launcher.h: opens Meta's pages in the browser, and only those
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens @uri in the default browser if it passes wsp_catalog_url_is_allowed() or is a report
 * on the project's issue tracker (wsp_report_is_tracker_url()); otherwise, or
 * when no browser starts, shows a dialog that says why and offers to copy the link. */
void wsp_launch_uri            (GtkWidget  *widget,
                                const char *uri);
/* The same for the page of @country's data protection authority: opened only if it passes
 * wsp_authority_url_is_allowed(). */
void wsp_launch_authority_page (GtkWidget  *widget,
                                const char *country,
                                const char *uri);

G_END_DECLS
