/* wsp-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-column-layout.h"
#include "wsp-compat.h"
#include "wsp-reminder.h"
#include "wsp-welcome-page.h"

/* The icon's name in the resource: the same for the .Devel build. */
#define APP_ICON_NAME "io.github.widerspruch.Widerspruch"

struct _WspWelcomePage
{
  WspPage              parent_instance;

  WspRecordStore      *store;

  GtkImage            *app_icon;
  GtkWidget           *start_button;
  AdwPreferencesGroup *records_group;
  GtkListBox          *records_list;
  GtkWidget           *notes_grid;
  GtkLabel            *notes_label;
  /* Made in code, above the rest: the records whose confirmation is late. */
  AdwPreferencesGroup *overdue_group;
  GtkListBox          *overdue_list;
};

G_DEFINE_FINAL_TYPE (WspWelcomePage, wsp_welcome_page, WSP_TYPE_PAGE)

static const char *
state_icon (WspRecordState state)
{
  switch (state)
    {
    case WSP_RECORD_OPENED:
      return "web-browser-symbolic";
    case WSP_RECORD_SENT:
      return "mail-send-symbolic";
    case WSP_RECORD_CONFIRMED:
      return "emblem-ok-symbolic";
    case WSP_RECORD_REFUSED:
      return "dialog-warning-symbolic";
    case WSP_RECORD_NOT_STARTED:
    default:
      return "document-edit-symbolic";
    }
}

static char *
state_text (WspRecord *record)
{
  WspRecordState state = wsp_record_get_state (record);
  g_autofree char *date = NULL;

  switch (state)
    {
    case WSP_RECORD_OPENED:
      date = wsp_record_format_time (wsp_record_get_opened (record));
      /* Translators: a record's state; %s is a date and time */
      return g_strdup_printf (_("Form opened on %s"), date);
    case WSP_RECORD_SENT:
      date = wsp_record_format_time (wsp_record_get_sent (record));
      /* Translators: a record's state; %s is a date and time */
      return g_strdup_printf (_("Sent on %s, waiting for the confirmation"), date);
    case WSP_RECORD_CONFIRMED:
      date = wsp_record_format_time (wsp_record_get_confirmed (record));
      /* Translators: a record's state; %s is a date and time */
      return g_strdup_printf (_("Confirmed on %s"), date);
    case WSP_RECORD_REFUSED:
      date = wsp_record_format_time (wsp_record_get_refused (record));
      /* Translators: a record's state; %s is a date and time */
      return g_strdup_printf (_("Marked refused or unanswered on %s"), date);
    case WSP_RECORD_NOT_STARTED:
    default:
      return g_strdup (wsp_record_state_get_label (state));
    }
}

/* A flat icon button of a record's row; @target may be NULL. */
static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *accessible_label,
            const char *action,
            const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  wsp_compat_set_tooltip_text (button, tooltip);
  /* No description: GTK would give screen readers the tooltip, "Forget", after the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (target));

  return button;
}

/* A record's row: its state's icon, the account and the state, Forget and Continue. Laid out
 * as an AdwActionRow looks, but in a GtkGrid: libadwaita 1.2's row puts its wrapping title and
 * subtitle in a GtkBox, which GTK 4.8 measures by searching, shaping the texts hundreds of times;
 * two records made the first frame 20 ms slower (build-aux/bench, a returning user).
 *
 * @continue_target may be NULL; @forget_id "" forgets the unfinished objection. */
