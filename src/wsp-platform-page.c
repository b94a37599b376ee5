/* wsp-platform-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-platform-page.h"

struct _WspPlatformPage
{
  WspPage         parent_instance;

  GtkCheckButton *facebook_check;
  GtkCheckButton *instagram_check;
  GtkCheckButton *both_check;
};

G_DEFINE_FINAL_TYPE (WspPlatformPage, wsp_platform_page, WSP_TYPE_PAGE)

static WspPlatforms
chosen_platforms (WspPlatformPage *self)
{
  if (gtk_check_button_get_active (self->facebook_check))
    return WSP_PLATFORMS_FACEBOOK;
  if (gtk_check_button_get_active (self->instagram_check))
    return WSP_PLATFORMS_INSTAGRAM;
  if (gtk_check_button_get_active (self->both_check))
    return WSP_PLATFORMS_BOTH;
  return WSP_PLATFORMS_NONE;
}

static void
on_toggled (WspPlatformPage *self)
{
  WspPlatforms platforms = chosen_platforms (self);

  /* A radio group toggles twice per change; only the final state counts. */
  if (platforms == WSP_PLATFORMS_NONE)
    return;

  wsp_objection_set_platforms (wsp_page_get_objection (WSP_PAGE (self)), platforms);
  wsp_page_set_complete (WSP_PAGE (self), TRUE);
}

/* Enter on the option that is already chosen moves on; on another option it chooses it. */
static gboolean
on_key_pressed (WspPlatformPage       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  /* The focus is on the option's check button, or on its row after arrow keys. */
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (ADW_IS_ACTION_ROW (focus))
    focus = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus));
  if (!GTK_IS_CHECK_BUTTON (focus) || !gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
  return GDK_EVENT_STOP;
}

static void
wsp_platform_page_shown (WspPage *page)
{
  WspPlatformPage *self = WSP_PLATFORM_PAGE (page);
  WspPlatforms platforms = wsp_objection_get_platforms (wsp_page_get_objection (page));

  /* Shows the choice the objection holds, e.g. after "Start Over". */
  gtk_check_button_set_active (self->facebook_check, platforms == WSP_PLATFORMS_FACEBOOK);
  gtk_check_button_set_active (self->instagram_check, platforms == WSP_PLATFORMS_INSTAGRAM);
  gtk_check_button_set_active (self->both_check, platforms == WSP_PLATFORMS_BOTH);
}

static GtkWidget *
wsp_platform_page_get_initial_focus (WspPage *page)
{
  WspPlatformPage *self = WSP_PLATFORM_PAGE (page);

  if (gtk_check_button_get_active (self->instagram_check))
    return GTK_WIDGET (self->instagram_check);
  if (gtk_check_button_get_active (self->both_check))
    return GTK_WIDGET (self->both_check);
  return GTK_WIDGET (self->facebook_check);
}

static void
wsp_platform_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_PLATFORM_PAGE);

  G_OBJECT_CLASS (wsp_platform_page_parent_class)->dispose (object);
}

static void
wsp_platform_page_class_init (WspPlatformPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->dispose = wsp_platform_page_dispose;
  page_class->shown = wsp_platform_page_shown;
  page_class->get_initial_focus = wsp_platform_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-platform-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspPlatformPage, facebook_check);
  gtk_widget_class_bind_template_child (widget_class, WspPlatformPage, instagram_check);
  gtk_widget_class_bind_template_child (widget_class, WspPlatformPage, both_check);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
}

static void
wsp_platform_page_init (WspPlatformPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
