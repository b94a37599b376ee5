/* wsp-compat.c: workarounds for GTK 4.8 and libadwaita 1.2 (Debian 12), fenced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function here returns early outside the versions it was written for. Delete one when the
 * floor of this app (meson.build) is past those versions; tests/test-atspi.py and
 * tests/test-orca.py then show whether the newer toolkit still needs something like it.
 */

#include "config.h"

#include <epoxy/gl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "wsp-column-layout.h"
#include "wsp-compat.h"

/* GTK 4.8 names a button with a mnemonic by its label property *and* the label it is labelled
 * by: "_Start Start" (gtkatcontext.c joins both). Orca hides that with its own rules; other
 * assistive tools read the raw name. A button whose accessible label is GTK's own copy of its
 * label loses that copy, and is named by its label widget alone ("Start"); one with a label of
 * the app's own keeps it, and loses the label widget. GTK sets the label again whenever the
 * button's label changes. */
static void fix_mnemonic_button (GtkButton *button);

static void
on_button_label_changed (GtkButton *button)
{
  fix_mnemonic_button (button);
}

static void
fix_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *differs = NULL;

  if (!gtk_button_get_use_underline (button) || label == NULL ||
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;

  if (g_object_get_data (G_OBJECT (button), "wsp-compat-mnemonic") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "wsp-compat-mnemonic", GINT_TO_POINTER (TRUE));
      g_signal_connect_after (button, "notify::label", G_CALLBACK (on_button_label_changed), NULL);
    }

  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (differs == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* GTK 4.8 names a button whose child is not the label it was given by the child's class: an
 * icon button "GtkImage", a button with a label widget of its own "GtkButton" (libadwaita 1.2's
 * About window has both). Such a button is named by its label widget, or by its tooltip. */
static void
fix_unnamed_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  if (gtk_button_get_label (button) != NULL ||
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;

  if (GTK_IS_LABEL (child) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL, -1);
  else if (GTK_IS_IMAGE (child) && tooltip != NULL && *tooltip != '\0')
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
    }
}

/* GTK 4.8 gives every list row the "selected" state and every GtkListBox AT-SPI's Selection
 * interface, whatever its selection mode; Orca 43 then says "not selected" after each row of a
 * list whose rows cannot be selected. Such a row is marked selected, which Orca does not
 * announce: there is no selection to tell about. */
static void
fix_unselectable_row (GtkListBoxRow *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));

  if (!gtk_list_box_row_get_selectable (row) ||
      (GTK_IS_LIST_BOX (list) &&
       gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)) == GTK_SELECTION_NONE))
    gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
}

/* libadwaita 1.2's expander row puts its header in a list box of its own, and the rows it
 * reveals in another: each is "a list with 1 item", inside the list the row belongs to, and
 * the row itself has no name. The inner lists become groups (only while nothing has shown them
 * to assistive tools yet), and the row is named by its title. */
static void
fix_expander_row (AdwExpanderRow *row)
{
  if (adw_get_major_version () != 1 || adw_get_minor_version () != 2)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

static void
fix_expander_lists (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child) && gtk_widget_get_root (child) == NULL)
        g_object_set (child, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
      fix_expander_lists (child);
    }
}

/* The first widget of @type below @widget (depth first); with @child_type, the first button of
 * @type whose child is a @child_type. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 GType      child_type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (child_type == G_TYPE_NONE ||
           G_TYPE_CHECK_INSTANCE_TYPE (gtk_button_get_child (GTK_BUTTON (child)), child_type)))
        return child;
      if ((found = find_descendant (child, type, child_type)) != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita 1.2 labels a preferences group's list by the group's title: a group with only a
 * description leaves it unnamed, and GTK 4.8 then names it by its class, "GtkListBox". Its
 * description names it instead. */
