/* wsp-reason-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-reasons.h"
#include "wsp-reason-page.h"

struct _WspReasonPage
{
  WspPage               parent_instance;

  GtkScrolledWindow    *scroller;
  AdwPreferencesGroup  *reasons_group;
  GtkTextView          *text_view;
  GtkLabel             *message_label;
  GtkLabel             *counter_label;

  /* What the text was before a ready-made reason replaced it, for Undo. */
  char                 *replaced_text;
  /* Text was cut at WSP_REASON_HARD_MAX_CHARS since the reason was last short enough. */
  gboolean              cut;
};

G_DEFINE_FINAL_TYPE (WspReasonPage, wsp_reason_page, WSP_TYPE_PAGE)

static char *
get_text (WspReasonPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_buffer_changed (WspReasonPage *self)
{
  g_autofree char *text = get_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  glong length = g_utf8_strlen (text, -1);
  gboolean too_long = length > WSP_REASON_MAX_CHARS;
  g_autofree char *counter = NULL;

  /* Translators: characters used of the limit, e.g. "120 / 2000" */
  counter = g_strdup_printf (_("%ld / %d"), length, WSP_REASON_MAX_CHARS);
  gtk_label_set_label (self->counter_label, counter);

  if (too_long && self->cut)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The text was cut: the field keeps at most %d characters. "
                                   "The form takes %d, so please shorten it."),
                                 WSP_REASON_HARD_MAX_CHARS, WSP_REASON_MAX_CHARS);
      gtk_label_set_label (self->message_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
    }
  else if (too_long)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("The reason is %ld character too long for the form. "
                                           "Please shorten it.",
                                           "The reason is %ld characters too long for the form. "
                                           "Please shorten it.",
                                           length - WSP_REASON_MAX_CHARS),
                                 length - WSP_REASON_MAX_CHARS);
      gtk_label_set_label (self->message_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
    }
  else
    {
      self->cut = FALSE;
      gtk_label_set_label (self->message_label,
                           *stripped == '\0' ? _("Empty is fine: the field is optional.") : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->text_view),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               too_long ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  wsp_objection_set_reason (wsp_page_get_objection (WSP_PAGE (self)), stripped);
  wsp_page_set_complete (WSP_PAGE (self), !too_long);
}

/* Runs before the buffer inserts: what would go past WSP_REASON_HARD_MAX_CHARS is dropped
 * here, so that a megabyte pasted by mistake never reaches the layout. */
static void
on_insert_text (WspReasonPage *self,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                GtkTextBuffer *buffer)
{
  int room = WSP_REASON_HARD_MAX_CHARS - gtk_text_buffer_get_char_count (buffer);
  const char *end;

  if (length < 0)
    length = strlen (text);

  if (g_utf8_strlen (text, length) <= room)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  self->cut = TRUE;

  if (room <= 0)
    {
      /* Nothing goes in, so "changed" does not come: say it now. */
      on_buffer_changed (self);
      return;
    }

  /* Inserting the part that fits runs this handler again, which lets it through, and keeps
   * @location valid for the signal's other handlers. */
  end = g_utf8_offset_to_pointer (text, room);
  gtk_text_buffer_insert (buffer, location, text, end - text);
}

static void
undo_replace (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WspReasonPage *self = WSP_REASON_PAGE (widget);
  g_autofree char *text = g_steal_pointer (&self->replaced_text);

  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

static void
on_undo_clicked (WspReasonPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "reason.undo", NULL);
}

static void
use_reason (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  WspReasonPage *self = WSP_REASON_PAGE (widget);
  guint index = g_variant_get_uint32 (param);
  g_autofree char *old_text = NULL;
  g_autofree char *old_stripped = NULL;
  const char *new_text;

  if (index >= wsp_reasons_get_n ())
    return;

  new_text = wsp_reasons_get_text (index);
  old_text = get_text (self);
  old_stripped = g_strstrip (g_strdup (old_text));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), new_text, -1);

  /* Show where the text went: the text view sits above the list. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  /* Never lose what the person wrote: offer it back. */
  if (*old_stripped != '\0' && g_strcmp0 (old_text, new_text) != 0)
    {
      AdwToast *toast = adw_toast_new (_("Your text was replaced"));

      g_free (self->replaced_text);
      self->replaced_text = g_steal_pointer (&old_text);
      adw_toast_set_button_label (toast, _("_Undo"));
      /* The toast sits in the window's overlay, outside this page: relay the click. */
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                               G_CONNECT_SWAPPED);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      wsp_widget_add_toast (GTK_WIDGET (self), toast);
    }
}

