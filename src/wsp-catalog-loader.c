/* wsp-catalog-loader.c: reads catalog.json into a WspCatalog and checks every part of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wsp-catalog-private.h"
#include "wsp-json.h"
#include "wsp-url-policy.h"

/* Limits: the shipped catalog is a few KiB; anything far beyond is not a catalog. */
#define MAX_SIZE        (1024 * 1024)
#define MAX_DEPTH       32
#define MAX_TEXT        2048
#define MAX_HOSTS       16
#define MAX_FORMS       16
#define MAX_COUNTRIES   300
#define MAX_LANGUAGES   64
#define MAX_STEPS       64
#define MAX_NAME        64
#define MAX_NOTES       32
#define MAX_FACTS       64

static const char * const allowed_domains[] = { "facebook.com", "instagram.com", "meta.com" };

/* Routes every catalog has; the others came later and are optional. */
#define N_REQUIRED_ROUTES 2

/* ISO 3166-1 alpha-2, from iso-codes 4.13 (249 codes), so that "UK" or "EL" (the EU's own
 * abbreviations for the United Kingdom and Greece) are caught as mistakes. */
static const char iso_3166_codes[] =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCD"
  "CFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGF"
  "GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN"
  "KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA"
  "NCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
  "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
  "VNVUWFWSYEYTZAZMZW";

/* Errors and paths */

static void set_error (GError          **error,
                       WspCatalogError   code,
                       const char       *path,
                       const char       *format,
                       ...) G_GNUC_PRINTF (4, 5);

/* Every message reads "<key path>: <what is wrong>". */
static void
set_error (GError          **error,
           WspCatalogError   code,
           const char       *path,
           const char       *format,
           ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Key names and json-glib's parse errors quote the input, which may hold invalid UTF-8
   * (json-glib decodes a lone "\ud800" escape into it): the message must still be showable. */
  message = g_strdup_printf ("%s: %s", *path != '\0' ? path : "catalog", reason);
  valid = g_utf8_make_valid (message, -1);
  g_set_error_literal (error, WSP_CATALOG_ERROR, code, valid);
}

static char *
path_key (const char *path,
          const char *key)
{
  g_assert (path != NULL);
  g_assert (key != NULL);

  return *path != '\0' ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
}

static char *
path_index (const char *path,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "string";
    case G_TYPE_INT64:
      return "integer";
    case G_TYPE_DOUBLE:
      return "number";
    case G_TYPE_BOOLEAN:
      return "boolean";
    default:
      return "value";
    }
}

static JsonNode *
require_member (JsonObject  *object,
                const char  *path,
                const char  *key,
                char       **out_path,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  char *child_path = path_key (path, key);

  if (node == NULL)
    {
      set_error (error, WSP_CATALOG_ERROR_MISSING, child_path, _("missing"));
      g_free (child_path);
      return NULL;
    }

  *out_path = child_path;
  return node;
}

static JsonObject *
expect_object (JsonNode    *node,
               const char  *path,
               GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (error, WSP_CATALOG_ERROR_TYPE, path, _("must be an object (got %s)"),
                 node_kind (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A list with 1 to @max entries. */
static JsonArray *
expect_array (JsonNode    *node,
              const char  *path,
              guint        max,
              GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (error, WSP_CATALOG_ERROR_TYPE, path, _("must be an array (got %s)"),
                 node_kind (node));
      return NULL;
    }

  array = json_node_get_array (node);

  if (json_array_get_length (array) == 0)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, path, _("must not be empty"));
      return NULL;
    }

  if (json_array_get_length (array) > max)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, path, _("too many entries (at most %u)"), max);
      return NULL;
    }

  return array;
}

/* A string with visible content and without control characters; returns the JSON tree's copy. */
static const char *
expect_text (JsonNode    *node,
             const char  *path,
             GError     **error)
{
  const char *text;
  gboolean blank = TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_error (error, WSP_CATALOG_ERROR_TYPE, path, _("must be a string (got %s)"),
                 node_kind (node));
      return NULL;
    }

  text = json_node_get_string (node);

  /* The file was valid UTF-8, but a lone surrogate escape ("\ud800") decodes to bytes that
   * are not. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, path,
                 _("not valid text (a broken \\u escape)"));
      return NULL;
    }

  if (strlen (text) > MAX_TEXT)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, path, _("too long (more than %u bytes)"),
                 MAX_TEXT);
      return NULL;
    }

  for (const char *s = text; *s != '\0'; s++)
    {
      if ((guchar) *s < 0x20 || *s == 0x7f)
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, path,
                     _("must not contain control characters"));
          return NULL;
        }
      if (!g_ascii_isspace (*s))
        blank = FALSE;
    }

  if (blank)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, path, _("must not be empty"));
      return NULL;
    }

  return text;
}

static JsonObject *
get_object_member (JsonObject  *object,
                   const char  *path,
                   const char  *key,
                   char       **out_path,
                   GError     **error)
{
  g_autofree char *child_path = NULL;
  JsonObject *child;
  JsonNode *node;

  if (!(node = require_member (object, path, key, &child_path, error)))
    return NULL;
  if (!(child = expect_object (node, child_path, error)))
    return NULL;

  *out_path = g_steal_pointer (&child_path);
  return child;
}

static JsonArray *
get_array_member (JsonObject  *object,
                  const char  *path,
                  const char  *key,
                  guint        max,
                  char       **out_path,
                  GError     **error)
{
  g_autofree char *child_path = NULL;
  JsonArray *child;
  JsonNode *node;

  if (!(node = require_member (object, path, key, &child_path, error)))
    return NULL;
  if (!(child = expect_array (node, child_path, max, error)))
    return NULL;

  *out_path = g_steal_pointer (&child_path);
  return child;
}

/* Returns the text copied into the catalog's string chunk. */
static const char *
get_text_member (WspCatalog  *self,
                 JsonObject  *object,
                 const char  *path,
                 const char  *key,
                 GError     **error)
{
  g_autofree char *child_path = NULL;
  const char *text;
  JsonNode *node;

  if (!(node = require_member (object, path, key, &child_path, error)))
    return NULL;
  if (!(text = expect_text (node, child_path, error)))
    return NULL;

  return g_string_chunk_insert (self->strings, text);
}

