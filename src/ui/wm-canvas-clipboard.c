/* wm-canvas-clipboard.c: copy, cut, paste and duplicate.
 *
 * The clipboard carries a small map holding the cards with their stages
 * and lanes, so another map, or another Waymark, can place them; and
 * their titles as plain text for everything else. Plain text pastes as
 * one card per line. A picture, or a PNG or JPEG file copied in the file
 * manager, pasted with one card selected becomes that card's picture.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-clipboard"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-photo-import.h"
#include "wm-window.h"

#define CLIPBOARD_MIME_TYPE "application/x-waymark+json"

/* Selects what was pasted or duplicated, if anything was. */
static void
select_copies (WmCanvas  *self,
               GPtrArray *copies)
{
  if (copies != NULL)
    wm_canvas_set_selection (self, (WmCard **) copies->pdata, copies->len);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_autoptr(GPtrArray) copies = NULL;
  WmDropSpot spot;

  if (self->document == NULL || !wm_canvas_target_cell (self, &spot))
    return;
  copies = wm_edits_duplicate_cards (self->document, self->selection,
                                     spot.stage_index, spot.lane_index, spot.index_in_cell);
  select_copies (self, copies);
}

/* The clipboard carries a small map holding the cards, their stages and
 * their lanes, so that another map (or another Waymark) can place them;
 * and the titles as plain text for everything else. */
static GdkContentProvider *
selection_content (WmCanvas *self)
{
  g_autoptr(WmDocument) clip = wm_document_new ("clipboard");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) json_bytes = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  char *json;
  GdkContentProvider *providers[2];

  for (guint i = 0; i < self->selection->len; i++)
    {
      WmCard *card = g_ptr_array_index (self->selection, i);
      const char *parents[2] = { wm_card_get_stage (card), wm_card_get_lane (card) };

      for (guint p = 0; p < 2; p++)
        if (wm_document_lookup (clip, parents[p]) == NULL)
          {
            WmElement *parent = wm_document_lookup (self->document, parents[p]);
            g_autoptr(WmElement) copy = wm_element_copy (parent, parents[p], NULL);

            if (WM_IS_STAGE (copy))
              {
                GListModel *placed = wm_document_get_stages (clip);
                int wanted = wm_document_get_stage_index (self->document, parents[p]);
                guint at = 0;

                /* Keep the stages in the map's order. */
                while (at < g_list_model_get_n_items (placed))
                  {
                    g_autoptr(WmStage) stage = g_list_model_get_item (placed, at);

                    if (wm_document_get_stage_index (self->document, wm_element_get_id (WM_ELEMENT (stage))) > wanted)
                      break;
                    at++;
                  }
                wm_document_insert_stage (clip, WM_STAGE (copy), at);
              }
            else
              wm_document_insert_lane (clip, WM_LANE (copy), g_list_model_get_n_items (wm_document_get_lanes (clip)));
          }
      {
        g_autofree char *id = g_strdup (wm_element_get_id (WM_ELEMENT (card)));
        g_autoptr(WmCard) copy = WM_CARD (wm_element_copy (WM_ELEMENT (card), id, NULL));

        wm_document_insert_card (clip, copy, G_MAXUINT);
      }
      g_string_append_printf (text, "%s\n", wm_card_get_title (card));
    }

  json = wm_document_to_json (clip, NULL);
  json_bytes = g_bytes_new_take (json, strlen (json));
  text_bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  providers[0] = gdk_content_provider_new_for_bytes (CLIPBOARD_MIME_TYPE, json_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  return gdk_content_provider_new_union (providers, 2);
}

/* Puts the selected cards on the clipboard; whether there were any. */
static gboolean
copy_selection (WmCanvas *self)
{
  g_autoptr(GdkContentProvider) content = NULL;

  if (self->document == NULL || self->selection->len == 0)
    return FALSE;
  content = selection_content (self);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_selection (WM_CANVAS (widget));
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  if (copy_selection (WM_CANVAS (widget)))
    gtk_widget_activate_action (widget, "canvas.delete", NULL);
}

static void
paste_document (WmCanvas   *self,
                WmDocument *source)
{
  g_autoptr(GPtrArray) copies = NULL;
  WmDropSpot spot;

  if (self->document == NULL || !wm_canvas_target_cell (self, &spot))
    return;
  copies = wm_edits_paste (self->document, source, spot.stage_index, spot.lane_index, spot.index_in_cell);
  select_copies (self, copies);
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WmCanvas) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  g_autoptr(GPtrArray) copies = NULL;
  WmDropSpot spot;

  if (text == NULL || self->document == NULL || !wm_canvas_target_cell (self, &spot))
    return;
  copies = wm_edits_paste_text (self->document, text, spot.stage_index, spot.lane_index, spot.index_in_cell);
  select_copies (self, copies);
}

static void
on_json_spliced (GObject      *memory,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WmCanvas) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WmDocument) source = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (memory), result, NULL) < 0)
    return;
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  source = wm_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (source != NULL && self->document != NULL)
    paste_document (self, source);
}

/* Reads @stream into a GMemoryOutputStream whose buffer @grow lets grow
 * only so far, since another program can offer endless data; and
 * asynchronously, since our own window may be the one writing it. */
