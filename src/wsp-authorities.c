/* wsp-authorities.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The authorities are catalog data (data/catalog.json, "authorities"), so an update can
 * correct them; the hosts an entry may point at are not: they are below, one set per country,
 * so that a wrong or tampered catalog cannot send the user anywhere else.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-authorities.h"
#include "wsp-catalog.h"

G_DEFINE_QUARK (wsp-authorities-error-quark, wsp_authorities_error)

#define MAX_TEXT 2048

/* Where each country's authority publishes its pages: the domain and its subdomains. */
static const struct {
  const char *country;
  const char *domains[3];
} authority_hosts[] = {
  { "AT", { "dsb.gv.at", "formularservice.gv.at" } },
  { "BE", { "dataprotectionauthority.be", "autoriteprotectiondonnees.be",
            "gegevensbeschermingsautoriteit.be" } },
  { "BG", { "cpdp.bg" } },
  { "BR", { "gov.br" } },
  { "CH", { "edoeb.admin.ch" } },
  { "CY", { "dataprotection.gov.cy" } },
  { "CZ", { "uoou.cz", "uoou.gov.cz" } },
  { "DE", { "bfdi.bund.de" } },
  { "DK", { "datatilsynet.dk" } },
  { "EE", { "aki.ee" } },
  { "ES", { "aepd.es", "sedeagpd.gob.es" } },
  { "FI", { "tietosuoja.fi" } },
  { "FR", { "cnil.fr" } },
  { "GB", { "ico.org.uk" } },
  { "GR", { "dpa.gr" } },
  { "HR", { "azop.hr" } },
  { "HU", { "naih.hu" } },
  { "IE", { "dataprotection.ie" } },
  { "IS", { "personuvernd.is" } },
  { "IT", { "garanteprivacy.it", "gpdp.it" } },
  { "LI", { "datenschutzstelle.li" } },
  { "LT", { "vdai.lrv.lt" } },
  { "LU", { "cnpd.public.lu" } },
  { "LV", { "dvi.gov.lv" } },
  { "MT", { "idpc.org.mt" } },
  { "NL", { "autoriteitpersoonsgegevens.nl" } },
  { "NO", { "datatilsynet.no" } },
  { "PL", { "uodo.gov.pl" } },
  { "PT", { "cnpd.pt" } },
  { "RO", { "dataprotection.ro" } },
  { "SE", { "imy.se" } },
  { "SI", { "ip-rs.si" } },
  { "SK", { "dataprotection.gov.sk" } },
};

/* URLs */

gboolean
wsp_authority_url_is_allowed (const char  *country,
                              const char  *url,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  gboolean printable = url != NULL;

  g_return_val_if_fail (country != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Printable ASCII, exactly "https:", no user name, the default port: the same rules as for
   * Meta's links (see wsp-catalog.c). */
  for (const char *s = url != NULL ? url : ""; *s != '\0'; s++)
    if ((guchar) *s <= 0x20 || (guchar) *s >= 0x7f || *s == '\\')
      printable = FALSE;
  if (printable && strlen (url) <= MAX_TEXT && g_str_has_prefix (url, "https://"))
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_userinfo (uri) != NULL ||
      (g_uri_get_port (uri) != -1 && g_uri_get_port (uri) != 443) ||
      g_uri_get_host (uri) == NULL || g_hostname_is_ip_address (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_URL,
                           _("not a secure web address (https)"));
      return FALSE;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  for (guint i = 0; i < G_N_ELEMENTS (authority_hosts); i++)
    {
      if (g_ascii_strcasecmp (authority_hosts[i].country, country) != 0)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (authority_hosts[i].domains); j++)
        if (authority_hosts[i].domains[j] != NULL &&
            wsp_host_within (host, authority_hosts[i].domains[j]))
          return TRUE;
    }

  g_set_error (error, WSP_AUTHORITIES_ERROR, WSP_AUTHORITIES_ERROR_URL,
               _("%s is not a website of this country’s data protection authority"), host);
  return FALSE;
}
