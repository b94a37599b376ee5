/* wsp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-application.h"
#include "wsp-compat.h"
#include "wsp-catalog.h"
#include "wsp-first-frame.h"
#include "wsp-catalog-updater.h"
#include "wsp-report.h"
#include "wsp-window.h"

struct _WspApplication
{
  AdwApplication     parent_instance;

  GSettings         *settings;
  /* Made on first use: only when updates are on. */
  WspCatalogUpdater *updater;
  GCancellable      *cancellable;
  guint              check_source;
};

G_DEFINE_FINAL_TYPE (WspApplication, wsp_application, ADW_TYPE_APPLICATION)

static gboolean check_by_itself (gpointer user_data);

static void
wsp_application_activate (GApplication *app)
{
  WspApplication *self = WSP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (wsp_window_new (GTK_APPLICATION (app)));
      /* Only build-aux/bench turns this on. */
      wsp_first_frame_watch (window);

      /* The background check for updated links (at most once a day) waits until the window
       * is up, so that it takes nothing from the first frame. */
      if (self->check_source == 0 && self->cancellable != NULL &&
          !g_cancellable_is_cancelled (self->cancellable))
        self->check_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, check_by_itself,
                                                         self, NULL);
    }

  gtk_window_present (window);
}

static void
append_link (GString              *text,
             const char           *title,
             const WspCatalogLink *link)
{
  g_autofree char *line = wsp_catalog_format_confirmed (link->confirmed, link->source);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n<a href=\"%s\">%s</a>\n%s\n\n",
                                                     title, link->url, link->url, line);

  g_string_append (text, markup);
}

/* Every link the app may open, with when it was last confirmed and who reported it: the
 * catalog's own date is only its version. */
static char *
describe_links (WspCatalog *catalog)
{
  GString *text = g_string_new (NULL);

  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    {
      const char *name = wsp_platform_get_name (p);
      g_autofree char *form_title = NULL;
      g_autofree char *center_title = NULL;

      /* Translators: %s is Facebook or Instagram */
      form_title = g_strdup_printf (_("%s objection form"), name);
      append_link (text, form_title, wsp_catalog_get_form (catalog, p));
      for (guint i = 0; i < wsp_catalog_get_n_alt_forms (catalog, p); i++)
        append_link (text, form_title, wsp_catalog_get_alt_form (catalog, p, i));

      /* Translators: %s is Facebook or Instagram */
      center_title = g_strdup_printf (_("%s Privacy Center"), name);
      append_link (text, center_title, wsp_catalog_get_privacy_center (catalog, p));
    }

  append_link (text, _("Form for information from third parties"),
               wsp_catalog_get_third_party_form (catalog));

  g_strchomp (text->str);
  return g_string_free (text, FALSE);
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
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *comments = NULL;
  g_autofree char *origin = wsp_catalog_describe_origin (wsp_catalog_get_current ());
  WspCatalog *catalog = wsp_catalog_get_current ();
  g_autofree char *links = describe_links (catalog);
  GtkWidget *about;

  /* An installed app's icon is in the theme; from the build tree, it is only in the resource.
   * Added here, not at startup: see wsp_application_new(). */
  if (!gtk_icon_theme_has_icon (icon_theme, APP_ID))
    gtk_icon_theme_add_resource_path (icon_theme, RESOURCE_PREFIX "/icons");

  /* Translators: the last %s says where the links come from: "built in" or "updated on
   * 2025-06-02" */
  comments = g_strdup_printf (_("Guides you through objecting to the use of your Facebook and "
                                "Instagram posts for training AI at Meta.\n\n"
                                "The links and steps come from consumer centres and the press, "
                                "collected by the project. Links in use: %s."),
                              origin);

  /* Every note the links in use carry, newest first: what the welcome page said once. */
  if (wsp_catalog_get_n_notes (catalog) > 0)
    {
      g_autoptr(GString) text = g_string_new (comments);

      g_string_append_printf (text, "\n\n%s", _("What changed in the links:"));
      for (guint i = 0; i < wsp_catalog_get_n_notes (catalog); i++)
        {
          g_autofree char *line = wsp_catalog_dup_note_line (catalog, i);

          g_string_append_printf (text, "\n%s", line);
        }
      g_free (comments);
      comments = g_string_free (g_steal_pointer (&text), FALSE);
    }

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
                        "issue-url", WSP_ISSUE_TRACKER_URL,
                        "comments", comments,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Sources of the guidance"), sources);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Links and when they were last confirmed"),
                                      NULL, GTK_LICENSE_CUSTOM, links);
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

static void
show_toast (WspApplication *self,
            const char     *text)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WSP_IS_WINDOW (window))
    wsp_window_add_toast (WSP_WINDOW (window), adw_toast_new (text));
}

/* Only a check the user asked for reports "up to date" or a network failure (offline is the
 * normal case, not news); a refused catalog is worth a line either way. */
