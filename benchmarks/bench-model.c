/* bench-model.c: how long the model takes to load the catalog and the countries, and to filter
 * the country list for each key typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-model [--iterations N]
 *
 * Times each operation N times with GTimer and prints the median, and the first call on its own
 * (the one the app pays, once per start, with gettext and json-glib still cold). Filtering is
 * what the country page does per keystroke: fold what was typed, then wsp_country_matches() on
 * every country. The country names are in the language of LANGUAGE/LANG, as in the app.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bench-stats.h"
#include "wsp-catalog.h"
#include "wsp-countries.h"

/* What people type, one key at a time: common countries of the EU, EEA, UK, Switzerland and
 * Brazil, in English and German, with and without accents and capitals. */
static const char * const typed [] = {
  "Deutschland",
  "Germany",
  "Österreich",
  "osterreich",
  "United Kingdom",
  "Schweiz",
  "France",
  "Brasil",
  "nl",
};

static double iterations_scale = 1.0;

static double
median_ms (GArray *seconds)
{
  g_array_sort (seconds, bench_compare_doubles);

  return g_array_index (seconds, double, seconds->len / 2) * 1000.0;
}

static double
max_ms (GArray *seconds)
{
  g_array_sort (seconds, bench_compare_doubles);

  return g_array_index (seconds, double, seconds->len - 1) * 1000.0;
}

static guint
scaled (guint n)
{
  return MAX (1, (guint) (n * iterations_scale));
}

static void
report (const char *what,
        double      first_ms,
        GArray     *seconds)
{
  g_print ("  %-34s first %8.3f ms   median %8.3f ms   (%u runs)\n",
           what, first_ms, median_ms (seconds), seconds->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) catalog_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) countries_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystroke_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_DOUBLE, &iterations_scale,
      "Scale the number of runs (default 1; 0.01 for a quick check)", "FACTOR" },
    { NULL }
  };
  double catalog_first_ms = 0, countries_first_ms = 0;
  double catalog_ms, countries_ms, keystroke_ms;
  guint n_countries;
  guint n_keys = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || iterations_scale <= 0)
    {
      g_printerr ("Usage: bench-model [--iterations FACTOR]\n");
      return 2;
    }

  /* As the app does in main() and wsp_application_init_i18n(). */
  setlocale (LC_ALL, "");
  bindtextdomain ("iso_3166-1", ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");

  for (guint i = 0; i < scaled (200) + 1; i++)
    {
      g_autoptr(WspCatalog) catalog = NULL;
      double s;

      g_timer_start (timer);
      catalog = wsp_catalog_new_from_resource (WSP_CATALOG_RESOURCE, &error);
      s = g_timer_elapsed (timer, NULL);
      g_assert_no_error (error);

      if (i == 0)
        catalog_first_ms = s * 1000.0;
      else
        g_array_append_val (catalog_s, s);
    }

  for (guint i = 0; i < scaled (100) + 1; i++)
    {
      double s;

      g_clear_object (&countries);
      g_timer_start (timer);
      countries = wsp_countries_load (NULL, &error);
      s = g_timer_elapsed (timer, NULL);
      g_assert_no_error (error);

      if (i == 0)
        countries_first_ms = s * 1000.0;
      else
        g_array_append_val (countries_s, s);
    }

  n_countries = g_list_model_get_n_items (countries);
  g_assert (n_countries > 200);

  for (gsize t = 0; t < G_N_ELEMENTS (typed); t++)
    {
      const char *end = typed[t];

      /* Every prefix, as each key press gives one. */
      while (*end != '\0')
        {
          g_autofree char *prefix = NULL;

          end = g_utf8_next_char (end);
          prefix = g_strndup (typed[t], end - typed[t]);
          n_keys++;

          for (guint i = 0; i < scaled (200); i++)
            {
              g_autofree char *folded = NULL;
              guint matches = 0;
              double s;

              g_timer_start (timer);
              folded = wsp_countries_fold (prefix);
              for (guint c = 0; c < n_countries; c++)
                {
                  g_autoptr(WspCountry) country = g_list_model_get_item (countries, c);

                  matches += wsp_country_matches (country, folded);
                }
              s = g_timer_elapsed (timer, NULL);
              g_assert (matches <= n_countries);

              g_array_append_val (keystroke_s, s);
            }
        }
    }

  catalog_ms = median_ms (catalog_s);
  countries_ms = median_ms (countries_s);
  keystroke_ms = median_ms (keystroke_s);

  g_print ("Model (%u countries, names in \"%s\"):\n", n_countries, g_get_language_names ()[0]);
  report ("load the catalog", catalog_first_ms, catalog_s);
  report ("load the countries (iso-codes)", countries_first_ms, countries_s);
  g_print ("  %-34s median %8.3f ms   max %8.3f ms   (%u keys x %u runs)\n",
           "filter the countries, per key", keystroke_ms, max_ms (keystroke_s),
           n_keys, keystroke_s->len / n_keys);
  g_print ("  catalog + countries: median %.2f ms, first %.2f ms (target < 5): %s\n",
           catalog_ms + countries_ms, catalog_first_ms + countries_first_ms,
           catalog_ms + countries_ms < 5.0 ? "met" : "MISSED");
  g_print ("  filtering per key: median %.3f ms (target < 1): %s\n",
           keystroke_ms, keystroke_ms < 1.0 ? "met" : "MISSED");

  return 0;
}
