/* wm-layout-text.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-layout-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-layout-text.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* A copy of at most what is laid out of @text: these strings are built
 * for every paint, and copying a field of megabytes each time would cost
 * more than drawing it. */
static char *
capped_copy (const char *text)
{
  g_autofree char *capped = NULL;

  text = wm_text_cap (text, &capped);
  return capped != NULL ? g_steal_pointer (&capped) : g_strdup (text);
}

char *
wm_layout_map_title (WmDocument *document)
{
  const char *title = wm_document_get_title (document);

  return capped_copy (is_set (title) ? title : _("Untitled map"));
}

/* "CURRENT STATE · 2 PERSONAS" reads as the map's eyebrow line. */
char *
wm_layout_kind_label (WmDocument *document)
{
  const char *kind = wm_map_kind_get_display_name (wm_document_get_kind (document));

  return g_utf8_strup (kind, -1);
}

char *
wm_layout_persona_role_line (WmPersona *persona)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int age = wm_persona_get_age (persona);

  if (is_set (wm_persona_get_role (persona)))
    g_ptr_array_add (parts, capped_copy (wm_persona_get_role (persona)));
  if (age > 0)
    /* Translators: a persona's age, as in "Store manager · 42 years · Leeds" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d year", "%d years", age), age));
  if (is_set (wm_persona_get_location (persona)))
    g_ptr_array_add (parts, capped_copy (wm_persona_get_location (persona)));
  if (is_set (wm_persona_get_segment (persona)))
    g_ptr_array_add (parts, capped_copy (wm_persona_get_segment (persona)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Up to two letters from the first and last words of the name. */
char *
wm_layout_persona_initials (WmPersona *persona)
{
  const char *name = wm_persona_get_name (persona);
  g_auto(GStrv) words = NULL;
  GString *initials = g_string_new (NULL);
  guint n;

  if (!is_set (name))
    return g_string_free (initials, FALSE);
  words = g_strsplit_set (name, " \t", -1);
  n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;
  for (guint i = 0, seen = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      seen++;
      if (seen == 1 || seen == n)
        g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (words[i])));
    }

  return g_string_free (initials, FALSE);
}

char *
wm_layout_quoted (const char *text)
{
  g_autofree char *capped = capped_copy (text);

  /* Translators: quotation marks around a persona's quote or a thought */
  return g_strdup_printf (_("“%s”"), capped);
}

char *
wm_layout_stage_name (WmStage *stage,
                      guint    index)
{
  const char *name = wm_stage_get_name (stage);

  if (is_set (name))
    return capped_copy (name);
  return g_strdup_printf (_("Stage %u"), index + 1);
}

/* The small line above a stage's name: its time slot, else its number. */
char *
wm_layout_stage_eyebrow (WmStage *stage,
                         guint    index)
{
  const char *time_label = wm_stage_get_time_label (stage);

  if (is_set (time_label))
    {
      g_autofree char *capped = capped_copy (time_label);

      return g_utf8_strup (capped, -1);
    }
  return g_strdup_printf ("%02u", index + 1);
}

/* "1,200 customers · −35 %": how many reach the stage and how many were
 * lost since the previous one. */
char *
wm_layout_stage_facts (const WmStageColumn *column)
{
  int customers = wm_stage_get_customers (column->stage);
  g_autofree char *count = NULL;

  if (customers <= 0)
    return NULL;
  count = g_strdup_printf (ngettext ("%'d customer", "%'d customers", customers), customers);
  if (column->dropoff > 0.0005)
    /* Translators: customers reaching a stage, then the share lost since the previous stage */
    return g_strdup_printf (_("%s · −%.0f %%"), count, round (column->dropoff * 100));
  return g_steal_pointer (&count);
}

char *
wm_layout_lane_title (WmLane *lane)
{
  const char *title = wm_lane_get_title (lane);

  if (is_set (title))
    return capped_copy (title);
  return g_strdup (wm_lane_kind_get_display_name (wm_lane_get_kind (lane)));
}

/* Owner, metric and tags, on the card's last lines. */
char *
wm_layout_card_footer (WmCard *card)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *owner = capped_copy (wm_card_get_owner (card));
  g_autofree char *metric_name = capped_copy (wm_card_get_metric_name (card));
  g_autofree char *metric_value = capped_copy (wm_card_get_metric_value (card));
  const char * const *tags = wm_card_get_tags (card);

  if (is_set (owner))
    /* Translators: who is responsible for a card, as in "Owner: Sales" */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), owner));
  if (is_set (metric_name) && is_set (metric_value))
    g_ptr_array_add (parts, g_strdup_printf ("%s: %s", metric_name, metric_value));
  else if (is_set (metric_name) || is_set (metric_value))
    g_ptr_array_add (parts, g_strdup (is_set (metric_name) ? metric_name : metric_value));
  if (tags != NULL && tags[0] != NULL)
    {
      GString *joined = g_string_new (NULL);

      for (guint i = 0; tags[i] != NULL && joined->len < WM_TEXT_MAX_CHARS; i++)
        {
          g_autofree char *tag = capped_copy (tags[i]);

          g_string_append_printf (joined, "%s#%s", i > 0 ? " " : "", tag);
        }
      g_ptr_array_add (parts, g_string_free (joined, FALSE));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

gboolean
wm_layout_card_has_badges (WmCard *card)
{
  return is_set (wm_card_get_channel (card))
         || wm_card_get_quality (card) != WM_CARD_QUALITY_NONE
         || wm_card_get_moment (card) != WM_MOMENT_NONE
         || is_set (wm_card_get_time_label (card));
}

/**
 * wm_layout_card_description:
 * @card: a card
 *
 * What a screen reader says of a card after its name: its picture's
 * alternative text, then its details.
 *
 * Returns: (transfer full): the description, "" when there is nothing
 */
char *
wm_layout_card_description (WmCard *card)
{
  const char *alt = wm_card_get_picture_alt (card);
  const char *text = wm_card_get_text (card);
  g_autofree char *picture = NULL;

  if (wm_card_get_picture (card) == NULL)
    return g_strdup (text);
  /* Translators: a card's picture as a screen reader reads it; %s is its
   * alternative text, such as "Sketch of the pricing page" */
  picture = is_set (alt) ? g_strdup_printf (_("Picture: %s"), alt) : g_strdup (_("Picture without a description"));
  if (!is_set (text))
    return g_steal_pointer (&picture);
  /* Translators: a card's picture, then its details, for a screen reader */
  return g_strdup_printf (_("%s. %s"), picture, text);
}
