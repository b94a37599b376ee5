/* bench-frames.c: frame times of the real window while the country page loads, filters and
 * scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-frames
 *
 * Opens the app's window, goes to the country page (which reads iso-codes on first show), types
 * country names into its search field one key every 250 ms (longer than the search field's own
 * delay, so that every key filters the list), then scrolls the whole list down and up again. A
 * tick callback keeps the frame clock running, so a frame is due every refresh; the gap between
 * two "after-paint"s is the frame time the user sees. Prints, per phase, the median, the 95th
 * percentile and the longest gap, and how many were over 50 ms.
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-application.h"
#include "wsp-window.h"

#define FRAME_BUDGET_MS 50.0
#define FRAMES_PER_KEY 15
#define SCROLL_FRAMES 180

typedef enum {
  PHASE_IDLE,
  PHASE_OPEN_PAGE,
  PHASE_TYPING,
  PHASE_SCROLLING,
  N_PHASES
} Phase;

static const char * const phase_names [N_PHASES] = {
  "idle on the platform page",
  "to the country page (reads iso-codes)",
  "typing, one key per 250 ms",
  "scrolling the whole list",
};

static const char * const typed [] = {
  "Deutschland",
  "United Kingdom",
  "Österreich",
  "bra",
};

typedef struct {
  WspWindow     *window;
  GtkEditable   *search_entry;
  GtkAdjustment *vadjustment;
  Phase          phase;
  guint          phase_frame;
  gint64         last_paint_us;
  GArray        *gaps_ms [N_PHASES];
  gboolean       done;
  /* Typing: which word, how many characters of it. */
  guint          word;
  guint          n_chars;
} Bench;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      found = find_widget (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
next_phase (Bench *bench)
{
  bench->phase++;
  bench->phase_frame = 0;
}

/* One key per FRAMES_PER_KEY frames; after each word, one more key step clears the field.
 * Returns FALSE when all words are typed. */
static gboolean
type_step (Bench *bench)
{
  const char *word;
  const char *end;
  g_autofree char *text = NULL;

  if (bench->phase_frame % FRAMES_PER_KEY != 0)
    return TRUE;

  if (bench->word >= G_N_ELEMENTS (typed))
    return FALSE;

  word = typed [bench->word];
  if (bench->n_chars == (guint) g_utf8_strlen (word, -1))
    {
      gtk_editable_set_text (bench->search_entry, "");
      bench->word++;
      bench->n_chars = 0;
      return TRUE;
    }

  bench->n_chars++;
  end = g_utf8_offset_to_pointer (word, bench->n_chars);
  text = g_strndup (word, end - word);
  gtk_editable_set_text (bench->search_entry, text);

  return TRUE;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  GtkWidget *country_page;

  bench->phase_frame++;

  switch (bench->phase)
    {
    case PHASE_IDLE:
      if (bench->phase_frame >= 60)
        {
          next_phase (bench);
          gtk_widget_activate_action (widget, "assistant.next", NULL);
          country_page = GTK_WIDGET (wsp_window_get_page (bench->window, "country"));
          g_assert (g_strcmp0 (wsp_window_get_page_name (bench->window), "country") == 0);
          bench->search_entry = GTK_EDITABLE (find_widget (country_page, GTK_TYPE_SEARCH_ENTRY));
          bench->vadjustment = gtk_scrolled_window_get_vadjustment (
            GTK_SCROLLED_WINDOW (find_widget (country_page, GTK_TYPE_SCROLLED_WINDOW)));
        }
      break;

    case PHASE_OPEN_PAGE:
      if (bench->phase_frame >= 60)
        next_phase (bench);
      break;

    case PHASE_TYPING:
      if (!type_step (bench))
        next_phase (bench);
      break;

    case PHASE_SCROLLING:
      {
        double range = gtk_adjustment_get_upper (bench->vadjustment) -
                       gtk_adjustment_get_page_size (bench->vadjustment);
        guint frame = bench->phase_frame;
        double position = frame <= SCROLL_FRAMES ? frame : 2 * SCROLL_FRAMES - frame;

        g_assert (range > 0);
        gtk_adjustment_set_value (bench->vadjustment, range * position / SCROLL_FRAMES);
        if (frame >= 2 * SCROLL_FRAMES)
          {
            bench->done = TRUE;
            return G_SOURCE_REMOVE;
          }
      }
      break;

    case N_PHASES:
    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Bench         *bench)
{
  gint64 now_us = g_get_monotonic_time ();

  if (bench->last_paint_us != 0 && !bench->done)
    {
      double gap_ms = (now_us - bench->last_paint_us) / 1000.0;

      g_array_append_val (bench->gaps_ms [bench->phase], gap_ms);
    }
  bench->last_paint_us = now_us;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  guint over_budget = 0;
  double worst_ms = 0;

  gtk_init ();
  adw_init ();
  wsp_application_init_i18n ();

  app = adw_application_new (APP_ID ".BenchFrames", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_PREFIX);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_PHASES; i++)
    bench.gaps_ms [i] = g_array_new (FALSE, FALSE, sizeof (double));

  bench.window = wsp_window_new (GTK_APPLICATION (app));
  /* The platform page, ready to go on: it shows the objection's choice when shown. */
  wsp_objection_set_platforms (wsp_window_get_objection (bench.window), WSP_PLATFORMS_BOTH);
  gtk_widget_activate_action (GTK_WIDGET (bench.window), "assistant.next", NULL);
  g_assert (g_strcmp0 (wsp_window_get_page_name (bench.window), "platform") == 0);

  gtk_window_present (GTK_WINDOW (bench.window));
  gtk_widget_realize (GTK_WIDGET (bench.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (on_after_paint), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.window), on_tick, &bench, NULL);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("Frame times (gap between two frames, ms):\n");
  g_print ("  %-40s %6s %7s %7s %7s %7s\n", "", "frames", "median", "p95", "max", ">50ms");
  for (guint i = 0; i < N_PHASES; i++)
    {
      GArray *gaps = bench.gaps_ms [i];
      guint over = 0;

      g_array_sort (gaps, compare_doubles);
      for (guint j = 0; j < gaps->len; j++)
        if (g_array_index (gaps, double, j) > FRAME_BUDGET_MS)
          over++;

      g_print ("  %-40s %6u %7.1f %7.1f %7.1f %7u\n", phase_names [i], gaps->len,
               g_array_index (gaps, double, gaps->len / 2),
               g_array_index (gaps, double, MIN (gaps->len - 1, gaps->len * 95 / 100)),
               g_array_index (gaps, double, gaps->len - 1),
               over);

      if (i != PHASE_IDLE)
        {
          over_budget += over;
          worst_ms = MAX (worst_ms, g_array_index (gaps, double, gaps->len - 1));
        }
      g_array_unref (gaps);
    }
  g_print ("  no frame over %.0f ms while loading, typing and scrolling: %s (longest %.1f ms)\n",
           FRAME_BUDGET_MS, over_budget == 0 ? "met" : "MISSED", worst_ms);

  gtk_window_destroy (GTK_WINDOW (bench.window));

  return 0;
}
