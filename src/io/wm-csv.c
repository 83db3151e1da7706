/* wm-csv.c: maps as spreadsheets.
 *
 * Export writes one row per card (RFC 4180, UTF-8, CRLF). Import reads
 * that back, or the "grid" sheets teams already keep: stages across the
 * first row, lanes down the first column, and a cell's cards separated
 * by blank lines or bullets.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "wm-csv.h"
#include "wm-document-private.h"
#include "wm-interchange.h"

typedef enum
{
  COLUMN_STAGE,
  COLUMN_LANE,
  COLUMN_ORDER,
  COLUMN_TITLE,
  COLUMN_TEXT,
  COLUMN_CHANNEL,
  COLUMN_OWNER,
  COLUMN_QUALITY,
  COLUMN_MOMENT,
  COLUMN_TIME,
  COLUMN_METRIC,
  COLUMN_METRIC_VALUE,
  COLUMN_TAGS,
  COLUMN_SPAN,
  COLUMN_COLOR,
  COLUMN_LANE_KIND,
  /* Last, so that a spreadsheet made for an older Waymark keeps its
   * columns where they were. */
  COLUMN_IMPACT,
  COLUMN_EFFORT,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* The header row, which is also how import recognises a card table. */
static const char *column_names[N_COLUMNS] = {
  "stage", "lane", "order", "title", "text", "channel", "owner", "quality", "moment",
  "time", "metric", "metric value", "tags", "span", "color", "lane kind", "impact", "effort", "status",
};

/* Export */

/* Whether a spreadsheet would take a cell that starts like @text for a
 * formula (OWASP's "CSV injection" list), or for text marked with the
 * apostrophe that neutralises one. Such cells are written after an
 * apostrophe, which read_field() removes again. */
static gboolean
needs_mark (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r'", text[0]) != NULL;
}

static void
append_field (GString    *csv,
              const char *value,
              gboolean    first)
{
  g_autofree char *marked = NULL;

  if (!first)
    g_string_append_c (csv, ',');
  if (value == NULL || *value == '\0')
    return;
  /* A formula-like cell gets a leading apostrophe, the mark spreadsheets
   * read as "this is text". Text that already starts with one gets
   * another, so that import can always remove exactly one. */
  if (needs_mark (value))
    value = marked = g_strconcat ("'", value, NULL);
  /* Quote what would otherwise split the field, and edge spaces that
   * spreadsheets would trim. */
  if (strpbrk (value, ",\"\r\n") != NULL || g_ascii_isspace (value[0])
      || g_ascii_isspace (value[strlen (value) - 1]))
    {
      g_string_append_c (csv, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, value);
}

typedef struct
{
  WmCard *card;
  guint stage;
  guint lane;
  guint sequence;
} CardRow;

static int
compare_card_rows (gconstpointer a,
                   gconstpointer b)
{
  const CardRow *x = a, *y = b;

  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

static GHashTable *
index_ids (GListModel *model)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (model, i);

      g_hash_table_insert (index, (gpointer) wm_element_get_id (element), GUINT_TO_POINTER (i));
    }
  return index;
}

/* Tags as a sheet holds them in one cell: split at commas, trimmed,
 * none empty. Export writes them so too, so that they read back the
 * same. Returns %NULL for no tags. */
static GStrv
normalize_tags (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tags[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (*g_strstrip (parts[j]) != '\0')
          g_strv_builder_add (builder, parts[j]);
    }
  result = g_strv_builder_end (builder);
  return result[0] != NULL ? g_steal_pointer (&result) : NULL;
}

/**
 * wm_csv_export:
 *
 * Returns: (transfer full): one row per card, by stage, then lane, then
 *   order within the cell
 */
char *
wm_csv_export (WmDocument *document)
{
  return wm_csv_export_full (document, FALSE);
}

/**
 * wm_csv_export_full:
 * @byte_order_mark: whether to start with one: LibreOffice and Excel
 *   read the file as UTF-8 then, and otherwise guess another encoding
 *
 * Returns: (transfer full): wm_csv_export()'s table
 */
