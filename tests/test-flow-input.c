/* test-flow-input.c: what the user types and chooses: the email check, countries, hostile
 * text, the clipboard, going back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-email.h"
#include "wsp-reasons.h"
#include "wsp-test-flow.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

static GtkWidget *
email_error (WspTestFlow *f)
{
  GtkWidget *w = wsp_flow_page (f, "email");

  for (GtkWidget *label = wsp_test_find_widget (w, GTK_TYPE_LABEL, NULL, NULL); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    if (GTK_IS_LABEL (label) && gtk_widget_has_css_class (label, "error"))
      return label;

  return NULL;
}

static void
test_flow_email_validation (WspTestFlow   *f,
                            gconstpointer  data)
{
  GtkWidget *error;

  wsp_flow_next (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");
  wsp_flow_choose_country (f, T ("austria", "österr"));
  wsp_flow_assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "AT");

  error = email_error (f);
  g_assert_nonnull (error);
  g_assert_false (gtk_widget_get_visible (error));

  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), "jana.example.org");
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.next", NULL) &&
                  !g_str_equal (wsp_window_get_page_name (f->window), "email"));
  wsp_flow_assert_page (f, "email");

  /* The message comes once typing pauses. */
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (WSP_TEST_WAIT_FOR (gtk_widget_get_visible (error)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==,
                   wsp_email_status_message (WSP_EMAIL_NO_AT));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error)),
                                   T ("The address needs an @", "Die Adresse braucht ein @")));
  g_assert_true (gtk_widget_has_css_class (wsp_flow_email_row (f), "error"));

  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), "jana@example.");
  WSP_TEST_WAIT_FOR (g_str_equal (gtk_label_get_label (GTK_LABEL (error)),
                                  wsp_email_status_message (WSP_EMAIL_DOMAIN_TRAILING_DOT)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==,
                   wsp_email_status_message (WSP_EMAIL_DOMAIN_TRAILING_DOT));
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));

  /* Fixing it clears the message at once and enables Next. */
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), "jana@example.org");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (wsp_flow_email_row (f), "error"));
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  wsp_flow_next (f, "reason");
  g_assert_cmpstr (wsp_objection_get_email (wsp_window_get_objection (f->window)), ==,
                   "jana@example.org");
}

static GtkWidget *
country_warning (WspTestFlow *f)
{
  GtkWidget *icon = wsp_test_find_widget (wsp_flow_page (f, "country"), GTK_TYPE_IMAGE,
                                          wsp_test_match_icon_name,
                                 "dialog-warning-symbolic");

  /* The warning is the box around the warning icon. */
  g_assert_nonnull (icon);
  return gtk_widget_get_parent (icon);
}

static void
test_flow_country_outside (WspTestFlow   *f,
                           gconstpointer  data)
{
  GtkWidget *warning;

  wsp_flow_next (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");
  warning = country_warning (f);
  g_assert_false (gtk_widget_get_visible (warning));

  /* Meta offers no objection in the USA: say so, and still let the user go on. */
  wsp_flow_choose_country (f, T ("United States", "Vereinigte Staaten"));
  wsp_flow_assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "US");
  wsp_flow_back (f, "country");
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));

  wsp_flow_choose_country (f, T ("switzerland", "schweiz"));
  wsp_flow_assert_page (f, "email");
  wsp_flow_back (f, "country");
  g_assert_false (gtk_widget_get_visible (warning));
}

#define FALLBACK_NOTICE_EN \
  "The full list of countries could not be read, so only the countries where Meta offers the " \
  "objection are listed. If yours is not among them, go on and choose it in the form itself."
#define FALLBACK_NOTICE_DE \
  "Die vollständige Liste der Länder konnte nicht gelesen werden. Deshalb sind nur die Länder " \
  "aufgeführt, in denen Meta den Widerspruch anbietet. Wenn Ihr Land nicht dabei ist, machen " \
  "Sie weiter und wählen Sie es im Formular selbst aus."

/* iso-codes missing: the countries where the objection applies, a notice, and a way on. */
static void
test_flow_no_iso_codes (WspTestFlow   *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-such-iso_3166-1.json",
                                               NULL);
  GtkWidget *icon;
  GtkWidget *notice;
  GtkWidget *list;
  GtkSelectionModel *model;
  g_autofree char *copied = NULL;

  g_object_set (wsp_flow_page (f, "country"), "countries-path", missing, NULL);
  wsp_flow_next (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");

  icon = wsp_test_find_widget (wsp_flow_page (f, "country"), GTK_TYPE_IMAGE,
                               wsp_test_match_icon_name,
                      "dialog-information-symbolic");
  g_assert_nonnull (icon);
  notice = gtk_widget_get_parent (icon);
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (icon))), ==,
                   T (FALLBACK_NOTICE_EN, FALLBACK_NOTICE_DE));

  /* The 33 countries where the objection applies, in the user's language. */
  list = wsp_test_find_widget (wsp_flow_page (f, "country"), GTK_TYPE_LIST_VIEW, NULL, NULL);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 33);

  /* Someone who lives elsewhere can still go on and pick the country in the form. */
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  wsp_flow_next (f, "email");
  g_assert_null (wsp_objection_get_country (wsp_window_get_objection (f->window)));
  wsp_flow_back (f, "country");

  wsp_flow_choose_country (f, T ("germ", "deutsch"));
  wsp_flow_assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "DE");
  g_assert_cmpstr (wsp_objection_get_country_name (wsp_window_get_objection (f->window)), ==,
                   T ("Germany", "Deutschland"));

  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");
  wsp_flow_next (f, "summary");
  copied = wsp_flow_copy_field (f, "country");
  g_assert_cmpstr (copied, ==, T ("Germany", "Deutschland"));
}

