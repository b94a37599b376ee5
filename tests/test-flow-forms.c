/* test-flow-forms.c: the walk to each form: what the summary shows and copies, which form
 * opens where, and what happens without a browser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-email.h"
#include "wsp-qr-code.h"
#include "wsp-reasons.h"
#include "wsp-record.h"
#include "wsp-test-flow.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

/* What a phone reads in the summary page's code for the form's address: the first QR code. */
static char *
phone_code_text (WspTestFlow *f)
{
  GtkWidget *code = wsp_test_find_widget (wsp_flow_page (f, "summary"), WSP_TYPE_QR_CODE, NULL,
                                          NULL);
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_nonnull (code);
  /* Drawn since the page last changed it: a code waiting for its new size draws nothing. */
  wsp_test_wait_for_frames (code, 2);
  texture = wsp_test_render (code);

  return wsp_test_decode_qr (texture);
}

static void
test_flow_facebook (WspTestFlow   *f,
                    gconstpointer  data)
{
  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, "Facebook");
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  /* The summary page's toast reaches the window's overlay. Before the copies below: each adds a
   * toast of its own, and the overlay shows them one after the other, five seconds each. */
  g_assert_true (wsp_test_wait_for_text (GTK_WIDGET (f->window),
                                         T ("Opened in your browser", "Im Browser geöffnet")));
  wsp_flow_assert_summary (f, FACEBOOK_FORM, "www.facebook.com");

  wsp_flow_next (f, "done");
  g_assert_false (gtk_widget_get_visible (wsp_test_find_widget (wsp_flow_page (f, "done"),
                                                                GTK_TYPE_BUTTON,
                                                                wsp_test_match_action,
                                                                "assistant.continue")));
  g_assert_false (gtk_widget_is_visible (wsp_flow_next_button (f)));
}

static void
test_flow_instagram (WspTestFlow   *f,
                     gconstpointer  data)
{
  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_INSTAGRAM);
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, "Instagram");
  wsp_flow_assert_summary (f, INSTAGRAM_FORM, "help.instagram.com");
  wsp_flow_open_form (f, 1, INSTAGRAM_FORM);
  wsp_flow_next (f, "done");
}

static void
test_flow_both (WspTestFlow   *f,
                gconstpointer  data)
{
  GtkWidget *continue_button;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_BOTH);
  wsp_flow_assert_summary (f, FACEBOOK_FORM, "www.facebook.com");
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  wsp_flow_next (f, "done");

  continue_button = wsp_test_find_widget (wsp_flow_page (f, "done"), GTK_TYPE_BUTTON,
                                          wsp_test_match_action, "assistant.continue");
  g_assert_true (gtk_widget_get_visible (continue_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (continue_button)), ==,
                   T ("Co_ntinue With Instagram", "Mit Instagram _weitermachen"));
  /* A button clicks once its press animation has run. */
  gtk_widget_activate (continue_button);
  WSP_TEST_WAIT_FOR (g_str_equal (wsp_window_get_page_name (f->window), "summary"));
  wsp_flow_assert_page (f, "summary");

  /* Country, email and reason carry over to the second form. */
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, "Instagram");
  wsp_flow_assert_summary (f, INSTAGRAM_FORM, "help.instagram.com");
  wsp_flow_open_form (f, 2, INSTAGRAM_FORM);
  wsp_flow_next (f, "done");
  g_assert_false (gtk_widget_get_visible (continue_button));
}

/* From the summary back to the country page, another country, and forward again. */
static void
change_country (WspTestFlow *f,
                const char  *search,
                const char  *code)
{
  wsp_flow_back (f, "reason");
  wsp_flow_back (f, "email");
  wsp_flow_back (f, "country");
  wsp_flow_choose_country (f, search);
  wsp_flow_assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, code);
  wsp_flow_next (f, "reason");
  wsp_flow_next (f, "summary");
}

static gboolean
row_shown (WspTestFlow *f,
           const char  *title)
{
  GtkWidget *row = wsp_test_find_widget (wsp_flow_page (f, "summary"), ADW_TYPE_ACTION_ROW,
                                         wsp_test_match_row_title,
                                         title);

  g_assert_nonnull (row);
  return gtk_widget_is_visible (row);
}

