/* wsp-records.c
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
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wsp-json.h"
#include "wsp-records.h"

#define RECORDS_VERSION 1
/* Records nest four levels deep; anything much deeper is not ours. */
#define RECORDS_MAX_DEPTH 16

G_DEFINE_QUARK (wsp-records-error-quark, wsp_records_error)

const char *
wsp_record_state_get_label (WspRecordState state)
{
  switch (state)
    {
    case WSP_RECORD_NOT_STARTED:
      return _("Not started");
    case WSP_RECORD_OPENED:
      return _("Form opened");
    case WSP_RECORD_SENT:
      return _("Sent");
    case WSP_RECORD_CONFIRMED:
      return _("Confirmed");
    case WSP_RECORD_REFUSED:
      return _("Refused or no answer");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* WspRecord ------------------------------------------------------------------------------- */

struct _WspRecord
{
  GObject      parent_instance;

  char        *id;
  WspPlatform  platform;
  char        *label;
  char        *email;
  char        *country;
  char        *country_name;
  char        *reason;
  char        *url;
  gint64       opened;
  gint64       sent;
  gint64       confirmed;
  gint64       refused;
};

G_DEFINE_FINAL_TYPE (WspRecord, wsp_record, G_TYPE_OBJECT)

/* One signal for every change: the store saves and updates its list on it. */
enum {
  RECORD_CHANGED,
  N_RECORD_SIGNALS
};

static guint record_signals [N_RECORD_SIGNALS];

static void
wsp_record_finalize (GObject *object)
{
  WspRecord *self = (WspRecord *)object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->email);
  g_free (self->country);
  g_free (self->country_name);
  g_free (self->reason);
  g_free (self->url);

  G_OBJECT_CLASS (wsp_record_parent_class)->finalize (object);
}

static void
wsp_record_class_init (WspRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_record_finalize;

  record_signals [RECORD_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wsp_record_init (WspRecord *self)
{
}

WspRecord *
wsp_record_new (WspPlatform platform)
{
  WspRecord *self;

  g_return_val_if_fail (platform < WSP_N_PLATFORMS, NULL);

  self = g_object_new (WSP_TYPE_RECORD, NULL);
  self->id = g_uuid_string_random ();
  self->platform = platform;
  return self;
}

WspRecord *
wsp_record_new_from_objection (WspObjection *objection)
{
  WspRecord *self;

  g_return_val_if_fail (WSP_IS_OBJECTION (objection), NULL);
  g_return_val_if_fail (wsp_objection_get_current (objection) < WSP_N_PLATFORMS, NULL);

  self = wsp_record_new (wsp_objection_get_current (objection));
  self->email = g_strdup (wsp_objection_get_email (objection));
  self->country = g_strdup (wsp_objection_get_country (objection));
  self->country_name = g_strdup (wsp_objection_get_country_name (objection));
  self->reason = g_strdup (wsp_objection_get_reason (objection));
  return self;
}

gboolean
wsp_record_matches_objection (WspRecord    *self,
                              WspObjection *objection)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), FALSE);
  g_return_val_if_fail (WSP_IS_OBJECTION (objection), FALSE);

  return g_strcmp0 (self->email, wsp_objection_get_email (objection)) == 0 &&
         g_strcmp0 (self->country, wsp_objection_get_country (objection)) == 0 &&
         g_strcmp0 (self->reason, wsp_objection_get_reason (objection)) == 0;
}

void
wsp_objection_load_record (WspObjection *objection,
                           WspRecord    *self)
{
  g_return_if_fail (WSP_IS_OBJECTION (objection));
  g_return_if_fail (WSP_IS_RECORD (self));

  wsp_objection_set_platforms (objection, 1 << self->platform);
  wsp_objection_set_country (objection, self->country, self->country_name);
  wsp_objection_set_email (objection, self->email);
  wsp_objection_set_reason (objection, self->reason);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
emit_changed (WspRecord *self)
{
  g_signal_emit (self, record_signals [RECORD_CHANGED], 0);
}

const char *
wsp_record_get_id (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->id;
}

WspPlatform
wsp_record_get_platform (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), WSP_N_PLATFORMS);
  return self->platform;
}

