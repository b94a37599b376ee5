/* wsp-reminder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-reminder.h"

/* RFC 5545, 3.1: a line holds at most 75 octets, without its CRLF. */
#define ICS_LINE_OCTETS 75

gboolean
wsp_reminder_is_overdue (WspRecord *record,
                         gint64     now)
{
  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);

  return wsp_record_get_state (record) == WSP_RECORD_SENT &&
         now - wsp_record_get_sent (record) > WSP_REMINDER_OVERDUE_AFTER;
}

/* Appends "NAME:VALUE" folded: a line longer than 75 octets goes on in the next, which starts
 * with a space; a character's UTF-8 bytes stay on one line. */
static void
append_line (GString    *ics,
             const char *name,
             const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  gsize octets = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize length = g_utf8_next_char (p) - p;

      if (octets + length > ICS_LINE_OCTETS)
        {
          g_string_append (ics, "\r\n ");
          /* The space counts. */
          octets = 1;
        }
      g_string_append_len (ics, p, length);
      octets += length;
    }
  g_string_append (ics, "\r\n");
}

/* A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped. */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
          break;
        case '\n':
          g_string_append (escaped, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (escaped, *p);
        }
    }

  return g_string_free (escaped, FALSE);
}

/* A DATE-TIME in UTC (RFC 5545, 3.3.5, form 2), e.g. 20261202T093000Z. */
static char *
format_utc (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (time, "%Y%m%dT%H%M%SZ");
}

char *
wsp_ics_new_event (const char *uid,
                   gint64      stamp,
                   gint64      start,
                   guint       minutes,
                   const char *summary,
                   const char *description)
{
  g_autofree char *stamp_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *summary_text = NULL;
  g_autofree char *description_text = NULL;
  GString *ics;

  g_return_val_if_fail (uid != NULL && summary != NULL && description != NULL, NULL);

  stamp_text = format_utc (stamp);
  start_text = format_utc (start);
  end_text = format_utc (start + (gint64) minutes * 60);
  summary_text = escape_text (summary);
  description_text = escape_text (description);
  ics = g_string_new (NULL);

  append_line (ics, "BEGIN", "VCALENDAR");
  append_line (ics, "VERSION", "2.0");
  append_line (ics, "PRODID", "-//Widerspruch//Widerspruch " PACKAGE_VERSION "//EN");
  append_line (ics, "CALSCALE", "GREGORIAN");
  append_line (ics, "METHOD", "PUBLISH");
  append_line (ics, "BEGIN", "VEVENT");
  append_line (ics, "UID", uid);
  append_line (ics, "DTSTAMP", stamp_text);
  append_line (ics, "DTSTART", start_text);
  append_line (ics, "DTEND", end_text);
  append_line (ics, "SUMMARY", summary_text);
  append_line (ics, "DESCRIPTION", description_text);
  /* Free time: a reminder, not an appointment. */
  append_line (ics, "TRANSP", "TRANSPARENT");
  append_line (ics, "BEGIN", "VALARM");
  append_line (ics, "ACTION", "DISPLAY");
  append_line (ics, "DESCRIPTION", summary_text);
  append_line (ics, "TRIGGER", "PT0S");
  append_line (ics, "END", "VALARM");
  append_line (ics, "END", "VEVENT");
  append_line (ics, "END", "VCALENDAR");

  return g_string_free (ics, FALSE);
}

char *
wsp_reminder_dup_ics (WspRecord *record,
                      gint64     now)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;
  const char *description;
  const char *email;
  const char *label;
  gint64 sent;

  g_return_val_if_fail (WSP_IS_RECORD (record), NULL);

  sent = wsp_record_get_sent (record);
  if (sent == 0)
    return NULL;

  /* A label that holds the email address (people label accounts by it) stays out too. */
  email = wsp_record_get_email (record);
  label = wsp_record_get_label (record);
  if (label != NULL && email != NULL && *email != '\0' && strstr (label, email) != NULL)
    title = g_strdup (wsp_platform_get_name (wsp_record_get_platform (record)));
  else
    title = wsp_record_dup_title (record);
  /* Translators: the title of a calendar reminder; %s is e.g. "Facebook" or
   * "Instagram – Shop" */
  summary = g_strdup_printf (_("Did Meta confirm your objection? (%s)"), title);
  description = _("Widerspruch reminds you to look for Meta’s confirmation of your objection "
                  "to AI training. Search the mailbox of the address you typed into the form "
                  "for “Meta”, “Facebook” or “Instagram”, and look in its spam folder too. "
                  "If the form confirmed on screen that it was sent, your objection counts "
                  "even without the email. If it did not, and no email came, open Widerspruch "
                  "and send the form again.");
  /* The record's id is random: it says nothing about the user, and the same record gives the
   * same event, so a calendar replaces the reminder instead of adding a second one. */
  uid = g_strdup_printf ("%s-reminder@widerspruch.invalid", wsp_record_get_id (record));

  return wsp_ics_new_event (uid, now, sent + WSP_REMINDER_REMIND_AFTER, 15, summary,
                            description);
}

char *
wsp_reminder_dup_file_name (WspRecord *record)
{
  g_autofree char *platform = NULL;

  g_return_val_if_fail (WSP_IS_RECORD (record), NULL);

  platform = g_ascii_strdown (wsp_platform_get_name (wsp_record_get_platform (record)), -1);
  return g_strdup_printf ("widerspruch-reminder-%s.ics", platform);
}
