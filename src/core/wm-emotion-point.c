/* wm-emotion-point.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-emotion-point"

#include "config.h"

#include "wm-emotion-point.h"

/* A point of an emotion curve: how the persona feels at a place in a stage. */
struct _WmEmotionPoint
{
  WmElement parent_instance;
};

G_DEFINE_FINAL_TYPE (WmEmotionPoint, wm_emotion_point, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_POSITION,
  PROP_SCORE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_emotion_point_class_init (WmEmotionPointClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  /* The id of the stage the point is in. */
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, "", flags);
  /* Where in the stage column, from 0 (left) to 1 (right). */
  properties[PROP_POSITION] = g_param_spec_double ("position", NULL, NULL, 0.0, 1.0, 0.5, flags);
  /* The score, from 1 (very negative) to the map emotion scale. */
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, 1, 10, 3, flags);
  /* A label or quote at the point. */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_emotion_point_init (WmEmotionPoint *self)
{
}

/**
 * wm_emotion_point_new:
 * @id: (nullable): the element id, or %NULL for a new one
 *
 * Returns: (transfer full): a new emotionpoint with default fields
 */
WmEmotionPoint *
wm_emotion_point_new (const char *id)
{
  return g_object_new (WM_TYPE_EMOTION_POINT, "id", id, NULL);
}

const char *
wm_emotion_point_get_stage (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_STAGE);
}

double
wm_emotion_point_get_position (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), 0.5);

  return g_value_get_double (wm_element_peek_value (WM_ELEMENT (self), properties[PROP_POSITION]));
}

int
wm_emotion_point_get_score (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_SCORE);
}

const char *
wm_emotion_point_get_label (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_LABEL);
}
