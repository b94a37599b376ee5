/* wsp-catalog-loader.c: reads catalog.json into a WspCatalog and checks every part of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the bottom up: wsp_catalog_load() checks the bytes and walks the parts in order. Most
 * parts are a table of Field lines (key, kind, required, check, destination) read by
 * load_fields(); lists go through load_list(), objects keyed by language or id through
 * load_members(). Above them: the typed getters that write the "<key path>: <reason>"
 * messages, the dates and the app's own allow list of hosts (the pages within them:
 * wsp-url-policy.c).
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

/* What the loader carries from part to part. */
typedef struct {
  WspCatalog *catalog;
  PlatformData *platform;       /* the links being read must be on its hosts */
  const char *hosts_path;       /* "platforms.facebook.hosts", for the message */
} Loader;

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

/* Returns the text copied into the catalog's string chunk. */
static const char *
get_text_member (Loader      *loader,
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

  return g_string_chunk_insert (loader->catalog->strings, text);
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
get_date_member (Loader      *loader,
                 JsonObject  *object,
                 const char  *path,
                 const char  *key,
                 gboolean     day_optional,
                 GError     **error)
{
  const char *text;
  gint64 time;

  if (!(text = get_text_member (loader, object, path, key, error)))
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
  if (!loader->catalog->built_in && time * G_USEC_PER_SEC > g_get_real_time () + MAX_FUTURE)
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

/* The member "url" of @object: allowed, and on one of loader->platform's hosts. */
static const char *
get_url_member (Loader      *loader,
                JsonObject  *object,
                const char  *path,
                GError     **error)
{
  g_autoptr(GError) url_error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url_path = NULL;
  const char *url;
  gboolean on_hosts = FALSE;

  if (!(url = get_text_member (loader, object, path, "url", error)))
    return NULL;

  url_path = path_key (path, "url");

  if (!(host = check_url (url, TRUE, &url_error)))
    {
      set_error (error, WSP_CATALOG_ERROR_URL, url_path, "%s", url_error->message);
      return NULL;
    }

  /* hosts is NULL-terminated by now */
  for (guint i = 0; i + 1 < loader->platform->hosts->len; i++)
    on_hosts |= wsp_host_within (host, g_ptr_array_index (loader->platform->hosts, i));

  if (!on_hosts)
    {
      set_error (error, WSP_CATALOG_ERROR_URL, url_path, _("host %s is not on %s"),
                 host, loader->hosts_path);
      return NULL;
    }

  return url;
}

/* Names and codes */

/* ISO 3166-1 alpha-2, upper case, from the table above. */
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

/* Fields: what most parts of the catalog are made of, read by one table-driven function */

typedef enum {
  FIELD_TEXT,      /* a string with visible content */
  FIELD_MONTH,     /* a date, "YYYY-MM" or "YYYY-MM-DD" */
  FIELD_DAY,       /* a date, "YYYY-MM-DD" */
  FIELD_URL,       /* an allowed address on the hosts of the platform being loaded */
  FIELD_TEXTS,     /* a list of 1 to max strings, each handed to the check */
} FieldKind;

typedef struct _Field Field;

/* What a callback of the tables below is handed: where it is and what it fills. */
typedef struct {
  Loader *loader;
  const char *path;             /* "platforms.facebook.forms[0]", for the messages */
  const char *text;             /* a field: its text, checked for its kind */
  JsonNode *node;               /* an entry of a list, a member of an object */
  guint index;                  /* an entry: its place in the list */
  const char *name;             /* a member: its name */
  const Field *field;           /* a field, or the list an entry is of */
  gpointer dest;                /* what the table fills */
} Part;

/* Checks (and may keep) a field's text or an entry of a list, loads an entry or a member;
 * sets @error with the reason. */
typedef gboolean (*PartFunc) (const Part  *part,
                              GError     **error);

struct _Field {
  const char *key;
  FieldKind kind;
  gboolean required;
  PartFunc check;           /* after the kind's checks; NULL: none */
  glong dest;               /* offset of the const char * in @dest the text goes to, or NO_DEST */
  guint max;                /* FIELD_TEXTS: at most this many entries */
};

#define NO_DEST -1
#define FIELD_AT(type, member) G_STRUCT_OFFSET (type, member)

/* The list @part->node, 1 to @max entries, each handed to @load_entry. */
static gboolean
load_entries (const Part  *part,
              guint        max,
              PartFunc     load_entry,
              GError     **error)
{
  JsonArray *list;

  if (!(list = expect_array (part->node, part->path, max, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *entry_path = path_index (part->path, i);
      Part entry = { .loader = part->loader, .path = entry_path,
                     .node = json_array_get_element (list, i), .index = i,
                     .field = part->field, .dest = part->dest };

      if (!load_entry (&entry, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_list (Loader      *loader,
           JsonObject  *parent,
           const char  *path,
           const char  *key,
           guint        max,
           PartFunc     load_entry,
           const Field *field,
           gpointer     dest,
           GError     **error)
{
  Part list = { .loader = loader, .field = field, .dest = dest };
  g_autofree char *list_path = NULL;

  if (!(list.node = require_member (parent, path, key, &list_path, error)))
    return FALSE;

  list.path = list_path;
  return load_entries (&list, max, load_entry, error);
}

/* An entry of a FIELD_TEXTS list */
static gboolean
load_text_entry (const Part  *part,
                 GError     **error)
{
  Part text = *part;

  return (text.text = expect_text (part->node, part->path, error)) &&
         part->field->check (&text, error);
}

static gboolean
load_fields (Loader       *loader,
             JsonObject   *object,
             const char   *path,
             const Field  *fields,
             guint         n_fields,
             gpointer      dest,
             GError      **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      const char *text = NULL;

      if (!field->required && !json_object_has_member (object, field->key))
        continue;

      switch (field->kind)
        {
        case FIELD_TEXTS:
          if (!load_list (loader, object, path, field->key, field->max, load_text_entry, field,
                          dest, error))
            return FALSE;
          continue;
        case FIELD_URL:
          g_assert (strcmp (field->key, "url") == 0);
          text = get_url_member (loader, object, path, error);
          break;
        case FIELD_MONTH:
        case FIELD_DAY:
          text = get_date_member (loader, object, path, field->key, field->kind == FIELD_MONTH,
                                  error);
          break;
        case FIELD_TEXT:
        default:
          text = get_text_member (loader, object, path, field->key, error);
          break;
        }

      if (text == NULL)
        return FALSE;

      if (field->check != NULL)
        {
          g_autofree char *field_path = path_key (path, field->key);
          Part part = { .loader = loader, .path = field_path, .text = text, .field = field,
                        .dest = dest };

          if (!field->check (&part, error))
            return FALSE;
        }

      if (field->dest != NO_DEST)
        G_STRUCT_MEMBER (const char *, dest, field->dest) = text;
    }

  return TRUE;
}

#define LOAD_FIELDS(loader, object, path, table, dest, error) \
  load_fields ((loader), (object), (path), (table), G_N_ELEMENTS (table), (dest), (error))

/* An object keyed by language code or id ("steps", a note's "text", "facts"). */
typedef struct {
  gboolean non_empty;
  guint max;                          /* at most this many members */
  gboolean (*name_ok) (const char *name);
  const char *bad_name;               /* why name_ok() refused, untranslated */
  gboolean needs_english;             /* what every other language falls back to */
  PartFunc load_member;
} Members;

static gboolean
load_members (Loader         *loader,
              JsonObject     *parent,
              const char     *path,
              const char     *key,
              const Members  *members,
              gpointer        dest,
              GError        **error)
{
  g_autofree char *object_path = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (!(object = get_object_member (parent, path, key, &object_path, error)))
    return FALSE;

  names = json_object_get_members (object);

  if (members->non_empty && names == NULL)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, object_path, _("must not be empty"));
      return FALSE;
    }

  if (g_list_length (names) > members->max)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, object_path, _("too many entries (at most %u)"),
                 members->max);
      return FALSE;
    }

  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *member_path = path_key (object_path, l->data);
      Part member = { .loader = loader, .path = member_path,
                      .node = json_object_get_member (object, l->data), .name = l->data,
                      .dest = dest };

      if (!members->name_ok (l->data))
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, member_path, "%s", _(members->bad_name));
          return FALSE;
        }

      if (!members->load_member (&member, error))
        return FALSE;
    }

  if (members->needs_english && !json_object_has_member (object, "en"))
    {
      g_autofree char *en_path = path_key (object_path, "en");

      set_error (error, WSP_CATALOG_ERROR_MISSING, en_path, _("missing"));
      return FALSE;
    }

  return TRUE;
}

