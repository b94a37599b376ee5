/* wsp-countries.h: the ISO 3166 countries with names in the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WSP_TYPE_COUNTRY (wsp_country_get_type ())

G_DECLARE_FINAL_TYPE (WspCountry, wsp_country, WSP, COUNTRY, GObject)

/* ISO 3166-1 alpha-2, upper case: "AT" */
const char *wsp_country_get_code          (WspCountry *self);
/* The name in the current language (through the iso_3166-1 gettext domain): "Österreich" */
const char *wsp_country_get_name          (WspCountry *self);
/* The English name as iso-codes has it (common_name when present, else name) */
const char *wsp_country_get_english_name  (WspCountry *self);
/* TRUE when @folded_query (already folded with wsp_countries_fold()) is a substring of the
 * folded localized name, of the folded English name, or equals the folded code. "" matches all. */
gboolean    wsp_country_matches           (WspCountry *self,
                                           const char *folded_query);

#define WSP_COUNTRIES_ERROR (wsp_countries_error_quark ())
typedef enum {
  WSP_COUNTRIES_ERROR_INVALID,
} WspCountriesError;
GQuark      wsp_countries_error_quark     (void);

/* Reads iso-codes' iso_3166-1.json (path; NULL means ISO_CODES_JSON from config.h) with json-glib.
 * Returns a GListModel of WspCountry sorted by the localized name (g_utf8_collate_key), or NULL
 * with @error set when the file is missing or not what iso-codes writes. Names are translated with
 * dgettext ("iso_3166-1", ...) at load time. */
GListModel *wsp_countries_load            (const char  *path,
                                           GError     **error);
/* The countries where the objection applies (the EU, the EEA, Switzerland, the United Kingdom,
 * Brazil), for when iso-codes is missing: English names as iso-codes has them, translated through
 * its iso_3166-1 domain when that is installed, sorted like wsp_countries_load(). Never fails. */
GListModel *wsp_countries_load_fallback   (void);
/* Lower case, accents removed (NFD, combining marks dropped, ß -> ss), white space collapsed. */
char       *wsp_countries_fold            (const char  *text);
/* "de_AT.UTF-8" -> "AT", "de_AT@euro" -> "AT", "C", "POSIX", "de" or NULL -> NULL.
 * Returns an upper case code in a static/interned string, or NULL. */
const char *wsp_countries_code_from_locale (const char *locale);
/* Looks at LC_ALL, LC_MESSAGES and LANG (setlocale (LC_MESSAGES, NULL) first) in that order. */
const char *wsp_countries_default_code    (void);
/* Position of @code in @model, or G_MAXUINT */
guint       wsp_countries_find            (GListModel  *model,
                                           const char  *code);

G_END_DECLS
