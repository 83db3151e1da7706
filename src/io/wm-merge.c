/* wm-merge.c: a three-way merge of maps, by element id.
 *
 * Two people edited copies of one map (git branches, a synced folder).
 * Each element (persona, stage, lane, card, emotion curve, point) is
 * matched across the three versions by its id (a curve by its persona);
 * each field is taken from the side that changed it. Where both sides
 * changed one field differently, or one side deleted what the other
 * changed, our version stays and the place, with all three values as
 * JSON text, goes into the document's list of conflicts, so that nothing
 * either side wrote is lost and a person can choose later.
 *
 * Order merges by moving elements: an element one side added or moved
 * goes right after the element it follows on that side; the rest keep
 * the base's order. Which elements a side moved is found as the longest
 * run of its elements still in base order (a longest increasing
 * subsequence); the others moved. Two elements placed after the same one
 * are ordered by id, so that the result does not depend on which side is
 * ours.
 *
 * The result is always a valid map: what a kept element needs (a card's
 * stage and lane, a point's stage, a curve's persona) stays even if the
 * other side deleted it, recorded as a conflict; a span, a lane's kind,
 * the emotion scale and the number of personas are made to fit. Every
 * step is a pass over hash tables by id, so the merge is linear in the
 * size of the map (but for the subsequence's logarithm).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-merge"

#include "config.h"

#include <string.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-fields.h"
#include "wm-json-parser.h"
#include "wm-json-writer.h"
#include "wm-merge.h"

enum { BASE, OURS, THEIRS, N_SIDES };

/* What decide() returns when both sides changed a value differently. */
#define CONFLICT N_SIDES

typedef struct _List List;
typedef struct _Entry Entry;

/* One element, as each side has it. */
struct _Entry
{
  const char *key;              /* its id, or a curve's persona (borrowed) */
  WmElement  *side[N_SIDES];    /* borrowed; NULL where a side lacks it */
  guint       base_position;
  gboolean    kept;
  gboolean    stable[N_SIDES];  /* in the side's longest run in base order */
  gboolean    moved[N_SIDES];   /* added or moved by that side */
  Entry      *after[N_SIDES];   /* what it follows on each side, among the kept */
  GPtrArray  *children;         /* of Entry: placed right after this one */
  gboolean    emitted;
  WmElement  *merged;           /* owned, once made */
  List       *points;           /* a curve's, owned */
};

struct _List
{
  char       *path;             /* "cards", or "emotions[p1].points" */
  GHashTable *entries;          /* key → Entry (owned) */
  GPtrArray  *order[N_SIDES];   /* of Entry, as each side lists them */
  GPtrArray  *result;           /* of Entry, the merged order */
};

typedef struct
{
  WmDocument *docs[N_SIDES];
  GPtrArray  *conflicts;        /* of WmConflict found by this merge */
  GHashTable *conflict_paths;   /* the paths of those */
  List       *personas, *stages, *lanes, *cards, *curves, *views;
} Merge;

static void list_free (List *list);

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_clear_object (&entry->merged);
  g_clear_pointer (&entry->points, list_free);
  g_free (entry);
}

