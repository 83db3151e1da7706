/* test-personas.c: persona cards on the canvas and the persona editor:
 * names for screen readers, adding up to five, moving and removing them
 * (each one undo step), editing fields and lists, and photos, with
 * oversized and unreadable images refused with a message.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wm-canvas-private.h"
#include "wm-canvas.h"
#include "wm-fields.h"
#include "wm-image-probe.h"
#include "wm-list-editor.h"
#include "wm-persona-editor.h"
#include "wm-persona-sections.h"
#include "wm-persona-widget.h"
#include "wm-test-images.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"

typedef struct
{
  GtkWindow *window;
  WmCanvas *canvas;
  WmDocument *document;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-personas-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->document = wm_test_load_map ("samples/software-purchase.waymark");
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->canvas));
  gtk_window_set_child (fixture->window, scrolled);
  wm_canvas_set_document (fixture->canvas, fixture->document);
  gtk_window_present (fixture->window);
  wm_test_wait_for_frames (3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *editor = wm_test_find_toplevel_of_type (WM_TYPE_PERSONA_EDITOR);

  if (editor != NULL)
    gtk_window_destroy (editor);
  wm_test_wait_for_frames (2);
  g_object_ref (fixture->canvas);
  gtk_window_destroy (fixture->window);
  wm_test_wait_for_frames (1);
  g_assert_finalize_object (fixture->canvas);
  g_assert_finalize_object (fixture->document);
  wm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static WmPersona *
nth_persona (Fixture *fixture,
             guint    n)
{
  g_autoptr(WmPersona) persona = g_list_model_get_item (wm_document_get_personas (fixture->document), n);

  return persona;   /* the document keeps it */
}

static guint
n_personas (Fixture *fixture)
{
  return g_list_model_get_n_items (wm_document_get_personas (fixture->document));
}

static WmHistory *
history (Fixture *fixture)
{
  return wm_document_get_history (fixture->document);
}

static void
test_persona_names (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = wm_canvas_get_persona_widget (fixture->canvas, nth_persona (fixture, 0));

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_cmpstr (wm_persona_widget_get_label (WM_PERSONA_WIDGET (widget)), ==,
                   "Persona: Priya Raman, Practice and operations manager");
  /* The name follows the persona. */
  wm_document_set_string (fixture->document, WM_ELEMENT (nth_persona (fixture, 0)), "role", "");
  wm_canvas_get_layout (fixture->canvas);
  g_assert_cmpstr (wm_persona_widget_get_label (WM_PERSONA_WIDGET (widget)), ==, "Persona: Priya Raman");
}

/* Up to five; moved and removed by their keys; each one undo step. */
static void
test_persona_add_move_remove (Fixture       *fixture,
                              gconstpointer  data)
{
  WmPersona *first = nth_persona (fixture, 0);
  WmPersona *second = nth_persona (fixture, 1);
  GtkWidget *widget;
  guint steps = wm_history_get_n_undo_steps (history (fixture));

  while (wm_canvas_can_add_persona (fixture->canvas))
    g_assert_nonnull (wm_canvas_add_persona (fixture->canvas));
  g_assert_cmpuint (n_personas (fixture), ==, WM_MAX_PERSONAS);
  g_assert_null (wm_canvas_add_persona (fixture->canvas));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history (fixture)), ==, steps + WM_MAX_PERSONAS - 2);
  /* Each new persona has its curve, to be drawn in its colour. */
  g_assert_nonnull (wm_document_get_curve_for_persona (fixture->document,
                                                       wm_element_get_id (WM_ELEMENT (nth_persona (fixture, 4)))));
  for (guint i = 0; i < WM_MAX_PERSONAS - 2; i++)
    wm_history_undo (history (fixture));
  g_assert_cmpuint (n_personas (fixture), ==, 2);

  widget = wm_canvas_get_persona_widget (fixture->canvas, first);
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "canvas.persona-move", "i", 1));
  g_assert_true (nth_persona (fixture, 0) == second);
  g_assert_true (nth_persona (fixture, 1) == first);
  g_assert_cmpstr (wm_history_get_undo_label (history (fixture)), ==, "Move Persona");
  wm_test_wait_for_frames (1);
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_persona_widget (fixture->canvas, first)));

  g_assert_true (gtk_widget_activate_action (wm_canvas_get_persona_widget (fixture->canvas, first),
                                             "canvas.persona-delete", NULL));
  wm_test_wait_for_frames (1);
  g_assert_cmpuint (n_personas (fixture), ==, 1);
  g_assert_null (wm_canvas_get_persona_widget (fixture->canvas, first));
  g_assert_null (wm_document_get_curve_for_persona (fixture->document, wm_element_get_id (WM_ELEMENT (first))));
  wm_history_undo (history (fixture));
  g_assert_cmpuint (n_personas (fixture), ==, 2);
  g_assert_nonnull (wm_document_get_curve_for_persona (fixture->document, wm_element_get_id (WM_ELEMENT (first))));
}

