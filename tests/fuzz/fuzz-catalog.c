/* fuzz-catalog.c: libFuzzer harness for the catalog loader and the URL allow list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is used twice: as a whole catalog (wsp_catalog_new_from_bytes) and, NUL-terminated,
 * as one URL (wsp_catalog_url_is_allowed). A loaded catalog is read back completely, so that a
 * loader that lets something through which the getters do not expect shows up here.
 */

#include "config.h"

#include <string.h>

#include "wsp-catalog.h"
#include "wsp-fuzz.h"

static void
read_link (const WspCatalogLink *link)
{
  g_assert_nonnull (link);
  g_assert_nonnull (link->url);
  g_assert_nonnull (link->confirmed);
  g_assert_nonnull (link->source);
  /* What the loader accepted, the app's allow list must accept too. */
  g_assert_true (wsp_catalog_url_is_allowed (link->url, NULL));
  g_free (wsp_catalog_format_month (link->confirmed));
}

static void
read_catalog (WspCatalog *catalog)
{
  static const char * const languages[] = { NULL, "en", "de", "de_AT.UTF-8@euro", "xx" };

  g_assert_cmpuint (wsp_catalog_get_schema_version (catalog), ==, WSP_CATALOG_SCHEMA_VERSION);
  g_assert_nonnull (wsp_catalog_get_updated (catalog));
  g_assert_nonnull (wsp_catalog_pick_language (catalog));
  wsp_catalog_objection_available (catalog, "DE");
  wsp_catalog_objection_available (catalog, "de");

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    {
      const char * const *hosts = wsp_catalog_get_hosts (catalog, p);

      read_link (wsp_catalog_get_form (catalog, p));
      for (guint i = 0; i < wsp_catalog_get_n_alt_forms (catalog, p); i++)
        read_link (wsp_catalog_get_alt_form (catalog, p, i));
      read_link (wsp_catalog_get_privacy_center (catalog, p));

      g_assert_nonnull (hosts);
      g_assert_nonnull (hosts[0]);

      for (guint r = 0; r < WSP_N_ROUTES; r++)
        {
          /* The shorter routes are optional: a missing one has no date and no steps. */
          if (!wsp_catalog_has_path (catalog, p, r))
            {
              g_assert_null (wsp_catalog_get_path_confirmed (catalog, p, r));
              g_assert_cmpuint (wsp_catalog_get_n_steps (catalog, p, r, "en", NULL), ==, 0);
              continue;
            }

          g_assert_nonnull (wsp_catalog_get_path_confirmed (catalog, p, r));
          g_assert_nonnull (wsp_catalog_get_path_source (catalog, p, r));
          /* The AI page's route always has its page */
          g_assert_true (r != WSP_ROUTE_GENAI || wsp_catalog_get_path_url (catalog, p, r) != NULL);

          for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
            {
              const char *found = NULL;
              guint n = wsp_catalog_get_n_steps (catalog, p, r, languages[l], &found);

              g_assert_cmpuint (n, >, 0);
              g_assert_nonnull (found);
              /* Every language's labels have their date and source */
              g_assert_nonnull (wsp_catalog_get_labels_confirmed (catalog, p, r, languages[l]));
              g_assert_nonnull (wsp_catalog_get_labels_source (catalog, p, r, languages[l]));
              g_assert_true (wsp_catalog_has_labels (catalog, p, r, found));
              for (guint i = 0; i < n; i++)
                {
                  const WspCatalogStep *step = wsp_catalog_get_step (catalog, p, r,
                                                                     languages[l], i);

                  g_assert_nonnull (step);
                  g_assert_nonnull (step->label);
                  g_assert_true (g_utf8_validate (step->label, -1, NULL));
                  g_assert_true (step->illustration == NULL ||
                                 g_utf8_validate (step->illustration, -1, NULL));
                }
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  wsp_fuzz_init ();

  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  if (catalog != NULL)
    {
      g_assert_no_error (error);
      read_catalog (catalog);
    }
  else
    {
      g_assert_error (error, WSP_CATALOG_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  g_clear_error (&error);

  url = g_strndup ((const char *) data, size);
  if (!wsp_catalog_url_is_allowed (url, &error))
    g_assert_error (error, WSP_CATALOG_ERROR, WSP_CATALOG_ERROR_URL);

  return 0;
}
