/* test-follow-up.c: after sending: the late confirmation, the reminder, the authority, and
 * another account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records' dates say how long ago a form was sent: the tests set them, and never wait for
 * the clock.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-follow-up.h"
#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

#define EMAIL "jana.beispiel@example.org"
#define REASON "Meine Fotos gehören mir."
#define HOUR (60 * 60)
#define BFDI_LIST "https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/Laender-node.html"
#define MOVED_NAME "Datenschutzbehörde der Republik Österreich"
#define MOVED_URL "https://www.dsb.gv.at/beschwerde"

typedef struct {
  GtkApplication *app;
  WspRecordStore *store;
  WspWindow      *window;
  char           *opened_path;
  gint64          now;
} Fixture;

static WspRecord *
add_record (Fixture     *f,
            WspPlatform  platform,
            const char  *label,
            const char  *country,
            const char  *country_name,
            gint64       sent_hours_ago)
{
  g_autoptr(WspRecord) record = wsp_record_new (platform);

  wsp_record_set_label (record, label);
  wsp_record_set_email (record, EMAIL);
  wsp_record_set_country (record, country, country_name);
  wsp_record_set_reason (record, REASON);
  wsp_record_set_url (record, "https://www.facebook.com/help/contact/6359191084165019");
  wsp_record_set_opened (record, f->now - sent_hours_ago * HOUR - 600);
  if (sent_hours_ago >= 0)
    wsp_record_set_sent (record, f->now - sent_hours_ago * HOUR);
  wsp_record_store_add (f->store, record);

  return record;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "records.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  f->opened_path = g_build_filename (g_get_user_data_dir (), "opened.txt", NULL);
  wsp_test_register_fake_browser (f->opened_path);
  f->now = g_get_real_time () / G_USEC_PER_SEC;

  f->app = wsp_test_new_app ();
  f->store = wsp_record_store_new (path);
  g_assert_true (wsp_record_store_load (f->store, &error));
}

static void
show_window (Fixture *f)
{
  f->window = wsp_test_new_window (f->app, f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wsp_test_destroy_windows ((GtkWindow **) &f->window);

  g_clear_object (&f->store);
  g_clear_object (&f->app);
  g_clear_pointer (&f->opened_path, g_free);
}

static GtkWidget *
page (Fixture    *f,
      const char *name)
{
  return GTK_WIDGET (wsp_window_get_page (f->window, name));
}

/* Shown, and with every ancestor shown: what the user sees. */
static gboolean
is_shown (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;

  return TRUE;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  GPtrArray *groups = wsp_test_find_all (root, ADW_TYPE_PREFERENCES_GROUP, NULL, NULL);
  GtkWidget *found = NULL;

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), title) == 0)
      found = groups->pdata[i];
  g_ptr_array_unref (groups);

  return found;
}

static void
wait_for_page (Fixture    *f,
               const char *name)
{
  WSP_TEST_WAIT_FOR (g_strcmp0 (wsp_window_get_page_name (f->window), name) == 0);
  g_assert_cmpstr (wsp_window_get_page_name (f->window), ==, name);
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window = NULL;

  WSP_TEST_WAIT_FOR ((window = wsp_test_find_toplevel (type)) != NULL);

  return window;
}

static WspFollowUp *
follow_up_of (Fixture *f)
{
  GtkWidget *follow_up = wsp_test_find_widget (page (f, "done"), WSP_TYPE_FOLLOW_UP, NULL, NULL);

  g_assert_nonnull (follow_up);
  return WSP_FOLLOW_UP (follow_up);
}

