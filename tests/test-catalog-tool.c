/* test-catalog-tool.c: build-aux/catalog check, offline, with a server on 127.0.0.1 standing in
 * for Meta's hosts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wsp-catalog.h"
#include "wsp-test-util.h"

/* One form and one authority's page have moved; the rest answer. */
static const WspTestRoute routes[] = {
  { "/help.instagram.com/contact/767264225370182", SOUP_STATUS_NOT_FOUND },
  { "/www.cnil.fr/fr/plaintes", SOUP_STATUS_GONE },
  { NULL, SOUP_STATUS_OK },
};

typedef struct {
  WspTestServer *server;   /* asked "HEAD /host/path" */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = wsp_test_server_new (routes, G_N_ELEMENTS (routes), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wsp_test_server_free (f->server);
}

typedef struct {
  gboolean      done;
  GSubprocess  *process;
  char         *out;
  char         *err;
} Run;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/* Runs the tool with @args (NULL-terminated), the main loop turning for the server meanwhile;
 * returns its exit status. */
static int
run_tool (char       **out,
          char       **err,
          const char  *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run run = { FALSE, };
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("WIDERSPRUCH_CATALOG_TOOL"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run.process = g_subprocess_newv ((const char * const *) argv->pdata,
                                   G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                   G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (run.process, NULL, NULL, on_communicated, &run);
  g_assert_true (wsp_test_wait_for (&run.done, 60000));
  g_assert_true (g_subprocess_get_if_exited (run.process));
  status = g_subprocess_get_exit_status (run.process);
  g_object_unref (run.process);

  *out = run.out;
  *err = run.err;
  return status;
}

static char *
shipped_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "catalog.json", NULL);
}

static WspCatalog *
load_shipped (void)
{
  g_autofree char *path = shipped_path ();
  gsize length;
  char *json = wsp_test_read_file (path, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (json, length);
  g_autoptr(GError) error = NULL;
  WspCatalog *catalog = wsp_catalog_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return catalog;
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), "catalog-to-check.json", NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Offline: the loader's verdict and every link with its date. */
static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = shipped_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(WspCatalog) catalog = load_shipped ();
  g_autofree char *header = g_strdup_printf ("%s: valid, schema %u, updated %s, %u links, "
                                             "%u authorities\n", path,
                                             wsp_catalog_get_schema_version (catalog),
                                             wsp_catalog_get_updated (catalog),
                                             wsp_catalog_get_n_links (catalog),
                                             wsp_catalog_get_n_authorities (catalog));

  g_assert_cmpint (run_tool (&out, &err, "check", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, header));
  g_assert_nonnull (strstr (out, "platforms.facebook.forms[0]                confirmed 2025-05    "
                                 "https://www.facebook.com/help/contact/712876720715583\n"));
  g_assert_nonnull (strstr (out, "platforms.instagram.forms[1]               confirmed 2025-05    "
                                 "https://help.instagram.com/contact/233964459562201\n"));
  g_assert_nonnull (strstr (out, "third_party_form                           confirmed 2025-05    "
                                 "https://www.facebook.com/help/contact/510058597920541\n"));
  g_assert_nonnull (strstr (out, "platforms.instagram.privacy_center         confirmed 2025-05    "
                                 "https://privacycenter.instagram.com/\n"));
  g_assert_nonnull (strstr (out, "platforms.facebook.paths.app               confirmed 2025-05    "
                                 "(menu path)\n"));
  /* The authorities too, which an update can correct as well. */
  g_assert_cmpuint (wsp_catalog_get_n_authorities (catalog), ==, 33);
  g_assert_nonnull (strstr (out, "authorities.DE                             confirmed 2025-12    "
                                 "https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/"
                                 "Laender-node.html\n"));
  /* Offline means offline. */
  g_assert_cmpuint (wsp_test_server_get_requests (f->server)->len, ==, 0);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *shipped = wsp_test_read_file (g_test_get_filename (G_TEST_DIST, "..", "data",
                                                                      "catalog.json", NULL),
                                                 NULL);
  g_auto(GStrv) parts = g_strsplit (shipped, "https://www.facebook.com/privacy/center/", 2);
  g_autofree char *edited = g_strjoinv ("https://www.facebook.com/groups/123/", parts);
  g_autofree char *path = write_temp (edited);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_tool (&out, &err, "check", path, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("%s: not valid: platforms.facebook.privacy_center.url: /groups/123/ "
                              "is not one of the pages allowed on www.facebook.com (help and "
                              "contact forms by number, help pages by number, privacy center and "
                              "privacy policy pages)\n", path);
  g_assert_cmpstr (err, ==, expected);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tool (&out, &err, "list", path, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "Usage: build-aux/catalog check FILE [--online]\n");
}

/* The request the server sees when the tool asks @url at the stand-in of its host. */
static char *
head_request (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  return g_strdup_printf ("HEAD /%s%s", g_uri_get_host (uri), g_uri_get_path (uri));
}

/* Online: each link and authority's page asked once, as the link check asks; two moved, and the
 * exit status says so. */
static void
test_online (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = shipped_path ();
  g_autofree char *server = g_strdup_printf ("--test-server=%s",
                                              wsp_test_server_get_base (f->server));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(WspCatalog) catalog = load_shipped ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected_err = g_strdup_printf ("2 of %u links did not answer\n",
                                                   wsp_catalog_get_n_links (catalog) +
                                                   wsp_catalog_get_n_authorities (catalog));
  g_autofree char *expected_requests = NULL;
  g_autofree char *requests = NULL;

  /* Every link of the catalog, in its order, asked at its host's stand-in; then every
   * authority's page, in the order of the file. */
  for (guint i = 0; i < wsp_catalog_get_n_links (catalog); i++)
    g_ptr_array_add (expected, head_request (wsp_catalog_get_link (catalog, i, NULL)->url));
  for (guint i = 0; i < wsp_catalog_get_n_authorities (catalog); i++)
    g_ptr_array_add (expected, head_request (wsp_catalog_get_nth_authority (catalog, i)->url));
  g_ptr_array_add (expected, NULL);
  expected_requests = g_strjoinv (", ", (char **) expected->pdata);

  g_assert_cmpint (run_tool (&out, &err, "check", path, "--online", server, NULL), ==, 2);
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_nonnull (strstr (out, "https://help.instagram.com/contact/767264225370182\n"
                                 "                                           MOVED (404 or 410, "
                                 "or a redirect off the platform's or authority's hosts)\n"));
  g_assert_nonnull (strstr (out, "authorities.FR                             confirmed 2026-07    "
                                 "https://www.cnil.fr/fr/plaintes\n"
                                 "                                           MOVED (404 or 410, "
                                 "or a redirect off the platform's or authority's hosts)\n"));
  g_assert_nonnull (strstr (out, "https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/"
                                 "Laender-node.html\n"
                                 "                                           answers\n"));
  g_assert_nonnull (strstr (out, "https://www.facebook.com/help/contact/6359191084165019\n"
                                 "                                           answers\n"));

  requests = wsp_test_server_dup_requests (f->server);
  g_assert_cmpstr (requests, ==, expected_requests);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/catalog-tool/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("valid", test_valid);
  ADD ("invalid", test_invalid);
  ADD ("online", test_online);

  return g_test_run ();
}
