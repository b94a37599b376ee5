/* wsp-fuzz.h: shared by the fuzz harnesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

int  LLVMFuzzerTestOneInput (const guint8 *data,
                             size_t        size);

/* Once per process: criticals and warnings abort, as G_DEBUG=fatal-warnings does in the tests,
 * so that a g_return_if_fail() hit by some input counts as a crash. */
static inline void
wsp_fuzz_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

G_END_DECLS
