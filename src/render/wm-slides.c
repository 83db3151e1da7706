/* wm-slides.c: a map told as slides, for presenting it full screen and
 * for a PDF deck: the list of slides, each with its layout, what a
 * screen reader says of each, and painting one.
 *
 * Every stage slide is laid out as the list is built, since laying it out
 * is what decides how many slides a stage takes. The title slide and the
 * overview need the whole map laid out, so they are laid out when first
 * asked for, and share that layout.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-slides"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-layout-text.h"
#include "wm-priorities-page.h"
#include "wm-priorities.h"
#include "wm-slide-painter.h"
#include "wm-slides.h"
#include "wm-stage.h"
#include "wm-text-measure.h"

void
wm_slide_free (WmSlide *slide)
{
  if (slide == NULL)
    return;
  g_clear_pointer (&slide->layout, wm_slide_layout_free);
  wm_view_filter_free (slide->filter);
  g_free (slide);
}

static WmSlide *
new_slide (WmSlideKind    kind,
           int            stage_index,
           WmTheme        theme,
           WmSlideLayout *layout)
{
  WmSlide *slide = g_new0 (WmSlide, 1);

  slide->kind = kind;
  slide->theme = theme;
  slide->stage_index = stage_index;
  slide->n_parts = 1;
  slide->layout = layout;
  return slide;
}

/* The deck ends on what to do next once the team has scored anything:
 * an empty matrix has nothing to tell a room. */
static gboolean
has_scored_items (WmDocument *document)
{
  g_autoptr(GPtrArray) items = wm_priorities_collect (document);

  for (guint i = 0; i < items->len; i++)
    if (((WmPriorityItem *) g_ptr_array_index (items, i))->quadrant != WM_QUADRANT_UNSCORED)
      return TRUE;
  return FALSE;
}

/**
 * wm_slides_build:
 * @document: a map
 *
 * Returns: (transfer full) (element-type WmSlide): the map's slides, in
 *   the order they are shown, dark as a presentation room is
 */
GPtrArray *
wm_slides_build (WmDocument *document)
{
  return wm_slides_build_with_theme (document, WM_THEME_DARK);
}

/**
 * wm_slides_build_with_theme:
 * @document: a map
 * @theme: light (for a deck to print or share) or dark
 *
 * Returns: (transfer full) (element-type WmSlide): the map's slides, in
 *   the order they are shown
 */
GPtrArray *
wm_slides_build_with_theme (WmDocument *document,
                            WmTheme     theme)
{
  return wm_slides_build_for_view (document, theme, NULL);
}

/**
 * wm_slides_build_for_view:
 * @filter: (nullable): a view's filter: the stages' slides tell only the
 *   cards it keeps, and the overview fades the others
 *
 * Returns: (transfer full) (element-type WmSlide): the view's slides
 */
GPtrArray *
wm_slides_build_for_view (WmDocument         *document,
                          WmTheme             theme,
                          const WmViewFilter *filter)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_slide_free);
  GListModel *stages = wm_document_get_stages (document);
  g_autoptr(GPtrArray) feelings = NULL;
  g_autoptr(GHashTable) pictures = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  /* One table for the deck's pictures, so that each is decoded once. */
  pictures = wm_picture_table_new ();
  feelings = wm_slide_feelings_by_stage (document);
  g_ptr_array_add (slides, new_slide (WM_SLIDE_TITLE, -1, theme, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GPtrArray) parts = wm_slide_layout_new_stage (document, stage, i, g_ptr_array_index (feelings, i),
                                                              filter, pictures);

      for (guint p = 0; p < parts->len; p++)
        {
          WmSlide *slide = new_slide (WM_SLIDE_STAGE, i, theme, g_steal_pointer (&parts->pdata[p]));

          slide->part = p;
          slide->n_parts = parts->len;
          g_ptr_array_add (slides, slide);
        }
    }
  g_ptr_array_add (slides, new_slide (WM_SLIDE_OVERVIEW, -1, theme, NULL));
  if (!wm_view_filter_is_empty (filter))
    ((WmSlide *) g_ptr_array_index (slides, slides->len - 1))->filter = wm_view_filter_copy (filter);
  if (has_scored_items (document))
    g_ptr_array_add (slides, new_slide (WM_SLIDE_PRIORITIES, -1, theme, NULL));
  return slides;
}

