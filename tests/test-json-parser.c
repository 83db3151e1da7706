/* test-json-parser.c: the strict JSON parser maps load with.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-json-parser.h"
#include "wm-json-writer.h"

static WmJsonTree *
parse (const char  *text,
       guint        max_depth,
       GError     **error)
{
  return wm_json_tree_parse (text, strlen (text), max_depth, error);
}

/* Writes @text's tree back with the writer, numbers as written. */
static char *
round_trip (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJsonTree) tree = parse (text, 64, &error);
  g_autoptr(WmJsonWriter) writer = wm_json_writer_new ();

  g_assert_no_error (error);
  wm_json_writer_set_literals (writer, wm_json_tree_get_literals (tree));
  wm_json_writer_node (writer, NULL, wm_json_tree_get_root (tree));
  return wm_json_writer_finish (writer, NULL);
}

static void
test_values (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "  {\"a\" : [1, -2.5, true, false, null, \"x\"]}\r\n",
      "{\n  \"a\": [\n    1,\n    -2.5,\n    true,\n    false,\n    null,\n    \"x\"\n  ]\n}\n" },
    { "\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\/ \\t\"", "\"café 😀 \\\"q\\\" / \\t\"\n" },
    { "\xef\xbb\xbf[]", "[]\n" },
    { "{}", "{}\n" },
    { "-0", "-0\n" },
    { "1E+2", "1E+2\n" },
    { "123456789012345678901234567890", "123456789012345678901234567890\n" },
    { "9223372036854775807", "9223372036854775807\n" },
    { "-9223372036854775808", "-9223372036854775808\n" },
    { "9223372036854775808", "9223372036854775808\n" },
    { "0.5", "0.5\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = round_trip (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_refusals (void)
{
  const struct { const char *in; int code; const char *message; } cases[] = {
    { "", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 1: the file ends before a value" },
    { "   \n  ", WM_JSON_PARSER_ERROR_SYNTAX, "line 2, column 3: the file ends before a value" },
    { "{\"a\": 1", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 8: the file ends before “,” or “}”" },
    { "[1 2]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 4: expected “,” or “]”, found “2”" },
    { "[1,]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 4: a comma before “]” is not allowed in JSON" },
    { "\"open", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 1: this text has no closing quote" },
    { "\"a\nb\"", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 3: a control character (U+000A) inside text" },
    { "\"\\x41\"", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: “\\x” is not an escape JSON knows" },
    { "\"\\u12\"", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: “\\u” must be followed by four hexadecimal digits" },
    { "[\"\\udc00\"]", WM_JSON_PARSER_ERROR_VALUE, "[0]: “\\udc00” is half of a character" },
    { "{\"t\": \"\\ud800x\"}", WM_JSON_PARSER_ERROR_VALUE, "t: “\\ud800” is half of a character" },
    { "{\"t\": \"a\\u0000\"}", WM_JSON_PARSER_ERROR_VALUE, "t: the text holds the character U+0000" },
    { "{\"n\": 1e400}", WM_JSON_PARSER_ERROR_VALUE, "n: the number 1e400 is too large" },
    { "[-]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 3: expected a digit, found “]”" },
    { "[1.]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 3: a digit must follow the decimal point" },
    { "[1e]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 4: a digit must follow the exponent’s “e”" },
    { "[.5]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: a number needs a digit before the decimal point" },
    { "[+1]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: a number cannot start with “+”" },
    { "[Infinity]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: NaN and Infinity are not numbers in JSON" },
    { "[truth]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: words other than true, false and null" },
    { "[1] [2]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 5: there is more after the end of the JSON value" },
    { "[\x01]", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: expected a value, found the control character U+0001" },
    { "\"\xff\"", WM_JSON_PARSER_ERROR_SYNTAX, "line 1, column 2: the text is not valid UTF-8" },
    { "{\"a\": {\"b\": 1, \"b\": 2}}", WM_JSON_PARSER_ERROR_VALUE, "a: the member “b” is given twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmJsonTree) tree = parse (cases[i].in, 64, &error);

      g_assert_null (tree);
      g_assert_error (error, WM_JSON_PARSER_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("“%s”: expected “%s”, got “%s”", cases[i].in, cases[i].message, error->message);
    }
}

/* Exactly the allowed depth parses; one more is refused without the
 * parser going any deeper, however deep the text goes. */
static void
test_depth (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJsonTree) allowed = NULL;
  g_autoptr(WmJsonTree) refused = NULL;

  for (int i = 0; i < 8; i++)
    g_string_append (text, "[");
  for (int i = 0; i < 8; i++)
    g_string_append (text, "]");
  allowed = parse (text->str, 8, &error);
  g_assert_no_error (error);
  g_assert_nonnull (allowed);

  g_string_truncate (text, 0);
  for (int i = 0; i < 1000000; i++)
    g_string_append (text, "{\"a\":");
  refused = parse (text->str, 8, &error);
  g_assert_null (refused);
  g_assert_error (error, WM_JSON_PARSER_ERROR, WM_JSON_PARSER_ERROR_DEPTH);
}

/* An object with more members than are compared one by one keeps them
 * in order and still refuses a name given twice, however far apart. */
static void
test_many_members (void)
{
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(GString) expected = g_string_new ("{\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJsonTree) refused = NULL;
  g_autofree char *out = NULL;

  for (int i = 0; i < 100; i++)
    {
      g_string_append_printf (text, "%s\"k%d\": [%d, {\"n\": {}}]", i > 0 ? ", " : "", i, i);
      g_string_append_printf (expected, "  \"k%d\": [\n    %d,\n    {\n      \"n\": {}\n    }\n  ]%s\n", i, i,
                              i < 99 ? "," : "");
    }
  g_string_append (text, "}");
  g_string_append (expected, "}\n");
  out = round_trip (text->str);
  g_assert_cmpstr (out, ==, expected->str);

  /* The same members and "k3" again, inside another object. */
  g_string_truncate (text, text->len - 1);
  g_string_append (text, ", \"k3\": 1}}");
  g_string_prepend (text, "{\"outer\": ");
  refused = parse (text->str, 64, &error);
  g_assert_null (refused);
  g_assert_error (error, WM_JSON_PARSER_ERROR, WM_JSON_PARSER_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "outer: the member “k3” is given twice");
}

/* The loader's compact values: kinds, members and numbers as written. */
static void
test_compact_values (void)
{
  const char *text = "{\"a\": [-0, 1.50, 12345678901234567890, true, null, \"x\\u00e9\"], \"b\": {\"c\": 7}}";
  g_autoptr(WmJsonValues) values = wm_json_values_new ();
  g_autoptr(GError) error = NULL;
  WmJsonValue *root = wm_json_parse (values, text, strlen (text), 64, 0, &error);
  WmJsonValue *a, *b;
  g_autofree char *zero = NULL;
  g_autofree char *big = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (root->kind, ==, WM_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 2);
  a = wm_json_value_get_member (root, "a");
  b = wm_json_value_get_member (root, "b");
  g_assert_null (wm_json_value_get_member (root, "c"));
  g_assert_cmpint (a->kind, ==, WM_JSON_ARRAY);
  g_assert_cmpuint (a->length, ==, 6);
  g_assert_cmpint (a->c.items[0]->kind, ==, WM_JSON_INTEGER);
  zero = wm_json_value_quote_number (a->c.items[0]);
  g_assert_cmpstr (zero, ==, "-0");
  g_assert_cmpint (a->c.items[1]->kind, ==, WM_JSON_DOUBLE);
  g_assert_cmpfloat (wm_json_value_get_number (a->c.items[1]), ==, 1.5);
  g_assert_cmpint (a->c.items[2]->kind, ==, WM_JSON_DOUBLE);
  big = wm_json_value_quote_number (a->c.items[2]);
  g_assert_cmpstr (big, ==, "12345678901234567890");
  g_assert_cmpint (a->c.items[3]->kind, ==, WM_JSON_BOOLEAN);
  g_assert_true (a->c.items[3]->v.boolean);
  g_assert_cmpint (a->c.items[4]->kind, ==, WM_JSON_NULL);
  g_assert_cmpstr (a->c.items[5]->v.string, ==, "xé");
  g_assert_cmpint (wm_json_value_get_member (b, "c")->v.integer, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-parser/values", test_values);
  g_test_add_func ("/json-parser/refusals", test_refusals);
  g_test_add_func ("/json-parser/depth", test_depth);
  g_test_add_func ("/json-parser/many-members", test_many_members);
  g_test_add_func ("/json-parser/compact-values", test_compact_values);

  return g_test_run ();
}
