/* wsp-reasons.h: ready-made reasons for the objection's free-text field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Meta's form accepts is not documented; this is a generous limit that keeps the text
 * readable and well below what web forms commonly cut at. */
#define WSP_REASON_MAX_CHARS 2000

guint       wsp_reasons_get_n      (void);
/* Stable id ("no-consent") */
const char *wsp_reasons_get_id     (guint index);
/* Short translated title for the list */
const char *wsp_reasons_get_title  (guint index);
/* The full translated text that goes into the form */
const char *wsp_reasons_get_text   (guint index);

G_END_DECLS