/* Opens or closes a ready-made reason's row: its text and its button show below the title. */
static void
on_reason_row_activated (GtkListBox    *list,
                         GtkListBoxRow *row)
{
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "wsp-details");
  GtkImage *arrow = g_object_get_data (G_OBJECT (row), "wsp-arrow");
  gboolean expanded = !gtk_widget_get_visible (details);

  gtk_widget_set_visible (details, expanded);
  gtk_image_set_from_icon_name (arrow, expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

/* The ready-made reasons are one list, named as its group: a screen reader says "list with 5
 * items" once. (Expander rows would each be a list of one item, libadwaita's header list.) Each
 * row opens on Enter or Space; Tab then goes to its button. */
static void
build_reason_rows (WspReasonPage *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ready-Made Reasons"), -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_reason_row_activated), NULL);

  for (guint i = 0; i < wsp_reasons_get_n (); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (wsp_reasons_get_title (i));
      GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
      GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *label = gtk_label_new (wsp_reasons_get_text (i));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Use This Text"));
      g_autofree char *button_label = NULL;

      gtk_widget_add_css_class (header, "wsp-reason-header");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      g_object_set (arrow, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), arrow);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);

      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reason.use");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      /* Translators: %s is the title of a ready-made reason */
      button_label = g_strdup_printf (_("Use the reason “%s”"), wsp_reasons_get_title (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                      -1);

      gtk_widget_set_margin_bottom (details, 12);
      gtk_widget_set_margin_start (details, 12);
      gtk_widget_set_margin_end (details, 12);
      gtk_widget_set_visible (details, FALSE);
      gtk_box_append (GTK_BOX (details), label);
      gtk_box_append (GTK_BOX (details), button);

      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), details);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
      g_object_set_data (G_OBJECT (row), "wsp-details", details);
      g_object_set_data (G_OBJECT (row), "wsp-arrow", arrow);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  adw_preferences_group_add (self->reasons_group, list);
}

static void
wsp_reason_page_shown (WspPage *page)
{
  WspReasonPage *self = WSP_REASON_PAGE (page);
  const char *reason = wsp_objection_get_reason (wsp_page_get_objection (page));
  g_autofree char *text = get_text (self);

  /* An objection resumed, or a record opened again, brings its reason along. */
  if (reason != NULL && *text == '\0')
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), reason, -1);
}

static GtkWidget *
wsp_reason_page_get_initial_focus (WspPage *page)
{
  return GTK_WIDGET (WSP_REASON_PAGE (page)->text_view);
}

static void
wsp_reason_page_constructed (GObject *object)
{
  WspReasonPage *self = (WspReasonPage *)object;
  const char *reason;

  G_OBJECT_CLASS (wsp_reason_page_parent_class)->constructed (object);

  /* The objection is there only now, after construction; a page built late (or for a resumed
   * objection) starts from the reason it already holds. */
  reason = wsp_objection_get_reason (wsp_page_get_objection (WSP_PAGE (self)));
  if (reason != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), reason, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "insert-text",
                           G_CALLBACK (on_insert_text), self, G_CONNECT_SWAPPED);
  on_buffer_changed (self);
}

static void
wsp_reason_page_dispose (GObject *object)
{
  /* The scroller is both the bin's child and a template child: let the bin drop it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_REASON_PAGE);

  G_OBJECT_CLASS (wsp_reason_page_parent_class)->dispose (object);
}

static void
wsp_reason_page_finalize (GObject *object)
{
  WspReasonPage *self = (WspReasonPage *)object;

  g_clear_pointer (&self->replaced_text, g_free);

  G_OBJECT_CLASS (wsp_reason_page_parent_class)->finalize (object);
}

static void
wsp_reason_page_class_init (WspReasonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->constructed = wsp_reason_page_constructed;
  object_class->dispose = wsp_reason_page_dispose;
  object_class->finalize = wsp_reason_page_finalize;
  page_class->get_initial_focus = wsp_reason_page_get_initial_focus;
  page_class->shown = wsp_reason_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-reason-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspReasonPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WspReasonPage, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, WspReasonPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, WspReasonPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, WspReasonPage, counter_label);

  gtk_widget_class_install_action (widget_class, "reason.use", "u", use_reason);
  gtk_widget_class_install_action (widget_class, "reason.undo", NULL, undo_replace);
}

static void
wsp_reason_page_init (WspReasonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_reason_rows (self);
}
