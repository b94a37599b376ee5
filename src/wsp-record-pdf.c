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
             const char *text,
             const char *family,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

gboolean
wsp_record_write_pdf (WspRecord   *record,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(PangoLayout) heading_layout = NULL;
  g_autoptr(PangoLayout) body_layout = NULL;
  const char *body;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double heading_height;

  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The same words as the text copy: the first line is the heading. */
  text = wsp_record_format_text (record);
  body = strchr (text, '\n');
  heading = g_strndup (text, body != NULL ? body - text : (gssize)strlen (text));
  body = body != NULL ? body + 1 : "";
  while (*body == '\n')
    body++;

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);

  heading_layout = make_layout (cr, heading, "Sans", 16, TRUE);
  heading_height = layout_height (heading_layout);

  /* One page, always: a long reason makes the type smaller rather than spill over. */
  for (double size = 11; size >= 5; size -= 0.5)
    {
      g_clear_object (&body_layout);
      body_layout = make_layout (cr, body, "Sans", size, FALSE);
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