static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *icon_name,
          const char *continue_action,
          const char *continue_target,
          const char *forget_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  GtkWidget *go_on;
  g_autofree char *forget_label = NULL;
  g_autofree char *continue_label = NULL;

  /* libadwaita's row: 12 px to the sides, 6 px between its parts; the margins make two lines
   * its height. The labels keep valign "fill": aligned otherwise, GTK 4.8 would search their
   * width for a height (see wsp-column-layout.c). */
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 7);
  gtk_widget_set_margin_bottom (grid, 7);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (icon, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  subtitle, -1);
  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 2);

  for (GtkWidget *label = title_label; label != NULL;
       label = label == title_label ? subtitle_label : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
    }
  gtk_widget_add_css_class (title_label, "title");
  /* "row label.subtitle": dim and smaller, as in libadwaita's rows. */
  gtk_widget_add_css_class (subtitle_label, "subtitle");
  gtk_grid_attach (GTK_GRID (grid), title_label, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), subtitle_label, 1, 1, 1, 1);

  /* Translators: the accessible name of a record's Forget button; %s is e.g. "Facebook" */
  forget_label = g_strdup_printf (_("Forget %s"), title);
  gtk_grid_attach (GTK_GRID (grid),
                   row_button ("user-trash-symbolic", _("Forget"), forget_label,
                               "records.forget", forget_id),
                   2, 0, 1, 2);

  /* Translators: the accessible name of a record's Continue button; %s is e.g. "Facebook" */
  continue_label = g_strdup_printf (_("Continue with %s"), title);
  go_on = row_button ("go-next-symbolic", _("Continue"), continue_label,
                      continue_action, continue_target);
  gtk_grid_attach (GTK_GRID (grid), go_on, 3, 0, 1, 2);
  /* The buttons named by their labels alone, their icons hidden from screen readers (as the
   * pages' own buttons); before the row is in a window, where the icons' role can still change. */
  wsp_widget_name_controls (grid);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  /* As an action row: a screen reader reads the account, then the state; activating the row
   * (a click beside the buttons, Enter) continues (on_row_activated). */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle_label, NULL,
                                  -1);
  g_object_set_data (G_OBJECT (row), "wsp-continue-button", go_on);
  /* The labels wrap anywhere: without a least width, GTK 4.8 measures them expensively. */
  wsp_compat_use_quick_measures (row);

  return row;
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  GtkWidget *go_on = g_object_get_data (G_OBJECT (row), "wsp-continue-button");

  if (go_on != NULL)
    gtk_widget_activate (go_on);
}

static char *
platforms_text (WspPlatforms platforms)
{
  switch (platforms)
    {
    case WSP_PLATFORMS_FACEBOOK:
      return g_strdup (wsp_platform_get_name (WSP_PLATFORM_FACEBOOK));
    case WSP_PLATFORMS_INSTAGRAM:
      return g_strdup (wsp_platform_get_name (WSP_PLATFORM_INSTAGRAM));
    case WSP_PLATFORMS_BOTH:
      return g_strdup (_("Facebook and Instagram"));
    case WSP_PLATFORMS_NONE:
    default:
      return g_strdup (_("Unfinished objection"));
    }
}

/* A record sent more than a day ago whose confirmation is not ticked: a row that leads to
 * what to do. */
static GtkWidget *
make_overdue_row (WspRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_What to Do"));
  g_autofree char *title = wsp_record_dup_title (record);
  g_autofree char *date = wsp_record_format_time (wsp_record_get_sent (record));
  /* Translators: %s is a date and time */
  g_autofree char *subtitle = g_strdup_printf (_("Sent on %s, no confirmation ticked yet"), date);
  /* Translators: the accessible name of a button; %s is e.g. "Facebook – Shop" */
  g_autofree char *label = g_strdup_printf (_("What to do for %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assistant.follow-up");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (wsp_record_get_id (record)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  wsp_compat_use_quick_measures (row);

  return row;
}

static void
rebuild (WspWelcomePage *self)
{
  GListModel *records = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (records);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records_list))) != NULL)
    gtk_list_box_remove (self->records_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overdue_list))) != NULL)
    gtk_list_box_remove (self->overdue_list, child);

  /* A handful of rows at most: rebuilt on every change, which keeps them simple. */
  if (wsp_record_store_get_draft_page (self->store) != NULL)
    {
      g_autofree char *title = platforms_text (wsp_record_store_get_draft_platforms (self->store));

      gtk_list_box_append (self->records_list,
                           make_row (title, _("Not started: go on where you left off"),
                                     state_icon (WSP_RECORD_NOT_STARTED), "assistant.resume",
                                     NULL, ""));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WspRecord) record = g_list_model_get_item (records, i);
      g_autofree char *title = wsp_record_dup_title (record);
      g_autofree char *subtitle = state_text (record);

      gtk_list_box_append (self->records_list,
                           make_row (title, subtitle, state_icon (wsp_record_get_state (record)),
                                     "assistant.open-record", wsp_record_get_id (record),
                                     wsp_record_get_id (record)));
      if (wsp_reminder_is_overdue (record, now))
        gtk_list_box_append (self->overdue_list, make_overdue_row (record));
    }
  wsp_compat_fix_accessible_tree (GTK_WIDGET (self->records_list));
  wsp_compat_fix_accessible_tree (GTK_WIDGET (self->overdue_list));

  gtk_widget_set_visible (GTK_WIDGET (self->records_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->records_list)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->overdue_list)) != NULL);
}

