/* wsp-record-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "wsp-record-pdf.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define MARGIN      57.0

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *markup,
             double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static void
add_field (GString    *markup,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append_printf (markup, "<b>%s</b>\n%s\n\n", name, escaped);
}

static void
add_time (GString    *markup,
          const char *name,
          gint64      when)
{
  g_autofree char *date = wsp_record_format_time (when);

  add_field (markup, name, date != NULL ? date : _("Not yet"));
}

/* The same fields and words as wsp_record_format_text(), laid out for paper. */
static char *
record_markup (WspRecord *record)
{
  GString *markup = g_string_new (NULL);
  const char *reason = wsp_record_get_reason (record);
  g_autofree char *note = NULL;

  add_field (markup, _("Form address"), wsp_record_get_url (record));
  add_field (markup, _("Email address"), wsp_record_get_email (record));
  add_field (markup, _("Country of residence"),
             wsp_record_get_country_name (record) != NULL ? wsp_record_get_country_name (record)
                                                         : _("Not chosen"));
  add_field (markup, _("Reason"), reason != NULL && *reason != '\0' ? reason : _("None"));
  add_time (markup, _("Form opened"), wsp_record_get_opened (record));
  add_time (markup, _("Sent"), wsp_record_get_sent (record));
  add_time (markup, _("Confirmation arrived"), wsp_record_get_confirmed (record));
  if (wsp_record_get_refused (record) != 0)
    add_time (markup, _("Refused or no answer"), wsp_record_get_refused (record));

  note = g_markup_escape_text (_("Written by Widerspruch from what you entered and ticked. This is "
                                 "your own note, not a receipt from Meta: keep Meta’s "
                                 "confirmation email as well."), -1);
  g_string_append_printf (markup, "<small>%s</small>", note);

  return g_string_free (markup, FALSE);
}

gboolean
wsp_record_write_pdf (WspRecord   *record,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *body = NULL;
  g_autoptr(PangoLayout) heading_layout = NULL;
  g_autoptr(PangoLayout) body_layout = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double heading_height;

  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = wsp_record_dup_title (record);
  /* Translators: the heading of a saved record; %s is e.g. "Facebook" or "Instagram – Shop" */
  heading = g_strdup_printf (_("Objection to AI training at Meta: %s"), title);
  escaped = g_markup_escape_text (heading, -1);
  markup = g_strdup_printf ("<b>%s</b>", escaped);
  body = record_markup (record);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Widerspruch");

  heading_layout = make_layout (cr, markup, 15);
  heading_height = layout_height (heading_layout);

  /* One page, always: a long reason makes the type smaller rather than spill over. */
  for (double size = 11; size >= 5; size -= 0.5)
    {
      g_clear_object (&body_layout);
      body_layout = make_layout (cr, body, size);
      if (heading_height + 18 + layout_height (body_layout) <= PAGE_HEIGHT - 2 * MARGIN)
        break;
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, heading_layout);
  cairo_move_to (cr, MARGIN, MARGIN + heading_height + 18);
  pango_cairo_show_layout (cr, body_layout);
  cairo_show_page (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
wsp_record_export (WspRecord   *record,
                   const char  *pdf_path,
                   char       **out_text_path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *text_path = NULL;

  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);

  if (g_str_has_suffix (pdf_path, ".pdf"))
    {
      g_autofree char *stem = g_strndup (pdf_path, strlen (pdf_path) - strlen (".pdf"));
      text_path = g_strconcat (stem, ".txt", NULL);
    }
  else
    {
      text_path = g_strconcat (pdf_path, ".txt", NULL);
    }

  if (!wsp_record_write_pdf (record, pdf_path, error))
    return FALSE;

  text = wsp_record_format_text (record);
  if (!g_file_set_contents (text_path, text, -1, error))
    return FALSE;

  if (out_text_path != NULL)
    *out_text_path = g_steal_pointer (&text_path);

  return TRUE;
}
