/* wsp-catalog-private.h: what the catalog type and its loader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-catalog.h"

G_BEGIN_DECLS

typedef struct {
  const char *language;
  /* No source names this language's labels: the steps carry the English labels (checked), with
   * help in this language; confirmed and source are the English labels'. */
  gboolean english_labels;
  const char *confirmed;        /* when these labels were last seen, and by whom */
  const char *source;
  GArray *steps;                /* WspCatalogStep */
} StepList;

typedef struct {
  const char *path;             /* "platforms.facebook.forms[0]" */
  WspCatalogLink link;
} ListedLink;

typedef struct {
  const char *date;             /* "YYYY-MM-DD" */
  GHashTable *texts;            /* language code -> text; always has "en" */
} Note;

typedef struct {
  const char *confirmed;        /* NULL when the catalog does not have this path */
  const char *source;
  const char *url;              /* the page the route starts from; genai only */
  GPtrArray *step_lists;        /* StepList, one of them "en"; empty without the path */
} PathData;

typedef struct {
  WspCatalogFact fact;
  GPtrArray *countries;         /* const char *, NULL-terminated; NULL: every country */
} FactData;

typedef struct {
  GPtrArray *hosts;             /* const char *, NULL-terminated */
  GArray *forms;                /* WspCatalogLink; [0] is the form to open */
  GHashTable *first_form;       /* country code -> index + 1 into forms ("first_in") */
  WspCatalogLink privacy_center;
  PathData paths[WSP_N_ROUTES];
} PlatformData;

struct _WspCatalog
{
  GObject parent_instance;

  /* Every string below points into this chunk: nothing of the JSON tree is kept. */
  GStringChunk *strings;
  guint schema_version;
  const char *updated;
  /* Loaded from the app's resources rather than fetched: decides how the origin reads. */
  gboolean built_in;
  GHashTable *countries;        /* upper-case code, as a set */
  GHashTable *languages;        /* every language some path has steps in, as a set */
  PlatformData platforms[WSP_N_PLATFORMS];
  GArray *all_links;            /* ListedLink, every link in the order of the file */
  GPtrArray *notes;             /* Note, newest first */
  WspCatalogLink third_party;
  GHashTable *facts;            /* id -> FactData */
  GPtrArray *authorities;       /* WspAuthority, in the order of the file */
};

/* Reads and checks @bytes into @self, a new catalog (wsp-catalog-loader.c). */
gboolean wsp_catalog_load (WspCatalog  *self,
                           GBytes      *bytes,
                           GError     **error);

G_END_DECLS
