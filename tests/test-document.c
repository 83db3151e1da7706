/* test-document.c: the journey model and its undo history.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-channels.h"
#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-test-edits.h"

/* Describes every element and field of a document, in order, so that two
 * states can be compared exactly. */
static void
describe_element (GString   *out,
                  WmElement *element)
{
  guint n_props;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (element), &n_props);

  g_string_append_printf (out, "%s %s\n", G_OBJECT_TYPE_NAME (element), wm_element_get_id (element));
  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      if (g_str_equal (pspecs[i]->name, "id"))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (element), pspecs[i]->name, &value);
      if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          const char * const *strv = g_value_get_boxed (&value);
          text = strv ? g_strjoinv ("|", (char **) strv) : g_strdup ("");
        }
      else
        text = g_strdup_value_contents (&value);
      g_string_append_printf (out, "  %s=%s\n", pspecs[i]->name, text);
    }
}

static void
describe_list (GString    *out,
               GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, i);

      describe_element (out, element);
      if (WM_IS_EMOTION_CURVE (element))
        describe_list (out, wm_emotion_curve_get_points (WM_EMOTION_CURVE (element)));
    }
}

static char *
describe_document (WmDocument *document)
{
  GString *out = g_string_new (NULL);

  describe_element (out, WM_ELEMENT (document));
  describe_list (out, wm_document_get_personas (document));
  describe_list (out, wm_document_get_stages (document));
  describe_list (out, wm_document_get_lanes (document));
  describe_list (out, wm_document_get_cards (document));
  describe_list (out, wm_document_get_emotion_curves (document));

  return g_string_free (out, FALSE);
}

static WmStage *
add_stage (WmDocument *document,
           const char *id,
           const char *name)
{
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", name, NULL);

  g_assert_true (wm_document_insert_stage (document, stage, g_list_model_get_n_items (wm_document_get_stages (document))));
  return stage;
}

static WmLane *
add_lane (WmDocument *document,
          const char *id,
          WmLaneKind  kind)
{
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", id, "title", id, "kind", kind, NULL);

  g_assert_true (wm_document_insert_lane (document, lane, g_list_model_get_n_items (wm_document_get_lanes (document))));
  return lane;
}

static WmCard *
add_card (WmDocument *document,
          const char *id,
          const char *stage,
          const char *lane,
          guint       index)
{
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", id, "stage", stage, "lane", lane, "title", id, NULL);

  if (!wm_document_insert_card (document, card, index))
    return NULL;
  return card;
}

static char *
cell_titles (WmDocument *document,
             const char *stage,
             const char *lane)
{
  g_autoptr(GPtrArray) cards = wm_document_get_cell_cards (document, stage, lane);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", wm_card_get_title (g_ptr_array_index (cards, i)));

  return g_string_free (out, FALSE);
}

static void
test_fields_change_only_through_history (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  WmStage *stage = add_stage (document, "s1", "Awareness");

  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Awareness");
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (stage), "name", "Discovery"));
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Discovery");
  g_assert_true (wm_history_get_can_undo (history));

  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Awareness");
  g_assert_true (wm_history_redo (history));
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Discovery");

  /* Unknown fields, wrong types and out-of-range values are refused. */
  g_assert_false (wm_document_set_string (document, WM_ELEMENT (stage), "no-such-field", "x"));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (stage), "name", 3));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (document), "emotion-scale", 42));
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 5);
}

/* Impact, effort and status start unset, each edit is one undo step,
 * and scores outside 0 (unset) to 5 are refused. */
static void
test_priorities_are_undoable (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  WmCard *card;
  g_auto(GValue) status = G_VALUE_INIT;

  add_stage (document, "s1", "Trial");
  add_lane (document, "pains", WM_LANE_KIND_PAIN_POINTS);
  card = add_card (document, "c1", "s1", "pains", 0);
  g_assert_cmpint (wm_card_get_impact (card), ==, 0);
  g_assert_cmpint (wm_card_get_effort (card), ==, 0);
  g_assert_cmpint (wm_card_get_status (card), ==, WM_CARD_STATUS_NONE);

  g_assert_true (wm_document_set_int (document, WM_ELEMENT (card), "impact", 4));
  g_assert_true (wm_document_set_int (document, WM_ELEMENT (card), "effort", 2));
  g_value_init (&status, WM_TYPE_CARD_STATUS);
  g_value_set_enum (&status, WM_CARD_STATUS_IN_PROGRESS);
  g_assert_true (wm_document_set_value (document, WM_ELEMENT (card), "status", &status, NULL));
  g_assert_cmpint (wm_card_get_impact (card), ==, 4);
  g_assert_cmpint (wm_card_get_effort (card), ==, 2);
  g_assert_cmpint (wm_card_get_status (card), ==, WM_CARD_STATUS_IN_PROGRESS);

  g_assert_false (wm_document_set_int (document, WM_ELEMENT (card), "impact", 6));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (card), "effort", -1));
  g_assert_cmpint (wm_card_get_impact (card), ==, 4);

  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_card_get_status (card), ==, WM_CARD_STATUS_NONE);
  g_assert_cmpint (wm_card_get_effort (card), ==, 2);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_card_get_effort (card), ==, 0);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_card_get_impact (card), ==, 0);
  g_assert_true (wm_history_redo (history));
  g_assert_cmpint (wm_card_get_impact (card), ==, 4);

  /* 0 clears a score again. */
  g_assert_true (wm_document_set_int (document, WM_ELEMENT (card), "impact", 0));
  g_assert_cmpint (wm_card_get_impact (card), ==, 0);
}

/* Fields left out hold their defaults, and a field written back to its
 * default reads as it did, through undo and redo. */
static void
test_defaults_survive_writes (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  WmStage *stage = add_stage (document, "s1", "Awareness");

  g_assert_cmpstr (wm_stage_get_description (stage), ==, "");
  g_assert_cmpint (wm_stage_get_customers (stage), ==, -1);
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (stage), "description", "Finding us"));
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (stage), "description", ""));
  g_assert_cmpstr (wm_stage_get_description (stage), ==, "");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_stage_get_description (stage), ==, "Finding us");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_stage_get_description (stage), ==, "");
  g_assert_true (wm_history_redo (history));
  g_assert_cmpstr (wm_stage_get_description (stage), ==, "Finding us");
}

/* Ids read as "prefix-" and twelve lowercase hex digits. */
static void
test_generated_ids (void)
{
  g_autofree char *first = wm_element_generate_id ("card");
  g_autofree char *second = wm_element_generate_id ("card");
  g_autofree char *bare = wm_element_generate_id (NULL);

  g_assert_true (g_str_has_prefix (first, "card-"));
  g_assert_cmpuint (strlen (first), ==, 17);
  g_assert_cmpuint (strlen (bare), ==, 12);
  for (const char *p = first + 5; *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  for (const char *p = bare; *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  g_assert_cmpstr (first, !=, second);
}

static void
test_typing_merges_into_one_step (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  const char *typed[] = { "H", "He", "Hel", "Hell", "Hello" };
  guint steps_before;

  steps_before = wm_history_get_n_undo_steps (history);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_true (wm_document_type_string (document, WM_ELEMENT (document), "title", typed[i]));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps_before + 1);
  g_assert_cmpstr (wm_document_get_title (document), ==, "Hello");

  /* Typing in another field starts a new step. */
  g_assert_true (wm_document_type_string (document, WM_ELEMENT (document), "goal", "G"));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps_before + 2);

  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_document_get_title (document), ==, "");
}

static void
test_nested_transactions_are_one_step (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);

  wm_document_begin_change (document, "Add stages");
  add_stage (document, "a", "A");
  wm_document_begin_change (document, NULL);  /* nested: still one step */
  add_stage (document, "b", "B");
  wm_document_commit_change (document);
  wm_document_commit_change (document);

  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Add stages");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 0);
  g_assert_null (wm_document_lookup (document, "a"));
  g_assert_true (wm_history_redo (history));
  g_assert_nonnull (wm_document_lookup (document, "b"));
}

static void
count_change (WmHistory *history,
              guint     *count)
{
  (*count)++;
}

/* Views and autosave follow one signal for every kind of change. */
static void
test_history_signals_every_change (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  guint changes = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_change), &changes);
  add_stage (document, "a", "A");
  g_assert_cmpuint (changes, ==, 1);
  wm_document_type_string (document, WM_ELEMENT (document), "title", "T");
  wm_document_type_string (document, WM_ELEMENT (document), "title", "Tr");
  g_assert_cmpuint (changes, ==, 3);  /* merged typing still changes the map */
  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (changes, ==, 4);
  g_assert_true (wm_history_redo (history));
  g_assert_cmpuint (changes, ==, 5);
  wm_history_mark_saved (history);
  g_assert_cmpuint (changes, ==, 5);  /* saving changes nothing in the map */
  wm_document_begin_change (document, "Two stages");
  add_stage (document, "b", "B");
  add_stage (document, "c", "C");
  g_assert_cmpuint (changes, ==, 7);
  wm_document_commit_change (document);
  g_assert_cmpuint (changes, ==, 8);  /* the step is complete */
}

