/* wm-test-edits.c: random edits of a map, drawn from every kind of change
 * a user can make, for property tests: undo must restore a map exactly,
 * the canvas's tiles must show what a fresh paint would.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-document-private.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-test-edits.h"
#include "wm-test-images.h"

/* Set for the length of one wm_test_random_edit() call. */
static GRand *rng;
static WmDocument *random_clipboard;

static WmElement *
random_item (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  WmElement *element;

  if (n == 0)
    return NULL;
  element = g_list_model_get_item (list, g_rand_int_range (rng, 0, n));
  g_object_unref (element);  /* the list keeps it alive */
  return element;
}

static WmElement *
random_point (WmDocument *document,
              WmEmotionCurve **curve_out)
{
  WmEmotionCurve *curve = WM_EMOTION_CURVE (random_item (wm_document_get_emotion_curves (document)));

  if (curve_out)
    *curve_out = curve;
  return curve ? random_item (wm_emotion_curve_get_points (curve)) : NULL;
}

static const char *
random_id (WmElement *element)
{
  return element ? wm_element_get_id (element) : "missing";
}

static void
random_edit (WmDocument *document,
             guint       serial)
{
  g_autofree char *id = g_strdup_printf ("e%u", serial);
  g_autofree char *text = g_strdup_printf ("text %u", g_rand_int_range (rng, 0, 1000));
  WmElement *stage = random_item (wm_document_get_stages (document));
  WmElement *lane = random_item (wm_document_get_lanes (document));
  WmElement *card = random_item (wm_document_get_cards (document));
  WmElement *persona = random_item (wm_document_get_personas (document));
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  WmEmotionCurve *curve = NULL;
  WmElement *point = random_point (document, &curve);

  switch (g_rand_int_range (rng, 0, 36))
    {
    case 0: /* add stage */
      {
        g_autoptr(WmStage) s = g_object_new (WM_TYPE_STAGE, "id", id, "name", text, NULL);
        wm_document_insert_stage (document, s, g_rand_int_range (rng, 0, n_stages + 1));
      }
      break;
    case 1: /* add lane */
      {
        g_autoptr(WmLane) l = g_object_new (WM_TYPE_LANE, "id", id, "title", text,
                                            "kind", g_rand_int_range (rng, 0, WM_LANE_KIND_DIVIDER + 1), NULL);
        wm_document_insert_lane (document, l, 0);
      }
      break;
    case 2: case 3: case 4: /* add card */
      {
        g_autoptr(WmCard) c = g_object_new (WM_TYPE_CARD, "id", id, "stage", random_id (stage),
                                            "lane", random_id (lane), "title", text, NULL);
        wm_document_insert_card (document, c, g_rand_int_range (rng, 0, 4));
      }
      break;
    case 5: /* add persona */
      {
        g_autoptr(WmPersona) p = g_object_new (WM_TYPE_PERSONA, "id", id, "name", text, NULL);
        wm_document_insert_persona (document, p, 0);
      }
      break;
    case 6: /* add point */
      if (curve != NULL)
        {
          g_autoptr(WmEmotionPoint) p = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", random_id (stage),
                                                      "score", g_rand_int_range (rng, 1, 4), NULL);
          wm_document_insert_point (document, curve, p, 0);
        }
      break;
    case 7: /* type into a card, merging */
      if (card)
        wm_document_type_string (document, card, g_rand_boolean (rng) ? "title" : "text", text);
      break;
    case 8: /* set enum fields */
      if (card)
        wm_document_set_int (document, card, g_rand_boolean (rng) ? "quality" : "moment", g_rand_int_range (rng, 0, 4));
      break;
    case 9: /* set tags */
      if (card)
        {
          const char *tags[] = { text, "quick win", NULL };
          wm_document_set_strv (document, card, "tags", g_rand_boolean (rng) ? tags : NULL);
        }
      break;
    case 10: /* span */
      if (card)
        wm_document_set_int (document, card, "span", g_rand_int_range (rng, 1, 4));
      break;
    case 11: /* move a card */
      if (card)
        wm_document_move_card (document, WM_CARD (card), random_id (stage), random_id (lane), g_rand_int_range (rng, 0, 3));
      break;
    case 12: /* reorder stages, lanes, personas or points */
      {
        WmElement *choices[] = { stage, lane, persona, point };
        WmElement *element = choices[g_rand_int_range (rng, 0, 4)];
        if (element)
          wm_document_move (document, element, g_rand_int_range (rng, 0, 3));
      }
      break;
    case 13: /* score and position */
      if (point)
        {
          wm_document_set_int (document, point, "score", g_rand_int_range (rng, 1, 6));
          wm_document_set_double (document, point, "position", g_rand_double (rng));
        }
      break;
    case 14: /* persona fields */
      if (persona)
        {
          wm_document_set_int (document, persona, "age", g_rand_int_range (rng, -1, 90));
          wm_document_type_string (document, persona, "quote", text);
        }
      break;
    case 15: /* map fields */
      if (g_rand_boolean (rng))
        wm_document_set_int (document, WM_ELEMENT (document), "emotion-scale", g_rand_int_range (rng, 3, 8));
      else
        wm_document_set_int (document, WM_ELEMENT (document), "kind", g_rand_int_range (rng, 0, WM_MAP_KIND_CUSTOM + 1));
      break;
    case 16: /* lane fields */
      if (lane)
        {
          wm_document_set_int (document, lane, "collapsed", g_rand_boolean (rng));
          wm_document_set_int (document, lane, "kind", g_rand_int_range (rng, 0, WM_LANE_KIND_DIVIDER + 1));
        }
      break;
    case 17: /* remove a card or a point */
      wm_document_remove (document, g_rand_boolean (rng) ? card : point);
      break;
    case 18: /* remove a stage, lane or persona, rarely */
      if (g_rand_int_range (rng, 0, 4) == 0)
        {
          WmElement *choices[] = { stage, lane, persona };
          wm_document_remove (document, choices[g_rand_int_range (rng, 0, 3)]);
        }
      break;
    case 19: /* a grouped gesture */
      wm_document_begin_change (document, "Gesture");
      if (stage)
        wm_document_set_string (document, stage, "description", text);
      if (card)
        wm_document_set_string (document, card, "owner", text);
      wm_document_commit_change (document);
      break;
    case 21: /* move a few cards at once, as a drop does */
      if (card && n_stages > 0)
        {
          g_autoptr(GPtrArray) cards = g_ptr_array_new ();
          guint n_lanes = g_list_model_get_n_items (wm_document_get_lanes (document));

          for (guint k = g_rand_int_range (rng, 1, 4); k > 0; k--)
            {
              WmElement *other = random_item (wm_document_get_cards (document));

              if (!g_ptr_array_find (cards, other, NULL))
                g_ptr_array_add (cards, other);
            }
          wm_edits_move_cards (document, cards, g_rand_int_range (rng, 0, n_stages),
                               g_rand_int_range (rng, 0, MAX (n_lanes, 1)), g_rand_int_range (rng, 0, 4));
        }
      break;
    case 22: /* add a point to a persona's curve, as a click does */
      if (persona && stage)
        wm_edits_add_point (document, WM_PERSONA (persona), WM_STAGE (stage),
                            g_rand_double (rng), g_rand_int_range (rng, 1, 6));
      break;
    case 23: /* add a stage somewhere, sometimes past the end */
      wm_edits_add_stage (document, g_rand_int_range (rng, 0, n_stages + 2), g_rand_boolean (rng) ? text : NULL);
      break;
    case 24: /* add a lane somewhere, sometimes past the end */
      wm_edits_add_lane (document, g_rand_int_range (rng, 0, g_list_model_get_n_items (wm_document_get_lanes (document)) + 2),
                         g_rand_int_range (rng, 0, WM_LANE_KIND_DIVIDER + 1), g_rand_boolean (rng) ? text : NULL);
      break;
    case 25: /* add a persona somewhere, as the add button does */
      wm_edits_add_persona (document, g_rand_int_range (rng, 0, 3), g_rand_boolean (rng) ? text : NULL);
      break;
    case 26: /* drag a persona elsewhere */
      if (persona)
        wm_edits_move_persona (document, WM_PERSONA (persona), g_rand_int_range (rng, 0, 4));
      break;
    case 27: /* delete a persona, rarely */
      if (persona && g_rand_int_range (rng, 0, 3) == 0)
        wm_edits_delete_persona (document, WM_PERSONA (persona));
      break;
    case 28: /* delete a few things at once, as the Delete key does */
      {
        g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
        g_autoptr(WmCard) next = NULL;
        WmElement *choices[] = { card, card, card, point, stage, lane };

        for (guint k = g_rand_int_range (rng, 0, 4); k > 0; k--)
          {
            WmElement *element = choices[g_rand_int_range (rng, 0, G_N_ELEMENTS (choices))];

            if (element != NULL && !g_ptr_array_find (doomed, element, NULL) &&
                (WM_IS_CARD (element) || g_rand_int_range (rng, 0, 4) == 0))
              g_ptr_array_add (doomed, element);
          }
        if (wm_edits_delete (document, doomed, WM_IS_CARD (card) ? WM_CARD (card) : NULL, &next))
          g_assert_true (next == NULL || wm_document_lookup (document, wm_element_get_id (WM_ELEMENT (next))) == WM_ELEMENT (next));
      }
      break;
    case 29: /* paste another map's cards */
      {
        g_autoptr(GPtrArray) copies = wm_edits_paste (document, random_clipboard, g_rand_int_range (rng, 0, n_stages + 1),
                                                      g_rand_int_range (rng, 0, 3), g_rand_int_range (rng, 0, 4));

        g_assert_true (copies == NULL || copies->len == g_list_model_get_n_items (wm_document_get_cards (random_clipboard)));
      }
      break;
    case 30: /* paste text */
      {
        g_autoptr(GPtrArray) copies = NULL;
        g_autofree char *lines = g_strdup_printf ("%s\n\n%s %u\n", text, text, serial);

        copies = wm_edits_paste_text (document, lines, g_rand_int_range (rng, 0, n_stages + 1),
                                      g_rand_int_range (rng, 0, 3), g_rand_int_range (rng, 0, 4));
      }
      break;
    case 31: /* duplicate a card or two */
      if (card)
        {
          g_autoptr(GPtrArray) cards = g_ptr_array_new ();
          g_autoptr(GPtrArray) copies = NULL;
          WmElement *other = random_item (wm_document_get_cards (document));

          g_ptr_array_add (cards, card);
          if (other != card)
            g_ptr_array_add (cards, other);
          copies = wm_edits_duplicate_cards (document, cards, g_rand_int_range (rng, 0, n_stages + 1),
                                             g_rand_int_range (rng, 0, 3), g_rand_int_range (rng, 0, 4));
        }
      break;
    case 32: /* type a new card's title into a cell */
      wm_edits_add_card (document, g_rand_int_range (rng, 0, n_stages + 1), g_rand_int_range (rng, 0, 3),
                         g_rand_int_range (rng, 0, 4), g_rand_boolean (rng) ? text : "");
      break;
    case 33: /* give a persona a photo, or take it away */
      if (persona)
        {
          /* A real picture, as only PNG and JPEG photos load again;
           * sized by the edit so that a new photo differs. */
          g_autoptr(GBytes) photo = wm_test_png (1 + serial % 7, 1);

          wm_edits_set_persona_photo (document, WM_PERSONA (persona), g_rand_boolean (rng) ? photo : NULL, "image/png");
        }
      break;
    case 34: /* rename something in place, sometimes to nothing */
      {
        WmElement *choices[] = { stage, lane, card, persona, point };

        wm_edits_rename (document, choices[g_rand_int_range (rng, 0, G_N_ELEMENTS (choices))],
                         g_rand_boolean (rng) ? text : "");
      }
      break;
    case 35: /* move a stage or lane a place on, as their menus do */
      wm_edits_move_stage_or_lane (document, g_rand_boolean (rng) ? stage : lane, g_rand_int_range (rng, 0, 4));
      break;
    case 20: /* a cancelled gesture: nothing of it remains */
      {
        g_autofree char *before = wm_document_to_json (document, NULL);
        g_autofree char *after = NULL;
        guint steps = wm_history_get_n_undo_steps (wm_document_get_history (document));

        wm_document_begin_change (document, "Cancelled");
        for (guint k = 1; k <= 3; k++)
          random_edit (document, serial + 100000 * k);
        wm_document_abort_change (document);
        after = wm_document_to_json (document, NULL);
        g_assert_cmpstr (after, ==, before);
        g_assert_cmpuint (wm_history_get_n_undo_steps (wm_document_get_history (document)), ==, steps);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * wm_test_random_edit:
 * @rng: where the choices come from
 * @clipboard: a map whose cards are pasted by the paste edits
 * @serial: makes the ids of new elements unique
 *
 * Makes one random change to @document, as a user could.
 */
void
wm_test_random_edit (WmDocument *document,
                     GRand      *random,
                     WmDocument *clipboard,
                     guint       serial)
{
  rng = random;
  random_clipboard = clipboard;
  random_edit (document, serial);
  rng = NULL;
  random_clipboard = NULL;
}