/* The catalog's countries */

static gboolean
check_country_code (const Part  *part,
                    GError     **error)
{
  WspCatalog *catalog = part->loader->catalog;

  if (!is_iso_3166_code (part->text))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path, _("not an ISO 3166-1 alpha-2 code"));
      return FALSE;
    }

  if (g_hash_table_contains (catalog->countries, part->text))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path, _("%s is listed twice"), part->text);
      return FALSE;
    }

  g_hash_table_add (catalog->countries,
                    (gpointer) g_string_chunk_insert_const (catalog->strings, part->text));
  return TRUE;
}

static const Field country_fields[] = {
  { "codes", FIELD_TEXTS, TRUE, check_country_code, NO_DEST, MAX_COUNTRIES },
  { "confirmed", FIELD_MONTH, TRUE, NULL, NO_DEST },
  { "source", FIELD_TEXT, TRUE, NULL, NO_DEST },
};

/* An entry of a list of covered countries ("first_in", a fact's "countries"): one of
 * countries.codes. Returns the set's own copy, which lives as long as the catalog. */
static const char *
known_country (const Part  *part,
               GError     **error)
{
  const char *known = g_hash_table_lookup (part->loader->catalog->countries, part->text);

  if (known == NULL)
    set_error (error, WSP_CATALOG_ERROR_VALUE, part->path, _("%s is not one of countries.codes"),
               part->text);

  return known;
}

