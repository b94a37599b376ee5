/* test-qr-code.c: the QR codes decode, with a real decoder, to exactly what they hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case shows the widget in a window, renders it as the window draws it, saves the picture
 * as a PNG and has zbar-tools' zbarimg read it, as a phone's camera would read the screen.
 */

#include "config.h"

#include <adwaita.h>

#include "wsp-phone-codes.h"
#include "wsp-qr-code.h"
#include "wsp-test-ui.h"

#define FACEBOOK_FORM "https://www.facebook.com/help/contact/712876720715583"
#define INSTAGRAM_FORM "https://help.instagram.com/contact/767264225370182"

/* A reason as people write it: several lines, German umlauts, typographic quotes, a dash. */
static const char reason[] =
  "Ich widerspreche der Verwendung meiner Daten für das Training von KI bei Meta (Art. 21 "
  "DSGVO).\n"
  "Meine Beiträge zeigen auch Menschen, die dem nie zugestimmt haben – Familie, Kinder, "
  "Freunde.\n"
  "Einmal in einem Modell, lassen sich die Daten weder auskunftsfähig machen noch löschen: "
  "„Berechtigtes Interesse“ reicht dafür nicht.";

static void
wait_until (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (condition (data));
}

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* @code in a window of its own, shown and laid out. */
static GtkWindow *
show_in_window (GtkWidget *code, int window_width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_widget_set_halign (code, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (code, GTK_ALIGN_CENTER);
  gtk_window_set_child (window, code);
  gtk_window_set_default_size (window, window_width, -1);
  gtk_window_present (window);
  wait_until (is_drawn, code);

  return window;
}

/* Counts the pixels of @texture that are pure black, pure white, and anything else. */
static void
count_colors (GdkTexture *texture,
              int        *black,
              int        *white,
              int        *other)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  *black = *white = *other = 0;
  for (int i = 0; i < width * height; i++)
    {
      /* Cairo's ARGB32 in native byte order. */
      if (pixels[i] == 0xff000000)
        (*black)++;
      else if (pixels[i] == 0xffffffff)
        (*white)++;
      else
        (*other)++;
    }
}

static void
assert_decodes_to (const char *text, int window_width)
{
  GtkWidget *code = wsp_qr_code_new ();
  GtkWindow *window;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *read = NULL;
  int black, white, other;

  g_assert_true (wsp_qr_code_set_text (WSP_QR_CODE (code), text));
  g_assert_cmpstr (wsp_qr_code_get_text (WSP_QR_CODE (code)), ==, text);
  window = show_in_window (code, window_width);

  texture = wsp_test_render (code);
  read = wsp_test_decode_qr (texture);
  g_assert_cmpstr (read, ==, text);

  /* Crisp: every pixel is one of the two colours, none blurred in between. */
  count_colors (texture, &black, &white, &other);
  g_assert_cmpint (other, ==, 0);
  g_assert_cmpint (black, >, 0);
  g_assert_cmpint (white, >, black / 2);

  gtk_window_destroy (window);
}

static void
test_url (void)
{
  assert_decodes_to (FACEBOOK_FORM, 600);
  assert_decodes_to (INSTAGRAM_FORM, 600);
}

static void
test_reason (void)
{
  assert_decodes_to (reason, 600);
}

/* In a phone-sized window the code still fits and reads; each module keeps 3 pixels. */
static void
test_narrow (void)
{
  GString *longest = g_string_new (NULL);
  GtkWidget *code = wsp_qr_code_new ();
  int minimum, natural;

  /* About the most text that still fits. */
  while (wsp_qr_code_text_fits (longest->str) || longest->len == 0)
    g_string_append (longest, "Widerspruch ");
  g_string_truncate (longest, longest->len - strlen ("Widerspruch "));
  g_assert_cmpuint (longest->len, >, 700);

  g_assert_true (wsp_qr_code_set_text (WSP_QR_CODE (code), longest->str));
  gtk_widget_measure (code, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  /* A 360 px window less the page's margins. */
  g_assert_cmpint (natural, <=, 360 - 2 * 12);
  g_assert_cmpint (minimum, >=, (4 * WSP_QR_CODE_MAX_VERSION + 17 + 8) * 3);
  g_object_ref_sink (code);
  g_object_unref (code);

  assert_decodes_to (longest->str, 360);
  assert_decodes_to (FACEBOOK_FORM, 360);
  g_string_free (longest, TRUE);
}

/* Large enough to read from arm's length: the form's address gets about 250 px. */
static void
test_size (void)
{
  GtkWidget *code = g_object_ref_sink (wsp_qr_code_new ());
  int minimum, natural;

  wsp_qr_code_set_text (WSP_QR_CODE (code), FACEBOOK_FORM);
  gtk_widget_measure (code, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >=, 220);
  g_assert_cmpint (natural, <=, 300);
  g_object_unref (code);
}

/* Dark modules on a light ground in the dark style too. */
static void
test_dark_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *code = wsp_qr_code_new ();
  GtkWindow *window;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *read = NULL;
  guint32 corner = 0;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));

  wsp_qr_code_set_text (WSP_QR_CODE (code), INSTAGRAM_FORM);
  window = show_in_window (code, 600);
  texture = wsp_test_render (code);
  read = wsp_test_decode_qr (texture);
  g_assert_cmpstr (read, ==, INSTAGRAM_FORM);

  /* The quiet zone's corner is white. */
  {
    int width = gdk_texture_get_width (texture);
    g_autofree guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

    gdk_texture_download (texture, (guchar *) pixels, width * 4);
    corner = pixels[0];
  }
  g_assert_cmphex (corner, ==, 0xffffffff);

  gtk_window_destroy (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Too much text: no code, and the caller is told, so that it can offer copying instead. */
static void
test_too_long (void)
{
  GtkWidget *code = g_object_ref_sink (wsp_qr_code_new ());
  g_autofree char *text = g_strnfill (3000, 'x');
  int minimum, natural;

  g_assert_false (wsp_qr_code_text_fits (text));
  g_assert_false (wsp_qr_code_text_fits (""));
  g_assert_false (wsp_qr_code_text_fits (NULL));

  g_assert_true (wsp_qr_code_set_text (WSP_QR_CODE (code), FACEBOOK_FORM));
  g_assert_false (wsp_qr_code_set_text (WSP_QR_CODE (code), text));
  g_assert_null (wsp_qr_code_get_text (WSP_QR_CODE (code)));
  gtk_widget_measure (code, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);
  g_object_unref (code);
}

/* A screen reader hears what the code holds. */
static void
test_accessible (void)
{
  GtkWidget *code = wsp_qr_code_new ();
  GtkWindow *window;

  wsp_qr_code_set_text (WSP_QR_CODE (code), FACEBOOK_FORM);
  window = show_in_window (code, 600);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (code)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  wsp_qr_code_set_description (WSP_QR_CODE (code), "QR code of the form’s address");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (code), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "QR code of the form’s address");
  gtk_window_destroy (window);
}

