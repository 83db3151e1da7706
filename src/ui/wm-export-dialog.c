/* wm-export-dialog.c: the Export dialog: which format, and the options
 * that format has (pages, and whether to fit them on one, for PDF;
 * resolution and transparency for PNG; the theme for pictures and
 * slides). "Export…" then asks where, through
 * GtkFileChooserNative (the portal, inside Flatpak), and the window writes
 * the file on a worker thread.
 *
 * The choices are remembered for the rest of the session, so exporting
 * again after an edit is two clicks.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-export-dialog.h"
#include "wm-layout-text.h"

typedef struct
{
  WmExportFormat format;
  const char *name;         /* translated at runtime */
  const char *extension;
  const char *mime_type;
  const char *description;
  gboolean has_pages;
  gboolean has_scale;
  gboolean has_theme;
  gboolean has_transparency;
  gboolean slides;
} Format;

static const Format formats[] = {
  { WM_EXPORT_FORMAT_PDF, N_("PDF document"), "pdf", "application/pdf",
    N_("Vector pages with selectable text, for printing and sharing"), TRUE, FALSE, TRUE, FALSE },
  { WM_EXPORT_FORMAT_PDF, N_("Slides (PDF)"), "pdf", "application/pdf",
    N_("A 16:9 deck: the title, a slide per stage and an overview"), FALSE, FALSE, TRUE, FALSE, TRUE },
  { WM_EXPORT_FORMAT_PNG, N_("PNG image"), "png", "image/png",
    N_("A picture of the whole map, for slides and chat"), FALSE, TRUE, TRUE, TRUE },
  { WM_EXPORT_FORMAT_SVG, N_("SVG image"), "svg", "image/svg+xml",
    N_("A vector picture to place in design tools"), FALSE, FALSE, TRUE, FALSE },
  { WM_EXPORT_FORMAT_CSV, N_("CSV spreadsheet"), "csv", "text/csv",
    N_("One row per card, for spreadsheets; Waymark imports it again"), FALSE, FALSE, FALSE, FALSE },
  { WM_EXPORT_FORMAT_MERMAID, N_("Mermaid journey"), "mmd", "text/vnd.mermaid",
    N_("A Mermaid user-journey diagram, for wikis and Markdown"), FALSE, FALSE, FALSE, FALSE },
};

/* Where the window's last export went in this session, kept on the window
 * so that each map remembers its own. */
#define LAST_FOLDER_KEY "waymark-export-folder"

/* The last choices, for the next export in this session. */
static WmExportOptions last_options = { .format = WM_EXPORT_FORMAT_PDF, .scale = 1 };

struct _WmExportDialog
{
  AdwWindow parent_instance;

  WmWindow *window;             /* weak */
  GtkFileChooserNative *chooser;

  GtkWidget *export_button;
  AdwComboRow *format_row;
  AdwComboRow *page_size_row;
  GtkWidget *fit_row;
  GtkSwitch *fit_switch;
  AdwComboRow *scale_row;
  AdwComboRow *theme_row;
  GtkWidget *transparent_row;
  GtkSwitch *transparent_switch;
  GtkWidget *bom_row;
  GtkSwitch *bom_switch;
};

G_DEFINE_FINAL_TYPE (WmExportDialog, wm_export_dialog, ADW_TYPE_WINDOW)

static const Format *
selected_format (WmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return &formats[MIN (selected, G_N_ELEMENTS (formats) - 1)];
}

/* The chosen format's name is shown whole, and the description beside it
 * wraps instead: AdwComboRow's own item ellipsizes first, which cut
 * "Mermaid journey" (and longer translations) to "Mermaid jour…". */
static void
on_format_name_setup (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
on_format_name_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  GtkStringObject *name = GTK_STRING_OBJECT (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

/* Only the options the chosen format has are shown. */
static void
on_format_changed (WmExportDialog *self)
{
  const Format *format = selected_format (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), _(format->description));
  gtk_widget_set_visible (GTK_WIDGET (self->page_size_row), format->has_pages);
  /* One large page fits the map already; paper sizes may fit it too. */
  gtk_widget_set_visible (self->fit_row, format->has_pages &&
                          adw_combo_row_get_selected (self->page_size_row) != WM_PAGE_SIZE_FIT);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), format->has_scale);
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), format->has_theme);
  gtk_widget_set_visible (self->transparent_row, format->has_transparency);
  gtk_widget_set_visible (self->bom_row, format->format == WM_EXPORT_FORMAT_CSV);
}

/**
 * wm_export_dialog_get_options:
 * @options: (out caller-allocates): the chosen format and options
 */