/* Adds @text to @list, unless it is there already. */
static gboolean
add_once (GPtrArray   *list,
          const char  *text,
          const char  *path,
          GError     **error)
{
  for (guint i = 0; i < list->len; i++)
    {
      if (strcmp (g_ptr_array_index (list, i), text) == 0)
        {
          set_error (error, WSP_CATALOG_ERROR_VALUE, path, _("%s is listed twice"), text);
          return FALSE;
        }
    }

  g_ptr_array_add (list, (gpointer) text);
  return TRUE;
}

/* Notes */

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const Note *note_a = *(const Note **) a;
  const Note *note_b = *(const Note **) b;

  /* Newest first */
  return strcmp (note_b->date, note_a->date);
}

static gboolean
load_note_text (const Part  *part,
                GError     **error)
{
  GStringChunk *strings = part->loader->catalog->strings;
  const char *text;

  if (!(text = expect_text (part->node, part->path, error)))
    return FALSE;

  g_hash_table_insert (((Note *) part->dest)->texts,
                       g_string_chunk_insert_const (strings, part->name),
                       g_string_chunk_insert (strings, text));
  return TRUE;
}

static const Field note_fields[] = {
  { "date", FIELD_DAY, TRUE, NULL, FIELD_AT (Note, date) },
};

static const Members note_texts = {
  FALSE, MAX_LANGUAGES, is_language_code, N_("not a language code like “de” or “pt_BR”"), TRUE,
  load_note_text,
};

