/* wsp-done-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-column-layout.h"
#include "wsp-compat.h"
#include "wsp-done-page.h"
#include "wsp-follow-up.h"

struct _WspDonePage
{
  WspPage    parent_instance;

  GtkLabel      *description_label;
  GtkButton *continue_button;
  GtkWidget *restart_button;
  GtkWidget *record_group;
  AdwActionRow *code_row;
  GtkCheckButton *code_check;
  AdwActionRow *sent_row;
  GtkWidget *sent_button;
  AdwActionRow *confirmed_row;
  GtkCheckButton *confirmed_check;
  AdwEntryRow *label_row;
  WspFollowUp *follow_up;

  /* The record the page shows (the window's), and whether the page is filling it in. */
  WspRecord *record;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (WspDonePage, wsp_done_page, WSP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
needs_code (WspDonePage *self)
{
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));

  return wsp_catalog_fact_applies (wsp_catalog_get_current (), WSP_FACT_EMAILED_CODE,
                                   wsp_objection_get_country (objection));
}

static void
update_record (WspDonePage *self)
{
  gint64 sent, confirmed;
  g_autofree char *sent_date = NULL;
  g_autofree char *confirmed_date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  const char *label;

  gtk_widget_set_visible (self->record_group, self->record != NULL);
  if (self->record == NULL)
    return;

  sent = wsp_record_get_sent (self->record);
  confirmed = wsp_record_get_confirmed (self->record);
  sent_date = wsp_record_format_time (sent);
  confirmed_date = wsp_record_format_time (confirmed);
  self->updating = TRUE;

  gtk_widget_set_visible (self->sent_button, sent == 0);
  /* Where the form emails a code, "Sent" only after the user was told and ticked it. */
  gtk_widget_set_visible (GTK_WIDGET (self->code_row), sent == 0 && needs_code (self));
  gtk_widget_set_sensitive (self->sent_button,
                            !needs_code (self) || gtk_check_button_get_active (self->code_check));
  if (sent == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sent_row), _("Did you send it?"));
      adw_action_row_set_subtitle (self->sent_row,
                                   _("Mark it once you have pressed Send in Meta’s form."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sent_row), _("Sent"));
      /* Translators: %s is a date and time */
      text = g_strdup_printf (_("On %s"), sent_date);
      adw_action_row_set_subtitle (self->sent_row, text);
      g_clear_pointer (&text, g_free);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->confirmed_row), sent != 0);
  gtk_check_button_set_active (self->confirmed_check, confirmed != 0);
  if (confirmed != 0)
    /* Translators: %s is a date and time */
    text = g_strdup_printf (_("Arrived on %s"), confirmed_date);
  else
    text = g_strdup (_("Meta’s email can take up to a day. Tick this once it is in your inbox."));
  adw_action_row_set_subtitle (self->confirmed_row, text);

  /* Only when the label really differs: not while the user types spaces around it. */
  stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  label = wsp_record_get_label (self->record) != NULL ? wsp_record_get_label (self->record) : "";
  if (!g_str_equal (stripped, label))
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), label);

  self->updating = FALSE;
}

static void
on_confirmed_toggled (WspDonePage *self)
{
  if (self->updating || self->record == NULL)
    return;

  wsp_record_set_confirmed (self->record,
                            gtk_check_button_get_active (self->confirmed_check)
                            ? g_get_real_time () / G_USEC_PER_SEC : 0);
}

static void
on_code_toggled (WspDonePage *self)
{
  if (!self->updating)
    update_record (self);
}

