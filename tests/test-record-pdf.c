/* test-record-pdf.c: the saved record, read back with poppler's pdftotext and pdfinfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wsp-record-pdf.h"
#include "wsp-reasons.h"
#include "wsp-test-util.h"

#define EMAIL "jana.beispiel+ki@mail.example.org"
#define FORM "https://help.instagram.com/contact/233964459562201"

/* Runs a poppler-utils tool; they come with build-aux/common.sh (poppler-utils). */
static char *
run_tool (const char *tool,
          const char *pdf,
          gboolean    to_stdout)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  const char *argv [] = { program, "-enc", "UTF-8", pdf, to_stdout ? "-" : NULL, NULL };

  if (program == NULL)
    g_error ("%s is missing: install poppler-utils", tool);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static int
count_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, FALSE);
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *pages = NULL;

  g_assert_true (g_regex_match (regex, info, 0, &match));
  pages = g_match_info_fetch (match, 1);
  return atoi (pages);
}

/* pdftotext breaks lines as it likes: compare without white space. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static WspRecord *
make_record (const char *reason)
{
  WspRecord *record = wsp_record_new (WSP_PLATFORM_INSTAGRAM);

  wsp_record_set_label (record, "Laden");
  wsp_record_set_email (record, EMAIL);
  wsp_record_set_country (record, "DE", "Deutschland");
  wsp_record_set_reason (record, reason);
  wsp_record_set_url (record, FORM);
  wsp_record_set_opened (record, 1764374400);
  wsp_record_set_sent (record, 1764374700);
  return record;
}

static void
check_pdf (const char *reason)
{
  g_autoptr(WspRecord) record = make_record (reason);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "Objection.pdf", NULL);
  g_autofree char *txt_expected = g_build_filename (g_get_user_data_dir (), "Objection.txt", NULL);
  g_autofree char *txt = NULL;
  g_autofree char *txt_contents = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *squeezed_reason = squeeze (reason);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (wsp_record_export (record, pdf, &txt, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (txt, ==, txt_expected);

  g_assert_cmpint (count_pages (pdf), ==, 1);
  text = run_tool ("pdftotext", pdf, TRUE);
  g_assert_nonnull (strstr (text, EMAIL));
  g_assert_nonnull (strstr (text, FORM));
  g_assert_nonnull (strstr (text, "Deutschland"));
  /* The heading may wrap; all of the reason is there, even a long one. */
  squeezed = squeeze (text);
  g_assert_true (g_str_has_prefix (squeezed, "ObjectiontoAItrainingatMeta:Instagram–Laden"));
  g_assert_nonnull (strstr (squeezed, squeezed_reason));

  /* The text copy says the same. */
  g_assert_true (g_file_get_contents (txt, &txt_contents, NULL, NULL));
  plain = wsp_record_format_text (record);
  g_assert_cmpstr (txt_contents, ==, plain);
}

static void
test_pdf_short (void)
{
  check_pdf (wsp_reasons_get_text (1));
}

/* The longest reason the form takes still fits on the one page. */
static void
test_pdf_long (void)
{
  GString *reason = g_string_new (NULL);

  while (g_utf8_strlen (reason->str, -1) < WSP_REASON_MAX_CHARS - 40)
    g_string_append (reason, "Meine Beiträge gehören mir und nicht dem Training. ");
  g_string_append (reason, "\nEnde.");
  g_assert_cmpint (g_utf8_strlen (reason->str, -1), <=, WSP_REASON_MAX_CHARS);

  check_pdf (reason->str);
  g_string_free (reason, TRUE);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(WspRecord) record = make_record ("x");
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "no-such-folder", "a.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (wsp_record_export (record, pdf, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

  g_test_add_func ("/record-pdf/short", test_pdf_short);
  g_test_add_func ("/record-pdf/long", test_pdf_long);
  g_test_add_func ("/record-pdf/unwritable", test_pdf_unwritable);

  return g_test_run ();
}
