/* wsp-record-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* renameat2() */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wsp-record-private.h"
#include "wsp-record-store.h"
#include "wsp-records-file-private.h"
#include "wsp-string.h"

G_DEFINE_QUARK (wsp-records-error-quark, wsp_records_error)

struct _WspRecordStore
{
  GObject            parent_instance;

  char              *path;
  GPtrArray         *records;
  WspDraft          *draft;
  char              *notice;
  char              *save_error;

  guint              hold_count;
  gboolean           dirty;
  /* Set when the file could be neither read nor moved aside: never overwrite it then. */
  gboolean           protect_file;
  /* The file at the path as last read or written (the same inode, size and time of the last
   * change to its contents): the only one a save may replace. */
  gboolean           known_file;
  struct stat        known;

  WspRecordSaveHook  save_hook;
  gpointer           save_hook_data;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspRecordStore, wsp_record_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_NOTICE,
  PROP_SAVE_ERROR,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_RECORD_STORE (model)->records->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspRecordStore *self = WSP_RECORD_STORE (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_save_error (WspRecordStore *self,
                const char     *message)
{
  if (wsp_set_string (&self->save_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAVE_ERROR]);
}

/* Every change is written at once, unless held; a failed write stays dirty and the next change
 * tries again. */
static void
changed (WspRecordStore *self)
{
  self->dirty = TRUE;

  if (self->hold_count == 0)
    wsp_record_store_save (self, NULL);
}

static void
on_record_changed (WspRecordStore *self,
                   WspRecord      *record)
{
  guint position;

  if (g_ptr_array_find (self->records, record, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);

  changed (self);
}

static void
disconnect_record (gpointer data,
                   gpointer user_data)
{
  g_signal_handlers_disconnect_by_data (data, user_data);
}

static void
wsp_record_store_finalize (GObject *object)
{
  WspRecordStore *self = (WspRecordStore *)object;

  g_ptr_array_foreach (self->records, disconnect_record, self);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->draft, wsp_draft_free);
  g_free (self->path);
  g_free (self->notice);
  g_free (self->save_error);

  G_OBJECT_CLASS (wsp_record_store_parent_class)->finalize (object);
}

static void
wsp_record_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WspRecordStore *self = WSP_RECORD_STORE (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->draft != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_record_store_class_init (WspRecordStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_record_store_finalize;
  object_class->get_property = wsp_record_store_get_property;

  properties [PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_DRAFT] =
    g_param_spec_boolean ("has-draft", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_record_store_init (WspRecordStore *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}

WspRecordStore *
wsp_record_store_new (const char *path)
{
  WspRecordStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (WSP_TYPE_RECORD_STORE, NULL);
  self->path = g_strdup (path);
  return self;
}

WspRecordStore *
wsp_record_store_get_default (void)
{
  static WspRecordStore *store;

  if (store == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "widerspruch",
                                                "records.json", NULL);

      store = wsp_record_store_new (path);
      /* A damaged file is logged, and the notice keeps the message for the window to show. */
      wsp_record_store_load (store, NULL);
    }

  return store;
}

const char *
wsp_record_store_get_path (WspRecordStore *self)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);

  return self->path;
}

static void
append_record (WspRecordStore *self,
               WspRecord      *record)
{
  g_ptr_array_add (self->records, g_object_ref (record));
  g_signal_connect_object (record, "changed", G_CALLBACK (on_record_changed), self,
                           G_CONNECT_SWAPPED);
}

/* "records.json.broken-20261128-101500", or with "-2" and on when that is taken. */
static char *
backup_name (const char *name,
             const char *kind,
             guint       n)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  if (n < 2)
    return g_strdup_printf ("%s.%s-%s", name, kind, stamp);
  return g_strdup_printf ("%s.%s-%s-%u", name, kind, stamp, n);
}

static char *
backup_path (WspRecordStore *self)
{
  char *path = backup_name (self->path, "broken", 1);

  /* Two failures in the same second must not overwrite the first backup. */
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = backup_name (self->path, "broken", i);
    }

  return path;
}

static void
set_notice (WspRecordStore *self,
            const char     *notice)
{
  if (wsp_set_string (&self->notice, notice))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTICE]);
}

/* Takes @records as the list, telling the list's watchers. */
static void
set_records (WspRecordStore *self,
             GPtrArray      *records)
{
  guint old_n = self->records->len;

  g_ptr_array_foreach (self->records, disconnect_record, self);
  g_ptr_array_set_size (self->records, 0);
  for (guint i = 0; i < records->len; i++)
    append_record (self, g_ptr_array_index (records, i));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->records->len);
}

