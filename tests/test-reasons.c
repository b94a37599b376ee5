/* test-reasons.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wsp-reasons.h"
#include "wsp-test-util.h"

/* The ids the project promises: the gist of each is in the shared facts. */
static const char *expected_ids [] = {
  "short", "no-consent", "legitimate-interest", "other-people", "sensitive", "copyright", "erasure",
};

static void
test_reasons_english (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (wsp_reasons_get_n (), ==, G_N_ELEMENTS (expected_ids));

  for (guint i = 0; i < wsp_reasons_get_n (); i++)
    {
      const char *text = wsp_reasons_get_text (i);

      g_assert_cmpstr (wsp_reasons_get_id (i), ==, expected_ids [i]);
      g_assert_true (g_hash_table_add (seen, (gpointer)wsp_reasons_get_id (i)));
      g_assert_cmpuint (strlen (wsp_reasons_get_title (i)), >, 0);
      g_assert_cmpuint (g_utf8_strlen (text, -1), >, 40);
      g_assert_cmpuint (g_utf8_strlen (text, -1), <=, WSP_REASON_MAX_CHARS);
      g_assert_true (g_str_has_prefix (text, "I object") || g_str_has_prefix (text, "Under Article 21"));
    }

  g_assert_cmpstr (wsp_reasons_get_text (0), ==,
                   "Under Article 21 GDPR, I object to the use of my personal data for developing "
                   "and training AI at Meta.");
}

static void
test_reasons_german_child (void)
{
  /* This process has looked nothing up yet, so glibc reads the German catalog fresh. */
  g_setenv ("LANGUAGE", "de", TRUE);

  for (guint i = 0; i < wsp_reasons_get_n (); i++)
    {
      const char *text = wsp_reasons_get_text (i);

      g_assert_cmpuint (g_utf8_strlen (text, -1), <=, WSP_REASON_MAX_CHARS);
      g_assert_true (strstr (text, "DSGVO") != NULL || strstr (text, "Meta") != NULL);
      g_assert_null (strstr (text, "I object"));
      g_assert_null (strstr (wsp_reasons_get_title (i), "  "));
    }

  g_assert_nonnull (strstr (wsp_reasons_get_text (0), "Art. 21 DSGVO"));
  g_assert_nonnull (strstr (wsp_reasons_get_text (2), "C-252/21"));
  g_assert_nonnull (strstr (wsp_reasons_get_text (4), "Art. 9 DSGVO"));
}

static void
test_reasons_german (void)
{
  g_test_trap_subprocess ("/reasons/german/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

  g_test_add_func ("/reasons/english", test_reasons_english);
  g_test_add_func ("/reasons/german", test_reasons_german);
  g_test_add_func ("/reasons/german/subprocess", test_reasons_german_child);

  return g_test_run ();
}
