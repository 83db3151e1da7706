/* test-health.c: the health check: each rule fires on the map it is
 * about, and stays quiet on a healthy one.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-card.h"
#include "wm-edits.h"
#include "wm-health.h"
#include "wm-test-images.h"

/* --- Building maps ------------------------------------------------------ */

static void
add_stage (WmDocument *document,
           const char *id,
           const char *name,
           int         customers)
{
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", name, "customers", customers, NULL);

  g_assert_true (wm_document_insert_stage (document, stage, g_list_model_get_n_items (wm_document_get_stages (document))));
}

static void
add_lane (WmDocument *document,
          const char *id,
          const char *title,
          WmLaneKind  kind)
{
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", id, "title", title, "kind", kind, NULL);

  g_assert_true (wm_document_insert_lane (document, lane, g_list_model_get_n_items (wm_document_get_lanes (document))));
}

static WmCard *
add_card (WmDocument *document,
          const char *id,
          const char *stage,
          const char *lane,
          const char *title,
          const char *owner)
{
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", id, "stage", stage, "lane", lane,
                                         "title", title, "owner", owner, NULL);

  g_assert_true (wm_document_insert_card (document, card, 0));
  return card;
}

static void
add_persona (WmDocument *document,
             const char *id,
             const char *name,
             const char *goal)
{
  const char *goals[] = { goal, NULL };
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", name,
                                               "goals", goal != NULL ? goals : NULL, NULL);

  g_assert_true (wm_document_insert_persona (document, persona, 0));
}

static void
add_point (WmDocument *document,
           const char *persona,
           const char *id,
           const char *stage)
{
  WmEmotionCurve *curve = wm_document_get_curve_for_persona (document, persona);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", stage, "score", 3, NULL);

  if (curve == NULL)
    {
      g_autoptr(WmEmotionCurve) new_curve = wm_emotion_curve_new (NULL, persona);

      g_assert_true (wm_document_insert_curve (document, new_curve));
      curve = new_curve;
    }
  g_assert_true (wm_document_insert_point (document, curve, point,
                                           g_list_model_get_n_items (wm_emotion_curve_get_points (curve))));
}

static void
set_status (WmDocument   *document,
            const char   *id,
            WmCardStatus  status)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, WM_TYPE_CARD_STATUS);
  g_value_set_enum (&value, status);
  g_assert_true (wm_document_set_value (document, wm_document_lookup (document, id), "status", &value, NULL));
}

static void
set_kind (WmDocument *document,
          WmMapKind   kind)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, WM_TYPE_MAP_KIND);
  g_value_set_enum (&value, kind);
  g_assert_true (wm_document_set_value (document, WM_ELEMENT (document), "kind", &value, NULL));
}

static void
set_string (WmDocument *document,
            const char *id,
            const char *field,
            const char *value)
{
  g_assert_true (wm_document_set_string (document, wm_document_lookup (document, id), field, value));
}

static void
set_int (WmDocument *document,
         const char *id,
         const char *field,
         int         value)
{
  g_assert_true (wm_document_set_int (document, wm_document_lookup (document, id), field, value));
}

static void
remove_element (WmDocument *document,
                const char *id)
{
  g_assert_true (wm_document_remove (document, wm_document_lookup (document, id)));
}

/* A current-state map no rule finds fault with: two stages with fewer
 * customers in the second, an action, a pain point with its owned
 * opportunity in each, and a persona with goals and a full curve. */
static WmDocument *
healthy_map (void)
{
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "map", "title", "Buying a bike",
                                       "goal", "Find where buyers give up", "kind", WM_MAP_KIND_CURRENT_STATE, NULL);

  add_stage (document, "s1", "Trial", 1000);
  add_stage (document, "s2", "Buy", 400);
  add_lane (document, "acts", "Actions", WM_LANE_KIND_CUSTOMER_ACTIONS);
  add_lane (document, "pains", "Pains", WM_LANE_KIND_PAIN_POINTS);
  add_lane (document, "opps", "Ideas", WM_LANE_KIND_OPPORTUNITIES);
  add_lane (document, "feel", "Feelings", WM_LANE_KIND_EMOTIONS);
  add_lane (document, "line", "Line of visibility", WM_LANE_KIND_DIVIDER);
  add_card (document, "a1", "s1", "acts", "Tries the app", NULL);
  add_card (document, "a2", "s2", "acts", "Pays", NULL);
  add_card (document, "pain1", "s1", "pains", "Slow setup", NULL);
  add_card (document, "pain2", "s2", "pains", "Hidden fees", NULL);
  add_card (document, "opp1", "s1", "opps", "Setup wizard", "Onboarding team");
  add_card (document, "opp2", "s2", "opps", "Show the full price", "Pricing");
  add_persona (document, "p1", "Ana", "Ride to work");
  add_point (document, "p1", "e1", "s1");
  add_point (document, "p1", "e2", "s2");
  return document;
}

