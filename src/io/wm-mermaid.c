/* wm-mermaid.c: maps to and from Mermaid "journey" diagrams.
 *
 * Sections are stages. A stage's cards of the customer-action and
 * touchpoint lanes are tasks without actors; then each persona's feeling
 * at each of its points in the stage is a task named after the persona,
 * with the persona as its only actor ("Ana: 4: Ana"), which Mermaid draws
 * as a face in the persona's colour. Reading such a task back gives the
 * point, not a card. Names are written in Mermaid's own entity codes
 * where its grammar would misread them (see wm-mermaid-text.c).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-mermaid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wm-document-private.h"
#include "wm-interchange.h"
#include "wm-mermaid-text.h"
#include "wm-mermaid.h"

#define MERMAID_LEVELS 5

/* Export */

/* The comment an export of a map without feelings starts with. Mermaid
 * wants a score on every task, so such a map's tasks carry the middle of
 * the scale; this tells Waymark's import not to make them a "Customer"'s
 * feelings. Other files never have it, and Mermaid skips it. */
#define NO_FEELINGS_MARK "%% waymark: no feelings"

/* A score of the map's scale 1…@scale on Mermaid's 1–5. */
static int
to_mermaid (double score,
            int    scale)
{
  return CLAMP ((int) round (1 + (score - 1) * (MERMAID_LEVELS - 1) / (scale - 1)), 1, MERMAID_LEVELS);
}

typedef struct
{
  int stage;
  double position;
  guint order;
  int score;
} Feeling;

static int
compare_feelings (gconstpointer a,
                  gconstpointer b)
{
  const Feeling *x = a, *y = b;

  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* @curve's points as Feelings along the journey, by stage and then
 * position in the stage. */
static GArray *
feelings_of (WmDocument     *document,
             WmEmotionCurve *curve)
{
  GListModel *points = curve != NULL ? wm_emotion_curve_get_points (curve) : NULL;
  GArray *feelings = g_array_new (FALSE, FALSE, sizeof (Feeling));

  for (guint i = 0; points != NULL && i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, i);
      Feeling feeling = {
        .stage = wm_document_get_stage_index (document, wm_emotion_point_get_stage (point)),
        .position = wm_emotion_point_get_position (point),
        .order = i,
        .score = wm_emotion_point_get_score (point),
      };

      if (feeling.stage >= 0)
        g_array_append_val (feelings, feeling);
    }
  g_array_sort (feelings, compare_feelings);
  return feelings;
}

static gboolean
lane_makes_tasks (WmLane *lane)
{
  WmLaneKind kind = wm_lane_get_kind (lane);

  return kind == WM_LANE_KIND_CUSTOMER_ACTIONS || kind == WM_LANE_KIND_TOUCHPOINTS;
}

/* Every persona's name as an actor, told apart: Mermaid keeps one actor
 * per name, and so does the import. */
static GPtrArray *
actor_names (GListModel *personas)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *name = wm_mermaid_text_escape (wm_persona_get_name (persona), WM_MERMAID_ACTOR);
      char *unique = g_strdup (name);

      for (guint n = 2; g_ptr_array_find_with_equal_func (names, unique, g_str_equal, NULL); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s %u", name, n);
        }
      g_ptr_array_add (names, unique);
    }
  return names;
}

/**
 * wm_mermaid_export:
 *
 * Returns: (transfer full): a Mermaid journey that Mermaid accepts
 */