static void
list_free (List *list)
{
  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (list->order[s]);
  g_clear_pointer (&list->result, g_ptr_array_unref);
  g_hash_table_unref (list->entries);
  g_free (list->path);
  g_free (list);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (List, list_free)

/* Matches the elements of @models (one per side, or NULL where a side
 * has none) by id, or by persona for curves. */
static List *
list_new (const char *path,
          GListModel *models[N_SIDES])
{
  List *list = g_new0 (List, 1);

  list->path = g_strdup (path);
  list->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  for (int s = 0; s < N_SIDES; s++)
    {
      guint n = models[s] != NULL ? g_list_model_get_n_items (models[s]) : 0;

      list->order[s] = g_ptr_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        {
          WmElement *element = g_list_model_get_item (models[s], i);
          const char *key;
          Entry *entry;

          g_object_unref (element);  /* the document keeps it */
          key = WM_IS_EMOTION_CURVE (element) ? wm_emotion_curve_get_persona (WM_EMOTION_CURVE (element))
                                              : wm_element_get_id (element);
          entry = g_hash_table_lookup (list->entries, key);
          if (entry == NULL)
            {
              entry = g_new0 (Entry, 1);
              entry->key = key;
              g_hash_table_insert (list->entries, (gpointer) key, entry);
            }
          /* A valid map has each id once. */
          if (entry->side[s] != NULL)
            continue;
          entry->side[s] = element;
          entry->base_position = s == BASE ? i : entry->base_position;
          g_ptr_array_add (list->order[s], entry);
        }
    }
  return list;
}

static char *
entry_path (List  *list,
            Entry *entry)
{
  return g_strdup_printf ("%s[%s]", list->path, entry->key);
}

static void
add_conflict (Merge      *merge,
              const char *path,
              const char *base,
              const char *ours,
              const char *theirs)
{
  if (!g_hash_table_add (merge->conflict_paths, g_strdup (path)))
    return;
  g_ptr_array_add (merge->conflicts, wm_conflict_new (path, base, ours, theirs));
}

static char *
element_json (Merge     *merge,
              int        side,
              WmElement *element)
{
  return element != NULL ? wm_document_element_to_json (merge->docs[side], element) : NULL;
}

static void
add_element_conflict (Merge *merge,
                      List  *list,
                      Entry *entry)
{
  g_autofree char *path = entry_path (list, entry);
  g_autofree char *base = element_json (merge, BASE, entry->side[BASE]);
  g_autofree char *ours = element_json (merge, OURS, entry->side[OURS]);
  g_autofree char *theirs = element_json (merge, THEIRS, entry->side[THEIRS]);

  add_conflict (merge, path, base, ours, theirs);
}

/* The properties one field is stored in: a picture has two or three. */
static guint
field_pspecs (const WmElementInfo *info,
              const WmFieldInfo   *field,
              GParamSpec          *pspecs[3])
{
  pspecs[0] = wm_field_info_get_pspec (info, field);
  if (field->value != WM_VALUE_PHOTO)
    return 1;
  return wm_field_info_get_picture_pspecs (info, field, pspecs);
}

static gboolean
field_equal (const WmElementInfo *info,
             const WmFieldInfo   *field,
             WmElement           *a,
             WmElement           *b)
{
  GParamSpec *pspecs[3];
  guint n = field_pspecs (info, field, pspecs);

  for (guint i = 0; i < n; i++)
    if (!wm_value_equal (wm_element_peek_value (a, pspecs[i]), wm_element_peek_value (b, pspecs[i])))
      return FALSE;
  return TRUE;
}

/* The members of an element that hold objects with unknown members of
 * their own, such as "photo" and "metric"; NULL at the end. */
static const char *
nested_member (const WmFieldInfo *field)
{
  if (field->value == WM_VALUE_PHOTO)
    return field->key;
  return field->object;
}

static gboolean
first_of_object (const WmElementInfo *info,
                 const WmFieldInfo   *field)
{
  return field == info->fields || g_strcmp0 (field[-1].object, field->object) != 0;
}

static gboolean elements_equal (WmElement *a, WmElement *b);

static gboolean
points_equal (WmEmotionCurve *a,
              WmEmotionCurve *b)
{
  GListModel *x = wm_emotion_curve_get_points (a), *y = wm_emotion_curve_get_points (b);
  guint n = g_list_model_get_n_items (x);

  if (n != g_list_model_get_n_items (y))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) p = g_list_model_get_item (x, i);
      g_autoptr(WmElement) q = g_list_model_get_item (y, i);

      if (!g_str_equal (wm_element_get_id (p), wm_element_get_id (q)) || !elements_equal (p, q))
        return FALSE;
    }
  return TRUE;
}

/* Whether neither side would see a difference between @a and @b. */
static gboolean
elements_equal (WmElement *a,
                WmElement *b)
{
  const WmElementInfo *info = wm_element_info_lookup (G_OBJECT_TYPE (a));

  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      const char *nested = nested_member (field);

      if (!field_equal (info, field, a, b))
        return FALSE;
      if (nested != NULL && first_of_object (info, field) &&
          g_strcmp0 (wm_element_get_nested_unknown_json (a, nested), wm_element_get_nested_unknown_json (b, nested)) != 0)
        return FALSE;
    }
  if (g_strcmp0 (wm_element_get_unknown_json (a), wm_element_get_unknown_json (b)) != 0)
    return FALSE;
  return !WM_IS_EMOTION_CURVE (a) || points_equal (WM_EMOTION_CURVE (a), WM_EMOTION_CURVE (b));
}

/* Which side's value to keep: the one that changed it, or ours if both
 * changed it alike; CONFLICT if they changed it differently. Without a
 * base (both added it), differing values conflict. */
static int
decide (gboolean base_is_ours,
        gboolean base_is_theirs,
        gboolean ours_is_theirs)
{
  if (ours_is_theirs)
    return OURS;
  if (base_is_ours)
    return THEIRS;
  if (base_is_theirs)
    return OURS;
  return CONFLICT;
}

static char *
field_json (WmElement         *element,
            const WmFieldInfo *field)
{
  return element != NULL ? wm_document_field_to_json (element, field) : NULL;
}

static void
add_field_conflict (Merge             *merge,
                    const char        *path,
                    const WmFieldInfo *field,
                    WmElement         *b,
                    WmElement         *o,
                    WmElement         *t)
{
  g_autofree char *base = field_json (b, field);
  g_autofree char *ours = field_json (o, field);
  g_autofree char *theirs = field_json (t, field);

  add_conflict (merge, path, base, ours, theirs);
}

