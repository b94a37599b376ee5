/* wsp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-application.h"
#include "wsp-catalog.h"
#include "wsp-window.h"

struct _WspApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (WspApplication, wsp_application, ADW_TYPE_APPLICATION)

static void
wsp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (wsp_window_new (GTK_APPLICATION (app)));

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { _("Widerspruch developers"), NULL };
  GtkApplication *app = user_data;
  WspCatalog *catalog = wsp_catalog_get_default ();
  g_autofree char *comments = NULL;
  g_autofree char *checked = wsp_catalog_format_month (wsp_catalog_get_updated (catalog));
  GtkWidget *about;

  comments = g_strdup_printf (_("Guides you through objecting to the use of your Facebook and "
                                "Instagram posts for training AI at Meta.\n\n"
                                "The links and steps come from consumer centres and the press, "
                                "collected by the project; the links in use were checked in %s."),
                              checked);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Widerspruch",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Widerspruch developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/widerspruch/widerspruch",
                        "issue-url", "https://github.com/widerspruch/widerspruch/issues",
                        "comments", comments,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  /* A copy: closing a window removes it from the application's list while we walk it (found by
   * UBSan as a read of a freed list node). */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Closing the windows lets them save their state; quit afterwards. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (app);
}

static const GActionEntry app_actions [] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
wsp_application_startup (GApplication *app)
{
  static const char *quit_accels [] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (wsp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
wsp_application_class_init (WspApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = wsp_application_activate;
  app_class->startup = wsp_application_startup;
}

static void
wsp_application_init (WspApplication *self)
{
}

WspApplication *
wsp_application_new (void)
{
  return g_object_new (WSP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same resources serve the .Devel id, whose default path would differ. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

void
wsp_application_init_i18n (void)
{
  const char *localedir = g_getenv ("WIDERSPRUCH_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  bindtextdomain ("iso_3166-1", ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
}