char *
wm_mermaid_export (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *personas = wm_document_get_personas (document);
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_personas = g_list_model_get_n_items (personas);
  int scale = wm_document_get_emotion_scale (document);
  g_autoptr(GPtrArray) actors = actor_names (personas);
  g_autoptr(GPtrArray) feelings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint *next = g_new0 (guint, MAX (n_personas, 1));
  GString *out = g_string_new ("journey\n");
  const char *title = wm_document_get_title (document);
  g_autoptr(GPtrArray) task_lanes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *lane = g_list_model_get_item (lanes, l);

      if (lane_makes_tasks (lane))
        g_ptr_array_add (task_lanes, lane);
      else
        g_object_unref (lane);
    }
  for (guint p = 0; p < n_personas; p++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, p);

      g_ptr_array_add (feelings, feelings_of (document, wm_document_get_curve_for_persona (
                                                          document, wm_element_get_id (WM_ELEMENT (persona)))));
    }

  {
    gboolean any_feeling = FALSE;

    for (guint p = 0; p < n_personas; p++)
      any_feeling |= ((GArray *) g_ptr_array_index (feelings, p))->len > 0;
    if (!any_feeling)
      g_string_append (out, "    " NO_FEELINGS_MARK "\n");
  }
  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped = wm_mermaid_text_escape (title, WM_MERMAID_TEXT);

      g_string_append_printf (out, "    title %s\n", escaped);
    }
  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);
      g_autofree char *name = wm_mermaid_text_escape (wm_stage_get_name (stage), WM_MERMAID_TEXT);
      double sum = 0;
      guint count = 0;
      int mood;

      /* The cards' tasks show the stage's mean feeling over every
       * persona, or the middle of the scale: for reading only. */
      for (guint p = 0; p < n_personas; p++)
        {
          GArray *own = g_ptr_array_index (feelings, p);

          for (guint i = next[p]; i < own->len && g_array_index (own, Feeling, i).stage == (int) s; i++)
            {
              sum += g_array_index (own, Feeling, i).score;
              count++;
            }
        }
      mood = count > 0 ? to_mermaid (sum / count, scale) : (MERMAID_LEVELS + 1) / 2;

      g_string_append_printf (out, "    section %s\n", name);
      for (guint l = 0; l < task_lanes->len; l++)
        {
          WmLane *lane = g_ptr_array_index (task_lanes, l);
          g_autoptr(GPtrArray) cards = NULL;

          cards = wm_document_get_cell_cards (document, wm_element_get_id (WM_ELEMENT (stage)),
                                              wm_element_get_id (WM_ELEMENT (lane)));
          for (guint c = 0; c < cards->len; c++)
            {
              g_autofree char *task = wm_mermaid_text_escape (wm_card_get_title (g_ptr_array_index (cards, c)),
                                                              WM_MERMAID_TASK);

              g_string_append_printf (out, "      %s: %d\n", task, mood);
            }
        }
      /* Then each persona's feelings, one task per point. */
      for (guint p = 0; p < n_personas; p++)
        {
          GArray *own = g_ptr_array_index (feelings, p);
          const char *actor = g_ptr_array_index (actors, p);
          g_autofree char *task = NULL;

          for (; next[p] < own->len && g_array_index (own, Feeling, next[p]).stage == (int) s; next[p]++)
            {
              /* The actor's name as a task: written again so that it
               * cannot read as a keyword where a task starts. */
              if (task == NULL)
                {
                  g_autofree char *plain = wm_mermaid_text_unescape (actor, strlen (actor));

                  task = wm_mermaid_text_escape (plain, WM_MERMAID_TASK);
                }
              g_string_append_printf (out, "      %s: %d: %s\n", task,
                                      to_mermaid (g_array_index (own, Feeling, next[p]).score, scale), actor);
            }
        }
    }

  return g_string_free (out, FALSE);
}

/* Import */

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError    **error,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a line number in a Mermaid file, then the problem */
  g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID, _("Line %u: %s"), line, reason);
  return FALSE;
}

/* The most personas a task can feel for: a map's five and the unnamed
 * customer of tasks without actors. */
typedef guint8 PersonaSet;

typedef struct
{
  guint section;
  guint line;
  char *title;
  int score;
  GStrv actors;
  gboolean feeling;    /* "Ana: 4: Ana": a persona's point, not a card */
  PersonaSet personas;
} Task;

static void
clear_task (gpointer data)
{
  Task *task = data;

  g_free (task->title);
  g_strfreev (task->actors);
}

/* @text between @start and @end, trimmed as Mermaid trims it, with its
 * entity codes read. */