/* Above the note and the Start button: the first thing a returning user sees. */
static void
add_overdue_group (WspWelcomePage *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->records_group));

  self->overdue_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->overdue_group, _("Still Waiting for Meta?"));
  adw_preferences_group_set_description (self->overdue_group,
                                         _("You sent these more than a day ago, and Meta’s "
                                           "confirmation is not ticked yet. See where to look, "
                                           "and when to send again."));
  self->overdue_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->overdue_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->overdue_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overdue_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Still Waiting for Meta?"), -1);
  adw_preferences_group_add (self->overdue_group, GTK_WIDGET (self->overdue_list));
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), FALSE);
  /* Before the page's template gets its quick measures (WspPage), like the rest. */
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->overdue_group), NULL);
}

/* The app's icon, drawn from the PNGs in the resource at the screen's scale. Not looked up by
 * name: the icon theme would find it there only with the resource path added to it, and that
 * makes GTK read the whole theme a second time while the app starts (wsp_application_new()). */
static void
update_app_icon (WspWelcomePage *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->app_icon));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkIconPaintable) paintable = NULL;

  file = g_file_new_for_uri (scale > 1
                             ? "resource://" RESOURCE_PREFIX "/icons/128x128@2/apps/" APP_ICON_NAME ".png"
                             : "resource://" RESOURCE_PREFIX "/icons/128x128/apps/" APP_ICON_NAME ".png");
  paintable = gtk_icon_paintable_new_for_file (file, 128, MIN (scale, 2));
  gtk_image_set_from_paintable (self->app_icon, GDK_PAINTABLE (paintable));
}

static GtkWidget *
wsp_welcome_page_get_initial_focus (WspPage *page)
{
  return WSP_WELCOME_PAGE (page)->start_button;
}

static void
wsp_welcome_page_dispose (GObject *object)
{
  WspWelcomePage *self = WSP_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_WELCOME_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wsp_welcome_page_parent_class)->dispose (object);
}

static void
wsp_welcome_page_class_init (WspWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_welcome_page_dispose;
  page_class->get_initial_focus = wsp_welcome_page_get_initial_focus;

  g_type_ensure (WSP_TYPE_COLUMN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, app_icon);
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, records_group);
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, records_list);
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, notes_grid);
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, notes_label);
}

static void
wsp_welcome_page_init (WspWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_app_icon (self);
  g_signal_connect_object (self->app_icon, "notify::scale-factor", G_CALLBACK (update_app_icon),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self->records_list, "row-activated", G_CALLBACK (on_row_activated), NULL);
  add_overdue_group (self);
}

void
wsp_welcome_page_set_store (WspWelcomePage *self,
                            WspRecordStore *store)
{
  g_return_if_fail (WSP_IS_WELCOME_PAGE (self));
  g_return_if_fail (WSP_IS_RECORD_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::has-draft", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

void
wsp_welcome_page_show_notes (WspWelcomePage *self,
                             WspCatalog     *catalog,
                             guint           n_notes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (WSP_IS_WELCOME_PAGE (self));
  g_return_if_fail (WSP_IS_CATALOG (catalog));
  g_return_if_fail (n_notes <= wsp_catalog_get_n_notes (catalog));

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *line = wsp_catalog_dup_note_line (catalog, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  gtk_label_set_text (self->notes_label, text->str);
  gtk_widget_set_visible (self->notes_grid, n_notes > 0);
}