/* Dates */

/* A fetched catalog may be dated at most this far after the clock: one dated 9999-12-31 would
 * stay "newest" for ever and beat every later built-in catalog. Two days leave room for time
 * zones and a clock a little behind. */
#define MAX_FUTURE (2 * G_TIME_SPAN_DAY)

/* Sets *out_time to the start of the day (UTC) in seconds since 1970. */
static gboolean
parse_date (const char *text,
            gboolean    day_optional,
            gint64     *out_time)
{
  g_autoptr(GDateTime) start = NULL;
  gsize len = strlen (text);
  guint year, month, day = 1;

  if (len != 10 && !(day_optional && len == 7))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        {
          return FALSE;
        }
    }

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  if (len == 10)
    day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  if (year < 2000 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  start = g_date_time_new_utc (year, month, day, 0, 0, 0);
  *out_time = g_date_time_to_unix (start);
  return TRUE;
}

static const char *
get_date_member (WspCatalog  *self,
                 JsonObject  *object,
                 const char  *path,
                 const char  *key,
                 gboolean     day_optional,
                 GError     **error)
{
  const char *text;
  gint64 time;

  if (!(text = get_text_member (self, object, path, key, error)))
    return NULL;

  if (!parse_date (text, day_optional, &time))
    {
      g_autofree char *child_path = path_key (path, key);

      if (day_optional)
        set_error (error, WSP_CATALOG_ERROR_VALUE, child_path,
                   _("not a date (YYYY-MM or YYYY-MM-DD)"));
      else
        set_error (error, WSP_CATALOG_ERROR_VALUE, child_path, _("not a date (YYYY-MM-DD)"));
      return NULL;
    }

  /* Not for the built-in catalog: a clock set back must not make the app abort. */
  if (!self->built_in && time * G_USEC_PER_SEC > g_get_real_time () + MAX_FUTURE)
    {
      g_autofree char *child_path = path_key (path, key);

      set_error (error, WSP_CATALOG_ERROR_FUTURE, child_path,
                 _("%s is more than two days after today"), text);
      return NULL;
    }

  return text;
}

/* Hosts and URLs */

/* Lower-case LDH labels, no empty label, no trailing dot. */
static gboolean
is_host_name (const char *host)
{
  gsize len = strlen (host);
  gsize label = 0;

  if (len == 0 || len > 253)
    return FALSE;

  for (gsize i = 0; i <= len; i++)
    {
      char c = host[i];

      if (c == '.' || c == '\0')
        {
          if (label == 0 || label > 63 || host[i - 1] == '-')
            return FALSE;
          label = 0;
        }
      else if (g_ascii_islower (c) || g_ascii_isdigit (c) || (c == '-' && label > 0))
        {
          label++;
        }
      else
        {
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
wsp_host_within (const char *host,
                 const char *domain)
{
  gsize host_len = strlen (host);
  gsize domain_len = strlen (domain);

  if (host_len == domain_len)
    return strcmp (host, domain) == 0;

  return host_len > domain_len &&
         host[host_len - domain_len - 1] == '.' &&
         strcmp (host + host_len - domain_len, domain) == 0;
}

static gboolean
host_is_allowed (const char *host)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_domains); i++)
    {
      if (wsp_host_within (host, allowed_domains[i]))
        return TRUE;
    }

  return FALSE;
}

/* The checks behind wsp_catalog_url_is_allowed(); the message is only the reason, so the
 * catalog can put the key path in front. @pages: also the page policy (wsp-url-policy.h), not
 * only the host. Returns the lower-cased host. */
