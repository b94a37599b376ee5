/* wsp-country-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-countries.h"
#include "wsp-compat.h"
#include "wsp-country-page.h"

struct _WspCountryPage
{
  WspPage             parent_instance;

  GtkSearchEntry     *search_entry;
  GtkLabel           *chosen_label;
  GtkWidget          *warning_box;
  GtkWidget          *fallback_box;
  GtkStack           *list_stack;
  GtkListView        *list_view;

  char               *countries_path;
  gboolean            fallback;
  GListModel         *countries;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *query;
};

G_DEFINE_FINAL_TYPE (WspCountryPage, wsp_country_page, WSP_TYPE_PAGE)

/* The longest country name has about 50 characters; a longer query matches nothing anyway, and
 * the cap keeps a megabyte pasted by mistake from being folded and searched on every change. */
#define MAX_QUERY_CHARS 100

enum {
  PROP_0,
  PROP_COUNTRIES_PATH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Returns a new reference, or NULL. */
static WspCountry *
find_country (WspCountryPage *self,
              const char     *code)
{
  guint pos;

  if (self->countries == NULL || code == NULL)
    return NULL;

  pos = wsp_countries_find (self->countries, code);
  if (pos == G_MAXUINT)
    return NULL;

  return g_list_model_get_item (self->countries, pos);
}

static void
update_chosen (WspCountryPage *self)
{
  const char *code = wsp_objection_get_country (wsp_page_get_objection (WSP_PAGE (self)));
  g_autoptr(WspCountry) country = find_country (self, code);
  gboolean available;

  if (country == NULL)
    {
      gtk_label_set_label (self->chosen_label, _("No country chosen yet"));
      gtk_widget_set_visible (self->warning_box, FALSE);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (_("Your country: %s"), wsp_country_get_name (country));
    gtk_label_set_label (self->chosen_label, text);
  }

  available = wsp_catalog_objection_available (wsp_catalog_get_current (), code);
  gtk_widget_set_visible (self->warning_box, !available);
}

static void
select_objection_country (WspCountryPage *self)
{
  const char *code = wsp_objection_get_country (wsp_page_get_objection (WSP_PAGE (self)));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n && code != NULL; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (wsp_country_get_code (country), code) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
on_selected_changed (WspCountryPage *self)
{
  WspCountry *country = gtk_single_selection_get_selected_item (self->selection);

  /* A filter that hides the chosen country does not unchoose it. */
  if (country == NULL)
    return;

  wsp_objection_set_country (wsp_page_get_objection (WSP_PAGE (self)),
                             wsp_country_get_code (country),
                             wsp_country_get_name (country));
  wsp_page_set_complete (WSP_PAGE (self), TRUE);
  update_chosen (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WspCountryPage *self = user_data;

  return wsp_country_matches (item, self->query != NULL ? self->query : "");
}

static void
update_list_visibility (WspCountryPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
on_search_changed (WspCountryPage *self)
{
  g_free (self->query);
  self->query = wsp_countries_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (self->filter == NULL)
    return;

  g_signal_handlers_block_by_func (self->selection, on_selected_changed, self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_signal_handlers_unblock_by_func (self->selection, on_selected_changed, self);

  select_objection_country (self);
  update_list_visibility (self);
}

static void
on_search_activate (WspCountryPage *self)
{
  guint n;

  /* Enter can come before the search field reported the typing: filter now. */
  on_search_changed (self);
  n = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  /* Enter in the search field takes the only match, or the one whose whole name was typed
   * ("United States" also finds "United States Minor Outlying Islands"), then moves on. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      g_autofree char *name = wsp_countries_fold (wsp_country_get_name (country));
      g_autofree char *english = wsp_countries_fold (wsp_country_get_english_name (country));

      if (n == 1 || g_strcmp0 (name, self->query) == 0 || g_strcmp0 (english, self->query) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }

  if (wsp_page_get_complete (WSP_PAGE (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

/* Enter (or a double click) on a country chooses it and moves on. */
static void
on_list_activate (WspCountryPage *self,
                  guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  WspCountry *country = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), wsp_country_get_name (country));
  wsp_compat_name_list_row (label, wsp_country_get_name (country));
}

/* The list shows the objection's country, or the one of the user's locale when it has none
 * yet. The page may have been loaded before this objection was started or resumed. */
static void
sync_with_objection (WspCountryPage *self)
{
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  g_autoptr(WspCountry) chosen = NULL;

  if (wsp_objection_get_country (objection) == NULL)
    {
      g_autoptr(WspCountry) preset = find_country (self, wsp_countries_default_code ());

      if (preset != NULL)
        wsp_objection_set_country (objection,
                                   wsp_country_get_code (preset),
                                   wsp_country_get_name (preset));
    }

  g_signal_handlers_block_by_func (self->selection, on_selected_changed, self);
  select_objection_country (self);
  g_signal_handlers_unblock_by_func (self->selection, on_selected_changed, self);

  chosen = find_country (self, wsp_objection_get_country (objection));
  wsp_page_set_complete (WSP_PAGE (self), chosen != NULL || self->fallback);
  update_chosen (self);
}

static void
load_countries (WspCountryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->countries = wsp_countries_load (self->countries_path, &error);
  if (self->countries == NULL)
    {
      /* Without iso-codes the countries where the objection applies still are: that is what
       * most users need, and the notice tells the others to choose in the form itself. */
      g_message ("Could not read the list of countries, listing only those where the objection "
                 "applies: %s", error->message);
      self->countries = wsp_countries_load_fallback ();
      self->fallback = TRUE;
      gtk_widget_set_visible (self->fallback_box, TRUE);
    }

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->countries),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_changed),
                           self, G_CONNECT_SWAPPED);
  sync_with_objection (self);
}

/* iso-codes is read when the page is about to be needed (see WspPage's prepare), not at
 * start-up. */
static void
wsp_country_page_prepare (WspPage *page)
{
  WspCountryPage *self = WSP_COUNTRY_PAGE (page);

  if (self->countries == NULL && self->filter == NULL)
    load_countries (self);
}

static void
wsp_country_page_shown (WspPage *page)
{
  WspCountryPage *self = WSP_COUNTRY_PAGE (page);

  if (self->countries == NULL && self->filter == NULL)
    load_countries (self);
  else
    sync_with_objection (self);
}

static GtkWidget *
wsp_country_page_get_initial_focus (WspPage *page)
{
  return GTK_WIDGET (WSP_COUNTRY_PAGE (page)->search_entry);
}

static void
wsp_country_page_dispose (GObject *object)
{
  WspCountryPage *self = (WspCountryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_COUNTRY_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->countries);

  G_OBJECT_CLASS (wsp_country_page_parent_class)->dispose (object);
}

static void
wsp_country_page_finalize (GObject *object)
{
  WspCountryPage *self = (WspCountryPage *)object;

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->countries_path, g_free);

