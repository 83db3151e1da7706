/* wm-canvas-active.c: the persona whose emotion curve the user is plotting.
 *
 * A click in an emotion lane, or Insert on a point, a persona card or a
 * legend line, adds a point to the active persona's curve, giving the
 * persona a curve if it has none. Selecting a persona card, a legend line
 * or a point makes its persona the active one; until the user picks one,
 * it is the first persona whose curve is shown. Each emotion lane says
 * which persona that is, in the persona's colour, below its legend, and
 * the active legend line is marked: a point never lands on a curve the
 * user did not mean.
 *
 * A hidden curve takes no points: the user switched it off to read the
 * others, and a point added out of sight would be a surprise twice over.
 * The lane then says the curve is hidden, and a click there only rings
 * the bell; showing the curve in the legend makes it take points again.
 *
 * Like the legend, this is a way of looking: it is not saved or undone.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-active"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-emotion-curve.h"

/* Room between the hint and the lane header's edges, in map units. */
#define HINT_INSET 12

static gboolean
persona_in_document (WmCanvas  *self,
                     WmPersona *persona)
{
  return self->document != NULL && persona != NULL &&
         wm_document_lookup (self->document, wm_element_get_id (WM_ELEMENT (persona))) == WM_ELEMENT (persona);
}

/**
 * wm_canvas_persona_curve_hidden:
 * @persona: a persona of the map
 *
 * Returns: whether @persona's curve is switched off in the legend; a
 *   persona without a curve has nothing hidden
 */
gboolean
wm_canvas_persona_curve_hidden (WmCanvas  *self,
                                WmPersona *persona)
{
  WmEmotionCurve *curve;

  if (self->document == NULL || persona == NULL)
    return FALSE;
  curve = wm_document_get_curve_for_persona (self->document, wm_element_get_id (WM_ELEMENT (persona)));
  return curve != NULL && g_hash_table_contains (self->hidden_curves, wm_element_get_id (WM_ELEMENT (curve)));
}

/**
 * wm_canvas_get_active_persona:
 *
 * Returns: (transfer none) (nullable): the persona whose curve new emotion
 *   points join: the one last chosen, else the first whose curve is
 *   shown, else the first; %NULL when the map has no persona
 */
WmPersona *
wm_canvas_get_active_persona (WmCanvas *self)
{
  GListModel *personas;
  g_autoptr(WmPersona) first = NULL;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (self->document == NULL)
    return NULL;
  if (persona_in_document (self, self->active_persona))
    return self->active_persona;
  personas = wm_document_get_personas (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);

      if (!wm_canvas_persona_curve_hidden (self, persona))
        return persona;   /* the document keeps it */
    }
  first = g_list_model_get_n_items (personas) > 0 ? g_list_model_get_item (personas, 0) : NULL;
  return first;
}

/* Brings every view of the active persona up to date. */
void
wm_canvas_active_changed (WmCanvas *self)
{
  wm_canvas_legend_apply (self);
  wm_canvas_active_sync (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * wm_canvas_set_active_persona:
 * @persona: (nullable): a persona of the map, or %NULL for the first
 *   whose curve is shown
 *
 * Makes @persona the one whose curve new emotion points join.
 */
void
wm_canvas_set_active_persona (WmCanvas  *self,
                              WmPersona *persona)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (persona == NULL || WM_IS_PERSONA (persona));

  if (persona != NULL && !persona_in_document (self, persona))
    return;
  if (!g_set_object (&self->active_persona, persona))
    return;
  wm_canvas_active_changed (self);
}

/* --- The hint in each emotion lane --------------------------------------- */

/* The colour the layout gives @persona's curve in @lane_index. */
static WmColor
persona_color (WmCanvas  *self,
               WmPersona *persona,
               guint      lane_index)
{
  WmColor color = { 0.5, 0.5, 0.5, 1 };

  for (guint c = 0; c < self->layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);

      if (!curve->comparison && curve->persona == persona && curve->lane_index == lane_index)
        return curve->color;
    }
  for (guint i = 0; i < self->layout->personas->len; i++)
    if (g_array_index (self->layout->personas, WmPersonaBox, i).persona == persona)
      return g_array_index (self->layout->personas, WmPersonaBox, i).color;
  wm_color_parse (&color, wm_persona_get_color (persona));
  return color;
}

static char *
hint_markup (WmCanvas  *self,
             WmPersona *persona,
             guint      lane_index,
             char     **plain)
{
  WmColor color = persona_color (self, persona, lane_index);
  const char *name = wm_persona_get_display_name (persona);
  g_autofree char *swatch = g_strdup_printf ("#%02x%02x%02x", (int) round (CLAMP (color.red, 0, 1) * 255),
                                             (int) round (CLAMP (color.green, 0, 1) * 255),
                                             (int) round (CLAMP (color.blue, 0, 1) * 255));

  if (wm_canvas_persona_curve_hidden (self, persona))
    /* Translators: in an emotion lane, when the persona whose curve is being plotted has it switched off
     * in the legend; %s is a persona's name */
    *plain = g_strdup_printf (_("%s’s curve is hidden"), name);
  else
    /* Translators: in an emotion lane: a click there adds a point to this persona's curve; %s is a
     * persona's name */
    *plain = g_strdup_printf (_("Adding to: %s"), name);
  return g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s", swatch, *plain);
}