static char *
check_url (const char  *url,
           gboolean     pages,
           GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  const char *scheme;
  int port;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL, _("empty address"));
      return NULL;
    }

  if (strlen (url) > MAX_TEXT)
    {
      g_set_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                   _("too long (more than %u bytes)"), MAX_TEXT);
      return NULL;
    }

  /* Printable ASCII only: browsers read a backslash as a slash, and white space or non-ASCII
   * letters are a way to make one host look like another. */
  for (const char *s = url; *s != '\0'; s++)
    {
      if ((guchar) *s <= 0x20 || (guchar) *s >= 0x7f || *s == '\\')
        {
          g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                               _("contains a character that does not belong in an address"));
          return NULL;
        }
    }

  /* Not G_URI_FLAGS_PARSE_RELAXED: stray characters and bad escapes are errors. */
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                           _("not a valid address"));
      return NULL;
    }

  /* GLib lower-cases the scheme; "exactly https" means the text too. */
  scheme = g_uri_get_scheme (uri);
  if (g_strcmp0 (scheme, "https") != 0 || !g_str_has_prefix (url, "https:"))
    {
      g_autofree char *raw_scheme = g_strndup (url, strcspn (url, ":"));

      g_set_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                   _("must use https (got %s)"), raw_scheme);
      return NULL;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                           _("must not contain a user name (text before @)"));
      return NULL;
    }

  port = g_uri_get_port (uri);
  if (port != -1 && port != 443)
    {
      g_set_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                   _("must not use port %d"), port);
      return NULL;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL, _("has no host"));
      return NULL;
    }

  if (g_hostname_is_ip_address (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                           _("must name a host, not an IP address"));
      return NULL;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);

  if (!is_host_name (host))
    {
      g_set_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                   _("%s is not a valid host name"), host);
      return NULL;
    }

  if (!host_is_allowed (host))
    {
      g_set_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                   _("host %s is not facebook.com, instagram.com, meta.com or a subdomain"),
                   host);
      return NULL;
    }

  if (pages)
    {
      g_autoptr(GError) policy_error = NULL;

      if (!wsp_url_policy_check (url, &policy_error))
        {
          g_set_error_literal (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL,
                               policy_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&host);
}

/* NULL is not allowed either, rather than a critical: URLs come from data, not from code. */
gboolean
wsp_catalog_url_is_allowed (const char  *url,
                            GError     **error)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  host = check_url (url, TRUE, error);
  return host != NULL;
}

gboolean
wsp_catalog_url_host_is_allowed (const char  *url,
                                 GError     **error)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  host = check_url (url, FALSE, error);
  return host != NULL;
}

/* Parts of the catalog */

static gboolean is_language_code (const char *code);

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const Note *note_a = *(const Note **) a;
  const Note *note_b = *(const Note **) b;

  /* Newest first */
  return strcmp (note_b->date, note_a->date);
}

/* "notes": what changed for the user, dated, in the app's languages; optional. */
static gboolean
load_notes (WspCatalog  *self,
            JsonObject  *root,
            GError     **error)
{
  g_autofree char *notes_path = NULL;
  JsonArray *notes;

  if (!json_object_has_member (root, "notes"))
    return TRUE;

  if (!(notes = get_array_member (root, "", "notes", MAX_NOTES, &notes_path, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      g_autofree char *note_path = path_index (notes_path, i);
      g_autofree char *text_path = NULL;
      g_autoptr(GList) languages = NULL;
      JsonObject *object;
      JsonObject *texts;
      Note *note;

      if (!(object = expect_object (json_array_get_element (notes, i), note_path, error)))
        return FALSE;

      note = g_new0 (Note, 1);
      note->texts = g_hash_table_new (g_str_hash, g_str_equal);
      g_ptr_array_add (self->notes, note);

      if (!(note->date = get_date_member (self, object, note_path, "date", FALSE, error)) ||
          !(texts = get_object_member (object, note_path, "text", &text_path, error)))
        return FALSE;

      languages = json_object_get_members (texts);
      if (g_list_length (languages) > MAX_LANGUAGES)
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, text_path, _("too many entries (at most %u)"),
                     MAX_LANGUAGES);
          return FALSE;
        }

      for (const GList *l = languages; l != NULL; l = l->next)
        {
          const char *language = l->data;
          const char *text;

          if (!is_language_code (language))
            {
              g_autofree char *language_path = path_key (text_path, language);

              set_error (error, WSP_CATALOG_ERROR_VALUE, language_path,
                         _("not a language code like “de” or “pt_BR”"));
              return FALSE;
            }

          if (!(text = get_text_member (self, texts, text_path, language, error)))
            return FALSE;

          g_hash_table_insert (note->texts,
                               g_string_chunk_insert_const (self->strings, language),
                               (gpointer) text);
        }

      if (!g_hash_table_contains (note->texts, "en"))
        {
          g_autofree char *en_path = path_key (text_path, "en");

          set_error (error, WSP_CATALOG_ERROR_MISSING, en_path, _("missing"));
          return FALSE;
        }
    }

  g_ptr_array_sort (self->notes, compare_notes);
  return TRUE;
}