/* Late records are listed first on the welcome page, and only they. */
static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WspRecord) late = NULL;
  g_autoptr(WspRecord) recent = NULL;
  g_autoptr(WspRecord) confirmed = NULL;
  g_autoptr(WspRecord) opened = NULL;
  GtkWidget *group;
  GtkWidget *focus;
  GPtrArray *rows;

  late = g_object_ref (add_record (f, WSP_PLATFORM_INSTAGRAM, "Shop", "DE", "Deutschland", 25));
  recent = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, "Privat", "DE", "Deutschland", 23));
  confirmed = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, "Verein", "DE", "Deutschland",
                                        72));
  wsp_record_set_confirmed (confirmed, f->now - 70 * HOUR);
  opened = g_object_ref (add_record (f, WSP_PLATFORM_INSTAGRAM, NULL, "DE", "Deutschland", -1));

  show_window (f);
  group = find_group (page (f, "welcome"), "Still Waiting for Meta?");
  g_assert_nonnull (group);
  g_assert_true (is_shown (group));
  rows = wsp_test_find_all (group, ADW_TYPE_ACTION_ROW, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Instagram – Shop");
  g_ptr_array_unref (rows);

  /* "What to Do" leads to the record's own page, with what to do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.follow-up", "s",
                                             wsp_record_get_id (late)));
  wait_for_page (f, "done");
  g_assert_true (wsp_follow_up_get_record (follow_up_of (f)) == late);
  g_assert_true (is_shown (find_group (page (f, "done"), "No Confirmation Yet?")));
  /* The focus on the first thing to do, not on the buttons below (a screen reader starts
   * there). */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (ADW_IS_PREFERENCES_ROW (focus));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==,
                   "Look in the right mailbox");
  g_assert_true (wsp_test_shows_text (page (f, "done"), "Look in the spam folder"));
  g_assert_true (wsp_test_shows_text (page (f, "done"), "The form’s own confirmation counts"));
  g_assert_true (wsp_test_shows_text (page (f, "done"), "When to send it again"));

  /* A day not yet over: nothing to worry about. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.follow-up", "s",
                                             wsp_record_get_id (recent)));
  g_assert_true (wsp_follow_up_get_record (follow_up_of (f)) == recent);
  g_assert_false (is_shown (find_group (page (f, "done"), "No Confirmation Yet?")));

  /* Ticked as confirmed: gone from the welcome page too. */
  wsp_record_set_confirmed (late, f->now);
  g_assert_false (is_shown (find_group (page (f, "welcome"), "Still Waiting for Meta?")));
}

static void
test_reminder (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(WspRecord) late = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, "Privat", "AT",
                                                        "Österreich", 30));
  g_autofree char *ics_path = g_build_filename (g_get_home_dir (), "reminder.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/folder/reminder.ics");
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  GtkWindow *chooser;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  show_window (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.follow-up", "s",
                                             wsp_record_get_id (late)));
  wait_for_page (f, "done");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (follow_up_of (f)), "follow-up.reminder",
                                             NULL));
  /* Without a portal GtkFileChooserNative shows GTK's own dialog, in this process. */
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "widerspruch-reminder-facebook.ics");
  /* Without a Documents folder (none in the test's home), the home folder. */
  g_assert_true (WSP_TEST_WAIT_FOR (wsp_test_chooser_in_folder (chooser, home)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "reminder.ics");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (WSP_TEST_WAIT_FOR (g_file_test (ics_path, G_FILE_TEST_EXISTS)));

  /* The file test-reminder checks in detail: here, that it is the record's. */
  g_assert_true (g_file_get_contents (ics_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  time = g_date_time_new_from_unix_utc (wsp_record_get_sent (late) + 48 * HOUR);
  start = g_date_time_format (time, "\r\nDTSTART:%Y%m%dT%H%M%SZ\r\n");
  g_assert_nonnull (strstr (contents, start));
  g_assert_null (strstr (contents, EMAIL));
  g_assert_null (strstr (contents, REASON));

  /* A file that cannot be written: the user is told why. */
  g_assert_false (wsp_follow_up_save_reminder (follow_up_of (f), nowhere));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Reminder");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The calendar file could not be written: "));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
wait_for_opened (Fixture *f)
{
  char *text = NULL;

  WSP_TEST_WAIT_FOR (g_file_get_contents (f->opened_path, &text, NULL, NULL));

  return text;
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* Shows @record's page; returns its group "Complain to the Authority". */
static GtkWidget *
show_record (Fixture   *f,
             WspRecord *record)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.follow-up", "s",
                                             wsp_record_get_id (record)));
  wait_for_page (f, "done");
  return find_group (page (f, "done"), "Complain to the Authority");
}

