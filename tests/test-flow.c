/* test-flow.c: the whole assistant in a real window, driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wsp-catalog.h"
#include "wsp-email.h"
#include "wsp-reasons.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

#define FACEBOOK_FORM "https://www.facebook.com/help/contact/6359191084165019"
#define INSTAGRAM_FORM "https://help.instagram.com/contact/233964459562201"
#define EMAIL "jana.beispiel+ki@mail.example.org"

#ifdef WSP_TEST_GERMAN
# define T(en, de) (de)
#else
# define T(en, de) (en)
#endif

typedef struct {
  GtkApplication *app;
  WspWindow      *window;
  char           *opened_path;
} Fixture;

/* Widget lookup --------------------------------------------------------------------------- */

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             GType          type,
             Match          match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (match == NULL || match (child, data)))
        return child;

      found = find_widget (child, type, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_action (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
match_row_subtitle (GtkWidget     *widget,
                    gconstpointer  data)
{
  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) == 0;
}

static gboolean
match_icon_name (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), data) == 0;
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static GtkWidget *
page (Fixture    *f,
      const char *name)
{
  return GTK_WIDGET (wsp_window_get_page (f->window, name));
}

static GtkWidget *
next_button (Fixture *f)
{
  GtkWidget *header = find_widget (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR, NULL, NULL);

  return find_widget (header, GTK_TYPE_BUTTON, match_action, "assistant.next");
}

static const char *
shown_title (Fixture *f)
{
  GtkWidget *title = find_widget (GTK_WIDGET (f->window), ADW_TYPE_WINDOW_TITLE, NULL, NULL);

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

static const char *
shown_subtitle (Fixture *f)
{
  GtkWidget *title = find_widget (GTK_WIDGET (f->window), ADW_TYPE_WINDOW_TITLE, NULL, NULL);

  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

/* Waiting --------------------------------------------------------------------------------- */

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  wsp_test_wait_for (&done, ms + 1000);
}

static char *
wait_for_opened (Fixture *f,
                 guint    n_lines)
{
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (f->opened_path, &contents, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (g_strchomp (contents), "\n", -1);

          if (g_strv_length (lines) >= n_lines)
            return g_strdup (lines [n_lines - 1]);
        }
      run_for (20);
    }

  return NULL;
}

static void
on_text_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static char *
clipboard_text (Fixture *f)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  char *text = NULL;
  gboolean done = FALSE;

  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &text);
  for (guint i = 0; i < 200 && text == NULL; i++)
    run_for (10);
  (void)done;

  return text;
}

static char *
copy_field (Fixture    *f,
            const char *field)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "(nothing)");
  g_assert_true (gtk_widget_activate_action (page (f, "summary"), "summary.copy", "s", field));
  return clipboard_text (f);
}

/* Set-up ---------------------------------------------------------------------------------- */

/* A browser that writes down what it was asked to open, registered as the default for https
 * in this test's own XDG directories. */
