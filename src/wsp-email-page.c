/* wsp-email-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-email.h"
#include "wsp-compat.h"
#include "wsp-email-page.h"

/* How long typing has to pause before a problem is pointed out. */
#define VALIDATE_DELAY_MS 700

/* The entry keeps at most this many characters of what is typed or pasted: enough to show an
 * address that is too long (254 at most) as such, few enough that a megabyte pasted by mistake
 * never reaches the layout or the check. */
#define MAX_ENTRY_CHARS 1000

struct _WspEmailPage
{
  WspPage      parent_instance;

  AdwEntryRow *entry_row;
  GtkLabel    *error_label;
  GtkWidget   *remember_check;
  GSettings   *settings;

  guint        validate_id;
};

G_DEFINE_FINAL_TYPE (WspEmailPage, wsp_email_page, WSP_TYPE_PAGE)

static WspEmailStatus
check (WspEmailPage  *self,
       char         **out_address)
{
  g_autofree char *address = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row)));
  WspEmailStatus status;

  /* Spaces around a pasted address are noise, not a mistake. */
  g_strstrip (address);
  status = wsp_email_validate (address);

  if (out_address != NULL)
    *out_address = g_steal_pointer (&address);

  return status;
}

static void
show_status (WspEmailPage   *self,
             WspEmailStatus  status)
{
  gboolean invalid = status != WSP_EMAIL_OK && status != WSP_EMAIL_EMPTY;

  g_clear_handle_id (&self->validate_id, g_source_remove);

  gtk_label_set_label (self->error_label, invalid ? wsp_email_status_message (status) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), invalid);

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
on_validate_timeout (gpointer data)
{
  WspEmailPage *self = data;

  self->validate_id = 0;
  show_status (self, check (self, NULL));
  return G_SOURCE_REMOVE;
}

static void
on_changed (WspEmailPage *self)
{
  g_autofree char *address = NULL;
  WspEmailStatus status = check (self, &address);
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));

  wsp_objection_set_email (objection, status == WSP_EMAIL_OK ? address : NULL);
  wsp_page_set_complete (WSP_PAGE (self), status == WSP_EMAIL_OK);

  /* A fixed mistake disappears at once; a new one only once typing pauses. */
  if (status == WSP_EMAIL_OK || status == WSP_EMAIL_EMPTY)
    {
      show_status (self, status);
    }
  else
    {
      g_clear_handle_id (&self->validate_id, g_source_remove);
      self->validate_id = g_timeout_add (VALIDATE_DELAY_MS, on_validate_timeout, self);
    }
}

static void
on_activated (WspEmailPage *self)
{
  WspEmailStatus status = check (self, NULL);

  if (status == WSP_EMAIL_OK)
    gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
  else if (status == WSP_EMAIL_EMPTY)
    show_status (self, WSP_EMAIL_NO_AT);
  else
    show_status (self, status);
}

static gboolean
wsp_email_page_apply (WspPage *page)
{
  WspEmailPage *self = WSP_EMAIL_PAGE (page);
  WspEmailStatus status = check (self, NULL);

  show_status (self, status);
  return status == WSP_EMAIL_OK;
}

static void
wsp_email_page_shown (WspPage *page)
{
  WspEmailPage *self = WSP_EMAIL_PAGE (page);
  const char *email = wsp_objection_get_email (wsp_page_get_objection (page));

  /* An objection resumed, or a record opened again, brings its address along. */
  if (email != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->entry_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->entry_row), email);
}

static GtkWidget *
wsp_email_page_get_initial_focus (WspPage *page)
{
  return GTK_WIDGET (WSP_EMAIL_PAGE (page)->entry_row);
}

static void
wsp_email_page_dispose (GObject *object)
{
  WspEmailPage *self = (WspEmailPage *)object;

  g_clear_handle_id (&self->validate_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_EMAIL_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wsp_email_page_parent_class)->dispose (object);
}

static void
wsp_email_page_class_init (WspEmailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_email_page_dispose;
  page_class->apply = wsp_email_page_apply;
  page_class->shown = wsp_email_page_shown;
  page_class->get_initial_focus = wsp_email_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-email-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspEmailPage, entry_row);
  gtk_widget_class_bind_template_child (widget_class, WspEmailPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WspEmailPage, remember_check);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activated);
}

static void
wsp_email_page_init (WspEmailPage *self)
{
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));

  text = gtk_editable_get_delegate (GTK_EDITABLE (self->entry_row));
  g_assert (GTK_IS_TEXT (text));
  gtk_text_set_max_length (GTK_TEXT (text), MAX_ENTRY_CHARS);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);

  wsp_compat_expose_entry_row (self->entry_row);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "remember-email", self->remember_check, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
