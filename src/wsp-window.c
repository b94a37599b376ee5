/* wsp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-compat.h"
#include "wsp-country-page.h"
#include "wsp-done-page.h"
#include "wsp-email-page.h"
#include "wsp-manual-page.h"
#include "wsp-platform-page.h"
#include "wsp-reason-page.h"
#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-summary-page.h"
#include "wsp-welcome-page.h"
#include "wsp-window-private.h"

/* The assistant's pages, in order. Adding or moving a page is one line here. A page with
 * @prepare_ahead is built and prepared (WspPage's prepare) while the page before it shows. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
  gboolean    prepare_ahead;
} page_table [] = {
  { "welcome",  wsp_welcome_page_get_type,  FALSE },
  { "platform", wsp_platform_page_get_type, FALSE },
  { "country",  wsp_country_page_get_type,  TRUE },
  { "email",    wsp_email_page_get_type,    FALSE },
  { "reason",   wsp_reason_page_get_type,   FALSE },
  { "summary",  wsp_summary_page_get_type,  FALSE },
  { "done",     wsp_done_page_get_type,     FALSE },
};

#define N_PAGES G_N_ELEMENTS (page_table)

G_DEFINE_FINAL_TYPE (WspWindow, wsp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The pages an unfinished objection can be resumed on. */
static const char * const draft_pages [] = {
  "platform", "country", "email", "reason", "summary", NULL
};

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

/* The stack's page around each page is what a screen reader announces on entering it: by
 * default GTK names it by its class, "GtkStackPage". */
