/* wm-mermaid.c: maps to and from Mermaid "journey" diagrams.
 *
 * Sections are stages; tasks are the cards of the customer-action and
 * touchpoint lanes; each task's score is the first persona's feeling at
 * that stage, rescaled to Mermaid's 1–5; the actors are the personas.
 *
 * Mermaid's grammar ends a title, section or task at "#" or ";", splits
 * tasks at ":" and actors at ",", and reads "%%" as a comment, so those
 * characters are written as look-alikes that it takes as plain text.
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
#include "wm-mermaid.h"

#define MERMAID_LEVELS 5

/* Export */

typedef enum
{
  NAME_TEXT,     /* a title or a section: runs to the end of its line */
  NAME_TASK,     /* starts its line, so must not read as a keyword */
  NAME_ACTOR,    /* in a comma-separated list */
} NameKind;

/* What JavaScript's \s matches, which Mermaid's lexer skips. */
static gboolean
is_js_space (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x2028 || c == 0x2029
         || c == 0xFEFF || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Mermaid's lexer reads its keywords case-insensitively, wherever a
 * token starts, and a task's name starts a token: "Journeys" would read
 * as "journey" and "s", "Title deeds" as the diagram's title. */
static gboolean
starts_with_keyword (const char *text)
{
  static const char *keywords[] = { "title", "section", NULL };

  if (g_ascii_strncasecmp (text, "journey", 7) == 0
      || g_ascii_strncasecmp (text, "acctitle", 8) == 0
      || g_ascii_strncasecmp (text, "accdescr", 8) == 0)
    return TRUE;
  for (guint i = 0; keywords[i] != NULL; i++)
    {
      gsize len = strlen (keywords[i]);

      if (g_ascii_strncasecmp (text, keywords[i], len) == 0
          && (text[len] == '\0' || g_ascii_isspace (text[len]) || (guchar) text[len] >= 0x80))
        return TRUE;
    }
  return FALSE;
}

/* @text as Mermaid reads it back unchanged: one line, no character its
 * grammar gives a meaning, no spaces at the edges, never empty. */
static char *
escape (const char *text,
        NameKind    kind)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case ':':
          g_string_append (out, "∶");   /* RATIO */
          break;
        case '#':
          g_string_append (out, "＃");
          break;
        case ';':
          g_string_append (out, "；");
          break;
        case '%':
          /* Only "%%" starts a comment; a lone percent sign is fine. */
          if (out->len > 0 && out->str[out->len - 1] == '%')
            g_string_append (out, "％");
          else
            g_string_append_c (out, '%');
          break;
        case ',':
          g_string_append (out, kind == NAME_ACTOR ? "，" : ",");
          break;
        default:
          /* Line breaks and control characters become spaces; leading
           * spaces, which Mermaid would skip, are dropped. */
          if (c < 0x20 || c == 0x2028 || c == 0x2029)
            c = ' ';
          if (out->len > 0 || !is_js_space (c))
            g_string_append_unichar (out, c);
          break;
        }
    }
  while (out->len > 0 && is_js_space (g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len))))
    g_string_truncate (out, g_utf8_find_prev_char (out->str, out->str + out->len) - out->str);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (_("Untitled"));
    }
  if (kind == NAME_TASK && starts_with_keyword (out->str))
    {
      g_string_prepend (out, "“");
      g_string_append (out, "”");
    }
  return g_string_free (out, FALSE);
}

/* Sets @scores to the mean score of @curve's points in each stage, or
 * NAN where it has none. */
static void
mean_scores (WmDocument     *document,
             WmEmotionCurve *curve,
             double         *scores,
             guint           n_stages)
{
  GListModel *points = wm_emotion_curve_get_points (curve);
  g_autofree guint *counts = g_new0 (guint, MAX (n_stages, 1));

  for (guint s = 0; s < n_stages; s++)
    scores[s] = 0;
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, i);
      int s = wm_document_get_stage_index (document, wm_emotion_point_get_stage (point));

      if (s >= 0 && (guint) s < n_stages)
        {
          scores[s] += wm_emotion_point_get_score (point);
          counts[s]++;
        }
    }
  for (guint s = 0; s < n_stages; s++)
    scores[s] = counts[s] > 0 ? scores[s] / counts[s] : NAN;
}