static void assert_indexes_agree (WmDocument *document);

/* A map with something in every list, saved, with one step to undo and
 * one to redo, as a transaction finds it in the middle of a day's work. */
static WmDocument *
busy_document (void)
{
  WmDocument *document = wm_document_new ("map");
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Ana", NULL);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e1", "stage", "s1",
                                                  "score", 4, "position", 0.25, NULL);

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_card (document, "c1", "s1", "l1", 0);
  add_card (document, "c2", "s1", "l1", 1);
  g_assert_true (wm_document_insert_persona (document, persona, 0));
  g_assert_true (wm_document_insert_point (document, wm_document_get_curve_for_persona (document, "p1"), point, 0));
  wm_document_set_string (document, WM_ELEMENT (document), "title", "Before");
  wm_document_set_string (document, WM_ELEMENT (document), "title", "Busy");
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  wm_history_mark_saved (wm_document_get_history (document));

  return document;
}

/* Many kinds of change, some made of several commands by the document itself. */
static void
change_everything (WmDocument *document)
{
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", "s3", "name", "Three", NULL);

  wm_document_type_string (document, WM_ELEMENT (document), "title", "Typed");
  g_assert_true (wm_document_insert_stage (document, stage, 0));
  g_assert_true (wm_document_move_card (document, WM_CARD (wm_document_lookup (document, "c2")), "s2", "l1", 0));
  g_assert_true (wm_document_set_emotion_scale (document, 3, NULL));
  g_assert_true (wm_document_set_double (document, wm_document_lookup (document, "e1"), "position", 0.8004587155963303));
  g_assert_true (wm_document_move (document, wm_document_lookup (document, "s2"), 0));
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, "s1")));
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, "p1")));
}

/* A committed transaction is one undo step under its name, and does not
 * absorb the typing that follows it. */
static void
test_transaction_commit_is_one_step (void)
{
  g_autoptr(WmDocument) document = busy_document ();
  WmHistory *history = wm_document_get_history (document);
  guint steps = wm_history_get_n_undo_steps (history);
  g_autofree char *before = wm_document_to_json (document, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  wm_document_begin_change (document, "Gesture");
  change_everything (document);
  wm_document_commit_change (document);
  after = wm_document_to_json (document, NULL);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Gesture");
  g_assert_false (wm_history_get_can_redo (history));

  wm_document_type_string (document, WM_ELEMENT (document), "title", "Typed more");
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 2);
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (wm_history_redo (history));
  g_clear_pointer (&undone, g_free);
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, after);
}

/* Aborting leaves the map byte for byte as it was, with the same undo and
 * redo steps, still saved; views hear that it changed back. */
static void
test_transaction_abort_restores_exactly (void)
{
  g_autoptr(WmDocument) document = busy_document ();
  WmHistory *history = wm_document_get_history (document);
  guint steps = wm_history_get_n_undo_steps (history);
  g_autofree char *before = wm_document_to_json (document, NULL);
  g_autofree char *described = describe_document (document);
  g_autofree char *aborted = NULL;
  g_autofree char *described_after = NULL;
  guint changes = 0;

  wm_document_begin_change (document, "Gesture");
  change_everything (document);
  g_assert_true (wm_history_get_dirty (history));
  g_signal_connect (history, "changed", G_CALLBACK (count_change), &changes);
  wm_document_abort_change (document);
  g_assert_cmpuint (changes, ==, 1);

  aborted = wm_document_to_json (document, NULL);
  g_assert_cmpstr (aborted, ==, before);
  described_after = describe_document (document);
  g_assert_cmpstr (described_after, ==, described);
  assert_indexes_agree (document);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  g_assert_cmpstr (wm_history_get_redo_label (history), ==, NULL);
  g_assert_true (wm_history_get_can_redo (history));
  g_assert_false (wm_history_get_dirty (history));

  /* An empty transaction, aborted or committed, is no step either. */
  wm_document_begin_change (document, "Nothing");
  wm_document_abort_change (document);
  wm_document_begin_change (document, "Nothing");
  wm_document_commit_change (document);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  g_assert_cmpuint (changes, ==, 1);
}

/* A save in the middle of a gesture wrote a state that neither the
 * gesture's end nor its cancel gives back: the map stays unsaved. */
static void
test_transaction_saved_halfway_stays_dirty (void)
{
  for (int commit = 0; commit <= 1; commit++)
    {
      g_autoptr(WmDocument) document = busy_document ();
      WmHistory *history = wm_document_get_history (document);

      wm_history_mark_saved (history);
      wm_document_begin_change (document, "Gesture");
      change_everything (document);
      wm_history_mark_saved (history);
      if (commit)
        wm_document_commit_change (document);
      else
        wm_document_abort_change (document);
      g_assert_true (wm_history_get_dirty (history));
    }
}

/* Transactions nest, counted: an inner abort reverts only the inner
 * changes, and the outer commit makes one step of the rest. */
static void
test_transaction_nested_abort (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);

  wm_document_begin_change (document, "Outer");
  add_stage (document, "a", "A");
  wm_document_begin_change (document, "Inner");
  add_stage (document, "b", "B");
  wm_document_set_string (document, wm_document_lookup (document, "a"), "name", "Changed");
  wm_document_abort_change (document);
  g_assert_true (wm_history_in_transaction (history));
  g_assert_null (wm_document_lookup (document, "b"));
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (wm_document_lookup (document, "a"))), ==, "A");
  add_stage (document, "c", "C");
  wm_document_commit_change (document);

  g_assert_false (wm_history_in_transaction (history));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Outer");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* While a gesture's transaction is open, Undo and Redo are off, say so,
 * and do nothing if called anyway (G_DEBUG=fatal-criticals holds the
 * "nothing"). */
static void
test_transaction_disables_undo (void)
{
  g_autoptr(WmDocument) document = busy_document ();
  WmHistory *history = wm_document_get_history (document);
  guint undo_notes = 0;
  guint redo_notes = 0;
  g_autofree char *during = NULL;
  g_autofree char *after_undo = NULL;

  g_assert_true (wm_history_get_can_undo (history));
  g_assert_true (wm_history_get_can_redo (history));
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &undo_notes);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify), &redo_notes);

  wm_document_begin_change (document, "Drag");
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_false (wm_history_get_can_redo (history));
  g_assert_cmpuint (undo_notes, ==, 1);
  g_assert_cmpuint (redo_notes, ==, 1);
  wm_document_set_string (document, wm_document_lookup (document, "s1"), "name", "Dragged");
  during = wm_document_to_json (document, NULL);
  g_assert_false (wm_history_undo (history));
  g_assert_false (wm_history_redo (history));
  after_undo = wm_document_to_json (document, NULL);
  g_assert_cmpstr (after_undo, ==, during);
  g_assert_cmpuint (undo_notes, ==, 1);

  /* A nested begin changes nothing more. */
  wm_document_begin_change (document, NULL);
  wm_document_commit_change (document);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpuint (undo_notes, ==, 1);

  wm_document_commit_change (document);
  g_assert_true (wm_history_get_can_undo (history));
  g_assert_false (wm_history_get_can_redo (history));
  g_assert_cmpuint (undo_notes, ==, 2);
  g_assert_cmpuint (redo_notes, ==, 1);  /* off while open, and the commit drops the redo step */
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (wm_document_lookup (document, "s1"))), ==, "One");
}

/* Several cards land together at a place in a cell, as one step named
 * for them; a cell that takes no cards refuses them all. */
static void
test_edits_move_cards (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *titles = NULL;
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "l2", WM_LANE_KIND_EMOTIONS);
  add_card (document, "a", "s1", "l1", 0);
  add_card (document, "b", "s1", "l1", 1);
  add_card (document, "c", "s1", "l1", 2);
  add_card (document, "x", "s2", "l1", 0);
  add_card (document, "y", "s2", "l1", 1);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_ptr_array_add (cards, wm_document_lookup (document, "c"));
  g_ptr_array_add (cards, wm_document_lookup (document, "a"));
  g_ptr_array_add (cards, wm_document_lookup (document, "y"));
  g_assert_false (wm_edits_move_cards (document, cards, 1, 1, 0));
  refused = wm_document_to_json (document, NULL);
  g_assert_cmpstr (refused, ==, before);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);

  /* Between x and y, counting only the cards that stay. */
  g_assert_true (wm_edits_move_cards (document, cards, 1, 0, 1));
  titles = cell_titles (document, "s2", "l1");
  g_assert_cmpstr (titles, ==, "x,c,a,y");
  g_clear_pointer (&titles, g_free);
  titles = cell_titles (document, "s1", "l1");
  g_assert_cmpstr (titles, ==, "b");
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Move 3 Cards");
  assert_indexes_agree (document);

  g_assert_true (wm_history_undo (history));
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, before);

  g_ptr_array_set_size (cards, 1);
  g_assert_true (wm_edits_move_cards (document, cards, 0, 0, 0));
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Move Card");
}

/* The edit just made is one step named @label, and undoing it saves
 * exactly @before again. */
