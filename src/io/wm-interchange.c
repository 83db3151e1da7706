/* wm-interchange.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-interchange"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-interchange.h"

G_DEFINE_QUARK (wm-interchange-error-quark, wm_interchange_error)

struct _WmMapBuilder
{
  WmDocument *document;
  GHashTable *stages;       /* name → WmStage */
  GHashTable *lanes;        /* title → WmLane, for lanes that hold cards */
  GHashTable *other_lanes;  /* title → WmLane, for curves and lines */
  GHashTable *stage_positions;  /* WmStage → its position + 1 */
  /* Stages and lanes, in the order made. Everything joins the map's
   * lists at the end, a list at a time, which is far quicker than an
   * element at a time; ids are known to the map at once. */
  GPtrArray *structure;
  GPtrArray *elements;      /* cards, personas and curves, added last */
};

/**
 * wm_interchange_check_size:
 *
 * Refuses empty input, and input too large to be a map.
 */
gboolean
wm_interchange_check_size (gsize    length,
                           GError **error)
{
  if (length == 0)
    {
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }
  if (length > WM_INTERCHANGE_MAX_SIZE)
    {
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB"), WM_INTERCHANGE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

/**
 * wm_interchange_check_input:
 *
 * Refuses input that is empty, too large or not UTF-8, naming the line
 * of the first bad byte.
 */
gboolean
wm_interchange_check_input (const char  *data,
                            gsize        length,
                            GError     **error)
{
  const char *end;

  if (!wm_interchange_check_size (length, error))
    return FALSE;
  if (!g_utf8_validate_len (data, length, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID,
                   _("Line %u: the text is not valid UTF-8"), line);
      return FALSE;
    }
  return TRUE;
}

/**
 * wm_interchange_to_json:
 * @document: an imported map
 * @length: (out): the length of the text
 *
 * The file an import writes. A small spreadsheet can make a large map
 * (every cell becomes a card with ids and keys, and a control character
 * takes six bytes in JSON), so this refuses a map whose file would be
 * larger than the loader opens: better no file than one that cannot be
 * opened.
 *
 * Returns: (transfer full) (nullable): the map's file, or %NULL with
 *   %WM_INTERCHANGE_ERROR_TOO_LARGE
 */
char *
wm_interchange_to_json (WmDocument  *document,
                        gsize       *length,
                        GError     **error)
{
  g_autofree char *json = wm_document_to_json (document, length);

  if (*length > WM_DOCUMENT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (*length);

      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_TOO_LARGE,
                   /* Translators: %s is a size such as “70.1 MB” */
                   _("The map would take %s, more than the %d MB Waymark opens; nothing was written"),
                   size, WM_DOCUMENT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  return g_steal_pointer (&json);
}

static gboolean
contains_any (const char  *text,
              const char **needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * wm_lane_kind_guess:
 * @title: a lane's title, as a spreadsheet names its row
 *
 * Returns: the lane kind the title most likely means; free text if none
 */
WmLaneKind
wm_lane_kind_guess (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title != NULL ? title : "", -1);
  static const struct
  {
    WmLaneKind kind;
    const char *words[5];
  } rules[] = {
    /* Before touchpoints, which "interaction" would otherwise mean. */
    { WM_LANE_KIND_DIVIDER, { "line of interaction", "line of visibility", "line of internal interaction", NULL } },
    { WM_LANE_KIND_PAIN_POINTS, { "pain", "frustration", "problem", "obstacle", NULL } },
    { WM_LANE_KIND_OPPORTUNITIES, { "opportunit", "idea", "improvement", "solution", NULL } },
    { WM_LANE_KIND_EMOTIONS, { "emotion", "feeling", "mood", "sentiment", NULL } },
    { WM_LANE_KIND_THOUGHTS, { "thought", "think", "quote", NULL } },
    { WM_LANE_KIND_TOUCHPOINTS, { "touchpoint", "touch point", "interaction", NULL } },
    { WM_LANE_KIND_CHANNELS, { "channel", NULL } },
    { WM_LANE_KIND_OWNERS, { "owner", "department", "team", "responsib", NULL } },
    { WM_LANE_KIND_METRICS, { "kpi", "metric", "measure", NULL } },
    { WM_LANE_KIND_PHYSICAL_EVIDENCE, { "evidence", "physical", NULL } },
    { WM_LANE_KIND_FRONTSTAGE, { "frontstage", "front stage", "front-stage", NULL } },
    { WM_LANE_KIND_BACKSTAGE, { "backstage", "back stage", "back-stage", NULL } },
    { WM_LANE_KIND_SUPPORT_PROCESSES, { "support process", "support system", NULL } },
    { WM_LANE_KIND_STORYBOARD, { "storyboard", "sketch", "screenshot", NULL } },
    { WM_LANE_KIND_COMPANY_ACTIONS, { "company", "employee", "business action", "our action", NULL } },
    { WM_LANE_KIND_CUSTOMER_ACTIONS, { "action", "doing", "activit", "step", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (contains_any (folded, (const char **) rules[i].words))
      return rules[i].kind;
  return WM_LANE_KIND_TEXT;
}

WmMapBuilder *
wm_map_builder_new (WmMapKind   kind,
                    const char *title)
{
  WmMapBuilder *self = g_new0 (WmMapBuilder, 1);
  g_autofree char *id = wm_element_generate_id ("map");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->document = g_object_new (WM_TYPE_DOCUMENT, "id", id, "title", title, "kind", kind, NULL);
  wm_document_set_timestamps (self->document, now, now);
  self->stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->other_lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stage_positions = g_hash_table_new (NULL, NULL);
  self->structure = g_ptr_array_new_with_free_func (g_object_unref);
  self->elements = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

/* A new stage at the end of the map, even if one has the same name. */
WmStage *
wm_map_builder_add_stage (WmMapBuilder *self,
                          const char   *name)
{
  g_autofree char *id = wm_element_generate_id ("stage");
  WmStage *stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", name, NULL);

  wm_document_index_loaded (self->document, WM_ELEMENT (stage));
  g_ptr_array_add (self->structure, stage);
  if (!g_hash_table_contains (self->stages, name))
    g_hash_table_insert (self->stages, g_strdup (name), stage);
  g_hash_table_insert (self->stage_positions, stage,
                       GUINT_TO_POINTER (g_hash_table_size (self->stage_positions) + 1));
  return stage;
}

/* The stage named @name, made at the end of the map the first time. */
WmStage *
wm_map_builder_get_stage (WmMapBuilder *self,
                          const char   *name)
{
  WmStage *stage = g_hash_table_lookup (self->stages, name);

  return stage != NULL ? stage : wm_map_builder_add_stage (self, name);
}

guint
wm_map_builder_get_n_stages (WmMapBuilder *self)
{
  return g_hash_table_size (self->stage_positions);
}

guint
wm_map_builder_stage_index (WmMapBuilder *self,
                            WmStage      *stage)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->stage_positions, stage));

  return position > 0 ? position - 1 : 0;
}

/* The lane titled @title that holds cards if @kind does, or else a curve
 * or a line; made at the bottom with @kind the first time. A lane of
 * cards and an emotion graph may share a title, as a sheet's rows may:
 * only the first shows in a card table. */
WmLane *
wm_map_builder_get_lane (WmMapBuilder *self,
                         const char   *title,
                         WmLaneKind    kind)
{
  GHashTable *lanes = wm_lane_kind_holds_cards (kind) ? self->lanes : self->other_lanes;
  WmLane *lane = g_hash_table_lookup (lanes, title);

  if (lane == NULL)
    {
      g_autofree char *id = wm_element_generate_id ("lane");

      lane = g_object_new (WM_TYPE_LANE, "id", id, "title", title, "kind", kind, NULL);
      wm_document_index_loaded (self->document, WM_ELEMENT (lane));
      g_ptr_array_add (self->structure, lane);
      g_hash_table_insert (lanes, g_strdup (title), lane);
    }
  return lane;
}

/* Cards, personas and curves join the map in the order they are added,
 * after every stage and lane. Takes ownership of @element. */
void
wm_map_builder_add (WmMapBuilder *self,
                    gpointer      element)
{
  g_ptr_array_add (self->elements, element);
}

WmDocument *
wm_map_builder_finish (WmMapBuilder *self)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  wm_document_add_loaded (self->document, self->structure);
  g_ptr_array_set_size (self->structure, 0);
  for (guint i = 0; i < self->elements->len; i++)
    if (wm_document_index_loaded (self->document, g_ptr_array_index (self->elements, i)))
      g_ptr_array_add (added, g_object_ref (g_ptr_array_index (self->elements, i)));
  wm_document_add_loaded (self->document, added);
  g_ptr_array_set_size (self->elements, 0);
  return g_steal_pointer (&self->document);
}

void
wm_map_builder_free (WmMapBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->document);
  g_hash_table_unref (self->stages);
  g_hash_table_unref (self->lanes);
  g_hash_table_unref (self->other_lanes);
  g_hash_table_unref (self->stage_positions);
  g_ptr_array_unref (self->structure);
  g_ptr_array_unref (self->elements);
  g_free (self);
}
