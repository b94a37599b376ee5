/* wsp-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-json.h"

/* The index of the quote that ends the string starting at the quote data[start] (escapes are
 * skipped whole), or @size when it does not end. */
static gsize
skip_string (const char *data,
             gsize       size,
             gsize       start)
{
  gsize i = start + 1;

  /* memchr() rather than a loop over every byte: most of a catalog is text in strings. A quote
   * ends the string unless an odd number of backslashes stands right before it. */
  while (i < size)
    {
      const char *quote = memchr (data + i, '"', size - i);
      gsize end, backslashes = 0;

      if (quote == NULL)
        break;
      end = quote - data;
      while (end - backslashes > start + 1 && data[end - backslashes - 1] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        return end;
      i = end + 1;
    }

  return size;
}

/* json-glib's parser recurses once per level; a hostile file of a million "[" must not get
 * that far. Counts the deepest nesting outside strings. */
static gboolean
nesting_within (const char *data,
                gsize       size,
                guint       max)
{
  guint depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          i = skip_string (data, size, i);
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          depth--;
        }
    }

  return TRUE;
}

/* The \uXXXX escape at @p (which points at the "u"), or -1 when it is not one. */
static gint
escape_value (const char *p,
              gsize       left)
{
  gint value = 0;

  if (left < 5 || p[0] != 'u')
    return -1;

  for (guint k = 1; k <= 4; k++)
    {
      if (!g_ascii_isxdigit (p[k]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[k]);
    }

  return value;
}

typedef enum {
  ESCAPES_OK,
  ESCAPES_NUL,
  ESCAPES_SURROGATE,      /* also a \u without four hex digits */
  ESCAPES_UNKNOWN,        /* a backslash before anything JSON does not define */
} Escapes;

/* Escapes json-glib 1.6 mishandles, refused before parsing: it cuts a string at an escaped NUL
 * ("x\u0000y" reads as "x") without a word, decodes a lone surrogate ("\ud800") into invalid
 * UTF-8, leaks memory on a broken pair ("\ud800\ud800") or a short escape ("\udcc]"; all
 * found by fuzz-catalog), and lets unknown escapes ("\x") through. */
static Escapes
check_escapes (const char *data,
               gsize       size)
{
  gsize i = 0;
  gsize limit;

  while (i < size)
    {
      const char *quote = memchr (data + i, '"', size - i);

      if (quote == NULL)
        break;

      /* In a string: from one backslash to the next, up to the quote that ends it. Each quote
       * is looked for once, or a hostile run of escapes would take quadratic time. */
      for (i = quote - data + 1, limit = 0; i < size;)
        {
          const char *backslash;
          gint value;

          if (limit < i)
            {
              const char *end = memchr (data + i, '"', size - i);

              limit = end != NULL ? (gsize) (end - data) : size;
            }
          backslash = memchr (data + i, '\\', limit - i);
          if (backslash == NULL)
            {
              i = limit + 1;
              break;
            }
          i = backslash - data;

          if (i + 1 >= size || strchr ("\"\\/bfnrtu", data[i + 1]) == NULL)
            return ESCAPES_UNKNOWN;

          value = escape_value (data + i + 1, size - i - 1);
          if (data[i + 1] == 'u' && value < 0)
            return ESCAPES_SURROGATE;

          if (value == 0)
            return ESCAPES_NUL;

          if (value >= 0xDC00 && value <= 0xDFFF)
            return ESCAPES_SURROGATE;

          if (value >= 0xD800 && value <= 0xDBFF)
            {
              gint low = -1;

              /* A high surrogate needs a low one right after it. */
              if (i + 6 < size && data[i + 6] == '\\')
                low = escape_value (data + i + 7, size - i - 7);
              if (low < 0xDC00 || low > 0xDFFF)
                return ESCAPES_SURROGATE;
              i += 6;
            }

          /* Past the escaped character; the hex digits of \u cannot be a quote or a backslash. */
          i += 2;
        }
    }

  return ESCAPES_OK;
}

/* json-glib 1.6 reads "{}{}" as two documents, keeps the last and leaks the others (found by
 * fuzz-catalog with G_SLICE=always-malloc): refuse a second value at the top level up front. A
 * value starts with a bracket, a quote or the first character of a literal. */
static gboolean
has_one_value (const char *data,
               gsize       size)
{
  gboolean in_literal = FALSE;
  guint depth = 0;
  guint n_values = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '"' || c == '[' || c == '{')
        {
          if (depth == 0)
            n_values++;
          if (c == '"')
            i = skip_string (data, size, i);
          else
            depth++;
          in_literal = FALSE;
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
          in_literal = FALSE;
        }
      else if (g_ascii_isspace (c))
        {
          in_literal = FALSE;
        }
      else if (depth == 0 && !in_literal)
        {
          n_values++;
          in_literal = TRUE;
        }

      if (n_values > 1)
        return FALSE;
    }

  return TRUE;
}

/* The text of the key string that starts after the quote at data[start]: escapes decoded (they
 * were checked by check_escapes() already), so that "a" and "\u0061" are the same key. Sets
 * *end to the closing quote, or to @size when there is none. */
