/* journey-grammar.h: Mermaid's user-journey parser, redone in C for
 * tests, so that they can check that Mermaid reads every export as
 * meant. It follows mermaid 12's journey.jison rule for rule, after the
 * entity encoding Mermaid does first ("#35;" and "#quot;" become
 * placeholders the grammar takes as text, and names here show them as
 * the drawing does: numbers as their character, names as "&name;"). The lexer
 * tries its patterns in order at each position and takes the first that
 * matches (jison without "flex"); JavaScript's \s is spelled out, and
 * keywords match ASCII letters in either case, as JavaScript's /i does.
 * The tasks are then read as journeyDb.addTask() reads them.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#define JS_SPACE "[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]"

typedef enum
{
  JT_SKIP,
  JT_NEWLINE,
  JT_JOURNEY,
  JT_TITLE,
  JT_ACC_TITLE,
  JT_ACC_DESCR,
  JT_ACC_DESCR_BLOCK,    /* starts the multi-line state; no token */
  JT_ACC_VALUE,
  JT_BLOCK_END,
  JT_SECTION,
  JT_TASK_NAME,
  JT_TASK_DATA,
  JT_COLON,
  JT_INVALID,
} JourneyToken;

typedef enum
{
  JS_INITIAL,
  JS_ACC_VALUE,          /* acc_title and acc_descr: one value, then back */
  JS_ACC_BLOCK,          /* acc_descr_multiline */
} JourneyState;

typedef struct
{
  JourneyState state;
  const char *pattern;
  JourneyToken token;
} JourneyRule;

static const JourneyRule journey_rules[] = {
  { JS_INITIAL, "%(?!\\{)[^\\n]*", JT_SKIP },
  { JS_INITIAL, "[^\\}]%%[^\\n]*", JT_SKIP },
  { JS_INITIAL, "[\\n]+", JT_NEWLINE },
  { JS_INITIAL, JS_SPACE "+", JT_SKIP },
  { JS_INITIAL, "#[^\\n]*", JT_SKIP },
  { JS_INITIAL, "[jJ][oO][uU][rR][nN][eE][yY]\\b", JT_JOURNEY },
  { JS_INITIAL, "[tT][iI][tT][lL][eE]" JS_SPACE "[^#\\n;]+", JT_TITLE },
  { JS_INITIAL, "[aA][cC][cC][tT][iI][tT][lL][eE]" JS_SPACE "*:" JS_SPACE "*", JT_ACC_TITLE },
  { JS_INITIAL, "[aA][cC][cC][dD][eE][sS][cC][rR]" JS_SPACE "*:" JS_SPACE "*", JT_ACC_DESCR },
  { JS_INITIAL, "[aA][cC][cC][dD][eE][sS][cC][rR]" JS_SPACE "*\\{" JS_SPACE "*", JT_ACC_DESCR_BLOCK },
  { JS_INITIAL, "[sS][eE][cC][tT][iI][oO][nN]" JS_SPACE "[^#:\\n;]+", JT_SECTION },
  { JS_INITIAL, "[^#:\\n;]+", JT_TASK_NAME },
  { JS_INITIAL, ":[^#\\n;]+", JT_TASK_DATA },
  { JS_INITIAL, ":", JT_COLON },
  { JS_INITIAL, ".", JT_INVALID },
  { JS_ACC_VALUE, "[^\\n]*", JT_ACC_VALUE },
  { JS_ACC_BLOCK, "[\\}]", JT_BLOCK_END },
  { JS_ACC_BLOCK, "[^\\}]*", JT_ACC_VALUE },
};

typedef struct
{
  char *section;
  char *name;
  char *score;           /* as written; Mermaid takes Number() of it */
  GStrv people;
} JourneyTask;

typedef struct
{
  char *title;           /* NULL if none */
  GPtrArray *sections;   /* of char * */
  GPtrArray *tasks;      /* of JourneyTask * */
} Journey;

