/* wsp-authorities.h: the data protection authorities' pages the app may open, per country
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WSP_AUTHORITIES_ERROR (wsp_authorities_error_quark ())
typedef enum {
  WSP_AUTHORITIES_ERROR_URL,      /* not https, or not on the country's authority's hosts */
} WspAuthoritiesError;
GQuark wsp_authorities_error_quark (void);

/* An entry of the catalog's "authorities" (wsp_catalog_get_authority()). */
typedef struct {
  const char *country;         /* ISO 3166-1 alpha-2, e.g. "DE" */
  const char *name;            /* the authority's own name */
  const char *url;             /* its complaint page (or, see federal_states, the list) */
  const char *confirmed;       /* "YYYY-MM" or "YYYY-MM-DD": when it was last seen so */
  const char *source;          /* where it was seen */
  gboolean    federal_states;  /* Germany: @url lists the federal states' authorities */
} WspAuthority;

/* Whether @url may be opened as @country's authority's page: https, and on one of the hosts
 * compiled into the app for that country (never taken from the data). */
gboolean wsp_authority_url_is_allowed (const char  *country,
                                       const char  *url,
                                       GError     **error);

G_END_DECLS