/* --- Reading findings --------------------------------------------------- */

static GPtrArray *
check (WmDocument *document)
{
  static const char *hints[] = { "What does the customer do here?", NULL };

  return wm_health_check (document, hints);
}

/* The findings of @rule, as "element: message" lines. */
static char *
findings_of (WmDocument *document,
             const char *rule)
{
  g_autoptr(GPtrArray) findings = check (document);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (wm_health_lookup_rule (rule));
  for (guint i = 0; i < findings->len; i++)
    {
      WmHealthFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->rule->id, rule))
        g_string_append_printf (out, "%s%s: %s", out->len > 0 ? "\n" : "", finding->element_id, finding->message);
    }
  return g_string_free (out, FALSE);
}

#define assert_findings(document, rule, expected) \
  G_STMT_START { \
    g_autofree char *found_ = findings_of ((document), (rule)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

/* --- Tests -------------------------------------------------------------- */

/* Every rule has its test below. */
static const char *tested_rules[] = {
  "no-persona", "no-goal", "stage-without-name", "stage-without-action", "pain-point-without-opportunity",
  "stage-without-emotion", "persona-without-curve", "persona-without-goals", "opportunity-without-owner",
  "future-card-unassigned", "priority-without-owner", "too-many-priorities", "empty-lane",
  "stage-too-detailed", "customers-increase", "template-hint", "card-without-title", NULL
};

static void
test_rules_are_described (void)
{
  guint n_rules;
  const WmHealthRule *rules = wm_health_get_rules (&n_rules);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_rules, >=, 12);
  for (guint i = 0; i < n_rules; i++)
    {
      g_assert_nonnull (rules[i].id);
      g_assert_true (g_hash_table_add (ids, (gpointer) rules[i].id));
      g_assert_cmpuint (strlen (rules[i].explanation), >, 20);
      g_assert_cmpuint (strlen (rules[i].hint), >, 10);
      g_assert_true (wm_health_lookup_rule (rules[i].id) == &rules[i]);
      if (!g_strv_contains (tested_rules, rules[i].id))
        g_error ("rule %s has no test", rules[i].id);
    }
  g_assert_cmpuint (g_strv_length ((char **) tested_rules), ==, n_rules);
  g_assert_null (wm_health_lookup_rule ("no-such-rule"));
}

static void
test_healthy_map_has_no_findings (void)
{
  g_autoptr(WmDocument) document = healthy_map ();
  g_autoptr(GPtrArray) findings = check (document);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s", ((WmHealthFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_no_persona (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  remove_element (document, "p1");
  assert_findings (document, "no-persona", "map: map has no persona");
}

static void
test_no_goal (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_string (document, "map", "goal", " \n ");
  assert_findings (document, "no-goal", "map: map has no goal");
}

static void
test_stage_without_name (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_string (document, "s2", "name", "");
  assert_findings (document, "stage-without-name", "s2: stage 2 has no name");
  /* Other findings then name the stage by its place. */
  remove_element (document, "opp2");
  assert_findings (document, "pain-point-without-opportunity", "pain2: stage 2: pain point “Hidden fees” has no opportunity");
}

static void
test_stage_without_action (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  remove_element (document, "a2");
  assert_findings (document, "stage-without-action", "s2: stage “Buy”: no customer action or touchpoint");

  /* A touchpoint will do, and so will an action spanning both stages. */
  add_lane (document, "tps", "Touchpoints", WM_LANE_KIND_TOUCHPOINTS);
  add_card (document, "t2", "s2", "tps", "Checkout page", NULL);
  assert_findings (document, "stage-without-action", "");
  remove_element (document, "t2");
  remove_element (document, "tps");
  set_int (document, "a1", "span", 2);
  assert_findings (document, "stage-without-action", "");

  /* A map with no lane for them at all is told once. */
  remove_element (document, "acts");
  assert_findings (document, "stage-without-action", "map: map has no lane for customer actions or touchpoints");
}

static void
test_pain_point_without_opportunity (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  remove_element (document, "opp2");
  assert_findings (document, "pain-point-without-opportunity",
                   "pain2: stage “Buy”: pain point “Hidden fees” has no opportunity");

  /* A dropped opportunity fixes nothing; one spanning the stage does. */
  add_card (document, "opp3", "s2", "opps", "Price on the first page", "Pricing");
  set_status (document, "opp3", WM_CARD_STATUS_DROPPED);
  assert_findings (document, "pain-point-without-opportunity",
                   "pain2: stage “Buy”: pain point “Hidden fees” has no opportunity");
  set_int (document, "opp1", "span", 2);
  assert_findings (document, "pain-point-without-opportunity", "");

  /* A pain point already dealt with needs none. */
  set_int (document, "opp1", "span", 1);
  set_status (document, "pain2", WM_CARD_STATUS_DONE);
  assert_findings (document, "pain-point-without-opportunity", "");
}

static void
test_stage_without_emotion (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  remove_element (document, "e2");
  assert_findings (document, "stage-without-emotion", "s2: stage “Buy”: no emotion point for persona “Ana”");
  /* A stage added later is a gap too. */
  add_stage (document, "s3", "Ride", 0);
  add_card (document, "a3", "s3", "acts", "Rides", NULL);
  assert_findings (document, "stage-without-emotion",
                   "s2: stage “Buy”: no emotion point for persona “Ana”\n"
                   "s3: stage “Ride”: no emotion point for persona “Ana”");
}

static void
test_persona_without_curve (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  add_persona (document, "p2", "Ben", "Save money");
  assert_findings (document, "persona-without-curve", "p2: persona “Ben” has no emotion curve");
  /* With no emotion lane there is nowhere to draw one. */
  remove_element (document, "feel");
  assert_findings (document, "persona-without-curve", "");
}

static void
test_persona_without_goals (void)
{
  g_autoptr(WmDocument) document = healthy_map ();
  const char *blank[] = { "  ", NULL };

  g_assert_true (wm_document_set_strv (document, wm_document_lookup (document, "p1"), "goals", blank));
  assert_findings (document, "persona-without-goals", "p1: persona “Ana” has no goals");
  /* A template's persona has only a hint for a name: the finding says
   * which persona as the map does, not with empty quotes. */
  g_assert_true (wm_document_set_string (document, wm_document_lookup (document, "p1"), "name", ""));
  assert_findings (document, "persona-without-goals", "p1: persona “Unnamed persona” has no goals");
}

static void
test_opportunity_without_owner (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_string (document, "opp1", "owner", "");
  assert_findings (document, "opportunity-without-owner", "opp1: stage “Trial”: opportunity “Setup wizard” has no owner");
  set_status (document, "opp1", WM_CARD_STATUS_DROPPED);
  assert_findings (document, "opportunity-without-owner", "");
}

static void
test_future_card_unassigned (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_kind (document, WM_MAP_KIND_FUTURE_STATE);
  add_lane (document, "ours", "We do", WM_LANE_KIND_COMPANY_ACTIONS);
  add_card (document, "c1", "s1", "ours", "Call within a day", NULL);
  set_string (document, "opp2", "owner", "");
  assert_findings (document, "future-card-unassigned",
                   "opp1: stage “Trial”: “Setup wizard” has no status\n"
                   "opp2: stage “Buy”: “Show the full price” has no owner or status\n"
                   "c1: stage “Trial”: “Call within a day” has no owner or status");
  /* Said once, not again as an opportunity without owner. */
  assert_findings (document, "opportunity-without-owner", "");

  set_status (document, "opp1", WM_CARD_STATUS_PLANNED);
  set_status (document, "opp2", WM_CARD_STATUS_IDEA);
  set_string (document, "c1", "owner", "Support");
  set_status (document, "c1", WM_CARD_STATUS_IN_PROGRESS);
  assert_findings (document, "future-card-unassigned", "opp2: stage “Buy”: “Show the full price” has no owner");

  /* Pain points are not planned changes, and a current-state map is no plan. */
  set_string (document, "opp2", "owner", "Pricing");
  assert_findings (document, "future-card-unassigned", "");
  set_kind (document, WM_MAP_KIND_CURRENT_STATE);
  set_string (document, "c1", "owner", "");
  assert_findings (document, "future-card-unassigned", "");
}

static void
test_priority_without_owner (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_int (document, "pain1", "impact", 3);
  assert_findings (document, "priority-without-owner", "");
  set_int (document, "pain1", "impact", 4);
  assert_findings (document, "priority-without-owner", "pain1: stage “Trial”: top-priority “Slow setup” has no owner");
  set_status (document, "pain1", WM_CARD_STATUS_DONE);
  assert_findings (document, "priority-without-owner", "");
  set_status (document, "pain1", WM_CARD_STATUS_PLANNED);
  set_string (document, "pain1", "owner", "Product");
  assert_findings (document, "priority-without-owner", "");
}

static void
test_too_many_priorities (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("top%u", i);

      add_card (document, id, "s1", "opps", "Important", "Product");
      set_int (document, id, "impact", i % 2 == 0 ? 4 : 5);
    }
  assert_findings (document, "too-many-priorities",
                   "map: 6 open items have an impact of 4 or more; pick at most 5");
  set_status (document, "top0", WM_CARD_STATUS_DONE);
  assert_findings (document, "too-many-priorities", "");
  set_status (document, "top0", WM_CARD_STATUS_IN_PROGRESS);
  set_int (document, "top1", "impact", 3);
  assert_findings (document, "too-many-priorities", "");
}

