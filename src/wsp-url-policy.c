/* wsp-url-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-url-policy.h"

G_DEFINE_QUARK (wsp-url-policy-error-quark, wsp_url_policy_error)

/* A pattern is a path: "#" stands for one segment of digits (a form or help page id), a final
 * "*" for any number of further segments (none too). Segments are lower-case letters, digits,
 * "-" and "_", so nothing is encoded ("%2e%2e") or a second host ("@", "."); one trailing slash
 * is allowed. */
typedef struct {
  const char         *host;      /* exact, or "*.facebook.com" for its locale hosts */
  const char * const *patterns;  /* NULL-terminated */
  const char         *pages;     /* what the patterns are, for the reason */
} HostRule;

static const char * const facebook_patterns[] = {
  "/help/contact/#",    /* the objection forms, the third-party form */
  "/help/#",            /* help pages by number */
  "/privacy/*",         /* /privacy/center/, /privacy/genai/, /privacy/policy/ */
  NULL
};

static const char * const help_instagram_patterns[] = {
  "/contact/#",
  "/#",
  NULL
};

static const char * const privacy_instagram_patterns[] = {
  "/",
  "/privacy/*",         /* /privacy/genai/ */
  "/policy/*",
  NULL
};

static const char * const help_meta_patterns[] = {
  "/support/privacy/*",
  NULL
};

static const HostRule rules[] = {
  { "facebook.com", facebook_patterns,
    N_("help and contact forms by number, help pages by number, privacy center and privacy "
       "policy pages") },
  { "www.facebook.com", facebook_patterns, NULL },
  { "m.facebook.com", facebook_patterns, NULL },
  { "*.facebook.com", facebook_patterns, NULL },
  { "help.instagram.com", help_instagram_patterns,
    N_("contact forms by number and help pages by number") },
  { "privacycenter.instagram.com", privacy_instagram_patterns,
    N_("the privacy center, its privacy pages and the privacy policy") },
  { "help.meta.com", help_meta_patterns, N_("privacy help pages") },
};

/* "fr-fr.facebook.com", "pt-br.facebook.com": Meta's hosts for one language and country. */
static gboolean
is_locale_host (const char *host,
                const char *domain)
{
  gsize len = strlen (host);

  return len == 6 + strlen (domain) &&
         g_ascii_islower (host[0]) && g_ascii_islower (host[1]) && host[2] == '-' &&
         g_ascii_islower (host[3]) && g_ascii_islower (host[4]) && host[5] == '.' &&
         strcmp (host + 6, domain) == 0;
}

static const HostRule *
find_rule (const char *host)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const char *name = rules[i].host;

      if (name[0] == '*' ? is_locale_host (host, name + 2) : strcmp (host, name) == 0)
        return &rules[i];
    }

  return NULL;
}

/* The rule that describes the pages of @rule's group: the first one with its patterns. */
static const char *
rule_pages (const HostRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].patterns == rule->patterns && rules[i].pages != NULL)
        return _(rules[i].pages);
    }

  g_assert_not_reached ();
}

static gboolean
is_segment (const char *segment,
            gsize       len,
            gboolean    digits_only)
{
  if (len == 0 || len > 64)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = segment[i];

      if (!g_ascii_isdigit (c) &&
          (digits_only || !(g_ascii_islower (c) || c == '-' || c == '_')))
        return FALSE;
    }

  return TRUE;
}

static gboolean
path_matches (const char *path,
              const char *pattern)
{
  gsize len = strlen (path);

  if (len == 0)
    path = "/", len = 1;
  if (path[0] != '/')
    return FALSE;
  /* One trailing slash, as Meta's own links have it or not. */
  if (len > 1 && path[len - 1] == '/')
    len--;

  if (strcmp (pattern, "/") == 0)
    return len == 1;

  /* Segment by segment: both start with "/". */
  for (gsize p = 0, q = 0;;)
    {
      gsize seg, left, part;

      if (pattern[p] == '\0')
        return q == len;

      seg = strcspn (pattern + p + 1, "/");
      left = len - q;

      if (seg == 1 && pattern[p + 1] == '*' && pattern[p + 2] == '\0')
        {
          /* Any further segments, none too. */
          while (q < len)
            {
              part = strcspn (path + q + 1, "/");
              if (part + 1 > len - q)
                part = len - q - 1;
              if (!is_segment (path + q + 1, part, FALSE))
                return FALSE;
              q += part + 1;
            }
          return TRUE;
        }

      if (left == 0 || path[q] != '/')
        return FALSE;

      part = strcspn (path + q + 1, "/");
      if (part + 1 > left)
        part = left - 1;

      if (seg == 1 && pattern[p + 1] == '#')
        {
          if (!is_segment (path + q + 1, part, TRUE) || part > 20)
            return FALSE;
        }
      else if (part != seg || strncmp (path + q + 1, pattern + p + 1, seg) != 0)
        {
          return FALSE;
        }

      p += seg + 1;
      q += part + 1;
    }
}

static gboolean
is_plain_fragment (const char *fragment)
{
  gsize len = strlen (fragment);

  if (len == 0 || len > 64)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (fragment[i]) && fragment[i] != '-' && fragment[i] != '_')
        return FALSE;
    }

  return TRUE;
}

gboolean
wsp_url_policy_check (const char  *url,
                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  const HostRule *rule;
  const char *path;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Encoded: "%2F" must stay three characters, not become a slash. */
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_set_error_literal (error, WSP_URL_POLICY_ERROR, WSP_URL_POLICY_ERROR_HOST,
                           _("not a valid address"));
      return FALSE;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  rule = find_rule (host);
  if (rule == NULL)
    {
      g_set_error (error, WSP_URL_POLICY_ERROR, WSP_URL_POLICY_ERROR_HOST,
                   _("%s is not a host of Meta’s forms, help or privacy pages"), host);
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL)
    {
      g_set_error_literal (error, WSP_URL_POLICY_ERROR, WSP_URL_POLICY_ERROR_QUERY,
                           _("must not have a query (text after “?”)"));
      return FALSE;
    }

  if (g_uri_get_fragment (uri) != NULL && !is_plain_fragment (g_uri_get_fragment (uri)))
    {
      g_set_error_literal (error, WSP_URL_POLICY_ERROR, WSP_URL_POLICY_ERROR_QUERY,
                           _("the part after “#” may only have letters, digits, “-” and “_”"));
      return FALSE;
    }

  path = g_uri_get_path (uri);
  for (guint i = 0; rule->patterns[i] != NULL; i++)
    {
      if (path_matches (path, rule->patterns[i]))
        return TRUE;
    }

  g_set_error (error, WSP_URL_POLICY_ERROR, WSP_URL_POLICY_ERROR_PATH,
               /* Translators: "/groups/123 is not one of the pages allowed on www.facebook.com
                * (help and contact forms by number, …)" */
               _("%s is not one of the pages allowed on %s (%s)"),
               *path != '\0' ? path : "/", host, rule_pages (rule));
  return FALSE;
}
