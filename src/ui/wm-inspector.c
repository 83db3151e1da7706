/* wm-inspector.c: the side panel that edits every field of the selected
 * card, stage or lane, or of the map itself when nothing is selected.
 *
 * The panel is rebuilt when the selection moves to another element, and
 * follows that element's changes in place, wherever they come from: its
 * rows follow its fields, and its header follows the history, so that it
 * names the card's current stage and lane after a drag, an undo or a
 * redo. An element the history takes away (an undone "Add Card") leaves
 * the panel showing the map, never a card that is no longer there.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-card.h"
#include "wm-field-group.h"
#include "wm-inspector.h"
#include "wm-lane.h"
#include "wm-picture-group.h"
#include "wm-stage.h"

/* Wide enough for a card's title on one line, narrow enough to leave
 * the map most of a laptop's screen. */
#define PANEL_WIDTH 340

struct _WmInspector
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  WmDocument *document;
  WmHistory *history;         /* the document's, followed for the header */
  WmElement *element;         /* NULL: the map itself */

  GtkWidget *heading;
  GtkWidget *subtitle;
  GtkWidget *groups_box;
  GtkWidget *picture_group;   /* for a card */
  gboolean has_rows;
};

G_DEFINE_FINAL_TYPE (WmInspector, wm_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ELEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_rows (WmInspector *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  self->picture_group = NULL;
  self->has_rows = FALSE;
}

/* The element's fields, and what the panel calls it. */
static const WmElementInfo *
info_for (WmElement   *element,
          const char **kind)
{
  const WmElementInfo *info = wm_element_info_lookup (G_OBJECT_TYPE (element));

  *kind = _(info->name);
  return info;
}

static gboolean
group_has_rows (const WmElementInfo *info,
                guint                group)
{
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    if (field->group == group && wm_field_info_has_row (field))
      return TRUE;
  return FALSE;
}

/* Where a card sits, so the panel says which card it is editing. */
static char *
describe_place (WmInspector *self,
                WmElement   *element)
{
  WmElement *stage;
  WmElement *lane;

  if (!WM_IS_CARD (element))
    return NULL;
  stage = wm_document_lookup (self->document, wm_card_get_stage (WM_CARD (element)));
  lane = wm_document_lookup (self->document, wm_card_get_lane (WM_CARD (element)));
  if (!WM_IS_STAGE (stage) || !WM_IS_LANE (lane))
    return NULL;
  /* Translators: where a card is: a stage, then a lane */
  return g_strdup_printf (_("%s · %s"), wm_stage_get_name (WM_STAGE (stage)), wm_lane_get_title (WM_LANE (lane)));
}

/* Names the element and, for a card, where it is now. */
static void
update_header (WmInspector *self,
               WmElement   *element)
{
  const char *kind;
  g_autofree char *place = describe_place (self, element);

  info_for (element, &kind);
  gtk_label_set_label (GTK_LABEL (self->heading), kind);
  gtk_label_set_label (GTK_LABEL (self->subtitle), place != NULL ? place : "");
  gtk_label_set_wrap (GTK_LABEL (self->subtitle), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (self->subtitle, place != NULL);
}

static void
rebuild (WmInspector *self)
{
  WmElement *element;
  const WmElementInfo *info;
  const char *kind;

  clear_rows (self);
  if (self->document == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->heading), "");
      gtk_widget_set_visible (self->subtitle, FALSE);
      return;
    }

  element = self->element != NULL ? self->element : WM_ELEMENT (self->document);
  info = info_for (element, &kind);
  update_header (self, element);

  for (guint group = 0; group < WM_MAX_FIELD_GROUPS; group++)
    {
      if (group_has_rows (info, group))
        gtk_box_append (GTK_BOX (self->groups_box),
                        wm_field_group_new (info->group_titles[group] != NULL ? _(info->group_titles[group]) : NULL,
                                            info, group, self->document, element));
      /* A card's picture comes right after its title and details. */
      if (group == 0 && WM_IS_CARD (element))
        {
          self->picture_group = wm_picture_group_new (self->document, WM_CARD (element));
          gtk_box_append (GTK_BOX (self->groups_box), self->picture_group);
        }
    }
  self->has_rows = TRUE;
}

/* After every change, done, undone or redone: a card may have moved, its
 * stage or lane been renamed, or the element itself gone. */
