/* wm-text-escape.c: text from a file made safe to show in a message.
 *
 * A message that quotes a map's text goes to a terminal (`waymark check`)
 * or a dialog. Control characters in it could retitle or clear the
 * terminal, or hide the rest of the line; bidirectional overrides could
 * make it read backwards. So every such character is shown as a visible
 * escape instead, in the notation C and JSON use.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-text-escape"

#include "config.h"

#include <string.h>

#include "wm-text-escape.h"

static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || c == 0x7F                 /* C0 controls and DEL */
         || (c >= 0x80 && c <= 0x9F)           /* C1 controls */
         || (c >= 0x202A && c <= 0x202E)       /* bidi embeddings and overrides */
         || (c >= 0x2066 && c <= 0x2069)       /* bidi isolates */
         || c == 0x2028 || c == 0x2029;        /* line and paragraph separators */
}

static void
append_escape (GString  *out,
               gunichar  c)
{
  switch (c)
    {
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    case '\t':
      g_string_append (out, "\\t");
      break;
    default:
      if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      break;
    }
}

/**
 * wm_text_escape_controls:
 * @text: (nullable): text to show, usually UTF-8
 *
 * Replaces control characters (C0, DEL, C1; newline and tab too), the
 * bidirectional embedding, override and isolate characters, and the line
 * and paragraph separators with visible escapes such as `\x1b`, `\n` or
 * `\u202e`; bytes that are not UTF-8 become `\xNN` too. Everything else,
 * backslashes included, is kept, so escaping twice changes nothing more.
 *
 * Returns: (transfer full): the text, safe to print on one line
 */
char *
wm_text_escape_controls (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (needs_escape (c))
        append_escape (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
