/* test-authorities.c: an authority for every covered country, each https on its own hosts
 *
 * (How the catalog's "authorities" are checked when loaded: tests/test-catalog.c.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-countries.h"
#include "wsp-test-util.h"

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
  gsize length = 0;
  char *contents = wsp_test_read_file (path, &length);

  return g_bytes_new_take (contents, length);
}

static WspCatalog *
load_shipped (void)
{
  g_autoptr(GBytes) bytes = read_data ("catalog.json");
  g_autoptr(GError) error = NULL;
  WspCatalog *catalog = wsp_catalog_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* The countries the catalog says the objection applies in. */
static GStrv
covered_countries (void)
{
  g_autoptr(GBytes) bytes = read_data ("catalog.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  JsonArray *array;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), NULL));
  array = json_object_get_array_member (json_object_get_object_member (
      json_node_get_object (json_parser_get_root (parser)), "countries"), "codes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (codes, json_array_get_string_element (array, i));

  return g_strv_builder_end (codes);
}

static void
test_every_country (void)
{
  g_autoptr(WspCatalog) catalog = load_shipped ();
  g_auto(GStrv) covered = covered_countries ();
  g_autoptr(GListModel) fallback = wsp_countries_load_fallback ();
  guint n_fallback = g_list_model_get_n_items (fallback);

  g_assert_cmpuint (g_strv_length (covered), ==, 33);
  for (guint i = 0; covered[i] != NULL; i++)
    {
      const WspAuthority *authority = wsp_catalog_get_authority (catalog, covered[i]);

      g_test_message ("%s", covered[i]);
      g_assert_nonnull (authority);
      g_assert_cmpstr (authority->country, ==, covered[i]);
      g_assert_cmpuint (strlen (authority->name), >, 3);
      g_assert_true (g_str_has_prefix (authority->url, "https://"));
      g_assert_true (wsp_authority_url_is_allowed (covered[i], authority->url, NULL));
      g_assert_cmpuint (strlen (authority->source), >, 10);
      g_assert_cmpuint (strlen (authority->confirmed), >=, 7);
      /* Only Germany sends the user on to a list of authorities. */
      g_assert_true (authority->federal_states == g_str_equal (covered[i], "DE"));
    }

  /* The countries the app lists when iso-codes is missing are the same ones. */
  g_assert_cmpuint (n_fallback, ==, g_strv_length (covered));
  g_assert_nonnull (wsp_catalog_get_authority (catalog, "de"));
  /* Anywhere else: none, which the app says. */
  g_assert_null (wsp_catalog_get_authority (catalog, "US"));
  g_assert_null (wsp_catalog_get_authority (catalog, NULL));
}

static void
test_hosts (void)
{
  struct {
    const char *country;
    const char *url;
    gboolean    allowed;
  } cases[] = {
    { "FR", "https://www.cnil.fr/fr/plaintes", TRUE },
    { "fr", "https://cnil.fr/", TRUE },
    { "FR", "http://www.cnil.fr/fr/plaintes", FALSE },
    { "FR", "HTTPS://www.cnil.fr/", FALSE },
    { "FR", "https://www.cnil.fr.example.com/", FALSE },
    { "FR", "https://evilcnil.fr/", FALSE },
    { "FR", "https://user@www.cnil.fr/", FALSE },
    { "FR", "https://www.cnil.fr:8443/", FALSE },
    { "FR", "https://www.cnil.fr/ plaintes", FALSE },
    { "FR", "https://www.cnil.fr\\@example.com/", FALSE },
    /* Another country's authority is not this one's. */
    { "DE", "https://www.cnil.fr/fr/plaintes", FALSE },
    { "US", "https://www.ftc.gov/", FALSE },
    { "DE", "https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/Laender-node.html", TRUE },
    { "BR", "https://www.gov.br/anpd/", TRUE },
    { "BR", "https://1.2.3.4/", FALSE },
    { "BR", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean allowed = wsp_authority_url_is_allowed (cases[i].country, cases[i].url, &error);

      g_test_message ("%s %s", cases[i].country, cases[i].url);
      g_assert_true (allowed == cases[i].allowed);
      if (!allowed)
        g_assert_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_URL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

  g_test_add_func ("/authorities/every-country", test_every_country);
  g_test_add_func ("/authorities/hosts", test_hosts);

  return g_test_run ();
}