char *
wm_csv_export_full (WmDocument *document,
                    gboolean    byte_order_mark)
{
  GListModel *cards = wm_document_get_cards (document);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  g_autoptr(GHashTable) stage_index = index_ids (stages);
  g_autoptr(GHashTable) lane_index = index_ids (lanes);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (CardRow));
  GString *csv = g_string_new (byte_order_mark ? WM_CSV_BYTE_ORDER_MARK : NULL);
  guint cell_order = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    append_field (csv, column_names[i], i == 0);
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      WmCard *card = g_list_model_get_item (cards, i);
      CardRow row = {
        card,
        GPOINTER_TO_UINT (g_hash_table_lookup (stage_index, wm_card_get_stage (card))),
        GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, wm_card_get_lane (card))),
        i,
      };

      g_object_unref (card);  /* the document keeps it */
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_card_rows);

  for (guint i = 0; i < rows->len; i++)
    {
      const CardRow *row = &g_array_index (rows, CardRow, i);
      WmCard *card = row->card;
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, row->stage);
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, row->lane);
      g_auto(GStrv) tags = normalize_tags (wm_card_get_tags (card));
      g_autofree char *order = NULL;
      g_autofree char *span = g_strdup_printf ("%d", wm_card_get_span (card));
      g_autofree char *joined_tags = tags != NULL ? g_strjoinv (", ", tags) : NULL;
      g_autofree char *impact = wm_card_get_impact (card) > 0 ? g_strdup_printf ("%d", wm_card_get_impact (card)) : NULL;
      g_autofree char *effort = wm_card_get_effort (card) > 0 ? g_strdup_printf ("%d", wm_card_get_effort (card)) : NULL;

      if (i > 0 && row->stage == (row - 1)->stage && row->lane == (row - 1)->lane)
        cell_order++;
      else
        cell_order = 1;
      order = g_strdup_printf ("%u", cell_order);

      append_field (csv, wm_stage_get_name (stage), TRUE);
      append_field (csv, wm_lane_get_title (lane), FALSE);
      append_field (csv, order, FALSE);
      append_field (csv, wm_card_get_title (card), FALSE);
      append_field (csv, wm_card_get_text (card), FALSE);
      append_field (csv, wm_card_get_channel (card), FALSE);
      append_field (csv, wm_card_get_owner (card), FALSE);
      append_field (csv, wm_card_get_quality (card) != WM_CARD_QUALITY_NONE
                         ? wm_enum_to_nick (WM_TYPE_CARD_QUALITY, wm_card_get_quality (card)) : NULL, FALSE);
      append_field (csv, wm_card_get_moment (card) != WM_MOMENT_NONE
                         ? wm_enum_to_nick (WM_TYPE_MOMENT, wm_card_get_moment (card)) : NULL, FALSE);
      append_field (csv, wm_card_get_time_label (card), FALSE);
      append_field (csv, wm_card_get_metric_name (card), FALSE);
      append_field (csv, wm_card_get_metric_value (card), FALSE);
      append_field (csv, joined_tags, FALSE);
      append_field (csv, span, FALSE);
      append_field (csv, wm_card_get_color (card), FALSE);
      append_field (csv, wm_enum_to_nick (WM_TYPE_LANE_KIND, wm_lane_get_kind (lane)), FALSE);
      append_field (csv, impact, FALSE);
      append_field (csv, effort, FALSE);
      append_field (csv, wm_card_get_status (card) != WM_CARD_STATUS_NONE
                         ? wm_enum_to_nick (WM_TYPE_CARD_STATUS, wm_card_get_status (card)) : NULL, FALSE);
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}

/* Parsing */

typedef struct
{
  GPtrArray *fields;        /* of char * */
  guint number;             /* 1 for the header */
} Record;

static void
clear_record (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->fields);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError **error,
      guint     row,
      guint     column,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: where a problem is in a CSV file, then the problem */
  g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID, _("Row %u, column %u: %s"),
               row, column, reason);
  return FALSE;
}

