/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-test-util.h"

/* The shipped file, as the app's resource embeds it. */
static GBytes *
read_shipped (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog.json", NULL);
  gsize length = 0;
  char *contents = wsp_test_read_file (path, &length);

  return g_bytes_new_take (contents, length);
}

static WspCatalog *
load_shipped (void)
{
  g_autoptr(GBytes) bytes = read_shipped ();
  g_autoptr(GError) error = NULL;
  WspCatalog *catalog = wsp_catalog_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static JsonNode *
parse_shipped (void)
{
  g_autoptr(GBytes) bytes = read_shipped ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  return root;
}

/* Follows a key path like "platforms.facebook.forms[0].url" from @root. */
static JsonNode *
find_node (JsonNode   *root,
           const char *path)
{
  JsonNode *node = root;
  const char *p = path;

  while (*p != '\0' && node != NULL)
    {
      if (*p == '[')
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);

          g_assert_cmpint (*end, ==, ']');
          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          if (index >= json_array_get_length (json_node_get_array (node)))
            return NULL;
          node = json_array_get_element (json_node_get_array (node), index);
          p = end + 1;
        }
      else
        {
          gsize len;
          g_autofree char *key = NULL;

          if (*p == '.')
            p++;
          len = strcspn (p, ".[");
          key = g_strndup (p, len);
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          node = json_object_get_member (json_node_get_object (node), key);
          p += len;
        }
    }

  return node;
}

/* Replaces the node at @path with @json (JSON text), adds it as a new member, or removes the
 * member when @json is NULL. Works on the containers only: json-glib 1.6 cannot re-initialize a
 * value node in place. */
static void
change_node (JsonNode   *root,
             const char *path,
             const char *json)
{
  const char *dot = strrchr (path, '.');
  const char *bracket = strrchr (path, '[');
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *parent_path = NULL;
  JsonNode *parent;

  if (json != NULL)
    {
      value = json_from_string (json, NULL);
      g_assert_nonnull (value);
    }

  if (bracket != NULL && (dot == NULL || bracket > dot))
    {
      guint index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
      JsonArray *old_array;
      g_autoptr(JsonArray) new_array = json_array_new ();

      g_assert_nonnull (value);
      parent_path = g_strndup (path, bracket - path);
      parent = find_node (root, parent_path);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (parent));
      old_array = json_node_get_array (parent);
      g_assert_cmpuint (index, <, json_array_get_length (old_array));

      for (guint i = 0; i < json_array_get_length (old_array); i++)
        {
          JsonNode *element = i == index ? value : json_array_get_element (old_array, i);

          json_array_add_element (new_array, json_node_copy (element));
        }
      json_node_set_array (parent, new_array);
      return;
    }

  parent_path = dot != NULL ? g_strndup (path, dot - path) : g_strdup ("");
  parent = find_node (root, parent_path);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (parent));

  if (value == NULL)
    {
      g_assert_nonnull (find_node (root, path));
      json_object_remove_member (json_node_get_object (parent), dot != NULL ? dot + 1 : path);
    }
  else
    {
      json_object_set_member (json_node_get_object (parent), dot != NULL ? dot + 1 : path,
                              g_steal_pointer (&value));
    }
}

static GBytes *
serialize (JsonNode *root)
{
  char *text = json_to_string (root, TRUE);

  return g_bytes_new_take (text, strlen (text));
}

static const char *
label_of (WspCatalog  *catalog,
          WspPlatform  platform,
          WspRoute     route,
          const char  *language,
          guint        index)
{
  return wsp_catalog_get_step (catalog, platform, route, language, index)->label;
}

/* The shipped file */

static void
test_shipped_load (void)
{
  WspCatalog *catalog = load_shipped ();

  g_assert_cmpuint (wsp_catalog_get_schema_version (catalog), ==, WSP_CATALOG_SCHEMA_VERSION);
  g_assert_cmpstr (wsp_catalog_get_updated (catalog), ==, "2026-12-02");

  g_assert_finalize_object (catalog);
}

#define FB_2025 "https://www.facebook.com/help/contact/712876720715583"
#define FB_2024 "https://www.facebook.com/help/contact/6359191084165019"
#define IG_2025 "https://help.instagram.com/contact/767264225370182"
#define IG_2024 "https://help.instagram.com/contact/233964459562201"

static void
test_shipped_forms (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  const WspCatalogLink *link;

  /* The regulator-linked pair comes first (for anyone the catalog does not place), on
   * Facebook's canonical host. */
  link = wsp_catalog_get_form (catalog, WSP_PLATFORM_FACEBOOK);
  g_assert_cmpstr (link->url, ==, FB_2025);
  g_assert_cmpstr (link->confirmed, ==, "2025-05");
  g_assert_nonnull (strstr (link->source, "Liechtenstein"));
  g_assert_cmpint (link->first_screen, ==, WSP_FIRST_SCREEN_CHOICE);
  g_assert_nonnull (link->first_screen_confirmed);
  g_assert_nonnull (strstr (link->first_screen_source, "not confirmed"));
  g_assert_cmpuint (wsp_catalog_get_n_alt_forms (catalog, WSP_PLATFORM_FACEBOOK), ==, 1);
  link = wsp_catalog_get_alt_form (catalog, WSP_PLATFORM_FACEBOOK, 0);
  g_assert_cmpstr (link->url, ==, FB_2024);
  g_assert_cmpstr (link->confirmed, ==, "2025-05");
  g_assert_cmpint (link->first_screen, ==, WSP_FIRST_SCREEN_AI_QUESTION);

  link = wsp_catalog_get_form (catalog, WSP_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (link->url, ==, IG_2025);
  g_assert_cmpstr (link->confirmed, ==, "2025-05");
  g_assert_cmpuint (wsp_catalog_get_n_alt_forms (catalog, WSP_PLATFORM_INSTAGRAM), ==, 1);
  link = wsp_catalog_get_alt_form (catalog, WSP_PLATFORM_INSTAGRAM, 0);
  g_assert_cmpstr (link->url, ==, IG_2024);
  g_assert_cmpint (link->first_screen, ==, WSP_FIRST_SCREEN_AI_QUESTION);

  link = wsp_catalog_get_privacy_center (catalog, WSP_PLATFORM_FACEBOOK);
  g_assert_cmpstr (link->url, ==, "https://www.facebook.com/privacy/center/");
  link = wsp_catalog_get_privacy_center (catalog, WSP_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (link->url, ==, "https://privacycenter.instagram.com/");

  link = wsp_catalog_get_third_party_form (catalog);
  g_assert_cmpstr (link->url, ==, "https://www.facebook.com/help/contact/510058597920541");
  g_assert_nonnull (strstr (link->source, "legalclarity"));
}

/* Which form comes first, and which second, per country group. */
static void
test_shipped_form_per_country (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  static const struct {
    const char *country;
    const char *facebook;
    const char *instagram;
  } cases[] = {
    { "DE", FB_2025, IG_2025 }, { "fr", FB_2025, IG_2025 }, { "NO", FB_2025, IG_2025 },
    { "LI", FB_2025, IG_2025 }, { "CH", FB_2025, IG_2025 },
    { "GB", FB_2024, IG_2024 }, { "BR", FB_2024, IG_2024 },
    /* not placed: the catalog's first form */
    { "US", FB_2025, IG_2025 }, { NULL, FB_2025, IG_2025 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *fb = wsp_catalog_get_form_for (catalog, WSP_PLATFORM_FACEBOOK, cases[i].country)->url;
      const char *ig = wsp_catalog_get_form_for (catalog, WSP_PLATFORM_INSTAGRAM, cases[i].country)->url;
      const char *fb_other = wsp_catalog_get_other_form (catalog, WSP_PLATFORM_FACEBOOK,
                                                         cases[i].country)->url;
      const char *ig_other = wsp_catalog_get_other_form (catalog, WSP_PLATFORM_INSTAGRAM,
                                                         cases[i].country)->url;

      g_test_message ("country %s", cases[i].country);
      g_assert_cmpstr (fb, ==, cases[i].facebook);
      g_assert_cmpstr (ig, ==, cases[i].instagram);
      g_assert_cmpstr (fb_other, !=, fb);
      g_assert_cmpstr (ig_other, !=, ig);
      g_assert_true (g_str_equal (fb_other, FB_2024) || g_str_equal (fb_other, FB_2025));
      g_assert_true (g_str_equal (ig_other, IG_2024) || g_str_equal (ig_other, IG_2025));
    }

  /* Every covered country is placed in both platforms' lists. */
  for (const char * const *c = (const char * const []) { "AT", "BE", "BG", "CY", "CZ", "DE", "DK",
         "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL",
         "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "CH", NULL }; *c != NULL; c++)
    g_assert_cmpstr (wsp_catalog_get_form_for (catalog, WSP_PLATFORM_FACEBOOK, *c)->url, ==, FB_2025);
}

/* The facts the app has texts for are all there, each with its provenance; Brazil's code is
 * Brazil's alone. */
static void
test_shipped_facts (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  const char *ids[] = {
    WSP_FACT_PRIVATE_PROFILES, WSP_FACT_AI_CHATS, WSP_FACT_EMAILED_CODE, WSP_FACT_BRAZIL_SCOPE,
    WSP_FACT_EARLIER_COUNT, WSP_FACT_ONE_PER_EMAIL, WSP_FACT_PAGES, WSP_FACT_OTHERS_POSTS,
    WSP_FACT_MINORS, WSP_FACT_WHATSAPP, WSP_FACT_CONFIRMATION,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const WspCatalogFact *fact = wsp_catalog_get_fact (catalog, ids[i]);

      g_test_message ("fact %s", ids[i]);
      g_assert_nonnull (fact);
      g_assert_cmpstr (fact->id, ==, ids[i]);
      g_assert_true (strlen (fact->confirmed) == 7 || strlen (fact->confirmed) == 10);
      g_assert_cmpuint (strlen (fact->source), >, 0);
    }

  g_assert_true (wsp_catalog_fact_applies (catalog, WSP_FACT_EMAILED_CODE, "BR"));
  g_assert_true (wsp_catalog_fact_applies (catalog, WSP_FACT_EMAILED_CODE, "br"));
  g_assert_false (wsp_catalog_fact_applies (catalog, WSP_FACT_EMAILED_CODE, "DE"));
  g_assert_false (wsp_catalog_fact_applies (catalog, WSP_FACT_EMAILED_CODE, "GB"));
  g_assert_false (wsp_catalog_fact_applies (catalog, WSP_FACT_EMAILED_CODE, NULL));
  g_assert_true (wsp_catalog_fact_applies (catalog, WSP_FACT_PAGES, "DE"));
  g_assert_true (wsp_catalog_fact_applies (catalog, WSP_FACT_PAGES, NULL));
  g_assert_null (wsp_catalog_get_fact (catalog, "no_such_fact"));
  g_assert_false (wsp_catalog_fact_applies (catalog, "no_such_fact", "DE"));
}

static void
test_shipped_hosts (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  const char * const facebook[] = { "facebook.com", "meta.com", NULL };
  const char * const instagram[] = { "instagram.com", "meta.com", NULL };

  g_assert_cmpstrv (wsp_catalog_get_hosts (catalog, WSP_PLATFORM_FACEBOOK), facebook);
  g_assert_cmpstrv (wsp_catalog_get_hosts (catalog, WSP_PLATFORM_INSTAGRAM), instagram);
}

static gboolean
on_hosts (const char         *url,
          const char * const *hosts)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = g_uri_get_host (uri);

  for (guint i = 0; hosts[i] != NULL; i++)
    {
      if (g_str_equal (host, hosts[i]) ||
          (g_str_has_suffix (host, hosts[i]) &&
           host[strlen (host) - strlen (hosts[i]) - 1] == '.'))
        return TRUE;
    }

  return FALSE;
}

static void
check_link (const WspCatalogLink *link,
            const char * const   *hosts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wsp_catalog_url_is_allowed (link->url, &error));
  g_assert_no_error (error);
  g_assert_true (on_hosts (link->url, hosts));
  g_assert_true (strlen (link->confirmed) == 7 || strlen (link->confirmed) == 10);
  g_assert_cmpuint (strlen (link->source), >, 0);
}

static void
test_shipped_urls (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  guint n_links = 0;

  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    {
      const char * const *hosts = wsp_catalog_get_hosts (catalog, p);

      check_link (wsp_catalog_get_form (catalog, p), hosts);
      check_link (wsp_catalog_get_privacy_center (catalog, p), hosts);
      n_links += 2;
      for (guint i = 0; i < wsp_catalog_get_n_alt_forms (catalog, p); i++, n_links++)
        check_link (wsp_catalog_get_alt_form (catalog, p, i), hosts);
    }

  check_link (wsp_catalog_get_third_party_form (catalog),
              wsp_catalog_get_hosts (catalog, WSP_PLATFORM_FACEBOOK));
  n_links++;

  g_assert_cmpuint (n_links, ==, 7);
}

/* The languages the app is translated into (po/LINGUAS) and English. */
static const char * const app_languages[] = { "en", "de", "fr", "it", "es", "nl", "pl", "pt_BR" };

/* The paths whose labels no source names in a language: the catalog says so ({"labels": "en"}),
 * and the app shows the English labels there, with help in the language and a note. Exactly
 * these: a path that silently falls back to English fails test_shipped_languages(), and so does
 * one of these that gains labels while still listed. */
static const struct {
  WspPlatform  platform;
  WspRoute     route;
  const char  *language;
} english_only[] = {
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_SEARCH, "nl" },
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "de" },
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "fr" },
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "it" },
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "es" },
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "nl" },
  { WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "pl" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_BROWSER, "it" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_BROWSER, "pl" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_SEARCH, "nl" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI, "de" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI, "fr" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI, "it" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI, "es" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI, "nl" },
  { WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI, "pl" },
};

