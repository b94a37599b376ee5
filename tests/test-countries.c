/* test-countries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-countries.h"
#include "wsp-test-util.h"

static WspCountry *
get_country (GListModel *model,
             const char *code)
{
  guint position = wsp_countries_find (model, code);
  g_autoptr(WspCountry) country = NULL;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  country = g_list_model_get_item (model, position);
  g_assert_true (WSP_IS_COUNTRY (country));

  /* The model holds a reference for as long as the test holds the model. */
  return country;
}

static guint
find_by_name (GListModel *model,
              const char *name)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (model, i);

      if (g_strcmp0 (wsp_country_get_name (country), name) == 0)
        return i;
    }

  g_error ("no country is called “%s”", name);
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(WspCountry) country = g_list_model_get_item (model, position);

  g_assert_nonnull (country);
  return wsp_country_get_name (country);
}

/* For g_ptr_array_sort(), which passes pointers to the elements */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The codes of all countries matching @query, sorted, comma-separated. */
static char *
matching_codes (GListModel *model,
                const char *query)
{
  g_autofree char *folded = wsp_countries_fold (query);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (model, i);

      if (wsp_country_matches (country, folded))
        g_ptr_array_add (codes, (gpointer) wsp_country_get_code (country));
    }

  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);

  return g_strjoinv (",", (char **) codes->pdata);
}

/* The number of entries in iso-codes' file, counted without our code. */
static guint
count_entries_in_file (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, ISO_CODES_JSON, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  return json_array_get_length (json_object_get_array_member (root, "3166-1"));
}

static void
test_load_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = wsp_countries_load (NULL, &error);
  guint n_items;
  WspCountry *austria;
  WspCountry *korea;

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == WSP_TYPE_COUNTRY);

  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, ==, count_entries_in_file ());
  g_assert_cmpuint (n_items, >=, 249);

  austria = get_country (model, "AT");
  g_assert_cmpstr (wsp_country_get_code (austria), ==, "AT");
  g_assert_cmpstr (wsp_country_get_name (austria), ==, "Austria");
  g_assert_cmpstr (wsp_country_get_english_name (austria), ==, "Austria");

  /* Without a translation, the common name is the one people know. */
  korea = get_country (model, "KR");
  g_assert_cmpstr (wsp_country_get_name (korea), ==, "South Korea");
  g_assert_cmpstr (wsp_country_get_english_name (korea), ==, "South Korea");

  g_assert_cmpstr (wsp_country_get_name (get_country (model, "DE")), ==, "Germany");
  g_assert_cmpstr (wsp_country_get_name (get_country (model, "GB")), ==, "United Kingdom");

  /* Sorted by name, accents not pushing "Åland" to the end. */
  g_assert_cmpstr (name_at (model, 0), ==, "Afghanistan");
  g_assert_cmpstr (name_at (model, 1), ==, "Åland Islands");
  g_assert_cmpstr (name_at (model, 2), ==, "Albania");
  g_assert_cmpstr (name_at (model, find_by_name (model, "Austria") - 1), ==, "Australia");
  g_assert_cmpstr (name_at (model, find_by_name (model, "Austria") + 1), ==, "Azerbaijan");
  g_assert_cmpstr (name_at (model, n_items - 1), ==, "Zimbabwe");
}