/* The feeling at each stage: the stage's own points, else a straight
 * line between the nearest stages that have some, else neutral. */
static double *
scores_by_stage (WmDocument *document,
                 guint       n_stages)
{
  GListModel *personas = wm_document_get_personas (document);
  double *scores = g_new (double, MAX (n_stages, 1));
  int scale = wm_document_get_emotion_scale (document);
  WmEmotionCurve *curve = NULL;

  if (g_list_model_get_n_items (personas) > 0)
    {
      g_autoptr(WmPersona) first = g_list_model_get_item (personas, 0);

      curve = wm_document_get_curve_for_persona (document, wm_element_get_id (WM_ELEMENT (first)));
    }
  if (curve != NULL)
    mean_scores (document, curve, scores, n_stages);
  else
    for (guint s = 0; s < n_stages; s++)
      scores[s] = NAN;

  /* Stages without points take a straight line between their measured
   * neighbours, found for every stage in one pass each way. */
  {
    g_autofree double *measured = g_memdup2 (scores, sizeof (double) * MAX (n_stages, 1));
    g_autofree int *nearest_after = g_new (int, MAX (n_stages, 1));
    int before = -1;

    for (int s = (int) n_stages - 1, after = -1; s >= 0; s--)
      {
        nearest_after[s] = after;
        if (!isnan (measured[s]))
          after = s;
      }
    for (guint s = 0; s < n_stages; s++)
      {
        int after = nearest_after[s];

        if (!isnan (measured[s]))
          {
            before = s;
            continue;
          }
        if (before >= 0 && after >= 0)
          scores[s] = measured[before] + (measured[after] - measured[before]) * (s - before) / (after - before);
        else if (before >= 0)
          scores[s] = measured[before];
        else if (after >= 0)
          scores[s] = measured[after];
        else
          scores[s] = (scale + 1) / 2.0;
      }
  }

  /* Onto Mermaid's five levels. */
  for (guint s = 0; s < n_stages; s++)
    scores[s] = CLAMP (round (1 + (scores[s] - 1) * (MERMAID_LEVELS - 1) / (scale - 1)), 1, MERMAID_LEVELS);
  return scores;
}

static gboolean
lane_makes_tasks (WmLane *lane)
{
  WmLaneKind kind = wm_lane_get_kind (lane);

  return kind == WM_LANE_KIND_CUSTOMER_ACTIONS || kind == WM_LANE_KIND_TOUCHPOINTS;
}

/* Every persona's name, told apart: Mermaid keeps one actor per name,
 * and so does the import. %NULL if there are no personas. */
