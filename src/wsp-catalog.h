/* wsp-catalog.h: the data the guidance rests on (form URLs, hosts, menu paths), read from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wsp-authorities.h"

G_BEGIN_DECLS

typedef enum {
  WSP_PLATFORM_FACEBOOK,
  WSP_PLATFORM_INSTAGRAM,
  WSP_N_PLATFORMS,
} WspPlatform;

/* "facebook" / "instagram" (the catalog's keys) */
const char *wsp_platform_get_id   (WspPlatform platform);
/* "Facebook" / "Instagram" (brand names, not translated) */
const char *wsp_platform_get_name (WspPlatform platform);

typedef enum {
  WSP_ROUTE_APP,             /* the phone app */
  WSP_ROUTE_BROWSER,         /* the website in a browser */
  /* Shorter routes; optional in the catalog (wsp_catalog_has_path()). */
  WSP_ROUTE_PRIVACY_CENTER,  /* through the Privacy Center's "AI at Meta" box */
  WSP_ROUTE_SEARCH,          /* searching the privacy policy for the right to object */
  WSP_ROUTE_GENAI,           /* Meta's "AI at Meta" page, which links the form (has a URL) */
  WSP_N_ROUTES,
} WspRoute;

/* "app", "browser", "privacy_center", "search", "genai" (the catalog's keys) */
const char *wsp_route_get_id (WspRoute route);

#define WSP_CATALOG_SCHEMA_VERSION 2
#define WSP_CATALOG_RESOURCE "/io/github/widerspruch/Widerspruch/catalog.json"

#define WSP_CATALOG_ERROR (wsp_catalog_error_quark ())
typedef enum {
  WSP_CATALOG_ERROR_EMPTY,        /* no data at all */
  WSP_CATALOG_ERROR_PARSE,        /* not JSON */
  WSP_CATALOG_ERROR_MISSING,      /* a required key is missing */
  WSP_CATALOG_ERROR_TYPE,         /* a key has the wrong type */
  WSP_CATALOG_ERROR_VERSION,      /* unknown schema version */
  WSP_CATALOG_ERROR_URL,          /* a URL is not https, or not on an allowed host */
  WSP_CATALOG_ERROR_VALUE,        /* an empty string or list where content is needed, a bad date, ... */
  WSP_CATALOG_ERROR_FUTURE,       /* a date more than two days after the clock (not built in) */
  WSP_CATALOG_ERROR_AUTHORITY_URL, /* an authority's page is not https, or not on its hosts */
} WspCatalogError;
GQuark wsp_catalog_error_quark (void);

/* What a form shows before its fields (catalog key "first_screen.kind"). */
typedef enum {
  WSP_FIRST_SCREEN_NONE,         /* not known: the fields come first */
  WSP_FIRST_SCREEN_AI_QUESTION,  /* "yes": it asks whether the request is about AI at Meta */
  WSP_FIRST_SCREEN_CHOICE,       /* "choice": my information / third parties / other */
} WspFirstScreen;

/* One fact with its provenance. */
typedef struct {
  const char *url;
  const char *confirmed;  /* "YYYY-MM" or "YYYY-MM-DD": when it was last seen working */
  const char *source;     /* who reported it */
  /* Forms only (else NONE and NULL): what the form shows first, and who reported that. */
  WspFirstScreen first_screen;
  const char *first_screen_confirmed;
  const char *first_screen_source;
} WspCatalogLink;

/* A fact the guidance states, with its provenance ("facts" in the catalog). The app shows a
 * fact's text only when the catalog has it, and only to the countries it names. */
typedef struct {
  const char *id;                   /* "emailed_code": [a-z0-9_] */
  const char *confirmed;
  const char *source;
  const char * const *countries;    /* NULL-terminated codes, or NULL: every covered country */
} WspCatalogFact;

/* The facts the app has texts for; a catalog may name others (for later versions). */
#define WSP_FACT_PRIVATE_PROFILES  "private_profiles"   /* always-public information */
#define WSP_FACT_AI_CHATS          "ai_chats"           /* chats with Meta AI are used */
#define WSP_FACT_EMAILED_CODE      "emailed_code"       /* a code to type in before leaving */
#define WSP_FACT_BRAZIL_SCOPE      "brazil_scope"       /* users and non-users, Threads, AI chats */
#define WSP_FACT_EARLIER_COUNT     "earlier_objections" /* objections from 2024 still count */
#define WSP_FACT_ONE_PER_EMAIL     "one_per_email"      /* one objection per email address */
#define WSP_FACT_PAGES             "pages"              /* Pages cannot object, nor are covered */
#define WSP_FACT_OTHERS_POSTS      "others_posts"       /* you in other people's posts */
#define WSP_FACT_MINORS            "minors"             /* under-18 accounts are not used */
#define WSP_FACT_WHATSAPP          "whatsapp"           /* no form; only Meta AI chats */
#define WSP_FACT_CONFIRMATION      "confirmation"       /* on screen first, email within a day */