/* The detailed actions of a menu's items, sections and submenus. */
static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_action_print_detailed_name (action, target));
      if (section != NULL)
        collect_menu_actions (section, actions);
      if (submenu != NULL)
        collect_menu_actions (submenu, actions);
    }
}

static GPtrArray *
persona_menu_actions (Fixture   *fixture,
                      WmPersona *persona)
{
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_free);

  wm_canvas_show_context_menu (fixture->canvas, WM_ELEMENT (persona), 10, 10);
  collect_menu_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fixture->canvas->context_menu)),
                        actions);
  return actions;
}

/* A persona card's menu edits, moves (not past either end) and removes
 * the persona it was opened on, wherever the focus is. */
static void
test_persona_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  WmPersona *first = nth_persona (fixture, 0);
  WmPersona *second = nth_persona (fixture, 1);
  g_autoptr(GPtrArray) actions = persona_menu_actions (fixture, first);

  g_assert_true (g_ptr_array_find_with_equal_func (actions, "canvas.persona-edit", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "canvas.persona-move(1)", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (actions, "canvas.persona-move(-1)", g_str_equal, NULL));
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
  g_clear_pointer (&actions, g_ptr_array_unref);

  /* The Menu key on a focused persona card opens the same menu. */
  gtk_widget_grab_focus (wm_canvas_get_persona_widget (fixture->canvas, first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.context-menu", NULL));
  actions = g_ptr_array_new_with_free_func (g_free);
  collect_menu_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fixture->canvas->context_menu)),
                        actions);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "canvas.persona-edit", g_str_equal, NULL));
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
  g_clear_pointer (&actions, g_ptr_array_unref);

  actions = persona_menu_actions (fixture, second);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "canvas.persona-move(-1)", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (actions, "canvas.persona-move(1)", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "canvas.persona-delete", g_str_equal, NULL));
  /* A menu's command runs once it has closed, the focus not on a card. */
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
  wm_test_wait_for_frames (1);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.persona-delete", NULL));
  g_assert_cmpuint (n_personas (fixture), ==, 1);
  g_assert_true (nth_persona (fixture, 0) == first);
}