static void
on_label_changed (WspDonePage *self)
{
  if (self->updating || self->record == NULL)
    return;

  wsp_record_set_label (self->record, gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
}

WspRecord *
wsp_done_page_get_record (WspDonePage *self)
{
  g_return_val_if_fail (WSP_IS_DONE_PAGE (self), NULL);

  return self->record;
}

void
wsp_done_page_set_record (WspDonePage *self,
                          WspRecord   *record)
{
  g_return_if_fail (WSP_IS_DONE_PAGE (self));
  g_return_if_fail (record == NULL || WSP_IS_RECORD (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_set_object (&self->record, record);
  if (record != NULL)
    g_signal_connect_object (record, "changed", G_CALLBACK (update_record), self, G_CONNECT_SWAPPED);
  update_record (self);
  wsp_follow_up_set_record (self->follow_up, record);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECORD]);
}

static void
wsp_done_page_shown (WspPage *page)
{
  WspDonePage *self = WSP_DONE_PAGE (page);
  WspObjection *objection = wsp_page_get_objection (page);
  WspPlatform next = wsp_objection_get_next_platform (objection);
  g_autofree char *note = NULL;

  /* Translators: %s is the email address the user entered */
  note = g_strdup_printf (_("After you send the form, Meta confirms it on screen first, then "
                            "emails a confirmation to %s: sometimes within minutes, sometimes "
                            "only after a day. Your objection applies from then on. Posts that "
                            "were already used for training cannot be taken back out."),
                          wsp_objection_get_email (objection));
  /* Plain text: an address may hold "&" or "<" (the status page took markup). */
  gtk_label_set_text (self->description_label, note);

  /* Told again each time: the tick is for this form only. */
  self->updating = TRUE;
  gtk_check_button_set_active (self->code_check, FALSE);
  self->updating = FALSE;
  update_record (self);
  /* Also for the same record: a day may have passed since the page last showed. */
  wsp_follow_up_set_record (self->follow_up, self->record);

  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), next < WSP_N_PLATFORMS);
  if (next < WSP_N_PLATFORMS)
    {
      /* Translators: %s is Facebook or Instagram */
      g_autofree char *label = g_strdup_printf (_("Co_ntinue With %s"), wsp_platform_get_name (next));
      wsp_button_set_wrapping_label (self->continue_button, label);
    }
}

static GtkWidget *
wsp_done_page_get_initial_focus (WspPage *page)
{
  WspDonePage *self = WSP_DONE_PAGE (page);
  GtkWidget *first_step = wsp_follow_up_get_first_step (self->follow_up);

  /* A late confirmation: what to do about it comes first (the welcome page's "What to Do"). */
  if (first_step != NULL)
    return first_step;

  if (gtk_widget_get_visible (GTK_WIDGET (self->continue_button)))
    return GTK_WIDGET (self->continue_button);

  return self->restart_button;
}

static void
wsp_done_page_dispose (GObject *object)
{
  wsp_done_page_set_record (WSP_DONE_PAGE (object), NULL);
  /* The status page is both the bin's child and a template child: let the bin drop it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_DONE_PAGE);

  G_OBJECT_CLASS (wsp_done_page_parent_class)->dispose (object);
}

static void
wsp_done_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WspDonePage *self = WSP_DONE_PAGE (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_done_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WspDonePage *self = WSP_DONE_PAGE (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      wsp_done_page_set_record (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_done_page_class_init (WspDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_done_page_dispose;
  object_class->get_property = wsp_done_page_get_property;
  object_class->set_property = wsp_done_page_set_property;

  /* The record of the objection the page is about (the window's); NULL hides its group. */
  properties [PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, WSP_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  page_class->shown = wsp_done_page_shown;
  page_class->get_initial_focus = wsp_done_page_get_initial_focus;

  g_type_ensure (WSP_TYPE_COLUMN_LAYOUT);
  g_type_ensure (WSP_TYPE_FOLLOW_UP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, restart_button);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, record_group);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, code_row);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, code_check);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, sent_row);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, sent_button);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, label_row);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, follow_up);
  gtk_widget_class_bind_template_callback (widget_class, on_confirmed_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_code_toggled);
}

static void
wsp_done_page_init (WspDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_compat_expose_entry_row (self->label_row);
}
