/* wm-element.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-element"

#include "config.h"

#include <gobject/gvaluecollector.h>
#include <string.h>

#include "wm-element-private.h"
#include "wm-fields.h"

typedef struct
{
  char   *id;
  /* Only the fields that were ever set hold a value of their own; the
   * others read their class's default. slots[i] is 1 + the place of field
   * i in values, or 0. Most fields of most elements keep their default,
   * so a map of hundreds of thousands of cards stores a few values per
   * card instead of a table of every field. */
  guint8 *slots;
  GValue *values;
  guint8  n_values;
  guint8  capacity;
  /* Members a newer Waymark wrote that this one does not know, kept as a
   * JSON object text so that saving gives them back unchanged. */
  char   *unknown_json;
  /* The same for objects inside the element ("photo", "metric"), by
   * member name; NULL until one has some. */
  GHashTable *nested_unknown_json;
  /* Counts the writes to its fields, so that a view can tell what
   * changed since it last looked. */
  guint revision;
  /* The document the element is in, if any (borrowed). */
  WmElementWriteFunc owner_func;
  gpointer owner;
  /* Set once the element has been in a document or had a field written
   * by a history command: from then on g_object_set() may not change its
   * fields, so that every change is undoable. */
  gboolean sealed;
} WmElementPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WmElement, wm_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The value of field @index: the element's own, or else the default. */
static inline const GValue *
peek_value (WmElement *self,
            guint      index)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  if (priv->slots != NULL && priv->slots[index] != 0)
    return &priv->values[priv->slots[index] - 1];
  return &WM_ELEMENT_GET_CLASS (self)->defaults[index];
}

/* Room for @more values of the element's own. Moves the values, so
 * pointers to them last only until the next field is set. */
static void
reserve_values (WmElement *self,
                guint      more)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  WmElementClass *klass = WM_ELEMENT_GET_CLASS (self);
  guint wanted = MIN (priv->n_values + more, klass->n_fields);

  if (priv->slots == NULL)
    priv->slots = g_new0 (guint8, MAX (klass->n_fields, 1));
  if (wanted <= priv->capacity)
    return;
  priv->values = g_renew (GValue, priv->values, wanted);
  priv->capacity = wanted;
}

/* The element's own value of field @index, made from the default if it
 * had none. Valid until the next field is set (see reserve_values()). */
static GValue *
own_value (WmElement *self,
           guint      index)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  WmElementClass *klass = WM_ELEMENT_GET_CLASS (self);
  GValue *value;

  if (priv->slots != NULL && priv->slots[index] != 0)
    return &priv->values[priv->slots[index] - 1];
  reserve_values (self, 1);
  value = &priv->values[priv->n_values];
  memset (value, 0, sizeof *value);
  g_value_init (value, G_VALUE_TYPE (&klass->defaults[index]));
  g_value_copy (&klass->defaults[index], value);
  priv->slots[index] = ++priv->n_values;
  return value;
}

/* Stores @value in field @index. Most fields of most elements hold their
 * default, and GObject sets every one as the element is made: sharing the
 * class's interned default text instead of copying it, and sparing the
 * type checks of the generic GValue calls, makes loading a large map
 * several times cheaper. */
static void
store_value (WmElement    *self,
             guint         index,
             const GValue *value)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  WmElementClass *klass = WM_ELEMENT_GET_CLASS (self);
  const GValue *fallback = &klass->defaults[index];
  gboolean has_own = priv->slots != NULL && priv->slots[index] != 0;
  GValue *stored;
  GType type = G_VALUE_TYPE (fallback);

  if (type == G_TYPE_STRING && G_VALUE_TYPE (value) == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      const char *default_text = g_value_get_string (fallback);

      if (g_strcmp0 (text, default_text) == 0)
        {
          if (has_own)
            g_value_set_interned_string (own_value (self, index), default_text);
        }
      else
        g_value_set_string (own_value (self, index), text);
      return;
    }
  /* GObject sets every field it is given as an element is made, most of
   * them to their defaults: those need no value of their own. */
  if (!has_own && g_param_values_cmp (klass->fields[index], value, fallback) == 0)
    return;
  stored = own_value (self, index);
  g_value_copy (value, stored);
  if (type == G_TYPE_DOUBLE)
    wm_value_normalize (stored);
}

static void
wm_element_get_field (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  g_value_copy (peek_value (WM_ELEMENT (object), prop_id - 1), value);
}

