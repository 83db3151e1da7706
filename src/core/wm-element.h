/* wm-element.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WM_TYPE_ELEMENT (wm_element_get_type ())

G_DECLARE_DERIVABLE_TYPE (WmElement, wm_element, WM, ELEMENT, GObject)

/**
 * WmElementClass:
 *
 * The base of everything a map is made of: personas, stages, lanes, cards,
 * emotion curves and their points, and the map itself.
 *
 * Every field is a GObject property, readable by anyone and written only
 * through the document's history (see wm_document_set_value()), so each
 * change is undoable and announced by "notify". The values are found by
 * property id, which lets one command type change any field of any
 * element.
 */
/* The flags of every field. Not construct properties: GObject would set
 * the default of each one of every element made, a third of the time
 * taken to load a large map; an element reads its class's defaults
 * until a field is set. Fields are set when the element is made, or until it joins a
 * document; from then on only the document's history writes them. */
#define WM_ELEMENT_FIELD_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

struct _WmElementClass
{
  GObjectClass parent_class;

  /*< private >*/
  guint n_fields;
  GParamSpec **fields;
  GValue *defaults;
};

const char   *wm_element_get_id             (WmElement    *self);
guint         wm_element_get_revision       (WmElement    *self);
const GValue *wm_element_peek_value         (WmElement    *self,
                                             GParamSpec   *pspec);
GParamSpec   *wm_element_find_field         (WmElement    *self,
                                             const char   *name);
const char   *wm_element_get_hint           (WmElement    *self,
                                             const char   *property);
const char   *wm_element_get_unknown_json   (WmElement    *self);
void          wm_element_set_unknown_json   (WmElement    *self,
                                             const char   *json);
const char   *wm_element_get_nested_unknown_json (WmElement  *self,
                                                  const char *member);
void          wm_element_set_nested_unknown_json (WmElement  *self,
                                                  const char *member,
                                                  const char *json);

/* For subclasses, in class_init: the fields in the order files list them. */
void          wm_element_class_install_fields (WmElementClass *klass,
                                               GParamSpec    **fields,
                                               guint           n_fields);

/* Typed shortcuts for subclass getters. */
const char   *wm_element_get_string_field   (WmElement    *self,
                                             guint         field);
int           wm_element_get_int_field      (WmElement    *self,
                                             guint         field);
const char * const *wm_element_get_strv_field (WmElement  *self,
                                             guint         field);

char         *wm_element_generate_id        (const char   *prefix);
gboolean      wm_element_text_is_blank      (const char   *text);
GPtrArray    *wm_element_list_dup           (GListModel   *model);
WmElement    *wm_element_copy               (WmElement    *self,
                                             const char   *id,
                                             const char   *first_field,
                                             ...);

G_END_DECLS
