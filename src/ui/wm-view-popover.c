/* wm-view-popover.c: choosing what the map brings forward.
 *
 * Each condition is a row of toggles made from what the map holds: its
 * personas, the channels, tags and owners its cards use, the qualities
 * and statuses, and the kinds of its lanes. Toggles in a row widen the
 * condition ("Email" or "Phone"); rows narrow each other ("Email" and
 * "Planned"). The popover says how many cards the filter keeps and
 * tells the window each change, which fades the others on the map.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-view-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-card.h"
#include "wm-channels.h"
#include "wm-edits.h"
#include "wm-lane.h"
#include "wm-persona.h"
#include "wm-view-popover.h"

typedef enum
{
  CONDITION_PERSONAS,
  CONDITION_CHANNELS,
  CONDITION_TAGS,
  CONDITION_OWNERS,
  CONDITION_QUALITIES,
  CONDITION_STATUSES,
  CONDITION_LANE_KINDS,
  N_CONDITIONS
} Condition;

struct _WmViewPopover
{
  GtkPopover parent_instance;

  GtkWidget *sections;          /* a heading and a flow box per condition */
  GtkLabel *count_label;
  GtkWidget *clear_button;
  GtkListBox *saved_list;       /* the map's saved views */
  GtkWidget *saved_heading;
  GtkEditable *name_entry;
  GtkWidget *save_button;
  GtkWidget *delete_button;
  WmDocument *document;
  WmViewFilter *filter;
  WmSavedView *active;          /* the saved view the filter is, or NULL */
  gboolean building;
};

enum {
  SIGNAL_FILTER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmViewPopover, wm_view_popover, GTK_TYPE_POPOVER)

static GStrv *
list_of (WmViewFilter *filter,
         Condition     condition)
{
  switch (condition)
    {
    case CONDITION_PERSONAS:
      return &filter->personas;
    case CONDITION_CHANNELS:
      return &filter->channels;
    case CONDITION_TAGS:
      return &filter->tags;
    case CONDITION_OWNERS:
      return &filter->owners;
    case CONDITION_QUALITIES:
    case CONDITION_STATUSES:
    case CONDITION_LANE_KINDS:
    case N_CONDITIONS:
    default:
      return NULL;
    }
}

static guint *
bits_of (WmViewFilter *filter,
         Condition     condition)
{
  switch (condition)
    {
    case CONDITION_QUALITIES:
      return &filter->qualities;
    case CONDITION_STATUSES:
      return &filter->statuses;
    case CONDITION_LANE_KINDS:
      return &filter->lane_kinds;
    case CONDITION_PERSONAS:
    case CONDITION_CHANNELS:
    case CONDITION_TAGS:
    case CONDITION_OWNERS:
    case N_CONDITIONS:
    default:
      return NULL;
    }
}

static void
update_count (WmViewPopover *self)
{
  guint all = self->document != NULL ? g_list_model_get_n_items (wm_document_get_cards (self->document)) : 0;
  guint kept = self->document != NULL ? wm_view_filter_count_matches (self->filter, self->document) : 0;
  g_autofree char *text = NULL;

  if (wm_view_filter_is_empty (self->filter))
    /* Translators: the view popover's count with no filter */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u card shown", "All %u cards shown", all), all);
  else
    /* Translators: how many cards the view's filter keeps */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u card shown", "%u of %u cards shown", all),
                            kept, all);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (self->clear_button, !wm_view_filter_is_empty (self->filter));
  gtk_widget_set_sensitive (self->delete_button, self->active != NULL);
  gtk_widget_set_sensitive (self->save_button, !wm_view_filter_is_empty (self->filter) &&
                                               *gtk_editable_get_text (self->name_entry) != '\0');
}

/* --- Saved views --------------------------------------------------------- */

static void rebuild (WmViewPopover *self);

static void
on_saved_view_activated (WmViewPopover *self,
                         GtkListBoxRow *row)
{
  WmSavedView *view = g_object_get_data (G_OBJECT (row), "view");
  g_autoptr(WmViewFilter) filter = view != NULL ? wm_saved_view_get_filter (view) : NULL;
  g_autoptr(WmSavedView) chosen = view != NULL ? g_object_ref (view) : NULL;

  wm_view_popover_set_filter (self, filter);
  g_set_object (&self->active, chosen);
  gtk_editable_set_text (self->name_entry, view != NULL ? wm_saved_view_get_name (view) : "");
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
}

