/* wsp-countries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "wsp-countries.h"

#define ISO_3166_DOMAIN "iso_3166-1"

struct _WspCountry
{
  GObject parent_instance;

  char *code;
  char *name;
  char *english_name;

  /* Folded once at load: matching runs for every row on every keystroke. */
  char *folded_name;
  char *folded_english_name;
  char *folded_code;
};

G_DEFINE_FINAL_TYPE (WspCountry, wsp_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_ENGLISH_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (wsp-countries-error-quark, wsp_countries_error)

static void
wsp_country_constructed (GObject *object)
{
  WspCountry *self = WSP_COUNTRY (object);

  G_OBJECT_CLASS (wsp_country_parent_class)->constructed (object);

  g_assert (self->code != NULL);
  g_assert (self->name != NULL);
  g_assert (self->english_name != NULL);

  self->folded_name = wsp_countries_fold (self->name);
  self->folded_english_name = wsp_countries_fold (self->english_name);
  self->folded_code = g_ascii_strdown (self->code, -1);
}

static void
wsp_country_finalize (GObject *object)
{
  WspCountry *self = WSP_COUNTRY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->english_name);
  g_free (self->folded_name);
  g_free (self->folded_english_name);
  g_free (self->folded_code);

  G_OBJECT_CLASS (wsp_country_parent_class)->finalize (object);
}

