/* wm-lane.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-lane"

#include "config.h"

#include "wm-lane.h"

/* A row of the map; its kind decides what it holds and how it looks. */
struct _WmLane
{
  WmElement parent_instance;
};

G_DEFINE_FINAL_TYPE (WmLane, wm_lane, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_lane_class_init (WmLaneClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  /* The lane title. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  /* What the lane holds. */
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, WM_TYPE_LANE_KIND, WM_LANE_KIND_TEXT, flags);
  /* Whether the lane is folded to its header. */
  properties[PROP_COLLAPSED] = g_param_spec_boolean ("collapsed", NULL, NULL, FALSE, flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_lane_init (WmLane *self)
{
}

/**
 * wm_lane_new:
 * @id: (nullable): the element id, or %NULL for a new one
 *
 * Returns: (transfer full): a new lane with default fields
 */
WmLane *
wm_lane_new (const char *id)
{
  return g_object_new (WM_TYPE_LANE, "id", id, NULL);
}

const char *
wm_lane_get_title (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_TITLE);
}

WmLaneKind
wm_lane_get_kind (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), WM_LANE_KIND_TEXT);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_KIND);
}

gboolean
wm_lane_get_collapsed (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), FALSE);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_COLLAPSED);
}