/* Clicks the button of @complaint that opens the authority's page; returns what the browser
 * was handed. */
static char *
open_complaint_page (Fixture   *f,
                     GtkWidget *complaint)
{
  GtkWidget *open = wsp_test_find_widget (complaint, GTK_TYPE_BUTTON, wsp_test_match_action,
                                          "follow-up.complaint");

  g_assert_true (is_shown (open));
  gtk_widget_activate (open);
  return wait_for_opened (f);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WspRecord) german = g_object_ref (add_record (f, WSP_PLATFORM_INSTAGRAM, NULL, "DE",
                                                          "Deutschland", 24 * 40));
  g_autoptr(WspRecord) elsewhere = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, NULL, "US",
                                                             "United States", 24 * 40));
  g_autoptr(WspRecord) unsent = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, NULL, "FR",
                                                          "France", -1));
  GtkWidget *check, *complaint, *open, *source;
  g_autofree char *opened = NULL;

  show_window (f);
  complaint = show_record (f, german);
  g_assert_false (is_shown (complaint));

  /* Ticked by the user: kept in the record, and the authority shows. */
  check = wsp_test_find_widget (find_group (page (f, "done"), "If Meta Refuses"),
                                GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpint (wsp_record_get_state (german), ==, WSP_RECORD_REFUSED);
  g_assert_true (is_shown (complaint));
  g_assert_true (wsp_test_shows_text (complaint,
                                      "Datenschutzaufsichtsbehörden der Länder (Übersicht der BfDI)"));
  g_assert_true (wsp_test_shows_text (complaint, "In Germany"));
  /* Dated and sourced, from the catalog. */
  source = wsp_test_find_widget (complaint, GTK_TYPE_LABEL, label_starts_with,
                                 "Last confirmed in December 2025. Source: BfDI, ");
  g_assert_true (source != NULL && is_shown (source));
  g_assert_nonnull (wsp_test_find_widget (complaint, GTK_TYPE_BUTTON, wsp_test_match_action,
                                          "records.save"));

  /* The complaint page opens in the browser. */
  opened = open_complaint_page (f, complaint);
  g_assert_cmpstr (opened, ==, BFDI_LIST "\n");
  open = wsp_test_find_widget (complaint, GTK_TYPE_BUTTON, wsp_test_match_action,
                               "follow-up.complaint");

  /* Unticked: gone again. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_cmpint (wsp_record_get_refused (german), ==, 0);
  g_assert_false (is_shown (complaint));

  /* A country without a known authority says so, and offers nothing to open. */
  wsp_record_set_refused (elsewhere, f->now);
  g_assert_true (show_record (f, elsewhere) == complaint);
  g_assert_true (is_shown (complaint));
  g_assert_true (wsp_test_shows_text (complaint, "No authority known"));
  g_assert_true (wsp_test_shows_text (complaint,
                                      "Widerspruch knows no data protection authority for United "
                                      "States. Look for the one that supervises data protection "
                                      "where you live."));
  g_assert_false (is_shown (open));
  g_assert_false (is_shown (source));

  /* Not sent: nothing to refuse yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.follow-up", "s",
                                             wsp_record_get_id (unsent)));
  g_assert_false (is_shown (find_group (page (f, "done"), "If Meta Refuses")));
}

/* The shipped catalog, updated tomorrow, in which Austria's authority has another name, page (on
 * its own hosts), date and source. */
static WspCatalog *
catalog_with_moved_authority (void)
{
  g_autofree char *json = wsp_test_catalog_updated_on (wsp_test_newer_date ());
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  WspCatalog *catalog;
  JsonObject *austria;
  char *edited;

  g_assert_nonnull (root);
  austria = json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (root), "authorities"), "AT");
  json_object_set_string_member (austria, "name", MOVED_NAME);
  json_object_set_string_member (austria, "url", MOVED_URL);
  json_object_set_string_member (austria, "confirmed", "2026-11");
  json_object_set_string_member (austria, "source", "a test of the update");
  edited = json_to_string (root, FALSE);
  bytes = g_bytes_new_take (edited, strlen (edited));

  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return catalog;
}

