/* wsp-phone-codes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People are logged in to Facebook and Instagram on their phone more often than in a desktop
 * browser, and the forms open only for people who are logged in: the summary page shows the
 * form's address as a QR code, and the reason as a second one on request, to paste there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-phone-codes.h"
#include "wsp-qr-code.h"

struct _WspPhoneCodes
{
  AdwBin           parent_instance;

  WspQrCode       *url_code;
  GtkToggleButton *reason_toggle;
  WspQrCode       *reason_code;
  GtkWidget       *too_long_box;

  gboolean         has_reason;
};

G_DEFINE_FINAL_TYPE (WspPhoneCodes, wsp_phone_codes, ADW_TYPE_BIN)

static void
update_reason (WspPhoneCodes *self)
{
  gboolean asked = gtk_toggle_button_get_active (self->reason_toggle);
  gboolean fits = wsp_qr_code_get_text (self->reason_code) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->reason_toggle), self->has_reason);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_code), self->has_reason && asked && fits);
  gtk_widget_set_visible (self->too_long_box, self->has_reason && asked && !fits);
}

static void
on_reason_toggled (WspPhoneCodes *self)
{
  update_reason (self);
}

void
wsp_phone_codes_set_texts (WspPhoneCodes *self,
                           const char    *url,
                           const char    *reason)
{
  g_autofree char *url_description = NULL;

  g_return_if_fail (WSP_IS_PHONE_CODES (self));

  wsp_qr_code_set_text (self->url_code, url);
  /* Translators: what a screen reader says for the QR code; %s is the form's address */
  url_description = g_strdup_printf (_("QR code of the form’s address, %s"), url != NULL ? url : "");
  wsp_qr_code_set_description (self->url_code, url_description);
  gtk_widget_set_visible (GTK_WIDGET (self), url != NULL);

  self->has_reason = reason != NULL && *reason != '\0';
  wsp_qr_code_set_text (self->reason_code, self->has_reason ? reason : NULL);
  wsp_qr_code_set_description (self->reason_code, _("QR code of your reason"));
  update_reason (self);
}

static void
wsp_phone_codes_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WSP_TYPE_PHONE_CODES);

  G_OBJECT_CLASS (wsp_phone_codes_parent_class)->dispose (object);
}

static void
wsp_phone_codes_class_init (WspPhoneCodesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_phone_codes_dispose;

  g_type_ensure (WSP_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/wsp-phone-codes.ui");
  gtk_widget_class_bind_template_child (widget_class, WspPhoneCodes, url_code);
  gtk_widget_class_bind_template_child (widget_class, WspPhoneCodes, reason_toggle);
  gtk_widget_class_bind_template_child (widget_class, WspPhoneCodes, reason_code);
  gtk_widget_class_bind_template_child (widget_class, WspPhoneCodes, too_long_box);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_toggled);
}

static void
wsp_phone_codes_init (WspPhoneCodes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
