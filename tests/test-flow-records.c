/* test-flow-records.c: the records of what was sent: the done page, restarts, resuming,
 * forgetting, saving, a damaged records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wsp-reasons.h"
#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-test-flow.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

/* Closes the window as the user would (so it keeps what it keeps on closing), then starts as
 * the app does after a restart: a store read from the file, a new window. */
static void
restart (WspTestFlow *f)
{
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (WSP_TEST_WAIT_FOR (f->window == NULL));

  g_clear_object (&f->store);
  f->store = wsp_flow_new_store ();
  f->window = wsp_flow_new_window (f);
  wsp_flow_assert_page (f, "welcome");
}

/* The text of the label with @css_class in a record's row on the welcome page. */
static const char *
row_text (GtkWidget  *row,
          const char *css_class)
{
  GtkWidget *label = wsp_test_find_widget (row, GTK_TYPE_LABEL, wsp_test_match_css_class,
                                           css_class);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
match_record_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  GtkWidget *title = wsp_test_find_widget (widget, GTK_TYPE_LABEL, wsp_test_match_css_class,
                                           "title");

  return title != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (title)), data) == 0;
}

static GtkWidget *
welcome_row (WspTestFlow *f,
             const char  *title)
{
  return wsp_test_find_widget (wsp_flow_page (f, "welcome"), GTK_TYPE_LIST_BOX_ROW,
                               match_record_row, title);
}

static char *
records_file (void)
{
  g_autofree char *path = wsp_flow_records_path ();
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* The Undo button of the toast that says what was forgotten, once it shows. */
static GtkWidget *
undo_button (WspTestFlow *f)
{
  GtkWidget *button = NULL;

  WSP_TEST_WAIT_FOR ((button = wsp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON,
                                                     wsp_test_match_button_label,
                                                     T ("_Undo", "_Rückgängig"))) != NULL);
  return button;
}