static gboolean
collect_label (GtkWidget     *widget,
               gconstpointer  data)
{
  GString *text = (GString *) data;

  if (gtk_widget_is_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  return FALSE;
}

/* Every text the summary page shows, one label a line. */
static char *
summary_text (WspTestFlow *f)
{
  GString *text = g_string_new (NULL);

  wsp_test_find_widget (wsp_flow_page (f, "summary"), GTK_TYPE_LABEL, collect_label, text);
  return g_string_free (text, FALSE);
}

/* The summary names no month after @latest ("2025-05"), in words or as a date: it never
 * claims a check later than the links' own dates. */
static void
assert_no_date_after (WspTestFlow *f,
                      const char  *latest)
{
  g_autofree char *text = summary_text (f);
  guint year, month;

  g_assert_cmpint (sscanf (latest, "%4u-%2u", &year, &month), ==, 2);

  for (guint y = year; y <= 2040; y++)
    for (guint m = (y == year ? month + 1 : 1); m <= 12; m++)
      {
        g_autofree char *iso = g_strdup_printf ("%04u-%02u", y, m);
        g_autofree char *words = wsp_catalog_format_month (iso);

        g_assert_null (strstr (text, iso));
        g_assert_null (strstr (text, words));
      }
}

/* The form tried first follows the country group (EU/EEA and Switzerland: the form regulators
 * linked; the UK and Brazil: the one Meta's apps link), the other is one click away, and only
 * Brazil is told about the emailed code. */
static void
test_flow_form_per_country (WspTestFlow   *f,
                            gconstpointer  data)
{
  const struct {
    const char *search;
    const char *code;
    const char *form;
    const char *other;
    gboolean    emailed_code;
  } groups[] = {
    { "germ", "DE", FACEBOOK_FORM, FACEBOOK_FORM_2024, FALSE },
    { T ("switz", "schweiz"), "CH", FACEBOOK_FORM, FACEBOOK_FORM_2024, FALSE },
    { T ("united k", "vereinigtes k"), "GB", FACEBOOK_FORM_2024, FACEBOOK_FORM, FALSE },
    { T ("brazil", "brasil"), "BR", FACEBOOK_FORM_2024, FACEBOOK_FORM, TRUE },
  };
  WspCatalog *catalog = wsp_catalog_get_current ();
  guint n_opened = 0;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      const WspCatalogLink *form = wsp_catalog_get_form_for (catalog, WSP_PLATFORM_FACEBOOK,
                                                             groups[i].code);
      const WspCatalogLink *other = wsp_catalog_get_other_form (catalog, WSP_PLATFORM_FACEBOOK,
                                                                groups[i].code);
      g_autofree char *month = wsp_catalog_format_month (form->confirmed);
      g_autofree char *text = NULL;
      g_autofree char *copied = NULL;
      g_autofree char *opened = NULL;
      g_autofree char *phone = NULL;
      WspRecord *record;

      g_test_message ("country %s", groups[i].code);
      if (i > 0)
        change_country (f, groups[i].search, groups[i].code);

      g_assert_cmpstr (form->url, ==, groups[i].form);
      g_assert_cmpstr (other->url, ==, groups[i].other);
      g_assert_cmpint (row_shown (f, T ("Type in the emailed code",
                                        "Code aus der E-Mail eingeben")),
                       ==, groups[i].emailed_code);

      /* When each link shown was last confirmed, and never a later date. */
      text = summary_text (f);
      g_assert_nonnull (strstr (text, month));
      assert_no_date_after (f, g_strcmp0 (form->confirmed, other->confirmed) > 0
                                 ? form->confirmed : other->confirmed);

      wsp_flow_open_form (f, ++n_opened, groups[i].form);
      phone = phone_code_text (f);
      g_assert_cmpstr (phone, ==, groups[i].form);

      /* "Try the Other Form" opens the other one, which the page then shows, copies and puts in
       * the code for the phone. */
      g_assert_true (gtk_widget_is_visible (wsp_test_find_widget (wsp_flow_page (f, "summary"),
                                                                  GTK_TYPE_BUTTON,
                                                                  wsp_test_match_action,
                                                                  "summary.open-other")));
      g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"),
                                                 "summary.open-other", NULL));
      opened = wsp_flow_wait_for_opened (f, ++n_opened);
      g_assert_cmpstr (opened, ==, groups[i].other);
      copied = wsp_flow_copy_field (f, "url");
      g_assert_cmpstr (copied, ==, groups[i].other);
      g_clear_pointer (&phone, g_free);
      phone = phone_code_text (f);
      g_assert_cmpstr (phone, ==, groups[i].other);
      record = wsp_window_get_record (f->window);
      g_assert_nonnull (record);
      g_assert_cmpstr (wsp_record_get_url (record), ==, groups[i].other);

      /* And back to the first. */
      wsp_flow_open_form (f, ++n_opened, groups[i].other);
      g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"),
                                                 "summary.open-other", NULL));
      g_clear_pointer (&opened, g_free);
      opened = wsp_flow_wait_for_opened (f, ++n_opened);
      g_assert_cmpstr (opened, ==, groups[i].form);
      g_clear_pointer (&phone, g_free);
      phone = phone_code_text (f);
      g_assert_cmpstr (phone, ==, groups[i].form);
    }
}

