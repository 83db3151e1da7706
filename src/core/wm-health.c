/* wm-health.c: the health check: what a practitioner reviewing a map
 * would point out, rule by rule.
 *
 * The whole check is a few passes over the stages, lanes, personas,
 * curve points and cards, each element looked at a fixed number of
 * times: what a rule needs to know about a stage (does it have an
 * opportunity, how many cards start there) is gathered per stage in one
 * pass over the cards, never by scanning the cards again for each stage.
 * So a 10,000-card map is checked in milliseconds, often enough to
 * follow every edit.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-health"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-health.h"
#include "wm-priorities.h"

/* Long titles are cut in messages: a finding names the card, it does
 * not repeat it. */
#define QUOTE_MAX_CHARS 60

typedef enum
{
  RULE_NO_PERSONA,
  RULE_NO_GOAL,
  RULE_STAGE_WITHOUT_NAME,
  RULE_STAGE_WITHOUT_ACTION,
  RULE_PAIN_WITHOUT_OPPORTUNITY,
  RULE_STAGE_WITHOUT_EMOTION,
  RULE_PERSONA_WITHOUT_CURVE,
  RULE_PERSONA_WITHOUT_GOALS,
  RULE_OPPORTUNITY_WITHOUT_OWNER,
  RULE_FUTURE_UNASSIGNED,
  RULE_PRIORITY_WITHOUT_OWNER,
  RULE_TOO_MANY_PRIORITIES,
  RULE_EMPTY_LANE,
  RULE_STAGE_TOO_DETAILED,
  RULE_CUSTOMERS_INCREASE,
  RULE_TEMPLATE_HINT,
  RULE_CARD_WITHOUT_TITLE,
  N_RULES
} RuleIndex;

/* The one table of rules: the window's Health panel and
 * `waymark check --health` both list what this gives. */
static const WmHealthRule rules[N_RULES] = {
  [RULE_NO_PERSONA] = {
    "no-persona",
    N_("A journey map follows one kind of customer; without a persona nobody can tell whose journey it is."),
    N_("Add a persona, or a segment, that the map is about."),
  },
  [RULE_NO_GOAL] = {
    "no-goal",
    N_("A map without a goal has no question to answer, and no way to tell when it is done."),
    N_("Write the map’s goal: what the team wants to learn or change."),
  },
  [RULE_STAGE_WITHOUT_NAME] = {
    "stage-without-name",
    N_("A stage without a name cannot be talked about or found."),
    N_("Name the stage after what the customer is doing, such as “Compare plans”."),
  },
  [RULE_STAGE_WITHOUT_ACTION] = {
    "stage-without-action",
    N_("Every stage should say what the customer does or where they meet the company; otherwise the rest of the column has nothing to hang on."),
    N_("Add a customer action or a touchpoint to the stage, or merge the stage with its neighbour."),
  },
  [RULE_PAIN_WITHOUT_OPPORTUNITY] = {
    "pain-point-without-opportunity",
    N_("A pain point nobody proposes to fix is a complaint, not a finding."),
    N_("Add an opportunity in the same stage, or mark the pain point dropped."),
  },
  [RULE_STAGE_WITHOUT_EMOTION] = {
    "stage-without-emotion",
    N_("A gap in an emotion curve hides how the persona feels in that stage."),
    N_("Add an emotion point for the persona in the stage."),
  },
  [RULE_PERSONA_WITHOUT_CURVE] = {
    "persona-without-curve",
    N_("The map has an emotion lane, but this persona has no curve in it."),
    N_("Add the persona’s emotion points, one per stage."),
  },
  [RULE_PERSONA_WITHOUT_GOALS] = {
    "persona-without-goals",
    N_("A persona’s goals explain why they go through the journey at all."),
    N_("Add at least one goal to the persona."),
  },
  [RULE_OPPORTUNITY_WITHOUT_OWNER] = {
    "opportunity-without-owner",
    N_("An opportunity without an owner is rarely acted on."),
    N_("Give the opportunity an owner: a person or a team."),
  },
  [RULE_FUTURE_UNASSIGNED] = {
    "future-card-unassigned",
    N_("A future-state map is a plan: each change on it needs an owner and a status."),
    N_("Give the card an owner and a status."),
  },
  [RULE_PRIORITY_WITHOUT_OWNER] = {
    "priority-without-owner",
    N_("A high-impact item that nobody owns will not be fixed."),
    N_("Give the card an owner, or lower its impact."),
  },
  [RULE_TOO_MANY_PRIORITIES] = {
    "too-many-priorities",
    N_("Teams that try to fix everything at once fix nothing: pick three to five top items."),
    N_("Lower the impact of the less important items, or mark some done or dropped."),
  },
  [RULE_EMPTY_LANE] = {
    "empty-lane",
    N_("An empty lane takes room and says nothing."),
    N_("Fill the lane, or remove it."),
  },
  [RULE_STAGE_TOO_DETAILED] = {
    "stage-too-detailed",
    N_("A stage with this many cards is too detailed to read on a wall or a slide."),
    N_("Merge similar cards, move detail into card texts, or split the stage in two."),
  },
  [RULE_CUSTOMERS_INCREASE] = {
    "customers-increase",
    N_("Customers drop off from stage to stage; more customers in a later stage usually means a wrong count."),
    N_("Check the customer counts of both stages."),
  },
  [RULE_TEMPLATE_HINT] = {
    "template-hint",
    N_("The card still holds the template’s hint, not what was learned about the customer."),
    N_("Replace the hint with a finding, or remove the card."),
  },
  [RULE_CARD_WITHOUT_TITLE] = {
    "card-without-title",
    N_("A card without a title shows as an empty note."),
    N_("Give the card a title, or remove it."),
  },
};