static const WmFieldInfo *
find_field_info (GType       type,
                 const char *key)
{
  const WmFieldInfo *field = wm_element_info_lookup (type)->fields;

  while (!g_str_equal (field->key, key))
    field++;
  return field;
}

/* The members of a kept-members object text, each as its own text. */
static GHashTable *
split_members (const char *json,
               GPtrArray  *keys)
{
  GHashTable *members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(WmJsonTree) tree = NULL;
  JsonObject *object;
  g_autoptr(GList) names = NULL;

  if (json == NULL)
    return members;
  tree = wm_json_tree_parse (json, strlen (json), WM_DOCUMENT_MAX_DEPTH, NULL);
  g_return_val_if_fail (tree != NULL && JSON_NODE_HOLDS_OBJECT (wm_json_tree_get_root (tree)), members);
  object = json_node_get_object (wm_json_tree_get_root (tree));
  names = json_object_get_members (object);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autoptr(WmJsonWriter) writer = wm_json_writer_new ();
      char *text;
      gsize length;

      wm_json_writer_set_literals (writer, wm_json_tree_get_literals (tree));
      wm_json_writer_node (writer, NULL, json_object_get_member (object, l->data));
      text = wm_json_writer_finish (writer, &length);
      text[length - 1] = '\0';
      g_hash_table_insert (members, g_strdup (l->data), text);
      if (keys != NULL && !g_ptr_array_find_with_equal_func (keys, l->data, g_str_equal, NULL))
        g_ptr_array_add (keys, g_strdup (l->data));
    }
  return members;
}

/* Members a newer Waymark wrote merge one by one, like fields. */
static char *
merge_unknown (Merge      *merge,
               const char *element_path,
               const char *texts[N_SIDES])
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) base = split_members (texts[BASE], NULL);
  g_autoptr(GHashTable) ours = split_members (texts[OURS], keys);
  g_autoptr(GHashTable) theirs = split_members (texts[THEIRS], keys);
  g_autoptr(GString) out = g_string_new ("{");

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *b = g_hash_table_lookup (base, key);
      const char *o = g_hash_table_lookup (ours, key);
      const char *t = g_hash_table_lookup (theirs, key);
      int side = decide (g_strcmp0 (b, o) == 0, g_strcmp0 (b, t) == 0, g_strcmp0 (o, t) == 0);
      const char *chosen = side == THEIRS ? t : o;
      g_autoptr(WmJsonWriter) name = wm_json_writer_new ();
      g_autofree char *quoted = NULL;

      if (side == CONFLICT)
        {
          g_autofree char *path = g_strdup_printf ("%s%s%s", element_path, *element_path ? "." : "", key);

          add_conflict (merge, path, b, o, t);
        }
      if (chosen == NULL)
        continue;
      wm_json_writer_string (name, NULL, key);
      quoted = wm_json_writer_finish (name, NULL);
      g_strchomp (quoted);
      g_string_append_printf (out, "%s%s: %s", out->len > 1 ? ", " : "", quoted, chosen);
    }
  if (out->len == 1)
    return NULL;
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Our element with each field the other side changed taken from theirs:
 * @o and @t are both there. */
