/* wm-inspector-row.c: one field of the inspector, with the widget that
 * suits it: an entry row, a text area, a drop-down, a colour button or a
 * switch.
 *
 * Every edit goes through the document, so it is undoable; typing into one
 * field is one undo step however many keys it took. The row follows the
 * element too, so Undo, the canvas and other windows show up here. A row
 * never writes back a value it is being told about (the "refreshing"
 * guard), and never rewrites the text a user is typing (the "committing"
 * guard): "a, " must not become "a" between two keystrokes.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-inspector-row"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "wm-channels.h"
#include "wm-enums.h"
#include "wm-inspector-row.h"

static const int emotion_scales[] = { 3, 5, 7, 10 };

struct _WmInspectorRow
{
  const WmFieldInfo *field;
  WmDocument *document;
  WmElement *element;
  GtkWidget *widget;          /* what the group shows */
  GtkWidget *editor;          /* what emits the edits */
  GtkTextBuffer *buffer;      /* for WM_EDITOR_TEXT */
  GtkWidget *hint;            /* the template's hint, shown while the field is empty */
  GtkEventController *focus;  /* for WM_EDITOR_LINE and the like */
  gboolean focused;           /* for WM_EDITOR_LINE: the entry shows the hint itself */
  GArray *values;             /* for drop-downs: the value of each item */
  gboolean refreshing;
  gboolean committing;
};

/* --- Reading the element ------------------------------------------------ */

static char *
get_string (WmInspectorRow *self)
{
  char *value = NULL;

  g_object_get (self->element, self->field->property, &value, NULL);
  return value != NULL ? value : g_strdup ("");
}

static int
get_int (WmInspectorRow *self)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->element), self->field->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (self->element), self->field->property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);
  return g_value_get_int (&value);
}

static char *
join_tags (WmInspectorRow *self)
{
  g_auto(GStrv) tags = NULL;

  g_object_get (self->element, self->field->property, &tags, NULL);
  return tags != NULL ? g_strjoinv (", ", tags) : g_strdup ("");
}

static GStrv
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0')
        g_strv_builder_add (builder, tag);
    }
  return g_strv_builder_end (builder);
}

static const char *
enum_display_name (GType type,
                   int   value)
{
  if (type == WM_TYPE_MAP_KIND)
    return wm_map_kind_get_display_name (value);
  if (type == WM_TYPE_LANE_KIND)
    return wm_lane_kind_get_display_name (value);
  if (type == WM_TYPE_CARD_QUALITY)
    return value == WM_CARD_QUALITY_NONE ? _("None") : wm_card_quality_get_display_name (value);
  if (type == WM_TYPE_MOMENT)
    return value == WM_MOMENT_NONE ? _("None") : wm_moment_get_display_name (value);
  if (type == WM_TYPE_CARD_STATUS)
    return value == WM_CARD_STATUS_NONE ? _("None") : wm_card_status_get_display_name (value);
  return wm_enum_to_nick (type, value);
}

/* --- Writing the element ------------------------------------------------ */

static void refresh_hint (WmInspectorRow *self,
                          const char     *text);

static void
commit_text (WmInspectorRow *self,
             const char     *text)
{
  self->committing = TRUE;
  wm_document_type_string (self->document, self->element, self->field->property, text);
  self->committing = FALSE;
  /* Typing skips the refresh; the hint goes with the first letter. */
  refresh_hint (self, text);
}

static void
on_line_changed (GtkEditable    *editable,
                 WmInspectorRow *self)
{
  if (!self->refreshing)
    commit_text (self, gtk_editable_get_text (editable));
}

static void
on_buffer_changed (GtkTextBuffer  *buffer,
                   WmInspectorRow *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->refreshing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  commit_text (self, text);
}

static void
on_tags_changed (GtkEditable    *editable,
                 WmInspectorRow *self)
{
  g_auto(GStrv) tags = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->refreshing)
    return;
  tags = split_tags (gtk_editable_get_text (editable));
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, tags);
  self->committing = TRUE;
  wm_document_set_value (self->document, self->element, self->field->property, &value, "typing");
  self->committing = FALSE;
}

/* The number an empty row stands for: the field's default, such as
 * unknown (-1) or the theme's width (0). */
static int
empty_number (WmInspectorRow *self)
{
  GParamSpec *pspec = wm_element_find_field (self->element, self->field->property);

  return G_PARAM_SPEC_INT (pspec)->default_value;
}

/* An empty number is the default; anything but digits in the range a
 * file may hold is refused, and the row says so rather than dropping it. */