static void
wsp_country_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WspCountry *self = WSP_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ENGLISH_NAME:
      g_value_set_string (value, self->english_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_country_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WspCountry *self = WSP_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ENGLISH_NAME:
      self->english_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_country_class_init (WspCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wsp_country_constructed;
  object_class->finalize = wsp_country_finalize;
  object_class->get_property = wsp_country_get_property;
  object_class->set_property = wsp_country_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Read by the country list's GtkExpression to show and search the rows. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENGLISH_NAME] =
    g_param_spec_string ("english-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_country_init (WspCountry *self)
{
}

static WspCountry *
wsp_country_new (const char *code,
                 const char *name,
                 const char *english_name)
{
  return g_object_new (WSP_TYPE_COUNTRY,
                       "code", code,
                       "name", name,
                       "english-name", english_name,
                       NULL);
}

const char *
wsp_country_get_code (WspCountry *self)
{
  g_return_val_if_fail (WSP_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
wsp_country_get_name (WspCountry *self)
{
  g_return_val_if_fail (WSP_IS_COUNTRY (self), NULL);

  return self->name;
}

const char *
wsp_country_get_english_name (WspCountry *self)
{
  g_return_val_if_fail (WSP_IS_COUNTRY (self), NULL);

  return self->english_name;
}

gboolean
wsp_country_matches (WspCountry *self,
                     const char *folded_query)
{
  g_return_val_if_fail (WSP_IS_COUNTRY (self), FALSE);
  g_return_val_if_fail (folded_query != NULL, FALSE);

  if (folded_query[0] == '\0')
    return TRUE;

  return strstr (self->folded_name, folded_query) != NULL ||
         strstr (self->folded_english_name, folded_query) != NULL ||
         strcmp (self->folded_code, folded_query) == 0;
}

/* Letters that are not a base letter plus a combining mark, so NFD leaves them alone, but that
 * people type as their plain counterpart ("Faeroer", "Lodz"). */
static const char *
fold_letter (gunichar c)
{
  switch (c)
    {
    case 0x00DF: /* ß */
    case 0x1E9E: /* ẞ */
      return "ss";
    case 0x00E6: /* æ */
      return "ae";
    case 0x0153: /* œ */
      return "oe";
    case 0x00F8: /* ø */
      return "o";
    case 0x0111: /* đ */
      return "d";
    case 0x0142: /* ł */
      return "l";
    case 0x0131: /* dotless ı */
      return "i";
    default:
      return NULL;
    }
}

char *
wsp_countries_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *result;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* Case folding first: it can itself produce combining marks ("İ" folds to "i" + dot above),
   * which the decomposition below then drops. */
  valid = g_utf8_make_valid (text, -1);
  folded = g_utf8_casefold (valid, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  result = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *replacement;

      if (g_unichar_combining_class (c) != 0 || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      if (g_unichar_isspace (c))
        {
          pending_space = result->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (result, ' ');
          pending_space = FALSE;
        }

      replacement = fold_letter (c);
      if (replacement != NULL)
        g_string_append (result, replacement);
      else
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* "de_AT.UTF-8@euro": language, then "_" and the territory, then codeset and modifier. */
const char *
wsp_countries_code_from_locale (const char *locale)
{
  const char *underscore;
  const char *territory;
  gsize language_length;
  gsize territory_length;
  char code[3];

  if (locale == NULL)
    return NULL;

  underscore = strchr (locale, '_');
  if (underscore == NULL)
    return NULL;

  language_length = (gsize) (underscore - locale);
  if (language_length < 2 || language_length > 8)
    return NULL;
  for (gsize i = 0; i < language_length; i++)
    if (!g_ascii_isalpha (locale[i]))
      return NULL;

  territory = underscore + 1;
  territory_length = strcspn (territory, ".@");
  /* Only two-letter territories are countries; "es_419" (Latin America) is a region. */
  if (territory_length != 2 || !g_ascii_isalpha (territory[0]) || !g_ascii_isalpha (territory[1]))
    return NULL;

  code[0] = g_ascii_toupper (territory[0]);
  code[1] = g_ascii_toupper (territory[1]);
  code[2] = '\0';

  return g_intern_string (code);
}

const char *
wsp_countries_default_code (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *code;

  /* The locale in effect wins; when it was not set up (or fell back to C because the locale
   * is not installed) the environment still says where the user is. */
  code = wsp_countries_code_from_locale (setlocale (LC_MESSAGES, NULL));
  if (code != NULL)
    return code;

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value == NULL || value[0] == '\0')
        continue;

      code = wsp_countries_code_from_locale (value);
      if (code != NULL)
        return code;
    }

  return NULL;
}

guint
wsp_countries_find (GListModel *model,
                    const char *code)
{
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);

  /* NULL is allowed: it is what wsp_countries_default_code() returns when it knows nothing. */
  if (code == NULL)
    return G_MAXUINT;

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (model, i);

      g_return_val_if_fail (WSP_IS_COUNTRY (country), G_MAXUINT);

      if (g_ascii_strcasecmp (country->code, code) == 0)
        return i;
    }

  return G_MAXUINT;
}

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError     **error,
             const char  *path,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, WSP_COUNTRIES_ERROR, WSP_COUNTRIES_ERROR_INVALID, "%s: %s", path, detail);
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
is_alpha_2 (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

/* What the user reads: iso-codes translate both `name` ("Korea, Republic of") and, where there
 * is one, the shorter `common_name` ("South Korea"). dgettext() returns its argument itself when
 * there is no translation, so comparing pointers tells whether one exists even when the
 * translation is spelled like the English ("Iran"). */
static const char *
localized_name (const char *name,
                const char *common_name)
{
  const char *translated_name;
  const char *translated_common_name;

  g_assert (name != NULL);

  translated_name = dgettext (ISO_3166_DOMAIN, name);
  if (common_name == NULL)
    return translated_name;

  translated_common_name = dgettext (ISO_3166_DOMAIN, common_name);
  if (translated_common_name != common_name)
    return translated_common_name;
  if (translated_name != name)
    return translated_name;

  return common_name;
}

typedef struct {
  WspCountry *country;
  char       *key;
} SortEntry;

static void
sort_entry_clear (gpointer data)
{
  SortEntry *entry = data;

  g_clear_object (&entry->country);
  g_clear_pointer (&entry->key, g_free);
}

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *entry_a = a;
  const SortEntry *entry_b = b;
  int result = strcmp (entry_a->key, entry_b->key);

  if (result == 0)
    result = strcmp (entry_a->country->code, entry_b->country->code);

  return result;
}

/* In the C locale strxfrm() sorts by code point, which puts "Österreich" after "Zypern". The
 * folded name gives the order most languages use instead; a real locale collates properly. */
static gboolean
collation_is_c (void)
{
  const char *collate = setlocale (LC_COLLATE, NULL);

  return collate == NULL ||
         strcmp (collate, "C") == 0 ||
         strcmp (collate, "POSIX") == 0 ||
         g_str_has_prefix (collate, "C.");
}

static void
append_country (GArray     *entries,
                 const char *code,
                 const char *name,
                 const char *common_name,
                 gboolean    c_collation)
{
  SortEntry entry;

  entry.country = wsp_country_new (code,
                                   localized_name (name, common_name),
                                   common_name != NULL ? common_name : name);
  if (c_collation)
    entry.key = g_strdup (entry.country->folded_name);
  else
    entry.key = g_utf8_collate_key (entry.country->name, -1);

  g_array_append_val (entries, entry);
}

static GListModel *
sorted_store (GArray *entries)
{
  g_autoptr(GPtrArray) countries = NULL;
  GListStore *store;

  g_array_sort (entries, compare_sort_entries);

  countries = g_ptr_array_new_full (entries->len, g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (countries, g_object_ref (g_array_index (entries, SortEntry, i).country));

  store = g_list_store_new (WSP_TYPE_COUNTRY);
  g_list_store_splice (store, 0, 0, countries->pdata, countries->len);

  return G_LIST_MODEL (store);
}

GListModel *
wsp_countries_load (const char  *path,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) entries = NULL;
  JsonNode *root;
  JsonNode *list_node;
  JsonArray *list;
  guint n_entries;
  gboolean c_collation;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = ISO_CODES_JSON;

  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      set_invalid (error, path, _("The file is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, path, _("The file does not hold a JSON object."));
      return NULL;
    }

  list_node = json_object_get_member (json_node_get_object (root), "3166-1");
  if (list_node == NULL || !JSON_NODE_HOLDS_ARRAY (list_node))
    {
      set_invalid (error, path, _("The file has no “3166-1” list of countries."));
      return NULL;
    }

  list = json_node_get_array (list_node);
  n_entries = json_array_get_length (list);
  if (n_entries == 0)
    {
      set_invalid (error, path, _("The “3166-1” list of countries is empty."));
      return NULL;
    }

  c_collation = collation_is_c ();
  entries = g_array_sized_new (FALSE, TRUE, sizeof (SortEntry), n_entries);
  g_array_set_clear_func (entries, sort_entry_clear);

  for (guint i = 0; i < n_entries; i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *object;
      const char *code;
      const char *name;
      const char *common_name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_invalid (error, path, _("Entry %u of the country list is not an object."), i + 1);
          return NULL;
        }

      object = json_node_get_object (node);
      code = get_string_member (object, "alpha_2");
      name = get_string_member (object, "name");
      common_name = get_string_member (object, "common_name");

      if (!is_alpha_2 (code))
        {
          set_invalid (error, path,
                       _("Entry %u of the country list has no two-letter “alpha_2” code."), i + 1);
          return NULL;
        }
      if (name == NULL || name[0] == '\0')
        {
          set_invalid (error, path, _("Entry %u (%s) of the country list has no “name”."),
                       i + 1, code);
          return NULL;
        }
      if (common_name != NULL && common_name[0] == '\0')
        common_name = NULL;

      append_country (entries, code, name, common_name, c_collation);
    }

  return sorted_store (entries);
}

/* The countries where Meta offers the objection (data/catalog.json: the EU, the EEA,
 * Switzerland, the United Kingdom, Brazil), with their English names spelled as iso-codes spells
 * them, so that its translations still apply when only its JSON file is missing. (Not marked
 * for our own translation: iso-codes' iso_3166-1 domain translates them.) */
static const struct {
  const char code[3];
  const char *name;
} fallback_countries[] = {
  { "AT", "Austria" }, { "BE", "Belgium" }, { "BG", "Bulgaria" },
  { "CY", "Cyprus" }, { "CZ", "Czechia" }, { "DE", "Germany" },
  { "DK", "Denmark" }, { "EE", "Estonia" }, { "ES", "Spain" },
  { "FI", "Finland" }, { "FR", "France" }, { "GR", "Greece" },
  { "HR", "Croatia" }, { "HU", "Hungary" }, { "IE", "Ireland" },
  { "IT", "Italy" }, { "LT", "Lithuania" }, { "LU", "Luxembourg" },
  { "LV", "Latvia" }, { "MT", "Malta" }, { "NL", "Netherlands" },
  { "PL", "Poland" }, { "PT", "Portugal" }, { "RO", "Romania" },
  { "SE", "Sweden" }, { "SI", "Slovenia" }, { "SK", "Slovakia" },
  { "IS", "Iceland" }, { "LI", "Liechtenstein" }, { "NO", "Norway" },
  { "CH", "Switzerland" }, { "GB", "United Kingdom" }, { "BR", "Brazil" },
};

GListModel *
wsp_countries_load_fallback (void)
{
  g_autoptr(GArray) entries = NULL;
  gboolean c_collation = collation_is_c ();

  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  entries = g_array_sized_new (FALSE, TRUE, sizeof (SortEntry), G_N_ELEMENTS (fallback_countries));
  g_array_set_clear_func (entries, sort_entry_clear);

  for (gsize i = 0; i < G_N_ELEMENTS (fallback_countries); i++)
    append_country (entries, fallback_countries[i].code, fallback_countries[i].name, NULL,
                    c_collation);

  return sorted_store (entries);
}