static WmPersonaEditor *
open_editor (Fixture   *fixture,
             WmPersona *persona)
{
  WmPersonaEditor *editor = wm_persona_editor_new (fixture->window, fixture->document, persona);

  gtk_window_present (GTK_WINDOW (editor));
  wm_test_wait_for_frames (2);
  return editor;
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_list_titled (GtkWidget *widget,
                gpointer   title)
{
  return WM_IS_LIST_EDITOR (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

/* Fields and list rows edit the persona; each edit is one undo step. */
static void
test_persona_editor (Fixture       *fixture,
                     gconstpointer  data)
{
  WmPersona *persona = nth_persona (fixture, 1);
  WmPersonaEditor *editor = open_editor (fixture, persona);
  GtkWidget *role = wm_test_find_widget (GTK_WIDGET (editor), is_row_titled, (gpointer) "Role");
  WmListEditor *goals = WM_LIST_EDITOR (wm_test_find_widget (GTK_WIDGET (editor), is_list_titled, (gpointer) "Goals"));
  const char * const *list;
  guint steps;

  g_assert_nonnull (role);
  g_assert_nonnull (goals);
  g_assert_nonnull (wm_test_find_widget (GTK_WIDGET (editor), is_list_titled, (gpointer) "Frustrations"));
  g_assert_nonnull (wm_test_find_widget (GTK_WIDGET (editor), is_row_titled, (gpointer) "Quote"));
  g_assert_nonnull (wm_test_find_widget (GTK_WIDGET (editor), is_row_titled, (gpointer) "Photo"));

  gtk_editable_set_text (GTK_EDITABLE (role), "Founder");
  g_assert_cmpstr (wm_persona_get_role (persona), ==, "Founder");

  steps = wm_history_get_n_undo_steps (history (fixture));
  wm_list_editor_add (goals);
  g_assert_cmpuint (g_strv_length ((char **) wm_persona_get_goals (persona)), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (wm_list_editor_get_row (goals, 2)), "Hire a second designer");
  list = wm_persona_get_goals (persona);
  g_assert_cmpstr (list[2], ==, "Hire a second designer");
  g_assert_cmpuint (wm_history_get_n_undo_steps (history (fixture)), ==, steps + 2);

  wm_list_editor_move (goals, 2, -1);
  list = wm_persona_get_goals (persona);
  g_assert_cmpstr (list[1], ==, "Hire a second designer");
  wm_list_editor_remove (goals, 0);
  list = wm_persona_get_goals (persona);
  g_assert_cmpuint (g_strv_length ((char **) list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Hire a second designer");
  g_assert_cmpstr (wm_history_get_undo_label (history (fixture)), ==, "Remove Item");

  /* The rows follow Undo. */
  wm_history_undo (history (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wm_list_editor_get_row (goals, 0))), ==,
                   "Spend less of his week in status meetings");
}

static GFile *
write_picture (Fixture    *fixture,
               const char *name,
               int         width,
               int         height)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.6, 0.1);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static gboolean
is_error_label (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

/* The message shown under the photo row, or NULL when none is. */
static const char *
shown_photo_error (WmPersonaEditor *editor)
{
  GtkWidget *label = wm_test_find_widget (GTK_WIDGET (editor), is_error_label, NULL);

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static GFile *
write_bytes (Fixture    *fixture,
             const char *name,
             GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

/* Chooses @file, which must be refused, and returns the message the
 * editor shows; the photo stays as it was. */
static char *
refused_photo (WmPersonaEditor *editor,
               GFile           *file)
{
  WmPersona *persona = wm_persona_editor_get_persona (editor);
  GBytes *before = wm_persona_get_photo (persona);
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_persona_editor_set_photo_from_file (editor, file, &error));
  g_assert_nonnull (error);
  g_assert_true (wm_persona_get_photo (persona) == before);
  g_assert_cmpstr (shown_photo_error (editor), ==, error->message);
  return g_strdup (error->message);
}

static void
assert_refused (WmPersonaEditor *editor,
                GFile           *file,
                const char      *expected)
{
  g_autofree char *message = refused_photo (editor, file);

  g_assert_cmpstr (message, ==, expected);
}

/* A photo is cropped to a square and scaled down; a file too large, not
 * a PNG or JPEG, or of too many pixels is refused with a message under
 * the photo, and the photo stays. */
static void
test_persona_photo (Fixture       *fixture,
                    gconstpointer  data)
{
  WmPersona *persona = nth_persona (fixture, 0);
  WmPersonaEditor *editor = open_editor (fixture, persona);
  g_autoptr(GFile) wide = write_picture (fixture, "wide.png", 1200, 800);
  g_autoptr(GBytes) jpeg_bytes = wm_test_jpeg (900, 1600);
  g_autoptr(GBytes) huge_png_bytes = wm_test_png_header (65000, 65000, 1024);
  g_autoptr(GBytes) huge_jpeg_bytes = wm_test_jpeg_header (65000, 65000, 1024);
  g_autoptr(GBytes) svg_bytes = wm_test_text_bytes ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"/>");
  g_autoptr(GFile) tall = write_bytes (fixture, "tall.jpg", jpeg_bytes);
  g_autoptr(GFile) huge_png = write_bytes (fixture, "huge.png", huge_png_bytes);
  g_autoptr(GFile) huge_jpeg = write_bytes (fixture, "huge.jpg", huge_jpeg_bytes);
  g_autoptr(GFile) svg = write_bytes (fixture, "drawing.png", svg_bytes);
  g_autofree char *corrupt_path = g_build_filename (fixture->dir, "corrupt.jpg", NULL);
  g_autofree char *sparse_path = g_build_filename (fixture->dir, "sparse.jpg", NULL);
  g_autofree char *fifo_path = g_build_filename (fixture->dir, "pipe.png", NULL);
  g_autoptr(GFile) corrupt = g_file_new_for_path (corrupt_path);
  g_autoptr(GFile) sparse = g_file_new_for_path (sparse_path);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) stored = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *message = NULL;
  GBytes *photo;
  FILE *out;

  g_assert_true (wm_persona_editor_set_photo_from_file (editor, wide, &error));
  g_assert_no_error (error);
  g_assert_null (shown_photo_error (editor));
  photo = wm_persona_get_photo (persona);
  g_assert_nonnull (photo);
  g_assert_cmpstr (wm_persona_get_photo_type (persona), ==, "image/jpeg");
  stream = g_memory_input_stream_new_from_bytes (photo);
  stored = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (stored), ==, 512);
  g_assert_cmpint (gdk_pixbuf_get_height (stored), ==, 512);
  g_assert_cmpstr (wm_history_get_undo_label (history (fixture)), ==, "Change Photo");

  g_assert_true (g_file_set_contents (corrupt_path, "this is not a picture at all", -1, NULL));
  assert_refused (editor, corrupt, "Cannot use “corrupt.jpg”: not a PNG or JPEG picture");
  assert_refused (editor, svg, "Cannot use “drawing.png”: not a PNG or JPEG picture");

  /* A kilobyte that claims 17 GB of pixels is refused undecoded. */
  assert_refused (editor, huge_png, "Cannot use “huge.png”: the picture is 65000 × 65000 pixels; "
                                    "Waymark takes pictures of at most 50 megapixels");
  assert_refused (editor, huge_jpeg, "Cannot use “huge.jpg”: the picture is 65000 × 65000 pixels; "
                                     "Waymark takes pictures of at most 50 megapixels");

  /* A sparse file: 30 MB on paper, nothing on disk. */
  out = g_fopen (sparse_path, "wb");
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, 30 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc (0, out);
  fclose (out);
  message = refused_photo (editor, sparse);
  g_assert_cmpstr (message, ==, "“sparse.jpg” is too large; choose an image under 25 MB");
  g_clear_pointer (&message, g_free);

  /* A pipe with no writer would block, and a device would never end. */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  assert_refused (editor, fifo, "“pipe.png” is not a regular file; choose a PNG or JPEG photo");
  assert_refused (editor, zero, "“zero” is not a regular file; choose a PNG or JPEG photo");
  message = refused_photo (editor, folder);
  g_assert_nonnull (strstr (message, "is not a regular file"));
  g_clear_pointer (&message, g_free);

  /* A JPEG is taken too, and the message goes once a photo is. */
  g_assert_true (wm_persona_editor_set_photo_from_file (editor, tall, &error));
  g_assert_no_error (error);
  g_assert_null (shown_photo_error (editor));
  g_assert_false (wm_persona_get_photo (persona) == photo);
}

/* The editor shows what the persona table gives a row, a list or a photo,
 * and its numbers take only what a file may hold. */
static void
test_persona_editor_follows_table (Fixture       *fixture,
                                   gconstpointer  data)
{
  const WmElementInfo *info = wm_element_info_lookup (WM_TYPE_PERSONA);
  WmPersona *persona = nth_persona (fixture, 0);
  WmPersonaEditor *editor = open_editor (fixture, persona);
  GtkWidget *age;
  int position = -1;

  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      g_test_message ("%s", field->label);
      /* Hints have no row: they show in the rows of their fields. */
      if (field->editor == WM_EDITOR_NONE)
        continue;
      if (field->editor == WM_EDITOR_LIST)
        g_assert_nonnull (wm_test_find_widget (GTK_WIDGET (editor), is_list_titled, (gpointer) _(field->label)));
      else
        g_assert_nonnull (wm_test_find_widget (GTK_WIDGET (editor), is_row_titled, (gpointer) _(field->label)));
    }

  /* An age of 340 would make a map that no longer opens. */
  age = wm_test_find_widget (GTK_WIDGET (editor), is_row_titled, (gpointer) "Age");
  gtk_editable_set_text (GTK_EDITABLE (age), "34");
  g_assert_cmpint (wm_persona_get_age (persona), ==, 34);
  gtk_editable_insert_text (GTK_EDITABLE (age), "0", -1, &position);
  g_assert_true (gtk_widget_has_css_class (age, "error"));
  g_assert_cmpint (wm_persona_get_age (persona), ==, 34);

  gtk_window_destroy (GTK_WINDOW (editor));
  wm_test_wait_for_frames (1);
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   text)
{
  /* The row's own hint, not the entry's placeholder label. */
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "inspector-hint") &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A template's hints show where their fields are empty: beside an empty
 * line, as its placeholder once it has the focus, and as the description
 * of an empty list; they go when the field gets words. */
static void
test_persona_editor_shows_hints (Fixture       *fixture,
                                 gconstpointer  data)
{
  WmPersona *persona = nth_persona (fixture, 0);
  static const char * const none[] = { NULL };
  WmPersonaEditor *editor;
  GtkWidget *role, *goals, *beside;
  GtkEditable *text;

  wm_document_set_string (fixture->document, WM_ELEMENT (persona), "role", "");
  wm_document_set_string (fixture->document, WM_ELEMENT (persona), "hint-role", "Role or occupation");
  wm_document_set_strv (fixture->document, WM_ELEMENT (persona), "goals", none);
  wm_document_set_string (fixture->document, WM_ELEMENT (persona), "hint-goals", "What are they trying to achieve?");
  editor = open_editor (fixture, persona);

  role = wm_test_find_widget (GTK_WIDGET (editor), is_row_titled, (gpointer) "Role");
  text = gtk_editable_get_delegate (GTK_EDITABLE (role));
  g_assert_cmpstr (gtk_text_get_placeholder_text (GTK_TEXT (text)), ==, "Role or occupation");
  beside = wm_test_find_widget (role, is_label_with_text, (gpointer) "Role or occupation");
  g_assert_nonnull (beside);
  g_assert_true (gtk_widget_get_visible (beside));
  goals = wm_test_find_widget (GTK_WIDGET (editor), is_list_titled, (gpointer) "Goals");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (goals)), ==,
                   "What are they trying to achieve?");

  gtk_editable_set_text (GTK_EDITABLE (role), "Nurse");
  g_assert_cmpstr (wm_persona_get_role (persona), ==, "Nurse");
  g_assert_false (gtk_widget_get_visible (beside));

  gtk_window_destroy (GTK_WINDOW (editor));
  wm_test_wait_for_frames (1);
}

