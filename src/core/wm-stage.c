/* wm-stage.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-stage"

#include "config.h"

#include "wm-stage.h"

/* A column of the map: one step of the journey, or a time slot. */
struct _WmStage
{
  WmElement parent_instance;
};

G_DEFINE_FINAL_TYPE (WmStage, wm_stage, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TIME_LABEL,
  PROP_CUSTOMERS,
  PROP_COLOR,
  PROP_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_stage_class_init (WmStageClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  /* The stage name. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  /* What the customer wants to achieve at this stage. */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  /* A time for day-in-the-life columns, such as "07:00". */
  properties[PROP_TIME_LABEL] = g_param_spec_string ("time-label", NULL, NULL, "", flags);
  /* How many customers reach this stage, or -1 when unknown. */
  properties[PROP_CUSTOMERS] = g_param_spec_int ("customers", NULL, NULL, -1, G_MAXINT, -1, flags);
  /* An optional "#rrggbb" colour. */
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "", flags);
  /* The column's width at 100 % zoom, or 0 for the theme's width. */
  properties[PROP_WIDTH] = g_param_spec_int ("width", NULL, NULL, 0, WM_STAGE_MAX_WIDTH, 0, flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_stage_init (WmStage *self)
{
}

/**
 * wm_stage_new:
 * @id: (nullable): the element id, or %NULL for a new one
 *
 * Returns: (transfer full): a new stage with default fields
 */
WmStage *
wm_stage_new (const char *id)
{
  return g_object_new (WM_TYPE_STAGE, "id", id, NULL);
}

const char *
wm_stage_get_name (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_NAME);
}

const char *
wm_stage_get_description (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_DESCRIPTION);
}

const char *
wm_stage_get_time_label (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_TIME_LABEL);
}

int
wm_stage_get_customers (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_CUSTOMERS);
}

const char *
wm_stage_get_color (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_COLOR);
}

/* The column's width at 100 % zoom, or 0 for the theme's. */
int
wm_stage_get_width (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_WIDTH);
}
