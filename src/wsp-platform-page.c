/* wsp-platform-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-launcher.h"
#include "wsp-platform-page.h"

struct _WspPlatformPage
{
  WspPage         parent_instance;

  GtkCheckButton *facebook_check;
  GtkCheckButton *instagram_check;
  GtkCheckButton *both_check;
  AdwPreferencesGroup *good_to_know_group;
  /* The rows added for the catalog's facts, to replace when the catalog changes. */
  GPtrArray      *fact_rows;
};

/* The questions people ask before they choose, each shown only while the catalog in use
 * vouches for its fact. */
static const struct {
  const char *fact;
  const char *title;
  const char *text;
} facts[] = {
  { WSP_FACT_EARLIER_COUNT, N_("Objected in 2024?"),
    N_("An objection you sent in 2024 still counts. Send a new one if your email address has "
       "changed since.") },
  { WSP_FACT_ONE_PER_EMAIL, N_("One objection per email address"),
    N_("Meta counts one objection per email address: object for each address you use with "
       "Facebook or Instagram, and again after you change it.") },
  { WSP_FACT_PAGES, N_("Facebook Pages"),
    N_("A Page cannot object, and no one’s objection covers what the Page itself posts. Each "
       "person who runs a Page objects for their own account.") },
  { WSP_FACT_OTHERS_POSTS, N_("You in other people’s posts"),
    N_("Your objection covers your own account. Photos or mentions of you that others share "
       "publicly can still be used. When Meta AI shows information about you, the form for "
       "information from others (below) is the way to ask about it.") },
  { WSP_FACT_MINORS, N_("Under 18"),
    N_("Meta says it does not use the public information of accounts of people under 18.") },
  { WSP_FACT_WHATSAPP, N_("WhatsApp"),
    N_("WhatsApp has no objection form. Your chats there are not used, only what you write to "
       "Meta AI: to keep it out, do not chat with Meta AI in WhatsApp.") },
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

static GtkWidget *
make_fact_row (const char *title,
               const char *text)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "wsp-fact");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
  return row;
}

static void
update_facts (WspPlatformPage *self)
{
  WspCatalog *catalog = wsp_catalog_get_current ();

  for (guint i = 0; i < self->fact_rows->len; i++)
    adw_preferences_group_remove (self->good_to_know_group, self->fact_rows->pdata[i]);
  g_ptr_array_set_size (self->fact_rows, 0);

  /* The country is not chosen yet: only facts that hold everywhere. */
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      GtkWidget *row;

      if (!wsp_catalog_fact_applies (catalog, facts[i].fact, NULL))
        continue;

      row = make_fact_row (_(facts[i].title), _(facts[i].text));
      adw_preferences_group_add (self->good_to_know_group, row);
      g_ptr_array_add (self->fact_rows, row);
    }
}

static void
on_third_party_response (GtkWidget  *page,
                         const char *response)
{
  if (g_str_equal (response, "open"))
    wsp_launch_uri (page, wsp_catalog_get_third_party_form (wsp_catalog_get_current ())->url);
}

/* Information others shared, or no account at all: Meta's separate form, explained, never
 * mixed up with the objection. */
static void
show_third_party (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Information Others Shared About You"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               _("This is not the objection. Meta has a separate form for "
                                 "personal information about you that it got from others, such "
                                 "as what is public on the internet, and that shows up in an "
                                 "answer from Meta AI. You need no account to use it.\n\n"
                                 "The form asks for your country, name and email address, the "
                                 "prompt you typed into Meta AI, and the answer that showed your "
                                 "information, for example as a screenshot. Meta reviews each "
                                 "request under the law where you live; it does not grant it "
                                 "automatically."));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_add_response (dialog, "open", _("_Open That Form"));
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_third_party_response), widget,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_clear_pointer (&WSP_PLATFORM_PAGE (object)->fact_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, WspPlatformPage, good_to_know_group);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);

  gtk_widget_class_install_action (widget_class, "platform.third-party", NULL, show_third_party);
}

static void
wsp_platform_page_init (WspPlatformPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fact_rows = g_ptr_array_new ();
  update_facts (self);
  /* Updated links may bring other facts. */
  g_signal_connect_object (wsp_catalog_get_default (), "current-changed",
                           G_CALLBACK (update_facts), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
