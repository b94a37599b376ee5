/* wsp-summary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-catalog.h"
#include "wsp-launcher.h"
#include "wsp-report.h"
#include "wsp-link-check.h"
#include "wsp-phone-codes.h"
#include "wsp-reasons.h"
#include "wsp-summary-page.h"

struct _WspSummaryPage
{
  WspPage       parent_instance;

  AdwActionRow *login_row;
  AdwActionRow *first_screen_row;
  AdwActionRow *code_row;
  GtkWidget    *country_group;
  GtkButton    *open_button;
  GtkLabel     *open_label;
  GtkButton    *other_button;
  GtkLabel     *other_label;
  GtkButton    *manual_button;
  GtkWidget    *status_box;
  GtkSpinner   *status_spinner;
  GtkImage     *status_icon;
  GtkLabel     *status_label;
  AdwPreferencesGroup *fields_group;
  WspPhoneCodes *phone_codes;
  AdwActionRow *url_row;
  AdwActionRow *host_row;
  AdwActionRow *country_row;
  AdwActionRow *email_row;
  AdwActionRow *reason_row;
  GtkWidget    *reason_copy;
  GtkWidget    *country_copy;

  GSettings    *settings;
  /* "Try the Other Form" was used: the other form is the one shown and opened now. */
  gboolean      use_other;
  WspLinkCheck *link_check;
  GCancellable *check_cancellable;
  /* Tests only: the address to check instead of the form's (see set_link_check()). */
  char         *check_url;
};

G_DEFINE_FINAL_TYPE (WspSummaryPage, wsp_summary_page, WSP_TYPE_PAGE)

/* The form for this platform and country: the one to try first, or the other one once the
 * user asked for it. @other: the one not shown. */
static const WspCatalogLink *
get_form (WspSummaryPage        *self,
          const WspCatalogLink **other)
{
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  WspPlatform platform = wsp_objection_get_current (objection);
  const char *country = wsp_objection_get_country (objection);
  WspCatalog *catalog = wsp_catalog_get_current ();
  const WspCatalogLink *first;
  const WspCatalogLink *second;

  if (other != NULL)
    *other = NULL;

  if (platform >= WSP_N_PLATFORMS)
    return NULL;

  first = wsp_catalog_get_form_for (catalog, platform, country);
  second = wsp_catalog_get_other_form (catalog, platform, country);

  if (self->use_other && second != NULL)
    {
      if (other != NULL)
        *other = first;
      return second;
    }

  if (other != NULL)
    *other = second;
  return first;
}

static const char *
form_url (WspSummaryPage *self)
{
  const WspCatalogLink *form = get_form (self, NULL);

  return form != NULL ? form->url : NULL;
}

typedef enum {
  STATUS_OFF = -2,
  STATUS_CHECKING = -1,
} ExtraStatus;

/* What the check found, in one line next to the Open button. When the link seems broken, the
 * way by hand becomes the suggested action; opening stays possible in every state. */
static void
show_status (WspSummaryPage *self,
             int             status)
{
  const char *text = NULL;
  const char *icon = NULL;
  gboolean promote_manual = FALSE;

  switch (status)
    {
    case STATUS_CHECKING:
      text = _("Checking whether the form’s address answers…");
      break;
    case WSP_LINK_STATUS_REACHABLE:
      text = _("The form’s address answers.");
      icon = "emblem-ok-symbolic";
      break;
    case WSP_LINK_STATUS_OFFLINE:
      text = _("You seem to be offline. Connect to the internet, then open the form.");
      icon = "network-offline-symbolic";
      break;
    case WSP_LINK_STATUS_MOVED:
      text = _("The link seems to have moved. Try finding the form by hand first.");
      icon = "dialog-warning-symbolic";
      promote_manual = TRUE;
      break;
    case WSP_LINK_STATUS_UNKNOWN:
      text = _("Could not check the link. If it does not open the form, find the form by hand.");
      icon = "dialog-question-symbolic";
      promote_manual = TRUE;
      break;
    default:
      break;
    }

  gtk_widget_set_visible (self->status_box, text != NULL);
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_spinner_set_spinning (self->status_spinner, status == STATUS_CHECKING);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), status == STATUS_CHECKING);
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon != NULL);

  if (promote_manual)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->open_button), "suggested-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->manual_button), "flat");
      gtk_widget_add_css_class (GTK_WIDGET (self->manual_button), "pill");
      gtk_widget_add_css_class (GTK_WIDGET (self->manual_button), "suggested-action");
      gtk_button_set_label (self->manual_button, _("_Find the Form by Hand"));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "suggested-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->manual_button), "pill");
      gtk_widget_remove_css_class (GTK_WIDGET (self->manual_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->manual_button), "flat");
      gtk_button_set_label (self->manual_button, _("_Link Does Not Work?"));
    }
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WspSummaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  WspLinkStatus status;

  status = wsp_link_check_run_finish (WSP_LINK_CHECK (source), result, &error);
  /* Cancelled: the page moved on to another check, or went away. */
  if (error != NULL)
    return;

  g_clear_object (&self->check_cancellable);
  show_status (self, status);
}