static char *
read_name (const char *start,
           const char *end)
{
  while (start < end && wm_mermaid_text_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && wm_mermaid_text_is_space (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
    end = g_utf8_find_prev_char (start, end);
  return wm_mermaid_text_unescape (start, end - start);
}

/* Whether @line starts with @word (in any case, as Mermaid reads it),
 * followed by a space or nothing; @rest is what follows. */
static gboolean
keyword (const char  *line,
         const char  *word,
         const char **rest)
{
  gsize len = strlen (word);

  if (g_ascii_strncasecmp (line, word, len) != 0
      || (line[len] != '\0' && !wm_mermaid_text_is_space (g_utf8_get_char (line + len))))
    return FALSE;
  *rest = line + len;
  return TRUE;
}

static gboolean
parse_task (const char  *line,
            guint        number,
            guint        section,
            Task        *task,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (line, ":", 4);
  g_autofree char *score_text = NULL;
  char *end;
  long score;

  if (g_strv_length (parts) < 2)
    return fail (error, number, _("expected “task: score” or “task: score: actors”"));
  score_text = read_name (parts[1], parts[1] + strlen (parts[1]));
  score = strtol (score_text, &end, 10);
  if (*g_strstrip (parts[0]) == '\0')
    return fail (error, number, _("a task needs a name"));
  if (end == score_text || *end != '\0' || score < 1 || score > MERMAID_LEVELS)
    return fail (error, number, _("the score must be a whole number from 1 to 5"));

  /* Like Mermaid, take the actors from between the second and third
   * colons; empty ones are dropped. */
  task->section = section;
  task->line = number;
  task->title = read_name (parts[0], parts[0] + strlen (parts[0]));
  task->score = (int) score;
  task->actors = g_strsplit (parts[2] != NULL ? parts[2] : "", ",", -1);
  {
    guint kept = 0;

    for (guint i = 0; task->actors[i] != NULL; i++)
      {
        char *raw = task->actors[i];

        if (*g_strstrip (raw) != '\0')
          task->actors[kept++] = read_name (raw, raw + strlen (raw));
        g_free (raw);
      }
    task->actors[kept] = NULL;
    task->feeling = kept == 1 && g_str_equal (task->actors[0], task->title);
  }
  return TRUE;
}

/* "accTitle: …", "accDescr: …" or "accDescr {", which Mermaid keeps for
 * screen readers and a map has no place for; @in_block is set when a
 * description goes on to the lines up to "}". */
static gboolean
accessibility_line (const char *line,
                    gboolean   *in_block)
{
  const char *after;

  if (g_ascii_strncasecmp (line, "accTitle", 8) != 0 && g_ascii_strncasecmp (line, "accDescr", 8) != 0)
    return FALSE;
  after = line + 8;
  while (*after != '\0' && wm_mermaid_text_is_space (g_utf8_get_char (after)))
    after = g_utf8_next_char (after);
  if (*after == ':')
    return TRUE;
  if (*after != '{' || g_ascii_tolower (line[3]) != 'd')
    return FALSE;
  *in_block = strchr (after, '}') == NULL;
  return TRUE;
}

/* Mermaid reads a lone CR as a line end too. */
static GStrv
split_lines (const char *data,
             gsize       length)
{
  GString *text = g_string_new_len (data, length);
  g_autofree char *normalized = NULL;

  g_string_replace (text, "\r\n", "\n", 0);
  g_string_replace (text, "\r", "\n", 0);
  normalized = g_string_free (text, FALSE);
  return g_strsplit (normalized, "\n", -1);
}

/* The value of a "title:" line of the front matter, unquoted as YAML
 * reads a plain, single- or double-quoted scalar on one line, or %NULL. */
static char *
front_matter_title (const char *line)
{
  const char *value;
  gsize length;

  if (!g_str_has_prefix (line, "title:"))
    return NULL;
  value = line + 6;
  while (*value == ' ' || *value == '\t')
    value++;
  length = strlen (value);
  while (length > 0 && (value[length - 1] == ' ' || value[length - 1] == '\t'))
    length--;
  if (length >= 2 && value[0] == '\'' && value[length - 1] == '\'')
    {
      g_autofree char *inner = g_strndup (value + 1, length - 2);
      GString *out = g_string_new (inner);

      g_string_replace (out, "''", "'", 0);
      return g_string_free (out, FALSE);
    }
  if (length >= 2 && value[0] == '"' && value[length - 1] == '"')
    {
      g_autofree char *inner = g_strndup (value + 1, length - 2);

      return g_strcompress (inner);
    }
  return wm_mermaid_text_unescape (value, length);
}

/* Ends @line where a "#" that is not an entity code starts a comment. */
static void
cut_comment (char *line)
{
  for (char *p = line; (p = strchr (p, '#')) != NULL; p++)
    if (!wm_mermaid_text_entity_at (p))
      {
        *p = '\0';
        g_strchomp (line);
        return;
      }
}

/* Whether Mermaid's lexer skips @line as a comment: a token that starts
 * with "%", or with any character but "}" and then "%%". */
static gboolean
is_comment (const char *line)
{
  const char *second = g_utf8_next_char (line);

  return line[0] == '%' || (line[0] != '}' && g_str_has_prefix (second, "%%"));
}

/* The persona @name stands for, added if there is room: the first five
 * names make personas, the others are reported once each. @unnamed is
 * the customer of tasks without actors. */
static int
persona_for (GHashTable *index,
             GPtrArray  *names,
             GPtrArray  *warnings,
             const char *name,
             gboolean    unnamed,
             guint       line)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index, name, NULL, &found))
    return GPOINTER_TO_INT (found);
  if (names->len < WM_MAX_PERSONAS)
    {
      g_ptr_array_add (names, g_strdup (name));
      g_hash_table_insert (index, g_strdup (name), GINT_TO_POINTER (names->len - 1));
      return names->len - 1;
    }
  g_hash_table_insert (index, g_strdup (name), GINT_TO_POINTER (-1));
  if (unnamed)
    /* Translators: a line number in a Mermaid file, then the most personas a map has */
    g_ptr_array_add (warnings, g_strdup_printf (_("Line %u: the scores of tasks without actors are left out: "
                                                  "a map has at most %d personas"), line, WM_MAX_PERSONAS));
  else
    /* Translators: a line number in a Mermaid file, an actor's name, then the most personas a map has */
    g_ptr_array_add (warnings, g_strdup_printf (_("Line %u: the actor “%s” is left out: a map has at most %d personas"),
                                                line, name, WM_MAX_PERSONAS));
  return -1;
}

