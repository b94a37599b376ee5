/* wsp-qr-code.h: a QR code for a phone's camera to read off the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The largest symbol the widget draws: 97 modules, plus the quiet zone, at 3 pixels a module
 * (about the least a phone reads off a laptop screen) fits a 360 px wide window. Version 20 at
 * the lowest error correction holds 858 bytes. */
#define WSP_QR_CODE_MAX_VERSION 20

#define WSP_TYPE_QR_CODE (wsp_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (WspQrCode, wsp_qr_code, WSP, QR_CODE, GtkWidget)

GtkWidget  *wsp_qr_code_new             (void);

/* Encodes @text (UTF-8, as bytes) and shows it. Returns FALSE, and shows nothing, when @text is
 * %NULL, empty, or needs a larger symbol than WSP_QR_CODE_MAX_VERSION. */
gboolean    wsp_qr_code_set_text        (WspQrCode  *self,
                                         const char *text);
/* What the code shown holds, or %NULL when it shows none. */
const char *wsp_qr_code_get_text        (WspQrCode  *self);

/* What a screen reader says the picture is, e.g. "QR code of the form's address". */
void        wsp_qr_code_set_description (WspQrCode  *self,
                                         const char *description);
const char *wsp_qr_code_get_description (WspQrCode  *self);

/* Whether @text fits (see wsp_qr_code_set_text()). */
gboolean    wsp_qr_code_text_fits       (const char *text);

G_END_DECLS
