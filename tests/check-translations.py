#!/usr/bin/env python3
# Fails when a language in po/LINGUAS does not translate every string the
# sources have now, so that a string added to the UI, the CLI or the data
# files without a translation is caught before a German user sees English.
#
# It extracts the strings the way `meson compile waymark-pot` does, merges
# them into a scratch copy of each .po file, and names every string that
# comes out untranslated or fuzzy. Nothing is written into the source tree.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n "glib" preset, which po/meson.build
# uses; xgettext knows ngettext and the ITS rules of the data files itself.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

HOW_TO_FIX = '''\
To bring the translations up to date (see po/README.md):
  meson compile -C _build/dev waymark-pot waymark-update-po
then translate every entry that is empty or marked "#, fuzzy" in po/{lang}.po
(remove the fuzzy mark once the translation is right), and check with
  msgfmt --check --statistics -o /dev/null po/{lang}.po'''


def tool(name):
    path = shutil.which(name)
    if path is None:
        sys.exit(f'{name} is not installed (Debian package gettext)')
    return path


def entries(po_text):
    """Yields (flags, msgctxt, msgid, msgstrs) for each entry of a .po file
    written with --no-wrap, skipping the header and obsolete entries."""
    for block in po_text.split('\n\n'):
        flags, ctxt, msgid, msgstrs = set(), None, None, []
        for line in block.splitlines():
            if line.startswith('#,'):
                flags.update(f.strip() for f in line[2:].split(','))
            elif line.startswith('msgctxt '):
                ctxt = line[len('msgctxt '):]
            elif line.startswith('msgid '):
                msgid = line[len('msgid '):]
            elif re.match(r'msgstr(\[\d+\])? ', line):
                msgstrs.append(line.split(' ', 1)[1])
        if msgid is None or msgid == '""':
            continue
        yield flags, ctxt, msgid, msgstrs


def main():
    top = sys.argv[1]
    po_dir = os.path.join(top, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [word for line in f if not line.startswith('#')
                     for word in line.split()]

    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'waymark.pot')
        subprocess.run([tool('xgettext'), '--package-name=waymark',
                        '--files-from', os.path.join(po_dir, 'POTFILES.in'),
                        '--directory', top, '--output', pot] + XGETTEXT_ARGS,
                       check=True)
        for lang in languages:
            source = os.path.join(po_dir, lang + '.po')
            if not os.path.isfile(source):
                problems.append(f'po/LINGUAS names {lang}, but po/{lang}.po does not exist')
                continue
            merged = os.path.join(tmp, lang + '.po')
            subprocess.run([tool('msgmerge'), '--quiet', '--no-wrap',
                            '--output-file', merged, source, pot], check=True)
            with open(merged, encoding='utf-8') as f:
                text = f.read()
            missing = []
            for flags, ctxt, msgid, msgstrs in entries(text):
                where = f'{msgid} (context {ctxt})' if ctxt else msgid
                if 'fuzzy' in flags:
                    missing.append(f'po/{lang}.po: fuzzy: {where}')
                elif any(s == '""' for s in msgstrs):
                    missing.append(f'po/{lang}.po: untranslated: {where}')
            problems.extend(missing)

            check = subprocess.run([tool('msgfmt'), '--check', '--statistics',
                                    '--output-file', os.devnull, source],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                problems.append(f'po/{lang}.po: msgfmt --check failed:\n{check.stderr.strip()}')
            if missing or check.returncode != 0:
                problems.append(HOW_TO_FIX.format(lang=lang))

    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