static void
wm_element_set_field (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  /* Not WM_ELEMENT (): the cast check is a noticeable part of loading. */
  WmElement *self = (WmElement *) object;
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  if (priv->sealed)
    {
      g_critical ("%s: the field “%s” of %s “%s” changes only through its document's history",
                  G_STRFUNC, pspec->name, G_OBJECT_TYPE_NAME (object), priv->id);
      return;
    }
  store_value (self, prop_id - 1, value);
}

static void
wm_element_finalize (GObject *object)
{
  WmElement *self = WM_ELEMENT (object);
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);
  g_free (priv->slots);
  g_free (priv->id);
  g_free (priv->unknown_json);
  g_clear_pointer (&priv->nested_unknown_json, g_hash_table_unref);

  G_OBJECT_CLASS (wm_element_parent_class)->finalize (object);
}

static void
wm_element_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmElement *self = WM_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, wm_element_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmElement *self = WM_ELEMENT (object);
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_constructed (GObject *object)
{
  WmElement *self = WM_ELEMENT (object);
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  G_OBJECT_CLASS (wm_element_parent_class)->constructed (object);

  if (priv->id == NULL || priv->id[0] == '\0')
    {
      g_free (priv->id);
      priv->id = wm_element_generate_id (NULL);
    }
}

static void
wm_element_class_init (WmElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wm_element_constructed;
  object_class->finalize = wm_element_finalize;
  object_class->get_property = wm_element_get_property;
  object_class->set_property = wm_element_set_property;

  /**
   * WmElement:id:
   *
   * A stable identifier, unique within the document. Generated when not
   * given.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_element_init (WmElement *self)
{
}

/**
 * wm_element_class_install_fields:
 * @klass: a subclass of #WmElement
 * @fields: (array length=n_fields): the field specs; index 0 is unused,
 *   as for g_object_class_install_properties()
 * @n_fields: the length of @fields
 *
 * Installs @fields, declared with %WM_ELEMENT_FIELD_FLAGS, as properties
 * that the element stores itself. They are set as the element is made,
 * or until it joins a document; afterwards they change only through
 * wm_element_write_field(), which the document's history calls.
 */
void
wm_element_class_install_fields (WmElementClass  *klass,
                                 GParamSpec     **fields,
                                 guint            n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (n_fields >= 1 && fields[0] == NULL);
  /* An element's slots count its fields in a byte. */
  g_return_if_fail (n_fields <= G_MAXUINT8);
  for (guint i = 1; i < n_fields; i++)
    g_return_if_fail ((fields[i]->flags & (G_PARAM_CONSTRUCT | G_PARAM_CONSTRUCT_ONLY)) == 0);

  object_class->get_property = wm_element_get_field;
  object_class->set_property = wm_element_set_field;
  g_object_class_install_properties (object_class, n_fields, fields);

  klass->n_fields = n_fields - 1;
  klass->fields = fields + 1;

  /* The defaults, with text interned, so that copying one costs nothing.
   * Classes live as long as the program. */
  klass->defaults = g_new0 (GValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GValue *value = &klass->defaults[i];

      GType fundamental = G_TYPE_FUNDAMENTAL (klass->fields[i]->value_type);

      g_value_init (value, klass->fields[i]->value_type);
      if (fundamental == G_TYPE_STRING)
        g_value_set_interned_string (value, g_intern_string (g_value_get_string (g_param_spec_get_default_value (klass->fields[i]))));
      else
        g_param_value_set_default (klass->fields[i], value);
    }
}

const char *
wm_element_get_id (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  return priv->id;
}

static gssize
field_index (WmElement  *self,
             GParamSpec *pspec)
{
  WmElementClass *klass = WM_ELEMENT_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i] == pspec)
      return i;

  return -1;
}

/**
 * wm_element_peek_value:
 * @self: an element
 * @pspec: one of the element's fields
 *
 * Returns: (transfer none): the field's current value
 */
const GValue *
wm_element_peek_value (WmElement  *self,
                       GParamSpec *pspec)
{
  gssize index = field_index (self, pspec);

  g_return_val_if_fail (index >= 0, NULL);

  return peek_value (self, index);
}

/**
 * wm_element_find_field:
 * @self: an element
 * @name: a property name
 *
 * Returns: (nullable) (transfer none): the field called @name, or %NULL
 */
