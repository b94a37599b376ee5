/* test-reminder.c: when the confirmation is overdue, and the calendar file for the reminder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar file is read back as a calendar app would (RFC 5545): every line ends in CRLF
 * and holds at most 75 octets, unfolded it nests one VEVENT with one VALARM in one VCALENDAR,
 * and its times are the ones meant. Time is the records' dates, never the clock.
 */

#include "config.h"

#include <string.h>

#include "wsp-record-store.h"
#include "wsp-reminder.h"
#include "wsp-test-util.h"

#define EMAIL "jana.beispiel+ki@mail.example.org"
#define REASON "Meine Fotos zeigen meine Kinder; sie haben nie zugestimmt, und das, was einmal " \
               "in einem Modell steckt, lässt sich nicht mehr löschen."
/* 2026-12-01 09:30:00 UTC */
#define SENT G_GINT64_CONSTANT (1764581400)
#define HOUR (60 * 60)

typedef struct {
  char *name;        /* upper case, without parameters */
  char *value;       /* unescaped */
} Property;

typedef struct Component Component;
struct Component {
  char      *name;
  GPtrArray *properties;   /* of Property */
  GPtrArray *children;     /* of Component */
};

static void
property_free (Property *property)
{
  g_free (property->name);
  g_free (property->value);
  g_free (property);
}

static void
component_free (Component *component)
{
  g_free (component->name);
  g_ptr_array_unref (component->properties);
  g_ptr_array_unref (component->children);
  g_free (component);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Component, component_free)

static Component *
component_new (const char *name)
{
  Component *component = g_new0 (Component, 1);

  component->name = g_strdup (name);
  component->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
  component->children = g_ptr_array_new_with_free_func ((GDestroyNotify) component_free);
  return component;
}

static char *
unescape (const char *value)
{
  GString *text = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          /* Unescaped, these separate values; no TEXT value the app writes has them. */
          g_assert_true (*p != ',' && *p != ';');
          g_string_append_c (text, *p);
          continue;
        }
      p++;
      g_assert_true (*p == '\\' || *p == ';' || *p == ',' || *p == 'n' || *p == 'N');
      g_string_append_c (text, *p == 'n' || *p == 'N' ? '\n' : *p);
    }

  return g_string_free (text, FALSE);
}