/* Reads one field at *p into @field. Returns %NULL, or the problem. */
static const char *
read_field (const char **p,
            const char  *end,
            GString     *field)
{
  const char *q = *p;

  if (q < end && *q == '"')
    {
      for (q++;; q++)
        {
          if (q >= end)
            return _("a quoted field is not closed");
          if (*q == '"' && q + 1 < end && q[1] == '"')
            q++;
          else if (*q == '"')
            break;
          g_string_append_c (field, *q);
        }
      q++;
      if (q < end && *q != ',' && *q != '\r' && *q != '\n')
        return _("text after the closing quote of a field");
    }
  else
    {
      for (; q < end && *q != ',' && *q != '\r' && *q != '\n'; q++)
        {
          if (*q == '"')
            return _("a quote inside a field that does not start with one");
          g_string_append_c (field, *q);
        }
    }
  /* Checked field by field, so that the message can say where. */
  if (!g_utf8_validate_len (field->str, field->len, NULL))
    return _("the text is not valid UTF-8");
  /* The apostrophe export puts before formula-like text (and before text
   * that starts with one), or that a person typed to mark a cell as
   * text, as spreadsheets do. */
  if (field->len > 0 && field->str[0] == '\'')
    g_string_erase (field, 0, 1);
  *p = q;
  return NULL;
}

/* Splits RFC 4180 text into records; accepts LF, CRLF and CR. */
static GArray *
parse_records (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (Record));
  /* Every field is read into this one, then copied at its size. */
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint number = 1;

  g_array_set_clear_func (records, clear_record);
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      Record record = { g_ptr_array_new_with_free_func (g_free), number };
      gboolean row_done = FALSE;

      /* The records own the fields from here, even on failure. */
      g_array_append_val (records, record);
      while (!row_done)
        {
          const char *problem;

          g_string_truncate (field, 0);
          problem = read_field (&p, end, field);
          if (problem != NULL)
            return fail (error, number, record.fields->len + 1, "%s", problem), NULL;
          g_ptr_array_add (record.fields, g_strndup (field->str, field->len));

          if (p < end && *p == ',')
            p++;
          else
            {
              if (p < end && *p == '\r')
                p++;
              if (p < end && *p == '\n')
                p++;
              row_done = TRUE;
            }
        }
      number++;
    }

  return g_steal_pointer (&records);
}

static const char *
field_at (const Record *record,
          int           column)
{
  if (column < 0 || (guint) column >= record->fields->len)
    return "";
  return g_ptr_array_index (record->fields, column);
}

/* Whether the fields from @first on are all empty. */
static gboolean
record_is_empty_after (const Record *record,
                       guint         first)
{
  for (guint i = first; i < record->fields->len; i++)
    if (*(const char *) g_ptr_array_index (record->fields, i) != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
record_is_empty (const Record *record)
{
  return record_is_empty_after (record, 0);
}

static char *
normalize_heading (const char *heading)
{
  g_autofree char *folded = g_utf8_casefold (heading, -1);

  return g_strdup (g_strstrip (folded));
}

/* Card tables */

typedef struct
{
  guint record;
  int order;
  WmCard *card;
} ImportedCard;

static int
compare_by_order (gconstpointer a,
                  gconstpointer b)
{
  const ImportedCard *x = a, *y = b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->record < y->record ? -1 : x->record > y->record;
}

static gboolean
parse_positive (const char *text,
                int        *value)
{
  char *end;
  long number;

  if (*text == '\0')
    return FALSE;
  number = strtol (text, &end, 10);
  if (*end != '\0' || number < 1 || number > G_MAXINT / 2)
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static gboolean
parse_enum (GType       type,
            const char *text,
            int        *value)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);

  g_strstrip (folded);
  return *folded == '\0' ? (*value = 0, TRUE) : wm_enum_from_nick (type, folded, value);
}

/* An impact or effort: 1 to WM_MAX_PRIORITY_SCORE, spaces around it
 * ignored; empty is 0, not scored. */
static gboolean
parse_score (const char *text,
             int        *value)
{
  const char *end;

  /* No copy: most rows of a large table leave it empty. */
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (end == text)
    {
      *value = 0;
      return TRUE;
    }
  if (end - text != 1 || text[0] < '1' || text[0] > '0' + WM_MAX_PRIORITY_SCORE)
    return FALSE;
  *value = text[0] - '0';
  return TRUE;
}

/* A status as the format writes it, or as people type it: "In progress". */
static gboolean
parse_status (const char *text,
              int        *value)
{
  g_autofree char *dashed = NULL;

  if (*text == '\0')
    {
      *value = WM_CARD_STATUS_NONE;
      return TRUE;
    }
  dashed = g_strstrip (g_strdup (text));
  g_strdelimit (dashed, " _", '-');
  return parse_enum (WM_TYPE_CARD_STATUS, dashed, value);
}

/* "#rrggbb", in any case and with spaces around it, as the file format
 * writes it: lower case. Empty means no colour. */
static gboolean
parse_color (const char  *text,
             char       **color)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);

  g_strstrip (folded);
  if (*folded != '\0' && (strlen (folded) != 7 || folded[0] != '#' || strspn (folded + 1, "0123456789abcdef") != 6))
    return FALSE;
  *color = g_steal_pointer (&folded);
  return TRUE;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return (x > y) - (x < y);
}

