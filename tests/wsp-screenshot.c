/* wsp-screenshot.c: renders every page of the assistant to a PNG, for data/screenshots/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: wsp-screenshot OUTDIR WIDTH HEIGHT
 *
 * Walks the flow with sample data and writes OUTDIR/<page>.png for each page. The window is
 * rendered through its own renderer, so no window manager or root window is involved. The
 * language comes from the environment (LANGUAGE=de); build-aux/screenshots sets the rest.
 * WSP_SCREENSHOT_COUNTRIES_PATH replaces iso-codes' file (a missing one shows the fallback).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "wsp-application.h"
#include "wsp-catalog.h"
#include "wsp-countries.h"
#include "wsp-follow-up.h"
#include "wsp-phone-codes.h"
#include "wsp-reasons.h"
#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-summary-page.h"
#include "wsp-test-server.h"
#include "wsp-window.h"

#define SAMPLE_COUNTRY "DE"
#define SAMPLE_EMAIL   "jana.beispiel@example.org"
#define SAMPLE_REASON  1

/* Generous: a slide takes 200 ms, but Xvfb on a loaded machine can be slow. */
#define SETTLE_TIMEOUT_MS 10000

/* Room for the shadow around the window, and Adwaita's window corners. */
#define SHADOW_MARGIN 32
#define WINDOW_RADIUS 12

typedef struct
{
  const char   *outdir;
  int           width;
  int           height;
  gboolean      failed;

  WspWindow    *window;
  WspRecordStore *store;
  /* Made before the first frame: it only takes the window's image when the window draws. */
  GdkPaintable *paintable;
} Options;

typedef struct
{
  guint      paints;
  gboolean   need_paints;
  GtkWidget *window;
} PaintCounter;

static gboolean
wake_up (gpointer data)
{
  /* Only there so that a blocking iteration returns to check the deadline. */
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                PaintCounter  *counter)
{
  counter->paints++;

  /* Nothing else may be animating: ask for the next frame ourselves. */
  if (counter->need_paints)
    gtk_widget_queue_draw (counter->window);
}

/* Iterates the main loop until @page_name is the visible page, the stack's transition has
 * finished and two frames have been drawn after that. */
static gboolean
settle (WspWindow   *window,
        const char  *page_name)
{
  GtkWidget *page = GTK_WIDGET (wsp_window_get_page (window, page_name));
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  PaintCounter counter = { 0, FALSE, GTK_WIDGET (window) };
  guint wake_id;
  gulong paint_id;

  g_assert (clock != NULL);

  wake_id = g_timeout_add (20, wake_up, NULL);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &counter);

  while (g_get_monotonic_time () < deadline &&
         (g_strcmp0 (wsp_window_get_page_name (window), page_name) != 0 ||
          gtk_stack_get_transition_running (stack)))
    g_main_context_iteration (NULL, TRUE);

  counter.paints = 0;
  counter.need_paints = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (window));

  while (g_get_monotonic_time () < deadline && counter.paints < 2)
    g_main_context_iteration (NULL, TRUE);

  counter.need_paints = FALSE;
  g_signal_handler_disconnect (clock, paint_id);
  g_source_remove (wake_id);

  if (counter.paints < 2)
    {
      g_printerr ("Page “%s” did not settle within %d ms (visible: %s)\n",
                  page_name, SETTLE_TIMEOUT_MS, wsp_window_get_page_name (window));
      return FALSE;
    }

  return TRUE;
}

/* Waits until the window has the asked-for size; the caller checks whether it got there. */
static void
wait_for_size (const Options *options)
{
  GtkWidget *widget = GTK_WIDGET (options->window);
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake_id = g_timeout_add (20, wake_up, NULL);

  while (g_get_monotonic_time () < deadline &&
         (gtk_widget_get_width (widget) != options->width ||
          gtk_widget_get_height (widget) != options->height))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
}

/* Without a compositor, GTK draws a flat resize frame around the window. The pictures leave it
 * out and give the window the rounded corners and the shadow it has on a GNOME desktop. */
