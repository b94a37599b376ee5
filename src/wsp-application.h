/* wsp-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_APPLICATION (wsp_application_get_type ())

G_DECLARE_FINAL_TYPE (WspApplication, wsp_application, WSP, APPLICATION, AdwApplication)

WspApplication *wsp_application_new (void);

/* Binds the app's and iso-codes' text domains; WIDERSPRUCH_LOCALEDIR overrides the installed
 * catalogs so the app runs translated from the build tree. */
void            wsp_application_init_i18n (void);

G_END_DECLS