/* The authorities are catalog data: an update corrects one without a release, and the complaint
 * page that opens is the updated one. */
static void
test_updated_authority (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WspRecord) austrian = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, NULL, "AT",
                                                            "Österreich", 24 * 40));
  g_autoptr(WspCatalog) updated = catalog_with_moved_authority ();
  g_autofree char *opened = NULL;
  GtkWidget *complaint;

  wsp_record_set_refused (austrian, f->now);
  show_window (f);
  wsp_catalog_set_current (updated);
  complaint = show_record (f, austrian);
  g_assert_true (is_shown (complaint));
  g_assert_true (wsp_test_shows_text (complaint, MOVED_NAME));
  g_assert_false (wsp_test_shows_text (complaint, "Österreichische Datenschutzbehörde"));
  /* With its own date and source. */
  g_assert_true (wsp_test_shows_text (complaint,
                                      "Last confirmed in November 2026. Source: a test of the "
                                      "update."));

  opened = open_complaint_page (f, complaint);
  g_assert_cmpstr (opened, ==, MOVED_URL "\n");

  wsp_catalog_set_current (NULL);
}

/* Another account: the country and reason stay, the email goes, and its record is its own. */
static void
test_another_account (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WspRecord) first = g_object_ref (add_record (f, WSP_PLATFORM_FACEBOOK, NULL, "PL",
                                                         "Polska", 2));
  WspObjection *objection;
  WspRecord *second;
  GtkWidget *button;

  show_window (f);
  objection = wsp_window_get_objection (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.follow-up", "s",
                                             wsp_record_get_id (first)));
  wait_for_page (f, "done");
  wsp_record_set_label (first, "Privat");

  button = wsp_test_find_widget (page (f, "done"), GTK_TYPE_BUTTON, wsp_test_match_action,
                                 "assistant.another-account");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_for_page (f, "platform");
  g_assert_null (wsp_objection_get_email (objection));
  g_assert_cmpstr (wsp_objection_get_country (objection), ==, "PL");
  g_assert_cmpstr (wsp_objection_get_reason (objection), ==, REASON);
  g_assert_null (wsp_window_get_record (f->window));

  /* The next account's form: a second record, labelled on its own. */
  wsp_objection_set_email (objection, "firma@example.org");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "records.opened", "s",
                                             "https://www.facebook.com/help/contact/6359191084165019"));
  second = wsp_window_get_record (f->window);
  g_assert_nonnull (second);
  g_assert_true (second != first);
  wsp_record_set_label (second, "Firma");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 2);
  g_assert_cmpstr (wsp_record_get_label (first), ==, "Privat");
  g_assert_cmpstr (wsp_record_get_email (first), ==, EMAIL);
  g_assert_cmpstr (wsp_record_get_email (second), ==, "firma@example.org");
  g_assert_cmpstr (wsp_record_get_country (second), ==, "PL");
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's file chooser reads its own settings schemas: load them before the isolated dirs
   * hide them. */
  g_settings_schema_source_get_default ();
  wsp_test_init_ui (&argc, &argv);
  /* The chooser would list a saved file in recently-used.xbel, written after the test case. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
  /* Whatever it still writes there goes to the directories of the whole run, which stay until
   * the end, not to those of the case that happened to make it first. */
  gtk_recent_manager_get_default ();

#define ADD(path, func) \
  g_test_add ("/follow-up/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("welcome", test_welcome);
  ADD ("reminder", test_reminder);
  ADD ("refused", test_refused);
  ADD ("updated-authority", test_updated_authority);
  ADD ("another-account", test_another_account);

  return g_test_run ();
}
