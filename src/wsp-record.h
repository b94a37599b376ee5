/* wsp-record.h: what was sent for one account, to which form and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "wsp-catalog.h"
#include "wsp-objection.h"

G_BEGIN_DECLS

typedef enum {
  WSP_RECORD_NOT_STARTED,  /* known, but the form was never opened */
  WSP_RECORD_OPENED,       /* the form was opened */
  WSP_RECORD_SENT,         /* the user says it was sent */
  WSP_RECORD_CONFIRMED,    /* the user ticked that Meta's confirmation arrived */
  WSP_RECORD_REFUSED,      /* the user marked that Meta refused it or did not answer */
} WspRecordState;

/* "Not started", "Form opened", ... in the language of the app */
const char *wsp_record_state_get_label (WspRecordState state);

#define WSP_TYPE_RECORD (wsp_record_get_type ())

G_DECLARE_FINAL_TYPE (WspRecord, wsp_record, WSP, RECORD, GObject)

/* A new record with a fresh id. */
WspRecord      *wsp_record_new               (WspPlatform   platform);
/* A record for @objection's current platform, with its country, email and reason. */
WspRecord      *wsp_record_new_from_objection (WspObjection *objection);
/* Gives @self @objection's email, country and reason (not its platform). */
void            wsp_record_update_from_objection (WspRecord    *self,
                                                  WspObjection *objection);
/* Whether @self was made with @objection's email, country and reason (not its platform). */
gboolean        wsp_record_matches_objection  (WspRecord    *self,
                                               WspObjection *objection);
/* Sets @objection to what @self was made with: its platform alone, country, email, reason. */
void            wsp_objection_load_record     (WspObjection *objection,
                                               WspRecord    *self);

const char     *wsp_record_get_id            (WspRecord    *self);
WspPlatform     wsp_record_get_platform      (WspRecord    *self);
const char     *wsp_record_get_label         (WspRecord    *self);
void            wsp_record_set_label         (WspRecord    *self,
                                              const char   *label);
const char     *wsp_record_get_email         (WspRecord    *self);
void            wsp_record_set_email         (WspRecord    *self,
                                              const char   *email);
const char     *wsp_record_get_country       (WspRecord    *self);
const char     *wsp_record_get_country_name  (WspRecord    *self);
void            wsp_record_set_country       (WspRecord    *self,
                                              const char   *code,
                                              const char   *name);
const char     *wsp_record_get_reason        (WspRecord    *self);
void            wsp_record_set_reason        (WspRecord    *self,
                                              const char   *reason);
const char     *wsp_record_get_url           (WspRecord    *self);
void            wsp_record_set_url           (WspRecord    *self,
                                              const char   *url);
/* Unix times in seconds; 0 for "not yet". */
gint64          wsp_record_get_opened        (WspRecord    *self);
void            wsp_record_set_opened        (WspRecord    *self,
                                              gint64        when);
gint64          wsp_record_get_sent          (WspRecord    *self);
void            wsp_record_set_sent          (WspRecord    *self,
                                              gint64        when);
gint64          wsp_record_get_confirmed     (WspRecord    *self);
void            wsp_record_set_confirmed     (WspRecord    *self,
                                              gint64        when);
/* When the user marked that Meta refused the objection or never answered; 0 for not. */
gint64          wsp_record_get_refused       (WspRecord    *self);
void            wsp_record_set_refused       (WspRecord    *self,
                                              gint64        when);
WspRecordState  wsp_record_get_state         (WspRecord    *self);
/* "Facebook", or "Facebook – Work" when the user gave the account a label */
char           *wsp_record_dup_title         (WspRecord    *self);
/* A date as people read it, in local time; NULL for 0. */
char           *wsp_record_format_time       (gint64        when);
/* The plain-text proof: what was sent, to which form, and when. */
char           *wsp_record_format_text       (WspRecord    *self);


G_END_DECLS
