/* wsp-column-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The children one below the other, each as wide as the column and as high as it needs at
 * that width; the column's width does not depend on its height. With "center", the column sits
 * in the middle of a taller area, as in an AdwStatusPage, without its children being aligned
 * (see below).
 *
 * Why: GTK 4.8 asks a widget for "the width you need at this height" in three places, and a
 * column of wrapping labels answers that by searching: each GtkBox tries heights, each
 * wrapping label below tries widths for each of them, and each try lays out and shapes the
 * text anew.
 * - GtkViewport asks its child at every allocation: the welcome page shaped its texts 5,758
 *   times before its first frame (a uprobe on pango_shape_item()). Its scrolled content uses
 *   this layout with "center" (with hscrollbar-policy "never" the viewport's width is used
 *   anyway).
 * - gtk_widget_allocate() asks any height-for-width widget that is not aligned "fill" both
 *   ways: so "center" centres the column itself, and its children keep valign "fill".
 * - libadwaita 1.2 puts an action row's title and subtitle, and a preferences group's title
 * and description, in a vertical GtkBox inside a horizontal one. GTK 4.8 measures a horizontal
 * box's height by trying heights for its height-for-width children, and the vertical box
 * answers each try by trying widths, and each wrapping label below by trying widths again,
 * shaping its text anew each time: the summary page's first frame spent most of its 80 ms in
 * pango_shape_item() (perf, bench-frames). With this layout the title box answers at once.
 * What it needs from the box is only its spacing, which libadwaita's style sheet sets (3 px in
 * a row, 6 px in a group header); a box with another layout is left alone.
 *
 * A label that wraps anywhere ("word-char", as libadwaita's row titles and group descriptions
 * do) has a quadratic cost of its own: GTK 4.8 computes its minimum width by laying it out at
 * width 0, one character per line, and Pango shapes the rest of the text again at every
 * break. One record's 55-character state on the welcome page was shaped 207 times before the
 * first frame. wsp_widget_use_quick_measures() gives such labels a minimum width of
 * WSP_WRAP_ANYWHERE_MIN_CHARS characters: the same line count at every width a page ever gets,
 * and 14 shapings.
 */

#include "config.h"

#include <adwaita.h>

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

/* A vertical GtkBox with @css_class, still laid out by GTK's box layout. */
static void
use_column_layout (GtkWidget  *box,
                   const char *css_class,
                   int         spacing)
{
  /* The layout first: GtkBox asks its GtkBoxLayout for the orientation, so a box done before
   * cannot answer. */
  if (GTK_IS_BOX (box) && gtk_widget_has_css_class (box, css_class) &&
      GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (box)) &&
      gtk_orientable_get_orientation (GTK_ORIENTABLE (box)) == GTK_ORIENTATION_VERTICAL)
    gtk_widget_set_layout_manager (box, wsp_column_layout_new (spacing));
}

void
wsp_widget_use_quick_measures (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      if (gtk_label_get_wrap (label) && gtk_label_get_wrap_mode (label) == PANGO_WRAP_WORD_CHAR &&
          gtk_label_get_width_chars (label) < 0)
        gtk_label_set_width_chars (label, WSP_WRAP_ANYWHERE_MIN_CHARS);
    }
  else if (ADW_IS_ACTION_ROW (widget))
    {
      GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

      if (header != NULL && gtk_widget_has_css_class (header, "header"))
        for (GtkWidget *child = gtk_widget_get_first_child (header);
             child != NULL;
             child = gtk_widget_get_next_sibling (child))
          use_column_layout (child, "title", 3);
    }
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      GtkWidget *box = gtk_widget_get_first_child (widget);
      GtkWidget *header = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      if (header != NULL && gtk_widget_has_css_class (header, "header"))
        for (GtkWidget *child = gtk_widget_get_first_child (header);
             child != NULL;
             child = gtk_widget_get_next_sibling (child))
          use_column_layout (child, "labels", 6);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wsp_widget_use_quick_measures (child);
}
