#!/usr/bin/env python3
# A template's hints are guidance for the editor, never content: a map made
# from each template, exported to every format (PDF, SVG, PNG, slides, CSV,
# Mermaid), shows none of them, and its PNG is the same pixels as that of
# the map with other words for its hints. Prints TAP.
#   test-hints-export.py WAYMARK SOURCE_ROOT PNG_COMPARE

import csv
import html
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
from waymarktest import check, finish, runner  # noqa: E402 -- after the line above

waymark, source_root, png_compare = sys.argv[1], sys.argv[2], sys.argv[3]
run = runner(waymark, 120)
KINDS = ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint', 'blank']


def hints_of(document):
    """Every hint of a map: the map's, each persona's and each card's."""
    found = list(document.get('hints', {}).values())
    for persona in document.get('personas', []):
        found += persona.get('hints', {}).values()
    found += [card['hint'] for card in document.get('cards', []) if card.get('hint')]
    return found


def other_hints(document):
    """The map with other words for hints: an export must not change."""
    document = json.loads(json.dumps(document))
    document.pop('hints', None)
    for persona in document.get('personas', []):
        persona.pop('hints', None)
    for card in document.get('cards', []):
        if card.get('hint'):
            card['hint'] = 'x'
    return document


def words(text):
    return ' '.join(html.unescape(text).replace('\u00ad', '').split())


def text_of(path):
    if path.endswith('.pdf'):
        return subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True).stdout
    with open(path, encoding='utf-8-sig') as f:
        return f.read()


def differing_pixels(a, b):
    r = subprocess.run([png_compare, a, b], capture_output=True, text=True, timeout=120)
    return int(r.stdout.split()[-1]) if r.returncode == 0 else -1


with tempfile.TemporaryDirectory() as tmp:
    for kind in KINDS:
        path = os.path.join(tmp, f'{kind}.waymark')
        r = run('new', '--template', kind, '-o', path)
        check(f'{kind}: new map', r.returncode == 0, r.stderr)
        if r.returncode != 0:
            continue
        with open(path, encoding='utf-8') as f:
            document = json.load(f)
        hints = hints_of(document)
        # The guidance is in the hints, so that there is something to hide.
        check(f'{kind}: the template guides with hints', len(hints) >= 10, hints)

        exports = {
            'PDF': f'{kind}.pdf', 'SVG': f'{kind}.svg', 'CSV': f'{kind}.csv',
            'Mermaid': f'{kind}.mmd', 'slides': f'{kind}-slides.pdf',
        }
        for name, out in exports.items():
            target = os.path.join(tmp, out)
            args = ['export', path, '-o', target] + (['--slides'] if name == 'slides' else [])
            r = run(*args)
            if r.returncode != 0:
                check(f'{kind}: {name} export', False, r.stderr)
                continue
            text = words(text_of(target))
            # The first words of each hint: a wrapped line may break later.
            shown = [h for h in hints if ' '.join(h.split()[:4]) in text]
            check(f'{kind}: no hint in the {name} export', not shown, '\n'.join(shown))

        # Nor does a template fill in words for the user: an owner such as
        # "Team or person" or a metric "target %" is content in every export.
        with open(os.path.join(tmp, f'{kind}.csv'), encoding='utf-8-sig', newline='') as f:
            filled = [f'{row["stage"]}/{row["lane"]}: {column} “{row[column]}”'
                      for row in csv.DictReader(f)
                      for column in ('title', 'text', 'owner', 'metric', 'metric value', 'time')
                      if row[column]]
        check(f'{kind}: no words filled in for the user', not filled, '\n'.join(filled))

        bare = os.path.join(tmp, f'{kind}-bare.waymark')
        with open(bare, 'w', encoding='utf-8') as f:
            json.dump(other_hints(document), f)
        pngs = []
        for source in (path, bare):
            target = source.replace('.waymark', '.png')
            r = run('export', source, '-o', target)
            pngs.append(target if r.returncode == 0 else None)
        check(f'{kind}: the PNG is the same with other hints',
              None not in pngs and differing_pixels(*pngs) == 0, pngs)

finish()