/* Reads the file and remembers it as the one a save may replace; not when it changed while
 * being read. */
static gboolean
read_file (WspRecordStore  *self,
           char           **contents,
           gsize           *length,
           GError         **error)
{
  struct stat before, after;
  gboolean have_before = lstat (self->path, &before) == 0;

  self->known_file = FALSE;
  if (!g_file_get_contents (self->path, contents, length, error))
    return FALSE;

  if (have_before && lstat (self->path, &after) == 0 &&
      before.st_dev == after.st_dev && before.st_ino == after.st_ino)
    {
      self->known_file = TRUE;
      self->known = after;
    }

  return TRUE;
}

gboolean
wsp_record_store_load (WspRecordStore  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *contents = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *message = NULL;
  gsize length;
  int skipped;
  int kept = -1;

  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), FALSE);

  g_clear_pointer (&self->draft, wsp_draft_free);
  self->protect_file = FALSE;
  self->dirty = FALSE;

  if (!read_file (self, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          set_records (self, records);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);
          return TRUE;
        }
      skipped = -1;
    }
  else
    {
      skipped = wsp_records_file_parse (contents, length, records, &self->draft, &local_error);
      if (skipped < 0)
        kept = wsp_records_file_salvage (contents, length, records);
    }

  set_records (self, records);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);

  if (skipped == 0)
    return TRUE;

  /* Keep the file as it was: what could not be read may still be rescued by hand. */
  backup = backup_path (self);
  if (g_rename (self->path, backup) != 0)
    {
      int saved_errno = errno;

      self->protect_file = TRUE;
      message = g_strdup_printf (_("Your records in “%s” could not be read (%s), nor moved aside (%s). "
                                   "Widerspruch will not change the file."),
                                 self->path,
                                 local_error != NULL ? local_error->message : _("some entries are damaged"),
                                 g_strerror (saved_errno));
    }
  else if (kept > 0)
    {
      message = g_strdup_printf (ngettext ("The end of your records file is missing. Widerspruch "
                                           "kept the %d complete record before it; the whole file "
                                           "was kept as “%s”.",
                                           "The end of your records file is missing. Widerspruch "
                                           "kept the %d complete records before it; the whole file "
                                           "was kept as “%s”.",
                                           kept),
                                 kept, backup);
      changed (self);
    }
  else if (skipped < 0)
    {
      message = g_strdup_printf (_("Your records could not be read (%s). The file was kept as “%s”; "
                                   "Widerspruch starts without records."),
                                 local_error->message, backup);
    }
  else
    {
      message = g_strdup_printf (ngettext ("%d entry in your records could not be read. The file was "
                                           "kept as “%s”; Widerspruch starts with the rest.",
                                           "%d entries in your records could not be read. The file was "
                                           "kept as “%s”; Widerspruch starts with the rest.",
                                           skipped),
                                 skipped, backup);
      /* Write the readable rest, so the next start finds a good file. */
      changed (self);
    }

  g_message ("%s", message);
  set_notice (self, message);
  g_set_error_literal (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_DAMAGED, message);
  return FALSE;
}

/* The file could be neither read nor moved aside when the store loaded it, so it is left alone
 * until it is gone (the user moved it away: ENOENT, not any other failure) or can be read
 * whole (the folder was repaired); then its records join the ones made since. */
static gboolean
end_protection (WspRecordStore *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *contents = NULL;
  WspDraft *draft = NULL;
  struct stat st;
  gsize length;

  if (lstat (self->path, &st) != 0)
    {
      if (errno != ENOENT)
        return FALSE;
      self->protect_file = FALSE;
      return TRUE;
    }

  if (!read_file (self, &contents, &length, NULL))
    return FALSE;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  if (wsp_records_file_parse (contents, length, records, &draft, NULL) != 0)
    {
      g_clear_pointer (&draft, wsp_draft_free);
      self->known_file = FALSE;
      return FALSE;
    }

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (ids, WSP_RECORD (g_ptr_array_index (records, i))->id);
  for (guint i = 0; i < self->records->len; i++)
    {
      WspRecord *record = g_ptr_array_index (self->records, i);

      if (!g_hash_table_contains (ids, record->id))
        g_ptr_array_add (records, g_object_ref (record));
    }
  g_clear_pointer (&ids, g_hash_table_unref);
  set_records (self, records);

  /* The unfinished objection of this session is newer than the file's. */
  if (self->draft == NULL && draft != NULL)
    {
      self->draft = draft;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);
    }
  else
    {
      g_clear_pointer (&draft, wsp_draft_free);
    }

  self->protect_file = FALSE;
  /* It said that the file would not be changed: now it is read, and changes as usual. */
  set_notice (self, NULL);
  return TRUE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           WspRecordStore *self)
{
  gsize done = 0;
  gboolean hooked = FALSE;

  while (done < length)
    {
      /* Half, then the rest: the test hook can stop the process in between. */
      gsize chunk = !hooked ? MAX (length / 2, 1) - done : length - done;
      gssize n = write (fd, data + done, chunk);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      done += n;

      if (!hooked && done >= MAX (length / 2, 1))
        {
          hooked = TRUE;
          if (self->save_hook != NULL)
            self->save_hook (WSP_RECORD_SAVE_HALF_WRITTEN, self->save_hook_data);
        }
    }

  return TRUE;
}

