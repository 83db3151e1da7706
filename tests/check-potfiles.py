#!/usr/bin/env python3
# Fails when a file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist, so
# that no user-visible string silently escapes translation.

import os
import re
import sys

C_MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|g_dgettext|g_dngettext|ngettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"yes"')
SCHEMA_MARKER = re.compile(r'<(?:summary|description)>')
# Source files, UI definitions, desktop/metainfo/MIME templates and schemas
# are the kinds of file that carry translatable strings.
CHECKED_SUFFIXES = ('.c', '.h', '.ui', '.desktop.in', '.desktop.in.in',
                    '.metainfo.xml.in', '.metainfo.xml.in.in', '.mime.xml.in',
                    '.gschema.xml')


def has_translatable_strings(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith(('.c', '.h')):
        return C_MARKERS.search(text) is not None
    if path.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    if path.endswith('.gschema.xml'):
        return SCHEMA_MARKER.search(text) is not None
    return True  # desktop, metainfo and MIME files are translated as a whole


def main():
    top = sys.argv[1]
    with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = {line.strip() for line in f
                  if line.strip() and not line.startswith('#')}
    with open(os.path.join(top, 'po', 'POTFILES.skip'), encoding='utf-8') as f:
        skipped = {line.strip() for line in f
                   if line.strip() and not line.startswith('#')}

    problems = []
    for name in sorted(listed):
        if not os.path.isfile(os.path.join(top, name)):
            problems.append(f'po/POTFILES.in lists {name}, which does not exist')

    for folder in ('src', 'data'):
        for dirpath, _, filenames in os.walk(os.path.join(top, folder)):
            for filename in filenames:
                path = os.path.join(dirpath, filename)
                relative = os.path.relpath(path, top)
                if not filename.endswith(CHECKED_SUFFIXES) or relative in skipped:
                    continue
                if has_translatable_strings(path) and relative not in listed:
                    problems.append(f'{relative} has translatable strings but is missing from po/POTFILES.in')

    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
