/* test-records.c: the records file: round trip, interrupted writes, damage, no place to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <grp.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wsp-record-store.h"
#include "wsp-test-util.h"

#define EMAIL "jana.beispiel+ki@mail.example.org"
#define FORM "https://www.facebook.com/help/contact/6359191084165019"

static char *
records_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "widerspruch", "records.json", NULL);
}

/* Each test starts with no records directory. */
static void
remove_records_dir (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "widerspruch", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A records file with @contents (@length bytes, -1: a string), alone in its folder. */
static void
write_records_file (const char *path,
                    const char *contents,
                    gssize      length)
{
  g_autofree char *dir = g_path_get_dirname (path);

  remove_records_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static WspRecordStore *
load_store (const char *path)
{
  g_autoptr(WspRecordStore) store = wsp_record_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (wsp_record_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_null (wsp_record_store_get_notice (store));
  return g_steal_pointer (&store);
}

/* The store of a records file that is not there yet (nor its folder). */
static WspRecordStore *
load_empty_store (const char *path)
{
  remove_records_dir ();
  return load_store (path);
}

static WspRecord *
make_record (WspPlatform  platform,
             const char  *label,
             guint        n)
{
  WspRecord *record = wsp_record_new (platform);
  g_autofree char *reason = g_strdup_printf ("Grund Nr. %u: „Meine Fotos“ gehören mir.\n"
                                             "Zweite Zeile.", n);

  wsp_record_set_label (record, label);
  wsp_record_set_email (record, EMAIL);
  wsp_record_set_country (record, "DE", "Deutschland");
  wsp_record_set_reason (record, reason);
  wsp_record_set_url (record, FORM);
  wsp_record_set_opened (record, 1764374400 + n);
  return record;
}

/* A change to @store: it saves at once, and the file at @path then holds @n records. */
static void
assert_change_saved (WspRecordStore *store,
                     const char     *path,
                     guint           n)
{
  g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_FACEBOOK, NULL, 1);
  g_autoptr(WspRecordStore) again = NULL;

  wsp_record_store_add (store, record);
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, n);
}

static void
assert_same_record (WspRecord *a,
                    WspRecord *b)
{
  g_assert_cmpstr (wsp_record_get_id (a), ==, wsp_record_get_id (b));
  g_assert_cmpint (wsp_record_get_platform (a), ==, wsp_record_get_platform (b));
  g_assert_cmpstr (wsp_record_get_label (a), ==, wsp_record_get_label (b));
  g_assert_cmpstr (wsp_record_get_email (a), ==, wsp_record_get_email (b));
  g_assert_cmpstr (wsp_record_get_country (a), ==, wsp_record_get_country (b));
  g_assert_cmpstr (wsp_record_get_country_name (a), ==, wsp_record_get_country_name (b));
  g_assert_cmpstr (wsp_record_get_reason (a), ==, wsp_record_get_reason (b));
  g_assert_cmpstr (wsp_record_get_url (a), ==, wsp_record_get_url (b));
  g_assert_cmpint (wsp_record_get_opened (a), ==, wsp_record_get_opened (b));
  g_assert_cmpint (wsp_record_get_sent (a), ==, wsp_record_get_sent (b));
  g_assert_cmpint (wsp_record_get_confirmed (a), ==, wsp_record_get_confirmed (b));
}

static WspRecord *
nth (WspRecordStore *store,
     guint           i)
{
  WspRecord *record = g_list_model_get_item (G_LIST_MODEL (store), i);

  /* The store holds another reference. */
  g_object_unref (record);
  return record;
}

static void
test_records_round_trip (void)
{
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) facebook = make_record (WSP_PLATFORM_FACEBOOK, "  Privat ", 1);
  g_autoptr(WspRecord) instagram = make_record (WSP_PLATFORM_INSTAGRAM, NULL, 2);
  g_autoptr(WspObjection) objection = wsp_objection_new ();
  g_autoptr(WspObjection) restored = wsp_objection_new ();

  store = load_empty_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpstr (wsp_record_get_label (facebook), ==, "Privat");
  wsp_record_set_sent (facebook, 1764378000);
  wsp_record_set_confirmed (facebook, 1764378600);
  wsp_record_set_country (instagram, NULL, NULL);
  wsp_record_set_reason (instagram, NULL);
  wsp_record_store_add (store, facebook);
  wsp_record_store_add (store, instagram);
  g_assert_null (wsp_record_store_get_save_error (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (wsp_record_get_state (facebook), ==, WSP_RECORD_CONFIRMED);
  g_assert_cmpint (wsp_record_get_state (instagram), ==, WSP_RECORD_OPENED);

  /* The draft keeps the email only when asked to. */
  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  wsp_objection_set_country (objection, "AT", "Österreich");
  wsp_objection_set_email (objection, EMAIL);
  wsp_objection_set_reason (objection, "Nein.");
  g_assert_true (wsp_objection_advance_platform (objection));
  wsp_record_store_set_draft (store, objection, "reason", FALSE);

  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  assert_same_record (nth (again, 0), facebook);
  assert_same_record (nth (again, 1), instagram);
  g_assert_cmpstr (wsp_record_get_label (nth (again, 1)), ==, NULL);
  g_assert_cmpstr (wsp_record_get_country (nth (again, 1)), ==, NULL);

  g_assert_cmpstr (wsp_record_store_get_draft_page (again), ==, "reason");
  g_assert_cmpuint (wsp_record_store_get_draft_platforms (again), ==, WSP_PLATFORMS_BOTH);
  g_assert_true (wsp_record_store_restore_draft (again, restored));
  g_assert_cmpuint (wsp_objection_get_platforms (restored), ==, WSP_PLATFORMS_BOTH);
  /* On the second form, as when it was left. */
  g_assert_cmpint (wsp_objection_get_current (restored), ==, WSP_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (wsp_objection_get_country (restored), ==, "AT");
  g_assert_cmpstr (wsp_objection_get_country_name (restored), ==, "Österreich");
  g_assert_null (wsp_objection_get_email (restored));
  g_assert_cmpstr (wsp_objection_get_reason (restored), ==, "Nein.");

  wsp_record_store_set_draft (store, objection, "summary", TRUE);
  g_clear_object (&again);
  again = load_store (path);
  g_assert_true (wsp_record_store_restore_draft (again, restored));
  g_assert_cmpstr (wsp_objection_get_email (restored), ==, EMAIL);
  g_assert_cmpstr (wsp_record_store_get_draft_page (again), ==, "summary");

  /* Forget one, then everything. */
  wsp_record_store_remove (store, facebook);
  g_clear_object (&again);
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  assert_same_record (nth (again, 0), instagram);

  wsp_record_store_remove_all (store);
  g_clear_object (&again);
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
  g_assert_null (wsp_record_store_get_draft_page (again));
}

/* Undo of a Forget: the record goes back where it was, or at the end, and into the file. */
/* Which record belongs to the objection being filled in: the rule the window follows. */
static void
test_records_ensure_for (void)
{
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspObjection) objection = wsp_objection_new ();
  g_autoptr(WspObjection) loaded = wsp_objection_new ();
  g_autoptr(WspRecord) first = NULL;
  g_autoptr(WspRecord) again = NULL;
  g_autoptr(WspRecord) after_sent = NULL;
  g_autoptr(WspRecord) resumed = NULL;
  g_autoptr(WspRecord) other = NULL;
  const char *url = "https://www.facebook.com/help/contact/712876720715583";

  store = load_empty_store (path);

  /* No platform chosen yet: no record. */
  g_assert_null (wsp_record_store_ensure_for (store, NULL, objection, FALSE, url));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  wsp_objection_set_country (objection, "AT", "Österreich");
  wsp_objection_set_email (objection, EMAIL);
  wsp_objection_set_reason (objection, "Nein.");

  /* The first time, a new record of the current platform, with the objection's values. */
  first = wsp_record_store_ensure_for (store, NULL, objection, FALSE, url);
  g_assert_nonnull (first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpint (wsp_record_get_platform (first), ==, WSP_PLATFORM_FACEBOOK);
  g_assert_cmpstr (wsp_record_get_url (first), ==, url);
  g_assert_cmpstr (wsp_record_get_email (first), ==, EMAIL);
  g_assert_cmpstr (wsp_record_get_country (first), ==, "AT");
  g_assert_cmpstr (wsp_record_get_reason (first), ==, "Nein.");
  g_assert_true (wsp_record_matches_objection (first, objection));

  /* Not sent yet: the record follows the objection's changes. */
  wsp_objection_set_reason (objection, "Ich widerspreche.");
  g_assert_false (wsp_record_matches_objection (first, objection));
  again = wsp_record_store_ensure_for (store, first, objection, FALSE, url);
  g_assert_true (again == first);
  g_assert_cmpstr (wsp_record_get_reason (first), ==, "Ich widerspreche.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Sent, it is proof: other values make a new record, and the sent one keeps its own. */
  wsp_record_set_sent (first, 1764378000);
  g_clear_object (&again);
  again = wsp_record_store_ensure_for (store, first, objection, FALSE, url);
  g_assert_true (again == first);
  wsp_objection_set_email (objection, "zweite@mail.example.org");
  after_sent = wsp_record_store_ensure_for (store, first, objection, FALSE, url);
  g_assert_true (after_sent != first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpstr (wsp_record_get_email (first), ==, EMAIL);
  g_assert_cmpstr (wsp_record_get_email (after_sent), ==, "zweite@mail.example.org");

  /* Back after an interruption (no current record): the unsent record of the same values is
   * found only when resuming. */
  resumed = wsp_record_store_ensure_for (store, NULL, objection, TRUE, url);
  g_assert_true (resumed == after_sent);
  other = wsp_record_store_ensure_for (store, NULL, objection, FALSE, url);
  g_assert_true (other != after_sent);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_clear_object (&other);

  /* Another platform never takes a record of the first. */
  g_assert_true (wsp_objection_advance_platform (objection));
  other = wsp_record_store_ensure_for (store, after_sent, objection, TRUE, url);
  g_assert_cmpint (wsp_record_get_platform (other), ==, WSP_PLATFORM_INSTAGRAM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);

  /* Opening a record sets the objection to what it was made with, on its platform alone. */
  wsp_objection_load_record (loaded, first);
  g_assert_cmpuint (wsp_objection_get_platforms (loaded), ==, WSP_PLATFORMS_FACEBOOK);
  g_assert_cmpint (wsp_objection_get_current (loaded), ==, WSP_PLATFORM_FACEBOOK);
  g_assert_cmpstr (wsp_objection_get_email (loaded), ==, EMAIL);
  g_assert_cmpstr (wsp_objection_get_country (loaded), ==, "AT");
  g_assert_cmpstr (wsp_objection_get_country_name (loaded), ==, "Österreich");
  g_assert_cmpstr (wsp_objection_get_reason (loaded), ==, "Ich widerspreche.");
  g_assert_true (wsp_record_matches_objection (first, loaded));
}

static void
test_records_insert (void)
{
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) first = NULL;
  g_autoptr(WspRecord) second = NULL;
  g_autoptr(WspRecord) third = NULL;
  g_autoptr(WspRecord) item = NULL;

  store = load_empty_store (path);
  first = make_record (WSP_PLATFORM_FACEBOOK, "One", 1);
  second = make_record (WSP_PLATFORM_INSTAGRAM, "Two", 2);
  third = make_record (WSP_PLATFORM_FACEBOOK, "Three", 3);
  wsp_record_store_add (store, second);

  wsp_record_store_insert (store, 0, first);
  wsp_record_store_insert (store, 99, third);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_true (item == first);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (store), 2);
  g_assert_true (item == third);
  g_clear_object (&item);

  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpstr (wsp_record_get_label (item), ==, "One");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (again), 2);
  g_assert_cmpstr (wsp_record_get_label (item), ==, "Three");
}

static void
test_records_text (void)
{
  g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_INSTAGRAM, "Laden", 0);
  g_autofree char *text = NULL;
  g_autofree char *title = wsp_record_dup_title (record);
  g_autofree char *opened = wsp_record_format_time (wsp_record_get_opened (record));
  g_autofree char *opened_line = g_strdup_printf ("Form opened: %s\n", opened);

  g_assert_cmpstr (title, ==, "Instagram – Laden");
  text = wsp_record_format_text (record);
  g_assert_true (g_str_has_prefix (text, "Objection to AI training at Meta: Instagram – Laden\n"));
  g_assert_nonnull (strstr (text, "\nEmail address\n  " EMAIL "\n"));
  g_assert_nonnull (strstr (text, "\nForm address\n  " FORM "\n"));
  g_assert_nonnull (strstr (text, "\n  Zweite Zeile.\n"));
  g_assert_nonnull (strstr (text, opened_line));
  g_assert_nonnull (strstr (text, "\nSent: Not yet\n"));
}

/* Interrupted writes ---------------------------------------------------------------------- */

typedef struct {
  WspRecordSaveStage stop_at;
  int                fd;
} StopAt;

/* In the child: tell the parent where the save stands, then wait to be killed. */
static void
stop_here (WspRecordSaveStage  stage,
           gpointer            user_data)
{
  StopAt *stop = user_data;

  if (stage != stop->stop_at)
    return;

  g_assert_cmpint (write (stop->fd, "!", 1), ==, 1);
  for (;;)
    pause ();
}

static void
interrupted_save (gconstpointer data)
{
  WspRecordSaveStage stage = GPOINTER_TO_INT (data);
  g_autofree char *path = records_path ();
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) after = NULL;
  g_autoptr(GPtrArray) old_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *old_contents = NULL;
  g_autofree char *after_contents = NULL;
  gsize old_length;
  int fds [2];
  int status;
  char byte;
  pid_t pid;

  store = load_empty_store (path);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_FACEBOOK, "alt", i);

      wsp_record_store_add (store, record);
      g_ptr_array_add (old_ids, g_strdup (wsp_record_get_id (record)));
    }
  g_assert_true (g_file_get_contents (path, &old_contents, &old_length, NULL));

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      /* The child saves a much larger set and is stopped in the middle by the hook. */
      StopAt stop = { stage, fds [1] };

      close (fds [0]);
      wsp_record_store_set_save_hook (store, stop_here, &stop);
      wsp_record_store_hold (store);
      for (guint i = 0; i < 2000; i++)
        {
          g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_INSTAGRAM, "neu", i);
          wsp_record_store_add (store, record);
        }
      wsp_record_store_release (store);
      _exit (1);
    }

  close (fds [1]);
  /* Blocks until the child is at the stage: no timing involved. */
  g_assert_cmpint (read (fds [0], &byte, 1), ==, 1);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  close (fds [0]);

  /* The half-written new file is only in the temporary file. */
  g_assert_true (g_file_test (tmp, G_FILE_TEST_IS_REGULAR));

  /* The old file, byte for byte, and it loads. */
  g_assert_true (g_file_get_contents (path, &after_contents, NULL, NULL));
  g_assert_cmpmem (after_contents, strlen (after_contents), old_contents, old_length);
  after = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (wsp_record_get_id (nth (after, i)), ==, g_ptr_array_index (old_ids, i));

  /* The next save goes through and leaves no temporary file behind. */
  assert_change_saved (after, path, 4);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
}

