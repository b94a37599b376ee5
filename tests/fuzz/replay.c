/* replay.c: runs a fuzz harness over its seed corpus as an ordinary test, in every build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without clang's libFuzzer the harness is linked with this main() instead, which feeds it each
 * file of the corpus directories given as arguments once. Every input that once crashed the
 * model is in the corpus, so this is the regression test for all of them, with or without the
 * sanitizers.
 */

#include "config.h"

#include <glib.h>

#include "wsp-fuzz.h"

int
main (int    argc,
      char **argv)
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      g_assert_no_error (error);

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          g_file_get_contents (path, &contents, &length, &error);
          g_assert_no_error (error);

          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          n_inputs++;
        }
    }

  /* An empty or missing corpus would make this pass without testing anything. */
  g_assert_cmpuint (n_inputs, >, 0);
  g_print ("%u inputs, no crash\n", n_inputs);

  return 0;
}