typedef struct {
  const char *label;         /* the words the platform shows: "Einstellungen und Privatsphäre" */
  const char *help;          /* one sentence of help */
  const char *illustration;  /* a drawing's name like "phone-menu" ([a-z0-9-]), or NULL */
} WspCatalogStep;

#define WSP_TYPE_CATALOG (wsp_catalog_get_type ())

G_DECLARE_FINAL_TYPE (WspCatalog, wsp_catalog, WSP, CATALOG, GObject)

/* The error message names the key path ("platforms.facebook.forms[0].url") and why. A catalog
 * from bytes is an update: its dates must not lie more than two days after the clock. */
WspCatalog           *wsp_catalog_new_from_bytes      (GBytes       *bytes,
                                                       GError      **error);
WspCatalog           *wsp_catalog_new_from_resource   (const char   *path,
                                                       GError      **error);
/* The catalog built into the app (WSP_CATALOG_RESOURCE); aborts if it is broken, since the
 * tests guarantee it is not. */
WspCatalog           *wsp_catalog_get_default         (void);

/* The catalog in use: the built-in one, or an update. wsp_catalog_get_default() emits
 * "current-changed" when it changes. */
WspCatalog           *wsp_catalog_get_current         (void);
void                  wsp_catalog_set_current         (WspCatalog   *catalog);
/* Where an accepted update is kept: g_get_user_cache_dir()/widerspruch/catalog.json */
char                 *wsp_catalog_get_cache_path      (void);
/* The cached update when it is valid and newer than @built_in (NULL: the default catalog, parsed
 * only when a cache was read), else NULL (and why in the log). Reads a file; no network. */
WspCatalog           *wsp_catalog_load_cached         (WspCatalog   *built_in);
/* Whether @catalog was put together after @than. */
gboolean              wsp_catalog_is_newer            (WspCatalog   *catalog,
                                                       WspCatalog   *than);
/* Whether @self came from the app's resources (not from an update). */
gboolean              wsp_catalog_is_built_in         (WspCatalog   *self);
/* One line for the UI: "built in" or "updated on 2025-06-02" (the catalog's own version, not
 * when any link was confirmed: that is each link's own date). Free with g_free(). */
char                 *wsp_catalog_describe_origin     (WspCatalog   *self);

guint                 wsp_catalog_get_schema_version  (WspCatalog   *self);
/* "YYYY-MM-DD": when this catalog was put together */
const char           *wsp_catalog_get_updated         (WspCatalog   *self);

/* The form to open; never NULL, always passes wsp_catalog_url_is_allowed(). */
const WspCatalogLink *wsp_catalog_get_form            (WspCatalog   *self,
                                                       WspPlatform   platform);
/* Other form addresses seen, newest first; may be 0. */
guint                 wsp_catalog_get_n_alt_forms     (WspCatalog   *self,
                                                       WspPlatform   platform);
const WspCatalogLink *wsp_catalog_get_alt_form        (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       guint         index);
/* Every link of the catalog in the order of the file, whatever part it belongs to, with its key
 * path ("platforms.facebook.forms[0]"): for the maintainer's check (build-aux/catalog). */
guint                 wsp_catalog_get_n_links         (WspCatalog   *self);
const WspCatalogLink *wsp_catalog_get_link            (WspCatalog   *self,
                                                       guint         index,
                                                       const char  **out_path);
/* The form to try first for residents of @country (ISO 3166-1 alpha-2, any case; NULL or a
 * country no form names: wsp_catalog_get_form()). Never NULL. */
const WspCatalogLink *wsp_catalog_get_form_for        (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       const char   *country);
/* The form to try when that one does not open: the first other form in the catalog's order;
 * NULL when there is only one. */
const WspCatalogLink *wsp_catalog_get_other_form      (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       const char   *country);
const WspCatalogLink *wsp_catalog_get_privacy_center  (WspCatalog   *self,
                                                       WspPlatform   platform);
/* Meta's form about information from third parties (not the objection); never NULL. */
const WspCatalogLink *wsp_catalog_get_third_party_form (WspCatalog  *self);
/* NULL when the catalog does not have the fact. */
const WspCatalogFact *wsp_catalog_get_fact            (WspCatalog   *self,
                                                       const char   *id);
/* Whether the catalog has the fact and it holds for residents of @country (NULL: for anyone,
 * i.e. the fact names no countries). */
gboolean              wsp_catalog_fact_applies        (WspCatalog   *self,
                                                       const char   *id,
                                                       const char   *country);
/* The data protection authority of @country (alpha-2, any case) to complain to; NULL when the
 * catalog knows none. */
const WspAuthority   *wsp_catalog_get_authority       (WspCatalog   *self,
                                                       const char   *country);
