/* test-manual.c: the illustrated manual paths, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-manual-page.h"
#include "wsp-test-ui.h"
#include "wsp-test-util.h"

#define T(en, de) WSP_TEST_T (en, de)

#define ILLUSTRATIONS RESOURCE_PREFIX "/illustrations/"
#define GENERIC_DESCRIPTION \
  T ("Drawing of a screen with the entry to choose marked", \
     "Zeichnung eines Bildschirms, auf dem der zu wählende Eintrag markiert ist")

/* Widgets ---------------------------------------------------------------------------------- */

/* The step cards the user can see, in order: the hidden page of the view stack does not
 * count. */
static GPtrArray *
visible_cards (GtkWidget *page)
{
  g_autoptr(GPtrArray) cards = wsp_test_find_all (page, GTK_TYPE_BOX, wsp_test_match_css_class, "wsp-step");
  GPtrArray *visible = g_ptr_array_new ();

  for (guint i = 0; i < cards->len; i++)
    {
      if (gtk_widget_is_drawable (g_ptr_array_index (cards, i)))
        g_ptr_array_add (visible, g_ptr_array_index (cards, i));
    }

  return visible;
}

/* Waiting ---------------------------------------------------------------------------------- */

typedef struct {
  GtkWidget *widget;
  gboolean   done;
} SizeWait;

static gboolean
check_size (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  SizeWait *wait = data;

  wait->done = gtk_widget_get_width (wait->widget) > 0 && gtk_widget_get_height (wait->widget) > 0;
  return wait->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Until the widget has been laid out with a size; FALSE if that never happens. */
static gboolean
wait_for_size (GtkWidget *widget)
{
  SizeWait wait = { widget, FALSE };

  /* The first tick comes with the next frame, after the layout. */
  wait.done = FALSE;
  gtk_widget_add_tick_callback (widget, check_size, &wait, NULL);
  gtk_widget_queue_resize (widget);
  return wsp_test_wait_for (&wait.done, 5000);
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_paints)
{
  (*n_paints)++;
}

static gboolean
two_paints (const guint *n_paints)
{
  return *n_paints >= 2;
}

/* After a change: until the window has been laid out and painted twice since. */
static gboolean
wait_for_layout (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_paints = 0;
  gboolean done = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_paints);
  gtk_widget_queue_resize (widget);

  for (guint i = 0; i < 50 && !done; i++)
    {
      gboolean painted = FALSE;

      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      while (!painted && g_main_context_iteration (NULL, TRUE))
        painted = n_paints > 0;
      done = two_paints (&n_paints);
    }

  g_signal_handler_disconnect (clock, id);
  return done;
}

/* Pixels ----------------------------------------------------------------------------------- */

typedef struct {
  guint opaque;  /* pixels drawn at all */
  guint accent;  /* pixels in the accent blue #3584e4 (the highlight) */
  guint corner;  /* alpha of the top left pixel */
} PixelCount;

static guchar *
download (GdkTexture *texture,
          gsize      *out_size)
{
  gsize stride = gdk_texture_get_width (texture) * 4;
  gsize size = stride * gdk_texture_get_height (texture);
  guchar *data = g_malloc (size);

  gdk_texture_download (texture, data, stride);
  *out_size = size;
  return data;
}

static PixelCount
count_pixels (GdkTexture *texture)
{
  PixelCount count = { 0, 0, 0 };
  gsize size;
  g_autofree guchar *data = download (texture, &size);

  count.corner = data[3];

  /* CAIRO_FORMAT_ARGB32, premultiplied: B G R A in memory on little endian */
  for (gsize i = 0; i + 3 < size; i += 4)
    {
      guint b = data[i], g = data[i + 1], r = data[i + 2], a = data[i + 3];

      if (a > 0)
        count.opaque++;
      if (a == 255 && ABS ((int) r - 0x35) < 8 && ABS ((int) g - 0x84) < 8 &&
          ABS ((int) b - 0xe4) < 8)
        count.accent++;
    }

  return count;
}

static gboolean
same_pixels (GdkTexture *a,
             GdkTexture *b)
{
  gsize size_a, size_b;
  g_autofree guchar *data_a = NULL;
  g_autofree guchar *data_b = NULL;

  if (gdk_texture_get_width (a) != gdk_texture_get_width (b) ||
      gdk_texture_get_height (a) != gdk_texture_get_height (b))
    return FALSE;

  data_a = download (a, &size_a);
  data_b = download (b, &size_b);
  return size_a == size_b && memcmp (data_a, data_b, size_a) == 0;
}