/* Checks the physical lines, unfolds them and parses the components; asserts on every rule. */
static Component *
parse_ics (const char *ics)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) physical = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  Component *root = NULL;
  guint n;

  g_assert_true (g_utf8_validate (ics, -1, NULL));
  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  /* Every line break is CRLF. */
  for (const char *p = ics; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_true (p > ics && p[-1] == '\r');
    else if (*p == '\r')
      g_assert_true (p[1] == '\n');

  physical = g_strsplit (ics, "\r\n", -1);
  n = g_strv_length (physical);
  /* The text ends with CRLF: the last piece is empty. */
  g_assert_cmpstr (physical[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      /* At most 75 octets, and folding splits no character. */
      g_assert_cmpuint (strlen (physical[i]), <=, 75);
      g_assert_cmpuint (strlen (physical[i]), >, 0);
      g_assert_true (g_utf8_validate (physical[i], -1, NULL));
      if (physical[i][0] == ' ' || physical[i][0] == '\t')
        {
          g_assert_cmpuint (i, >, 0);
          g_string_append (unfolded, physical[i] + 1);
        }
      else
        {
          if (i > 0)
            g_string_append_c (unfolded, '\n');
          g_string_append (unfolded, physical[i]);
        }
    }

  lines = g_strsplit (unfolded->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;
      Component *top = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
      char *semicolon;

      g_assert_nonnull (colon);
      name = g_ascii_strup (lines[i], colon - lines[i]);
      if ((semicolon = strchr (name, ';')) != NULL)
        *semicolon = '\0';
      g_assert_cmpuint (strlen (name), >, 0);
      for (const char *c = name; *c != '\0'; c++)
        g_assert_true (g_ascii_isupper (*c) || g_ascii_isdigit (*c) || *c == '-');

      if (g_str_equal (name, "BEGIN"))
        {
          Component *component = component_new (colon + 1);

          if (top == NULL)
            {
              g_assert_null (root);
              root = component;
            }
          else
            g_ptr_array_add (top->children, component);
          g_ptr_array_add (stack, component);
        }
      else if (g_str_equal (name, "END"))
        {
          g_assert_nonnull (top);
          g_assert_cmpstr (top->name, ==, colon + 1);
          g_ptr_array_set_size (stack, stack->len - 1);
        }
      else
        {
          Property *property = g_new0 (Property, 1);

          g_assert_nonnull (top);
          property->name = g_steal_pointer (&name);
          property->value = unescape (colon + 1);
          g_ptr_array_add (top->properties, property);
        }
    }
  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_nonnull (root);

  return root;
}

/* The value of the one property @name of @component; fails when there is none or several. */
static const char *
get (Component  *component,
     const char *name)
{
  const char *value = NULL;

  for (guint i = 0; i < component->properties->len; i++)
    {
      Property *property = g_ptr_array_index (component->properties, i);

      if (g_str_equal (property->name, name))
        {
          g_assert_null (value);
          value = property->value;
        }
    }
  g_assert_nonnull (value);

  return value;
}

static Component *
only_child (Component  *component,
            const char *name)
{
  g_assert_cmpuint (component->children->len, ==, 1);
  g_assert_cmpstr (((Component *) g_ptr_array_index (component->children, 0))->name, ==, name);

  return g_ptr_array_index (component->children, 0);
}

static gint64
parse_utc (const char *value)
{
  g_autoptr(GDateTime) time = NULL;

  g_assert_cmpuint (strlen (value), ==, 16);
  g_assert_true (g_str_has_suffix (value, "Z"));
  time = g_date_time_new_from_iso8601 (value, NULL);
  g_assert_nonnull (time);

  return g_date_time_to_unix (time);
}

static WspRecord *
make_sent_record (const char *label)
{
  WspRecord *record = wsp_record_new (WSP_PLATFORM_INSTAGRAM);

  wsp_record_set_label (record, label);
  wsp_record_set_email (record, EMAIL);
  wsp_record_set_country (record, "DE", "Deutschland");
  wsp_record_set_reason (record, REASON);
  wsp_record_set_url (record, "https://help.instagram.com/contact/767264225370182");
  wsp_record_set_opened (record, SENT - 600);
  wsp_record_set_sent (record, SENT);

  return record;
}

static void
test_overdue (void)
{
  g_autoptr(WspRecord) record = wsp_record_new (WSP_PLATFORM_FACEBOOK);

  /* Never sent: nothing to wait for. */
  g_assert_false (wsp_reminder_is_overdue (record, SENT + 30 * 24 * HOUR));
  wsp_record_set_opened (record, SENT - 600);
  g_assert_false (wsp_reminder_is_overdue (record, SENT + 30 * 24 * HOUR));

  wsp_record_set_sent (record, SENT);
  g_assert_false (wsp_reminder_is_overdue (record, SENT));
  g_assert_false (wsp_reminder_is_overdue (record, SENT + 23 * HOUR));
  g_assert_false (wsp_reminder_is_overdue (record, SENT + 24 * HOUR));
  g_assert_true (wsp_reminder_is_overdue (record, SENT + 24 * HOUR + 1));
  g_assert_true (wsp_reminder_is_overdue (record, SENT + 9 * 24 * HOUR));

  /* Confirmed: done. */
  wsp_record_set_confirmed (record, SENT + 2 * HOUR);
  g_assert_false (wsp_reminder_is_overdue (record, SENT + 9 * 24 * HOUR));
}

static void
assert_reminder (WspRecord *record,
                 gint64     now)
{
  g_autofree char *ics = wsp_reminder_dup_ics (record, now);
  g_autoptr(Component) calendar = NULL;
  Component *event, *alarm;
  gint64 start;

  g_assert_nonnull (ics);
  /* Neither the email address nor the reason, nor a part of either. */
  g_assert_null (strstr (ics, EMAIL));
  g_assert_null (strstr (ics, "jana.beispiel"));
  g_assert_null (strstr (ics, "Kinder"));

  calendar = parse_ics (ics);
  g_assert_cmpstr (calendar->name, ==, "VCALENDAR");
  g_assert_cmpstr (get (calendar, "VERSION"), ==, "2.0");
  g_assert_true (g_str_has_prefix (get (calendar, "PRODID"), "-//Widerspruch//"));

  event = only_child (calendar, "VEVENT");
  g_assert_true (g_str_has_prefix (get (event, "UID"), wsp_record_get_id (record)));
  g_assert_cmpint (parse_utc (get (event, "DTSTAMP")), ==, now);
  /* Two days after sending, for a quarter of an hour. */
  start = parse_utc (get (event, "DTSTART"));
  g_assert_cmpint (start, ==, SENT + 2 * 24 * HOUR);
  g_assert_cmpint (parse_utc (get (event, "DTEND")), ==, start + 15 * 60);
  g_assert_null (strstr (get (event, "SUMMARY"), EMAIL));
  g_assert_null (strstr (get (event, "DESCRIPTION"), EMAIL));
  g_assert_null (strstr (get (event, "DESCRIPTION"), REASON));
  g_assert_true (strstr (get (event, "SUMMARY"), "Instagram") != NULL);
  g_assert_true (strstr (get (event, "DESCRIPTION"), "spam") != NULL);

  alarm = only_child (event, "VALARM");
  g_assert_cmpuint (alarm->children->len, ==, 0);
  g_assert_cmpstr (get (alarm, "ACTION"), ==, "DISPLAY");
  g_assert_cmpstr (get (alarm, "TRIGGER"), ==, "PT0S");
  g_assert_cmpstr (get (alarm, "DESCRIPTION"), ==, get (event, "SUMMARY"));
}

static void
test_ics_reminder (void)
{
  g_autoptr(WspRecord) record = make_sent_record ("Shop");
  g_autoptr(WspRecord) labelled_by_email = make_sent_record ("Work: " EMAIL);
  g_autoptr(WspRecord) unsent = wsp_record_new (WSP_PLATFORM_FACEBOOK);
  g_autofree char *name = wsp_reminder_dup_file_name (record);
  g_autofree char *ics = wsp_reminder_dup_ics (record, SENT + 25 * HOUR);

  assert_reminder (record, SENT + 25 * HOUR);
  assert_reminder (labelled_by_email, SENT + 3 * HOUR);
  g_assert_true (strstr (ics, "Instagram – Shop") != NULL);

  g_assert_null (wsp_reminder_dup_ics (unsent, SENT));
  g_assert_cmpstr (name, ==, "widerspruch-reminder-instagram.ics");
}

/* Escaping and folding in general: separators, line breaks and long lines of multibyte
 * characters come back exactly. */
static void
test_ics_text (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *ics = NULL;
  g_autoptr(Component) calendar = NULL;
  Component *event;
  const char *summary = "Komma, Semikolon; Backslash \\ und\nzwei Zeilen";

  for (guint i = 0; i < 60; i++)
    g_string_append (long_text, i % 3 == 0 ? "ä" : i % 3 == 1 ? "€" : "𝄞x");

  ics = wsp_ics_new_event ("id@example.invalid", SENT, SENT + HOUR, 30, summary, long_text->str);
  calendar = parse_ics (ics);
  event = only_child (calendar, "VEVENT");
  g_assert_cmpstr (get (event, "SUMMARY"), ==, summary);
  g_assert_cmpstr (get (event, "DESCRIPTION"), ==, long_text->str);
  g_assert_cmpint (parse_utc (get (event, "DTSTART")), ==, SENT + HOUR);
  g_assert_cmpint (parse_utc (get (event, "DTEND")), ==, SENT + HOUR + 30 * 60);
}

/* "Refused or no answer": a state of its own, kept in the file, written in the text. */
static void
test_refused (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "refused.json", NULL);
  g_autoptr(WspRecordStore) store = wsp_record_store_new (path);
  g_autoptr(WspRecordStore) again = wsp_record_store_new (path);
  g_autoptr(WspRecord) record = make_sent_record (NULL);
  g_autoptr(WspRecord) loaded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wsp_record_store_load (store, &error));
  wsp_record_set_confirmed (record, SENT + HOUR);
  wsp_record_store_add (store, record);
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_CONFIRMED);
  text = wsp_record_format_text (record);
  g_assert_null (strstr (text, "Refused"));
  g_clear_pointer (&text, g_free);

  /* Meta may confirm and still not honour it: the mark wins. */
  wsp_record_set_refused (record, SENT + 40 * 24 * HOUR);
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_REFUSED);
  g_assert_cmpstr (wsp_record_state_get_label (WSP_RECORD_REFUSED), ==, "Refused or no answer");
  g_assert_false (wsp_reminder_is_overdue (record, SENT + 50 * 24 * HOUR));
  text = wsp_record_format_text (record);
  g_assert_nonnull (strstr (text, "Refused or no answer: "));
  g_assert_null (wsp_record_store_get_save_error (store));

  g_assert_true (wsp_record_store_load (again, &error));
  g_assert_no_error (error);
  loaded = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpint (wsp_record_get_refused (loaded), ==, SENT + 40 * 24 * HOUR);
  g_assert_cmpint (wsp_record_get_state (loaded), ==, WSP_RECORD_REFUSED);

  wsp_record_set_refused (record, 0);
  g_assert_cmpint (wsp_record_get_state (record), ==, WSP_RECORD_CONFIRMED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  wsp_test_bind_textdomains ();

  g_test_add_func ("/reminder/overdue", test_overdue);
  g_test_add_func ("/reminder/ics", test_ics_reminder);
  g_test_add_func ("/reminder/ics-text", test_ics_text);
  g_test_add_func ("/reminder/refused", test_refused);

  return g_test_run ();
}