static gboolean
load_schema (WspCatalog  *self,
             JsonObject  *root,
             GError     **error)
{
  g_autofree char *path = NULL;
  JsonNode *node;
  gint64 version;

  if (!(node = require_member (root, "", "schema", &path, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_error (error, WSP_CATALOG_ERROR_TYPE, path, _("must be an integer (got %s)"),
                 node_kind (node));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version != WSP_CATALOG_SCHEMA_VERSION)
    {
      /* The number goes in as text: xgettext cannot see through G_GINT64_FORMAT. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      set_error (error, WSP_CATALOG_ERROR_VERSION, path,
                 _("unknown version %s (this app reads version %d)"),
                 found, WSP_CATALOG_SCHEMA_VERSION);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static gboolean
is_iso_3166_code (const char *code)
{
  if (strlen (code) != 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;

  for (gsize i = 0; i + 1 < sizeof iso_3166_codes; i += 2)
    {
      if (iso_3166_codes[i] == code[0] && iso_3166_codes[i + 1] == code[1])
        return TRUE;
    }

  return FALSE;
}

static gboolean
load_countries (WspCatalog  *self,
                JsonObject  *root,
                GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *codes_path = NULL;
  JsonObject *countries;
  JsonArray *codes;

  if (!(countries = get_object_member (root, "", "countries", &path, error)))
    return FALSE;
  if (!(codes = get_array_member (countries, path, "codes", MAX_COUNTRIES, &codes_path, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      g_autofree char *code_path = path_index (codes_path, i);
      const char *code;

      if (!(code = expect_text (json_array_get_element (codes, i), code_path, error)))
        return FALSE;

      if (!is_iso_3166_code (code))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, code_path,
                     _("not an ISO 3166-1 alpha-2 code"));
          return FALSE;
        }

      if (g_hash_table_contains (self->countries, code))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, code_path, _("%s is listed twice"), code);
          return FALSE;
        }

      {
        const char *copy = g_string_chunk_insert_const (self->strings, code);

        g_hash_table_insert (self->countries, (gpointer) copy, (gpointer) copy);
      }
    }

  return get_date_member (self, countries, path, "confirmed", TRUE, error) != NULL &&
         get_text_member (self, countries, path, "source", error) != NULL;
}

/* A list of covered countries ("first_in", a fact's "countries"); each is handed to @add. */
static gboolean
load_country_list (WspCatalog  *self,
                   JsonObject  *object,
                   const char  *path,
                   const char  *key,
                   gboolean   (*add) (const char  *code,
                                      const char  *code_path,
                                      gpointer     data,
                                      GError     **error),
                   gpointer     data,
                   GError     **error)
{
  g_autofree char *list_path = NULL;
  JsonArray *codes;

  if (!(codes = get_array_member (object, path, key, MAX_COUNTRIES, &list_path, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      g_autofree char *code_path = path_index (list_path, i);
      const char *code;

      if (!(code = expect_text (json_array_get_element (codes, i), code_path, error)))
        return FALSE;

      if (!g_hash_table_contains (self->countries, code))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, code_path,
                     _("%s is not one of countries.codes"), code);
          return FALSE;
        }

      /* The set's own copy, which lives as long as the catalog. */
      if (!add (g_hash_table_lookup (self->countries, code), code_path, data, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_hosts (WspCatalog    *self,
            PlatformData  *platform,
            JsonObject    *object,
            const char    *path,
            GError       **error)
{
  g_autofree char *hosts_path = NULL;
  JsonArray *hosts;

  if (!(hosts = get_array_member (object, path, "hosts", MAX_HOSTS, &hosts_path, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (hosts); i++)
    {
      g_autofree char *host_path = path_index (hosts_path, i);
      const char *host;

      if (!(host = expect_text (json_array_get_element (hosts, i), host_path, error)))
        return FALSE;

      if (!is_host_name (host))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, host_path,
                     _("not a host name in lower case (got %s)"), host);
          return FALSE;
        }

      if (!host_is_allowed (host))
        {
          set_error (error, WSP_CATALOG_ERROR_URL, host_path,
                     _("%s is not facebook.com, instagram.com, meta.com or a subdomain"), host);
          return FALSE;
        }

      for (guint j = 0; j < platform->hosts->len; j++)
        {
          if (strcmp (g_ptr_array_index (platform->hosts, j), host) == 0)
            {
              set_error (error, WSP_CATALOG_ERROR_VALUE, host_path, _("%s is listed twice"), host);
              return FALSE;
            }
        }

      g_ptr_array_add (platform->hosts, g_string_chunk_insert (self->strings, host));
    }

  g_ptr_array_add (platform->hosts, NULL);
  return TRUE;
}

/* For wsp_catalog_get_link(): every link, wherever it stands. */
static void
list_link (WspCatalog           *self,
           const char           *path,
           const WspCatalogLink *link)
{
  ListedLink listed = { g_string_chunk_insert (self->strings, path), *link };

  g_array_append_val (self->all_links, listed);
}

/* The member "url" of @object: allowed, and on one of the platform's hosts. */
static const char *
get_url_member (WspCatalog    *self,
                PlatformData  *platform,
                JsonObject    *object,
                const char    *path,
                const char    *hosts_path,
                GError       **error)
{
  g_autoptr(GError) url_error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url_path = NULL;
  const char *url;
  gboolean on_hosts = FALSE;

  if (!(url = get_text_member (self, object, path, "url", error)))
    return NULL;

  url_path = path_key (path, "url");

  if (!(host = check_url (url, TRUE, &url_error)))
    {
      set_error (error, WSP_CATALOG_ERROR_URL, url_path, "%s", url_error->message);
      return NULL;
    }

  /* hosts is NULL-terminated by now */
  for (guint i = 0; i + 1 < platform->hosts->len; i++)
    on_hosts |= wsp_host_within (host, g_ptr_array_index (platform->hosts, i));

  if (!on_hosts)
    {
      set_error (error, WSP_CATALOG_ERROR_URL, url_path, _("host %s is not on %s"),
                 host, hosts_path);
      return NULL;
    }

  return url;
}

static gboolean
load_link (WspCatalog      *self,
           PlatformData    *platform,
           JsonNode        *node,
           const char      *path,
           const char      *hosts_path,
           WspCatalogLink  *link,
           GError         **error)
{
  JsonObject *object;

  if (!(object = expect_object (node, path, error)))
    return FALSE;

  if (!(link->url = get_url_member (self, platform, object, path, hosts_path, error)) ||
      !(link->confirmed = get_date_member (self, object, path, "confirmed", TRUE, error)) ||
      !(link->source = get_text_member (self, object, path, "source", error)))
    return FALSE;

  list_link (self, path, link);
  return TRUE;
}

/* "first_screen": { "kind": "yes" | "choice", "confirmed", "source" }, optional. */
static gboolean
load_first_screen (WspCatalog      *self,
                   JsonObject      *form,
                   const char      *path,
                   WspCatalogLink  *link,
                   GError         **error)
{
  g_autofree char *screen_path = NULL;
  g_autofree char *kind_path = NULL;
  JsonObject *screen;
  const char *kind;

  if (!json_object_has_member (form, "first_screen"))
    return TRUE;

  if (!(screen = get_object_member (form, path, "first_screen", &screen_path, error)) ||
      !(kind = get_text_member (self, screen, screen_path, "kind", error)))
    return FALSE;

  kind_path = path_key (screen_path, "kind");

  if (strcmp (kind, "yes") == 0)
    link->first_screen = WSP_FIRST_SCREEN_AI_QUESTION;
  else if (strcmp (kind, "choice") == 0)
    link->first_screen = WSP_FIRST_SCREEN_CHOICE;
  else
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, kind_path,
                 _("must be “yes” or “choice” (got %s)"), kind);
      return FALSE;
    }

  return (link->first_screen_confirmed = get_date_member (self, screen, screen_path, "confirmed",
                                                          TRUE, error)) &&
         (link->first_screen_source = get_text_member (self, screen, screen_path, "source",
                                                       error));
}

typedef struct {
  PlatformData *platform;
  guint index;
} FirstIn;

static gboolean
add_first_in (const char  *code,
              const char  *code_path,
              gpointer     data,
              GError     **error)
{
  FirstIn *first_in = data;

  if (g_hash_table_contains (first_in->platform->first_form, code))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, code_path,
                 _("%s already has a first form"), code);
      return FALSE;
    }

  g_hash_table_insert (first_in->platform->first_form, (gpointer) code,
                       GUINT_TO_POINTER (first_in->index + 1));
  return TRUE;
}

/* "de", "fra" or "pt_BR" */
static gboolean
is_language_code (const char *code)
{
  gsize len = 0;

  while (g_ascii_islower (code[len]))
    len++;

  if (len < 2 || len > 3)
    return FALSE;
  if (code[len] == '\0')
    return TRUE;

  return code[len] == '_' && g_ascii_isupper (code[len + 1]) && g_ascii_isupper (code[len + 2]) &&
         code[len + 3] == '\0';
}

/* A drawing's name, not a file: "phone-menu". Lower-case letters, digits and single inner
 * hyphens, so it can never reach outside the app's own drawings. */
static gboolean
is_illustration_name (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > MAX_NAME || name[0] == '-' || name[len - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (name[i] == '-' && name[i + 1] == '-')
        return FALSE;
      if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_steps (WspCatalog  *self,
            JsonArray   *array,
            const char  *path,
            GArray      *steps,
            GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *step_path = path_index (path, i);
      WspCatalogStep step = { NULL, };
      JsonObject *object;

      /* Keys other than these are left alone, for later versions. */
      if (!(object = expect_object (json_array_get_element (array, i), step_path, error)) ||
          !(step.label = get_text_member (self, object, step_path, "label", error)) ||
          !(step.help = get_text_member (self, object, step_path, "help", error)))
        return FALSE;

      if (json_object_has_member (object, "illustration"))
        {
          if (!(step.illustration = get_text_member (self, object, step_path, "illustration",
                                                     error)))
            return FALSE;

          if (!is_illustration_name (step.illustration))
            {
              g_autofree char *name_path = path_key (step_path, "illustration");

              set_error (error, WSP_CATALOG_ERROR_VALUE, name_path,
                         _("not a drawing’s name like “phone-menu” (got %s)"),
                         step.illustration);
              return FALSE;
            }
        }

      g_array_append_val (steps, step);
    }

  return TRUE;
}

/* The languages whose labels are English: the same steps as English, with the same labels, and
 * the English labels' date and source. The load made sure "en" is there. */
static gboolean
check_english_labels (PathData    *path_data,
                      const char  *steps_path,
                      GError     **error)
{
  const StepList *english = NULL;

  for (guint i = 0; i < path_data->step_lists->len && english == NULL; i++)
    {
      const StepList *list = g_ptr_array_index (path_data->step_lists, i);

      if (strcmp (list->language, "en") == 0)
        english = list;
    }

  g_assert (english != NULL);

  for (guint i = 0; i < path_data->step_lists->len; i++)
    {
      StepList *list = g_ptr_array_index (path_data->step_lists, i);
      g_autofree char *list_path = NULL;

      if (!list->english_labels)
        continue;

      list_path = path_key (steps_path, list->language);

      if (list->steps->len != english->steps->len)
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, list_path,
                     _("must have the English labels’ %u steps"), english->steps->len);
          return FALSE;
        }

      for (guint j = 0; j < list->steps->len; j++)
        {
          const char *label = g_array_index (list->steps, WspCatalogStep, j).label;
          const char *english_label = g_array_index (english->steps, WspCatalogStep, j).label;

          if (strcmp (label, english_label) != 0)
            {
              g_autofree char *step_path = path_index (list_path, j);
              g_autofree char *label_path = path_key (step_path, "label");

              set_error (error, WSP_CATALOG_ERROR_VALUE, label_path,
                         _("must be the English label “%s” (this language’s labels have no "
                           "source)"), english_label);
              return FALSE;
            }
        }

      list->confirmed = english->confirmed;
      list->source = english->source;
    }

  return TRUE;
}

/* "sources": where the labels in each language come from. Exactly the languages of "steps":
 * a language without its own source would be a label nobody reported. */
static gboolean
load_sources (WspCatalog  *self,
              PathData    *path_data,
              JsonObject  *object,
              const char  *path,
              const char  *steps_path,
              GError     **error)
{
  g_autofree char *sources_path = NULL;
  g_autoptr(GList) languages = NULL;
  JsonObject *sources;

  if (!(sources = get_object_member (object, path, "sources", &sources_path, error)))
    return FALSE;

  languages = json_object_get_members (sources);

  for (const GList *l = languages; l != NULL; l = l->next)
    {
      const char *language = l->data;
      g_autofree char *source_path = path_key (sources_path, language);
      gboolean found = FALSE;

      for (guint i = 0; i < path_data->step_lists->len && !found; i++)
        found = strcmp (((StepList *) g_ptr_array_index (path_data->step_lists, i))->language,
                        language) == 0;

      if (!found)
        {
          g_autofree char *list_path = path_key (steps_path, language);

          set_error (error, WSP_CATALOG_ERROR_VALUE, source_path,
                     _("names a language that %s does not have"), list_path);
          return FALSE;
        }
    }

  for (guint i = 0; i < path_data->step_lists->len; i++)
    {
      StepList *list = g_ptr_array_index (path_data->step_lists, i);
      g_autofree char *source_path = NULL;
      JsonObject *source;

      if (!(source = get_object_member (sources, sources_path, list->language, &source_path,
                                        error)))
        return FALSE;

      /* {"labels": "en"}: no source for this language's labels, so they are English */
      if (json_object_has_member (source, "labels") && strcmp (list->language, "en") != 0)
        {
          const char *labels = get_text_member (self, source, source_path, "labels", error);

          if (labels == NULL)
            return FALSE;
          if (strcmp (labels, "en") != 0)
            {
              g_autofree char *labels_path = path_key (source_path, "labels");

              set_error (error, WSP_CATALOG_ERROR_VALUE, labels_path,
                         _("must be “en”: only English labels stand in for a language’s own"));
              return FALSE;
            }

          list->english_labels = TRUE;
          continue;
        }

      if (!(list->confirmed = get_date_member (self, source, source_path, "confirmed", TRUE,
                                               error)) ||
          !(list->source = get_text_member (self, source, source_path, "source", error)))
        return FALSE;
    }

  return check_english_labels (path_data, steps_path, error);
}

static gboolean
load_path (WspCatalog    *self,
           PlatformData  *platform,
           WspRoute       route,
           JsonObject    *object,
           const char    *path,
           const char    *hosts_path,
           GError       **error)
{
  PathData *path_data = &platform->paths[route];
  g_autofree char *steps_path = NULL;
  g_autoptr(GList) languages = NULL;
  JsonObject *steps;
  gboolean has_english = FALSE;

  if (!(path_data->confirmed = get_date_member (self, object, path, "confirmed", TRUE, error)) ||
      !(path_data->source = get_text_member (self, object, path, "source", error)))
    return FALSE;

  /* The route that starts from a page of its own names it; the others start in the app. */
  if (route == WSP_ROUTE_GENAI)
    {
      WspCatalogLink link = { NULL, path_data->confirmed, path_data->source };

      if (!(link.url = path_data->url = get_url_member (self, platform, object, path, hosts_path,
                                                        error)))
        return FALSE;
      list_link (self, path, &link);
    }

  if (!(steps = get_object_member (object, path, "steps", &steps_path, error)))
    return FALSE;

  languages = json_object_get_members (steps);

  if (languages == NULL)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, steps_path, _("must not be empty"));
      return FALSE;
    }

  if (g_list_length (languages) > MAX_LANGUAGES)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, steps_path, _("too many entries (at most %u)"),
                 MAX_LANGUAGES);
      return FALSE;
    }

  for (const GList *l = languages; l != NULL; l = l->next)
    {
      const char *language = l->data;
      g_autofree char *list_path = path_key (steps_path, language);
      StepList *list;
      JsonArray *array;

      if (!is_language_code (language))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, list_path,
                     _("not a language code like “de” or “pt_BR”"));
          return FALSE;
        }

      if (!(array = expect_array (json_object_get_member (steps, language), list_path,
                                  MAX_STEPS, error)))
        return FALSE;

      list = g_new0 (StepList, 1);
      list->language = g_string_chunk_insert_const (self->strings, language);
      list->steps = g_array_sized_new (FALSE, TRUE, sizeof (WspCatalogStep),
                                       json_array_get_length (array));
      g_ptr_array_add (path_data->step_lists, list);

      if (!load_steps (self, array, list_path, list->steps, error))
        return FALSE;

      g_hash_table_add (self->languages, (gpointer) list->language);
      has_english |= strcmp (language, "en") == 0;
    }

  /* English is what every other language falls back to. */
  if (!has_english)
    {
      g_autofree char *en_path = path_key (steps_path, "en");

      set_error (error, WSP_CATALOG_ERROR_MISSING, en_path, _("missing"));
      return FALSE;
    }

  return load_sources (self, path_data, object, path, steps_path, error);
}

