/* test-email.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wsp-email.h"
#include "wsp-test-util.h"

typedef struct {
  const char     *address;
  WspEmailStatus  expected;
} Case;

static const Case cases[] = {
  /* Addresses people really have */
  { "name@example.org", WSP_EMAIL_OK },
  { "a@b.de", WSP_EMAIL_OK },
  { "Erika.Mustermann@example.de", WSP_EMAIL_OK },
  { "first.middle.last@example.com", WSP_EMAIL_OK },
  { "name+facebook@gmail.com", WSP_EMAIL_OK },
  { "name+tag+more@example.com", WSP_EMAIL_OK },
  { "user@mail.sub.example.co.uk", WSP_EMAIL_OK },
  { "user@my-company.example", WSP_EMAIL_OK },
  { "user@example.photography", WSP_EMAIL_OK },
  { "user@example.xn--p1ai", WSP_EMAIL_OK },
  { "o'connor@example.ie", WSP_EMAIL_OK },
  { "user_name-1@example.com", WSP_EMAIL_OK },
  { "!#$%&'*+-/=?^_`{|}~@example.org", WSP_EMAIL_OK },
  { "1234567@123.example.de", WSP_EMAIL_OK },
  { "user@b\xc3\xbc" "cher.de", WSP_EMAIL_OK },                      /* bücher.de */
  { "info@m\xc3\xbcnchen.de", WSP_EMAIL_OK },                        /* münchen.de */
  { "j\xc3\xb6rg@example.de", WSP_EMAIL_OK },                        /* jörg@, RFC 6531 */
  { "\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd", WSP_EMAIL_OK },
  { "USER@EXAMPLE.COM", WSP_EMAIL_OK },
  { "x@x-y.z-w.example", WSP_EMAIL_OK },

  /* Empty */
  { "", WSP_EMAIL_EMPTY },
  { NULL, WSP_EMAIL_EMPTY },

  /* White space: the caller trims, so any space left over is an error */
  { " name@example.org", WSP_EMAIL_SPACE },
  { "name@example.org ", WSP_EMAIL_SPACE },
  { "na me@example.org", WSP_EMAIL_SPACE },
  { "a@exa mple.com", WSP_EMAIL_SPACE },
  { "name@example.org\t", WSP_EMAIL_SPACE },
  { "name@example.org\n", WSP_EMAIL_SPACE },
  { "name\xc2\xa0@example.org", WSP_EMAIL_SPACE },                   /* no-break space */
  { "name\xe3\x80\x80@example.org", WSP_EMAIL_SPACE },               /* ideographic space */
  { "na me\x01@example.org", WSP_EMAIL_SPACE },                      /* space comes first */

  /* Control characters and broken UTF-8 */
  { "name\x01@example.org", WSP_EMAIL_CONTROL },
  { "name\x7f@example.org", WSP_EMAIL_CONTROL },
  { "name@example.org\xe2\x80\x8b", WSP_EMAIL_CONTROL },             /* zero-width space */
  { "\xef\xbb\xbfname@example.org", WSP_EMAIL_CONTROL },             /* byte order mark */
  { "name\xff@example.org", WSP_EMAIL_CONTROL },
  { "name@exampl\xc3.org", WSP_EMAIL_CONTROL },                      /* truncated sequence */

  /* The @ */
  { "name.example.org", WSP_EMAIL_NO_AT },
  { "name", WSP_EMAIL_NO_AT },
  { "name\xef\xbc\xa0" "example.org", WSP_EMAIL_NO_AT },             /* full-width @ */
  { "a@b@example.org", WSP_EMAIL_MANY_AT },
  { "name@@example.org", WSP_EMAIL_MANY_AT },
  { "\"a@b\"@example.org", WSP_EMAIL_MANY_AT },

  /* The part before the @ */
  { "@example.org", WSP_EMAIL_LOCAL_EMPTY },
  { "@", WSP_EMAIL_LOCAL_EMPTY },
  { ".name@example.org", WSP_EMAIL_LOCAL_DOTS },
  { "name.@example.org", WSP_EMAIL_LOCAL_DOTS },
  { "first..last@example.org", WSP_EMAIL_LOCAL_DOTS },
  { ".@example.org", WSP_EMAIL_LOCAL_DOTS },
  { "a,b@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "a;b@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "<name@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "a>b@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "name(comment)@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "a[b]@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "a\\b@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "\"name\"@example.org", WSP_EMAIL_LOCAL_INVALID },
  { "a:b@example.org", WSP_EMAIL_LOCAL_INVALID },

  /* The domain */
  { "name@", WSP_EMAIL_DOMAIN_EMPTY },
  { "name@example.org.", WSP_EMAIL_DOMAIN_TRAILING_DOT },
  { "name@.", WSP_EMAIL_DOMAIN_TRAILING_DOT },
  { "name@localhost", WSP_EMAIL_DOMAIN_NO_DOT },
  { "name@example", WSP_EMAIL_DOMAIN_NO_DOT },
  { "a@b..de", WSP_EMAIL_DOMAIN_INVALID },
  { "a@.example.de", WSP_EMAIL_DOMAIN_INVALID },
  { "a@ex_ample.com", WSP_EMAIL_DOMAIN_INVALID },
  { "a@-example.com", WSP_EMAIL_DOMAIN_INVALID },
  { "a@example-.com", WSP_EMAIL_DOMAIN_INVALID },
  { "a@example.-com", WSP_EMAIL_DOMAIN_INVALID },
  { "a@example.com-", WSP_EMAIL_DOMAIN_INVALID },
  { "a@1.2.3.4", WSP_EMAIL_DOMAIN_INVALID },
  { "a@example.123", WSP_EMAIL_DOMAIN_INVALID },
  { "a@[1.2.3.4]", WSP_EMAIL_DOMAIN_INVALID },
  { "a@exa!mple.com", WSP_EMAIL_DOMAIN_INVALID },
  { "a@example.com,b@example.com", WSP_EMAIL_MANY_AT },
  { "a@example.com;", WSP_EMAIL_DOMAIN_INVALID },
  { "a@b\xc3\xbc_cher.de", WSP_EMAIL_DOMAIN_INVALID },              /* bü_cher.de */
};

