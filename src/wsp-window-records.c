/* wsp-window-records.c: the window's records.* actions, Forget with its Undo, and the bars
 * about the records file (what the store noticed, a failed save)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-record-pdf.h"
#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-window-private.h"

/* The summary page opened the form at the address in @param: the record notes it. */
static void
records_opened (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  const char *url = g_variant_get_string (param, NULL);
  WspRecord *record = wsp_window_ensure_record (self);

  if (record == NULL)
    return;

  wsp_record_store_hold (self->store);
  wsp_record_set_url (record, url);
  /* The first time counts. */
  if (wsp_record_get_opened (record) == 0)
    wsp_record_set_opened (record, g_get_real_time () / G_USEC_PER_SEC);
  wsp_record_store_release (self->store);
}

static void
clear_forgotten (WspWindow *self)
{
  self->forget_toast = NULL;
  g_clear_object (&self->forgotten);
  self->forgotten_current = FALSE;
  g_clear_object (&self->forgotten_draft);
  g_clear_pointer (&self->forgotten_draft_page, g_free);
}

/* A new Forget (or Forget Everything) ends the Undo of the one before. */
static void
end_forget_undo (WspWindow *self)
{
  AdwToast *toast = self->forget_toast;

  clear_forgotten (self);
  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
on_forget_undo (AdwToast  *toast,
                WspWindow *self)
{
  /* Only the newest Forget can be taken back: an older toast's record is gone for good. */
  if (toast != self->forget_toast)
    return;

  if (self->forgotten != NULL)
    {
      wsp_record_store_insert (self->store, self->forgotten_position, self->forgotten);
      if (self->forgotten_current && self->record == NULL)
        self->record = g_object_ref (self->forgotten);
    }
  else if (self->forgotten_draft != NULL)
    {
      wsp_record_store_set_draft (self->store, self->forgotten_draft, self->forgotten_draft_page,
                                  wsp_objection_get_email (self->forgotten_draft) != NULL);
    }

  clear_forgotten (self);
}

static void
on_forget_toast_dismissed (AdwToast  *toast,
                           WspWindow *self)
{
  if (toast == self->forget_toast)
    clear_forgotten (self);
}

static void
show_forget_toast (WspWindow  *self,
                   const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_forget_undo), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_forget_toast_dismissed), self, 0);
  self->forget_toast = toast;
  wsp_window_add_toast (self, toast);
}

static void
records_forget (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  WspRecord *record;
  guint position;

  end_forget_undo (self);

  if (*id == '\0')
    {
      /* The unfinished objection, kept whole (the email only if it was kept) for Undo. */
      g_autoptr(WspObjection) draft = wsp_objection_new ();

      if (!wsp_record_store_restore_draft (self->store, draft))
        return;

      self->forgotten_draft = g_steal_pointer (&draft);
      self->forgotten_draft_page = g_strdup (wsp_record_store_get_draft_page (self->store));
      wsp_record_store_clear_draft (self->store);
      show_forget_toast (self, _("Unfinished objection forgotten"));
      return;
    }

  record = wsp_record_store_lookup (self->store, id);
  if (record == NULL)
    return;

  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->store)); position++)
    {
      g_autoptr(WspRecord) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

      if (item == record)
        break;
    }

  self->forgotten = g_object_ref (record);
  self->forgotten_position = position;
  self->forgotten_current = record == self->record;
  if (self->forgotten_current)
    g_clear_object (&self->record);
  wsp_record_store_remove (self->store, record);
  show_forget_toast (self, _("Record forgotten"));
}

static void
on_forget_all_response (WspWindow  *self,
                        const char *response)
{
  if (!g_str_equal (response, "forget"))
    return;

  end_forget_undo (self);
  g_clear_object (&self->record);
  wsp_record_store_remove_all (self->store);
  wsp_window_add_toast (self, adw_toast_new (_("All records forgotten")));
}