GParamSpec *
wm_element_find_field (WmElement  *self,
                       const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  if (pspec == NULL || field_index (self, pspec) < 0)
    return NULL;

  return pspec;
}

/**
 * wm_element_get_hint:
 * @property: a text or list field, such as "title" or "goals"
 *
 * A hint is guidance from a template ("What does the customer do here?")
 * for a field the user has not filled yet. It lives in its own field,
 * "hint-" and the field's name, so that it is shown greyed while the
 * field is empty but is never content: no export, count or check sees it.
 *
 * Returns: (transfer none): the hint for @property, or "" if there is none
 */
const char *
wm_element_get_hint (WmElement  *self,
                     const char *property)
{
  g_autofree char *name = NULL;
  GParamSpec *pspec;
  const char *hint;

  g_return_val_if_fail (WM_IS_ELEMENT (self), "");
  g_return_val_if_fail (property != NULL, "");

  name = g_strconcat ("hint-", property, NULL);
  pspec = wm_element_find_field (self, name);
  if (pspec == NULL || !G_IS_PARAM_SPEC_STRING (pspec))
    return "";
  hint = g_value_get_string (wm_element_peek_value (self, pspec));
  return hint != NULL ? hint : "";
}

/*< private >
 * wm_element_write_field:
 *
 * Writes a field and notifies. Only history commands call this, which is
 * why it lives in wm-element-private.h.
 */
void
wm_element_write_field (WmElement    *self,
                        GParamSpec   *pspec,
                        const GValue *value)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  gssize index = field_index (self, pspec);

  g_return_if_fail (index >= 0);

  priv->sealed = TRUE;
  store_value (self, index, value);
  priv->revision++;
  if (priv->owner_func != NULL)
    priv->owner_func (priv->owner, self, pspec);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/*< private >
 * wm_element_set_owner:
 * @func: (nullable): called after each wm_element_write_field(), or %NULL
 *   when the element leaves @owner (if @owner holds it)
 *
 * The document sets this on the elements it holds, to keep its indexes
 * up to date through edits, undo and redo.
 */
void
wm_element_set_owner (WmElement          *self,
                      WmElementWriteFunc  func,
                      gpointer            owner)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  if (func == NULL && priv->owner != owner)
    return;
  if (func != NULL)
    priv->sealed = TRUE;
  priv->owner_func = func;
  priv->owner = func != NULL ? owner : NULL;
}

/**
 * wm_element_get_revision:
 *
 * Returns: a number that changes each time a field of @self is written
 *   (by an edit, an undo or a redo), for views that keep what they
 *   painted
 */
guint
wm_element_get_revision (WmElement *self)
{
  WmElementPrivate *priv;

  g_return_val_if_fail (WM_IS_ELEMENT (self), 0);

  priv = wm_element_get_instance_private (self);
  return priv->revision;
}

const char *
wm_element_get_string_field (WmElement *self,
                             guint      field)
{
  const char *value;

  g_return_val_if_fail (field >= 1 && field <= WM_ELEMENT_GET_CLASS (self)->n_fields, NULL);

  value = g_value_get_string (peek_value (self, field - 1));
  return value != NULL ? value : "";
}

int
wm_element_get_int_field (WmElement *self,
                          guint      field)
{
  const GValue *value;

  g_return_val_if_fail (field >= 1 && field <= WM_ELEMENT_GET_CLASS (self)->n_fields, 0);

  value = peek_value (self, field - 1);
  /* Exact types first: checking for an enum first made every read of a
   * number two slow type checks. */
  if (G_VALUE_TYPE (value) == G_TYPE_INT)
    return g_value_get_int (value);
  if (G_VALUE_TYPE (value) == G_TYPE_BOOLEAN)
    return g_value_get_boolean (value);
  return g_value_get_enum (value);
}

const char * const *
wm_element_get_strv_field (WmElement *self,
                           guint      field)
{
  static const char * const empty[] = { NULL };
  const char * const *value;

  g_return_val_if_fail (field >= 1 && field <= WM_ELEMENT_GET_CLASS (self)->n_fields, empty);

  value = g_value_get_boxed (peek_value (self, field - 1));
  return value != NULL ? value : empty;
}

const char *
wm_element_get_unknown_json (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  return priv->unknown_json;
}

