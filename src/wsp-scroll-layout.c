/* wsp-scroll-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of the widget a GtkScrolledWindow scrolls (through its GtkViewport), for pages that
 * scroll vertically only: it gives its child the whole width, and the child's natural height,
 * centred in the view when there is room (as in an AdwStatusPage). Its width never depends on a
 * height.
 *
 * Why: GTK 4.8 asks a widget for "the width you need at this height" in two places, and a column
 * of wrapping labels answers that by searching. GtkViewport asks its child at every allocation,
 * and gtk_widget_allocate() asks any height-for-width widget that is not aligned "fill" both
 * ways (valign "center", say). A GtkBox then tries heights, each wrapping label below tries
 * widths for each of them, and each try lays out and shapes the text anew: on the welcome page
 * that was 5,800 shapings and most of the time to the first frame (build-aux/bench). Here the
 * question is answered with the plain width (with hscrollbar-policy "never" the viewport's width
 * is used anyway), and the centring is done without asking it: the child keeps valign "fill".
 */

#include "config.h"

#include "wsp-scroll-layout.h"

struct _WspScrollLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (WspScrollLayout, wsp_scroll_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
wsp_scroll_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wsp_scroll_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  /* The width for any height is the width; heights still follow the width. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
wsp_scroll_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GskTransform *transform = NULL;
      int minimum, natural, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
      child_height = CLAMP (natural, minimum, MAX (height, minimum));
      if (child_height < height)
        transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height - child_height) / 2));

      gtk_widget_allocate (child, width, child_height, -1, transform);
    }
}

static void
wsp_scroll_layout_class_init (WspScrollLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = wsp_scroll_layout_get_request_mode;
  layout_class->measure = wsp_scroll_layout_measure;
  layout_class->allocate = wsp_scroll_layout_allocate;
}

static void
wsp_scroll_layout_init (WspScrollLayout *self)
{
}

GtkLayoutManager *
wsp_scroll_layout_new (void)
{
  return g_object_new (WSP_TYPE_SCROLL_LAYOUT, NULL);
}
