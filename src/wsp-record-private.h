/* wsp-record-private.h: the record's fields, for the store and the records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-record.h"

G_BEGIN_DECLS

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

G_END_DECLS