/* The lanes in an order that agrees with the order of the rows within
 * each stage, which is the order the map had when it was exported; ties
 * go to the lane that appears first. A topological sort, with the lanes
 * that are free to go next kept sorted by first appearance. */
static void
create_lanes_in_order (WmMapBuilder *builder,
                       GArray       *records,
                       int          *columns)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_edges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) followers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) incoming = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GSequence) ready = g_sequence_new (NULL);
  const char *previous_stage = NULL;
  int previous_lane = -1;

  for (guint r = 1; r < records->len; r++)
    {
      const Record *record = &g_array_index (records, Record, r);
      const char *stage = field_at (record, columns[COLUMN_STAGE]);
      const char *title = field_at (record, columns[COLUMN_LANE]);
      gpointer found;
      int lane;

      if (*stage == '\0' || *title == '\0')
        continue;
      if (!g_hash_table_lookup_extended (index, title, NULL, &found))
        {
          int kind;

          if (*field_at (record, columns[COLUMN_LANE_KIND]) == '\0'
              || !parse_enum (WM_TYPE_LANE_KIND, field_at (record, columns[COLUMN_LANE_KIND]), &kind))
            kind = wm_lane_kind_guess (title);
          if (!wm_lane_kind_holds_cards (kind))
            kind = WM_LANE_KIND_TEXT;
          found = GUINT_TO_POINTER (titles->len);
          g_hash_table_insert (index, (gpointer) title, found);
          g_ptr_array_add (titles, (gpointer) title);
          g_array_append_val (kinds, kind);
          g_ptr_array_add (followers, g_array_new (FALSE, FALSE, sizeof (guint)));
          g_array_set_size (incoming, titles->len);
        }
      lane = GPOINTER_TO_INT (found);
      if (g_strcmp0 (stage, previous_stage) == 0 && previous_lane >= 0 && previous_lane != lane)
        {
          gint64 edge = ((gint64) previous_lane << 32) | lane;

          if (!g_hash_table_contains (seen_edges, &edge))
            {
              guint to = lane;

              g_hash_table_add (seen_edges, g_memdup2 (&edge, sizeof edge));
              g_array_append_val (g_ptr_array_index (followers, previous_lane), to);
              g_array_index (incoming, guint, lane)++;
            }
        }
      previous_stage = stage;
      previous_lane = lane;
    }

  for (guint i = 0; i < titles->len; i++)
    if (g_array_index (incoming, guint, i) == 0)
      g_sequence_append (ready, GUINT_TO_POINTER (i));

  for (guint placed = 0, scan = 0; placed < titles->len; placed++)
    {
      guint next;
      GArray *after;

      if (g_sequence_is_empty (ready))
        {
          /* Rows that disagree (a cycle): take the earliest lane left. */
          while (g_array_index (incoming, guint, scan) == G_MAXUINT || g_array_index (incoming, guint, scan) == 0)
            scan++;
          g_sequence_insert_sorted (ready, GUINT_TO_POINTER (scan), compare_indices, NULL);
        }
      next = GPOINTER_TO_UINT (g_sequence_get (g_sequence_get_begin_iter (ready)));
      g_sequence_remove (g_sequence_get_begin_iter (ready));
      g_array_index (incoming, guint, next) = G_MAXUINT;
      wm_map_builder_get_lane (builder, g_ptr_array_index (titles, next), g_array_index (kinds, int, next));

      after = g_ptr_array_index (followers, next);
      for (guint i = 0; i < after->len; i++)
        {
          guint *count = &g_array_index (incoming, guint, g_array_index (after, guint, i));

          if (*count != G_MAXUINT && --(*count) == 0)
            g_sequence_insert_sorted (ready, GUINT_TO_POINTER (g_array_index (after, guint, i)), compare_indices, NULL);
        }
    }
}

