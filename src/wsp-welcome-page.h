/* wsp-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-catalog.h"
#include "wsp-page.h"
#include "wsp-record-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_WELCOME_PAGE (wsp_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (WspWelcomePage, wsp_welcome_page, WSP, WELCOME_PAGE, WspPage)

/* Shows @store's records and unfinished objection, one row each, to go on with. */
void wsp_welcome_page_set_store (WspWelcomePage *self,
                                 WspRecordStore *store);

/* Shows the @n_notes newest notes of @catalog (what changed in the links); 0 hides them. */
void wsp_welcome_page_show_notes (WspWelcomePage *self,
                                  WspCatalog     *catalog,
                                  guint           n_notes);

G_END_DECLS