static gboolean
save_png (const Options *options,
          const char    *page_name)
{
  static const GdkRGBA shadow = { 0, 0, 0, 0.22f };
  static const GdkRGBA outline = { 0, 0, 0, 0.18f };
  WspWindow *window = options->window;
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double surface_x, surface_y;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *filename = g_strconcat (page_name, ".png", NULL);
  g_autofree char *path = g_build_filename (options->outdir, filename, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, width + 2 * SHADOW_MARGIN,
                                                 height + 2 * SHADOW_MARGIN);
  GskRoundedRect frame;

  /* The paintable covers the whole surface, frame included; the window sits inside it. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  gsk_rounded_rect_init_from_rect (&frame,
                                   &GRAPHENE_RECT_INIT (SHADOW_MARGIN, SHADOW_MARGIN,
                                                        width, height),
                                   WINDOW_RADIUS);

  gtk_snapshot_append_outset_shadow (snapshot, &frame, &shadow, 0, 2, 2, 12);
  gtk_snapshot_append_outset_shadow (snapshot, &frame, &outline, 0, 0, 1, 0);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (SHADOW_MARGIN - surface_x,
                                                          SHADOW_MARGIN - surface_y));
  gdk_paintable_snapshot (options->paintable, snapshot,
                          gdk_paintable_get_intrinsic_width (options->paintable),
                          gdk_paintable_get_intrinsic_height (options->paintable));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    {
      g_printerr ("Nothing to render for page “%s”\n", page_name);
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &viewport);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("Could not write %s\n", path);
      return FALSE;
    }

  g_print ("%s: window %d×%d\n", path, width, height);
  return TRUE;
}

/* The window's default size counts the frame too: grow it until the window itself has the
 * asked-for size, so that "360" means 360 pixels for the pages, as on a phone. */
static gboolean
fit_size (const Options *options)
{
  GtkWidget *widget = GTK_WIDGET (options->window);
  int extra_width = options->width - gtk_widget_get_width (widget);
  int extra_height = options->height - gtk_widget_get_height (widget);

  if (extra_width == 0 && extra_height == 0)
    return TRUE;

  gtk_window_set_default_size (GTK_WINDOW (options->window),
                               options->width + extra_width, options->height + extra_height);

  wait_for_size (options);
  if (!settle (options->window, "welcome"))
    return FALSE;

  if (gtk_widget_get_width (widget) != options->width ||
      gtk_widget_get_height (widget) != options->height)
    {
      g_printerr ("The window is %d×%d, not %d×%d\n",
                  gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                  options->width, options->height);
      return FALSE;
    }

  return TRUE;
}

/* Depth first, in the order the widgets are shown; @skip matches are passed over. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint     *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (*skip == 0)
            return child;
          (*skip)--;
        }

      found = find_descendant (child, type, skip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_nth (WspWindow  *window,
          const char *page_name,
          GType       type,
          guint       n)
{
  GtkWidget *found = find_descendant (GTK_WIDGET (wsp_window_get_page (window, page_name)),
                                      type, &n);

  if (found == NULL)
    g_printerr ("No %s on page “%s”\n", g_type_name (type), page_name);

  return found;
}

static gboolean
go (WspWindow  *window,
    const char *action,
    const char *expected_page)
{
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);

  return settle (window, expected_page);
}

/* The end of a step on @page_name: the objection took what was entered (@taken), or @complaint
 * is said. */
static gboolean
settle_if_taken (WspWindow  *window,
                 const char *page_name,
                 gboolean    taken,
                 const char *complaint)
{
  if (!taken)
    {
      g_printerr ("%s\n", complaint);
      return FALSE;
    }

  return settle (window, page_name);
}

static gboolean
choose_platforms (WspWindow *window)
{
  /* Facebook, Instagram, then both: the third check button. */
  GtkWidget *both = find_nth (window, "platform", GTK_TYPE_CHECK_BUTTON, 2);

  if (both == NULL)
    return FALSE;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (both), TRUE);

  return settle_if_taken (window, "platform",
                          wsp_objection_get_platforms (wsp_window_get_objection (window)) ==
                          WSP_PLATFORMS_BOTH,
                          "The third check button did not choose both platforms");
}

