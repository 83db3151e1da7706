/* test-inspector.c: the inspector edits every field of the map, a stage, a
 * lane and a card; each edit is one undo step; it follows changes made
 * elsewhere and the canvas's selection.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wm-canvas.h"
#include "wm-card.h"
#include "wm-edits.h"
#include "wm-fields.h"
#include "wm-image-probe.h"
#include "wm-inspector.h"
#include "wm-lane.h"
#include "wm-stage.h"
#include "wm-templates.h"
#include "wm-test-images.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;

typedef struct
{
  GtkWindow *window;
  WmInspector *inspector;
  WmDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = wm_template_instantiate (WM_MAP_KIND_CURRENT_STATE, &error);
  g_assert_no_error (error);
  fixture->inspector = WM_INSPECTOR (wm_inspector_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->inspector));
  gtk_window_present (fixture->window);
  wm_inspector_set_document (fixture->inspector, fixture->document);
  wm_test_wait_for_frames (1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  wm_test_wait_for_frames (1);
  g_assert_finalize_object (fixture->document);
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (ADW_IS_PREFERENCES_ROW (root))
    {
      g_ptr_array_add (rows, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The row the user sees with @title. */
static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->inspector), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static gboolean
is_button_with_icon (GtkWidget *widget,
                     gpointer   icon_name)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

