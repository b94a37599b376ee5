/* wsp-qr-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The symbol comes from libqrencode; the widget draws each run of dark modules as one rectangle
 * on a white square, every edge on a whole device pixel, so the code stays sharp at any size
 * and scale. It is black on white in the dark style too: a phone's camera reads dark modules on
 * a light ground, and many readers fail on the inverse.
 */

#include "config.h"

#include <errno.h>
#include <qrencode.h>

#include "wsp-qr-code.h"

/* The quiet zone on each side, in modules, as the standard asks (ISO/IEC 18004). */
#define QUIET_ZONE 4
/* Pixels a module: at least (see WSP_QR_CODE_MAX_VERSION), and more until the code is about
 * NATURAL_SIZE pixels wide, at most MAX_MODULE_PX. */
#define MIN_MODULE_PX 3
#define MAX_MODULE_PX 8
#define NATURAL_SIZE 256

struct _WspQrCode
{
  GtkWidget  parent_instance;

  char      *text;
  char      *description;
  /* The symbol's modules, row by row, one byte each, nonzero for dark; width × width. */
  guint8    *modules;
  int        width;
};

G_DEFINE_FINAL_TYPE (WspQrCode, wsp_qr_code, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The symbol for @text at the lowest error correction (nothing scratches a screen), in the
 * smallest version that holds it; NULL when none up to WSP_QR_CODE_MAX_VERSION does. */
static QRcode *
encode (const char *text)
{
  QRcode *code;

  if (text == NULL || *text == '\0')
    return NULL;

  /* Case sensitive, bytes by default: libqrencode switches to the denser numeric and
   * alphanumeric modes only for runs that are exactly that. */
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
  if (code == NULL)
    {
      g_debug ("No QR code for a text of %zu bytes: %s", strlen (text), g_strerror (errno));
      return NULL;
    }
  if (code->version > WSP_QR_CODE_MAX_VERSION)
    {
      g_debug ("A QR code of version %d is too large to read off the screen", code->version);
      g_clear_pointer (&code, QRcode_free);
    }

  return code;
}

gboolean
wsp_qr_code_text_fits (const char *text)
{
  QRcode *code = encode (text);
  gboolean fits = code != NULL;

  g_clear_pointer (&code, QRcode_free);

  return fits;
}

static int
total_modules (WspQrCode *self)
{
  return self->width > 0 ? self->width + 2 * QUIET_ZONE : 0;
}

static void
wsp_qr_code_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  WspQrCode *self = WSP_QR_CODE (widget);
  int total = total_modules (self);

  /* Asked for as a minimum too: containers that hand out only minimum heights (a GtkBox in a
   * scrolled page) would shrink it, and at most 315 px it fits a 360 px window. */
  *natural = total * CLAMP (NATURAL_SIZE / MAX (total, 1), MIN_MODULE_PX, MAX_MODULE_PX);
  *minimum = *natural;
}

static void
wsp_qr_code_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  static const GdkRGBA light = { 1, 1, 1, 1 };
  static const GdkRGBA dark = { 0, 0, 0, 1 };
  WspQrCode *self = WSP_QR_CODE (widget);
  int total = total_modules (self);
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int module_px, side_px, x0_px, y0_px;
  double px;

  if (total == 0)
    return;

  /* Whole device pixels a module, centred on a whole device pixel. */
  module_px = MAX (1, MIN (width, height) * scale / total);
  side_px = module_px * total;
  x0_px = (width * scale - side_px) / 2;
  y0_px = (height * scale - side_px) / 2;
  px = 1.0 / scale;

  gtk_snapshot_append_color (snapshot, &light,
                             &GRAPHENE_RECT_INIT (x0_px * px, y0_px * px,
                                                  side_px * px, side_px * px));

  for (int row = 0; row < self->width; row++)
    {
      const guint8 *line = self->modules + (gsize) row * self->width;
      int y_px = y0_px + (row + QUIET_ZONE) * module_px;

      for (int col = 0; col < self->width; )
        {
          int start;

          if (!line[col])
            {
              col++;
              continue;
            }

          for (start = col; col < self->width && line[col]; col++)
            ;

          gtk_snapshot_append_color (snapshot, &dark,
                                     &GRAPHENE_RECT_INIT ((x0_px + (start + QUIET_ZONE) * module_px) * px,
                                                          y_px * px,
                                                          (col - start) * module_px * px,
                                                          module_px * px));
        }
    }
}

gboolean
wsp_qr_code_set_text (WspQrCode  *self,
                      const char *text)
{
  QRcode *code;

  g_return_val_if_fail (WSP_IS_QR_CODE (self), FALSE);

  code = encode (text);

  if (code == NULL && self->text == NULL)
    return FALSE;
  if (code != NULL && g_strcmp0 (self->text, text) == 0)
    {
      QRcode_free (code);
      return TRUE;
    }

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->modules, g_free);
  self->width = 0;

  if (code != NULL)
    {
      gsize n = (gsize) code->width * code->width;

      self->text = g_strdup (text);
      self->width = code->width;
      self->modules = g_malloc (n);
      /* Bit 0 of each of libqrencode's bytes is the module's colour; the rest says what part of
       * the symbol it belongs to. */
      for (gsize i = 0; i < n; i++)
        self->modules[i] = code->data[i] & 1;
      QRcode_free (code);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);

  return self->text != NULL;
}

const char *
wsp_qr_code_get_text (WspQrCode *self)
{
  g_return_val_if_fail (WSP_IS_QR_CODE (self), NULL);

  return self->text;
}

void
wsp_qr_code_set_description (WspQrCode  *self,
                             const char *description)
{
  g_return_if_fail (WSP_IS_QR_CODE (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description != NULL ? description : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
wsp_qr_code_get_description (WspQrCode *self)
{
  g_return_val_if_fail (WSP_IS_QR_CODE (self), NULL);

  return self->description;
}

static void
wsp_qr_code_finalize (GObject *object)
{
  WspQrCode *self = (WspQrCode *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->modules, g_free);

  G_OBJECT_CLASS (wsp_qr_code_parent_class)->finalize (object);
}

static void
wsp_qr_code_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WspQrCode *self = WSP_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_qr_code_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WspQrCode *self = WSP_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      wsp_qr_code_set_text (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      wsp_qr_code_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_qr_code_class_init (WspQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wsp_qr_code_finalize;
  object_class->get_property = wsp_qr_code_get_property;
  object_class->set_property = wsp_qr_code_set_property;
  widget_class->measure = wsp_qr_code_measure;
  widget_class->snapshot = wsp_qr_code_snapshot;

  /* Reads back NULL when the text set did not fit. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wsp_qr_code_init (WspQrCode *self)
{
}

GtkWidget *
wsp_qr_code_new (void)
{
  return g_object_new (WSP_TYPE_QR_CODE, NULL);
}