static gboolean
load_note (const Part  *part,
           GError     **error)
{
  JsonObject *object;
  Note *note;

  if (!(object = expect_object (part->node, part->path, error)))
    return FALSE;

  note = g_new0 (Note, 1);
  note->texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (part->loader->catalog->notes, note);

  return LOAD_FIELDS (part->loader, object, part->path, note_fields, note, error) &&
         load_members (part->loader, object, part->path, "text", &note_texts, note, error);
}

/* Links */

/* For wsp_catalog_get_link(): every link, wherever it stands. */
static void
list_link (Loader               *loader,
           const char           *path,
           const WspCatalogLink *link)
{
  ListedLink listed = { g_string_chunk_insert (loader->catalog->strings, path), *link };

  g_array_append_val (loader->catalog->all_links, listed);
}

static const Field link_fields[] = {
  { "url", FIELD_URL, TRUE, NULL, FIELD_AT (WspCatalogLink, url) },
  { "confirmed", FIELD_MONTH, TRUE, NULL, FIELD_AT (WspCatalogLink, confirmed) },
  { "source", FIELD_TEXT, TRUE, NULL, FIELD_AT (WspCatalogLink, source) },
};

/* A link on the hosts of loader->platform. */
static gboolean
load_link (Loader          *loader,
           JsonNode        *node,
           const char      *path,
           WspCatalogLink  *link,
           GError         **error)
{
  JsonObject *object;

  if (!(object = expect_object (node, path, error)) ||
      !LOAD_FIELDS (loader, object, path, link_fields, link, error))
    return FALSE;

  list_link (loader, path, link);
  return TRUE;
}

static gboolean
load_link_member (Loader          *loader,
                  JsonObject      *object,
                  const char      *path,
                  const char      *key,
                  WspCatalogLink  *link,
                  GError         **error)
{
  g_autofree char *link_path = NULL;
  JsonNode *node;

  return (node = require_member (object, path, key, &link_path, error)) &&
         load_link (loader, node, link_path, link, error);
}

/* Forms */

static gboolean
check_first_screen (const Part  *part,
                    GError     **error)
{
  WspCatalogLink *link = part->dest;

  if (strcmp (part->text, "yes") == 0)
    link->first_screen = WSP_FIRST_SCREEN_AI_QUESTION;
  else if (strcmp (part->text, "choice") == 0)
    link->first_screen = WSP_FIRST_SCREEN_CHOICE;
  else
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path,
                 _("must be “yes” or “choice” (got %s)"), part->text);
      return FALSE;
    }

  return TRUE;
}

/* "first_screen": { "kind": "yes" | "choice", "confirmed", "source" } */
static const Field first_screen_fields[] = {
  { "kind", FIELD_TEXT, TRUE, check_first_screen, NO_DEST },
  { "confirmed", FIELD_MONTH, TRUE, NULL, FIELD_AT (WspCatalogLink, first_screen_confirmed) },
  { "source", FIELD_TEXT, TRUE, NULL, FIELD_AT (WspCatalogLink, first_screen_source) },
};

typedef struct {
  PlatformData *platform;
  guint index;
} FirstIn;

static gboolean
check_first_in (const Part  *part,
                GError     **error)
{
  FirstIn *first_in = part->dest;
  const char *known;

  if (!(known = known_country (part, error)))
    return FALSE;

  if (g_hash_table_contains (first_in->platform->first_form, known))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path, _("%s already has a first form"),
                 known);
      return FALSE;
    }

  g_hash_table_insert (first_in->platform->first_form, (gpointer) known,
                       GUINT_TO_POINTER (first_in->index + 1));
  return TRUE;
}

static const Field first_in_fields[] = {
  { "first_in", FIELD_TEXTS, FALSE, check_first_in, NO_DEST, MAX_COUNTRIES },
};