static void
test_flow_records (WspTestFlow   *f,
                   gconstpointer  data)
{
  GtkWidget *done;
  GtkWidget *sent_row, *confirmed_row, *confirmed_check, *label_row, *row;
  WspRecord *record;
  g_autofree char *copied = NULL;
  g_autofree char *id = NULL;
  g_autofree char *contents = NULL;
  const char *subtitle;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);

  /* Opening the form makes the record. */
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  record = wsp_flow_only_record (f->store);
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_OPENED);
  g_assert_cmpint (wsp_record_get_platform (record), ==, WSP_PLATFORM_FACEBOOK);
  g_assert_cmpstr (wsp_record_get_url (record), ==, FACEBOOK_FORM);
  g_assert_cmpstr (wsp_record_get_email (record), ==, EMAIL);
  g_assert_cmpstr (wsp_record_get_country (record), ==, "DE");
  g_assert_cmpstr (wsp_record_get_reason (record), ==, wsp_reasons_get_text (1));
  g_assert_cmpint (ABS (wsp_record_get_opened (record) - g_get_real_time () / G_USEC_PER_SEC), <,
                   60);

  wsp_flow_next (f, "done");
  done = wsp_flow_page (f, "done");
  sent_row = wsp_test_find_widget (done, ADW_TYPE_ACTION_ROW, wsp_test_match_row_title,
                          T ("Did you send it?", "Haben Sie es abgeschickt?"));
  confirmed_row = wsp_test_find_widget (done, ADW_TYPE_ACTION_ROW, wsp_test_match_row_title,
                               T ("Did the confirmation arrive?",
                                  "Ist die Bestätigung angekommen?"));
  g_assert_nonnull (sent_row);
  g_assert_nonnull (confirmed_row);
  g_assert_false (gtk_widget_is_sensitive (confirmed_row));

  wsp_test_click (wsp_test_find_widget (done, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "records.sent"));
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_SENT);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sent_row)), ==,
                   T ("Sent", "Abgeschickt"));
  g_assert_true (gtk_widget_is_sensitive (confirmed_row));

  confirmed_check = wsp_test_find_widget (confirmed_row, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (confirmed_check), TRUE);
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_CONFIRMED);

  label_row = wsp_test_find_widget (done, ADW_TYPE_ENTRY_ROW, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (label_row), "Privat ");
  g_assert_cmpstr (wsp_record_get_label (record), ==, "Privat");
  /* Not rewritten under the user's fingers. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label_row)), ==, "Privat ");

  /* After a restart the welcome page shows the account and its state. */
  restart (f);
  record = wsp_flow_only_record (f->store);
  g_assert_cmpstr (wsp_record_get_label (record), ==, "Privat");
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_CONFIRMED);
  row = welcome_row (f, T ("Facebook – Privat", "Facebook – Privat"));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (row,
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  subtitle = row_text (row, "subtitle");
  g_assert_true (g_str_has_prefix (subtitle, T ("Confirmed on ", "Bestätigt am ")));

  /* The row's buttons say what they do when pointed at. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (wsp_test_find_widget (row, GTK_TYPE_BUTTON,
                                                                      wsp_test_match_action,
                                                                      "records.forget")),
                   ==, T ("Forget", "Vergessen"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (wsp_test_find_widget (row, GTK_TYPE_BUTTON,
                                                                      wsp_test_match_action,
                                                                      "assistant.open-record")),
                   ==, T ("Continue", "Weitermachen"));

  /* Continue: the summary of that form, with its values. */
  wsp_test_click (wsp_test_find_widget (row, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "assistant.open-record"));
  wsp_flow_assert_page (f, "summary");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, "Facebook");
  wsp_flow_assert_summary (f, FACEBOOK_FORM, "www.facebook.com");
  wsp_flow_next (f, "done");
  sent_row = wsp_test_find_widget (wsp_flow_page (f, "done"), ADW_TYPE_ACTION_ROW,
                                   wsp_test_match_row_title,
                          T ("Sent", "Abgeschickt"));
  g_assert_nonnull (sent_row);
  g_assert_false (gtk_widget_get_visible (wsp_test_find_widget (wsp_flow_page (f, "done"),
                                                                GTK_TYPE_BUTTON,
                                                       wsp_test_match_action, "records.sent")));
  /* Still the one record. */
  g_assert_true (wsp_flow_only_record (f->store) == record);

  /* Forget it, from the welcome page after another restart... */
  restart (f);
  id = g_strdup (wsp_record_get_id (wsp_flow_only_record (f->store)));
  row = welcome_row (f, "Facebook – Privat");
  wsp_test_click (wsp_test_find_widget (row, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "records.forget"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  g_assert_null (welcome_row (f, "Facebook – Privat"));
  contents = records_file ();
  g_assert_null (strstr (contents, id));
  g_clear_pointer (&contents, g_free);

  /* ...take it back with the toast's Undo: the row and the file have it again... */
  wsp_test_click (undo_button (f));
  g_assert_cmpstr (wsp_record_get_id (wsp_flow_only_record (f->store)), ==, id);
  g_assert_nonnull (welcome_row (f, "Facebook – Privat"));
  contents = records_file ();
  g_assert_nonnull (strstr (contents, id));

  /* ...and forget it for good. */
  row = welcome_row (f, "Facebook – Privat");
  wsp_test_click (wsp_test_find_widget (row, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "records.forget"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  g_clear_object (&f->store);
  f->store = wsp_flow_new_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
}

static void
resume_until_reason (WspTestFlow *f)
{
  wsp_flow_next (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");
  wsp_flow_choose_country (f, "germ");
  wsp_flow_assert_page (f, "email");
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");
  wsp_flow_set_reason_text (f, "Meine eigenen Worte.");
}

static void
test_flow_resume (WspTestFlow   *f,
                  gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;
  GtkWidget *row;

  resume_until_reason (f);
  restart (f);

  /* Not remembered: the email is not in the file. */
  contents = records_file ();
  g_assert_null (strstr (contents, EMAIL));
  g_assert_nonnull (strstr (contents, "Meine eigenen Worte."));

  row = welcome_row (f, "Facebook");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_text (row, "subtitle"), ==,
                   T ("Not started: go on where you left off",
                      "Nicht begonnen: dort weitermachen, wo Sie aufgehört haben"));

  /* Forgotten by mistake, and taken back with Undo: the same objection, on the same page. */
  wsp_test_click (wsp_test_find_widget (row, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "records.forget"));
  g_assert_null (wsp_record_store_get_draft_page (f->store));
  g_assert_null (welcome_row (f, "Facebook"));
  wsp_test_click (undo_button (f));
  g_assert_cmpstr (wsp_record_store_get_draft_page (f->store), ==, "reason");
  row = welcome_row (f, "Facebook");
  g_assert_nonnull (row);
  wsp_test_click (wsp_test_find_widget (row, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "assistant.resume"));

  /* Back where the email is asked for, and it is empty; the rest is there. */
  wsp_flow_assert_page (f, "email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wsp_flow_email_row (f))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "DE");
  g_assert_cmpuint (wsp_objection_get_platforms (wsp_window_get_objection (f->window)), ==,
                    WSP_PLATFORMS_FACEBOOK);
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");
  kept = wsp_flow_reason_text (f);
  g_assert_cmpstr (kept, ==, "Meine eigenen Worte.");
  wsp_flow_next (f, "summary");
  {
    g_autofree char *copied = wsp_flow_copy_field (f, "email");
    g_assert_cmpstr (copied, ==, EMAIL);
  }

  /* Finished: the unfinished objection became a record, whose form was never opened here. */
  wsp_flow_next (f, "done");
  restart (f);
  g_assert_null (wsp_record_store_get_draft_page (f->store));
  g_assert_cmpint (wsp_record_get_state (wsp_flow_only_record (f->store)), ==,
                   WSP_RECORD_NOT_STARTED);
  row = welcome_row (f, "Facebook");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_text (row, "subtitle"), ==, T ("Not started", "Nicht begonnen"));
}

static void
test_flow_resume_remembered (WspTestFlow   *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;
  GtkWidget *check;

  g_assert_false (g_settings_get_boolean (settings, "remember-email"));
  wsp_flow_next (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_next (f, "country");
  wsp_flow_choose_country (f, "germ");
  wsp_flow_assert_page (f, "email");
  check = wsp_test_find_widget (wsp_flow_page (f, "email"), GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (wsp_test_find_widget (check, GTK_TYPE_LABEL,
                                                                         NULL, NULL))), ==,
                   T ("_Remember my email on this computer",
                      "E-Mail-Adresse auf diesem Rechner _merken"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_activate (check);
  g_assert_true (g_settings_get_boolean (settings, "remember-email"));
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");
  wsp_flow_set_reason_text (f, "Meine eigenen Worte.");

  restart (f);
  contents = records_file ();
  g_assert_nonnull (strstr (contents, EMAIL));

  wsp_test_click (wsp_test_find_widget (welcome_row (f, "Facebook"), GTK_TYPE_BUTTON,
                                        wsp_test_match_action, "assistant.resume"));
  wsp_flow_assert_page (f, "reason");
  kept = wsp_flow_reason_text (f);
  g_assert_cmpstr (kept, ==, "Meine eigenen Worte.");
  wsp_flow_back (f, "email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wsp_flow_email_row (f))), ==, EMAIL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
                   wsp_test_find_widget (wsp_flow_page (f, "email"), GTK_TYPE_CHECK_BUTTON, NULL,
                                         NULL))));

  /* Memory-backed settings outlive the test. */
  g_settings_reset (settings, "remember-email");
}

/* A form opened before the interruption keeps its one record; "both" resumes on the second form. */
static void
test_flow_resume_opened (WspTestFlow   *f,
                         gconstpointer  data)
{
  WspRecord *record;
  gint64 opened;

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  record = wsp_flow_only_record (f->store);
  /* Back a step, then the window is closed. */
  wsp_flow_back (f, "reason");
  restart (f);
  opened = wsp_record_get_opened (wsp_flow_only_record (f->store));

  /* Activating the row itself (a click beside its buttons, or Enter on it) goes on too, once
   * its Continue button has shown the press. */
  g_assert_true (gtk_widget_activate (welcome_row (f, "Facebook")));
  WSP_TEST_WAIT_FOR (g_strcmp0 (wsp_window_get_page_name (f->window), "email") == 0);
  wsp_flow_assert_page (f, "email");
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");
  wsp_flow_next (f, "summary");
  wsp_flow_open_form (f, 2, FACEBOOK_FORM);
  record = wsp_flow_only_record (f->store);
  g_assert_cmpint (wsp_record_get_opened (record), ==, opened);
  wsp_flow_next (f, "done");

  /* Both: Facebook done, the window closed on the Instagram form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.restart", NULL));
  wsp_flow_assert_page (f, "platform");
  wsp_flow_choose_platform (f, WSP_PLATFORMS_BOTH);
  wsp_flow_next (f, "country");
  wsp_flow_next (f, "email");
  wsp_flow_next (f, "reason");
  wsp_flow_next (f, "summary");
  wsp_flow_open_form (f, 3, FACEBOOK_FORM);
  wsp_flow_next (f, "done");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.continue", NULL));
  wsp_flow_assert_page (f, "summary");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, "Instagram");
  restart (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 2);

  wsp_test_click (wsp_test_find_widget (welcome_row (f, T ("Facebook and Instagram",
                                                           "Facebook und Instagram")),
                      GTK_TYPE_BUTTON, wsp_test_match_action, "assistant.resume"));
  wsp_flow_assert_page (f, "email");
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), EMAIL);
  wsp_flow_next (f, "reason");
  wsp_flow_next (f, "summary");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, "Instagram");
  wsp_flow_open_form (f, 4, INSTAGRAM_FORM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 3);
  /* Closed on the last form, once opened: its record holds it all, no unfinished one is left. */
  restart (f);
  g_assert_null (wsp_record_store_get_draft_page (f->store));
  g_assert_nonnull (welcome_row (f, "Instagram"));
}

static void
test_flow_forget_everything (WspTestFlow   *f,
                             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *forget_all;

  /* Nothing to forget yet: the button (and the menu item) follow the action. */
  forget_all = wsp_test_find_widget (wsp_flow_page (f, "welcome"), GTK_TYPE_BUTTON,
                                     wsp_test_match_action, "records.forget-all");
  g_assert_false (gtk_widget_get_sensitive (forget_all));

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 1);
  g_assert_nonnull (wsp_record_store_get_draft_page (f->store));
  g_assert_true (gtk_widget_get_sensitive (forget_all));

  /* Cancel keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "records.forget-all", NULL));
  dialog = ADW_MESSAGE_DIALOG (wsp_flow_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   T ("Forget Everything?", "Alles vergessen?"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "records.forget-all", NULL));
  dialog = ADW_MESSAGE_DIALOG (wsp_flow_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "forget"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "forget");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  g_assert_null (wsp_record_store_get_draft_page (f->store));

  g_assert_false (gtk_widget_get_sensitive (forget_all));

  /* Gone from the file too. */
  g_clear_object (&f->store);
  f->store = wsp_flow_new_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  g_assert_null (wsp_record_store_get_draft_page (f->store));
}

static void
test_flow_save_record (WspTestFlow   *f,
                       gconstpointer  data)
{
  g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  GtkWindow *chooser;
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *pdf = g_build_filename (g_get_home_dir (), "proof.pdf", NULL);
  g_autofree char *txt = g_build_filename (g_get_home_dir (), "proof.txt", NULL);
  g_autofree char *pdf_contents = NULL;
  g_autofree char *txt_contents = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_INSTAGRAM);
  wsp_flow_open_form (f, 1, INSTAGRAM_FORM);
  wsp_flow_next (f, "done");

  wsp_test_click (wsp_test_find_widget (wsp_flow_page (f, "done"), GTK_TYPE_BUTTON,
                                        wsp_test_match_action, "records.save"));
  /* Without a portal GtkFileChooserNative shows GTK's own dialog, in this process. */
  chooser = wsp_flow_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->window));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  /* Without a Documents folder (none in the test's home), the home folder. */
  g_assert_true (WSP_TEST_WAIT_FOR (wsp_test_chooser_in_folder (chooser, folder)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "proof.pdf");
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *chosen_path = g_file_get_path (chosen);

    g_assert_cmpstr (chosen_path, ==, pdf);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  WSP_TEST_WAIT_FOR (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_get_contents (pdf, &pdf_contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf_contents, "%PDF-"));
  g_assert_true (g_file_get_contents (txt, &txt_contents, NULL, NULL));
  expected = wsp_record_format_text (wsp_flow_only_record (f->store));
  g_assert_cmpstr (txt_contents, ==, expected);
  g_assert_nonnull (strstr (txt_contents, EMAIL));
  g_assert_nonnull (strstr (txt_contents, INSTAGRAM_FORM));

  /* The file chooser writes the file to its recent files a moment later: not after this test's
   * folders are gone. */
  g_assert_true (WSP_TEST_WAIT_FOR (g_file_test (recent, G_FILE_TEST_EXISTS)));
}