static void
name_stack_page (WspWindow *self,
                 WspPage   *page)
{
  GtkStackPage *stack_page = gtk_stack_get_page (self->stack, GTK_WIDGET (page));

  gtk_accessible_update_property (GTK_ACCESSIBLE (stack_page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  wsp_page_get_title (page), -1);
}

static WspPage *
add_page (WspWindow  *self,
          GType       type,
          const char *name)
{
  WspPage *page = g_object_new (type, "objection", self->objection, NULL);

  gtk_stack_add_named (self->stack, GTK_WIDGET (page), name);
  name_stack_page (self, page);
  g_signal_connect_object (page, "notify::complete",
                           G_CALLBACK (on_page_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "add-toast",
                           G_CALLBACK (adw_toast_overlay_add_toast), self->toast_overlay,
                           G_CONNECT_SWAPPED);
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
  if (g_str_equal (pspec->name, "title"))
    name_stack_page (self, page);

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

/* Keeps the objection being assembled in the records file, so that closing the window (or a
 * crash) does not lose what was typed. The email only when the user asked for it. */
static void
update_draft (WspWindow *self)
{
  WspPage *page = visible_page (self);
  const char *name;

  if (self->store == NULL || page == NULL)
    return;

  if (page == self->manual_page)
    page = self->manual_return;
  name = NULL;
  for (guint i = 0; i < N_PAGES; i++)
    if (self->pages [i] == page)
      name = page_table [i].name;
  if (name == NULL)
    return;

  /* A form opened is a record of its own; the draft is only needed while more is to come. */
  if (g_strcmp0 (name, "summary") == 0 && self->record != NULL &&
      wsp_record_get_opened (self->record) != 0 &&
      wsp_objection_get_next_platform (self->objection) == WSP_N_PLATFORMS)
    wsp_record_store_clear_draft (self->store);
  else if (g_strv_contains (draft_pages, name))
    wsp_record_store_set_draft (self->store, self->objection, name,
                                g_settings_get_boolean (self->settings, "remember-email"));
  else if (g_strcmp0 (name, "done") == 0)
    wsp_record_store_clear_draft (self->store);
}

static gboolean
prepare_next_page (gpointer data)
{
  WspWindow *self = data;
  int index = page_index (self, WSP_PAGE (gtk_stack_get_visible_child (self->stack)));

  self->prepare_source = 0;

  if (index >= 0 && index + 1 < (int) N_PAGES && page_table [index + 1].prepare_ahead)
    wsp_page_prepare (ensure_page (self, index + 1));

  return G_SOURCE_REMOVE;
}

static void
on_visible_child_changed (WspWindow *self)
{
  WspPage *page = visible_page (self);
  int next;

  if (page == NULL)
    return;

  update_draft (self);

  if (WSP_IS_DONE_PAGE (page))
    wsp_done_page_set_record (WSP_DONE_PAGE (page), self->record);
  wsp_page_shown (page);
  /* After the page has set its texts and made its rows. */
  wsp_widget_name_controls (GTK_WIDGET (page));
  wsp_compat_fix_accessible_tree (GTK_WIDGET (page));
  update_actions (self);
  update_title (self);

  /* At once, so that keys typed right after the change land on the page, and a screen reader
   * follows the focus to it. */
  focus_page (page);

  /* Only a page with something to prepare is built ahead: building alone does not make its
   * first frame shorter (build-aux/bench). */
  next = page_index (self, page) + 1;
  if (self->prepare_source == 0 && next < (int) N_PAGES && page_table [next].prepare_ahead)
    self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_next_page, self, NULL);
}

static void
show_page (WspWindow *self,
           WspPage   *page,
           gboolean   forward)
{
  /* Already there (a record's page, asked for another record): it reads its state anew. */
  if (gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (page))
    {
      on_visible_child_changed (self);
      return;
    }

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

  /* Start begins a new objection; the done page is about a record. */
  if (index == 0)
    {
      g_clear_object (&self->record);
      self->resumed = FALSE;
    }
  if (g_str_equal (page_table [index + 1].name, "done"))
    wsp_window_ensure_record (self);

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
    {
      g_clear_object (&self->record);
      show_page (self, wsp_window_get_page (self, "summary"), TRUE);
    }
}

static void
assistant_restart (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  /* Country, email and reason stay: they are the same for the next account. */
  g_clear_object (&self->record);
  self->resumed = FALSE;
  wsp_objection_set_platforms (self->objection, wsp_objection_get_platforms (self->objection));
  show_page (self, wsp_window_get_page (self, "platform"), FALSE);
}

static void
assistant_resume (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);
  const char *name = wsp_record_store_get_draft_page (self->store);
  g_autofree char *target = g_strdup (name);
  WspPage *page;

  if (!wsp_record_store_restore_draft (self->store, self->objection))
    return;

  /* Without a remembered email, go back to where it is typed. */
  if (wsp_objection_get_email (self->objection) == NULL &&
      (g_str_equal (target, "reason") || g_str_equal (target, "summary")))
    {
      g_free (target);
      target = g_strdup ("email");
    }

  page = wsp_window_get_page (self, target);
  if (page == NULL)
    page = wsp_window_get_page (self, "platform");

  g_clear_object (&self->record);
  self->resumed = TRUE;
  show_page (self, page, TRUE);
}

static void
assistant_another_account (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  /* A record of its own for the next account, made when its form is opened. */
  g_clear_object (&self->record);
  self->resumed = FALSE;
  wsp_objection_prepare_another_account (self->objection);
  show_page (self, wsp_window_get_page (self, "platform"), FALSE);
}

/* Makes the record with id @param the current one, and the objection what it was made with;
 * NULL when there is no such record. */
static WspRecord *
load_record (WspWindow *self,
             GVariant  *param)
{
  WspRecord *record = wsp_record_store_lookup (self->store, g_variant_get_string (param, NULL));

  if (record == NULL)
    return NULL;

  wsp_objection_load_record (self->objection, record);
  g_set_object (&self->record, record);
  self->resumed = FALSE;

  return record;
}

static void
assistant_open_record (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  /* The summary of that record's form, with the values it was made with. */
  if (load_record (self, param) != NULL)
    show_page (self, wsp_window_get_page (self, "summary"), TRUE);
}

static void
assistant_follow_up (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WspWindow *self = WSP_WINDOW (widget);

  /* The record's own page: what was sent, and what to do now. */
  if (load_record (self, param) != NULL)
    show_page (self, wsp_window_get_page (self, "done"), TRUE);
}

static gboolean
wsp_window_close_request (GtkWindow *window)
{
  WspWindow *self = WSP_WINDOW (window);
  int width, height;

  update_draft (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (wsp_window_parent_class)->close_request (window);
}

static void
wsp_window_constructed (GObject *object)
{
  WspWindow *self = (WspWindow *)object;

  G_OBJECT_CLASS (wsp_window_parent_class)->constructed (object);

  if (self->store == NULL)
    self->store = g_object_ref (wsp_record_store_get_default ());

  /* An objection left unfinished last time is a row on the welcome page (assistant.resume);
   * Start begins a new one. */
  wsp_welcome_page_set_store (WSP_WELCOME_PAGE (self->pages [0]), self->store);

  wsp_window_init_records (self);
}

static void
wsp_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WspWindow *self = WSP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WspWindow *self = WSP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_window_dispose (GObject *object)
{
  WspWindow *self = (WspWindow *)object;

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_clear_handle_id (&self->notes_source, g_source_remove);
  wsp_window_dispose_records (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), WSP_TYPE_WINDOW);

  G_OBJECT_CLASS (wsp_window_parent_class)->dispose (object);
}

static void
wsp_window_finalize (GObject *object)
{
  WspWindow *self = (WspWindow *)object;

  wsp_window_finalize_records (self);
  g_clear_object (&self->objection);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->pages);

  G_OBJECT_CLASS (wsp_window_parent_class)->finalize (object);
}

/* What changed in the links, said once: the notes an accepted catalog brings that the user has
 * not been shown, on the welcome page (the model decides which: wsp_catalog_count_new_notes()). */
