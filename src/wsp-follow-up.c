/* wsp-follow-up.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown under a record: what to do when Meta's email has not come a day after sending (and a
 * calendar reminder for it), and, once the user marks the objection refused or unanswered,
 * the data protection authority of the record's country.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-follow-up.h"
#include "wsp-launcher.h"
#include "wsp-page.h"
#include "wsp-reminder.h"

struct _WspFollowUp
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkWidget            *overdue_group;
  GtkWidget            *first_step_row;
  GtkWidget            *refused_group;
  GtkCheckButton       *refused_check;
  GtkWidget            *complaint_group;
  AdwActionRow         *authority_row;
  GtkWidget            *complaint_button;
  GtkWidget            *states_row;
  GtkLabel             *authority_source;

  /* Owned */
  WspRecord            *record;
  GtkFileChooserNative *chooser;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (WspFollowUp, wsp_follow_up, ADW_TYPE_BIN)

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
show_authority (WspFollowUp *self)
{
  const char *country = wsp_record_get_country (self->record);
  const char *country_name = wsp_record_get_country_name (self->record);
  /* The current catalog: an update can correct an authority's page without a release. */
  const WspAuthority *authority = wsp_catalog_get_authority (wsp_catalog_get_current (), country);
  g_autofree char *unknown = NULL;

  gtk_widget_set_visible (self->complaint_button, authority != NULL);
  gtk_widget_set_visible (self->states_row, authority != NULL && authority->federal_states);
  gtk_widget_set_visible (GTK_WIDGET (self->authority_source), authority != NULL);

  if (authority != NULL)
    {
      /* Dated and sourced, as the links to Meta's pages are (About). */
      g_autofree char *source = wsp_catalog_format_confirmed (authority->confirmed,
                                                              authority->source);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->authority_row),
                                     _("Data protection authority"));
      adw_action_row_set_subtitle (self->authority_row, authority->name);
      gtk_label_set_label (self->authority_source, source);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->authority_row),
                                 _("No authority known"));
  if (country_name != NULL)
    /* Translators: %s is a country, e.g. "Canada" */
    unknown = g_strdup_printf (_("Widerspruch knows no data protection authority for %s. Look for "
                                 "the one that supervises data protection where you live."),
                               country_name);
  else
    unknown = g_strdup (_("This record names no country. Look for the data protection authority "
                          "of the country where you live."));
  adw_action_row_set_subtitle (self->authority_row, unknown);
}

static void
update (WspFollowUp *self)
{
  gboolean sent = self->record != NULL && wsp_record_get_sent (self->record) != 0;
  gboolean refused = self->record != NULL && wsp_record_get_refused (self->record) != 0;

  gtk_widget_set_visible (self->overdue_group,
                          self->record != NULL && wsp_reminder_is_overdue (self->record, now ()));
  gtk_widget_set_visible (self->refused_group, sent);
  gtk_widget_set_visible (self->complaint_group, refused);

  self->updating = TRUE;
  gtk_check_button_set_active (self->refused_check, refused);
  self->updating = FALSE;

  if (refused)
    show_authority (self);
}

static void
on_refused_toggled (WspFollowUp *self)
{
  if (self->updating || self->record == NULL)
    return;

  wsp_record_set_refused (self->record,
                          gtk_check_button_get_active (self->refused_check) ? now () : 0);
}

static void
show_error (WspFollowUp *self,
            const char  *heading,
            const char  *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
wsp_follow_up_save_reminder (WspFollowUp *self,
                             GFile       *file)
{
  g_autofree char *ics = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WSP_IS_FOLLOW_UP (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->record == NULL || (ics = wsp_reminder_dup_ics (self->record, now ())) == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  if (!g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &error))
    {
      g_autofree char *body = NULL;

      g_message ("Could not write the reminder: %s", error->message);
      /* Translators: %s says why, e.g. "Permission denied" */
      body = g_strdup_printf (_("The calendar file could not be written: %s. Choose another "
                                "folder, such as your home folder."), error->message);
      show_error (self, _("Could Not Save the Reminder"), body);
      return FALSE;
    }

  /* Translators: %s is the file's name, e.g. "widerspruch-reminder-facebook.ics" */
  message = g_strdup_printf (_("Saved as %s: open it with your calendar to add the reminder"),
                             name);
  wsp_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
  return TRUE;
}

static void
on_chooser_response (WspFollowUp          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        wsp_follow_up_save_reminder (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
add_reminder (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WspFollowUp *self = WSP_FOLLOW_UP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents;

  if (self->record == NULL || self->chooser != NULL)
    return;

  /* GtkFileDialog is GTK 4.10; the native chooser uses the portal where there is one. */
  self->chooser = gtk_file_chooser_native_new (_("Add a Reminder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = wsp_reminder_dup_file_name (self->record);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                ? documents : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_complaint_page (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WspFollowUp *self = WSP_FOLLOW_UP (widget);
  const WspAuthority *authority;

  if (self->record == NULL)
    return;

  authority = wsp_catalog_get_authority (wsp_catalog_get_current (),
                                         wsp_record_get_country (self->record));
  if (authority != NULL)
    wsp_launch_authority_page (widget, authority->country, authority->url);
}

void
wsp_follow_up_set_record (WspFollowUp *self,
                          WspRecord   *record)
{
  g_return_if_fail (WSP_IS_FOLLOW_UP (self));
  g_return_if_fail (record == NULL || WSP_IS_RECORD (record));

  if (self->record != record)
    {
      if (self->record != NULL)
        g_signal_handlers_disconnect_by_data (self->record, self);
      g_set_object (&self->record, record);
      if (record != NULL)
        g_signal_connect_object (record, "changed", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);
    }

  /* Also when it is the same record: a day may have passed since it was last shown. */
  update (self);
}

WspRecord *
wsp_follow_up_get_record (WspFollowUp *self)
{
  g_return_val_if_fail (WSP_IS_FOLLOW_UP (self), NULL);

  return self->record;
}

GtkWidget *
wsp_follow_up_get_first_step (WspFollowUp *self)
{
  g_return_val_if_fail (WSP_IS_FOLLOW_UP (self), NULL);

  return gtk_widget_get_visible (self->overdue_group) ? self->first_step_row : NULL;
}

static void
wsp_follow_up_dispose (GObject *object)
{
  WspFollowUp *self = WSP_FOLLOW_UP (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  wsp_follow_up_set_record (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_FOLLOW_UP);

  G_OBJECT_CLASS (wsp_follow_up_parent_class)->dispose (object);
}

static void
wsp_follow_up_class_init (WspFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_follow_up_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-follow-up.ui");
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, first_step_row);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, refused_group);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, refused_check);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, complaint_group);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, authority_row);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, complaint_button);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, states_row);
  gtk_widget_class_bind_template_child (widget_class, WspFollowUp, authority_source);
  gtk_widget_class_bind_template_callback (widget_class, on_refused_toggled);

  gtk_widget_class_install_action (widget_class, "follow-up.reminder", NULL, add_reminder);
  gtk_widget_class_install_action (widget_class, "follow-up.complaint", NULL, open_complaint_page);
}

static void
wsp_follow_up_init (WspFollowUp *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
wsp_follow_up_new (void)
{
  return g_object_new (WSP_TYPE_FOLLOW_UP, NULL);
}
