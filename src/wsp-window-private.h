/* wsp-window-private.h: what wsp-window.c (the assistant) and wsp-window-records.c (the
 * records actions, Forget with its Undo, the bars about the records file) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-record.h"
#include "wsp-record-store.h"
#include "wsp-window.h"

G_BEGIN_DECLS

struct _WspWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkStack             *stack;
  GtkWidget            *back_button;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  GtkWidget            *next_squeezer;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  /* Owned: the assistant */
  GSettings            *settings;
  WspObjection         *objection;
  WspRecordStore       *store;
  /* The record of the form being filled in now, once there is one. */
  WspRecord            *record;
  /* The objection was resumed: a form opened before the interruption already has a record. */
  gboolean              resumed;
  /* One for each line of the page table, built on first use (ensure_page()): only the welcome
   * page is needed for the first frame. */
  WspPage             **pages;
  WspPage              *manual_page;
  /* Where Back goes from the manual page. */
  WspPage              *manual_return;
  /* Prepares the page after the one shown, once the window is idle. */
  guint                 prepare_source;
  /* Shows the notes about changed links, once the first frame is out. */
  guint                 notes_source;

  /* Owned: the records (wsp-window-records.c) */
  GtkFileChooserNative *chooser;
  /* What the last Forget took away, for its toast's Undo; let go when that toast goes. */
  AdwToast             *forget_toast;
  WspRecord            *forgotten;
  guint                 forgotten_position;
  gboolean              forgotten_current;
  WspObjection         *forgotten_draft;
  char                 *forgotten_draft_page;
};

/* wsp-window-records.c: the records.* actions, the bars' template children and callback. Call
 * after the template is set. */
void wsp_window_class_init_records (GtkWidgetClass *widget_class);
/* Follows the store: the bars and whether Forget Everything is enabled. Once the store is set. */
void wsp_window_init_records       (WspWindow      *self);
void wsp_window_dispose_records    (WspWindow      *self);
void wsp_window_finalize_records   (WspWindow      *self);

G_END_DECLS
