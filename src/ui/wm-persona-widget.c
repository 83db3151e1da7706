/* wm-persona-widget.c: one persona card in the map's header.
 *
 * The painter draws the card, as in every export; this widget lies over
 * it so the persona takes keyboard focus, is named for screen readers
 * ("Persona: Dana, operations manager"), and answers its keys: Enter
 * opens the persona editor, Delete removes the persona, Alt+Left and
 * Alt+Right move it along the header. The actions are the canvas's.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-persona-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-persona-sections.h"
#include "wm-persona-widget.h"

struct _WmPersonaWidget
{
  GtkWidget parent_instance;

  WmPersona *persona;
  char *label;
  char *description;
};

G_DEFINE_FINAL_TYPE (WmPersonaWidget, wm_persona_widget, GTK_TYPE_WIDGET)

static void
wm_persona_widget_dispose (GObject *object)
{
  WmPersonaWidget *self = WM_PERSONA_WIDGET (object);

  g_clear_object (&self->persona);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (wm_persona_widget_parent_class)->dispose (object);
}

static void
wm_persona_widget_class_init (WmPersonaWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_persona_widget_dispose;

  gtk_widget_class_set_css_name (widget_class, "wm-persona");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.persona-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.persona-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "canvas.persona-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.persona-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.persona-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.persona-delete", NULL);
  /* A point on this persona's curve, placed then with the arrow keys. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.point-add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "canvas.point-add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "canvas.persona-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "canvas.persona-move", "i", 1);
}

static void
wm_persona_widget_init (WmPersonaWidget *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/**
 * wm_persona_widget_new:
 * @persona: the persona
 *
 * Returns: (transfer floating): a new persona widget
 */
GtkWidget *
wm_persona_widget_new (WmPersona *persona)
{
  WmPersonaWidget *self = g_object_new (WM_TYPE_PERSONA_WIDGET, NULL);

  self->persona = g_object_ref (persona);
  wm_persona_widget_update (self);
  return GTK_WIDGET (self);
}

WmPersona *
wm_persona_widget_get_persona (WmPersonaWidget *self)
{
  g_return_val_if_fail (WM_IS_PERSONA_WIDGET (self), NULL);

  return self->persona;
}

/* What a screen reader calls the persona, for tests. */
const char *
wm_persona_widget_get_label (WmPersonaWidget *self)
{
  g_return_val_if_fail (WM_IS_PERSONA_WIDGET (self), NULL);

  return self->label;
}

/* Names the widget after the persona's name and role, and describes it
 * by the card's sections, as they are now. */
void
wm_persona_widget_update (WmPersonaWidget *self)
{
  /* A new map's persona has only a hint for a name; a screen reader
   * still needs to hear what the card is. */
  const char *name = wm_persona_get_display_name (self->persona);
  const char *role = wm_persona_get_role (self->persona);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (*role != '\0')
    /* Translators: how a screen reader names a persona card, e.g. "Persona: Dana, operations manager" */
    label = g_strdup_printf (_("Persona: %s, %s"), name, role);
  else
    /* Translators: how a screen reader names a persona card, e.g. "Persona: Dana" */
    label = g_strdup_printf (_("Persona: %s"), name);
  description = wm_persona_sections_describe (self->persona, TRUE);
  if (g_strcmp0 (label, self->label) == 0 && g_strcmp0 (description, self->description) == 0)
    return;
  g_free (self->label);
  self->label = g_steal_pointer (&label);
  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* What a screen reader reads after the name: every section of the card,
 * in its order. For tests. */
const char *
wm_persona_widget_get_description (WmPersonaWidget *self)
{
  g_return_val_if_fail (WM_IS_PERSONA_WIDGET (self), NULL);

  return self->description;
}