static void
register_fake_browser (Fixture *f)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "fake-browser.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "fake-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", f->opened_path);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                                  "Exec=%s %%u\n"
                                  "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                                  script);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);

  g_file_set_contents (mimeapps,
                       "[Default Applications]\n"
                       "x-scheme-handler/https=fake-browser.desktop\n"
                       "x-scheme-handler/http=fake-browser.desktop\n",
                       -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->opened_path = g_build_filename (g_get_user_data_dir (), "opened.txt", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  if (GPOINTER_TO_INT (data))
    register_fake_browser (f);

  f->app = GTK_APPLICATION (adw_application_new ("io.github.widerspruch.Widerspruch.Test",
                                                 G_APPLICATION_NON_UNIQUE));
  g_application_set_resource_base_path (G_APPLICATION (f->app), RESOURCE_PREFIX);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->window = wsp_window_new (f->app);
  gtk_window_present (GTK_WINDOW (f->window));
  run_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  /* Nothing may keep the window and its pages alive once it is closed. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  run_for (20);
  g_assert_null (f->window);

  g_application_quit (G_APPLICATION (f->app));
  g_clear_object (&f->app);
  g_clear_pointer (&f->opened_path, g_free);
}

/* Steps ----------------------------------------------------------------------------------- */

static void
assert_page (Fixture    *f,
             const char *name)
{
  g_assert_cmpstr (wsp_window_get_page_name (f->window), ==, name);
}

static void
next (Fixture    *f,
      const char *expected_page)
{
  g_assert_true (gtk_widget_get_sensitive (next_button (f)) ||
                 g_str_equal (wsp_window_get_page_name (f->window), "welcome"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.next", NULL));
  assert_page (f, expected_page);
}

static void
back (Fixture    *f,
      const char *expected_page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.back", NULL));
  assert_page (f, expected_page);
}

static void
choose_platform (Fixture      *f,
                 WspPlatforms  platforms)
{
  GtkWidget *platform_page = page (f, "platform");
  GtkWidget *check = find_widget (platform_page, GTK_TYPE_CHECK_BUTTON, NULL, NULL);

  /* The rows are Facebook, Instagram, both, in that order. */
  if (platforms == WSP_PLATFORMS_INSTAGRAM)
    check = find_widget (gtk_widget_get_next_sibling (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW)),
                         GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  else if (platforms == WSP_PLATFORMS_BOTH)
    check = find_widget (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (
                           gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW))),
                         GTK_TYPE_CHECK_BUTTON, NULL, NULL);

  g_assert_nonnull (check);
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (wsp_objection_get_platforms (wsp_window_get_objection (f->window)), ==, platforms);
}

static void
choose_country (Fixture    *f,
                const char *search)
{
  GtkWidget *entry = find_widget (page (f, "country"), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* The search entry reports changes after a short delay. */
  run_for (400);
  /* Enter in the search field takes the only match and moves on. */
  g_signal_emit_by_name (entry, "activate");
}

static GtkWidget *
email_row (Fixture *f)
{
  return find_widget (page (f, "email"), ADW_TYPE_ENTRY_ROW, NULL, NULL);
}

static GtkWidget *
email_error (Fixture *f)
{
  GtkWidget *w = page (f, "email");

  for (GtkWidget *label = find_widget (w, GTK_TYPE_LABEL, NULL, NULL); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    if (GTK_IS_LABEL (label) && gtk_widget_has_css_class (label, "error"))
      return label;

  return NULL;
}

static char *
reason_text (Fixture *f)
{
  GtkWidget *view = find_widget (page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_reason_text (Fixture    *f,
                 const char *text)
{
  GtkWidget *view = find_widget (page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Walks from the welcome page to the summary. */
static void
walk_to_summary (Fixture      *f,
                 WspPlatforms  platforms)
{
  assert_page (f, "welcome");
  g_assert_cmpstr (shown_title (f), ==, T ("Welcome", "Willkommen"));
  next (f, "platform");
  g_assert_cmpstr (shown_title (f), ==, T ("Accounts", "Konten"));
  g_assert_cmpstr (shown_subtitle (f), ==, T ("Step 1 of 5", "Schritt 1 von 5"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button (f))), ==, T ("_Next", "_Weiter"));
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));
  choose_platform (f, platforms);
  next (f, "country");

  /* LANG=C.UTF-8 names no country, so nothing is chosen yet. */
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));
  g_assert_cmpstr (shown_title (f), ==, T ("Country", "Land"));
  choose_country (f, "germ");
  assert_page (f, "email");
  g_assert_cmpstr (shown_title (f), ==, T ("Email", "E-Mail"));
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "DE");

  g_assert_false (gtk_widget_get_sensitive (next_button (f)));
  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), "  " EMAIL " ");
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));
  next (f, "reason");
  g_assert_cmpstr (shown_title (f), ==, T ("Reason", "Begründung"));

  /* Empty is allowed. */
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));
  g_assert_true (gtk_widget_activate_action (page (f, "reason"), "reason.use", "u", 1));
  {
    g_autofree char *text = reason_text (f);
    g_assert_cmpstr (text, ==, wsp_reasons_get_text (1));
  }
  next (f, "summary");
}