static gboolean
is_english_only (WspPlatform  platform,
                 WspRoute     route,
                 const char  *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (english_only); i++)
    {
      if (english_only[i].platform == platform && english_only[i].route == route &&
          strcmp (english_only[i].language, language) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The list above follows the app's languages: a new translation must be listed here too. */
static void
test_app_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit_set (contents, " \n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0' && *lines[i] != '#')
        g_ptr_array_add (found, g_strdup (lines[i]));
    }

  g_assert_cmpuint (found->len + 1, ==, G_N_ELEMENTS (app_languages));
  for (guint i = 1; i < G_N_ELEMENTS (app_languages); i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; j < found->len; j++)
        listed |= strcmp (g_ptr_array_index (found, j), app_languages[i]) == 0;
      g_assert_true (listed);
    }
}

/* Every path in each of the app's languages: its own labels, with their own source and date,
 * or, exactly for the pairs listed in english_only[], the English ones. */
static void
test_shipped_languages (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  guint n_english_only = 0;

  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    {
      for (WspRoute r = 0; r < WSP_N_ROUTES; r++)
        {
          for (guint l = 0; l < G_N_ELEMENTS (app_languages); l++)
            {
              const char *language = app_languages[l];
              const char *out_language = NULL;
              const char *confirmed;
              const char *source;
              guint n = wsp_catalog_get_n_steps (catalog, p, r, language, &out_language);

              g_test_message ("%s %s %s", wsp_platform_get_id (p), wsp_route_get_id (r),
                              language);
              g_assert_cmpuint (n, >, 0);

              if (is_english_only (p, r, language))
                {
                  n_english_only++;
                  g_assert_false (wsp_catalog_has_labels (catalog, p, r, language));
                  g_assert_cmpstr (out_language, ==, "en");
                  /* The English labels, with help in the language (not the English help) */
                  g_assert_cmpuint (n, ==, wsp_catalog_get_n_steps (catalog, p, r, "en", NULL));
                  for (guint i = 0; i < n; i++)
                    {
                      const WspCatalogStep *step = wsp_catalog_get_step (catalog, p, r,
                                                                         language, i);
                      const WspCatalogStep *english = wsp_catalog_get_step (catalog, p, r,
                                                                            "en", i);

                      g_assert_cmpstr (step->label, ==, english->label);
                      g_assert_cmpstr (step->illustration, ==, english->illustration);
                      g_assert_cmpstr (step->help, !=, english->help);
                    }
                  /* And the date shown is the English labels' */
                  g_assert_cmpstr (wsp_catalog_get_labels_confirmed (catalog, p, r, language),
                                   ==, wsp_catalog_get_labels_confirmed (catalog, p, r, "en"));
                  continue;
                }

              g_assert_true (wsp_catalog_has_labels (catalog, p, r, language));
              g_assert_cmpstr (out_language, ==, language);

              confirmed = wsp_catalog_get_labels_confirmed (catalog, p, r, language);
              source = wsp_catalog_get_labels_source (catalog, p, r, language);
              g_assert_nonnull (confirmed);
              /* Seen since Meta's first objection forms, and not after this catalog was made */
              g_assert_cmpstr (confirmed, >=, "2024-05");
              g_assert_cmpstr (confirmed, <=, wsp_catalog_get_updated (catalog));
              g_assert_nonnull (source);
              g_assert_cmpuint (strlen (source), >, 10);

              for (guint i = 0; i < n; i++)
                {
                  const WspCatalogStep *step;
                  gsize help_len;

                  step = wsp_catalog_get_step (catalog, p, r, language, i);
                  help_len = strlen (step->help);
                  g_assert_cmpuint (strlen (step->label), >, 0);
                  /* One sentence, ending with a full stop. */
                  g_assert_cmpuint (help_len, >, 10);
                  g_assert_cmpint (step->help[help_len - 1], ==, '.');
                  /* Every shipped step has a drawing, of the device the path is for. */
                  g_assert_nonnull (step->illustration);
                  if (r == WSP_ROUTE_APP)
                    g_assert_true (g_str_has_prefix (step->illustration, "phone-"));
                  else
                    g_assert_true (g_str_has_prefix (step->illustration, "browser-"));
                }
            }
        }
    }

  /* Every listed pair was met */
  g_assert_cmpuint (n_english_only, ==, G_N_ELEMENTS (english_only));
}

