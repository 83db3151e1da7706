/* wm-emotion-curve.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-emotion-curve"

#include "config.h"

#include "wm-document-private.h"
#include "wm-emotion-curve.h"

/* How one persona feels across the journey: its points, ordered as the
 * file lists them. Which stage a point is in is the point's own field. */
struct _WmEmotionCurve
{
  WmElement   parent_instance;

  GListStore *points;
};

G_DEFINE_FINAL_TYPE (WmEmotionCurve, wm_emotion_curve, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_emotion_curve_dispose (GObject *object)
{
  WmEmotionCurve *self = WM_EMOTION_CURVE (object);

  g_clear_object (&self->points);

  G_OBJECT_CLASS (wm_emotion_curve_parent_class)->dispose (object);
}

static void
wm_emotion_curve_class_init (WmEmotionCurveClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_emotion_curve_dispose;

  /* The id of the persona whose feelings the curve shows. */
  properties[PROP_PERSONA] =
    g_param_spec_string ("persona", NULL, NULL, "", WM_ELEMENT_FIELD_FLAGS);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_emotion_curve_init (WmEmotionCurve *self)
{
  self->points = g_list_store_new (WM_TYPE_EMOTION_POINT);
}

WmEmotionCurve *
wm_emotion_curve_new (const char *id,
                      const char *persona_id)
{
  return g_object_new (WM_TYPE_EMOTION_CURVE,
                       "id", id,
                       "persona", persona_id,
                       NULL);
}

const char *
wm_emotion_curve_get_persona (WmEmotionCurve *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_CURVE (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_PERSONA);
}

/**
 * wm_emotion_curve_get_points:
 *
 * Returns: (transfer none): a list model of #WmEmotionPoint
 */
GListModel *
wm_emotion_curve_get_points (WmEmotionCurve *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_CURVE (self), NULL);

  return G_LIST_MODEL (self->points);
}

/* The store itself, for the document's commands. */
GListStore *
wm_emotion_curve_get_point_store (WmEmotionCurve *self)
{
  return self->points;
}