static gboolean
load_form (const Part  *part,
           GError     **error)
{
  PlatformData *platform = part->dest;
  g_autofree char *screen_path = NULL;
  WspCatalogLink link = { NULL, };
  FirstIn first_in = { platform, part->index };
  JsonObject *screen;
  JsonObject *form;

  /* Listed before the first screen is read: a form's entry in the list of links is the link. */
  if (!load_link (part->loader, part->node, part->path, &link, error))
    return FALSE;

  form = json_node_get_object (part->node);
  if (json_object_has_member (form, "first_screen") &&
      (!(screen = get_object_member (form, part->path, "first_screen", &screen_path, error)) ||
       !LOAD_FIELDS (part->loader, screen, screen_path, first_screen_fields, &link, error)))
    return FALSE;

  if (!LOAD_FIELDS (part->loader, form, part->path, first_in_fields, &first_in, error))
    return FALSE;

  g_array_append_val (platform->forms, link);
  return TRUE;
}

/* Menu paths */

static gboolean
check_illustration (const Part  *part,
                    GError     **error)
{
  if (!is_illustration_name (part->text))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path,
                 _("not a drawing’s name like “phone-menu” (got %s)"), part->text);
      return FALSE;
    }

  return TRUE;
}

/* Keys other than these are left alone, for later versions. */
static const Field step_fields[] = {
  { "label", FIELD_TEXT, TRUE, NULL, FIELD_AT (WspCatalogStep, label) },
  { "help", FIELD_TEXT, TRUE, NULL, FIELD_AT (WspCatalogStep, help) },
  { "illustration", FIELD_TEXT, FALSE, check_illustration,
    FIELD_AT (WspCatalogStep, illustration) },
};

static gboolean
load_step (const Part  *part,
           GError     **error)
{
  WspCatalogStep step = { NULL, };
  JsonObject *object;

  if (!(object = expect_object (part->node, part->path, error)) ||
      !LOAD_FIELDS (part->loader, object, part->path, step_fields, &step, error))
    return FALSE;

  g_array_append_val ((GArray *) part->dest, step);
  return TRUE;
}

/* steps.<language>: a list of steps */
static gboolean
load_step_list (const Part  *part,
                GError     **error)
{
  WspCatalog *catalog = part->loader->catalog;
  StepList *list = g_new0 (StepList, 1);
  Part steps = *part;

  list->language = g_string_chunk_insert_const (catalog->strings, part->name);
  list->steps = g_array_new (FALSE, TRUE, sizeof (WspCatalogStep));
  g_ptr_array_add (((PathData *) part->dest)->step_lists, list);

  steps.dest = list->steps;
  if (!load_entries (&steps, MAX_STEPS, load_step, error))
    return FALSE;

  g_hash_table_add (catalog->languages, (gpointer) list->language);
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

static gboolean
check_english (const Part  *part,
               GError     **error)
{
  if (strcmp (part->text, "en") != 0)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path,
                 _("must be “en”: only English labels stand in for a language’s own"));
      return FALSE;
    }

  ((StepList *) part->dest)->english_labels = TRUE;
  return TRUE;
}

/* {"labels": "en"}: no source for this language's labels, so they are English */
static const Field english_labels_fields[] = {
  { "labels", FIELD_TEXT, TRUE, check_english, NO_DEST },
};

static const Field labels_source_fields[] = {
  { "confirmed", FIELD_MONTH, TRUE, NULL, FIELD_AT (StepList, confirmed) },
  { "source", FIELD_TEXT, TRUE, NULL, FIELD_AT (StepList, source) },
};

/* "sources": where the labels in each language come from. Exactly the languages of "steps":
 * a language without its own source would be a label nobody reported. */
static gboolean
load_sources (Loader      *loader,
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
      gboolean found = FALSE;

      for (guint i = 0; i < path_data->step_lists->len && !found; i++)
        found = strcmp (((StepList *) g_ptr_array_index (path_data->step_lists, i))->language,
                        language) == 0;

      if (!found)
        {
          g_autofree char *source_path = path_key (sources_path, language);
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

      if (json_object_has_member (source, "labels") && strcmp (list->language, "en") != 0
          ? !LOAD_FIELDS (loader, source, source_path, english_labels_fields, list, error)
          : !LOAD_FIELDS (loader, source, source_path, labels_source_fields, list, error))
        return FALSE;
    }

  return check_english_labels (path_data, steps_path, error);
}