/* Every authority, in the order of the file (for the maintainer's check). */
guint                 wsp_catalog_get_n_authorities   (WspCatalog   *self);
const WspAuthority   *wsp_catalog_get_nth_authority   (WspCatalog   *self,
                                                       guint         index);
/* NULL-terminated, e.g. { "facebook.com", NULL }: hosts (and their subdomains) this platform's
 * links may use; always within the app's own allow list. */
const char * const   *wsp_catalog_get_hosts           (WspCatalog   *self,
                                                       WspPlatform   platform);

/* Whether the catalog has this path: always for the app and the browser, the shorter routes
 * only when the catalog names them. */
gboolean              wsp_catalog_has_path            (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route);
/* The manual menu path. @language is a language code like "de" or "en"; when the catalog has
 * no steps in it, the English ones are returned. *out_language is the language of the labels:
 * "en" also where the catalog has this language's steps but no source for its labels (the
 * steps then have the English labels and help in @language). A path the catalog does not have
 * has 0 steps (and *out_language is "en"). */
guint                 wsp_catalog_get_n_steps         (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route,
                                                       const char   *language,
                                                       const char  **out_language);
const WspCatalogStep *wsp_catalog_get_step            (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route,
                                                       const char   *language,
                                                       guint         index);
/* When the path was last confirmed, and by whom; NULL for a path the catalog does not have. */
const char           *wsp_catalog_get_path_confirmed  (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route);
const char           *wsp_catalog_get_path_source     (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route);
/* The page a route starts from (the genai route's "AI at Meta" page), or NULL. Always passes
 * wsp_catalog_url_is_allowed() and is on the platform's hosts. */
const char           *wsp_catalog_get_path_url        (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route);
/* Whether the catalog has this path's labels in exactly @language ("fr", "pt_BR"), with no
 * fallback. */
gboolean              wsp_catalog_has_labels          (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route,
                                                       const char   *language);
/* When the labels shown for @language (after the same fallback as wsp_catalog_get_n_steps())
 * were last confirmed, and who reported them; NULL for a path the catalog does not have. */
const char           *wsp_catalog_get_labels_confirmed (WspCatalog  *self,
                                                        WspPlatform  platform,
                                                        WspRoute     route,
                                                        const char  *language);
const char           *wsp_catalog_get_labels_source   (WspCatalog   *self,
                                                       WspPlatform   platform,
                                                       WspRoute      route,
                                                       const char   *language);

/* What changed for the user, in dated notes, newest first; may be 0. The text is in the
 * first of g_get_language_names() the note has, else in English; *out_date "YYYY-MM-DD". */
guint                 wsp_catalog_get_n_notes         (WspCatalog   *self);
const char           *wsp_catalog_get_note            (WspCatalog   *self,
                                                       guint         index,
                                                       const char  **out_date);
/* "2026-12-02: what changed", for the UI. Free with g_free(). */
char                 *wsp_catalog_dup_note_line       (WspCatalog   *self,
                                                       guint         index);
/* Which notes are news: @seen is what the app remembered last time ("" before the first
 * start). Returns how many of the newest notes are dated after it (they are notes 0 to n-1),
 * and sets *out_seen to what to remember now. On the first start nothing is news. */
guint                 wsp_catalog_count_new_notes     (WspCatalog   *self,
                                                       const char   *seen,
                                                       char        **out_seen);

/* Whether Meta offers the objection to residents of @code (ISO 3166-1 alpha-2). */
gboolean              wsp_catalog_objection_available (WspCatalog   *self,
                                                       const char   *code);

/* The app's own allow list, whatever any catalog says: https only, on facebook.com,
 * instagram.com, meta.com or one of their subdomains; no user info, no explicit port other than
 * 443; and only the kinds of pages the guidance needs there (wsp-url-policy.h). Sets @error
 * (WSP_CATALOG_ERROR_URL) with the reason. */
gboolean              wsp_catalog_url_is_allowed      (const char   *url,
                                                       GError      **error);
/* The same without the page policy: where a link check may follow a redirect (Meta sends a
 * form through its login page). */
gboolean              wsp_catalog_url_host_is_allowed (const char   *url,
                                                       GError      **error);
/* Whether @host is @domain or one of its subdomains (both lower case). */
gboolean              wsp_host_within                 (const char   *host,
                                                       const char   *domain);

/* "2025-05" or "2025-05-28" -> "May 2025" in the app's language; anything else is returned as
 * it is. Free with g_free(). */
char                 *wsp_catalog_format_month        (const char   *date);
/* "Last confirmed in May 2025. Source: @source.", as About and the complaint view say it. */
char                 *wsp_catalog_format_confirmed    (const char   *date,
                                                       const char   *source);

/* The first of g_get_language_names() that the catalog has steps in, else "en". */
const char           *wsp_catalog_pick_language       (WspCatalog   *self);

G_END_DECLS
