/* wm-enums.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
