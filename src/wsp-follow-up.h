/* wsp-follow-up.h: what to do after sending: a late confirmation, a refusal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_FOLLOW_UP (wsp_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (WspFollowUp, wsp_follow_up, WSP, FOLLOW_UP, AdwBin)

GtkWidget *wsp_follow_up_new             (void);

/* The record it is about, or NULL (then it shows nothing). */
void       wsp_follow_up_set_record      (WspFollowUp *self,
                                          WspRecord   *record);
WspRecord *wsp_follow_up_get_record      (WspFollowUp *self);

/* The first thing to do about a late confirmation, where the focus goes when the page with
 * this opens; NULL when the confirmation is not late. */
GtkWidget *wsp_follow_up_get_first_step  (WspFollowUp *self);

/* Writes the reminder for the record to @file, as "Add a Reminder" does once the user chose a
 * file; on failure shows a message that says why. Returns whether it was written. */
gboolean   wsp_follow_up_save_reminder   (WspFollowUp *self,
                                          GFile       *file);

G_END_DECLS