static GdkTexture *
load_illustration (const char *name)
{
  g_autofree char *path = g_strconcat (ILLUSTRATIONS, name, ".svg", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* A few KiB each */
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 8 * 1024);

  texture = gdk_texture_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (texture);
  return texture;
}

/* The catalog ------------------------------------------------------------------------------ */

static const char *
language (void)
{
  return T ("en", "de");
}

/* Every step of every path in the shipped catalog names a drawing the app has, and it draws. */
static void
test_manual_illustrations_shipped (void)
{
  WspCatalog *catalog = wsp_catalog_get_default ();
  const char * const languages[] = { "en", "de", "fr", "it", "es", "nl", "pl", "pt_BR" };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;
  guint n_steps = 0;

  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    for (WspRoute r = 0; r < WSP_N_ROUTES; r++)
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          guint n = wsp_catalog_get_n_steps (catalog, p, r, languages[l], NULL);

          g_assert_true (wsp_catalog_has_path (catalog, p, r));
          g_assert_cmpuint (n, >, 0);

          for (guint i = 0; i < n; i++)
            {
              const WspCatalogStep *step = wsp_catalog_get_step (catalog, p, r, languages[l], i);

              g_assert_nonnull (step->illustration);
              g_hash_table_add (seen, (gpointer) step->illustration);
              if (l < 2)
                n_steps++;
            }
        }

  /* 5 paths of 2 platforms in English and German (the AI page's in English for both) */
  g_assert_cmpuint (n_steps, ==, 5 + 9 + 5 + 8 + 3 + 3 + 3 + 3 + 2 + 2 +
                                 7 + 7 + 5 + 4 + 3 + 3 + 3 + 3 + 2 + 2);

  files = g_resources_enumerate_children (ILLUSTRATIONS, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* 23 drawings and the generic one; every drawing but the generic one is used */
  g_assert_cmpuint (g_strv_length (files), ==, 24);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 23);
  g_assert_true (g_strv_contains ((const char * const *) files, "generic.svg"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (files[i], strlen (files[i]) - strlen (".svg"));
      g_autoptr(GdkTexture) texture = NULL;
      PixelCount count;

      g_test_message ("%s", files[i]);
      g_assert_true (g_str_has_suffix (files[i], ".svg"));
      g_assert_true (g_hash_table_contains (seen, name) || strcmp (name, "generic") == 0);

      texture = load_illustration (name);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 300);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, 200);

      /* Drawn, on a transparent background, with the element to tap in the accent blue */
      count = count_pixels (texture);
      g_assert_cmpuint (count.opaque, >, 300 * 200 / 20);
      g_assert_cmpuint (count.corner, ==, 0);
      g_assert_cmpuint (count.accent, >, 150);
    }

  /* And the way the app loads them */
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      {
        g_autofree char *path = g_strconcat (ILLUSTRATIONS, name, ".svg", NULL);
        g_autoptr(GdkTexture) texture = gdk_texture_new_from_resource (path);

        g_assert_cmpint (gdk_texture_get_width (texture), ==, 300);
        g_assert_cmpint (gdk_texture_get_height (texture), ==, 200);
      }
  }
}

/* The page --------------------------------------------------------------------------------- */

typedef struct {
  GtkWindow     *window;
  WspManualPage *page;
  WspObjection  *objection;
} Fixture;

static void
show_page (Fixture    *f,
           WspCatalog *catalog,
           int         width)
{
  f->objection = wsp_objection_new ();
  f->page = g_object_new (WSP_TYPE_MANUAL_PAGE,
                          "objection", f->objection,
                          "catalog", catalog,
                          NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wsp_page_shown (WSP_PAGE (f->page));
  g_assert_true (wait_for_size (GTK_WIDGET (f->page)));
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->objection);
}

static void
choose (Fixture    *f,
        const char *platform_name,
        const char *route_id)
{
  GtkWidget *toggle = wsp_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_TOGGLE_BUTTON, wsp_test_match_button_label,
                                platform_name);
  AdwViewStack *stack = ADW_VIEW_STACK (wsp_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK,
                                                  NULL, NULL));

  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  adw_view_stack_set_visible_child_name (stack, route_id);
  g_assert_true (wait_for_layout (GTK_WIDGET (f->page)));
}

