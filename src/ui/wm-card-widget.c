/* wm-card-widget.c: one card on the canvas.
 *
 * A card is a real widget so that it can take keyboard focus, be dragged,
 * and be found and read by a screen reader. It draws itself with the
 * painter, from the box the layout gave it, so it looks exactly as it
 * does in an export. The canvas creates only a few of these and rebinds
 * them to other cards as the map scrolls.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-card-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-cached-picture.h"
#include "wm-canvas.h"
#include "wm-card-widget.h"
#include "wm-edits.h"
#include "wm-enums.h"
#include "wm-layout-text.h"
#include "wm-painter.h"
#include "wm-photo-import.h"
#include "wm-window.h"

struct _WmCardWidget
{
  GtkWidget parent_instance;

  WmLayout *layout;
  guint box_index;          /* in layout->cards */
  WmCachedPicture *picture; /* the card as last painted; scrolling moves it */
};

G_DEFINE_FINAL_TYPE (WmCardWidget, wm_card_widget, GTK_TYPE_WIDGET)

static void
update_accessible (WmCardWidget *self)
{
  const WmCardBox *box = wm_card_widget_get_box (self);
  const WmStageColumn *column;
  const WmLaneRow *row;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  const char *hint;

  if (box == NULL)
    return;
  column = &g_array_index (self->layout->columns, WmStageColumn, box->stage_index);
  row = &g_array_index (self->layout->rows, WmLaneRow, box->lane_index);
  title = g_strstrip (g_strdup (wm_card_get_title (box->card)));
  /* Translators: how a screen reader names a card: its title, then its
   * stage and lane, e.g. "Compare plans, Consideration, Actions" */
  label = g_strdup_printf (_("%s, %s, %s"),
                           *title != '\0' ? title : _("Untitled card"),
                           wm_stage_get_name (column->stage),
                           wm_lane_get_title (row->lane));
  hint = wm_element_get_hint (WM_ELEMENT (box->card), "title");
  /* GTK 4.8 hands the placeholder property to no screen reader, so an
   * empty card's hint is also its description, said after its name. */
  if (wm_card_is_empty (box->card) && *hint != '\0')
    description = g_strdup_printf (_("Hint: %s"), hint);
  else
    description = wm_layout_card_description (box->card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, *title == '\0' ? hint : "",
                                  -1);
}

static void
wm_card_widget_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  WmCardWidget *self = WM_CARD_WIDGET (widget);
  const WmCardBox *box = wm_card_widget_get_box (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  int scale_factor = gtk_widget_get_scale_factor (widget);

  if (box == NULL || width <= 0 || height <= 0)
    return;
  if (!wm_cached_picture_fits (self->picture, &bounds, scale_factor))
    {
      double scale = width / box->rect.width;
      cairo_t *cr;

      g_clear_pointer (&self->picture, wm_cached_picture_free);
      self->picture = wm_cached_picture_new (&bounds, scale_factor);
      cr = wm_cached_picture_draw (self->picture);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -box->rect.x, -box->rect.y);
      /* On screen only: an empty card shows its hint. */
      wm_painter_paint_card (cr, self->layout, box, WM_PAINT_HINTS);
      cairo_destroy (cr);
    }
  wm_cached_picture_append (self->picture, snapshot, widget);
}

static void
wm_card_widget_dispose (GObject *object)
{
  wm_card_widget_unbind (WM_CARD_WIDGET (object));

  G_OBJECT_CLASS (wm_card_widget_parent_class)->dispose (object);
}

/* Beneath the frozen headers, the header takes the click. */
static gboolean
wm_card_widget_contains (GtkWidget *widget,
                         double     x,
                         double     y)
{
  return GTK_WIDGET_CLASS (wm_card_widget_parent_class)->contains (widget, x, y) &&
         wm_canvas_child_contains (widget, x, y);
}

/* What a screen reader can do with a card besides reading it: the
 * canvas's own "activate" (focus and select) and its menu. */
static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWidget *canvas = gtk_widget_get_parent (widget);
  WmCard *card = wm_card_widget_get_card (WM_CARD_WIDGET (widget));

  if (WM_IS_CANVAS (canvas) && card != NULL)
    wm_canvas_focus_card (WM_CANVAS (canvas), card);
}