static gboolean
is_error_label (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static gpointer
nth_item (GListModel *list,
          guint       position)
{
  gpointer item = g_list_model_get_item (list, position);

  g_object_unref (item);  /* the document keeps it */
  return item;
}

static WmHistory *
history_of (Fixture *fixture)
{
  return wm_document_get_history (fixture->document);
}

/* Typing is one undo step per field, and shows on the element at once. */
static void
test_inspector_map_fields (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *title = find_row (fixture, "Title");
  GtkWidget *goal = find_row (fixture, "Goal");
  GtkTextBuffer *buffer;
  const char *typed[] = { "H", "Ho", "Hot", "Hote", "Hotel" };

  g_assert_nonnull (title);
  g_assert_nonnull (goal);
  g_assert_nonnull (find_row (fixture, "Scope"));
  g_assert_nonnull (find_row (fixture, "Kind of Map"));
  g_assert_nonnull (find_row (fixture, "Emotion Scale"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==,
                   wm_document_get_title (fixture->document));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (title), typed[i]);
  g_assert_cmpstr (wm_document_get_title (fixture->document), ==, "Hotel");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (wm_test_find_descendant (goal, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "Fix late check-in", -1);
  g_assert_cmpstr (wm_document_get_goal (fixture->document), ==, "Fix late check-in");

  /* Two fields, two steps; the rows follow Undo. */
  g_assert_true (wm_history_undo (history_of (fixture)));
  g_assert_cmpstr (wm_document_get_goal (fixture->document), !=, "Fix late check-in");
  g_assert_cmpstr (wm_document_get_title (fixture->document), ==, "Hotel");
  g_assert_true (wm_history_undo (history_of (fixture)));
  g_assert_cmpstr (wm_document_get_title (fixture->document), !=, "Hotel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==,
                   wm_document_get_title (fixture->document));

  /* A change made elsewhere shows here. */
  wm_document_set_string (fixture->document, WM_ELEMENT (fixture->document), "title", "From the canvas");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "From the canvas");
}

static void
test_inspector_emotion_scale (Fixture       *fixture,
                              gconstpointer  data)
{
  AdwComboRow *scale = ADW_COMBO_ROW (find_row (fixture, "Emotion Scale"));
  AdwComboRow *kind = ADW_COMBO_ROW (find_row (fixture, "Kind of Map"));

  g_assert_cmpint (wm_document_get_emotion_scale (fixture->document), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (scale), ==, 1);
  adw_combo_row_set_selected (scale, 2);
  g_assert_cmpint (wm_document_get_emotion_scale (fixture->document), ==, 7);
  g_assert_cmpstr (wm_history_get_undo_label (history_of (fixture)), ==, "Change Emotion Scale");
  wm_history_undo (history_of (fixture));
  g_assert_cmpuint (adw_combo_row_get_selected (scale), ==, 1);

  adw_combo_row_set_selected (kind, WM_MAP_KIND_SERVICE_BLUEPRINT);
  g_assert_cmpint (wm_document_get_kind (fixture->document), ==, WM_MAP_KIND_SERVICE_BLUEPRINT);
}

/* Writes @bytes to a file of its own, named @name. */
static GFile *
write_temp_file (const char *name,
                 GBytes     *bytes,
                 char      **dir)
{
  g_autofree char *path = NULL;

  *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  path = g_build_filename (*dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

/* "Choose Picture…" with a file: the card gets the picture cropped to a
 * 4:3 frame, as one undo step; the alternative text row then edits the
 * alt; a file that is no picture is refused with a message and changes
 * nothing; "Remove Picture" takes it away again. */
static void
test_inspector_card_picture (Fixture       *fixture,
                             gconstpointer  data)
{
  GListModel *cards = wm_document_get_cards (fixture->document);
  WmCard *card = nth_item (cards, 0);
  g_autoptr(GBytes) wide = wm_test_png (1600, 600);
  g_autoptr(GBytes) text = wm_test_text_bytes ("not a picture at all");
  g_autofree char *dir = NULL, *bad_dir = NULL;
  g_autoptr(GFile) file = write_temp_file ("sketch.png", wide, &dir);
  g_autoptr(GFile) bad = write_temp_file ("notes.png", text, &bad_dir);
  g_autoptr(GError) error = NULL;
  GtkWidget *alt;
  GtkWidget *remove;
  GtkWidget *error_label;
  GBytes *picture;
  WmImageInfo info;

  wm_inspector_set_element (fixture->inspector, WM_ELEMENT (card));
  alt = find_row (fixture, "Alternative Text");
  g_assert_nonnull (alt);
  g_assert_nonnull (find_row (fixture, "Picture"));
  remove = wm_test_find_widget (GTK_WIDGET (fixture->inspector), is_button_with_icon,
                                             (gpointer) "user-trash-symbolic");
  g_assert_nonnull (remove);
  g_assert_false (gtk_widget_get_sensitive (remove));
  g_assert_false (gtk_widget_get_sensitive (alt));
  g_assert_null (wm_card_get_picture (card));

  g_assert_true (wm_inspector_set_picture_from_file (fixture->inspector, file, &error));
  g_assert_no_error (error);
  picture = wm_card_get_picture (card);
  g_assert_nonnull (picture);
  g_assert_true (wm_image_probe_bytes (picture, wm_card_get_picture_type (card), &info, NULL));
  /* The middle of a wide picture, in a storyboard frame's shape. */
  g_assert_cmpuint (info.width, ==, 800);
  g_assert_cmpuint (info.height, ==, 600);
  g_assert_cmpstr (wm_history_get_undo_label (history_of (fixture)), ==, "Change Picture");
  g_assert_true (gtk_widget_get_sensitive (remove));
  g_assert_true (gtk_widget_get_sensitive (alt));

  gtk_editable_set_text (GTK_EDITABLE (alt), "Sketch of the booking page");
  g_assert_cmpstr (wm_card_get_picture_alt (card), ==, "Sketch of the booking page");

  /* Not a picture: refused, said why, and the card keeps its own. */
  g_assert_false (wm_inspector_set_picture_from_file (fixture->inspector, bad, &error));
  g_assert_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_NOT_SUPPORTED);
  g_assert_true (wm_card_get_picture (card) == picture);
  error_label = wm_test_find_widget (GTK_WIDGET (fixture->inspector), is_error_label, NULL);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "notes.png"));

  g_signal_emit_by_name (remove, "clicked");
  g_assert_null (wm_card_get_picture (card));
  g_assert_cmpstr (wm_card_get_picture_alt (card), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (alt)), ==, "");
  /* Undo brings back the picture with its words. */
  g_assert_true (wm_history_undo (history_of (fixture)));
  g_assert_true (wm_card_get_picture (card) == picture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (alt)), ==, "Sketch of the booking page");

  g_assert_no_errno (g_unlink (g_file_peek_path (file)));
  g_assert_no_errno (g_unlink (g_file_peek_path (bad)));
  g_assert_no_errno (g_rmdir (dir));
  g_assert_no_errno (g_rmdir (bad_dir));
}

