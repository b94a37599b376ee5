/* wsp-phone-codes.h: the form's address, and the reason, as QR codes for the phone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_PHONE_CODES (wsp_phone_codes_get_type ())

G_DECLARE_FINAL_TYPE (WspPhoneCodes, wsp_phone_codes, WSP, PHONE_CODES, AdwBin)

/* @url: the form to open on the phone; @reason: the text to paste there, or NULL/"" for none.
 * A reason too long for a QR code is offered for copying instead. */
void wsp_phone_codes_set_texts (WspPhoneCodes *self,
                                const char    *url,
                                const char    *reason);

G_END_DECLS
