/* bench-startup.c: exec to first frame, and peak RSS, of two programs taking turns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-startup [--runs N] APP BARE
 *
 * Runs one untimed warm-up of each (so that both find their files in the page cache), then N
 * rounds of both, swapping which goes first every round. For every run it reads CLOCK_MONOTONIC
 * in the forked child right before exec and hands it over in WIDERSPRUCH_BENCH_FIRST_FRAME; the
 * program prints "first-frame-us=..." at its first frame and quits (src/wsp-first-frame.c). The
 * peak RSS is the child's ru_maxrss from wait4(). Both get the same environment: this one. Each
 * also says which GSK renderer drew its window ("renderer=..."), printed once per program: the
 * app may choose another than the bare window's in the same environment (src/wsp-compat.c).
 *
 * It also prints the CPU time (user + system, from exec to exit) of each: it says less about
 * what the user waits for, but much less depends on what else the machine is doing.
 */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "bench-stats.h"

/* As WSP_FIRST_FRAME_ENV in src/wsp-first-frame.h, which needs GTK; this runner does not. */
#define WSP_FIRST_FRAME_ENV "WIDERSPRUCH_BENCH_FIRST_FRAME"

/* A program that has not drawn after this long is stuck, not slow. */
#define TIMEOUT_MS 30000

typedef struct {
  const char *path;
  const char *name;
  char       *renderer;        /* as the program printed it, from its first run */
  GArray     *first_frame_ms;  /* double */
  GArray     *peak_rss_mib;    /* double */
  GArray     *cpu_ms;          /* double */
} Program;

static gboolean
run_once (Program  *program,
          double   *out_first_frame_ms,
          double   *out_peak_rss_mib,
          double   *out_cpu_ms)
{
  int fds[2];
  pid_t pid;
  g_autoptr(GString) output = g_string_new (NULL);
  struct rusage usage;
  int status;
  const char *line;
  gint64 timeout_at;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));

  if (pid == 0)
    {
      struct timespec now;
      char value[32];
      char *argv[] = { (char *) program->path, NULL };

      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);

      clock_gettime (CLOCK_MONOTONIC, &now);
      g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT,
                  (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000);
      setenv (WSP_FIRST_FRAME_ENV, value, 1);
      execv (program->path, argv);
      _exit (127);
    }

  close (fds[1]);
  timeout_at = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  for (;;)
    {
      struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
      int left_ms = (int) ((timeout_at - g_get_monotonic_time ()) / 1000);
      char buffer[512];
      ssize_t n;

      if (left_ms <= 0 || poll (&pfd, 1, left_ms) == 0)
        {
          g_printerr ("%s: no first frame after %d ms, killed\n", program->name, TIMEOUT_MS);
          kill (pid, SIGKILL);
          break;
        }

      n = read (fds[0], buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (output, buffer, n);
    }
  close (fds[0]);

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      g_error ("wait4: %s", g_strerror (errno));

  line = strstr (output->str, "first-frame-us=");
  if (line == NULL || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s: failed (status %d), printed: %s\n", program->name, status, output->str);
      return FALSE;
    }

  *out_first_frame_ms = g_ascii_strtod (line + strlen ("first-frame-us="), NULL) / 1000.0;

  line = strstr (output->str, "renderer=");
  if (program->renderer == NULL && line != NULL)
    program->renderer = g_strndup (line + strlen ("renderer="),
                                   strcspn (line + strlen ("renderer="), "\n"));
  /* ru_maxrss is in KiB on Linux. */
  *out_peak_rss_mib = usage.ru_maxrss / 1024.0;
  *out_cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;

  return TRUE;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_assert (n > 0);
  g_array_sort (sorted, bench_compare_doubles);

  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static void
print_values (const char *label,
              GArray     *values)
{
  g_print ("  %-22s", label);
  for (guint i = 0; i < values->len; i++)
    g_print (" %7.1f", g_array_index (values, double, i));
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  int runs = 7;
  Program programs[2];
  double app_ms, bare_ms, app_mib, bare_mib, app_cpu, bare_cpu, ratio, extra_mib;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each program (default 7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("APP BARE");
  g_autoptr(GError) error = NULL;
  gboolean failed = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 1)
    {
      g_printerr ("Usage: bench-startup [--runs N] APP BARE%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  programs[0] = (Program) { argv[1], "app" };
  programs[1] = (Program) { argv[2], "bare" };

  for (int i = 0; i < 2; i++)
    {
      double ms, mib, cpu;

      programs[i].first_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
      programs[i].peak_rss_mib = g_array_new (FALSE, FALSE, sizeof (double));
      programs[i].cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));

      if (!run_once (&programs[i], &ms, &mib, &cpu))
        return 1;
    }

  for (int round = 0; round < runs && !failed; round++)
    for (int turn = 0; turn < 2; turn++)
      {
        /* app, bare; then bare, app; ... */
        Program *program = &programs[(round + turn) % 2];
        double ms, mib, cpu;

        if (!run_once (program, &ms, &mib, &cpu))
          {
            failed = TRUE;
            break;
          }
        g_array_append_val (program->first_frame_ms, ms);
        g_array_append_val (program->peak_rss_mib, mib);
        g_array_append_val (program->cpu_ms, cpu);
      }

  if (failed)
    return 1;

  g_print ("Renderer: app %s, bare %s\n",
           programs[0].renderer != NULL ? programs[0].renderer : "?",
           programs[1].renderer != NULL ? programs[1].renderer : "?");
  g_print ("Runs (in order of each program's runs):\n");
  print_values ("app first frame, ms", programs[0].first_frame_ms);
  print_values ("bare first frame, ms", programs[1].first_frame_ms);
  print_values ("app peak RSS, MiB", programs[0].peak_rss_mib);
  print_values ("bare peak RSS, MiB", programs[1].peak_rss_mib);
  print_values ("app CPU time, ms", programs[0].cpu_ms);
  print_values ("bare CPU time, ms", programs[1].cpu_ms);

  app_ms = median (programs[0].first_frame_ms);
  bare_ms = median (programs[1].first_frame_ms);
  app_mib = median (programs[0].peak_rss_mib);
  bare_mib = median (programs[1].peak_rss_mib);
  app_cpu = median (programs[0].cpu_ms);
  bare_cpu = median (programs[1].cpu_ms);
  ratio = app_ms / bare_ms;
  extra_mib = app_mib - bare_mib;

  g_print ("Medians of %d runs each:\n", runs);
  g_print ("  first frame: app %.1f ms, bare %.1f ms, ratio %.2f (target <= 1.20): %s\n",
           app_ms, bare_ms, ratio, ratio <= 1.2 ? "met" : "MISSED");
  g_print ("  peak RSS:    app %.1f MiB, bare %.1f MiB, %+.1f MiB (target <= +10): %s\n",
           app_mib, bare_mib, extra_mib, extra_mib <= 10.0 ? "met" : "MISSED");
  g_print ("  CPU time:    app %.1f ms, bare %.1f ms, ratio %.2f (no target)\n",
           app_cpu, bare_cpu, app_cpu / bare_cpu);

  for (int i = 0; i < 2; i++)
    {
      g_array_unref (programs[i].first_frame_ms);
      g_array_unref (programs[i].peak_rss_mib);
      g_array_unref (programs[i].cpu_ms);
      g_free (programs[i].renderer);
    }

  return 0;
}