static void
test_empty_lane (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  add_lane (document, "thoughts", "Thoughts", WM_LANE_KIND_THOUGHTS);
  assert_findings (document, "empty-lane", "thoughts: lane “Thoughts” has no cards");
  add_card (document, "q1", "s2", "thoughts", "Is this safe?", NULL);
  assert_findings (document, "empty-lane", "");
}

static void
test_stage_too_detailed (void)
{
  g_autoptr(WmDocument) document = healthy_map ();
  g_autofree char *expected = NULL;

  /* Three cards start in Trial already. */
  for (guint i = 3; i < WM_HEALTH_MAX_STAGE_CARDS; i++)
    {
      g_autofree char *id = g_strdup_printf ("more%u", i);

      add_card (document, id, "s1", "acts", "Clicks around", NULL);
    }
  assert_findings (document, "stage-too-detailed", "");
  add_card (document, "last", "s1", "acts", "Clicks again", NULL);
  expected = g_strdup_printf ("s1: stage “Trial”: %d cards; more than %d is hard to read",
                              WM_HEALTH_MAX_STAGE_CARDS + 1, WM_HEALTH_MAX_STAGE_CARDS);
  assert_findings (document, "stage-too-detailed", expected);
}

static void
test_customers_increase (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_int (document, "s2", "customers", 1200);
  assert_findings (document, "customers-increase",
                   "s2: stage “Buy”: 1200 customers, more than the 1000 of stage “Trial”");

  /* A stage without a count is skipped, not taken for zero. */
  set_int (document, "s2", "customers", 0);
  add_stage (document, "s3", "Ride", 300);
  add_card (document, "a3", "s3", "acts", "Rides", NULL);
  add_point (document, "p1", "e3", "s3");
  assert_findings (document, "customers-increase", "");
  set_int (document, "s3", "customers", 1001);
  assert_findings (document, "customers-increase",
                   "s3: stage “Ride”: 1001 customers, more than the 1000 of stage “Trial”");
}

