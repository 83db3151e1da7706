/* wm-canvas-menu.c: the canvas's context menus.
 *
 * A right click, Shift+F10 or the Menu key opens a menu for what is
 * under the pointer or focused: a card, a stage, a lane, a persona, or
 * the map itself. Its items are canvas actions (wm-canvas-actions.c),
 * which apply to the element the menu was opened on while it is open.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"

/* Colours offered for stages: the GNOME palette's middle tones. */
static const struct
{
  const char *name;
  const char *color;
} stage_colors[] = {
  { N_("Blue"), "#3584e4" },
  { N_("Green"), "#33d17a" },
  { N_("Yellow"), "#f6d32d" },
  { N_("Orange"), "#ff7800" },
  { N_("Red"), "#e01b24" },
  { N_("Purple"), "#9141ac" },
  { N_("Brown"), "#986a44" },
};

/* Adds the items that move @element back or on in @list, leaving out a
 * move past either end. */
static void
append_move_items (GMenu      *menu,
                   GListModel *list,
                   WmElement  *element,
                   const char *back_label,
                   const char *back_action,
                   const char *on_label,
                   const char *on_action)
{
  guint n = g_list_model_get_n_items (list);
  guint index = 0;

  while (index < n)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, index);

      if (item == G_OBJECT (element))
        break;
      index++;
    }
  if (index > 0 && index < n)
    g_menu_append (menu, back_label, back_action);
  if (index + 1 < n)
    g_menu_append (menu, on_label, on_action);
}

static GMenuModel *
build_context_menu (WmCanvas  *self,
                    WmElement *element)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) structure = g_menu_new ();
  g_autoptr(GMenu) lanes = g_menu_new ();
  g_autoptr(GMenu) colors = g_menu_new ();

  if (WM_IS_CARD (element))
    {
      g_menu_append (edit, _("_Rename"), "canvas.rename");
      g_menu_append (edit, _("_Duplicate"), "canvas.duplicate");
      g_menu_append (edit, _("Cu_t"), "canvas.cut");
      g_menu_append (edit, _("_Copy"), "canvas.copy");
      g_menu_append (edit, _("_Paste"), "canvas.paste");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append (structure, _("Edit _Stage"), "canvas.select-card-stage");
      g_menu_append (structure, _("Edit _Lane"), "canvas.select-card-lane");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      g_menu_append (menu, _("_Delete"), "canvas.delete");
    }
  else if (WM_IS_STAGE (element))
    {
      g_menu_append (edit, _("_Rename Stage"), "canvas.rename");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append (structure, _("Add Stage _Before"), "canvas.add-stage-before");
      g_menu_append (structure, _("Add Stage _After"), "canvas.add-stage-after");
      append_move_items (structure, wm_document_get_stages (self->document), element,
                         _("Move _Left"), "canvas.move-left", _("Move _Right"), "canvas.move-right");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      for (guint i = 0; i < G_N_ELEMENTS (stage_colors); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(stage_colors[i].name), NULL);

          g_menu_item_set_action_and_target (item, "canvas.stage-color", "s", stage_colors[i].color);
          g_menu_append_item (colors, item);
        }
      {
        g_autoptr(GMenuItem) none = g_menu_item_new (_("No Colour"), NULL);

        g_menu_item_set_action_and_target (none, "canvas.stage-color", "s", "");
        g_menu_append_item (colors, none);
      }
      g_menu_append_submenu (menu, _("_Colour"), G_MENU_MODEL (colors));
      g_menu_append (menu, _("_Delete Stage"), "canvas.delete");
    }
  else if (WM_IS_PERSONA (element))
    {
      g_menu_append (edit, _("_Edit Persona…"), "canvas.persona-edit");
      g_menu_append (edit, _("Add _Point to Curve"), "canvas.point-add");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      append_move_items (structure, wm_document_get_personas (self->document), element,
                         _("Move _Left"), "canvas.persona-move(-1)", _("Move _Right"), "canvas.persona-move(1)");
      if (g_menu_model_get_n_items (G_MENU_MODEL (structure)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      g_menu_append (menu, _("_Delete Persona"), "canvas.persona-delete");
    }
  else if (WM_IS_LANE (element))
    {
      g_menu_append (edit, _("_Rename Lane"), "canvas.rename");
      g_menu_append (edit, wm_lane_get_collapsed (WM_LANE (element)) ? _("E_xpand") : _("Co_llapse"),
                     "canvas.toggle-collapsed");
      if (wm_lane_get_kind (WM_LANE (element)) == WM_LANE_KIND_EMOTIONS)
        g_menu_append (edit, _("Add _Point"), "canvas.point-add");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      append_move_items (structure, wm_document_get_lanes (self->document), element,
                         _("Move _Up"), "canvas.move-up", _("Move _Down"), "canvas.move-down");
      if (g_menu_model_get_n_items (G_MENU_MODEL (structure)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      wm_canvas_fill_lane_kind_menu (lanes, "canvas.add-lane-below");
      g_menu_append_submenu (menu, _("_Add Lane Below"), G_MENU_MODEL (lanes));
      g_menu_append (menu, _("_Delete Lane"), "canvas.delete");
    }
  else
    {
      g_menu_append (edit, _("_Paste"), "canvas.paste");
      g_menu_append (edit, _("Select _All"), "canvas.select-all");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append (structure, _("Add _Stage"), "canvas.add-stage-end");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      wm_canvas_fill_lane_kind_menu (lanes, "canvas.add-lane-end");
      g_menu_append_submenu (menu, _("Add _Lane"), G_MENU_MODEL (lanes));
    }
  return G_MENU_MODEL (menu);
}

/**
 * wm_canvas_fill_lane_kind_menu:
 * @menu: where to add one item per lane kind
 * @action: a detailed action name taking the kind's nick
 */
void
wm_canvas_fill_lane_kind_menu (GMenu      *menu,
                               const char *action)
{
  for (int kind = WM_LANE_KIND_CUSTOMER_ACTIONS; kind <= WM_LANE_KIND_DIVIDER; kind++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (wm_lane_kind_get_display_name (kind), NULL);

      g_menu_item_set_action_and_target (item, action, "s", wm_enum_to_nick (WM_TYPE_LANE_KIND, kind));
      g_menu_append_item (menu, item);
    }
}

void
wm_canvas_show_context_menu (WmCanvas  *self,
                             WmElement *element,
                             double     x,
                             double     y)
{
  g_autoptr(GMenuModel) model = build_context_menu (self, element);

  g_set_object (&self->context_element, element);
  wm_canvas_update_actions (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/**
 * wm_canvas_get_menu_element:
 *
 * Returns: (nullable): the element the context menu is open on, while it
 *   is (its commands run as it closes)
 */
WmElement *
wm_canvas_get_menu_element (WmCanvas *self)
{
  if (self->context_element != NULL &&
      (gtk_widget_get_visible (self->context_menu) || gtk_widget_get_mapped (self->context_menu)))
    return self->context_element;
  return NULL;
}

/* The element a menu command applies to: the one the menu was opened
 * on, else the selection. */
WmElement *
wm_canvas_get_menu_subject (WmCanvas *self)
{
  WmElement *element = wm_canvas_get_menu_element (self);

  return element != NULL ? element : wm_canvas_get_selected_element (self);
}

void
wm_canvas_menu_init (WmCanvas *self)
{
  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}

void
wm_canvas_menu_dispose (WmCanvas *self)
{
  g_clear_object (&self->context_element);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}
