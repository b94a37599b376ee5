/* wsp-test-flow.c: the flow tests' driver: the app and its window, walking the pages as a user
 * would, the fake browser's log, the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-reasons.h"
#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-test-flow.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

void
wsp_flow_init (int    *argc,
               char ***argv)
{
  /* Load the system's settings schemas before the isolated dirs hide them: GTK's file chooser
   * reads its own. */
  g_settings_schema_source_get_default ();
  wsp_test_init_ui (argc, argv);
  /* GTK's file chooser lists a saved file in recently-used.xbel, written later from the main
   * loop: after the test case that saved, its isolated data directory may already be gone,
   * and the write's warning would fail the next case (seen once in flow-de's save-record). */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
}

GtkWidget *
wsp_flow_page (WspTestFlow *f,
               const char  *name)
{
  return GTK_WIDGET (wsp_window_get_page (f->window, name));
}

GtkWidget *
wsp_flow_next_button (WspTestFlow *f)
{
  GtkWidget *header = wsp_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR, NULL,
                                            NULL);

  return wsp_test_find_widget (header, GTK_TYPE_BUTTON, wsp_test_match_action, "assistant.next");
}

/* The header bar's title and subtitle, as the user reads them. */
static const char *
header_label (WspTestFlow *f,
              const char  *css_class)
{
  GtkWidget *header = wsp_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR, NULL,
                                            NULL);
  GtkWidget *label = wsp_test_find_widget (header, GTK_TYPE_LABEL, wsp_test_match_css_class,
                                           css_class);

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

const char *
wsp_flow_shown_title (WspTestFlow *f)
{
  return header_label (f, "title");
}

static const char *
shown_subtitle (WspTestFlow *f)
{
  return header_label (f, "subtitle");
}

/* Waiting --------------------------------------------------------------------------------- */

/* Line @n_lines of what the fake browser was asked to open, or NULL. */
static char *
opened_line (WspTestFlow *f,
             guint        n_lines)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (f->opened_path, &contents, NULL, NULL))
    return NULL;

  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  return g_strv_length (lines) >= n_lines ? g_strdup (lines [n_lines - 1]) : NULL;
}

char *
wsp_flow_wait_for_opened (WspTestFlow *f,
                          guint        n_lines)
{
  char *line = NULL;

  WSP_TEST_WAIT_FOR ((line = opened_line (f, n_lines)) != NULL);
  return line;
}

GtkWindow *
wsp_flow_wait_for_toplevel (GType type)
{
  GtkWindow *found = NULL;

  WSP_TEST_WAIT_FOR ((found = wsp_test_find_toplevel (type)) != NULL);
  return found;
}

char *
wsp_flow_clipboard_text (WspTestFlow *f)
{
  return wsp_test_clipboard_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)));
}

char *
wsp_flow_copy_field (WspTestFlow *f,
                     const char  *field)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "(nothing)");
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"), "summary.copy", "s",
                                             field));
  return wsp_flow_clipboard_text (f);
}

/* Set-up ---------------------------------------------------------------------------------- */

char *
wsp_flow_records_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "widerspruch", "records.json", NULL);
}