/* renameat2 (RENAME_NOREPLACE): @from becomes @to only when nothing is at @to, else EEXIST. A
 * file system without it gets a hard link, which fails the same way; one without links too, a
 * look before the rename. */
static int
rename_noreplace (int         dir_fd,
                  const char *from,
                  const char *to)
{
  struct stat st;

  if (renameat2 (dir_fd, from, dir_fd, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return -1;

  if (linkat (dir_fd, from, dir_fd, to, 0) == 0)
    return unlinkat (dir_fd, from, 0);
  if (errno == EEXIST)
    return -1;

  if (fstatat (dir_fd, to, &st, AT_SYMLINK_NOFOLLOW) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  return renameat (dir_fd, from, dir_fd, to);
}

/* Moves the file at @name in @dir_fd to a free "NAME.kept-STAMP"; returns that name. */
static char *
move_aside (int         dir_fd,
            const char *name)
{
  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *kept = backup_name (name, "kept", i);

      if (rename_noreplace (dir_fd, name, kept) == 0)
        return g_steal_pointer (&kept);
      if (errno != EEXIST)
        return NULL;
    }

  errno = EEXIST;
  return NULL;
}

/* Whether @st is the file the store last read or wrote: another program may also have written
 * into it since (the same inode, but other contents). */
static gboolean
is_known_file (WspRecordStore    *self,
               const struct stat *st)
{
  return self->known_file &&
         st->st_dev == self->known.st_dev && st->st_ino == self->known.st_ino &&
         st->st_size == self->known.st_size &&
         st->st_mtim.tv_sec == self->known.st_mtim.tv_sec &&
         st->st_mtim.tv_nsec == self->known.st_mtim.tv_nsec;
}

/* Puts @tmp_name in place of @name, both in @dir_fd, replacing only the file the store last read
 * or wrote: any other file there (one the store could not read, one that came since) is moved
 * aside first, and its new name returned in @kept_name. */
static gboolean
put_in_place (WspRecordStore  *self,
              int              dir_fd,
              const char      *tmp_name,
              const char      *name,
              char           **kept_name)
{
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      struct stat st;

      if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
        {
          if (is_known_file (self, &st))
            return renameat (dir_fd, tmp_name, dir_fd, name) == 0;

          g_free (*kept_name);
          *kept_name = move_aside (dir_fd, name);
          if (*kept_name == NULL)
            return FALSE;
          continue;
        }

      if (errno != ENOENT)
        return FALSE;
      if (rename_noreplace (dir_fd, tmp_name, name) == 0)
        return TRUE;
      /* Another file came in between: look again. */
      if (errno != EEXIST)
        return FALSE;
    }

  return FALSE;
}

/* Temporary file in the same directory, write, fsync, rename: the file on disk is always either
 * the old or the new one. Written by hand (not g_file_set_contents) for the test hook, and for
 * put_in_place(): a file the store never read is never replaced. */
static gboolean
write_atomically (WspRecordStore  *self,
                  const char      *data,
                  gsize            length,
                  GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *tmp_name = g_strconcat (name, ".tmp", NULL);
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);
  g_autofree char *kept_name = NULL;
  struct stat st;
  int saved_errno;
  int dir_fd;
  int fd = -1;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Every step below by this handle: the folder cannot be swapped in between. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    fd = openat (dir_fd, tmp_name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (dir_fd < 0 || fd < 0)
    {
      saved_errno = errno;
      if (dir_fd >= 0)
        close (dir_fd);
      g_set_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE,
                   _("Could not write “%s”: %s"), tmp, g_strerror (saved_errno));
      return FALSE;
    }

  if (!write_all (fd, data, length, self) || fsync (fd) != 0 || fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      unlinkat (dir_fd, tmp_name, 0);
      close (dir_fd);
      g_set_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE,
                   _("Could not write “%s”: %s"), tmp, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      unlinkat (dir_fd, tmp_name, 0);
      close (dir_fd);
      g_set_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE,
                   _("Could not write “%s”: %s"), tmp, g_strerror (saved_errno));
      return FALSE;
    }

  if (self->save_hook != NULL)
    self->save_hook (WSP_RECORD_SAVE_BEFORE_RENAME, self->save_hook_data);

  if (!put_in_place (self, dir_fd, tmp_name, name, &kept_name))
    {
      saved_errno = errno;
      unlinkat (dir_fd, tmp_name, 0);
      close (dir_fd);
      g_set_error (error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE,
                   _("Could not write “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  self->known_file = TRUE;
  self->known = st;

  /* The rename itself must reach the disk too. */
  fsync (dir_fd);
  close (dir_fd);

  if (kept_name != NULL)
    {
      g_autofree char *kept = g_build_filename (dir, kept_name, NULL);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Widerspruch found a records file it had not read at “%s”, and "
                                   "kept it as “%s”."),
                                 self->path, kept);
      g_message ("%s", message);
      set_notice (self, message);
    }

  return TRUE;
}