static char *
actor_list (GListModel *personas)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *name = escape (wm_persona_get_name (persona), NAME_ACTOR);
      char *unique = g_strdup (name);

      for (guint n = 2; g_ptr_array_find_with_equal_func (names, unique, g_str_equal, NULL); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s %u", name, n);
        }
      g_ptr_array_add (names, unique);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
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
  g_autofree double *scores = scores_by_stage (document, n_stages);
  g_autofree char *actors = actor_list (personas);
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

  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped = escape (title, NAME_TEXT);

      g_string_append_printf (out, "    title %s\n", escaped);
    }
  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);
      g_autofree char *name = escape (wm_stage_get_name (stage), NAME_TEXT);

      g_string_append_printf (out, "    section %s\n", name);
      for (guint l = 0; l < task_lanes->len; l++)
        {
          WmLane *lane = g_ptr_array_index (task_lanes, l);
          g_autoptr(GPtrArray) cards = NULL;

          cards = wm_document_get_cell_cards (document, wm_element_get_id (WM_ELEMENT (stage)),
                                              wm_element_get_id (WM_ELEMENT (lane)));
          for (guint c = 0; c < cards->len; c++)
            {
              g_autofree char *task = escape (wm_card_get_title (g_ptr_array_index (cards, c)), NAME_TASK);

              g_string_append_printf (out, "      %s: %d", task, (int) scores[s]);
              if (actors != NULL)
                g_string_append_printf (out, ": %s", actors);
              g_string_append_c (out, '\n');
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

typedef struct
{
  guint section;
  char *title;
  int score;
  GStrv actors;
} Task;

static void
clear_task (gpointer data)
{
  Task *task = data;

  g_free (task->title);
  g_strfreev (task->actors);
}

/* Whether @line starts with @word (in any case, as Mermaid reads it),
 * followed by a space or nothing; @rest is what follows, trimmed. */
static gboolean
keyword (const char  *line,
         const char  *word,
         const char **rest)
{
  gsize len = strlen (word);

  if (g_ascii_strncasecmp (line, word, len) != 0 || (line[len] != '\0' && !is_js_space (g_utf8_get_char (line + len))))
    return FALSE;
  for (*rest = line + len; **rest != '\0' && is_js_space (g_utf8_get_char (*rest)); *rest = g_utf8_next_char (*rest))
    ;
  return TRUE;
}

static gboolean
parse_task (const char  *line,
            guint        number,
            guint        section,
            Task        *task,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (line, ":", -1);
  char *end;
  long score;

  if (g_strv_length (parts) < 2)
    return fail (error, number, _("expected “task: score” or “task: score: actors”"));
  g_strstrip (parts[0]);
  g_strstrip (parts[1]);
  score = strtol (parts[1], &end, 10);
  if (*parts[0] == '\0')
    return fail (error, number, _("a task needs a name"));
  if (end == parts[1] || *end != '\0' || score < 1 || score > MERMAID_LEVELS)
    return fail (error, number, _("the score must be a whole number from 1 to 5"));

  /* Names are kept as an export would write them, so that a map read
   * from Mermaid goes back out unchanged. Like Mermaid, take the actors
   * from between the second and third colons. */
  task->section = section;
  task->title = escape (parts[0], NAME_TASK);
  task->score = (int) score;
  task->actors = g_strsplit (parts[2] != NULL ? parts[2] : "", ",", -1);
  for (guint i = 0; task->actors[i] != NULL; i++)
    {
      char *actor = g_strstrip (task->actors[i]);

      if (*actor != '\0')
        {
          task->actors[i] = escape (actor, NAME_ACTOR);
          g_free (actor);
        }
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
  while (*after == ' ' || *after == '\t')
    after++;
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

/**
 * wm_mermaid_import:
 *
 * Makes a current-state map from a Mermaid journey: a stage per section,
 * a card per task in a "Customer actions" lane, a persona per actor, and
 * for each actor an emotion point per task at the task's score.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 *   to a message naming the line of the problem
 */
WmDocument *
wm_mermaid_import (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(WmMapBuilder) builder = NULL;
  g_autoptr(GArray) tasks = g_array_new (FALSE, TRUE, sizeof (Task));
  g_autoptr(GPtrArray) actor_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autofree char *title = NULL;
  gboolean seen_journey = FALSE, in_front_matter = FALSE, in_description = FALSE;
  WmLane *lane = NULL;

  if (!wm_interchange_check_input (data, length, error))
    return NULL;
  g_array_set_clear_func (tasks, clear_task);
  lines = split_lines (data, length);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint number = i + 1;
      char *line = g_strstrip (lines[i]);
      const char *rest;
      Task task = { 0 };

      if (i == 0 && g_str_equal (line, "---"))
        {
          in_front_matter = TRUE;
          continue;
        }
      if (in_front_matter)
        {
          in_front_matter = !g_str_equal (line, "---");
          continue;
        }
      if (in_description)
        {
          /* An "accDescr { … }" block runs to its closing brace. */
          in_description = strchr (line, '}') == NULL;
          continue;
        }
      if (seen_journey && accessibility_line (line, &in_description))
        continue;
      /* "#" starts a comment, as "%%" does at the start of a line. */
      if (strchr (line, '#') != NULL)
        {
          *strchr (line, '#') = '\0';
          g_strchomp (line);
        }
      if (*line == '\0' || g_str_has_prefix (line, "%%"))
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
          if (*rest != '\0')
            title = escape (rest, NAME_TEXT);
          continue;
        }
      if (keyword (line, "section", &rest))
        {
          if (*rest == '\0')
            return fail (error, number, _("a section needs a name")), NULL;
          g_ptr_array_add (sections, escape (rest, NAME_TEXT));
          continue;
        }

      /* Tasks before any section go to a stage of their own. */
      if (sections->len == 0)
        g_ptr_array_add (sections, g_strdup (_("Journey")));
      if (!parse_task (line, number, sections->len - 1, &task, error))
        return NULL;
      for (guint a = 0; task.actors[a] != NULL; a++)
        if (*task.actors[a] != '\0' && !g_ptr_array_find_with_equal_func (actor_names, task.actors[a], g_str_equal, NULL))
          {
            if (actor_names->len == WM_MAX_PERSONAS)
              {
                clear_task (&task);
                return fail (error, number, _("a map can have at most %d personas"), WM_MAX_PERSONAS), NULL;
              }
            g_ptr_array_add (actor_names, g_strdup (task.actors[a]));
          }
      g_array_append_val (tasks, task);
    }
  if (!seen_journey)
    {
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID,
                   _("This is not a Mermaid journey: it does not start with “journey”"));
      return NULL;
    }

  builder = wm_map_builder_new (WM_MAP_KIND_CURRENT_STATE, title);
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (stages, wm_map_builder_add_stage (builder, g_ptr_array_index (sections, i)));
  lane = wm_map_builder_get_lane (builder, _("Customer actions"), WM_LANE_KIND_CUSTOMER_ACTIONS);
  if (actor_names->len > 0)
    wm_map_builder_get_lane (builder, _("Emotions"), WM_LANE_KIND_EMOTIONS);

  for (guint t = 0; t < tasks->len; t++)
    {
      Task *task = &g_array_index (tasks, Task, t);
      g_autofree char *id = wm_element_generate_id ("card");

      wm_map_builder_add (builder, g_object_new (WM_TYPE_CARD, "id", id,
                                                 "stage", wm_element_get_id (g_ptr_array_index (stages, task->section)),
                                                 "lane", wm_element_get_id (WM_ELEMENT (lane)),
                                                 "title", task->title, NULL));
    }

  /* Each actor feels the score of every task they take part in, spread
   * across the task's stage in order. */
  for (guint a = 0; a < actor_names->len; a++)
    {
      const char *name = g_ptr_array_index (actor_names, a);
      g_autofree char *persona_id = wm_element_generate_id ("persona");
      g_autofree char *curve_id = wm_element_generate_id ("curve");
      WmEmotionCurve *curve = wm_emotion_curve_new (curve_id, persona_id);

      g_autofree guint *n_in_section = g_new0 (guint, MAX (sections->len, 1));
      g_autofree guint *placed_in_section = g_new0 (guint, MAX (sections->len, 1));

      wm_map_builder_add (builder, g_object_new (WM_TYPE_PERSONA, "id", persona_id, "name", name, NULL));
      /* How many of the actor's tasks each section has, counted first, so
       * that each point knows its place among them. */
      for (guint t = 0; t < tasks->len; t++)
        {
          Task *task = &g_array_index (tasks, Task, t);

          if (g_strv_contains ((const char * const *) task->actors, name))
            n_in_section[task->section]++;
        }
      for (guint t = 0; t < tasks->len; t++)
        {
          Task *task = &g_array_index (tasks, Task, t);
          guint n_in_stage = n_in_section[task->section], before;
          g_autoptr(WmEmotionPoint) point = NULL;
          g_autofree char *point_id = NULL;

          if (!g_strv_contains ((const char * const *) task->actors, name))
            continue;
          before = placed_in_section[task->section]++;
          point_id = wm_element_generate_id ("point");
          point = g_object_new (WM_TYPE_EMOTION_POINT, "id", point_id,
                                "stage", wm_element_get_id (g_ptr_array_index (stages, task->section)),
                                "position", (before + 0.5) / n_in_stage, "score", task->score, NULL);
          g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
        }
      wm_map_builder_add (builder, curve);
    }

  return wm_map_builder_finish (builder);
}