static WmElement *
merge_fields (Merge      *merge,
              const char *path,
              WmElement  *b,
              WmElement  *o,
              WmElement  *t)
{
  const WmElementInfo *info = wm_element_info_lookup (G_OBJECT_TYPE (o));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  const char *unknown[N_SIDES];
  g_autofree char *kept = NULL;
  WmElement *element;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  g_ptr_array_add (names, (gpointer) "id");
  g_array_set_size (values, 1);
  g_value_init (&g_array_index (values, GValue, 0), G_TYPE_STRING);
  g_value_set_string (&g_array_index (values, GValue, 0), wm_element_get_id (o));

  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      GParamSpec *pspecs[3];
      guint n = field_pspecs (info, field, pspecs);
      gboolean ot = field_equal (info, field, o, t);
      int side;

      if (ot)
        side = OURS;
      else
        side = decide (b != NULL && field_equal (info, field, b, o), b != NULL && field_equal (info, field, b, t), FALSE);
      /* Each save sets the time it was made: the later one is when the
       * map last changed, not something to choose. */
      if (WM_IS_DOCUMENT (o) && g_str_equal (field->key, "modified"))
        side = g_value_get_int64 (wm_element_peek_value (o, pspecs[0])) >=
               g_value_get_int64 (wm_element_peek_value (t, pspecs[0])) ? OURS : THEIRS;
      if (side == CONFLICT)
        {
          g_autofree char *place = g_strdup_printf ("%s%s%s%s%s", path, *path ? "." : "",
                                                    field->object ? field->object : "", field->object ? "." : "",
                                                    field->key);

          add_field_conflict (merge, place, field, b, o, t);
        }
      for (guint i = 0; i < n; i++)
        {
          GValue value = G_VALUE_INIT;

          g_value_init (&value, pspecs[i]->value_type);
          g_value_copy (wm_element_peek_value (side == THEIRS ? t : o, pspecs[i]), &value);
          g_ptr_array_add (names, (gpointer) pspecs[i]->name);
          g_array_append_val (values, value);
        }
    }

  element = WM_ELEMENT (g_object_new_with_properties (G_OBJECT_TYPE (o), names->len, (const char **) names->pdata,
                                                      (const GValue *) values->data));

  unknown[BASE] = b != NULL ? wm_element_get_unknown_json (b) : NULL;
  unknown[OURS] = wm_element_get_unknown_json (o);
  unknown[THEIRS] = wm_element_get_unknown_json (t);
  if (g_strcmp0 (unknown[OURS], unknown[THEIRS]) == 0)
    wm_element_set_unknown_json (element, unknown[OURS]);
  else
    {
      kept = merge_unknown (merge, path, unknown);
      wm_element_set_unknown_json (element, kept);
    }

  /* What a newer Waymark put inside a photo or a metric merges whole. */
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      const char *nested = nested_member (field);
      const char *x, *y, *z;
      int side;

      if (nested == NULL || !first_of_object (info, field))
        continue;
      x = b != NULL ? wm_element_get_nested_unknown_json (b, nested) : NULL;
      y = wm_element_get_nested_unknown_json (o, nested);
      z = wm_element_get_nested_unknown_json (t, nested);
      side = decide (b != NULL && g_strcmp0 (x, y) == 0, b != NULL && g_strcmp0 (x, z) == 0, g_strcmp0 (y, z) == 0);
      if (side == CONFLICT)
        {
          g_autofree char *place = g_strdup_printf ("%s%s%s.*", path, *path ? "." : "", nested);

          add_conflict (merge, place, x, y, z);
        }
      wm_element_set_nested_unknown_json (element, nested, side == THEIRS ? z : y);
    }
  return element;
}

static WmElement *
copy_element (WmElement *element)
{
  return wm_element_copy (element, wm_element_get_id (element), NULL);
}

/* Makes an entry's merged element from the sides that have it. */
static void
make_merged (Merge *merge,
             List  *list,
             Entry *entry)
{
  WmElement *o = entry->side[OURS], *t = entry->side[THEIRS];
  g_autofree char *path = NULL;

  g_clear_object (&entry->merged);
  if (o == NULL || t == NULL)
    {
      entry->merged = copy_element (o != NULL ? o : t != NULL ? t : entry->side[BASE]);
      return;
    }
  path = entry_path (list, entry);
  entry->merged = merge_fields (merge, path, entry->side[BASE], o, t);
}

/* Which elements stay: those both sides have, those one side added, and
 * those one side deleted and the other changed when we changed them. */
static void
list_decide (Merge *merge,
             List  *list)
{
  for (int s = OURS; s < N_SIDES + 1; s++)
    {
      GPtrArray *order = list->order[s % N_SIDES];

      for (guint i = 0; i < order->len; i++)
        {
          Entry *entry = g_ptr_array_index (order, i);
          WmElement *b = entry->side[BASE], *o = entry->side[OURS], *t = entry->side[THEIRS];

          if (s == THEIRS && o != NULL)
            continue;
          if (s == N_SIDES && (o != NULL || t != NULL))
            continue;

          if (o != NULL && t != NULL)
            entry->kept = TRUE;
          else if (o != NULL || t != NULL)
            {
              WmElement *present = o != NULL ? o : t;

              entry->kept = b == NULL || (o != NULL && !elements_equal (b, o));
              if (b != NULL && !elements_equal (b, present))
                add_element_conflict (merge, list, entry);
            }
        }
    }
}

/* Keeps the element @key of @list, deleted by one side, because a kept
 * element needs it. Returns %FALSE if no side has it. */
static gboolean
require (Merge      *merge,
         List       *list,
         const char *key)
{
  Entry *entry = g_hash_table_lookup (list->entries, key);

  if (entry == NULL)
    return FALSE;
  if (entry->kept)
    return TRUE;
  entry->kept = TRUE;
  add_element_conflict (merge, list, entry);
  make_merged (merge, list, entry);
  return TRUE;
}

static void
list_make_merged (Merge *merge,
                  List  *list)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, list->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->kept)
      make_merged (merge, list, entry);
}

/* Marks the entries of @side that form a longest run in base order: the
 * ones that side did not move. */