static void
test_shipped_steps (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  /* en, de for the app, the browser, the Privacy Center, the search and the AI page, per
   * platform */
  const guint expected[WSP_N_PLATFORMS][WSP_N_ROUTES][2] = {
    { { 5, 9 }, { 5, 8 }, { 3, 3 }, { 3, 3 }, { 2, 2 } },
    { { 7, 7 }, { 5, 4 }, { 3, 3 }, { 3, 3 }, { 2, 2 } },
  };
  const char * const languages[] = { "en", "de" };

  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    {
      for (WspRoute r = 0; r < WSP_N_ROUTES; r++)
        {
          g_assert_true (wsp_catalog_has_path (catalog, p, r));
          g_assert_nonnull (wsp_catalog_get_path_confirmed (catalog, p, r));
          g_assert_nonnull (wsp_catalog_get_path_source (catalog, p, r));
          /* Only the AI page's route starts from a page of its own */
          g_assert_true ((wsp_catalog_get_path_url (catalog, p, r) != NULL) ==
                         (r == WSP_ROUTE_GENAI));

          for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
            {
              g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, p, r, languages[l], NULL),
                                ==, expected[p][r][l]);
            }
        }
    }

  g_assert_cmpstr (wsp_catalog_get_path_url (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI),
                   ==, "https://www.facebook.com/privacy/genai/");
  g_assert_cmpstr (wsp_catalog_get_path_url (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI),
                   ==, "https://privacycenter.instagram.com/privacy/genai/");
  g_assert_cmpstr (wsp_catalog_get_labels_confirmed (catalog, WSP_PLATFORM_FACEBOOK,
                                                     WSP_ROUTE_APP, "de"), ==, "2025-05");
  g_assert_cmpstr (wsp_catalog_get_labels_confirmed (catalog, WSP_PLATFORM_INSTAGRAM,
                                                     WSP_ROUTE_APP, "it"), ==, "2024-06");
  g_assert_nonnull (strstr (wsp_catalog_get_labels_source (catalog, WSP_PLATFORM_FACEBOOK,
                                                           WSP_ROUTE_APP, "de"),
                            "Verbraucherzentrale"));
  /* Fallback: the source of the labels shown */
  g_assert_cmpstr (wsp_catalog_get_labels_source (catalog, WSP_PLATFORM_FACEBOOK,
                                                  WSP_ROUTE_GENAI, "de"),
                   ==, wsp_catalog_get_labels_source (catalog, WSP_PLATFORM_FACEBOOK,
                                                      WSP_ROUTE_GENAI, "en"));

  /* The labels are what is on screen, in each language. */
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "de", 1),
                   ==, "Einstellungen und Privatsphäre");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "de", 8), ==, "Senden");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_BROWSER, "en", 1),
                   ==, "Settings & privacy");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_APP, "en", 6),
                   ==, "Right to object");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_BROWSER, "de", 3),
                   ==, "Widerspruchsrecht");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_PRIVACY_CENTER, "de", 1),
                   ==, "KI bei Meta");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_SEARCH, "en", 1),
                   ==, "right to object");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_SEARCH, "de", 1),
                   ==, "Widerspruch");
  g_assert_cmpstr (wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "en",
                                         0)->illustration, ==, "phone-menu");
  g_assert_cmpstr (wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_BROWSER, "de",
                                         0)->illustration, ==, "browser-profile");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "fr", 2),
                   ==, "Centre de confidentialité");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_PRIVACY_CENTER, "pt_BR", 1),
                   ==, "IA na Meta");
  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI, "en", 1),
                   ==, "right to object");
}

/* A catalog from before the drawings and the shorter routes still loads: both are optional. */
static void
test_optional_keys (void)
{
  g_autoptr(JsonNode) root = parse_shipped ();
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *out_language = NULL;

  change_node (root, "platforms.facebook.paths.privacy_center", NULL);
  change_node (root, "platforms.instagram.paths.search", NULL);
  change_node (root, "platforms.instagram.paths.genai", NULL);
  change_node (root, "platforms.facebook.paths.app.steps.en[0].illustration", NULL);
  bytes = serialize (root);

  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_assert_null (wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "en",
                                       0)->illustration);
  g_assert_cmpstr (wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "en",
                                         1)->illustration, ==, "phone-settings");

  g_assert_false (wsp_catalog_has_path (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_PRIVACY_CENTER));
  g_assert_null (wsp_catalog_get_path_confirmed (catalog, WSP_PLATFORM_FACEBOOK,
                                                 WSP_ROUTE_PRIVACY_CENTER));
  g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK,
                                             WSP_ROUTE_PRIVACY_CENTER, "de", &out_language), ==, 0);
  g_assert_cmpstr (out_language, ==, "en");
  g_assert_true (wsp_catalog_has_path (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_SEARCH));
  g_assert_true (wsp_catalog_has_path (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_PRIVACY_CENTER));
  g_assert_false (wsp_catalog_has_path (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_SEARCH));
  g_assert_false (wsp_catalog_has_path (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI));
  g_assert_null (wsp_catalog_get_path_url (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_GENAI));
  g_assert_null (wsp_catalog_get_labels_confirmed (catalog, WSP_PLATFORM_INSTAGRAM,
                                                   WSP_ROUTE_GENAI, "pt_BR"));
  g_assert_true (wsp_catalog_has_path (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_GENAI));
  g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_SEARCH,
                                             NULL, NULL), ==, 0);

  g_assert_cmpstr (wsp_route_get_id (WSP_ROUTE_APP), ==, "app");
  g_assert_cmpstr (wsp_route_get_id (WSP_ROUTE_PRIVACY_CENTER), ==, "privacy_center");
  g_assert_cmpstr (wsp_route_get_id (WSP_ROUTE_SEARCH), ==, "search");
}

static void
test_shipped_countries (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  const char * const available[] = {
    "DE", "AT", "CH", "GB", "BR", "NO", "IS", "LI", "FR", "GR", "IE", "SE", "CY",
    "de", "at", "ch", "gb", "Br", "nO",
  };
  const char * const unavailable[] = {
    "US", "CA", "AU", "JP", "TR", "RS", "UA", "UK", "EL", "EU", "XX",
    "us", "", "D", "DEU", "DE ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (available); i++)
    g_assert_true (wsp_catalog_objection_available (catalog, available[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unavailable); i++)
    g_assert_false (wsp_catalog_objection_available (catalog, unavailable[i]));
}

/* Languages */

static void
test_steps_fallback (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  const WspCatalogStep *step;
  const char *out_language = NULL;
  guint n;

  /* A language the catalog does not have (Portugal's Portuguese is not Brazil's) */
  n = wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_PT.UTF-8",
                               &out_language);
  g_assert_cmpstr (out_language, ==, "en");
  g_assert_cmpuint (n, ==, 5);
  step = wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_PT.UTF-8", 2);
  g_assert_cmpstr (step->label, ==, "Privacy Center");

  out_language = NULL;
  n = wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_BR.UTF-8",
                               &out_language);
  g_assert_cmpstr (out_language, ==, "pt_BR");
  step = wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_BR.UTF-8", 2);
  g_assert_cmpstr (step->label, ==, "Central de Privacidade");

  out_language = NULL;
  n = wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "de_AT.UTF-8",
                               &out_language);
  g_assert_cmpstr (out_language, ==, "de");
  g_assert_cmpuint (n, ==, 9);
  step = wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "de_AT.UTF-8", 0);
  g_assert_cmpstr (step->label, ==, "Menü");

  out_language = NULL;
  n = wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_BROWSER, NULL,
                               &out_language);
  g_assert_cmpstr (out_language, ==, "en");
  g_assert_cmpuint (n, ==, 5);

  out_language = NULL;
  n = wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_BROWSER, "",
                               &out_language);
  g_assert_cmpstr (out_language, ==, "en");

  /* out_language may be NULL */
  n = wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_BROWSER, "de", NULL);
  g_assert_cmpuint (n, ==, 4);
}