/* The same big save, not interrupted: the new file. */
static void
test_records_big_save (void)
{
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) after = NULL;

  store = load_empty_store (path);
  wsp_record_store_hold (store);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_INSTAGRAM, "neu", i);
      wsp_record_store_add (store, record);
    }
  /* Held: nothing written yet. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  wsp_record_store_release (store);

  after = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 2000);
  assert_same_record (nth (after, 1999), nth (store, 1999));
}

/* Damage ---------------------------------------------------------------------------------- */

static char *
find_backup (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "widerspruch", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "records.json.broken-"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }

  return found;
}

/* Loads the damaged records file at @path: the load fails, and the file is moved aside. Returns
 * the store; *@backup is where the file went. */
static WspRecordStore *
load_damaged (const char  *path,
              GError     **error,
              char       **backup)
{
  WspRecordStore *store = wsp_record_store_new (path);

  g_assert_false (wsp_record_store_load (store, error));
  g_assert_error (*error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_DAMAGED);
  *backup = find_backup ();
  g_assert_nonnull (*backup);

  return store;
}

static void
assert_backup_name (const char *backup)
{
  g_autofree char *base = g_path_get_basename (backup);
  g_autoptr(GRegex) regex = g_regex_new ("^records\\.json\\.broken-[0-9]{8}-[0-9]{6}$", 0, 0, NULL);

  g_assert_true (g_regex_match (regex, base, 0, NULL));
}

