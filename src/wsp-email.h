/* wsp-email.h: checks an email address as the objection form needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first problem found, in the order the values are listed. */
typedef enum {
  WSP_EMAIL_OK,
  WSP_EMAIL_EMPTY,             /* "" or NULL */
  WSP_EMAIL_TOO_LONG,          /* more than 254 bytes in total (after IDN conversion of the domain) */
  WSP_EMAIL_SPACE,             /* contains a space, tab or other white space */
  WSP_EMAIL_CONTROL,           /* contains a control character or invalid UTF-8 */
  WSP_EMAIL_NO_AT,             /* no @ at all */
  WSP_EMAIL_MANY_AT,           /* more than one @ (quoted local parts are not supported) */
  WSP_EMAIL_LOCAL_EMPTY,       /* nothing before the @ */
  WSP_EMAIL_LOCAL_TOO_LONG,    /* more than 64 bytes before the @ */
  WSP_EMAIL_LOCAL_DOTS,        /* local part starts or ends with a dot, or has two dots in a row */
  WSP_EMAIL_LOCAL_INVALID,     /* a character not allowed before the @ (e.g. , ; < > ( ) [ ] \ ") */
  WSP_EMAIL_DOMAIN_EMPTY,      /* nothing after the @ */
  WSP_EMAIL_DOMAIN_TRAILING_DOT, /* domain ends with a dot */
  WSP_EMAIL_DOMAIN_NO_DOT,     /* domain has no dot (no top-level domain) */
  WSP_EMAIL_DOMAIN_INVALID,    /* empty label, label over 63 bytes, bad character, label starts/ends with -,
                                * numeric-only top-level domain, IDN conversion fails */
} WspEmailStatus;

WspEmailStatus  wsp_email_validate        (const char     *address);
/* A translated sentence for the user that says what is wrong; NULL for WSP_EMAIL_OK. */
const char     *wsp_email_status_message  (WspEmailStatus  status);

G_END_DECLS
