/* wm-compare-panel.c: "Compare With Another Map…" lists what the other
 * map changes, in the lines of `waymark diff` (this map before, the
 * other after). Activating a line about something this map has selects
 * it on the canvas. The list is made once, when the comparison starts.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-compare-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-compare-panel.h"
#include "wm-diff-text.h"

struct _WmComparePanel
{
  AdwWindow   parent_instance;

  GtkListBox *list;
  WmDiff     *diff;
  GPtrArray  *elements;  /* per row, an element of the open map or NULL; kept alive by diff */
  GWeakRef    canvas;
};

G_DEFINE_FINAL_TYPE (WmComparePanel, wm_compare_panel, ADW_TYPE_WINDOW)

static void
on_list_row_activated (GtkListBox     *list,
                       GtkListBoxRow  *row,
                       WmComparePanel *self)
{
  g_autoptr(WmCanvas) canvas = g_weak_ref_get (&self->canvas);
  int index = gtk_list_box_row_get_index (row);
  WmElement *element;

  if (canvas == NULL || index < 0 || (guint) index >= self->elements->len)
    return;
  element = g_ptr_array_index (self->elements, index);
  if (element == NULL)
    return;
  wm_canvas_select_element (canvas, element);
  if (WM_IS_CARD (element))
    wm_canvas_focus_card (canvas, WM_CARD (element));
}

static GtkWidget *
make_row (const char *text,
          gboolean    activatable)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  return row;
}

static void
wm_compare_panel_dispose (GObject *object)
{
  WmComparePanel *self = WM_COMPARE_PANEL (object);

  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->diff, wm_diff_free);
  g_weak_ref_set (&self->canvas, NULL);

  G_OBJECT_CLASS (wm_compare_panel_parent_class)->dispose (object);
}

static void
wm_compare_panel_finalize (GObject *object)
{
  WmComparePanel *self = WM_COMPARE_PANEL (object);

  g_weak_ref_clear (&self->canvas);

  G_OBJECT_CLASS (wm_compare_panel_parent_class)->finalize (object);
}

static void
wm_compare_panel_class_init (WmComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_compare_panel_dispose;
  object_class->finalize = wm_compare_panel_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_compare_panel_init (WmComparePanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_weak_ref_init (&self->canvas, NULL);
  self->elements = g_ptr_array_new ();
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Differences"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_list_row_activated), self, 0);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 560);
}

/**
 * wm_compare_panel_new:
 * @canvas: the canvas showing @document, where activated lines select
 * @document: the open map: before
 * @other: the map compared with it: after
 * @other_name: what to call @other in the title, such as its file name
 *
 * Returns: (transfer none): a new window listing the differences, owned
 *   by GTK like any toplevel
 */
WmComparePanel *
wm_compare_panel_new (WmCanvas   *canvas,
                      WmDocument *document,
                      WmDocument *other,
                      const char *other_name)
{
  WmComparePanel *self = g_object_new (WM_TYPE_COMPARE_PANEL, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *title = NULL;

  g_weak_ref_set (&self->canvas, canvas);
  self->diff = wm_diff_compare (document, other);
  lines = wm_diff_describe (self->diff, self->elements);
  for (guint i = 0; i < lines->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (lines, i),
                                               g_ptr_array_index (self->elements, i) != NULL));
  if (lines->len == 0)
    {
      g_ptr_array_add (self->elements, NULL);
      gtk_list_box_append (self->list, make_row (_("The maps are the same"), FALSE));
    }

  /* Translators: the title of the list of differences; %s is the other map's file name */
  title = g_strdup_printf (_("Changes in “%s”"), other_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  return self;
}

/**
 * wm_compare_panel_get_list:
 *
 * Returns: (transfer none): the list of differences, a row per line
 */
GtkListBox *
wm_compare_panel_get_list (WmComparePanel *self)
{
  g_return_val_if_fail (WM_IS_COMPARE_PANEL (self), NULL);

  return self->list;
}