static void
assert_summary (Fixture    *f,
                const char *url,
                const char *host)
{
  g_autofree char *copied_url = copy_field (f, "url");
  g_autofree char *copied_host = copy_field (f, "host");
  g_autofree char *copied_country = copy_field (f, "country");
  g_autofree char *copied_email = copy_field (f, "email");
  g_autofree char *copied_reason = copy_field (f, "reason");

  g_assert_cmpstr (copied_url, ==, url);
  g_assert_cmpstr (copied_host, ==, host);
  g_assert_cmpstr (copied_country, ==, T ("Germany", "Deutschland"));
  g_assert_cmpstr (copied_email, ==, EMAIL);
  g_assert_cmpstr (copied_reason, ==, wsp_reasons_get_text (1));
}

static void
open_form (Fixture    *f,
           guint       nth,
           const char *expected_url)
{
  g_autofree char *opened = NULL;

  g_assert_true (gtk_widget_activate_action (page (f, "summary"), "summary.open", NULL));
  opened = wait_for_opened (f, nth);
  g_assert_cmpstr (opened, ==, expected_url);
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_flow_facebook (Fixture       *f,
                    gconstpointer  data)
{
  walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_cmpstr (shown_title (f), ==, T ("Facebook Form", "Facebook-Formular"));
  assert_summary (f, FACEBOOK_FORM, "www.facebook.com");
  open_form (f, 1, FACEBOOK_FORM);

  next (f, "done");
  g_assert_false (gtk_widget_get_visible (find_widget (page (f, "done"), GTK_TYPE_BUTTON,
                                                       match_action, "assistant.continue")));
  g_assert_false (gtk_widget_get_visible (next_button (f)));
}

static void
test_flow_instagram (Fixture       *f,
                     gconstpointer  data)
{
  walk_to_summary (f, WSP_PLATFORMS_INSTAGRAM);
  g_assert_cmpstr (shown_title (f), ==, T ("Instagram Form", "Instagram-Formular"));
  assert_summary (f, INSTAGRAM_FORM, "help.instagram.com");
  open_form (f, 1, INSTAGRAM_FORM);
  next (f, "done");
}

static void
test_flow_both (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *continue_button;

  walk_to_summary (f, WSP_PLATFORMS_BOTH);
  assert_summary (f, FACEBOOK_FORM, "www.facebook.com");
  open_form (f, 1, FACEBOOK_FORM);
  next (f, "done");

  continue_button = find_widget (page (f, "done"), GTK_TYPE_BUTTON, match_action, "assistant.continue");
  g_assert_true (gtk_widget_get_visible (continue_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (continue_button)), ==,
                   T ("Co_ntinue With Instagram", "Mit Instagram _weitermachen"));
  /* A button clicks once its press animation has run. */
  gtk_widget_activate (continue_button);
  for (guint i = 0; i < 100 && !g_str_equal (wsp_window_get_page_name (f->window), "summary"); i++)
    run_for (10);
  assert_page (f, "summary");

  /* Country, email and reason carry over to the second form. */
  g_assert_cmpstr (shown_title (f), ==, T ("Instagram Form", "Instagram-Formular"));
  assert_summary (f, INSTAGRAM_FORM, "help.instagram.com");
  open_form (f, 2, INSTAGRAM_FORM);
  next (f, "done");
  g_assert_false (gtk_widget_get_visible (continue_button));
}

static void
test_flow_email_validation (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *error;

  next (f, "platform");
  choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  next (f, "country");
  choose_country (f, T ("austria", "österr"));
  assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "AT");

  error = email_error (f);
  g_assert_nonnull (error);
  g_assert_false (gtk_widget_get_visible (error));

  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), "jana.example.org");
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.next", NULL) &&
                  !g_str_equal (wsp_window_get_page_name (f->window), "email"));
  assert_page (f, "email");

  /* The message comes once typing pauses. */
  g_assert_false (gtk_widget_get_visible (error));
  run_for (900);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==, wsp_email_status_message (WSP_EMAIL_NO_AT));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error)),
                                   T ("The address needs an @", "Die Adresse braucht ein @")));
  g_assert_true (gtk_widget_has_css_class (email_row (f), "error"));

  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), "jana@example.");
  run_for (900);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==,
                   wsp_email_status_message (WSP_EMAIL_DOMAIN_TRAILING_DOT));
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));

  /* Fixing it clears the message at once and enables Next. */
  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), "jana@example.org");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (email_row (f), "error"));
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));
  next (f, "reason");
  g_assert_cmpstr (wsp_objection_get_email (wsp_window_get_objection (f->window)), ==,
                   "jana@example.org");
}