static void
test_pick_language (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  const struct {
    const char *language_env;
    const char *expected;
  } cases[] = {
    { "en", "en" },
    { "de", "de" },
    { "de_AT", "de" },
    { "de_CH.UTF-8", "de" },
    { "fr:de:en", "fr" },
    { "fr", "fr" },
    { "fr_FR:es", "fr" },
    { "pt_BR", "pt_BR" },
    { "pt:de", "de" },
    { "sv:es", "es" },
    { "sv", "en" },
    { "en_GB:de", "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv ("LANGUAGE", cases[i].language_env, TRUE);
      g_assert_cmpstr (wsp_catalog_pick_language (catalog), ==, cases[i].expected);
    }

  g_setenv ("LANGUAGE", "en", TRUE);
}

/* The allow list */

typedef struct {
  const char *url;
  const char *error;       /* NULL when the host is allowed */
  const char *page_error;  /* NULL when the page is allowed too */
} UrlCase;

#define FACEBOOK_PAGES "help and contact forms by number, help pages by number, privacy center " \
                       "and privacy policy pages"

static const UrlCase url_cases[] = {
  { "https://www.facebook.com/help/contact/6359191084165019", NULL, NULL },
  { "https://fr-fr.facebook.com/help/contact/712876720715583", NULL, NULL },
  { "https://www.facebook.com:443/privacy/center/", NULL, NULL },
  { "https://WWW.Facebook.COM/privacy/genai/", NULL, NULL },
  { "https://help.instagram.com/contact/233964459562201", NULL, NULL },
  { "https://privacycenter.instagram.com/privacy/genai/", NULL, NULL },
  { "https://help.meta.com/support/privacy/", NULL, NULL },

  /* On Meta's hosts, but not a page the guidance needs (wsp-url-policy.c; more in
   * test-url-policy.c). A redirect may still go there. */
  { "https://facebook.com", NULL,
    "/ is not one of the pages allowed on facebook.com (" FACEBOOK_PAGES ")" },
  { "https://m.facebook.com/x", NULL,
    "/x is not one of the pages allowed on m.facebook.com (" FACEBOOK_PAGES ")" },
  { "https://meta.com/?q=ai#object", NULL,
    "meta.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://www.facebook.com/search/?q=Widerspruch%20KI", NULL,
    "must not have a query (text after “?”)" },
  { "https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Fhelp", NULL,
    "must not have a query (text after “?”)" },

  { NULL, "empty address", NULL },
  { "", "empty address", NULL },
  { "http://www.facebook.com/help/contact/6359191084165019", "must use https (got http)", NULL },
  { "ftp://facebook.com/", "must use https (got ftp)", NULL },
  { "javascript:alert(1)", "must use https (got javascript)", NULL },
  { "data:text/html,hello", "must use https (got data)", NULL },
  { "file:///etc/passwd", "must use https (got file)", NULL },
  { "HTTPS://www.facebook.com/", "must use https (got HTTPS)", NULL },
  { "www.facebook.com/help", "not a valid address", NULL },
  { "//www.facebook.com/help", "not a valid address", NULL },
  { "https://www.example.com/",
    "host www.example.com is not facebook.com, instagram.com, meta.com or a subdomain", NULL },
  { "https://evilfacebook.com/",
    "host evilfacebook.com is not facebook.com, instagram.com, meta.com or a subdomain", NULL },
  { "https://facebook.com.evil.org/",
    "host facebook.com.evil.org is not facebook.com, instagram.com, meta.com or a subdomain",
    NULL },
  { "https://instagram.com-help.net/",
    "host instagram.com-help.net is not facebook.com, instagram.com, meta.com or a subdomain",
    NULL },
  { "https://facebook.com@evil.com/", "must not contain a user name (text before @)", NULL },
  { "https://user:secret@www.facebook.com/", "must not contain a user name (text before @)",
    NULL },
  { "https://@www.facebook.com/", "must not contain a user name (text before @)", NULL },
  { "https://www.facebook.com:8443/", "must not use port 8443", NULL },
  { "https://www.facebook.com:80/", "must not use port 80", NULL },
  { "https://157.240.0.35/", "must name a host, not an IP address", NULL },
  { "https://[2a03:2880:f10c:83:face:b00c:0:25de]/", "must name a host, not an IP address", NULL },
  { "https:///help/contact/6359191084165019", "has no host", NULL },
  { "https://www.facebook.com./", "www.facebook.com. is not a valid host name", NULL },
  { "https://www..facebook.com/", "www..facebook.com is not a valid host name", NULL },
  { "https://evil.com%2F.facebook.com/", "evil.com/.facebook.com is not a valid host name", NULL },
  { "https://evil.com\\.facebook.com/", "contains a character that does not belong in an address",
    NULL },
  { "https://www.face book.com/", "contains a character that does not belong in an address",
    NULL },
  { "https://www.facebook.com/\n", "contains a character that does not belong in an address",
    NULL },
  { "https://www.faceb\xd0\xbe" "ok.com/",                        /* Cyrillic o */
    "contains a character that does not belong in an address", NULL },
};

static void
test_url_is_allowed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      const UrlCase *url_case = &url_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) host_error = NULL;
      gboolean allowed = wsp_catalog_url_is_allowed (url_case->url, &error);
      gboolean host_allowed = wsp_catalog_url_host_is_allowed (url_case->url, &host_error);
      const char *expected = url_case->error != NULL ? url_case->error : url_case->page_error;

      g_test_message ("%s", url_case->url != NULL ? url_case->url : "(null)");

      if (url_case->error == NULL)
        {
          g_assert_no_error (host_error);
          g_assert_true (host_allowed);
        }
      else
        {
          g_assert_error (host_error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL);
          g_assert_cmpstr (host_error->message, ==, url_case->error);
          g_assert_false (host_allowed);
        }

      if (expected == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (allowed);
        }
      else
        {
          g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL);
          g_assert_cmpstr (error->message, ==, expected);
          g_assert_false (allowed);
          /* And without an error to fill in */
          g_assert_false (wsp_catalog_url_is_allowed (url_case->url, NULL));
        }
    }
}

/* Broken catalogs */

typedef struct {
  const char      *path;     /* key path of the node to change */
  const char      *json;     /* its new value; NULL removes it */
  WspCatalogError  code;
  const char      *message;  /* the whole error message */
} Variant;

#define NOT_ALLOWED "is not facebook.com, instagram.com, meta.com or a subdomain"
#define AUTHORITY(url) \
  "{\"name\": \"An authority\", \"url\": \"" url "\", \"confirmed\": \"2026-07\", " \
  "\"source\": \"a source\"}"

