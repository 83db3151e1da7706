/* wm-matrix-widget.c: the impact × effort matrix on screen.
 *
 * The matrix is drawn by the same painter as on paper. A card is placed
 * by dragging it to another cell (or to the tray, which clears its
 * scores): one undo step, "Change Priority". Esc during the drag puts it
 * back. From the keyboard, the arrow keys go from card to card and Alt
 * with an arrow carries the selected card one cell over; Enter shows it
 * on the map.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-matrix-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-edits.h"
#include "wm-glyphs.h"
#include "wm-matrix-widget.h"
#include "wm-priority-matrix.h"
#include "wm-screen-style.h"

/* Pixels the pointer moves before a press becomes a drag. */
#define DRAG_THRESHOLD 6

struct _WmMatrixWidget
{
  GtkWidget parent_instance;

  WmDocument *document;
  GPtrArray *items;         /* of WmPriorityItem */
  WmStyle *style;
  WmMatrix *matrix;         /* laid out for the current size, or NULL */
  WmCard *selected;

  /* A drag in progress. */
  GtkGesture *drag;
  WmCard *dragged;
  gboolean dragging;
  double press_x, press_y;
  double pointer_x, pointer_y;
  int drop_impact, drop_effort;   /* -1 when over no cell */
};

enum {
  SIGNAL_CARD_SELECTED,
  SIGNAL_CARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmMatrixWidget, wm_matrix_widget, GTK_TYPE_WIDGET)