const char *
wsp_record_get_label (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->label;
}

void
wsp_record_set_label (WspRecord  *self,
                      const char *label)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (WSP_IS_RECORD (self));

  stripped = label != NULL ? g_strstrip (g_strdup (label)) : NULL;
  if (set_string (&self->label, stripped != NULL && *stripped != '\0' ? stripped : NULL))
    emit_changed (self);
}

const char *
wsp_record_get_email (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->email;
}

void
wsp_record_set_email (WspRecord  *self,
                      const char *email)
{
  g_return_if_fail (WSP_IS_RECORD (self));

  if (set_string (&self->email, email))
    emit_changed (self);
}

const char *
wsp_record_get_country (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->country;
}

const char *
wsp_record_get_country_name (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->country_name;
}

void
wsp_record_set_country (WspRecord  *self,
                        const char *code,
                        const char *name)
{
  gboolean changed;

  g_return_if_fail (WSP_IS_RECORD (self));

  changed = set_string (&self->country, code);
  changed |= set_string (&self->country_name, name);
  if (changed)
    emit_changed (self);
}

const char *
wsp_record_get_reason (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->reason;
}

void
wsp_record_set_reason (WspRecord  *self,
                       const char *reason)
{
  g_return_if_fail (WSP_IS_RECORD (self));

  if (set_string (&self->reason, reason))
    emit_changed (self);
}

const char *
wsp_record_get_url (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return self->url;
}

void
wsp_record_set_url (WspRecord  *self,
                    const char *url)
{
  g_return_if_fail (WSP_IS_RECORD (self));

  if (set_string (&self->url, url))
    emit_changed (self);
}

static void
set_time (WspRecord *self,
          gint64    *field,
          gint64     when)
{
  if (*field != when)
    {
      *field = when;
      emit_changed (self);
    }
}

gint64
wsp_record_get_opened (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), 0);
  return self->opened;
}

void
wsp_record_set_opened (WspRecord *self,
                       gint64     when)
{
  g_return_if_fail (WSP_IS_RECORD (self));
  set_time (self, &self->opened, when);
}

gint64
wsp_record_get_sent (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), 0);
  return self->sent;
}

void
wsp_record_set_sent (WspRecord *self,
                     gint64     when)
{
  g_return_if_fail (WSP_IS_RECORD (self));
  set_time (self, &self->sent, when);
}

gint64
wsp_record_get_confirmed (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), 0);
  return self->confirmed;
}

void
wsp_record_set_confirmed (WspRecord *self,
                          gint64     when)
{
  g_return_if_fail (WSP_IS_RECORD (self));
  set_time (self, &self->confirmed, when);
}

gint64
wsp_record_get_refused (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), 0);
  return self->refused;
}

void
wsp_record_set_refused (WspRecord *self,
                        gint64     when)
{
  g_return_if_fail (WSP_IS_RECORD (self));
  set_time (self, &self->refused, when);
}

WspRecordState
wsp_record_get_state (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), WSP_RECORD_NOT_STARTED);

  /* Marked by the user, after a confirmation too: Meta may confirm and still not honour it. */
  if (self->refused != 0)
    return WSP_RECORD_REFUSED;
  if (self->confirmed != 0)
    return WSP_RECORD_CONFIRMED;
  if (self->sent != 0)
    return WSP_RECORD_SENT;
  if (self->opened != 0)
    return WSP_RECORD_OPENED;
  return WSP_RECORD_NOT_STARTED;
}

char *
wsp_record_dup_title (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);

  if (self->label == NULL)
    return g_strdup (wsp_platform_get_name (self->platform));

  /* Translators: a record's title: the platform, then the account's label, e.g.
   * "Instagram – Shop" */
  return g_strdup_printf (_("%s – %s"), wsp_platform_get_name (self->platform), self->label);
}