static void
fix_untitled_group (AdwPreferencesGroup *group)
{
  const char *title = adw_preferences_group_get_title (group);
  const char *description = adw_preferences_group_get_description (group);
  GtkWidget *list;

  if (adw_get_major_version () != 1 || adw_get_minor_version () != 2 ||
      (title != NULL && *title != '\0') || description == NULL || *description == '\0')
    return;

  /* The group's own list: the first one below it, before any inside its rows. */
  if ((list = find_descendant (GTK_WIDGET (group), GTK_TYPE_LIST_BOX, G_TYPE_NONE)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    description, -1);
}

/* GTK 4.8 names a stack page by its class, "GtkStackPage", or by an internal title ("_1"), and
 * Orca says that, "panel", on entering one. A page is a layout box to a listener: unless it was
 * named, it gets an empty name, which Orca passes over. */
static void
fix_stack_pages (GtkStack *stack)
{
  /* The shortcuts window titles its pages "_1", "_2" for its own page buttons. */
  gboolean shortcuts = gtk_widget_get_ancestor (GTK_WIDGET (stack),
                                                GTK_TYPE_SHORTCUTS_WINDOW) != NULL;

  /* Pages added later too (a shortcuts section lays its pages out again when resized). */
  if (g_object_get_data (G_OBJECT (stack), "wsp-compat-pages") == NULL)
    {
      GtkSelectionModel *pages = gtk_stack_get_pages (stack);

      g_object_set_data_full (G_OBJECT (stack), "wsp-compat-pages", pages, g_object_unref);
      g_signal_connect_object (pages, "items-changed", G_CALLBACK (fix_stack_pages), stack,
                               G_CONNECT_SWAPPED);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (stack, child);

      if (shortcuts ||
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL))
        gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                        -1);
    }
}

/* GTK 4.8's shortcuts window: its search field and the icon button that shows it have no name
 * ("GtkSearchEntry", "GtkImage"); both are named by the field's placeholder, GTK's own
 * translated "Search Shortcuts". The menu of sections in its header (shown only with several
 * sections) is named by the window's title. */
static void
fix_shortcuts_window (GtkWidget *window)
{
  GtkWidget *entry = find_descendant (window, GTK_TYPE_SEARCH_ENTRY, G_TYPE_NONE);
  GtkWidget *button = find_descendant (window, GTK_TYPE_TOGGLE_BUTTON, GTK_TYPE_IMAGE);
  GtkWidget *sections = find_descendant (window, GTK_TYPE_MENU_BUTTON, G_TYPE_NONE);
  const char *title = gtk_window_get_title (GTK_WINDOW (window));
  g_autofree char *placeholder = NULL;

  if (entry != NULL)
    g_object_get (entry, "placeholder-text", &placeholder, NULL);
  if (placeholder != NULL && *placeholder != '\0')
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      placeholder, -1);
      if (button != NULL)
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          placeholder, -1);
        }
    }

  if (sections != NULL && title != NULL &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (sections), GTK_ACCESSIBLE_PROPERTY_LABEL))
    gtk_accessible_update_property (GTK_ACCESSIBLE (sections), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    title, -1);
}

/* libadwaita 1.2's About window puts single rows ("Details", "Report an Issue", one developer)
 * in lists of their own, and leaves lists outside a titled group unnamed: Orca says
 * "GtkListBox. List with 1 item." Such a list becomes a group; its rows stay as they are. The
 * window is built before it is realized, so the rows shown are known, and nothing has been told
 * yet. */
static void
fix_about_list (GtkListBox *list)
{
  GtkWidget *group;
  const char *title;
  guint shown = 0;

  if (adw_get_major_version () != 1 || adw_get_minor_version () != 2)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    shown += gtk_widget_get_visible (row);

  group = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP);
  title = group != NULL ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
  if (shown == 1 || title == NULL || *title == '\0')
    g_object_set (list, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
}

/* libadwaita 1.2's About window shows the release notes and the debugging information in text
 * views that GTK 4.8 names "GtkTextView". Each is named by the title of its page. */
static void
fix_about_text (GtkWidget *view)
{
  for (GtkWidget *page = gtk_widget_get_parent (view);
       page != NULL;
       page = gtk_widget_get_parent (page))
    {
      GtkWidget *title = find_descendant (page, ADW_TYPE_WINDOW_TITLE, G_TYPE_NONE);

      if (title != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          adw_window_title_get_title (ADW_WINDOW_TITLE (title)),
                                          -1);
          return;
        }
    }
}

static void
fix_tree (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    fix_untitled_group (ADW_PREFERENCES_GROUP (widget));

  if (ADW_IS_EXPANDER_ROW (widget))
    {
      fix_expander_row (ADW_EXPANDER_ROW (widget));
      if (adw_get_major_version () == 1 && adw_get_minor_version () == 2)
        fix_expander_lists (widget);
    }

  if (GTK_IS_STACK (widget))
    fix_stack_pages (GTK_STACK (widget));
  else if (GTK_IS_SHORTCUTS_WINDOW (widget))
    fix_shortcuts_window (widget);
  else if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ABOUT_WINDOW))
    fix_about_list (GTK_LIST_BOX (widget));
  else if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ABOUT_WINDOW))
    fix_about_text (widget);

  if (GTK_IS_BUTTON (widget))
    {
      fix_mnemonic_button (GTK_BUTTON (widget));
      fix_unnamed_button (GTK_BUTTON (widget));
    }
  else if (GTK_IS_LIST_BOX_ROW (widget))
    fix_unselectable_row (GTK_LIST_BOX_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

/**
 * wsp_compat_fix_accessible_tree:
 * @root: a widget
 *
 * Fixes what GTK 4.8 tells assistive tools about the buttons and list rows in @root and below.
 * Call it again for widgets added later; calling it twice does no harm.
 */
void
wsp_compat_fix_accessible_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* Written for GTK 4.8, the version of Debian 12. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8)
    return;

  fix_tree (root);
}

