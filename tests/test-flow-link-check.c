/* test-flow-link-check.c: the check whether the form's address answers, on the summary page,
 * against a server on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-link-check.h"
#include "wsp-summary-page.h"
#include "wsp-test-flow.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

static const WspTestRoute link_routes[] = {
  { "/ok", SOUP_STATUS_OK },
  { "/gone", SOUP_STATUS_GONE },
  { "/error", SOUP_STATUS_BAD_GATEWAY },
  /* Answered by the test when it is done looking. */
  { "/slow", SOUP_STATUS_OK, .pause = TRUE },
};

static gboolean
allow_loopback (const char *url,
                gpointer    user_data)
{
  return g_str_has_prefix (url, "http://127.0.0.1:");
}

/* Turns the check on (the test schema turns it off) and points the summary page at a server on
 * 127.0.0.1 with @path. */
static void
check_links_at (WspTestFlow *f,
                const char  *path,
                gboolean     closed_port)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SoupSession) session = wsp_network_session_new (60);
  g_autoptr(WspLinkCheck) check = wsp_link_check_new (session);
  g_autofree char *url = NULL;

  f->server = wsp_test_server_new (link_routes, G_N_ELEMENTS (link_routes), f);

  /* Nobody listens there any more. */
  if (closed_port)
    wsp_test_server_stop (f->server);

  g_settings_set_boolean (settings, "check-links", TRUE);
  wsp_link_check_set_allowed_func (check, allow_loopback, NULL, NULL);
  url = wsp_test_server_url (f->server, path);
  wsp_summary_page_set_link_check (WSP_SUMMARY_PAGE (wsp_flow_page (f, "summary")), check, url);
}

static GtkWidget *
status_spinner (WspTestFlow *f)
{
  return wsp_test_find_widget (wsp_flow_page (f, "summary"), GTK_TYPE_SPINNER, NULL, NULL);
}

/* The status line next to the Open button, or NULL when it is hidden. */
static const char *
status_text (WspTestFlow *f)
{
  GtkWidget *box = gtk_widget_get_parent (status_spinner (f));

  if (!gtk_widget_get_visible (box))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static GtkWidget *
summary_button (WspTestFlow *f,
                const char  *action)
{
  return wsp_test_find_widget (wsp_flow_page (f, "summary"), GTK_TYPE_BUTTON,
                               wsp_test_match_action, action);
}

static void
wait_for_status (WspTestFlow *f,
                 const char  *expected)
{
  WSP_TEST_WAIT_FOR (g_strcmp0 (status_text (f), expected) == 0);

  g_assert_cmpstr (status_text (f), ==, expected);
}

static void
assert_manual_suggested (WspTestFlow *f,
                         gboolean     manual)
{
  GtkWidget *open = summary_button (f, "summary.open");
  GtkWidget *by_hand = summary_button (f, "assistant.manual");

  g_assert_cmpint (gtk_widget_has_css_class (open, "suggested-action"), ==, !manual);
  g_assert_cmpint (gtk_widget_has_css_class (by_hand, "suggested-action"), ==, manual);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (by_hand)), ==,
                   manual ? T ("_Find the Form by Hand", "Formular _selbst finden")
                          : T ("_Link Does Not Work?", "_Link funktioniert nicht?"));
  /* Opening stays possible whatever the check says. */
  g_assert_true (gtk_widget_get_sensitive (open));
}

/* Points the summary page's check at @path, walks there with @platforms, and waits for
 * @status; asserts which way the page suggests. */
static void
walk_and_check (WspTestFlow  *f,
                const char   *path,
                gboolean      closed_port,
                WspPlatforms  platforms,
                const char   *status,
                gboolean      manual)
{
  check_links_at (f, path, closed_port);
  wsp_flow_walk_to_summary (f, platforms);
  wait_for_status (f, status);
  assert_manual_suggested (f, manual);
}

#define MOVED_EN "The link seems to have moved. Try finding the form by hand first."
#define MOVED_DE \
  "Der Link scheint umgezogen zu sein. Versuchen Sie zuerst, das Formular selbst zu finden."