static void
on_number_changed (GtkEditable    *editable,
                   WmInspectorRow *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint64 number = 0;
  gboolean valid = *trimmed == '\0' ||
                   g_ascii_string_to_unsigned (trimmed, 10, (guint64) self->field->min, (guint64) self->field->max,
                                               &number, NULL);

  if (self->refreshing)
    return;
  if (valid)
    gtk_widget_remove_css_class (self->widget, "error");
  else
    gtk_widget_add_css_class (self->widget, "error");
  if (!valid)
    return;

  self->committing = TRUE;
  wm_document_set_int (self->document, self->element, self->field->property,
                       *trimmed == '\0' ? empty_number (self) : (int) number);
  self->committing = FALSE;
}

static void
on_choice_selected (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    WmInspectorRow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->refreshing || selected >= self->values->len)
    return;

  if (self->field->editor == WM_EDITOR_SCALE)
    wm_document_set_emotion_scale (self->document, g_array_index (self->values, int, selected),
                                   _("Change Emotion Scale"));
  else if (self->field->editor == WM_EDITOR_CHANNEL)
    {
      guint n_channels;
      const WmChannel *channels = wm_channels_get_all (&n_channels);

      wm_document_set_string (self->document, self->element, self->field->property,
                              selected == 0 ? "" : channels[selected - 1].id);
    }
  else if (!wm_document_set_int (self->document, self->element, self->field->property,
                                 g_array_index (self->values, int, selected)))
    /* Refused, such as a lane of cards made a divider: show what stands. */
    wm_inspector_row_refresh (self);
}

static void
on_color_set (GtkColorButton *button,
              WmInspectorRow *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) lround (rgba.red * 255), (int) lround (rgba.green * 255),
                         (int) lround (rgba.blue * 255));
  wm_document_set_string (self->document, self->element, self->field->property, hex);
}

static void
on_color_cleared (GtkButton      *button,
                  WmInspectorRow *self)
{
  wm_document_set_string (self->document, self->element, self->field->property, "");
}

static void
on_switch_active (GtkSwitch      *toggle,
                  GParamSpec     *pspec,
                  WmInspectorRow *self)
{
  if (!self->refreshing)
    wm_document_set_int (self->document, self->element, self->field->property, gtk_switch_get_active (toggle));
}

/* --- Building the widgets ----------------------------------------------- */

static void
on_entry_focus_changed (GtkEventControllerFocus *focus,
                        WmInspectorRow          *self)
{
  self->focused = gtk_event_controller_focus_contains_focus (focus);
  if (self->hint != NULL)
    refresh_hint (self, gtk_editable_get_text (GTK_EDITABLE (self->editor)));
}

static GtkWidget *
new_entry_row (WmInspectorRow *self,
               GCallback       on_changed)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (on_entry_focus_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_changed), self);
  gtk_widget_add_controller (row, focus);
  self->focus = focus;
  g_signal_connect (row, "changed", on_changed, self);
  self->editor = row;
  return row;
}

static GtkWidget *
new_text_row (WmInspectorRow *self)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(self->field->label));
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "inspector-text");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* A text view cannot always tell its height for a width it has not had
   * yet; in a scrolled area long text is reachable however it measures. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 88);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  /* A text view has no placeholder: the hint is a dim line above it. */
  self->hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_label_set_wrap (GTK_LABEL (self->hint), TRUE);
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_add_css_class (self->hint, "inspector-hint");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->hint);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  /* A plain preferences row has no name of its own for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->field->label), -1);

  self->editor = view;
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  return row;
}

static GtkWidget *
new_choice_row (WmInspectorRow *self)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->values = g_array_new (FALSE, FALSE, sizeof (int));
  if (self->field->editor == WM_EDITOR_SCALE)
    for (guint i = 0; i < G_N_ELEMENTS (emotion_scales); i++)
      {
        /* Translators: an emotion scale, such as "5 levels" */
        g_autofree char *name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d level", "%d levels",
                                                              emotion_scales[i]), emotion_scales[i]);

        gtk_string_list_append (names, name);
        g_array_append_val (self->values, emotion_scales[i]);
      }
  else if (self->field->editor == WM_EDITOR_CHANNEL)
    {
      guint n_channels;
      const WmChannel *channels = wm_channels_get_all (&n_channels);

      gtk_string_list_append (names, _("None"));
      for (guint i = 0; i <= n_channels; i++)
        g_array_append_val (self->values, i);
      for (guint i = 0; i < n_channels; i++)
        gtk_string_list_append (names, wm_channel_get_display_name (channels[i].id));
    }
  else
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->element), self->field->property);
      GEnumClass *enum_class = g_type_class_ref (pspec->value_type);

      for (guint i = 0; i < enum_class->n_values; i++)
        {
          gtk_string_list_append (names, enum_display_name (pspec->value_type, enum_class->values[i].value));
          g_array_append_val (self->values, enum_class->values[i].value);
        }
      g_type_class_unref (enum_class);
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected), self);
  self->editor = row;
  return row;
}

