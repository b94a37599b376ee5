/* fuzz-email.c: libFuzzer harness for the email address check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides not crashing, an address that passes must keep the promises the header makes: at most
 * 254 bytes, exactly one @, valid UTF-8, no white space.
 */

#include "config.h"

#include <string.h>

#include "wsp-email.h"
#include "wsp-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *address = g_strndup ((const char *) data, size);
  WspEmailStatus status;
  const char *at;

  wsp_fuzz_init ();

  status = wsp_email_validate (address);
  g_assert_cmpint (status, >=, WSP_EMAIL_OK);
  g_assert_cmpint (status, <=, WSP_EMAIL_DOMAIN_INVALID);

  if (status != WSP_EMAIL_OK)
    {
      g_assert_nonnull (wsp_email_status_message (status));
      return 0;
    }

  g_assert_null (wsp_email_status_message (status));
  g_assert_true (g_utf8_validate (address, -1, NULL));
  at = strchr (address, '@');
  g_assert_nonnull (at);
  g_assert_null (strchr (at + 1, '@'));
  g_assert_cmpuint (at - address, >=, 1);
  g_assert_cmpuint (at - address, <=, 64);
  g_assert_null (strpbrk (address, " \t\n\r\f\v"));
  /* The same address again gives the same answer. */
  g_assert_cmpint (wsp_email_validate (address), ==, WSP_EMAIL_OK);

  return 0;
}