#define CUT_MESSAGE_EN \
  "The text was cut: the field keeps at most 10000 characters. The form takes 2000, so please " \
  "shorten it."
#define CUT_MESSAGE_DE \
  "Der Text wurde gekürzt: Das Feld behält höchstens 10000 Zeichen. Das Formular nimmt 2000 " \
  "an, bitte kürzen Sie ihn also."

/* A megabyte in every field, bidi overrides, control characters, emoji and markup: cut where
 * there are limits, with a message; shown safely; copied as typed. */
static void
test_flow_hostile_strings (WspTestFlow   *f,
                           gconstpointer  data)
{
  g_autofree char *megabyte = g_strnfill (1024 * 1024, 'a');
  GtkWidget *search = wsp_test_find_widget (wsp_flow_page (f, "country"), GTK_TYPE_SEARCH_ENTRY,
                                            NULL, NULL);
  GtkWidget *stack = wsp_test_find_widget (wsp_flow_page (f, "country"), GTK_TYPE_STACK, NULL,
                                           NULL);
  GtkWidget *view = wsp_test_find_widget (wsp_flow_page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL,
                                          NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *label;
  GtkTextIter end;
  const char *typed = "Ich widerspreche. \u202Etxet\u202C <b>&amp; \U0001F600\x07 Ende";
  g_autofree char *copied = NULL;

  wsp_flow_next (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");

  /* The search keeps 100 characters and finds nothing, quickly. */
  gtk_editable_set_text (GTK_EDITABLE (search), megabyte);
  WSP_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)),
                                "empty") == 0);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (search)), -1), ==, 100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  wsp_flow_choose_country (f, "germ");
  wsp_flow_assert_page (f, "email");

  /* The email entry keeps 1000 characters: too long, and it says so. */
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), megabyte);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (wsp_flow_email_row (f))),
                                  -1), ==,
                   1000);
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_assert_true (WSP_TEST_WAIT_FOR (gtk_widget_get_visible (email_error (f))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (email_error (f))), ==,
                   wsp_email_status_message (WSP_EMAIL_TOO_LONG));
  g_assert_true (g_str_has_prefix (wsp_email_status_message (WSP_EMAIL_TOO_LONG),
                                   T ("The address is too long.", "Die Adresse ist zu lang.")));

  /* Control characters, bidi overrides and emoji are not an address. */
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), "jana\u202E@example.org");
  WSP_TEST_WAIT_FOR (g_str_equal (gtk_label_get_label (GTK_LABEL (email_error (f))),
                                  wsp_email_status_message (WSP_EMAIL_CONTROL)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (email_error (f))), ==,
                   wsp_email_status_message (WSP_EMAIL_CONTROL));
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");

  /* The reason keeps 10000 characters, says it cut the text, and holds Next back. */
  gtk_text_buffer_set_text (buffer, megabyte, -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 10000);
  label = wsp_test_find_widget (wsp_flow_page (f, "reason"), GTK_TYPE_LABEL, wsp_test_match_label,
                       T (CUT_MESSAGE_EN, CUT_MESSAGE_DE));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_nonnull (wsp_test_find_widget (wsp_flow_page (f, "reason"), GTK_TYPE_LABEL,
                                          wsp_test_match_label, "10000 / 2000"));
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));

  /* More typing at the end goes nowhere, and still says why. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "zz", -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 10000);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, T (CUT_MESSAGE_EN, CUT_MESSAGE_DE));

  /* What was typed is what gets copied; the summary shows the hidden characters. */
  gtk_text_buffer_set_text (buffer, typed, -1);
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "");
  wsp_flow_next (f, "summary");
  g_assert_nonnull (wsp_test_find_widget (wsp_flow_page (f, "summary"), ADW_TYPE_ACTION_ROW,
                                          wsp_test_match_row_subtitle,
                                 "Ich widerspreche. [U+202E]txet[U+202C] <b>&amp; "
                                 "\U0001F600[U+0007] Ende"));
  copied = wsp_flow_copy_field (f, "reason");
  g_assert_cmpstr (copied, ==, typed);
}

