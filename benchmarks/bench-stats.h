/* bench-stats.h: what the benchmarks share to summarize their measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Orders doubles for g_array_sort(). */
int bench_compare_doubles (gconstpointer a,
                           gconstpointer b);

G_END_DECLS