static void
assert_one_step_undoes (WmDocument *document,
                        const char *before,
                        guint       steps_before,
                        const char *label)
{
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *undone = NULL;

  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps_before + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, label);
  assert_indexes_agree (document);
  g_assert_true (wm_history_undo (history));
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, before);
  assert_indexes_agree (document);
}

/* Redoing the step just undone saves exactly @after again. */
static void
assert_redo_gives (WmDocument *document,
                   const char *after)
{
  g_autofree char *redone = NULL;

  g_assert_true (wm_history_redo (wm_document_get_history (document)));
  redone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (redone, ==, after);
}

/* What is left when an edit is refused: the same map, and no step. */
static void
assert_unchanged (WmDocument *document,
                  const char *before,
                  guint       steps_before)
{
  g_autofree char *now = wm_document_to_json (document, NULL);

  g_assert_cmpstr (now, ==, before);
  g_assert_cmpuint (wm_history_get_n_undo_steps (wm_document_get_history (document)), ==, steps_before);
}

/* A point joins the curve of the persona it is given, whichever curve
 * was used last; a persona read without a curve gets one in the same
 * step, and a point off the map is refused. */
static void
test_edits_add_point (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) first = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Ann", NULL);
  g_autoptr(WmPersona) second = g_object_new (WM_TYPE_PERSONA, "id", "p2", "name", "Bob", NULL);
  g_autoptr(WmPersona) stranger = g_object_new (WM_TYPE_PERSONA, "id", "p3", "name", "Cy", NULL);
  g_autoptr(WmStage) elsewhere = g_object_new (WM_TYPE_STAGE, "id", "s9", "name", "Nine", NULL);
  g_autoptr(WmEmotionCurve) loaded_curve = wm_emotion_curve_new ("c1", "p1");
  WmStage *stage;
  WmEmotionPoint *point;
  WmEmotionCurve *curve;
  g_autofree char *before = NULL;
  guint steps;

  /* As read from a file: the second persona has no curve. */
  g_assert_true (wm_document_append_loaded (document, WM_ELEMENT (first)));
  g_assert_true (wm_document_append_loaded (document, WM_ELEMENT (second)));
  g_assert_true (wm_document_append_loaded (document, WM_ELEMENT (loaded_curve)));
  add_stage (document, "s1", "One");
  stage = WM_STAGE (wm_document_lookup (document, "s1"));
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_null (wm_edits_add_point (document, stranger, stage, 0.5, 3));
  g_assert_null (wm_edits_add_point (document, second, elsewhere, 0.5, 3));
  g_assert_null (wm_edits_add_point (document, second, stage, 0.5, 6));
  g_assert_null (wm_edits_add_point (document, second, stage, 0.5, 0));
  g_assert_null (wm_edits_add_point (document, second, stage, 1.5, 3));
  assert_unchanged (document, before, steps);

  point = wm_edits_add_point (document, second, stage, 0.25, 4);
  g_assert_nonnull (point);
  curve = wm_document_get_curve_for_persona (document, "p2");
  g_assert_nonnull (curve);
  g_assert_true (wm_document_get_curve_of_point (document, point) == curve);
  g_assert_cmpstr (wm_emotion_point_get_stage (point), ==, "s1");
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, 4);
  g_assert_cmpfloat (wm_emotion_point_get_position (point), ==, 0.25);
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (loaded_curve)), ==, 0);
  /* Undo takes the new curve too. */
  assert_one_step_undoes (document, before, steps, "Add Point");
  g_assert_null (wm_document_get_curve_for_persona (document, "p2"));

  point = wm_edits_add_point (document, first, stage, 0.5, 2);
  g_assert_true (wm_document_get_curve_of_point (document, point) == loaded_curve);
  g_assert_true (wm_edits_add_point (document, first, stage, 0.75, 5) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (loaded_curve)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_curves (document)), ==, 1);
}

/* Stages and lanes land where asked, named as a new one is on screen,
 * one step each; a place past the end is refused. */
static void
test_edits_add_stage_and_lane (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *before = NULL;
  WmStage *stage;
  WmLane *lane;
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_null (wm_edits_add_stage (document, 3, NULL));
  g_assert_null (wm_edits_add_lane (document, 2, WM_LANE_KIND_TEXT, NULL));
  g_assert_null (wm_edits_add_lane (document, 0, (WmLaneKind) 99, NULL));
  assert_unchanged (document, before, steps);

  stage = wm_edits_add_stage (document, 1, NULL);
  g_assert_nonnull (stage);
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "New Stage");
  g_assert_cmpint (wm_document_get_stage_index (document, wm_element_get_id (WM_ELEMENT (stage))), ==, 1);
  assert_one_step_undoes (document, before, steps, "Add Stage");

  stage = wm_edits_add_stage (document, 2, "Pay");
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Pay");
  g_assert_cmpint (wm_document_get_stage_index (document, wm_element_get_id (WM_ELEMENT (stage))), ==, 2);
  g_assert_true (wm_history_undo (history));

  lane = wm_edits_add_lane (document, 0, WM_LANE_KIND_DIVIDER, NULL);
  g_assert_nonnull (lane);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Line of Visibility");
  g_assert_true (g_list_model_get_item (wm_document_get_lanes (document), 0) == (gpointer) lane);
  g_object_unref (lane);
  assert_one_step_undoes (document, before, steps, "Add Lane");

  lane = wm_edits_add_lane (document, 1, WM_LANE_KIND_PAIN_POINTS, NULL);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, wm_lane_kind_get_display_name (WM_LANE_KIND_PAIN_POINTS));
  lane = wm_edits_add_lane (document, 2, WM_LANE_KIND_TEXT, "Notes");
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Notes");
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 2);
}

/* Personas are added in turn's colours up to the limit, moved and
 * deleted with their curves, one named step each; a persona that is
 * not the map's, or a place it cannot go, leaves no step. */
static void
test_edits_personas (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) stranger = g_object_new (WM_TYPE_PERSONA, "id", "p9", "name", "Cy", NULL);
  g_autofree char *before = NULL;
  WmPersona *ann, *bob, *third;
  guint steps;

  add_stage (document, "s1", "One");
  ann = wm_edits_add_persona (document, 0, "Ann");
  g_assert_nonnull (ann);
  bob = wm_edits_add_persona (document, 0, NULL);
  g_assert_nonnull (bob);
  g_assert_cmpstr (wm_persona_get_name (bob), ==, "New persona");
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Add Persona");
  /* Each in a colour of its own, and with a curve of its own. */
  g_assert_cmpstr (wm_persona_get_color (ann), !=, wm_persona_get_color (bob));
  g_assert_nonnull (wm_document_get_curve_for_persona (document, wm_element_get_id (WM_ELEMENT (bob))));
  g_assert_true (wm_edits_add_point (document, ann, WM_STAGE (wm_document_lookup (document, "s1")), 0.5, 3) != NULL);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_null (wm_edits_add_persona (document, 3, NULL));
  g_assert_false (wm_edits_move_persona (document, ann, 2));
  g_assert_false (wm_edits_move_persona (document, ann, 1));  /* where it is */
  g_assert_false (wm_edits_move_persona (document, stranger, 0));
  g_assert_false (wm_edits_delete_persona (document, stranger));
  assert_unchanged (document, before, steps);

  third = wm_edits_add_persona (document, 1, "Dee");
  g_assert_true (g_list_model_get_item (wm_document_get_personas (document), 1) == (gpointer) third);
  g_object_unref (third);
  assert_one_step_undoes (document, before, steps, "Add Persona");

  g_assert_true (wm_edits_move_persona (document, ann, 0));
  g_assert_true (g_list_model_get_item (wm_document_get_personas (document), 0) == (gpointer) ann);
  g_object_unref (ann);
  assert_one_step_undoes (document, before, steps, "Move Persona");

  g_assert_true (wm_edits_delete_persona (document, ann));
  g_assert_null (wm_document_get_curve_for_persona (document, wm_element_get_id (WM_ELEMENT (ann))));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_curves (document)), ==, 1);
  assert_one_step_undoes (document, before, steps, "Delete Persona");

  while (g_list_model_get_n_items (wm_document_get_personas (document)) < WM_MAX_PERSONAS)
    g_assert_nonnull (wm_edits_add_persona (document, 0, NULL));
  g_clear_pointer (&before, g_free);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);
  g_assert_null (wm_edits_add_persona (document, 0, NULL));
  assert_unchanged (document, before, steps);
}

/* Deleting cards is one step named for their number, and says where the
 * user goes next: the card after the focused one, else the one before;
 * a stage takes its cards; anything not the map's is refused. */
