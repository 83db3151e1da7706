#!/usr/bin/env python3
# Every sample to every format through `waymark export`, with no display:
# the PDF holds every stage name and card title as text, the SVG is
# well-formed, the PNG decodes and shows something, CSV and Mermaid
# round-trip, a golden image still matches, and bad requests fail with
# one line and leave the target alone. Prints TAP.
#   test-export.py WAYMARK SOURCE_ROOT PNG_COMPARE

import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

sys.dont_write_bytecode = True
from waymarktest import check, drawn_titles, finish, read, runner  # noqa: E402 -- after the line above

waymark, source_root, png_compare = sys.argv[1], sys.argv[2], sys.argv[3]
samples = sorted(glob.glob(os.path.join(source_root, 'data', 'samples', '*.waymark')))
golden_dir = os.path.join(source_root, 'tests', 'golden')
run = runner(waymark, 120)


def one_line_error(r, status=1):
    return r.returncode == status and len(r.stderr.strip().splitlines()) == 1


def png_facts(path, reference=None):
    """(width, height, has_alpha, colours[, differing pixels]) from png-compare."""
    r = subprocess.run([png_compare, path] + ([reference] if reference else []),
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise ValueError(r.stderr.strip())
    return [int(v) for v in r.stdout.split()]


def words(text):
    return ' '.join(text.replace('\u00ad', '').split()).replace('- ', '-')


def page_words(pdf, page):
    """(word, top, bottom) for each word on one page of a PDF."""
    out = subprocess.run(['pdftotext', '-bbox', '-f', str(page), '-l', str(page), pdf, '-'],
                         capture_output=True, text=True).stdout
    return [(html.unescape(m.group(3)), float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r'<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)</word>', out)]


def check_priorities(tmp, sample, target):
    """--view priorities: the matrix page in three formats, the deck's last slide."""
    document = json.loads(read(sample))
    kinds = {lane['id']: lane['kind'] for lane in document['lanes']}
    pains = [c for c in document['cards'] if kinds[c['lane']] == 'pain-points']
    ideas = [c for c in document['cards'] if kinds[c['lane']] == 'opportunities']
    pains[0].update(impact=5, effort=4)          # the top pain point
    ideas[0].update(impact=4, effort=1)          # a quick win
    ideas[1].update(impact=5, effort=1, status='dropped')  # not one any more
    scored = os.path.join(tmp, 'scored.waymark')
    with open(scored, 'w') as f:
        json.dump(document, f)

    pdf = os.path.join(tmp, 'priorities.pdf')
    r = run('export', scored, '-o', pdf, '--view', 'priorities', '--page-size', 'A4')
    text = words(subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, text=True).stdout)
    # pdftotext may split or join words at kerning; compare without spaces.
    bare = text.replace(' ', '')
    sides = bare.split('QuickWins1')
    check('the priorities PDF names the quadrants and calls out the top pain point and the quick win',
          r.returncode == 0 and all(q in bare for q in ('QuickWins', 'BigBets', 'Fill-Ins', 'MoneyPits'))
          and len(sides) == 2 and words(pains[0]['title']).replace(' ', '') in sides[0]
          and words(ideas[0]['title']).replace(' ', '') in sides[1]
          and words(ideas[1]['title']).replace(' ', '') not in sides[1], (r.stderr, text))
    size = re.search(r'Page size:\s+([\d.]+) x ([\d.]+)',
                     subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout)
    check('--page-size puts the priorities on one landscape A4 page',
          size is not None and abs(float(size.group(1)) - 841.89) < 1 and abs(float(size.group(2)) - 595.28) < 1,
          size and size.groups())

    png = os.path.join(tmp, 'priorities.png')
    r = run('export', scored, '-o', png, '--view', 'priorities', '--scale', '2')
    facts = png_facts(png) if r.returncode == 0 else [0, 0, 0, 0]
    check('the priorities PNG is the page at twice its size, in colour', facts[:2] == [3200, 2000] and facts[3] > 50,
          (r.stderr, facts))
    svg = os.path.join(tmp, 'priorities.svg')
    r = run('export', scored, '-o', svg, '--view', 'priorities')
    root = ElementTree.parse(svg).getroot() if r.returncode == 0 else None
    check('the priorities SVG is well-formed and page-sized', root is not None and root.get('width', '').startswith('1600'),
          r.stderr)

    def deck_ends(path):
        deck = os.path.join(tmp, 'deck-' + os.path.basename(path) + '.pdf')
        r = run('export', path, '-o', deck, '--slides')
        info = subprocess.run(['pdfinfo', deck], capture_output=True, text=True).stdout
        pages = int(re.search(r'Pages:\s+(\d+)', info).group(1)) if 'Pages:' in info else 0
        return [words(subprocess.run(['pdftotext', '-raw', '-f', str(p), '-l', str(p), deck, '-'],
                                     capture_output=True, text=True).stdout) for p in (pages - 1, pages)]
    before_last, last = deck_ends(scored)
    check('a scored map\'s deck ends on the priorities, after the overview',
          'Top Pain Points' in last and 'Top Pain Points' not in before_last, last[:200])
    check('a deck with nothing scored has no priorities slide', 'Top Pain Points' not in deck_ends(sample)[1])

    # A saved view: its slides tell only its cards; its pictures fade the rest.
    document['views'] = [{'id': 'view-pains', 'name': 'Pains only', 'lane_kinds': ['pain-points']}]
    viewed = os.path.join(tmp, 'viewed.waymark')
    with open(viewed, 'w') as f:
        json.dump(document, f)
    deck = os.path.join(tmp, 'viewed-deck.pdf')
    r = run('export', viewed, '-o', deck, '--slides', '--view', 'Pains only')
    info = subprocess.run(['pdfinfo', deck], capture_output=True, text=True).stdout
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1)) if 'Pages:' in info else 0
    # The stages' slides: not the overview and the priorities at the end,
    # which draw the whole map and every scored card.
    told = words(subprocess.run(['pdftotext', '-raw', '-l', str(max(pages - 2, 1)), deck, '-'],
                                capture_output=True, text=True).stdout).replace(' ', '')
    check('a saved view\'s slides tell its pain points and leave the opportunities out',
          r.returncode == 0 and words(pains[1]['title']).replace(' ', '') in told
          and words(ideas[2]['title']).replace(' ', '') not in told, r.stderr)
    whole, faded = os.path.join(tmp, 'whole.png'), os.path.join(tmp, 'faded.png')
    r1 = run('export', viewed, '-o', whole)
    r2 = run('export', viewed, '-o', faded, '--view', 'Pains only')
    differing = png_facts(faded, whole)[4] if r1.returncode == 0 and r2.returncode == 0 else 0
    check('a saved view\'s PNG fades the cards outside it', differing > 10000, (r1.stderr, r2.stderr, differing))

    for args, why in ((['--view', 'backlog'], 'an unknown view'),
                      (['--view', 'priorities', '--bom'], 'a CSV option with the priorities'),
                      (['--view', 'priorities', '--format', 'csv'], 'the priorities as CSV'),
                      (['--view', 'priorities', '--slides'], 'the priorities as slides')):
        r = run('export', scored, '-o', target, *args)
        check(f'export refuses {why} with exit 2 and one line', one_line_error(r, 2) and
              read(target) == b'previous contents', r.stderr)


