/* wsp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-country-page.h"
#include "wsp-done-page.h"
#include "wsp-email-page.h"
#include "wsp-manual-page.h"
#include "wsp-platform-page.h"
#include "wsp-reason-page.h"
#include "wsp-summary-page.h"
#include "wsp-welcome-page.h"
#include "wsp-window.h"

/* The assistant's pages, in order. Adding or moving a page is one line here. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} page_table [] = {
  { "welcome",  wsp_welcome_page_get_type },
  { "platform", wsp_platform_page_get_type },
  { "country",  wsp_country_page_get_type },
  { "email",    wsp_email_page_get_type },
  { "reason",   wsp_reason_page_get_type },
  { "summary",  wsp_summary_page_get_type },
  { "done",     wsp_done_page_get_type },
};

#define N_PAGES G_N_ELEMENTS (page_table)

struct _WspWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  WspObjection         *objection;
  /* Built on first use (ensure_page()): only the welcome page is needed for the first frame. */
  WspPage              *pages [N_PAGES];
  WspPage              *manual_page;
  /* Where Back goes from the manual page. */
  WspPage              *manual_return;

  AdwToastOverlay      *toast_overlay;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkStack             *stack;
  GtkWidget            *back_button;
  GtkWidget            *next_squeezer;
};

G_DEFINE_FINAL_TYPE (WspWindow, wsp_window, ADW_TYPE_APPLICATION_WINDOW)

static int
page_index (WspWindow *self,
            WspPage   *page)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (self->pages [i] == page)
      return i;

  return -1;
}

static void on_page_notify (WspWindow  *self,
                            GParamSpec *pspec,
                            WspPage    *page);

