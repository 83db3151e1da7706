/* wm-fields.c: the field tables of every kind of element.
 *
 * data/format/file-format.md describes the same fields for people; the
 * order of each table is the order the file lists them in.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-document.h"
#include "wm-fields.h"

static const WmFieldInfo document_fields[] = {
  { "title", NULL, "title", WM_VALUE_TEXT, WM_FIELD_REQUIRED, .editor = WM_EDITOR_LINE, .label = N_("Title") },
  { "goal", NULL, "goal", WM_VALUE_TEXT, .editor = WM_EDITOR_TEXT, .label = N_("Goal") },
  { "scope", NULL, "scope", WM_VALUE_TEXT, .editor = WM_EDITOR_TEXT, .label = N_("Scope") },
  /* Guidance from the template: edited by no row, shown as placeholders. */
  { "goal", "hints", "hint-goal", WM_VALUE_TEXT, WM_FIELD_SPARSE, .label = N_("Goal Hint") },
  { "scope", "hints", "hint-scope", WM_VALUE_TEXT, WM_FIELD_SPARSE, .label = N_("Scope Hint") },
  { "kind", NULL, "kind", WM_VALUE_ENUM, WM_FIELD_REQUIRED,
    .editor = WM_EDITOR_CHOICE, .label = N_("Kind of Map"), .group = 1 },
  { "created", NULL, "created", WM_VALUE_TIMESTAMP, WM_FIELD_ALWAYS },
  { "modified", NULL, "modified", WM_VALUE_TIMESTAMP, WM_FIELD_ALWAYS },
  { "emotion_scale", NULL, "emotion-scale", WM_VALUE_INTEGER, WM_FIELD_ALWAYS, WM_MIN_EMOTION_SCALE, WM_MAX_EMOTION_SCALE,
    .editor = WM_EDITOR_SCALE, .label = N_("Emotion Scale"), .group = 1 },
  { NULL }
};

#define LIST(key_, label_, item_, add_) \
  { key_, NULL, key_, WM_VALUE_LIST, .editor = WM_EDITOR_LIST, .label = label_, .item_label = item_, .add_label = add_ }

/* Guidance from the template for an empty field, in the "hints" object. */
#define HINT(key_, label_) { key_, "hints", "hint-" key_, WM_VALUE_TEXT, WM_FIELD_SPARSE, .label = label_ }