static GtkWidget *
country_warning (Fixture *f)
{
  GtkWidget *icon = find_widget (page (f, "country"), GTK_TYPE_IMAGE, match_icon_name,
                                 "dialog-warning-symbolic");

  /* The warning is the box around the warning icon. */
  g_assert_nonnull (icon);
  return gtk_widget_get_parent (icon);
}

static void
test_flow_country_outside (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *warning;

  next (f, "platform");
  choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  next (f, "country");
  warning = country_warning (f);
  g_assert_false (gtk_widget_get_visible (warning));

  /* Meta offers no objection in the USA: say so, and still let the user go on. */
  choose_country (f, T ("United States", "Vereinigte Staaten"));
  assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "US");
  back (f, "country");
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));

  choose_country (f, T ("switzerland", "schweiz"));
  assert_page (f, "email");
  back (f, "country");
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
test_flow_no_iso_codes (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-such-iso_3166-1.json",
                                               NULL);
  GtkWidget *icon;
  GtkWidget *notice;
  GtkWidget *list;
  GtkSelectionModel *model;
  g_autofree char *copied = NULL;

  g_object_set (page (f, "country"), "countries-path", missing, NULL);
  next (f, "platform");
  choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  next (f, "country");

  icon = find_widget (page (f, "country"), GTK_TYPE_IMAGE, match_icon_name,
                      "dialog-information-symbolic");
  g_assert_nonnull (icon);
  notice = gtk_widget_get_parent (icon);
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (icon))), ==,
                   T (FALLBACK_NOTICE_EN, FALLBACK_NOTICE_DE));

  /* The 33 countries where the objection applies, in the user's language. */
  list = find_widget (page (f, "country"), GTK_TYPE_LIST_VIEW, NULL, NULL);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 33);

  /* Someone who lives elsewhere can still go on and pick the country in the form. */
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));
  next (f, "email");
  g_assert_null (wsp_objection_get_country (wsp_window_get_objection (f->window)));
  back (f, "country");

  choose_country (f, T ("germ", "deutsch"));
  assert_page (f, "email");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "DE");
  g_assert_cmpstr (wsp_objection_get_country_name (wsp_window_get_objection (f->window)), ==,
                   T ("Germany", "Deutschland"));

  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), EMAIL);
  next (f, "reason");
  next (f, "summary");
  copied = copy_field (f, "country");
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
test_flow_hostile_strings (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *megabyte = g_strnfill (1024 * 1024, 'a');
  GtkWidget *search = find_widget (page (f, "country"), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  GtkWidget *stack = find_widget (page (f, "country"), GTK_TYPE_STACK, NULL, NULL);
  GtkWidget *view = find_widget (page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *label;
  GtkTextIter end;
  const char *typed = "Ich widerspreche. \u202Etxet\u202C <b>&amp; \U0001F600\x07 Ende";
  g_autofree char *copied = NULL;

  next (f, "platform");
  choose_platform (f, WSP_PLATFORMS_FACEBOOK);
  next (f, "country");

  /* The search keeps 100 characters and finds nothing, quickly. */
  gtk_editable_set_text (GTK_EDITABLE (search), megabyte);
  run_for (400);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (search)), -1), ==, 100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  choose_country (f, "germ");
  assert_page (f, "email");

  /* The email entry keeps 1000 characters: too long, and it says so. */
  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), megabyte);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (email_row (f))), -1), ==,
                   1000);
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));
  run_for (900);
  g_assert_true (gtk_widget_get_visible (email_error (f)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (email_error (f))), ==,
                   wsp_email_status_message (WSP_EMAIL_TOO_LONG));
  g_assert_true (g_str_has_prefix (wsp_email_status_message (WSP_EMAIL_TOO_LONG),
                                   T ("The address is too long.", "Die Adresse ist zu lang.")));

  /* Control characters, bidi overrides and emoji are not an address. */
  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), "jana\u202E@example.org");
  run_for (900);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (email_error (f))), ==,
                   wsp_email_status_message (WSP_EMAIL_CONTROL));
  gtk_editable_set_text (GTK_EDITABLE (email_row (f)), EMAIL);
  next (f, "reason");

  /* The reason keeps 10000 characters, says it cut the text, and holds Next back. */
  gtk_text_buffer_set_text (buffer, megabyte, -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 10000);
  label = find_widget (page (f, "reason"), GTK_TYPE_LABEL, match_label,
                       T (CUT_MESSAGE_EN, CUT_MESSAGE_DE));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_nonnull (find_widget (page (f, "reason"), GTK_TYPE_LABEL, match_label, "10000 / 2000"));
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));

  /* More typing at the end goes nowhere, and still says why. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "zz", -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 10000);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, T (CUT_MESSAGE_EN, CUT_MESSAGE_DE));

  /* What was typed is what gets copied; the summary shows the hidden characters. */
  gtk_text_buffer_set_text (buffer, typed, -1);
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "");
  next (f, "summary");
  g_assert_nonnull (find_widget (page (f, "summary"), ADW_TYPE_ACTION_ROW, match_row_subtitle,
                                 "Ich widerspreche. [U+202E]txet[U+202C] <b>&amp; "
                                 "\U0001F600[U+0007] Ende"));
  copied = copy_field (f, "reason");
  g_assert_cmpstr (copied, ==, typed);
}

