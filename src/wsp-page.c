/* wsp-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-compat.h"
#include "wsp-page.h"

typedef struct
{
  char         *title;
  WspObjection *objection;
  guint         complete : 1;
} WspPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WspPage, wsp_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_OBJECTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
wsp_page_real_apply (WspPage *self)
{
  return TRUE;
}

static GtkWidget *
wsp_page_real_get_initial_focus (WspPage *self)
{
  return NULL;
}

/* A button's label wraps, but only when there is no room: its natural width is the whole line. */
static void
wrap_label (GtkLabel *label)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_NONE);
  gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
}

/* Lets the text of every labelled button wrap: with large text, or in a wordy language, a
 * button's text can be wider than a phone. gtk_button_set_label() keeps the label widget. */
static void
wrap_button_labels (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    wrap_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_button_labels (child);
}

void
wsp_widget_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* A stack's pages are named by their titles: by default GTK names them by their class,
   * "GtkStackPage", and a screen reader says that on entering one. */
  if (GTK_IS_STACK (root))
    for (GtkWidget *child = gtk_widget_get_first_child (root);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GtkStackPage *page = gtk_stack_get_page (GTK_STACK (root), child);

        if (gtk_stack_page_get_title (page) != NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          gtk_stack_page_get_title (page), -1);
      }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *image = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      /* An entry row draws its title, but libadwaita 1.2 does not name the text field after it:
       * a screen reader would announce a nameless field. */
      if (ADW_IS_ENTRY_ROW (child))
        {
          GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (child));
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));

          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (text),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
            gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            title, -1);
        }

      /* GTK labels a button by its child: an image would add its class name ("GtkImage") to
       * what a screen reader says. The button's own accessible label names it; the image is
       * decoration. Its role can only change before it is shown to assistive tools, which
       * needs a window. */
      if (GTK_IS_LABEL (image) &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child),
                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        /* A label of its own (one that wraps): GTK names only a button's label from
         * gtk_button_set_label() by it. */
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, image, NULL, -1);
      else if (GTK_IS_IMAGE (image) &&
               gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          if (gtk_widget_get_root (image) == NULL)
            g_object_set (image, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
        }
      else
        wsp_widget_name_controls (child);
    }
}

void
wsp_button_set_wrapping_label (GtkButton  *button,
                               const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  /* Set again with the same text, GTK 4.8 tells a screen reader that the name changed, and Orca
   * reads the focused button's name as GTK had it for a moment ("_Open … Open …"). */
  if (g_strcmp0 (gtk_button_get_label (button), label) == 0)
    return;

  gtk_button_set_label (button, label);
  wrap_label (GTK_LABEL (gtk_button_get_child (button)));
}

static void
wsp_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (wsp_page_parent_class)->constructed (object);

  /* After the subclass's init: its template is built by now. */
  wrap_button_labels (GTK_WIDGET (object));
  wsp_widget_name_controls (GTK_WIDGET (object));
  wsp_compat_fix_accessible_tree (GTK_WIDGET (object));
  wsp_compat_use_quick_measures (GTK_WIDGET (object));
}

static void
wsp_page_dispose (GObject *object)
{
  WspPage *self = (WspPage *)object;
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_clear_object (&priv->objection);

  G_OBJECT_CLASS (wsp_page_parent_class)->dispose (object);
}

static void
wsp_page_finalize (GObject *object)
{
  WspPage *self = (WspPage *)object;
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);

  G_OBJECT_CLASS (wsp_page_parent_class)->finalize (object);
}

static void
wsp_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WspPage *self = WSP_PAGE (object);
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;

    case PROP_OBJECTION:
      g_value_set_object (value, priv->objection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WspPage *self = WSP_PAGE (object);
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      wsp_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      wsp_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_OBJECTION:
      priv->objection = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_page_class_init (WspPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wsp_page_constructed;
  object_class->dispose = wsp_page_dispose;
  object_class->finalize = wsp_page_finalize;
  object_class->get_property = wsp_page_get_property;
  object_class->set_property = wsp_page_set_property;

  klass->apply = wsp_page_real_apply;
  klass->get_initial_focus = wsp_page_real_get_initial_focus;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OBJECTION] =
    g_param_spec_object ("objection", NULL, NULL, WSP_TYPE_OBJECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The page has no overlay of its own: the window shows the toast (libadwaita's demo does the
   * same). The handler takes the toast's reference. */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
wsp_page_init (WspPage *self)
{
}

const char *
wsp_page_get_title (WspPage *self)
{
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_PAGE (self), NULL);

  return priv->title;
}

void
wsp_page_set_title (WspPage    *self,
                    const char *title)
{
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_return_if_fail (WSP_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

gboolean
wsp_page_get_complete (WspPage *self)
{
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_PAGE (self), FALSE);

  return priv->complete;
}

void
wsp_page_set_complete (WspPage  *self,
                       gboolean  complete)
{
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_return_if_fail (WSP_IS_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPLETE]);
}

WspObjection *
wsp_page_get_objection (WspPage *self)
{
  WspPagePrivate *priv = wsp_page_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_PAGE (self), NULL);

  return priv->objection;
}

void
wsp_page_shown (WspPage *self)
{
  g_return_if_fail (WSP_IS_PAGE (self));

  if (WSP_PAGE_GET_CLASS (self)->shown)
    WSP_PAGE_GET_CLASS (self)->shown (self);
}

void
wsp_page_prepare (WspPage *self)
{
  g_return_if_fail (WSP_IS_PAGE (self));

  if (WSP_PAGE_GET_CLASS (self)->prepare)
    WSP_PAGE_GET_CLASS (self)->prepare (self);
}

gboolean
wsp_page_apply (WspPage *self)
{
  g_return_val_if_fail (WSP_IS_PAGE (self), FALSE);

  return WSP_PAGE_GET_CLASS (self)->apply (self);
}

GtkWidget *
wsp_page_get_initial_focus (WspPage *self)
{
  g_return_val_if_fail (WSP_IS_PAGE (self), NULL);

  return WSP_PAGE_GET_CLASS (self)->get_initial_focus (self);
}

void
wsp_page_add_toast (WspPage  *self,
                    AdwToast *toast)
{
  g_return_if_fail (WSP_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* The handler takes the reference, as adw_toast_overlay_add_toast() does. */
  if (g_signal_has_handler_pending (self, signals [ADD_TOAST], 0, FALSE))
    g_signal_emit (self, signals [ADD_TOAST], 0, toast);
  else
    g_object_unref (toast);
}

void
wsp_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *page;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  page = gtk_widget_get_ancestor (widget, WSP_TYPE_PAGE);
  if (page != NULL)
    wsp_page_add_toast (WSP_PAGE (page), toast);
  else
    g_object_unref (toast);
}
