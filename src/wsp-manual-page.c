/* wsp-manual-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-launcher.h"
#include "wsp-manual-page.h"

struct _WspManualPage
{
  WspPage          parent_instance;

  GtkToggleButton *facebook_toggle;
  GtkToggleButton *instagram_toggle;
  GtkWidget       *language_note;
  GtkBox          *paths_box;
  GtkWidget       *privacy_button;

  GtkWidget       *groups [WSP_N_ROUTES];
};

G_DEFINE_FINAL_TYPE (WspManualPage, wsp_manual_page, WSP_TYPE_PAGE)

static WspPlatform
shown_platform (WspManualPage *self)
{
  return gtk_toggle_button_get_active (self->instagram_toggle) ? WSP_PLATFORM_INSTAGRAM
                                                                : WSP_PLATFORM_FACEBOOK;
}

static GtkWidget *
build_route (WspManualPage *self,
             WspPlatform    platform,
             WspRoute       route,
             const char    *language)
{
  WspCatalog *catalog = wsp_catalog_get_current ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *month = wsp_catalog_format_month (wsp_catalog_get_path_confirmed (catalog, platform, route));
  g_autofree char *description = NULL;
  guint n_steps = wsp_catalog_get_n_steps (catalog, platform, route, language, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   route == WSP_ROUTE_APP ? _("In the Phone App")
                                                          : _("In the Browser"));
  /* Translators: %s is a month and year, e.g. "May 2025" */
  description = g_strdup_printf (_("Path last confirmed: %s"), month);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < n_steps; i++)
    {
      const WspCatalogStep *step = wsp_catalog_get_step (catalog, platform, route, language, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *number_label = gtk_label_new (number);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), step->help);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (number_label, "wsp-step-number");
      gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
rebuild (WspManualPage *self)
{
  WspCatalog *catalog = wsp_catalog_get_current ();
  WspPlatform platform = shown_platform (self);
  const char *language = wsp_catalog_pick_language (catalog);
  const char *used = NULL;

  for (guint r = 0; r < WSP_N_ROUTES; r++)
    {
      if (self->groups [r] != NULL)
        gtk_box_remove (self->paths_box, self->groups [r]);
      self->groups [r] = build_route (self, platform, r, language);
      gtk_box_append (self->paths_box, self->groups [r]);
    }

  wsp_catalog_get_n_steps (catalog, platform, WSP_ROUTE_APP, language, &used);
  gtk_widget_set_visible (self->language_note, g_strcmp0 (used, "en") == 0 &&
                                               !g_str_has_prefix (language, "en"));
}

static void
on_platform_toggled (WspManualPage   *self,
                     GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    rebuild (self);
}

static void
open_privacy_center (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WspManualPage *self = WSP_MANUAL_PAGE (widget);
  const WspCatalogLink *link;

  link = wsp_catalog_get_privacy_center (wsp_catalog_get_current (), shown_platform (self));
  wsp_launch_uri (widget, link->url);
}

static void
wsp_manual_page_shown (WspPage *page)
{
  WspManualPage *self = WSP_MANUAL_PAGE (page);
  WspPlatform platform = wsp_objection_get_current (wsp_page_get_objection (page));

  /* Follows the user's choice; before there is one, Facebook. */
  if (platform == WSP_PLATFORM_INSTAGRAM)
    gtk_toggle_button_set_active (self->instagram_toggle, TRUE);
  else
    gtk_toggle_button_set_active (self->facebook_toggle, TRUE);

  if (self->groups [0] == NULL)
    rebuild (self);
}

static GtkWidget *
wsp_manual_page_get_initial_focus (WspPage *page)
{
  WspManualPage *self = WSP_MANUAL_PAGE (page);

  return GTK_WIDGET (gtk_toggle_button_get_active (self->instagram_toggle) ? self->instagram_toggle
                                                                           : self->facebook_toggle);
}

static void
wsp_manual_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_MANUAL_PAGE);

  G_OBJECT_CLASS (wsp_manual_page_parent_class)->dispose (object);
}

static void
wsp_manual_page_class_init (WspManualPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_manual_page_dispose;
  page_class->shown = wsp_manual_page_shown;
  page_class->get_initial_focus = wsp_manual_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-manual-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, facebook_toggle);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, instagram_toggle);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, language_note);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, paths_box);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, privacy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_platform_toggled);

  gtk_widget_class_install_action (widget_class, "manual.privacy-center", NULL, open_privacy_center);
}

static void
wsp_manual_page_init (WspManualPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