/* What Copy puts on the clipboard reaches other programs: a second connection to the X server
 * is another client, and reading goes through the real selection transfer. */
static void
test_flow_clipboard_other_client (WspTestFlow   *f,
                                  gconstpointer  data)
{
  const char *typed = "Mein Grund \u202Eabc\u202C \U0001F600";
  GdkDisplay *other;
  GdkClipboard *clipboard;
  g_autofree char *text = NULL;
  GtkWidget *view;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_back (f, "reason");
  view = wsp_test_find_widget (wsp_flow_page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), typed, -1);
  wsp_flow_next (f, "summary");

  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"), "summary.copy", "s",
                                             "reason"));
  g_assert_true (gdk_clipboard_is_local (gtk_widget_get_clipboard (wsp_flow_page (f, "summary"))));

  other = gdk_display_open (NULL);
  g_assert_nonnull (other);
  clipboard = gdk_display_get_clipboard (other);
  g_assert_false (gdk_clipboard_is_local (clipboard));
  text = wsp_test_clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, typed);

  gdk_display_close (other);
}

static void
test_flow_back_keeps_values (WspTestFlow   *f,
                             gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autofree char *kept = NULL;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_back (f, "reason");
  kept = wsp_flow_reason_text (f);
  g_assert_cmpstr (kept, ==, wsp_reasons_get_text (1));

  /* Over the limit: Next is off and the text stays as typed. */
  long_text = g_strnfill (WSP_REASON_MAX_CHARS + 5, 'x');
  wsp_flow_set_reason_text (f, long_text);
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_clear_pointer (&kept, g_free);
  kept = wsp_flow_reason_text (f);
  g_assert_cmpstr (kept, ==, long_text);
  wsp_flow_set_reason_text (f, "Meine eigenen Worte.");

  wsp_flow_back (f, "email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wsp_flow_email_row (f))), ==,
                   "  " EMAIL " ");
  wsp_flow_back (f, "country");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "DE");
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  wsp_flow_back (f, "platform");
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));

  wsp_flow_next (f, "country");
  wsp_flow_next (f, "email");
  wsp_flow_next (f, "reason");
  wsp_flow_next (f, "summary");
  {
    g_autofree char *copied = wsp_flow_copy_field (f, "reason");
    g_assert_cmpstr (copied, ==, "Meine eigenen Worte.");
  }
}

static gboolean
has_country_page (gpointer data)
{
  return gtk_stack_get_child_by_name (data, "country") != NULL;
}

/* While the platform page shows, the country page is built and reads iso-codes in idle time,
 * so that its first frame need not; it still shows the objection's country when it comes. */
static void
test_flow_country_prepared (WspTestFlow   *f,
                            gconstpointer  data)
{
  GtkStack *stack;
  GtkWidget *country;
  GtkListView *list;
  g_autofree char *chosen = NULL;

  wsp_flow_next (f, "platform");
  stack = GTK_STACK (gtk_widget_get_parent (wsp_flow_page (f, "platform")));
  g_assert_null (gtk_stack_get_child_by_name (stack, "country"));
  /* Idle time comes once the platform page has slid in and drawn: later on a busy machine. */
  g_assert_true (wsp_test_wait_until (has_country_page, stack));
  country = gtk_stack_get_child_by_name (stack, "country");
  g_assert_nonnull (country);
  list = GTK_LIST_VIEW (wsp_test_find_widget (country, GTK_TYPE_LIST_VIEW, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==,
                    249);

  /* The country comes from elsewhere meanwhile, as when an unfinished objection is resumed. */
  wsp_objection_set_country (wsp_window_get_objection (f->window), "AT", "Austria");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");
  chosen = g_strdup_printf (T ("Your country: %s", "Ihr Land: %s"), T ("Austria", "Österreich"));
  g_assert_nonnull (wsp_test_find_widget (country, GTK_TYPE_LABEL, wsp_test_match_label, chosen));
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
}

int
main (int   argc,
      char *argv[])
{
  wsp_flow_init (&argc, &argv);

  WSP_FLOW_ADD ("email-validation", test_flow_email_validation, TRUE);
  WSP_FLOW_ADD ("country-outside", test_flow_country_outside, TRUE);
  WSP_FLOW_ADD ("back-keeps-values", test_flow_back_keeps_values, TRUE);
  WSP_FLOW_ADD ("country-prepared", test_flow_country_prepared, TRUE);
  WSP_FLOW_ADD ("no-iso-codes", test_flow_no_iso_codes, TRUE);
  WSP_FLOW_ADD ("hostile-strings", test_flow_hostile_strings, TRUE);
  WSP_FLOW_ADD ("clipboard-other-client", test_flow_clipboard_other_client, TRUE);

  return g_test_run ();
}
