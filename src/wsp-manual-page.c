/* wsp-manual-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-launcher.h"
#include "wsp-report.h"
#include "wsp-manual-page.h"

#define ILLUSTRATIONS RESOURCE_PREFIX "/illustrations/"
#define GENERIC_ILLUSTRATION "generic"

struct _WspManualPage
{
  WspPage          parent_instance;

  WspCatalog      *catalog;
  /* name -> GdkTexture: the same drawing serves several steps */
  GHashTable      *textures;

  GtkToggleButton *facebook_toggle;
  GtkToggleButton *instagram_toggle;
  AdwViewStack    *route_stack;
  GtkWidget       *privacy_center_box;
  GtkWidget       *search_box;
  GtkWidget       *genai_box;
  GtkWidget       *privacy_button;

  AdwBin          *bins [WSP_N_ROUTES];
  gboolean         built;
};

G_DEFINE_FINAL_TYPE (WspManualPage, wsp_manual_page, WSP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The text alternative of every drawing the app has (data/illustrations/). */
static const struct {
  const char *name;
  const char *description;
} illustrations [] = {
  { "generic", N_("Drawing of a screen with the entry to choose marked") },
  { "phone-menu",
    N_("Drawing of the phone app: the menu icon with three lines at the top right is marked") },
  { "phone-profile",
    N_("Drawing of the phone app: your profile picture in the bar at the bottom is marked") },
  { "phone-settings",
    N_("Drawing of the phone app: the entry with a gear in a list of settings is marked") },
  { "phone-entry", N_("Drawing of the phone app: one entry in a list of settings is marked") },
  { "phone-privacy-center",
    N_("Drawing of the phone app: the entry with a shield in a list is marked") },
  { "phone-policy", N_("Drawing of the phone app: the entry with a document in a list is marked") },
  { "phone-search",
    N_("Drawing of the phone app: the search field with a magnifier at the top is marked") },
  { "phone-heading",
    N_("Drawing of the phone app: one section heading in a page of text is marked") },
  { "phone-banner", N_("Drawing of the phone app: a box near the top of the page is marked") },
  { "phone-link", N_("Drawing of the phone app: a blue link in a paragraph of text is marked") },
  { "phone-yes", N_("Drawing of the phone app: the Yes answer to a question is marked") },
  { "phone-send",
    N_("Drawing of the phone app: the send button at the bottom of the form is marked") },
  { "browser-profile",
    N_("Drawing of a browser window: your round profile picture at the top right is marked") },
  { "browser-gear",
    N_("Drawing of a browser window: the gear at the bottom of the side bar is marked") },
  { "browser-settings",
    N_("Drawing of a browser window: the entry with a gear in the menu under the profile "
       "picture is marked") },
  { "browser-entry",
    N_("Drawing of a browser window: one entry in the list of settings on the left is marked") },
  { "browser-privacy-center",
    N_("Drawing of a browser window: the entry with a shield in the menu is marked") },
  { "browser-policy",
    N_("Drawing of a browser window: the entry with a document in a list is marked") },
  { "browser-search",
    N_("Drawing of a browser window: the search bar (Ctrl+F) and a match in the text are "
       "marked") },
  { "browser-banner", N_("Drawing of a browser window: a box near the top of the page is marked") },
  { "browser-link",
    N_("Drawing of a browser window: a blue link in a paragraph of text is marked") },
  { "browser-yes",
    N_("Drawing of a browser window: the Yes answer to a question in the form is marked") },
  { "browser-send", N_("Drawing of a browser window: the send button of the form is marked") },
};

/* The template's holder of each route */
static const char * const bin_names [WSP_N_ROUTES] = {
  "app_bin", "browser_bin", "privacy_center_bin", "search_bin", "genai_bin",
};

static WspCatalog *
get_catalog (WspManualPage *self)
{
  return self->catalog != NULL ? self->catalog : wsp_catalog_get_current ();
}

static WspPlatform
shown_platform (WspManualPage *self)
{
  return gtk_toggle_button_get_active (self->instagram_toggle) ? WSP_PLATFORM_INSTAGRAM
                                                                : WSP_PLATFORM_FACEBOOK;
}

static const char *
describe_illustration (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (illustrations); i++)
    {
      if (g_strcmp0 (illustrations [i].name, name) == 0)
        return _(illustrations [i].description);
    }

  return NULL;
}

