/* wm-list-editor.c: a list field of an element, such as a persona's
 * goals, as editable rows: each item is an entry with buttons to move it
 * up or down or remove it, and the group's header has an Add button.
 *
 * Typing into one item is one undo step; adding, removing and moving are
 * one step each. The rows follow the element when the list changes
 * elsewhere (Undo), but never while the user is typing into them.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-list-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-list-editor.h"

struct _WmListEditor
{
  AdwPreferencesGroup parent_instance;

  WmDocument *document;
  WmElement *element;
  char *field;
  char *item_name;
  GStrv items;                /* as shown */
  GPtrArray *rows;            /* of AdwEntryRow */
  gboolean committing;
};

G_DEFINE_FINAL_TYPE (WmListEditor, wm_list_editor, ADW_TYPE_PREFERENCES_GROUP)

static void rebuild (WmListEditor *self);

static void
write_items (WmListEditor *self,
             GStrv         items,
             const char   *label)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, items);
  self->committing = TRUE;
  if (label != NULL)
    wm_document_begin_change (self->document, label);
  wm_document_set_value (self->document, self->element, self->field, &value, label == NULL ? "typing" : NULL);
  if (label != NULL)
    wm_document_commit_change (self->document);
  self->committing = FALSE;
  g_strfreev (self->items);
  self->items = g_strdupv (items);
}

static guint
index_of_row (WmListEditor *self,
              GtkWidget    *widget)
{
  guint index = 0;

  while (widget != NULL && !ADW_IS_ENTRY_ROW (widget))
    widget = gtk_widget_get_parent (widget);
  g_ptr_array_find (self->rows, widget, &index);
  return index;
}

static void
on_item_changed (GtkEditable  *editable,
                 WmListEditor *self)
{
  guint index = index_of_row (self, GTK_WIDGET (editable));
  g_auto(GStrv) items = g_strdupv (self->items);

  if (self->committing || index >= g_strv_length (items))
    return;
  g_free (items[index]);
  items[index] = g_strdup (gtk_editable_get_text (editable));
  write_items (self, items, NULL);
}

static void
on_remove_clicked (GtkButton    *button,
                   WmListEditor *self)
{
  wm_list_editor_remove (self, index_of_row (self, GTK_WIDGET (button)));
}

static void
on_up_clicked (GtkButton    *button,
               WmListEditor *self)
{
  wm_list_editor_move (self, index_of_row (self, GTK_WIDGET (button)), -1);
}

static void
on_down_clicked (GtkButton    *button,
                 WmListEditor *self)
{
  wm_list_editor_move (self, index_of_row (self, GTK_WIDGET (button)), 1);
}

/* A row's button. Its tooltip is short; what a screen reader says names
 * the item too, since the same buttons repeat on every row. */
static GtkWidget *
new_button (const char *icon,
            const char *tooltip,
            const char *name,
            GCallback   on_clicked,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (button, "clicked", on_clicked, data);
  return button;
}

static void
rebuild (WmListEditor *self)
{
  guint n = self->items != NULL ? g_strv_length (self->items) : 0;
  const char *hint;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  /* An empty list shows the template's hint where its entries would be. */
  hint = wm_element_get_hint (self->element, self->field);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), n == 0 && *hint != '\0' ? hint : NULL);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      /* Translators: the title of one item of a list, such as "Goal 2" */
      g_autofree char *title = g_strdup_printf (_("%s %u"), self->item_name, i + 1);
      /* Translators: what a screen reader says of a button; %s is an item of a list, such as "Goal 2" */
      g_autofree char *up_name = g_strdup_printf (_("Move %s Up"), title);
      /* Translators: what a screen reader says of a button; %s is an item of a list, such as "Goal 2" */
      g_autofree char *down_name = g_strdup_printf (_("Move %s Down"), title);
      /* Translators: what a screen reader says of a button; %s is an item of a list, such as "Goal 2" */
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), title);
      GtkWidget *up = new_button ("go-up-symbolic", _("Move Up"), up_name, G_CALLBACK (on_up_clicked), self);
      GtkWidget *down = new_button ("go-down-symbolic", _("Move Down"), down_name, G_CALLBACK (on_down_clicked), self);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), self->items[i]);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < n);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                new_button ("user-trash-symbolic", _("Remove"), remove_name,
                                            G_CALLBACK (on_remove_clicked), self));
      g_signal_connect (row, "changed", G_CALLBACK (on_item_changed), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_element_notify (WmElement    *element,
                   GParamSpec   *pspec,
                   WmListEditor *self)
{
  g_auto(GStrv) items = NULL;

  if (self->committing || !g_str_equal (pspec->name, self->field))
    return;
  g_object_get (element, self->field, &items, NULL);
  if (items != NULL && self->items != NULL && g_strv_equal ((const char * const *) items,
                                                            (const char * const *) self->items))
    return;
  g_strfreev (self->items);
  self->items = items != NULL ? g_steal_pointer (&items) : g_new0 (char *, 1);
  self->committing = TRUE;
  rebuild (self);
  self->committing = FALSE;
}

static void
wm_list_editor_dispose (GObject *object)
{
  WmListEditor *self = WM_LIST_EDITOR (object);

  if (self->element != NULL)
    g_signal_handlers_disconnect_by_func (self->element, on_element_notify, self);
  g_clear_object (&self->element);
  g_clear_object (&self->document);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->item_name, g_free);
  g_clear_pointer (&self->items, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_list_editor_parent_class)->dispose (object);
}