static void
check_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = wsp_countries_load (NULL, &error);
  guint austria;
  g_autofree char *osterr = NULL;
  g_autofree char *osterr_upper = NULL;
  g_autofree char *reich = NULL;
  g_autofree char *austria_english = NULL;
  g_autofree char *code = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *korea = NULL;

  g_assert_no_error (error);

  g_assert_cmpstr (wsp_country_get_name (get_country (model, "AT")), ==, "Österreich");
  g_assert_cmpstr (wsp_country_get_name (get_country (model, "DE")), ==, "Deutschland");
  g_assert_cmpstr (wsp_country_get_name (get_country (model, "CH")), ==, "Schweiz");
  g_assert_cmpstr (wsp_country_get_name (get_country (model, "FR")), ==, "Frankreich");
  /* The translated common name, not "Korea, Republik" */
  g_assert_cmpstr (wsp_country_get_name (get_country (model, "KR")), ==, "Südkorea");
  /* Translated identically to the English common name: still the short one. */
  g_assert_cmpstr (wsp_country_get_name (get_country (model, "IR")), ==, "Iran");
  g_assert_cmpstr (wsp_country_get_english_name (get_country (model, "AT")), ==, "Austria");

  /* Where a German dictionary (and glibc's de_DE collation) puts it. */
  austria = find_by_name (model, "Österreich");
  g_assert_cmpstr (name_at (model, austria - 1), ==, "Oman");
  g_assert_cmpstr (name_at (model, austria + 1), ==, "Pakistan");
  g_assert_cmpuint (find_by_name (model, "Ägypten"), <, find_by_name (model, "Albanien"));

  osterr = matching_codes (model, "osterr");
  g_assert_cmpstr (osterr, ==, "AT");
  osterr_upper = matching_codes (model, "ÖSTERR");
  g_assert_cmpstr (osterr_upper, ==, "AT");
  /* Vereinigtes Königreich has a "reich" too. */
  reich = matching_codes (model, "reich");
  g_assert_cmpstr (reich, ==, "AT,FR,GB");
  austria_english = matching_codes (model, "Austria");
  g_assert_cmpstr (austria_english, ==, "AT");
  code = matching_codes (model, "ch");
  g_assert_true (strstr (code, "CH") != NULL);
  korea = matching_codes (model, "sudkorea");
  g_assert_cmpstr (korea, ==, "KR");
  nothing = matching_codes (model, "xyzzy");
  g_assert_cmpstr (nothing, ==, "");
}

static void
test_load_german (void)
{
  g_autofree char *old_language = NULL;

  /* glibc caches every translation it looked up, keyed without LANGUAGE, so switching
   * LANGUAGE in this process would still give the English names from the test before (only
   * bumping glibc's private _nl_msg_cat_cntr clears that cache). A fresh child process started
   * with LANGUAGE=de reads the German catalog from the start: it inherits the environment, and
   * its main() calls setlocale () and binds the text domains before this check runs. */
  if (g_test_subprocess ())
    {
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "de");
      check_german ();
      return;
    }

  old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_test_trap_assert_passed ();
}

static void
test_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = wsp_countries_load (NULL, &error);
  g_autofree char *all = NULL;
  g_autofree char *all_codes = NULL;
  g_autofree char *code = NULL;
  g_autofree char *cote = NULL;
  g_autofree char *spaces = NULL;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint n_items;

  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (model, i);

      g_ptr_array_add (codes, g_strdup (wsp_country_get_code (country)));
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  all_codes = g_strjoinv (",", (char **) codes->pdata);
  g_ptr_array_unref (codes);

  all = matching_codes (model, "");
  g_assert_cmpstr (all, ==, all_codes);

  /* "at" is Austria's code and also inside many names; the code alone matches whole. */
  code = matching_codes (model, "AT");
  g_assert_true (g_str_has_prefix (code, "AT,") || strstr (code, ",AT,") != NULL);
  g_assert_true (wsp_country_matches (get_country (model, "AT"), "at"));
  /* Part of a code is not enough: "Switzerland" has no "c". */
  g_assert_true (wsp_country_matches (get_country (model, "CH"), "ch"));
  g_assert_false (wsp_country_matches (get_country (model, "CH"), "c"));
  g_assert_true (wsp_country_matches (get_country (model, "DE"), "de"));
  g_assert_false (wsp_country_matches (get_country (model, "DE"), "d"));

  cote = matching_codes (model, "cote d");
  g_assert_cmpstr (cote, ==, "CI");
  spaces = matching_codes (model, "  united   kingdom ");
  g_assert_cmpstr (spaces, ==, "GB");
}

