/* wsp-email.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-email.h"

#define MAX_ADDRESS_BYTES 254
#define MAX_LOCAL_BYTES 64
#define MAX_LABEL_BYTES 63

/* Anything this long is too long whatever the IDN conversion does; stops us from converting
 * megabytes of pasted text on every keystroke. */
#define HOPELESSLY_LONG (4 * MAX_ADDRESS_BYTES)

typedef struct {
  gboolean has_space;
  gboolean has_control;
} Scan;

static gboolean
is_control (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
      return TRUE;

    case G_UNICODE_FORMAT:
      /* Invisible characters (zero-width space, byte order mark, direction marks) sneak in
       * with copy and paste. ZWNJ and ZWJ are real parts of words in some scripts. */
      return c != 0x200C && c != 0x200D;

    default:
      return FALSE;
    }
}

static void
scan_characters (const char *address,
                 Scan       *scan)
{
  const char *p = address;

  g_assert (address != NULL);
  g_assert (scan != NULL);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid UTF-8: note it and go on byte by byte, so a space later on is still
           * reported first, as the order of the statuses asks. */
          if (g_ascii_isspace (*p))
            scan->has_space = TRUE;
          else
            scan->has_control = TRUE;
          p++;
          continue;
        }

      if (g_unichar_isspace (c))
        scan->has_space = TRUE;
      else if (is_control (c))
        scan->has_control = TRUE;

      p = g_utf8_next_char (p);
    }
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

/* The domain as it goes over the wire: ASCII, internationalized labels in punycode. NULL when
 * the conversion fails. */
static char *
domain_to_ascii (const char *domain)
{
  g_assert (domain != NULL);

  if (is_ascii (domain))
    return g_strdup (domain);

  if (!g_utf8_validate (domain, -1, NULL))
    return NULL;

  return g_hostname_to_ascii (domain);
}

/* The length that counts for the 254 byte limit (RFC 5321 path length, RFC 3696 errata):
 * the local part as typed plus the domain in its ASCII form when it can be converted. */
static gsize
address_length (const char *address,
                gsize       raw_length)
{
  const char *at = strchr (address, '@');
  g_autofree char *ascii = NULL;

  if (at == NULL || strchr (at + 1, '@') != NULL || at[1] == '\0')
    return raw_length;

  ascii = domain_to_ascii (at + 1);
  if (ascii == NULL)
    return raw_length;

  return (gsize) (at - address) + 1 + strlen (ascii);
}

static gboolean
is_local_char (char c)
{
  /* RFC 5322 atext plus the dot (RFC 6531 adds every non-ASCII character). Quoted local parts
   * are legal but nobody uses them and the forms reject them, so they are not supported. */
  if ((guchar) c >= 0x80 || g_ascii_isalnum (c))
    return TRUE;

  return strchr ("!#$%&'*+-/=?^_`{|}~.", c) != NULL;
}

