/* wm-field-group.c: a group of rows, each editing one field of an
 * element, that follows the element's changes from anywhere (Undo, the
 * canvas, another window). The inspector and the persona editor are built
 * of these.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-field-group"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-field-group.h"

struct _WmFieldGroup
{
  AdwPreferencesGroup parent_instance;

  WmElement *element;
  GPtrArray *rows;            /* of WmInspectorRow */
};

G_DEFINE_FINAL_TYPE (WmFieldGroup, wm_field_group, ADW_TYPE_PREFERENCES_GROUP)

static void
on_element_notify (WmElement    *element,
                   GParamSpec   *pspec,
                   WmFieldGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      WmInspectorRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (wm_inspector_row_get_field (row)->property, pspec->name))
        wm_inspector_row_refresh (row);
    }
}

static void
wm_field_group_dispose (GObject *object)
{
  WmFieldGroup *self = WM_FIELD_GROUP (object);

  if (self->element != NULL)
    g_signal_handlers_disconnect_by_func (self->element, on_element_notify, self);
  g_clear_object (&self->element);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_field_group_parent_class)->dispose (object);
}

static void
wm_field_group_class_init (WmFieldGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_field_group_dispose;
}

static void
wm_field_group_init (WmFieldGroup *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_inspector_row_free);
}

/**
 * wm_field_group_new:
 * @title: (nullable): the group's title, translated
 * @info: the fields of @element's kind
 * @group: which of them: those whose group this is
 * @document: the map @element belongs to
 * @element: a card, stage, lane, persona, or the map
 *
 * Returns: (transfer floating): a group of rows editing the fields of
 *   @group that have a row, in the table's order
 */
GtkWidget *
wm_field_group_new (const char          *title,
                    const WmElementInfo *info,
                    guint                group,
                    WmDocument          *document,
                    WmElement           *element)
{
  WmFieldGroup *self = g_object_new (WM_TYPE_FIELD_GROUP, "title", title != NULL ? title : "", NULL);

  self->element = g_object_ref (element);
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      WmInspectorRow *row;

      if (field->group != group || !wm_field_info_has_row (field))
        continue;
      row = wm_inspector_row_new (field, document, element);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), wm_inspector_row_get_widget (row));
      g_ptr_array_add (self->rows, row);
    }
  g_signal_connect (element, "notify", G_CALLBACK (on_element_notify), self);
  return GTK_WIDGET (self);
}