/* A file that is no records file at all, and what the message says about why (or NULL). */
typedef struct {
  const char *contents;
  const char *why;
} Unreadable;

static const Unreadable garbage = {
  "{ \"version\": 1, \"records\": [ { \"id\": \"a\", \"platf", NULL
};
/* A key twice: json-glib would keep the second silently. The file is not read as it might be
 * meant, but moved aside as damaged, and the user told. */
static const Unreadable key_twice = {
  "{ \"version\": 1, \"version\": 1, \"records\": [] }", "an object has the same key twice"
};

static void
test_records_unreadable (gconstpointer data)
{
  const Unreadable *file = data;
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_contents = NULL;
  g_autofree char *expected = NULL;

  write_records_file (path, file->contents, -1);

  store = load_damaged (path, &error, &backup);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  if (file->why != NULL)
    g_assert_nonnull (strstr (error->message, file->why));

  /* Moved aside as it was, and the user is told where. */
  assert_backup_name (backup);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, file->contents);
  g_assert_cmpstr (wsp_record_store_get_notice (store), ==, error->message);
  g_assert_true (g_str_has_prefix (error->message, "Your records could not be read ("));
  expected = g_strdup_printf ("The file was kept as “%s”; Widerspruch starts without records.", backup);
  g_assert_true (g_str_has_suffix (error->message, expected));

  /* The app goes on, and the next change writes a good file. */
  assert_change_saved (store, path, 1);
}