static gboolean
is_numeric (const char *label,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (label[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_valid_ascii_domain (const char *domain)
{
  const char *label = domain;
  const char *last_label = domain;

  g_assert (domain != NULL);

  while (TRUE)
    {
      const char *end = strchr (label, '.');
      gsize length = end != NULL ? (gsize) (end - label) : strlen (label);

      if (length == 0 || length > MAX_LABEL_BYTES)
        return FALSE;

      if (label[0] == '-' || label[length - 1] == '-')
        return FALSE;

      for (gsize i = 0; i < length; i++)
        if (!g_ascii_isalnum (label[i]) && label[i] != '-')
          return FALSE;

      last_label = label;
      if (end == NULL)
        break;
      label = end + 1;
    }

  /* "1.2.3.4" is an IP address, not a domain; no top-level domain is all digits. */
  return !is_numeric (last_label, strlen (last_label));
}

WspEmailStatus
wsp_email_validate (const char *address)
{
  Scan scan = { FALSE, FALSE };
  const char *at;
  const char *domain;
  gsize raw_length;
  gsize local_length;
  gsize domain_length;
  g_autofree char *ascii_domain = NULL;

  if (address == NULL || address[0] == '\0')
    return WSP_EMAIL_EMPTY;

  raw_length = strlen (address);
  if (raw_length > HOPELESSLY_LONG || address_length (address, raw_length) > MAX_ADDRESS_BYTES)
    return WSP_EMAIL_TOO_LONG;

  scan_characters (address, &scan);
  if (scan.has_space)
    return WSP_EMAIL_SPACE;
  if (scan.has_control)
    return WSP_EMAIL_CONTROL;

  at = strchr (address, '@');
  if (at == NULL)
    return WSP_EMAIL_NO_AT;
  if (strchr (at + 1, '@') != NULL)
    return WSP_EMAIL_MANY_AT;

  local_length = (gsize) (at - address);
  if (local_length == 0)
    return WSP_EMAIL_LOCAL_EMPTY;
  if (local_length > MAX_LOCAL_BYTES)
    return WSP_EMAIL_LOCAL_TOO_LONG;

  if (address[0] == '.' || at[-1] == '.' || g_strstr_len (address, local_length, "..") != NULL)
    return WSP_EMAIL_LOCAL_DOTS;

  for (gsize i = 0; i < local_length; i++)
    if (!is_local_char (address[i]))
      return WSP_EMAIL_LOCAL_INVALID;

  domain = at + 1;
  domain_length = strlen (domain);
  if (domain_length == 0)
    return WSP_EMAIL_DOMAIN_EMPTY;
  if (domain[domain_length - 1] == '.')
    return WSP_EMAIL_DOMAIN_TRAILING_DOT;
  if (strchr (domain, '.') == NULL)
    return WSP_EMAIL_DOMAIN_NO_DOT;

  /* The labels are checked in their ASCII form: that is what has to be a valid host name, and
   * it is how an internationalized label's length counts. */
  ascii_domain = domain_to_ascii (domain);
  if (ascii_domain == NULL || !is_valid_ascii_domain (ascii_domain))
    return WSP_EMAIL_DOMAIN_INVALID;

  return WSP_EMAIL_OK;
}

const char *
wsp_email_status_message (WspEmailStatus status)
{
  switch (status)
    {
    case WSP_EMAIL_OK:
      return NULL;

    case WSP_EMAIL_EMPTY:
      return _("Enter an email address, like name@example.org.");

    case WSP_EMAIL_TOO_LONG:
      return _("The address is too long. An email address can have at most 254 characters.");

    case WSP_EMAIL_SPACE:
      return _("The address cannot contain spaces. Remove them, so it looks like "
               "name@example.org.");

    case WSP_EMAIL_CONTROL:
      return _("The address contains an invisible or unreadable character. "
               "Try typing it instead of pasting it.");

    case WSP_EMAIL_NO_AT:
      return _("The address needs an @ between the name and the domain, like name@example.org.");

    case WSP_EMAIL_MANY_AT:
      return _("The address can have only one @. Remove the extra ones.");

    case WSP_EMAIL_LOCAL_EMPTY:
      return _("The name before the @ is missing. Add it, like name@example.org.");

    case WSP_EMAIL_LOCAL_TOO_LONG:
      return _("The name before the @ is too long. It can have at most 64 characters.");

    case WSP_EMAIL_LOCAL_DOTS:
      return _("The name before the @ cannot start or end with a dot or have two dots in a row.");

    case WSP_EMAIL_LOCAL_INVALID:
      return _("The name before the @ contains a character that is not allowed there, "
               "such as a comma, semicolon, bracket, quote or backslash. Remove it.");

    case WSP_EMAIL_DOMAIN_EMPTY:
      return _("The domain after the @ is missing. Add it, like name@example.org.");

    case WSP_EMAIL_DOMAIN_TRAILING_DOT:
      return _("The address cannot end with a dot. Remove the last dot.");

    case WSP_EMAIL_DOMAIN_NO_DOT:
      return _("The domain after the @ needs a dot and an ending, like example.org.");

    case WSP_EMAIL_DOMAIN_INVALID:
      return _("The domain after the @ is not valid. Check it for typing mistakes; it can have "
               "only letters, digits, hyphens and dots, like example.org.");

    default:
      break;
    }

  g_return_val_if_reached (NULL);
}