static void
read_into_memory (GInputStream        *stream,
                  GReallocFunc         grow,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new (NULL, 0, grow, g_free);

  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, callback, user_data);
}

/* Grows the buffer a paste is read into only up to what the loader
 * accepts. */
static gpointer
realloc_within_file_limit (gpointer data,
                           gsize    size)
{
  if (size > WM_DOCUMENT_MAX_FILE_SIZE)
    return NULL;
  return g_realloc (data, size);
}

static void
on_json_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WmCanvas) self = user_data;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (clipboard), result, NULL, NULL);

  if (stream == NULL)
    {
      gdk_clipboard_read_text_async (GDK_CLIPBOARD (clipboard), NULL, on_text_read, g_steal_pointer (&self));
      return;
    }
  read_into_memory (stream, realloc_within_file_limit, on_json_spliced, g_steal_pointer (&self));
}

/* --- Pictures ---------------------------------------------------------- */

/* The card a picture is pasted on, chosen when the paste began. */
typedef struct
{
  WmCanvas *canvas;
  WmCard *card;
} PictureTarget;

static void
picture_target_free (PictureTarget *target)
{
  g_object_unref (target->canvas);
  g_object_unref (target->card);
  g_free (target);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PictureTarget, picture_target_free)

static void
show_error (WmCanvas   *self,
            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (WM_IS_WINDOW (root))
    wm_window_show_toast (WM_WINDOW (root), message);
}

/* Sets the card's picture from a pasted file or image, through the checks
 * "Choose Picture…" makes, as one undo step; or says why not. */
static void
set_pasted_picture (PictureTarget *target,
                    GFile         *file,
                    GBytes        *image)
{
  WmCanvas *self = target->canvas;
  g_autoptr(GError) error = NULL;
  g_autofree char *media_type = NULL;
  g_autoptr(GBytes) picture = NULL;

  /* The card may have gone while the clipboard was read. */
  if (self->document == NULL
      || wm_document_lookup (self->document, wm_element_get_id (WM_ELEMENT (target->card))) != WM_ELEMENT (target->card))
    return;
  picture = file != NULL ? wm_picture_import (file, &media_type, &error)
                         : wm_picture_import_bytes (image, _("the pasted picture"), &media_type, &error);
  if (picture == NULL)
    show_error (self, error->message);
  else
    wm_edits_set_card_picture (self->document, target->card, picture, media_type);
}

/* Reads no more of a pasted picture than a chosen file may hold. */
static gpointer
realloc_within_picture_limit (gpointer data,
                              gsize    size)
{
  if (size > WM_PHOTO_IMPORT_MAX_FILE_SIZE)
    return NULL;
  return g_realloc (data, size);
}

static void
on_image_spliced (GObject      *memory,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PictureTarget) target = user_data;
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (memory), result, NULL) < 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The pasted picture is too large; paste an image under %d MB"),
                         WM_PHOTO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));

      show_error (target->canvas, message);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  set_pasted_picture (target, NULL, bytes);
}

static void
on_image_read (GObject      *clipboard,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PictureTarget) target = user_data;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (clipboard), result, NULL, NULL);

  if (stream != NULL)
    read_into_memory (stream, realloc_within_picture_limit, on_image_spliced, g_steal_pointer (&target));
}

static void
on_files_read (GObject      *clipboard,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PictureTarget) target = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  GSList *files = value != NULL ? g_value_get_boxed (value) : NULL;

  /* Other files paste as their names, as before. */
  if (files == NULL || !wm_picture_import_is_picture_file (files->data))
    {
      gdk_clipboard_read_text_async (GDK_CLIPBOARD (clipboard), NULL, on_text_read, g_object_ref (target->canvas));
      return;
    }
  set_pasted_picture (target, files->data, NULL);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  const char *mime_types[] = { CLIPBOARD_MIME_TYPE, NULL };
  const char *image_types[] = { "image/png", "image/jpeg", NULL };
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  WmCard *card = self->selection->len == 1 ? g_ptr_array_index (self->selection, 0) : NULL;
  PictureTarget *target;

  if (gdk_content_formats_contain_mime_type (formats, CLIPBOARD_MIME_TYPE))
    {
      gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_json_read, g_object_ref (widget));
      return;
    }
  if (card == NULL)
    {
      gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, g_object_ref (widget));
      return;
    }

  target = g_new0 (PictureTarget, 1);
  target->canvas = g_object_ref (self);
  target->card = g_object_ref (card);
  /* An image is read as the bytes of a PNG or JPEG, which the import
   * checks before anything decodes them; a texture of our own process is
   * offered as a PNG. */
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE)
      || gdk_content_formats_contain_mime_type (formats, "image/png")
      || gdk_content_formats_contain_mime_type (formats, "image/jpeg"))
    gdk_clipboard_read_async (clipboard, image_types, G_PRIORITY_DEFAULT, NULL, on_image_read, target);
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST)
           || gdk_content_formats_contain_mime_type (formats, "text/uri-list"))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL, on_files_read, target);
  else
    {
      picture_target_free (target);
      gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, g_object_ref (widget));
    }
}

void
wm_canvas_clipboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
}