char *
wsp_record_format_time (gint64 when)
{
  g_autoptr(GDateTime) time = NULL;

  if (when == 0)
    return NULL;

  time = g_date_time_new_from_unix_local (when);
  /* Translators: a date and time in a record, see the strftime() manual; e.g. "%d.%m.%Y, %H:%M" */
  return g_date_time_format (time, _("%Y-%m-%d, %H:%M"));
}

char *
wsp_record_format_text (WspRecord *self)
{
  GString *text;
  g_autofree char *title = NULL;
  struct {
    const char *name;
    gint64      when;
  } times [4];

  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);

  title = wsp_record_dup_title (self);
  text = g_string_new (NULL);

  /* Translators: the heading of a saved record; %s is e.g. "Facebook" or "Instagram – Shop" */
  g_string_append_printf (text, _("Objection to AI training at Meta: %s"), title);
  g_string_append (text, "\n\n");

  g_string_append_printf (text, "%s\n  %s\n", _("Form address"), self->url != NULL ? self->url : "");
  g_string_append_printf (text, "%s\n  %s\n", _("Email address"),
                          self->email != NULL ? self->email : "");
  g_string_append_printf (text, "%s\n  %s\n", _("Country of residence"),
                          self->country_name != NULL ? self->country_name : _("Not chosen"));
  g_string_append_printf (text, "%s\n", _("Reason"));
  if (self->reason != NULL && *self->reason != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (self->reason, "\n", -1);

      for (guint i = 0; lines [i] != NULL; i++)
        g_string_append_printf (text, "  %s\n", lines [i]);
    }
  else
    {
      g_string_append_printf (text, "  %s\n", _("None"));
    }

  g_string_append (text, "\n");
  times [0].name = _("Form opened");
  times [0].when = self->opened;
  times [1].name = _("Sent");
  times [1].when = self->sent;
  times [2].name = _("Confirmation arrived");
  times [2].when = self->confirmed;
  times [3].name = _("Refused or no answer");
  times [3].when = self->refused;
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *date = wsp_record_format_time (times [i].when);

      /* Most records are never refused: the line only when they were. */
      if (i == 3 && times [i].when == 0)
        continue;

      g_string_append_printf (text, "%s: %s\n", times [i].name, date != NULL ? date : _("Not yet"));
    }

  g_string_append (text, "\n");
  g_string_append (text, _("Written by Widerspruch from what you entered and ticked. This is your "
                           "own note, not a receipt from Meta: keep Meta’s confirmation email "
                           "as well."));
  g_string_append (text, "\n");

  return g_string_free (text, FALSE);
}

/* JSON ------------------------------------------------------------------------------------ */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       when)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (when == 0)
    return;

  time = g_date_time_new_from_unix_utc (when);
  text = g_date_time_format_iso8601 (time);
  add_string (builder, name, text);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Returns FALSE when the member is there but not a date. */
