/* test-reasons.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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

/* The flag of Scotland: a black flag and tag characters spelling "gbsct". */
#define SCOTLAND "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"

static void
test_reasons_make_visible (void)
{
  static const struct {
    const char *text;
    const char *shown;
  } cases[] = {
    { "", "" },
    { "Plain text, two\nlines\tand a tab.", "Plain text, two\nlines\tand a tab." },
    /* The bidi override would show "txet" for "text" and flip what follows. */
    { "A \u202Etxet\u202C b", "A [U+202E]txet[U+202C] b" },
    { "\u2066isolated\u2069 \u200Fmark\u200E", "[U+2066]isolated[U+2069] [U+200F]mark[U+200E]" },
    { "zero\u200Bwidth\uFEFF", "zero[U+200B]width[U+FEFF]" },
    { "bell\x07 escape\x1b[31m del\x7f c1\xc2\x85",
      "bell[U+0007] escape[U+001B][31m del[U+007F] c1[U+0085]" },
    /* Emoji, joined sequences, a tag flag, a soft hyphen and markup characters stay as they are. */
    { "I \U0001F600 \U0001F469\u200D\U0001F4BB " SCOTLAND,
      "I \U0001F600 \U0001F469\u200D\U0001F4BB " SCOTLAND },
    { "Da\u00ADten <b>&amp; \u0645\u0631\u062D\u0628\u0627",
      "Da\u00ADten <b>&amp; \u0645\u0631\u062D\u0628\u0627" },
    /* Invalid UTF-8 cannot come from GTK, but shows as the replacement character. */
    { "bad \xff byte", "bad \uFFFD byte" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = wsp_reasons_make_visible (cases[i].text);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  wsp_test_init_model (&argc, &argv);

  g_test_add_func ("/reasons/english", test_reasons_english);
  g_test_add_func ("/reasons/german", test_reasons_german);
  g_test_add_func ("/reasons/german/subprocess", test_reasons_german_child);

  g_test_add_func ("/reasons/make-visible", test_reasons_make_visible);

  return g_test_run ();
}
