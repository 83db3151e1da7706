#!/usr/bin/env python3
# The SVG export keeps words as text: every sample's SVG names the map in
# a <title>, embeds card pictures with their alternative text, holds each card title and stage name as one <text> element
# in a font family, size and weight, renders in librsvg like the PNG
# export, is at most twice the size of the PDF and the same bytes every
# time; hostile titles come out escaped. Prints TAP.
#   test-svg-export.py WAYMARK SOURCE_ROOT PNG_COMPARE

import glob
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
run = runner(waymark, 120)
samples = sorted(glob.glob(os.path.join(source_root, 'data', 'samples', '*.waymark')))
SVG = '{http://www.w3.org/2000/svg}'


def parse(path):
    try:
        return ElementTree.parse(path).getroot(), None
    except Exception as error:  # noqa: BLE001 -- any parse failure fails the check
        return None, error


def texts(root):
    """The words of each <text> element, its lines joined."""
    return [''.join(element.itertext()) for element in root.iter(f'{SVG}text')]


def text_classes(root):
    """class name → declarations, for the classes <text> elements use."""
    style = ''.join(''.join(element.itertext()) for element in root.iter(f'{SVG}style'))
    rules = dict(re.findall(r'\.([\w-]+)\{([^}]*)\}', style))
    return {element.get('class'): rules.get(element.get('class'), '') for element in root.iter(f'{SVG}text')}


def png_difference(a, b):
    """The share of pixels that differ between two PNGs, or 1."""
    r = subprocess.run([png_compare, a, b], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        return 1
    width, height, _, _, differing = (int(v) for v in r.stdout.split())
    return differing / (width * height) if differing >= 0 else 1


rsvg = shutil.which('rsvg-convert')
with tempfile.TemporaryDirectory() as tmp:
    sizes = []
    for path in samples:
        name = os.path.splitext(os.path.basename(path))[0]
        document = json.loads(read(path))
        svg = os.path.join(tmp, f'{name}.svg')
        again = os.path.join(tmp, f'{name}-again.svg')
        pdf = os.path.join(tmp, f'{name}.pdf')
        r = run('export', path, '-o', svg)
        r_again = run('export', path, '-o', again)
        r_pdf = run('export', path, '-o', pdf)
        root, error = parse(svg)
        check(f'{name}: the SVG parses', r.returncode == 0 and root is not None, f'{r.stderr} {error}')
        if root is None:
            continue

        title = root.find(f'{SVG}title')
        check(f'{name}: a <title> names the map', title is not None and title.text == document['title'],
              title is not None and title.text)
        words = texts(root)
        missing = [t for t in sum(drawn_titles(document), []) if t not in words]
        check(f'{name}: each stage name and card title is one <text> run', words and not missing, missing)
        classes = text_classes(root)
        unstyled = [c for c, rule in classes.items()
                    if not all(f'{p}:' in rule for p in ('font-family', 'font-size', 'font-weight', 'fill'))]
        check(f'{name}: every <text> has a font family, size, weight and colour', classes and not unstyled,
              unstyled)
        check(f'{name}: no glyph outlines', b'glyph' not in read(svg), '')
        # Card pictures (a storyboard lane) are embedded, each with its
        # alternative text on an image-role element over it.
        alts = [card['picture'].get('alt', '') for card in document['cards'] if 'picture' in card]
        if alts:
            images = [element for element in root.iter(f'{SVG}image')
                      if (element.get('{http://www.w3.org/1999/xlink}href') or element.get('href') or '')
                      .startswith('data:image/')]
            labelled = [element.get('aria-label') for element in root.iter() if element.get('role') == 'img']
            check(f'{name}: each card picture is embedded in the SVG', len(images) >= len(alts),
                  f'{len(images)} embedded images for {len(alts)} pictures')
            check(f'{name}: each picture\'s alternative text is on an image in the SVG',
                  sorted(a for a in alts if a) == sorted(labelled), labelled)

        svg_size, pdf_size = os.path.getsize(svg), os.path.getsize(pdf)
        sizes.append(f'{name}: SVG {svg_size} bytes, PDF {pdf_size} bytes, {svg_size / pdf_size:.2f}×')
        check(f'{name}: the SVG is at most twice the size of the PDF', r_pdf.returncode == 0
              and svg_size <= 2 * pdf_size, sizes[-1])
        check(f'{name}: two exports give the same bytes', r_again.returncode == 0 and read(svg) == read(again))

        # librsvg lays the words out with pango, as the painter does: the
        # picture matches the PNG export but for antialiasing (about 1 % of
        # pixels; without the words 3 % differ, with them 2 px off 4 %).
        for theme in ('light', 'dark'):
            themed_svg = os.path.join(tmp, f'{name}-{theme}.svg')
            png = os.path.join(tmp, f'{name}-{theme}.png')
            rendered = os.path.join(tmp, f'{name}-{theme}-rsvg.png')
            r = run('export', path, '-o', themed_svg, '--theme', theme)
            r_png = run('export', path, '-o', png, '--theme', theme)
            drawn = rsvg and subprocess.run([rsvg, themed_svg, '-o', rendered], capture_output=True).returncode == 0
            share = png_difference(rendered, png) if drawn else 1
            check(f'{name}: librsvg draws the {theme} SVG like the PNG export (≤ 2 % of pixels differ)',
                  r.returncode == r_png.returncode == 0 and share <= 0.02,
                  f'{share:.4f} of pixels differ' if rsvg else 'rsvg-convert is missing (librsvg2-bin)')

    # Titles are user input: markup, quotes, entities, control characters,
    # line breaks and right-to-left text all come out as the words they are.
    document = json.loads(read(samples[0]))
    hostile = 'A & B <script>alert("x")</script> \'q\' ]]> &amp; \u0001\u0007\u001b\u007f end'
    shown = 'A & B <script>alert("x")</script> \'q\' ]]> &amp;  end'
    document['title'] = hostile
    document['cards'][0]['title'] = hostile
    document['cards'][1]['title'] = 'שלום עולם and العربية'
    document['cards'][2]['title'] = 'Line one\nline two\r\nthree  spaced'
    path = os.path.join(tmp, 'hostile.waymark')
    with open(path, 'w') as f:
        json.dump(document, f)
    svg = os.path.join(tmp, 'hostile.svg')
    r = run('export', path, '-o', svg)
    root, error = parse(svg)
    check('hostile titles: the SVG parses as XML', r.returncode == 0 and root is not None, f'{r.stderr} {error}')
    if root is not None:
        title = root.find(f'{SVG}title')
        words = texts(root)
        check('hostile titles: the <title> holds the title, escaped', title is not None and title.text == shown,
              title is not None and title.text)
        check('hostile titles: the card title is one <text> run, escaped', shown in words,
              [w for w in words if 'script' in w])
        check('hostile titles: right-to-left words are kept', 'שלום עולם and العربية' in words)
        check('hostile titles: line breaks and runs of spaces are kept',
              'Line one\nline two\r\nthree  spaced' in words, [w for w in words if 'Line one' in w])
        check('hostile titles: nothing but the escaped text became markup',
              not list(root.iter(f'{SVG}script')) and not list(root.iter('script')))
    check('hostile titles: librsvg reads the SVG', rsvg and subprocess.run(
        [rsvg, svg, '-o', os.path.join(tmp, 'hostile.png')], capture_output=True).returncode == 0)

for line in sizes:
    print(f'# {line}', file=sys.stderr)
finish()