/* A dialog (a window over another) shown from a menu item is not announced by Orca in GTK 4.8:
 * its control, focused while the dialog was not yet active, never tells assistive tools so, and
 * the menu's popover then hands the focus back to its button in the window below, which Orca
 * takes as the newest focus (it presents a window through its focused control). The dialog's
 * control is focused again when the dialog becomes active, and each time the window below moves
 * its focus while the dialog is active. */
static void
refocus_dialog (GtkWindow *dialog)
{
  GtkWidget *target;

  /* A window hidden on close (the shortcuts window) may still count as active. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (dialog)) || !gtk_window_is_active (dialog))
    return;

  target = gtk_root_get_focus (GTK_ROOT (dialog));
  if (target == NULL)
    target = gtk_window_get_default_widget (dialog);
  gtk_root_set_focus (GTK_ROOT (dialog), NULL);
  if (target == NULL || !gtk_widget_grab_focus (target))
    gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
}

static void
on_dialog_active (GtkWindow *dialog)
{
  GtkWindow *below = gtk_window_get_transient_for (dialog);

  if (!gtk_window_is_active (dialog))
    return;

  refocus_dialog (dialog);
  /* Once: a window hidden on close becomes active again when shown again. */
  if (below != NULL &&
      g_signal_handler_find (below, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             refocus_dialog, dialog) == 0)
    g_signal_connect_object (below, "notify::focus-widget", G_CALLBACK (refocus_dialog), dialog,
                             G_CONNECT_SWAPPED);
}

/* Before a window's class handler realizes it, and with it what assistive tools are told: fixed
 * later, a focused button's name changes while a screen reader listens, and it says the old
 * joined name ("C_opy Link Copy Link") aloud. An emission hook runs before the class handler. */
static gboolean
on_widget_realize (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  GObject *instance = g_value_get_object (&values[0]);

  if (GTK_IS_WINDOW (instance))
    {
      fix_tree (GTK_WIDGET (instance));
      if (gtk_window_get_transient_for (GTK_WINDOW (instance)) != NULL &&
          g_signal_handler_find (instance, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_dialog_active,
                                 NULL) == 0)
        g_signal_connect (instance, "notify::is-active", G_CALLBACK (on_dialog_active), NULL);
    }
  /* A stack that fills itself when first shown (a shortcuts section, a menu's pages). */
  else if (GTK_IS_STACK (instance))
    fix_stack_pages (GTK_STACK (instance));

  return TRUE;
}

/**
 * wsp_compat_fix_windows:
 *
 * Applies wsp_compat_fix_accessible_tree() to every window as it is realized, as the dialogs that
 * libadwaita builds (message, about) and the shortcuts window: their buttons have mnemonics.
 * Call it once, at startup.
 */
void
wsp_compat_fix_windows (void)
{
  /* Written for GTK 4.8, the version of Debian 12. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8)
    return;

  /* The signal exists once the class does; windows keep it alive anyway. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WINDOW));
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                              on_widget_realize, NULL, NULL);
}

/* libadwaita 1.2's toast has a close button with an icon and no name at all (1.7 gives it a
 * tooltip). Its widget is private: this looks for it by its type name and icon. */
static void
name_close_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *image = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      if (GTK_IS_IMAGE (image) &&
          g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "window-close-symbolic") == 0)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Dismiss the message"), -1);
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
      else
        name_close_button (child);
    }
}

static void
on_overlay_children_changed (GListModel *children,
                             guint       position,
                             guint       removed,
                             guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        name_close_button (child);
    }
}

static void
drop_children_model (gpointer  data,
                     GObject  *overlay)
{
  g_object_unref (data);
}

/**
 * wsp_compat_name_toast_buttons:
 * @overlay: a toast overlay
 *
 * Names the close button of every toast that @overlay shows from now on.
 */
