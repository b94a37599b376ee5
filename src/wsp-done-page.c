/* wsp-done-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-done-page.h"

struct _WspDonePage
{
  WspPage    parent_instance;

  AdwStatusPage *status_page;
  GtkButton *continue_button;
  GtkWidget *restart_button;
};

G_DEFINE_FINAL_TYPE (WspDonePage, wsp_done_page, WSP_TYPE_PAGE)

static void
wsp_done_page_shown (WspPage *page)
{
  WspDonePage *self = WSP_DONE_PAGE (page);
  WspObjection *objection = wsp_page_get_objection (page);
  WspPlatform next = wsp_objection_get_next_platform (objection);
  g_autofree char *note = NULL;

  /* Translators: %s is the email address the user entered */
  note = g_strdup_printf (_("Once you have sent the form, Meta emails a confirmation to %s, "
                            "usually within minutes. Your objection applies from then on. Posts "
                            "that were already used for training cannot be taken back out."),
                          wsp_objection_get_email (objection));
  adw_status_page_set_description (self->status_page, note);

  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), next < WSP_N_PLATFORMS);
  if (next < WSP_N_PLATFORMS)
    {
      /* Translators: %s is Facebook or Instagram */
      g_autofree char *label = g_strdup_printf (_("Co_ntinue With %s"), wsp_platform_get_name (next));
      wsp_button_set_wrapping_label (self->continue_button, label);
    }
}

static GtkWidget *
wsp_done_page_get_initial_focus (WspPage *page)
{
  WspDonePage *self = WSP_DONE_PAGE (page);

  if (gtk_widget_get_visible (GTK_WIDGET (self->continue_button)))
    return GTK_WIDGET (self->continue_button);

  return self->restart_button;
}

static void
wsp_done_page_dispose (GObject *object)
{
  /* The status page is both the bin's child and a template child: let the bin drop it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_DONE_PAGE);

  G_OBJECT_CLASS (wsp_done_page_parent_class)->dispose (object);
}

static void
wsp_done_page_class_init (WspDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_done_page_dispose;
  page_class->shown = wsp_done_page_shown;
  page_class->get_initial_focus = wsp_done_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, WspDonePage, restart_button);
}

static void
wsp_done_page_init (WspDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
