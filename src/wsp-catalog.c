/* wsp-catalog.c: the catalog type, its accessors and the catalog in use (the loader that
 * fills it is wsp-catalog-loader.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "wsp-catalog-private.h"

static const char * const platform_ids[WSP_N_PLATFORMS] = { "facebook", "instagram" };
static const char * const platform_names[WSP_N_PLATFORMS] = { "Facebook", "Instagram" };
static const char * const route_ids[WSP_N_ROUTES] = {
  "app", "browser", "privacy_center", "search", "genai",
};

G_DEFINE_FINAL_TYPE (WspCatalog, wsp_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (wsp-catalog-error-quark, wsp_catalog_error)

enum {
  CURRENT_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The catalog in use; NULL means the built-in one. */
static WspCatalog *current_catalog;

static void
note_free (gpointer data)
{
  Note *note = data;

  g_clear_pointer (&note->texts, g_hash_table_unref);
  g_free (note);
}

static void
step_list_free (gpointer data)
{
  StepList *list = data;

  g_clear_pointer (&list->steps, g_array_unref);
  g_free (list);
}

static void
fact_data_free (gpointer data)
{
  FactData *fact = data;

  g_clear_pointer (&fact->countries, g_ptr_array_unref);
  g_free (fact);
}

static void
wsp_catalog_finalize (GObject *object)
{
  WspCatalog *self = WSP_CATALOG (object);

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    {
      PlatformData *platform = &self->platforms[p];

      g_clear_pointer (&platform->hosts, g_ptr_array_unref);
      g_clear_pointer (&platform->forms, g_array_unref);
      g_clear_pointer (&platform->first_form, g_hash_table_unref);
      for (guint r = 0; r < WSP_N_ROUTES; r++)
        g_clear_pointer (&platform->paths[r].step_lists, g_ptr_array_unref);
    }

  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->languages, g_hash_table_unref);
  g_clear_pointer (&self->all_links, g_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_clear_pointer (&self->authorities, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (wsp_catalog_parent_class)->finalize (object);
}

static void
wsp_catalog_class_init (WspCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_catalog_finalize;

  /**
   * WspCatalog::current-changed:
   *
   * Emitted on the built-in catalog (wsp_catalog_get_default(), which lives as long as the
   * app) when wsp_catalog_set_current() puts another catalog in use.
   */
  signals [CURRENT_CHANGED] =
    g_signal_new ("current-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wsp_catalog_init (WspCatalog *self)
{
  self->strings = g_string_chunk_new (4096);
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);
  self->languages = g_hash_table_new (g_str_hash, g_str_equal);
  self->all_links = g_array_new (FALSE, TRUE, sizeof (ListedLink));
  self->notes = g_ptr_array_new_with_free_func (note_free);
  self->facts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, fact_data_free);
  self->authorities = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    {
      PlatformData *platform = &self->platforms[p];

      platform->hosts = g_ptr_array_new ();
      platform->forms = g_array_new (FALSE, TRUE, sizeof (WspCatalogLink));
      platform->first_form = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < WSP_N_ROUTES; r++)
        platform->paths[r].step_lists = g_ptr_array_new_with_free_func (step_list_free);
    }
}
/* Public API */

const char *
wsp_platform_get_id (WspPlatform platform)
{
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  return platform_ids[platform];
}

const char *
wsp_platform_get_name (WspPlatform platform)
{
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  return platform_names[platform];
}

const char *
wsp_route_get_id (WspRoute route)
{
  g_return_val_if_fail (route < WSP_N_ROUTES, NULL);

  return route_ids[route];
}

/**
 * wsp_catalog_new_from_bytes:
 *
 * Parses and checks the whole catalog; nothing is read lazily later.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
static WspCatalog *
catalog_new (GBytes    *bytes,
             gboolean   built_in,
             GError   **error)
{
  g_autoptr(WspCatalog) self = g_object_new (WSP_TYPE_CATALOG, NULL);

  self->built_in = built_in;
  if (!wsp_catalog_load (self, bytes, error))
    return NULL;

  return g_steal_pointer (&self);
}

WspCatalog *
wsp_catalog_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return catalog_new (bytes, FALSE, error);
}

/**
 * wsp_catalog_new_from_resource:
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set (in
 *   %G_RESOURCE_ERROR when there is no such resource)
 */
WspCatalog *
wsp_catalog_new_from_resource (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return catalog_new (bytes, TRUE, error);
}

/**
 * wsp_catalog_get_default:
 *
 * Returns: (transfer none): the catalog built into the app, loaded on first use and kept
 */