static GtkWidget *
too_long_label (GtkWidget *codes)
{
  GtkWidget *label = wsp_test_find_widget (codes, GTK_TYPE_LABEL, wsp_test_match_label,
                                           "Your reason is too long for a QR code. Copy it and "
                                           "send it to your phone another way, for example by "
                                           "email to yourself.");

  g_assert_nonnull (label);
  return label;
}

/* The summary page's codes: the form's address at once, the reason when asked for; a reason
 * too long for a code is offered for copying. */
static void
test_phone_codes (void)
{
  GtkWidget *codes = g_object_new (WSP_TYPE_PHONE_CODES, NULL);
  g_autofree char *too_long = g_strnfill (3000, 'x');
  GtkWindow *window = show_in_window (codes, 360);
  GPtrArray *qr = wsp_test_find_all (codes, WSP_TYPE_QR_CODE, NULL, NULL);
  GtkWidget *toggle = wsp_test_find_widget (codes, GTK_TYPE_TOGGLE_BUTTON, NULL, NULL);
  g_autoptr(GdkTexture) url_texture = NULL;
  g_autoptr(GdkTexture) reason_texture = NULL;
  g_autofree char *url_read = NULL;
  g_autofree char *reason_read = NULL;

  g_assert_cmpuint (qr->len, ==, 2);
  wsp_phone_codes_set_texts (WSP_PHONE_CODES (codes), FACEBOOK_FORM, reason);
  g_assert_true (gtk_widget_get_visible (qr->pdata[0]));
  g_assert_false (gtk_widget_get_visible (qr->pdata[1]));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (qr->pdata[0]),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "QR code of the form’s address, " FACEBOOK_FORM);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (gtk_widget_get_visible (qr->pdata[1]));
  wait_until (is_drawn, qr->pdata[1]);
  url_texture = wsp_test_render (qr->pdata[0]);
  url_read = wsp_test_decode_qr (url_texture);
  g_assert_cmpstr (url_read, ==, FACEBOOK_FORM);
  reason_texture = wsp_test_render (qr->pdata[1]);
  reason_read = wsp_test_decode_qr (reason_texture);
  g_assert_cmpstr (reason_read, ==, reason);

  wsp_phone_codes_set_texts (WSP_PHONE_CODES (codes), INSTAGRAM_FORM, too_long);
  g_assert_false (gtk_widget_get_visible (qr->pdata[1]));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (too_long_label (codes))));
  g_assert_nonnull (wsp_test_find_widget (codes, GTK_TYPE_BUTTON, wsp_test_match_action,
                                          "summary.copy"));

  /* No reason: nothing to show or copy. */
  wsp_phone_codes_set_texts (WSP_PHONE_CODES (codes), INSTAGRAM_FORM, NULL);
  g_assert_false (gtk_widget_get_visible (toggle));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (too_long_label (codes))));

  g_ptr_array_unref (qr);
  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  wsp_test_init_ui_accessible (&argc, &argv);

  g_test_add_func ("/qr-code/url", test_url);
  g_test_add_func ("/qr-code/reason", test_reason);
  g_test_add_func ("/qr-code/narrow", test_narrow);
  g_test_add_func ("/qr-code/size", test_size);
  g_test_add_func ("/qr-code/dark-style", test_dark_style);
  g_test_add_func ("/qr-code/too-long", test_too_long);
  g_test_add_func ("/qr-code/accessible", test_accessible);
  g_test_add_func ("/qr-code/phone-codes", test_phone_codes);

  return g_test_run ();
}
