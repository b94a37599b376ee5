/* wsp-summary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-launcher.h"
#include "wsp-reasons.h"
#include "wsp-summary-page.h"
#include "wsp-window.h"

struct _WspSummaryPage
{
  WspPage       parent_instance;

  AdwActionRow *login_row;
  GtkButton    *open_button;
  AdwActionRow *url_row;
  AdwActionRow *host_row;
  AdwActionRow *country_row;
  AdwActionRow *email_row;
  AdwActionRow *reason_row;
  GtkWidget    *reason_copy;
  GtkWidget    *country_copy;
};

G_DEFINE_FINAL_TYPE (WspSummaryPage, wsp_summary_page, WSP_TYPE_PAGE)

static const char *
form_url (WspSummaryPage *self)
{
  WspPlatform platform = wsp_objection_get_current (wsp_page_get_objection (WSP_PAGE (self)));

  if (platform >= WSP_N_PLATFORMS)
    return NULL;

  return wsp_catalog_get_form (wsp_catalog_get_default (), platform)->url;
}

static char *
form_host (WspSummaryPage *self)
{
  const char *url = form_url (self);
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
}

static void
update (WspSummaryPage *self)
{
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  WspPlatform platform = wsp_objection_get_current (objection);
  const char *reason = wsp_objection_get_reason (objection);
  const char *country = wsp_objection_get_country_name (objection);
  g_autofree char *host = form_host (self);
  g_autofree char *login = NULL;
  g_autofree char *open_label = NULL;
  const char *name;

  if (platform >= WSP_N_PLATFORMS)
    return;

  name = wsp_platform_get_name (platform);

  /* Translators: %s is Facebook or Instagram */
  g_autofree char *title = g_strdup_printf (_("%s Form"), name);
  wsp_page_set_title (WSP_PAGE (self), title);

  /* Translators: %s is Facebook or Instagram */
  login = g_strdup_printf (_("Log in to %s in your browser before you open the form: it only opens "
                             "for people who are logged in."), name);
  adw_action_row_set_subtitle (self->login_row, login);

  /* Translators: %s is Facebook or Instagram */
  open_label = g_strdup_printf (_("_Open the %s Form"), name);
  gtk_button_set_label (self->open_button, open_label);

  adw_action_row_set_subtitle (self->url_row, form_url (self));
  adw_action_row_set_subtitle (self->host_row, host);
  adw_action_row_set_subtitle (self->email_row, wsp_objection_get_email (objection));

  adw_action_row_set_subtitle (self->country_row,
                               country != NULL ? country : _("Not chosen: pick it in the form"));
  gtk_widget_set_sensitive (self->country_copy, country != NULL);

  /* Shown with hidden characters made visible; "Copy" gives the text exactly as typed. */
  if (reason != NULL && *reason != '\0')
    {
      g_autofree char *shown = wsp_reasons_make_visible (reason);

      adw_action_row_set_subtitle (self->reason_row, shown);
    }
  else
    adw_action_row_set_subtitle (self->reason_row, _("None: leave the field empty"));
  gtk_widget_set_sensitive (self->reason_copy, reason != NULL && *reason != '\0');
}

static void
copy_field (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (widget);
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  const char *field = g_variant_get_string (param, NULL);
  g_autofree char *host = NULL;
  GdkClipboard *clipboard;
  const char *text = NULL;
  const char *toast = NULL;

  if (g_str_equal (field, "url"))
    {
      text = form_url (self);
      toast = _("Form address copied");
    }
  else if (g_str_equal (field, "host"))
    {
      text = host = form_host (self);
      toast = _("Website copied");
    }
  else if (g_str_equal (field, "country"))
    {
      text = wsp_objection_get_country_name (objection);
      toast = _("Country copied");
    }
  else if (g_str_equal (field, "email"))
    {
      text = wsp_objection_get_email (objection);
      toast = _("Email address copied");
    }
  else if (g_str_equal (field, "reason"))
    {
      text = wsp_objection_get_reason (objection);
      toast = _("Reason copied");
    }

  if (text == NULL || *text == '\0')
    return;

  clipboard = gtk_widget_get_clipboard (widget);
  gdk_clipboard_set_text (clipboard, text);

  /* On X11 the clipboard is always there, and GDK claims it with the server's current time;
   * the claim fails only when the X server refuses it (another program claiming it at that very
   * moment), which leaves it not ours. Say so rather than report a copy that did not happen. */
  if (!gdk_clipboard_is_local (clipboard))
    toast = _("Could not copy: the clipboard did not take the text. Please try again.");

  wsp_widget_add_toast (widget, adw_toast_new (toast));
}

static void
open_form (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (widget);
  const char *url = form_url (self);

  if (url != NULL)
    wsp_launch_uri (widget, url);
}

static void
wsp_summary_page_shown (WspPage *page)
{
  update (WSP_SUMMARY_PAGE (page));
}

static GtkWidget *
wsp_summary_page_get_initial_focus (WspPage *page)
{
  return GTK_WIDGET (WSP_SUMMARY_PAGE (page)->open_button);
}

static void
wsp_summary_page_constructed (GObject *object)
{
  WspSummaryPage *self = (WspSummaryPage *)object;

  G_OBJECT_CLASS (wsp_summary_page_parent_class)->constructed (object);

  /* A later platform ("both") changes the form while the page may be showing. */
  g_signal_connect_object (wsp_page_get_objection (WSP_PAGE (self)), "notify::current",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
wsp_summary_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_SUMMARY_PAGE);

  G_OBJECT_CLASS (wsp_summary_page_parent_class)->dispose (object);
}

static void
wsp_summary_page_class_init (WspSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->constructed = wsp_summary_page_constructed;
  object_class->dispose = wsp_summary_page_dispose;
  page_class->shown = wsp_summary_page_shown;
  page_class->get_initial_focus = wsp_summary_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, reason_copy);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, country_copy);

  gtk_widget_class_install_action (widget_class, "summary.copy", "s", copy_field);
  gtk_widget_class_install_action (widget_class, "summary.open", NULL, open_form);
}

static void
wsp_summary_page_init (WspSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