typedef struct
{
  WmDocument *document;
  GPtrArray  *findings;
  GPtrArray  *stages;       /* the stages in order, borrowed */
  char      **stage_labels; /* "stage “Trial”", made once per stage */
} Check;

/**
 * wm_health_get_rules:
 * @n_rules: (out): the number of rules
 *
 * Returns: (array length=n_rules): every rule of the health check
 */
const WmHealthRule *
wm_health_get_rules (guint *n_rules)
{
  *n_rules = N_RULES;
  return rules;
}

/**
 * wm_health_lookup_rule:
 * @id: a rule id, such as "empty-lane"
 *
 * Returns: (nullable): the rule with @id
 */
const WmHealthRule *
wm_health_lookup_rule (const char *id)
{
  for (guint i = 0; i < N_RULES; i++)
    if (g_strcmp0 (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

void
wm_health_finding_free (WmHealthFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->element_id);
  g_free (finding->message);
  g_free (finding);
}

/* An empty card that shows a template's hint: guidance, not content. */
static gboolean
is_unfilled (WmCard *card)
{
  return wm_card_is_empty (card) && !wm_element_text_is_blank (wm_element_get_hint (WM_ELEMENT (card), "title"));
}

/* The first line of @text with something on it, cut to QUOTE_MAX_CHARS
 * characters. */
static char *
quote (const char *text)
{
  const char *end;
  g_autofree char *line = NULL;
  glong length;

  while (g_ascii_isspace (*text))
    text++;
  end = strchr (text, '\n');
  line = g_strndup (text, end != NULL ? (gsize) (end - text) : strlen (text));

  g_strstrip (line);
  length = g_utf8_strlen (line, -1);
  if (length <= QUOTE_MAX_CHARS)
    return g_steal_pointer (&line);
  {
    g_autofree char *cut = g_utf8_substring (line, 0, QUOTE_MAX_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

/* @card's title as findings quote it, made on first use: most cards
 * have nothing to report, and a 10,000-card map is checked often. */
static const char *
card_quote (WmCard  *card,
            char   **cache)
{
  if (*cache == NULL)
    *cache = quote (wm_card_get_title (card));
  return *cache;
}

static void
add (Check       *check,
     RuleIndex    rule,
     WmElement   *element,
     const char  *format,
     ...) G_GNUC_PRINTF (4, 5);

static void
add (Check       *check,
     RuleIndex    rule,
     WmElement   *element,
     const char  *format,
     ...)
{
  WmHealthFinding *finding = g_new0 (WmHealthFinding, 1);
  va_list args;

  va_start (args, format);
  finding->rule = &rules[rule];
  finding->element_id = g_strdup (wm_element_get_id (element));
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (check->findings, finding);
}

static gboolean
is_top_priority (WmCard *card)
{
  return wm_card_get_impact (card) >= WM_HEALTH_TOP_IMPACT && wm_card_is_open (card);
}

/* What the company will change, on a future-state map. */
static gboolean
is_planned_change (WmLaneKind kind)
{
  return kind == WM_LANE_KIND_OPPORTUNITIES || kind == WM_LANE_KIND_COMPANY_ACTIONS ||
         kind == WM_LANE_KIND_FRONTSTAGE || kind == WM_LANE_KIND_BACKSTAGE ||
         kind == WM_LANE_KIND_SUPPORT_PROCESSES;
}

static void
check_map (Check *check)
{
  WmDocument *document = check->document;

  if (g_list_model_get_n_items (wm_document_get_personas (document)) == 0)
    add (check, RULE_NO_PERSONA, WM_ELEMENT (document), "%s", _("map has no persona"));
  if (wm_element_text_is_blank (wm_document_get_goal (document)))
    add (check, RULE_NO_GOAL, WM_ELEMENT (document), "%s", _("map has no goal"));
}

static void
check_personas (Check    *check,
                gboolean  has_emotion_lane)
{
  GListModel *personas = wm_document_get_personas (check->document);
  guint n_stages = check->stages->len;

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *name = quote (wm_persona_get_display_name (persona));
      WmEmotionCurve *curve = wm_document_get_curve_for_persona (check->document,
                                                                 wm_element_get_id (WM_ELEMENT (persona)));
      GListModel *points = curve != NULL ? wm_emotion_curve_get_points (curve) : NULL;
      const char * const *goals = wm_persona_get_goals (persona);
      gboolean has_goal = FALSE;

      for (guint g = 0; goals != NULL && goals[g] != NULL && !has_goal; g++)
        has_goal = !wm_element_text_is_blank (goals[g]);
      if (!has_goal)
        add (check, RULE_PERSONA_WITHOUT_GOALS, WM_ELEMENT (persona), _("persona “%s” has no goals"), name);

      if (points == NULL || g_list_model_get_n_items (points) == 0)
        {
          if (has_emotion_lane && n_stages > 0)
            add (check, RULE_PERSONA_WITHOUT_CURVE, WM_ELEMENT (persona),
                 _("persona “%s” has no emotion curve"), name);
          continue;
        }

      /* A curve that has begun should cover every stage. */
      {
        g_autofree gboolean *covered = g_new0 (gboolean, MAX (n_stages, 1));

        for (guint p = 0; p < g_list_model_get_n_items (points); p++)
          {
            g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, p);
            int index = wm_document_get_stage_index (check->document, wm_emotion_point_get_stage (point));

            if (index >= 0)
              covered[index] = TRUE;
          }
        for (guint s = 0; s < n_stages; s++)
          if (!covered[s])
            add (check, RULE_STAGE_WITHOUT_EMOTION, g_ptr_array_index (check->stages, s),
                 /* Translators: findings starting with %s: start with a stage, “stage “Trial”” or “stage 3”. */
                 _("%s: no emotion point for persona “%s”"), check->stage_labels[s], name);
      }
    }
}

/**
 * wm_health_check:
 * @document: a map
 * @hint_titles: (nullable) (array zero-terminated=1): the titles of the
 *   templates' hint cards, to find the ones never replaced
 *
 * Runs every rule of the health check over @document.
 *
 * Returns: (transfer container) (element-type WmHealthFinding): what
 *   the rules found: the map's own first, then the personas' (with the
 *   gaps in their curves), the stages', the lanes' and the cards', each
 *   in the map's order
 */
GPtrArray *
wm_health_check (WmDocument         *document,
                 const char * const *hint_titles)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *cards = wm_document_get_cards (document);
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_cards = g_list_model_get_n_items (cards);
  Check check = { document, NULL, NULL, NULL };
  g_autofree guint *starting = NULL;       /* cards whose first stage is s */
  g_autofree int *action_delta = NULL;     /* +1 where an action's span begins, -1 past its end */
  g_autofree int *opportunity_delta = NULL;
  g_autofree guint *with_opportunity = NULL; /* stages before s that an opportunity covers */
  g_autofree int *card_stage = NULL;       /* each card's stage index, -1 if none */
  g_autofree WmLane **card_lane = NULL;    /* each card's lane (borrowed), or NULL */
  g_autoptr(GHashTable) lane_cards = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) hints = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean has_action_lane = FALSE;
  gboolean has_emotion_lane = FALSE;
  gboolean future = wm_document_get_kind (document) == WM_MAP_KIND_FUTURE_STATE;
  guint n_top = 0;
  int previous_counted = -1;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_health_finding_free);
  check.stages = g_ptr_array_new_full (n_stages, g_object_unref);
  check.stage_labels = g_new0 (char *, n_stages + 1);
  for (guint s = 0; s < n_stages; s++)
    {
      WmStage *stage = g_list_model_get_item (stages, s);
      g_autofree char *name = quote (wm_stage_get_name (stage));

      g_ptr_array_add (check.stages, stage);
      /* Translators: the stage findings start with, as in “stage “Trial”: no customer action or
       * touchpoint”; a stage without a name is given by its position, “stage 3”. */
      check.stage_labels[s] = *name != '\0' ? g_strdup_printf (_("stage “%s”"), name)
                                            : g_strdup_printf (_("stage %u"), s + 1);
    }
  for (guint i = 0; hint_titles != NULL && hint_titles[i] != NULL; i++)
    g_hash_table_add (hints, (gpointer) hint_titles[i]);

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);
      WmLaneKind kind = wm_lane_get_kind (lane);

      has_action_lane |= kind == WM_LANE_KIND_CUSTOMER_ACTIONS || kind == WM_LANE_KIND_TOUCHPOINTS;
      has_emotion_lane |= kind == WM_LANE_KIND_EMOTIONS;
    }

  /* One pass over the cards gathers what the stage and lane rules need. */
  starting = g_new0 (guint, n_stages + 1);
  action_delta = g_new0 (int, n_stages + 1);
  opportunity_delta = g_new0 (int, n_stages + 1);
  card_stage = g_new (int, MAX (n_cards, 1));
  card_lane = g_new0 (WmLane *, MAX (n_cards, 1));
  for (guint c = 0; c < n_cards; c++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, c);
      WmLane *lane = wm_document_get_card_lane (document, card);
      int index = wm_document_get_stage_index (document, wm_card_get_stage (card));
      WmLaneKind kind;
      guint end;

      card_stage[c] = index;
      card_lane[c] = lane;
      /* A card with no words yet (a template's card shows only its hint)
       * says nothing: it fills no lane and covers no stage. */
      if (lane == NULL || index < 0 || is_unfilled (card))
        continue;
      end = MIN ((guint) index + (guint) wm_card_get_span (card), n_stages);
      starting[index]++;
      g_hash_table_insert (lane_cards, lane, GUINT_TO_POINTER (1));
      kind = wm_lane_get_kind (lane);
      if (kind == WM_LANE_KIND_CUSTOMER_ACTIONS || kind == WM_LANE_KIND_TOUCHPOINTS)
        {
          action_delta[index]++;
          action_delta[end]--;
        }
      /* A dropped idea fixes nothing. */
      else if (kind == WM_LANE_KIND_OPPORTUNITIES && wm_card_get_status (card) != WM_CARD_STATUS_DROPPED)
        {
          opportunity_delta[index]++;
          opportunity_delta[end]--;
        }
      if (is_top_priority (card))
        n_top++;
    }
  /* Running sums turn the deltas into "covered" per stage, and the
   * opportunity cover into counts from the first stage, so that whether
   * any stage of a span has one is a subtraction. */
  with_opportunity = g_new0 (guint, n_stages + 1);
  {
    int actions = 0, opportunities = 0;

    for (guint s = 0; s < n_stages; s++)
      {
        actions += action_delta[s];
        opportunities += opportunity_delta[s];
        action_delta[s] = actions;
        with_opportunity[s + 1] = with_opportunity[s] + (opportunities > 0 ? 1 : 0);
      }
  }

  check_map (&check);
  if (!has_action_lane && n_stages > 0)
    add (&check, RULE_STAGE_WITHOUT_ACTION, WM_ELEMENT (document), "%s",
         _("map has no lane for customer actions or touchpoints"));
  if (n_top > WM_HEALTH_MAX_TOP_PRIORITIES)
    add (&check, RULE_TOO_MANY_PRIORITIES, WM_ELEMENT (document),
         ngettext ("%u open item has an impact of %d or more; pick at most %d",
                   "%u open items have an impact of %d or more; pick at most %d", n_top),
         n_top, WM_HEALTH_TOP_IMPACT, WM_HEALTH_MAX_TOP_PRIORITIES);

  check_personas (&check, has_emotion_lane);

  for (guint s = 0; s < n_stages; s++)
    {
      WmStage *stage = g_ptr_array_index (check.stages, s);
      const char *label = check.stage_labels[s];

      if (wm_element_text_is_blank (wm_stage_get_name (stage)))
        add (&check, RULE_STAGE_WITHOUT_NAME, WM_ELEMENT (stage), _("stage %u has no name"), s + 1);
      if (has_action_lane && action_delta[s] <= 0)
        add (&check, RULE_STAGE_WITHOUT_ACTION, WM_ELEMENT (stage),
             _("%s: no customer action or touchpoint"), label);
      if (starting[s] > WM_HEALTH_MAX_STAGE_CARDS)
        add (&check, RULE_STAGE_TOO_DETAILED, WM_ELEMENT (stage),
             ngettext ("%s: %u card; more than %u is hard to read",
                       "%s: %u cards; more than %u is hard to read", starting[s]),
             label, starting[s], WM_HEALTH_MAX_STAGE_CARDS);
      /* Stages without a count are skipped: the drop-off is measured
       * between the stages that have one. */
      if (wm_stage_get_customers (stage) > 0)
        {
          WmStage *previous = previous_counted >= 0 ? g_ptr_array_index (check.stages, previous_counted) : NULL;

          if (previous != NULL && wm_stage_get_customers (stage) > wm_stage_get_customers (previous))
            add (&check, RULE_CUSTOMERS_INCREASE, WM_ELEMENT (stage),
                 /* Translators: “stage “Trial”: 1200 customers, more than the 800 of stage “Signup”” */
                 _("%s: %d customers, more than the %d of %s"), label, wm_stage_get_customers (stage),
                 wm_stage_get_customers (previous), check.stage_labels[previous_counted]);
          previous_counted = s;
        }
    }

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);

      if (wm_lane_kind_holds_cards (wm_lane_get_kind (lane)) && n_stages > 0 &&
          !g_hash_table_contains (lane_cards, lane))
        {
          g_autofree char *title = quote (wm_lane_get_title (lane));

          add (&check, RULE_EMPTY_LANE, WM_ELEMENT (lane), _("lane “%s” has no cards"), title);
        }
    }

  for (guint c = 0; c < n_cards; c++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, c);
      WmLane *lane = card_lane[c];
      int index = card_stage[c];
      const char *label;
      g_autofree char *title = NULL;
      gboolean has_owner = !wm_element_text_is_blank (wm_card_get_owner (card));
      WmLaneKind kind;

      if (lane == NULL || index < 0)
        continue;
      label = check.stage_labels[index];
      kind = wm_lane_get_kind (lane);
      if (is_unfilled (card))
        {
          g_autofree char *lane_title = quote (wm_lane_get_title (lane));
          g_autofree char *hint = quote (wm_element_get_hint (WM_ELEMENT (card), "title"));

          /* Translators: “stage “Trial”: a card in lane “Actions” is still empty (hint: “What does the customer do here?”)” */
          add (&check, RULE_TEMPLATE_HINT, WM_ELEMENT (card),
               _("%s: a card in lane “%s” is still empty (hint: “%s”)"), label, lane_title, hint);
          continue;
        }
      if (wm_element_text_is_blank (wm_card_get_title (card)))
        {
          g_autofree char *lane_title = quote (wm_lane_get_title (lane));

          add (&check, RULE_CARD_WITHOUT_TITLE, WM_ELEMENT (card),
               _("%s: a card in lane “%s” has no title"), label, lane_title);
          continue;
        }
      /* A hint is a placeholder: what the other rules would say of it
       * is said once it is replaced. */
      if (g_hash_table_contains (hints, wm_card_get_title (card)))
        {
          add (&check, RULE_TEMPLATE_HINT, WM_ELEMENT (card),
               _("%s: “%s” is still the template’s hint"), label, card_quote (card, &title));
          continue;
        }

      if (kind == WM_LANE_KIND_PAIN_POINTS && wm_card_is_open (card))
        {
          guint end = MIN ((guint) index + (guint) wm_card_get_span (card), n_stages);

          if (with_opportunity[end] == with_opportunity[index])
            add (&check, RULE_PAIN_WITHOUT_OPPORTUNITY, WM_ELEMENT (card),
                 _("%s: pain point “%s” has no opportunity"), label, card_quote (card, &title));
        }

      /* On a future-state map every planned change needs an owner and
       * a status, and one line says what is missing; elsewhere only
       * opportunities and top priorities need an owner. */
      if (future && is_planned_change (kind))
        {
          gboolean owner_missing = !has_owner && wm_card_get_status (card) != WM_CARD_STATUS_DROPPED;
          gboolean status_missing = wm_card_get_status (card) == WM_CARD_STATUS_NONE;

          if (owner_missing && status_missing)
            add (&check, RULE_FUTURE_UNASSIGNED, WM_ELEMENT (card),
                 _("%s: “%s” has no owner or status"), label, card_quote (card, &title));
          else if (owner_missing)
            add (&check, RULE_FUTURE_UNASSIGNED, WM_ELEMENT (card),
                 _("%s: “%s” has no owner"), label, card_quote (card, &title));
          else if (status_missing)
            add (&check, RULE_FUTURE_UNASSIGNED, WM_ELEMENT (card),
                 _("%s: “%s” has no status"), label, card_quote (card, &title));
        }
      else if (kind == WM_LANE_KIND_OPPORTUNITIES && !has_owner &&
               wm_card_get_status (card) != WM_CARD_STATUS_DROPPED)
        add (&check, RULE_OPPORTUNITY_WITHOUT_OWNER, WM_ELEMENT (card),
             _("%s: opportunity “%s” has no owner"), label, card_quote (card, &title));
      else if (!has_owner && is_top_priority (card))
        add (&check, RULE_PRIORITY_WITHOUT_OWNER, WM_ELEMENT (card),
             _("%s: top-priority “%s” has no owner"), label, card_quote (card, &title));
    }

  g_ptr_array_unref (check.stages);
  g_strfreev (check.stage_labels);
  return check.findings;
}