static gboolean
get_time (JsonObject *object,
          const char *name,
          gint64     *out)
{
  const char *text = get_string (object, name);
  g_autoptr(GDateTime) time = NULL;

  *out = 0;
  if (!json_object_has_member (object, name))
    return TRUE;
  if (text == NULL || (time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return FALSE;

  *out = g_date_time_to_unix (time);
  return TRUE;
}

static WspPlatform
platform_from_id (const char *id)
{
  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    if (g_strcmp0 (id, wsp_platform_get_id (p)) == 0)
      return p;

  return WSP_N_PLATFORMS;
}

static void
record_to_json (WspRecord   *self,
                JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", self->id);
  add_string (builder, "platform", wsp_platform_get_id (self->platform));
  add_string (builder, "label", self->label);
  add_string (builder, "email", self->email);
  add_string (builder, "country", self->country);
  add_string (builder, "country-name", self->country_name);
  add_string (builder, "reason", self->reason);
  add_string (builder, "url", self->url);
  add_time (builder, "opened", self->opened);
  add_time (builder, "sent", self->sent);
  add_time (builder, "confirmed", self->confirmed);
  add_time (builder, "refused", self->refused);
  json_builder_end_object (builder);
}

/* Returns NULL for anything that is not a whole record. */
static WspRecord *
record_from_json (JsonNode *node)
{
  g_autoptr(WspRecord) self = NULL;
  JsonObject *object;
  const char *id;
  WspPlatform platform;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  id = get_string (object, "id");
  platform = platform_from_id (get_string (object, "platform"));
  if (id == NULL || *id == '\0' || platform == WSP_N_PLATFORMS)
    return NULL;

  self = g_object_new (WSP_TYPE_RECORD, NULL);
  self->id = g_strdup (id);
  self->platform = platform;
  self->label = g_strdup (get_string (object, "label"));
  self->email = g_strdup (get_string (object, "email"));
  self->country = g_strdup (get_string (object, "country"));
  self->country_name = g_strdup (get_string (object, "country-name"));
  self->reason = g_strdup (get_string (object, "reason"));
  self->url = g_strdup (get_string (object, "url"));
  if ((self->country == NULL) != (self->country_name == NULL))
    return NULL;
  if (!get_time (object, "opened", &self->opened) ||
      !get_time (object, "sent", &self->sent) ||
      !get_time (object, "confirmed", &self->confirmed) ||
      !get_time (object, "refused", &self->refused))
    return NULL;

  return g_steal_pointer (&self);
}

/* WspRecordStore -------------------------------------------------------------------------- */

typedef struct {
  char         *page;
  WspPlatforms  platforms;
  /* The platform whose form was being filled in ("both": the second one may be next). */
  WspPlatform   current;
  char         *country;
  char         *country_name;
  char         *email;
  char         *reason;
} Draft;

static void
draft_free (Draft *draft)
{
  g_free (draft->page);
  g_free (draft->country);
  g_free (draft->country_name);
  g_free (draft->email);
  g_free (draft->reason);
  g_free (draft);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Draft, draft_free)

struct _WspRecordStore
{
  GObject            parent_instance;

  char              *path;
  GPtrArray         *records;
  Draft             *draft;
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
  if (set_string (&self->save_error, message))
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
  g_clear_pointer (&self->draft, draft_free);
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

static Draft *
draft_from_json (JsonNode *node)
{
  g_autoptr(Draft) draft = NULL;
  JsonObject *object;
  JsonArray *platforms;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  draft = g_new0 (Draft, 1);
  draft->page = g_strdup (get_string (object, "page"));
  if (draft->page == NULL)
    return NULL;

  /* json_object_get_array_member() is critical about anything but a list (found by
   * fuzz-records): look at the node first. */
  node = json_object_get_member (object, "platforms");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  platforms = node != NULL ? json_node_get_array (node) : NULL;
  for (guint i = 0; platforms != NULL && i < json_array_get_length (platforms); i++)
    {
      JsonNode *element = json_array_get_element (platforms, i);
      WspPlatform p = JSON_NODE_HOLDS_VALUE (element) &&
                      json_node_get_value_type (element) == G_TYPE_STRING
                    ? platform_from_id (json_node_get_string (element)) : WSP_N_PLATFORMS;

      if (p == WSP_N_PLATFORMS)
        return NULL;
      draft->platforms |= 1 << p;
    }

  draft->current = platform_from_id (get_string (object, "current"));
  draft->country = g_strdup (get_string (object, "country"));
  draft->country_name = g_strdup (get_string (object, "country-name"));
  draft->email = g_strdup (get_string (object, "email"));
  draft->reason = g_strdup (get_string (object, "reason"));
  if ((draft->country == NULL) != (draft->country_name == NULL))
    return NULL;

  return g_steal_pointer (&draft);
}

static void
draft_to_json (Draft       *draft,
               JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  add_string (builder, "page", draft->page);
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    if (draft->platforms & (1 << p))
      json_builder_add_string_value (builder, wsp_platform_get_id (p));
  json_builder_end_array (builder);
  if (draft->current < WSP_N_PLATFORMS)
    add_string (builder, "current", wsp_platform_get_id (draft->current));
  add_string (builder, "country", draft->country);
  add_string (builder, "country-name", draft->country_name);
  add_string (builder, "email", draft->email);
  add_string (builder, "reason", draft->reason);
  json_builder_end_object (builder);
}

/* Reads what it can: returns the number of entries it had to skip, or -1 when the file as a
 * whole is not a records file. */
static int
parse_records (const char  *contents,
               gsize        length,
               GPtrArray   *records,
               Draft      **draft,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) parse_error = NULL;
  int skipped = 0;

  WspJsonProblem problem = wsp_json_check (contents, length, RECORDS_MAX_DEPTH);

  /* json-glib 1.6 must not see what it mishandles (see wsp-json.h); found by fuzz-records. */
  if (problem != WSP_JSON_OK)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           wsp_json_problem_message (problem));
      return -1;
    }

  if (!json_parser_load_from_data (parser, contents, length, &parse_error))
    {
      /* json-glib quotes the bad token, and may cut it inside a character (found by
       * fuzz-records): the user reads this message. */
      g_autofree char *valid = g_utf8_make_valid (parse_error->message, -1);

      g_set_error_literal (error, parse_error->domain, parse_error->code, valid);
      return -1;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("not a JSON object"));
      return -1;
    }

  root = json_node_get_object (node);
  /* Not json_object_get_int_member_with_default(): it is critical about a list or an object
   * (found by fuzz-records). */
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != RECORDS_VERSION)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("a version this app does not know"));
      return -1;
    }

  node = json_object_get_member (root, "records");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("the records are not a list"));
      return -1;
    }

  array = node != NULL ? json_node_get_array (node) : NULL;
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autoptr(WspRecord) record = record_from_json (json_array_get_element (array, i));

      /* A second record with the same id would be unreachable: count it as damage. Not
       * g_hash_table_add() alone: on a repeated key it keeps the new key, the duplicate's id,
       * which is freed with the duplicate (found by fuzz-records). */
      if (record == NULL || g_hash_table_contains (ids, record->id))
        {
          skipped++;
        }
      else
        {
          g_hash_table_add (ids, record->id);
          g_ptr_array_add (records, g_steal_pointer (&record));
        }
    }

  node = json_object_get_member (root, "draft");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      *draft = draft_from_json (node);
      if (*draft == NULL)
        skipped++;
    }

  return skipped;
}

