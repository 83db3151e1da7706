/* wm-persona-sections.c: what a persona card shows below the name.
 *
 * The card, the persona editor and the title slide (which draws the
 * cards) must show the same sections in the same order. The editor
 * builds its rows from the persona field table: the "In Their Words"
 * group (quote, background), then the lists (goals, needs, frustrations,
 * motivations, channels). The sections here are read from that same
 * table, so adding or moving a field there moves it on the card too.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-persona-sections"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-channels.h"
#include "wm-layout-text.h"
#include "wm-persona-sections.h"
#include "wm-text-measure.h"

/* The group of the persona's fields that holds its own words. */
#define WORDS_GROUP 1
#define MAX_SECTIONS 16

typedef struct
{
  const char *property;
  const char *(*text) (WmPersona *persona);
  const char * const *(*items) (WmPersona *persona);
} Getter;

/* Reading a field through its getter costs no copy, which matters for a
 * background of megabytes laid out on every change. */
static const Getter getters[] = {
  { "quote", wm_persona_get_quote, NULL },
  { "bio", wm_persona_get_bio, NULL },
  { "goals", NULL, wm_persona_get_goals },
  { "needs", NULL, wm_persona_get_needs },
  { "frustrations", NULL, wm_persona_get_frustrations },
  { "motivations", NULL, wm_persona_get_motivations },
  { "channels", NULL, wm_persona_get_channels },
};

static const Getter *
getter_of (const WmFieldInfo *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (getters); i++)
    if (g_str_equal (getters[i].property, field->property))
      return &getters[i];
  return NULL;
}

/**
 * wm_persona_sections:
 * @n_sections: (out): how many there are
 *
 * Returns: (transfer none): the fields a persona card shows below the
 *   name and role, in the persona editor's order
 */
const WmFieldInfo * const *
wm_persona_sections (guint *n_sections)
{
  static const WmFieldInfo *sections[MAX_SECTIONS];
  static gsize n;

  if (g_once_init_enter (&n))
    {
      const WmElementInfo *info = wm_element_info_lookup (WM_TYPE_PERSONA);
      guint count = 0;

      /* The editor's order: its groups of rows first, then the lists. */
      for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
        if (field->group == WORDS_GROUP && field->editor == WM_EDITOR_TEXT && getter_of (field) != NULL)
          sections[count++] = field;
      for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
        if (field->editor == WM_EDITOR_LIST && getter_of (field) != NULL)
          sections[count++] = field;
      g_assert (count > 0 && count <= MAX_SECTIONS);
      g_once_init_leave (&n, count);
    }
  *n_sections = n;
  return sections;
}

gboolean
wm_persona_section_is_list (const WmFieldInfo *field)
{
  return field->editor == WM_EDITOR_LIST;
}

/* Returns: (nullable): a text section's text */
const char *
wm_persona_section_text (WmPersona         *persona,
                         const WmFieldInfo *field)
{
  const Getter *getter = getter_of (field);

  return getter != NULL && getter->text != NULL ? getter->text (persona) : NULL;
}

/* Returns: (nullable): a list section's entries */
const char * const *
wm_persona_section_items (WmPersona         *persona,
                          const WmFieldInfo *field)
{
  const Getter *getter = getter_of (field);

  return getter != NULL && getter->items != NULL ? getter->items (persona) : NULL;
}

/**
 * wm_persona_section_item_text:
 * @item: an entry of @field's list
 *
 * Returns: (transfer none): @item as the card shows it: a known channel
 *   by its name ("Review site"), not the id the file keeps
 */
const char *
wm_persona_section_item_text (const WmFieldInfo *field,
                              const char        *item)
{
  if (g_str_equal (field->property, "channels"))
    return wm_channel_get_display_name (item);
  return item;
}

/**
 * wm_persona_section_heading:
 *
 * Returns: (transfer full) (nullable): the small capitals above a
 *   section, as "GOALS"; a quote has none, its quotation marks say it
 */
char *
wm_persona_section_heading (const WmFieldInfo *field)
{
  if (g_str_equal (field->property, "quote"))
    return NULL;
  return g_utf8_strup (_(field->label), -1);
}

/* Adds "Goals: Hint: What are they trying to achieve?" to @parts, for an
 * empty field that has a hint. */
static void
add_hint (GPtrArray  *parts,
          WmPersona  *persona,
          const char *property,
          const char *label)
{
  const char *hint = wm_element_get_hint (WM_ELEMENT (persona), property);
  g_autofree char *said = NULL;

  if (*hint == '\0')
    return;
  said = g_strdup_printf (_("Hint: %s"), hint);
  g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), _(label), said));
}

/**
 * wm_persona_sections_describe:
 * @hints: whether to read the hints of empty fields, as the canvas shows
 *   them
 *
 * The card's sections as a screen reader reads them, in the card's order:
 * "“…” Background: … Goals: …; …. Needs: …". Lists stop after as many
 * entries as the card can show at most, and say how many are left. With
 * @hints, an empty name, role or section that has a hint is read as the
 * canvas shows it: "Goals: Hint: What are they trying to achieve?".
 *
 * Returns: (transfer full): the description, empty for a persona with
 *   nothing but a name
 */
char *
wm_persona_sections_describe (WmPersona *persona,
                              gboolean   hints)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *role_line = NULL;
  const WmFieldInfo * const *fields;
  guint n_fields;

  if (hints && *wm_persona_get_name (persona) == '\0')
    add_hint (parts, persona, "name", N_("Name"));
  /* The card shows the role's hint where it would show the role line. */
  role_line = hints ? wm_layout_persona_role_line (persona) : NULL;
  if (role_line != NULL && *role_line == '\0')
    add_hint (parts, persona, "role", N_("Role"));
  fields = wm_persona_sections (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const WmFieldInfo *field = fields[i];
      g_autofree char *capped = NULL;
      g_autofree char *content = NULL;

      if (wm_persona_section_is_list (field))
        {
          const char * const *items = wm_persona_section_items (persona, field);
          guint n = items != NULL ? g_strv_length ((char **) items) : 0;
          GString *list;

          if (n == 0)
            {
              if (hints)
                add_hint (parts, persona, field->property, field->label);
              continue;
            }
          list = g_string_new (NULL);
          for (guint k = 0; k < n && k < WM_PERSONA_MAX_ITEMS; k++)
            {
              const char *item = wm_text_cap (wm_persona_section_item_text (field, items[k]), &capped);

              g_string_append_printf (list, "%s%s", k > 0 ? "; " : "", item);
              g_clear_pointer (&capped, g_free);
            }
          if (n > WM_PERSONA_MAX_ITEMS)
            /* Translators: after the first entries of a persona's long list, read out */
            g_string_append_printf (list, ngettext ("; and %u more", "; and %u more", n - WM_PERSONA_MAX_ITEMS),
                                    n - WM_PERSONA_MAX_ITEMS);
          /* A background ends its own sentences; a list is ended here. */
          g_string_append_c (list, '.');
          content = g_string_free (list, FALSE);
        }
      else
        {
          const char *text = wm_persona_section_text (persona, field);

          if (text == NULL || *text == '\0')
            {
              if (hints)
                add_hint (parts, persona, field->property, field->label);
              continue;
            }
          if (g_str_equal (field->property, "quote"))
            {
              g_ptr_array_add (parts, wm_layout_quoted (text));
              continue;
            }
          content = g_strdup (wm_text_cap (text, &capped));
        }
      /* Translators: a section of a persona card read out, as in "Goals: Book a repair." */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), _(field->label), content));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}
