/* wsp-test-flow.h: the flow tests' driver (test-flow-*.c): the real app and window, walked
 * page by page through their widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

G_BEGIN_DECLS

/* The forms tried first in the EU/EEA and Switzerland (the flow's Germany), and in the UK and
 * Brazil (data/catalog.json). */
#define FACEBOOK_FORM "https://www.facebook.com/help/contact/712876720715583"
#define INSTAGRAM_FORM "https://help.instagram.com/contact/767264225370182"
#define FACEBOOK_FORM_2024 "https://www.facebook.com/help/contact/6359191084165019"
#define INSTAGRAM_FORM_2024 "https://help.instagram.com/contact/233964459562201"
#define EMAIL "jana.beispiel+ki@mail.example.org"

/* Each flow test runs in English and in German: what the user reads in either. */
#define T(en, de) WSP_TEST_T (en, de)

typedef struct {
  GtkApplication *app;
  WspRecordStore *store;
  WspWindow      *window;
  char           *opened_path;    /* the fake browser's log */

  /* Only for the link check tests: a server standing in for Meta. */
  WspTestServer  *server;
} WspTestFlow;

/* g_test_init() with isolated dirs, and GTK, for the flow tests. */
void       wsp_flow_init   (int    *argc,
                            char ***argv);

/* A case on the app's window, on a store of its own, with the fake browser as the default one
 * (@browser TRUE) or no browser at all. */
#define WSP_FLOW_ADD(path, func, browser) \
  g_test_add ("/flow/" path, WspTestFlow, GINT_TO_POINTER (browser), wsp_flow_set_up, func, \
              wsp_flow_tear_down)

/* Setting up and tearing down a case (WSP_FLOW_ADD()); a window on f->store, shown and drawn;
 * the store a new start of the app reads from the records file, and that file's path. */
void            wsp_flow_set_up               (WspTestFlow    *f,
                                               gconstpointer   data);
void            wsp_flow_tear_down            (WspTestFlow    *f,
                                               gconstpointer   data);
WspWindow      *wsp_flow_new_window           (WspTestFlow    *f);
WspRecordStore *wsp_flow_new_store            (void);
char           *wsp_flow_records_path         (void);

/* The page called @name; the header bar's Next button; its title as shown. */
GtkWidget      *wsp_flow_page                 (WspTestFlow    *f,
                                               const char     *name);
GtkWidget      *wsp_flow_next_button          (WspTestFlow    *f);
const char     *wsp_flow_shown_title          (WspTestFlow    *f);

/* Asserts that the window shows @name. Next (sensitive, but on the welcome page) and Back,
 * asserting where they lead. */
void            wsp_flow_assert_page          (WspTestFlow    *f,
                                               const char     *name);
void            wsp_flow_next                 (WspTestFlow    *f,
                                               const char     *expected_page);
void            wsp_flow_back                 (WspTestFlow    *f,
                                               const char     *expected_page);

/* Filling in the pages: the platform's row, the country that @search finds (Enter takes it and
 * moves on), the email entry, the reason's text. */
void            wsp_flow_choose_platform      (WspTestFlow    *f,
                                               WspPlatforms    platforms);
void            wsp_flow_choose_country       (WspTestFlow    *f,
                                               const char     *search);
GtkWidget      *wsp_flow_email_row            (WspTestFlow    *f);
char           *wsp_flow_reason_text          (WspTestFlow    *f);
void            wsp_flow_set_reason_text      (WspTestFlow    *f,
                                               const char     *text);

/* From the welcome page to the summary, asserting each page on the way: from the country that
 * @search finds (@code), or from Germany; the first ready-made reason. */
void            wsp_flow_walk_to_summary_from (WspTestFlow    *f,
                                               WspPlatforms    platforms,
                                               const char     *search,
                                               const char     *code);
void            wsp_flow_walk_to_summary      (WspTestFlow    *f,
                                               WspPlatforms    platforms);
/* What the summary copies: @url, @host, Germany, EMAIL and the first reason. */
void            wsp_flow_assert_summary       (WspTestFlow    *f,
                                               const char     *url,
                                               const char     *host);
/* Opens the form and asserts that the browser's @nth address is @expected_url. */
void            wsp_flow_open_form            (WspTestFlow    *f,
                                               guint           nth,
                                               const char     *expected_url);

/* The @n_lines-th address the fake browser was asked to open, once it was; a toplevel of
 * @type once it shows; the clipboard's text; a summary field copied (@field: "url", "email"…). */
char           *wsp_flow_wait_for_opened      (WspTestFlow    *f,
                                               guint           n_lines);
GtkWindow      *wsp_flow_wait_for_toplevel    (GType           type);
char           *wsp_flow_clipboard_text       (WspTestFlow    *f);
char           *wsp_flow_copy_field           (WspTestFlow    *f,
                                               const char     *field);

/* The store's one record, asserting there is only one. */
WspRecord      *wsp_flow_only_record          (WspRecordStore *store);

G_END_DECLS