WspCatalog *
wsp_catalog_get_default (void)
{
  static WspCatalog *default_catalog;

  if (g_once_init_enter (&default_catalog))
    {
      g_autoptr(GError) error = NULL;
      WspCatalog *catalog = wsp_catalog_new_from_resource (WSP_CATALOG_RESOURCE, &error);

      if (catalog == NULL)
        g_error ("The built-in catalog is broken: %s", error->message);

      g_once_init_leave (&default_catalog, catalog);
    }

  return default_catalog;
}

/**
 * wsp_catalog_get_current:
 *
 * Returns: (transfer none): the catalog the app uses: the built-in one until
 *   wsp_catalog_set_current() puts an updated one in place
 */
WspCatalog *
wsp_catalog_get_current (void)
{
  return current_catalog != NULL ? current_catalog : wsp_catalog_get_default ();
}

/**
 * wsp_catalog_set_current:
 * @catalog: (nullable): the catalog to use from now on; %NULL goes back to the built-in one
 */
void
wsp_catalog_set_current (WspCatalog *catalog)
{
  g_return_if_fail (catalog == NULL || WSP_IS_CATALOG (catalog));

  if (catalog == wsp_catalog_get_default ())
    catalog = NULL;

  if (g_set_object (&current_catalog, catalog))
    g_signal_emit (wsp_catalog_get_default (), signals [CURRENT_CHANGED], 0);
}

char *
wsp_catalog_get_cache_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "widerspruch", "catalog.json", NULL);
}

gboolean
wsp_catalog_is_newer (WspCatalog *catalog,
                      WspCatalog *than)
{
  g_return_val_if_fail (WSP_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (WSP_IS_CATALOG (than), FALSE);

  /* Both are checked dates, "YYYY-MM-DD" or "YYYY-MM", so they sort as strings. */
  return g_strcmp0 (catalog->updated, than->updated) > 0;
}

/**
 * wsp_catalog_load_cached:
 * @built_in: (nullable): the catalog to compare with; %NULL: wsp_catalog_get_default(), which
 *   is then parsed only when there is a cache to compare
 *
 * At start, offline too: the catalog a check accepted earlier (see WspCatalogUpdater).
 *
 * Returns: (transfer full) (nullable): the cached catalog, or %NULL when there is none, it is
 *   broken (the log says why) or it is not newer than @built_in
 */
WspCatalog *
wsp_catalog_load_cached (WspCatalog *built_in)
{
  g_autofree char *path = wsp_catalog_get_cache_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WspCatalog) cached = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (built_in == NULL || WSP_IS_CATALOG (built_in), NULL);

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Cannot read the cached catalog %s: %s", path, error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  cached = wsp_catalog_new_from_bytes (bytes, &error);
  if (cached == NULL && g_error_matches (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_VERSION))
    {
      /* Written by an earlier version of the app (schema 1 had one form for everyone): the
       * built-in catalog knows more, and the next check fetches the new schema. */
      g_message ("Dropping the cached catalog %s: %s", path, error->message);
      if (g_unlink (path) != 0)
        g_message ("Cannot remove %s: %s", path, g_strerror (errno));
      return NULL;
    }
  if (cached == NULL)
    {
      g_message ("Not using the cached catalog %s: %s", path, error->message);
      return NULL;
    }

  if (built_in == NULL)
    built_in = wsp_catalog_get_default ();

  if (!wsp_catalog_is_newer (cached, built_in))
    {
      g_debug ("The cached catalog (%s) is not newer than the built-in one (%s)",
               cached->updated, built_in->updated);
      return NULL;
    }

  return g_steal_pointer (&cached);
}

gboolean
wsp_catalog_is_built_in (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), FALSE);

  return self->built_in;
}

/* "built in" or "updated on 2025-06-02". Never a date of checking: the catalog's date is when
 * it was put together, which says nothing about when a link last worked. */
char *
wsp_catalog_describe_origin (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);

  if (!self->built_in)
    /* Translators: where the links in use come from; %s is a date like 2025-06-02 */
    return g_strdup_printf (_("updated on %s"), self->updated);

  /* Translators: where the links in use come from: the ones that came with the app */
  return g_strdup (_("built in"));
}

guint
wsp_catalog_get_schema_version (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), 0);

  return self->schema_version;
}

const char *
wsp_catalog_get_updated (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);

  return self->updated;
}

const WspCatalogLink *
wsp_catalog_get_form (WspCatalog  *self,
                      WspPlatform  platform)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  return &g_array_index (self->platforms[platform].forms, WspCatalogLink, 0);
}