/* An Undo that takes the persona away closes its editor. */
static void
test_persona_editor_follows_undo (Fixture       *fixture,
                                  gconstpointer  data)
{
  WmPersona *added = wm_canvas_add_persona (fixture->canvas);
  WmPersonaEditor *editor = open_editor (fixture, added);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  wm_history_undo (history (fixture));
  wm_test_wait_for_frames (2);
  g_assert_null (editor);
}

/* A screen reader hears every section of the card after the persona's
 * name, in the card's order, channels by name. */
static void
test_persona_description (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *widget = wm_canvas_get_persona_widget (fixture->canvas, nth_persona (fixture, 0));
  const char *description = wm_persona_widget_get_description (WM_PERSONA_WIDGET (widget));
  const char *order[] = { "“I don’t need more features.", "Background: Runs everything", "Goals: See every",
                          "Needs: Prices she can", "Frustrations: Tools built", "Motivations: A missed",
                          "Channels: Search; Review site" };
  const char *previous = description;

  g_assert_nonnull (description);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *at = strstr (description, order[i]);

      if (at == NULL)
        g_error ("the persona card's description lacks “%s”: %s", order[i], description);
      g_assert_true (at >= previous);
      previous = at;
    }
  /* It follows the persona. */
  wm_document_set_string (fixture->document, WM_ELEMENT (nth_persona (fixture, 0)), "bio", "");
  wm_canvas_get_layout (fixture->canvas);
  g_assert_null (strstr (wm_persona_widget_get_description (WM_PERSONA_WIDGET (widget)), "Background:"));
}

