/* wsp-reasons.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-reasons.h"

typedef struct {
  const char *id;
  const char *title;
  const char *text;
} Reason;

/* Written by the project from the gist of what people send; translators: these go into Meta's
 * form as they are, so keep them plain, polite and first person. */
static const Reason reasons [] = {
  {
    "short",
    N_("Short and plain"),
    N_("Under Article 21 GDPR, I object to the use of my personal data for developing and "
       "training AI at Meta."),
  },
  {
    "no-consent",
    N_("I never agreed to this"),
    N_("I object to the use of my posts, photos and other personal data for training AI at Meta. "
       "I never agreed to it. A use this far removed from why I share content would need my "
       "consent beforehand; making me search for a way to object afterwards is not a fair "
       "substitute."),
  },
  {
    "legitimate-interest",
    /* An opinion, not settled law: the OLG Köln found Meta's interest sufficient in summary
     * proceedings (15 UKl 2/25, 2025-05-23). */
    N_("In my view, Meta’s interest does not outweigh mine"),
    N_("I object to the processing of my personal data for AI at Meta. In my view, a legitimate "
       "interest does not override my rights here: the Court of Justice of the European Union "
       "refused Meta that ground for personalised advertising (case C-252/21), and I consider "
       "training AI models on years of personal posts to reach much further than advertising."),
  },
  {
    "other-people",
    N_("My posts show other people"),
    N_("I object to the use of my content for training AI at Meta. My posts and photos show "
       "family members, friends and children. They never agreed to this, many of them cannot "
       "object themselves, and I do not want to decide over their data in their place."),
  },
  {
    "sensitive",
    N_("My posts reveal sensitive things"),
    N_("I object to the use of my personal data for AI at Meta. Taken together, my posts can "
       "reveal my health, my beliefs or my political views. Such special categories of data are "
       "protected by Article 9 GDPR and must not be used to train AI models without my explicit "
       "consent, which I do not give."),
  },
  {
    "copyright",
    N_("My photos and texts are my work"),
    N_("I object to the use of my content for training AI at Meta. The photos, pictures and "
       "texts I publish are my own work or licensed to me. I do not permit them to be used to "
       "train AI models."),
  },
  {
    "erasure",
    N_("A model cannot forget"),
    N_("I object to the use of my personal data for training AI at Meta. Once my data is part "
       "of a model it can neither be found nor removed again, so my rights of access, "
       "correction and erasure under Articles 15 to 17 GDPR could no longer be honoured."),
  },
};

guint
wsp_reasons_get_n (void)
{
  return G_N_ELEMENTS (reasons);
}

const char *
wsp_reasons_get_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (reasons), NULL);

  return reasons [index].id;
}

const char *
wsp_reasons_get_title (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (reasons), NULL);

  return _(reasons [index].title);
}

const char *
wsp_reasons_get_text (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (reasons), NULL);

  return _(reasons [index].text);
}

static gboolean
is_hidden (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
      return c != '\n' && c != '\t';

    case G_UNICODE_FORMAT:
      /* ZWNJ and ZWJ belong to words and emoji; the soft hyphen only shows where a line breaks;
       * tag characters spell out the flags of Scotland or Wales. */
      return c != 0x200C && c != 0x200D && c != 0x00AD && !(c >= 0xE0020 && c <= 0xE007F);

    default:
      return FALSE;
    }
}

char *
wsp_reasons_make_visible (const char *text)
{
  g_autofree char *valid = NULL;
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  result = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hidden (c))
        g_string_append_printf (result, "[U+%04X]", c);
      else
        g_string_append_len (result, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (result, FALSE);
}