static GtkWidget *
saved_view_row (WmViewPopover *self,
                WmSavedView   *view,
                const char    *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_visible (check, view == self->active && (view != NULL || wm_view_filter_is_empty (self->filter)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (view != NULL)
    g_object_set_data_full (G_OBJECT (row), "view", g_object_ref (view), g_object_unref);
  return row;
}

static void
rebuild_saved_views (WmViewPopover *self)
{
  GListModel *views = self->document != NULL ? wm_document_get_views (self->document) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->saved_list))) != NULL)
    gtk_list_box_remove (self->saved_list, child);
  gtk_list_box_append (self->saved_list, saved_view_row (self, NULL, _("All Cards")));
  for (guint i = 0; views != NULL && i < g_list_model_get_n_items (views); i++)
    {
      g_autoptr(WmSavedView) view = g_list_model_get_item (views, i);

      gtk_list_box_append (self->saved_list, saved_view_row (self, view, wm_saved_view_get_name (view)));
    }
}

static void
on_save_clicked (WmViewPopover *self)
{
  WmSavedView *view;

  if (self->document == NULL)
    return;
  view = wm_edits_save_view (self->document, gtk_editable_get_text (self->name_entry), self->filter);
  if (view == NULL)
    return;
  g_set_object (&self->active, view);
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
}

/* The filter stays on the map; only its name goes. */
static void
on_delete_clicked (WmViewPopover *self)
{
  if (self->document == NULL || self->active == NULL)
    return;
  wm_document_begin_change (self->document, _("Delete View"));
  if (wm_document_remove (self->document, WM_ELEMENT (self->active)))
    wm_document_commit_change (self->document);
  else
    wm_document_abort_change (self->document);
  g_clear_object (&self->active);
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
}

/**
 * wm_view_popover_get_view_name:
 *
 * Returns: (nullable): the name of the saved view shown, or %NULL when
 *   the filter is not one
 */
const char *
wm_view_popover_get_view_name (WmViewPopover *self)
{
  g_return_val_if_fail (WM_IS_VIEW_POPOVER (self), NULL);

  /* Undo may have taken the view away. */
  if (self->active != NULL && self->document != NULL &&
      wm_document_lookup (self->document, wm_element_get_id (WM_ELEMENT (self->active))) != WM_ELEMENT (self->active))
    g_clear_object (&self->active);
  return self->active != NULL ? wm_saved_view_get_name (self->active) : NULL;
}

/* A toggle changed: its value joins or leaves its condition. */
static void
on_toggled (GtkToggleButton *toggle,
            WmViewPopover   *self)
{
  Condition condition = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "condition"));
  const char *value = g_object_get_data (G_OBJECT (toggle), "value");
  gboolean on = gtk_toggle_button_get_active (toggle);
  GStrv *list = list_of (self->filter, condition);
  guint *bits = bits_of (self->filter, condition);

  if (self->building)
    return;
  if (bits != NULL)
    {
      guint bit = 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "bit"));

      *bits = on ? *bits | bit : *bits & ~bit;
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; *list != NULL && (*list)[i] != NULL; i++)
        if (!g_str_equal ((*list)[i], value))
          g_strv_builder_add (builder, (*list)[i]);
      if (on)
        g_strv_builder_add (builder, value);
      g_strfreev (*list);
      *list = g_strv_builder_end (builder);
      if ((*list)[0] == NULL)
        g_clear_pointer (list, g_strfreev);
    }
  g_clear_object (&self->active);
  update_count (self);
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
}

static gboolean
is_chosen (WmViewPopover *self,
           Condition      condition,
           const char    *value,
           guint          bit)
{
  GStrv *list = list_of (self->filter, condition);
  guint *bits = bits_of (self->filter, condition);

  if (bits != NULL)
    return (*bits & (1u << bit)) != 0;
  return *list != NULL && g_strv_contains ((const char * const *) *list, value);
}