static void
mark_stable (List *list,
             int   side)
{
  g_autoptr(GPtrArray) sequence = g_ptr_array_new ();
  g_autofree guint *tails = NULL;       /* index in @sequence of the end of the best run of each length */
  g_autofree guint *previous = NULL;
  guint length = 0;

  for (guint i = 0; i < list->order[side]->len; i++)
    {
      Entry *entry = g_ptr_array_index (list->order[side], i);

      if (entry->kept && entry->side[BASE] != NULL)
        g_ptr_array_add (sequence, entry);
    }
  tails = g_new (guint, sequence->len + 1);
  previous = g_new (guint, sequence->len + 1);
  for (guint i = 0; i < sequence->len; i++)
    {
      guint position = ((Entry *) g_ptr_array_index (sequence, i))->base_position;
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (((Entry *) g_ptr_array_index (sequence, tails[middle]))->base_position < position)
            low = middle + 1;
          else
            high = middle;
        }
      previous[i] = low > 0 ? tails[low - 1] : G_MAXUINT;
      tails[low] = i;
      length = MAX (length, low + 1);
    }
  for (guint i = length > 0 ? tails[length - 1] : G_MAXUINT; i != G_MAXUINT; i = previous[i])
    ((Entry *) g_ptr_array_index (sequence, i))->stable[side] = TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Entry *x = *(Entry **) a, *y = *(Entry **) b;

  return strcmp (x->key, y->key);
}

static void
add_child (GPtrArray **children,
           Entry      *entry)
{
  if (*children == NULL)
    *children = g_ptr_array_new ();
  g_ptr_array_add (*children, entry);
}

/* Appends @entry and what is placed after it, depth first. */
static void
emit (List  *list,
      Entry *entry)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, entry);
  while (stack->len > 0)
    {
      Entry *next = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (next->emitted)
        continue;
      next->emitted = TRUE;
      g_ptr_array_add (list->result, next);
      if (next->children == NULL)
        continue;
      g_ptr_array_sort (next->children, compare_keys);
      for (guint i = next->children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (next->children, i - 1));
    }
}

/* Orders the kept elements: see the top of the file. */
static void
list_order (List *list)
{
  Entry start = { .key = "" };

  list->result = g_ptr_array_new ();
  mark_stable (list, OURS);
  mark_stable (list, THEIRS);

  for (int s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < list->order[s]->len; i++)
      {
        Entry *entry = g_ptr_array_index (list->order[s], i);

        for (int m = OURS; m <= THEIRS; m++)
          entry->moved[m] = entry->side[m] != NULL && !(entry->side[BASE] != NULL && entry->stable[m]);
      }

  /* What each element follows on each side, among those kept; an
   * element only the other side moved is no landmark, since it is no
   * longer where this side saw it. */
  for (int s = OURS; s <= THEIRS; s++)
    {
      Entry *previous = NULL;

      for (guint i = 0; i < list->order[s]->len; i++)
        {
          Entry *entry = g_ptr_array_index (list->order[s], i);

          if (!entry->kept)
            continue;
          entry->after[s] = previous;
          if (entry->moved[s] || !entry->moved[OURS + THEIRS - s])
            previous = entry;
        }
    }

  for (int s = OURS; s < N_SIDES + 1; s++)
    {
      GPtrArray *order = list->order[s % N_SIDES];

      for (guint i = 0; i < order->len; i++)
        {
          Entry *entry = g_ptr_array_index (order, i);
          Entry *after;

          /* Each entry once: from the first side that has it. */
          if (!entry->kept || (s >= THEIRS && entry->side[OURS] != NULL) ||
              (s == N_SIDES && entry->side[THEIRS] != NULL))
            continue;
          if (!entry->moved[OURS] && !entry->moved[THEIRS])
            continue;
          if (entry->moved[OURS] && entry->moved[THEIRS] && entry->after[OURS] != entry->after[THEIRS])
            /* Moved differently on both sides: either place will do,
             * as long as it is the same whichever side is ours. */
            after = entry->after[OURS] == NULL || (entry->after[THEIRS] != NULL &&
                                                   strcmp (entry->after[OURS]->key, entry->after[THEIRS]->key) < 0)
                      ? entry->after[OURS] : entry->after[THEIRS];
          else
            after = entry->moved[OURS] ? entry->after[OURS] : entry->after[THEIRS];
          add_child (after != NULL ? &after->children : &start.children, entry);
        }
    }

  start.emitted = TRUE;
  if (start.children != NULL)
    {
      g_ptr_array_sort (start.children, compare_keys);
      for (guint i = 0; i < start.children->len; i++)
        emit (list, g_ptr_array_index (start.children, i));
      g_ptr_array_unref (start.children);
    }
  /* The elements neither side moved, in base order, each followed by
   * what was placed after it. */
  for (guint i = 0; i < list->order[BASE]->len; i++)
    {
      Entry *entry = g_ptr_array_index (list->order[BASE], i);

      if (entry->kept && !entry->moved[OURS] && !entry->moved[THEIRS])
        emit (list, entry);
    }
  /* Moves on both sides may place two elements each after the other;
   * such elements come last, in our order. */
  for (int s = OURS; s <= THEIRS; s++)
    for (guint i = 0; i < list->order[s]->len; i++)
      {
        Entry *entry = g_ptr_array_index (list->order[s], i);

        if (entry->kept && !entry->emitted)
          emit (list, entry);
      }
}

