/* fuzz-records.c: libFuzzer harness for the records loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written as records.json into a directory of the harness's own; the store loads
 * it (moving it aside when it is broken), every record is read back, the draft is restored,
 * and the store is saved again. Besides not crashing, what was loaded must be sane: an id, a
 * known platform, valid UTF-8, and a store that loads what it saved.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wsp-fuzz.h"
#include "wsp-objection.h"
#include "wsp-record-store.h"

static void
check_text (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

static guint
read_store (WspRecordStore *store)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WspRecord) record = g_list_model_get_item (model, i);

      g_assert_nonnull (wsp_record_get_id (record));
      g_assert_true (wsp_record_store_lookup (store, wsp_record_get_id (record)) == record);
      g_assert_cmpint (wsp_record_get_platform (record), <, WSP_N_PLATFORMS);
      check_text (wsp_record_get_label (record));
      check_text (wsp_record_get_email (record));
      check_text (wsp_record_get_country (record));
      check_text (wsp_record_get_country_name (record));
      check_text (wsp_record_get_reason (record));
      check_text (wsp_record_get_url (record));
      wsp_record_get_state (record);
    }

  return n;
}

/* Empties the harness's directory: the store may have moved a broken file aside. */
static void
clean (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspObjection) objection = wsp_objection_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  wsp_fuzz_init ();

  if (dir == NULL)
    dir = g_dir_make_tmp ("wsp-fuzz-records-XXXXXX", NULL);
  g_assert_nonnull (dir);
  clean (dir);

  path = g_build_filename (dir, "records.json", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));

  store = wsp_record_store_new (path);
  if (!wsp_record_store_load (store, &error))
    {
      /* A broken file is reported in the notice, in valid UTF-8. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  n = read_store (store);
  wsp_record_store_restore_draft (store, objection);
  check_text (wsp_objection_get_email (objection));
  check_text (wsp_objection_get_reason (objection));

  /* What was kept saves, and loads back the same. */
  clean (dir);
  g_assert_true (wsp_record_store_save (store, NULL));
  again = wsp_record_store_new (path);
  g_assert_true (wsp_record_store_load (again, NULL));
  g_assert_cmpuint (read_store (again), ==, n);

  return 0;
}