static void
test_inspector_stage_fields (Fixture       *fixture,
                             gconstpointer  data)
{
  WmStage *stage = nth_item (wm_document_get_stages (fixture->document), 1);
  GtkWidget *customers;
  GtkWidget *color_row;
  GtkWidget *color;
  GtkWidget *clear;
  g_autofree char *stage_color = NULL;
  int count;
  int position;

  wm_inspector_set_element (fixture->inspector, WM_ELEMENT (stage));
  g_assert_nonnull (find_row (fixture, "Name"));
  g_assert_null (find_row (fixture, "Goal"));

  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, "Name")), "Research");
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Research");

  /* A count takes digits; anything else is marked and not applied. */
  customers = find_row (fixture, "Customers");
  gtk_editable_set_text (GTK_EDITABLE (customers), "4300");
  g_object_get (stage, "customers", &count, NULL);
  g_assert_cmpint (count, ==, 4300);
  /* A slip of the finger: "4300x". */
  position = -1;
  gtk_editable_insert_text (GTK_EDITABLE (customers), "x", -1, &position);
  g_assert_true (gtk_widget_has_css_class (customers, "error"));
  g_object_get (stage, "customers", &count, NULL);
  g_assert_cmpint (count, ==, 4300);
  gtk_editable_set_text (GTK_EDITABLE (customers), "");
  g_assert_false (gtk_widget_has_css_class (customers, "error"));
  g_object_get (stage, "customers", &count, NULL);
  g_assert_cmpint (count, ==, -1);

  /* A width in range applies; empty is the theme's width again. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, "Width")), "400");
  g_assert_cmpint (wm_stage_get_width (stage), ==, 400);
  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, "Width")), "4000");
  g_assert_true (gtk_widget_has_css_class (find_row (fixture, "Width"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, "Width")), "");
  g_assert_cmpint (wm_stage_get_width (stage), ==, 0);

  /* A colour is picked, shown, and cleared back to the theme's. */
  color_row = find_row (fixture, "Colour");
  color = wm_test_find_descendant (color_row, GTK_TYPE_COLOR_BUTTON);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &(GdkRGBA) { 1, 0.5, 0, 1 });
  g_signal_emit_by_name (color, "color-set");
  g_object_get (stage, "color", &stage_color, NULL);
  g_assert_cmpstr (stage_color, ==, "#ff8000");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (color_row)), ==, "#ff8000");
  clear = wm_test_find_widget (color_row, is_button_with_icon, (gpointer) "edit-clear-symbolic");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_sensitive (clear));
  g_signal_emit_by_name (clear, "clicked");
  g_clear_pointer (&stage_color, g_free);
  g_object_get (stage, "color", &stage_color, NULL);
  g_assert_cmpstr (stage_color, ==, "");
  g_assert_false (gtk_widget_get_sensitive (clear));
}

static void
test_inspector_card_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *cards = wm_document_get_cards (fixture->document);
  WmCard *card = nth_item (cards, 0);
  GtkWidget *tags;
  g_auto(GStrv) card_tags = NULL;
  g_autofree char *channel = NULL;
  int quality;
  guint steps;

  wm_inspector_set_element (fixture->inspector, WM_ELEMENT (card));
  g_assert_nonnull (find_row (fixture, "Details"));
  g_assert_nonnull (find_row (fixture, "Channel"));
  g_assert_nonnull (find_row (fixture, "Moment of Truth"));

  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, "Title")), "Books a room");
  g_assert_cmpstr (wm_card_get_title (card), ==, "Books a room");

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (fixture, "Channel")), 1);
  g_object_get (card, "channel", &channel, NULL);
  g_assert_cmpstr (channel, !=, "");

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (fixture, "Quality")), WM_CARD_QUALITY_BAD);
  g_object_get (card, "quality", &quality, NULL);
  g_assert_cmpint (quality, ==, WM_CARD_QUALITY_BAD);

  /* Typing tags: ", " at the end stays while the tag list is updated. */
  steps = wm_history_get_n_undo_steps (history_of (fixture));
  tags = find_row (fixture, "Tags");
  gtk_editable_set_text (GTK_EDITABLE (tags), "pricing");
  gtk_editable_set_text (GTK_EDITABLE (tags), "pricing, ");
  gtk_editable_set_text (GTK_EDITABLE (tags), "pricing, trial");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags)), ==, "pricing, trial");
  g_object_get (card, "tags", &card_tags, NULL);
  g_assert_cmpuint (g_strv_length (card_tags), ==, 2);
  g_assert_cmpstr (card_tags[1], ==, "trial");
  g_assert_cmpuint (wm_history_get_n_undo_steps (history_of (fixture)), ==, steps + 1);

  /* Removing the card leaves nothing dangling: the canvas then selects
   * nothing, and the inspector shows the map. */
  wm_inspector_set_element (fixture->inspector, NULL);
  g_assert_nonnull (find_row (fixture, "Goal"));
}

static guint
count_rows (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  guint n = 0;

  collect_rows (root, rows);
  /* A card's picture preview is a row only while there is a picture. */
  for (guint i = 0; i < rows->len; i++)
    n += gtk_widget_get_visible (rows->pdata[i]);
  return n;
}

