/* wsp-record-pdf.h: a record as a one-page PDF and as plain text, for the user to keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wsp-record.h"

G_BEGIN_DECLS

/* Writes @record to @path as a one-page A4 PDF (cairo and pango, no further dependency). */
gboolean wsp_record_write_pdf  (WspRecord   *record,
                                const char  *path,
                                GError     **error);
/* Writes the PDF to @pdf_path and the same text to @pdf_path with ".txt" for ".pdf" (or
 * ".txt" appended); @out_text_path gets the latter. */
gboolean wsp_record_export     (WspRecord   *record,
                                const char  *pdf_path,
                                char       **out_text_path,
                                GError     **error);

G_END_DECLS
