/* wsp-reminder.h: when Meta's confirmation is late, and a calendar reminder for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-record.h"

G_BEGIN_DECLS

/* How long after sending Meta's email may take before the app says what to do: it came within
 * minutes for some people and after about a day for others. */
#define WSP_REMINDER_OVERDUE_AFTER (24 * 60 * 60)
/* When the reminder asks the user to look again, after sending. */
#define WSP_REMINDER_REMIND_AFTER (2 * 24 * 60 * 60)

/* Whether @record was sent and not confirmed for more than a day at @now (Unix seconds). */
gboolean  wsp_reminder_is_overdue       (WspRecord  *record,
                                         gint64      now);

/* A calendar file (RFC 5545, iCalendar) with one event two days after @record was sent, with
 * an alarm at its start, that asks whether Meta's confirmation arrived. It names the platform
 * and the account's label, and holds neither the email address nor the reason. @now is the
 * file's time stamp. NULL when @record was not sent. */
char     *wsp_reminder_dup_ics          (WspRecord  *record,
                                         gint64      now);

/* One VCALENDAR with one VEVENT from @start for @minutes, with a display alarm at its start:
 * lines end in CRLF and are folded at 75 octets, text is escaped. */
char     *wsp_ics_new_event             (const char *uid,
                                         gint64      stamp,
                                         gint64      start,
                                         guint       minutes,
                                         const char *summary,
                                         const char *description);

/* A file name for the reminder, e.g. "widerspruch-reminder-facebook.ics". */
char     *wsp_reminder_dup_file_name    (WspRecord  *record);

G_END_DECLS
