/* wsp-record-store.h: the records kept on this computer, and the unfinished objection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wsp-objection.h"
#include "wsp-record.h"

G_BEGIN_DECLS

#define WSP_RECORDS_ERROR (wsp_records_error_quark ())
typedef enum {
  WSP_RECORDS_ERROR_DAMAGED,   /* the file was unreadable or corrupt and was moved aside */
  WSP_RECORDS_ERROR_WRITE,     /* the file could not be written */
} WspRecordsError;

GQuark wsp_records_error_quark (void);

/* Where a save stands when the test hook runs. */
typedef enum {
  WSP_RECORD_SAVE_HALF_WRITTEN,   /* half of the new file is in the temporary file */
  WSP_RECORD_SAVE_BEFORE_RENAME,  /* all written and synced, not yet renamed into place */
} WspRecordSaveStage;

typedef void (*WspRecordSaveHook) (WspRecordSaveStage stage,
                                   gpointer           user_data);

#define WSP_TYPE_RECORD_STORE (wsp_record_store_get_type ())

/* A GListModel of WspRecord, in the order they were made, plus the unfinished objection
 * (notify::has-draft also tells of changes to it). Records emit "changed". */
G_DECLARE_FINAL_TYPE (WspRecordStore, wsp_record_store, WSP, RECORD_STORE, GObject)

/* The store for g_get_user_data_dir()/widerspruch/records.json, loaded on the first call. */
WspRecordStore *wsp_record_store_get_default    (void);
/* A store for @path, empty until wsp_record_store_load(). */
WspRecordStore *wsp_record_store_new            (const char        *path);
const char     *wsp_record_store_get_path       (WspRecordStore    *self);

/* Reads the file. A missing file is an empty store. A corrupt or unreadable file is moved aside
 * (records.json.broken-YYYYMMDD-HHMMSS), what could be read is kept, and the error (also kept
 * as the notice) says where the old file went. */
gboolean        wsp_record_store_load           (WspRecordStore    *self,
                                                 GError           **error);
/* Writes the file atomically. On failure the data stays in memory, save-error says why, and
 * the next change (or another call) tries again. */
gboolean        wsp_record_store_save           (WspRecordStore    *self,
                                                 GError           **error);
/* What went wrong when loading, for the user; NULL when nothing did. */
const char     *wsp_record_store_get_notice     (WspRecordStore    *self);
void            wsp_record_store_clear_notice   (WspRecordStore    *self);
/* Why the last save failed; NULL after a successful one. */
const char     *wsp_record_store_get_save_error (WspRecordStore    *self);
/* The same as the user reads it: the records could not be saved, why, and that they are kept
 * meanwhile; NULL after a successful save. */
char           *wsp_record_store_dup_save_message (WspRecordStore  *self);

/* Changes between hold and release are saved once, at the release. */
void            wsp_record_store_hold           (WspRecordStore    *self);
void            wsp_record_store_release        (WspRecordStore    *self);

void            wsp_record_store_add            (WspRecordStore    *self,
                                                 WspRecord         *record);
/* At @position, or at the end when it is past it: Undo puts a forgotten record back there. */
void            wsp_record_store_insert         (WspRecordStore    *self,
                                                 guint              position,
                                                 WspRecord         *record);
void            wsp_record_store_remove         (WspRecordStore    *self,
                                                 WspRecord         *record);
/* Forgets every record and the unfinished objection. */
void            wsp_record_store_remove_all     (WspRecordStore    *self);
WspRecord      *wsp_record_store_lookup         (WspRecordStore    *self,
                                                 const char        *id);
/* The record of @objection's current form, made or found, as a new reference; NULL when the
 * objection has no current platform. @current (may be NULL) is kept while it is of that
 * platform and either unsent or made with the same values: what was sent is proof and stays
 * as it was. Otherwise, with @resume, an unsent record of the same platform and values (a form
 * opened before an interruption); otherwise a new record for @url, added to the store. A kept
 * or found record takes the objection's current values. */
WspRecord      *wsp_record_store_ensure_for     (WspRecordStore    *self,
                                                 WspRecord         *current,
                                                 WspObjection      *objection,
                                                 gboolean           resume,
                                                 const char        *url);

/* The objection being assembled and the page it was on, kept until it is finished. The email
 * is kept only with @keep_email. */
void            wsp_record_store_set_draft      (WspRecordStore    *self,
                                                 WspObjection      *objection,
                                                 const char        *page,
                                                 gboolean           keep_email);
void            wsp_record_store_clear_draft    (WspRecordStore    *self);
/* The draft's page, or NULL when there is no draft. */
const char     *wsp_record_store_get_draft_page (WspRecordStore    *self);
WspPlatforms    wsp_record_store_get_draft_platforms (WspRecordStore *self);
/* Fills @objection from the draft; returns FALSE when there is none. */
gboolean        wsp_record_store_restore_draft  (WspRecordStore    *self,
                                                 WspObjection      *objection);

/* For tests: runs @hook during each save (see WspRecordSaveStage). */
void            wsp_record_store_set_save_hook  (WspRecordStore    *self,
                                                 WspRecordSaveHook  hook,
                                                 gpointer           user_data);

G_END_DECLS