static void
test_template_hint (void)
{
  g_autoptr(WmDocument) document = healthy_map ();
  g_autoptr(GPtrArray) without_hints = NULL;

  set_string (document, "pain1", "title", "What does the customer do here?");
  assert_findings (document, "template-hint", "pain1: stage “Trial”: “What does the customer do here?” is still the template’s hint");
  /* The placeholder draws no other finding. */
  remove_element (document, "opp1");
  assert_findings (document, "pain-point-without-opportunity", "");

  without_hints = wm_health_check (document, NULL);
  for (guint i = 0; i < without_hints->len; i++)
    g_assert_cmpstr (((WmHealthFinding *) g_ptr_array_index (without_hints, i))->rule->id, !=, "template-hint");
}

/* A card that only shows a template's hint is empty: it says so once,
 * and fills no lane and covers no stage. */
static void
test_hint_only_card_is_empty (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_string (document, "a2", "title", "");
  set_string (document, "a2", "hint-title", "What does the customer do here?");
  assert_findings (document, "template-hint",
                   "a2: stage “Buy”: a card in lane “Actions” is still empty (hint: “What does the customer do here?”)");
  assert_findings (document, "card-without-title", "");
  assert_findings (document, "stage-without-action", "s2: stage “Buy”: no customer action or touchpoint");

  remove_element (document, "a1");
  assert_findings (document, "empty-lane", "acts: lane “Actions” has no cards");

  /* A picture is content too: a storyboard card may have no words. */
  {
    g_autoptr(GBytes) picture = wm_test_png (8, 6);

    g_assert_true (wm_edits_set_card_picture (document, WM_CARD (wm_document_lookup (document, "a2")), picture,
                                              "image/png"));
    assert_findings (document, "template-hint", "");
    g_assert_true (wm_edits_set_card_picture (document, WM_CARD (wm_document_lookup (document, "a2")), NULL, NULL));
  }

  /* What the user writes is content, hint or not. */
  set_string (document, "a2", "title", "Pays");
  assert_findings (document, "template-hint", "");
  assert_findings (document, "stage-without-action", "s1: stage “Trial”: no customer action or touchpoint");
}

