/* wsp-records-file.c: records.json read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wsp-json.h"
#include "wsp-record-private.h"
#include "wsp-records-file-private.h"

#define RECORDS_VERSION 1
/* Records nest four levels deep; anything much deeper is not ours. */
#define RECORDS_MAX_DEPTH 16

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

WspDraft *
wsp_draft_new (const char *page)
{
  WspDraft *draft = g_new0 (WspDraft, 1);

  draft->page = g_strdup (page);
  draft->objection = wsp_objection_new ();
  return draft;
}

void
wsp_draft_free (WspDraft *draft)
{
  g_free (draft->page);
  g_clear_object (&draft->objection);
  g_free (draft);
}

static WspDraft *
draft_from_json (JsonNode *node)
{
  g_autoptr(WspDraft) draft = NULL;
  JsonObject *object;
  JsonArray *array;
  const char *page, *country, *country_name;
  WspPlatforms platforms = WSP_PLATFORMS_NONE;
  WspPlatform current;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  page = get_string (object, "page");
  if (page == NULL)
    return NULL;

  /* json_object_get_array_member() is critical about anything but a list (found by
   * fuzz-records): look at the node first. */
  node = json_object_get_member (object, "platforms");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = node != NULL ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      WspPlatform p = JSON_NODE_HOLDS_VALUE (element) &&
                      json_node_get_value_type (element) == G_TYPE_STRING
                    ? platform_from_id (json_node_get_string (element)) : WSP_N_PLATFORMS;

      if (p == WSP_N_PLATFORMS)
        return NULL;
      platforms |= 1 << p;
    }

  current = platform_from_id (get_string (object, "current"));
  country = get_string (object, "country");
  country_name = get_string (object, "country-name");
  if ((country == NULL) != (country_name == NULL))
    return NULL;

  draft = wsp_draft_new (page);
  wsp_objection_set_platforms (draft->objection, platforms);
  while (wsp_objection_get_current (draft->objection) != current &&
         wsp_objection_advance_platform (draft->objection))
    ;
  wsp_objection_set_country (draft->objection, country, country_name);
  wsp_objection_set_email (draft->objection, get_string (object, "email"));
  wsp_objection_set_reason (draft->objection, get_string (object, "reason"));

  return g_steal_pointer (&draft);
}

static void
draft_to_json (const WspDraft *draft,
               JsonBuilder    *builder)
{
  WspObjection *objection = draft->objection;
  WspPlatforms platforms = wsp_objection_get_platforms (objection);
  WspPlatform current = wsp_objection_get_current (objection);

  json_builder_begin_object (builder);
  add_string (builder, "page", draft->page);
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (WspPlatform p = 0; p < WSP_N_PLATFORMS; p++)
    if (platforms & (1 << p))
      json_builder_add_string_value (builder, wsp_platform_get_id (p));
  json_builder_end_array (builder);
  if (current < WSP_N_PLATFORMS)
    add_string (builder, "current", wsp_platform_get_id (current));
  add_string (builder, "country", wsp_objection_get_country (objection));
  add_string (builder, "country-name", wsp_objection_get_country_name (objection));
  add_string (builder, "email", wsp_objection_get_email (objection));
  add_string (builder, "reason", wsp_objection_get_reason (objection));
  json_builder_end_object (builder);
}

/* Reads what it can: returns the number of entries it had to skip, or -1 when the file as a
 * whole is not a records file. */
int
wsp_records_file_parse (const char  *contents,
                        gsize        length,
                        GPtrArray   *records,
                        WspDraft   **draft,
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
int
wsp_records_file_salvage (const char  *contents,
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
  g_autoptr(WspDraft) draft = NULL;

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
  if (wsp_records_file_parse (repaired, strlen (repaired), records, &draft, NULL) < 0 || records->len == 0)
    {
      g_ptr_array_set_size (records, 0);
      return -1;
    }

  return records->len;
}

char *
wsp_records_file_serialize (GPtrArray      *records,
                            const WspDraft *draft,
                            gsize          *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORDS_VERSION);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    record_to_json (g_ptr_array_index (records, i), builder);
  json_builder_end_array (builder);
  if (draft != NULL)
    {
      json_builder_set_member_name (builder, "draft");
      draft_to_json (draft, builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}
