/* wsp-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wsp-report.h"

#define NEW_ISSUE WSP_ISSUE_TRACKER_URL "/new?"

char *
wsp_report_link_problem_url (WspCatalog  *catalog,
                             WspPlatform  platform,
                             const char  *route,
                             const char  *link)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title_escaped = NULL;
  g_autofree char *body_escaped = NULL;

  g_return_val_if_fail (WSP_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);
  g_return_val_if_fail (route != NULL, NULL);
  g_return_val_if_fail (link != NULL, NULL);

  /* In English, not translated: the maintainers read it, and the same words from every user
   * make reports about one link easy to find. */
  title = g_strdup_printf ("Link problem: %s, %s", wsp_platform_get_name (platform), route);
  body = g_strdup_printf ("Link: %s\n"
                          "Platform: %s\n"
                          "Route: %s\n"
                          "Catalog: %s (%s)\n"
                          "App version: %s\n"
                          "\n"
                          "What happened? (Please do not write your email address here: "
                          "this page is public.)\n",
                          link, wsp_platform_get_name (platform), route,
                          wsp_catalog_get_updated (catalog),
                          wsp_catalog_is_built_in (catalog) ? "built in" : "updated",
                          PACKAGE_VERSION);

  title_escaped = g_uri_escape_string (title, NULL, FALSE);
  body_escaped = g_uri_escape_string (body, NULL, FALSE);
  return g_strconcat (NEW_ISSUE "title=", title_escaped, "&body=", body_escaped, NULL);
}

gboolean
wsp_report_is_tracker_url (const char *url)
{
  if (url == NULL || !g_str_has_prefix (url, NEW_ISSUE))
    return FALSE;

  /* Only what wsp_report_link_problem_url() writes: escaped text, no fragment. */
  for (const char *s = url; *s != '\0'; s++)
    {
      if ((guchar) *s <= 0x20 || (guchar) *s >= 0x7f || *s == '#' || *s == '\\')
        return FALSE;
    }

  return TRUE;
}