guint
wsp_catalog_get_n_alt_forms (WspCatalog  *self,
                             WspPlatform  platform)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), 0);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, 0);

  return self->platforms[platform].forms->len - 1;
}

const WspCatalogLink *
wsp_catalog_get_alt_form (WspCatalog  *self,
                          WspPlatform  platform,
                          guint        index)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);
  g_return_val_if_fail (index + 1 < self->platforms[platform].forms->len, NULL);

  return &g_array_index (self->platforms[platform].forms, WspCatalogLink, index + 1);
}

guint
wsp_catalog_get_n_links (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), 0);

  return self->all_links->len;
}

const WspCatalogLink *
wsp_catalog_get_link (WspCatalog  *self,
                      guint        index,
                      const char **out_path)
{
  ListedLink *listed;

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->all_links->len, NULL);

  listed = &g_array_index (self->all_links, ListedLink, index);
  if (out_path != NULL)
    *out_path = listed->path;

  return &listed->link;
}

/* "de" -> "DE", in @upper (3 bytes); FALSE for anything that is not two characters. */
static gboolean
upper_code (const char *code,
            char       *upper)
{
  if (code == NULL || strlen (code) != 2)
    return FALSE;

  upper[0] = g_ascii_toupper (code[0]);
  upper[1] = g_ascii_toupper (code[1]);
  upper[2] = '\0';
  return TRUE;
}

static guint
form_index_for (WspCatalog  *self,
                WspPlatform  platform,
                const char  *country)
{
  char upper[3];
  guint index;

  if (!upper_code (country, upper))
    return 0;

  /* Stored as index + 1, so that a country no form names (NULL) gets forms[0]. */
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->platforms[platform].first_form, upper));
  return index > 0 ? index - 1 : 0;
}

const WspCatalogLink *
wsp_catalog_get_form_for (WspCatalog  *self,
                          WspPlatform  platform,
                          const char  *country)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  return &g_array_index (self->platforms[platform].forms, WspCatalogLink,
                         form_index_for (self, platform, country));
}

const WspCatalogLink *
wsp_catalog_get_other_form (WspCatalog  *self,
                            WspPlatform  platform,
                            const char  *country)
{
  GArray *forms;

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  forms = self->platforms[platform].forms;
  if (forms->len < 2)
    return NULL;

  /* The first one in the catalog's order, unless that is the one tried first. */
  return &g_array_index (forms, WspCatalogLink,
                         form_index_for (self, platform, country) == 0 ? 1 : 0);
}

const WspCatalogLink *
wsp_catalog_get_third_party_form (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);

  return &self->third_party;
}

const WspCatalogFact *
wsp_catalog_get_fact (WspCatalog *self,
                      const char *id)
{
  FactData *fact;

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  fact = g_hash_table_lookup (self->facts, id);
  return fact != NULL ? &fact->fact : NULL;
}

const WspAuthority *
wsp_catalog_get_authority (WspCatalog *self,
                           const char *country)
{
  char upper[3];

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);

  if (!upper_code (country, upper))
    return NULL;

  /* A few dozen entries, looked up when a complaint is shown. */
  for (guint i = 0; i < self->authorities->len; i++)
    {
      const WspAuthority *authority = g_ptr_array_index (self->authorities, i);

      if (strcmp (authority->country, upper) == 0)
        return authority;
    }

  return NULL;
}

guint
wsp_catalog_get_n_authorities (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), 0);

  return self->authorities->len;
}

const WspAuthority *
wsp_catalog_get_nth_authority (WspCatalog *self,
                               guint       index)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->authorities->len, NULL);

  return g_ptr_array_index (self->authorities, index);
}

gboolean
wsp_catalog_fact_applies (WspCatalog *self,
                          const char *id,
                          const char *country)
{
  const WspCatalogFact *fact;
  char upper[3];

  g_return_val_if_fail (WSP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(fact = wsp_catalog_get_fact (self, id)))
    return FALSE;
  if (fact->countries == NULL)
    return TRUE;
  if (!upper_code (country, upper))
    return FALSE;

  return g_strv_contains ((const char * const *) fact->countries, upper);
}

const WspCatalogLink *
wsp_catalog_get_privacy_center (WspCatalog  *self,
                                WspPlatform  platform)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  return &self->platforms[platform].privacy_center;
}

const char * const *
wsp_catalog_get_hosts (WspCatalog  *self,
                       WspPlatform  platform)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  return (const char * const *) self->platforms[platform].hosts->pdata;
}

