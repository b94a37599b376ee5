/* wsp-json.h: what json-glib 1.6 must not be given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WSP_JSON_OK,
  WSP_JSON_NOT_UTF8,
  WSP_JSON_TOO_DEEP,          /* nested deeper than the caller allows */
  WSP_JSON_SEVERAL_VALUES,    /* "{}{}": more than one value at the top level */
  WSP_JSON_NUL,               /* an escaped NUL, "\u0000" */
  WSP_JSON_BROKEN_ESCAPE,     /* a lone or broken surrogate, or \u without four hex digits */
  WSP_JSON_UNKNOWN_ESCAPE,    /* a backslash before anything JSON does not define */
  WSP_JSON_DUPLICATE_KEY,     /* {"a": 1, "a": 2}: json-glib would keep the last silently */
} WspJsonProblem;

/* Checks @data before it goes to json-glib 1.6, which crashes on deep nesting, cuts strings at
 * an escaped NUL, decodes lone surrogates into invalid UTF-8, leaks on broken surrogate pairs,
 * short escapes and several top-level values, and lets unknown escapes through (all found by
 * the fuzzers), and keeps the last of two members with one name. Every loader of untrusted
 * JSON calls it first. */
WspJsonProblem wsp_json_check (const char *data,
                               gsize       size,
                               guint       max_depth);

/* A short translated phrase for @problem, e.g. "not JSON: more than one value". */
const char    *wsp_json_problem_message (WspJsonProblem problem);

G_END_DECLS
