/* wm-canvas-personas.c: the persona cards in the map's header.
 *
 * Each persona has a WmPersonaWidget over its painted card. A double-click
 * or Enter opens the persona editor; dragging a card sideways, or
 * Alt+Left and Alt+Right, moves it among the others; Delete removes it
 * with its emotion curve. Each of these is one undo step. A map holds at
 * most WM_MAX_PERSONAS personas. Selecting a persona card makes it the
 * active persona, whose curve new emotion points join, and Insert adds
 * one (wm-canvas-active.c).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-personas"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-edits.h"
#include "wm-gesture-transaction.h"
#include "wm-persona-editor.h"
#include "wm-persona-widget.h"

/* New personas take these in turn: the GNOME palette's middle tones. */
static const WmPersonaBox *
find_box (WmLayout  *layout,
          WmPersona *persona)
{
  for (guint i = 0; layout != NULL && i < layout->personas->len; i++)
    {
      const WmPersonaBox *box = &g_array_index (layout->personas, WmPersonaBox, i);

      if (box->persona == persona)
        return box;
    }
  return NULL;
}

static WmPersonaWidget *
find_widget (WmCanvas  *self,
             WmPersona *persona)
{
  for (guint i = 0; i < self->persona_widgets->len; i++)
    {
      WmPersonaWidget *widget = g_ptr_array_index (self->persona_widgets, i);

      if (wm_persona_widget_get_persona (widget) == persona)
        return widget;
    }
  return NULL;
}

/* The persona a command applies to: the one the open context menu is
 * on, else the focused one, else the one the menu was last opened on (a
 * menu's command runs once the menu has closed, with the focus still in
 * it). These commands come only from a persona card's keys and menu. */
static WmPersona *
focused_persona (WmCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  if (WM_IS_PERSONA (wm_canvas_get_menu_element (self)))
    return WM_PERSONA (wm_canvas_get_menu_element (self));
  if (WM_IS_PERSONA_WIDGET (focus))
    return wm_persona_widget_get_persona (WM_PERSONA_WIDGET (focus));
  return WM_IS_PERSONA (self->context_element) ? WM_PERSONA (self->context_element) : NULL;
}

static int
index_of (WmCanvas  *self,
          WmPersona *persona)
{
  GListModel *personas = wm_document_get_personas (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) candidate = g_list_model_get_item (personas, i);

      if (candidate == persona)
        return i;
    }
  return -1;
}

/* --- Moving ------------------------------------------------------------- */

static void
move_persona (WmCanvas  *self,
              WmPersona *persona,
              int        to)
{
  if (to >= 0)
    wm_edits_move_persona (self->document, persona, to);
}

/* Where a persona dropped at @map_x goes: after every other card whose
 * middle is to the left of it. */
static int
drop_index (WmCanvas  *self,
            WmPersona *dragged,
            double     map_x)
{
  int index = 0;

  for (guint i = 0; i < self->layout->personas->len; i++)
    {
      const WmPersonaBox *box = &g_array_index (self->layout->personas, WmPersonaBox, i);

      if (box->persona != dragged && box->rect.x + box->rect.width / 2 < map_x)
        index++;
    }
  return index;
}

static void
on_persona_drag_update (GtkGestureDrag *gesture,
                        double          offset_x,
                        double          offset_y,
                        WmCanvas       *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (fabs (offset_x) > 8 && self->document != NULL)
    {
      gtk_widget_add_css_class (widget, "dragged");
      /* Open from here, so Escape can take the drag back. */
      wm_gesture_transaction_begin (GTK_GESTURE (gesture), self->document, _("Move Persona"));
    }
}

static void
on_persona_drag_end (GtkGestureDrag *gesture,
                     double          offset_x,
                     double          offset_y,
                     WmCanvas       *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  WmPersona *persona = wm_persona_widget_get_persona (WM_PERSONA_WIDGET (widget));
  double start_x, start_y;
  graphene_point_t on_canvas;
  double map_x, map_y;

  gtk_widget_remove_css_class (widget, "dragged");
  /* A cancelled drag ends too, its transaction already aborted. */
  if (!wm_gesture_transaction_is_open (GTK_GESTURE (gesture)) || self->layout == NULL)
    return;
  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (start_x + offset_x, start_y),
                                 &on_canvas))
    return;
  wm_canvas_widget_to_map (self, on_canvas.x, on_canvas.y, &map_x, &map_y);
  move_persona (self, persona, drop_index (self, persona, map_x));
}

static void
on_persona_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    WmCanvas        *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  WmPersona *persona = wm_persona_widget_get_persona (WM_PERSONA_WIDGET (widget));
  graphene_point_t point;

  gtk_widget_grab_focus (widget);
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    {
      if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
        point = GRAPHENE_POINT_INIT (x, y);
      wm_canvas_show_context_menu (self, WM_ELEMENT (persona), point.x, point.y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      wm_canvas_edit_persona (self, persona);
    }
}

/* A persona card clicked or reached with Tab is the one being plotted. */
static void
on_persona_focus_enter (GtkEventControllerFocus *controller,
                        WmCanvas                *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  wm_canvas_set_active_persona (self, wm_persona_widget_get_persona (WM_PERSONA_WIDGET (widget)));
}

/* Whether a persona card is at @x, @y on the canvas. */
gboolean
wm_canvas_persona_at (WmCanvas *self,
                      double    x,
                      double    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  return picked != NULL && gtk_widget_get_ancestor (picked, WM_TYPE_PERSONA_WIDGET) != NULL;
}