static void
wm_card_widget_class_init (WmCardWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_card_widget_dispose;
  widget_class->contains = wm_card_widget_contains;
  widget_class->snapshot = wm_card_widget_snapshot;

  gtk_widget_class_install_action (widget_class, "card.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, wm_canvas_child_menu_action);

  gtk_widget_class_set_css_name (widget_class, "wm-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

/* A PNG or JPEG dropped from the file manager becomes the card's
 * picture, imported as "Choose Picture…" imports it; anything else
 * dropped here opens as a map, as it would anywhere else in the window. */
static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  WmCardWidget  *self)
{
  GSList *files = g_value_get_boxed (value);
  const WmCardBox *box = wm_card_widget_get_box (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *media_type = NULL;
  g_autoptr(GBytes) picture = NULL;

  if (files == NULL || box == NULL)
    return FALSE;
  if (!wm_picture_import_is_picture_file (files->data))
    {
      if (!WM_IS_APPLICATION (app))
        return FALSE;
      for (GSList *l = files; l != NULL; l = l->next)
        wm_application_open_file (WM_APPLICATION (app), l->data);
      return TRUE;
    }
  picture = wm_picture_import (files->data, &media_type, &error);
  if (picture == NULL)
    {
      if (WM_IS_WINDOW (root))
        wm_window_show_toast (WM_WINDOW (root), error->message);
      return FALSE;
    }
  return wm_edits_set_card_picture (self->layout->document, box->card, picture, media_type);
}

static void
wm_card_widget_init (WmCardWidget *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
  g_signal_connect (target, "drop", G_CALLBACK (on_files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
wm_card_widget_new (void)
{
  return g_object_new (WM_TYPE_CARD_WIDGET, NULL);
}

/**
 * wm_card_widget_bind:
 * @layout: the layout @box belongs to
 * @box: the card to show
 *
 * Shows the card of @box. The widget keeps @layout alive while bound.
 */
/* Whether @b of layout @lb paints as @a of @la does: the same card,
 * unchanged, in a box of the same size and shape, in a lane of the same
 * kind, in the same style. */
static gboolean
same_look (WmLayout        *la,
           const WmCardBox *a,
           WmLayout        *lb,
           const WmCardBox *b)
{
  return a->card == b->card && a->revision == b->revision && la->style == lb->style &&
         a->rect.width == b->rect.width && a->rect.height == b->rect.height &&
         a->has_badges == b->has_badges && a->title_lines == b->title_lines &&
         a->text_lines == b->text_lines && a->footer_lines == b->footer_lines && a->faded == b->faded &&
         a->marked == b->marked &&
         g_array_index (la->rows, WmLaneRow, a->lane_index).kind == g_array_index (lb->rows, WmLaneRow, b->lane_index).kind;
}

void
wm_card_widget_bind (WmCardWidget    *self,
                     WmLayout        *layout,
                     const WmCardBox *box)
{
  const WmCardBox *shown;
  guint index;

  g_return_if_fail (WM_IS_CARD_WIDGET (self));
  g_return_if_fail (box >= &g_array_index (layout->cards, WmCardBox, 0) &&
                    box < &g_array_index (layout->cards, WmCardBox, layout->cards->len));

  shown = wm_card_widget_get_box (self);
  index = box - &g_array_index (layout->cards, WmCardBox, 0);

  /* Scrolling rebinds every widget each frame; only a new layout or
   * another card needs painting again. */
  if (self->layout == layout && self->box_index == index)
    return;
  /* After an edit elsewhere, the card as painted is still right. */
  if (shown == NULL || !same_look (self->layout, shown, layout, box))
    g_clear_pointer (&self->picture, wm_cached_picture_free);
  if (self->layout != layout)
    {
      g_clear_pointer (&self->layout, wm_layout_unref);
      self->layout = wm_layout_ref (layout);
    }
  self->box_index = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wm_card_widget_unbind (WmCardWidget *self)
{
  g_return_if_fail (WM_IS_CARD_WIDGET (self));

  g_clear_pointer (&self->layout, wm_layout_unref);
  g_clear_pointer (&self->picture, wm_cached_picture_free);
}

/* The card shown, or %NULL when unbound. */
WmCard *
wm_card_widget_get_card (WmCardWidget *self)
{
  const WmCardBox *box = wm_card_widget_get_box (self);

  return box != NULL ? box->card : NULL;
}

const WmCardBox *
wm_card_widget_get_box (WmCardWidget *self)
{
  g_return_val_if_fail (WM_IS_CARD_WIDGET (self), NULL);

  if (self->layout == NULL)
    return NULL;
  return &g_array_index (self->layout->cards, WmCardBox, self->box_index);
}