static void
test_flow_no_browser (WspTestFlow   *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;
  g_autofree char *copied = NULL;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"), "summary.open", NULL));

  dialog = ADW_MESSAGE_DIALOG (wsp_flow_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   T ("Could Not Open the Browser", "Browser konnte nicht geöffnet werden"));
  /* GIO's own words, in the language of the test */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            g_dgettext ("glib20", "Operation not supported")));
  g_assert_false (g_file_test (f->opened_path, G_FILE_TEST_EXISTS));

  adw_message_dialog_response (dialog, "copy");
  copied = wsp_flow_clipboard_text (f);
  g_assert_cmpstr (copied, ==, FACEBOOK_FORM);
}

static void
test_flow_manual_page (WspTestFlow   *f,
                       gconstpointer  data)
{
  WspCatalog *catalog = wsp_catalog_get_default ();
  const char *language = T ("en", "de");
  const WspCatalogStep *first = wsp_catalog_get_step (catalog, WSP_PLATFORM_INSTAGRAM,
                                                      WSP_ROUTE_APP,
                                                      language, 0);
  g_autofree char *genai = NULL;
  g_autofree char *center = NULL;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_INSTAGRAM);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.manual", NULL));
  wsp_flow_assert_page (f, "manual");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, T ("By Hand", "Von Hand"));

  /* The platform follows the choice; the steps come from the catalog. */
  g_assert_nonnull (wsp_test_find_widget (wsp_flow_page (f, "manual"), GTK_TYPE_LABEL,
                                          wsp_test_match_label, first->label));

  /* The AI page's button opens Instagram's page about AI at Meta, the other the Privacy Center */
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "manual"), "manual.genai", NULL));
  genai = wsp_flow_wait_for_opened (f, 1);
  g_assert_cmpstr (genai, ==, "https://privacycenter.instagram.com/privacy/genai/");
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "manual"), "manual.privacy-center",
                                             NULL));
  center = wsp_flow_wait_for_opened (f, 2);
  g_assert_cmpstr (center, ==, "https://privacycenter.instagram.com/");
  wsp_flow_back (f, "summary");
}

/* A report opened on the project's tracker: a new issue about @link, with the platform, the
 * route, the catalog's date and the app's version, and nothing the user typed or chose. */
static void
assert_report (const char *opened,
               const char *platform,
               const char *route,
               const char *link)
{
  g_autoptr(GUri) uri = g_uri_parse (opened, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *title = g_strdup_printf ("Link problem: %s, %s", platform, route);
  g_autofree char *body = g_strdup_printf ("Link: %s\nPlatform: %s\nRoute: %s\nCatalog: %s (built in)\n"
                                           "App version: " PACKAGE_VERSION "\n", link, platform,
                                           route, wsp_catalog_get_updated (wsp_catalog_get_current ()));
  g_autofree char *reason_start = g_strndup (wsp_reasons_get_text (1), 20);
  g_autofree char *all = NULL;

  g_assert_true (g_str_has_prefix (opened,
                                   "https://github.com/widerspruch/widerspruch/issues/new?"));
  g_assert_nonnull (uri);
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_nonnull (params);
  g_assert_cmpuint (g_hash_table_size (params), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (params, "title"), ==, title);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (params, "body"), body));

  /* Never the email address, the country or the reason: not as typed, not escaped. */
  all = g_strconcat (opened, "\n", g_hash_table_lookup (params, "title"), "\n",
                     g_hash_table_lookup (params, "body"), NULL);
  g_assert_null (strstr (all, EMAIL));
  g_assert_null (strstr (all, "jana"));
  g_assert_null (strstr (all, "Germany"));
  g_assert_null (strstr (all, "Deutschland"));
  g_assert_null (strstr (all, " DE"));
  g_assert_null (strstr (all, reason_start));
}

