/* bench-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench-stats.h"

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}