static void
records_forget_all (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Forget Everything?"),
                                   _("All records of your objections, and the unfinished one, are "
                                     "deleted from this computer. Files you saved stay where you "
                                     "saved them. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget Everything"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_forget_all_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
records_retry (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  wsp_record_store_save (WSP_WINDOW (widget)->store, NULL);
}

static void
records_dismiss (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  wsp_record_store_clear_notice (WSP_WINDOW (widget)->store);
}

static void
records_sent (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  if (self->record != NULL && wsp_record_get_sent (self->record) == 0)
    wsp_record_set_sent (self->record, g_get_real_time () / G_USEC_PER_SEC);
}

static void
show_error (WspWindow  *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (WspWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *text_name = NULL;
  WspRecord *record = g_object_get_data (G_OBJECT (chooser), "record");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && record != NULL)
    {
      path = g_file_get_path (file);
      if (path == NULL)
        {
          show_error (self, _("Could Not Save the Record"),
                      _("Choose a folder on this computer."));
        }
      else if (!wsp_record_export (record, path, &text_path, &error))
        {
          show_error (self, _("Could Not Save the Record"), error->message);
        }
      else
        {
          pdf_name = g_path_get_basename (path);
          text_name = g_path_get_basename (text_path);
          /* Translators: the names of the two files saved, e.g. "record.pdf" and "record.txt" */
          message = g_strdup_printf (_("Saved as %s and %s"), pdf_name, text_name);
          wsp_window_add_toast (self, adw_toast_new (message));
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
records_save (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents;

  if (self->record == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save a Record"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name; %s is Facebook or Instagram, then the date */
  name = g_strdup_printf (_("Objection %s %s.pdf"),
                          wsp_platform_get_name (wsp_record_get_platform (self->record)), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  /* Proof belongs with documents; without that folder, home. */
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                ? documents : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_object_set_data_full (G_OBJECT (self->chooser), "record", g_object_ref (self->record),
                          g_object_unref);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A bar slid in or out. Hidden too once out of sight, or a screen reader would still find its
 * empty message and its button (GTK keeps a revealer's child among the accessible ones). */
static void
on_bar_child_revealed (GtkRevealer *revealer)
{
  gtk_widget_set_visible (GTK_WIDGET (revealer), gtk_revealer_get_reveal_child (revealer) ||
                                                 gtk_revealer_get_child_revealed (revealer));
}

static void
reveal_bar (GtkRevealer *revealer,
            gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, reveal);
  on_bar_child_revealed (revealer);
}

static void
update_record_bars (WspWindow *self)
{
  const char *notice = wsp_record_store_get_notice (self->store);
  g_autofree char *save_text = wsp_record_store_dup_save_message (self->store);

  gtk_label_set_label (self->notice_label, notice != NULL ? notice : "");
  reveal_bar (self->notice_revealer, notice != NULL);

  gtk_label_set_label (self->save_error_label, save_text != NULL ? save_text : "");
  reveal_bar (self->save_error_revealer, save_text != NULL);
}

static void
update_forget_all (WspWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.forget-all",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ||
                                 wsp_record_store_get_draft_page (self->store) != NULL);
}

void
wsp_window_class_init_records (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, WspWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, save_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_child_revealed);

  gtk_widget_class_install_action (widget_class, "records.forget", "s", records_forget);
  gtk_widget_class_install_action (widget_class, "records.forget-all", NULL, records_forget_all);
  gtk_widget_class_install_action (widget_class, "records.retry", NULL, records_retry);
  gtk_widget_class_install_action (widget_class, "records.dismiss", NULL, records_dismiss);
  gtk_widget_class_install_action (widget_class, "records.opened", "s", records_opened);
  gtk_widget_class_install_action (widget_class, "records.sent", NULL, records_sent);
  gtk_widget_class_install_action (widget_class, "records.save", NULL, records_save);
}

void
wsp_window_init_records (WspWindow *self)
{
  g_assert (self->store != NULL);

  g_signal_connect_object (self->store, "notify::notice", G_CALLBACK (update_record_bars), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::save-error", G_CALLBACK (update_record_bars), self,
                           G_CONNECT_SWAPPED);
  update_record_bars (self);

  /* Nothing to forget, nothing to ask. */
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (update_forget_all), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::has-draft", G_CALLBACK (update_forget_all), self,
                           G_CONNECT_SWAPPED);
  update_forget_all (self);
}

void
wsp_window_dispose_records (WspWindow *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

void
wsp_window_finalize_records (WspWindow *self)
{
  clear_forgotten (self);
}