static void
forget_layout (WmMatrixWidget *self)
{
  g_clear_pointer (&self->matrix, wm_matrix_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const WmMatrix *
ensure_matrix (WmMatrixWidget *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->matrix != NULL && (self->matrix->bounds.width != width || self->matrix->bounds.height != height))
    g_clear_pointer (&self->matrix, wm_matrix_free);
  if (self->matrix == NULL && self->items != NULL)
    {
      if (self->style == NULL)
        self->style = wm_screen_style_new (GTK_WIDGET (self));
      self->matrix = wm_matrix_new (self->items, self->style, width, height);
    }
  return self->matrix;
}

static void
on_style_changed (WmMatrixWidget *self)
{
  g_clear_pointer (&self->style, wm_style_unref);
  forget_layout (self);
}

/* What a screen reader says of the matrix: which card is selected, where
 * it sits, and how to move it. */
static void
describe (WmMatrixWidget *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    {
      int impact = wm_card_get_impact (self->selected), effort = wm_card_get_effort (self->selected);
      WmQuadrant quadrant = wm_priority_quadrant (impact, effort);

      if (quadrant == WM_QUADRANT_UNSCORED)
        /* Translators: what a screen reader says of the matrix; %s is the selected card's title */
        description = g_strdup_printf (_("%s, not scored. Alt and an arrow key place it."),
                                       wm_card_get_title (self->selected));
      else
        /* Translators: what a screen reader says of the matrix: the selected card, its scores and quadrant */
        description = g_strdup_printf (_("%s: impact %d, effort %d, %s. Alt and an arrow key move it."),
                                       wm_card_get_title (self->selected), impact, effort,
                                       wm_quadrant_get_display_name (quadrant));
    }
  else
    description = g_strdup (_("Arrow keys choose a card."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
select_card (WmMatrixWidget *self,
             WmCard         *card,
             gboolean        tell)
{
  if (self->selected == card)
    return;
  g_set_object (&self->selected, card);
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (tell && card != NULL)
    g_signal_emit (self, signals[SIGNAL_CARD_SELECTED], 0, card);
}

/* --- Dragging -------------------------------------------------------------- */

static void
end_drag (WmMatrixWidget *self)
{
  g_clear_object (&self->dragged);
  self->dragging = FALSE;
  self->drop_impact = self->drop_effort = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (WmMatrixWidget *self,
               double          x,
               double          y)
{
  const WmMatrix *matrix = ensure_matrix (self);
  const WmMatrixChip *chip = matrix != NULL ? wm_matrix_pick_chip (matrix, x, y) : NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  end_drag (self);
  if (chip == NULL || chip->card == NULL)
    {
      gtk_gesture_set_state (self->drag, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  select_card (self, chip->card, TRUE);
  self->dragged = g_object_ref (chip->card);
  self->press_x = x;
  self->press_y = y;
}

static void
on_drag_update (WmMatrixWidget *self,
                double          dx,
                double          dy)
{
  int impact, effort;

  if (self->dragged == NULL)
    return;
  if (!self->dragging && ABS (dx) < DRAG_THRESHOLD && ABS (dy) < DRAG_THRESHOLD)
    return;
  self->dragging = TRUE;
  self->pointer_x = self->press_x + dx;
  self->pointer_y = self->press_y + dy;
  if (self->matrix != NULL && wm_matrix_pick_cell (self->matrix, self->pointer_x, self->pointer_y, &impact, &effort))
    self->drop_impact = impact, self->drop_effort = effort;
  else
    self->drop_impact = self->drop_effort = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (WmMatrixWidget *self)
{
  g_autoptr(WmCard) card = self->dragged != NULL ? g_object_ref (self->dragged) : NULL;
  gboolean drop = self->dragging && self->drop_impact >= 0;
  int impact = self->drop_impact, effort = self->drop_effort;

  end_drag (self);
  if (drop && card != NULL)
    wm_edits_set_priority (self->document, card, impact, effort);
}

static gboolean
on_key_pressed (WmMatrixWidget  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval == GDK_KEY_Escape && self->dragged != NULL)
    {
      end_drag (self);
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      return TRUE;
    }
  return FALSE;
}

/* --- The keyboard ------------------------------------------------------------ */

static void
step_selection (WmMatrixWidget *self,
                int             step)
{
  const WmMatrix *matrix = ensure_matrix (self);
  const WmMatrixChip *current;
  int n, index = -1;

  if (matrix == NULL || matrix->chips->len == 0)
    return;
  n = matrix->chips->len;
  current = self->selected != NULL ? wm_matrix_find_chip (matrix, self->selected) : NULL;
  if (current != NULL)
    index = current - &g_array_index (matrix->chips, WmMatrixChip, 0);
  /* "+N more" places are skipped: their cards are in the list. */
  for (int tries = 0; tries < n; tries++)
    {
      const WmMatrixChip *chip;

      index = index < 0 ? (step > 0 ? 0 : n - 1) : (index + step + n) % n;
      chip = &g_array_index (matrix->chips, WmMatrixChip, index);
      if (chip->card != NULL)
        {
          select_card (self, chip->card, TRUE);
          return;
        }
    }
}

/**
 * wm_matrix_widget_move_selected:
 *
 * Carries the selected card one cell up or down (impact) or across
 * (effort); a card not scored yet lands in the middle cell first.
 *
 * Returns: whether it moved
 */
gboolean
wm_matrix_widget_move_selected (WmMatrixWidget *self,
                                int             d_impact,
                                int             d_effort)
{
  int impact, effort;

  g_return_val_if_fail (WM_IS_MATRIX_WIDGET (self), FALSE);

  if (self->selected == NULL || self->document == NULL)
    return FALSE;
  impact = wm_card_get_impact (self->selected);
  effort = wm_card_get_effort (self->selected);
  if (impact == 0 || effort == 0)
    impact = effort = WM_PRIORITY_HIGH_SCORE;
  else
    {
      impact += d_impact;
      effort += d_effort;
    }
  if (impact < 1 || impact > WM_MAX_PRIORITY_SCORE || effort < 1 || effort > WM_MAX_PRIORITY_SCORE)
    return FALSE;
  return wm_edits_set_priority (self->document, self->selected, impact, effort);
}

static gboolean
move_or_step (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  WmMatrixWidget *self = WM_MATRIX_WIDGET (widget);
  int d_impact, d_effort;
  gboolean move;

  g_variant_get (args, "(bii)", &move, &d_impact, &d_effort);
  if (!move)
    {
      step_selection (self, d_impact + d_effort > 0 ? 1 : -1);
      return TRUE;
    }
  if (!wm_matrix_widget_move_selected (self, d_impact, d_effort))
    gtk_widget_error_bell (widget);
  return TRUE;
}

static gboolean
activate_selected (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  WmMatrixWidget *self = WM_MATRIX_WIDGET (widget);

  if (self->selected != NULL)
    g_signal_emit (self, signals[SIGNAL_CARD_ACTIVATED], 0, self->selected);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            WmMatrixWidget  *self)
{
  if (n_press == 2 && self->selected != NULL)
    g_signal_emit (self, signals[SIGNAL_CARD_ACTIVATED], 0, self->selected);
}

/* --- Drawing ------------------------------------------------------------------ */

static void
wm_matrix_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  WmMatrixWidget *self = WM_MATRIX_WIDGET (widget);
  const WmMatrix *matrix = ensure_matrix (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (matrix == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  wm_matrix_paint (cr, matrix, self->selected, self->dragging ? self->drop_impact : -1,
                   self->dragging ? self->drop_effort : -1);

  /* The dragged card follows the pointer, half seen through. */
  if (self->dragging && self->dragged != NULL)
    {
      const WmMatrixChip *chip = wm_matrix_find_chip (matrix, self->dragged);

      if (chip != NULL)
        {
          WmMatrixChip ghost = *chip;

          ghost.rect.x += self->pointer_x - self->press_x;
          ghost.rect.y += self->pointer_y - self->press_y;
          cairo_push_group (cr);
          wm_matrix_paint_chip (cr, matrix, &ghost, TRUE);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.85);
        }
    }
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget) && self->selected == NULL)
    {
      GdkRGBA ring = { 0.21, 0.52, 0.89, 0.6 };

      gtk_snapshot_append_border (snapshot, &GSK_ROUNDED_RECT_INIT (1, 1, width - 2, height - 2),
                                  (float[4]) { 2, 2, 2, 2 }, (GdkRGBA[4]) { ring, ring, ring, ring });
    }
}

static void
wm_matrix_widget_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* Room for five cells each way, on a phone too: each cell shows the
   * cards that fit and counts the rest. The list below takes what is
   * left. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 220;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 760 : 480;
}

/* --- Public ---------------------------------------------------------------------- */

/**
 * wm_matrix_widget_set_items:
 * @items: (element-type WmPriorityItem): from wm_priorities_collect()
 *
 * Shows these items; the selection stays on its card while the card is
 * among them.
 */
void
wm_matrix_widget_set_items (WmMatrixWidget *self,
                            WmDocument     *document,
                            GPtrArray      *items)
{
  gboolean still_there = FALSE;

  g_return_if_fail (WM_IS_MATRIX_WIDGET (self));

  g_set_object (&self->document, document);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items != NULL ? g_ptr_array_ref (items) : NULL;
  for (guint i = 0; self->items != NULL && i < self->items->len && self->selected != NULL; i++)
    still_there |= ((WmPriorityItem *) g_ptr_array_index (self->items, i))->card == self->selected;
  if (!still_there)
    select_card (self, NULL, FALSE);
  describe (self);
  forget_layout (self);
}

void
wm_matrix_widget_set_selected (WmMatrixWidget *self,
                               WmCard         *card)
{
  g_return_if_fail (WM_IS_MATRIX_WIDGET (self));

  select_card (self, card, FALSE);
}

/**
 * wm_matrix_widget_get_layout:
 *
 * Returns: (transfer none) (nullable): where each card is drawn at the
 *   widget's current size
 */
const WmMatrix *
wm_matrix_widget_get_layout (WmMatrixWidget *self)
{
  g_return_val_if_fail (WM_IS_MATRIX_WIDGET (self), NULL);

  return ensure_matrix (self);
}

WmCard *
wm_matrix_widget_get_selected (WmMatrixWidget *self)
{
  g_return_val_if_fail (WM_IS_MATRIX_WIDGET (self), NULL);

  return self->selected;
}

GtkWidget *
wm_matrix_widget_new (void)
{
  return g_object_new (WM_TYPE_MATRIX_WIDGET, NULL);
}

static void
wm_matrix_widget_dispose (GObject *object)
{
  WmMatrixWidget *self = WM_MATRIX_WIDGET (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->matrix, wm_matrix_free);
  g_clear_pointer (&self->style, wm_style_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->dragged);
  G_OBJECT_CLASS (wm_matrix_widget_parent_class)->dispose (object);
}

static void
add_arrow_bindings (GtkWidgetClass *widget_class,
                    guint           keyval,
                    guint           keypad,
                    int             d_impact,
                    int             d_effort)
{
  guint keys[] = { keyval, keypad };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_class_add_binding (widget_class, keys[i], 0, move_or_step, "(bii)", FALSE, d_impact, d_effort);
      gtk_widget_class_add_binding (widget_class, keys[i], GDK_ALT_MASK, move_or_step, "(bii)", TRUE, d_impact,
                                    d_effort);
    }
}

static void
wm_matrix_widget_class_init (WmMatrixWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_matrix_widget_dispose;
  widget_class->snapshot = wm_matrix_widget_snapshot;
  widget_class->measure = wm_matrix_widget_measure;

  /**
   * WmMatrixWidget::card-selected:
   * @card: the card the user chose, by pointer or keyboard
   */
  signals[SIGNAL_CARD_SELECTED] = g_signal_new ("card-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_CARD);
  /**
   * WmMatrixWidget::card-activated:
   * @card: the card to show on the map (double-click or Enter)
   */
  signals[SIGNAL_CARD_ACTIVATED] = g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                 NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_CARD);

  /* Up and Right go forward through the cards, as they go up in impact
   * and effort; with Alt they carry the selected card. */
  add_arrow_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 1, 0);
  add_arrow_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, -1, 0);
  add_arrow_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, 1);
  add_arrow_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_selected, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_selected, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_selected, NULL);

  gtk_widget_class_set_css_name (widget_class, "matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_matrix_widget_init (WmMatrixWidget *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->drop_impact = self->drop_effort = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Impact and effort matrix"), -1);
  describe (self);

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (self->drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect_swapped (self->drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  wm_screen_style_watch (GTK_WIDGET (self), G_CALLBACK (on_style_changed));
}
