/* wm-funnel-widget.c: the customers per stage on screen. It is drawn by
 * the funnel's painter, hidden while fewer than two stages count their
 * customers, and read to a screen reader as the counts and drops.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-funnel-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-funnel-widget.h"
#include "wm-funnel.h"
#include "wm-layout-text.h"
#include "wm-screen-style.h"
#include "wm-stage.h"

#define FUNNEL_HEIGHT 120

struct _WmFunnelWidget
{
  GtkWidget parent_instance;

  WmDocument *document;
  WmStyle *style;
};

G_DEFINE_FINAL_TYPE (WmFunnelWidget, wm_funnel_widget, GTK_TYPE_WIDGET)

/* "Customers per stage: Discover 9000; Visit 3100, down 66 %; …" */
static char *
describe (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GString *text = g_string_new (_("Customers per stage:"));
  int previous = -1;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *name = wm_layout_stage_name (stage, i);
      int customers = wm_stage_get_customers (stage);

      if (customers < 0)
        /* Translators: a stage whose customers are not counted, in the funnel's description */
        g_string_append_printf (text, _(" %s not counted;"), name);
      else if (previous > 0)
        /* Translators: a stage in the funnel's description: its name, its customers, the change in per cent */
        g_string_append_printf (text, _(" %s %d, %+.0f %%;"), name, customers,
                                100.0 * (customers - previous) / previous);
      else
        g_string_append_printf (text, " %s %d;", name, customers);
      previous = customers;
    }
  if (text->len > 0 && text->str[text->len - 1] == ';')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/**
 * wm_funnel_widget_update:
 *
 * Shows @document's customers per stage as they are now.
 */
void
wm_funnel_widget_update (WmFunnelWidget *self,
                         WmDocument     *document)
{
  gboolean shown;

  g_return_if_fail (WM_IS_FUNNEL_WIDGET (self));

  g_set_object (&self->document, document);
  shown = document != NULL && wm_funnel_has_data (document);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (shown)
    {
      g_autofree char *description = describe (document);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_style_changed (WmFunnelWidget *self)
{
  g_clear_pointer (&self->style, wm_style_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
wm_funnel_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  WmFunnelWidget *self = WM_FUNNEL_WIDGET (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  WmRect area = { 0, 0, width, height };
  cairo_t *cr;

  if (self->document == NULL || width <= 0 || height <= 0)
    return;
  if (self->style == NULL)
    self->style = wm_screen_style_new (widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  wm_funnel_paint (cr, self->document, self->style, &area);
  cairo_destroy (cr);
}

static void
wm_funnel_widget_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  WmFunnelWidget *self = WM_FUNNEL_WIDGET (widget);
  double scale = self->style != NULL ? self->style->text_scale : 1;

  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? FUNNEL_HEIGHT * scale : 200;
}

GtkWidget *
wm_funnel_widget_new (void)
{
  return g_object_new (WM_TYPE_FUNNEL_WIDGET, NULL);
}

static void
wm_funnel_widget_dispose (GObject *object)
{
  WmFunnelWidget *self = WM_FUNNEL_WIDGET (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->style, wm_style_unref);
  G_OBJECT_CLASS (wm_funnel_widget_parent_class)->dispose (object);
}

static void
wm_funnel_widget_class_init (WmFunnelWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_funnel_widget_dispose;
  widget_class->snapshot = wm_funnel_widget_snapshot;
  widget_class->measure = wm_funnel_widget_measure;
  gtk_widget_class_set_css_name (widget_class, "funnel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_funnel_widget_init (WmFunnelWidget *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  wm_screen_style_watch (GTK_WIDGET (self), G_CALLBACK (on_style_changed));
}