static void
test_edits_delete (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(WmCard) stranger = g_object_new (WM_TYPE_CARD, "id", "a", "stage", "s1", "lane", "l1", NULL);
  g_autoptr(WmCard) next = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *titles = NULL;
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_card (document, "a", "s1", "l1", 0);
  add_card (document, "b", "s1", "l1", 1);
  add_card (document, "c", "s1", "l1", 2);
  add_card (document, "d", "s1", "l1", 3);
  add_card (document, "x", "s2", "l1", 0);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_false (wm_edits_delete (document, doomed, NULL, &next));
  g_ptr_array_add (doomed, wm_document_lookup (document, "b"));
  g_ptr_array_add (doomed, stranger);
  g_assert_false (wm_edits_delete (document, doomed, NULL, &next));
  g_ptr_array_set_size (doomed, 1);
  g_ptr_array_add (doomed, document);
  g_assert_false (wm_edits_delete (document, doomed, NULL, &next));
  g_assert_null (next);
  assert_unchanged (document, before, steps);

  /* b and c go; focus was on b, so it moves on to d. */
  g_ptr_array_set_size (doomed, 1);
  g_ptr_array_add (doomed, wm_document_lookup (document, "c"));
  g_assert_true (wm_edits_delete (document, doomed, WM_CARD (wm_document_lookup (document, "b")), &next));
  g_assert_true (next == WM_CARD (wm_document_lookup (document, "d")));
  titles = cell_titles (document, "s1", "l1");
  g_assert_cmpstr (titles, ==, "a,d");
  after = wm_document_to_json (document, NULL);
  assert_one_step_undoes (document, before, steps, "Delete 2 Cards");
  assert_redo_gives (document, after);
  g_assert_true (wm_history_undo (history));
  g_clear_object (&next);

  /* At the end of the cell, focus goes back to the nearest before. */
  g_ptr_array_set_size (doomed, 0);
  g_ptr_array_add (doomed, wm_document_lookup (document, "c"));
  g_ptr_array_add (doomed, wm_document_lookup (document, "d"));
  g_assert_true (wm_edits_delete (document, doomed, WM_CARD (wm_document_lookup (document, "d")), &next));
  g_assert_true (next == WM_CARD (wm_document_lookup (document, "b")));
  g_clear_object (&next);
  assert_one_step_undoes (document, before, steps, "Delete 2 Cards");

  /* A stage and one of its cards: the card goes with the stage, and so
   * does every other card the focus could go to. */
  g_ptr_array_set_size (doomed, 0);
  g_ptr_array_add (doomed, wm_document_lookup (document, "s1"));
  g_ptr_array_add (doomed, wm_document_lookup (document, "a"));
  g_assert_true (wm_edits_delete (document, doomed, WM_CARD (wm_document_lookup (document, "a")), &next));
  g_assert_null (next);
  g_assert_null (wm_document_lookup (document, "b"));
  assert_one_step_undoes (document, before, steps, "Delete 2 Items");

  g_ptr_array_set_size (doomed, 0);
  g_ptr_array_add (doomed, wm_document_lookup (document, "a"));
  g_assert_true (wm_edits_delete (document, doomed, NULL, NULL));
  assert_one_step_undoes (document, before, steps, "Delete Card");
  g_ptr_array_set_size (doomed, 0);
  g_ptr_array_add (doomed, wm_document_lookup (document, "l1"));
  g_assert_true (wm_edits_delete (document, doomed, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, 0);
  assert_one_step_undoes (document, before, steps, "Delete Lane");
}

/* A card typed into a cell is one step; an empty title or a cell that
 * holds no cards adds nothing. */
static void
test_edits_add_card (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *before = NULL;
  g_autofree char *titles = NULL;
  WmCard *card;
  guint steps;

  add_stage (document, "s1", "One");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "l2", WM_LANE_KIND_EMOTIONS);
  add_card (document, "a", "s1", "l1", 0);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_null (wm_edits_add_card (document, 0, 0, 0, ""));
  g_assert_null (wm_edits_add_card (document, 0, 1, 0, "Feel"));
  g_assert_null (wm_edits_add_card (document, 1, 0, 0, "Nowhere"));
  assert_unchanged (document, before, steps);

  card = wm_edits_add_card (document, 0, 0, 0, "Call");
  g_assert_nonnull (card);
  titles = cell_titles (document, "s1", "l1");
  g_assert_cmpstr (titles, ==, "Call,a");
  assert_one_step_undoes (document, before, steps, "Add Card");
}

/* A photo comes with its media type in one step, and goes with it in
 * another; the same photo again is no step. */
static void
test_edits_persona_photo (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) stranger = g_object_new (WM_TYPE_PERSONA, "id", "p9", "name", "Cy", NULL);
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) same = g_bytes_new ("\x89PNG\r\n\x1a\n", 8);
  g_autofree char *before = NULL;
  g_autofree char *with_photo = NULL;
  WmPersona *ann;
  guint steps;

  ann = wm_edits_add_persona (document, 0, "Ann");
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_false (wm_edits_set_persona_photo (document, stranger, photo, "image/png"));
  g_assert_false (wm_edits_set_persona_photo (document, ann, photo, NULL));
  g_assert_false (wm_edits_set_persona_photo (document, ann, NULL, NULL));  /* has none */
  assert_unchanged (document, before, steps);

  g_assert_true (wm_edits_set_persona_photo (document, ann, photo, "image/png"));
  g_assert_cmpstr (wm_persona_get_photo_type (ann), ==, "image/png");
  g_assert_true (g_bytes_equal (wm_persona_get_photo (ann), photo));
  with_photo = wm_document_to_json (document, NULL);
  g_assert_false (wm_edits_set_persona_photo (document, ann, same, "image/png"));
  assert_unchanged (document, with_photo, steps + 1);
  assert_one_step_undoes (document, before, steps, "Change Photo");

  g_assert_true (wm_history_redo (history));
  g_assert_true (wm_edits_set_persona_photo (document, ann, NULL, "image/png"));
  g_assert_null (wm_persona_get_photo (ann));
  g_assert_cmpstr (wm_persona_get_photo_type (ann), ==, "");
  assert_one_step_undoes (document, with_photo, steps + 1, "Remove Photo");
}

/* Renaming in place is one step; a stage, lane or persona keeps its
 * name rather than lose it, while a card's title or a point's label may
 * be emptied. */
static void
test_edits_rename (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmStage) stranger = g_object_new (WM_TYPE_STAGE, "id", "s1", "name", "One", NULL);
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *before = NULL;
  WmPersona *ann;
  WmEmotionPoint *point;
  guint steps;

  add_stage (document, "s1", "One");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_card (document, "a", "s1", "l1", 0);
  ann = wm_edits_add_persona (document, 0, "Ann");
  point = wm_edits_add_point (document, ann, WM_STAGE (wm_document_lookup (document, "s1")), 0.5, 2);
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (point), "label", "Lost"));
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_false (wm_edits_rename (document, wm_document_lookup (document, "s1"), ""));
  g_assert_false (wm_edits_rename (document, wm_document_lookup (document, "l1"), ""));
  g_assert_false (wm_edits_rename (document, WM_ELEMENT (ann), ""));
  g_assert_false (wm_edits_rename (document, wm_document_lookup (document, "s1"), "One"));
  g_assert_false (wm_edits_rename (document, WM_ELEMENT (stranger), "Two"));
  g_assert_false (wm_edits_rename (document, WM_ELEMENT (document), "Map"));
  assert_unchanged (document, before, steps);

  g_assert_true (wm_edits_rename (document, wm_document_lookup (document, "s1"), "Start"));
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (wm_document_lookup (document, "s1"))), ==, "Start");
  assert_one_step_undoes (document, before, steps, "Rename");
  g_assert_true (wm_edits_rename (document, wm_document_lookup (document, "l1"), "Does"));
  assert_one_step_undoes (document, before, steps, "Rename");
  g_assert_true (wm_edits_rename (document, WM_ELEMENT (ann), "Anna"));
  assert_one_step_undoes (document, before, steps, "Rename");
  g_assert_true (wm_edits_rename (document, wm_document_lookup (document, "a"), ""));
  g_assert_cmpstr (wm_card_get_title (WM_CARD (wm_document_lookup (document, "a"))), ==, "");
  assert_one_step_undoes (document, before, steps, "Rename");
  g_assert_true (wm_edits_rename (document, WM_ELEMENT (point), ""));
  assert_one_step_undoes (document, before, steps, "Edit Label");
}

/* Stages and lanes move a place at a time from their menus, one named
 * step each; past either end, or onto themselves, they stay. */
static void
test_edits_move_stage_or_lane (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *before = NULL;
  WmElement *first, *lane;
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "l2", WM_LANE_KIND_PAIN_POINTS);
  add_card (document, "a", "s1", "l1", 0);
  first = wm_document_lookup (document, "s1");
  lane = wm_document_lookup (document, "l2");
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_false (wm_edits_move_stage_or_lane (document, first, 0));
  g_assert_false (wm_edits_move_stage_or_lane (document, first, 2));
  g_assert_false (wm_edits_move_stage_or_lane (document, first, G_MAXUINT));
  g_assert_false (wm_edits_move_stage_or_lane (document, wm_document_lookup (document, "a"), 0));
  assert_unchanged (document, before, steps);

  g_assert_true (wm_edits_move_stage_or_lane (document, first, 1));
  g_assert_cmpint (wm_document_get_stage_index (document, "s1"), ==, 1);
  assert_one_step_undoes (document, before, steps, "Move Stage");
  g_assert_true (wm_edits_move_stage_or_lane (document, lane, 0));
  g_assert_true (g_list_model_get_item (wm_document_get_lanes (document), 0) == (gpointer) lane);
  g_object_unref (lane);
  assert_one_step_undoes (document, before, steps, "Move Lane");
}

