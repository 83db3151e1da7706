/* wm-priorities-view.c: the Priorities view beside the map.
 *
 * Above, the impact × effort matrix; below, every pain point and
 * opportunity (and any other card that was scored) in a list sortable by
 * each column and filtered by a search and a choice, with the top pain
 * points and quick wins called out in it. Choosing a card in either
 * chooses it in the other and tells the window, which shows it in the
 * inspector; activating it (Enter or a double-click) shows it on the map.
 *
 * The view follows the document's history, but only lays itself out
 * again while it is on screen: a hidden view just notes that it is out
 * of date.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-priorities-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-funnel-widget.h"
#include "wm-layout-text.h"
#include "wm-matrix-widget.h"
#include "wm-priorities-view.h"
#include "wm-priorities.h"
#include "wm-stage.h"

typedef enum
{
  COLUMN_TITLE,
  COLUMN_KIND,
  COLUMN_STAGE,
  COLUMN_FEELING,
  COLUMN_IMPACT,
  COLUMN_EFFORT,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_CALLOUT,
  N_COLUMNS
} Column;

/* The choices of the filter menu, in its order. */
enum
{
  FILTER_ALL,
  FILTER_PAIN_POINTS,
  FILTER_OPPORTUNITIES,
  FILTER_OPEN,
  FILTER_UNSCORED,
};

/* --- A row of the list ----------------------------------------------------- */

#define WM_TYPE_PRIORITY_ROW (wm_priority_row_get_type ())
G_DECLARE_FINAL_TYPE (WmPriorityRow, wm_priority_row, WM, PRIORITY_ROW, GObject)

struct _WmPriorityRow
{
  GObject parent_instance;

  GPtrArray *items;           /* keeps @item alive */
  WmPriorityItem *item;
  char *stage_name;
  int callout;                /* 1–5 a top pain point, 11–15 a quick win, 0 neither */
};

G_DEFINE_FINAL_TYPE (WmPriorityRow, wm_priority_row, G_TYPE_OBJECT)

#define QUICK_WIN_CALLOUT 10

static void
wm_priority_row_finalize (GObject *object)
{
  WmPriorityRow *self = WM_PRIORITY_ROW (object);

  g_free (self->stage_name);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (wm_priority_row_parent_class)->finalize (object);
}

static void
wm_priority_row_class_init (WmPriorityRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_priority_row_finalize;
}

static void
wm_priority_row_init (WmPriorityRow *self)
{
}

/* --- The view ---------------------------------------------------------------- */

struct _WmPrioritiesView
{
  GtkWidget parent_instance;

  GtkWidget *paned;
  GtkSearchEntry *search;
  GtkDropDown *filter_choice;
  GtkLabel *count_label;
  GtkColumnView *list;
  GListStore *rows;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  WmMatrixWidget *matrix;
  WmFunnelWidget *funnel;

  WmDocument *document;
  WmHistory *history;
  GPtrArray *items;
  gboolean out_of_date;
  gboolean syncing;           /* choosing in one place because of the other */
};

enum {
  SIGNAL_CARD_SELECTED,
  SIGNAL_CARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmPrioritiesView, wm_priorities_view, GTK_TYPE_WIDGET)

/* How the worst-off persona feels in the card's stage, in words. */
static const char *
feeling_word (double feeling)
{
  if (feeling <= -0.6)
    return _("Very unhappy");
  if (feeling < -0.2)
    return _("Unhappy");
  if (feeling <= 0.2)
    return _("Neutral");
  if (feeling < 0.6)
    return _("Happy");
  return _("Very happy");
}

static char *
score_text (int score)
{
  return score > 0 ? g_strdup_printf ("%d", score) : g_strdup ("—");
}

