/* wsp-column-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The children one below the other, each as wide as the column and as high as it needs at
 * that width; the column's width does not depend on its height. With "center", the column sits
 * in the middle of a taller area, as in an AdwStatusPage, without its children being aligned
 * (see below).
 *
 * Why: GTK 4.8 asks a widget for "the width you need at this height" in several places, and a
 * column of wrapping labels answers that by searching: each GtkBox tries heights, each wrapping
 * label below tries widths for each of them, and each try lays out and shapes the text anew.
 * - GtkViewport asks its child at every allocation: the welcome page's scrolled content uses
 *   this layout with "center" (with hscrollbar-policy "never" the viewport's width is used
 *   anyway).
 * - gtk_widget_allocate() asks any height-for-width widget that is not aligned "fill" both
 *   ways: so "center" centres the column itself, and its children keep valign "fill".
 * - libadwaita 1.2's action rows and preferences groups: wsp_compat_use_quick_measures() gives
 *   their title boxes this layout.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "wsp-column-layout.h"

struct _WspColumnLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  gboolean         center;
};

G_DEFINE_FINAL_TYPE (WspColumnLayout, wsp_column_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_CENTER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkSizeRequestMode
wsp_column_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wsp_column_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  WspColumnLayout *self = WSP_COLUMN_LAYOUT (manager);
  guint n = 0;

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* The widest child's width, whatever the height. */
          gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural,
                              NULL, NULL);
          *minimum += child_minimum;
          *natural += child_natural;
        }
      n++;
    }

  if (orientation == GTK_ORIENTATION_VERTICAL && n > 1)
    {
      *minimum += (n - 1) * self->spacing;
      *natural += (n - 1) * self->spacing;
    }
}

static void
wsp_column_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  WspColumnLayout *self = WSP_COLUMN_LAYOUT (manager);
  int y = 0;

  if (self->center)
    {
      int minimum, natural;

      wsp_column_layout_measure (manager, widget, GTK_ORIENTATION_VERTICAL, width,
                                 &minimum, &natural, NULL, NULL);
      if (natural < height)
        y = (height - natural) / 2;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_minimum, &child_natural,
                          NULL, NULL);
      child_height = MAX (child_minimum, MIN (child_natural, height - y));
      gtk_widget_allocate (child, width, child_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_height + self->spacing;
    }
}

static void
wsp_column_layout_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WspColumnLayout *self = WSP_COLUMN_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_CENTER:
      g_value_set_boolean (value, self->center);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_column_layout_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WspColumnLayout *self = WSP_COLUMN_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
      break;

    case PROP_CENTER:
      self->center = g_value_get_boolean (value);
      gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_column_layout_class_init (WspColumnLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = wsp_column_layout_get_property;
  object_class->set_property = wsp_column_layout_set_property;

  layout_class->get_request_mode = wsp_column_layout_get_request_mode;
  layout_class->measure = wsp_column_layout_measure;
  layout_class->allocate = wsp_column_layout_allocate;

  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CENTER] =
    g_param_spec_boolean ("center", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_column_layout_init (WspColumnLayout *self)
{
}

GtkLayoutManager *
wsp_column_layout_new (int spacing)
{
  return g_object_new (WSP_TYPE_COLUMN_LAYOUT, "spacing", spacing, NULL);
}