static GtkWidget *
new_color_row (WmInspectorRow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Use the Theme’s Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use the Theme’s Colour"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(self->field->label), -1);
  /* Screen readers meet the button inside the colour button, which has no
   * name of its own. */
  if (GTK_IS_BUTTON (gtk_widget_get_first_child (button)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->field->label), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_signal_connect (button, "color-set", G_CALLBACK (on_color_set), self);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_color_cleared), self);
  g_object_set_data (G_OBJECT (row), "clear-button", clear);
  self->editor = button;
  return row;
}

static GtkWidget *
new_switch_row (WmInspectorRow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(self->field->label), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_switch_active), self);
  self->editor = toggle;
  return row;
}

/**
 * wm_inspector_row_new:
 * @field: what to edit
 * @document: the map @element belongs to
 * @element: the card, stage, lane, or the map itself
 *
 * Returns: (transfer full): a row showing @element's value of @field
 */
WmInspectorRow *
wm_inspector_row_new (const WmFieldInfo *field,
                      WmDocument        *document,
                      WmElement         *element)
{
  WmInspectorRow *self = g_new0 (WmInspectorRow, 1);

  self->field = field;
  self->document = g_object_ref (document);
  self->element = g_object_ref (element);

  switch (field->editor)
    {
    case WM_EDITOR_LINE:
      self->widget = new_entry_row (self, G_CALLBACK (on_line_changed));
      break;
    case WM_EDITOR_TAGS:
      self->widget = new_entry_row (self, G_CALLBACK (on_tags_changed));
      gtk_widget_set_tooltip_text (self->widget, _("Separate tags with commas"));
      break;
    case WM_EDITOR_NUMBER:
      self->widget = new_entry_row (self, G_CALLBACK (on_number_changed));
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->widget), GTK_INPUT_PURPOSE_DIGITS);
      break;
    case WM_EDITOR_TEXT:
      self->widget = new_text_row (self);
      break;
    case WM_EDITOR_CHOICE:
    case WM_EDITOR_CHANNEL:
    case WM_EDITOR_SCALE:
      self->widget = new_choice_row (self);
      break;
    case WM_EDITOR_COLOR:
      self->widget = new_color_row (self);
      break;
    case WM_EDITOR_SWITCH:
      self->widget = new_switch_row (self);
      break;
    case WM_EDITOR_NONE:
    case WM_EDITOR_LIST:
    case WM_EDITOR_PHOTO:
    default:
      /* Lists and photos have widgets of their own. */
      g_assert_not_reached ();
    }

  if (ADW_IS_PREFERENCES_ROW (self->widget))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->widget), _(field->label));
  g_object_ref_sink (self->widget);
  wm_inspector_row_refresh (self);
  return self;
}

void
wm_inspector_row_free (WmInspectorRow *self)
{
  GtkWidget *clear;

  if (self == NULL)
    return;

  /* The widgets may outlive the row for a moment while GTK tears the
   * group down; they must not call back into freed memory. */
  g_signal_handlers_disconnect_by_data (self->editor, self);
  if (self->focus != NULL)
    g_signal_handlers_disconnect_by_data (self->focus, self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  clear = g_object_get_data (G_OBJECT (self->widget), "clear-button");
  if (clear != NULL)
    g_signal_handlers_disconnect_by_data (clear, self);

  g_clear_object (&self->widget);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->element);
  g_free (self);
}

GtkWidget *
wm_inspector_row_get_widget (WmInspectorRow *self)
{
  return self->widget;
}

