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

/* The reason field keeps no more than this: a megabyte pasted by mistake would take seconds to
 * lay out on every keystroke. Text up to here stays, so that it can be shortened by hand. */
#define WSP_REASON_HARD_MAX_CHARS 10000

guint       wsp_reasons_get_n      (void);
/* Stable id ("no-consent") */
const char *wsp_reasons_get_id     (guint index);
/* Short translated title for the list */
const char *wsp_reasons_get_title  (guint index);
/* The full translated text that goes into the form */
const char *wsp_reasons_get_text   (guint index);

/* @text for showing, not for sending: control characters (but new lines and tabs) and invisible
 * format characters such as the bidi override U+202E become a visible "[U+202E]", so what the
 * user sees cannot be reordered or hidden. Joiners (emoji sequences, some scripts) and emoji tag
 * characters stay. Free with g_free(). */
char       *wsp_reasons_make_visible (const char *text);

G_END_DECLS
