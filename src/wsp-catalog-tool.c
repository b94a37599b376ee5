/* wsp-catalog-tool.c: the maintainer's check of a link catalog before it is published
 * (build-aux/catalog): the app's own loader on the file, every link and every data protection
 * authority's page with the date it was last confirmed, and with --online whether each still
 * answers, asked the way the app's link check asks. Not installed; English only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "wsp-catalog.h"
#include "wsp-link-check.h"

enum {
  EXIT_VALID = 0,
  EXIT_INVALID = 1,      /* or a usage error */
  EXIT_NOT_ANSWERING = 2,
};

static gboolean online;
static char *test_server;

static const GOptionEntry entries[] = {
  { "online", 0, 0, G_OPTION_ARG_NONE, &online,
    "Also ask each link whether it still answers (HEAD, then GET; redirects within the "
    "platform's hosts, or for an authority within its own)", NULL },
  { "test-server", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &test_server,
    "For the test suite: ask BASE/HOST/PATH instead of each link", "BASE" },
  { NULL }
};

/* "platforms.instagram.forms[1]" -> WSP_PLATFORM_INSTAGRAM; the third-party form lives on
 * Facebook's hosts (wsp-catalog.c). */
static gboolean
platform_of_path (const char  *path,
                  WspPlatform *out_platform)
{
  if (strcmp (path, "third_party_form") == 0)
    {
      *out_platform = WSP_PLATFORM_FACEBOOK;
      return TRUE;
    }

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    {
      g_autofree char *prefix = g_strconcat ("platforms.", wsp_platform_get_id (p), NULL);
      gsize len = strlen (prefix);

      if (strncmp (path, prefix, len) == 0 && (path[len] == '.' || path[len] == '['))
        {
          *out_platform = p;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
allow_test_server (const char *url,
                   gpointer    user_data)
{
  return g_str_has_prefix (url, test_server) && url[strlen (test_server)] == '/';
}

/* An authority's page, and where it redirects: on the hosts compiled in for its country. */
static gboolean
allow_authority_page (const char *url,
                      gpointer    country)
{
  return wsp_authority_url_is_allowed (country, url, NULL);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *status = user_data;

  *status = wsp_link_check_run_finish (WSP_LINK_CHECK (source), result, NULL);
}

static const char *
status_text (WspLinkStatus status)
{
  switch (status)
    {
    case WSP_LINK_STATUS_REACHABLE:
      return "answers";
    case WSP_LINK_STATUS_MOVED:
      return "MOVED (404 or 410, or a redirect off the platform's or authority's hosts)";
    case WSP_LINK_STATUS_OFFLINE:
      return "NOT REACHED (no network, or the name does not resolve)";
    case WSP_LINK_STATUS_UNKNOWN:
    default:
      return "NO ANSWER (a server error, a timeout, too many redirects)";
    }
}

/* Asks @address (on @hosts, or wherever @check allows) and prints the answer. */
static WspLinkStatus
check_address (WspLinkCheck       *check,
               const char         *address,
               const char * const *hosts)
{
  g_autofree char *url = NULL;
  int status = -1;

  if (test_server != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_ENCODED, NULL);

      url = g_strconcat (test_server, "/", g_uri_get_host (uri), g_uri_get_path (uri), NULL);
    }
  else
    {
      url = g_strdup (address);
    }

  wsp_link_check_run_async (check, url, hosts, NULL, on_checked, &status);
  while (status < 0)
    g_main_context_iteration (NULL, TRUE);

  g_print ("%-42s %s\n", "", status_text (status));
  return status;
}

static int
check_catalog (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WspCatalog) catalog = NULL;
  g_autoptr(WspLinkCheck) check = NULL;
  g_autoptr(WspLinkCheck) authority_check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  guint n_not_answering = 0;
  gsize length;

  if (!g_file_get_contents (file, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  catalog = wsp_catalog_new_from_bytes (bytes, &error);
  if (catalog == NULL)
    {
      g_printerr ("%s: not valid: %s\n", file, error->message);
      return EXIT_INVALID;
    }

  g_print ("%s: valid, schema %u, updated %s, %u links, %u authorities\n", file,
           wsp_catalog_get_schema_version (catalog), wsp_catalog_get_updated (catalog),
           wsp_catalog_get_n_links (catalog), wsp_catalog_get_n_authorities (catalog));

  if (online)
    {
      check = wsp_link_check_new (NULL);
      /* Its own session: never the platforms' hosts, but the ones compiled in per country. */
      authority_check = wsp_link_check_new (NULL);
      if (test_server != NULL)
        {
          wsp_link_check_set_allowed_func (check, allow_test_server, NULL, NULL);
          wsp_link_check_set_allowed_func (authority_check, allow_test_server, NULL, NULL);
        }
    }

  for (guint i = 0; i < wsp_catalog_get_n_links (catalog); i++)
    {
      const char *path;
      const WspCatalogLink *link = wsp_catalog_get_link (catalog, i, &path);
      WspPlatform platform;

      g_print ("%-42s confirmed %-10s %s\n", path, link->confirmed, link->url);

      if (check != NULL && platform_of_path (path, &platform) &&
          check_address (check, link->url, wsp_catalog_get_hosts (catalog, platform)) !=
            WSP_LINK_STATUS_REACHABLE)
        n_not_answering++;
    }

  for (guint i = 0; i < wsp_catalog_get_n_authorities (catalog); i++)
    {
      const WspAuthority *authority = wsp_catalog_get_nth_authority (catalog, i);
      g_autofree char *path = g_strconcat ("authorities.", authority->country, NULL);

      g_print ("%-42s confirmed %-10s %s\n", path, authority->confirmed, authority->url);

      if (authority_check == NULL)
        continue;
      if (test_server == NULL)
        wsp_link_check_set_allowed_func (authority_check, allow_authority_page,
                                         (gpointer) authority->country, NULL);
      if (check_address (authority_check, authority->url, NULL) != WSP_LINK_STATUS_REACHABLE)
        n_not_answering++;
    }

  for (guint p = 0; p < WSP_N_PLATFORMS; p++)
    for (guint r = 0; r < WSP_N_ROUTES; r++)
      {
        g_autofree char *path = NULL;

        if (!wsp_catalog_has_path (catalog, p, r))
          continue;

        path = g_strdup_printf ("platforms.%s.paths.%s", wsp_platform_get_id (p),
                                wsp_route_get_id (r));
        g_print ("%-42s confirmed %-10s (menu path)\n", path,
                 wsp_catalog_get_path_confirmed (catalog, p, r));
      }

  for (guint i = 0; i < wsp_catalog_get_n_notes (catalog); i++)
    {
      g_autofree char *path = g_strdup_printf ("notes[%u]", i);
      const char *date;
      const char *text = wsp_catalog_get_note (catalog, i, &date);

      g_print ("%-42s %-20s %s\n", path, date, text);
    }

  if (n_not_answering > 0)
    {
      g_printerr ("%u of %u links did not answer\n", n_not_answering,
                  wsp_catalog_get_n_links (catalog) + wsp_catalog_get_n_authorities (catalog));
      return EXIT_NOT_ANSWERING;
    }

  return EXIT_VALID;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("check FILE");
  g_option_context_set_summary (context,
                                "Checks a link catalog with the app's own loader and lists its "
                                "links with the dates they were last confirmed.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  if (argc != 3 || strcmp (argv[1], "check") != 0)
    {
      g_printerr ("Usage: build-aux/catalog check FILE [--online]\n");
      status = EXIT_INVALID;
    }
  else
    {
      status = check_catalog (argv[2]);
    }

  g_clear_pointer (&test_server, g_free);
  return status;
}