static List *
document_list (Merge       *merge,
               const char  *path,
               GListModel *(*get) (WmDocument *))
{
  GListModel *models[N_SIDES];

  for (int s = 0; s < N_SIDES; s++)
    models[s] = get (merge->docs[s]);
  return list_new (path, models);
}

/* A kept curve's points, from the curves of each side; a side that
 * deleted the curve the other changed leaves its points as they were. */
static void
merge_points (Merge *merge,
              Entry *curve)
{
  GListModel *models[N_SIDES];
  g_autofree char *path = g_strdup_printf ("emotions[%s].points", curve->key);

  for (int s = 0; s < N_SIDES; s++)
    models[s] = curve->side[s] != NULL ? wm_emotion_curve_get_points (WM_EMOTION_CURVE (curve->side[s])) : NULL;
  if (curve->side[BASE] != NULL && curve->side[THEIRS] == NULL)
    models[THEIRS] = models[BASE];
  if (curve->side[BASE] != NULL && curve->side[OURS] == NULL)
    models[OURS] = models[BASE];
  curve->points = list_new (path, models);
  list_decide (merge, curve->points);
  list_make_merged (merge, curve->points);
}

/* Every kept card and point needs its stage, every card its lane, every
 * curve its persona. */
static void
keep_references (Merge *merge)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, merge->cards->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->kept)
      {
        WmCard *card = WM_CARD (entry->merged);

        if (!require (merge, merge->stages, wm_card_get_stage (card)) ||
            !require (merge, merge->lanes, wm_card_get_lane (card)))
          entry->kept = FALSE;
      }

  g_hash_table_iter_init (&iter, merge->curves->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      GHashTableIter points;
      Entry *point;

      if (!entry->kept)
        continue;
      if (!require (merge, merge->personas, entry->key))
        {
          entry->kept = FALSE;
          continue;
        }
      merge_points (merge, entry);
      g_hash_table_iter_init (&points, entry->points->entries);
      while (g_hash_table_iter_next (&points, NULL, (gpointer *) &point))
        if (point->kept && !require (merge, merge->stages,
                                     wm_emotion_point_get_stage (WM_EMOTION_POINT (point->merged))))
          point->kept = FALSE;
    }
}

/* A lane that became an emotion graph or a divider on one side while the
 * other put cards in it keeps a kind that holds them. */
static void
fit_lane_kinds (Merge *merge)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, merge->cards->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      Entry *lane;

      if (!entry->kept)
        continue;
      lane = g_hash_table_lookup (merge->lanes->entries, wm_card_get_lane (WM_CARD (entry->merged)));
      if (wm_lane_kind_holds_cards (wm_lane_get_kind (WM_LANE (lane->merged))))
        continue;
      for (int s = OURS; s < N_SIDES + 1; s++)
        {
          WmElement *side = lane->side[s % N_SIDES];
          g_autofree char *path = NULL;
          WmElement *fitted;

          if (side == NULL || !wm_lane_kind_holds_cards (wm_lane_get_kind (WM_LANE (side))))
            continue;
          path = g_strdup_printf ("lanes[%s].kind", lane->key);
          add_field_conflict (merge, path, find_field_info (WM_TYPE_LANE, "kind"),
                              lane->side[BASE], lane->side[OURS], lane->side[THEIRS]);
          fitted = wm_element_copy (lane->merged, lane->key, "kind", wm_lane_get_kind (WM_LANE (side)), NULL);
          g_object_unref (lane->merged);
          lane->merged = fitted;
          break;
        }
    }
}

/* A map has at most WM_MAX_PERSONAS personas: theirs that do not fit,
 * with their curves, stay out, recorded. */
static void
fit_personas (Merge *merge)
{
  GHashTableIter iter;
  Entry *entry;
  guint n = 0;

  g_hash_table_iter_init (&iter, merge->personas->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    n += entry->kept;
  for (guint i = merge->personas->order[THEIRS]->len; i > 0 && n > WM_MAX_PERSONAS; i--)
    {
      Entry *curve;

      entry = g_ptr_array_index (merge->personas->order[THEIRS], i - 1);
      if (!entry->kept || entry->side[OURS] != NULL)
        continue;
      entry->kept = FALSE;
      n--;
      add_element_conflict (merge, merge->personas, entry);
      curve = g_hash_table_lookup (merge->curves->entries, entry->key);
      if (curve != NULL && curve->kept)
        {
          curve->kept = FALSE;
          add_element_conflict (merge, merge->curves, curve);
        }
    }
}

/* A card may span only the stages from its own to the last. */
static void
fit_spans (Merge *merge)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_stages = merge->stages->result->len;

  for (guint i = 0; i < n_stages; i++)
    g_hash_table_insert (positions, (gpointer) ((Entry *) g_ptr_array_index (merge->stages->result, i))->key,
                         GUINT_TO_POINTER (i));
  for (guint i = 0; i < merge->cards->result->len; i++)
    {
      Entry *entry = g_ptr_array_index (merge->cards->result, i);
      WmCard *card = WM_CARD (entry->merged);
      guint start = GPOINTER_TO_UINT (g_hash_table_lookup (positions, wm_card_get_stage (card)));
      int fits = n_stages - start;
      g_autofree char *path = NULL;
      WmElement *fitted;

      if (wm_card_get_span (card) <= fits)
        continue;
      path = g_strdup_printf ("cards[%s].span", entry->key);
      add_field_conflict (merge, path, find_field_info (WM_TYPE_CARD, "span"),
                          entry->side[BASE], entry->side[OURS], entry->side[THEIRS]);
      fitted = wm_element_copy (entry->merged, entry->key, "span", fits, NULL);
      g_object_unref (entry->merged);
      entry->merged = fitted;
    }
}