void
wm_export_dialog_get_options (WmExportDialog  *self,
                              WmExportOptions *options)
{
  const Format *format = selected_format (self);

  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));

  wm_export_options_init (options);
  options->format = format->format;
  options->slides = format->slides;
  if (format->has_pages)
    {
      options->page_size = (WmPageSize) adw_combo_row_get_selected (self->page_size_row);
      options->fit = options->page_size != WM_PAGE_SIZE_FIT && gtk_switch_get_active (self->fit_switch);
    }
  if (format->has_scale)
    options->scale = adw_combo_row_get_selected (self->scale_row) == 1 ? 2 : 1;
  if (format->has_theme)
    options->theme = adw_combo_row_get_selected (self->theme_row) == 1 ? WM_THEME_DARK : WM_THEME_LIGHT;
  if (format->has_transparency)
    options->transparent = gtk_switch_get_active (self->transparent_switch);
  if (format->format == WM_EXPORT_FORMAT_CSV)
    options->bom = gtk_switch_get_active (self->bom_switch);
}

/* A name typed without the format's extension gets it. */
static GFile *
with_extension (GFile        *file,
                const Format *format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  g_autofree char *suffix = g_strconcat (".", format->extension, NULL);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (lower, suffix))
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  named = g_strconcat (basename, suffix, NULL);
  return parent != NULL ? g_file_get_child (parent, named) : g_object_ref (file);
}

/**
 * wm_export_dialog_export_to:
 * @file: where to write
 *
 * Exports the window's map to @file, with the format's extension added
 * if it has none, and closes the dialog: what choosing @file in the file
 * chooser does.
 */
void
wm_export_dialog_export_to (WmExportDialog *self,
                            GFile          *file)
{
  g_autoptr(GFile) named = NULL;
  WmExportOptions options;

  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  wm_export_dialog_get_options (self, &options);
  last_options = options;
  named = with_extension (file, selected_format (self));
  if (self->window != NULL && wm_window_get_document (self->window) != NULL)
    {
      GFile *folder = g_file_get_parent (named);

      if (folder != NULL)
        g_object_set_data_full (G_OBJECT (self->window), LAST_FOLDER_KEY, folder, g_object_unref);
      wm_window_export_to (self->window, named, &options);
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     WmExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wm_export_dialog_export_to (self, file);
    }
}

/**
 * wm_export_dialog_get_suggested_folder:
 *
 * Where the file chooser starts: the folder this map was last exported to
 * in this session, or else the map's own folder.
 *
 * Returns: (transfer full) (nullable): the folder, or %NULL for an
 *   unsaved map never exported (the chooser then starts where it likes)
 */
GFile *
wm_export_dialog_get_suggested_folder (WmExportDialog *self)
{
  GFile *last_folder;
  GFile *map_file;

  g_return_val_if_fail (WM_IS_EXPORT_DIALOG (self), NULL);

  if (self->window == NULL)
    return NULL;
  last_folder = g_object_get_data (G_OBJECT (self->window), LAST_FOLDER_KEY);
  if (last_folder != NULL)
    return g_object_ref (last_folder);
  map_file = wm_window_get_file (self->window);
  return map_file != NULL ? g_file_get_parent (map_file) : NULL;
}

static void
on_export_clicked (WmExportDialog *self)
{
  const Format *format = selected_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;

  if (self->window == NULL || wm_window_get_document (self->window) == NULL)
    return;

  gtk_file_filter_set_name (filter, _(format->name));
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  gtk_file_filter_add_suffix (filter, format->extension);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  folder = wm_export_dialog_get_suggested_folder (self);
  if (folder != NULL && g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  title = wm_layout_map_title (wm_window_get_document (self->window));
  g_strdelimit (title, "/\\:", '-');
  suggested = g_strconcat (title, ".", format->extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
wm_export_dialog_dispose (GObject *object)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (wm_export_dialog_parent_class)->dispose (object);
}

static void
wm_export_dialog_class_init (WmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/wm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, fit_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, fit_switch);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, bom_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_export_dialog_init (WmExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) name_factory = gtk_signal_list_item_factory_new ();
  guint format_position = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gtk_string_list_append (names, _(formats[i].name));
      if (formats[i].format == last_options.format && formats[i].slides == last_options.slides &&
          format_position == 0)
        format_position = i;
    }
  /* The popover keeps the row's own items, with their check marks. */
  adw_combo_row_set_list_factory (self->format_row, adw_combo_row_get_factory (self->format_row));
  g_signal_connect (name_factory, "setup", G_CALLBACK (on_format_name_setup), NULL);
  g_signal_connect (name_factory, "bind", G_CALLBACK (on_format_name_bind), NULL);
  adw_combo_row_set_factory (self->format_row, name_factory);
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->format_row, format_position);
  adw_combo_row_set_selected (self->page_size_row, last_options.page_size);
  gtk_switch_set_active (self->fit_switch, last_options.fit);
  adw_combo_row_set_selected (self->scale_row, last_options.scale == 2 ? 1 : 0);
  adw_combo_row_set_selected (self->theme_row, last_options.theme == WM_THEME_DARK ? 1 : 0);
  gtk_switch_set_active (self->transparent_switch, last_options.transparent);
  gtk_switch_set_active (self->bom_switch, last_options.bom);
  on_format_changed (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

/**
 * wm_export_dialog_new:
 * @window: the window whose map is exported
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
WmExportDialog *
wm_export_dialog_new (WmWindow *window)
{
  WmExportDialog *self = g_object_new (WM_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);

  g_set_weak_pointer (&self->window, window);
  return self;
}
