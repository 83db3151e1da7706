/* wm-persona.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-persona"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-persona.h"

/* Who the map is about. */
struct _WmPersona
{
  WmElement parent_instance;
};

G_DEFINE_FINAL_TYPE (WmPersona, wm_persona, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_AGE,
  PROP_LOCATION,
  PROP_SEGMENT,
  PROP_QUOTE,
  PROP_BIO,
  PROP_COLOR,
  PROP_PHOTO,
  PROP_PHOTO_TYPE,
  PROP_GOALS,
  PROP_NEEDS,
  PROP_FRUSTRATIONS,
  PROP_MOTIVATIONS,
  PROP_CHANNELS,
  PROP_HINT_NAME,
  PROP_HINT_ROLE,
  PROP_HINT_LOCATION,
  PROP_HINT_SEGMENT,
  PROP_HINT_QUOTE,
  PROP_HINT_BIO,
  PROP_HINT_GOALS,
  PROP_HINT_NEEDS,
  PROP_HINT_FRUSTRATIONS,
  PROP_HINT_MOTIVATIONS,
  PROP_HINT_CHANNELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_persona_class_init (WmPersonaClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  /* The persona name. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  /* Role or occupation. */
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", flags);
  /* Age in years, or -1 when not given. */
  properties[PROP_AGE] = g_param_spec_int ("age", NULL, NULL, -1, G_MAXINT, -1, flags);
  /* Where the persona lives or works. */
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, "", flags);
  /* The customer segment. */
  properties[PROP_SEGMENT] = g_param_spec_string ("segment", NULL, NULL, "", flags);
  /* A short quote or motto. */
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, "", flags);
  /* A short biography. */
  properties[PROP_BIO] = g_param_spec_string ("bio", NULL, NULL, "", flags);
  /* The avatar colour, "#rrggbb". */
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "", flags);
  /* The photo, PNG or JPEG bytes, or %NULL. */
  properties[PROP_PHOTO] = g_param_spec_boxed ("photo", NULL, NULL, G_TYPE_BYTES, flags);
  /* The photo media type, "image/png" or "image/jpeg". */
  properties[PROP_PHOTO_TYPE] = g_param_spec_string ("photo-type", NULL, NULL, "", flags);
  /* What the persona wants to achieve. */
  properties[PROP_GOALS] = g_param_spec_boxed ("goals", NULL, NULL, G_TYPE_STRV, flags);
  /* What the persona needs. */
  properties[PROP_NEEDS] = g_param_spec_boxed ("needs", NULL, NULL, G_TYPE_STRV, flags);
  /* Frustrations and pain points. */
  properties[PROP_FRUSTRATIONS] = g_param_spec_boxed ("frustrations", NULL, NULL, G_TYPE_STRV, flags);
  /* What drives the persona. */
  properties[PROP_MOTIVATIONS] = g_param_spec_boxed ("motivations", NULL, NULL, G_TYPE_STRV, flags);
  /* Preferred channels. */
  properties[PROP_CHANNELS] = g_param_spec_boxed ("channels", NULL, NULL, G_TYPE_STRV, flags);
  /* Guidance for each field, shown greyed while it is empty and never
   * exported (see wm_element_get_hint()). */
  properties[PROP_HINT_NAME] = g_param_spec_string ("hint-name", NULL, NULL, "", flags);
  properties[PROP_HINT_ROLE] = g_param_spec_string ("hint-role", NULL, NULL, "", flags);
  properties[PROP_HINT_LOCATION] = g_param_spec_string ("hint-location", NULL, NULL, "", flags);
  properties[PROP_HINT_SEGMENT] = g_param_spec_string ("hint-segment", NULL, NULL, "", flags);
  properties[PROP_HINT_QUOTE] = g_param_spec_string ("hint-quote", NULL, NULL, "", flags);
  properties[PROP_HINT_BIO] = g_param_spec_string ("hint-bio", NULL, NULL, "", flags);
  properties[PROP_HINT_GOALS] = g_param_spec_string ("hint-goals", NULL, NULL, "", flags);
  properties[PROP_HINT_NEEDS] = g_param_spec_string ("hint-needs", NULL, NULL, "", flags);
  properties[PROP_HINT_FRUSTRATIONS] = g_param_spec_string ("hint-frustrations", NULL, NULL, "", flags);
  properties[PROP_HINT_MOTIVATIONS] = g_param_spec_string ("hint-motivations", NULL, NULL, "", flags);
  properties[PROP_HINT_CHANNELS] = g_param_spec_string ("hint-channels", NULL, NULL, "", flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_persona_init (WmPersona *self)
{
}

/**
 * wm_persona_new:
 * @id: (nullable): the element id, or %NULL for a new one
 *
 * Returns: (transfer full): a new persona with default fields
 */
WmPersona *
wm_persona_new (const char *id)
{
  return g_object_new (WM_TYPE_PERSONA, "id", id, NULL);
}

const char *
wm_persona_get_name (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_NAME);
}

/**
 * wm_persona_get_display_name:
 * @self: (nullable): a persona, or %NULL for a curve that has none
 *
 * A new map's persona has only a hint for a name; wherever it is named
 * (the editor's title, its card, the legend, screen readers, exports and
 * the health check) it is then "Unnamed persona", the same everywhere.
 *
 * Returns: the persona's name, or "Unnamed persona"
 */
const char *
wm_persona_get_display_name (WmPersona *self)
{
  const char *name;

  g_return_val_if_fail (self == NULL || WM_IS_PERSONA (self), NULL);

  name = self != NULL ? wm_persona_get_name (self) : "";
  return *name != '\0' ? name : _("Unnamed persona");
}

const char *
wm_persona_get_role (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_ROLE);
}

int
wm_persona_get_age (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), 0);

  return wm_element_get_int_field (WM_ELEMENT (self), PROP_AGE);
}

const char *
wm_persona_get_location (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_LOCATION);
}

const char *
wm_persona_get_segment (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_SEGMENT);
}

const char *
wm_persona_get_quote (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_QUOTE);
}

const char *
wm_persona_get_bio (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_BIO);
}

const char *
wm_persona_get_color (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_COLOR);
}

GBytes *
wm_persona_get_photo (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return g_value_get_boxed (wm_element_peek_value (WM_ELEMENT (self), properties[PROP_PHOTO]));
}

const char *
wm_persona_get_photo_type (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_PHOTO_TYPE);
}

const char * const *
wm_persona_get_goals (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_strv_field (WM_ELEMENT (self), PROP_GOALS);
}

const char * const *
wm_persona_get_needs (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_strv_field (WM_ELEMENT (self), PROP_NEEDS);
}

const char * const *
wm_persona_get_frustrations (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_strv_field (WM_ELEMENT (self), PROP_FRUSTRATIONS);
}

const char * const *
wm_persona_get_motivations (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_strv_field (WM_ELEMENT (self), PROP_MOTIVATIONS);
}

const char * const *
wm_persona_get_channels (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return wm_element_get_strv_field (WM_ELEMENT (self), PROP_CHANNELS);
}