/* The steps shown for one route, in order, as (label, help) pairs in the cards. */
static void
assert_route_shown (Fixture     *f,
                    WspCatalog  *catalog,
                    WspPlatform  platform,
                    WspRoute     route,
                    GPtrArray   *cards,
                    guint       *card_index)
{
  const char *used = NULL;
  guint n = wsp_catalog_get_n_steps (catalog, platform, route, language (), &used);

  /* Its own labels, or English where the catalog has none in this language */
  g_assert_true (g_strcmp0 (used, language ()) == 0 ||
                 (g_strcmp0 (used, "en") == 0 &&
                  !wsp_catalog_has_labels (catalog, platform, route, language ())));

  for (guint i = 0; i < n; i++)
    {
      const WspCatalogStep *step = wsp_catalog_get_step (catalog, platform, route, language (), i);
      GtkWidget *card;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *picture;
      const char *alternative;

      g_assert_cmpuint (*card_index, <, cards->len);
      card = g_ptr_array_index (cards, (*card_index)++);

      /* number, label (bold), help, drawing */
      g_assert_nonnull (wsp_test_find_widget (card, GTK_TYPE_LABEL, wsp_test_match_label, number));
      g_assert_nonnull (wsp_test_find_widget (card, GTK_TYPE_LABEL, wsp_test_match_label, step->label));
      g_assert_true (gtk_widget_has_css_class (wsp_test_find_widget (card, GTK_TYPE_LABEL, wsp_test_match_label,
                                                         step->label), "heading"));
      g_assert_nonnull (wsp_test_find_widget (card, GTK_TYPE_LABEL, wsp_test_match_label, step->help));

      picture = wsp_test_find_widget (card, GTK_TYPE_PICTURE, NULL, NULL);
      g_assert_nonnull (picture);
      g_assert_cmpstr (gtk_widget_get_name (picture), ==, step->illustration);
      alternative = gtk_picture_get_alternative_text (GTK_PICTURE (picture));
      g_assert_nonnull (alternative);
      g_assert_true (g_str_has_prefix (alternative, T ("Drawing of ", "Zeichnung ")));
      g_assert_cmpstr (alternative, !=, GENERIC_DESCRIPTION);
      /* which is what assistive technologies get */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (picture),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, alternative);
      /* Rendered, at a size */
      g_assert_true (gtk_widget_is_drawable (picture));
      g_assert_cmpint (gtk_widget_get_width (picture), >, 100);
      g_assert_cmpint (gtk_widget_get_height (picture), >, 60);
    }
}

static void
assert_all_paths (Fixture *f,
                  int      width)
{
  WspCatalog *catalog = wsp_catalog_get_default ();
  const char * const route_ids[] = { "app", "browser" };
  GtkWidget *note;

  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    {
      for (guint r = 0; r < G_N_ELEMENTS (route_ids); r++)
        {
          g_autoptr(GPtrArray) cards = NULL;
          g_autoptr(GPtrArray) confirmed = NULL;
          guint card_index = 0;
          int minimum = 0;

          g_test_message ("%s %s at %d px", wsp_platform_get_name (p), route_ids[r], width);
          choose (f, wsp_platform_get_name (p), route_ids[r]);

          /* The route in front, then the two shorter ones */
          cards = visible_cards (GTK_WIDGET (f->page));
          assert_route_shown (f, catalog, p, r, cards, &card_index);
          assert_route_shown (f, catalog, p, WSP_ROUTE_GENAI, cards, &card_index);
          assert_route_shown (f, catalog, p, WSP_ROUTE_PRIVACY_CENTER, cards, &card_index);
          assert_route_shown (f, catalog, p, WSP_ROUTE_SEARCH, cards, &card_index);
          g_assert_cmpuint (card_index, ==, cards->len);

          /* When each path's labels were last confirmed (the hidden route's too) */
          confirmed = wsp_test_find_all (GTK_WIDGET (f->page), GTK_TYPE_LABEL, wsp_test_match_label,
                                T ("Path last confirmed: May 2025",
                                   "Weg zuletzt bestätigt: Mai 2025"));
          g_assert_cmpuint (confirmed->len, ==, 4);
          g_clear_pointer (&confirmed, g_ptr_array_unref);
          /* The AI page's, in English in both languages */
          confirmed = wsp_test_find_all (GTK_WIDGET (f->page), GTK_TYPE_LABEL, wsp_test_match_label,
                                T ("Path last confirmed: July 2024",
                                   "Weg zuletzt bestätigt: Juli 2024"));
          g_assert_cmpuint (confirmed->len, ==, 1);
          /* with who reported the labels in its tooltip */
          {
            g_autofree char *expected = g_strconcat (
              T ("Source: ", "Quelle: "),
              wsp_catalog_get_labels_source (catalog, p, WSP_ROUTE_GENAI, language ()), NULL);

            g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (confirmed, 0)), ==,
                             expected);
          }

          /* Fits: nothing needs more room than the window has */
          gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                              NULL, NULL, NULL);
          g_assert_cmpint (minimum, <=, width);
        }
    }

  /* The note about English labels: none in English; in German on the AI page's route only,
   * which has no German labels */
  note = wsp_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, wsp_test_match_label,
                   T ("These steps use the English labels. The platform may show them in your "
                      "language.",
                      "Diese Schritte nennen die englischen Bezeichnungen. Die Plattform zeigt "
                      "sie womöglich in Ihrer Sprache an."));
  if (wsp_test_german ())
    {
      g_assert_nonnull (note);
      g_assert_true (gtk_widget_is_drawable (note));
      /* in the box with the button that opens the AI page */
      g_assert_true (gtk_widget_is_ancestor (
        note, gtk_widget_get_parent (wsp_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON,
                                                           wsp_test_match_action,
                                                           "manual.genai"))));
    }
  else
    g_assert_null (note);
}