/* A catalog update may name a drawing this version does not have (or none): then the generic
 * one, never a blank. Sets *out_name to the drawing actually used. */
static GdkTexture *
lookup_texture (WspManualPage  *self,
                const char     *name,
                const char    **out_name)
{
  GdkTexture *texture;

  if (name == NULL || describe_illustration (name) == NULL)
    name = GENERIC_ILLUSTRATION;

  texture = g_hash_table_lookup (self->textures, name);

  if (texture == NULL)
    {
      g_autofree char *path = g_strconcat (ILLUSTRATIONS, name, ".svg", NULL);

      /* The tests load every drawing; a failure here is a broken build. */
      texture = gdk_texture_new_from_resource (path);
      g_hash_table_insert (self->textures, g_strdup (name), texture);
    }

  *out_name = name;
  return texture;
}

static GtkWidget *
build_step (WspManualPage        *self,
            guint                 number,
            const WspCatalogStep *step)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *label = gtk_label_new (step->label);
  GtkWidget *help = gtk_label_new (step->help);
  const char *name = NULL;
  GdkTexture *texture = lookup_texture (self, step->illustration, &name);
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "wsp-step");

  gtk_widget_add_css_class (number_label, "wsp-step-number");
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), number_label);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (card), header);

  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_box_append (GTK_BOX (card), help);

  /* 240 × 160 fits a phone. GtkPicture 4.8 measures a shrinkable picture in a box as 0 high,
   * so the size is given. */
  gtk_widget_set_size_request (picture, 240, 160);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), describe_illustration (name));
  /* GTK 4.8 gives the text alternative as the picture's description only: named too, or a
   * screen reader names it by its class. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  describe_illustration (name), -1);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  /* The drawing shown, for the tests and GTK Inspector */
  gtk_widget_set_name (picture, name);
  gtk_box_append (GTK_BOX (card), picture);

  return card;
}

/* Whether the first language the user asks for is English ("C" and "POSIX" do not count). */
static gboolean
user_reads_english (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names [i] != NULL; i++)
    {
      if (g_str_equal (names [i], "C") || g_str_equal (names [i], "POSIX"))
        continue;

      return g_str_has_prefix (names [i], "en");
    }

  return TRUE;
}

static GtkWidget *
build_route (WspManualPage *self,
             WspPlatform    platform,
             WspRoute       route,
             const char    *language)
{
  WspCatalog *catalog = get_catalog (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* The date of the labels shown: each language has its own source. */
  const char *date = wsp_catalog_get_labels_confirmed (catalog, platform, route, language);
  g_autofree char *month = wsp_catalog_format_month (date);
  g_autofree char *confirmed = NULL;
  g_autofree char *source = NULL;
  GtkWidget *confirmed_label;
  const char *used = NULL;
  guint n_steps = wsp_catalog_get_n_steps (catalog, platform, route, language, &used);

  /* No source for this path's labels in the user's language: say that these are English.
   * (pick_language() falls back to "en" too, so ask what the user reads instead.) */
  if (g_strcmp0 (used, "en") == 0 && !user_reads_english ())
    {
      GtkWidget *note = gtk_label_new (_("These steps use the English labels. The platform may "
                                         "show them in your language."));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "wsp-language-note");
      gtk_box_append (GTK_BOX (box), note);
    }

  /* Translators: %s is a month and year, e.g. "May 2025" */
  confirmed = g_strdup_printf (_("Path last confirmed: %s"), month);
  confirmed_label = gtk_label_new (confirmed);
  gtk_label_set_xalign (GTK_LABEL (confirmed_label), 0);
  gtk_label_set_wrap (GTK_LABEL (confirmed_label), TRUE);
  gtk_widget_add_css_class (confirmed_label, "dim-label");
  gtk_widget_add_css_class (confirmed_label, "caption");
  /* Who reported these labels. Set before the label is shown: a visible widget's tooltip costs
   * round trips to the X server in GTK 4.8. */
  /* Translators: the tooltip of a path's date; %s names who reported its labels */
  source = g_strdup_printf (_("Source: %s"),
                            wsp_catalog_get_labels_source (catalog, platform, route, language));
  gtk_widget_set_tooltip_text (confirmed_label, source);
  gtk_box_append (GTK_BOX (box), confirmed_label);

  for (guint i = 0; i < n_steps; i++)
    {
      const WspCatalogStep *step = wsp_catalog_get_step (catalog, platform, route, language, i);

      gtk_box_append (GTK_BOX (box), build_step (self, i + 1, step));
    }

  return box;
}