/* A map whose cards are to be pasted: two stages, and a lane named as
 * one of the target's. */
static WmDocument *
clipboard_map (void)
{
  WmDocument *clip = wm_document_new ("clipboard");
  g_autoptr(WmLane) pains = g_object_new (WM_TYPE_LANE, "id", "q1", "title", "Pains", "kind", WM_LANE_KIND_PAIN_POINTS, NULL);

  add_stage (clip, "t1", "Early");
  add_stage (clip, "t2", "Late");
  add_lane (clip, "q0", WM_LANE_KIND_CUSTOMER_ACTIONS);
  g_assert_true (wm_document_insert_lane (clip, pains, 1));
  add_card (clip, "p", "t1", "q0", 0);
  add_card (clip, "q", "t2", "q0", 0);
  add_card (clip, "r", "t1", "q1", 0);
  g_assert_true (wm_document_set_int (clip, wm_document_lookup (clip, "p"), "span", 2));
  return clip;
}

/* Pasting another map's cards puts the leftmost ones at the place given,
 * keeps how they spread over the stages, finds their lane by title,
 * shortens a span that runs off the map, and is one step; a cell that
 * holds no cards, or nothing to paste, is refused. */
static void
test_edits_paste (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmDocument) clip = clipboard_map ();
  g_autoptr(WmDocument) empty = wm_document_new ("empty");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(WmLane) pains = g_object_new (WM_TYPE_LANE, "id", "l2", "title", "Pains", "kind", WM_LANE_KIND_PAIN_POINTS, NULL);
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_stage (document, "s3", "Three");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  g_assert_true (wm_document_insert_lane (document, pains, 1));
  add_lane (document, "l3", WM_LANE_KIND_EMOTIONS);
  add_card (document, "a", "s2", "l1", 0);
  add_card (document, "b", "s2", "l1", 1);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_null (wm_edits_paste (document, empty, 0, 0, 0));
  g_assert_null (wm_edits_paste (document, clip, 0, 2, 0));   /* the emotion lane */
  g_assert_null (wm_edits_paste (document, clip, 3, 0, 0));   /* past the last stage */
  g_assert_null (wm_edits_paste (document, clip, 0, 3, 0));   /* past the last lane */
  g_assert_null (wm_edits_paste_text (document, "\n  \n", 0, 0, 0));
  assert_unchanged (document, before, steps);

  /* Between a and b of stage Two; q one stage on, r to the Pains lane. */
  copies = wm_edits_paste (document, clip, 1, 0, 1);
  g_assert_nonnull (copies);
  g_assert_cmpuint (copies->len, ==, 3);
  titles = cell_titles (document, "s2", "l1");
  g_assert_cmpstr (titles, ==, "a,p,b");
  g_clear_pointer (&titles, g_free);
  titles = cell_titles (document, "s3", "l1");
  g_assert_cmpstr (titles, ==, "q");
  g_clear_pointer (&titles, g_free);
  titles = cell_titles (document, "s2", "l2");
  g_assert_cmpstr (titles, ==, "r");
  g_assert_cmpint (wm_card_get_span (g_ptr_array_index (copies, 0)), ==, 2);
  for (guint i = 0; i < copies->len; i++)
    g_assert_null (wm_document_lookup (clip, wm_element_get_id (g_ptr_array_index (copies, i))));
  after = wm_document_to_json (document, NULL);
  assert_one_step_undoes (document, before, steps, "Paste 3 Cards");
  assert_redo_gives (document, after);
  g_assert_true (wm_history_undo (history));
  g_clear_pointer (&copies, g_ptr_array_unref);

  /* At the last stage, q stays there too and p's span shrinks to one. */
  copies = wm_edits_paste (document, clip, 2, 0, 0);
  g_assert_nonnull (copies);
  g_clear_pointer (&titles, g_free);
  titles = cell_titles (document, "s3", "l1");
  g_assert_cmpstr (titles, ==, "p,q");
  g_assert_cmpint (wm_card_get_span (g_ptr_array_index (copies, 0)), ==, 1);
  g_assert_true (wm_history_undo (history));
  g_clear_pointer (&copies, g_ptr_array_unref);

  /* Plain text: a card per line that is not blank. */
  copies = wm_edits_paste_text (document, "  Call us \n\nWait\n", 1, 0, 0);
  g_assert_nonnull (copies);
  g_clear_pointer (&titles, g_free);
  titles = cell_titles (document, "s2", "l1");
  g_assert_cmpstr (titles, ==, "Call us,Wait,a,b");
  assert_one_step_undoes (document, before, steps, "Paste 2 Cards");
  g_clear_pointer (&copies, g_ptr_array_unref);

  copies = wm_edits_paste_text (document, "Once", 0, 0, 0);
  assert_one_step_undoes (document, before, steps, "Paste Card");
}

/* Long plain text is cut off rather than flood the map. */
static void
test_edits_paste_long_text (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) copies = NULL;

  add_stage (document, "s1", "One");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  for (guint i = 0; i < 3 * WM_EDITS_MAX_TEXT_LINES; i++)
    g_string_append_printf (text, "Line %u\n", i);
  copies = wm_edits_paste_text (document, text->str, 0, 0, 0);
  g_assert_nonnull (copies);
  g_assert_cmpuint (copies->len, ==, WM_EDITS_MAX_TEXT_LINES);
  g_assert_cmpstr (wm_card_get_title (g_ptr_array_index (copies, copies->len - 1)), ==, "Line 499");
}

/* Duplicates land at the place given, all in its lane, one step; cards
 * not of the map are refused. */
static void
test_edits_duplicate (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmDocument) other = clipboard_map ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *before = NULL;
  g_autofree char *titles = NULL;
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "l2", WM_LANE_KIND_TOUCHPOINTS);
  add_card (document, "a", "s1", "l1", 0);
  add_card (document, "b", "s1", "l2", 0);
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (history);

  g_assert_null (wm_edits_duplicate_cards (document, cards, 0, 0, 0));
  g_ptr_array_add (cards, wm_document_lookup (other, "p"));
  g_assert_null (wm_edits_duplicate_cards (document, cards, 0, 0, 0));
  assert_unchanged (document, before, steps);

  g_ptr_array_set_size (cards, 0);
  g_ptr_array_add (cards, wm_document_lookup (document, "a"));
  copies = wm_edits_duplicate_cards (document, cards, 0, 0, 1);
  g_assert_cmpuint (copies->len, ==, 1);
  titles = cell_titles (document, "s1", "l1");
  g_assert_cmpstr (titles, ==, "a,a");
  assert_one_step_undoes (document, before, steps, "Duplicate Card");
  g_clear_pointer (&copies, g_ptr_array_unref);

  g_ptr_array_add (cards, wm_document_lookup (document, "b"));
  copies = wm_edits_duplicate_cards (document, cards, 1, 1, 0);
  g_assert_cmpuint (copies->len, ==, 2);
  g_clear_pointer (&titles, g_free);
  titles = cell_titles (document, "s2", "l2");
  g_assert_cmpstr (titles, ==, "a,b");
  assert_one_step_undoes (document, before, steps, "Duplicate 2 Cards");
}

static void
test_dirty_tracks_saved_point (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);

  g_assert_false (wm_history_get_dirty (history));
  wm_document_set_string (document, WM_ELEMENT (document), "title", "One");
  g_assert_true (wm_history_get_dirty (history));
  wm_history_mark_saved (history);
  g_assert_false (wm_history_get_dirty (history));

  /* Typing after a save must not merge into the saved step. */
  wm_document_type_string (document, WM_ELEMENT (document), "title", "Two");
  g_assert_true (wm_history_get_dirty (history));
  wm_history_undo (history);
  g_assert_false (wm_history_get_dirty (history));
  g_assert_cmpstr (wm_document_get_title (document), ==, "One");
  wm_history_undo (history);
  g_assert_true (wm_history_get_dirty (history));

  /* A new edit after undoing past the saved point makes it unreachable. */
  wm_document_set_string (document, WM_ELEMENT (document), "title", "Three");
  g_assert_true (wm_history_get_dirty (history));
  while (wm_history_undo (history))
    g_assert_true (wm_history_get_dirty (history));
}

static void
test_history_limit (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);

  g_assert_cmpuint (wm_history_get_limit (history), >=, 10000);
  wm_history_set_limit (history, 3);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("T%d", i);
      wm_document_set_string (document, WM_ELEMENT (document), "title", title);
    }
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 3);
  while (wm_history_undo (history))
    ;
  g_assert_cmpstr (wm_document_get_title (document), ==, "T1");
}