static char *
column_text (WmPriorityRow *row,
             Column         column)
{
  WmCard *card = row->item->card;
  const char *text;

  switch (column)
    {
    case COLUMN_TITLE:
      text = wm_card_get_title (card);
      return g_strdup (*text != '\0' ? text : _("Untitled card"));
    case COLUMN_KIND:
      return g_strdup (wm_lane_kind_get_display_name (row->item->lane_kind));
    case COLUMN_STAGE:
      return g_strdup (row->stage_name);
    case COLUMN_FEELING:
      if (row->item->persona == NULL)
        return g_strdup ("—");
      /* Translators: who feels worst in a card's stage, and how: "Maya · Unhappy" */
      return g_strdup_printf (_("%s · %s"), wm_persona_get_name (row->item->persona), feeling_word (row->item->feeling));
    case COLUMN_IMPACT:
      return score_text (wm_card_get_impact (card));
    case COLUMN_EFFORT:
      return score_text (wm_card_get_effort (card));
    case COLUMN_STATUS:
      text = wm_card_status_get_display_name (wm_card_get_status (card));
      return g_strdup (text != NULL ? text : "—");
    case COLUMN_OWNER:
      text = wm_card_get_owner (card);
      return g_strdup (text != NULL && *text != '\0' ? text : "—");
    case COLUMN_CALLOUT:
      if (row->callout == 0)
        return g_strdup ("");
      if (row->callout > QUICK_WIN_CALLOUT)
        /* Translators: a call-out in the Priorities list: the second-best quick win */
        return g_strdup_printf (_("Quick win %d"), row->callout - QUICK_WIN_CALLOUT);
      /* Translators: a call-out in the Priorities list: the worst open pain point */
      return g_strdup_printf (_("Top pain point %d"), row->callout);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* --- Sorting and filtering ---------------------------------------------------- */

static int
compare_scores (int a,
                int b)
{
  /* Unscored cards go after every scored one, either way round. */
  return (a == 0) != (b == 0) ? (a == 0 ? 1 : -1) : (a > b) - (a < b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  WmPriorityRow *x = WM_PRIORITY_ROW ((gpointer) a), *y = WM_PRIORITY_ROW ((gpointer) b);
  Column column = GPOINTER_TO_INT (user_data);
  int order = 0;

  switch (column)
    {
    case COLUMN_IMPACT:
      order = compare_scores (wm_card_get_impact (x->item->card), wm_card_get_impact (y->item->card));
      break;
    case COLUMN_EFFORT:
      order = compare_scores (wm_card_get_effort (x->item->card), wm_card_get_effort (y->item->card));
      break;
    case COLUMN_STAGE:
      order = x->item->stage_index - y->item->stage_index;
      break;
    case COLUMN_FEELING:
      order = (x->item->persona == NULL) - (y->item->persona == NULL);
      if (order == 0)
        order = (x->item->feeling > y->item->feeling) - (x->item->feeling < y->item->feeling);
      break;
    case COLUMN_STATUS:
      order = (int) wm_card_get_status (x->item->card) - (int) wm_card_get_status (y->item->card);
      break;
    case COLUMN_KIND:
      order = (int) x->item->lane_kind - (int) y->item->lane_kind;
      break;
    case COLUMN_CALLOUT:
      order = compare_scores (x->callout, y->callout);
      break;
    case COLUMN_TITLE:
    case COLUMN_OWNER:
    case N_COLUMNS:
    default:
      {
        g_autofree char *text_x = column_text (x, column);
        g_autofree char *text_y = column_text (y, column);

        order = g_utf8_collate (text_x, text_y);
      }
      break;
    }
  /* Equal rows keep map order. */
  if (order == 0)
    order = (x->item->order > y->item->order) - (x->item->order < y->item->order);
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
row_shown (gpointer item,
           gpointer user_data)
{
  WmPrioritiesView *self = user_data;
  WmPriorityRow *row = WM_PRIORITY_ROW (item);
  WmCard *card = row->item->card;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;

  switch (gtk_drop_down_get_selected (self->filter_choice))
    {
    case FILTER_PAIN_POINTS:
      if (row->item->lane_kind != WM_LANE_KIND_PAIN_POINTS)
        return FALSE;
      break;
    case FILTER_OPPORTUNITIES:
      if (row->item->lane_kind != WM_LANE_KIND_OPPORTUNITIES)
        return FALSE;
      break;
    case FILTER_OPEN:
      if (!wm_card_is_open (card))
        return FALSE;
      break;
    case FILTER_UNSCORED:
      if (row->item->quadrant != WM_QUADRANT_UNSCORED)
        return FALSE;
      break;
    case FILTER_ALL:
    default:
      break;
    }
  if (*search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  return contains_folded (wm_card_get_title (card), needle) || contains_folded (wm_card_get_owner (card), needle) ||
         contains_folded (row->stage_name, needle) || contains_folded (wm_card_get_text (card), needle);
}

static void
update_count (WmPrioritiesView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (shown == all)
    /* Translators: how many cards the Priorities list has */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", all), all);
  else
    /* Translators: how many of the Priorities list's cards the filter shows */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u card", "%u of %u cards", all), shown, all);
  gtk_label_set_text (self->count_label, text);
}

static void
on_filter_changed (WmPrioritiesView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* --- Choosing ------------------------------------------------------------------- */

static guint
find_row (WmPrioritiesView *self,
          WmCard           *card)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  for (guint i = 0; card != NULL && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(WmPriorityRow) row = g_list_model_get_item (shown, i);

      if (row->item->card == card)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

WmCard *
wm_priorities_view_get_selected (WmPrioritiesView *self)
{
  g_return_val_if_fail (WM_IS_PRIORITIES_VIEW (self), NULL);

  return wm_matrix_widget_get_selected (self->matrix);
}

/**
 * wm_priorities_view_select_card:
 *
 * Chooses @card in the list and the matrix, as the map chose it; says
 * nothing back.
 */
void
wm_priorities_view_select_card (WmPrioritiesView *self,
                                WmCard           *card)
{
  g_return_if_fail (WM_IS_PRIORITIES_VIEW (self));

  self->syncing = TRUE;
  wm_matrix_widget_set_selected (self->matrix, card);
  gtk_single_selection_set_selected (self->selection, find_row (self, card));
  self->syncing = FALSE;
}

static void
on_list_selection_changed (WmPrioritiesView *self)
{
  WmPriorityRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing || row == NULL)
    return;
  self->syncing = TRUE;
  wm_matrix_widget_set_selected (self->matrix, row->item->card);
  self->syncing = FALSE;
  g_signal_emit (self, signals[SIGNAL_CARD_SELECTED], 0, row->item->card);
}

static void
on_matrix_card_selected (WmPrioritiesView *self,
                         WmCard           *card)
{
  if (self->syncing)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, find_row (self, card));
  self->syncing = FALSE;
  g_signal_emit (self, signals[SIGNAL_CARD_SELECTED], 0, card);
}

static void
on_matrix_card_activated (WmPrioritiesView *self,
                          WmCard           *card)
{
  g_signal_emit (self, signals[SIGNAL_CARD_ACTIVATED], 0, card);
}

static void
on_row_activated (WmPrioritiesView *self,
                  guint             position)
{
  g_autoptr(WmPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_CARD_ACTIVATED], 0, row->item->card);
}

/* --- Following the document ----------------------------------------------------- */

static void
refresh (WmPrioritiesView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) pains = NULL;
  g_autoptr(GPtrArray) wins = NULL;
  g_autoptr(GHashTable) callouts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WmCard) selected = NULL;
  GListModel *stages;

  self->out_of_date = FALSE;
  if (wm_matrix_widget_get_selected (self->matrix) != NULL)
    selected = g_object_ref (wm_matrix_widget_get_selected (self->matrix));
  if (self->document == NULL)
    {
      g_list_store_remove_all (self->rows);
      wm_matrix_widget_set_items (self->matrix, NULL, NULL);
      wm_funnel_widget_update (self->funnel, NULL);
      update_count (self);
      return;
    }

  items = wm_priorities_collect (self->document);
  pains = wm_priorities_top_pain_points (items);
  wins = wm_priorities_quick_wins (items);
  for (guint i = 0; i < pains->len; i++)
    g_hash_table_insert (callouts, pains->pdata[i], GINT_TO_POINTER (i + 1));
  /* A pain point that is also a quick win is called out as the latter:
   * it is the one to act on first. */
  for (guint i = 0; i < wins->len; i++)
    g_hash_table_insert (callouts, wins->pdata[i], GINT_TO_POINTER (QUICK_WIN_CALLOUT + i + 1));

  stages = wm_document_get_stages (self->document);
  for (guint i = 0; i < items->len; i++)
    {
      WmPriorityRow *row = g_object_new (WM_TYPE_PRIORITY_ROW, NULL);
      g_autoptr(WmStage) stage = NULL;

      row->items = g_ptr_array_ref (items);
      row->item = g_ptr_array_index (items, i);
      stage = g_list_model_get_item (stages, row->item->stage_index);
      row->stage_name = wm_layout_stage_name (stage, row->item->stage_index);
      row->callout = GPOINTER_TO_INT (g_hash_table_lookup (callouts, row->item));
      g_ptr_array_add (rows, row);
    }

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);
  self->syncing = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows->pdata, rows->len);
  wm_matrix_widget_set_items (self->matrix, self->document, items);
  wm_funnel_widget_update (self->funnel, self->document);
  self->syncing = FALSE;
  if (selected != NULL)
    wm_priorities_view_select_card (self, selected);
  update_count (self);
}

