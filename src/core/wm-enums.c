/* wm-enums.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-enums.h"

/**
 * wm_enum_to_nick:
 * @enum_type: a registered enum type
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the value's nick, as the file format
 *   writes it, or %NULL when @value is not part of @enum_type
 */
const char *
wm_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/**
 * wm_enum_from_nick:
 * @enum_type: a registered enum type
 * @nick: a nick such as "service-blueprint"
 * @value: (out): where to store the value
 *
 * Returns: %TRUE if @nick names a value of @enum_type
 */
gboolean
wm_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value_by_nick (klass, nick);

  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

/**
 * wm_lane_kind_holds_cards:
 * @kind: a lane kind
 *
 * The emotion lane draws the curve and a divider is a line; neither takes
 * cards.
 *
 * Returns: whether cards can be placed in lanes of @kind
 */
gboolean
wm_lane_kind_holds_cards (WmLaneKind kind)
{
  return kind != WM_LANE_KIND_EMOTIONS && kind != WM_LANE_KIND_DIVIDER;
}

static const char *map_kind_names[] = {
  [WM_MAP_KIND_CURRENT_STATE] = N_("Current state"),
  [WM_MAP_KIND_FUTURE_STATE] = N_("Future state"),
  [WM_MAP_KIND_DAY_IN_THE_LIFE] = N_("Day in the life"),
  [WM_MAP_KIND_SERVICE_BLUEPRINT] = N_("Service blueprint"),
  [WM_MAP_KIND_CUSTOM] = N_("Journey map"),
};

static const char *lane_kind_names[] = {
  [WM_LANE_KIND_CUSTOMER_ACTIONS] = N_("Customer actions"),
  [WM_LANE_KIND_TOUCHPOINTS] = N_("Touchpoints"),
  [WM_LANE_KIND_THOUGHTS] = N_("Thoughts"),
  [WM_LANE_KIND_EMOTIONS] = N_("Emotions"),
  [WM_LANE_KIND_PAIN_POINTS] = N_("Pain points"),
  [WM_LANE_KIND_OPPORTUNITIES] = N_("Opportunities"),
  [WM_LANE_KIND_COMPANY_ACTIONS] = N_("Company actions"),
  [WM_LANE_KIND_CHANNELS] = N_("Channels"),
  [WM_LANE_KIND_OWNERS] = N_("Owners"),
  [WM_LANE_KIND_METRICS] = N_("KPIs and metrics"),
  [WM_LANE_KIND_PHYSICAL_EVIDENCE] = N_("Physical evidence"),
  [WM_LANE_KIND_FRONTSTAGE] = N_("Frontstage"),
  [WM_LANE_KIND_BACKSTAGE] = N_("Backstage"),
  [WM_LANE_KIND_SUPPORT_PROCESSES] = N_("Support processes"),
  [WM_LANE_KIND_STORYBOARD] = N_("Storyboard"),
  [WM_LANE_KIND_TEXT] = N_("Free text"),
  [WM_LANE_KIND_DIVIDER] = N_("Divider line"),
};

static const char *quality_names[] = {
  [WM_CARD_QUALITY_NONE] = NULL,
  [WM_CARD_QUALITY_GOOD] = N_("Good"),
  [WM_CARD_QUALITY_BAD] = N_("Bad"),
  [WM_CARD_QUALITY_MISSING] = N_("Missing"),
};

/* The short forms practitioners write on the wall. */
static const char *moment_names[] = {
  [WM_MOMENT_NONE] = NULL,
  [WM_MOMENT_ZERO] = N_("ZMOT"),
  [WM_MOMENT_FIRST] = N_("FMOT"),
  [WM_MOMENT_SECOND] = N_("SMOT"),
  [WM_MOMENT_THIRD] = N_("TMOT"),
};

static const char *status_names[] = {
  [WM_CARD_STATUS_NONE] = NULL,
  [WM_CARD_STATUS_IDEA] = N_("Idea"),
  [WM_CARD_STATUS_PLANNED] = N_("Planned"),
  [WM_CARD_STATUS_IN_PROGRESS] = N_("In progress"),
  [WM_CARD_STATUS_DONE] = N_("Done"),
  [WM_CARD_STATUS_DROPPED] = N_("Dropped"),
};

static const char *
translate_entry (const char **names,
                 guint        n_names,
                 int          value)
{
  if (value < 0 || (guint) value >= n_names || names[value] == NULL)
    return NULL;
  return _(names[value]);
}

/* Translated names of the vocabularies, as the UI and exports show them. */
const char *
wm_map_kind_get_display_name (WmMapKind kind)
{
  return translate_entry (map_kind_names, G_N_ELEMENTS (map_kind_names), kind);
}

const char *
wm_lane_kind_get_display_name (WmLaneKind kind)
{
  return translate_entry (lane_kind_names, G_N_ELEMENTS (lane_kind_names), kind);
}

const char *
wm_card_quality_get_display_name (WmCardQuality quality)
{
  return translate_entry (quality_names, G_N_ELEMENTS (quality_names), quality);
}

const char *
wm_moment_get_display_name (WmMoment moment)
{
  return translate_entry (moment_names, G_N_ELEMENTS (moment_names), moment);
}

const char *
wm_card_status_get_display_name (WmCardStatus status)
{
  return translate_entry (status_names, G_N_ELEMENTS (status_names), status);
}
