#!/usr/bin/env python3
# Fails when a source file under src/ does not name its log domain, so
# that every message says which file it came from and can be picked out
# with G_MESSAGES_DEBUG. The domain is the file's name without ".c"
# ("waymark" for main.c), defined before the first include, as GLib
# reads it in its headers.

import os
import re
import sys

DEFINE = re.compile(r'^#define G_LOG_DOMAIN "([^"]*)"$', re.MULTILINE)
INCLUDE = re.compile(r'^#include\b', re.MULTILINE)


def problem(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    name = os.path.basename(path)
    wanted = 'waymark' if name == 'main.c' else name[:-len('.c')]
    define = DEFINE.search(text)
    if define is None:
        return 'defines no G_LOG_DOMAIN'
    if define.group(1) != wanted:
        return 'G_LOG_DOMAIN is "%s", not "%s"' % (define.group(1), wanted)
    include = INCLUDE.search(text)
    if include is not None and include.start() < define.start():
        return 'defines G_LOG_DOMAIN after an include'
    return None


def main():
    src = os.path.join(sys.argv[1], 'src')
    problems = []
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if name.endswith('.c'):
                path = os.path.join(root, name)
                found = problem(path)
                if found is not None:
                    problems.append('%s: %s' % (os.path.relpath(path, sys.argv[1]), found))
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