static const Variant variants[] = {
  /* schema */
  { "schema", NULL, WSP_CATALOG_ERROR_MISSING, "schema: missing" },
  { "schema", "\"1\"", WSP_CATALOG_ERROR_TYPE, "schema: must be an integer (got string)" },
  { "schema", "1.5", WSP_CATALOG_ERROR_TYPE, "schema: must be an integer (got number)" },
  { "schema", "7", WSP_CATALOG_ERROR_VERSION,
    "schema: unknown version 7 (this app reads version 2)" },
  { "schema", "0", WSP_CATALOG_ERROR_VERSION,
    "schema: unknown version 0 (this app reads version 2)" },

  /* updated */
  { "updated", NULL, WSP_CATALOG_ERROR_MISSING, "updated: missing" },
  { "updated", "20261128", WSP_CATALOG_ERROR_TYPE, "updated: must be a string (got integer)" },
  { "updated", "\"2026-13-01\"", WSP_CATALOG_ERROR_VALUE, "updated: not a date (YYYY-MM-DD)" },
  { "updated", "\"2026-02-30\"", WSP_CATALOG_ERROR_VALUE, "updated: not a date (YYYY-MM-DD)" },
  { "updated", "\"28.11.2026\"", WSP_CATALOG_ERROR_VALUE, "updated: not a date (YYYY-MM-DD)" },
  { "updated", "\"2026-11\"", WSP_CATALOG_ERROR_VALUE, "updated: not a date (YYYY-MM-DD)" },
  { "updated", "\"\"", WSP_CATALOG_ERROR_VALUE, "updated: must not be empty" },

  /* countries */
  { "countries", NULL, WSP_CATALOG_ERROR_MISSING, "countries: missing" },
  { "countries.codes", "\"DE\"", WSP_CATALOG_ERROR_TYPE,
    "countries.codes: must be an array (got string)" },
  { "countries.codes", "[]", WSP_CATALOG_ERROR_VALUE, "countries.codes: must not be empty" },
  { "countries.codes[3]", "\"UK\"", WSP_CATALOG_ERROR_VALUE,
    "countries.codes[3]: not an ISO 3166-1 alpha-2 code" },
  { "countries.codes[3]", "\"de\"", WSP_CATALOG_ERROR_VALUE,
    "countries.codes[3]: not an ISO 3166-1 alpha-2 code" },
  { "countries.codes[3]", "\"DEU\"", WSP_CATALOG_ERROR_VALUE,
    "countries.codes[3]: not an ISO 3166-1 alpha-2 code" },
  { "countries.codes[3]", "49", WSP_CATALOG_ERROR_TYPE,
    "countries.codes[3]: must be a string (got integer)" },
  { "countries.codes[1]", "\"AT\"", WSP_CATALOG_ERROR_VALUE,
    "countries.codes[1]: AT is listed twice" },
  { "countries.source", "\"  \"", WSP_CATALOG_ERROR_VALUE, "countries.source: must not be empty" },

  /* platforms */
  { "platforms", "[]", WSP_CATALOG_ERROR_TYPE, "platforms: must be an object (got array)" },
  { "platforms.instagram", NULL, WSP_CATALOG_ERROR_MISSING, "platforms.instagram: missing" },
  { "platforms.facebook", "\"facebook.com\"", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook: must be an object (got string)" },

  /* hosts */
  { "platforms.facebook.hosts", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.hosts: missing" },
  { "platforms.facebook.hosts", "[]", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.hosts: must not be empty" },
  { "platforms.facebook.hosts[1]", "\"example.com\"", WSP_CATALOG_ERROR_URL,
    "platforms.facebook.hosts[1]: example.com " NOT_ALLOWED },
  { "platforms.instagram.hosts[0]", "\"evilinstagram.com\"", WSP_CATALOG_ERROR_URL,
    "platforms.instagram.hosts[0]: evilinstagram.com " NOT_ALLOWED },
  { "platforms.facebook.hosts[0]", "\"com\"", WSP_CATALOG_ERROR_URL,
    "platforms.facebook.hosts[0]: com " NOT_ALLOWED },
  { "platforms.facebook.hosts[0]", "\"Facebook.com\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.hosts[0]: not a host name in lower case (got Facebook.com)" },
  { "platforms.facebook.hosts[0]", "\"https://facebook.com\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.hosts[0]: not a host name in lower case (got https://facebook.com)" },
  { "platforms.facebook.hosts[1]", "\"facebook.com\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.hosts[1]: facebook.com is listed twice" },
  { "platforms.facebook.hosts",
    "[\"a.meta.com\", \"b.meta.com\", \"c.meta.com\", \"d.meta.com\", \"e.meta.com\", "
    "\"f.meta.com\", \"g.meta.com\", \"h.meta.com\", \"i.meta.com\", \"j.meta.com\", "
    "\"k.meta.com\", \"l.meta.com\", \"m.meta.com\", \"n.meta.com\", \"o.meta.com\", "
    "\"p.meta.com\", \"facebook.com\"]",
    WSP_CATALOG_ERROR_VALUE, "platforms.facebook.hosts: too many entries (at most 16)" },

  /* forms and links */
  { "platforms.facebook.forms", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.forms: missing" },
  { "platforms.facebook.forms", "{}", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.forms: must be an array (got object)" },
  { "platforms.facebook.forms", "[]", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms: must not be empty" },
  { "platforms.facebook.forms[0]", "\"https://www.facebook.com/\"", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.forms[0]: must be an object (got string)" },
  { "platforms.facebook.forms[0].url", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.forms[0].url: missing" },
  { "platforms.facebook.forms[0].url", "\"http://www.facebook.com/help/contact/6359191084165019\"",
    WSP_CATALOG_ERROR_URL, "platforms.facebook.forms[0].url: must use https (got http)" },
  { "platforms.facebook.forms[1].url", "\"https://www.example.org/help/contact/1\"",
    WSP_CATALOG_ERROR_URL, "platforms.facebook.forms[1].url: host www.example.org " NOT_ALLOWED },
  { "platforms.facebook.forms[0].url", "\"https://help.instagram.com/contact/233964459562201\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.facebook.forms[0].url: host help.instagram.com is not on platforms.facebook.hosts" },
  { "platforms.instagram.forms[0].url",
    "\"https://www.facebook.com/help/contact/6359191084165019\"", WSP_CATALOG_ERROR_URL,
    "platforms.instagram.forms[0].url: host www.facebook.com is not on platforms.instagram.hosts" },
  { "platforms.instagram.forms[1].url", "\"https://facebook.com@evil.com/\"", WSP_CATALOG_ERROR_URL,
    "platforms.instagram.forms[1].url: must not contain a user name (text before @)" },
  /* Meta's hosts, but a person's page, a group, or a query that could lead elsewhere. */
  { "platforms.facebook.forms[1].url", "\"https://www.facebook.com/groups/123456\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.facebook.forms[1].url: /groups/123456 is not one of the pages allowed on "
    "www.facebook.com (help and contact forms by number, help pages by number, privacy center "
    "and privacy policy pages)" },
  { "platforms.facebook.privacy_center.url", "\"https://www.facebook.com/zuck\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.facebook.privacy_center.url: /zuck is not one of the pages allowed on "
    "www.facebook.com (help and contact forms by number, help pages by number, privacy center "
    "and privacy policy pages)" },
  { "platforms.instagram.forms[0].url", "\"https://www.instagram.com/someone/\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.instagram.forms[0].url: www.instagram.com is not a host of Meta’s forms, help or "
    "privacy pages" },
  { "platforms.instagram.forms[1].url",
    "\"https://help.instagram.com/contact/767264225370182?next=https://evil.example/\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.instagram.forms[1].url: must not have a query (text after “?”)" },
  { "platforms.facebook.forms[1].confirmed", "\"May 2025\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms[1].confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },
  { "platforms.facebook.forms[1].confirmed", "\"2025-00\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms[1].confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },
  { "platforms.facebook.forms[0].source", "null", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.forms[0].source: must be a string (got null)" },
  { "platforms.instagram.privacy_center", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.privacy_center: missing" },
  { "platforms.instagram.privacy_center.url", "\"https://privacycenter.instagram.com:8443/\"",
    WSP_CATALOG_ERROR_URL, "platforms.instagram.privacy_center.url: must not use port 8443" },
  { "platforms.facebook.privacy_center", "[]", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.privacy_center: must be an object (got array)" },

  /* which form comes first where, and what it shows first */
  { "platforms.facebook.forms[1].first_in", "[]", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms[1].first_in: must not be empty" },
  { "platforms.facebook.forms[1].first_in", "[\"US\"]", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms[1].first_in[0]: US is not one of countries.codes" },
  { "platforms.facebook.forms[1].first_in", "[\"gb\"]", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms[1].first_in[0]: gb is not one of countries.codes" },
  { "platforms.instagram.forms[1].first_in", "[\"GB\", \"DE\"]", WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.forms[1].first_in[1]: DE already has a first form" },
  { "platforms.facebook.forms[0].first_screen.kind", "\"maybe\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.forms[0].first_screen.kind: must be “yes” or “choice” (got maybe)" },
  { "platforms.facebook.forms[0].first_screen.source", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.forms[0].first_screen.source: missing" },
  { "platforms.facebook.forms[1].first_screen", "\"yes\"", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.forms[1].first_screen: must be an object (got string)" },

  /* the third-party form */
  { "third_party_form", NULL, WSP_CATALOG_ERROR_MISSING, "third_party_form: missing" },
  { "third_party_form.url", "\"https://help.instagram.com/contact/510058597920541\"",
    WSP_CATALOG_ERROR_URL,
    "third_party_form.url: host help.instagram.com is not on platforms.facebook.hosts" },
  { "third_party_form.confirmed", "\"soon\"", WSP_CATALOG_ERROR_VALUE,
    "third_party_form.confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },

  /* facts */
  { "facts", NULL, WSP_CATALOG_ERROR_MISSING, "facts: missing" },
  { "facts", "[]", WSP_CATALOG_ERROR_TYPE, "facts: must be an object (got array)" },
  { "facts.emailed_code.countries", "[\"BR\", \"BR\"]", WSP_CATALOG_ERROR_VALUE,
    "facts.emailed_code.countries[1]: BR is listed twice" },
  { "facts.emailed_code.countries", "[\"US\"]", WSP_CATALOG_ERROR_VALUE,
    "facts.emailed_code.countries[0]: US is not one of countries.codes" },
  { "facts.emailed_code.countries", "[]", WSP_CATALOG_ERROR_VALUE,
    "facts.emailed_code.countries: must not be empty" },
  { "facts.pages.source", NULL, WSP_CATALOG_ERROR_MISSING, "facts.pages.source: missing" },
  { "facts.pages.confirmed", "\"2025\"", WSP_CATALOG_ERROR_VALUE,
    "facts.pages.confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },
  { "facts.pages", "true", WSP_CATALOG_ERROR_TYPE, "facts.pages: must be an object (got boolean)" },

  /* data protection authorities: each page on the hosts compiled in for its country */
  { "authorities", NULL, WSP_CATALOG_ERROR_MISSING, "authorities: missing" },
  { "authorities", "[]", WSP_CATALOG_ERROR_TYPE, "authorities: must be an object (got array)" },
  { "authorities", "{}", WSP_CATALOG_ERROR_VALUE, "authorities: must not be empty" },
  { "authorities.FR", "\"CNIL\"", WSP_CATALOG_ERROR_TYPE,
    "authorities.FR: must be an object (got string)" },
  { "authorities.fr", "{}", WSP_CATALOG_ERROR_VALUE,
    "authorities.fr: not an ISO 3166-1 alpha-2 code" },
  { "authorities.US", AUTHORITY ("https://www.ftc.gov/"), WSP_CATALOG_ERROR_VALUE,
    "authorities.US: US is not one of countries.codes" },
  { "authorities.FR.url", "\"http://www.cnil.fr/fr/plaintes\"",
    WSP_CATALOG_ERROR_AUTHORITY_URL,
    "authorities.FR.url: not a secure web address (https)" },
  { "authorities.FR.url", "\"https://www.cnil.fr.example.com/\"",
    WSP_CATALOG_ERROR_AUTHORITY_URL,
    "authorities.FR.url: www.cnil.fr.example.com is not a website of this country’s data "
    "protection authority" },
  /* Another country's authority, and Meta's own pages, are not this one's. */
  { "authorities.FR.url", "\"https://www.bfdi.bund.de/\"", WSP_CATALOG_ERROR_AUTHORITY_URL,
    "authorities.FR.url: www.bfdi.bund.de is not a website of this country’s data protection "
    "authority" },
  { "authorities.FR.url", "\"https://www.facebook.com/help/contact/6359191084165019\"",
    WSP_CATALOG_ERROR_AUTHORITY_URL,
    "authorities.FR.url: www.facebook.com is not a website of this country’s data protection "
    "authority" },
  { "authorities.FR.url", NULL, WSP_CATALOG_ERROR_MISSING, "authorities.FR.url: missing" },
  { "authorities.FR.name", "\" \"", WSP_CATALOG_ERROR_VALUE,
    "authorities.FR.name: must not be empty" },
  { "authorities.FR.source", NULL, WSP_CATALOG_ERROR_MISSING, "authorities.FR.source: missing" },
  { "authorities.FR.confirmed", "\"2026-13\"", WSP_CATALOG_ERROR_VALUE,
    "authorities.FR.confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },
  { "authorities.DE.federal_states", "1", WSP_CATALOG_ERROR_TYPE,
    "authorities.DE.federal_states: must be true or false (got integer)" },

  /* paths and steps */
  { "platforms.facebook.paths", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.paths: missing" },
  { "platforms.facebook.paths.browser", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.paths.browser: missing" },
  { "platforms.instagram.paths.app.confirmed", "\"2025-5\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.paths.app.confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },
  { "platforms.instagram.paths.app.source", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.paths.app.source: missing" },
  { "platforms.facebook.paths.app.steps", "{}", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.app.steps: must not be empty" },
  { "platforms.facebook.paths.app.steps", "[]", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.app.steps: must be an object (got array)" },
  { "platforms.facebook.paths.app.steps.en", "[]", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.app.steps.en: must not be empty" },
  { "platforms.instagram.paths.browser.steps.en", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.paths.browser.steps.en: missing" },
  { "platforms.facebook.paths.app.steps.de", "{\"label\": \"Menü\", \"help\": \"Tippen.\"}",
    WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.app.steps.de: must be an array (got object)" },
  { "platforms.facebook.paths.app.steps.DE", "[{\"label\": \"Menü\", \"help\": \"Tippen.\"}]",
    WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.app.steps.DE: not a language code like “de” or “pt_BR”" },
  { "platforms.facebook.paths.browser.steps.en[0]", "\"Profile picture\"", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.browser.steps.en[0]: must be an object (got string)" },
  { "platforms.facebook.paths.app.steps.de[2].label", "\"\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.app.steps.de[2].label: must not be empty" },
  { "platforms.facebook.paths.app.steps.de[2].label", "\"Ein\\nstellungen\"",
    WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.app.steps.de[2].label: must not contain control characters" },
  { "platforms.instagram.paths.app.steps.de[0].help", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.paths.app.steps.de[0].help: missing" },
  { "platforms.instagram.paths.app.steps.en[1].label", "[\"Menu\"]", WSP_CATALOG_ERROR_TYPE,
    "platforms.instagram.paths.app.steps.en[1].label: must be a string (got array)" },

  /* illustrations: a name, never a file or a path */
#define STEP_DE0 "platforms.facebook.paths.app.steps.de[0]"
#define STEP_EN0 "platforms.facebook.paths.app.steps.en[0]"
#define NOT_A_NAME ".illustration: not a drawing’s name like “phone-menu” (got "
  { STEP_DE0 ".illustration", "3", WSP_CATALOG_ERROR_TYPE,
    STEP_DE0 ".illustration: must be a string (got integer)" },
  { STEP_DE0 ".illustration", "null", WSP_CATALOG_ERROR_TYPE,
    STEP_DE0 ".illustration: must be a string (got null)" },
  { STEP_DE0 ".illustration", "\"\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 ".illustration: must not be empty" },
  { STEP_DE0 ".illustration", "\"menu-de.svg\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 NOT_A_NAME "menu-de.svg)" },
  { STEP_DE0 ".illustration", "\"Phone-Menu\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 NOT_A_NAME "Phone-Menu)" },
  { STEP_DE0 ".illustration", "\"../../etc/passwd\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 NOT_A_NAME "../../etc/passwd)" },
  { STEP_DE0 ".illustration", "\"phone menu\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 NOT_A_NAME "phone menu)" },
  { STEP_DE0 ".illustration", "\"-phone\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 NOT_A_NAME "-phone)" },
  { STEP_DE0 ".illustration", "\"phone-\"", WSP_CATALOG_ERROR_VALUE,
    STEP_DE0 NOT_A_NAME "phone-)" },
  { STEP_EN0 ".illustration", "\"phone--menu\"", WSP_CATALOG_ERROR_VALUE,
    STEP_EN0 NOT_A_NAME "phone--menu)" },
  { STEP_EN0 ".illustration", "\"menü\"", WSP_CATALOG_ERROR_VALUE,
    STEP_EN0 NOT_A_NAME "menü)" },
  { STEP_EN0 ".illustration",
    "\"a123456789a123456789a123456789a123456789a123456789a123456789abcde\"",
    WSP_CATALOG_ERROR_VALUE,
    STEP_EN0 NOT_A_NAME "a123456789a123456789a123456789a123456789a123456789a123456789abcde)" },

  /* the shorter routes are optional, but checked like the others when they are there */
  /* each language's labels have their own source and date */
  { "platforms.facebook.paths.app.sources", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.paths.app.sources: missing" },
  { "platforms.facebook.paths.app.sources", "[]", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.app.sources: must be an object (got array)" },
  { "platforms.facebook.paths.browser.sources.fr", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.paths.browser.sources.fr: missing" },
  { "platforms.instagram.paths.search.sources.sv",
    "{\"confirmed\": \"2025-05\", \"source\": \"a guide\"}", WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.paths.search.sources.sv: names a language that "
    "platforms.instagram.paths.search.steps.sv does not have" },
  { "platforms.facebook.paths.privacy_center.sources.en", "\"May 2025\"", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.privacy_center.sources.en: must be an object (got string)" },
  { "platforms.facebook.paths.app.sources.pt_BR.confirmed", "\"2025\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.app.sources.pt_BR.confirmed: not a date (YYYY-MM or YYYY-MM-DD)" },
  { "platforms.instagram.paths.app.sources.it.source", "\" \"", WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.paths.app.sources.it.source: must not be empty" },
  { "platforms.instagram.paths.app.sources.de.source", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.paths.app.sources.de.source: missing" },
  /* a language without a source for its labels: exactly the English labels */
  { "platforms.facebook.paths.genai.sources.fr.labels", "\"de\"", WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.genai.sources.fr.labels: must be “en”: only English labels stand "
    "in for a language’s own" },
  { "platforms.facebook.paths.genai.sources.fr.labels", "[\"en\"]", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.genai.sources.fr.labels: must be a string (got array)" },
  { "platforms.instagram.paths.browser.steps.it[1].label", "\"Impostazioni e privacy\"",
    WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.paths.browser.steps.it[1].label: must be the English label "
    "“Settings and privacy” (this language’s labels have no source)" },
  { "platforms.instagram.paths.browser.steps.pl",
    "[{\"label\": \"More\", \"help\": \"Kliknij More.\"}]", WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.paths.browser.steps.pl: must have the English labels’ 5 steps" },
  /* the AI page's route starts from its page, on the platform's own hosts */
  { "platforms.facebook.paths.genai.url", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.facebook.paths.genai.url: missing" },
  { "platforms.facebook.paths.genai.url", "\"http://www.facebook.com/privacy/genai/\"",
    WSP_CATALOG_ERROR_URL, "platforms.facebook.paths.genai.url: must use https (got http)" },
  { "platforms.facebook.paths.genai.url", "\"https://privacycenter.instagram.com/privacy/genai/\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.facebook.paths.genai.url: host privacycenter.instagram.com is not on "
    "platforms.facebook.hosts" },
  { "platforms.instagram.paths.genai.url", "\"https://evil.example/privacy/genai/\"",
    WSP_CATALOG_ERROR_URL,
    "platforms.instagram.paths.genai.url: host evil.example is not facebook.com, instagram.com, "
    "meta.com or a subdomain" },
  { "platforms.instagram.paths.genai.steps.pt_BR", "[]", WSP_CATALOG_ERROR_VALUE,
    "platforms.instagram.paths.genai.steps.pt_BR: must not be empty" },
  { "platforms.facebook.paths.privacy_center", "[]", WSP_CATALOG_ERROR_TYPE,
    "platforms.facebook.paths.privacy_center: must be an object (got array)" },
  { "platforms.instagram.paths.search.confirmed", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.paths.search.confirmed: missing" },
  { "platforms.instagram.paths.search.steps.en", NULL, WSP_CATALOG_ERROR_MISSING,
    "platforms.instagram.paths.search.steps.en: missing" },
  { "platforms.facebook.paths.privacy_center.steps.de[2].illustration", "\"x.svg\"",
    WSP_CATALOG_ERROR_VALUE,
    "platforms.facebook.paths.privacy_center.steps.de[2]" NOT_A_NAME "x.svg)" },
};

static void
test_broken_variants (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *variant = &variants[i];
      g_autoptr(JsonNode) root = parse_shipped ();
      g_autoptr(WspCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_test_message ("%s = %s", variant->path,
                      variant->json != NULL ? variant->json : "(removed)");

      change_node (root, variant->path, variant->json);
      bytes = serialize (root);
      catalog = wsp_catalog_new_from_bytes (bytes, &error);

      g_assert_null (catalog);
      g_assert_error (error, WSP_CATALOG_ERROR, (int) variant->code);
      g_assert_cmpstr (error->message, ==, variant->message);
      /* The message starts with the key path of the node that was changed. */
      g_assert_true (g_str_has_prefix (error->message, variant->path));
    }
}

static char *
date_from_now (int         days,
               const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, format);
}

static WspCatalog *
load_changed (const char  *path,
              const char  *json,
              GError     **error)
{
  g_autoptr(JsonNode) root = parse_shipped ();
  g_autoptr(GBytes) bytes = NULL;

  change_node (root, path, json);
  bytes = serialize (root);
  return wsp_catalog_new_from_bytes (bytes, error);
}

/* An update dated 9999-12-31 would be "newest" for ever and beat every later built-in catalog:
 * no date of an update may lie more than two days after the clock. */
static void
test_future_dates (void)
{
  g_autofree char *tomorrow = date_from_now (1, "\"%Y-%m-%d\"");
  g_autofree char *in_three_days = date_from_now (3, "%Y-%m-%d");
  g_autofree char *in_three_days_json = g_strdup_printf ("\"%s\"", in_three_days);
  g_autofree char *next_month = date_from_now (40, "%Y-%m");
  g_autofree char *next_month_json = g_strdup_printf ("\"%s\"", next_month);
  g_autofree char *message = NULL;
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = load_changed ("updated", "\"9999-12-31\"", &error);
  g_assert_null (catalog);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_FUTURE);
  g_assert_cmpstr (error->message, ==, "updated: 9999-12-31 is more than two days after today");
  g_clear_error (&error);

  catalog = load_changed ("updated", in_three_days_json, &error);
  g_assert_null (catalog);
  message = g_strdup_printf ("updated: %s is more than two days after today", in_three_days);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_FUTURE);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_clear_pointer (&message, g_free);

  /* Every date, the months of "confirmed" too. */
  catalog = load_changed ("platforms.instagram.forms[1].confirmed", next_month_json, &error);
  g_assert_null (catalog);
  message = g_strdup_printf ("platforms.instagram.forms[1].confirmed: %s is more than two days "
                             "after today", next_month);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_FUTURE);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* Tomorrow is fine: time zones, a clock a little behind. */
  catalog = load_changed ("updated", tomorrow, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
}

/* Notes: what changed for the user, in every language of the app, newest first. */
static void
test_notes (void)
{
  g_autoptr(WspCatalog) shipped = load_shipped ();
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "en", "de", "fr", "it", "es", "nl", "pl", "pt_BR" };
  const char *date = NULL;
  char *seen = NULL;
  char *seen_again = NULL;

  g_assert_cmpuint (wsp_catalog_get_n_notes (shipped), >=, 1);
  for (guint i = 0; i < wsp_catalog_get_n_notes (shipped); i++)
    {
      g_autofree char *english = NULL;

      g_setenv ("LANGUAGE", "en", TRUE);
      english = g_strdup (wsp_catalog_get_note (shipped, i, NULL));
      for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
        {
          g_setenv ("LANGUAGE", languages[l], TRUE);
          g_test_message ("note %u in %s", i, languages[l]);
          g_assert_cmpstr (wsp_catalog_get_note (shipped, i, NULL), !=, english);
        }
    }
  g_setenv ("LANGUAGE", "en", TRUE);

  /* Newest first, whatever the order in the file; English where a language is missing. */
  catalog = load_changed ("notes",
                          "[{\"date\": \"2026-01-02\", \"text\": {\"en\": \"old\"}},"
                          " {\"date\": \"2026-03-04\", \"text\": {\"en\": \"new\", \"de\": \"neu\"}},"
                          " {\"date\": \"2026-02-03\", \"text\": {\"en\": \"middle\"}}]",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_catalog_get_n_notes (catalog), ==, 3);
  g_assert_cmpstr (wsp_catalog_get_note (catalog, 0, &date), ==, "new");
  g_assert_cmpstr (date, ==, "2026-03-04");
  g_assert_cmpstr (wsp_catalog_get_note (catalog, 2, &date), ==, "old");
  g_setenv ("LANGUAGE", "de_AT:en", TRUE);
  g_assert_cmpstr (wsp_catalog_get_note (catalog, 0, NULL), ==, "neu");
  g_assert_cmpstr (wsp_catalog_get_note (catalog, 1, NULL), ==, "middle");
  g_setenv ("LANGUAGE", "en", TRUE);

  /* The first start: nothing is news, the newest date is remembered. */
  g_assert_cmpuint (wsp_catalog_count_new_notes (catalog, "", &seen), ==, 0);
  g_assert_cmpstr (seen, ==, wsp_catalog_get_updated (catalog));
  g_clear_pointer (&seen, g_free);
  /* Later: what came after the date remembered, once. */
  g_assert_cmpuint (wsp_catalog_count_new_notes (catalog, "2026-01-15", &seen), ==, 2);
  g_assert_cmpstr (seen, ==, "2026-03-04");
  g_assert_cmpuint (wsp_catalog_count_new_notes (catalog, "2026-03-04", &seen_again), ==, 0);
  g_assert_cmpstr (seen_again, ==, "2026-03-04");
  g_clear_pointer (&seen, g_free);
  g_clear_pointer (&seen_again, g_free);

  g_clear_object (&catalog);
  catalog = load_changed ("notes", "[{\"date\": \"2026-01-02\", \"text\": {\"de\": \"neu\"}}]",
                          &error);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "notes[0].text.en: missing");
  g_clear_error (&error);

  catalog = load_changed ("notes", "[{\"date\": \"2026-01\", \"text\": {\"en\": \"x\"}}]",
                          &error);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "notes[0].date: not a date (YYYY-MM-DD)");
  g_clear_error (&error);

  catalog = load_changed ("notes", "[{\"date\": \"9999-01-01\", \"text\": {\"en\": \"x\"}}]",
                          &error);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_FUTURE);
  g_clear_error (&error);

  catalog = load_changed ("notes", "[{\"date\": \"2026-01-02\", \"text\": {\"EN\": \"x\"}}]",
                          &error);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "notes[0].text.EN: not a language code like “de” or “pt_BR”");
  g_clear_error (&error);

  /* Optional: a catalog without notes has none. */
  catalog = load_changed ("notes", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_catalog_get_n_notes (catalog), ==, 0);
  g_assert_cmpuint (wsp_catalog_count_new_notes (catalog, "2026-01-15", &seen), ==, 0);
  g_assert_cmpstr (seen, ==, "2026-01-15");
  g_free (seen);
}

/* The version is checked before anything else. */
static void
test_broken_version_first (void)
{
  g_autoptr(JsonNode) root = parse_shipped ();
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  change_node (root, "schema", "3");
  change_node (root, "updated", NULL);
  change_node (root, "countries", "\"everywhere\"");
  change_node (root, "platforms", NULL);
  bytes = serialize (root);
  catalog = wsp_catalog_new_from_bytes (bytes, &error);

  g_assert_null (catalog);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==, "schema: unknown version 3 (this app reads version 2)");
}

typedef struct {
  const char      *data;
  gssize           length;   /* -1: strlen */
  WspCatalogError  code;
  const char      *message;  /* a prefix of the error message */
} RawVariant;

static const RawVariant raw_variants[] = {
  { "", 0, WSP_CATALOG_ERROR_EMPTY, "catalog: no data" },
  { " \n\t\r\n", -1, WSP_CATALOG_ERROR_EMPTY, "catalog: no data" },
  { "not json", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: " },
  { "{\"schema\": 2,", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: " },
  { "<?xml version=\"1.0\"?><catalog/>", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: " },
  { "{\"schema\": 2, \"updated\": \"\xff\"}", -1, WSP_CATALOG_ERROR_PARSE,
    "catalog: not JSON: not valid UTF-8" },
  { "{\"schema\": 2}\0{}", 15, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: not valid UTF-8" },
  { "[]", -1, WSP_CATALOG_ERROR_TYPE, "catalog: must be an object (got array)" },
  { "\"catalog\"", -1, WSP_CATALOG_ERROR_TYPE, "catalog: must be an object (got string)" },
  { "{}", -1, WSP_CATALOG_ERROR_MISSING, "schema: missing" },
  { "{\"schema\": 3}", -1, WSP_CATALOG_ERROR_VERSION,
    "schema: unknown version 3 (this app reads version 2)" },
  { "{\"schema\": 1}", -1, WSP_CATALOG_ERROR_VERSION,
    "schema: unknown version 1 (this app reads version 2)" },
  { "{\"schema\": -1, \"platforms\": 5}", -1, WSP_CATALOG_ERROR_VERSION,
    "schema: unknown version -1 (this app reads version 2)" },
  { "{\"schema\": true}", -1, WSP_CATALOG_ERROR_TYPE, "schema: must be an integer (got boolean)" },
  { "{\"schema\": 2}", -1, WSP_CATALOG_ERROR_MISSING, "updated: missing" },
  { "{\"schema\": 2, \"updated\": \"2026-11-28\"}", -1, WSP_CATALOG_ERROR_MISSING,
    "countries: missing" },
  /* json-glib would read each as two documents and leak the first (found by fuzz-catalog,
   * tests/fuzz/corpus-catalog/leak-two-values.json). */
  { "[][]", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: more than one value" },
  { "{\"schema\": 2} {\"schema\": 2}", -1, WSP_CATALOG_ERROR_PARSE,
    "catalog: not JSON: more than one value" },
  { "\"a\\\"]\" {}", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: more than one value" },
  { "true false", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: more than one value" },
  { "{\"schema\": 2}\n\t ", -1, WSP_CATALOG_ERROR_MISSING, "updated: missing" },
  /* json-glib would cut these strings at the NUL without an error. */
  { "{\"schema\": 2, \"updated\": \"2026-11-28\\u0000 and more\"}", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: a string contains a NUL character (\\u0000)" },
  { "{\"schema\": 2, \"x\\u0000y\": 1}", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: a string contains a NUL character (\\u0000)" },
  /* An escaped backslash before "u0000" is just text. */
  { "{\"schema\": 2, \"x\\\\u0000\": 1}", -1, WSP_CATALOG_ERROR_MISSING, "updated: missing" },
  /* json-glib decodes a lone surrogate into invalid UTF-8 and leaks on a broken pair (found by
   * fuzz-catalog: tests/fuzz/corpus-catalog/crash-surrogate-in-parse-error.json,
   * leak-broken-surrogate-pair.json, leak-short-escape.json). */
  { "{\"schema\": 2, \"updated\": \"\\ud800x\"}", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: not valid text (a broken \\u escape)" },
  { "{\"schema\": 2, \"a\\ud800b\" 2}", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: not valid text (a broken \\u escape)" },
  { "\"\\ud800\\ud800\"", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: not valid text (a broken \\u escape)" },
  { "\"\\udc00\\ud800\"", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: not valid text (a broken \\u escape)" },
  { "\"\\uD83D\"", -1, WSP_CATALOG_ERROR_VALUE, "catalog: not valid text (a broken \\u escape)" },
  { "\"\\udcc]\\u0041\"", -1, WSP_CATALOG_ERROR_VALUE,
    "catalog: not valid text (a broken \\u escape)" },
  { "\"\\u00e\"", -1, WSP_CATALOG_ERROR_VALUE, "catalog: not valid text (a broken \\u escape)" },
  { "\"\\x41\"", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: an unknown escape sequence" },
  { "\"abc\\", -1, WSP_CATALOG_ERROR_PARSE, "catalog: not JSON: an unknown escape sequence" },
  /* json-glib would keep the last of two members with one name, and a cache the raw bytes with
   * the first (issue 17): refused at any depth, escapes decoded first. */
  { "{\"schema\": 1, \"schema\": 1}", -1, WSP_CATALOG_ERROR_PARSE,
    "catalog: an object has the same key twice" },
  { "{\"a\": {\"url\": \"https://evil.example/\", \"url\": \"https://www.facebook.com/\"}}", -1,
    WSP_CATALOG_ERROR_PARSE, "catalog: an object has the same key twice" },
  { "{\"a\": [{\"b\": 1, \"\\u0062\": 2}]}", -1, WSP_CATALOG_ERROR_PARSE,
    "catalog: an object has the same key twice" },
  /* The same name in two objects, or as a value, is no duplicate. */
  { "{\"a\": {\"a\": \"a\"}, \"b\": [{\"a\": 1}, {\"a\": 1}], \"c\": \"b\"}", -1,
    WSP_CATALOG_ERROR_MISSING, "schema: missing" },
  { "{\"a\\\"\": 1, \"a\": 2, \"x\": \"\\\",\\\"a\\\": 3\"}", -1, WSP_CATALOG_ERROR_MISSING,
    "schema: missing" },
  /* A real pair (an emoji) is fine, and so is a NUL that is not an escape. */
  { "{\"schema\": 2, \"x\": \"\\ud83d\\ude00 \\\\u0000 \\\"\\/\\b\\f\\n\\r\\t\"}", -1,
    WSP_CATALOG_ERROR_MISSING,
    "updated: missing" },
  /* Whatever json-glib quotes from the input in its message comes out as valid UTF-8. */
  { "{\"schema\": 2, \"a\\ud83d\\ude00b\" 2}", -1, WSP_CATALOG_ERROR_PARSE,
    "catalog: not JSON: <data>:1:" },
};

static void
test_broken_raw (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (raw_variants); i++)
    {
      const RawVariant *variant = &raw_variants[i];
      gsize length = variant->length >= 0 ? (gsize) variant->length : strlen (variant->data);
      g_autoptr(GBytes) bytes = g_bytes_new_static (variant->data, length);
      g_autoptr(WspCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("variant %u", i);

      catalog = wsp_catalog_new_from_bytes (bytes, &error);

      g_assert_null (catalog);
      g_assert_error (error, WSP_CATALOG_ERROR, (int) variant->code);
      g_assert_true (g_str_has_prefix (error->message, variant->message));
      /* The message is shown to people: whatever the input, it must be text. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_broken_too_large (void)
{
  g_autoptr(GBytes) shipped = read_shipped ();
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *text = g_bytes_get_data (shipped, &size);

  /* Valid JSON, only padded with white space past 1 MiB */
  g_byte_array_append (data, text, size);
  while (data->len <= 1024 * 1024)
    g_byte_array_append (data, (const guint8 *) "        ", 8);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  catalog = wsp_catalog_new_from_bytes (bytes, &error);

  g_assert_null (catalog);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "catalog: larger than 1048576 bytes");
}

static void
test_broken_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"schema\": 2, \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  catalog = wsp_catalog_new_from_bytes (bytes, &error);

  g_assert_null (catalog);
  g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "catalog: not JSON: nested deeper than 32 levels");
}

/* Later schema additions within version 2 must not break this loader. */
static void
test_unknown_keys (void)
{
  g_autoptr(JsonNode) root = parse_shipped ();
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *out_language = NULL;

  change_node (root, "comment", "\"for the docs\"");
  change_node (root, "platforms.threads", "{\"hosts\": [\"threads.net\"]}");
  change_node (root, "platforms.facebook.paths.app.steps.de[0].animation", "\"menu-de.webm\"");
  change_node (root, "platforms.facebook.paths.threads", "{\"steps\": 3}");
  change_node (root, "platforms.facebook.paths.app.steps.sv",
               "[{\"label\": \"Meny\", \"help\": \"Tryck på menyn.\", \"animation\": 3}]");
  change_node (root, "platforms.facebook.paths.app.sources.sv",
               "{\"confirmed\": \"2026-01\", \"source\": \"a guide\", \"url\": 5}");
  change_node (root, "platforms.facebook.paths.app.steps.pt_BR",
               "[{\"label\": \"Menu\", \"help\": \"Toque no menu.\"}]");
  change_node (root, "platforms.facebook.paths.search.url", "\"not checked\"");
  change_node (root, "platforms.instagram.forms[0].note", "[1, 2, 3]");
  bytes = serialize (root);

  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_assert_cmpstr (label_of (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "de", 0), ==, "Menü");

  /* The new languages are there for the path that has them, English elsewhere. */
  g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "sv",
                                             &out_language), ==, 1);
  g_assert_cmpstr (out_language, ==, "sv");
  g_assert_cmpstr (wsp_catalog_get_labels_confirmed (catalog, WSP_PLATFORM_FACEBOOK,
                                                     WSP_ROUTE_APP, "sv"), ==, "2026-01");
  /* Only the AI page's route has a page of its own: elsewhere "url" is not read */
  g_assert_null (wsp_catalog_get_path_url (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_SEARCH));
  g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_BR",
                                             &out_language), ==, 1);
  g_assert_cmpstr (out_language, ==, "pt_BR");
  g_assert_cmpstr (wsp_catalog_get_step (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_BR",
                                         0)->help, ==, "Toque no menu.");
  g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_APP, "pt_PT",
                                             &out_language), ==, 5);
  g_assert_cmpstr (out_language, ==, "en");
  g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, WSP_PLATFORM_FACEBOOK, WSP_ROUTE_BROWSER,
                                             "sv", &out_language), ==, 5);
  g_assert_cmpstr (out_language, ==, "en");

  /* pick_language looks at every path */
  g_setenv ("LANGUAGE", "sv_SE", TRUE);
  g_assert_cmpstr (wsp_catalog_pick_language (catalog), ==, "sv");
  g_setenv ("LANGUAGE", "pt_BR:de", TRUE);
  g_assert_cmpstr (wsp_catalog_pick_language (catalog), ==, "pt_BR");
  g_setenv ("LANGUAGE", "en", TRUE);
}

static void
test_resource_missing (void)
{
  g_autoptr(GError) error = NULL;
  WspCatalog *catalog;

  catalog = wsp_catalog_new_from_resource ("/io/github/widerspruch/Widerspruch/none.json", &error);

  g_assert_null (catalog);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

static void
test_platform_ids (void)
{
  g_assert_cmpstr (wsp_platform_get_id (WSP_PLATFORM_FACEBOOK), ==, "facebook");
  g_assert_cmpstr (wsp_platform_get_id (WSP_PLATFORM_INSTAGRAM), ==, "instagram");
  g_assert_cmpstr (wsp_platform_get_name (WSP_PLATFORM_FACEBOOK), ==, "Facebook");
  g_assert_cmpstr (wsp_platform_get_name (WSP_PLATFORM_INSTAGRAM), ==, "Instagram");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/shipped/load", test_shipped_load);
  g_test_add_func ("/catalog/shipped/forms", test_shipped_forms);
  g_test_add_func ("/catalog/shipped/form-per-country", test_shipped_form_per_country);
  g_test_add_func ("/catalog/shipped/facts", test_shipped_facts);
  g_test_add_func ("/catalog/shipped/hosts", test_shipped_hosts);
  g_test_add_func ("/catalog/shipped/urls", test_shipped_urls);
  g_test_add_func ("/catalog/shipped/steps", test_shipped_steps);
  g_test_add_func ("/catalog/shipped/app-languages", test_app_languages);
  g_test_add_func ("/catalog/shipped/languages", test_shipped_languages);
  g_test_add_func ("/catalog/shipped/countries", test_shipped_countries);
  g_test_add_func ("/catalog/optional-keys", test_optional_keys);
  g_test_add_func ("/catalog/steps/fallback", test_steps_fallback);
  g_test_add_func ("/catalog/steps/pick-language", test_pick_language);
  g_test_add_func ("/catalog/url-is-allowed", test_url_is_allowed);
  g_test_add_func ("/catalog/broken/variants", test_broken_variants);
  g_test_add_func ("/catalog/broken/version-first", test_broken_version_first);
  g_test_add_func ("/catalog/broken/future-dates", test_future_dates);
  g_test_add_func ("/catalog/notes", test_notes);
  g_test_add_func ("/catalog/broken/raw", test_broken_raw);
  g_test_add_func ("/catalog/broken/too-large", test_broken_too_large);
  g_test_add_func ("/catalog/broken/too-deep", test_broken_too_deep);
  g_test_add_func ("/catalog/unknown-keys", test_unknown_keys);
  g_test_add_func ("/catalog/resource-missing", test_resource_missing);
  g_test_add_func ("/catalog/platform-ids", test_platform_ids);

  return g_test_run ();
}