/* An empty section with a hint shows on the canvas under its heading,
 * and a screen reader hears it as a hint, not as the persona's words. */
static void
test_persona_description_hints (Fixture       *fixture,
                                gconstpointer  data)
{
  WmPersona *persona = nth_persona (fixture, 0);
  GtkWidget *widget = wm_canvas_get_persona_widget (fixture->canvas, persona);
  const char * const none[] = { NULL };
  const WmPersonaBox *box;
  WmLayout *layout;
  gboolean shown = FALSE;

  wm_document_set_strv (fixture->document, WM_ELEMENT (persona), "needs", none);
  wm_document_set_string (fixture->document, WM_ELEMENT (persona), "hint-needs", "What do they need from us?");
  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_nonnull (strstr (wm_persona_widget_get_description (WM_PERSONA_WIDGET (widget)),
                            "Needs: Hint: What do they need from us?"));
  box = &g_array_index (layout->personas, WmPersonaBox, 0);
  g_assert_true (box->persona == persona);
  for (guint i = 0; i < box->n_sections; i++)
    if (g_str_equal (box->sections[i].field->property, "needs"))
      shown = box->sections[i].hint;
  g_assert_true (shown);

  /* Once the persona has needs, the hint goes. */
  wm_document_set_strv (fixture->document, WM_ELEMENT (persona), "needs",
                        (const char * const[]) { "Prices she can compare", NULL });
  wm_canvas_get_layout (fixture->canvas);
  g_assert_null (strstr (wm_persona_widget_get_description (WM_PERSONA_WIDGET (widget)), "Hint:"));
}

