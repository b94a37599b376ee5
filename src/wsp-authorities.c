/* wsp-authorities.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is data (data/authorities.json), each entry with where it was seen and when; the
 * hosts an entry may point at are not: they are below, one set per country, so that a wrong
 * or tampered entry cannot send the user anywhere else.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "wsp-authorities.h"
#include "wsp-catalog.h"
#include "wsp-json.h"

G_DEFINE_QUARK (wsp-authorities-error-quark, wsp_authorities_error)

/* The file nests three levels deep. */
#define MAX_DEPTH 8
#define MAX_TEXT 2048

/* Where each country's authority publishes its pages: the domain and its subdomains. */
static const struct {
  const char *country;
  const char *domains[3];
} authority_hosts[] = {
  { "AT", { "dsb.gv.at", "formularservice.gv.at" } },
  { "BE", { "dataprotectionauthority.be", "autoriteprotectiondonnees.be",
            "gegevensbeschermingsautoriteit.be" } },
  { "BG", { "cpdp.bg" } },
  { "BR", { "gov.br" } },
  { "CH", { "edoeb.admin.ch" } },
  { "CY", { "dataprotection.gov.cy" } },
  { "CZ", { "uoou.cz", "uoou.gov.cz" } },
  { "DE", { "bfdi.bund.de" } },
  { "DK", { "datatilsynet.dk" } },
  { "EE", { "aki.ee" } },
  { "ES", { "aepd.es", "sedeagpd.gob.es" } },
  { "FI", { "tietosuoja.fi" } },
  { "FR", { "cnil.fr" } },
  { "GB", { "ico.org.uk" } },
  { "GR", { "dpa.gr" } },
  { "HR", { "azop.hr" } },
  { "HU", { "naih.hu" } },
  { "IE", { "dataprotection.ie" } },
  { "IS", { "personuvernd.is" } },
  { "IT", { "garanteprivacy.it", "gpdp.it" } },
  { "LI", { "datenschutzstelle.li" } },
  { "LT", { "vdai.lrv.lt" } },
  { "LU", { "cnpd.public.lu" } },
  { "LV", { "dvi.gov.lv" } },
  { "MT", { "idpc.org.mt" } },
  { "NL", { "autoriteitpersoonsgegevens.nl" } },
  { "NO", { "datatilsynet.no" } },
  { "PL", { "uodo.gov.pl" } },
  { "PT", { "cnpd.pt" } },
  { "RO", { "dataprotection.ro" } },
  { "SE", { "imy.se" } },
  { "SI", { "ip-rs.si" } },
  { "SK", { "dataprotection.gov.sk" } },
};

struct _WspAuthorities
{
  GObject       parent_instance;

  GStringChunk *strings;
  /* Country code -> WspAuthority */
  GHashTable   *by_country;
};

G_DEFINE_FINAL_TYPE (WspAuthorities, wsp_authorities, G_TYPE_OBJECT)

static void
wsp_authorities_finalize (GObject *object)
{
  WspAuthorities *self = (WspAuthorities *)object;

  g_clear_pointer (&self->by_country, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (wsp_authorities_parent_class)->finalize (object);
}

static void
wsp_authorities_class_init (WspAuthoritiesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_authorities_finalize;
}

static void
wsp_authorities_init (WspAuthorities *self)
{
  self->strings = g_string_chunk_new (4096);
  self->by_country = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* URLs */

gboolean
wsp_authority_url_is_allowed (const char  *country,
                              const char  *url,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  gboolean printable = url != NULL;

  g_return_val_if_fail (country != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Printable ASCII, exactly "https:", no user name, the default port: the same rules as for
   * Meta's links (see wsp-catalog.c). */
  for (const char *s = url != NULL ? url : ""; *s != '\0'; s++)
    if ((guchar) *s <= 0x20 || (guchar) *s >= 0x7f || *s == '\\')
      printable = FALSE;
  if (printable && strlen (url) <= MAX_TEXT && g_str_has_prefix (url, "https://"))
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_userinfo (uri) != NULL ||
      (g_uri_get_port (uri) != -1 && g_uri_get_port (uri) != 443) ||
      g_uri_get_host (uri) == NULL || g_hostname_is_ip_address (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_URL,
                           _("not a secure web address (https)"));
      return FALSE;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  for (guint i = 0; i < G_N_ELEMENTS (authority_hosts); i++)
    {
      if (g_ascii_strcasecmp (authority_hosts[i].country, country) != 0)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (authority_hosts[i].domains); j++)
        if (authority_hosts[i].domains[j] != NULL &&
            wsp_host_within (host, authority_hosts[i].domains[j]))
          return TRUE;
    }

  g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_URL,
               _("%s is not a website of this country’s data protection authority"), host);
  return FALSE;
}

/* Loading. The messages are for whoever edits the data (the built-in list is checked by the
 * tests, and an error aborts), so they are not translated. */

static gboolean
is_date (const char *text)
{
  gsize len = strlen (text);
  guint year, month, day = 1;

  if (len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  if (len == 10)
    day = atoi (text + 8);

  return year >= 2000 && g_date_valid_dmy (day, month, year);
}

static gboolean
is_country_code (const char *code)
{
  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

/* The text of @object's member @key, copied into the strings; NULL (and @error) when it is
 * missing, not text, empty or too long. */
static const char *
get_text (WspAuthorities  *self,
          JsonObject      *object,
          const char      *path,
          const char      *key,
          GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VALUE,
                   "%s.%s: missing, or not text", path, key);
      return NULL;
    }

  text = json_node_get_string (node);
  if (*text == '\0' || strlen (text) > MAX_TEXT)
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VALUE,
                   "%s.%s: empty, or longer than %d bytes", path, key, MAX_TEXT);
      return NULL;
    }

  return g_string_chunk_insert (self->strings, text);
}

