/* wm-card.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-card"

#include "config.h"

#include "wm-card.h"

/* One note in one stage × lane cell. Cards in a cell are ordered by their order in the document. */
struct _WmCard
{
  WmElement parent_instance;
};

G_DEFINE_FINAL_TYPE (WmCard, wm_card, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_LANE,
  PROP_SPAN,
  PROP_TITLE,
  PROP_TEXT,
  PROP_HINT_TITLE,
  PROP_CHANNEL,
  PROP_OWNER,
  PROP_IMPACT,
  PROP_EFFORT,
  PROP_STATUS,
  PROP_QUALITY,
  PROP_MOMENT,
  PROP_TIME_LABEL,
  PROP_METRIC_NAME,
  PROP_METRIC_VALUE,
  PROP_COLOR,
  PROP_TAGS,
  PROP_PICTURE,
  PROP_PICTURE_TYPE,
  PROP_PICTURE_ALT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_card_class_init (WmCardClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  /* The id of the first stage the card is in. */
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, "", flags);
  /* The id of the lane the card is in. */
  properties[PROP_LANE] = g_param_spec_string ("lane", NULL, NULL, "", flags);
  /* How many consecutive stages the card covers. */
  properties[PROP_SPAN] = g_param_spec_int ("span", NULL, NULL, 1, G_MAXINT, 1, flags);
  /* The card title. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  /* A longer text. */
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  /* Guidance shown greyed in place of an empty title, never exported:
   * "What does the customer do here?" (see wm_element_get_hint()). */
  properties[PROP_HINT_TITLE] = g_param_spec_string ("hint-title", NULL, NULL, "", flags);
  /* A channel id (see wm-channels.h) or free text. */
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, "", flags);
  /* Who owns this, a person or a department. */
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", flags);
  /* How much fixing this would matter, 1 to 5; 0 when not scored. */
  properties[PROP_IMPACT] = g_param_spec_int ("impact", NULL, NULL, 0, WM_MAX_PRIORITY_SCORE, 0, flags);
  /* How much work fixing this would take, 1 to 5; 0 when not scored. */
  properties[PROP_EFFORT] = g_param_spec_int ("effort", NULL, NULL, 0, WM_MAX_PRIORITY_SCORE, 0, flags);
  /* Where the change stands: an idea, planned, in progress, done or dropped. */
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, WM_TYPE_CARD_STATUS, WM_CARD_STATUS_NONE, flags);
  /* Good, bad or missing. */
  properties[PROP_QUALITY] = g_param_spec_enum ("quality", NULL, NULL, WM_TYPE_CARD_QUALITY, WM_CARD_QUALITY_NONE, flags);
  /* The moment of truth. */
  properties[PROP_MOMENT] = g_param_spec_enum ("moment", NULL, NULL, WM_TYPE_MOMENT, WM_MOMENT_NONE, flags);
  /* A time such as "Tue 10:00" or "after 2 weeks". */
  properties[PROP_TIME_LABEL] = g_param_spec_string ("time-label", NULL, NULL, "", flags);
  /* The name of a metric, such as "Conversion". */
  properties[PROP_METRIC_NAME] = g_param_spec_string ("metric-name", NULL, NULL, "", flags);
  /* The metric value, such as "3.2%". */
  properties[PROP_METRIC_VALUE] = g_param_spec_string ("metric-value", NULL, NULL, "", flags);
  /* An optional "#rrggbb" colour. */
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "", flags);
  /* Free tags. */
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  /* A picture of the moment (a sketch, a photo, a screenshot): PNG or
   * JPEG bytes, or %NULL. */
  properties[PROP_PICTURE] = g_param_spec_boxed ("picture", NULL, NULL, G_TYPE_BYTES, flags);
  /* The picture's media type, "image/png" or "image/jpeg". */
  properties[PROP_PICTURE_TYPE] = g_param_spec_string ("picture-type", NULL, NULL, "", flags);
  /* What the picture shows, for those who cannot see it. */
  properties[PROP_PICTURE_ALT] = g_param_spec_string ("picture-alt", NULL, NULL, "", flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_card_init (WmCard *self)
{
}

/**
 * wm_card_new:
 * @id: (nullable): the element id, or %NULL for a new one
 *
 * Returns: (transfer full): a new card with default fields
 */
WmCard *
wm_card_new (const char *id)
{
  return g_object_new (WM_TYPE_CARD, "id", id, NULL);
}

const char *
wm_card_get_stage (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_STAGE);
}

const char *
wm_card_get_lane (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_LANE);
}

int
wm_card_get_span (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_SPAN);
}

const char *
wm_card_get_title (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_TITLE);
}

const char *
wm_card_get_text (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_TEXT);
}

const char *
wm_card_get_channel (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_CHANNEL);
}

const char *
wm_card_get_owner (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_OWNER);
}

/* 1 to WM_MAX_PRIORITY_SCORE, or 0 when not scored. */
int
wm_card_get_impact (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_IMPACT);
}

/* 1 to WM_MAX_PRIORITY_SCORE, or 0 when not scored. */
int
wm_card_get_effort (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_EFFORT);
}

WmCardStatus
wm_card_get_status (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), WM_CARD_STATUS_NONE);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_STATUS);
}

WmCardQuality
wm_card_get_quality (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), WM_CARD_QUALITY_NONE);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_QUALITY);
}

WmMoment
wm_card_get_moment (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), WM_MOMENT_NONE);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_MOMENT);
}

const char *
wm_card_get_time_label (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_TIME_LABEL);
}

const char *
wm_card_get_metric_name (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_METRIC_NAME);
}

const char *
wm_card_get_metric_value (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_METRIC_VALUE);
}

const char *
wm_card_get_color (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_COLOR);
}

const char * const *
wm_card_get_tags (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_strv_field (WM_ELEMENT (self), PROP_TAGS);
}

/* PNG or JPEG bytes, or %NULL. */
GBytes *
wm_card_get_picture (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return g_value_get_boxed (wm_element_peek_value (WM_ELEMENT (self), properties[PROP_PICTURE]));
}

const char *
wm_card_get_picture_type (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_PICTURE_TYPE);
}

const char *
wm_card_get_picture_alt (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_PICTURE_ALT);
}

/**
 * wm_card_is_empty:
 *
 * A card with nothing of its own to tell: no words in its title or text
 * and no picture. A template's card that shows only its hint is empty
 * (the hint is guidance for the editor), and so is a card just added.
 *
 * Returns: whether @self is empty
 */
gboolean
wm_card_is_empty (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), TRUE);

  return wm_element_text_is_blank (wm_card_get_title (self)) &&
         wm_element_text_is_blank (wm_card_get_text (self)) &&
         wm_card_get_picture (self) == NULL;
}