static void
report_check (WspApplication    *self,
              WspCatalogUpdater *updater,
              GAsyncResult      *result,
              gboolean           asked)
{
  g_autoptr(GError) error = NULL;
  WspCatalogUpdate update;

  update = wsp_catalog_updater_check_finish (updater, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      if (asked || !g_error_matches (error, WSP_CATALOG_UPDATE_ERROR, WSP_CATALOG_UPDATE_ERROR_NETWORK))
        show_toast (self, error->message);
    }
  else if (update == WSP_CATALOG_UPDATE_UPDATED)
    {
      g_autofree char *origin = wsp_catalog_describe_origin (wsp_catalog_get_current ());
      /* Translators: %s is "updated on 2025-06-02" */
      g_autofree char *text = g_strdup_printf (_("New links are in use: %s."), origin);

      show_toast (self, text);
    }
  else if (asked)
    show_toast (self, _("The links in use are up to date."));
}

/* What a check hands back: the application, kept until the check reports, and whether the
 * user asked for it. */
typedef struct
{
  WspApplication *self;
  gboolean        asked;
} Check;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Check *check = user_data;
  g_autoptr(WspApplication) self = check->self;

  report_check (self, WSP_CATALOG_UPDATER (source), result, check->asked);
}

static void
on_updater_catalog (WspApplication *self)
{
  wsp_catalog_set_current (wsp_catalog_updater_get_catalog (self->updater));
}

static WspCatalogUpdater *
ensure_updater (WspApplication *self)
{
  if (self->updater == NULL)
    {
      self->updater = wsp_catalog_updater_new (wsp_catalog_get_default (), self->settings, NULL);
      wsp_catalog_set_current (wsp_catalog_updater_get_catalog (self->updater));
      g_signal_connect_object (self->updater, "notify::catalog",
                               G_CALLBACK (on_updater_catalog), self, G_CONNECT_SWAPPED);
    }

  return self->updater;
}

static void
start_check (WspApplication *self,
             gboolean        asked)
{
  Check *check = g_new (Check, 1);

  check->self = g_object_ref (self);
  check->asked = asked;
  wsp_catalog_updater_check_async (ensure_updater (self), asked, self->cancellable, on_checked,
                                   check);
}

static gboolean
check_by_itself (gpointer user_data)
{
  WspApplication *self = user_data;
  g_autofree char *url = g_settings_get_string (self->settings, "catalog-url");

  self->check_source = 0;

  /* Updates off: nothing to check. */
  if (*url != '\0')
    start_check (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
check_catalog_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  start_check (user_data, TRUE);
}

/* The menu item shows only when updates are on. */
static void
update_check_action (WspApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "check-catalog");
  g_autofree char *url = g_settings_get_string (self->settings, "catalog-url");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), *url != '\0');
}

static const GActionEntry app_actions [] = {
  { "about", about_action },
  { "quit", quit_action },
  { "check-catalog", check_catalog_action },
};

static void
wsp_application_startup (GApplication *app)
{
  WspApplication *self = WSP_APPLICATION (app);
  static const char *quit_accels [] = { "<Control>q", NULL };
  static const char *help_accels [] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (wsp_application_parent_class)->startup (app);

  /* The dialogs too, as the window's pages. */
  wsp_compat_fix_windows ();

  /* Before the first window picks its renderer. */
  wsp_compat_avoid_software_gl (gdk_display_get_default ());

  /* The app's style, which AdwApplication would have loaded from the resource base path. That
   * is unset (see wsp_application_new()), so the priority is AdwApplication's. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* The shortcuts window is built on first use (WspWindow), not from gtk/help-overlay.ui with
   * every window: that cost the first frame about 4 ms (build-aux/bench). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);

  /* The links of the last accepted update, if any, from the first window on (a file read);
   * the check for newer ones runs in the background once the window is up (activate). */
  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  {
    /* Without a cache, the built-in catalog is read when the window first needs it (its notes). */
    g_autoptr(WspCatalog) cached = wsp_catalog_load_cached (NULL);

    if (cached != NULL)
      wsp_catalog_set_current (cached);
  }
  g_signal_connect_object (self->settings, "changed::catalog-url",
                           G_CALLBACK (update_check_action), self, G_CONNECT_SWAPPED);
  update_check_action (self);
}

static void
wsp_application_shutdown (GApplication *app)
{
  WspApplication *self = WSP_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);

  G_APPLICATION_CLASS (wsp_application_parent_class)->shutdown (app);
}

static void
wsp_application_finalize (GObject *object)
{
  WspApplication *self = WSP_APPLICATION (object);

  g_clear_object (&self->updater);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (wsp_application_parent_class)->finalize (object);
}

static void
wsp_application_class_init (WspApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = wsp_application_finalize;
  app_class->shutdown = wsp_application_shutdown;
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
  /* No resource base path. With one, GtkApplication adds its icons to the icon theme during
   * startup, after GTK has read the theme on a thread: GTK throws that away and reads the whole
   * theme again, which took a third of the time the app needed beyond a bare window's first
   * frame (build-aux/bench). The style sheet is loaded in startup, the welcome page draws the
   * app's icon from the resource, and About adds the icons only when the theme lacks them
   * (about_action()). The default path would also differ for the .Devel id. */
  return g_object_new (WSP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", NULL,
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