static inline void
journey_task_free (gpointer data)
{
  JourneyTask *task = data;

  g_free (task->section);
  g_free (task->name);
  g_free (task->score);
  g_strfreev (task->people);
  g_free (task);
}

static inline void
journey_free (Journey *journey)
{
  g_free (journey->title);
  g_ptr_array_unref (journey->sections);
  g_ptr_array_unref (journey->tasks);
  g_free (journey);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journey, journey_free)

static inline gboolean
journey_is_js_space (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x2028 || c == 0x2029
         || c == 0xFEFF || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* JavaScript's String.prototype.trim(). */
static inline char *
journey_trim (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  while (*start && journey_is_js_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && journey_is_js_space (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
    end = g_utf8_find_prev_char (start, end);
  return g_strndup (start, end - start);
}

/* The rules compiled once; they stay for the life of the process. */
static inline GRegex **
journey_regexes (void)
{
  static GRegex *regexes[G_N_ELEMENTS (journey_rules)];

  if (regexes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (journey_rules); i++)
      regexes[i] = g_regex_new (journey_rules[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
  return regexes;
}

#define JOURNEY_CODE_START "\xEF\xAC\x82\xC2\xB0"   /* "ﬂ°" */
#define JOURNEY_CODE_END "\xC2\xB6\xC3\x9F"         /* "¶ß" */

/* Mermaid's encodeEntities(): "#word;" becomes "ﬂ°word¶ß", and
 * "#123;" becomes "ﬂ°°123¶ß". */
static inline char *
journey_encode_entities (const char *text)
{
  static GRegex *entity;

  if (entity == NULL)
    entity = g_regex_new ("#(\\w+);", G_REGEX_OPTIMIZE, 0, NULL);
  return g_regex_replace (entity, text, -1, 0, JOURNEY_CODE_START "\\1" JOURNEY_CODE_END, 0, NULL);
}

/* The placeholders as the drawing shows them. */
static inline char *
journey_show (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text, *start;

  while ((start = strstr (p, JOURNEY_CODE_START)) != NULL)
    {
      const char *word = start + strlen (JOURNEY_CODE_START);
      const char *end = strstr (word, JOURNEY_CODE_END);

      if (end == NULL)
        break;
      g_string_append_len (out, p, start - p);
      if (g_ascii_isdigit (*word))
        g_string_append_unichar (out, (gunichar) g_ascii_strtoull (word, NULL, 10));
      else
        {
          g_string_append_c (out, '&');
          g_string_append_len (out, word, end - word);
          g_string_append_c (out, ';');
        }
      p = end + strlen (JOURNEY_CODE_END);
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static inline void
journey_add_task (Journey    *journey,
                  const char *section,
                  const char *name,
                  const char *data)
{
  JourneyTask *task = g_new0 (JourneyTask, 1);
  g_auto(GStrv) pieces = g_strsplit (data + 1, ":", -1);

  task->section = g_strdup (section);
  task->name = journey_show (name);
  task->score = journey_trim (pieces[0]);
  task->people = g_strsplit (pieces[1] != NULL ? pieces[1] : "", ",", -1);
  for (guint i = 0; task->people[i] != NULL; i++)
    {
      char *person = task->people[i];

      g_autofree char *trimmed = journey_trim (person);

      task->people[i] = journey_show (trimmed);
      g_free (person);
    }
  g_ptr_array_add (journey->tasks, task);
}

/* Parses @written as Mermaid would after its preprocessing (which a
 * text starting with "journey" passes unchanged but for its entity
 * codes). Returns %NULL, with
 * @problem saying where, if Mermaid would report a syntax error. */
static inline Journey *
journey_parse (const char  *written,
               char       **problem)
{
  g_autofree char *text = NULL;
  g_autoptr(Journey) journey = g_new0 (Journey, 1);
  GRegex **regexes = journey_regexes ();
  JourneyState state = JS_INITIAL;
  gsize length = 0, position = 0;
  g_autofree char *section = g_strdup ("");
  g_autofree char *task_name = NULL;
  gboolean seen_journey = FALSE, want_value = FALSE;
  guint line = 1;

  journey->sections = g_ptr_array_new_with_free_func (g_free);
  journey->tasks = g_ptr_array_new_with_free_func (journey_task_free);
  /* Mermaid trims the start of the text once comments are gone. */
  while (g_ascii_isspace (*written))
    written++;
  text = journey_encode_entities (written);
  length = strlen (text);

#define JOURNEY_FAIL(what) \
  G_STMT_START { \
    *problem = g_strdup_printf ("line %u: %s", line, what); \
    return NULL; \
  } G_STMT_END

  while (position < length)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *lexeme = NULL;
      JourneyToken token = JT_INVALID;
      int end = 0;

      for (guint i = 0; i < G_N_ELEMENTS (journey_rules); i++)
        {
          if (journey_rules[i].state != state)
            continue;
          g_clear_pointer (&match, g_match_info_free);
          if (g_regex_match_full (regexes[i], text, length, position, G_REGEX_MATCH_ANCHORED, &match, NULL))
            {
              g_match_info_fetch_pos (match, 0, NULL, &end);
              token = journey_rules[i].token;
              break;
            }
        }
      if (end <= (int) position && token != JT_ACC_VALUE)
        JOURNEY_FAIL ("the lexer is stuck");
      lexeme = g_strndup (text + position, end - position);
      position = end;

      /* The grammar: journey, then statements and line ends. */
      if (!seen_journey && token != JT_SKIP)
        {
          if (token != JT_JOURNEY)
            JOURNEY_FAIL ("expected “journey” first");
          seen_journey = TRUE;
          continue;
        }
      if (task_name != NULL && token != JT_TASK_DATA)
        JOURNEY_FAIL ("a task name without “: score”");
      if (want_value && token != JT_ACC_VALUE)
        JOURNEY_FAIL ("an accessibility keyword without a value");

      switch (token)
        {
        case JT_SKIP:
          break;
        case JT_NEWLINE:
          for (const char *p = lexeme; *p; p++)
            line++;
          break;
        case JT_TITLE:
          g_free (journey->title);
          journey->title = journey_show (g_utf8_next_char (lexeme + 5));  /* substr(6) */
          break;
        case JT_ACC_TITLE:
        case JT_ACC_DESCR:
          state = JS_ACC_VALUE;
          want_value = TRUE;
          break;
        case JT_ACC_DESCR_BLOCK:
          state = JS_ACC_BLOCK;
          break;
        case JT_ACC_VALUE:
          if (state == JS_ACC_VALUE)
            state = JS_INITIAL;
          want_value = FALSE;
          break;
        case JT_BLOCK_END:
          state = JS_INITIAL;
          break;
        case JT_SECTION:
          g_free (section);
          section = journey_show (g_utf8_next_char (lexeme + 7));         /* substr(8) */
          g_ptr_array_add (journey->sections, g_strdup (section));
          break;
        case JT_TASK_NAME:
          task_name = g_steal_pointer (&lexeme);
          break;
        case JT_TASK_DATA:
          if (task_name == NULL)
            JOURNEY_FAIL ("“: score” without a task name");
          journey_add_task (journey, section, task_name, lexeme);
          g_clear_pointer (&task_name, g_free);
          break;
        case JT_JOURNEY:
          JOURNEY_FAIL ("“journey” in the middle");
        case JT_COLON:
          JOURNEY_FAIL ("a colon with nothing after it");
        case JT_INVALID:
        default:
          JOURNEY_FAIL ("a character the lexer does not accept");
        }
    }
  if (!seen_journey)
    JOURNEY_FAIL ("no “journey”");
  if (task_name != NULL)
    JOURNEY_FAIL ("a task name without “: score” at the end");
  if (want_value)
    JOURNEY_FAIL ("an accessibility keyword without a value at the end");
#undef JOURNEY_FAIL

  *problem = NULL;
  return g_steal_pointer (&journey);
}
