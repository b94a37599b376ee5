/* wsp-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-welcome-page.h"

struct _WspWelcomePage
{
  WspPage    parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (WspWelcomePage, wsp_welcome_page, WSP_TYPE_PAGE)

static GtkWidget *
wsp_welcome_page_get_initial_focus (WspPage *page)
{
  return WSP_WELCOME_PAGE (page)->start_button;
}

static void
wsp_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (wsp_welcome_page_parent_class)->dispose (object);
}

static void
wsp_welcome_page_class_init (WspWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_welcome_page_dispose;
  page_class->get_initial_focus = wsp_welcome_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspWelcomePage, start_button);
}

static void
wsp_welcome_page_init (WspWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