/* A whole file cut off (a crash, a full disk while copying it) ends inside a record: every
 * record before the cut is whole. Closes the records list after the last whole record and
 * reads that. Returns how many records it kept, or -1 when that does not give a records file. */
static int
salvage_records (const char  *contents,
                 gsize        length,
                 GPtrArray   *records)
{
  char stack [RECORDS_MAX_DEPTH];
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  gboolean in_records = FALSE;
  gsize string_start = 0, key_start = 0, key_length = 0;
  gsize cut = 0;
  const char *closing = NULL;
  g_autofree char *head = NULL;
  g_autofree char *repaired = NULL;
  g_autoptr(Draft) draft = NULL;

  for (gsize i = 0; i < length; i++)
    {
      char c = contents [i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            {
              in_string = FALSE;
              /* At the top level a string before "[" is the name of the list. */
              if (depth == 1)
                {
                  key_start = string_start;
                  key_length = i - string_start;
                }
            }
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          string_start = i + 1;
          break;

        case '{':
        case '[':
          if (depth == G_N_ELEMENTS (stack))
            return -1;
          if (depth == 1)
            in_records = c == '[' && key_length == strlen ("records") &&
                         memcmp (contents + key_start, "records", key_length) == 0;
          stack [depth++] = c;
          break;

        case '}':
        case ']':
          if (depth == 0 || stack [depth - 1] != (c == '}' ? '{' : '['))
            return -1;
          depth--;
          if (in_records && depth == 2 && c == '}')
            {
              /* A whole record. */
              cut = i + 1;
              closing = "]}";
            }
          else if (in_records && depth == 1)
            {
              /* The whole list: what comes after it (the unfinished objection) is lost. */
              cut = i + 1;
              closing = "}";
            }
          break;

        default:
          break;
        }
    }

  if (closing == NULL)
    return -1;

  head = g_strndup (contents, cut);
  repaired = g_strconcat (head, closing, NULL);

  /* Cut before the unfinished objection, or inside it: that is lost. */
  if (parse_records (repaired, strlen (repaired), records, &draft, NULL) < 0 || records->len == 0)
    {
      g_ptr_array_set_size (records, 0);
      return -1;
    }

  return records->len;
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
  if (set_string (&self->notice, notice))
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

  g_clear_pointer (&self->draft, draft_free);
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
      skipped = parse_records (contents, length, records, &self->draft, &local_error);
      if (skipped < 0)
        kept = salvage_records (contents, length, records);
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
  Draft *draft = NULL;
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
  if (parse_records (contents, length, records, &draft, NULL) != 0)
    {
      g_clear_pointer (&draft, draft_free);
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
      g_clear_pointer (&draft, draft_free);
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
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
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
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, RECORDS_VERSION);
      json_builder_set_member_name (builder, "records");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->records->len; i++)
        record_to_json (g_ptr_array_index (self->records, i), builder);
      json_builder_end_array (builder);
      if (self->draft != NULL)
        {
          json_builder_set_member_name (builder, "draft");
          draft_to_json (self->draft, builder);
        }
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      generator = json_generator_new ();
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, &length);

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
      g_clear_pointer (&self->draft, draft_free);
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
  wsp_record_set_email (record, wsp_objection_get_email (objection));
  wsp_record_set_country (record, wsp_objection_get_country (objection),
                          wsp_objection_get_country_name (objection));
  wsp_record_set_reason (record, wsp_objection_get_reason (objection));
  wsp_record_store_release (self);

  return record;
}