static void
test_table (void)
{
  guint good = 0;

  /* What the brief asks of the table: enough cases, and enough that pass. */
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 40);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WspEmailStatus status = wsp_email_validate (cases[i].address);

      if (status != cases[i].expected)
        g_error ("case %" G_GSIZE_FORMAT " (%s): expected status %d, got %d",
                 i, cases[i].address != NULL ? cases[i].address : "(null)",
                 cases[i].expected, status);

      if (cases[i].expected == WSP_EMAIL_OK)
        good++;
    }

  g_assert_cmpuint (good, >=, 15);
}

static void
test_messages (void)
{
  g_assert_null (wsp_email_status_message (WSP_EMAIL_OK));

  for (int status = WSP_EMAIL_EMPTY; status <= WSP_EMAIL_DOMAIN_INVALID; status++)
    {
      const char *message = wsp_email_status_message (status);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 20);
      g_assert_true (g_utf8_validate (message, -1, NULL));
      /* Whole sentences. */
      g_assert_true (g_str_has_suffix (message, "."));
    }

  g_assert_cmpstr (wsp_email_status_message (WSP_EMAIL_NO_AT), ==,
                   "The address needs an @ between the name and the domain, like name@example.org.");
}

/* "x" repeated @n times */
static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

/* An address of exactly @total bytes: a 64 byte local part and a domain of 63 byte labels. */
static char *
address_of_length (gsize total)
{
  g_autofree char *local = repeat ('l', 64);
  GString *domain = g_string_new (NULL);
  gsize domain_length = total - 64 - 1;

  while (domain->len + 64 < domain_length - 3)
    {
      g_autofree char *label = repeat ('d', 63);

      g_string_append_printf (domain, "%s.", label);
    }

  /* fill up, leaving room for ".de" */
  while (domain->len < domain_length - 3)
    g_string_append_c (domain, 'e');
  g_string_append (domain, ".de");

  g_autofree char *domain_str = g_string_free (domain, FALSE);

  return g_strdup_printf ("%s@%s", local, domain_str);
}

static void
test_total_length (void)
{
  g_autofree char *ok = address_of_length (254);
  g_autofree char *too_long = address_of_length (255);
  g_autofree char *way_too_long = repeat ('a', 100000);

  g_assert_cmpuint (strlen (ok), ==, 254);
  g_assert_cmpuint (strlen (too_long), ==, 255);
  g_assert_cmpint (wsp_email_validate (ok), ==, WSP_EMAIL_OK);
  g_assert_cmpint (wsp_email_validate (too_long), ==, WSP_EMAIL_TOO_LONG);
  g_assert_cmpint (wsp_email_validate (way_too_long), ==, WSP_EMAIL_TOO_LONG);
}

static void
test_total_length_idn (void)
{
  /* The limit counts the domain as it goes over the wire: "ü" (2 bytes) becomes the punycode
   * label "xn--tda" (7 bytes). */
  g_autofree char *local = repeat ('l', 64);
  g_autofree char *filler = repeat ('d', 63);
  g_autofree char *filler51 = repeat ('d', 51);
  g_autofree char *ascii = NULL;
  g_autofree char *idn = NULL;

  ascii = g_strdup_printf ("%s@%s.%s.%s.xn--tda.de", local, filler, filler, filler51);
  idn = g_strdup_printf ("%s@%s.%s.%s.\xc3\xbc.de", local, filler, filler, filler51);
  g_assert_cmpuint (strlen (ascii), ==, 255);
  g_assert_cmpuint (strlen (idn), ==, 250);
  g_assert_cmpint (wsp_email_validate (ascii), ==, WSP_EMAIL_TOO_LONG);
  g_assert_cmpint (wsp_email_validate (idn), ==, WSP_EMAIL_TOO_LONG);
}

