/* wsp-url-policy.h: which pages of Meta's hosts a catalog link may name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WSP_URL_POLICY_ERROR (wsp_url_policy_error_quark ())
typedef enum {
  WSP_URL_POLICY_ERROR_HOST,   /* a host on which no page is allowed */
  WSP_URL_POLICY_ERROR_PATH,   /* a path that is not one of the host's kinds of pages */
  WSP_URL_POLICY_ERROR_QUERY,  /* a query, or a fragment that is more than a name */
} WspUrlPolicyError;
GQuark wsp_url_policy_error_quark (void);

/* Anyone can put pages on facebook.com, instagram.com and meta.com (a profile, a group, a
 * post), so a catalog link must also be one of the kinds of pages the guidance needs, per host:
 * help and contact forms by number, help pages by number, privacy center and privacy policy
 * pages. @url must already be an https address on an allowed host with a lower-case host name
 * (wsp_catalog_url_is_allowed() checks that first). On refusal, @error's message is the reason,
 * e.g. "/groups/123 is not one of the pages allowed on www.facebook.com (…)". */
gboolean wsp_url_policy_check (const char  *url,
                               GError     **error);

G_END_DECLS