static void
test_manual_page_all_paths (void)
{
  Fixture f = { NULL, };

  show_page (&f, NULL, 800);
  assert_all_paths (&f, 800);
  fixture_tear_down (&f);

  /* And on a phone */
  show_page (&f, NULL, 360);
  assert_all_paths (&f, 360);
  fixture_tear_down (&f);
}

/* In each of the app's languages, each route shows the catalog's labels in that language, and
 * the note about English labels exactly on the routes that have none in it. */
static void
test_manual_page_languages (void)
{
  const char * const languages[] = { "en", "de", "fr", "it", "es", "nl", "pl", "pt_BR" };
  WspCatalog *catalog = wsp_catalog_get_default ();
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      Fixture f = { NULL, };

      g_setenv ("LANGUAGE", languages[l], TRUE);
      show_page (&f, NULL, 800);

      for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
        {
          /* The front route, then the ones below it, in the page's order */
          const WspRoute routes[] = {
            WSP_ROUTE_APP, WSP_ROUTE_GENAI, WSP_ROUTE_PRIVACY_CENTER, WSP_ROUTE_SEARCH,
          };
          g_autoptr(GPtrArray) cards = NULL;
          g_autoptr(GPtrArray) notes = NULL;
          guint n_drawn_notes = 0;
          guint n_english = 0;
          guint card_index = 0;

          g_test_message ("%s in %s", wsp_platform_get_name (p), languages[l]);
          choose (&f, wsp_platform_get_name (p), "app");
          cards = visible_cards (GTK_WIDGET (f.page));

          for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
            {
              const char *used = NULL;
              guint n = wsp_catalog_get_n_steps (catalog, p, routes[r], languages[l], &used);

              if (g_strcmp0 (used, languages[l]) != 0)
                {
                  g_assert_cmpstr (used, ==, "en");
                  n_english++;
                }

              for (guint i = 0; i < n; i++, card_index++)
                {
                  const WspCatalogStep *step = wsp_catalog_get_step (catalog, p, routes[r],
                                                                     languages[l], i);

                  g_assert_cmpuint (card_index, <, cards->len);
                  g_assert_nonnull (wsp_test_find_widget (g_ptr_array_index (cards, card_index),
                                                          GTK_TYPE_LABEL, wsp_test_match_label,
                                                          step->label));
                }
            }
          g_assert_cmpuint (card_index, ==, cards->len);

          notes = wsp_test_find_all (GTK_WIDGET (f.page), GTK_TYPE_LABEL,
                                     wsp_test_match_css_class, "wsp-language-note");
          for (guint i = 0; i < notes->len; i++)
            n_drawn_notes += gtk_widget_is_drawable (g_ptr_array_index (notes, i));
          /* English readers need no note */
          g_assert_cmpuint (n_drawn_notes, ==, strcmp (languages[l], "en") == 0 ? 0 : n_english);
        }

      fixture_tear_down (&f);
    }

  g_setenv ("LANGUAGE", saved, TRUE);
}