static void
test_fold (void)
{
  const struct {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Straße", "strasse" },
    { "STRASSE", "strasse" },
    { "Österreich", "osterreich" },
    { "ÖSTERREICH", "osterreich" },
    { "O\xcc\x88sterreich", "osterreich" },        /* decomposed input */
    { "Côte d’Ivoire", "cote d’ivoire" },
    { "  Saint   Barthélemy\t", "saint barthelemy" },
    { "Færøerne", "faeroerne" },
    { "Łódź", "lodz" },
    { "İstanbul", "istanbul" },
    { "Việt Nam", "viet nam" },
    { "", "" },
    { "   ", "" },
    { "AT", "at" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = wsp_countries_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_code_from_locale (void)
{
  const struct {
    const char *locale;
    const char *code;
  } cases[] = {
    { "de_AT.UTF-8", "AT" },
    { "pt_BR", "BR" },
    { "de_DE@euro", "DE" },
    { "en_US.UTF-8", "US" },
    { "fr_CH.UTF-8@latin", "CH" },
    { "sr_RS@latin", "RS" },
    { "ber_MA", "MA" },
    { "de_at.utf8", "AT" },
    { "C", NULL },
    { "C.UTF-8", NULL },
    { "POSIX", NULL },
    { "de", NULL },
    { "de.UTF-8", NULL },
    { "", NULL },
    { NULL, NULL },
    { "de_A", NULL },
    { "de_AUT", NULL },
    { "es_419", NULL },
    { "_AT", NULL },
    { "de_", NULL },
    { "d1_AT", NULL },
    { "de_A1", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *code = wsp_countries_code_from_locale (cases[i].locale);

      g_assert_cmpstr (code, ==, cases[i].code);
      /* Interned: the same pointer every time, safe to keep. */
      if (code != NULL)
        g_assert_true (code == g_intern_string (cases[i].code));
    }
}

static void
test_default_code (void)
{
  const char *variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  char *saved[G_N_ELEMENTS (variables)];

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      saved[i] = g_strdup (g_getenv (variables[i]));
      g_unsetenv (variables[i]);
    }

  /* The process locale is C.UTF-8 (tests/meson.build), which has no country; the
   * environment decides. */
  g_setenv ("LANG", "de_AT.UTF-8", TRUE);
  g_assert_cmpstr (wsp_countries_default_code (), ==, "AT");

  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_assert_null (wsp_countries_default_code ());

  g_unsetenv ("LANG");
  g_assert_null (wsp_countries_default_code ());

  /* LC_ALL, then LC_MESSAGES, then LANG; the first one that names a country */
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  g_setenv ("LC_MESSAGES", "fr_CH.UTF-8", TRUE);
  g_assert_cmpstr (wsp_countries_default_code (), ==, "CH");
  g_setenv ("LC_ALL", "pt_BR.UTF-8", TRUE);
  g_assert_cmpstr (wsp_countries_default_code (), ==, "BR");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpstr (wsp_countries_default_code (), ==, "CH");
  g_setenv ("LC_MESSAGES", "", TRUE);
  g_assert_cmpstr (wsp_countries_default_code (), ==, "DE");

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      if (saved[i] != NULL)
        g_setenv (variables[i], saved[i], TRUE);
      else
        g_unsetenv (variables[i]);
      g_free (saved[i]);
    }
}

static void
test_find (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = wsp_countries_load (NULL, &error);
  guint position;
  g_autoptr(WspCountry) country = NULL;

  g_assert_no_error (error);

  position = wsp_countries_find (model, "CH");
  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  country = g_list_model_get_item (model, position);
  g_assert_cmpstr (wsp_country_get_code (country), ==, "CH");
  g_assert_cmpstr (wsp_country_get_name (country), ==, "Switzerland");

  g_assert_cmpuint (wsp_countries_find (model, "ch"), ==, position);
  g_assert_cmpuint (wsp_countries_find (model, "XX"), ==, G_MAXUINT);
  g_assert_cmpuint (wsp_countries_find (model, ""), ==, G_MAXUINT);
  g_assert_cmpuint (wsp_countries_find (model, NULL), ==, G_MAXUINT);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_small_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-countries-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(WspCountry) first = NULL;
  g_autoptr(WspCountry) second = NULL;

  g_assert_no_error (error);
  path = write_file (dir, "small.json",
                     "{ \"3166-1\": ["
                     "  { \"alpha_2\": \"ZZ\", \"name\": \"Zedland\", \"extra\": 1 },"
                     "  { \"alpha_2\": \"QQ\", \"name\": \"Quux, Republic of\","
                     "    \"common_name\": \"Quux\" }"
                     "] }");

  model = wsp_countries_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (wsp_country_get_code (first), ==, "QQ");
  g_assert_cmpstr (wsp_country_get_name (first), ==, "Quux");
  g_assert_cmpstr (wsp_country_get_english_name (first), ==, "Quux");
  g_assert_cmpstr (wsp_country_get_code (second), ==, "ZZ");
  g_assert_cmpstr (wsp_country_get_name (second), ==, "Zedland");

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_broken_files (void)
{
  const struct {
    const char *name;
    const char *contents;
    const char *message_end;
  } cases[] = {
    { "empty.json", "", "The file is empty." },
    { "array.json", "[]", "The file does not hold a JSON object." },
    { "string.json", "\"3166-1\"", "The file does not hold a JSON object." },
    { "wrong-key.json", "{ \"3166-2\": [] }", "The file has no “3166-1” list of countries." },
    { "not-array.json", "{ \"3166-1\": {} }", "The file has no “3166-1” list of countries." },
    { "no-entries.json", "{ \"3166-1\": [] }", "The “3166-1” list of countries is empty." },
    { "number.json", "{ \"3166-1\": [ 42 ] }", "Entry 1 of the country list is not an object." },
    { "no-code.json",
      "{ \"3166-1\": [ { \"alpha_2\": \"AT\", \"name\": \"Austria\" },"
      "                { \"name\": \"Nowhere\" } ] }",
      "Entry 2 of the country list has no two-letter “alpha_2” code." },
    { "long-code.json", "{ \"3166-1\": [ { \"alpha_2\": \"AUT\", \"name\": \"Austria\" } ] }",
      "Entry 1 of the country list has no two-letter “alpha_2” code." },
    { "number-code.json", "{ \"3166-1\": [ { \"alpha_2\": 40, \"name\": \"Austria\" } ] }",
      "Entry 1 of the country list has no two-letter “alpha_2” code." },
    { "no-name.json", "{ \"3166-1\": [ { \"alpha_2\": \"AT\" } ] }",
      "Entry 1 (AT) of the country list has no “name”." },
    { "empty-name.json", "{ \"3166-1\": [ { \"alpha_2\": \"AT\", \"name\": \"\" } ] }",
      "Entry 1 (AT) of the country list has no “name”." },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-countries-XXXXXX", &error);

  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (dir, cases[i].name, cases[i].contents);
      g_autofree char *expected = g_strdup_printf ("%s: %s", path, cases[i].message_end);
      g_autoptr(GListModel) model = wsp_countries_load (path, &error);

      g_assert_null (model);
      g_assert_error (error, WSP_COUNTRIES_ERROR, WSP_COUNTRIES_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_assert_no_errno (g_remove (path));
    }

  /* Errors from reading and parsing come through as they are. */
  {
    g_autofree char *path = write_file (dir, "garbage.json", "this is not JSON {");
    g_autoptr(GListModel) model = wsp_countries_load (path, &error);

    g_assert_null (model);
    g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_BAREWORD);
    g_clear_error (&error);
    g_assert_no_errno (g_remove (path));
  }

  {
    g_autofree char *path = g_build_filename (dir, "missing.json", NULL);
    g_autoptr(GListModel) model = wsp_countries_load (path, &error);

    g_assert_null (model);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (error->message, "missing.json"));
    g_clear_error (&error);
  }

  g_assert_no_errno (g_rmdir (dir));
}

/* Without iso-codes: the countries where the objection applies, nothing else. */
static void
test_fallback (void)
{
  g_autoptr(GListModel) fallback = wsp_countries_load_fallback ();
  g_autoptr(GListModel) full = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog.json", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n_items = g_list_model_get_n_items (fallback);

  contents = wsp_test_read_file (path, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  full = wsp_countries_load (NULL, &error);
  g_assert_no_error (error);

  /* 27 EU countries, Iceland, Liechtenstein, Norway, Switzerland, United Kingdom, Brazil */
  g_assert_cmpuint (n_items, ==, 33);
  g_assert_cmpstr (name_at (fallback, 0), ==, "Austria");
  g_assert_cmpstr (name_at (fallback, 1), ==, "Belgium");
  g_assert_cmpstr (name_at (fallback, 2), ==, "Brazil");
  g_assert_cmpstr (name_at (fallback, n_items - 1), ==, "United Kingdom");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (fallback, i);
      const char *code = wsp_country_get_code (country);
      WspCountry *listed = get_country (full, code);

      /* Exactly the catalog's countries, under the name iso-codes gives them, so that its
       * translations apply. */
      g_assert_true (wsp_catalog_objection_available (catalog, code));
      g_assert_cmpstr (wsp_country_get_english_name (country), ==,
                       wsp_country_get_english_name (listed));
      g_assert_cmpstr (wsp_country_get_name (country), ==, wsp_country_get_name (listed));
      g_assert_true (wsp_country_matches (country, ""));
    }

  for (guint i = 0; i < g_list_model_get_n_items (full); i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (full, i);
      const char *code = wsp_country_get_code (country);

      g_assert_true (wsp_catalog_objection_available (catalog, code) ==
                     (wsp_countries_find (fallback, code) != G_MAXUINT));
    }

  /* The search works on it as on the full list. */
  {
    g_autofree char *query = wsp_countries_fold ("  UNITED   kingd");
    g_assert_true (wsp_country_matches (get_country (fallback, "GB"), query));
    g_assert_false (wsp_country_matches (get_country (fallback, "DE"), query));
  }
}

static void
test_fallback_german (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GListModel) fallback = wsp_countries_load_fallback ();

      /* Translated through iso-codes' own domain, sorted by the German names. */
      g_assert_cmpstr (wsp_country_get_name (get_country (fallback, "DE")), ==, "Deutschland");
      g_assert_cmpstr (wsp_country_get_name (get_country (fallback, "GB")), ==,
                       "Vereinigtes Königreich");
      g_assert_cmpstr (wsp_country_get_english_name (get_country (fallback, "DE")), ==, "Germany");
      g_assert_cmpstr (name_at (fallback, 0), ==, "Belgien");
      return;
    }

  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Only LANG and LANGUAGE from tests/meson.build may decide the language here, not an
   * LC_ALL or LC_MESSAGES left in the developer's shell. */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  wsp_test_init_model (&argc, &argv);

  g_test_add_func ("/countries/load/english", test_load_english);
  g_test_add_func ("/countries/load/german", test_load_german);
  g_test_add_func ("/countries/load/small-file", test_small_file);
  g_test_add_func ("/countries/load/broken-files", test_broken_files);
  g_test_add_func ("/countries/search", test_search);
  g_test_add_func ("/countries/fold", test_fold);
  g_test_add_func ("/countries/code-from-locale", test_code_from_locale);
  g_test_add_func ("/countries/default-code", test_default_code);
  g_test_add_func ("/countries/find", test_find);
  g_test_add_func ("/countries/fallback", test_fallback);
  g_test_add_func ("/countries/fallback/german", test_fallback_german);

  return g_test_run ();
}