static void
on_other_text_read (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_strdup ("(nothing)");
}

/* What Copy puts on the clipboard reaches other programs: a second connection to the X server
 * is another client, and reading goes through the real selection transfer. */
static void
test_flow_clipboard_other_client (Fixture       *f,
                                  gconstpointer  data)
{
  const char *typed = "Mein Grund \u202Eabc\u202C \U0001F600";
  GdkDisplay *other;
  GdkClipboard *clipboard;
  g_autofree char *text = NULL;
  GtkWidget *view;

  walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  back (f, "reason");
  view = find_widget (page (f, "reason"), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), typed, -1);
  next (f, "summary");

  g_assert_true (gtk_widget_activate_action (page (f, "summary"), "summary.copy", "s", "reason"));
  g_assert_true (gdk_clipboard_is_local (gtk_widget_get_clipboard (page (f, "summary"))));

  other = gdk_display_open (NULL);
  g_assert_nonnull (other);
  clipboard = gdk_display_get_clipboard (other);
  g_assert_false (gdk_clipboard_is_local (clipboard));
  gdk_clipboard_read_text_async (clipboard, NULL, on_other_text_read, &text);
  for (guint i = 0; i < 300 && text == NULL; i++)
    run_for (10);
  g_assert_cmpstr (text, ==, typed);

  gdk_display_close (other);
}

