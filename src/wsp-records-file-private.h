/* wsp-records-file-private.h: records.json read and written, for the record store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-objection.h"
#include "wsp-record.h"

G_BEGIN_DECLS

/* The unfinished objection and the page it was on, as the store keeps it. */
typedef struct {
  char         *page;
  /* The store's own: its current platform is the one whose form was being filled in ("both":
   * the second one may be next). */
  WspObjection *objection;
} WspDraft;

/* A draft for @page with an empty objection. */
WspDraft *wsp_draft_new               (const char     *page);
void      wsp_draft_free              (WspDraft       *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspDraft, wsp_draft_free)

/* Reads what it can into @records (of WspRecord) and @draft: returns the number of entries it
 * had to skip, or -1 when the file as a whole is not a records file. */
int       wsp_records_file_parse      (const char     *contents,
                                       gsize           length,
                                       GPtrArray      *records,
                                       WspDraft      **draft,
                                       GError        **error);
/* For a file cut off inside a record: reads the whole records before the cut. Returns how many
 * it kept, or -1 when that does not give a records file. */
int       wsp_records_file_salvage    (const char     *contents,
                                       gsize           length,
                                       GPtrArray      *records);
/* The file's contents for @records (of WspRecord) and @draft (may be NULL). */
char     *wsp_records_file_serialize  (GPtrArray      *records,
                                       const WspDraft *draft,
                                       gsize          *length);

G_END_DECLS
