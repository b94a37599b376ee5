/* test-objection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-objection.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_objection_platforms (void)
{
  g_autoptr(WspObjection) objection = wsp_objection_new ();

  g_assert_cmpuint (wsp_objection_get_platforms (objection), ==, WSP_PLATFORMS_NONE);
  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_N_PLATFORMS);
  g_assert_cmpint (wsp_objection_get_next_platform (objection), ==, WSP_N_PLATFORMS);
  g_assert_false (wsp_objection_advance_platform (objection));

  wsp_objection_set_platforms (objection, WSP_PLATFORMS_INSTAGRAM);
  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_PLATFORM_INSTAGRAM);
  g_assert_cmpint (wsp_objection_get_next_platform (objection), ==, WSP_N_PLATFORMS);
  g_assert_false (wsp_objection_advance_platform (objection));

  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_PLATFORM_FACEBOOK);
  g_assert_cmpint (wsp_objection_get_next_platform (objection), ==, WSP_PLATFORM_INSTAGRAM);
  g_assert_true (wsp_objection_advance_platform (objection));
  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_PLATFORM_INSTAGRAM);
  g_assert_false (wsp_objection_advance_platform (objection));

  /* Choosing again starts over with the first platform. */
  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_PLATFORM_FACEBOOK);
}

static void
test_objection_notify (void)
{
  g_autoptr(WspObjection) objection = wsp_objection_new ();
  guint email_count = 0;
  guint country_count = 0;
  guint current_count = 0;

  g_signal_connect (objection, "notify::email", G_CALLBACK (count_notify), &email_count);
  g_signal_connect (objection, "notify::country", G_CALLBACK (count_notify), &country_count);
  g_signal_connect (objection, "notify::current", G_CALLBACK (count_notify), &current_count);

  wsp_objection_set_email (objection, "a@example.org");
  wsp_objection_set_email (objection, "a@example.org");
  g_assert_cmpuint (email_count, ==, 1);
  g_assert_cmpstr (wsp_objection_get_email (objection), ==, "a@example.org");
  wsp_objection_set_email (objection, NULL);
  g_assert_cmpuint (email_count, ==, 2);
  g_assert_null (wsp_objection_get_email (objection));

  wsp_objection_set_country (objection, "AT", "Austria");
  wsp_objection_set_country (objection, "AT", "Austria");
  g_assert_cmpuint (country_count, ==, 1);
  g_assert_cmpstr (wsp_objection_get_country (objection), ==, "AT");
  g_assert_cmpstr (wsp_objection_get_country_name (objection), ==, "Austria");

  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  wsp_objection_advance_platform (objection);
  g_assert_cmpuint (current_count, ==, 2);

  wsp_objection_set_reason (objection, "");
  g_assert_cmpstr (wsp_objection_get_reason (objection), ==, "");
}

static void
test_objection_finalize (void)
{
  WspObjection *objection = wsp_objection_new ();

  wsp_objection_set_country (objection, "DE", "Germany");
  wsp_objection_set_email (objection, "a@example.org");
  wsp_objection_set_reason (objection, "text");
  g_assert_finalize_object (objection);
}

/* An objection for both platforms, on the second one's form. */
static WspObjection *
new_objection_on_second (const char *country,
                         const char *country_name,
                         const char *email,
                         const char *reason)
{
  WspObjection *objection = wsp_objection_new ();

  wsp_objection_set_platforms (objection, WSP_PLATFORMS_BOTH);
  wsp_objection_set_country (objection, country, country_name);
  wsp_objection_set_email (objection, email);
  wsp_objection_set_reason (objection, reason);
  g_assert_true (wsp_objection_advance_platform (objection));
  return objection;
}

static void
test_objection_another_account (void)
{
  g_autoptr(WspObjection) objection = new_objection_on_second ("PL", "Polska", "ania@example.org",
                                                               "Nie zgadzam się.");

  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_PLATFORM_INSTAGRAM);

  wsp_objection_prepare_another_account (objection);
  g_assert_null (wsp_objection_get_email (objection));
  g_assert_cmpstr (wsp_objection_get_country (objection), ==, "PL");
  g_assert_cmpstr (wsp_objection_get_country_name (objection), ==, "Polska");
  g_assert_cmpstr (wsp_objection_get_reason (objection), ==, "Nie zgadzam się.");
  g_assert_cmpuint (wsp_objection_get_platforms (objection), ==, WSP_PLATFORMS_BOTH);
  g_assert_cmpint (wsp_objection_get_current (objection), ==, WSP_PLATFORM_FACEBOOK);
}

static void
test_objection_copy (void)
{
  g_autoptr(WspObjection) objection = new_objection_on_second ("NL", "Nederland",
                                                               "sanne@example.org",
                                                               "Ik wil dit niet.");
  g_autoptr(WspObjection) copy = NULL;
  g_autoptr(WspObjection) other = wsp_objection_new ();

  copy = wsp_objection_copy (objection);
  g_assert_true (copy != objection);
  g_assert_cmpuint (wsp_objection_get_platforms (copy), ==, WSP_PLATFORMS_BOTH);
  g_assert_cmpint (wsp_objection_get_current (copy), ==, WSP_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (wsp_objection_get_country (copy), ==, "NL");
  g_assert_cmpstr (wsp_objection_get_country_name (copy), ==, "Nederland");
  g_assert_cmpstr (wsp_objection_get_email (copy), ==, "sanne@example.org");
  g_assert_cmpstr (wsp_objection_get_reason (copy), ==, "Ik wil dit niet.");
  g_assert_true (wsp_objection_equal (copy, objection));

  /* Each value counts, the current platform too. */
  g_assert_false (wsp_objection_equal (other, objection));
  wsp_objection_set_email (copy, NULL);
  g_assert_false (wsp_objection_equal (copy, objection));
  wsp_objection_assign (copy, objection);
  g_assert_true (wsp_objection_equal (copy, objection));
  wsp_objection_set_platforms (copy, WSP_PLATFORMS_BOTH);
  g_assert_cmpint (wsp_objection_get_current (copy), ==, WSP_PLATFORM_FACEBOOK);
  g_assert_false (wsp_objection_equal (copy, objection));
  wsp_objection_assign (copy, objection);
  wsp_objection_set_country (copy, "BE", "België");
  g_assert_false (wsp_objection_equal (copy, objection));
  wsp_objection_assign (copy, objection);
  wsp_objection_set_reason (copy, "");
  g_assert_false (wsp_objection_equal (copy, objection));

  /* Assigning an empty objection empties it. */
  wsp_objection_assign (copy, other);
  g_assert_true (wsp_objection_equal (copy, other));
  g_assert_cmpint (wsp_objection_get_current (copy), ==, WSP_N_PLATFORMS);
  g_assert_null (wsp_objection_get_country (copy));
  g_assert_null (wsp_objection_get_email (copy));
  g_assert_null (wsp_objection_get_reason (copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/objection/platforms", test_objection_platforms);
  g_test_add_func ("/objection/notify", test_objection_notify);
  g_test_add_func ("/objection/finalize", test_objection_finalize);
  g_test_add_func ("/objection/another-account", test_objection_another_account);
  g_test_add_func ("/objection/copy", test_objection_copy);

  return g_test_run ();
}