/* "Report a Problem With This Link" on the summary page and the manual wsp_flow_page (issue 17). */
static void
test_flow_report_link (WspTestFlow   *f,
                       gconstpointer  data)
{
  g_autofree char *from_summary = NULL;
  g_autofree char *from_manual = NULL;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_nonnull (wsp_test_find_widget (wsp_flow_page (f, "summary"), GTK_TYPE_BUTTON,
                                          wsp_test_match_action, "summary.report"));
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"), "summary.report", NULL));
  from_summary = wsp_flow_wait_for_opened (f, 1);
  assert_report (from_summary, "Facebook", "form", FACEBOOK_FORM);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.manual", NULL));
  wsp_flow_assert_page (f, "manual");
  g_assert_nonnull (wsp_test_find_widget (wsp_flow_page (f, "manual"), GTK_TYPE_BUTTON,
                                          wsp_test_match_action, "manual.report"));
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "manual"), "manual.report", NULL));
  from_manual = wsp_flow_wait_for_opened (f, 2);
  assert_report (from_manual, "Facebook", "app", FACEBOOK_FORM);
}

/* Information others shared, or no account: Meta's separate form, explained first, opened
 * only when asked. */
static void
test_flow_third_party (WspTestFlow   *f,
                       gconstpointer  data)
{
  const char *url = wsp_catalog_get_third_party_form (wsp_catalog_get_current ())->url;
  GtkWidget *platform_page;
  AdwMessageDialog *dialog;
  g_autofree char *opened = NULL;

  wsp_flow_next (f, "platform");
  platform_page = wsp_flow_page (f, "platform");

  for (guint i = 0; i < 2; i++)
    {
      const char *title = i == 0 ? T ("It is about what others posted about me",
                                      "Es geht um das, was andere über mich gepostet haben")
                                 : T ("I have no account", "Ich habe kein Konto");
      GtkWidget *row = wsp_test_find_widget (platform_page, ADW_TYPE_ACTION_ROW,
                                             wsp_test_match_row_title,
                                             title);

      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                       "platform.third-party");
    }

  g_assert_true (gtk_widget_activate_action (platform_page, "platform.third-party", NULL));
  dialog = ADW_MESSAGE_DIALOG (wsp_flow_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   T ("Information Others Shared About You",
                      "Informationen, die andere über Sie geteilt haben"));
  /* Not the objection, and what the form asks for. */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   T ("This is not the objection.",
                                      "Das ist nicht der Widerspruch.")));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Meta AI"));

  adw_message_dialog_response (dialog, "open");
  opened = wsp_flow_wait_for_opened (f, 1);
  g_assert_cmpstr (opened, ==, url);
  g_assert_cmpstr (opened, ==, "https://www.facebook.com/help/contact/510058597920541");
  /* Nothing about the objection was recorded. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
}

/* Brazil's form emails a code to type in: the done page does not take "Sent" before the user
 * ticked that they did. Elsewhere there is no such step. */