static const StepList *
find_step_list (const PathData *path_data,
                const char     *language)
{
  for (guint i = 0; i < path_data->step_lists->len; i++)
    {
      const StepList *list = g_ptr_array_index (path_data->step_lists, i);

      if (strcmp (list->language, language) == 0)
        return list;
    }

  return NULL;
}

/* The path @route of @platform; NULL (after a critical) for arguments out of range. */
static const PathData *
path_data_of (WspCatalog  *self,
              WspPlatform  platform,
              WspRoute     route)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);
  g_return_val_if_fail (route < WSP_N_ROUTES, NULL);

  return &self->platforms[platform].paths[route];
}

/* "de_AT.UTF-8@euro" -> "de_AT", then "de", then "en"; the load made sure "en" is there,
 * for every path the catalog has. NULL for a path it does not have. */
static const StepList *
lookup_steps (const PathData *path_data,
              const char     *language)
{
  const StepList *list = NULL;

  if (language != NULL)
    {
      g_autofree char *locale = g_strndup (language, strcspn (language, ".@"));
      g_autofree char *lang = g_strndup (language, strcspn (language, "_.@"));

      if (!(list = find_step_list (path_data, locale)))
        list = find_step_list (path_data, lang);
    }

  if (list == NULL)
    list = find_step_list (path_data, "en");

  g_assert (list != NULL || path_data->confirmed == NULL);
  return list;
}

guint
wsp_catalog_get_n_steps (WspCatalog   *self,
                         WspPlatform   platform,
                         WspRoute      route,
                         const char   *language,
                         const char  **out_language)
{
  const PathData *path_data = path_data_of (self, platform, route);
  const StepList *list;

  if (path_data == NULL)
    return 0;

  list = lookup_steps (path_data, language);

  /* The language of the labels: English where this language's labels have no source */
  if (out_language != NULL)
    *out_language = list != NULL && !list->english_labels ? list->language : "en";

  return list != NULL ? list->steps->len : 0;
}

const WspCatalogStep *
wsp_catalog_get_step (WspCatalog  *self,
                      WspPlatform  platform,
                      WspRoute     route,
                      const char  *language,
                      guint        index)
{
  const PathData *path_data = path_data_of (self, platform, route);
  const StepList *list = path_data != NULL ? lookup_steps (path_data, language) : NULL;

  g_return_val_if_fail (list != NULL && index < list->steps->len, NULL);

  return &g_array_index (list->steps, WspCatalogStep, index);
}

gboolean
wsp_catalog_has_path (WspCatalog  *self,
                      WspPlatform  platform,
                      WspRoute     route)
{
  const PathData *path_data = path_data_of (self, platform, route);

  return path_data != NULL && path_data->confirmed != NULL;
}

/* The path's date, source or page: @self's strings, NULL where the catalog has none. */
static const char *
path_text (WspCatalog  *self,
           WspPlatform  platform,
           WspRoute     route,
           glong        offset)
{
  const PathData *path_data = path_data_of (self, platform, route);

  return path_data != NULL ? G_STRUCT_MEMBER (const char *, path_data, offset) : NULL;
}

const char *
wsp_catalog_get_path_confirmed (WspCatalog  *self,
                                WspPlatform  platform,
                                WspRoute     route)
{
  return path_text (self, platform, route, G_STRUCT_OFFSET (PathData, confirmed));
}

const char *
wsp_catalog_get_path_source (WspCatalog  *self,
                             WspPlatform  platform,
                             WspRoute     route)
{
  return path_text (self, platform, route, G_STRUCT_OFFSET (PathData, source));
}

const char *
wsp_catalog_get_path_url (WspCatalog  *self,
                          WspPlatform  platform,
                          WspRoute     route)
{
  return path_text (self, platform, route, G_STRUCT_OFFSET (PathData, url));
}

gboolean
wsp_catalog_has_labels (WspCatalog  *self,
                        WspPlatform  platform,
                        WspRoute     route,
                        const char  *language)
{
  const PathData *path_data = path_data_of (self, platform, route);
  const StepList *list;

  g_return_val_if_fail (language != NULL, FALSE);

  list = path_data != NULL ? find_step_list (path_data, language) : NULL;
  return list != NULL && !list->english_labels;
}

/* The labels shown for @language, after the fallback; NULL for a path the catalog does not
 * have. */
static const StepList *
labels_for (WspCatalog  *self,
            WspPlatform  platform,
            WspRoute     route,
            const char  *language)
{
  const PathData *path_data = path_data_of (self, platform, route);

  return path_data != NULL ? lookup_steps (path_data, language) : NULL;
}