static void
test_card_without_title (void)
{
  g_autoptr(WmDocument) document = healthy_map ();

  set_string (document, "a2", "title", "  ");
  assert_findings (document, "card-without-title", "a2: stage “Buy”: a card in lane “Actions” has no title");
}

/* Findings quote the first line of a title, cut to a readable length. */
static void
test_long_titles_are_cut (void)
{
  g_autoptr(WmDocument) document = healthy_map ();
  g_autofree char *long_title = g_strnfill (100, 'x');
  g_autofree char *cut = g_strnfill (59, 'x');
  g_autofree char *expected = g_strdup_printf ("opp1: stage “Trial”: opportunity “%s…” has no owner", cut);

  set_string (document, "opp1", "owner", "");
  set_string (document, "opp1", "title", long_title);
  assert_findings (document, "opportunity-without-owner", expected);
  set_string (document, "opp1", "title", "Setup wizard\nwith three steps");
  assert_findings (document, "opportunity-without-owner", "opp1: stage “Trial”: opportunity “Setup wizard” has no owner");
}

/* Moving cards and stages is seen by the next check: the stage
 * positions it reads are the document's, kept up to date. */
static void
test_follows_edits (void)
{
  g_autoptr(WmDocument) document = healthy_map ();
  WmCard *opp2 = WM_CARD (wm_document_lookup (document, "opp2"));

  g_assert_true (wm_document_move_card (document, opp2, "s1", "opps", 0));
  assert_findings (document, "pain-point-without-opportunity",
                   "pain2: stage “Buy”: pain point “Hidden fees” has no opportunity");
  g_assert_true (wm_document_move (document, wm_document_lookup (document, "s2"), 0));
  assert_findings (document, "customers-increase", "s1: stage “Trial”: 1000 customers, more than the 400 of stage “Buy”");
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  assert_findings (document, "pain-point-without-opportunity", "");
  assert_findings (document, "customers-increase", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/rules-are-described", test_rules_are_described);
  g_test_add_func ("/health/healthy-map-has-no-findings", test_healthy_map_has_no_findings);
  g_test_add_func ("/health/no-persona", test_no_persona);
  g_test_add_func ("/health/no-goal", test_no_goal);
  g_test_add_func ("/health/stage-without-name", test_stage_without_name);
  g_test_add_func ("/health/stage-without-action", test_stage_without_action);
  g_test_add_func ("/health/pain-point-without-opportunity", test_pain_point_without_opportunity);
  g_test_add_func ("/health/stage-without-emotion", test_stage_without_emotion);
  g_test_add_func ("/health/persona-without-curve", test_persona_without_curve);
  g_test_add_func ("/health/persona-without-goals", test_persona_without_goals);
  g_test_add_func ("/health/opportunity-without-owner", test_opportunity_without_owner);
  g_test_add_func ("/health/future-card-unassigned", test_future_card_unassigned);
  g_test_add_func ("/health/priority-without-owner", test_priority_without_owner);
  g_test_add_func ("/health/too-many-priorities", test_too_many_priorities);
  g_test_add_func ("/health/empty-lane", test_empty_lane);
  g_test_add_func ("/health/stage-too-detailed", test_stage_too_detailed);
  g_test_add_func ("/health/customers-increase", test_customers_increase);
  g_test_add_func ("/health/template-hint", test_template_hint);
  g_test_add_func ("/health/hint-only-card-is-empty", test_hint_only_card_is_empty);
  g_test_add_func ("/health/card-without-title", test_card_without_title);
  g_test_add_func ("/health/long-titles-are-cut", test_long_titles_are_cut);
  g_test_add_func ("/health/follows-edits", test_follows_edits);

  return g_test_run ();
}
