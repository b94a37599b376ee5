/* wsp-launcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wsp-authorities.h"
#include "wsp-catalog.h"
#include "wsp-launcher.h"
#include "wsp-report.h"
#include "wsp-page.h"

typedef struct {
  GtkWidget *widget;
  char      *uri;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_clear_object (&data->widget);
  g_clear_pointer (&data->uri, g_free);
  g_free (data);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "uri");

  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), uri);
}

static void
show_failure (GtkWidget  *widget,
              const char *heading,
              const char *body,
              const char *uri_to_offer)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");

  /* A link the app refused to open is not offered for copying either. */
  if (uri_to_offer != NULL)
    {
      adw_message_dialog_add_response (dialog, "copy", _("C_opy Link"));
      adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "copy");
      g_object_set_data_full (G_OBJECT (dialog), "uri", g_strdup (uri_to_offer), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_shown (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LaunchData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      g_autofree char *body = NULL;

      g_message ("Could not open the form: %s", error->message);
      body = g_strdup_printf (_("No web browser could be started (%s). Copy the link and paste it "
                                "into your browser’s address bar."),
                              error->message);
      show_failure (data->widget, _("Could Not Open the Browser"), body, data->uri);
    }
  else
    {
      wsp_widget_add_toast (data->widget, adw_toast_new (_("Opened in your browser")));
    }

  launch_data_free (data);
}

/* Opens @uri, which the caller checked. */
static void
launch (GtkWidget  *widget,
        const char *uri)
{
  LaunchData *data;
  GtkRoot *root;

  root = gtk_widget_get_root (widget);
  g_return_if_fail (GTK_IS_WINDOW (root));

  data = g_new0 (LaunchData, 1);
  data->widget = g_object_ref (widget);
  data->uri = g_strdup (uri);
  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, on_shown, data);
}

void
wsp_launch_uri (GtkWidget  *widget,
                const char *uri)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (uri != NULL);

  /* Meta's pages, and the project's issue tracker for a report (wsp-report.h): nothing else. */
  if (!wsp_report_is_tracker_url (uri) && !wsp_catalog_url_is_allowed (uri, &error))
    {
      g_autofree char *body = NULL;

      g_message ("Refused to open a link: %s", error->message);
      body = g_strdup_printf (_("Widerspruch only opens secure links on Meta’s own websites, and "
                                "this one is not (%s)."),
                              error->message);
      show_failure (widget, _("Link Not Opened"), body, NULL);
      return;
    }

  launch (widget, uri);
}

void
wsp_launch_authority_page (GtkWidget  *widget,
                           const char *country,
                           const char *uri)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (country != NULL && uri != NULL);

  if (!wsp_authority_url_is_allowed (country, uri, &error))
    {
      g_autofree char *body = NULL;

      g_message ("Refused to open an authority's link: %s", error->message);
      /* Translators: %s says why, e.g. "example.com is not a website of this country’s data
       * protection authority" */
      body = g_strdup_printf (_("Widerspruch only opens the secure websites of data protection "
                                "authorities that it knows, and this link is not one (%s)."),
                              error->message);
      show_failure (widget, _("Link Not Opened"), body, NULL);
      return;
    }

  launch (widget, uri);
}