/* --- Widgets ------------------------------------------------------------ */

static WmPersonaWidget *
add_widget (WmCanvas  *self,
            WmPersona *persona)
{
  GtkWidget *widget = wm_persona_widget_new (persona);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_persona_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_persona_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_persona_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (focus, "enter", G_CALLBACK (on_persona_focus_enter), self);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_insert_before (widget, GTK_WIDGET (self), self->editor);
  g_ptr_array_add (self->persona_widgets, widget);
  return WM_PERSONA_WIDGET (widget);
}

/* Gives each persona card a widget, keeping the widget of a persona that
 * stays so focus stays with it as it moves. */
void
wm_canvas_personas_sync (WmCanvas *self)
{
  WmLayout *layout = self->layout;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (guint i = 0; layout != NULL && i < layout->personas->len; i++)
    {
      WmPersona *persona = g_array_index (layout->personas, WmPersonaBox, i).persona;
      WmPersonaWidget *widget = find_widget (self, persona);

      if (widget == NULL)
        widget = add_widget (self, persona);
      wm_persona_widget_update (widget);
      g_ptr_array_add (wanted, widget);
    }

  for (guint i = self->persona_widgets->len; i-- > 0;)
    {
      GtkWidget *widget = g_ptr_array_index (self->persona_widgets, i);

      if (g_ptr_array_find (wanted, widget, NULL))
        continue;
      if (gtk_widget_is_focus (widget))
        gtk_widget_grab_focus (GTK_WIDGET (self));
      g_ptr_array_remove_index (self->persona_widgets, i);
      gtk_widget_unparent (widget);
    }
}

void
wm_canvas_personas_allocate (WmCanvas *self)
{
  for (guint i = 0; i < self->persona_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->persona_widgets, i);
      const WmPersonaBox *box = find_box (self->layout, wm_persona_widget_get_persona (WM_PERSONA_WIDGET (widget)));
      graphene_rect_t area;

      if (box == NULL)
        continue;
      area = wm_canvas_map_to_widget_rect (self, &box->rect);
      gtk_widget_size_allocate (widget,
                                &(GtkAllocation) { (int) round (area.origin.x), (int) round (area.origin.y),
                                                   (int) round (area.size.width), (int) round (area.size.height) },
                                -1);
    }
}

void
wm_canvas_personas_snapshot (WmCanvas    *self,
                             GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->persona_widgets->len; i++)
    gtk_widget_snapshot_child (GTK_WIDGET (self), g_ptr_array_index (self->persona_widgets, i), snapshot);
}

void
wm_canvas_personas_init (WmCanvas *self)
{
  self->persona_widgets = g_ptr_array_new ();
}

void
wm_canvas_personas_dispose (WmCanvas *self)
{
  if (self->persona_widgets != NULL)
    for (guint i = 0; i < self->persona_widgets->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->persona_widgets, i));
  g_clear_pointer (&self->persona_widgets, g_ptr_array_unref);
}

/**
 * wm_canvas_get_persona_widget:
 * @persona: a persona of the map
 *
 * Returns: (transfer none) (nullable): the widget over @persona's card
 */
GtkWidget *
wm_canvas_get_persona_widget (WmCanvas  *self,
                              WmPersona *persona)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  wm_canvas_ensure_layout (self);
  return GTK_WIDGET (find_widget (self, persona));
}

/* --- Adding, editing, removing ------------------------------------------ */

/**
 * wm_canvas_can_add_persona:
 *
 * Returns: whether the map has room for another persona
 */
gboolean
wm_canvas_can_add_persona (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return self->document != NULL &&
         g_list_model_get_n_items (wm_document_get_personas (self->document)) < WM_MAX_PERSONAS;
}

/**
 * wm_canvas_add_persona:
 *
 * Adds a persona after the others, in a colour of its own, and focuses
 * it, as one undo step.
 *
 * Returns: (transfer none) (nullable): the new persona, or %NULL when the
 *   map has WM_MAX_PERSONAS already
 */
WmPersona *
wm_canvas_add_persona (WmCanvas *self)
{
  WmPersona *persona;
  GtkWidget *widget;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (!wm_canvas_can_add_persona (self))
    return NULL;
  persona = wm_edits_add_persona (self->document,
                                  g_list_model_get_n_items (wm_document_get_personas (self->document)), NULL);
  if (persona == NULL)
    return NULL;
  widget = wm_canvas_get_persona_widget (self, persona);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  return persona;
}

/**
 * wm_canvas_edit_persona:
 * @persona: a persona of the map
 *
 * Opens the persona editor on @persona.
 */
void
wm_canvas_edit_persona (WmCanvas  *self,
                        WmPersona *persona)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (wm_persona_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           self->document, persona)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPersona *persona = focused_persona (self);

  if (persona != NULL)
    wm_canvas_edit_persona (self, persona);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPersona *persona = focused_persona (self);

  if (persona == NULL)
    return;
  wm_edits_delete_persona (self->document, persona);
  gtk_widget_grab_focus (widget);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPersona *persona = focused_persona (self);

  if (persona != NULL)
    move_persona (self, persona, index_of (self, persona) + g_variant_get_int32 (parameter));
}

void
wm_canvas_personas_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.persona-edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.persona-delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.persona-move", "i", move_action);
}
