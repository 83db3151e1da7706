/* wm-saved-view.c: a filter of the map kept by name in the document.
 *
 * Each condition is a list of strings, as in the file: persona ids,
 * channels, tags and owners as they are, qualities, statuses and lane
 * kinds by their nicks ("good", "planned", "pain-points"). A nick this
 * version does not know is kept in the file and matches nothing.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-saved-view"

#include "config.h"

#include "wm-enum-types.h"
#include "wm-enums.h"
#include "wm-saved-view.h"

struct _WmSavedView
{
  WmElement parent_instance;
};

G_DEFINE_FINAL_TYPE (WmSavedView, wm_saved_view, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PERSONAS,
  PROP_CHANNELS,
  PROP_TAGS,
  PROP_OWNERS,
  PROP_QUALITIES,
  PROP_STATUSES,
  PROP_LANE_KINDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_saved_view_class_init (WmSavedViewClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  /* What the team calls the view: "Maya's pain points". */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_PERSONAS] = g_param_spec_boxed ("personas", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CHANNELS] = g_param_spec_boxed ("channels", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_OWNERS] = g_param_spec_boxed ("owners", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_QUALITIES] = g_param_spec_boxed ("qualities", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUSES] = g_param_spec_boxed ("statuses", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LANE_KINDS] = g_param_spec_boxed ("lane-kinds", NULL, NULL, G_TYPE_STRV, flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_saved_view_init (WmSavedView *self)
{
}

static GStrv
nicks_of (GType enum_type,
          guint bits)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint value = 0; value < 32; value++)
    if (bits & (1u << value))
      {
        const char *nick = wm_enum_to_nick (enum_type, value);

        if (nick != NULL)
          g_strv_builder_add (builder, nick);
      }
  return g_strv_builder_end (builder);
}

static guint
bits_of (GType               enum_type,
         const char * const *nicks)
{
  guint bits = 0;
  gboolean any = FALSE;

  for (guint i = 0; nicks != NULL && nicks[i] != NULL; i++)
    {
      int value;

      any = TRUE;
      if (wm_enum_from_nick (enum_type, nicks[i], &value) && value >= 0 && value < 32)
        bits |= 1u << value;
    }
  /* Only nicks this version does not know: a condition nothing meets,
   * not no condition at all. */
  if (any && bits == 0)
    bits = 1u << 31;
  return bits;
}

/**
 * wm_saved_view_new_for_filter:
 * @id: (nullable): the element id, or %NULL for a new one
 *
 * Returns: (transfer full): a view named @name that keeps @filter
 */
WmSavedView *
wm_saved_view_new_for_filter (const char         *id,
                              const char         *name,
                              const WmViewFilter *filter)
{
  g_auto(GStrv) qualities = nicks_of (WM_TYPE_CARD_QUALITY, filter != NULL ? filter->qualities : 0);
  g_auto(GStrv) statuses = nicks_of (WM_TYPE_CARD_STATUS, filter != NULL ? filter->statuses : 0);
  g_auto(GStrv) lane_kinds = nicks_of (WM_TYPE_LANE_KIND, filter != NULL ? filter->lane_kinds : 0);

  return g_object_new (WM_TYPE_SAVED_VIEW, "id", id, "name", name,
                       "personas", filter != NULL ? filter->personas : NULL,
                       "channels", filter != NULL ? filter->channels : NULL,
                       "tags", filter != NULL ? filter->tags : NULL,
                       "owners", filter != NULL ? filter->owners : NULL,
                       "qualities", qualities, "statuses", statuses, "lane-kinds", lane_kinds, NULL);
}

const char *
wm_saved_view_get_name (WmSavedView *self)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), NULL);

  return wm_element_get_string_field (WM_ELEMENT (self), PROP_NAME);
}

static GStrv
list_field (WmSavedView *self,
            guint        prop)
{
  const char * const *list = g_value_get_boxed (wm_element_peek_value (WM_ELEMENT (self), properties[prop]));

  return list != NULL && list[0] != NULL ? g_strdupv ((GStrv) list) : NULL;
}

/**
 * wm_saved_view_get_filter:
 *
 * Returns: (transfer full): the filter the view keeps
 */
WmViewFilter *
wm_saved_view_get_filter (WmSavedView *self)
{
  WmViewFilter *filter;
  const GValue *value;

  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), NULL);

  filter = wm_view_filter_new ();
  filter->personas = list_field (self, PROP_PERSONAS);
  filter->channels = list_field (self, PROP_CHANNELS);
  filter->tags = list_field (self, PROP_TAGS);
  filter->owners = list_field (self, PROP_OWNERS);
  value = wm_element_peek_value (WM_ELEMENT (self), properties[PROP_QUALITIES]);
  filter->qualities = bits_of (WM_TYPE_CARD_QUALITY, g_value_get_boxed (value));
  value = wm_element_peek_value (WM_ELEMENT (self), properties[PROP_STATUSES]);
  filter->statuses = bits_of (WM_TYPE_CARD_STATUS, g_value_get_boxed (value));
  value = wm_element_peek_value (WM_ELEMENT (self), properties[PROP_LANE_KINDS]);
  filter->lane_kinds = bits_of (WM_TYPE_LANE_KIND, g_value_get_boxed (value));
  return filter;
}