static const Field path_fields[] = {
  { "confirmed", FIELD_MONTH, TRUE, NULL, FIELD_AT (PathData, confirmed) },
  { "source", FIELD_TEXT, TRUE, NULL, FIELD_AT (PathData, source) },
};

/* The route that starts from a page of its own names it; the others start in the app. */
static const Field page_path_fields[] = {
  { "url", FIELD_URL, TRUE, NULL, FIELD_AT (PathData, url) },
};

static const Members path_steps = {
  TRUE, MAX_LANGUAGES, is_language_code, N_("not a language code like “de” or “pt_BR”"), TRUE,
  load_step_list,
};

static gboolean
load_path (Loader      *loader,
           PathData    *path_data,
           WspRoute     route,
           JsonObject  *object,
           const char  *path,
           GError     **error)
{
  g_autofree char *steps_path = path_key (path, "steps");

  if (!LOAD_FIELDS (loader, object, path, path_fields, path_data, error))
    return FALSE;

  if (route == WSP_ROUTE_GENAI)
    {
      WspCatalogLink link = { NULL, path_data->confirmed, path_data->source };

      if (!LOAD_FIELDS (loader, object, path, page_path_fields, path_data, error))
        return FALSE;
      link.url = path_data->url;
      list_link (loader, path, &link);
    }

  return load_members (loader, object, path, "steps", &path_steps, path_data, error) &&
         load_sources (loader, path_data, object, path, steps_path, error);
}

/* Platforms */

static gboolean
check_host (const Part  *part,
            GError     **error)
{
  PlatformData *platform = part->dest;

  if (!is_host_name (part->text))
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, part->path,
                 _("not a host name in lower case (got %s)"), part->text);
      return FALSE;
    }

  if (!host_is_allowed (part->text))
    {
      set_error (error, WSP_CATALOG_ERROR_URL, part->path,
                 _("%s is not facebook.com, instagram.com, meta.com or a subdomain"), part->text);
      return FALSE;
    }

  return add_once (platform->hosts,
                   g_string_chunk_insert (part->loader->catalog->strings, part->text),
                   part->path, error);
}

static const Field hosts_fields[] = {
  { "hosts", FIELD_TEXTS, TRUE, check_host, NO_DEST, MAX_HOSTS },
};

static gboolean
load_platform (Loader        *loader,
               PlatformData  *platform,
               JsonObject    *object,
               const char    *path,
               GError       **error)
{
  g_autofree char *hosts_path = path_key (path, "hosts");
  g_autofree char *paths_path = NULL;
  JsonObject *paths;

  if (!LOAD_FIELDS (loader, object, path, hosts_fields, platform, error))
    return FALSE;
  g_ptr_array_add (platform->hosts, NULL);

  /* Every link below must be on these hosts. */
  loader->platform = platform;
  loader->hosts_path = hosts_path;

  if (!load_list (loader, object, path, "forms", MAX_FORMS, load_form, NULL, platform, error) ||
      !load_link_member (loader, object, path, "privacy_center", &platform->privacy_center,
                         error) ||
      !(paths = get_object_member (object, path, "paths", &paths_path, error)))
    return FALSE;

  for (guint r = 0; r < WSP_N_ROUTES; r++)
    {
      const char *id = wsp_route_get_id (r);
      g_autofree char *route_path = NULL;
      JsonObject *route;

      if (r >= N_REQUIRED_ROUTES && !json_object_has_member (paths, id))
        continue;

      if (!(route = get_object_member (paths, paths_path, id, &route_path, error)) ||
          !load_path (loader, &platform->paths[r], r, route, route_path, error))
        return FALSE;
    }

  return TRUE;
}