const char *
wsp_catalog_get_labels_confirmed (WspCatalog  *self,
                                  WspPlatform  platform,
                                  WspRoute     route,
                                  const char  *language)
{
  const StepList *list = labels_for (self, platform, route, language);

  return list != NULL ? list->confirmed : NULL;
}

const char *
wsp_catalog_get_labels_source (WspCatalog  *self,
                               WspPlatform  platform,
                               WspRoute     route,
                               const char  *language)
{
  const StepList *list = labels_for (self, platform, route, language);

  return list != NULL ? list->source : NULL;
}

/* @code is matched without regard to case: "de" and "DE" are both Germany. */
gboolean
wsp_catalog_objection_available (WspCatalog *self,
                                 const char *code)
{
  char upper[3];

  g_return_val_if_fail (WSP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!upper_code (code, upper))
    return FALSE;

  return g_hash_table_contains (self->countries, upper);
}
/* The value in @table (keyed by language code) for the first of g_get_language_names() it has:
 * "de_AT.UTF-8@euro" tries "de_AT", then "de". */
static gpointer
lookup_language (GHashTable *table)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *locale = g_strndup (names[i], strcspn (names[i], ".@"));
      g_autofree char *lang = g_strndup (names[i], strcspn (names[i], "_.@"));
      gpointer found;

      if ((found = g_hash_table_lookup (table, locale)) ||
          (found = g_hash_table_lookup (table, lang)))
        return found;
    }

  return NULL;
}

const char *
wsp_catalog_pick_language (WspCatalog *self)
{
  const char *found;

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);

  found = lookup_language (self->languages);
  return found != NULL ? found : "en";
}

guint
wsp_catalog_get_n_notes (WspCatalog *self)
{
  g_return_val_if_fail (WSP_IS_CATALOG (self), 0);

  return self->notes->len;
}

/* In the first of g_get_language_names() the note has, else in English. */
const char *
wsp_catalog_get_note (WspCatalog  *self,
                      guint        index,
                      const char **out_date)
{
  const char *text;
  const Note *note;

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);

  note = g_ptr_array_index (self->notes, index);
  if (out_date != NULL)
    *out_date = note->date;

  text = lookup_language (note->texts);
  return text != NULL ? text : g_hash_table_lookup (note->texts, "en");
}

char *
wsp_catalog_dup_note_line (WspCatalog *self,
                           guint       index)
{
  const char *date;
  const char *note;

  g_return_val_if_fail (WSP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);

  note = wsp_catalog_get_note (self, index, &date);
  /* Translators: a note about changed links; the first %s is its date (2026-12-02), the second
   * what changed */
  return g_strdup_printf (_("%s: %s"), date, note);
}

guint
wsp_catalog_count_new_notes (WspCatalog  *self,
                             const char  *seen,
                             char       **out_seen)
{
  const char *newest;
  guint n = 0;

  g_return_val_if_fail (WSP_IS_CATALOG (self), 0);
  g_return_val_if_fail (seen != NULL, 0);
  g_return_val_if_fail (out_seen != NULL, 0);

  /* Dates sort as strings. On the first start there is nothing to compare with: what the
   * catalog says then is how things are, not news. */
  newest = self->notes->len > 0 ? ((Note *) self->notes->pdata[0])->date : NULL;
  if (*seen == '\0')
    {
      *out_seen = g_strdup (g_strcmp0 (newest, self->updated) > 0 ? newest : self->updated);
      return 0;
    }

  while (n < self->notes->len && strcmp (((Note *) self->notes->pdata[n])->date, seen) > 0)
    n++;

  *out_seen = g_strdup (n > 0 ? newest : seen);
  return n;
}

/* "2025-05" or "2025-05-28" -> "May 2025", with month names from our own catalog, since the
 * app's language need not be the locale's. */
char *
wsp_catalog_format_month (const char *date)
{
  static const char *months [] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  unsigned year = 0, month = 0;

  if (date == NULL || sscanf (date, "%4u-%2u", &year, &month) != 2 || month < 1 || month > 12)
    return g_strdup (date != NULL ? date : "");

  /* Translators: a month and a year, e.g. "May 2025" */
  return g_strdup_printf (_("%s %u"), g_dpgettext2 (NULL, "month", months [month - 1]), year);
}

char *
wsp_catalog_format_confirmed (const char *date,
                              const char *source)
{
  g_autofree char *month = wsp_catalog_format_month (date);

  /* Translators: in About, under each link, and under a data protection authority; the first
   * %s is a month like "May 2025", the second who reported it (in English, from the catalog) */
  return g_strdup_printf (_("Last confirmed in %s. Source: %s."), month, source);
}