static void
test_cards_in_cells (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autofree char *titles = NULL;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_lane (document, "actions", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "feel", WM_LANE_KIND_EMOTIONS);

  g_assert_nonnull (add_card (document, "a", "s1", "actions", 0));
  g_assert_nonnull (add_card (document, "c", "s1", "actions", 1));
  g_assert_nonnull (add_card (document, "b", "s1", "actions", 1));
  g_assert_nonnull (add_card (document, "x", "s2", "actions", 0));

  titles = cell_titles (document, "s1", "actions");
  g_assert_cmpstr (titles, ==, "a,b,c");
  g_clear_pointer (&titles, g_free);

  /* The emotion lane and unknown cells take no cards; ids are unique. */
  g_assert_null (add_card (document, "e", "s1", "feel", 0));
  g_assert_null (add_card (document, "f", "nowhere", "actions", 0));
  g_assert_null (add_card (document, "a", "s2", "actions", 0));

  /* Moving is one step, and lands exactly where asked. */
  g_assert_true (wm_document_move_card (document, WM_CARD (wm_document_lookup (document, "c")), "s2", "actions", 0));
  titles = cell_titles (document, "s2", "actions");
  g_assert_cmpstr (titles, ==, "c,x");
  g_clear_pointer (&titles, g_free);
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  titles = cell_titles (document, "s1", "actions");
  g_assert_cmpstr (titles, ==, "a,b,c");
  g_clear_pointer (&titles, g_free);

  /* Reordering within the cell. */
  g_assert_true (wm_document_move_card (document, WM_CARD (wm_document_lookup (document, "a")), "s1", "actions", 2));
  titles = cell_titles (document, "s1", "actions");
  g_assert_cmpstr (titles, ==, "b,c,a");
}

/* A span near G_MAXINT is refused, not wrapped round into a small sum
 * that would pass (UBSan reports the overflow). */
static void
test_huge_span_is_refused (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmCard) huge = g_object_new (WM_TYPE_CARD, "id", "huge", "stage", "s2", "lane", "l",
                                         "title", "Huge", "span", G_MAXINT, NULL);
  WmCard *card;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_stage (document, "s3", "Three");
  add_lane (document, "l", WM_LANE_KIND_TOUCHPOINTS);
  card = add_card (document, "card", "s2", "l", 0);
  g_assert_nonnull (card);

  g_assert_false (wm_document_set_int (document, WM_ELEMENT (card), "span", G_MAXINT));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (card), "span", G_MAXINT - 1));
  g_assert_cmpint (wm_card_get_span (card), ==, 1);
  g_assert_true (wm_document_set_int (document, WM_ELEMENT (card), "span", 2));
  g_assert_false (wm_document_insert_card (document, huge, 0));
  g_assert_null (wm_document_lookup (document, "huge"));

  /* Removing the first stage shortens no card that starts after it. */
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, "s1")));
  g_assert_cmpint (wm_card_get_span (card), ==, 2);
}

static void
test_removing_takes_dependents (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p", "name", "Dana", NULL);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", "pt", "stage", "s2", "score", 2, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  WmEmotionCurve *curve;
  WmCard *wide;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_stage (document, "s3", "Three");
  add_lane (document, "l", WM_LANE_KIND_TOUCHPOINTS);
  g_assert_true (wm_document_insert_persona (document, persona, 0));
  curve = wm_document_get_curve_for_persona (document, "p");
  g_assert_nonnull (curve);
  g_assert_true (wm_document_insert_point (document, curve, point, 0));
  add_card (document, "in-s2", "s2", "l", 0);
  wide = add_card (document, "wide", "s1", "l", 0);
  g_assert_true (wm_document_set_int (document, WM_ELEMENT (wide), "span", 3));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (wide), "span", 4));

  before = describe_document (document);
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, "s2")));
  g_assert_null (wm_document_lookup (document, "in-s2"));
  g_assert_null (wm_document_lookup (document, "pt"));
  g_assert_cmpint (wm_card_get_span (wide), ==, 2);

  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  after_undo = describe_document (document);
  g_assert_cmpstr (before, ==, after_undo);

  g_assert_true (wm_document_remove (document, WM_ELEMENT (persona)));
  g_assert_null (wm_document_get_curve_for_persona (document, "p"));
  g_assert_null (wm_document_lookup (document, "pt"));
}

/* The stage positions and cell contents the document keeps indexed
 * agree with its lists, found the slow way. */
static void
assert_indexes_agree (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *cards = wm_document_get_cards (document);
  guint n_lanes = g_list_model_get_n_items (lanes);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpint (wm_document_get_stage_index (document, "missing"), ==, -1);
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);

      g_assert_cmpint (wm_document_get_stage_index (document, wm_element_get_id (WM_ELEMENT (stage))), ==, s);
    }

  /* Every cell that has cards, with its cards in list order... */
  for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, c);
      char *cell = g_strconcat (wm_card_get_stage (card), "\n", wm_card_get_lane (card), NULL);
      GPtrArray *in_cell = g_hash_table_lookup (expected, cell);

      if (in_cell == NULL)
        g_hash_table_insert (expected, g_strdup (cell), in_cell = g_ptr_array_new ());
      g_ptr_array_add (in_cell, card);
      g_free (cell);
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) ids = g_strsplit (key, "\n", 2);
      g_autoptr(GPtrArray) cell = wm_document_get_cell_cards (document, ids[0], ids[1]);
      GPtrArray *in_cell = value;

      g_assert_cmpuint (cell->len, ==, in_cell->len);
      for (guint i = 0; i < cell->len; i++)
        g_assert_true (g_ptr_array_index (cell, i) == g_ptr_array_index (in_cell, i));
    }

  /* ...and a cell of every stage and every lane, empty or not. */
  for (guint s = 0; n_lanes > 0 && s < MAX (g_list_model_get_n_items (stages), n_lanes); s++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, s % MAX (g_list_model_get_n_items (stages), 1));
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, s % n_lanes);
      g_autofree char *cell = NULL;
      g_autoptr(GPtrArray) found = NULL;
      GPtrArray *in_cell;

      if (stage == NULL)
        break;
      cell = g_strconcat (wm_element_get_id (WM_ELEMENT (stage)), "\n", wm_element_get_id (WM_ELEMENT (lane)), NULL);
      found = wm_document_get_cell_cards (document, wm_element_get_id (WM_ELEMENT (stage)),
                                          wm_element_get_id (WM_ELEMENT (lane)));
      in_cell = g_hash_table_lookup (expected, cell);
      g_assert_cmpuint (found->len, ==, in_cell != NULL ? in_cell->len : 0);
    }
}

static void
test_indexes_follow_edits (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  WmStage *one = add_stage (document, "s1", "One");
  g_autofree char *titles = NULL;

  add_stage (document, "s2", "Two");
  add_stage (document, "s3", "Three");
  add_lane (document, "actions", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "pains", WM_LANE_KIND_PAIN_POINTS);
  add_card (document, "a", "s1", "actions", 0);
  add_card (document, "b", "s2", "actions", 0);
  add_card (document, "c", "s2", "pains", 0);
  assert_indexes_agree (document);

  /* Moving a stage renumbers the others; undo puts them back. */
  g_assert_true (wm_document_move (document, WM_ELEMENT (one), 2));
  g_assert_cmpint (wm_document_get_stage_index (document, "s1"), ==, 2);
  g_assert_cmpint (wm_document_get_stage_index (document, "s2"), ==, 0);
  assert_indexes_agree (document);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_document_get_stage_index (document, "s1"), ==, 0);
  assert_indexes_agree (document);

  /* A stage inserted in front, then removed with its cards. */
  add_stage (document, "s0", "Zero");
  g_assert_true (wm_document_move (document, wm_document_lookup (document, "s0"), 0));
  g_assert_cmpint (wm_document_get_stage_index (document, "s3"), ==, 3);
  assert_indexes_agree (document);
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, "s2")));
  g_assert_cmpint (wm_document_get_stage_index (document, "s2"), ==, -1);
  g_assert_cmpint (wm_document_get_stage_index (document, "s3"), ==, 2);
  titles = cell_titles (document, "s2", "actions");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);
  assert_indexes_agree (document);
  g_assert_true (wm_history_undo (history));
  titles = cell_titles (document, "s2", "actions");
  g_assert_cmpstr (titles, ==, "b");
  g_clear_pointer (&titles, g_free);
  assert_indexes_agree (document);

  /* A card that changes cell without changing its place in the card
   * list, then back through undo and on again through redo. */
  g_assert_true (wm_document_move_card (document, WM_CARD (wm_document_lookup (document, "c")), "s3", "actions", 0));
  titles = cell_titles (document, "s3", "actions");
  g_assert_cmpstr (titles, ==, "c");
  g_clear_pointer (&titles, g_free);
  assert_indexes_agree (document);
  g_assert_true (wm_history_undo (history));
  titles = cell_titles (document, "s2", "pains");
  g_assert_cmpstr (titles, ==, "c");
  g_clear_pointer (&titles, g_free);
  assert_indexes_agree (document);
  g_assert_true (wm_history_redo (history));
  titles = cell_titles (document, "s3", "actions");
  g_assert_cmpstr (titles, ==, "c");
  g_clear_pointer (&titles, g_free);
  assert_indexes_agree (document);
}