/* What a new start of the app finds in the records file. */
WspRecordStore *
wsp_flow_new_store (void)
{
  g_autofree char *path = wsp_flow_records_path ();
  g_autoptr(WspRecordStore) store = wsp_record_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (wsp_record_store_load (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* A window on the test's own store, shown and drawn. */
WspWindow *
wsp_flow_new_window (WspTestFlow *f)
{
  return wsp_test_new_window (f->app, f->store);
}

void
wsp_flow_set_up (WspTestFlow   *f,
                 gconstpointer  data)
{
  f->opened_path = g_build_filename (g_get_user_data_dir (), "opened.txt", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  if (GPOINTER_TO_INT (data))
    wsp_test_register_fake_browser (f->opened_path);

  /* The app as it starts itself: its style sheet, its compat fixes. */
  f->app = wsp_test_new_app ();

  /* A store of the test's own: the default one would carry records from test to test. */
  f->store = wsp_flow_new_store ();
  f->window = wsp_flow_new_window (f);
}

void
wsp_flow_tear_down (WspTestFlow   *f,
                    gconstpointer  data)
{
  wsp_test_destroy_windows ((GtkWindow **) &f->window);

  g_clear_object (&f->app);
  g_clear_object (&f->store);
  g_clear_pointer (&f->opened_path, g_free);

  if (f->server != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_reset (settings, "check-links");
      g_clear_pointer (&f->server, wsp_test_server_free);
    }
}

/* Steps ----------------------------------------------------------------------------------- */

void
wsp_flow_assert_page (WspTestFlow *f,
                      const char  *name)
{
  g_assert_cmpstr (wsp_window_get_page_name (f->window), ==, name);
}

void
wsp_flow_next (WspTestFlow *f,
               const char  *expected_page)
{
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)) ||
                 g_str_equal (wsp_window_get_page_name (f->window), "welcome"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.next", NULL));
  wsp_flow_assert_page (f, expected_page);
}

void
wsp_flow_back (WspTestFlow *f,
               const char  *expected_page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.back", NULL));
  wsp_flow_assert_page (f, expected_page);
}

void
wsp_flow_choose_platform (WspTestFlow  *f,
                          WspPlatforms  platforms)
{
  GtkWidget *platform_page = wsp_flow_page (f, "platform");
  GtkWidget *check = wsp_test_find_widget (platform_page, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  /* The rows are Facebook, Instagram, both, in that order. */
  if (platforms == WSP_PLATFORMS_INSTAGRAM)
    check = wsp_test_find_widget (gtk_widget_get_next_sibling (row), GTK_TYPE_CHECK_BUTTON,
                                  NULL, NULL);
  else if (platforms == WSP_PLATFORMS_BOTH)
    check = wsp_test_find_widget (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row)),
                                  GTK_TYPE_CHECK_BUTTON, NULL, NULL);

  g_assert_nonnull (check);
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (wsp_objection_get_platforms (wsp_window_get_objection (f->window)), ==,
                    platforms);
}

void
wsp_flow_choose_country (WspTestFlow *f,
                         const char  *search)
{
  GtkWidget *entry = wsp_test_find_widget (wsp_flow_page (f, "country"), GTK_TYPE_SEARCH_ENTRY,
                                           NULL, NULL);

  /* The search entry reports the typing after a short delay, but Enter filters at once (as
   * when typed quickly), takes the only match and moves on. */
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "activate");
}

GtkWidget *
wsp_flow_email_row (WspTestFlow *f)
{
  return wsp_test_find_widget (wsp_flow_page (f, "email"), ADW_TYPE_ENTRY_ROW, NULL, NULL);
}

char *
wsp_flow_reason_text (WspTestFlow *f)
{
  GtkWidget *view = wsp_test_find_widget (wsp_flow_page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL,
                                          NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
wsp_flow_set_reason_text (WspTestFlow *f,
                          const char  *text)
{
  GtkWidget *view = wsp_test_find_widget (wsp_flow_page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL,
                                          NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Walks from the welcome page to the summary, with the country that @search finds. */
void
wsp_flow_walk_to_summary_from (WspTestFlow  *f,
                               WspPlatforms  platforms,
                               const char   *search,
                               const char   *code)
{
  wsp_flow_assert_page (f, "welcome");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, T ("Welcome", "Willkommen"));
  wsp_flow_next (f, "platform");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, T ("Accounts", "Konten"));
  g_assert_cmpstr (shown_subtitle (f), ==, T ("Step 1 of 5", "Schritt 1 von 5"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (wsp_flow_next_button (f))), ==, T ("_Next",
                                                                                        "_Weiter"));
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  wsp_flow_choose_platform (f, platforms);
  wsp_flow_next (f, "country");

  /* LANG=C.UTF-8 names no country, so nothing is chosen yet. */
  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, T ("Country", "Land"));
  wsp_flow_choose_country (f, search);
  wsp_flow_assert_page (f, "email");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, T ("Email", "E-Mail"));
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, code);

  g_assert_false (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  gtk_editable_set_text (GTK_EDITABLE (wsp_flow_email_row (f)), "  " EMAIL " ");
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  wsp_flow_next (f, "reason");
  g_assert_cmpstr (wsp_flow_shown_title (f), ==, T ("Reason", "Begründung"));

  /* Empty is allowed. */
  g_assert_true (gtk_widget_get_sensitive (wsp_flow_next_button (f)));
  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "reason"), "reason.use", "u", 1));
  {
    g_autofree char *text = wsp_flow_reason_text (f);
    g_assert_cmpstr (text, ==, wsp_reasons_get_text (1));
  }
  wsp_flow_next (f, "summary");
}

/* Walks from the welcome page to the summary, from Germany. */
void
wsp_flow_walk_to_summary (WspTestFlow  *f,
                          WspPlatforms  platforms)
{
  wsp_flow_walk_to_summary_from (f, platforms, "germ", "DE");
}

void
wsp_flow_assert_summary (WspTestFlow *f,
                         const char  *url,
                         const char  *host)
{
  g_autofree char *copied_url = wsp_flow_copy_field (f, "url");
  g_autofree char *copied_host = wsp_flow_copy_field (f, "host");
  g_autofree char *copied_country = wsp_flow_copy_field (f, "country");
  g_autofree char *copied_email = wsp_flow_copy_field (f, "email");
  g_autofree char *copied_reason = wsp_flow_copy_field (f, "reason");

  g_assert_cmpstr (copied_url, ==, url);
  g_assert_cmpstr (copied_host, ==, host);
  g_assert_cmpstr (copied_country, ==, T ("Germany", "Deutschland"));
  g_assert_cmpstr (copied_email, ==, EMAIL);
  g_assert_cmpstr (copied_reason, ==, wsp_reasons_get_text (1));
}

void
wsp_flow_open_form (WspTestFlow *f,
                    guint        nth,
                    const char  *expected_url)
{
  g_autofree char *opened = NULL;

  g_assert_true (gtk_widget_activate_action (wsp_flow_page (f, "summary"), "summary.open", NULL));
  opened = wsp_flow_wait_for_opened (f, nth);
  g_assert_cmpstr (opened, ==, expected_url);
}

WspRecord *
wsp_flow_only_record (WspRecordStore *store)
{
  WspRecord *record;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  record = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_object_unref (record);
  return record;
}