static gboolean
load_authority (WspAuthorities  *self,
                const char      *country,
                JsonNode        *node,
                GError         **error)
{
  static const char * const keys[] = { "name", "url", "confirmed", "source", "federal_states" };
  g_autofree char *path = g_strdup_printf ("authorities.%s", country);
  g_autofree WspAuthority *authority = g_new0 (WspAuthority, 1);
  g_autoptr(GError) url_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *federal;
  const char *key;

  if (!is_country_code (country))
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VALUE,
                   "%s: not a country code (ISO 3166-1 alpha-2, upper case)", path);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_PARSE,
                   "%s: must be an object", path);
      return FALSE;
    }
  object = json_node_get_object (node);

  /* A misspelt key would be silently ignored otherwise. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      {
        g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VALUE,
                     "%s.%s: unknown key", path, (const char *) l->data);
        return FALSE;
      }

  authority->country = g_string_chunk_insert (self->strings, country);
  if (!(authority->name = get_text (self, object, path, "name", error)) ||
      !(authority->url = get_text (self, object, path, "url", error)) ||
      !(authority->confirmed = get_text (self, object, path, "confirmed", error)) ||
      !(authority->source = get_text (self, object, path, "source", error)))
    return FALSE;

  if (!is_date (authority->confirmed))
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VALUE,
                   "%s.confirmed: not a date (YYYY-MM or YYYY-MM-DD)", path);
      return FALSE;
    }

  if (!wsp_authority_url_is_allowed (country, authority->url, &url_error))
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_URL,
                   "%s.url: %s", path, url_error->message);
      return FALSE;
    }

  federal = json_object_get_member (object, "federal_states");
  if (federal != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (federal) || json_node_get_value_type (federal) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VALUE,
                       "%s.federal_states: must be true or false", path);
          return FALSE;
        }
      authority->federal_states = json_node_get_boolean (federal);
    }

  key = authority->country;
  g_hash_table_insert (self->by_country, (char *) key, g_steal_pointer (&authority));
  return TRUE;
}

WspAuthorities *
wsp_authorities_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(WspAuthorities) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GList) countries = NULL;
  JsonObject *root, *authorities;
  JsonNode *node;
  WspJsonProblem problem;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  problem = wsp_json_check (data, size, MAX_DEPTH);
  if (problem != WSP_JSON_OK)
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_PARSE,
                   "%s", wsp_json_problem_message (problem));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_PARSE,
                           "not a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "schema");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != WSP_AUTHORITIES_SCHEMA_VERSION)
    {
      g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_VERSION,
                   "schema: must be %d", WSP_AUTHORITIES_SCHEMA_VERSION);
      return NULL;
    }

  node = json_object_get_member (root, "authorities");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_PARSE,
                           "authorities: missing, or not an object");
      return NULL;
    }
  authorities = json_node_get_object (node);

  self = g_object_new (WSP_TYPE_AUTHORITIES, NULL);
  countries = json_object_get_members (authorities);
  for (GList *l = countries; l != NULL; l = l->next)
    if (!load_authority (self, l->data, json_object_get_member (authorities, l->data), error))
      return NULL;

  return g_steal_pointer (&self);
}

WspAuthorities *
wsp_authorities_get_default (void)
{
  static WspAuthorities *authorities;

  if (g_once_init_enter (&authorities))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (WSP_AUTHORITIES_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      WspAuthorities *loaded = NULL;

      if (bytes != NULL)
        loaded = wsp_authorities_new_from_bytes (bytes, &error);
      if (loaded == NULL)
        g_error ("The built-in list of authorities is broken: %s", error->message);

      g_once_init_leave (&authorities, loaded);
    }

  return authorities;
}

const WspAuthority *
wsp_authorities_lookup (WspAuthorities *self,
                        const char     *country)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (WSP_IS_AUTHORITIES (self), NULL);

  if (country == NULL)
    return NULL;

  code = g_ascii_strup (country, -1);
  return g_hash_table_lookup (self->by_country, code);
}