const WmFieldInfo *
wm_inspector_row_get_field (WmInspectorRow *self)
{
  return self->field;
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  /* Setting the same text would move the cursor to the end. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

static guint
position_of_value (GArray *values,
                   int     value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, int, i) == value)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
refresh_choice (WmInspectorRow *self)
{
  guint position;

  if (self->field->editor == WM_EDITOR_SCALE)
    position = position_of_value (self->values, wm_document_get_emotion_scale (self->document));
  else if (self->field->editor == WM_EDITOR_CHANNEL)
    {
      g_autofree char *channel = get_string (self);
      guint n_channels;
      const WmChannel *channels = wm_channels_get_all (&n_channels);

      position = 0;
      for (guint i = 0; i < n_channels; i++)
        if (g_str_equal (channels[i].id, channel))
          position = i + 1;
    }
  else
    position = position_of_value (self->values, get_int (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->widget), position);
}

static void
refresh_color (WmInspectorRow *self)
{
  g_autofree char *color = get_string (self);
  GtkWidget *clear = g_object_get_data (G_OBJECT (self->widget), "clear-button");
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 1 };
  gboolean has_color = *color != '\0' && gdk_rgba_parse (&rgba, color);

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->editor), &rgba);
  gtk_widget_set_sensitive (clear, has_color);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->widget), has_color ? color : _("Theme colour"));
}

/**
 * wm_inspector_row_refresh:
 *
 * Shows the element's current value, after a change from anywhere but
 * this row.
 */
/* Shows the template's hint for an empty field: as placeholder text, and
 * to screen readers as the field's placeholder and description (GTK 4.8
 * passes no placeholder on to them). */
static void
refresh_hint (WmInspectorRow *self,
              const char     *text)
{
  const char *hint = wm_element_get_hint (self->element, self->field->property);
  const char *shown = text == NULL || *text == '\0' ? hint : "";
  g_autofree char *description = *shown != '\0' ? g_strdup_printf (_("Hint: %s"), shown) : NULL;

  if (*hint == '\0' && self->hint == NULL)
    return;
  if (self->field->editor == WM_EDITOR_LINE)
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->editor));

      if (GTK_IS_TEXT (delegate))
        gtk_text_set_placeholder_text (GTK_TEXT (delegate), *shown != '\0' ? shown : NULL);
      /* An empty entry row shows only its title until it has the focus;
       * till then the hint sits beside it. */
      if (self->hint == NULL)
        {
          self->hint = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (self->hint), TRUE);
          gtk_label_set_width_chars (GTK_LABEL (self->hint), 18);
          gtk_label_set_max_width_chars (GTK_LABEL (self->hint), 28);
          gtk_label_set_justify (GTK_LABEL (self->hint), GTK_JUSTIFY_RIGHT);
          gtk_label_set_xalign (GTK_LABEL (self->hint), 1);
          gtk_widget_add_css_class (self->hint, "dim-label");
          gtk_widget_add_css_class (self->hint, "inspector-hint");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->editor), self->hint);
        }
    }
  if (self->hint == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->hint), shown);
  gtk_widget_set_visible (self->hint, *shown != '\0' && !self->focused);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, shown,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

void
wm_inspector_row_refresh (WmInspectorRow *self)
{
  if (self->committing)
    return;

  self->refreshing = TRUE;
  switch (self->field->editor)
    {
    case WM_EDITOR_LINE:
      {
        g_autofree char *text = get_string (self);

        set_editable_text (GTK_EDITABLE (self->widget), text);
        refresh_hint (self, text);
      }
      break;
    case WM_EDITOR_TAGS:
      {
        g_autofree char *text = join_tags (self);

        set_editable_text (GTK_EDITABLE (self->widget), text);
      }
      break;
    case WM_EDITOR_NUMBER:
      {
        int count = get_int (self);
        g_autofree char *text = count != empty_number (self) ? g_strdup_printf ("%d", count) : g_strdup ("");

        set_editable_text (GTK_EDITABLE (self->widget), text);
        gtk_widget_remove_css_class (self->widget, "error");
      }
      break;
    case WM_EDITOR_TEXT:
      {
        g_autofree char *text = get_string (self);
        g_autofree char *shown = NULL;
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (self->buffer, &start, &end);
        shown = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
        if (g_strcmp0 (shown, text) != 0)
          gtk_text_buffer_set_text (self->buffer, text, -1);
        refresh_hint (self, text);
      }
      break;
    case WM_EDITOR_CHOICE:
    case WM_EDITOR_CHANNEL:
    case WM_EDITOR_SCALE:
      refresh_choice (self);
      break;
    case WM_EDITOR_COLOR:
      refresh_color (self);
      break;
    case WM_EDITOR_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (self->editor), get_int (self));
      break;
    case WM_EDITOR_NONE:
    case WM_EDITOR_LIST:
    case WM_EDITOR_PHOTO:
    default:
      g_assert_not_reached ();
    }
  self->refreshing = FALSE;
}