static gboolean
draft_equal (const Draft *a,
             const Draft *b)
{
  return g_strcmp0 (a->page, b->page) == 0 &&
         a->platforms == b->platforms &&
         a->current == b->current &&
         g_strcmp0 (a->country, b->country) == 0 &&
         g_strcmp0 (a->country_name, b->country_name) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

void
wsp_record_store_set_draft (WspRecordStore *self,
                            WspObjection   *objection,
                            const char     *page,
                            gboolean        keep_email)
{
  g_autoptr(Draft) draft = NULL;

  g_return_if_fail (WSP_IS_RECORD_STORE (self));
  g_return_if_fail (WSP_IS_OBJECTION (objection));
  g_return_if_fail (page != NULL);

  draft = g_new0 (Draft, 1);
  draft->page = g_strdup (page);
  draft->platforms = wsp_objection_get_platforms (objection);
  draft->current = wsp_objection_get_current (objection);
  draft->country = g_strdup (wsp_objection_get_country (objection));
  draft->country_name = g_strdup (wsp_objection_get_country_name (objection));
  draft->email = keep_email ? g_strdup (wsp_objection_get_email (objection)) : NULL;
  draft->reason = g_strdup (wsp_objection_get_reason (objection));

  if (self->draft != NULL && draft_equal (self->draft, draft))
    return;

  g_clear_pointer (&self->draft, draft_free);
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

  g_clear_pointer (&self->draft, draft_free);
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

  return self->draft != NULL ? self->draft->platforms : WSP_PLATFORMS_NONE;
}

gboolean
wsp_record_store_restore_draft (WspRecordStore *self,
                                WspObjection   *objection)
{
  g_return_val_if_fail (WSP_IS_RECORD_STORE (self), FALSE);
  g_return_val_if_fail (WSP_IS_OBJECTION (objection), FALSE);

  if (self->draft == NULL)
    return FALSE;

  wsp_objection_set_platforms (objection, self->draft->platforms);
  while (wsp_objection_get_current (objection) != self->draft->current &&
         wsp_objection_advance_platform (objection))
    ;
  wsp_objection_set_country (objection, self->draft->country, self->draft->country_name);
  wsp_objection_set_email (objection, self->draft->email);
  wsp_objection_set_reason (objection, self->draft->reason);
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