/**
 * wm_slides_find_overview:
 * @slides: (element-type WmSlide): from wm_slides_build()
 *
 * Returns: the overview's index: it follows the stages, and only the
 *   priorities may follow it
 */
guint
wm_slides_find_overview (GPtrArray *slides)
{
  guint index = slides->len - 1;

  while (index > 0 && ((WmSlide *) g_ptr_array_index (slides, index))->kind != WM_SLIDE_OVERVIEW)
    index--;
  return index;
}

/* The map's own layout, in the slides' style: the title slide's or the
 * overview's if either has it already. */
static WmLayout *
map_layout (WmDocument *document,
            GPtrArray  *slides)
{
  g_autoptr(WmStyle) style = NULL;
  g_autoptr(WmTextMeasure) measure = NULL;
  WmLayout *layout;
  WmSlide *ends[] = { g_ptr_array_index (slides, 0), g_ptr_array_index (slides, wm_slides_find_overview (slides)) };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    for (guint b = 0; ends[i]->layout != NULL && b < ends[i]->layout->boxes->len; b++)
      {
        const WmSlideBox *box = &g_array_index (ends[i]->layout->boxes, WmSlideBox, b);

        if (box->map != NULL)
          return wm_layout_ref (box->map);
      }
  style = wm_style_new (ends[0]->theme);
  measure = wm_text_measure_new (style);
  layout = wm_layout_new (document, style, measure);
  wm_layout_apply_filter (layout, ends[1]->filter);
  return layout;
}

/**
 * wm_slide_get_layout:
 * @document: the map @slides were built from
 * @slides: (element-type WmSlide): from wm_slides_build()
 * @index: which slide
 *
 * Returns: (transfer none) (nullable): where everything on the slide
 *   goes; %NULL for the priorities, which the matrix's own painter lays
 *   out as it draws them
 */
const WmSlideLayout *
wm_slide_get_layout (WmDocument *document,
                     GPtrArray  *slides,
                     guint       index)
{
  WmSlide *slide;

  g_return_val_if_fail (index < slides->len, NULL);

  slide = g_ptr_array_index (slides, index);
  if (slide->layout == NULL && slide->kind != WM_SLIDE_PRIORITIES)
    {
      g_autoptr(WmLayout) map = map_layout (document, slides);

      slide->layout = slide->kind == WM_SLIDE_TITLE ? wm_slide_layout_new_title (document, map)
                                                    : wm_slide_layout_new_overview (map);
    }
  return slide->layout;
}

/**
 * wm_slide_describe:
 * @slides: (element-type WmSlide): from wm_slides_build()
 * @index: which slide
 *
 * What is on a slide, in a few words, for a screen reader.
 *
 * Returns: (transfer full): such as "Slide 3 of 9: stage 2 of 7, Before arrival"
 */
char *
wm_slide_describe (WmDocument *document,
                   GPtrArray  *slides,
                   guint       index)
{
  WmSlide *slide;
  g_autofree char *what = NULL;

  g_return_val_if_fail (index < slides->len, NULL);

  slide = g_ptr_array_index (slides, index);
  switch (slide->kind)
    {
    case WM_SLIDE_TITLE:
      {
        g_autofree char *title = wm_layout_map_title (document);

        /* Translators: what a screen reader says of the first slide; %s is the map's title */
        what = g_strdup_printf (_("title, %s"), title);
      }
      break;
    case WM_SLIDE_STAGE:
      {
        g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), slide->stage_index);
        g_autofree char *name = wm_layout_stage_name (stage, slide->stage_index);
        guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));

        if (slide->n_parts > 1)
          /* Translators: what a screen reader says of a stage's slide: its place, its name, and which of its slides this is */
          what = g_strdup_printf (_("stage %d of %u, %s, part %u of %u"), slide->stage_index + 1, n_stages, name,
                                  slide->part + 1, slide->n_parts);
        else
          /* Translators: what a screen reader says of a stage's slide: its place and its name */
          what = g_strdup_printf (_("stage %d of %u, %s"), slide->stage_index + 1, n_stages, name);
      }
      break;
    case WM_SLIDE_OVERVIEW:
      /* Translators: what a screen reader says of the last slide */
      what = g_strdup (_("overview of the whole map"));
      break;
    case WM_SLIDE_PRIORITIES:
      /* Translators: what a screen reader says of the slide after the overview */
      what = g_strdup (_("priorities: impact and effort matrix, top pain points and quick wins"));
      break;
    default:
      g_assert_not_reached ();
    }
  /* Translators: what a screen reader says of a slide; the last %s says what is on it */
  return g_strdup_printf (_("Slide %u of %u: %s"), index + 1, slides->len, what);
}