static WspPage *
add_page (WspWindow  *self,
          GType       type,
          const char *name)
{
  WspPage *page = g_object_new (type, "objection", self->objection, NULL);

  gtk_stack_add_named (self->stack, GTK_WIDGET (page), name);
  g_signal_connect_object (page, "notify::complete",
                           G_CALLBACK (on_page_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::title",
                           G_CALLBACK (on_page_notify), self, G_CONNECT_SWAPPED);

  return page;
}

/* The pages read the objection when shown, so one built late starts from the current state. */
static WspPage *
ensure_page (WspWindow *self,
             guint      index)
{
  g_assert (index < N_PAGES);

  if (self->pages [index] == NULL)
    self->pages [index] = add_page (self, page_table [index].get_type (), page_table [index].name);

  return self->pages [index];
}

static WspPage *
ensure_manual_page (WspWindow *self)
{
  if (self->manual_page == NULL)
    self->manual_page = add_page (self, WSP_TYPE_MANUAL_PAGE, "manual");

  return self->manual_page;
}

static WspPage *
visible_page (WspWindow *self)
{
  return WSP_PAGE (gtk_stack_get_visible_child (self->stack));
}

static void
update_actions (WspWindow *self)
{
  WspPage *page = visible_page (self);
  int index = page_index (self, page);
  gboolean is_manual = page == self->manual_page;
  gboolean has_next = index >= 0 && index + 1 < (int)N_PAGES;
  /* The welcome page has its own Start button; the done page ends the walk. */
  gboolean show_next = has_next && index > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", is_manual || index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next",
                                 has_next && wsp_page_get_complete (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.manual", !is_manual);

  gtk_widget_set_visible (self->back_button, is_manual || index > 0);
  gtk_widget_set_visible (self->next_squeezer, show_next);
}

static void
update_title (WspWindow *self)
{
  WspPage *page = visible_page (self);
  int index = page_index (self, page);
  g_autofree char *subtitle = NULL;

  g_autofree char *window_title = NULL;

  gtk_label_set_label (self->title_label, wsp_page_get_title (page));

  /* The page in the window's own title too: window lists and screen readers show it. */
  if (index == 0)
    window_title = g_strdup ("Widerspruch");
  else
    /* Translators: the window title, %s is the page, e.g. "Country – Widerspruch" */
    window_title = g_strdup_printf (_("%s – Widerspruch"), wsp_page_get_title (page));
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  /* Count only the steps that ask for something: not welcome, not done. */
  if (index > 0 && index + 1 < (int)N_PAGES)
    subtitle = g_strdup_printf (_("Step %d of %d"), index, (int)N_PAGES - 2);

  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
}

static void
on_page_notify (WspWindow  *self,
                GParamSpec *pspec,
                WspPage    *page)
{
  if (page == visible_page (self))
    {
      update_actions (self);
      update_title (self);
    }
}

static void
focus_page (WspPage *page)
{
  GtkWidget *focus = wsp_page_get_initial_focus (page);

  if (focus == NULL || !gtk_widget_grab_focus (focus))
    gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

static void
on_visible_child_changed (WspWindow *self)
{
  WspPage *page = visible_page (self);

  if (page == NULL)
    return;

  wsp_page_shown (page);
  update_actions (self);
  update_title (self);

  /* At once, so that keys typed right after the change land on the page, and a screen reader
   * follows the focus to it. */
  focus_page (page);
}

static void
show_page (WspWindow *self,
           WspPage   *page,
           gboolean   forward)
{
  gtk_stack_set_transition_type (self->stack,
                                 forward ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                         : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
}

static void
assistant_next (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  WspPage *page = visible_page (self);
  int index = page_index (self, page);

  if (index < 0 || index + 1 >= (int)N_PAGES || !wsp_page_get_complete (page))
    return;

  if (!wsp_page_apply (page))
    return;

  show_page (self, ensure_page (self, index + 1), TRUE);
}

static void
assistant_back (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  WspPage *page = visible_page (self);
  int index = page_index (self, page);

  if (page == self->manual_page)
    show_page (self, self->manual_return, FALSE);
  else if (index > 0)
    show_page (self, ensure_page (self, index - 1), FALSE);
}

static void
assistant_manual (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  WspPage *page = visible_page (self);

  if (page == self->manual_page)
    return;

  self->manual_return = page;
  show_page (self, ensure_manual_page (self), TRUE);
}

static void
assistant_continue (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  if (wsp_objection_advance_platform (self->objection))
    show_page (self, wsp_window_get_page (self, "summary"), TRUE);
}

static void
assistant_restart (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  /* Country, email and reason stay: they are the same for the next account. */
  wsp_objection_set_platforms (self->objection, wsp_objection_get_platforms (self->objection));
  show_page (self, wsp_window_get_page (self, "platform"), FALSE);
}

static gboolean
wsp_window_close_request (GtkWindow *window)
{
  WspWindow *self = WSP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (wsp_window_parent_class)->close_request (window);
}

static void
wsp_window_dispose (GObject *object)
{
  WspWindow *self = (WspWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WSP_TYPE_WINDOW);

  G_OBJECT_CLASS (wsp_window_parent_class)->dispose (object);
}

static void
wsp_window_finalize (GObject *object)
{
  WspWindow *self = (WspWindow *)object;

  g_clear_object (&self->objection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wsp_window_parent_class)->finalize (object);
}

static void
wsp_window_class_init (WspWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wsp_window_dispose;
  object_class->finalize = wsp_window_finalize;
  window_class->close_request = wsp_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WspWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, next_squeezer);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, assistant_next);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, assistant_back);
  gtk_widget_class_install_action (widget_class, "assistant.manual", NULL, assistant_manual);
  gtk_widget_class_install_action (widget_class, "assistant.continue", NULL, assistant_continue);
  gtk_widget_class_install_action (widget_class, "assistant.restart", NULL, assistant_restart);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "assistant.back", NULL);
}

static void
wsp_window_init (WspWindow *self)
{
  GtkEventController *controller;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->objection = wsp_objection_new ();

  /* The others follow when first shown: building all of them up front doubled the time to the
   * first frame (build-aux/bench). */
  self->manual_return = ensure_page (self, 0);

  /* Plain Enter is left to the pages (entries, the country list, the platform options): a
   * window-wide binding would also fire where a row ignores Enter. Ctrl+Enter moves on from
   * anywhere; it is caught before the focused widget, since a text view takes it as a newline. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("assistant.next")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  if (DEVEL_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  on_visible_child_changed (self);
}

WspWindow *
wsp_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (WSP_TYPE_WINDOW, "application", application, NULL);
}

WspObjection *
wsp_window_get_objection (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);

  return self->objection;
}

const char *
wsp_window_get_page_name (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

WspPage *
wsp_window_get_page (WspWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N_PAGES; i++)
    if (g_str_equal (page_table [i].name, name))
      return ensure_page (self, i);

  if (g_str_equal (name, "manual"))
    return ensure_manual_page (self);

  return NULL;
}

void
wsp_window_add_toast (WspWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (WSP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
wsp_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (WSP_IS_WINDOW (root))
    wsp_window_add_toast (WSP_WINDOW (root), toast);
  else
    g_object_unref (toast);
}