static const WmFieldInfo persona_fields[] = {
  { "name", NULL, "name", WM_VALUE_TEXT, WM_FIELD_REQUIRED, .editor = WM_EDITOR_LINE, .label = N_("Name") },
  { "role", NULL, "role", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Role") },
  { "age", NULL, "age", WM_VALUE_INTEGER, 0, 0, 150, .editor = WM_EDITOR_NUMBER, .label = N_("Age") },
  { "location", NULL, "location", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Location") },
  { "segment", NULL, "segment", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Segment") },
  { "quote", NULL, "quote", WM_VALUE_TEXT, .editor = WM_EDITOR_TEXT, .label = N_("Quote"), .group = 1 },
  { "bio", NULL, "bio", WM_VALUE_TEXT, .editor = WM_EDITOR_TEXT, .label = N_("Background"), .group = 1 },
  { "color", NULL, "color", WM_VALUE_COLOR, .editor = WM_EDITOR_COLOR, .label = N_("Colour") },
  { "photo", NULL, "photo", WM_VALUE_PHOTO, .editor = WM_EDITOR_PHOTO, .label = N_("Photo") },
  LIST ("goals", N_("Goals"), N_("Goal"), N_("Add Goal")),
  LIST ("needs", N_("Needs"), N_("Need"), N_("Add Need")),
  LIST ("frustrations", N_("Frustrations"), N_("Frustration"), N_("Add Frustration")),
  LIST ("motivations", N_("Motivations"), N_("Motivation"), N_("Add Motivation")),
  LIST ("channels", N_("Channels"), N_("Channel"), N_("Add Channel")),
  HINT ("name", N_("Name Hint")),
  HINT ("role", N_("Role Hint")),
  HINT ("location", N_("Location Hint")),
  HINT ("segment", N_("Segment Hint")),
  HINT ("quote", N_("Quote Hint")),
  HINT ("bio", N_("Background Hint")),
  HINT ("goals", N_("Goals Hint")),
  HINT ("needs", N_("Needs Hint")),
  HINT ("frustrations", N_("Frustrations Hint")),
  HINT ("motivations", N_("Motivations Hint")),
  HINT ("channels", N_("Channels Hint")),
  { NULL }
};

#undef LIST
#undef HINT

static const WmFieldInfo stage_fields[] = {
  { "name", NULL, "name", WM_VALUE_TEXT, WM_FIELD_REQUIRED, .editor = WM_EDITOR_LINE, .label = N_("Name") },
  { "description", NULL, "description", WM_VALUE_TEXT, .editor = WM_EDITOR_TEXT, .label = N_("Description") },
  { "time_label", NULL, "time-label", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Time") },
  { "customers", NULL, "customers", WM_VALUE_INTEGER, 0, 0, G_MAXINT,
    .editor = WM_EDITOR_NUMBER, .label = N_("Customers") },
  { "color", NULL, "color", WM_VALUE_COLOR, .editor = WM_EDITOR_COLOR, .label = N_("Colour") },
  { "width", NULL, "width", WM_VALUE_INTEGER, 0, WM_STAGE_MIN_WIDTH, WM_STAGE_MAX_WIDTH,
    .editor = WM_EDITOR_NUMBER, .label = N_("Width") },
  { NULL }
};

static const WmFieldInfo lane_fields[] = {
  { "title", NULL, "title", WM_VALUE_TEXT, WM_FIELD_REQUIRED, .editor = WM_EDITOR_LINE, .label = N_("Title") },
  { "kind", NULL, "kind", WM_VALUE_ENUM, WM_FIELD_REQUIRED, .editor = WM_EDITOR_CHOICE, .label = N_("Kind of Lane") },
  { "collapsed", NULL, "collapsed", WM_VALUE_BOOLEAN, .editor = WM_EDITOR_SWITCH, .label = N_("Collapsed") },
  { NULL }
};

static const WmFieldInfo card_fields[] = {
  { "stage", NULL, "stage", WM_VALUE_REFERENCE, WM_FIELD_REQUIRED },
  { "lane", NULL, "lane", WM_VALUE_REFERENCE, WM_FIELD_REQUIRED },
  { "span", NULL, "span", WM_VALUE_INTEGER, 0, 1, G_MAXINT },
  { "title", NULL, "title", WM_VALUE_TEXT, WM_FIELD_REQUIRED, .editor = WM_EDITOR_LINE, .label = N_("Title") },
  { "text", NULL, "text", WM_VALUE_TEXT, .editor = WM_EDITOR_TEXT, .label = N_("Details") },
  /* Guidance from the template for an empty title; shown, never exported. */
  { "hint", NULL, "hint-title", WM_VALUE_TEXT, .label = N_("Title Hint") },
  { "channel", NULL, "channel", WM_VALUE_TEXT, .editor = WM_EDITOR_CHANNEL, .label = N_("Channel"), .group = 1 },
  { "owner", NULL, "owner", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Owner"), .group = 1 },
  /* 0 is "not scored": the default, left out of files and refused in them. */
  { "impact", NULL, "impact", WM_VALUE_INTEGER, 0, 1, WM_MAX_PRIORITY_SCORE,
    .editor = WM_EDITOR_NUMBER, .label = N_("Impact"), .group = 1 },
  { "effort", NULL, "effort", WM_VALUE_INTEGER, 0, 1, WM_MAX_PRIORITY_SCORE,
    .editor = WM_EDITOR_NUMBER, .label = N_("Effort"), .group = 1 },
  { "status", NULL, "status", WM_VALUE_ENUM, .editor = WM_EDITOR_CHOICE, .label = N_("Status"), .group = 1 },
  { "quality", NULL, "quality", WM_VALUE_ENUM, .editor = WM_EDITOR_CHOICE, .label = N_("Quality"), .group = 1 },
  { "moment", NULL, "moment", WM_VALUE_ENUM, .editor = WM_EDITOR_CHOICE, .label = N_("Moment of Truth"), .group = 1 },
  { "time_label", NULL, "time-label", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Time"), .group = 1 },
  /* Both parts of the metric are written once either is set. */
  { "name", "metric", "metric-name", WM_VALUE_TEXT, .editor = WM_EDITOR_LINE, .label = N_("Metric"), .group = 1 },
  { "value", "metric", "metric-value", WM_VALUE_TEXT,
    .editor = WM_EDITOR_LINE, .label = N_("Metric Value"), .group = 1 },
  { "color", NULL, "color", WM_VALUE_COLOR, .editor = WM_EDITOR_COLOR, .label = N_("Colour"), .group = 1 },
  { "tags", NULL, "tags", WM_VALUE_LIST, .editor = WM_EDITOR_TAGS, .label = N_("Tags"), .group = 1 },
  { "picture", NULL, "picture", WM_VALUE_PHOTO, .editor = WM_EDITOR_PHOTO, .label = N_("Picture") },
  { NULL }
};

static const WmFieldInfo curve_fields[] = {
  { "persona", NULL, "persona", WM_VALUE_REFERENCE, WM_FIELD_REQUIRED },
  { NULL }
};

/* Points are edited on the canvas: dragged, and labelled in place. */
static const WmFieldInfo point_fields[] = {
  { "stage", NULL, "stage", WM_VALUE_REFERENCE, WM_FIELD_REQUIRED },
  { "position", NULL, "position", WM_VALUE_FRACTION, WM_FIELD_ALWAYS, 0, 1 },
  { "score", NULL, "score", WM_VALUE_INTEGER, WM_FIELD_REQUIRED, 1, WM_MAX_EMOTION_SCALE },
  { "label", NULL, "label", WM_VALUE_TEXT },
  { NULL }
};

/* A saved view's conditions: each a list of strings (see wm-saved-view.c). */
static const WmFieldInfo saved_view_fields[] = {
  { "name", NULL, "name", WM_VALUE_TEXT, WM_FIELD_REQUIRED },
  { "personas", NULL, "personas", WM_VALUE_LIST },
  { "channels", NULL, "channels", WM_VALUE_LIST },
  { "tags", NULL, "tags", WM_VALUE_LIST },
  { "owners", NULL, "owners", WM_VALUE_LIST },
  { "qualities", NULL, "qualities", WM_VALUE_LIST },
  { "statuses", NULL, "statuses", WM_VALUE_LIST },
  { "lane_kinds", NULL, "lane-kinds", WM_VALUE_LIST },
  { NULL }
};

static const WmElementInfo kinds[] = {
  { wm_document_get_type, N_("Map"), TRUE, document_fields },
  { wm_persona_get_type, N_("Persona"), TRUE, persona_fields, { NULL, N_("In Their Words") } },
  { wm_stage_get_type, N_("Stage"), TRUE, stage_fields },
  { wm_lane_get_type, N_("Lane"), TRUE, lane_fields },
  { wm_card_get_type, N_("Card"), TRUE, card_fields, { NULL, N_("Details") } },
  { wm_emotion_curve_get_type, N_("Emotion Curve"), FALSE, curve_fields },
  { wm_emotion_point_get_type, N_("Emotion Point"), TRUE, point_fields },
  { wm_saved_view_get_type, N_("View"), TRUE, saved_view_fields },
};

/**
 * wm_element_info_get_all:
 * @n_kinds: (out): the number of kinds
 *
 * Returns: (array length=n_kinds): the table of every kind of element
 */
const WmElementInfo *
wm_element_info_get_all (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * wm_element_info_lookup:
 * @type: a kind of element, such as %WM_TYPE_CARD
 *
 * Returns: (nullable): the fields of @type
 */
const WmElementInfo *
wm_element_info_lookup (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].get_type () == type)
      return &kinds[i];
  return NULL;
}

/**
 * wm_field_info_get_pspec:
 *
 * Returns: (transfer none): the property @field is stored in
 */
GParamSpec *
wm_field_info_get_pspec (const WmElementInfo *info,
                         const WmFieldInfo   *field)
{
  GObjectClass *klass = g_type_class_peek (info->get_type ());

  /* Element classes are static types, never unloaded: the first
   * reference, taken here if no element was made yet, is kept. */
  if (klass == NULL)
    klass = g_type_class_ref (info->get_type ());
  return g_object_class_find_property (klass, field->property);
}

/**
 * wm_field_info_is_default:
 * @field: a field of @element's kind
 * @element: an element
 *
 * Whether @element's value of @field is the one a file leaves out: the
 * property's default, where empty text and an empty list count as unset.
 *
 * Returns: %TRUE if the writer may omit @field
 */
gboolean
wm_field_info_is_default (const WmFieldInfo *field,
                          WmElement         *element)
{
  GParamSpec *pspec = wm_element_find_field (element, field->property);
  const GValue *value;

  g_return_val_if_fail (pspec != NULL, TRUE);

  value = wm_element_peek_value (element, pspec);
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) == NULL || *g_value_get_string (value) == '\0';
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    return g_value_get_boxed (value) == NULL || *(char **) g_value_get_boxed (value) == NULL;
  return g_param_value_defaults (pspec, value);
}

/**
 * wm_field_info_get_picture_pspecs:
 * @info: a kind of element
 * @field: a %WM_VALUE_PHOTO field of @info
 * @pspecs: (out caller-allocates): the picture's bytes, its media type
 *   and, when the kind keeps one, its alternative text
 *
 * A picture is stored in up to three properties named after the field's:
 * "picture", "picture-type" and "picture-alt".
 *
 * Returns: how many of @pspecs were set, 2 or 3
 */
guint
wm_field_info_get_picture_pspecs (const WmElementInfo *info,
                                  const WmFieldInfo   *field,
                                  GParamSpec          *pspecs[3])
{
  GObjectClass *klass;
  g_autofree char *type_name = g_strconcat (field->property, "-type", NULL);
  g_autofree char *alt_name = g_strconcat (field->property, "-alt", NULL);

  pspecs[0] = wm_field_info_get_pspec (info, field);
  klass = g_type_class_peek (info->get_type ());
  pspecs[1] = g_object_class_find_property (klass, type_name);
  pspecs[2] = g_object_class_find_property (klass, alt_name);
  g_return_val_if_fail (pspecs[0] != NULL && pspecs[1] != NULL, 0);
  return pspecs[2] != NULL ? 3 : 2;
}

/**
 * wm_field_info_has_row:
 *
 * Returns: whether @field is edited by a row of its group in the
 *   inspector, rather than on the canvas or by a widget of its own
 */
gboolean
wm_field_info_has_row (const WmFieldInfo *field)
{
  return field->editor != WM_EDITOR_NONE && field->editor != WM_EDITOR_LIST && field->editor != WM_EDITOR_PHOTO;
}

/**
 * wm_round_fraction:
 * @value: a number such as a point's position
 *
 * Returns: @value rounded to %WM_FRACTION_DIGITS decimals: the double
 *   nearest that decimal, which the file's shortest form writes back as
 *   exactly those digits, and which rounds to itself
 */
double
wm_round_fraction (double value)
{
  double scale = 1.0;

  for (int i = 0; i < WM_FRACTION_DIGITS; i++)
    scale *= 10;
  if (!isfinite (value))
    return value;
  return round (value * scale) / scale;
}

/**
 * wm_value_normalize:
 * @value: a field's value
 *
 * Brings @value to the precision the model keeps: fractions are rounded,
 * everything else is kept as it is. Every way into an element goes
 * through this, so what is shown is what is saved and read back.
 */
void
wm_value_normalize (GValue *value)
{
  if (G_VALUE_HOLDS_DOUBLE (value))
    g_value_set_double (value, wm_round_fraction (g_value_get_double (value)));
}

/**
 * wm_value_equal:
 * @a: a field's value
 * @b: another value of the same field
 *
 * Compares values as a reader of the file would: by content, absent text
 * or an absent list the same as an empty one. GLib's own comparison of
 * boxed values only compares their addresses.
 *
 * Returns: whether @a and @b are the same value
 */
gboolean
wm_value_equal (const GValue *a,
                const GValue *b)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (G_VALUE_TYPE (a) == G_VALUE_TYPE (b), FALSE);

  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) != NULL ? g_value_get_string (a) : "",
                      g_value_get_string (b) != NULL ? g_value_get_string (b) : "") == 0;
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a), * const *y = g_value_get_boxed (b);

      return g_strv_equal ((const char * const *) (x != NULL ? x : none), (const char * const *) (y != NULL ? y : none));
    }
  if (G_VALUE_HOLDS (a, G_TYPE_BYTES))
    {
      GBytes *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);

      return x == y || (x != NULL && y != NULL && g_bytes_equal (x, y));
    }
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (a)))
    {
    case G_TYPE_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case G_TYPE_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case G_TYPE_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    default:
      g_return_val_if_reached (FALSE);
    }
}
