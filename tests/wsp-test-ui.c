/* wsp-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wsp-application.h"
#include "wsp-record-store.h"
#include "wsp-window.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

static void
collect (GtkWidget     *root,
         GType          type,
         WspTestMatch   match,
         gconstpointer  data,
         GPtrArray     *found,
         gboolean       first_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL && !(first_only && found->len > 0);
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (match == NULL || match (child, data)))
        {
          g_ptr_array_add (found, child);
          if (first_only)
            return;
        }
      collect (child, type, match, data, found, first_only);
    }
}

GtkWidget *
wsp_test_find_widget (GtkWidget     *root,
                      GType          type,
                      WspTestMatch   match,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  collect (root, type, match, data, found, TRUE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GPtrArray *
wsp_test_find_all (GtkWidget     *root,
                   GType          type,
                   WspTestMatch   match,
                   gconstpointer  data)
{
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), found);

  collect (root, type, match, data, found, FALSE);
  return found;
}

GtkWindow *
wsp_test_show_window (GtkApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  g_assert_true (WSP_IS_WINDOW (window));

  return window;
}

static gboolean
has_no_windows (gpointer data)
{
  return gtk_application_get_windows (data) == NULL;
}

void
wsp_test_quit_app (GtkApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (wsp_test_wait_until (has_no_windows, app));
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *n_frames = data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

typedef struct {
  guint n_frames;
  guint wanted;
} FrameWait;

static gboolean
frames_done (gpointer data)
{
  FrameWait *wait = data;

  return wait->n_frames >= wait->wanted;
}

void
wsp_test_wait_for_frames (GtkWidget *widget,
                          guint      n_frames)
{
  FrameWait wait = { 0, n_frames };
  guint id;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_get_realized (widget));

  /* A tick callback makes the frame clock draw frames, one after the other. */
  id = gtk_widget_add_tick_callback (widget, count_frame, &wait.n_frames, NULL);
  g_assert_true (wsp_test_wait_until (frames_done, &wait));
  gtk_widget_remove_tick_callback (widget, id);
}

GtkWindow *
wsp_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

gboolean
wsp_test_match_action (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

gboolean
wsp_test_match_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

gboolean
wsp_test_match_label_text (GtkWidget     *widget,
                           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

gboolean
wsp_test_match_button_label (GtkWidget     *widget,
                             gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

gboolean
wsp_test_match_css_class (GtkWidget     *widget,
                          gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

void
wsp_test_init (int    *argc,
               char ***argv)
{
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

void
wsp_test_start_gtk (void)
{
  gtk_init ();
  adw_init ();
  wsp_test_bind_textdomains ();
}

void
wsp_test_init_ui (int    *argc,
                  char ***argv)
{
  wsp_test_init (argc, argv);
  wsp_test_start_gtk ();
}

void
wsp_test_init_ui_accessible (int    *argc,
                             char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  wsp_test_init_ui (argc, argv);
}

gboolean
wsp_test_shows_text (GtkWidget  *root,
                     const char *text)
{
  return wsp_test_find_widget (root, GTK_TYPE_LABEL, wsp_test_match_label_text, text) != NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} TextWait;

static gboolean
text_shown (gpointer data)
{
  TextWait *wait = data;

  return wsp_test_shows_text (wait->root, wait->text);
}

gboolean
wsp_test_wait_for_text (GtkWidget  *root,
                        const char *text)
{
  TextWait wait = { root, text };

  return wsp_test_wait_until (text_shown, &wait);
}

char *
wsp_test_new_app_id (void)
{
  static guint n_apps;

  return g_strdup_printf ("io.github.widerspruch.Widerspruch.Test.App%u", ++n_apps);
}

GtkApplication *
wsp_test_new_app (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = wsp_test_new_app_id ();
  GtkApplication *app;

  app = g_object_new (WSP_TYPE_APPLICATION,
                      "application-id", app_id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", NULL,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

GdkTexture *
wsp_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_true (gtk_widget_get_mapped (widget));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

char *
wsp_test_decode_qr (GdkTexture *texture)
{
  g_autofree char *png = NULL;
  const char *argv[] = { ZBARIMG, "--quiet", "--raw", NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  int fd;

  /* A name of its own: the same test runs in two languages at once. */
  fd = g_file_open_tmp ("qr-code-XXXXXX.png", &png, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  argv[3] = png;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_remove (png);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("zbarimg found no code (%d): %s", status, err);

  /* --raw ends each symbol's text with a newline. */
  g_assert_true (g_str_has_suffix (out, "\n"));
  out[strlen (out) - 1] = '\0';

  return g_steal_pointer (&out);
}

void
wsp_test_register_fake_browser (const char *log_path)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "fake-browser.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "fake-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", log_path);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                                  "Exec=%s %%u\n"
                                  "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                                  script);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);

  g_file_set_contents (mimeapps,
                       "[Default Applications]\n"
                       "x-scheme-handler/https=fake-browser.desktop\n"
                       "x-scheme-handler/http=fake-browser.desktop\n",
                       -1, &error);
  g_assert_no_error (error);
}

gboolean
wsp_test_match_row_title (GtkWidget     *widget,
                          gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

gboolean
wsp_test_match_row_subtitle (GtkWidget     *widget,
                             gconstpointer  data)
{
  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) == 0;
}

gboolean
wsp_test_match_icon_name (GtkWidget     *widget,
                          gconstpointer  data)
{
  return g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), data) == 0;
}

/* Clicks a real button: its "clicked" runs the action it names, at once (gtk_widget_activate()
 * would wait for the press animation). */
void
wsp_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

gboolean
wsp_test_chooser_in_folder (GtkWindow *chooser,
                            GFile     *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));

  return current != NULL && g_file_equal (current, folder);
}
typedef struct {
  gboolean  done;
  char     *text;
} TextRead;

static void
on_text_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TextRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

char *
wsp_test_clipboard_text (GdkClipboard *clipboard)
{
  TextRead read = { FALSE, NULL };

  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &read);
  g_assert_true (wsp_test_wait_for (&read.done, WSP_TEST_DEADLINE_MS));

  return read.text != NULL ? read.text : g_strdup ("(nothing)");
}

void
wsp_test_destroy_windows (GtkWindow **window)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != *window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  if (*window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
      gtk_window_destroy (*window);
      g_assert_true (WSP_TEST_WAIT_FOR (*window == NULL));
    }
}

WspWindow *
wsp_test_new_sample_window (GtkApplication *app,
                            const char     *code,
                            const char     *name)
{
  WspWindow *window = wsp_window_new (app);
  WspObjection *objection = wsp_window_get_objection (window);

  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  wsp_objection_set_country (objection, code, name);
  wsp_objection_set_email (objection, "jana@example.org");
  return window;
}

void
wsp_test_show_page (WspWindow  *window,
                    const char *name)
{
  GtkWidget *page = GTK_WIDGET (wsp_window_get_page (window, name));
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page));

  gtk_stack_set_transition_type (stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child (stack, page);
  wsp_test_wait_for_frames (GTK_WIDGET (window), 2);
}

WspWindow *
wsp_test_new_window (GtkApplication *app,
                     WspRecordStore *store)
{
  WspWindow *window = g_object_new (WSP_TYPE_WINDOW, "application", app, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  wsp_test_wait_for_frames (GTK_WIDGET (window), 2);
  return window;
}