static void
add_toggle (WmViewPopover *self,
            GtkWidget     *flow,
            Condition      condition,
            const char    *label,
            const char    *value,
            guint          bit)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

  g_object_set_data (G_OBJECT (toggle), "condition", GINT_TO_POINTER (condition));
  g_object_set_data_full (G_OBJECT (toggle), "value", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (toggle), "bit", GUINT_TO_POINTER (bit));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), is_chosen (self, condition, value, bit));
  g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggled), self);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), toggle);
}

static GtkWidget *
add_section (WmViewPopover *self,
             const char    *heading)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (GTK_BOX (self->sections), label);
  gtk_box_append (GTK_BOX (self->sections), flow);
  return flow;
}

/* Values in the order first met in the map, each once. */
static void
add_unique (GPtrArray  *values,
            GHashTable *seen,
            const char *value)
{
  if (value == NULL || *value == '\0' || g_hash_table_contains (seen, value))
    return;
  g_hash_table_add (seen, (gpointer) value);
  g_ptr_array_add (values, (gpointer) value);
}

static void
rebuild (WmViewPopover *self)
{
  GListModel *cards, *personas, *lanes;
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GHashTable) seen_channels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_tags = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_owners = g_hash_table_new (g_str_hash, g_str_equal);
  guint kinds_used = 0;
  GtkWidget *child, *flow;

  while ((child = gtk_widget_get_first_child (self->sections)) != NULL)
    gtk_box_remove (GTK_BOX (self->sections), child);
  wm_view_popover_get_view_name (self);
  rebuild_saved_views (self);
  if (self->document == NULL)
    return;

  self->building = TRUE;
  cards = wm_document_get_cards (self->document);
  personas = wm_document_get_personas (self->document);
  lanes = wm_document_get_lanes (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
      const char * const *card_tags = wm_card_get_tags (card);

      add_unique (channels, seen_channels, wm_card_get_channel (card));
      add_unique (owners, seen_owners, wm_card_get_owner (card));
      for (guint t = 0; card_tags != NULL && card_tags[t] != NULL; t++)
        add_unique (tags, seen_tags, card_tags[t]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);

      if (wm_lane_kind_holds_cards (wm_lane_get_kind (lane)))
        kinds_used |= 1u << wm_lane_get_kind (lane);
    }

  if (g_list_model_get_n_items (personas) > 1)
    {
      flow = add_section (self, _("Persona"));
      for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
        {
          g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);

          add_toggle (self, flow, CONDITION_PERSONAS, wm_persona_get_name (persona),
                      wm_element_get_id (WM_ELEMENT (persona)), 0);
        }
    }
  flow = add_section (self, _("Lane"));
  for (guint kind = 0; kind < 32; kind++)
    if (kinds_used & (1u << kind))
      add_toggle (self, flow, CONDITION_LANE_KINDS, wm_lane_kind_get_display_name (kind), NULL, kind);
  flow = add_section (self, _("Status"));
  for (guint status = WM_CARD_STATUS_IDEA; status <= WM_CARD_STATUS_DROPPED; status++)
    add_toggle (self, flow, CONDITION_STATUSES, wm_card_status_get_display_name (status), NULL, status);
  flow = add_section (self, _("Quality"));
  for (guint quality = WM_CARD_QUALITY_GOOD; quality <= WM_CARD_QUALITY_MISSING; quality++)
    add_toggle (self, flow, CONDITION_QUALITIES, wm_card_quality_get_display_name (quality), NULL, quality);
  if (channels->len > 0)
    {
      flow = add_section (self, _("Channel"));
      for (guint i = 0; i < channels->len; i++)
        add_toggle (self, flow, CONDITION_CHANNELS, wm_channel_get_display_name (channels->pdata[i]),
                    channels->pdata[i], 0);
    }
  if (owners->len > 0)
    {
      flow = add_section (self, _("Owner"));
      for (guint i = 0; i < owners->len; i++)
        add_toggle (self, flow, CONDITION_OWNERS, owners->pdata[i], owners->pdata[i], 0);
    }
  if (tags->len > 0)
    {
      flow = add_section (self, _("Tag"));
      for (guint i = 0; i < tags->len; i++)
        add_toggle (self, flow, CONDITION_TAGS, tags->pdata[i], tags->pdata[i], 0);
    }
  self->building = FALSE;
  update_count (self);
}