/**
 * wm_slide_get_name:
 * @slides: (element-type WmSlide): from wm_slides_build()
 * @index: which slide
 *
 * A slide's name, for a PDF deck's outline.
 *
 * Returns: (transfer full): the map's title, a stage's name (with its
 *   part when it takes several slides), or "Overview"
 */
char *
wm_slide_get_name (WmDocument *document,
                   GPtrArray  *slides,
                   guint       index)
{
  WmSlide *slide;
  g_autoptr(WmStage) stage = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (index < slides->len, NULL);

  slide = g_ptr_array_index (slides, index);
  if (slide->kind == WM_SLIDE_TITLE)
    return wm_layout_map_title (document);
  if (slide->kind == WM_SLIDE_OVERVIEW)
    /* Translators: the last slide's name in a PDF deck's bookmarks */
    return g_strdup (_("Overview"));
  if (slide->kind == WM_SLIDE_PRIORITIES)
    /* Translators: the priorities slide's name in a PDF deck's bookmarks */
    return g_strdup (_("Priorities"));
  stage = g_list_model_get_item (wm_document_get_stages (document), slide->stage_index);
  name = wm_layout_stage_name (stage, slide->stage_index);
  if (slide->n_parts > 1)
    /* Translators: a stage's slide in a PDF deck's bookmarks: its name, which of its slides, how many */
    return g_strdup_printf (_("%s (%u of %u)"), name, slide->part + 1, slide->n_parts);
  return g_steal_pointer (&name);
}

/* The Priorities page, as large as fits the slide, centred on the
 * page's own background. */
static void
paint_priorities (cairo_t    *cr,
                  WmDocument *document,
                  WmTheme     theme)
{
  g_autoptr(WmStyle) style = wm_style_new (theme);
  double scale = MIN (WM_SLIDE_WIDTH / WM_PRIORITIES_PAGE_WIDTH, WM_SLIDE_HEIGHT / WM_PRIORITIES_PAGE_HEIGHT);

  cairo_save (cr);
  wm_color_set_source (cr, &style->palette.background);
  cairo_rectangle (cr, 0, 0, WM_SLIDE_WIDTH, WM_SLIDE_HEIGHT);
  cairo_fill (cr);
  cairo_translate (cr, (WM_SLIDE_WIDTH - WM_PRIORITIES_PAGE_WIDTH * scale) / 2,
                   (WM_SLIDE_HEIGHT - WM_PRIORITIES_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  wm_priorities_page_paint (cr, document, style);
  cairo_restore (cr);
}

/**
 * wm_slide_paint:
 * @cr: where to draw, WM_SLIDE_WIDTH × WM_SLIDE_HEIGHT in user units
 * @slides: (element-type WmSlide): from wm_slides_build()
 * @index: which slide
 * @highlight_stage: on the overview, the stage to pick out, or -1
 *
 * Paints a slide from its layout, laying it out first if it has none yet.
 */
void
wm_slide_paint (cairo_t    *cr,
                WmDocument *document,
                GPtrArray  *slides,
                guint       index,
                int         highlight_stage)
{
  WmSlide *slide;

  g_return_if_fail (index < slides->len);

  slide = g_ptr_array_index (slides, index);
  if (slide->kind == WM_SLIDE_PRIORITIES)
    {
      paint_priorities (cr, document, slide->theme);
      return;
    }
  wm_slide_painter_paint (cr, wm_slide_get_layout (document, slides, index), highlight_stage,
                          ((WmSlide *) g_ptr_array_index (slides, index))->theme);
}