def check_long_slide_head(tmp, sample):
    document = json.loads(read(sample))
    stage = document['stages'][1]
    stage['name'] = 'Arrive late at night after a long drive and find the front desk empty with nobody to ask'
    stage['description'] = ('The desk is empty and a sign says to ring the bell. Nobody comes for nine minutes. '
                            'The night porter cannot find the booking under the guest\'s own name, because it '
                            'was made under the company\'s, and the room is at the far end of the second floor.')
    quote = 'Nine minutes at an empty desk with nobody around and the lights half off, waiting for anyone'
    persona = document['personas'][0]
    document['personas'] = [dict(persona, id=f'persona-{i}', name=f'Persona{i}') for i in range(5)]
    document['emotions'] = [{'persona': f'persona-{i}',
                             'points': [{'id': f'point-{i}', 'stage': stage['id'], 'position': 0.5,
                                         'score': 1, 'label': quote}]} for i in range(5)]
    path = os.path.join(tmp, 'long-head.waymark')
    with open(path, 'w') as f:
        json.dump(document, f)
    deck = os.path.join(tmp, 'long-head.pdf')
    r = run('export', path, '-o', deck, '--slides')
    found = page_words(deck, 3) if r.returncode == 0 else []
    text = ' '.join(word for word, _, _ in found)
    head = [stage['name'], stage['description']] + [f'Persona{i}' for i in range(5)]
    missing = [t for t in head if words(t) not in text] + ([] if text.count(words(quote)) == 5 else [quote])
    # Text cut with an ellipsis keeps the words it stands for in the PDF,
    # as one "word" drawn where the ellipsis is.
    cut = [word for word, _, _ in found if ' ' in word]
    check('a long stage name, description and five personas\' words are on the slide whole',
          found and not missing and not cut, f'{r.stderr} missing: {missing}, cut: {cut}')
    titles = {w for card in document['cards'] if card['stage'] == stage['id'] for w in card['title'].split()}
    head_words = set(' '.join(head + [quote]).split())
    head_bottom = max((b for w, _, b in found if w in head_words and w not in titles), default=0)
    cards_top = min((t for w, t, _ in found if w in titles and w not in head_words), default=0)
    check('the cards begin below a long stage head', 0 < head_bottom < cards_top, (head_bottom, cards_top))