/* Facts */

static gboolean
check_fact_country (const Part  *part,
                    GError     **error)
{
  FactData *fact = part->dest;
  const char *known;

  if (!(known = known_country (part, error)))
    return FALSE;

  if (fact->countries == NULL)
    fact->countries = g_ptr_array_new ();

  return add_once (fact->countries, known, part->path, error);
}

static const Field fact_fields[] = {
  { "confirmed", FIELD_MONTH, TRUE, NULL, FIELD_AT (FactData, fact.confirmed) },
  { "source", FIELD_TEXT, TRUE, NULL, FIELD_AT (FactData, fact.source) },
  { "countries", FIELD_TEXTS, FALSE, check_fact_country, NO_DEST, MAX_COUNTRIES },
};

/* facts.<id>: { "confirmed", "source", "countries"? } */
static gboolean
load_fact (const Part  *part,
           GError     **error)
{
  JsonObject *object;
  FactData *fact;

  if (!(object = expect_object (part->node, part->path, error)))
    return FALSE;

  fact = g_new0 (FactData, 1);
  fact->fact.id = g_string_chunk_insert_const (part->loader->catalog->strings, part->name);
  g_hash_table_insert (part->loader->catalog->facts, (gpointer) fact->fact.id, fact);

  if (!LOAD_FIELDS (part->loader, object, part->path, fact_fields, fact, error))
    return FALSE;

  if (fact->countries != NULL)
    {
      g_ptr_array_add (fact->countries, NULL);
      fact->fact.countries = (const char * const *) fact->countries->pdata;
    }

  return TRUE;
}

static const Members facts = {
  FALSE, MAX_FACTS, is_fact_id, N_("not a fact’s name like “emailed_code”"), FALSE, load_fact,
};

/* The data protection authorities: text like the rest, but each address on the hosts compiled
 * in for its country (wsp-authorities.c), never on hosts the catalog names. */

static gboolean
check_authority_url (const Part  *part,
                     GError     **error)
{
  const WspAuthority *authority = part->dest;
  g_autoptr(GError) url_error = NULL;

  if (!wsp_authority_url_is_allowed (authority->country, part->text, &url_error))
    {
      set_error (error, WSP_CATALOG_ERROR_AUTHORITY_URL, part->path, "%s", url_error->message);
      return FALSE;
    }

  return TRUE;
}

static const Field authority_fields[] = {
  { "name", FIELD_TEXT, TRUE, NULL, FIELD_AT (WspAuthority, name) },
  { "url", FIELD_TEXT, TRUE, check_authority_url, FIELD_AT (WspAuthority, url) },
  { "confirmed", FIELD_MONTH, TRUE, NULL, FIELD_AT (WspAuthority, confirmed) },
  { "source", FIELD_TEXT, TRUE, NULL, FIELD_AT (WspAuthority, source) },
};

/* authorities.<country>: { "name", "url", "confirmed", "source", "federal_states"? }, for one
 * of countries.codes */
static gboolean
load_authority (const Part  *part,
                GError     **error)
{
  Part code = { .loader = part->loader, .path = part->path, .text = part->name };
  WspAuthority *authority;
  const char *country;
  JsonObject *object;
  JsonNode *federal;

  if (!(object = expect_object (part->node, part->path, error)) ||
      !(country = known_country (&code, error)))
    return FALSE;

  authority = g_new0 (WspAuthority, 1);
  authority->country = country;
  g_ptr_array_add (part->loader->catalog->authorities, authority);

  if (!LOAD_FIELDS (part->loader, object, part->path, authority_fields, authority, error))
    return FALSE;

  if ((federal = json_object_get_member (object, "federal_states")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (federal) || json_node_get_value_type (federal) != G_TYPE_BOOLEAN)
        {
          g_autofree char *federal_path = path_key (part->path, "federal_states");

          set_error (error, WSP_CATALOG_ERROR_TYPE, federal_path,
                     _("must be true or false (got %s)"), node_kind (federal));
          return FALSE;
        }
      authority->federal_states = json_node_get_boolean (federal);
    }

  return TRUE;
}