static GtkWidget *
bar_of (WspTestFlow *f,
        const char  *action)
{
  GtkWidget *button = wsp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON,
                                            wsp_test_match_action, action);

  g_assert_nonnull (button);
  return gtk_widget_get_ancestor (button, GTK_TYPE_REVEALER);
}

/* The bar slides in: wait until it is all there, as the user would see it. */
static void
wait_revealed (GtkWidget *bar)
{
  WSP_TEST_WAIT_FOR (gtk_revealer_get_child_revealed (GTK_REVEALER (bar)));
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (bar)));
  g_assert_true (gtk_widget_get_mapped (gtk_revealer_get_child (GTK_REVEALER (bar))));
}

static const char *
bar_text (GtkWidget *bar)
{
  return gtk_label_get_label (GTK_LABEL (wsp_test_find_widget (bar, GTK_TYPE_LABEL, NULL, NULL)));
}

/* A damaged file, then a folder that cannot be written: the user is told, nothing is lost. */
static void
test_flow_record_problems (WspTestFlow   *f,
                           gconstpointer  data)
{
  g_autofree char *path = wsp_flow_records_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (dir, ".moved", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *notice, *save_error;

  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_of (f, "records.dismiss"))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_of (f, "records.retry"))));

  /* Close the window, damage the file, start again. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (WSP_TEST_WAIT_FOR (f->window == NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ \"version\": 1, \"records\": [", -1, NULL));
  g_clear_object (&f->store);
  f->store = wsp_record_store_new (path);
  g_assert_false (wsp_record_store_load (f->store, &error));
  f->window = wsp_flow_new_window (f);

  notice = bar_of (f, "records.dismiss");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (notice)));
  wait_revealed (notice);
  g_assert_cmpstr (bar_text (notice), ==, error->message);
  g_assert_true (g_str_has_prefix (bar_text (notice),
                                   T ("Your records could not be read (",
                                      "Ihre Aufzeichnungen konnten nicht gelesen werden (")));
  wsp_test_click (wsp_test_find_widget (notice, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "records.dismiss"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (notice)));

  /* A plain file where the folder should be: no one, not even root, can write there. */
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "", -1, NULL));

  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  save_error = bar_of (f, "records.retry");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (save_error)));
  wait_revealed (save_error);
  g_assert_true (g_str_has_prefix (bar_text (save_error),
                                   T ("Your records could not be saved. ",
                                      "Ihre Aufzeichnungen konnten nicht gespeichert werden. ")));
  /* Kept in memory meanwhile. */
  g_assert_cmpstr (wsp_record_get_url (wsp_flow_only_record (f->store)), ==, FACEBOOK_FORM);

  g_assert_cmpint (g_remove (dir), ==, 0);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
  wsp_test_click (wsp_test_find_widget (save_error, GTK_TYPE_BUTTON, wsp_test_match_action,
                                        "records.retry"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (save_error)));

  g_clear_object (&f->store);
  f->store = wsp_flow_new_store ();
  g_assert_cmpstr (wsp_record_get_url (wsp_flow_only_record (f->store)), ==, FACEBOOK_FORM);
}

int
main (int   argc,
      char *argv[])
{
  wsp_flow_init (&argc, &argv);

  WSP_FLOW_ADD ("records", test_flow_records, TRUE);
  WSP_FLOW_ADD ("resume", test_flow_resume, TRUE);
  WSP_FLOW_ADD ("resume-remembered", test_flow_resume_remembered, TRUE);
  WSP_FLOW_ADD ("resume-opened", test_flow_resume_opened, TRUE);
  WSP_FLOW_ADD ("forget-everything", test_flow_forget_everything, TRUE);
  WSP_FLOW_ADD ("save-record", test_flow_save_record, TRUE);
  WSP_FLOW_ADD ("record-problems", test_flow_record_problems, TRUE);

  return g_test_run ();
}