void
wsp_compat_name_toast_buttons (AdwToastOverlay *overlay)
{
  GListModel *children;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  /* Written for libadwaita 1.2, the version of Debian 12. */
  if (adw_get_major_version () != 1 || adw_get_minor_version () != 2)
    return;

  /* Lives as long as the overlay; GTK warns that observing children is slow, but an overlay
   * has only its child and the toast it shows. */
  children = gtk_widget_observe_children (GTK_WIDGET (overlay));
  g_signal_connect (children, "items-changed", G_CALLBACK (on_overlay_children_changed), NULL);
  g_object_weak_ref (G_OBJECT (overlay), drop_children_model, children);
}

/**
 * wsp_compat_expose_entry_row:
 * @row: an entry row, not yet in a window
 *
 * Shows the text field of @row to assistive tools. In libadwaita 1.2 with GTK 4.8 the row's
 * GtkText has no role, so a screen reader sees neither the focus in it nor what is typed: it
 * said the window's title when the email page opened, and only the text ("Hobby selected") when
 * Tab reached a field on the next steps page. (wsp_widget_name_controls() names the field.)
 */
void
wsp_compat_expose_entry_row (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (gtk_widget_get_root (GTK_WIDGET (row)) == NULL);

  /* Written for libadwaita 1.2 with GTK 4.8, the versions of Debian 12. */
  if (adw_get_major_version () != 1 || adw_get_minor_version () != 2 ||
      gtk_get_major_version () != 4 || gtk_get_minor_version () != 8)
    return;

  /* The field is the text box; the row around it is only its frame, or a screen reader would
   * announce the row as a second, empty text box. */
  g_object_set (gtk_editable_get_delegate (GTK_EDITABLE (row)),
                "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  g_object_set (row, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * wsp_compat_name_list_row:
 * @child: the child of a list item of a GtkListView, bound to an item
 * @name: what the row says
 *
 * Names the row of a list view that holds @child. GTK 4.8 names it by nothing at all (GTK 4.12
 * has gtk_list_item_set_accessible_label()); the row is private, the parent of @child.
 */
void
wsp_compat_name_list_row (GtkWidget  *child,
                          const char *name)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  /* Written for GTK 4.8, the version of Debian 12. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8)
    return;

  row = gtk_widget_get_parent (child);
  if (row != NULL && g_str_equal (G_OBJECT_TYPE_NAME (row), "GtkListItemWidget"))
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Size requests: GTK 4.8 and libadwaita 1.2 ----------------------------------------------------
 *
 * GTK 4.8 measures a horizontal box's height by trying heights for its height-for-width
 * children; libadwaita 1.2 puts an action row's title and subtitle, and a preferences group's
 * title and description, in a vertical box inside a horizontal one, which answers each try by
 * trying widths for every wrapping label below it, shaping the text anew each time. Those
 * private boxes get WspColumnLayout, whose width never depends on a height; it needs only their
 * spacing, which libadwaita's style sheet sets (3 px in a row, 6 px in a group header).
 * GTK 4.8 also finds the minimum width of a label that wraps anywhere ("word-char", as
 * libadwaita's row titles and group descriptions do) by laying it out one character per line;
 * such labels get a least width instead. Measured with build-aux/bench (benchmarks/README.md).
 * Delete this section when the floor is past GTK 4.8 and libadwaita 1.2. */

/* The least width, in characters, of a label that wraps anywhere: the same line count at every
 * width a page ever gets. */
#define WRAP_ANYWHERE_MIN_CHARS 10

/* The vertical boxes with @css_class in libadwaita's private @header box, still laid out by
 * GTK's box layout. */
static void
use_column_layout (GtkWidget  *header,
                   const char *css_class,
                   int         spacing)
{
  if (header == NULL || !gtk_widget_has_css_class (header, "header"))
    return;

  for (GtkWidget *box = gtk_widget_get_first_child (header);
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    /* The layout first: GtkBox asks its GtkBoxLayout for the orientation, so a box done before
     * cannot answer. */
    if (GTK_IS_BOX (box) && gtk_widget_has_css_class (box, css_class) &&
        GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (box)) &&
        gtk_orientable_get_orientation (GTK_ORIENTABLE (box)) == GTK_ORIENTATION_VERTICAL)
      gtk_widget_set_layout_manager (box, wsp_column_layout_new (spacing));
}

static void
use_quick_measures (GtkWidget *widget,
                    gboolean   adw_1_2)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      if (gtk_label_get_wrap (label) && gtk_label_get_wrap_mode (label) == PANGO_WRAP_WORD_CHAR &&
          gtk_label_get_width_chars (label) < 0)
        gtk_label_set_width_chars (label, WRAP_ANYWHERE_MIN_CHARS);
    }
  else if (adw_1_2 && ADW_IS_ACTION_ROW (widget))
    {
      use_column_layout (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget)), "title", 3);
    }
  else if (adw_1_2 && ADW_IS_PREFERENCES_GROUP (widget))
    {
      GtkWidget *box = gtk_widget_get_first_child (widget);

      use_column_layout (box != NULL ? gtk_widget_get_first_child (box) : NULL, "labels", 6);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    use_quick_measures (child, adw_1_2);
}