/**
 * wm_element_set_unknown_json:
 * @self: an element not yet in a document
 * @json: (nullable): a JSON object text
 *
 * Keeps members the loader did not understand, for the saver to write
 * back. Called by the loader only, before the element joins a document.
 */
void
wm_element_set_unknown_json (WmElement  *self,
                             const char *json)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_free (priv->unknown_json);
  priv->unknown_json = g_strdup (json);
}

/**
 * wm_element_get_nested_unknown_json:
 * @self: an element
 * @member: the name of an object member of the element, such as "photo"
 *
 * Returns: (nullable): the members of that object the loader did not
 *   understand, as a JSON object text
 */
const char *
wm_element_get_nested_unknown_json (WmElement  *self,
                                    const char *member)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  if (priv->nested_unknown_json == NULL)
    return NULL;
  return g_hash_table_lookup (priv->nested_unknown_json, member);
}

/**
 * wm_element_set_nested_unknown_json:
 * @self: an element not yet in a document
 * @member: the name of an object member of the element
 * @json: (nullable): a JSON object text
 *
 * Like wm_element_set_unknown_json(), for an object inside the element.
 */
void
wm_element_set_nested_unknown_json (WmElement  *self,
                                    const char *member,
                                    const char *json)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  if (json == NULL)
    {
      if (priv->nested_unknown_json != NULL)
        g_hash_table_remove (priv->nested_unknown_json, member);
      return;
    }
  if (priv->nested_unknown_json == NULL)
    priv->nested_unknown_json = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (priv->nested_unknown_json, g_strdup (member), g_strdup (json));
}

/**
 * wm_element_text_is_blank:
 * @text: (nullable): the text of a field
 *
 * Returns: whether @text has nothing to read: it is %NULL, empty, or
 *   only white space
 */
gboolean
wm_element_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/**
 * wm_element_generate_id:
 * @prefix: (nullable): a short readable prefix, such as "card"
 *
 * Returns: (transfer full): a new random identifier
 */
char *
wm_element_generate_id (const char *prefix)
{
  static const char digits[] = "0123456789abcdef";
  guint64 bits = ((guint64) g_random_int () << 16) | (g_random_int () & 0xffff);
  gsize prefix_length = prefix != NULL ? strlen (prefix) + 1 : 0;
  char *id = g_malloc (prefix_length + 12 + 1);

  /* As "%s-%08x%04x" would write it, without printf's cost: imports make
   * an id for every element. */
  if (prefix != NULL)
    {
      memcpy (id, prefix, prefix_length - 1);
      id[prefix_length - 1] = '-';
    }
  for (int i = 11; i >= 0; i--, bits >>= 4)
    id[prefix_length + i] = digits[bits & 0xf];
  id[prefix_length + 12] = '\0';
  return id;
}

static void
copy_nested_unknown_json (WmElement *copy,
                          WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  GHashTableIter iter;
  gpointer member, json;

  if (priv->nested_unknown_json == NULL)
    return;
  g_hash_table_iter_init (&iter, priv->nested_unknown_json);
  while (g_hash_table_iter_next (&iter, &member, &json))
    wm_element_set_nested_unknown_json (copy, member, json);
}

/**
 * wm_element_copy:
 * @id: the copy's identifier
 * @first_field: (nullable): the name of a field to give another value,
 *   followed by the value, then more such pairs, ending with %NULL
 *
 * Makes an element of the same kind with the same fields, not part of any
 * document yet: for duplicating and pasting, often into another cell.
 *
 * Returns: (transfer full): the copy
 */