static gboolean
choose_country (WspWindow *window)
{
  GtkWidget *list_view = find_nth (window, "country", GTK_TYPE_LIST_VIEW, 0);
  GListModel *model;
  guint n;

  if (list_view == NULL)
    return FALSE;

  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WspCountry) country = g_list_model_get_item (model, i);

      if (g_strcmp0 (wsp_country_get_code (country), SAMPLE_COUNTRY) != 0)
        continue;

      gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
      gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", i);
      break;
    }

  return settle_if_taken (window, "country",
                          g_strcmp0 (wsp_objection_get_country (wsp_window_get_objection (window)),
                                     SAMPLE_COUNTRY) == 0,
                          "Could not choose the country " SAMPLE_COUNTRY);
}

static gboolean
enter_email (WspWindow *window)
{
  GtkWidget *row = find_nth (window, "email", ADW_TYPE_ENTRY_ROW, 0);

  if (row == NULL)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (row), SAMPLE_EMAIL);

  return settle_if_taken (window, "email",
                          g_strcmp0 (wsp_objection_get_email (wsp_window_get_objection (window)),
                                     SAMPLE_EMAIL) == 0,
                          "The email page did not take the sample address");
}

static gboolean
use_reason (WspWindow *window)
{
  GtkWidget *page = GTK_WIDGET (wsp_window_get_page (window, "reason"));
  g_autofree char *expected = NULL;

  if (wsp_reasons_get_n () <= SAMPLE_REASON)
    {
      g_printerr ("There is no ready-made reason %d\n", SAMPLE_REASON);
      return FALSE;
    }

  gtk_widget_activate_action (page, "reason.use", "u", (guint32)SAMPLE_REASON);

  /* The page keeps the reason stripped. */
  expected = g_strstrip (g_strdup (wsp_reasons_get_text (SAMPLE_REASON)));

  return settle_if_taken (window, "reason",
                          g_strcmp0 (wsp_objection_get_reason (wsp_window_get_objection (window)),
                                     expected) == 0,
                          "The reason page did not take ready-made reason "
                          G_STRINGIFY (SAMPLE_REASON));
}

/* The manual page once per path: Facebook and Instagram, each in the app and in the browser. */
static gboolean
shoot_manual_paths (const Options *options)
{
  static const char * const platforms[] = { "Facebook", "Instagram" };
  static const char * const routes[] = { "app", "browser" };
  WspWindow *window = options->window;

  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      /* The page's own two toggle buttons come first, Facebook then Instagram. */
      GtkWidget *toggle = find_nth (window, "manual", GTK_TYPE_TOGGLE_BUTTON, p);

      if (toggle == NULL ||
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (toggle)), platforms[p]) != 0)
        {
          g_printerr ("No %s toggle on the manual page\n", platforms[p]);
          return FALSE;
        }
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);

      for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
        {
          GtkWidget *stack = find_nth (window, "manual", ADW_TYPE_VIEW_STACK, 0);
          g_autofree char *name = NULL;

          if (stack == NULL)
            return FALSE;

          adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), routes[r]);
          name = g_strdup_printf ("manual-%s-%s", wsp_platform_get_id (p), routes[r]);
          if (!settle (window, "manual") || !save_png (options, name))
            return FALSE;
        }
    }

  return TRUE;
}


static const WspTestRoute form_route[] = {
  { "/form", SOUP_STATUS_OK },
};

static gboolean
allow_any (const char *url,
           gpointer    user_data)
{
  return TRUE;
}

/* The summary page checks the form link. A server on this machine answers in Meta's place, so
 * that the picture shows the usual outcome and nothing leaves the machine. */
static WspTestServer *
serve_link_check (WspWindow *window)
{
  WspTestServer *server = wsp_test_server_new (form_route, G_N_ELEMENTS (form_route), NULL);
  g_autoptr(WspLinkCheck) check = wsp_link_check_new (NULL);
  g_autofree char *url = wsp_test_server_url (server, "/form");

  wsp_link_check_set_allowed_func (check, allow_any, NULL, NULL);
  wsp_summary_page_set_link_check (WSP_SUMMARY_PAGE (wsp_window_get_page (window, "summary")),
                                   check, url);

  return server;
}