/**
 * wsp_compat_use_quick_measures:
 * @widget: a widget
 *
 * Makes GTK 4.8's size questions cheap to answer in @widget and below. Pages do it for their
 * template (WspPage); code that adds widgets later calls it on them.
 */
void
wsp_compat_use_quick_measures (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Measured with GTK 4.8 and libadwaita 1.2, the versions of Debian 12. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8)
    return;

  use_quick_measures (widget, adw_get_major_version () == 1 && adw_get_minor_version () == 2);
}

/* Tooltips: GTK 4.8 ---------------------------------------------------------------------------
 *
 * GTK 4.8's gtk_widget_set_tooltip_text() on a visible widget asks the X server at once where
 * the pointer is, a few round trips each, even for a widget in no window yet.
 * Delete this section when the floor is past GTK 4.8. */

/**
 * wsp_compat_set_tooltip_text:
 * @widget: a widget, not yet in a window
 * @text: (nullable): its tooltip
 *
 * Sets @widget's tooltip without asking the X server anything.
 */
void
wsp_compat_set_tooltip_text (GtkWidget  *widget,
                             const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Measured with GTK 4.8, the version of Debian 12. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8)
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }

  /* Set while hidden. */
  visible = gtk_widget_get_visible (widget);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}

/* Renderer: GTK 4.8 to 4.12 --------------------------------------------------------------------
 *
 * Where Mesa draws OpenGL in software, with llvmpipe (a virtual machine, a remote session, a
 * server's X display), GTK's GL renderer costs far more than its cairo renderer: a later first
 * frame, several times the memory, and shaders compiled on the CPU for every page. GTK 4.14 and
 * later skip their GPU renderers there by themselves (gsk/gskrenderer.c,
 * gl_supported_platform()); this is that check for older versions. Asking costs what setting up
 * OpenGL costs, which the GL renderer would pay anyway.
 *
 * GTK 4.8 has no public way to choose the renderer. It reads GSK_RENDERER when the first window
 * is realized, but threads run by then and changing the environment is not safe; it first asks
 * the display for its "gsk-renderer" data (its inspector sets that), which is what this sets. A
 * GSK_RENDERER of the user's own always wins, and nothing here runs then.
 * Delete this section when the floor is GTK 4.14. */

/**
 * wsp_compat_get_gl_name:
 * @display: a display
 *
 * Returns: (transfer full) (nullable): the name of @display's OpenGL renderer, as glGetString()
 *   gives it; NULL without OpenGL. Sets up OpenGL for @display first.
 */
char *
wsp_compat_get_gl_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* Sets up OpenGL for the display, which the GL renderer would do for the first window anyway.
   * It fails at once with GDK_DEBUG=gl-disable. */
  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }

  /* The display's own context is private; a context of our own answers the same. */
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL context: %s", error != NULL ? error->message : "?");
      return NULL;
    }

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  gdk_gl_context_clear_current ();

  return g_strdup (name);
}

/**
 * wsp_compat_avoid_software_gl:
 * @display: a display
 *
 * Makes GTK draw @display's windows with cairo when its OpenGL is llvmpipe, as GTK 4.14 and
 * later do by themselves. Call it before the first window is shown.
 */
void
wsp_compat_avoid_software_gl (GdkDisplay *display)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  /* GTK does this itself from 4.14 on (the check came in 4.13.8). */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () >= 14)
    return;

  /* The user's own choice, or one made already. */
  if (g_getenv ("GSK_RENDERER") != NULL ||
      g_object_get_data (G_OBJECT (display), "gsk-renderer") != NULL)
    return;

  name = wsp_compat_get_gl_name (display);
  /* The test GTK makes: a name like "llvmpipe (LLVM 15.0.6, 256 bits)". */
  if (name == NULL || strstr (name, "llvmpipe") == NULL)
    return;

  g_debug ("OpenGL is drawn in software (%s): drawing with cairo", name);
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) WSP_COMPAT_RENDERER_CAIRO);
}