with tempfile.TemporaryDirectory() as tmp:
    for path in samples:
        name = os.path.splitext(os.path.basename(path))[0]
        document = json.loads(read(path))
        stage_names, card_titles = drawn_titles(document)

        pdf = os.path.join(tmp, f'{name}.pdf')
        r = run('export', path, '-o', pdf)
        check(f'{name}: PDF export succeeds', r.returncode == 0 and read(pdf)[:5] == b'%PDF-', r.stderr)
        if r.returncode == 0:
            text = words(subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, text=True).stdout)
            missing = [t for t in stage_names + card_titles if words(t) not in text]
            check(f'{name}: the PDF has every stage name and card title as text', not missing, missing)

        tiled = os.path.join(tmp, f'{name}-a4.pdf')
        r = run('export', path, '-o', tiled, '--page-size', 'A4')
        info = subprocess.run(['pdfinfo', tiled], capture_output=True, text=True).stdout
        pages = int(re.search(r'Pages:\s+(\d+)', info).group(1)) if 'Pages:' in info else 0
        check(f'{name}: tiled A4 PDF has landscape A4 pages', r.returncode == 0 and pages > 1
              and '841.89 x 595.28' in info, r.stderr + info)

        deck = os.path.join(tmp, f'{name}-slides.pdf')
        r = run('export', path, '-o', deck, '--slides')
        info = subprocess.run(['pdfinfo', deck], capture_output=True, text=True).stdout
        pages = int(re.search(r'Pages:\s+(\d+)', info).group(1)) if 'Pages:' in info else 0
        check(f'{name}: --slides writes 16:9 pages, a title, one or more a stage, an overview',
              r.returncode == 0 and '960 x 540' in info and pages >= len(stage_names) + 2, r.stderr + info)
        text = words(subprocess.run(['pdftotext', '-raw', deck, '-'], capture_output=True, text=True).stdout)
        missing = [t for t in stage_names if words(t) not in text]
        check(f'{name}: the slides have every stage name as text', not missing, missing)
        overview = words(subprocess.run(['pdftotext', '-raw', '-f', str(pages), '-l', str(pages), deck, '-'],
                                        capture_output=True, text=True).stdout)
        missing = [t for t in card_titles if words(t) not in overview]
        check(f'{name}: the overview slide shows every card title', pages > 0 and not missing, missing)

        svg = os.path.join(tmp, f'{name}.svg')
        r = run('export', path, '-o', svg)
        try:
            root = ElementTree.parse(svg).getroot()
            well_formed = root.tag.endswith('svg')
        except Exception as error:  # noqa: BLE001 -- any parse failure fails the check
            well_formed, root = False, error
        check(f'{name}: the SVG is well-formed XML', r.returncode == 0 and well_formed, f'{r.stderr} {root}')

        png = os.path.join(tmp, f'{name}.png')
        png2 = os.path.join(tmp, f'{name}@2x.png')
        r = run('export', path, '-o', png)
        r2 = run('export', path, '-o', png2, '--scale', '2', '--transparent', '--theme', 'dark')
        try:
            width, height, _, colours = png_facts(png)
            check(f'{name}: the PNG decodes and is not one colour', r.returncode == 0 and colours > 4, colours)
            width2, height2, alpha2, _ = png_facts(png2)
            check(f'{name}: --scale 2 --transparent doubles the size and keeps alpha',
                  r2.returncode == 0 and (width2, height2) == (2 * width, 2 * height) and alpha2 == 1,
                  (width, height, width2, height2, alpha2, r2.stderr))
        except ValueError as error:
            check(f'{name}: the PNG decodes', False, f'{error} {r.stderr} {r2.stderr}')

        for extension in ('csv', 'mmd'):
            out = os.path.join(tmp, f'{name}.{extension}')
            back = os.path.join(tmp, f'{name}-{extension}.waymark')
            again = os.path.join(tmp, f'{name}-again.{extension}')
            r = run('export', path, '-o', out)
            r_import = run('import', out, '-o', back)
            r_again = run('export', back, '-o', again)
            check(f'{name}: {extension} export, import and export again gives the same bytes',
                  r.returncode == r_import.returncode == r_again.returncode == 0 and read(out) == read(again),
                  r.stderr + r_import.stderr + r_again.stderr)

    # A golden image guards the look: one sample at 1×, compared with a
    # small tolerance for antialiasing differences.
    golden = os.path.join(golden_dir, 'software-purchase.png')
    out = os.path.join(tmp, 'golden.png')
    r = run('export', os.path.join(source_root, 'data', 'samples', 'software-purchase.waymark'), '-o', out)
    if os.environ.get('WAYMARK_UPDATE_GOLDEN'):
        shutil.copy(out, golden)
    try:
        width, height, _, _, differing = png_facts(out, golden)
        share = differing / (width * height) if differing >= 0 else 1
        check('the software-purchase PNG matches the golden image (≤ 0.1 % of pixels differ)',
              r.returncode == 0 and share <= 0.001,
              f'{differing} pixels differ (-1: the sizes differ); after an intended change, '
              'rerun with WAYMARK_UPDATE_GOLDEN=1 and look at tests/golden/software-purchase.png')
    except (ValueError, ZeroDivisionError) as error:
        check('the golden image decodes', False, error)

    # Failures: one line, a non-zero status, and the target untouched.
    sample = samples[0]
    target = os.path.join(tmp, 'keep.png')
    with open(target, 'wb') as f:
        f.write(b'previous contents')
    wide = json.loads(read(sample))
    first = wide['stages'][0]
    wide['stages'] += [dict(first, id=f'extra-stage-{i}', name=f'Extra {i}') for i in range(140)]
    wide_path = os.path.join(tmp, 'wide.waymark')
    with open(wide_path, 'w') as f:
        json.dump(wide, f)
    r = run('export', wide_path, '-o', target)
    check('an oversized PNG is refused with a clear message and the old file kept',
          one_line_error(r) and 'too large' in r.stderr and 'PDF' in r.stderr
          and read(target) == b'previous contents', r.stderr)
    r = run('export', wide_path, '-o', os.path.join(tmp, 'wide.pdf'))
    check('the same map still exports to PDF', r.returncode == 0, r.stderr)
    # Its overview slide is too small to read: cards as shapes, no words.
    deck = os.path.join(tmp, 'wide-slides.pdf')
    r = run('export', wide_path, '-o', deck, '--slides')
    info = subprocess.run(['pdfinfo', deck], capture_output=True, text=True).stdout
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1)) if 'Pages:' in info else 0
    overview = words(subprocess.run(['pdftotext', '-raw', '-f', str(pages), '-l', str(pages), deck, '-'],
                                    capture_output=True, text=True).stdout)
    shown = [card['title'] for card in wide['cards'] if words(card['title']) in overview]
    check('a 147-stage map\'s overview slide draws its cards without their unreadable words',
          r.returncode == 0 and pages > 0 and not shown and 'Extra 139' in overview, (r.stderr, shown[:3]))

    # A long stage head is set smaller and wraps rather than being cut,
    # and the cards begin below it, beside five personas' words.
    check_long_slide_head(tmp, samples[0])

    for args, why in ((['--scale', '3'], 'a scale other than 1 or 2'),
                      (['--page-size', 'B5'], 'an unknown page size'),
                      (['--theme', 'sepia'], 'an unknown theme'),
                      (['--format', 'docx'], 'an unknown format')):
        r = run('export', sample, '-o', target, *args)
        check(f'export refuses {why} with exit 2 and one line', one_line_error(r, 2) and
              read(target) == b'previous contents', r.stderr)
    r = run('export', sample, '-o', os.path.join(tmp, 'deck.svg'), '--slides')
    check('--slides refuses anything but PDF', one_line_error(r, 2), r.stderr)
    r = run('export', sample, '-o', os.path.join(tmp, 'map.docx'))
    check('export refuses an extension it cannot write', one_line_error(r, 2), r.stderr)
    r = run('export', sample, '-o', os.path.join(tmp, 'as-csv.txt'), '--format', 'csv')
    check('--format overrides the extension', r.returncode == 0 and
          read(os.path.join(tmp, 'as-csv.txt')).startswith(b'stage,lane,'), r.stderr)
    r = run('export', sample, '-o', os.path.join(tmp, 'missing', 'map.pdf'))
    check('export into a missing folder fails with one line', one_line_error(r), r.stderr)

    check_priorities(tmp, os.path.join(source_root, 'data', 'samples', 'gym-membership.waymark'), target)

    bad_csv = os.path.join(tmp, 'bad.csv')
    with open(bad_csv, 'w') as f:
        f.write('stage,lane,title\nAwareness,Actions,"unterminated\n')
    r = run('import', bad_csv, '-o', os.path.join(tmp, 'bad.waymark'))
    check('importing bad CSV names the row and column', one_line_error(r) and re.search(r'[Rr]ow \d+', r.stderr)
          and not os.path.exists(os.path.join(tmp, 'bad.waymark')), r.stderr)
    r = run('import', os.path.join(tmp, 'nothing.csv'), '-o', os.path.join(tmp, 'x.waymark'))
    check('importing a missing file fails with one line', one_line_error(r), r.stderr)
    r = run('import', sample, '-o', os.path.join(tmp, 'x.waymark'))
    check('import refuses a format it cannot read', one_line_error(r, 2), r.stderr)

finish()