static void
test_emotion_scale_clamps_scores (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p", NULL);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "stage", "s", "score", 5, NULL);

  add_stage (document, "s", "S");
  wm_document_insert_persona (document, persona, 0);
  g_assert_true (wm_document_insert_point (document, wm_document_get_curve_for_persona (document, "p"), point, 0));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (point), "score", 6));

  g_assert_true (wm_document_set_int (document, WM_ELEMENT (document), "emotion-scale", 3));
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, 3);
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, 5);
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 5);
}

/* Changing the scale keeps each point at the same height, in one step. */
static void
test_emotion_scale_rescales_scores (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p", NULL);
  WmHistory *history = wm_document_get_history (document);
  WmEmotionPoint *points[3];
  const int scores[] = { 1, 3, 5 };

  add_stage (document, "s", "S");
  wm_document_insert_persona (document, persona, 0);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "stage", "s",
                                                      "score", scores[i], NULL);

      g_assert_true (wm_document_insert_point (document, wm_document_get_curve_for_persona (document, "p"),
                                               point, i));
      points[i] = point;
    }

  g_assert_true (wm_document_set_emotion_scale (document, 7, "Change Scale"));
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 7);
  g_assert_cmpint (wm_emotion_point_get_score (points[0]), ==, 1);
  g_assert_cmpint (wm_emotion_point_get_score (points[1]), ==, 4);
  g_assert_cmpint (wm_emotion_point_get_score (points[2]), ==, 7);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Change Scale");

  g_assert_true (wm_document_set_emotion_scale (document, 3, "Change Scale"));
  g_assert_cmpint (wm_emotion_point_get_score (points[0]), ==, 1);
  g_assert_cmpint (wm_emotion_point_get_score (points[1]), ==, 2);
  g_assert_cmpint (wm_emotion_point_get_score (points[2]), ==, 3);

  g_assert_false (wm_document_set_emotion_scale (document, 3, "Change Scale"));
  g_assert_false (wm_document_set_emotion_scale (document, 11, "Change Scale"));

  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 7);
  g_assert_cmpint (wm_emotion_point_get_score (points[1]), ==, 4);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    g_assert_cmpint (wm_emotion_point_get_score (points[i]), ==, scores[i]);
}

/* Personas: at most five, each with a curve that goes and comes back
 * with it; points keep to the scale and to stages of the map. */
static void
test_personas_and_points (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) extra = g_object_new (WM_TYPE_PERSONA, "id", "p-extra", "name", "Sixth", NULL);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", "pt", "stage", "s1", "score", 2, NULL);
  WmEmotionCurve *curve;
  WmPersona *first;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  for (guint i = 0; i < WM_MAX_PERSONAS; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", id, NULL);

      g_assert_true (wm_document_insert_persona (document, persona, i));
      g_assert_nonnull (wm_document_get_curve_for_persona (document, id));
    }
  g_assert_false (wm_document_insert_persona (document, extra, 0));

  first = g_list_model_get_item (wm_document_get_personas (document), 0);
  g_object_unref (first);
  g_assert_true (wm_document_move (document, WM_ELEMENT (first), 3));
  g_assert_true (g_list_model_get_item (wm_document_get_personas (document), 3) == (gpointer) first);
  g_object_unref (first);
  g_assert_true (wm_history_undo (history));
  g_assert_true (g_list_model_get_item (wm_document_get_personas (document), 0) == (gpointer) first);
  g_object_unref (first);

  curve = wm_document_get_curve_for_persona (document, "p1");
  g_assert_true (wm_document_insert_point (document, curve, point, 0));
  g_assert_true (wm_document_get_curve_of_point (document, point) == curve);
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (point), "score", 6));
  g_assert_false (wm_document_set_string (document, WM_ELEMENT (point), "stage", "no-such-stage"));
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (point), "stage", "s2"));
  g_assert_true (wm_document_set_double (document, WM_ELEMENT (point), "position", 0.25));
  g_assert_cmpfloat (wm_emotion_point_get_position (point), ==, 0.25);

  /* Removing a persona takes its curve and points; Undo brings all back. */
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, "p1")));
  g_assert_null (wm_document_get_curve_for_persona (document, "p1"));
  g_assert_null (wm_document_lookup (document, "pt"));
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_document_get_curve_for_persona (document, "p1") == curve);
  g_assert_true (wm_document_lookup (document, "pt") == WM_ELEMENT (point));
  g_assert_cmpstr (wm_emotion_point_get_stage (point), ==, "s2");
}

/* Random edits */

static void
test_random_edits_undo_and_redo_exactly (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint undo_count = 0;

  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", "s1", "name", "One", NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "l1", "kind", WM_LANE_KIND_CUSTOMER_ACTIONS, NULL);
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Read without a curve", NULL);

  /* Start as a freshly loaded map does: content, but no history. */
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261124);
  g_autoptr(WmDocument) clipboard = clipboard_map ();

  g_assert_true (wm_document_append_loaded (document, WM_ELEMENT (stage)));
  g_assert_true (wm_document_append_loaded (document, WM_ELEMENT (lane)));
  g_assert_true (wm_document_append_loaded (document, WM_ELEMENT (persona)));
  g_assert_false (wm_document_append_loaded (document, WM_ELEMENT (lane)));
  start = wm_document_to_json (document, NULL);

  for (guint i = 0; i < 10000; i++)
    {
      wm_test_random_edit (document, rng, clipboard, i);
      if (i % 50 == 0)
        assert_indexes_agree (document);
    }
  assert_indexes_agree (document);
  end = wm_document_to_json (document, NULL);
  g_assert_cmpstr (start, !=, end);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), >, 0);

  /* Undoing everything must save exactly what the map saved before. */
  while (wm_history_undo (history))
    undo_count++;
  g_assert_cmpuint (undo_count, >, 1000);
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (start, ==, undone);
  assert_indexes_agree (document);
  g_assert_false (wm_history_get_dirty (history));

  while (wm_history_redo (history))
    ;
  redone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (end, ==, redone);
  assert_indexes_agree (document);

}

/* Whether the map, saved now, loads again: a map that saves but does not
 * load is lost work. */