static void
test_flow_link_check_off (WspTestFlow   *f,
                          gconstpointer  data)
{
  /* The tests' schema turns the check off: nothing may reach the internet. */
  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_null (status_text (f));
  assert_manual_suggested (f, FALSE);
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static void
test_flow_link_check_slow (WspTestFlow   *f,
                           gconstpointer  data)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler_id;

  check_links_at (f, "/slow", FALSE);
  wsp_flow_walk_to_summary (f, WSP_PLATFORMS_FACEBOOK);
  g_assert_cmpstr (status_text (f), ==, T ("Checking whether the form’s address answers…",
                                           "Es wird geprüft, ob die Formularadresse antwortet …"));
  assert_manual_suggested (f, FALSE);

  WSP_TEST_WAIT_FOR (wsp_test_server_get_n_paused (f->server) > 0);
  g_assert_cmpuint (wsp_test_server_get_n_paused (f->server), ==, 1);

  /* While the server keeps the check waiting, the window goes on drawing (the spinner turns):
   * the check does not hold up the main loop. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  handler_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  for (guint i = 0; i < 1000 && frames < 30; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler_id);
  g_assert_cmpuint (frames, >=, 30);
  g_assert_cmpuint (wsp_test_server_get_n_paused (f->server), ==, 1);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (status_spinner (f))));

  /* The form opens while the check still runs. */
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);

  wsp_test_server_release (f->server);
  wait_for_status (f, T ("The form’s address answers.", "Die Formularadresse antwortet."));
  g_assert_false (gtk_widget_get_visible (status_spinner (f)));
  assert_manual_suggested (f, FALSE);
}

static void
test_flow_link_check_moved (WspTestFlow   *f,
                            gconstpointer  data)
{
  walk_and_check (f, "/gone", FALSE, WSP_PLATFORMS_FACEBOOK, T (MOVED_EN, MOVED_DE), TRUE);

  /* The form still opens; the way by hand is one click away. */
  wsp_flow_open_form (f, 1, FACEBOOK_FORM);
  g_signal_emit_by_name (summary_button (f, "assistant.manual"), "clicked");
  wsp_flow_assert_page (f, "manual");

  /* Back on the page, it checks again. */
  wsp_flow_back (f, "summary");
  wait_for_status (f, T (MOVED_EN, MOVED_DE));
  g_assert_cmpuint (wsp_test_server_get_requests (f->server)->len, ==, 2);
}

static void
test_flow_link_check_unknown (WspTestFlow   *f,
                              gconstpointer  data)
{
  walk_and_check (f, "/error", FALSE, WSP_PLATFORMS_INSTAGRAM,
                  T ("Could not check the link. If it does not open the form, find the form by "
                     "hand.",
                     "Der Link konnte nicht geprüft werden. Wenn er das Formular nicht öffnet, "
                     "suchen Sie es selbst."),
                  TRUE);
  wsp_flow_open_form (f, 1, INSTAGRAM_FORM);
}

static void
test_flow_link_check_offline (WspTestFlow   *f,
                              gconstpointer  data)
{
  /* The way by hand needs the internet just as much: Open stays the suggestion. */
  walk_and_check (f, "/ok", TRUE, WSP_PLATFORMS_FACEBOOK,
                  T ("You seem to be offline. Connect to the internet, then open the form.",
                     "Sie scheinen offline zu sein. Verbinden Sie sich mit dem Internet und "
                     "öffnen Sie dann das Formular."),
                  FALSE);
}

int
main (int   argc,
      char *argv[])
{
  wsp_flow_init (&argc, &argv);

  WSP_FLOW_ADD ("link-check-off", test_flow_link_check_off, TRUE);
  WSP_FLOW_ADD ("link-check-slow", test_flow_link_check_slow, TRUE);
  WSP_FLOW_ADD ("link-check-moved", test_flow_link_check_moved, TRUE);
  WSP_FLOW_ADD ("link-check-unknown", test_flow_link_check_unknown, TRUE);
  WSP_FLOW_ADD ("link-check-offline", test_flow_link_check_offline, TRUE);

  return g_test_run ();
}
