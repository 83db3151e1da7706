/* wm-window-private.h: what the files of WmWindow share.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-canvas.h"
#include "wm-minimap.h"
#include "wm-inspector.h"
#include "wm-priorities-view.h"
#include "wm-view-popover.h"
#include "wm-window.h"

G_BEGIN_DECLS

struct _WmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GtkApplication       *watched_application;

  /* Template children */
  AdwViewSwitcherTitle *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkButton            *new_map_button;
  GtkButton            *open_button;
  GtkButton            *header_new_button;
  GtkButton            *header_open_button;
  GtkWidget            *save_button;
  GtkWidget            *present_button;
  WmCanvas             *canvas;
  WmMinimap            *minimap;
  AdwFlap              *flap;
  AdwViewStack         *view_stack;
  WmPrioritiesView     *priorities_view;
  WmInspector          *inspector;
  GtkWidget            *inspector_button;
  GtkMenuButton        *health_button;
  GtkMenuButton        *view_button;
  AdwViewSwitcherBar   *switcher_bar;
  GtkLabel             *view_label;
  WmViewPopover        *view_popover;
  GtkWidget            *zoom_box;
  GtkButton            *zoom_level_button;
  GtkWidget            *edit_box;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *add_button;
  GMenu                *add_lane_menu;

  WmDocument           *document;
  GFile                *file;
  WmHistory            *watched_history;

  /* Saving, watching the file and autosave: wm-window-files.c */
  GFileMonitor         *file_monitor;
  char                 *saved_etag;        /* the file as last loaded or saved */
  AdwToast             *reload_toast;      /* weak */
  GtkFileChooserNative *save_chooser;
  WmHistory            *files_history;
  char                 *recovery_id;
  guint                 autosave_source;
  gboolean              autosave_in_flight;
  gboolean              autosave_again;
  gboolean              autosave_error_shown;
  gboolean              recovery_copy_wanted; /* until saved, undone or discarded */
  gboolean              unsaved_content;   /* changes not in the history */
  gboolean              close_after_save;
  gboolean              close_confirmed;

  /* The health check: wm-window-health.c */
  GtkImage             *health_icon;
  GtkLabel             *health_count;
  GtkLabel             *health_heading;
  GtkListBox           *health_list;
  GtkWidget            *health_scroller;
  GtkWidget            *health_empty;
  WmHistory            *health_history;
  guint                 health_source;
  guint                 n_health_findings;

  /* Conflicts, and merging the file's changes: wm-window-conflicts.c */
  GtkRevealer          *conflict_revealer;
  GtkLabel             *conflict_label;
  GListModel           *watched_conflicts;
  GtkWindow            *conflict_dialog;   /* weak */
  char                 *base_text;         /* the file as last loaded or saved */
};

void wm_window_add_export_actions (WmWindow   *self);
void wm_window_set_export_enabled (WmWindow   *self,
                                   gboolean    enabled);
void wm_window_enable_actions     (WmWindow           *self,
                                   const GActionEntry *entries,
                                   guint               n_entries,
                                   gboolean            enabled);
void   wm_window_add_zoom_actions (WmWindow   *self);
void   wm_window_set_zoom_enabled (WmWindow   *self,
                                   gboolean    enabled);
double wm_window_recall_zoom      (WmWindow   *self,
                                   GFile      *file);
void   wm_window_remember_zoom    (WmWindow   *self);

void     wm_window_add_edit_actions     (WmWindow *self);
void     wm_window_edit_document_shown  (WmWindow *self);
void     wm_window_edit_dispose         (WmWindow *self);
void     wm_window_set_edit_enabled     (WmWindow *self,
                                         gboolean  enabled);

void     wm_window_add_present_actions      (WmWindow *self);
void     wm_window_present_document_shown   (WmWindow *self);
void     wm_window_add_compare_actions      (WmWindow *self);
void     wm_window_compare_document_shown   (WmWindow *self);
void     wm_window_add_inspector_actions    (WmWindow *self);
void     wm_window_inspector_document_shown (WmWindow *self);

void              wm_window_add_template_actions    (WmWindow *self);
void              wm_window_template_document_shown (WmWindow *self);
AdwMessageDialog *wm_window_ask_template            (WmWindow *self);

void     wm_window_add_health_actions     (WmWindow *self);
void     wm_window_health_document_shown (WmWindow *self);
void     wm_window_health_dispose        (WmWindow *self);

void     wm_window_add_view_actions     (WmWindow   *self);
void     wm_window_views_document_shown (WmWindow   *self);
void     wm_window_show_view            (WmWindow   *self,
                                         const char *name);
const WmViewFilter *wm_window_get_filter (WmWindow  *self);

void     wm_window_add_file_actions     (WmWindow *self);
void     wm_window_add_import_actions   (WmWindow *self);
void     wm_window_show_error           (WmWindow   *self,
                                         const char *heading,
                                         const char *body);
void     wm_window_files_dispose        (WmWindow *self);
gboolean wm_window_files_close_request  (WmWindow *self);
void     wm_window_files_document_shown (WmWindow *self);
void     wm_window_update_title         (WmWindow *self);
void     wm_window_set_reload_pending   (WmWindow *self,
                                         gboolean  pending);

void     wm_window_add_conflict_actions     (WmWindow *self);
void     wm_window_conflicts_document_shown (WmWindow *self);
void     wm_window_conflicts_dispose        (WmWindow *self);
void     wm_window_remember_base            (WmWindow *self,
                                             char     *text);
gboolean wm_window_merge_file_changes       (WmWindow *self);

void     wm_window_schedule_autosave        (WmWindow *self);
void     wm_window_forget_recovery_copy     (WmWindow *self);
void     wm_window_autosave_setting_changed (WmWindow *self);

G_END_DECLS
