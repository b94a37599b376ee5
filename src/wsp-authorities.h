/* wsp-authorities.h: the data protection authority to complain to, per country
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WSP_AUTHORITIES_SCHEMA_VERSION 1
#define WSP_AUTHORITIES_RESOURCE "/io/github/widerspruch/Widerspruch/authorities.json"

#define WSP_AUTHORITIES_ERROR (wsp_authorities_error_quark ())
typedef enum {
  WSP_AUTHORITIES_ERROR_PARSE,    /* not JSON, or not of the expected shape */
  WSP_AUTHORITIES_ERROR_VERSION,  /* unknown schema version */
  WSP_AUTHORITIES_ERROR_VALUE,    /* an empty text, a bad date or country code, an unknown key */
  WSP_AUTHORITIES_ERROR_URL,      /* not https, or not on the country's authority's hosts */
} WspAuthoritiesError;
GQuark wsp_authorities_error_quark (void);

typedef struct {
  const char *country;         /* ISO 3166-1 alpha-2, e.g. "DE" */
  const char *name;            /* the authority's own name */
  const char *url;             /* its complaint page (or, see federal_states, the list) */
  const char *confirmed;       /* "YYYY-MM" or "YYYY-MM-DD": when it was last seen so */
  const char *source;          /* where it was seen */
  gboolean    federal_states;  /* Germany: @url lists the federal states' authorities */
} WspAuthority;

#define WSP_TYPE_AUTHORITIES (wsp_authorities_get_type ())

G_DECLARE_FINAL_TYPE (WspAuthorities, wsp_authorities, WSP, AUTHORITIES, GObject)

/* The error message names the key path ("authorities.DE.url") and why. */
WspAuthorities     *wsp_authorities_new_from_bytes (GBytes          *bytes,
                                                    GError         **error);
/* The list built into the app (WSP_AUTHORITIES_RESOURCE); aborts if it is broken, since the
 * tests guarantee it is not. */
WspAuthorities     *wsp_authorities_get_default    (void);

/* The authority for @country (alpha-2, any case), or NULL when none is known. */
const WspAuthority *wsp_authorities_lookup         (WspAuthorities  *self,
                                                    const char      *country);

/* Whether @url may be opened as @country's authority's page: https, and on one of the hosts
 * compiled into the app for that country (never taken from the data). */
gboolean            wsp_authority_url_is_allowed   (const char      *country,
                                                    const char      *url,
                                                    GError         **error);

G_END_DECLS
