/* test-a11y.c: every control on every page has a name a screen reader can say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static const char *page_names [] = {
  "welcome", "platform", "country", "email", "reason", "summary", "done", "manual",
};

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      return text != NULL && *text != '\0';
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && has_visible_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* Buttons, check buttons and rows are named by the text they show. */
  return has_visible_text (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return FALSE;

  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) ||
           gtk_widget_get_focusable (widget);

  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TEXT (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget);
}

static void
collect_unnamed (GtkWidget  *widget,
                 const char *page,
                 GString    *report)
{
  /* A stack hides its other pages by making them not child-visible. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (is_control (widget) && !has_name (widget))
    {
      g_string_append_printf (report, "  %s: a %s has no accessible name; it is in",
                              page, G_OBJECT_TYPE_NAME (widget));
      for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
        g_string_append_printf (report, " %s", G_OBJECT_TYPE_NAME (up));
      g_string_append_c (report, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, page, report);
}

static void
test_a11y_names (void)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  GtkWidget *header;
  WspWindow *window;

  /* The app as it starts itself, with its style sheet. */
  app = wsp_test_new_app ();

  /* A record, so that the welcome page shows its list: each row must have a name too. */
  {
    g_autoptr(WspRecord) record = wsp_record_new (WSP_PLATFORM_FACEBOOK);

    wsp_record_set_label (record, "Personal");
    wsp_record_set_email (record, "jana@example.org");
    wsp_record_set_sent (record, 1747728000);
    wsp_record_store_add (wsp_record_store_get_default (), record);
  }

  window = wsp_test_new_sample_window (app, "DE", "Germany");
  wsp_objection_set_reason (wsp_window_get_objection (window), "A reason.");
  gtk_window_present (GTK_WINDOW (window));
  wsp_test_wait_for_frames (GTK_WIDGET (window), 2);

  header = gtk_widget_get_first_child (GTK_WIDGET (gtk_window_get_child (GTK_WINDOW (window))));
  g_assert_nonnull (header);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      wsp_test_show_page (window, page_names [i]);

      /* The whole window: the header bar's buttons change from page to page. */
      collect_unnamed (GTK_WIDGET (window), page_names [i], report);
    }

  if (report->len > 0)
    g_test_message ("Controls without a name:\n%s", report->str);
  g_assert_cmpstr (report->str, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  wsp_test_init_ui_accessible (&argc, &argv);

  g_test_add_func ("/a11y/names", test_a11y_names);

  return g_test_run ();
}