static void
claim_ids (Merge      *merge,
           GHashTable *claimed,
           List       *list,
           gboolean    ours)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, list->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      if (!entry->kept || (entry->side[OURS] != NULL) != ours)
        continue;
      if (list == merge->curves)
        {
          if (entry->points != NULL)
            claim_ids (merge, claimed, entry->points, ours);
          continue;
        }
      if (!g_hash_table_contains (claimed, entry->key))
        {
          g_hash_table_insert (claimed, (gpointer) entry->key, entry);
          continue;
        }
      entry->kept = FALSE;
      add_element_conflict (merge, list, entry);
    }
}

/* Ids are one namespace across kinds: where their new element took an id
 * one of ours has (ids are random, but files can be made by hand), ours
 * stays. */
static void
keep_ids_unique (Merge *merge)
{
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_str_hash, g_str_equal);
  List *lists[] = { merge->personas, merge->stages, merge->lanes, merge->cards, merge->curves, merge->views };

  g_hash_table_add (claimed, (gpointer) wm_element_get_id (WM_ELEMENT (merge->docs[OURS])));
  for (int ours = TRUE; ours >= FALSE; ours--)
    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      claim_ids (merge, claimed, lists[i], ours);
}

/* The map's own fields; the emotion scale grows to hold every point. */
static WmElement *
merge_map (Merge *merge)
{
  WmElement *map = merge_fields (merge, "", WM_ELEMENT (merge->docs[BASE]), WM_ELEMENT (merge->docs[OURS]),
                                 WM_ELEMENT (merge->docs[THEIRS]));
  int scale = wm_document_get_emotion_scale (WM_DOCUMENT (map));
  int needed = 0;

  for (guint c = 0; c < merge->curves->result->len; c++)
    {
      List *points = ((Entry *) g_ptr_array_index (merge->curves->result, c))->points;

      for (guint i = 0; i < points->result->len; i++)
        needed = MAX (needed, wm_emotion_point_get_score (WM_EMOTION_POINT (((Entry *) g_ptr_array_index (points->result, i))->merged)));
    }
  if (needed > scale)
    {
      WmElement *fitted;

      for (int s = 0; s < N_SIDES; s++)
        scale = MAX (scale, wm_document_get_emotion_scale (merge->docs[s]));
      add_field_conflict (merge, "emotion_scale", find_field_info (WM_TYPE_DOCUMENT, "emotion_scale"),
                          WM_ELEMENT (merge->docs[BASE]), WM_ELEMENT (merge->docs[OURS]), WM_ELEMENT (merge->docs[THEIRS]));
      fitted = wm_element_copy (map, wm_element_get_id (map), "emotion-scale", MAX (scale, needed), NULL);
      g_object_unref (map);
      map = fitted;
    }
  return map;
}

/* Adds the merged elements of @list to @document in their order; an id
 * another kind already took (ids are random, but files can be made by
 * hand) leaves the element out, recorded. */
static void
add_list (Merge      *merge,
          WmDocument *document,
          List       *list)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();

  for (guint i = 0; i < list->result->len; i++)
    {
      Entry *entry = g_ptr_array_index (list->result, i);

      if (WM_IS_EMOTION_CURVE (entry->merged))
        {
          GListStore *store = wm_emotion_curve_get_point_store (WM_EMOTION_CURVE (entry->merged));
          g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint p = 0; p < entry->points->result->len; p++)
            {
              Entry *point = g_ptr_array_index (entry->points->result, p);

              if (wm_document_lookup (document, point->key) != NULL || !g_hash_table_add (ids, (gpointer) point->key))
                add_element_conflict (merge, entry->points, point);
              else
                g_list_store_append (store, point->merged);
            }
          /* Added one by one, as the loader does: whether a persona has
           * a curve is looked up in the list of curves. */
          if (!wm_document_append_loaded (document, entry->merged))
            add_element_conflict (merge, list, entry);
          continue;
        }
      if (wm_document_index_loaded (document, entry->merged))
        g_ptr_array_add (elements, entry->merged);
      else
        add_element_conflict (merge, list, entry);
    }
  wm_document_add_loaded (document, elements);
}

