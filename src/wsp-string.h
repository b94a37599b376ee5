/* wsp-string.h: a string field's setter, shared by the model's types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets *@field to a copy of @value; returns whether it changed. GLib 2.76 has it as g_set_str(). */
static inline gboolean
wsp_set_string (char       **field,
                const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

G_END_DECLS