gboolean
wsp_record_store_save (WspRecordStore  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), FALSE);

  if (self->protect_file && !end_protection (self))
    {
      g_set_error (&local_error, WSP_RECORDS_ERROR, WSP_RECORDS_ERROR_WRITE,
                   _("“%s” could not be read, so it is not overwritten. Move it away and try again."),
                   self->path);
    }
  else
    {
      data = wsp_records_file_serialize (self->records, self->draft, &length);

      if (write_atomically (self, data, length, &local_error))
        {
          self->dirty = FALSE;
          set_save_error (self, NULL);
          return TRUE;
        }
    }

  g_message ("Records not saved: %s", local_error->message);
  set_save_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

const char *
wsp_record_store_get_notice (WspRecordStore *self)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);

  return self->notice;
}

void
wsp_record_store_clear_notice (WspRecordStore *self)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));

  set_notice (self, NULL);
}

const char *
wsp_record_store_get_save_error (WspRecordStore *self)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);

  return self->save_error;
}

char *
wsp_record_store_dup_save_message (WspRecordStore *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);

  if (self->save_error == NULL)
    return NULL;

  /* The message ends the reason with its own full stop; some reasons are whole sentences. */
  reason = g_strdup (self->save_error);
  g_strchomp (reason);
  while (g_str_has_suffix (reason, "."))
    reason [strlen (reason) - 1] = '\0';

  /* Translators: %s says why, e.g. "Could not write “…/records.json”: Permission denied" */
  return g_strdup_printf (_("Your records could not be saved. %s. They are kept while "
                            "Widerspruch is open; it tries again with every change."),
                          reason);
}

void
wsp_record_store_hold (WspRecordStore *self)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));

  self->hold_count++;
}

void
wsp_record_store_release (WspRecordStore *self)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));
  g_return_if_fail (self->hold_count > 0);

  if (--self->hold_count == 0 && self->dirty)
    wsp_record_store_save (self, NULL);
}

void
wsp_record_store_add (WspRecordStore *self,
                      WspRecord      *record)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));
  g_return_if_fail (WSP_IS_RECORD (record));
  g_return_if_fail (wsp_record_store_lookup (self, record->id) == NULL);

  append_record (self, record);
  g_list_model_items_changed (G_LIST_MODEL (self), self->records->len - 1, 0, 1);
  changed (self);
}

void
wsp_record_store_insert (WspRecordStore *self,
                         guint           position,
                         WspRecord      *record)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));
  g_return_if_fail (WSP_IS_RECORD (record));
  g_return_if_fail (wsp_record_store_lookup (self, record->id) == NULL);

  position = MIN (position, self->records->len);
  g_ptr_array_insert (self->records, position, g_object_ref (record));
  g_signal_connect_object (record, "changed", G_CALLBACK (on_record_changed), self,
                           G_CONNECT_SWAPPED);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  changed (self);
}