static char *
decode_key (const char *data,
            gsize       size,
            gsize       start,
            gsize      *end)
{
  GString *key;
  gsize i;

  /* Most keys have no escape: one allocation (this runs for every key of every file). */
  for (i = start; i < size && data[i] != '"' && data[i] != '\\'; i++)
    ;
  if (i >= size || data[i] == '"')
    {
      *end = i;
      return g_strndup (data + start, i - start);
    }

  key = g_string_sized_new (i - start + 16);
  for (i = start; i < size && data[i] != '"'; i++)
    {
      gint value;

      if (data[i] != '\\')
        {
          g_string_append_c (key, data[i]);
          continue;
        }

      if (++i >= size)
        break;

      switch (data[i])
        {
        case 'b': g_string_append_c (key, '\b'); break;
        case 'f': g_string_append_c (key, '\f'); break;
        case 'n': g_string_append_c (key, '\n'); break;
        case 'r': g_string_append_c (key, '\r'); break;
        case 't': g_string_append_c (key, '\t'); break;
        case 'u':
          value = escape_value (data + i, size - i);
          if (value < 0)
            break;
          i += 4;
          if (value >= 0xD800 && value <= 0xDBFF && i + 6 < size && data[i + 1] == '\\')
            {
              gint low = escape_value (data + i + 2, size - i - 2);

              if (low >= 0xDC00 && low <= 0xDFFF)
                {
                  value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
                  i += 6;
                }
            }
          g_string_append_unichar (key, value);
          break;
        default:
          /* '"', '\\' and '/' stand for themselves. */
          g_string_append_c (key, data[i]);
        }
    }

  *end = i;
  return g_string_free (key, FALSE);
}

static void
keys_free (gpointer keys)
{
  if (keys != NULL)
    g_hash_table_unref (keys);
}

/* json-glib keeps the last of two members with the same name: "{"url": "hostile", "url":
 * "harmless"}" would read as harmless while the raw bytes, which a cache may keep, say
 * otherwise. Refuse any object with a key twice, at every depth. Runs after the nesting check,
 * so the stack of open objects stays short. */
static gboolean
has_duplicate_key (const char *data,
                   gsize       size)
{
  /* One entry per open bracket: the keys seen for an object, NULL for an array. */
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (keys_free);
  gboolean expect_key = FALSE;
  gboolean duplicate = FALSE;

  for (gsize i = 0; i < size && !duplicate; i++)
    {
      char c = data[i];
      GHashTable *keys = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

      if (c == '"')
        {
          if (keys != NULL && expect_key)
            {
              gsize end;
              char *key = decode_key (data, size, i + 1, &end);

              if (!g_hash_table_add (keys, key))
                duplicate = TRUE;
              expect_key = FALSE;
              i = end;
            }
          else
            {
              /* A value: skip it. */
              i = skip_string (data, size, i);
            }
        }
      else if (c == '{')
        {
          g_ptr_array_add (stack, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
          expect_key = TRUE;
        }
      else if (c == '[')
        {
          g_ptr_array_add (stack, NULL);
          expect_key = FALSE;
        }
      else if ((c == '}' || c == ']') && stack->len > 0)
        {
          g_ptr_array_remove_index (stack, stack->len - 1);
          expect_key = FALSE;
        }
      else if (c == ',')
        {
          expect_key = keys != NULL;
        }
    }

  return duplicate;
}

WspJsonProblem
wsp_json_check (const char *data,
                gsize       size,
                guint       max_depth)
{
  g_return_val_if_fail (data != NULL || size == 0, WSP_JSON_NOT_UTF8);

  if (!g_utf8_validate_len (data, size, NULL))
    return WSP_JSON_NOT_UTF8;

  if (!nesting_within (data, size, max_depth))
    return WSP_JSON_TOO_DEEP;

  if (!has_one_value (data, size))
    return WSP_JSON_SEVERAL_VALUES;

  switch (check_escapes (data, size))
    {
    case ESCAPES_NUL:
      return WSP_JSON_NUL;
    case ESCAPES_SURROGATE:
      return WSP_JSON_BROKEN_ESCAPE;
    case ESCAPES_UNKNOWN:
      return WSP_JSON_UNKNOWN_ESCAPE;
    case ESCAPES_OK:
    default:
      break;
    }

  if (has_duplicate_key (data, size))
    return WSP_JSON_DUPLICATE_KEY;

  return WSP_JSON_OK;
}

const char *
wsp_json_problem_message (WspJsonProblem problem)
{
  switch (problem)
    {
    case WSP_JSON_OK:
      return NULL;
    case WSP_JSON_NOT_UTF8:
      return _("not JSON: not valid UTF-8");
    case WSP_JSON_TOO_DEEP:
      return _("not JSON: nested too deeply");
    case WSP_JSON_SEVERAL_VALUES:
      return _("not JSON: more than one value");
    case WSP_JSON_NUL:
      return _("a string contains a NUL character (\\u0000)");
    case WSP_JSON_BROKEN_ESCAPE:
      return _("not valid text (a broken \\u escape)");
    case WSP_JSON_DUPLICATE_KEY:
      return _("an object has the same key twice");
    case WSP_JSON_UNKNOWN_ESCAPE:
    default:
      return _("not JSON: an unknown escape sequence");
    }
}
