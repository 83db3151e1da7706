#!/usr/bin/env python3
# Mermaid export and import against the real Mermaid parser: every
# sample and a map of adversarial names is exported, the real parser
# must accept it without a warning and draw exactly the map's titles,
# sections, cards and every persona's feelings, and importing the export
# must give back every card title and every persona's scores per stage.
# Prints TAP; skips where the checker (mermaid-check, with Node) is not
# installed.
#   test-mermaid-real.py WAYMARK SOURCE_ROOT

import glob
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
from waymarktest import check, finish, runner  # noqa: E402 -- after the line above

waymark, source_root = sys.argv[1], sys.argv[2]
run = runner(waymark, 60)


def find_checker():
    candidates = [os.environ.get('WAYMARK_MERMAID_CHECK', '')]
    for up in ('..', os.path.join('..', '..')):
        candidates.append(os.path.join(source_root, up, 'shared', 'tools', 'mermaid-check', 'check'))
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


checker = find_checker()
if checker is None:
    print('1..0 # SKIP the real Mermaid checker (shared/tools/mermaid-check, or WAYMARK_MERMAID_CHECK) is not here')
    sys.exit(0)

def by_id(items):
    return {item['id']: item for item in items}


def story(document):
    """What a Mermaid export must carry: the title, and per stage its
    name, its action and touchpoint cards in lane and cell order, and each
    persona's scores there by position on Mermaid's 1-5. A no-break space
    is drawn as a space, the one documented exception."""
    scale = document.get('emotion_scale', 5)
    lanes = [lane['id'] for lane in document.get('lanes', [])
             if lane.get('kind') in ('customer-actions', 'touchpoints')]
    personas = document.get('personas', [])
    curves = {curve['persona']: curve['points'] for curve in document.get('emotions', [])}
    lines = ['title ' + document.get('title', '')]
    for stage in document.get('stages', []):
        lines.append('section ' + stage['name'])
        for lane in lanes:
            for card in document.get('cards', []):
                if card['stage'] == stage['id'] and card['lane'] == lane:
                    lines.append('card ' + card['title'])
        for persona in personas:
            points = sorted((p for p in curves.get(persona['id'], []) if p['stage'] == stage['id']),
                            key=lambda p: p.get('position', 0.5))
            if points:
                scores = [int(1 + (p['score'] - 1) * 4 / (scale - 1) + 0.5) for p in points]
                lines.append('feels %s: %s' % (persona['name'], ' '.join(map(str, scores))))
    return [line.replace('\u00a0', ' ') for line in lines]


def drawn(summary):
    """The same story from what the real parser understood."""
    def name(text):
        return '' if text == '\u200b' else text

    lines = ['title ' + summary['title']]
    for section in summary['sections']:
        lines.append('section ' + name(section['name']))
        feelings = {}
        for task in section['tasks']:
            if not task['people']:
                lines.append('card ' + name(task['task']))
            elif task['people'] == [task['task']]:
                feelings.setdefault(name(task['task']), []).append(str(task['score']))
            else:
                lines.append('?? ' + json.dumps(task))
        for who, scores in feelings.items():
            lines.append('feels %s: %s' % (who, ' '.join(scores)))
    return lines


NASTY = [
    'Invoice #42: paid; 20%% off', '%lead', '%%{init: {"theme": "dark"}}%%', '<b>bold</b> & co &amp;',
    '"quoted" \'single\'', 'Journey', 'title deeds', 'Section 2', 'accTitle: x', 'accDescr { y', '}%%',
    '\ufb02\u00b01\u00b6\u00df', 'naïve café 😀 日本語', '  spaced  ', 'tab\there', 'line\nbreak', 'a, b',
    'x' * 400, '#35;literal', 'Lifestyle:#1;', '---', '', 'no\u00a0break', '5% off', ':', ';', '#',
]


def nasty_map(tmp):
    """The hotel sample with every title, stage and persona name made of
    the characters Mermaid's grammar, preprocessing and sanitiser touch."""
    with open(os.path.join(source_root, 'data', 'samples', 'hotel-stay.waymark'), encoding='utf-8') as f:
        document = json.load(f)
    document['title'] = 'Invoice #42: paid; 20%% off <now> & "then"'
    for i, stage in enumerate(document['stages']):
        stage['name'] = NASTY[(i * 5) % len(NASTY)] or 'x'
    for i, card in enumerate(document['cards']):
        card['title'] = NASTY[i % len(NASTY)]
    for i, persona in enumerate(document['personas']):
        persona['name'] = ['Dana, the buyer: ops #1', '%%Sam; <&>'][i % 2]
    path = os.path.join(tmp, 'nasty.waymark')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False)
    return path


with tempfile.TemporaryDirectory() as tmp:
    maps = sorted(glob.glob(os.path.join(source_root, 'data', 'samples', '*.waymark'))) + [nasty_map(tmp)]
    for path in maps:
        name = os.path.basename(path)
        with open(path, encoding='utf-8') as f:
            original = json.load(f)
        mmd = os.path.join(tmp, name + '.mmd')
        r = run('export', path, '-o', mmd)
        check(f'{name}: exports to Mermaid', r.returncode == 0, r.stderr)
        if r.returncode != 0:
            continue
        c = subprocess.run([checker, mmd], capture_output=True, text=True, timeout=300)
        if c.returncode == 3:
            print('1..0 # SKIP the real Mermaid checker cannot run: ' + c.stdout.strip())
            sys.exit(0)
        check(f'{name}: real Mermaid accepts the export without warnings', c.returncode == 0,
              c.stdout + c.stderr)
        if c.returncode == 0:
            meant, seen = story(original), drawn(json.loads(c.stdout))
            check(f'{name}: Mermaid draws every name and feeling exactly', meant == seen,
                  '\n'.join(f'{a!r} | {b!r}' for a, b in zip(meant, seen) if a != b) or f'{len(meant)} != {len(seen)}')

        back = os.path.join(tmp, name + '.back.waymark')
        r = run('import', mmd, '-o', back)
        check(f'{name}: the export imports without a warning', r.returncode == 0 and r.stderr == '', r.stderr)
        if r.returncode == 0:
            with open(back, encoding='utf-8') as f:
                imported = json.load(f)
            before, after = story(original), story(imported)
            check(f'{name}: Waymark → Mermaid → Waymark keeps every title and every persona\'s scores',
                  before == after,
                  '\n'.join(f'{a!r} | {b!r}' for a, b in zip(before, after) if a != b) or f'{len(before)} != {len(after)}')

    # More than five actors: the first five are personas, the others are
    # reported on standard error, and the import still succeeds.
    many = os.path.join(tmp, 'many.mmd')
    with open(many, 'w', encoding='utf-8') as f:
        f.write('\ufeffjourney\n  title Crowd\n  section A\n    Meet: 4: A, B, C, D, E, F, G\n')
    c = subprocess.run([checker, many], capture_output=True, text=True, timeout=300)
    check('seven actors and a byte-order mark: real Mermaid accepts them', c.returncode == 0, c.stdout)
    r = run('import', many, '-o', os.path.join(tmp, 'many.waymark'))
    warnings = r.stderr.strip().splitlines()
    check('seven actors: the import succeeds and names the two left out on standard error',
          r.returncode == 0 and len(warnings) == 2 and '“F”' in warnings[0] and '“G”' in warnings[1], r.stderr)

finish()