static void
on_clear_clicked (WmViewPopover *self)
{
  g_clear_object (&self->active);
  wm_view_popover_set_filter (self, NULL);
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
}

void
wm_view_popover_set_document (WmViewPopover *self,
                              WmDocument    *document)
{
  g_return_if_fail (WM_IS_VIEW_POPOVER (self));

  g_set_object (&self->document, document);
  g_clear_object (&self->active);
  gtk_editable_set_text (self->name_entry, "");
  wm_view_popover_set_filter (self, NULL);
}

/**
 * wm_view_popover_set_filter:
 * @filter: (nullable): the filter its toggles show, as a saved view
 *   chose it; the popover keeps a copy
 */
void
wm_view_popover_set_filter (WmViewPopover      *self,
                            const WmViewFilter *filter)
{
  g_return_if_fail (WM_IS_VIEW_POPOVER (self));

  wm_view_filter_free (self->filter);
  self->filter = wm_view_filter_copy (filter);
  rebuild (self);
}

const WmViewFilter *
wm_view_popover_get_filter (WmViewPopover *self)
{
  g_return_val_if_fail (WM_IS_VIEW_POPOVER (self), NULL);

  return self->filter;
}

/* The map's channels, tags and owners may have changed since. */
static void
wm_view_popover_show (GtkWidget *widget)
{
  rebuild (WM_VIEW_POPOVER (widget));
  GTK_WIDGET_CLASS (wm_view_popover_parent_class)->show (widget);
}

GtkWidget *
wm_view_popover_new (void)
{
  return g_object_new (WM_TYPE_VIEW_POPOVER, NULL);
}

static void
wm_view_popover_dispose (GObject *object)
{
  WmViewPopover *self = WM_VIEW_POPOVER (object);

  g_clear_object (&self->document);
  g_clear_object (&self->active);
  g_clear_pointer (&self->filter, wm_view_filter_free);
  G_OBJECT_CLASS (wm_view_popover_parent_class)->dispose (object);
}

static void
wm_view_popover_class_init (WmViewPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_view_popover_dispose;
  widget_class->show = wm_view_popover_show;

  /**
   * WmViewPopover::filter-changed:
   *
   * The user changed a condition; wm_view_popover_get_filter() has it.
   */
  signals[SIGNAL_FILTER_CHANGED] = g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_view_popover_init (WmViewPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *saving = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *explanation = gtk_label_new (_("Cards outside the filter fade on the map, in the presentation "
                                            "and in exports. Choices in one row widen it; rows narrow each other."));

  self->filter = wm_view_filter_new ();
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (explanation), 48);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_widget_add_css_class (explanation, "dim-label");

  self->sections = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->sections);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  self->clear_button = gtk_button_new_with_mnemonic (_("_Show All Cards"));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (footer), self->clear_button);

  self->saved_heading = gtk_label_new (_("Saved Views"));
  gtk_label_set_xalign (GTK_LABEL (self->saved_heading), 0);
  gtk_widget_add_css_class (self->saved_heading, "heading");
  self->saved_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->saved_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->saved_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->saved_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Saved views"), -1);
  g_signal_connect_swapped (self->saved_list, "row-activated", G_CALLBACK (on_saved_view_activated), self);

  self->name_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_entry), TRUE);
  g_object_set (self->name_entry, "placeholder-text", _("Name of the view"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the view"), -1);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (on_save_clicked), self);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save View"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  self->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete View"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete View"), -1);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  gtk_box_append (GTK_BOX (saving), GTK_WIDGET (self->name_entry));
  gtk_box_append (GTK_BOX (saving), self->save_button);
  gtk_box_append (GTK_BOX (saving), self->delete_button);

  gtk_box_append (GTK_BOX (box), self->saved_heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->saved_list));
  gtk_box_append (GTK_BOX (box), explanation);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), footer);
  gtk_box_append (GTK_BOX (box), saving);
  gtk_widget_set_size_request (box, 420, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
}