static void
assert_loads_again (WmDocument *document,
                    guint       seed,
                    guint       edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) loaded = NULL;
  g_autofree char *json = NULL;
  gsize length;

  json = wm_document_to_json (document, &length);
  loaded = wm_document_load_from_data (json, length, &error);
  if (error != NULL)
    g_test_message ("seed %u, edit %u: %s", seed, edit, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

/* Random edits, undone and redone, never leave a map that cannot be
 * loaded again, whatever the order of the edits. */
static void
test_random_edits_always_load_again (void)
{
  g_autoptr(WmDocument) clipboard = clipboard_map ();

  for (guint seed = 1; seed <= 300; seed++)
    {
      g_autoptr(WmDocument) document = wm_document_new ("map");
      WmHistory *history = wm_document_get_history (document);
      g_autoptr(GRand) rng = g_rand_new_with_seed (seed);

      add_stage (document, "s1", "One");
      add_stage (document, "s2", "Two");
      add_lane (document, "l1", WM_LANE_KIND_CUSTOMER_ACTIONS);
      for (guint i = 0; i < 60; i++)
        {
          wm_test_random_edit (document, rng, clipboard, i);
          assert_loads_again (document, seed, i);
        }
      while (wm_history_undo (history))
        if (g_rand_int_range (rng, 0, 8) == 0)
          assert_loads_again (document, seed, G_MAXUINT);
      assert_loads_again (document, seed, G_MAXUINT);
      while (wm_history_redo (history))
        if (g_rand_int_range (rng, 0, 8) == 0)
          assert_loads_again (document, seed, G_MAXUINT);
      assert_loads_again (document, seed, G_MAXUINT);
    }
}

/* Moving a stage shortens, in the same undo step, a card that would
 * otherwise run past the last stage (such a map saved, then failed to
 * load); cards that still fit keep their span. */
static void
test_moving_a_stage_keeps_spans_on_the_map (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  WmCard *wide, *short_card;
  guint steps;

  add_stage (document, "s1", "One");
  add_stage (document, "s2", "Two");
  add_stage (document, "s3", "Three");
  add_lane (document, "l", WM_LANE_KIND_TOUCHPOINTS);
  wide = add_card (document, "wide", "s1", "l", 0);
  short_card = add_card (document, "short", "s1", "l", 1);
  g_assert_true (wm_document_set_int (document, WM_ELEMENT (wide), "span", 3));
  g_assert_true (wm_document_set_int (document, WM_ELEMENT (short_card), "span", 2));
  before = wm_document_to_json (document, NULL);
  steps = wm_history_get_n_undo_steps (wm_document_get_history (document));

  /* s1 becomes the middle stage: 2 stages are left from it. */
  g_assert_true (wm_edits_move_stage_or_lane (document, wm_document_lookup (document, "s1"), 1));
  g_assert_cmpint (wm_document_get_stage_index (document, "s1"), ==, 1);
  g_assert_cmpint (wm_card_get_span (wide), ==, 2);
  g_assert_cmpint (wm_card_get_span (short_card), ==, 2);
  assert_loads_again (document, 0, 0);
  after = wm_document_to_json (document, NULL);
  assert_one_step_undoes (document, before, steps, "Move Stage");
  g_assert_cmpint (wm_card_get_span (wide), ==, 3);
  assert_redo_gives (document, after);

  /* The last stage: 1 is left. */
  g_assert_true (wm_document_move (document, wm_document_lookup (document, "s1"), 2));
  g_assert_cmpint (wm_card_get_span (wide), ==, 1);
  g_assert_cmpint (wm_card_get_span (short_card), ==, 1);
  assert_loads_again (document, 0, 0);
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_cmpint (wm_card_get_span (wide), ==, 2);

  /* Moving another stage in front of it moves the card on as well. */
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_true (wm_document_move (document, wm_document_lookup (document, "s3"), 0));
  g_assert_cmpint (wm_document_get_stage_index (document, "s1"), ==, 1);
  g_assert_cmpint (wm_card_get_span (wide), ==, 2);
  assert_loads_again (document, 0, 0);
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_clear_pointer (&after, g_free);
  after = wm_document_to_json (document, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Fields are set as an element is made, or before it joins a map; from
 * then on g_object_set() cannot change them behind the history's back. */
static void
test_fields_are_sealed_in_a_document (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", "c", "stage", "s", "lane", "l", NULL);

  add_stage (document, "s", "One");
  add_lane (document, "l", WM_LANE_KIND_TOUCHPOINTS);
  g_object_set (card, "title", "Before", NULL);
  g_assert_cmpstr (wm_card_get_title (card), ==, "Before");
  g_assert_true (wm_document_insert_card (document, card, 0));

  g_test_expect_message ("wm-element", G_LOG_LEVEL_CRITICAL, "*changes only through its document*");
  g_object_set (card, "title", "Behind its back", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (wm_card_get_title (card), ==, "Before");

  /* Still so once removed, as undo may bring it back. */
  g_assert_true (wm_document_remove (document, WM_ELEMENT (card)));
  g_test_expect_message ("wm-element", G_LOG_LEVEL_CRITICAL, "*changes only through its document*");
  g_object_set (card, "title", "Behind its back", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (wm_card_get_title (card), ==, "Before");
}

static void
test_channels_match_the_format (void)
{
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "data", "format", "file-format.md", NULL);
  g_autofree char *doc = NULL;
  const WmChannel *channels;
  guint n_channels;

  g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
  channels = wm_channels_get_all (&n_channels);
  g_assert_cmpuint (n_channels, >=, 15);
  for (guint i = 0; i < n_channels; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("`%s`", channels[i].id);

      /* Every id the app offers is documented for other tools. */
      g_assert_nonnull (strstr (doc, quoted));
      g_assert_true (wm_channel_lookup (channels[i].id) == &channels[i]);
    }

  g_assert_cmpstr (wm_channel_get_display_name ("mobile-app"), ==, "Mobile app");
  g_assert_cmpstr (wm_channel_get_display_name ("Carrier pigeon"), ==, "Carrier pigeon");
  g_assert_null (wm_channel_lookup ("Carrier pigeon"));
}

static void
test_document_is_finalized (void)
{
  WmDocument *document = wm_document_new (NULL);

  add_stage (document, NULL, "One");
  add_lane (document, NULL, WM_LANE_KIND_TEXT);
  wm_document_set_string (document, WM_ELEMENT (document), "title", "Gone");
  g_assert_finalize_object (document);
}

static void
count_signal (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              guint      *count)
{
  (*count)++;
}

/* A loaded map's elements are known by id as they are read, and join
 * their lists a run at a time, in file order: a view of the list hears
 * of a run once, not once per element. */
static void
test_add_loaded (void)
{
  g_autoptr(WmDocument) document = wm_document_new ("map");
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WmStage) again = g_object_new (WM_TYPE_STAGE, "id", "s2", NULL);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  guint stage_signals = 0;
  const char *stage_ids[] = { "s1", "s2", "s3", "s4" };

  g_signal_connect (stages, "items-changed", G_CALLBACK (count_signal), &stage_signals);
  g_ptr_array_add (elements, g_object_new (WM_TYPE_STAGE, "id", "s1", NULL));
  g_ptr_array_add (elements, g_object_new (WM_TYPE_STAGE, "id", "s2", NULL));
  g_ptr_array_add (elements, g_object_new (WM_TYPE_STAGE, "id", "s3", NULL));
  g_ptr_array_add (elements, g_object_new (WM_TYPE_LANE, "id", "l1", NULL));
  g_ptr_array_add (elements, g_object_new (WM_TYPE_STAGE, "id", "s4", NULL));
  for (guint i = 0; i < elements->len; i++)
    g_assert_true (wm_document_index_loaded (document, g_ptr_array_index (elements, i)));

  /* Known by id at once, in no list yet; an id is still used once. */
  g_assert_true (wm_document_lookup (document, "s3") == g_ptr_array_index (elements, 2));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 0);
  g_assert_false (wm_document_index_loaded (document, WM_ELEMENT (again)));

  wm_document_add_loaded (document, elements);
  g_assert_cmpuint (stage_signals, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (stage_ids); i++)
    {
      g_autoptr(WmElement) stage = g_list_model_get_item (stages, i);

      g_assert_cmpstr (wm_element_get_id (stage), ==, stage_ids[i]);
      g_assert_cmpint (wm_document_get_stage_index (document, stage_ids[i]), ==, (int) i);
    }
  g_signal_handlers_disconnect_by_func (stages, count_signal, &stage_signals);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/fields-change-only-through-history", test_fields_change_only_through_history);
  g_test_add_func ("/document/defaults-survive-writes", test_defaults_survive_writes);
  g_test_add_func ("/document/priorities-are-undoable", test_priorities_are_undoable);
  g_test_add_func ("/document/generated-ids", test_generated_ids);
  g_test_add_func ("/document/typing-merges-into-one-step", test_typing_merges_into_one_step);
  g_test_add_func ("/document/nested-transactions-are-one-step", test_nested_transactions_are_one_step);
  g_test_add_func ("/document/huge-span-is-refused", test_huge_span_is_refused);
  g_test_add_func ("/document/history-signals-every-change", test_history_signals_every_change);
  g_test_add_func ("/document/transaction-commit-is-one-step", test_transaction_commit_is_one_step);
  g_test_add_func ("/document/transaction-abort-restores-exactly", test_transaction_abort_restores_exactly);
  g_test_add_func ("/document/transaction-nested-abort", test_transaction_nested_abort);
  g_test_add_func ("/document/transaction-saved-halfway-stays-dirty", test_transaction_saved_halfway_stays_dirty);
  g_test_add_func ("/document/transaction-disables-undo", test_transaction_disables_undo);
  g_test_add_func ("/document/edits-move-cards", test_edits_move_cards);
  g_test_add_func ("/document/edits-add-point", test_edits_add_point);
  g_test_add_func ("/document/edits-add-stage-and-lane", test_edits_add_stage_and_lane);
  g_test_add_func ("/document/edits-personas", test_edits_personas);
  g_test_add_func ("/document/edits-delete", test_edits_delete);
  g_test_add_func ("/document/edits-add-card", test_edits_add_card);
  g_test_add_func ("/document/edits-rename", test_edits_rename);
  g_test_add_func ("/document/edits-move-stage-or-lane", test_edits_move_stage_or_lane);
  g_test_add_func ("/document/edits-persona-photo", test_edits_persona_photo);
  g_test_add_func ("/document/edits-paste", test_edits_paste);
  g_test_add_func ("/document/edits-paste-long-text", test_edits_paste_long_text);
  g_test_add_func ("/document/edits-duplicate", test_edits_duplicate);
  g_test_add_func ("/document/dirty-tracks-saved-point", test_dirty_tracks_saved_point);
  g_test_add_func ("/document/history-limit", test_history_limit);
  g_test_add_func ("/document/cards-in-cells", test_cards_in_cells);
  g_test_add_func ("/document/removing-takes-dependents", test_removing_takes_dependents);
  g_test_add_func ("/document/indexes-follow-edits", test_indexes_follow_edits);
  g_test_add_func ("/document/emotion-scale-clamps-scores", test_emotion_scale_clamps_scores);
  g_test_add_func ("/document/emotion-scale-rescales-scores", test_emotion_scale_rescales_scores);
  g_test_add_func ("/document/personas-and-points", test_personas_and_points);
  g_test_add_func ("/document/random-edits-undo-and-redo-exactly", test_random_edits_undo_and_redo_exactly);
  g_test_add_func ("/document/random-edits-always-load-again", test_random_edits_always_load_again);
  g_test_add_func ("/document/moving-a-stage-keeps-spans-on-the-map", test_moving_a_stage_keeps_spans_on_the_map);
  g_test_add_func ("/document/fields-are-sealed-in-a-document", test_fields_are_sealed_in_a_document);
  g_test_add_func ("/document/channels-match-the-format", test_channels_match_the_format);
  g_test_add_func ("/document/is-finalized", test_document_is_finalized);
  g_test_add_func ("/document/add-loaded", test_add_loaded);

  return g_test_run ();
}
