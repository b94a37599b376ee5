/* test-url-policy.c: which pages of Meta's hosts a catalog link may name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-report.h"
#include "wsp-url-policy.h"

#define FACEBOOK "help and contact forms by number, help pages by number, privacy center and " \
                 "privacy policy pages"
#define HELP_INSTAGRAM "contact forms by number and help pages by number"
#define PRIVACY_INSTAGRAM "the privacy center, its privacy pages and the privacy policy"

typedef struct {
  const char *url;
  int         code;     /* -1: allowed */
  const char *reason;
} PolicyCase;

static const PolicyCase cases[] = {
  /* What the catalog links today, and what helpers add (issue 16): all pass. */
  { "https://www.facebook.com/help/contact/6359191084165019", -1, NULL },
  { "https://www.facebook.com/help/contact/712876720715583", -1, NULL },
  { "https://www.facebook.com/help/contact/510058597920541", -1, NULL },
  { "https://fr-fr.facebook.com/help/contact/712876720715583", -1, NULL },
  { "https://pt-br.facebook.com/help/contact/6359191084165019/", -1, NULL },
  { "https://m.facebook.com/help/contact/6359191084165019", -1, NULL },
  { "https://facebook.com/help/contact/6359191084165019", -1, NULL },
  { "https://www.facebook.com/help/1701730696756992", -1, NULL },
  { "https://www.facebook.com/privacy/center/", -1, NULL },
  { "https://www.facebook.com/privacy/genai/", -1, NULL },
  { "https://www.facebook.com/privacy/genai", -1, NULL },
  { "https://www.facebook.com/privacy/policy/", -1, NULL },
  { "https://www.facebook.com/privacy/policy/#right-to-object", -1, NULL },
  { "https://help.instagram.com/contact/233964459562201", -1, NULL },
  { "https://help.instagram.com/contact/767264225370182", -1, NULL },
  { "https://help.instagram.com/519522125107875", -1, NULL },
  { "https://privacycenter.instagram.com/", -1, NULL },
  { "https://privacycenter.instagram.com", -1, NULL },
  { "https://privacycenter.instagram.com/privacy/genai/", -1, NULL },
  { "https://privacycenter.instagram.com/policy/", -1, NULL },
  { "https://help.meta.com/support/privacy/", -1, NULL },
  { "https://help.meta.com/support/privacy/contact", -1, NULL },
  { "https://WWW.Facebook.COM/privacy/genai/", -1, NULL },

  /* Anyone's content on the same hosts. */
  { "https://www.facebook.com/zuck", WSP_URL_POLICY_ERROR_PATH,
    "/zuck is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/groups/123456/", WSP_URL_POLICY_ERROR_PATH,
    "/groups/123456/ is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/", WSP_URL_POLICY_ERROR_PATH,
    "/ is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com", WSP_URL_POLICY_ERROR_PATH,
    "/ is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/help/contact/", WSP_URL_POLICY_ERROR_PATH,
    "/help/contact/ is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/help/contact/abc", WSP_URL_POLICY_ERROR_PATH,
    "/help/contact/abc is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/help/contact/123/456", WSP_URL_POLICY_ERROR_PATH,
    "/help/contact/123/456 is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/help/contact/123//", WSP_URL_POLICY_ERROR_PATH,
    "/help/contact/123// is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/help/contact/123456789012345678901", WSP_URL_POLICY_ERROR_PATH,
    "/help/contact/123456789012345678901 is not one of the pages allowed on www.facebook.com ("
    FACEBOOK ")" },
  /* GUri removes dot segments, as browsers do: the reason names the page that would open. */
  { "https://www.facebook.com/privacy/../zuck", WSP_URL_POLICY_ERROR_PATH,
    "/zuck is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/privacy/%2e%2e/zuck", WSP_URL_POLICY_ERROR_PATH,
    "/zuck is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/privacy%2F..%2Fzuck", WSP_URL_POLICY_ERROR_PATH,
    "/privacy%2F..%2Fzuck is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/privacy/Genai/", WSP_URL_POLICY_ERROR_PATH,
    "/privacy/Genai/ is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/privacyzuck", WSP_URL_POLICY_ERROR_PATH,
    "/privacyzuck is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://www.facebook.com/l.php", WSP_URL_POLICY_ERROR_PATH,
    "/l.php is not one of the pages allowed on www.facebook.com (" FACEBOOK ")" },
  { "https://fr-fr.facebook.com/events/1", WSP_URL_POLICY_ERROR_PATH,
    "/events/1 is not one of the pages allowed on fr-fr.facebook.com (" FACEBOOK ")" },
  { "https://help.instagram.com/contact/", WSP_URL_POLICY_ERROR_PATH,
    "/contact/ is not one of the pages allowed on help.instagram.com (" HELP_INSTAGRAM ")" },
  { "https://help.instagram.com/someone", WSP_URL_POLICY_ERROR_PATH,
    "/someone is not one of the pages allowed on help.instagram.com (" HELP_INSTAGRAM ")" },
  { "https://privacycenter.instagram.com/someone/", WSP_URL_POLICY_ERROR_PATH,
    "/someone/ is not one of the pages allowed on privacycenter.instagram.com ("
    PRIVACY_INSTAGRAM ")" },
  { "https://help.meta.com/", WSP_URL_POLICY_ERROR_PATH,
    "/ is not one of the pages allowed on help.meta.com (privacy help pages)" },

  /* Hosts where the guidance needs no page: profiles, shops, short links, other apps. */
  { "https://www.instagram.com/someone/", WSP_URL_POLICY_ERROR_HOST,
    "www.instagram.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://instagram.com/p/abc/", WSP_URL_POLICY_ERROR_HOST,
    "instagram.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://business.facebook.com/help/contact/1", WSP_URL_POLICY_ERROR_HOST,
    "business.facebook.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://apps.facebook.com/help/contact/1", WSP_URL_POLICY_ERROR_HOST,
    "apps.facebook.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://f-r.facebook.com/help/contact/1", WSP_URL_POLICY_ERROR_HOST,
    "f-r.facebook.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://www.meta.com/", WSP_URL_POLICY_ERROR_HOST,
    "www.meta.com is not a host of Meta’s forms, help or privacy pages" },
  { "https://l.facebook.com/l.php", WSP_URL_POLICY_ERROR_HOST,
    "l.facebook.com is not a host of Meta’s forms, help or privacy pages" },

  /* Queries (a redirect target, a search) and fragments that are more than a name. */
  { "https://www.facebook.com/help/contact/6359191084165019?next=https://evil.example/",
    WSP_URL_POLICY_ERROR_QUERY, "must not have a query (text after “?”)" },
  { "https://www.facebook.com/help/contact/6359191084165019?", WSP_URL_POLICY_ERROR_QUERY,
    "must not have a query (text after “?”)" },
  { "https://www.facebook.com/privacy/policy/#a/b", WSP_URL_POLICY_ERROR_QUERY,
    "the part after “#” may only have letters, digits, “-” and “_”" },
  { "https://www.facebook.com/privacy/policy/#", WSP_URL_POLICY_ERROR_QUERY,
    "the part after “#” may only have letters, digits, “-” and “_”" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean allowed;

      g_test_message ("%s", cases[i].url);
      allowed = wsp_url_policy_check (cases[i].url, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (allowed);
        }
      else
        {
          g_assert_error (error, WSP_URL_POLICY_ERROR, cases[i].code);
          g_assert_cmpstr (error->message, ==, cases[i].reason);
          g_assert_false (allowed);
          g_assert_false (wsp_url_policy_check (cases[i].url, NULL));
        }
    }
}