/**
 * wm_mermaid_import_with_warnings:
 * @warnings: (out) (optional) (transfer full): what was left out, one
 *   message each, or %NULL if nothing was
 *
 * Makes a current-state map from a Mermaid journey: a stage per section,
 * a card per task in a "Customer actions" lane, a persona per actor, and
 * for each actor an emotion point per task at the task's score. A task
 * named as its only actor is that persona's feeling alone, and tasks
 * without actors are felt by a persona called "Customer" unless the file
 * has such feelings (then their scores only summed those up). See the
 * Mermaid section of data/format/file-format.md.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 *   to a message naming the line of the problem
 */
WmDocument *
wm_mermaid_import_with_warnings (const char  *data,
                                 gsize        length,
                                 GStrv       *warnings,
                                 GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(WmMapBuilder) builder = NULL;
  g_autoptr(GArray) tasks = g_array_new (FALSE, TRUE, sizeof (Task));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  gboolean seen_journey = FALSE, in_front_matter = FALSE, in_description = FALSE, feelings = FALSE;
  gboolean no_feelings = FALSE;
  guint description_line = 0;
  WmLane *lane = NULL;

  if (warnings != NULL)
    *warnings = NULL;
  if (!wm_interchange_check_input (data, length, error))
    return NULL;
  /* A byte-order mark is not part of the text. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  g_array_set_clear_func (tasks, clear_task);
  lines = split_lines (data, length);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint number = i + 1;
      char *line = lines[i];
      const char *rest;
      Task task = { 0 };

      if (i == 0 && g_str_equal (g_strchomp (line), "---"))
        {
          in_front_matter = TRUE;
          continue;
        }
      if (in_front_matter)
        {
          /* Front matter's title is the diagram's, unless a "title" line
           * follows. */
          char *value = front_matter_title (line);

          if (value != NULL)
            {
              g_free (title);
              title = value;
            }
          in_front_matter = !g_str_equal (g_strstrip (line), "---");
          continue;
        }
      line = g_strstrip (line);
      if (in_description)
        {
          /* An "accDescr { … }" block runs to its closing brace. */
          in_description = strchr (line, '}') == NULL;
          continue;
        }
      if (seen_journey && accessibility_line (line, &in_description))
        {
          description_line = number;
          continue;
        }
      if (seen_journey && g_ascii_strcasecmp (line, NO_FEELINGS_MARK) == 0)
        no_feelings = TRUE;
      cut_comment (line);
      if (*line == '\0' || is_comment (line))
        continue;
      if (!seen_journey)
        {
          if (g_ascii_strcasecmp (line, "journey") != 0)
            return fail (error, number, _("a Mermaid journey starts with “journey”")), NULL;
          seen_journey = TRUE;
          continue;
        }
      if (keyword (line, "title", &rest))
        {
          g_clear_pointer (&title, g_free);
          title = read_name (rest, rest + strlen (rest));
          continue;
        }
      if (keyword (line, "section", &rest))
        {
          g_autofree char *name = read_name (rest, rest + strlen (rest));

          if (*g_strstrip ((char *) rest) == '\0')
            return fail (error, number, _("a section needs a name")), NULL;
          g_ptr_array_add (sections, g_steal_pointer (&name));
          continue;
        }

      /* Tasks before any section go to a stage of their own. */
      if (sections->len == 0)
        g_ptr_array_add (sections, g_strdup (_("Journey")));
      if (!parse_task (line, number, sections->len - 1, &task, error))
        return NULL;
      feelings |= task.feeling;
      g_array_append_val (tasks, task);
    }
  if (in_description)
    return fail (error, description_line, _("the description that starts here has no closing “}”")), NULL;
  if (!seen_journey)
    {
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID,
                   _("This is not a Mermaid journey: it does not start with “journey”"));
      return NULL;
    }

  /* Personas in the order their names first appear. */
  for (guint t = 0; t < tasks->len; t++)
    {
      Task *task = &g_array_index (tasks, Task, t);

      if (task->actors[0] == NULL && !feelings && !no_feelings)
        {
          /* Translators: the persona who feels the tasks of a Mermaid journey that have no actors */
          int p = persona_for (index, names, left_out, _("Customer"), TRUE, task->line);

          task->personas |= p >= 0 ? 1u << p : 0;
        }
      for (guint a = 0; task->actors[a] != NULL; a++)
        {
          int p = persona_for (index, names, left_out, task->actors[a], FALSE, task->line);

          task->personas |= p >= 0 ? 1u << p : 0;
        }
    }

  builder = wm_map_builder_new (WM_MAP_KIND_CURRENT_STATE, title);
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (stages, wm_map_builder_add_stage (builder, g_ptr_array_index (sections, i)));
  lane = wm_map_builder_get_lane (builder, _("Customer actions"), WM_LANE_KIND_CUSTOMER_ACTIONS);
  if (names->len > 0)
    wm_map_builder_get_lane (builder, _("Emotions"), WM_LANE_KIND_EMOTIONS);

  for (guint t = 0; t < tasks->len; t++)
    {
      Task *task = &g_array_index (tasks, Task, t);
      g_autofree char *id = NULL;

      if (task->feeling)
        continue;
      id = wm_element_generate_id ("card");
      wm_map_builder_add (builder, g_object_new (WM_TYPE_CARD, "id", id,
                                                 "stage", wm_element_get_id (g_ptr_array_index (stages, task->section)),
                                                 "lane", wm_element_get_id (WM_ELEMENT (lane)),
                                                 "title", task->title, NULL));
    }

  /* Each persona feels the score of every task they take part in, spread
   * across the task's stage in order. */
  for (guint p = 0; p < names->len; p++)
    {
      g_autofree char *persona_id = wm_element_generate_id ("persona");
      g_autofree char *curve_id = wm_element_generate_id ("curve");
      WmEmotionCurve *curve = wm_emotion_curve_new (curve_id, persona_id);
      g_autofree guint *n_in_section = g_new0 (guint, MAX (sections->len, 1));
      g_autofree guint *placed_in_section = g_new0 (guint, MAX (sections->len, 1));

      wm_map_builder_add (builder, g_object_new (WM_TYPE_PERSONA, "id", persona_id,
                                                 "name", g_ptr_array_index (names, p), NULL));
      /* How many of the persona's tasks each section has, counted first,
       * so that each point knows its place among them. */
      for (guint t = 0; t < tasks->len; t++)
        {
          Task *task = &g_array_index (tasks, Task, t);

          if (task->personas & (1u << p))
            n_in_section[task->section]++;
        }
      for (guint t = 0; t < tasks->len; t++)
        {
          Task *task = &g_array_index (tasks, Task, t);
          g_autoptr(WmEmotionPoint) point = NULL;
          g_autofree char *point_id = NULL;
          guint before;

          if (!(task->personas & (1u << p)))
            continue;
          before = placed_in_section[task->section]++;
          point_id = wm_element_generate_id ("point");
          point = g_object_new (WM_TYPE_EMOTION_POINT, "id", point_id,
                                "stage", wm_element_get_id (g_ptr_array_index (stages, task->section)),
                                "position", (before + 0.5) / n_in_section[task->section],
                                "score", task->score, NULL);
          g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
        }
      wm_map_builder_add (builder, curve);
    }

  if (warnings != NULL && left_out->len > 0)
    {
      g_ptr_array_add (left_out, NULL);
      *warnings = (GStrv) g_ptr_array_steal (left_out, NULL);
    }
  return wm_map_builder_finish (builder);
}

/**
 * wm_mermaid_import:
 *
 * wm_mermaid_import_with_warnings() for callers that show no warnings.
 */
WmDocument *
wm_mermaid_import (const char  *data,
                   gsize        length,
                   GError     **error)
{
  return wm_mermaid_import_with_warnings (data, length, NULL, error);
}