/* One good record, broken ones and a second with the same id: the good one is kept, the file is
 * backed up. */
static void
test_records_partly_damaged (void)
{
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = NULL;
  const char *contents =
    "{ \"version\": 1, \"records\": ["
    "  { \"id\": \"good\", \"platform\": \"instagram\", \"email\": \"" EMAIL "\","
    "    \"url\": \"" FORM "\", \"opened\": \"2026-11-28T10:00:00Z\" },"
    "  { \"id\": \"bad\", \"platform\": \"myspace\" },"
    "  { \"id\": \"good\", \"platform\": \"facebook\" },"
    "  { \"id\": \"third\", \"platform\": \"facebook\" },"
    /* A repeated id after another record: the duplicates' own ids are freed with them, so
     * this one must be compared with the first record's id (found by fuzz-records). */
    "  { \"id\": \"good\", \"platform\": \"instagram\" },"
    "  { \"id\": \"bad-date\", \"platform\": \"facebook\", \"sent\": \"yesterday\" } ] }";

  write_records_file (path, contents, -1);

  store = load_damaged (path, &error, &backup);
  expected = g_strdup_printf ("4 entries in your records could not be read. The file was kept as "
                              "“%s”; Widerspruch starts with the rest.", backup);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpstr (wsp_record_get_id (nth (store, 0)), ==, "good");
  g_assert_cmpint (wsp_record_get_opened (nth (store, 0)), ==, 1795860000);
  g_assert_cmpstr (wsp_record_get_id (nth (store, 1)), ==, "third");

  /* The readable rest was written back at once. */
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
}

/* A file the store never read ------------------------------------------------------------- */

/* Removes @path and everything below it, after giving folders their modes back. */
static void
remove_tree (const char *path)
{
  GDir *d;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      const char *name;

      g_chmod (path, 0700);
      d = g_dir_open (path, 0, NULL);
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_clear_pointer (&d, g_dir_close);
    }
  g_remove (path);
}

typedef void (*Sequence) (const char  *top,
                          gconstpointer data);

#define NOBODY 65534

