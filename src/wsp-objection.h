/* wsp-objection.h: the objection being assembled; pages read and write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "wsp-catalog.h"

G_BEGIN_DECLS

typedef enum {
  WSP_PLATFORMS_NONE      = 0,
  WSP_PLATFORMS_FACEBOOK  = 1 << WSP_PLATFORM_FACEBOOK,
  WSP_PLATFORMS_INSTAGRAM = 1 << WSP_PLATFORM_INSTAGRAM,
  WSP_PLATFORMS_BOTH      = WSP_PLATFORMS_FACEBOOK | WSP_PLATFORMS_INSTAGRAM,
} WspPlatforms;

#define WSP_TYPE_OBJECTION (wsp_objection_get_type ())

G_DECLARE_FINAL_TYPE (WspObjection, wsp_objection, WSP, OBJECTION, GObject)

WspObjection *wsp_objection_new                  (void);

WspPlatforms  wsp_objection_get_platforms        (WspObjection *self);
/* Also resets the current platform to the first chosen one. */
void          wsp_objection_set_platforms        (WspObjection *self,
                                                  WspPlatforms  platforms);
/* The platform whose form is being filled in now. */
WspPlatform   wsp_objection_get_current          (WspObjection *self);
/* The chosen platform after the current one, or WSP_N_PLATFORMS when none is left. */
WspPlatform   wsp_objection_get_next_platform    (WspObjection *self);
/* Moves on to wsp_objection_get_next_platform(); returns FALSE when none was left. */
gboolean      wsp_objection_advance_platform     (WspObjection *self);

/* ISO 3166-1 alpha-2 code, and the name the user saw (in the language of the app) */
const char   *wsp_objection_get_country          (WspObjection *self);
const char   *wsp_objection_get_country_name     (WspObjection *self);
void          wsp_objection_set_country          (WspObjection *self,
                                                  const char   *code,
                                                  const char   *name);
const char   *wsp_objection_get_email            (WspObjection *self);
void          wsp_objection_set_email            (WspObjection *self,
                                                  const char   *email);
const char   *wsp_objection_get_reason           (WspObjection *self);
void          wsp_objection_set_reason           (WspObjection *self,
                                                  const char   *reason);

/* A new objection with @self's platforms, current platform, country, email and reason. */
WspObjection *wsp_objection_copy                 (WspObjection *self);
/* Gives @self @other's platforms, current platform, country, email and reason. */
void          wsp_objection_assign               (WspObjection *self,
                                                  WspObjection *other);
/* Whether the two have the same platforms, current platform, country, email and reason. */
gboolean      wsp_objection_equal                (WspObjection *a,
                                                  WspObjection *b);

/* For another account: Meta needs one objection per email address, and per account outside
 * one Accounts Center. Keeps the country and the reason, forgets the email, and starts the
 * chosen platforms again from the first. */
void          wsp_objection_prepare_another_account (WspObjection *self);

G_END_DECLS