static char *
conflict_key (WmConflict *conflict)
{
  return g_strjoin ("\x1f", wm_conflict_get_path (conflict), wm_conflict_get_base (conflict) ? wm_conflict_get_base (conflict) : "\x1e",
                    wm_conflict_get_ours (conflict) ? wm_conflict_get_ours (conflict) : "\x1e",
                    wm_conflict_get_theirs (conflict) ? wm_conflict_get_theirs (conflict) : "\x1e", NULL);
}

/* Conflicts already recorded merge as a set: one resolved on a side is
 * gone, one found on a side stays. */
static void
carry_conflicts (Merge      *merge,
                 GListStore *store)
{
  GHashTable *sets[N_SIDES];

  for (int s = 0; s < N_SIDES; s++)
    {
      GListModel *conflicts = wm_document_get_conflicts (merge->docs[s]);

      sets[s] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
        {
          g_autoptr(WmConflict) conflict = g_list_model_get_item (conflicts, i);

          g_hash_table_add (sets[s], conflict_key (conflict));
        }
    }
  for (int s = OURS; s <= THEIRS; s++)
    {
      GListModel *conflicts = wm_document_get_conflicts (merge->docs[s]);

      for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
        {
          g_autoptr(WmConflict) conflict = g_list_model_get_item (conflicts, i);
          g_autofree char *key = conflict_key (conflict);
          gboolean in_other = g_hash_table_contains (sets[OURS + THEIRS - s], key);

          if (s == THEIRS && in_other)
            continue;
          if (in_other || !g_hash_table_contains (sets[BASE], key))
            g_list_store_append (store, conflict);
        }
    }
  for (int s = 0; s < N_SIDES; s++)
    g_hash_table_unref (sets[s]);
}

/**
 * wm_merge:
 * @base: the version both sides started from
 * @ours: our version
 * @theirs: their version
 * @n_conflicts: (out) (optional): how many conflicts this merge found
 *
 * Merges the changes from @base to @ours and from @base to @theirs. The
 * result holds the conflicts it found after those @ours and @theirs
 * already held (see wm_document_get_conflicts()). None of the documents
 * is changed.
 *
 * Returns: (transfer full): a new document, with an empty history
 */
WmDocument *
wm_merge (WmDocument *base,
          WmDocument *ours,
          WmDocument *theirs,
          guint      *n_conflicts)
{
  Merge merge = { .docs = { base, ours, theirs } };
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(List) personas = NULL, stages = NULL, lanes = NULL, cards = NULL, curves = NULL, views = NULL;
  g_autoptr(WmDocument) document = NULL;
  GListStore *store;

  g_return_val_if_fail (WM_IS_DOCUMENT (base) && WM_IS_DOCUMENT (ours) && WM_IS_DOCUMENT (theirs), NULL);

  merge.conflicts = conflicts;
  merge.conflict_paths = paths;
  merge.personas = personas = document_list (&merge, "personas", wm_document_get_personas);
  merge.stages = stages = document_list (&merge, "stages", wm_document_get_stages);
  merge.lanes = lanes = document_list (&merge, "lanes", wm_document_get_lanes);
  merge.cards = cards = document_list (&merge, "cards", wm_document_get_cards);
  merge.curves = curves = document_list (&merge, "emotions", wm_document_get_emotion_curves);
  merge.views = views = document_list (&merge, "views", wm_document_get_views);

  list_decide (&merge, personas);
  list_decide (&merge, stages);
  list_decide (&merge, lanes);
  list_decide (&merge, cards);
  list_decide (&merge, curves);
  list_decide (&merge, views);
  list_make_merged (&merge, personas);
  list_make_merged (&merge, stages);
  list_make_merged (&merge, lanes);
  list_make_merged (&merge, cards);
  list_make_merged (&merge, curves);
  list_make_merged (&merge, views);

  keep_references (&merge);
  fit_personas (&merge);
  keep_ids_unique (&merge);
  fit_lane_kinds (&merge);

  list_order (personas);
  list_order (stages);
  list_order (lanes);
  list_order (cards);
  list_order (curves);
  list_order (views);
  for (guint i = 0; i < curves->result->len; i++)
    list_order (((Entry *) g_ptr_array_index (curves->result, i))->points);
  fit_spans (&merge);

  document = WM_DOCUMENT (merge_map (&merge));
  add_list (&merge, document, personas);
  add_list (&merge, document, stages);
  add_list (&merge, document, lanes);
  add_list (&merge, document, cards);
  add_list (&merge, document, curves);
  add_list (&merge, document, views);

  store = wm_document_get_conflict_store (document);
  carry_conflicts (&merge, store);
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, conflicts->pdata, conflicts->len);
  if (n_conflicts != NULL)
    *n_conflicts = conflicts->len;
  return g_steal_pointer (&document);
}
