/* wm-diff-text.c: a comparison of two maps as lines, grouped by stage:
 * `Stage “Trial”: + pain point “Slow setup”`. The lines quote the maps'
 * text as it is; whoever prints them escapes control characters.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-diff-text"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-diff-text.h"

/* What one card of a lane of each kind is called. */
static const char *card_nouns[] = {
  [WM_LANE_KIND_CUSTOMER_ACTIONS] = N_("customer action"),
  [WM_LANE_KIND_TOUCHPOINTS] = N_("touchpoint"),
  [WM_LANE_KIND_THOUGHTS] = N_("thought"),
  [WM_LANE_KIND_EMOTIONS] = N_("emotion"),
  [WM_LANE_KIND_PAIN_POINTS] = N_("pain point"),
  [WM_LANE_KIND_OPPORTUNITIES] = N_("opportunity"),
  [WM_LANE_KIND_COMPANY_ACTIONS] = N_("company action"),
  [WM_LANE_KIND_CHANNELS] = N_("channel"),
  [WM_LANE_KIND_OWNERS] = N_("owner"),
  [WM_LANE_KIND_METRICS] = N_("metric"),
  [WM_LANE_KIND_PHYSICAL_EVIDENCE] = N_("physical evidence"),
  [WM_LANE_KIND_FRONTSTAGE] = N_("frontstage action"),
  [WM_LANE_KIND_BACKSTAGE] = N_("backstage action"),
  [WM_LANE_KIND_SUPPORT_PROCESSES] = N_("support process"),
  [WM_LANE_KIND_STORYBOARD] = N_("storyboard frame"),
  [WM_LANE_KIND_TEXT] = N_("note"),
  [WM_LANE_KIND_DIVIDER] = N_("card"),
};

/**
 * wm_diff_card_noun:
 *
 * Returns: what a card in a lane of @kind is called, translated: “pain point”
 */
const char *
wm_diff_card_noun (WmLaneKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (card_nouns) || card_nouns[kind] == NULL)
    return _("card");
  return _(card_nouns[kind]);
}

/**
 * wm_diff_element_name:
 * @element: (nullable): a card, stage, lane or persona
 *
 * Returns: the name a person knows @element by: a card's title, a
 *   stage's name, …; "" for other elements, NULL for %NULL
 */
const char *
wm_diff_element_name (WmElement *element)
{
  if (element == NULL)
    return NULL;
  if (WM_IS_CARD (element))
    return wm_card_get_title (WM_CARD (element));
  if (WM_IS_STAGE (element))
    return wm_stage_get_name (WM_STAGE (element));
  if (WM_IS_LANE (element))
    return wm_lane_get_title (WM_LANE (element));
  if (WM_IS_PERSONA (element))
    return wm_persona_get_name (WM_PERSONA (element));
  return "";
}

static const char *
item_name (const WmDiffItem *item)
{
  return wm_diff_element_name (item->new_element != NULL ? item->new_element : item->old_element);
}

/**
 * wm_diff_describe_fields:
 * @changed: (element-type WmFieldInfo): fields, as a #WmDiffItem lists them
 *
 * Returns: (transfer full): the fields' names, translated, separated by commas
 */
char *
wm_diff_describe_fields (GPtrArray *changed)
{
  GString *text = g_string_new (NULL);

  for (guint f = 0; f < changed->len; f++)
    {
      const WmFieldInfo *field = g_ptr_array_index (changed, f);

      if (f > 0)
        /* Translators: between the names of the fields that changed, “Title, Owner” */
        g_string_append (text, _(", "));
      g_string_append (text, field->label != NULL ? _(field->label) : field->key);
    }
  return g_string_free (text, FALSE);
}

/* “+ stage “Trial””, “- lane “Ideas””, or for a changed element
 * “~ stage “Trial” (was “Try”): Name, Customers changed”; @noun says
 * what the element is. */
static char *
describe_item (const WmDiffItem *item,
               const char       *noun)
{
  const char *name = item_name (item);

  switch (item->change)
    {
    case WM_DIFF_ADDED:
      /* Translators: an element only the new map has: “+ stage “Trial”” */
      return g_strdup_printf (_("+ %s “%s”"), noun, name);
    case WM_DIFF_REMOVED:
      /* Translators: an element only the old map has: “- stage “Trial”” */
      return g_strdup_printf (_("- %s “%s”"), noun, name);
    case WM_DIFF_CHANGED:
      {
        g_autofree char *fields = wm_diff_describe_fields (item->changed);
        const char *old_name = wm_diff_element_name (item->old_element);

        if (g_strcmp0 (old_name, name) != 0)
          /* Translators: an element whose name and perhaps other fields changed:
           * “~ stage “Trial” (was “Try”): Name, Customers changed” */
          return g_strdup_printf (_("~ %s “%s” (was “%s”): %s changed"), noun, name, old_name, fields);
        /* Translators: an element some of whose fields changed: “~ stage “Trial”: Customers changed” */
        return g_strdup_printf (_("~ %s “%s”: %s changed"), noun, name, fields);
      }
    case WM_DIFF_SAME:
    default:
      return NULL;
    }
}