/* Runs @sequence with @data in a new folder as a normal user. Root ignores a folder's mode, and
 * the tests run as root on CI machines: then it runs in a child that drops to nobody first. */
static void
run_unprivileged (Sequence      sequence,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("wsp-records-XXXXXX", &error);
  pid_t pid;
  int status;

  g_assert_no_error (error);

  if (geteuid () != 0)
    {
      sequence (top, data);
      remove_tree (top);
      return;
    }

  g_assert_cmpint (chown (top, NOBODY, NOBODY), ==, 0);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        _exit (3);
      /* Really a normal user now: no way back. */
      if (geteuid () == 0 || setuid (0) == 0)
        _exit (4);
      sequence (top, data);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  remove_tree (top);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Two records written by an earlier run, in TOP/widerspruch/records.json. */
static void
write_two_records (const char  *path,
                   char       **first_id,
                   char       **second_id)
{
  g_autoptr(WspRecordStore) store = load_store (path);
  g_autoptr(WspRecord) first = make_record (WSP_PLATFORM_FACEBOOK, "eins", 1);
  g_autoptr(WspRecord) second = make_record (WSP_PLATFORM_INSTAGRAM, "zwei", 2);

  wsp_record_store_add (store, first);
  wsp_record_store_add (store, second);
  g_assert_null (wsp_record_store_get_save_error (store));
  *first_id = g_strdup (wsp_record_get_id (first));
  *second_id = g_strdup (wsp_record_get_id (second));
}

/* How the records file cannot be reached, and how the user repairs that. */
typedef struct {
  void (*break_it) (const char *dir);
  void (*repair) (const char *dir);
} Damage;

/* The app starts while the file cannot be reached, makes a record, and tries again after the
 * user repaired the folder. */
static void
unread_sequence (const char    *top,
                 gconstpointer  data)
{
  const Damage *damage = data;
  g_autofree char *dir = g_build_filename (top, "widerspruch", NULL);
  g_autofree char *path = g_build_filename (dir, "records.json", NULL);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *message = NULL;
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) third = make_record (WSP_PLATFORM_FACEBOOK, "drei", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  write_two_records (path, &first_id, &second_id);
  damage->break_it (dir);

  /* It says it will not touch the file. */
  store = wsp_record_store_new (path);
  g_assert_false (wsp_record_store_load (store, &error));
  g_assert_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_DAMAGED);
  g_assert_true (g_str_has_suffix (wsp_record_store_get_notice (store),
                                   "Widerspruch will not change the file."));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  /* The form was opened: the save fails, and the bar says why, once. */
  wsp_record_store_add (store, third);
  refused = g_strdup_printf ("“%s” could not be read, so it is not overwritten. Move it away and "
                             "try again.", path);
  g_assert_cmpstr (wsp_record_store_get_save_error (store), ==, refused);
  message = wsp_record_store_dup_save_message (store);
  g_assert_null (strstr (message, ".."));
  g_assert_nonnull (strstr (message, "try again. They are kept"));

  /* Repaired while the app runs; Try Again. */
  damage->repair (dir);
  g_clear_error (&error);
  g_assert_true (wsp_record_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_null (wsp_record_store_get_save_error (store));
  /* The promise not to change the file is kept until it was read: no longer said after. */
  g_assert_null (wsp_record_store_get_notice (store));

  /* Every record: the two of the file and the new one, in the app and in the file. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  g_assert_cmpstr (wsp_record_get_id (nth (again, 0)), ==, first_id);
  g_assert_cmpstr (wsp_record_get_id (nth (again, 1)), ==, second_id);
  assert_same_record (nth (again, 2), third);

  /* Nothing else was left in the folder. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (name, ==, "records.json");
}

static void
lock_folder (const char *dir)
{
  g_assert_cmpint (g_chmod (dir, 0), ==, 0);
}

static void
unlock_folder (const char *dir)
{
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

static void
file_for_folder (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "records.json", NULL);
  g_autofree char *held = g_strconcat (dir, ".held", NULL);

  g_assert_cmpint (g_rename (path, held), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (g_rename (held, dir), ==, 0);
}

static void
folder_for_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "records.json", NULL);
  g_autofree char *held = g_strconcat (dir, ".held", NULL);

  g_assert_cmpint (g_rename (dir, held), ==, 0);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_rename (held, path), ==, 0);
}

/* chmod 000 on the folder. */
static const Damage unsearchable = { lock_folder, unlock_folder };
/* The records file itself where the folder should be. */
static const Damage file_in_folders_place = { file_for_folder, folder_for_file };

static void
test_records_unread (gconstpointer data)
{
  run_unprivileged (unread_sequence, data);
}

/* Moved away while the app runs: the protection ends, the next save writes a new file. */
static void
moved_away (const char    *top,
            gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (top, "widerspruch", NULL);
  g_autofree char *path = g_build_filename (dir, "records.json", NULL);
  g_autofree char *moved = g_build_filename (top, "moved.json", NULL);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) third = make_record (WSP_PLATFORM_FACEBOOK, "drei", 3);

  write_two_records (path, &first_id, &second_id);
  lock_folder (dir);
  store = wsp_record_store_new (path);
  g_assert_false (wsp_record_store_load (store, NULL));
  wsp_record_store_add (store, third);
  g_assert_nonnull (wsp_record_store_get_save_error (store));

  unlock_folder (dir);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_true (wsp_record_store_save (store, NULL));
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  g_clear_object (&again);
  again = load_store (moved);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
}

static void
test_records_unread_moved_away (void)
{
  run_unprivileged (moved_away, NULL);
}

/* A file that came while the app ran (none was there at its start) is not replaced: it is
 * moved aside, and the user is told where. */
static void
test_records_unread_appeared (void)
{
  g_autofree char *path = records_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) other = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) theirs = make_record (WSP_PLATFORM_INSTAGRAM, "ihr", 1);
  g_autoptr(WspRecord) ours = make_record (WSP_PLATFORM_FACEBOOK, "unser", 2);
  g_autoptr(GDir) d = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = NULL;
  const char *name;

  store = load_empty_store (path);

  other = load_store (path);
  wsp_record_store_add (other, theirs);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  wsp_record_store_add (store, ours);
  g_assert_null (wsp_record_store_get_save_error (store));

  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  assert_same_record (nth (again, 0), ours);
  g_clear_object (&again);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "records.json.kept-"))
      {
        g_assert_null (kept);
        kept = g_build_filename (dir, name, NULL);
      }
  g_assert_nonnull (kept);
  again = load_store (kept);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  assert_same_record (nth (again, 0), theirs);

  expected = g_strdup_printf ("Widerspruch found a records file it had not read at “%s”, and kept "
                              "it as “%s”.", path, kept);
  g_assert_cmpstr (wsp_record_store_get_notice (store), ==, expected);

  /* Its own file it replaces as before. */
  wsp_record_set_sent (ours, 1764378000);
  g_assert_null (wsp_record_store_get_save_error (store));
  g_assert_cmpstr (wsp_record_store_get_notice (store), ==, expected);
  g_clear_object (&again);
  again = load_store (path);
  g_assert_cmpint (wsp_record_get_sent (nth (again, 0)), ==, 1764378000);

  /* Written over in place by another program (the same file, other contents): kept too. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *rewritten = NULL;
    int fd = g_open (path, O_WRONLY | O_TRUNC, 0);

    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (write (fd, contents, strlen (contents)), ==, (gssize)strlen (contents));
    g_assert_cmpint (close (fd), ==, 0);

    wsp_record_set_label (ours, "unser zweites");
    g_assert_null (wsp_record_store_get_save_error (store));
    g_dir_rewind (d);
    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_prefix (name, "records.json.kept-") && !g_str_has_suffix (kept, name))
        {
          g_assert_null (rewritten);
          rewritten = g_build_filename (dir, name, NULL);
        }
    g_assert_nonnull (rewritten);
    g_assert_nonnull (strstr (wsp_record_store_get_notice (store), rewritten));
    g_clear_object (&again);
    again = load_store (rewritten);
    assert_same_record (nth (again, 0), theirs);
  }
}

/* Cut off ---------------------------------------------------------------------------------- */