static void
test_local_length (void)
{
  g_autofree char *local64 = repeat ('a', 64);
  g_autofree char *local65 = repeat ('a', 65);
  g_autofree char *ok = g_strconcat (local64, "@example.org", NULL);
  g_autofree char *too_long = g_strconcat (local65, "@example.org", NULL);
  /* 32 two-byte characters are 64 bytes; one more is too many: bytes count, not characters. */
  GString *umlauts = g_string_new (NULL);
  g_autofree char *umlauts_ok = NULL;
  g_autofree char *umlauts_too_long = NULL;

  for (int i = 0; i < 32; i++)
    g_string_append (umlauts, "\xc3\xa4");
  umlauts_ok = g_strconcat (umlauts->str, "@example.org", NULL);
  umlauts_too_long = g_strconcat (umlauts->str, "x@example.org", NULL);
  g_string_free (umlauts, TRUE);

  g_assert_cmpint (wsp_email_validate (ok), ==, WSP_EMAIL_OK);
  g_assert_cmpint (wsp_email_validate (too_long), ==, WSP_EMAIL_LOCAL_TOO_LONG);
  g_assert_cmpint (wsp_email_validate (umlauts_ok), ==, WSP_EMAIL_OK);
  g_assert_cmpint (wsp_email_validate (umlauts_too_long), ==, WSP_EMAIL_LOCAL_TOO_LONG);
}

static void
test_label_length (void)
{
  g_autofree char *label63 = repeat ('d', 63);
  g_autofree char *label64 = repeat ('d', 64);
  g_autofree char *ok = g_strdup_printf ("a@%s.de", label63);
  g_autofree char *too_long = g_strdup_printf ("a@%s.de", label64);

  g_assert_cmpint (wsp_email_validate (ok), ==, WSP_EMAIL_OK);
  g_assert_cmpint (wsp_email_validate (too_long), ==, WSP_EMAIL_DOMAIN_INVALID);
}

/* Pasted megabytes: the answer is "too long", and it comes without looking at the whole text
 * more than once. Run with -m perf to see the times (a benchmark, not a timed test). */
static void
test_megabyte (void)
{
  const gsize size = 1024 * 1024;
  g_autofree char *letters = g_strnfill (size, 'a');
  g_autofree char *spaces = g_strnfill (size, ' ');
  g_autofree char *idn = NULL;
  g_autofree char *near_limit = NULL;
  GString *unicode = g_string_sized_new (size + 8);
  g_autofree char *unicode_text = NULL;
  const char *inputs[4];

  /* Just under the early cut-off: the most work the check ever does, an IDN conversion. */
  near_limit = g_strconcat ("jana@", letters + size - 1000, ".example", NULL);
  memset (near_limit + 5, 'x', 200);
  for (gsize i = 5; i < 900; i += 50)
    near_limit[i] = '.';
  idn = g_strdup (near_limit);
  memcpy (idn + 6, "\xc3\xbc", 2);

  while (unicode->len < size)
    g_string_append (unicode, "\U0001F600\u202E@");
  unicode_text = g_string_free (unicode, FALSE);

  letters[size / 2] = '@';
  inputs[0] = letters;
  inputs[1] = spaces;
  inputs[2] = unicode_text;
  inputs[3] = idn;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    g_assert_cmpint (wsp_email_validate (inputs[i]), ==, WSP_EMAIL_TOO_LONG);

  if (g_test_perf ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
        {
          const guint rounds = 200;
          double seconds;

          g_test_timer_start ();
          for (guint r = 0; r < rounds; r++)
            wsp_email_validate (inputs[i]);
          seconds = g_test_timer_elapsed ();
          g_test_maximized_result (seconds / rounds * 1e6,
                                   "input %u (%zu bytes): %.1f µs per check", i,
                                   strlen (inputs[i]), seconds / rounds * 1e6);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  wsp_test_init_model (&argc, &argv);

  g_test_add_func ("/email/table", test_table);
  g_test_add_func ("/email/messages", test_messages);
  g_test_add_func ("/email/total-length", test_total_length);
  g_test_add_func ("/email/total-length-idn", test_total_length_idn);
  g_test_add_func ("/email/local-length", test_local_length);
  g_test_add_func ("/email/label-length", test_label_length);
  g_test_add_func ("/email/megabyte", test_megabyte);

  return g_test_run ();
}