/* The only address outside Meta's that the app opens: a new issue on the project's tracker. */
static void
test_tracker (void)
{
  g_assert_true (wsp_report_is_tracker_url ("https://github.com/widerspruch/widerspruch/issues/new?"
                                            "title=Link%20problem&body=Link%3A%20x"));
  g_assert_false (wsp_report_is_tracker_url (NULL));
  g_assert_false (wsp_report_is_tracker_url ("https://github.com/widerspruch/widerspruch/issues"));
  g_assert_false (wsp_report_is_tracker_url ("https://github.com/widerspruch/widerspruch/issues/new"));
  g_assert_false (wsp_report_is_tracker_url ("https://github.com/widerspruch/widerspruch/issues/new?x#y"));
  g_assert_false (wsp_report_is_tracker_url ("https://github.com/widerspruch/widerspruch/issues/new?a b"));
  g_assert_false (wsp_report_is_tracker_url ("https://github.com/evil/widerspruch/issues/new?"));
  g_assert_false (wsp_report_is_tracker_url ("https://github.com/widerspruch/widerspruch/issues/new@evil.example/?"));
  g_assert_false (wsp_report_is_tracker_url ("http://github.com/widerspruch/widerspruch/issues/new?"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/url-policy/cases", test_cases);
  g_test_add_func ("/url-policy/tracker", test_tracker);

  return g_test_run ();
}
