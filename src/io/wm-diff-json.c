/* wm-diff-json.c: a comparison of two maps as one JSON object, for
 * scripts: {"equal", "map", "lanes", "stages": [{…, "cards"}],
 * "personas": [{…, "emotions"}]}. Field names are the file's keys;
 * texts from the maps are escaped as `waymark check` escapes them, so a
 * script that prints them hands no terminal controls on.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-diff-json"

#include "config.h"

#include "wm-diff-json.h"
#include "wm-diff-text.h"
#include "wm-text-escape.h"

static const char *change_names[] = {
  [WM_DIFF_SAME] = "same",
  [WM_DIFF_ADDED] = "added",
  [WM_DIFF_REMOVED] = "removed",
  [WM_DIFF_CHANGED] = "changed",
};

static void
write_text (WmJsonWriter *writer,
            const char   *key,
            const char   *text)
{
  g_autofree char *shown = wm_text_escape_controls (text != NULL ? text : "");

  wm_json_writer_string (writer, key, shown);
}

/* A field's key as the file spells it: "metric.name" for a nested one. */
static void
write_fields (WmJsonWriter *writer,
              GPtrArray    *changed)
{
  wm_json_writer_begin_array (writer, "changed");
  for (guint f = 0; f < changed->len; f++)
    {
      const WmFieldInfo *field = g_ptr_array_index (changed, f);
      g_autofree char *key = field->object != NULL ? g_strdup_printf ("%s.%s", field->object, field->key)
                                                   : g_strdup (field->key);

      wm_json_writer_string (writer, NULL, key);
    }
  wm_json_writer_end_array (writer);
}

/* The members every element has: change, id, name, old name, fields. */
static void
write_item_members (WmJsonWriter     *writer,
                    const WmDiffItem *item,
                    const char       *name_key)
{
  WmElement *element = item->new_element != NULL ? item->new_element : item->old_element;

  wm_json_writer_string (writer, "change", change_names[item->change]);
  write_text (writer, "id", wm_element_get_id (element));
  if (item->old_element != NULL && item->new_element != NULL &&
      g_strcmp0 (wm_element_get_id (item->old_element), wm_element_get_id (item->new_element)) != 0)
    write_text (writer, "old_id", wm_element_get_id (item->old_element));
  if (name_key != NULL)
    {
      write_text (writer, name_key, wm_diff_element_name (element));
      if (item->change == WM_DIFF_CHANGED &&
          g_strcmp0 (wm_diff_element_name (item->old_element), wm_diff_element_name (item->new_element)) != 0)
        {
          g_autofree char *old_key = g_strconcat ("old_", name_key, NULL);

          write_text (writer, old_key, wm_diff_element_name (item->old_element));
        }
    }
  write_fields (writer, item->changed);
}

static void
write_place (WmJsonWriter *writer,
             const char   *key,
             WmStage      *stage,
             WmLane       *lane)
{
  if (stage == NULL)
    return;
  wm_json_writer_begin_object (writer, key);
  write_text (writer, "stage", wm_stage_get_name (stage));
  write_text (writer, "lane", lane != NULL ? wm_lane_get_title (lane) : "");
  wm_json_writer_end_object (writer);
}

static void
write_card (WmJsonWriter     *writer,
            const WmDiffItem *item)
{
  wm_json_writer_begin_object (writer, NULL);
  write_item_members (writer, item, "title");
  wm_json_writer_string (writer, "kind", wm_enum_to_nick (WM_TYPE_LANE_KIND, item->kind));
  wm_json_writer_boolean (writer, "moved", item->moved);
  write_place (writer, "from", item->old_stage, item->old_lane);
  write_place (writer, "to", item->new_stage, item->new_lane);
  wm_json_writer_end_object (writer);
}

static void
write_scores (WmJsonWriter *writer,
              const char   *key,
              GArray       *scores)
{
  wm_json_writer_begin_array (writer, key);
  for (guint i = 0; i < scores->len; i++)
    wm_json_writer_int (writer, NULL, g_array_index (scores, int, i));
  wm_json_writer_end_array (writer);
}

/**
 * wm_diff_write_json:
 * @diff: a comparison
 * @writer: where to add it, as one object
 *
 * Writes @diff in the order wm_diff_describe() tells it.
 */
void
wm_diff_write_json (const WmDiff *diff,
                    WmJsonWriter *writer)
{
  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_boolean (writer, "equal", wm_diff_is_empty (diff));

  wm_json_writer_begin_object (writer, "map");
  write_fields (writer, diff->map.changed);
  wm_json_writer_end_object (writer);

  wm_json_writer_begin_array (writer, "lanes");
  for (guint l = 0; l < diff->lanes->len; l++)
    {
      wm_json_writer_begin_object (writer, NULL);
      write_item_members (writer, g_ptr_array_index (diff->lanes, l), "title");
      wm_json_writer_end_object (writer);
    }
  wm_json_writer_end_array (writer);

  wm_json_writer_begin_array (writer, "stages");
  for (guint s = 0; s < diff->stages->len; s++)
    {
      const WmDiffStage *stage = g_ptr_array_index (diff->stages, s);

      wm_json_writer_begin_object (writer, NULL);
      write_item_members (writer, &stage->stage, "name");
      wm_json_writer_begin_array (writer, "cards");
      for (guint c = 0; c < stage->cards->len; c++)
        write_card (writer, g_ptr_array_index (stage->cards, c));
      wm_json_writer_end_array (writer);
      wm_json_writer_end_object (writer);
    }
  wm_json_writer_end_array (writer);

  wm_json_writer_begin_array (writer, "personas");
  for (guint p = 0; p < diff->personas->len; p++)
    {
      const WmDiffPersona *persona = g_ptr_array_index (diff->personas, p);

      wm_json_writer_begin_object (writer, NULL);
      write_item_members (writer, &persona->persona, "name");
      wm_json_writer_begin_array (writer, "emotions");
      for (guint e = 0; e < persona->emotions->len; e++)
        {
          const WmDiffEmotion *emotion = g_ptr_array_index (persona->emotions, e);

          wm_json_writer_begin_object (writer, NULL);
          write_text (writer, "stage", wm_stage_get_name (emotion->stage));
          write_text (writer, "stage_id", wm_element_get_id (WM_ELEMENT (emotion->stage)));
          write_scores (writer, "old", emotion->old_scores);
          write_scores (writer, "new", emotion->new_scores);
          wm_json_writer_end_object (writer);
        }
      wm_json_writer_end_array (writer);
      wm_json_writer_end_object (writer);
    }
  wm_json_writer_end_array (writer);
  wm_json_writer_end_object (writer);
}