static void
rebuild (WspManualPage *self)
{
  WspCatalog *catalog = get_catalog (self);
  WspPlatform platform = shown_platform (self);
  const char *language = wsp_catalog_pick_language (catalog);

  for (WspRoute r = 0; r < WSP_N_ROUTES; r++)
    {
      GtkWidget *route = NULL;

      if (wsp_catalog_has_path (catalog, platform, r))
        route = build_route (self, platform, r, language);

      adw_bin_set_child (self->bins [r], route);
    }

  gtk_widget_set_visible (self->privacy_center_box,
                          wsp_catalog_has_path (catalog, platform, WSP_ROUTE_PRIVACY_CENTER));
  gtk_widget_set_visible (self->search_box,
                          wsp_catalog_has_path (catalog, platform, WSP_ROUTE_SEARCH));
  gtk_widget_set_visible (self->genai_box,
                          wsp_catalog_has_path (catalog, platform, WSP_ROUTE_GENAI));
  self->built = TRUE;
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

  link = wsp_catalog_get_privacy_center (get_catalog (self), shown_platform (self));
  wsp_launch_uri (widget, link->url);
}

static void
open_genai_page (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WspManualPage *self = WSP_MANUAL_PAGE (widget);
  const char *url;

  url = wsp_catalog_get_path_url (get_catalog (self), shown_platform (self), WSP_ROUTE_GENAI);
  /* The button shows only when the catalog has the route, which always has its page. */
  g_return_if_fail (url != NULL);
  wsp_launch_uri (widget, url);
}

/* Opens a new issue on the project's tracker about the platform's form and the route shown;
 * nothing about the user. */
static void
report_link (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WspManualPage *self = WSP_MANUAL_PAGE (widget);
  WspCatalog *catalog = get_catalog (self);
  WspPlatform platform = shown_platform (self);
  const char *route = adw_view_stack_get_visible_child_name (self->route_stack);
  g_autofree char *report = NULL;

  report = wsp_report_link_problem_url (catalog, platform, route != NULL ? route : "app",
                                        wsp_catalog_get_form (catalog, platform)->url);
  wsp_launch_uri (widget, report);
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

  if (!self->built)
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
wsp_manual_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WspManualPage *self = WSP_MANUAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, get_catalog (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_manual_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WspManualPage *self = WSP_MANUAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      if (g_set_object (&self->catalog, g_value_get_object (value)))
        {
          if (self->built)
            rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_manual_page_dispose (GObject *object)
{
  WspManualPage *self = WSP_MANUAL_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_MANUAL_PAGE);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->textures, g_hash_table_unref);

  G_OBJECT_CLASS (wsp_manual_page_parent_class)->dispose (object);
}

static void
wsp_manual_page_class_init (WspManualPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->get_property = wsp_manual_page_get_property;
  object_class->set_property = wsp_manual_page_set_property;
  object_class->dispose = wsp_manual_page_dispose;
  page_class->shown = wsp_manual_page_shown;
  page_class->get_initial_focus = wsp_manual_page_get_initial_focus;

  /**
   * WspManualPage:catalog:
   *
   * Where the paths come from; NULL (the default) means the built-in catalog.
   */
  properties [PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         WSP_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-manual-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, facebook_toggle);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, instagram_toggle);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, route_stack);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, privacy_center_box);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, search_box);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, genai_box);
  gtk_widget_class_bind_template_child (widget_class, WspManualPage, privacy_button);
  /* One holder per route, in WspRoute order */
  for (WspRoute r = 0; r < WSP_N_ROUTES; r++)
    gtk_widget_class_bind_template_child_full (widget_class, bin_names [r], FALSE,
                                               G_STRUCT_OFFSET (WspManualPage, bins) +
                                               r * sizeof (AdwBin *));
  gtk_widget_class_bind_template_callback (widget_class, on_platform_toggled);

  gtk_widget_class_install_action (widget_class, "manual.privacy-center", NULL,
                                   open_privacy_center);
  gtk_widget_class_install_action (widget_class, "manual.genai", NULL, open_genai_page);
  gtk_widget_class_install_action (widget_class, "manual.report", NULL, report_link);
}

static void
wsp_manual_page_init (WspManualPage *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}