/* The platform follows the objection's current one. */
static void
test_manual_page_follows_platform (void)
{
  Fixture f = { NULL, };
  WspCatalog *catalog = wsp_catalog_get_default ();
  const WspCatalogStep *first;
  GtkWidget *toggle;

  show_page (&f, NULL, 800);
  toggle = wsp_test_find_widget (GTK_WIDGET (f.page), GTK_TYPE_TOGGLE_BUTTON, wsp_test_match_button_label, "Facebook");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  wsp_objection_set_platforms (f.objection, WSP_PLATFORMS_INSTAGRAM);
  wsp_page_shown (WSP_PAGE (f.page));
  toggle = wsp_test_find_widget (GTK_WIDGET (f.page), GTK_TYPE_TOGGLE_BUTTON, wsp_test_match_button_label, "Instagram");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  first = wsp_catalog_get_step (catalog, WSP_PLATFORM_INSTAGRAM, WSP_ROUTE_APP, language (), 0);
  g_assert_cmpstr (first->label, ==, T ("Profile", "Profil"));
  g_assert_nonnull (wsp_test_find_widget (GTK_WIDGET (f.page), GTK_TYPE_LABEL, wsp_test_match_label, first->label));
  fixture_tear_down (&f);
}

/* A catalog naming a drawing the app does not have: the generic one, never a blank. */
static void
test_manual_page_fallback (void)
{
  Fixture f = { NULL, };
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) generic = load_illustration ("generic");
  /* The second step of the Facebook app, in English and German */
  g_autoptr(GdkTexture) settings = load_illustration ("phone-settings");
  g_autoptr(WspCatalog) shown_catalog = NULL;
  g_autofree char *shipped_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  JsonObject *platforms;
  JsonArray *steps;
  JsonObject *step;
  const char *lang = language ();

  shipped = g_resources_lookup_data ("/io/github/widerspruch/Widerspruch/catalog.json",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  shipped_text = g_strndup (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  root = json_from_string (shipped_text, &error);
  g_assert_no_error (error);

  platforms = json_object_get_object_member (json_node_get_object (root), "platforms");
  steps = json_object_get_array_member (
            json_object_get_object_member (
              json_object_get_object_member (
                json_object_get_object_member (
                  json_object_get_object_member (platforms, "facebook"), "paths"), "app"), "steps"),
            lang);
  /* A later drawing, and a step without one */
  step = json_array_get_object_element (steps, 0);
  json_object_set_string_member (step, "illustration", "phone-hologram");
  step = json_array_get_object_element (steps, 2);
  json_object_remove_member (step, "illustration");

  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  show_page (&f, catalog, 800);
  g_object_get (f.page, "catalog", &shown_catalog, NULL);
  g_assert_true (shown_catalog == catalog);
  choose (&f, "Facebook", "app");

  /* Steps 1 and 3 fall back, step 2 keeps its own drawing */
  cards = visible_cards (GTK_WIDGET (f.page));
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *picture = wsp_test_find_widget (g_ptr_array_index (cards, i), GTK_TYPE_PICTURE, NULL, NULL);
      GdkTexture *shown = GDK_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (picture)));
      const char *alternative = gtk_picture_get_alternative_text (GTK_PICTURE (picture));
      gboolean fallback = i != 1;

      g_test_message ("step %u", i + 1);
      g_assert_cmpstr (gtk_widget_get_name (picture), ==,
                       fallback ? "generic" : "phone-settings");
      g_assert_true (same_pixels (shown, fallback ? generic : settings));
      if (fallback)
        g_assert_cmpstr (alternative, ==, GENERIC_DESCRIPTION);
      else
        g_assert_cmpstr (alternative, !=, GENERIC_DESCRIPTION);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (picture),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, alternative);
      g_assert_cmpint (gtk_widget_get_width (picture), >, 100);
    }

  /* The label is still the catalog's */
  g_assert_nonnull (wsp_test_find_widget (GTK_WIDGET (f.page), GTK_TYPE_LABEL, wsp_test_match_label,
                              T ("Menu", "Menü")));
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  wsp_test_init_ui_accessible (&argc, &argv);

  g_test_add_func ("/manual/illustrations/shipped", test_manual_illustrations_shipped);
  g_test_add_func ("/manual/page/all-paths", test_manual_page_all_paths);
  g_test_add_func ("/manual/page/follows-platform", test_manual_page_follows_platform);
  g_test_add_func ("/manual/page/languages", test_manual_page_languages);
  g_test_add_func ("/manual/page/fallback", test_manual_page_fallback);

  return g_test_run ();
}
