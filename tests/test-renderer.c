/* test-renderer.c: which renderer draws the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other UI tests run with GSK_RENDERER=cairo and GDK_DEBUG=gl-disable. Here each case starts
 * the app in a process of its own, with the environment a user would have, on the X server the
 * tests run on (Xvfb, whose OpenGL is Mesa's software rasterizer, llvmpipe). The parent sets the
 * environment before the child starts: GTK reads it once.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "wsp-compat.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

/* The parent's part of each case: runs it in a child with the environment set so far. */
static void
run_child (void)
{
  /* Mesa's compiled shaders go to the test's own cache, not the user's (nor, as Mesa would
   * choose with the isolated home, nowhere, with a message). */
  g_setenv ("MESA_SHADER_CACHE_DIR", g_get_user_cache_dir (), TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* In the child: starts the app as a user does, waits for its window and checks which renderer
 * draws it, and what the app recorded as its choice on the display (NULL: none). */
static void
check_window (const char *expected_renderer,
              const char *expected_choice)
{
  g_autoptr(GtkApplication) app = wsp_test_new_app ();
  GtkWidget *window;

  window = GTK_WIDGET (wsp_test_show_window (app));

  g_assert_true (WSP_TEST_WAIT_FOR (gtk_widget_get_mapped (window)));
  g_assert_true (wsp_test_shows_text (window, "Say No to AI Training"));

  g_assert_cmpstr (g_object_get_data (G_OBJECT (gdk_display_get_default ()), "gsk-renderer"), ==,
                   expected_choice);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), ==,
                   expected_renderer);

  wsp_test_quit_app (app);
}

/* No renderer chosen by the user: on llvmpipe the window is drawn with cairo, as GTK 4.14 and
 * later would do. */
static void
test_renderer_software_gl (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl_name = NULL;

      wsp_test_start_gtk ();
      gl_name = wsp_compat_get_gl_name (gdk_display_get_default ());
      g_printerr ("OpenGL: %s\n", gl_name != NULL ? gl_name : "none");
      /* Mesa on Xvfb draws in software. Without OpenGL at all (a missing package) GTK would fall
       * back to cairo by itself, and this test would prove nothing. */
      g_assert_nonnull (gl_name);
      g_assert_nonnull (strstr (gl_name, "llvmpipe"));
      check_window ("GskCairoRenderer", WSP_COMPAT_RENDERER_CAIRO);
      return;
    }

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  run_child ();
}

/* A renderer the user chose in GSK_RENDERER is used, even the GL renderer on llvmpipe, and
 * nothing asks OpenGL first. */
static void
test_renderer_user_choice (void)
{
  if (g_test_subprocess ())
    {
      wsp_test_start_gtk ();
      check_window ("GskGLRenderer", NULL);
      return;
    }

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_unsetenv ("GDK_DEBUG");
  run_child ();
}

/* With OpenGL turned off there is nothing to ask: cairo, and no choice of ours recorded. */
static void
test_renderer_gl_disabled (void)
{
  if (g_test_subprocess ())
    {
      wsp_test_start_gtk ();
      check_window ("GskCairoRenderer", NULL);
      return;
    }

  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  run_child ();
}

int
main (int   argc,
      char *argv[])
{
  /* Only the children start GTK, each in the environment its parent set. */
  wsp_test_init (&argc, &argv);
  g_test_add_func ("/renderer/software-gl", test_renderer_software_gl);
  g_test_add_func ("/renderer/user-choice", test_renderer_user_choice);
  g_test_add_func ("/renderer/gl-disabled", test_renderer_gl_disabled);

  return g_test_run ();
}