static gboolean
load_platform (WspCatalog    *self,
               PlatformData  *platform,
               JsonObject    *object,
               const char    *path,
               GError       **error)
{
  g_autofree char *forms_path = NULL;
  g_autofree char *hosts_path = NULL;
  g_autofree char *paths_path = NULL;
  g_autofree char *privacy_path = NULL;
  JsonObject *paths;
  JsonArray *forms;
  JsonNode *node;

  if (!load_hosts (self, platform, object, path, error))
    return FALSE;

  hosts_path = path_key (path, "hosts");

  if (!(forms = get_array_member (object, path, "forms", MAX_FORMS, &forms_path, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (forms); i++)
    {
      g_autofree char *form_path = path_index (forms_path, i);
      WspCatalogLink link = { NULL, };

      FirstIn first_in = { platform, i };
      JsonObject *form;

      if (!load_link (self, platform, json_array_get_element (forms, i), form_path, hosts_path,
                      &link, error))
        return FALSE;

      form = json_array_get_object_element (forms, i);
      if (!load_first_screen (self, form, form_path, &link, error))
        return FALSE;
      if (json_object_has_member (form, "first_in") &&
          !load_country_list (self, form, form_path, "first_in", add_first_in, &first_in, error))
        return FALSE;

      g_array_append_val (platform->forms, link);
    }

  if (!(node = require_member (object, path, "privacy_center", &privacy_path, error)) ||
      !load_link (self, platform, node, privacy_path, hosts_path, &platform->privacy_center,
                  error))
    return FALSE;

  if (!(paths = get_object_member (object, path, "paths", &paths_path, error)))
    return FALSE;

  for (guint r = 0; r < WSP_N_ROUTES; r++)
    {
      g_autofree char *route_path = NULL;
      JsonObject *route;

      if (r >= N_REQUIRED_ROUTES && !json_object_has_member (paths, wsp_route_get_id (r)))
        continue;

      if (!(route = get_object_member (paths, paths_path, wsp_route_get_id (r), &route_path, error)) ||
          !load_path (self, platform, r, route, route_path, hosts_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_fact_country (const char  *code,
                  const char  *code_path,
                  gpointer     data,
                  GError     **error)
{
  FactData *fact = data;

  for (guint i = 0; i < fact->countries->len; i++)
    {
      if (strcmp (g_ptr_array_index (fact->countries, i), code) == 0)
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, code_path, _("%s is listed twice"), code);
          return FALSE;
        }
    }

  g_ptr_array_add (fact->countries, (gpointer) code);
  return TRUE;
}

/* The id of a fact: lower-case letters, digits and inner underscores. */
static gboolean
is_fact_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_NAME || id[0] == '_' || id[len - 1] == '_')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '_')
      return FALSE;

  return TRUE;
}

/* "facts": { "<id>": { "confirmed", "source", "countries"? }, ... } */
static gboolean
load_facts (WspCatalog  *self,
            JsonObject  *root,
            GError     **error)
{
  g_autofree char *facts_path = NULL;
  g_autoptr(GList) ids = NULL;
  JsonObject *facts;

  if (!(facts = get_object_member (root, "", "facts", &facts_path, error)))
    return FALSE;

  ids = json_object_get_members (facts);

  if (g_list_length (ids) > MAX_FACTS)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, facts_path, _("too many entries (at most %u)"),
                 MAX_FACTS);
      return FALSE;
    }

  for (const GList *l = ids; l != NULL; l = l->next)
    {
      g_autofree char *fact_path = path_key (facts_path, l->data);
      JsonObject *object;
      FactData *fact;

      if (!is_fact_id (l->data))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, fact_path,
                     _("not a fact’s name like “emailed_code”"));
          return FALSE;
        }

      if (!(object = expect_object (json_object_get_member (facts, l->data), fact_path, error)))
        return FALSE;

      fact = g_new0 (FactData, 1);
      fact->fact.id = g_string_chunk_insert_const (self->strings, l->data);
      g_hash_table_insert (self->facts, (gpointer) fact->fact.id, fact);

      if (!(fact->fact.confirmed = get_date_member (self, object, fact_path, "confirmed", TRUE,
                                                    error)) ||
          !(fact->fact.source = get_text_member (self, object, fact_path, "source", error)))
        return FALSE;

      if (json_object_has_member (object, "countries"))
        {
          fact->countries = g_ptr_array_new ();
          if (!load_country_list (self, object, fact_path, "countries", add_fact_country, fact,
                                  error))
            return FALSE;
          g_ptr_array_add (fact->countries, NULL);
          fact->fact.countries = (const char * const *) fact->countries->pdata;
        }
    }

  return TRUE;
}

