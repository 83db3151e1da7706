#!/usr/bin/env python3
# Fails when a command-line usage message escapes translation: every
# usage_error () in src/cli/wm-cli.c must pass its text through gettext, and
# xgettext must extract each text that has a placeholder together with a
# translators' comment saying what the placeholder holds.

import re
import shutil
import subprocess
import sys

CLI = 'src/cli/wm-cli.c'
# A call, not the declaration or the definition (those name a parameter).
CALL = re.compile(r'\busage_error\s*\((?!\s*const\b)\s*(.{0,3})', re.S)


def main():
    top = sys.argv[1]
    path = f'{top}/{CLI}'
    with open(path, encoding='utf-8') as f:
        text = f.read()

    problems = []
    calls = 0
    for match in CALL.finditer(text):
        calls += 1
        if not match.group(1).startswith('_('):
            line = text.count('\n', 0, match.start()) + 1
            problems.append(f'{CLI}:{line}: usage_error () text does not go through _()')
    if calls == 0:
        problems.append(f'no usage_error () call found in {CLI}')

    xgettext = shutil.which('xgettext')
    if xgettext is None:
        problems.append('xgettext is not installed')
    else:
        pot = subprocess.run([xgettext, '--keyword=_', '--add-comments=Translators',
                              '--from-code=UTF-8', '--no-wrap', '-o', '-', path],
                             capture_output=True, text=True, check=True).stdout
        for entry in pot.split('\n\n'):
            if '#, c-format' not in entry:
                continue
            msgid = re.search(r'^msgid "(.*)"$', entry, re.M)
            if msgid is None or msgid.group(1) == '':
                continue
            if '#. Translators:' not in entry:
                problems.append(f'“{msgid.group(1)}” has a placeholder but no translators\' comment')

    for problem in problems:
        print(f'cli-gettext: {problem}', file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