static void
update_notes (WspWindow *self)
{
  WspCatalog *catalog = wsp_catalog_get_current ();
  g_autofree char *seen = g_settings_get_string (self->settings, "notes-seen");
  g_autofree char *now_seen = NULL;
  guint n_new = wsp_catalog_count_new_notes (catalog, seen, &now_seen);

  if (n_new > 0)
    wsp_welcome_page_show_notes (WSP_WELCOME_PAGE (self->pages [0]), catalog, n_new);
  if (g_strcmp0 (seen, now_seen) != 0)
    g_settings_set_string (self->settings, "notes-seen", now_seen);
}

static gboolean
update_notes_once (gpointer data)
{
  WspWindow *self = data;

  self->notes_source = 0;
  update_notes (self);
  /* Not earlier: the built-in catalog is read when first asked for. */
  if (g_signal_handler_find (wsp_catalog_get_default (), G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                             0, 0, NULL, update_notes, self) == 0)
    g_signal_connect_object (wsp_catalog_get_default (), "current-changed",
                             G_CALLBACK (update_notes), self, G_CONNECT_SWAPPED);

  return G_SOURCE_REMOVE;
}

/* The notes need the catalog read, which nothing else on the welcome page does, and they are
 * rare (news that an update brings, shown once): they wait until the window has shown its
 * first frame, and come with the next. */
static void
on_first_frame (GdkFrameClock *clock,
                WspWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (self->notes_source == 0)
    self->notes_source = g_idle_add (update_notes_once, self);
}

static void
wsp_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wsp_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_frame), widget, 0);
}

static void
wsp_window_class_init (WspWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wsp_window_constructed;
  object_class->dispose = wsp_window_dispose;
  object_class->finalize = wsp_window_finalize;
  object_class->get_property = wsp_window_get_property;
  object_class->set_property = wsp_window_set_property;
  window_class->close_request = wsp_window_close_request;
  widget_class->realize = wsp_window_realize;

  /* Where the records are kept; the default store when not given. */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, WSP_TYPE_RECORD_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WspWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, next_squeezer);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, assistant_next);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, assistant_back);
  gtk_widget_class_install_action (widget_class, "assistant.manual", NULL, assistant_manual);
  gtk_widget_class_install_action (widget_class, "assistant.continue", NULL, assistant_continue);
  gtk_widget_class_install_action (widget_class, "assistant.restart", NULL, assistant_restart);
  gtk_widget_class_install_action (widget_class, "assistant.another-account", NULL,
                                   assistant_another_account);
  gtk_widget_class_install_action (widget_class, "assistant.follow-up", "s", assistant_follow_up);
  gtk_widget_class_install_action (widget_class, "assistant.resume", NULL, assistant_resume);
  gtk_widget_class_install_action (widget_class, "assistant.open-record", "s", assistant_open_record);

  wsp_window_class_init_records (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "assistant.back", NULL);
}

static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/wsp-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Makes it modal, transient for @window, hidden on close, and destroyed with @window. */
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* GtkMenuButton builds the whole popover as soon as it has a model; that waits for the first
 * click (or F10), and is not part of the first frame. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  WspWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    {
      gtk_menu_button_set_menu_model (button, self->primary_menu);
      GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

      /* Named as its button, not by its class ("GtkPopoverMenu"). */
      gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
    }
}

static const GActionEntry win_actions [] = {
  { "show-help-overlay", show_help_overlay },
};

static void
wsp_window_init (WspWindow *self)
{
  GtkEventController *controller;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_new0 (WspPage *, N_PAGES);
  wsp_widget_name_controls (GTK_WIDGET (self));
  wsp_compat_fix_accessible_tree (GTK_WIDGET (self));
  wsp_compat_name_toast_buttons (self->toast_overlay);
  /* The bars about the records file wrap their messages anywhere; the pages do this themselves. */
  wsp_compat_use_quick_measures (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->objection = wsp_objection_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);

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

WspRecordStore *
wsp_window_get_store (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);

  return self->store;
}

WspRecord *
wsp_window_get_record (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);

  return self->record;
}

WspRecord *
wsp_window_ensure_record (WspWindow *self)
{
  WspPlatform platform;
  WspRecord *record;

  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);

  platform = wsp_objection_get_current (self->objection);
  if (platform >= WSP_N_PLATFORMS)
    return NULL;

  /* The form tried first for this country; opening a form sets the one really used. */
  record = wsp_record_store_ensure_for (self->store, self->record, self->objection, self->resumed,
                                        wsp_catalog_get_form_for (wsp_catalog_get_current (),
                                                                  platform,
                                                                  wsp_objection_get_country (self->objection))->url);
  g_set_object (&self->record, record);
  g_object_unref (record);

  return self->record;
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