gboolean
wsp_catalog_load (WspCatalog  *self,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *platforms_path = NULL;
  JsonObject *root;
  JsonObject *platforms;
  JsonNode *root_node;
  const char *data;
  WspJsonProblem problem;
  gboolean blank = TRUE;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i < size && blank; i++)
    blank = g_ascii_isspace (data[i]);

  if (blank)
    {
      set_error (error, WSP_CATALOG_ERROR_EMPTY, "", _("no data"));
      return FALSE;
    }

  if (size > MAX_SIZE)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, "", _("larger than %u bytes"), MAX_SIZE);
      return FALSE;
    }

  problem = wsp_json_check (data, size, MAX_DEPTH);
  if (problem == WSP_JSON_TOO_DEEP)
    {
      set_error (error, WSP_CATALOG_ERROR_PARSE, "", _("not JSON: nested deeper than %u levels"),
                 MAX_DEPTH);
      return FALSE;
    }
  else if (problem != WSP_JSON_OK)
    {
      /* Bad escapes are bad text in a value; the rest is not JSON at all. */
      set_error (error,
                 problem == WSP_JSON_NUL || problem == WSP_JSON_BROKEN_ESCAPE
                   ? WSP_CATALOG_ERROR_VALUE : WSP_CATALOG_ERROR_PARSE,
                 "", "%s", wsp_json_problem_message (problem));
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      set_error (error, WSP_CATALOG_ERROR_PARSE, "", _("not JSON: %s"), parse_error->message);
      return FALSE;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL)
    {
      set_error (error, WSP_CATALOG_ERROR_EMPTY, "", _("no data"));
      return FALSE;
    }

  if (!(root = expect_object (root_node, "", error)))
    return FALSE;

  /* The version first: a later schema may have changed everything else. */
  if (!load_schema (self, root, error))
    return FALSE;

  if (!(self->updated = get_date_member (self, root, "", "updated", FALSE, error)))
    return FALSE;

  if (!load_countries (self, root, error))
    return FALSE;

  if (!load_notes (self, root, error))
    return FALSE;

  if (!(platforms = get_object_member (root, "", "platforms", &platforms_path, error)))
    return FALSE;

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    {
      g_autofree char *platform_path = NULL;
      JsonObject *platform;

      if (!(platform = get_object_member (platforms, platforms_path, wsp_platform_get_id (p),
                                          &platform_path, error)) ||
          !load_platform (self, &self->platforms[p], platform, platform_path, error))
        return FALSE;
    }

  /* The form about information from third parties lives on Facebook's hosts. */
  {
    g_autofree char *third_path = NULL;
    g_autofree char *hosts_path = g_strdup ("platforms.facebook.hosts");
    JsonNode *node;

    if (!(node = require_member (root, "", "third_party_form", &third_path, error)) ||
        !load_link (self, &self->platforms[WSP_PLATFORM_FACEBOOK], node, third_path, hosts_path,
                    &self->third_party, error))
      return FALSE;
  }

  return load_facts (self, root, error);
}