static void
on_history_changed (WmPrioritiesView *self)
{
  /* Redrawn when next shown; or now, so that a drag's drop shows. */
  self->out_of_date = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
wm_priorities_view_map (GtkWidget *widget)
{
  WmPrioritiesView *self = WM_PRIORITIES_VIEW (widget);

  GTK_WIDGET_CLASS (wm_priorities_view_parent_class)->map (widget);
  if (self->out_of_date)
    refresh (self);
}

void
wm_priorities_view_set_document (WmPrioritiesView *self,
                                 WmDocument       *document)
{
  g_return_if_fail (WM_IS_PRIORITIES_VIEW (self));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->history = g_object_ref (wm_document_get_history (document));
      g_signal_connect_swapped (self->history, "changed", G_CALLBACK (on_history_changed), self);
    }
  wm_matrix_widget_set_selected (self->matrix, NULL);
  self->out_of_date = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || document == NULL)
    refresh (self);
}

guint
wm_priorities_view_get_n_shown (WmPrioritiesView *self)
{
  g_return_val_if_fail (WM_IS_PRIORITIES_VIEW (self), 0);

  if (self->out_of_date)
    refresh (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * wm_priorities_view_set_filter:
 * @filter: the filter menu's choice: 0 all, 1 pain points,
 *   2 opportunities, 3 open, 4 not scored
 * @search: (nullable): words to look for
 */
void
wm_priorities_view_set_filter (WmPrioritiesView *self,
                               guint             filter,
                               const char       *search)
{
  g_return_if_fail (WM_IS_PRIORITIES_VIEW (self));

  gtk_drop_down_set_selected (self->filter_choice, filter);
  gtk_editable_set_text (GTK_EDITABLE (self->search), search != NULL ? search : "");
  on_filter_changed (self);
}

/* --- Building ---------------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_IMPACT || column == COLUMN_EFFORT ? 0.5 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_IMPACT || column == COLUMN_EFFORT)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_CALLOUT)
    gtk_widget_add_css_class (label, "accent");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  WmPriorityRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = column_text (row, GPOINTER_TO_INT (user_data));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (user_data) == COLUMN_TITLE ? text : NULL);
}

static void
add_column (WmPrioritiesView *self,
            Column            column,
            const char       *title,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (column), NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->list, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
}

static GtkWidget *
build_toolbar (WmPrioritiesView *self)
{
  const char *choices[] = {
    N_("All Cards"), N_("Pain Points"), N_("Opportunities"), N_("Open"), N_("Not Scored"), NULL,
  };
  g_autoptr(GStrvBuilder) translated = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 0; choices[i] != NULL; i++)
    g_strv_builder_add (translated, _(choices[i]));
  names = g_strv_builder_end (translated);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Search cards, stages and owners"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the priorities"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_filter_changed), self);

  self->filter_choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) names));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_choice), _("Show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which cards to show"), -1);
  /* And the drop-down's own button, which a screen reader meets. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->filter_choice))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Which cards to show"), -1);
  g_signal_connect_swapped (self->filter_choice, "notify::selected", G_CALLBACK (on_filter_changed), self);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->filter_choice));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  return bar;
}

static GtkWidget *
build_list (WmPrioritiesView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSortListModel *sorted;

  self->rows = g_list_store_new (WM_TYPE_PRIORITY_ROW);
  self->filter = gtk_custom_filter_new (row_shown, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->list = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->list)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_show_column_separators (self->list, FALSE);
  gtk_column_view_set_reorderable (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pain points and opportunities"), -1);

  add_column (self, COLUMN_TITLE, _("Card"), TRUE);
  add_column (self, COLUMN_KIND, _("Lane"), FALSE);
  add_column (self, COLUMN_STAGE, _("Stage"), FALSE);
  add_column (self, COLUMN_FEELING, _("Feels Worst"), FALSE);
  add_column (self, COLUMN_IMPACT, _("Impact"), FALSE);
  add_column (self, COLUMN_EFFORT, _("Effort"), FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE);
  add_column (self, COLUMN_OWNER, _("Owner"), FALSE);
  add_column (self, COLUMN_CALLOUT, _("Call-Out"), FALSE);

  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_list_selection_changed), self);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
wm_priorities_view_dispose (GObject *object)
{
  WmPrioritiesView *self = WM_PRIORITIES_VIEW (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  G_OBJECT_CLASS (wm_priorities_view_parent_class)->dispose (object);
}

static void
wm_priorities_view_class_init (WmPrioritiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_priorities_view_dispose;
  widget_class->map = wm_priorities_view_map;

  /**
   * WmPrioritiesView::card-selected:
   * @card: the card chosen in the list or the matrix
   */
  signals[SIGNAL_CARD_SELECTED] = g_signal_new ("card-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_CARD);
  /**
   * WmPrioritiesView::card-activated:
   * @card: the card to show on the map
   */
  signals[SIGNAL_CARD_ACTIVATED] = g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                 NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_CARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "priorities");
}

static void
wm_priorities_view_init (WmPrioritiesView *self)
{
  GtkWidget *list_side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (list_side), build_toolbar (self));
  gtk_box_append (GTK_BOX (list_side), build_list (self));

  self->matrix = WM_MATRIX_WIDGET (wm_matrix_widget_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->matrix), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->matrix), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->matrix), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->matrix), 12);
  g_signal_connect_swapped (self->matrix, "card-selected", G_CALLBACK (on_matrix_card_selected), self);
  g_signal_connect_swapped (self->matrix, "card-activated", G_CALLBACK (on_matrix_card_activated), self);

  /* The matrix above, as wide as the window, with the funnel under it,
   * and the list below them. */
  self->funnel = WM_FUNNEL_WIDGET (wm_funnel_widget_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->funnel), 68);
  gtk_widget_set_margin_end (GTK_WIDGET (self->funnel), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->funnel), 12);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->matrix));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->funnel));

  self->paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), top);
  gtk_paned_set_end_child (GTK_PANED (self->paned), list_side);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), TRUE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
  update_count (self);
}