/* Writes @n records, then cuts the file in the middle of the last one. */
static char *
write_cut_file (const char *path,
                guint       n,
                gsize      *length)
{
  g_autoptr(WspRecordStore) store = load_store (path);
  g_autofree char *contents = NULL;
  const char *last;

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_FACEBOOK, NULL, i);

      wsp_record_store_add (store, record);
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  last = strstr (contents, wsp_record_get_id (nth (store, n - 1)));
  g_assert_nonnull (last);
  /* Inside the reason, after its „ (UTF-8 cut in the middle of a character). */
  last = strstr (last, "\xe2\x80\x9e");
  g_assert_nonnull (last);
  *length = last + 1 - contents;
  g_assert_true (g_file_set_contents (path, contents, *length, NULL));

  return g_strndup (contents, *length);
}

static void
test_records_cut (void)
{
  g_autofree char *path = records_path ();
  g_autofree char *cut = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, backup_length;

  remove_records_dir ();
  cut = write_cut_file (path, 3, &length);

  store = load_damaged (path, &error, &backup);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  /* The backup is the file as it was, byte for byte. */
  g_assert_true (g_file_get_contents (backup, &backup_contents, &backup_length, NULL));
  g_assert_cmpmem (backup_contents, backup_length, cut, length);

  expected = g_strdup_printf ("The end of your records file is missing. Widerspruch kept the 2 "
                              "complete records before it; the whole file was kept as “%s”.",
                              backup);
  g_assert_cmpstr (wsp_record_store_get_notice (store), ==, expected);

  /* The two were written back at once. */
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  assert_same_record (nth (again, 1), nth (store, 1));

  /* One record, one. */
  g_clear_object (&store);
  g_clear_object (&again);
  g_clear_pointer (&cut, g_free);
  g_clear_pointer (&backup, g_free);
  g_clear_pointer (&expected, g_free);
  remove_records_dir ();
  cut = write_cut_file (path, 2, &length);
  store = wsp_record_store_new (path);
  g_assert_false (wsp_record_store_load (store, NULL));
  backup = find_backup ();
  expected = g_strdup_printf ("The end of your records file is missing. Widerspruch kept the 1 "
                              "complete record before it; the whole file was kept as “%s”.",
                              backup);
  g_assert_cmpstr (wsp_record_store_get_notice (store), ==, expected);
}