/* The lines, and for each the element of the old map it is about. */
typedef struct
{
  GPtrArray *lines;
  GPtrArray *elements;  /* nullable */
} Lines;

static void
add_line (Lines      *out,
          const char *prefix,
          char       *line,
          WmElement  *element)
{
  if (line == NULL)
    return;
  if (out->elements != NULL)
    g_ptr_array_add (out->elements, element);
  if (prefix == NULL)
    {
      g_ptr_array_add (out->lines, line);
      return;
    }
  g_ptr_array_add (out->lines, g_strdup_printf ("%s: %s", prefix, line));
  g_free (line);
}

static void
describe_card (Lines            *lines,
               const char       *prefix,
               const WmDiffItem *item)
{
  const char *noun = wm_diff_card_noun (item->kind);

  if (item->moved && item->change != WM_DIFF_ADDED && item->change != WM_DIFF_REMOVED)
    {
      const char *stage = item->old_stage != NULL ? wm_stage_get_name (item->old_stage) : "";
      const char *lane = item->old_lane != NULL ? wm_lane_get_title (item->old_lane) : "";

      /* Translators: a card now in another stage or lane, and where it was:
       * “~ touchpoint “App” moved from “Onboarding”/“Frontstage”” */
      add_line (lines, prefix, g_strdup_printf (_("~ %s “%s” moved from “%s”/“%s”"),
                                                noun, item_name (item), stage, lane),
                item->old_element);
    }
  add_line (lines, prefix, describe_item (item, noun), item->old_element);
}

static char *
describe_scores (GArray *scores)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < scores->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%d", g_array_index (scores, int, i));
    }
  return g_string_free (text, FALSE);
}

static char *
describe_emotion (const WmDiffEmotion *emotion)
{
  const char *stage = wm_stage_get_name (emotion->stage);
  g_autofree char *old_scores = describe_scores (emotion->old_scores);
  g_autofree char *new_scores = describe_scores (emotion->new_scores);

  if (emotion->old_scores->len == 0)
    /* Translators: a persona's new emotion point: “stage “Trial” + point 4” */
    return g_strdup_printf (_("stage “%s” + point %s"), stage, new_scores);
  if (emotion->new_scores->len == 0)
    /* Translators: a persona's emotion point removed: “stage “Trial” - point 2” */
    return g_strdup_printf (_("stage “%s” - point %s"), stage, old_scores);
  /* Translators: a persona's emotion in a stage, before and after: “stage “Trial” 2 -> 4” */
  return g_strdup_printf (_("stage “%s” %s -> %s"), stage, old_scores, new_scores);
}

/**
 * wm_diff_describe:
 * @diff: a comparison
 * @elements: (nullable) (element-type WmElement): filled, for each line, with
 *   the element of the old map the line is about, or %NULL (not referenced)
 *
 * Describes @diff as lines: the map's own fields, the lanes, then each
 * stage (its own change, then its cards'), then each persona. The lines
 * are in the maps' order, so the same two maps give the same lines.
 *
 * Returns: (transfer full) (element-type utf8): the lines, none if the
 *   maps are the same
 */
GPtrArray *
wm_diff_describe (const WmDiff *diff,
                  GPtrArray    *elements)
{
  Lines out = { g_ptr_array_new_with_free_func (g_free), elements };

  if (diff->map.change == WM_DIFF_CHANGED)
    {
      g_autofree char *fields = wm_diff_describe_fields (diff->map.changed);

      /* Translators: the map's own fields that changed: “Map: Title, Goal changed” */
      add_line (&out, NULL, g_strdup_printf (_("Map: %s changed"), fields), NULL);
    }

  for (guint l = 0; l < diff->lanes->len; l++)
    {
      const WmDiffItem *lane = g_ptr_array_index (diff->lanes, l);

      add_line (&out, NULL, describe_item (lane, _("lane")), lane->old_element);
    }

  for (guint s = 0; s < diff->stages->len; s++)
    {
      const WmDiffStage *stage = g_ptr_array_index (diff->stages, s);
      /* Translators: what the lines about a stage's cards start with: “Stage “Trial”” */
      g_autofree char *prefix = g_strdup_printf (_("Stage “%s”"), item_name (&stage->stage));

      add_line (&out, NULL, describe_item (&stage->stage, _("stage")), stage->stage.old_element);
      for (guint c = 0; c < stage->cards->len; c++)
        describe_card (&out, prefix, g_ptr_array_index (stage->cards, c));
    }

  for (guint p = 0; p < diff->personas->len; p++)
    {
      const WmDiffPersona *persona = g_ptr_array_index (diff->personas, p);
      /* Translators: what the lines about a persona's emotions start with: “Persona “Maya”” */
      g_autofree char *prefix = g_strdup_printf (_("Persona “%s”"), item_name (&persona->persona));

      add_line (&out, NULL, describe_item (&persona->persona, _("persona")), persona->persona.old_element);
      for (guint e = 0; e < persona->emotions->len; e++)
        add_line (&out, prefix, describe_emotion (g_ptr_array_index (persona->emotions, e)),
                  persona->persona.old_element);
    }
  return out.lines;
}