static void
on_history_changed (WmInspector *self)
{
  if (self->element == NULL || self->document == NULL)
    return;
  if (wm_document_lookup (self->document, wm_element_get_id (self->element)) != self->element)
    {
      /* A gesture may take an element out and put it back: wait for it
       * to end (the history tells again when it commits). */
      if (!wm_history_in_transaction (self->history))
        wm_inspector_set_element (self, NULL);
      return;
    }
  update_header (self, self->element);
}

static void
follow_history (WmInspector *self,
                WmHistory   *history)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_swapped (history, "changed", G_CALLBACK (on_history_changed), self);
}

static void
wm_inspector_dispose (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);

  if (self->groups_box != NULL)
    clear_rows (self);
  follow_history (self, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->element);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (wm_inspector_parent_class)->dispose (object);
}

static void
wm_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmInspector *self = WM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ELEMENT:
      g_value_set_object (value, self->element);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WmInspector *self = WM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_inspector_set_document (self, g_value_get_object (value));
      break;
    case PROP_ELEMENT:
      wm_inspector_set_element (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The panel asks for its own width, not for the width of its longest
 * paragraph: beside the map, text wraps. */
static void
wm_inspector_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  WmInspector *self = WM_INSPECTOR (widget);

  gtk_widget_measure (self->scrolled, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, PANEL_WIDTH);
}

static void
wm_inspector_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  WmInspector *self = WM_INSPECTOR (widget);

  gtk_widget_allocate (self->scrolled, width, height, baseline, NULL);
}

static void
wm_inspector_class_init (WmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_inspector_dispose;
  object_class->get_property = wm_inspector_get_property;
  object_class->set_property = wm_inspector_set_property;
  widget_class->measure = wm_inspector_measure;
  widget_class->size_allocate = wm_inspector_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The card, stage or lane to edit; %NULL edits the map. */
  properties[PROP_ELEMENT] =
    g_param_spec_object ("element", NULL, NULL, WM_TYPE_ELEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wm-inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_inspector_init (WmInspector *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "title-4");
  self->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (header), self->heading);
  gtk_box_append (GTK_BOX (header), self->subtitle);

  self->groups_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->groups_box);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  self->scrolled = scrolled;
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"), -1);
}

GtkWidget *
wm_inspector_new (void)
{
  return g_object_new (WM_TYPE_INSPECTOR, NULL);
}

/* The map whose elements are edited. */
void
wm_inspector_set_document (WmInspector *self,
                           WmDocument  *document)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_clear_object (&self->element);
  g_set_object (&self->document, document);
  follow_history (self, document != NULL ? wm_document_get_history (document) : NULL);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

WmDocument *
wm_inspector_get_document (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->document;
}

/**
 * wm_inspector_show_several:
 * @n_cards: how many cards are selected, more than one
 *
 * Says that several cards are selected, rather than editing one of them
 * or the map behind the user's back.
 */
void
wm_inspector_show_several (WmInspector *self,
                           guint        n_cards)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (WM_IS_INSPECTOR (self));

  g_clear_object (&self->element);
  clear_rows (self);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Card Selected", "%u Cards Selected", n_cards),
                             n_cards);
  gtk_label_set_label (GTK_LABEL (self->heading), heading);
  gtk_label_set_label (GTK_LABEL (self->subtitle), _("Select one card to edit its fields. "
                                                     "Drag, cut, copy or delete them all at once."));
  gtk_label_set_wrap (GTK_LABEL (self->subtitle), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_visible (self->subtitle, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

/* What to edit: a card, stage or lane of the document, or %NULL for the
 * map. Other elements (persona, emotion point) show the map for now. */
void
wm_inspector_set_element (WmInspector *self,
                          WmElement   *element)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (element == NULL || WM_IS_ELEMENT (element));

  if (element != NULL && !WM_IS_CARD (element) && !WM_IS_STAGE (element) && !WM_IS_LANE (element))
    element = NULL;
  if (self->element == element && (element != NULL || self->has_rows))
    return;
  g_set_object (&self->element, element);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

WmElement *
wm_inspector_get_element (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->element;
}

/**
 * wm_inspector_set_picture_from_file:
 * @file: a PNG or JPEG file
 * @error: return location for a #GError that can be shown to the user
 *
 * Does what choosing @file with "Choose Picture…" does for the card the
 * panel shows.
 *
 * Returns: whether the file became the card's picture: not when the
 *   panel shows no card or the file cannot be used
 */
gboolean
wm_inspector_set_picture_from_file (WmInspector  *self,
                                    GFile        *file,
                                    GError      **error)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->picture_group == NULL)
    return FALSE;
  return wm_picture_group_set_picture_from_file (WM_PICTURE_GROUP (self->picture_group), file, error);
}
