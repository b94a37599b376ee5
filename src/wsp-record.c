/* wsp-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-record-private.h"
#include "wsp-string.h"

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
  wsp_record_update_from_objection (self, objection);
  return self;
}

void
wsp_record_update_from_objection (WspRecord    *self,
                                  WspObjection *objection)
{
  g_return_if_fail (WSP_IS_RECORD (self));
  g_return_if_fail (WSP_IS_OBJECTION (objection));

  wsp_record_set_email (self, wsp_objection_get_email (objection));
  wsp_record_set_country (self, wsp_objection_get_country (objection),
                          wsp_objection_get_country_name (objection));
  wsp_record_set_reason (self, wsp_objection_get_reason (objection));
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
  if (wsp_set_string (&self->label, stripped != NULL && *stripped != '\0' ? stripped : NULL))
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

  if (wsp_set_string (&self->email, email))
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

  changed = wsp_set_string (&self->country, code);
  changed |= wsp_set_string (&self->country_name, name);
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

  if (wsp_set_string (&self->reason, reason))
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

  if (wsp_set_string (&self->url, url))
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
