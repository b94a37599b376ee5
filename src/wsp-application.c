/* wsp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-application.h"
#include "wsp-catalog.h"
#include "wsp-first-frame.h"
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
    {
      window = GTK_WINDOW (wsp_window_new (GTK_APPLICATION (app)));
      /* Only build-aux/bench turns this on. */
      wsp_first_frame_watch (window);
    }

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { _("Widerspruch developers"), NULL };
  const char *sources[] = {
    _("Consumer advice centres"),
    _("News agencies and the technology press"),
    _("Meta’s own Privacy Center and help pages"),
    NULL
  };
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
                        "copyright", _("© 2026 Widerspruch developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/widerspruch/widerspruch",
                        "issue-url", "https://github.com/widerspruch/widerspruch/issues",
                        "comments", comments,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Sources of the guidance"), sources);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "iso-codes",
                                      _("Country names and their translations"),
                                      GTK_LICENSE_LGPL_2_1,
                                      NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("No legal advice"),
                                      _("Widerspruch helps you fill in Meta’s own form. It is not "
                                        "legal advice and is not connected with Meta."),
                                      GTK_LICENSE_UNKNOWN,
                                      NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows;

  /* Closing the windows lets them save their state; quit afterwards. Closing one can destroy
   * others (dialogs with destroy-with-parent) and changes the application's list: walk a copy,
   * and skip the windows that are gone by the time their turn comes. */
  windows = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), l->data) != NULL)
      gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (app);
}

static int
wsp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "widerspruch", PACKAGE_VERSION);
      return 0;
    }

  /* Go on: register, and activate the running instance or this one. */
  return -1;
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
  app_class->handle_local_options = wsp_application_handle_local_options;
}

static const GOptionEntry main_options [] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
wsp_application_init (WspApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Object to Meta using your posts for AI"));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Without options, opens the window, or "
                                                  "raises it if Widerspruch is already running."));
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