static GtkWidget *
new_hint (WmCanvas *self)
{
  GtkWidget *hint = gtk_label_new (NULL);

  gtk_widget_add_css_class (hint, "persona-hint");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  /* A long name takes a second line before it is cut short. */
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (hint), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (hint), 2);
  gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
  /* Clicks go to the lane below it. */
  gtk_widget_set_can_target (hint, FALSE);
  gtk_widget_insert_before (hint, GTK_WIDGET (self), self->editor);
  return hint;
}

/**
 * wm_canvas_active_sync:
 *
 * Gives each emotion lane of the layout a hint naming the active persona;
 * called with each new layout and when the active persona changes.
 */
void
wm_canvas_active_sync (WmCanvas *self)
{
  WmPersona *persona = wm_canvas_get_active_persona (self);
  guint wanted = 0;

  for (guint r = 0; persona != NULL && self->layout != NULL && r < self->layout->rows->len; r++)
    {
      const WmLaneRow *row = &g_array_index (self->layout->rows, WmLaneRow, r);
      g_autofree char *plain = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *hint;

      if (row->kind != WM_LANE_KIND_EMOTIONS || row->collapsed)
        continue;
      if (wanted == self->persona_hints->len)
        g_ptr_array_add (self->persona_hints, new_hint (self));
      hint = g_ptr_array_index (self->persona_hints, wanted++);
      g_object_set_data (G_OBJECT (hint), "lane", GUINT_TO_POINTER (r));
      markup = hint_markup (self, persona, r, &plain);
      gtk_label_set_markup (GTK_LABEL (hint), markup);
      gtk_widget_set_tooltip_text (hint, plain);
      gtk_accessible_update_property (GTK_ACCESSIBLE (hint), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
      if (wm_canvas_persona_curve_hidden (self, persona))
        gtk_widget_add_css_class (hint, "hidden-curve");
      else
        gtk_widget_remove_css_class (hint, "hidden-curve");
    }
  while (self->persona_hints->len > wanted)
    {
      gtk_widget_unparent (g_ptr_array_index (self->persona_hints, self->persona_hints->len - 1));
      g_ptr_array_set_size (self->persona_hints, self->persona_hints->len - 1);
    }
}

/* Where the hint of @row goes: below the lane's title, or its legend
 * when it has one, in the lane header that stays in view when the map
 * scrolls sideways. */
static WmRect
hint_rect (WmCanvas        *self,
           guint            row_index,
           double           shift_x)
{
  WmLayout *layout = self->layout;
  const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, row_index);
  double line = wm_layout_text_height (layout, WM_FONT_SMALL, 1);
  double y = row->header.y + HINT_INSET + wm_layout_text_height (layout, WM_FONT_LANE_TITLE, row->title_lines) +
             4 + line + 6;
  double x = row->header.x + layout->style->card_stripe + HINT_INSET - 4 + shift_x;

  for (guint c = 0; c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);

      if (curve->lane_index == row_index && curve->legend.width > 0)
        y = MAX (y, curve->legend.y + curve->legend.height + 4 + 4);
    }
  /* Clear of the scale's faces on the header's right, as the legend is. */
  return (WmRect) { x, y, layout->style->lane_header_width - (x - row->header.x - shift_x) - 30,
                    row->y + row->height - y - 4 };
}

void
wm_canvas_active_allocate (WmCanvas *self)
{
  double shift_x;

  if (self->layout == NULL)
    return;
  shift_x = wm_canvas_lane_header_shift (self);
  for (guint i = 0; i < self->persona_hints->len; i++)
    {
      GtkWidget *hint = g_ptr_array_index (self->persona_hints, i);
      guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (hint), "lane"));
      WmRect rect;
      graphene_rect_t area;
      int height;

      if (row >= self->layout->rows->len)
        continue;
      rect = hint_rect (self, row, shift_x);
      area = wm_canvas_map_to_widget_rect (self, &rect);
      gtk_widget_measure (hint, GTK_ORIENTATION_VERTICAL, MAX (1, (int) area.size.width), NULL, &height, NULL, NULL);
      /* A lane too short for it, at a low zoom or crowded by its legend,
       * has the marked legend line to say it. */
      gtk_widget_set_child_visible (hint, area.size.height >= height && area.size.width >= 40);
      if (!gtk_widget_get_child_visible (hint))
        continue;
      gtk_widget_size_allocate (hint,
                                &(GtkAllocation) { (int) round (area.origin.x), (int) round (area.origin.y),
                                                   (int) round (area.size.width), height },
                                -1);
    }
}

void
wm_canvas_active_snapshot (WmCanvas    *self,
                           GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->persona_hints->len; i++)
    gtk_widget_snapshot_child (GTK_WIDGET (self), g_ptr_array_index (self->persona_hints, i), snapshot);
}

void
wm_canvas_active_init (WmCanvas *self)
{
  self->persona_hints = g_ptr_array_new ();
}

void
wm_canvas_active_dispose (WmCanvas *self)
{
  if (self->persona_hints != NULL)
    for (guint i = 0; i < self->persona_hints->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->persona_hints, i));
  g_clear_pointer (&self->persona_hints, g_ptr_array_unref);
  g_clear_object (&self->active_persona);
}