/* The editor shows a persona's words and lists in the order the card
 * does. */
static void
test_persona_editor_follows_card (Fixture       *fixture,
                                  gconstpointer  data)
{
  WmPersonaEditor *editor = open_editor (fixture, nth_persona (fixture, 0));
  const WmFieldInfo * const *sections;
  guint n_sections;
  double last_y = -1;

  sections = wm_persona_sections (&n_sections);
  g_assert_cmpuint (n_sections, ==, 7);
  for (guint i = 0; i < n_sections; i++)
    {
      const char *label = _(sections[i]->label);
      GtkWidget *widget = wm_test_find_widget (GTK_WIDGET (editor),
                                               wm_persona_section_is_list (sections[i]) ? is_list_titled : is_row_titled,
                                               (gpointer) label);
      graphene_point_t point;

      g_assert_nonnull (widget);
      g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (editor), &GRAPHENE_POINT_INIT (0, 0), &point));
      g_test_message ("%s at %g", label, point.y);
      g_assert_cmpfloat (point.y, >, last_y);
      last_y = point.y;
    }

  gtk_window_destroy (GTK_WINDOW (editor));
  wm_test_wait_for_frames (1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/personas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("names", test_persona_names);
  ADD ("add-move-remove", test_persona_add_move_remove);
  ADD ("menu", test_persona_menu);
  ADD ("editor", test_persona_editor);
  ADD ("photo", test_persona_photo);
  ADD ("editor-follows-undo", test_persona_editor_follows_undo);
  ADD ("editor-follows-table", test_persona_editor_follows_table);
  ADD ("description", test_persona_description);
  ADD ("description-hints", test_persona_description_hints);
  ADD ("editor-follows-card", test_persona_editor_follows_card);
  ADD ("editor-shows-hints", test_persona_editor_shows_hints);
#undef ADD

  return g_test_run ();
}