/* The rows are the tables': each field meant to be edited has a row with
 * its title, and there are no others. (test-personas.c checks the persona
 * editor.) */
static void
test_inspector_rows_follow_tables (Fixture       *fixture,
                                   gconstpointer  data)
{
  WmElement *elements[] = {
    NULL,
    nth_item (wm_document_get_stages (fixture->document), 0),
    nth_item (wm_document_get_lanes (fixture->document), 0),
    nth_item (wm_document_get_cards (fixture->document), 0),
  };
  const WmElementInfo *info;
  guint n_rows;

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      info = wm_element_info_lookup (elements[i] != NULL ? G_OBJECT_TYPE (elements[i]) : WM_TYPE_DOCUMENT);
      wm_inspector_set_element (fixture->inspector, elements[i]);
      n_rows = 0;
      for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
        if (wm_field_info_has_row (field))
          {
            g_test_message ("%s: %s", info->name, field->label);
            g_assert_nonnull (find_row (fixture, _(field->label)));
            n_rows++;
          }
        /* A picture has a group of its own: the picture, its alternative text. */
        else if (field->editor == WM_EDITOR_PHOTO)
          {
            g_assert_nonnull (find_row (fixture, _(field->label)));
            g_assert_nonnull (find_row (fixture, "Alternative Text"));
            n_rows += 2;
          }
      g_assert_cmpuint (n_rows, >, 0);
      g_assert_cmpuint (count_rows (GTK_WIDGET (fixture->inspector)), ==, n_rows);
    }
}