  G_OBJECT_CLASS (wsp_country_page_parent_class)->finalize (object);
}

static void
wsp_country_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WspCountryPage *self = WSP_COUNTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNTRIES_PATH:
      g_value_set_string (value, self->countries_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_country_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WspCountryPage *self = WSP_COUNTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNTRIES_PATH:
      if (g_strcmp0 (self->countries_path, g_value_get_string (value)) != 0)
        {
          g_free (self->countries_path);
          self->countries_path = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_country_page_class_init (WspCountryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_country_page_dispose;
  object_class->finalize = wsp_country_page_finalize;
  object_class->get_property = wsp_country_page_get_property;
  object_class->set_property = wsp_country_page_set_property;
  page_class->shown = wsp_country_page_shown;
  page_class->get_initial_focus = wsp_country_page_get_initial_focus;
  /* About 10 ms (iso-codes, the list's models): not in the frame that shows the page. */
  page_class->prepare = wsp_country_page_prepare;

  /* iso-codes' iso_3166-1.json; NULL for the one found at build time. Read when the page is
   * first shown, so setting it later has no effect. The tests point it at a missing file. */
  properties [PROP_COUNTRIES_PATH] =
    g_param_spec_string ("countries-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-country-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspCountryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WspCountryPage, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, WspCountryPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, WspCountryPage, fallback_box);
  gtk_widget_class_bind_template_child (widget_class, WspCountryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WspCountryPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
wsp_country_page_init (WspCountryPage *self)
{
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));

  text = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));
  g_assert (GTK_IS_TEXT (text));
  gtk_text_set_max_length (GTK_TEXT (text), MAX_QUERY_CHARS);
}
