/* test-i18n.c: no English is left on any page, in any of the app's languages, and every page
 * fits a phone with large text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binary walks every page and prints each text it shows, one per line ("collect" mode). The
 * test runs it twice, in English and in the language under test, and fails on any text that
 * reads the same in both, except names and the sample data, which are the same everywhere.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>

#include "wsp-catalog.h"
#include "wsp-countries.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static const char *page_names [] = {
  "welcome", "platform", "country", "email", "reason", "summary", "done", "manual",
};

/* Texts that are the same in every language. */
static const char *same_everywhere [] = {
  "Widerspruch", "Facebook", "Instagram", "Meta", "WhatsApp", "Chile", "1", "2", "3", "4", "5", "6", "7", "8",
  "jana@example.org", "www.facebook.com",
  "https://www.facebook.com/help/contact/712876720715583",
  "io.github.widerspruch.Widerspruch",
};

/* The system's data dirs, from before the test isolated them: the walk needs the MIME database. */
static char *system_data_dirs;

/* Words a language shares with English. */
static const struct {
  const char *language;
  const char *text;
} same_in [] = {
  { "de", "Browser" },
  { "de", "Website" },
  { "it", "Browser" },
  { "it", "Email" },
  { "nl", "Accounts" },
  { "nl", "Browser" },
  { "nl", "Website" },
};

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gboolean
is_same_in (const char *language,
            const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (same_in); i++)
    if (g_str_equal (same_in [i].language, language) && g_str_equal (same_in [i].text, text))
      return TRUE;

  return FALSE;
}

static void
collect (GtkWidget *widget,
         GString   *out)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        {
          g_autofree char *line = g_strdelimit (g_strdup (text), "\n", ' ');
          g_string_append_printf (out, "%s\n", line);

          /* Cut off with "…": only the list of countries may do that. */
          if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) &&
              gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW) == NULL)
            g_string_append_printf (out, "@ellipsized %s\n", line);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, out);
}

/* Walks the pages with sample data and prints what they show. */
static int
run_collect (void)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  WspWindow *window;

  /* The app as it starts itself, with its style sheet. */
  app = wsp_test_new_app ();

  window = wsp_test_new_sample_window (app, "CL", "Chile");
  /* A phone: what does not fit here is cut off or scrolls sideways. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  wsp_test_wait_for_frames (GTK_WIDGET (window), 2);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = GTK_WIDGET (wsp_window_get_page (window, page_names [i]));

      /* Laid out at the window's width before anything is looked at. */
      wsp_test_show_page (window, page_names [i]);
      collect (GTK_WIDGET (window), out);
      {
        int min_width;

        gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        g_string_append_printf (out, "@min-width %s %d\n", page_names [i], min_width);
      }
    }

  g_print ("%s", out->str);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static GHashTable *
texts_in (const char *language)
{
  const char *argv [] = { g_test_get_filename (G_TEST_BUILT, "test-i18n", NULL), "--collect", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = 0;

  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  /* GNOME's "Large Text": everything must still fit, and nothing be cut off. */
  envp = g_environ_setenv (envp, "WSP_TEST_TEXT_SCALE", "1.5", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", system_data_dirs, TRUE);
  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("collecting texts in %s failed (wait status %d):\n%s", language, status, err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines [i] != NULL; i++)
    {
      char page [32];
      int min_width;

      /* Every page fits a phone, 360 px wide, in every language. */
      if (g_str_has_prefix (lines [i], "@ellipsized "))
        {
          g_test_message ("In %s, this text is cut off: %s", language, lines [i] + 12);
          g_test_fail ();
        }
      else if (sscanf (lines [i], "@min-width %31s %d", page, &min_width) == 2)
        {
          if (min_width > 360)
            g_test_message ("In %s, the %s page needs %d px", language, page, min_width);
          g_assert_cmpint (min_width, <=, 360);
        }
      else if (*lines [i] != '\0')
        {
          g_hash_table_add (texts, g_strdup (lines [i]));
        }
    }

  return texts;
}

/* The manual path's steps come from the catalog: where it has no labels in a language (see
 * english_only in test-catalog.c), the English steps show, with a note that says so. */
static gboolean
is_catalog_step (const char *text)
{
  WspCatalog *catalog = wsp_catalog_get_default ();

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    for (guint r = 0; r < WSP_N_ROUTES; r++)
      {
        guint n = wsp_catalog_get_n_steps (catalog, p, r, "en", NULL);

        for (guint i = 0; i < n; i++)
          {
            const WspCatalogStep *step = wsp_catalog_get_step (catalog, p, r, "en", i);

            if (g_strcmp0 (step->label, text) == 0 || g_strcmp0 (step->help, text) == 0)
              return TRUE;
          }
      }

  return FALSE;
}

/* Many countries have the same name in English and elsewhere ("Chile", "Portugal"). */
static gboolean
is_country_name (const char *text)
{
  static GHashTable *names;

  if (names == NULL)
    {
      g_autoptr(GListModel) countries = wsp_countries_load (NULL, NULL);

      g_assert_nonnull (countries);
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
        {
          g_autoptr(WspCountry) country = g_list_model_get_item (countries, i);

          g_hash_table_add (names, g_strdup (wsp_country_get_english_name (country)));
          g_hash_table_add (names, g_strdup (wsp_country_get_name (country)));
        }
    }

  return g_hash_table_contains (names, text);
}

static void
test_i18n_no_english_left (gconstpointer data)
{
  const char *language = data;
  g_autoptr(GHashTable) english = texts_in ("en");
  g_autoptr(GHashTable) translated = texts_in (language);
  g_autoptr(GString) left = g_string_new (NULL);
  GHashTableIter iter;
  const char *text;

  /* The walk must have seen the pages at all. */
  g_assert_cmpuint (g_hash_table_size (english), >, 60);
  g_assert_true (g_hash_table_contains (english, "Accounts"));

  g_hash_table_iter_init (&iter, translated);
  while (g_hash_table_iter_next (&iter, (gpointer *)&text, NULL))
    {
      if (!g_hash_table_contains (english, text))
        continue;
      if (!has_letters (text) || g_strv_contains (same_everywhere, text) ||
          is_same_in (language, text))
        continue;
      if (is_catalog_step (text) || is_country_name (text))
        continue;

      g_string_append_printf (left, "  \"%s\"\n", text);
    }

  if (left->len > 0)
    g_test_message ("English left in %s:\n%s", language, left->str);
  g_assert_cmpstr (left->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) languages = NULL;

  /* See wsp_test_init(): the MIME database is needed to load the SVG app icon. */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));

  if (argc == 2 && g_str_equal (argv [1], "--collect"))
    {
      setlocale (LC_ALL, "");
      gtk_init ();
      adw_init ();
      if (g_getenv ("WSP_TEST_TEXT_SCALE") != NULL)
        /* GNOME's "Large Text" sets the X resolution to 1.5 times 96 dpi. */
        g_object_set (gtk_settings_get_default (),
                      "gtk-xft-dpi", (int)(96 * 1024 * g_ascii_strtod (g_getenv ("WSP_TEST_TEXT_SCALE"), NULL)),
                      NULL);
      wsp_test_bind_textdomains ();
      return run_collect ();
    }

  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS") ? g_getenv ("XDG_DATA_DIRS")
                                                        : "/usr/local/share:/usr/share");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

  languages = g_strsplit (WSP_TEST_LANGUAGES, " ", -1);
  for (guint i = 0; languages [i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/no-english-left/%s", languages [i]);
      g_test_add_data_func (path, languages [i], test_i18n_no_english_left);
    }

  return g_test_run ();
}