/* The header's second line: the only dim label outside the rows. */
static GtkWidget *
find_place_label (GtkWidget *root)
{
  if (ADW_IS_PREFERENCES_ROW (root))
    return NULL;
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "dim-label"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_place_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the header says of where the card is: "Stage · Lane". */
static const char *
place_shown (Fixture *fixture)
{
  GtkWidget *label = find_place_label (GTK_WIDGET (fixture->inspector));

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static char *
place_of (Fixture *fixture,
          guint    stage,
          guint    lane)
{
  WmStage *s = nth_item (wm_document_get_stages (fixture->document), stage);
  WmLane *l = nth_item (wm_document_get_lanes (fixture->document), lane);

  return g_strdup_printf ("%s · %s", wm_stage_get_name (s), wm_lane_get_title (l));
}

/* The header names the card's current stage and lane after a move, its
 * undo and its redo, and a renamed stage. */
static void
test_inspector_follows_moves (Fixture       *fixture,
                              gconstpointer  data)
{
  WmCard *card = nth_item (wm_document_get_cards (fixture->document), 0);
  int stage = wm_document_get_stage_index (fixture->document, wm_card_get_stage (card));
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *renamed = NULL;
  WmStage *target;
  int lane = -1;

  for (guint i = 0; i < g_list_model_get_n_items (wm_document_get_lanes (fixture->document)); i++)
    if (g_str_equal (wm_element_get_id (nth_item (wm_document_get_lanes (fixture->document), i)),
                     wm_card_get_lane (card)))
      lane = i;
  g_assert_cmpint (lane, >=, 0);
  before = place_of (fixture, stage, lane);
  after = place_of (fixture, stage + 2, lane + 1);
  g_assert_cmpstr (before, !=, after);

  wm_inspector_set_element (fixture->inspector, WM_ELEMENT (card));
  g_assert_cmpstr (place_shown (fixture), ==, before);
  g_ptr_array_add (moving, card);
  g_assert_true (wm_edits_move_cards (fixture->document, moving, stage + 2, lane + 1, 0));
  g_assert_cmpstr (place_shown (fixture), ==, after);
  wm_history_undo (history_of (fixture));
  g_assert_cmpstr (place_shown (fixture), ==, before);
  wm_history_redo (history_of (fixture));
  g_assert_cmpstr (place_shown (fixture), ==, after);

  target = nth_item (wm_document_get_stages (fixture->document), stage + 2);
  wm_document_set_string (fixture->document, WM_ELEMENT (target), "name", "Renamed");
  renamed = place_of (fixture, stage + 2, lane + 1);
  g_assert_true (g_str_has_prefix (renamed, "Renamed · "));
  g_assert_cmpstr (place_shown (fixture), ==, renamed);
  g_assert_true (wm_inspector_get_element (fixture->inspector) == WM_ELEMENT (card));
}

/* A card the history takes away leaves the panel on the map, not on a
 * card that is no longer there; redoing does not bring it back unasked. */
static void
test_inspector_element_undone (Fixture       *fixture,
                               gconstpointer  data)
{
  WmCard *first = nth_item (wm_document_get_cards (fixture->document), 0);
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", "card-undone", "stage", wm_card_get_stage (first),
                                         "lane", wm_card_get_lane (first), "title", "Added", NULL);

  wm_document_begin_change (fixture->document, "Add Card");
  g_assert_true (wm_document_insert_card (fixture->document, card, 0));
  wm_document_commit_change (fixture->document);
  wm_inspector_set_element (fixture->inspector, WM_ELEMENT (card));
  g_assert_nonnull (find_row (fixture, "Moment of Truth"));

  wm_history_undo (history_of (fixture));
  g_assert_null (wm_inspector_get_element (fixture->inspector));
  g_assert_nonnull (find_row (fixture, "Goal"));
  g_assert_null (find_row (fixture, "Moment of Truth"));
  g_assert_null (place_shown (fixture));

  wm_history_redo (history_of (fixture));
  g_assert_null (wm_inspector_get_element (fixture->inspector));
  g_assert_nonnull (find_row (fixture, "Goal"));
}

/* In the window, the inspector edits what the canvas selects. */
static void
test_inspector_follows_selection (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_template_instantiate (WM_MAP_KIND_CURRENT_STATE, &error);
  WmCanvas *canvas;
  WmInspector *inspector;
  WmCard *cards[2];

  gtk_window_present (GTK_WINDOW (window));
  wm_window_show_document (window, document, NULL);
  wm_test_wait_for_frames (2);
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
  inspector = WM_INSPECTOR (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_INSPECTOR));
  g_assert_true (wm_inspector_get_document (inspector) == document);
  g_assert_null (wm_inspector_get_element (inspector));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (inspector)));

  cards[0] = nth_item (wm_document_get_cards (document), 0);
  cards[1] = nth_item (wm_document_get_cards (document), 1);
  wm_canvas_set_selection (canvas, cards, 1);
  g_assert_true (wm_inspector_get_element (inspector) == WM_ELEMENT (cards[0]));
  wm_canvas_set_selection (canvas, cards, 2);
  g_assert_null (wm_inspector_get_element (inspector));
  g_assert_nonnull (wm_test_find_descendant (GTK_WIDGET (inspector), GTK_TYPE_LABEL));
  wm_canvas_set_selection (canvas, cards, 0);
  g_assert_null (wm_inspector_get_element (inspector));

  /* F9's action hides and shows it. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-inspector", g_variant_new_boolean (FALSE));
  wm_test_wait_for_frames (30);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (inspector)) &&
                  gtk_widget_get_mapped (GTK_WIDGET (inspector)) &&
                  gtk_widget_get_width (GTK_WIDGET (inspector)) > 0 &&
                  adw_flap_get_reveal_flap (ADW_FLAP (gtk_widget_get_parent (GTK_WIDGET (inspector)))));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-inspector", g_variant_new_boolean (TRUE));

  gtk_window_destroy (GTK_WINDOW (window));
  wm_test_wait_for_frames (1);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = wm_test_register_application ();

  g_test_add ("/inspector/map-fields", Fixture, NULL, fixture_set_up, test_inspector_map_fields,
              fixture_tear_down);
  g_test_add ("/inspector/emotion-scale", Fixture, NULL, fixture_set_up, test_inspector_emotion_scale,
              fixture_tear_down);
  g_test_add ("/inspector/stage-fields", Fixture, NULL, fixture_set_up, test_inspector_stage_fields,
              fixture_tear_down);
  g_test_add ("/inspector/card-fields", Fixture, NULL, fixture_set_up, test_inspector_card_fields,
              fixture_tear_down);
  g_test_add ("/inspector/card-picture", Fixture, NULL, fixture_set_up, test_inspector_card_picture,
              fixture_tear_down);
  g_test_add ("/inspector/rows-follow-tables", Fixture, NULL, fixture_set_up, test_inspector_rows_follow_tables,
              fixture_tear_down);
  g_test_add ("/inspector/follows-moves", Fixture, NULL, fixture_set_up, test_inspector_follows_moves,
              fixture_tear_down);
  g_test_add ("/inspector/element-undone", Fixture, NULL, fixture_set_up, test_inspector_element_undone,
              fixture_tear_down);
  g_test_add_func ("/inspector/follows-selection", test_inspector_follows_selection);

  result = g_test_run ();
  g_clear_object (&app);
  return result;
}