static void
test_flow_brazil_code (WspTestFlow   *f,
                       gconstpointer  data)
{
  const char *code_title = T ("Did you type in the emailed code?",
                              "Haben Sie den Code aus der E-Mail eingegeben?");
  GtkWidget *done, *code_row, *code_check, *sent_button;

  wsp_flow_walk_to_summary_from (f, WSP_PLATFORMS_FACEBOOK, T ("brazil", "brasil"), "BR");
  g_assert_true (row_shown (f, T ("Type in the emailed code", "Code aus der E-Mail eingeben")));
  g_assert_true (row_shown (f, T ("In Brazil", "In Brasilien")));
  wsp_flow_open_form (f, 1, FACEBOOK_FORM_2024);
  wsp_flow_next (f, "done");

  done = wsp_flow_page (f, "done");
  code_row = wsp_test_find_widget (done, ADW_TYPE_ACTION_ROW, wsp_test_match_row_title, code_title);
  g_assert_nonnull (code_row);
  g_assert_true (gtk_widget_is_visible (code_row));
  sent_button = wsp_test_find_widget (done, GTK_TYPE_BUTTON, wsp_test_match_action, "records.sent");
  g_assert_false (gtk_widget_is_sensitive (sent_button));

  code_check = wsp_test_find_widget (code_row, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (code_check), TRUE);
  g_assert_true (gtk_widget_is_sensitive (sent_button));
  wsp_test_click (sent_button);
  g_assert_cmpint (wsp_record_get_state (wsp_flow_only_record (f->store)), ==, WSP_RECORD_SENT);
  g_assert_false (gtk_widget_is_visible (code_row));
}

/* "Good to Know" shows a fact only while the catalog in use vouches for it. */
static void
test_flow_good_to_know (WspTestFlow   *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog.json", NULL);
  g_autofree char *json = wsp_test_read_file (path, NULL);
  const char *pages = T ("Facebook Pages", "Facebook-Seiten");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WspCatalog) without = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  GtkWidget *platform_page;

  wsp_flow_next (f, "platform");
  platform_page = wsp_flow_page (f, "platform");
  g_assert_nonnull (wsp_test_find_widget (platform_page, ADW_TYPE_EXPANDER_ROW,
                                          wsp_test_match_row_title,
                                          pages));
  g_assert_nonnull (wsp_test_find_widget (platform_page, ADW_TYPE_EXPANDER_ROW,
                                          wsp_test_match_row_title,
                                          T ("Objected in 2024?", "Schon 2024 widersprochen?")));

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  json_object_remove_member (json_object_get_object_member (
                               json_node_get_object (json_parser_get_root (parser)), "facts"),
                             "pages");
  json_generator_set_root (generator, json_parser_get_root (parser));
  edited = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new (edited, strlen (edited));
  without = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  wsp_catalog_set_current (without);
  g_assert_null (wsp_test_find_widget (platform_page, ADW_TYPE_EXPANDER_ROW,
                                       wsp_test_match_row_title, pages));
  wsp_catalog_set_current (NULL);
  g_assert_nonnull (wsp_test_find_widget (platform_page, ADW_TYPE_EXPANDER_ROW,
                                          wsp_test_match_row_title,
                                          pages));
}

/* An address may hold characters that markup would take for its own ("&" is allowed before
 * the "@"): the done page shows it as it is. */
static void
test_flow_done_address (WspTestFlow   *f,
                        gconstpointer  data)
{
  const char *address = "tom&jerry@example.org";
  GtkWidget *note;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_cmpint (wsp_email_validate (address), ==, WSP_EMAIL_OK);
  wsp_objection_set_email (wsp_window_get_objection (f->window), address);
  wsp_flow_next (f, "done");

  note = wsp_test_find_widget (wsp_flow_page (f, "done"), GTK_TYPE_LABEL, wsp_test_match_css_class,
                               "body");
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), address));
}

int
main (int   argc,
      char *argv[])
{
  wsp_flow_init (&argc, &argv);

  WSP_FLOW_ADD ("no-browser", test_flow_no_browser, FALSE);
  WSP_FLOW_ADD ("facebook", test_flow_facebook, TRUE);
  WSP_FLOW_ADD ("instagram", test_flow_instagram, TRUE);
  WSP_FLOW_ADD ("both", test_flow_both, TRUE);
  WSP_FLOW_ADD ("form-per-country", test_flow_form_per_country, TRUE);
  WSP_FLOW_ADD ("third-party", test_flow_third_party, TRUE);
  WSP_FLOW_ADD ("brazil-code", test_flow_brazil_code, TRUE);
  WSP_FLOW_ADD ("good-to-know", test_flow_good_to_know, TRUE);
  WSP_FLOW_ADD ("manual-page", test_flow_manual_page, TRUE);
  WSP_FLOW_ADD ("report-link", test_flow_report_link, TRUE);
  WSP_FLOW_ADD ("done-address", test_flow_done_address, TRUE);

  return g_test_run ();
}