static void
start_check (WspSummaryPage *self)
{
  WspPlatform platform = wsp_objection_get_current (wsp_page_get_objection (WSP_PAGE (self)));
  const char *url = self->check_url != NULL ? self->check_url : form_url (self);

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);

  if (url == NULL || !g_settings_get_boolean (self->settings, "check-links"))
    {
      show_status (self, STATUS_OFF);
      return;
    }

  if (self->link_check == NULL)
    self->link_check = wsp_link_check_new (NULL);

  self->check_cancellable = g_cancellable_new ();
  show_status (self, STATUS_CHECKING);
  wsp_link_check_run_async (self->link_check, url,
                            wsp_catalog_get_hosts (wsp_catalog_get_current (), platform),
                            self->check_cancellable, on_checked, g_object_ref (self));
}

static char *
form_host (WspSummaryPage *self)
{
  const char *url = form_url (self);
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
}

/* The steps before the fields match the form that opens: its first screen, and Brazil's
 * emailed code. */
static void
update_checklist (WspSummaryPage       *self,
                  const WspCatalogLink *form)
{
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  WspCatalog *catalog = wsp_catalog_get_current ();

  if (form->first_screen == WSP_FIRST_SCREEN_CHOICE)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->first_screen_row),
                                     _("Choose your own information"));
      adw_action_row_set_subtitle (self->first_screen_row,
                                   _("If the form first offers a choice, pick the objection to "
                                     "the use of your information for AI at Meta: not the one "
                                     "about information from third parties, and not “a different "
                                     "objection”."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->first_screen_row),
                                     _("Answer “Yes”"));
      adw_action_row_set_subtitle (self->first_screen_row,
                                   _("If the form first asks whether your request is about AI "
                                     "at Meta, answer yes."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->code_row),
                          wsp_catalog_fact_applies (catalog, WSP_FACT_EMAILED_CODE,
                                                    wsp_objection_get_country (objection)));
  gtk_widget_set_visible (self->country_group,
                          wsp_catalog_fact_applies (catalog, WSP_FACT_BRAZIL_SCOPE,
                                                    wsp_objection_get_country (objection)));
}