void
wsp_record_store_remove (WspRecordStore *self,
                         WspRecord      *record)
{
  guint position;

  g_return_if_fail (WSP_IS_RECORD_STORE (self));
  g_return_if_fail (WSP_IS_RECORD (record));

  if (!g_ptr_array_find (self->records, record, &position))
    return;

  disconnect_record (record, self);
  g_ptr_array_remove_index (self->records, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  changed (self);
}

void
wsp_record_store_remove_all (WspRecordStore *self)
{
  guint n;

  g_return_if_fail (WSP_IS_RECORD_STORE (self));

  /* The user chose to start afresh: a file the store could not read may go now. It is not lost
   * even so: the save moves a file it never read aside. */
  self->protect_file = FALSE;

  n = self->records->len;
  g_ptr_array_foreach (self->records, disconnect_record, self);
  g_ptr_array_set_size (self->records, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
  if (self->draft != NULL)
    {
      g_clear_pointer (&self->draft, wsp_draft_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);
    }
  changed (self);
}

WspRecord *
wsp_record_store_lookup (WspRecordStore *self,
                         const char     *id)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);

  for (guint i = 0; id != NULL && i < self->records->len; i++)
    {
      WspRecord *record = g_ptr_array_index (self->records, i);

      if (g_str_equal (record->id, id))
        return record;
    }

  return NULL;
}

WspRecord *
wsp_record_store_ensure_for (WspRecordStore *self,
                             WspRecord      *current,
                             WspObjection   *objection,
                             gboolean        resume,
                             const char     *url)
{
  WspPlatform platform;
  WspRecord *record = NULL;
  guint n;

  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);
  g_return_val_if_fail (current == NULL || WSP_IS_RECORD (current), NULL);
  g_return_val_if_fail (WSP_IS_OBJECTION (objection), NULL);

  platform = wsp_objection_get_current (objection);
  if (platform >= WSP_N_PLATFORMS)
    return NULL;

  if (current != NULL && current->platform == platform &&
      (wsp_record_get_state (current) < WSP_RECORD_SENT ||
       wsp_record_matches_objection (current, objection)))
    record = g_object_ref (current);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; resume && record == NULL && i < n; i++)
    {
      g_autoptr(WspRecord) other = g_list_model_get_item (G_LIST_MODEL (self), i);

      if (other->platform == platform && wsp_record_get_state (other) < WSP_RECORD_SENT &&
          wsp_record_matches_objection (other, objection))
        record = g_steal_pointer (&other);
    }

  if (record == NULL)
    {
      record = wsp_record_new_from_objection (objection);
      wsp_record_set_url (record, url);
      wsp_record_store_add (self, record);
      return record;
    }

  wsp_record_store_hold (self);
  wsp_record_update_from_objection (record, objection);
  wsp_record_store_release (self);

  return record;
}

void
wsp_record_store_set_draft (WspRecordStore *self,
                            WspObjection   *objection,
                            const char     *page,
                            gboolean        keep_email)
{
  g_autoptr(WspDraft) draft = NULL;

  g_return_if_fail (WSP_IS_RECORD_STORE (self));
  g_return_if_fail (WSP_IS_OBJECTION (objection));
  g_return_if_fail (page != NULL);

  draft = wsp_draft_new (page);
  wsp_objection_assign (draft->objection, objection);
  if (!keep_email)
    wsp_objection_set_email (draft->objection, NULL);

  if (self->draft != NULL && g_str_equal (self->draft->page, draft->page) &&
      wsp_objection_equal (self->draft->objection, draft->objection))
    return;

  g_clear_pointer (&self->draft, wsp_draft_free);
  self->draft = g_steal_pointer (&draft);
  /* Also when only its contents changed: the welcome page shows them. */
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);
  changed (self);
}

void
wsp_record_store_clear_draft (WspRecordStore *self)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));

  if (self->draft == NULL)
    return;

  g_clear_pointer (&self->draft, wsp_draft_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);
  changed (self);
}

const char *
wsp_record_store_get_draft_page (WspRecordStore *self)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), NULL);

  return self->draft != NULL ? self->draft->page : NULL;
}

WspPlatforms
wsp_record_store_get_draft_platforms (WspRecordStore *self)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), WSP_PLATFORMS_NONE);

  return self->draft != NULL ? wsp_objection_get_platforms (self->draft->objection)
                             : WSP_PLATFORMS_NONE;
}

gboolean
wsp_record_store_restore_draft (WspRecordStore *self,
                                WspObjection   *objection)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), FALSE);
  g_return_val_if_fail (WSP_IS_OBJECTION (objection), FALSE);

  if (self->draft == NULL)
    return FALSE;

  wsp_objection_assign (objection, self->draft->objection);
  return TRUE;
}

void
wsp_record_store_set_save_hook (WspRecordStore    *self,
                                WspRecordSaveHook  hook,
                                gpointer           user_data)
{
  g_return_if_fail (WSP_IS_RECORD_STORE (self));

  self->save_hook = hook;
  self->save_hook_data = user_data;
}