/* Composed messages ------------------------------------------------------------------------ */

/* Punctuation that only comes from putting two texts together. */
static void
assert_punctuation (const char *language,
                    const char *text)
{
  static const char * const doubled [] = {
    "..", ". .", ",.", ".,", ";.", ":.", "!.", "?.", " .", " ,", ",,", ";;", "  ",
  };

  g_assert_nonnull (text);
  for (guint i = 0; i < G_N_ELEMENTS (doubled); i++)
    if (strstr (text, doubled [i]) != NULL)
      g_error ("%s: “%s” in: %s", language, doubled [i], text);
}

/* The notice after loading @contents from a fresh file. */
static char *
notice_for (const char *contents,
            gssize      length)
{
  g_autofree char *path = records_path ();
  g_autoptr(WspRecordStore) store = NULL;

  write_records_file (path, contents, length);
  store = wsp_record_store_new (path);
  g_assert_false (wsp_record_store_load (store, NULL));
  g_assert_nonnull (wsp_record_store_get_notice (store));
  return g_strdup (wsp_record_store_get_notice (store));
}

/* Every message the store composes, and the bar's text around each reason a save gives, in
 * every language. */
static void
test_records_messages (void)
{
  g_auto(GStrv) languages = g_strsplit ("en " WSP_TEST_LANGUAGES, " ", -1);
  g_autofree char *english = NULL;

  for (guint l = 0; languages [l] != NULL; l++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *path = records_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
      g_autoptr(WspRecordStore) store = NULL;
      g_autoptr(WspRecordStore) other = NULL;
      g_autoptr(WspRecord) record = make_record (WSP_PLATFORM_FACEBOOK, NULL, 1);
      gsize length;

      g_setenv ("LANGUAGE", languages [l], TRUE);
      setlocale (LC_ALL, "");

      /* Not records at all; some entries damaged (one, several); cut off (one, two kept). */
      g_ptr_array_add (texts, notice_for ("{ \"version\": 1, \"records\": [ { \"id", -1));
      g_ptr_array_add (texts, notice_for ("{ \"version\": 1, \"records\": [ { \"id\": \"a\" } ] }",
                                          -1));
      g_ptr_array_add (texts, notice_for ("{ \"version\": 1, \"records\": [ { \"id\": \"a\" }, "
                                          "{ \"id\": \"b\" }, { \"id\": \"c\" }, "
                                          "{ \"id\": \"d\" }, { \"id\": \"e\" } ] }", -1));
      for (guint n = 2; n <= 3; n++)
        {
          g_autofree char *cut = NULL;

          remove_records_dir ();
          cut = write_cut_file (path, n, &length);
          g_ptr_array_add (texts, notice_for (cut, length));
        }

      /* Neither read nor moved aside (the file where its folder should be), and the refusal to
       * overwrite it. */
      store = load_empty_store (path);
      wsp_record_store_add (store, record);
      g_clear_object (&store);
      file_for_folder (dir);
      store = wsp_record_store_new (path);
      g_assert_false (wsp_record_store_load (store, NULL));
      g_ptr_array_add (texts, g_strdup (wsp_record_store_get_notice (store)));
      g_assert_false (wsp_record_store_save (store, NULL));
      g_ptr_array_add (texts, wsp_record_store_dup_save_message (store));
      g_clear_object (&store);

      /* No folder to be made there. */
      store = wsp_record_store_new (path);
      g_assert_false (wsp_record_store_save (store, NULL));
      g_ptr_array_add (texts, wsp_record_store_dup_save_message (store));
      g_clear_object (&store);
      g_assert_cmpint (g_remove (dir), ==, 0);

      /* No temporary file to be written. */
      store = load_store (path);
      g_assert_cmpint (g_mkdir_with_parents (tmp, 0700), ==, 0);
      g_assert_false (wsp_record_store_save (store, NULL));
      g_ptr_array_add (texts, wsp_record_store_dup_save_message (store));
      g_assert_cmpint (g_rmdir (tmp), ==, 0);

      /* A file that came meanwhile, moved aside. */
      other = load_store (path);
      wsp_record_store_add (other, record);
      g_assert_true (wsp_record_store_save (store, NULL));
      g_ptr_array_add (texts, g_strdup (wsp_record_store_get_notice (store)));

      for (guint i = 0; i < texts->len; i++)
        {
          g_test_message ("%s: %s", languages [l], (char *)texts->pdata [i]);
          assert_punctuation (languages [l], texts->pdata [i]);
        }

      /* Translated indeed: the bar does not read as in English. */
      if (l == 0)
        english = g_strdup (texts->pdata [texts->len - 2]);
      else
        g_assert_false (g_str_has_prefix (texts->pdata [texts->len - 2],
                                          "Your records could not be saved"));
      g_assert_true (g_str_has_prefix (english, "Your records could not be saved"));
    }

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

/* No place to write ----------------------------------------------------------------------- */

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_records_unwritable (void)
{
  g_autofree char *path = records_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (dir, ".moved", NULL);
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) first = make_record (WSP_PLATFORM_FACEBOOK, "eins", 1);
  g_autoptr(WspRecord) second = make_record (WSP_PLATFORM_INSTAGRAM, "zwei", 2);
  g_autoptr(GError) error = NULL;
  gboolean root = geteuid () == 0;
  guint notified = 0;

  store = load_empty_store (path);
  wsp_record_store_add (store, first);
  g_assert_null (wsp_record_store_get_save_error (store));
  g_signal_connect_swapped (store, "notify::save-error", G_CALLBACK (count), &notified);

  /* chmod 0500 keeps a normal user out of the folder, but root writes anyway (the tests run as
   * root on CI machines). For root, a plain file where the folder should be: creating the
   * temporary file in it fails with ENOTDIR for everyone. */
  if (root)
    {
      g_assert_cmpint (g_rename (dir, moved), ==, 0);
      g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
    }
  else
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
    }

  wsp_record_store_add (store, second);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (wsp_record_store_get_save_error (store));
  g_assert_true (g_str_has_prefix (wsp_record_store_get_save_error (store), "Could not "));
  g_assert_nonnull (strstr (wsp_record_store_get_save_error (store),
                            g_strerror (root ? ENOTDIR : EACCES)));
  /* Kept in memory. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (nth (store, 1) == second);

  /* The next change tries again, and fails again. */
  wsp_record_set_sent (second, 1764378000);
  g_assert_nonnull (wsp_record_store_get_save_error (store));
  g_assert_false (wsp_record_store_save (store, &error));
  g_assert_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE);

  if (root)
    {
      g_assert_cmpint (g_remove (dir), ==, 0);
      g_assert_cmpint (g_rename (moved, dir), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
    }

  /* Try Again. */
  g_clear_error (&error);
  g_assert_true (wsp_record_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_null (wsp_record_store_get_save_error (store));
  g_assert_cmpuint (notified, ==, 2);

  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  assert_same_record (nth (again, 0), first);
  assert_same_record (nth (again, 1), second);
}

/* A full disk, for real: the temporary file is a link to /dev/full, where every write fails
 * with ENOSPC. The failed save removes it, so the next save works, as after freeing space. */
static void
test_records_disk_full (void)
{
  g_autofree char *path = records_path ();
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(WspRecordStore) store = NULL;
  g_autoptr(WspRecordStore) again = NULL;
  g_autoptr(WspRecord) first = make_record (WSP_PLATFORM_FACEBOOK, "eins", 1);
  g_autoptr(WspRecord) second = make_record (WSP_PLATFORM_INSTAGRAM, "zwei", 2);
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full on this system");
      return;
    }

  store = load_empty_store (path);
  wsp_record_store_add (store, first);
  g_assert_null (wsp_record_store_get_save_error (store));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  g_assert_cmpint (symlink ("/dev/full", tmp), ==, 0);
  wsp_record_store_add (store, second);
  expected = g_strdup_printf ("Could not write “%s”: %s", tmp, g_strerror (ENOSPC));
  g_assert_cmpstr (wsp_record_store_get_save_error (store), ==, expected);

  /* Nothing lost: the file on disk is the old one, the new record is in memory. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));

  /* Try Again, with room on the disk. */
  g_assert_true (wsp_record_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_null (wsp_record_store_get_save_error (store));
  again = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  assert_same_record (nth (again, 1), second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

  g_test_add_func ("/records/round-trip", test_records_round_trip);
  g_test_add_func ("/records/insert", test_records_insert);
  g_test_add_func ("/records/ensure-for", test_records_ensure_for);
  g_test_add_func ("/records/text", test_records_text);
  g_test_add_data_func ("/records/interrupted/half-written",
                        GINT_TO_POINTER (WSP_RECORD_SAVE_HALF_WRITTEN), interrupted_save);
  g_test_add_data_func ("/records/interrupted/before-rename",
                        GINT_TO_POINTER (WSP_RECORD_SAVE_BEFORE_RENAME), interrupted_save);
  g_test_add_func ("/records/big-save", test_records_big_save);
  g_test_add_data_func ("/records/corrupt", &garbage, test_records_unreadable);
  g_test_add_data_func ("/records/duplicate-key", &key_twice, test_records_unreadable);
  g_test_add_func ("/records/partly-damaged", test_records_partly_damaged);
  g_test_add_func ("/records/cut", test_records_cut);
  g_test_add_data_func ("/records/unread/unsearchable", &unsearchable, test_records_unread);
  g_test_add_data_func ("/records/unread/file-for-folder", &file_in_folders_place,
                        test_records_unread);
  g_test_add_func ("/records/unread/moved-away", test_records_unread_moved_away);
  g_test_add_func ("/records/unread/appeared", test_records_unread_appeared);
  g_test_add_func ("/records/messages", test_records_messages);
  g_test_add_func ("/records/unwritable", test_records_unwritable);
  g_test_add_func ("/records/disk-full", test_records_disk_full);

  return g_test_run ();
}