static void
update (WspSummaryPage *self)
{
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  WspPlatform platform = wsp_objection_get_current (objection);
  const char *reason = wsp_objection_get_reason (objection);
  const char *country = wsp_objection_get_country_name (objection);
  g_autofree char *host = form_host (self);
  g_autofree char *login = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *links = NULL;
  const WspCatalogLink *other = NULL;
  const WspCatalogLink *form = get_form (self, &other);
  const char *name;

  if (platform >= WSP_N_PLATFORMS)
    return;

  name = wsp_platform_get_name (platform);

  /* The platform's name alone: anything longer is cut off in the header at phone width. */
  wsp_page_set_title (WSP_PAGE (self), name);

  /* Translators: %s is Facebook or Instagram */
  login = g_strdup_printf (_("Log in to %s in your browser before you open the form: it only opens "
                             "for people who are logged in."), name);
  adw_action_row_set_subtitle (self->login_row, login);

  /* Translators: %s is Facebook or Instagram */
  open_label = g_strdup_printf (_("_Open the %s Form"), name);
  if (g_strcmp0 (gtk_label_get_label (self->open_label), open_label) != 0)
    gtk_label_set_label (self->open_label, open_label);

  update_checklist (self, form);

  adw_action_row_set_subtitle (self->url_row, form->url);
  /* The link's own date, never the catalog's: that one says when the file was put together. */
  confirmed = wsp_catalog_format_month (form->confirmed);
  /* Translators: the first %s is a month like "May 2025", the second who reported the form's
   * address (in English, from the catalog) */
  links = g_strdup_printf (_("This form’s address was last confirmed in %s. Source: %s."),
                           confirmed, form->source);
  adw_preferences_group_set_description (self->fields_group, links);

  gtk_widget_set_visible (GTK_WIDGET (self->other_button), other != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->other_label), other != NULL);
  if (other != NULL)
    {
      g_autofree char *other_month = wsp_catalog_format_month (other->confirmed);
      /* Translators: %s is a month like "May 2025" */
      g_autofree char *other_text = g_strdup_printf (_("If this one does not open: Meta’s other "
                                                       "form, last confirmed in %s."),
                                                     other_month);

      gtk_label_set_label (self->other_label, other_text);
    }
  adw_action_row_set_subtitle (self->host_row, host);
  adw_action_row_set_subtitle (self->email_row, wsp_objection_get_email (objection));

  adw_action_row_set_subtitle (self->country_row,
                               country != NULL ? country : _("Not chosen: pick it in the form"));
  gtk_widget_set_sensitive (self->country_copy, country != NULL);

  /* Shown with hidden characters made visible; "Copy" gives the text exactly as typed. */
  if (reason != NULL && *reason != '\0')
    {
      g_autofree char *shown = wsp_reasons_make_visible (reason);

      adw_action_row_set_subtitle (self->reason_row, shown);
    }
  else
    adw_action_row_set_subtitle (self->reason_row, _("None: leave the field empty"));
  gtk_widget_set_sensitive (self->reason_copy, reason != NULL && *reason != '\0');

  wsp_phone_codes_set_texts (self->phone_codes, form_url (self), reason);
}

static void
copy_field (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (widget);
  WspObjection *objection = wsp_page_get_objection (WSP_PAGE (self));
  const char *field = g_variant_get_string (param, NULL);
  g_autofree char *host = NULL;
  GdkClipboard *clipboard;
  const char *text = NULL;
  const char *toast = NULL;

  if (g_str_equal (field, "url"))
    {
      text = form_url (self);
      toast = _("Form address copied");
    }
  else if (g_str_equal (field, "host"))
    {
      text = host = form_host (self);
      toast = _("Website copied");
    }
  else if (g_str_equal (field, "country"))
    {
      text = wsp_objection_get_country_name (objection);
      toast = _("Country copied");
    }
  else if (g_str_equal (field, "email"))
    {
      text = wsp_objection_get_email (objection);
      toast = _("Email address copied");
    }
  else if (g_str_equal (field, "reason"))
    {
      text = wsp_objection_get_reason (objection);
      toast = _("Reason copied");
    }

  if (text == NULL || *text == '\0')
    return;

  clipboard = gtk_widget_get_clipboard (widget);
  gdk_clipboard_set_text (clipboard, text);

  /* On X11 the clipboard is always there, and GDK claims it with the server's current time;
   * the claim fails only when the X server refuses it (another program claiming it at that very
   * moment), which leaves it not ours. Say so rather than report a copy that did not happen. */
  if (!gdk_clipboard_is_local (clipboard))
    toast = _("Could not copy: the clipboard did not take the text. Please try again.");

  wsp_widget_add_toast (widget, adw_toast_new (toast));
}

/* Opens a new issue about the form's link on the project's tracker; nothing about the user. */
static void
report_link (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (widget);
  WspPlatform platform = wsp_objection_get_current (wsp_page_get_objection (WSP_PAGE (self)));
  const char *url = form_url (self);
  g_autofree char *report = NULL;

  if (url == NULL)
    return;

  report = wsp_report_link_problem_url (wsp_catalog_get_current (), platform, "form", url);
  wsp_launch_uri (widget, report);
}

