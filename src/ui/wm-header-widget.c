/* wm-header-widget.c: a stage or lane header on the canvas, for the
 * keyboard and screen readers.
 *
 * The canvas paints the headers itself (they freeze at the edges of the
 * view, as in a spreadsheet); this widget lies over one of them so that
 * it can take keyboard focus, be found and read by a screen reader as
 * "Stage 3 of 6: Trial", and offer its actions. It draws only its focus
 * ring, and lets the pointer through to the canvas, which handles clicks
 * and drags on headers.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-header-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-header-widget.h"
#include "wm-layout-text.h"

struct _WmHeaderWidget
{
  GtkWidget parent_instance;

  WmLayout *layout;
  gboolean is_stage;
  guint index;              /* in layout->columns or layout->rows */
};

G_DEFINE_FINAL_TYPE (WmHeaderWidget, wm_header_widget, GTK_TYPE_WIDGET)

static void
update_accessible (WmHeaderWidget *self)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  const char *description;

  if (self->is_stage)
    {
      const WmStageColumn *column = &g_array_index (self->layout->columns, WmStageColumn, self->index);

      name = g_strstrip (g_strdup (wm_stage_get_name (column->stage)));
      /* Translators: how a screen reader names a stage header, e.g.
       * "Stage 3 of 6: Trial" */
      label = g_strdup_printf (_("Stage %u of %u: %s"), self->index + 1, self->layout->columns->len,
                               *name != '\0' ? name : _("Untitled stage"));
      description = wm_stage_get_description (column->stage);
    }
  else
    {
      const WmLaneRow *row = &g_array_index (self->layout->rows, WmLaneRow, self->index);

      name = wm_layout_lane_title (row->lane);
      /* Translators: how a screen reader names a lane header, e.g.
       * "Lane 2 of 7: Touchpoints" */
      label = g_strdup_printf (_("Lane %u of %u: %s"), self->index + 1, self->layout->rows->len, name);
      description = wm_lane_kind_get_display_name (row->kind);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
wm_header_widget_dispose (GObject *object)
{
  wm_header_widget_unbind (WM_HEADER_WIDGET (object));

  G_OBJECT_CLASS (wm_header_widget_parent_class)->dispose (object);
}

/* What a screen reader can do with a header: focus it (which selects its
 * stage or lane), or open its menu. */
static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmHeaderWidget *self = WM_HEADER_WIDGET (widget);
  GtkWidget *canvas = gtk_widget_get_parent (widget);

  if (WM_IS_CANVAS (canvas) && self->layout != NULL)
    wm_canvas_focus_header (WM_CANVAS (canvas), self->is_stage, self->index);
}

static void
wm_header_widget_class_init (WmHeaderWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_header_widget_dispose;

  gtk_widget_class_install_action (widget_class, "header.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "header.menu", NULL, wm_canvas_child_menu_action);

  gtk_widget_class_set_css_name (widget_class, "wm-header");
}

static void
wm_header_widget_init (WmHeaderWidget *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The canvas takes the pointer: it knows dragging a header. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/**
 * wm_header_widget_new:
 * @is_stage: a stage's header, or else a lane's
 *
 * Returns: (transfer floating): a new header widget, not yet bound
 */
GtkWidget *
wm_header_widget_new (gboolean is_stage)
{
  /* GTK tells AT-SPI that a column header is a "filler", which screen
   * readers pass over; a stage is a heading, which they announce and let
   * the user jump between. */
  WmHeaderWidget *self = g_object_new (WM_TYPE_HEADER_WIDGET,
                                       "accessible-role", is_stage ? GTK_ACCESSIBLE_ROLE_HEADING
                                                                   : GTK_ACCESSIBLE_ROLE_ROW_HEADER,
                                       NULL);

  self->is_stage = is_stage;
  return GTK_WIDGET (self);
}

/**
 * wm_header_widget_bind:
 * @layout: the layout to show a header of
 * @index: the stage's column or the lane's row in @layout
 *
 * The widget keeps @layout alive while bound.
 */
void
wm_header_widget_bind (WmHeaderWidget *self,
                       WmLayout       *layout,
                       guint           index)
{
  g_return_if_fail (WM_IS_HEADER_WIDGET (self));
  g_return_if_fail (index < (self->is_stage ? layout->columns->len : layout->rows->len));

  if (self->layout == layout && self->index == index)
    return;
  if (self->layout != layout)
    {
      g_clear_pointer (&self->layout, wm_layout_unref);
      self->layout = wm_layout_ref (layout);
    }
  self->index = index;
  update_accessible (self);
}

void
wm_header_widget_unbind (WmHeaderWidget *self)
{
  g_return_if_fail (WM_IS_HEADER_WIDGET (self));

  g_clear_pointer (&self->layout, wm_layout_unref);
}

gboolean
wm_header_widget_is_stage (WmHeaderWidget *self)
{
  g_return_val_if_fail (WM_IS_HEADER_WIDGET (self), FALSE);

  return self->is_stage;
}

guint
wm_header_widget_get_index (WmHeaderWidget *self)
{
  g_return_val_if_fail (WM_IS_HEADER_WIDGET (self), 0);

  return self->index;
}

/* The stage or lane shown, or %NULL when unbound. */
WmElement *
wm_header_widget_get_element (WmHeaderWidget *self)
{
  g_return_val_if_fail (WM_IS_HEADER_WIDGET (self), NULL);

  if (self->layout == NULL)
    return NULL;
  if (self->is_stage)
    return WM_ELEMENT (g_array_index (self->layout->columns, WmStageColumn, self->index).stage);
  return WM_ELEMENT (g_array_index (self->layout->rows, WmLaneRow, self->index).lane);
}