static void
test_flow_back_keeps_values (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autofree char *kept = NULL;

  walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  back (f, "reason");
  kept = reason_text (f);
  g_assert_cmpstr (kept, ==, wsp_reasons_get_text (1));

  /* Over the limit: Next is off and the text stays as typed. */
  long_text = g_strnfill (WSP_REASON_MAX_CHARS + 5, 'x');
  set_reason_text (f, long_text);
  g_assert_false (gtk_widget_get_sensitive (next_button (f)));
  g_clear_pointer (&kept, g_free);
  kept = reason_text (f);
  g_assert_cmpstr (kept, ==, long_text);
  set_reason_text (f, "Meine eigenen Worte.");

  back (f, "email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row (f))), ==, "  " EMAIL " ");
  back (f, "country");
  g_assert_cmpstr (wsp_objection_get_country (wsp_window_get_objection (f->window)), ==, "DE");
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));
  back (f, "platform");
  g_assert_true (gtk_widget_get_sensitive (next_button (f)));

  next (f, "country");
  next (f, "email");
  next (f, "reason");
  next (f, "summary");
  {
    g_autofree char *copied = copy_field (f, "reason");
    g_assert_cmpstr (copied, ==, "Meine eigenen Worte.");
  }
}

static void
test_flow_no_browser (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;
  g_autofree char *copied = NULL;

  walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_true (gtk_widget_activate_action (page (f, "summary"), "summary.open", NULL));

  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          dialog = l->data;
      g_list_free (toplevels);
      run_for (10);
    }

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   T ("Could Not Open the Browser", "Browser konnte nicht geöffnet werden"));
  /* GIO's own words, in the language of the test */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            g_dgettext ("glib20", "Operation not supported")));
  g_assert_false (g_file_test (f->opened_path, G_FILE_TEST_EXISTS));

  adw_message_dialog_response (dialog, "copy");
  copied = clipboard_text (f);
  g_assert_cmpstr (copied, ==, FACEBOOK_FORM);
}

static void
test_flow_manual_page (Fixture       *f,
                       gconstpointer  data)
{
  WspCatalog *catalog = wsp_catalog_get_default ();
  const char *language = T ("en", "de");
  const WspCatalogStep *first = wsp_catalog_get_step (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_APP,
                                                      language, 0);

  walk_to_summary (f, WSP_PLATFORMS_INSTAGRAM);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "assistant.manual", NULL));
  assert_page (f, "manual");
  g_assert_cmpstr (shown_title (f), ==, T ("By Hand", "Von Hand"));

  /* The platform follows the choice; the steps come from the catalog. */
  g_assert_nonnull (find_widget (page (f, "manual"), ADW_TYPE_ACTION_ROW, match_row_title, first->label));
  back (f, "summary");
}

int
main (int   argc,
      char *argv[])
{
  /* Load the system's MIME database before the isolated dirs hide it: image loading (the app
   * icon is an SVG) sniffs content types with it. */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  wsp_test_bind_textdomains ();

#define ADD(path, func, browser) \
  g_test_add ("/flow/" path, Fixture, GINT_TO_POINTER (browser), fixture_set_up, func, fixture_tear_down)

  ADD ("no-browser", test_flow_no_browser, FALSE);
  ADD ("facebook", test_flow_facebook, TRUE);
  ADD ("instagram", test_flow_instagram, TRUE);
  ADD ("both", test_flow_both, TRUE);
  ADD ("email-validation", test_flow_email_validation, TRUE);
  ADD ("country-outside", test_flow_country_outside, TRUE);
  ADD ("back-keeps-values", test_flow_back_keeps_values, TRUE);
  ADD ("manual-page", test_flow_manual_page, TRUE);
  ADD ("no-iso-codes", test_flow_no_iso_codes, TRUE);
  ADD ("hostile-strings", test_flow_hostile_strings, TRUE);
  ADD ("clipboard-other-client", test_flow_clipboard_other_client, TRUE);

  return g_test_run ();
}