static void
open_form (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (widget);
  const char *url = form_url (self);

  if (url == NULL)
    return;

  wsp_launch_uri (widget, url);
  /* Even when no browser opens it: the error offers the link to copy and open by hand. */
  gtk_widget_activate_action (widget, "records.opened", "s", url);
}

/* The other form becomes the one shown, opened and checked; the first one is then "the other". */
static void
open_other_form (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (widget);
  const WspCatalogLink *other = NULL;

  get_form (self, &other);
  if (other == NULL)
    return;

  self->use_other = !self->use_other;
  update (self);
  start_check (self);
  gtk_widget_activate_action (widget, "summary.open", NULL);
}

static void
refresh (WspSummaryPage *self)
{
  update (self);
  start_check (self);
}

static void
wsp_summary_page_shown (WspPage *page)
{
  WspSummaryPage *self = WSP_SUMMARY_PAGE (page);

  /* Each time the page comes up (another platform, another country), the first choice first. */
  self->use_other = FALSE;
  refresh (self);
}

static GtkWidget *
wsp_summary_page_get_initial_focus (WspPage *page)
{
  return GTK_WIDGET (WSP_SUMMARY_PAGE (page)->open_button);
}

static void
on_changed (WspSummaryPage *self)
{
  self->use_other = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
wsp_summary_page_constructed (GObject *object)
{
  WspSummaryPage *self = (WspSummaryPage *)object;

  G_OBJECT_CLASS (wsp_summary_page_parent_class)->constructed (object);

  /* A later platform ("both") changes the form while the page may be showing. */
  g_signal_connect_object (wsp_page_get_objection (WSP_PAGE (self)), "notify::current",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  /* Updated links may arrive while the page is showing. */
  g_signal_connect_object (wsp_catalog_get_default (), "current-changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

static void
wsp_summary_page_dispose (GObject *object)
{
  WspSummaryPage *self = (WspSummaryPage *)object;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->link_check);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->check_url, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_SUMMARY_PAGE);

  G_OBJECT_CLASS (wsp_summary_page_parent_class)->dispose (object);
}

static void
wsp_summary_page_class_init (WspSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WspPageClass *page_class = WSP_PAGE_CLASS (klass);

  object_class->constructed = wsp_summary_page_constructed;
  object_class->dispose = wsp_summary_page_dispose;
  page_class->shown = wsp_summary_page_shown;
  page_class->get_initial_focus = wsp_summary_page_get_initial_focus;

  g_type_ensure (WSP_TYPE_PHONE_CODES);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, first_screen_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, country_group);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, open_label);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, other_button);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, other_label);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, manual_button);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, phone_codes);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, reason_copy);
  gtk_widget_class_bind_template_child (widget_class, WspSummaryPage, country_copy);

  gtk_widget_class_install_action (widget_class, "summary.copy", "s", copy_field);
  gtk_widget_class_install_action (widget_class, "summary.open", NULL, open_form);
  gtk_widget_class_install_action (widget_class, "summary.report", NULL, report_link);
  gtk_widget_class_install_action (widget_class, "summary.open-other", NULL, open_other_form);
}

static void
wsp_summary_page_init (WspSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

/**
 * wsp_summary_page_set_link_check:
 * @check: (nullable): the checker to use; %NULL makes the app's own on the next check
 * @url: (nullable): the address to check instead of the form's
 *
 * For tests only. The app checks the form's address from the catalog in use, which is always
 * on Meta's hosts; a test has nothing there to talk to, and a catalog cannot name 127.0.0.1.
 * So a test hands in a checker whose allow list it replaced, and its server's address. The
 * form that Open launches stays the catalog's.
 */
void
wsp_summary_page_set_link_check (WspSummaryPage *self,
                                 WspLinkCheck   *check,
                                 const char     *url)
{
  g_return_if_fail (WSP_IS_SUMMARY_PAGE (self));
  g_return_if_fail (check == NULL || WSP_IS_LINK_CHECK (check));

  g_set_object (&self->link_check, check);
  g_free (self->check_url);
  self->check_url = g_strdup (url);
}