WmElement *
wm_element_copy (WmElement  *self,
                 const char *id,
                 const char *first_field,
                 ...)
{
  WmElementClass *klass;
  g_autofree const char **names = NULL;
  g_autofree GValue *values = NULL;
  WmElement *copy;
  guint n;
  va_list args;

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  klass = WM_ELEMENT_GET_CLASS (self);
  n = klass->n_fields + 1;
  names = g_new (const char *, n);
  values = g_new0 (GValue, n);
  names[0] = "id";
  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], id);
  for (guint i = 1; i < n; i++)
    {
      names[i] = klass->fields[i - 1]->name;
      g_value_init (&values[i], G_PARAM_SPEC_VALUE_TYPE (klass->fields[i - 1]));
      g_value_copy (peek_value (self, i - 1), &values[i]);
    }

  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *error = NULL;
      guint i = 1;

      while (i < n && !g_str_equal (names[i], name))
        i++;
      g_return_val_if_fail (i < n, NULL);
      g_value_unset (&values[i]);
      G_VALUE_COLLECT_INIT (&values[i], G_PARAM_SPEC_VALUE_TYPE (klass->fields[i - 1]), args, 0, &error);
      g_return_val_if_fail (error == NULL, NULL);
    }
  va_end (args);

  copy = WM_ELEMENT (g_object_new_with_properties (G_OBJECT_TYPE (self), n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  wm_element_set_unknown_json (copy, wm_element_get_unknown_json (self));
  copy_nested_unknown_json (copy, self);
  return copy;
}

/**
 * wm_element_list_dup:
 * @model: a list model, such as a document's cards
 *
 * Returns: (transfer full) (element-type GObject): a new array holding a
 *   reference to each of @model's items, in order
 */
GPtrArray *
wm_element_list_dup (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

/* The index of the field called @name: the loader names fields with the
 * property names of wm-fields.c, often the very strings of the specs. */
static gssize
field_index_by_name (WmElementClass *klass,
                     const char     *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i]->name == name || g_str_equal (klass->fields[i]->name, name))
      return i;
  return -1;
}

/*< private >
 * wm_element_new_take_values:
 * @type: a subclass of #WmElement
 * @n_values: the length of @names and @values
 * @names: (array length=n_values): "id" or the names of fields
 * @values: (array length=n_values): their values, of the fields' types;
 *   each is taken and left zeroed (not holding a type)
 *
 * Makes an element as g_object_new_with_properties() does, storing the
 * values as they are instead of copying them through GObject's property
 * machinery, which is most of the cost of making an element when a large
 * map is loaded. Values outside a field's range are a programming error,
 * as they are for GObject.
 *
 * Returns: (transfer full): the element
 */
WmElement *
wm_element_new_take_values (GType        type,
                            guint        n_values,
                            const char **names,
                            GValue      *values)
{
  const char *id_name = "id";
  g_auto(GValue) no_id = G_VALUE_INIT;
  GValue *id = NULL;
  WmElementPrivate *priv;
  WmElementClass *klass;
  WmElement *self;

  g_return_val_if_fail (g_type_is_a (type, WM_TYPE_ELEMENT), NULL);

  for (guint i = 0; i < n_values && id == NULL; i++)
    if (g_str_equal (names[i], "id"))
      id = &values[i];
  if (id == NULL)
    {
      g_value_init (&no_id, G_TYPE_STRING);
      id = &no_id;
    }
  self = WM_ELEMENT (g_object_new_with_properties (type, 1, &id_name, id));
  priv = wm_element_get_instance_private (self);
  klass = WM_ELEMENT_GET_CLASS (self);
  /* Room for them all at once: one allocation per element. */
  reserve_values (self, n_values);

  for (guint i = 0; i < n_values; i++)
    {
      GValue *value = &values[i];
      GValue *stored;
      gssize index;

      if (value == id)
        continue;
      index = field_index_by_name (klass, names[i]);
      /* Exact types only: the generic GValue checks cost more than the
       * rest of this loop. */
      if (index < 0 || G_VALUE_TYPE (value) != G_VALUE_TYPE (&klass->defaults[index]) ||
          !g_param_value_is_valid (klass->fields[index], value))
        {
          g_critical ("%s: “%s” is not a field of %s or its value is not valid",
                      G_STRFUNC, names[i], g_type_name (type));
          continue;
        }
      /* Text equal to the default reads the class's interned copy, as
       * store_value() does. */
      if (G_VALUE_TYPE (value) == G_TYPE_STRING &&
          g_strcmp0 (g_value_get_string (value), g_value_get_string (&klass->defaults[index])) == 0)
        continue;
      if (priv->slots[index] != 0)
        {
          stored = &priv->values[priv->slots[index] - 1];
          g_value_unset (stored);
        }
      else
        {
          stored = &priv->values[priv->n_values];
          priv->slots[index] = ++priv->n_values;
        }
      *stored = *value;
      memset (value, 0, sizeof *value);
      if (G_VALUE_TYPE (stored) == G_TYPE_DOUBLE)
        wm_value_normalize (stored);
    }
  /* The id too, and any value not taken above. */
  for (guint i = 0; i < n_values; i++)
    if (G_VALUE_TYPE (&values[i]) != G_TYPE_INVALID)
      g_value_unset (&values[i]);

  return self;
}