static const Members authorities = {
  TRUE, MAX_COUNTRIES, is_iso_3166_code, N_("not an ISO 3166-1 alpha-2 code"), FALSE,
  load_authority,
};

/* The whole catalog */

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

static const Field root_fields[] = {
  { "updated", FIELD_DAY, TRUE, NULL, FIELD_AT (WspCatalog, updated) },
};

/* The JSON tree of @bytes, once the checks json-glib 1.6 needs have passed; NULL with @error
 * set otherwise. */
static JsonParser *
parse (GBytes  *bytes,
       GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
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
      return NULL;
    }

  if (size > MAX_SIZE)
    {
      set_error (error, WSP_CATALOG_ERROR_VALUE, "", _("larger than %u bytes"), MAX_SIZE);
      return NULL;
    }

  problem = wsp_json_check (data, size, MAX_DEPTH);
  if (problem == WSP_JSON_TOO_DEEP)
    {
      set_error (error, WSP_CATALOG_ERROR_PARSE, "", _("not JSON: nested deeper than %u levels"),
                 MAX_DEPTH);
      return NULL;
    }
  else if (problem != WSP_JSON_OK)
    {
      /* Bad escapes are bad text in a value; the rest is not JSON at all. */
      set_error (error,
                 problem == WSP_JSON_NUL || problem == WSP_JSON_BROKEN_ESCAPE
                   ? WSP_CATALOG_ERROR_VALUE : WSP_CATALOG_ERROR_PARSE,
                 "", "%s", wsp_json_problem_message (problem));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      set_error (error, WSP_CATALOG_ERROR_PARSE, "", _("not JSON: %s"), parse_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      set_error (error, WSP_CATALOG_ERROR_EMPTY, "", _("no data"));
      return NULL;
    }

  return g_steal_pointer (&parser);
}

gboolean
wsp_catalog_load (WspCatalog  *self,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *platforms_path = NULL;
  g_autofree char *countries_path = NULL;
  Loader loader = { self, NULL, NULL };
  JsonObject *countries;
  JsonObject *platforms;
  JsonObject *root;

  if (!(parser = parse (bytes, error)) ||
      !(root = expect_object (json_parser_get_root (parser), "", error)))
    return FALSE;

  /* The version first: a later schema may have changed everything else. */
  if (!load_schema (self, root, error) ||
      !LOAD_FIELDS (&loader, root, "", root_fields, self, error) ||
      !(countries = get_object_member (root, "", "countries", &countries_path, error)) ||
      !LOAD_FIELDS (&loader, countries, countries_path, country_fields, NULL, error))
    return FALSE;

  if (json_object_has_member (root, "notes") &&
      !load_list (&loader, root, "", "notes", MAX_NOTES, load_note, NULL, NULL, error))
    return FALSE;
  g_ptr_array_sort (self->notes, compare_notes);

  if (!(platforms = get_object_member (root, "", "platforms", &platforms_path, error)))
    return FALSE;

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    {
      g_autofree char *platform_path = NULL;
      JsonObject *platform;

      if (!(platform = get_object_member (platforms, platforms_path, wsp_platform_get_id (p),
                                          &platform_path, error)) ||
          !load_platform (&loader, &self->platforms[p], platform, platform_path, error))
        return FALSE;
    }

  /* The form about information from third parties lives on Facebook's hosts. */
  loader.platform = &self->platforms[WSP_PLATFORM_FACEBOOK];
  loader.hosts_path = "platforms.facebook.hosts";

  return load_link_member (&loader, root, "", "third_party_form", &self->third_party, error) &&
         load_members (&loader, root, "", "facts", &facts, NULL, error) &&
         load_members (&loader, root, "", "authorities", &authorities, NULL, error);
}