/* A card of a table's row. Only the texts the row gives are passed:
 * GObject looks every property passed up by name, and a large table's
 * cards leave most of them empty, which is each one's default. */
typedef struct
{
  int impact;
  int effort;
  int status;
} Priorities;

static WmCard *
new_card (const char   *id,
          const char   *stage_id,
          const char   *lane_id,
          int           span,
          int           quality,
          int           moment,
          const Priorities *priorities,
          const char   *color,
          GStrv         tags,
          const Record *record,
          const int    *columns)
{
  static const struct { const char *property; int column; } texts[] = {
    { "title", COLUMN_TITLE }, { "text", COLUMN_TEXT }, { "channel", COLUMN_CHANNEL },
    { "owner", COLUMN_OWNER }, { "time-label", COLUMN_TIME }, { "metric-name", COLUMN_METRIC },
    { "metric-value", COLUMN_METRIC_VALUE },
  };
  const char *names[G_N_ELEMENTS (texts) + 11];
  GValue values[G_N_ELEMENTS (texts) + 11] = { G_VALUE_INIT };
  guint n = 0;
  WmCard *card;

#define ADD(name, type, setter, value) \
  (names[n] = (name), g_value_init (&values[n], (type)), setter (&values[n], (value)), n++)
  ADD ("id", G_TYPE_STRING, g_value_set_static_string, id);
  ADD ("stage", G_TYPE_STRING, g_value_set_static_string, stage_id);
  ADD ("lane", G_TYPE_STRING, g_value_set_static_string, lane_id);
  ADD ("span", G_TYPE_INT, g_value_set_int, span);
  ADD ("quality", WM_TYPE_CARD_QUALITY, g_value_set_enum, quality);
  ADD ("moment", WM_TYPE_MOMENT, g_value_set_enum, moment);
  if (priorities->impact > 0)
    ADD ("impact", G_TYPE_INT, g_value_set_int, priorities->impact);
  if (priorities->effort > 0)
    ADD ("effort", G_TYPE_INT, g_value_set_int, priorities->effort);
  if (priorities->status != WM_CARD_STATUS_NONE)
    ADD ("status", WM_TYPE_CARD_STATUS, g_value_set_enum, priorities->status);
  if (color != NULL && *color != '\0')
    ADD ("color", G_TYPE_STRING, g_value_set_static_string, color);
  if (tags != NULL)
    ADD ("tags", G_TYPE_STRV, g_value_set_boxed, tags);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (*field_at (record, columns[texts[i].column]) != '\0')
      ADD (texts[i].property, G_TYPE_STRING, g_value_set_static_string, field_at (record, columns[texts[i].column]));
#undef ADD

  card = WM_CARD (g_object_new_with_properties (WM_TYPE_CARD, n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return card;
}

static WmDocument *
import_card_table (GArray     *records,
                   int        *columns,
                   GError    **error)
{
  g_autoptr(WmMapBuilder) builder = wm_map_builder_new (WM_MAP_KIND_CUSTOM, NULL);
  g_autoptr(GArray) imported = g_array_new (FALSE, FALSE, sizeof (ImportedCard));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_object_unref);
  /* Lane title → the kind guessed from it, plus one: a guess reads the
   * title against every kind's words, and a table repeats few titles. */
  g_autoptr(GHashTable) guessed_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  guint header_width = g_array_index (records, Record, 0).fields->len;

  create_lanes_in_order (builder, records, columns);
  for (guint r = 1; r < records->len; r++)
    {
      const Record *record = &g_array_index (records, Record, r);
      const char *stage_name = field_at (record, columns[COLUMN_STAGE]);
      const char *lane_title = field_at (record, columns[COLUMN_LANE]);
      const char *tags_text = field_at (record, columns[COLUMN_TAGS]);
      g_auto(GStrv) tags = NULL;
      g_autofree char *id = NULL;
      g_autofree char *color = NULL;
      int quality = 0, moment = 0, kind, order = G_MAXINT, span = 1;
      Priorities priorities;
      WmStage *stage;
      WmLane *lane;
      ImportedCard entry;

      if (record_is_empty (record))
        continue;
      for (guint c = header_width; c < record->fields->len; c++)
        if (*field_at (record, c) != '\0')
          return fail (error, record->number, c + 1, _("a value in a column with no heading")), NULL;
      if (*stage_name == '\0')
        return fail (error, record->number, columns[COLUMN_STAGE] + 1, _("a card needs a stage")), NULL;
      if (*lane_title == '\0')
        return fail (error, record->number, columns[COLUMN_LANE] + 1, _("a card needs a lane")), NULL;
      if (*field_at (record, columns[COLUMN_ORDER]) != '\0' && !parse_positive (field_at (record, columns[COLUMN_ORDER]), &order))
        return fail (error, record->number, columns[COLUMN_ORDER] + 1, _("the order must be a whole number from 1")), NULL;
      if (*field_at (record, columns[COLUMN_SPAN]) != '\0' && !parse_positive (field_at (record, columns[COLUMN_SPAN]), &span))
        return fail (error, record->number, columns[COLUMN_SPAN] + 1, _("the span must be a whole number from 1")), NULL;
      if (!parse_enum (WM_TYPE_CARD_QUALITY, field_at (record, columns[COLUMN_QUALITY]), &quality))
        return fail (error, record->number, columns[COLUMN_QUALITY] + 1, _("the quality must be good, bad or missing")), NULL;
      if (!parse_enum (WM_TYPE_MOMENT, field_at (record, columns[COLUMN_MOMENT]), &moment))
        return fail (error, record->number, columns[COLUMN_MOMENT] + 1, _("the moment must be zero, first, second or third")), NULL;
      if (!parse_score (field_at (record, columns[COLUMN_IMPACT]), &priorities.impact))
        return fail (error, record->number, columns[COLUMN_IMPACT] + 1, _("the impact must be a whole number from 1 to 5")), NULL;
      if (!parse_score (field_at (record, columns[COLUMN_EFFORT]), &priorities.effort))
        return fail (error, record->number, columns[COLUMN_EFFORT] + 1, _("the effort must be a whole number from 1 to 5")), NULL;
      if (!parse_status (field_at (record, columns[COLUMN_STATUS]), &priorities.status))
        return fail (error, record->number, columns[COLUMN_STATUS] + 1,
                     _("the status must be idea, planned, in progress, done or dropped")), NULL;
      if (!parse_color (field_at (record, columns[COLUMN_COLOR]), &color))
        return fail (error, record->number, columns[COLUMN_COLOR] + 1, _("a colour is written like #3584e4")), NULL;
      if (*field_at (record, columns[COLUMN_LANE_KIND]) != '\0')
        {
          if (!parse_enum (WM_TYPE_LANE_KIND, field_at (record, columns[COLUMN_LANE_KIND]), &kind))
            return fail (error, record->number, columns[COLUMN_LANE_KIND] + 1, _("unknown lane kind “%s”"),
                         field_at (record, columns[COLUMN_LANE_KIND])), NULL;
        }
      else
        {
          gpointer known = g_hash_table_lookup (guessed_kinds, lane_title);

          kind = known != NULL ? GPOINTER_TO_INT (known) - 1 : wm_lane_kind_guess (lane_title);
          if (known == NULL)
            g_hash_table_insert (guessed_kinds, (gpointer) lane_title, GINT_TO_POINTER (kind + 1));
        }
      if (!wm_lane_kind_holds_cards (kind))
        kind = WM_LANE_KIND_TEXT;

      stage = wm_map_builder_get_stage (builder, stage_name);
      lane = wm_map_builder_get_lane (builder, lane_title, kind);

      if (*tags_text != '\0')
        tags = normalize_tags ((const char * const []) { tags_text, NULL });
      id = wm_element_generate_id ("card");
      entry.record = r;
      entry.order = order;
      entry.card = new_card (id, wm_element_get_id (WM_ELEMENT (stage)), wm_element_get_id (WM_ELEMENT (lane)),
                             span, quality, moment, &priorities, color, tags, record, columns);
      g_ptr_array_add (owned, entry.card);
      g_array_append_val (imported, entry);
    }

  /* Spans are checked once every stage is known. */
  g_array_sort (imported, compare_by_order);
  for (guint i = 0; i < imported->len; i++)
    {
      ImportedCard *entry = &g_array_index (imported, ImportedCard, i);
      const Record *record = &g_array_index (records, Record, entry->record);
      WmStage *stage = wm_map_builder_get_stage (builder, field_at (record, columns[COLUMN_STAGE]));

      if (wm_map_builder_stage_index (builder, stage) + wm_card_get_span (entry->card) > wm_map_builder_get_n_stages (builder))
        return fail (error, record->number, columns[COLUMN_SPAN] + 1, _("the card spans past the last stage")), NULL;
      wm_map_builder_add (builder, g_object_ref (entry->card));
    }

  return wm_map_builder_finish (builder);
}

/* Grid sheets */

static gboolean
starts_with_bullet (const char  *line,
                    const char **rest)
{
  static const char *bullets[] = { "•", "-", "*", "·", "‣", "◦", "–", NULL };
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  for (guint i = 0; bullets[i] != NULL; i++)
    if (g_str_has_prefix (p, bullets[i]) && (p[strlen (bullets[i])] == ' ' || p[strlen (bullets[i])] == '\t'))
      {
        *rest = p + strlen (bullets[i]);
        return TRUE;
      }
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if ((*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\t'))
        {
          *rest = p + 1;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_grid_card (WmMapBuilder *builder,
               WmStage      *stage,
               WmLane       *lane,
               GPtrArray    *lines)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (lines->len == 0)
    return;
  g_ptr_array_add (lines, NULL);
  text = g_strjoinv ("\n", (char **) lines->pdata + 1);
  id = wm_element_generate_id ("card");
  wm_map_builder_add (builder, g_object_new (WM_TYPE_CARD, "id", id,
                                             "stage", wm_element_get_id (WM_ELEMENT (stage)),
                                             "lane", wm_element_get_id (WM_ELEMENT (lane)),
                                             "title", g_ptr_array_index (lines, 0),
                                             "text", text, NULL));
  g_ptr_array_set_size (lines, 0);
}

/* A cell's cards: blank lines or bullets start a new card; a card's first
 * line is its title and the rest its text. */
static void
add_grid_cell (WmMapBuilder *builder,
               WmStage      *stage,
               WmLane       *lane,
               const char   *cell)
{
  g_auto(GStrv) lines = g_strsplit (cell, "\n", -1);
  g_autoptr(GPtrArray) card = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = NULL;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        {
          add_grid_card (builder, stage, lane, card);
          continue;
        }
      if (starts_with_bullet (line, &rest))
        {
          add_grid_card (builder, stage, lane, card);
          line = g_strstrip ((char *) rest);
        }
      g_ptr_array_add (card, g_strdup (line));
    }
  add_grid_card (builder, stage, lane, card);
}

/* "4" or "2: I'm lost": a whole number, then maybe what was said.
 * Returns whether @cell has that form; @score is 0 if the number is off
 * the five-level scale. */
static gboolean
parse_emotion (const char  *cell,
               int         *score,
               const char **label)
{
  char *end;
  long value;

  while (g_ascii_isspace (*cell))
    cell++;
  if (!g_ascii_isdigit (*cell) && !((*cell == '-' || *cell == '+') && g_ascii_isdigit (cell[1])))
    return FALSE;
  value = strtol (cell, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' && *end != ':')
    return FALSE;
  *score = value >= 1 && value <= 5 ? (int) value : 0;
  *label = *end == ':' ? end + 1 : NULL;
  return TRUE;
}

/* An emotions row is one whose every cell is a score; a row of words or
 * lists, even under an emotions heading, is read as cards. */
static gboolean
is_emotion_row (const Record *record,
                guint         n_stages)
{
  for (guint c = 1; c <= n_stages; c++)
    {
      const char *label;
      int score;

      if (*field_at (record, c) != '\0' && !parse_emotion (field_at (record, c), &score, &label))
        return FALSE;
    }
  return TRUE;
}

static WmDocument *
import_grid (GArray  *records,
             GError **error)
{
  g_autoptr(WmMapBuilder) builder = wm_map_builder_new (WM_MAP_KIND_CUSTOM, NULL);
  const Record *header = &g_array_index (records, Record, 0);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  WmEmotionCurve *curve = NULL;

  /* As in card tables, a name is a stage: columns of the same name are
   * one stage, and rows of the same title one lane. */
  for (guint c = 1; c < header->fields->len; c++)
    {
      g_autofree char *name = g_strstrip (g_strdup (field_at (header, c)));

      if (*name == '\0')
        break;
      g_ptr_array_add (stages, wm_map_builder_get_stage (builder, name));
    }
  if (stages->len == 0)
    return fail (error, 1, 2, _("the first row should name the stages")), NULL;

  for (guint r = 1; r < records->len; r++)
    {
      const Record *record = &g_array_index (records, Record, r);
      g_autofree char *title = g_strstrip (g_strdup (field_at (record, 0)));
      WmLaneKind kind;
      WmLane *lane;

      if (record_is_empty (record))
        continue;
      if (*title == '\0')
        return fail (error, record->number, 1, _("a lane needs a title")), NULL;
      for (guint c = stages->len + 1; c < record->fields->len; c++)
        if (*field_at (record, c) != '\0')
          return fail (error, record->number, c + 1, _("no stage heads this column")), NULL;

      kind = wm_lane_kind_guess (title);
      if ((kind == WM_LANE_KIND_EMOTIONS && !is_emotion_row (record, stages->len))
          || (kind == WM_LANE_KIND_DIVIDER && !record_is_empty_after (record, 1)))
        kind = WM_LANE_KIND_TEXT;
      lane = wm_map_builder_get_lane (builder, title, kind);
      kind = wm_lane_get_kind (lane);
      for (guint c = 1; c <= stages->len; c++)
        {
          const char *cell = field_at (record, c);
          WmStage *stage = g_ptr_array_index (stages, c - 1);
          g_autoptr(WmEmotionPoint) point = NULL;
          g_autofree char *label = NULL;
          g_autofree char *id = NULL;
          const char *said;
          int score;

          if (*cell == '\0')
            continue;
          if (kind != WM_LANE_KIND_EMOTIONS)
            {
              add_grid_cell (builder, stage, lane, cell);
              continue;
            }

          if (!parse_emotion (cell, &score, &said) || score == 0)
            return fail (error, record->number, c + 1,
                         _("an emotion is a score from 1 to 5, maybe followed by “: ” and a quote")), NULL;
          /* One persona feels every emotions row, made when first needed. */
          if (curve == NULL)
            {
              g_autofree char *persona_id = wm_element_generate_id ("persona");
              g_autofree char *curve_id = wm_element_generate_id ("curve");

              wm_map_builder_add (builder, g_object_new (WM_TYPE_PERSONA, "id", persona_id,
                                                         "name", _("Customer"), NULL));
              curve = wm_emotion_curve_new (curve_id, persona_id);
            }
          id = wm_element_generate_id ("point");
          label = g_strstrip (g_strdup (said != NULL ? said : ""));
          point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", wm_element_get_id (WM_ELEMENT (stage)),
                                "score", score, "position", 0.5, "label", label, NULL);
          g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
        }
    }
  if (curve != NULL)
    wm_map_builder_add (builder, curve);

  return wm_map_builder_finish (builder);
}

/**
 * wm_csv_import:
 * @data: UTF-8 CSV text
 *
 * Makes a new map from a card table as wm_csv_export() writes it, or from
 * a grid sheet (stages across, lanes down).
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 *   to a message naming the row and column of the problem
 */
WmDocument *
wm_csv_import (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GArray) records = NULL;
  const Record *header;
  int columns[N_COLUMNS];
  guint n_empty;

  /* UTF-8 is checked as the fields are read, to name the bad one. */
  if (!wm_interchange_check_size (length, error))
    return NULL;
  records = parse_records (data, length, error);
  if (records == NULL)
    return NULL;
  /* The header is the first row with something in it. */
  for (n_empty = 0; n_empty < records->len; n_empty++)
    if (!record_is_empty (&g_array_index (records, Record, n_empty)))
      break;
  g_array_remove_range (records, 0, n_empty);
  if (records->len == 0)
    {
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_EMPTY, _("The file has no rows"));
      return NULL;
    }

  header = &g_array_index (records, Record, 0);
  for (guint i = 0; i < N_COLUMNS; i++)
    columns[i] = -1;
  for (guint c = 0; c < header->fields->len; c++)
    {
      g_autofree char *heading = normalize_heading (field_at (header, c));

      for (guint i = 0; i < N_COLUMNS; i++)
        if (columns[i] < 0 && g_str_equal (heading, column_names[i]))
          columns[i] = c;
    }

  if (columns[COLUMN_STAGE] >= 0 && columns[COLUMN_LANE] >= 0 && columns[COLUMN_TITLE] >= 0)
    return import_card_table (records, columns, error);
  return import_grid (records, error);
}
