/* wsp-first-frame.h: report the first frame of a window to build-aux/bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The environment variable build-aux/bench sets: the CLOCK_MONOTONIC time in microseconds just
 * before it exec'd the program. Unset (always, outside the benchmark), nothing happens. */
#define WSP_FIRST_FRAME_ENV "WIDERSPRUCH_BENCH_FIRST_FRAME"

/* When WSP_FIRST_FRAME_ENV is set: once @window is realized, prints "renderer=<the type name of
 * its GskRenderer>" on stdout; at the first "after-paint" of its frame clock, prints
 * "first-frame-us=<microseconds since exec>" and quits the default GApplication. */
void wsp_first_frame_watch (GtkWindow *window);

G_END_DECLS