static gboolean
wait_for_link_check (WspWindow *window)
{
  GtkWidget *spinner = find_nth (window, "summary", GTK_TYPE_SPINNER, 0);
  gint64 end = g_get_monotonic_time () + SETTLE_TIMEOUT_MS * 1000;

  while (spinner != NULL && gtk_spinner_get_spinning (GTK_SPINNER (spinner)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  if (spinner == NULL || gtk_spinner_get_spinning (GTK_SPINNER (spinner)))
    {
      g_printerr ("The link check on the summary page did not finish\n");
      return FALSE;
    }

  return settle (window, "summary");
}

/* Scrolls @page_name's page so that @target is at the top. */
static gboolean
scroll_to (WspWindow  *window,
           const char *page_name,
           GtkWidget  *target)
{
  GtkWidget *scrolled = target != NULL ? gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW)
                                       : NULL;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (scrolled == NULL ||
      !gtk_widget_compute_point (target, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      g_printerr ("Cannot scroll to a %s on page “%s”\n",
                  target != NULL ? G_OBJECT_TYPE_NAME (target) : "widget", page_name);
      return FALSE;
    }

  /* The viewport shows the page from the adjustment's value on. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  return settle (window, page_name);
}

/* The page of the sample Instagram record, sent long ago and not confirmed: what to do; then
 * marked refused: the authority. */
static gboolean
shoot_follow_up (const Options *options)
{
  WspWindow *window = options->window;
  g_autoptr(WspRecord) record = g_list_model_get_item (G_LIST_MODEL (options->store), 1);
  GtkWidget *page = GTK_WIDGET (window);

  GtkWidget *follow_up;

  gtk_widget_activate_action (page, "assistant.follow-up", "s", wsp_record_get_id (record));
  follow_up = find_nth (window, "done", WSP_TYPE_FOLLOW_UP, 0);
  if (follow_up == NULL || !settle (window, "done") || !scroll_to (window, "done", follow_up) ||
      !save_png (options, "follow-up"))
    return FALSE;

  /* The groups: overdue, refused, the complaint; shown from the refused one on. */
  wsp_record_set_refused (record, wsp_record_get_sent (record) + 40 * 24 * 60 * 60);
  return settle (window, "done") &&
         scroll_to (window, "done", find_nth (window, "done", ADW_TYPE_PREFERENCES_GROUP, 2)) &&
         save_png (options, "complaint");
}

/* The summary page's QR codes: the form's address, and the reason on request. */
static gboolean
shoot_phone_codes (const Options *options)
{
  WspWindow *window = options->window;
  GtkWidget *codes = find_nth (window, "summary", WSP_TYPE_PHONE_CODES, 0);
  GtkWidget *toggle = codes != NULL ? find_descendant (codes, GTK_TYPE_TOGGLE_BUTTON,
                                                       &(guint) { 0 }) : NULL;

  if (toggle == NULL)
    return FALSE;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  if (!settle (window, "summary") || !scroll_to (window, "summary", codes) ||
      !save_png (options, "summary-phone"))
    return FALSE;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  return scroll_to (window, "summary", find_nth (window, "summary", GTK_TYPE_BUTTON, 0));
}

static gboolean
run_flow (const Options *options)
{
  WspWindow *window = options->window;

  return settle (window, "welcome") && fit_size (options) && save_png (options, "welcome") &&
         go (window, "assistant.next", "platform") && choose_platforms (window) &&
         save_png (options, "platform") &&
         go (window, "assistant.next", "country") && choose_country (window) &&
         save_png (options, "country") &&
         go (window, "assistant.next", "email") && enter_email (window) &&
         save_png (options, "email") &&
         go (window, "assistant.next", "reason") && use_reason (window) &&
         save_png (options, "reason") &&
         go (window, "assistant.next", "summary") && wait_for_link_check (window) &&
         save_png (options, "summary") && shoot_phone_codes (options) &&
         go (window, "assistant.next", "done") && save_png (options, "done") &&
         go (window, "assistant.manual", "manual") && save_png (options, "manual") &&
         shoot_manual_paths (options) && shoot_follow_up (options);
}

static WspRecord *
sample_record (WspPlatform  platform,
               const char  *label,
               gint64       opened,
               gint64       sent,
               gint64       confirmed)
{
  WspRecord *record = wsp_record_new (platform);

  wsp_record_set_label (record, label);
  wsp_record_set_email (record, "jana.beispiel@example.org");
  wsp_record_set_opened (record, opened);
  wsp_record_set_sent (record, sent);
  wsp_record_set_confirmed (record, confirmed);
  wsp_record_set_country (record, "DE", g_dgettext ("iso_3166-1", "Germany"));
  return record;
}

/* Records of two accounts, for the welcome page, in a file of their own: never the user's. */
static WspRecordStore *
sample_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "records.json", NULL);
  WspRecordStore *store = wsp_record_store_new (path);
  g_autoptr(WspRecord) facebook = NULL;
  g_autoptr(WspRecord) instagram = NULL;
  const char *language = g_getenv ("LANGUAGE");
  gboolean german = language != NULL && g_str_has_prefix (language, "de");

  /* 20 May 2025, 09:12 to 18:47 UTC (build-aux/screenshots sets TZ=UTC); the labels are what a
   * user would type, so not translated. */
  facebook = sample_record (WSP_PLATFORM_FACEBOOK, german ? "Privat" : "Personal",
                            1747732320, 1747732800, 1747733460);
  instagram = sample_record (WSP_PLATFORM_INSTAGRAM, german ? "Laden" : "Shop",
                             1747766400, 1747766820, 0);

  wsp_record_store_hold (store);
  wsp_record_store_add (store, facebook);
  wsp_record_store_add (store, instagram);
  wsp_record_store_release (store);
  return store;
}

static void
on_activate (GtkApplication *app,
             Options        *options)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-screenshot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "records.json", NULL);
  g_autoptr(WspRecordStore) store = sample_store (dir);
  WspWindow *window = g_object_new (WSP_TYPE_WINDOW, "application", app, "store", store, NULL);
  g_autoptr(WspTestServer) server = serve_link_check (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "check-links", TRUE);
  options->window = window;
  options->store = store;
  /* WSP_SCREENSHOT_COUNTRIES_PATH=/nonexistent shows the country page without iso-codes. */
  if (g_getenv ("WSP_SCREENSHOT_COUNTRIES_PATH") != NULL)
    g_object_set (wsp_window_get_page (window, "country"),
                  "countries-path", g_getenv ("WSP_SCREENSHOT_COUNTRIES_PATH"), NULL);
  options->paintable = gtk_widget_paintable_new (GTK_WIDGET (window));

  gtk_window_set_default_size (GTK_WINDOW (window), options->width, options->height);
  gtk_window_present (GTK_WINDOW (window));
  /* Focus rings only after keyboard use, as for someone who clicks through. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);

  options->failed = server == NULL || !run_flow (options);

  g_clear_object (&options->paintable);
  options->window = NULL;
  options->store = NULL;
  gtk_window_destroy (GTK_WINDOW (window));

  g_remove (path);
  g_rmdir (dir);
}

static gboolean
parse_size (const char *text,
            int        *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 10000, &value, NULL))
    return FALSE;

  *out = (int)value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  Options options = { 0 };
  GtkSettings *settings;

  setlocale (LC_ALL, "");
  wsp_application_init_i18n ();

  if (argc != 4 ||
      !parse_size (argv[2], &options.width) ||
      !parse_size (argv[3], &options.height))
    {
      g_printerr ("Usage: %s OUTDIR WIDTH HEIGHT\n", argv[0]);
      return EXIT_FAILURE;
    }

  options.outdir = argv[1];
  if (g_mkdir_with_parents (options.outdir, 0755) != 0)
    {
      g_printerr ("Could not create %s\n", options.outdir);
      return EXIT_FAILURE;
    }

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", "io.github.widerspruch.Widerspruch.Screenshot",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      /* For the app's style.css, which WspApplication loads by itself. */
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &options);

  /* The same look on every machine and as on GNOME: its default font and title bar buttons, a
   * cursor that does not blink, and no animations half way. */
  gtk_init ();
  settings = gtk_settings_get_default ();
  g_object_set (settings,
                "gtk-font-name", "Cantarell 11",
                "gtk-decoration-layout", ":close",
                "gtk-cursor-blink", FALSE,
                /* Buttons fade between states: without this a picture can catch a view
                 * switcher half way. */
                "gtk-enable-animations", FALSE,
                NULL);
  /* An overlay scrollbar shows for a while after its page changes, so a picture caught it or
   * not by chance: the pictures show the pages at rest, where GNOME hides it. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, "scrollbar.overlay-indicator { opacity: 0; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  if (g_application_run (G_APPLICATION (app), 1, argv) != 0)
    return EXIT_FAILURE;

  return options.failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
