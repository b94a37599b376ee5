/* wsp-objection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-objection.h"
#include "wsp-string.h"

struct _WspObjection
{
  GObject       parent_instance;

  WspPlatforms  platforms;
  WspPlatform   current;
  char         *country;
  char         *country_name;
  char         *email;
  char         *reason;
};

G_DEFINE_FINAL_TYPE (WspObjection, wsp_objection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLATFORMS,
  PROP_CURRENT,
  PROP_COUNTRY,
  PROP_COUNTRY_NAME,
  PROP_EMAIL,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static WspPlatform
first_platform_after (WspPlatforms platforms,
                      int          after)
{
  for (int p = after + 1; p < WSP_N_PLATFORMS; p++)
    if (platforms & (1 << p))
      return p;

  return WSP_N_PLATFORMS;
}

static void
wsp_objection_finalize (GObject *object)
{
  WspObjection *self = (WspObjection *)object;

  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->country_name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (wsp_objection_parent_class)->finalize (object);
}

static void
wsp_objection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WspObjection *self = WSP_OBJECTION (object);

  switch (prop_id)
    {
    case PROP_PLATFORMS:
      g_value_set_uint (value, self->platforms);
      break;

    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_COUNTRY_NAME:
      g_value_set_string (value, self->country_name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_objection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WspObjection *self = WSP_OBJECTION (object);

  switch (prop_id)
    {
    case PROP_PLATFORMS:
      wsp_objection_set_platforms (self, g_value_get_uint (value));
      break;

    case PROP_EMAIL:
      wsp_objection_set_email (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      wsp_objection_set_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_objection_class_init (WspObjectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_objection_finalize;
  object_class->get_property = wsp_objection_get_property;
  object_class->set_property = wsp_objection_set_property;

  properties [PROP_PLATFORMS] =
    g_param_spec_uint ("platforms", NULL, NULL,
                       0, WSP_PLATFORMS_BOTH, WSP_PLATFORMS_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL,
                      0, WSP_N_PLATFORMS, WSP_N_PLATFORMS,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_COUNTRY_NAME] =
    g_param_spec_string ("country-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_objection_init (WspObjection *self)
{
  self->current = WSP_N_PLATFORMS;
}

WspObjection *
wsp_objection_new (void)
{
  return g_object_new (WSP_TYPE_OBJECTION, NULL);
}

WspPlatforms
wsp_objection_get_platforms (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), WSP_PLATFORMS_NONE);

  return self->platforms;
}

void
wsp_objection_set_platforms (WspObjection *self,
                             WspPlatforms  platforms)
{
  WspPlatform current;

  g_return_if_fail (WSP_IS_OBJECTION (self));
  g_return_if_fail ((platforms & ~WSP_PLATFORMS_BOTH) == 0);

  current = first_platform_after (platforms, -1);

  if (self->platforms != platforms)
    {
      self->platforms = platforms;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORMS]);
    }

  if (self->current != current)
    {
      self->current = current;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT]);
    }
}

WspPlatform
wsp_objection_get_current (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), WSP_N_PLATFORMS);

  return self->current;
}

WspPlatform
wsp_objection_get_next_platform (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), WSP_N_PLATFORMS);

  if (self->current == WSP_N_PLATFORMS)
    return WSP_N_PLATFORMS;

  return first_platform_after (self->platforms, self->current);
}

gboolean
wsp_objection_advance_platform (WspObjection *self)
{
  WspPlatform next;

  g_return_val_if_fail (WSP_IS_OBJECTION (self), FALSE);

  next = wsp_objection_get_next_platform (self);
  if (next == WSP_N_PLATFORMS)
    return FALSE;

  self->current = next;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT]);
  return TRUE;
}

const char *
wsp_objection_get_country (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), NULL);

  return self->country;
}

const char *
wsp_objection_get_country_name (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), NULL);

  return self->country_name;
}

void
wsp_objection_set_country (WspObjection *self,
                           const char   *code,
                           const char   *name)
{
  g_return_if_fail (WSP_IS_OBJECTION (self));
  g_return_if_fail ((code == NULL) == (name == NULL));

  g_object_freeze_notify (G_OBJECT (self));
  if (wsp_set_string (&self->country, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTRY]);
  if (wsp_set_string (&self->country_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTRY_NAME]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
wsp_objection_get_email (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), NULL);

  return self->email;
}

void
wsp_objection_set_email (WspObjection *self,
                         const char   *email)
{
  g_return_if_fail (WSP_IS_OBJECTION (self));

  if (wsp_set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
wsp_objection_get_reason (WspObjection *self)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (self), NULL);

  return self->reason;
}

void
wsp_objection_set_reason (WspObjection *self,
                          const char   *reason)
{
  g_return_if_fail (WSP_IS_OBJECTION (self));

  if (wsp_set_string (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REASON]);
}

void
wsp_objection_prepare_another_account (WspObjection *self)
{
  g_return_if_fail (WSP_IS_OBJECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  wsp_objection_set_email (self, NULL);
  wsp_objection_set_platforms (self, self->platforms);
  g_object_thaw_notify (G_OBJECT (self));
}

WspObjection *
wsp_objection_copy (WspObjection *self)
{
  WspObjection *copy;

  g_return_val_if_fail (WSP_IS_OBJECTION (self), NULL);

  copy = wsp_objection_new ();
  wsp_objection_assign (copy, self);
  return copy;
}

void
wsp_objection_assign (WspObjection *self,
                      WspObjection *other)
{
  g_return_if_fail (WSP_IS_OBJECTION (self));
  g_return_if_fail (WSP_IS_OBJECTION (other));

  wsp_objection_set_platforms (self, other->platforms);
  while (self->current != other->current && wsp_objection_advance_platform (self))
    ;
  wsp_objection_set_country (self, other->country, other->country_name);
  wsp_objection_set_email (self, other->email);
  wsp_objection_set_reason (self, other->reason);
}

gboolean
wsp_objection_equal (WspObjection *a,
                     WspObjection *b)
{
  g_return_val_if_fail (WSP_IS_OBJECTION (a), FALSE);
  g_return_val_if_fail (WSP_IS_OBJECTION (b), FALSE);

  return a->platforms == b->platforms &&
         a->current == b->current &&
         g_strcmp0 (a->country, b->country) == 0 &&
         g_strcmp0 (a->country_name, b->country_name) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}