static void
wm_list_editor_class_init (WmListEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_list_editor_dispose;
}

static void
wm_list_editor_init (WmListEditor *self)
{
  self->rows = g_ptr_array_new ();
}

static void
on_add_clicked (WmListEditor *self)
{
  wm_list_editor_add (self);
}

/**
 * wm_list_editor_new:
 * @title: the group's title, such as "Goals", translated
 * @item_name: what one item is, such as "Goal", translated
 * @add_label: the Add button's name, such as "Add Goal", translated
 * @document: the map @element belongs to
 * @element: the element whose list is edited
 * @field: a field of @element that holds a list of strings
 *
 * Returns: (transfer floating): a new list editor
 */
GtkWidget *
wm_list_editor_new (const char *title,
                    const char *item_name,
                    const char *add_label,
                    WmDocument *document,
                    WmElement  *element,
                    const char *field)
{
  WmListEditor *self = g_object_new (WM_TYPE_LIST_EDITOR, "title", title, NULL);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->document = g_object_ref (document);
  self->element = g_object_ref (element);
  self->field = g_strdup (field);
  self->item_name = g_strdup (item_name);
  g_object_get (element, field, &self->items, NULL);
  if (self->items == NULL)
    self->items = g_new0 (char *, 1);

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  rebuild (self);
  g_signal_connect (element, "notify", G_CALLBACK (on_element_notify), self);
  return GTK_WIDGET (self);
}

/* The entry of item @index, for tests and focus. */
GtkWidget *
wm_list_editor_get_row (WmListEditor *self,
                        guint         index)
{
  g_return_val_if_fail (WM_IS_LIST_EDITOR (self), NULL);

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

/* Adds an empty item at the end and puts the cursor in it. */
void
wm_list_editor_add (WmListEditor *self)
{
  guint n = g_strv_length (self->items);
  g_auto(GStrv) items = g_new0 (char *, n + 2);

  for (guint i = 0; i < n; i++)
    items[i] = g_strdup (self->items[i]);
  items[n] = g_strdup ("");
  write_items (self, items, _("Add Item"));
  rebuild (self);
  gtk_widget_grab_focus (wm_list_editor_get_row (self, n));
}

void
wm_list_editor_remove (WmListEditor *self,
                       guint         index)
{
  guint n = g_strv_length (self->items);
  g_auto(GStrv) items = NULL;
  guint k = 0;

  if (index >= n)
    return;
  items = g_new0 (char *, n);
  for (guint i = 0; i < n; i++)
    if (i != index)
      items[k++] = g_strdup (self->items[i]);
  write_items (self, items, _("Remove Item"));
  rebuild (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (wm_list_editor_get_row (self, MIN (index, self->rows->len - 1)));
}

void
wm_list_editor_move (WmListEditor *self,
                     guint         index,
                     int           by)
{
  guint n = g_strv_length (self->items);
  g_auto(GStrv) items = NULL;
  guint other = index + by;
  char *swap;

  if (index >= n || other >= n)
    return;
  items = g_strdupv (self->items);
  swap = items[index];
  items[index] = items[other];
  items[other] = swap;
  write_items (self, items, _("Move Item"));
  rebuild (self);
  gtk_widget_grab_focus (wm_list_editor_get_row (self, other));
}
