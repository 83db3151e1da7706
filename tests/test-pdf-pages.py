#!/usr/bin/env python3
# What a reader of Waymark's PDFs gets, checked with poppler: tiled
# pages that cut no card and repeat the stage and lane names, --fit on
# one sheet, an outline (bookmarks) per stage, page and slide, the same
# bytes from run to run, slides in the chosen theme, and PNG's colour
# space and text chunks. Prints TAP.
#   test-pdf-pages.py WAYMARK SOURCE_ROOT

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zlib

sys.dont_write_bytecode = True
from waymarktest import check, finish, read  # noqa: E402 -- after the line above

waymark, source_root = sys.argv[1], sys.argv[2]
env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'SOURCE_DATE_EPOCH')}
hotel = os.path.join(source_root, 'data', 'samples', 'hotel-stay.waymark')
samples = [os.path.join(source_root, 'data', 'samples', name)
           for name in ('hotel-stay.waymark', 'software-purchase.waymark')]

if not all(shutil.which(tool) for tool in ('pdftotext', 'pdfinfo', 'pdftoppm')):
    print('1..0 # SKIP poppler-utils (pdftotext, pdfinfo, pdftoppm) is not installed')
    sys.exit(0)


def run(*args, epoch=None):
    run_env = dict(env, SOURCE_DATE_EPOCH=str(epoch)) if epoch is not None else env
    return subprocess.run([waymark, *args], capture_output=True, text=True, env=run_env, timeout=300)


def words(text):
    return ' '.join(text.replace('\u00ad', '').split()).replace('- ', '-')


def pdf_info(pdf):
    return subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout


def page_count(pdf):
    match = re.search(r'Pages:\s+(\d+)', pdf_info(pdf))
    return int(match.group(1)) if match else 0


def page_text(pdf, page):
    return words(subprocess.run(['pdftotext', '-raw', '-f', str(page), '-l', str(page), pdf, '-'],
                                capture_output=True, text=True).stdout)


def pdf_string(token):
    """The text of a PDF string token: (literal) or <hex>, UTF-16 with a BOM or PDFDocEncoding."""
    if token.startswith('<'):
        data = bytes.fromhex(token[1:-1])
    else:
        body = token[1:-1]
        body = re.sub(r'\\([0-7]{1,3})', lambda m: chr(int(m.group(1), 8)), body)
        body = re.sub(r'\\(.)', r'\1', body)
        data = body.encode('latin-1')
    if data.startswith(b'\xfe\xff'):
        return data[2:].decode('utf-16-be')
    return data.decode('latin-1')


def outline(pdf):
    """The titles of the outline's items, in the order the file holds them."""
    text = read(pdf).decode('latin-1')
    titles = []
    for body in re.findall(r'\d+ 0 obj(.*?)endobj', text, re.S):
        if '/Parent' in body and '/Dest' in body or '/Parent' in body and '/A ' in body:
            match = re.search(r'/Title\s*(<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))', body)
            if match:
                titles.append(pdf_string(match.group(1)))
    return titles


def structure(pdf):
    """The tagged structure's elements that hold text, as (tag, text), in order,
    or None when the PDF is not tagged."""
    if not re.search(r'Tagged:\s+yes', pdf_info(pdf)):
        return None
    out = subprocess.run(['pdfinfo', '-struct-text', pdf], capture_output=True, text=True).stdout
    elements = []
    for line in out.splitlines():
        match = re.match(r'\s*(\w+)(?: \((?:block|inline)\))?$', line)
        if match:
            elements.append([match.group(1), ''])
        elif line.strip().startswith('"') and elements:
            # A text of several lines comes a line at a time; ligatures
            # come as one character.
            text = unicodedata.normalize('NFKC', line.strip()[1:-1])
            elements[-1][1] = words(elements[-1][1] + ' ' + text)
    return [(tag, text) for tag, text in elements if text]


def check_tags(label, pdf, title, stage_names, card_titles):
    """The map's title the top heading, stage names headings below it,
    card titles paragraphs."""
    elements = structure(pdf)
    check(f'{label} is tagged', elements, pdf_info(pdf))
    elements = elements or []
    headings = [(tag, text) for tag, text in elements if re.fullmatch(r'H\d?', tag)]

    # Poppler gives an element's text up to the first break that cairo
    # marks inside it (a wrapped line, a ligature), so its beginning.
    def opens(tag, whole):
        whole = words(whole)
        return any(t == tag and text and whole.startswith(text) for t, text in elements)
    check(f'{label}: the map\'s title is its first and top heading',
          headings and headings[0][0] == 'H1' and words(title).startswith(headings[0][1]), headings[:3])
    missing = [name for name in stage_names if not opens('H2', name)]
    check(f'{label}: every stage name is a second-level heading', headings and not missing, missing)
    missing = [t for t in card_titles if not opens('P', t)]
    check(f'{label}: card titles are paragraphs', elements and not missing, missing[:5])


def corner_brightness(pdf):
    """The mean of the red, green and blue of the first slide's top left pixel."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-r', '9', '-f', '1', '-l', '1', pdf, os.path.join(tmp, 'p')], check=True)
        data = read(os.path.join(tmp, os.listdir(tmp)[0]))
    # A binary PPM: P6, width, height, maximum, then the pixels.
    header = re.match(rb'P6\s+\d+\s+\d+\s+\d+\s', data)
    return sum(data[header.end():header.end() + 3]) / 3


def png_chunks(path):
    data = read(path)
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack('>I4s', data[offset:offset + 8])
        chunks.append((kind.decode('ascii'), data[offset + 8:offset + 8 + length]))
        offset += 12 + length
    return chunks


def png_text(chunks):
    found = {}
    for kind, body in chunks:
        if kind == 'tEXt':
            key, value = body.split(b'\0', 1)
            found[key.decode('latin-1')] = value.decode('latin-1')
        elif kind == 'iTXt':
            key, rest = body.split(b'\0', 1)
            compressed, rest = rest[0], rest[2:]
            _, rest = rest.split(b'\0', 1)
            _, value = rest.split(b'\0', 1)
            found[key.decode('latin-1')] = (zlib.decompress(value) if compressed else value).decode('utf-8')
    return found


def check_tiles(tmp, sample, size):
    """Each card whole on one page, with its stage's and lane's names on that page."""
    name = os.path.splitext(os.path.basename(sample))[0]
    document = json.loads(read(sample))
    stages = {stage['id']: stage['name'] for stage in document['stages']}
    lanes = {lane['id']: lane for lane in document['lanes']}
    pdf = os.path.join(tmp, f'{name}-{size}.pdf')
    r = run('export', sample, '-o', pdf, '--page-size', size)
    pages = page_count(pdf) if r.returncode == 0 else 0
    texts = [page_text(pdf, page) for page in range(1, pages + 1)]
    check(f'{name}: a tiled {size} export has several pages', pages > 1, r.stderr)

    # Titles of three words or more that no other text holds, so that
    # finding one on a page means the card is there.
    everything = [card['title'] for card in document['cards']] + list(stages.values()) + \
                 [lane.get('title', '') for lane in lanes.values()]
    cards = [card for card in document['cards']
             if len(card['title'].split()) >= 3 and not lanes[card['lane']].get('collapsed')
             and sum(words(card['title']) in words(other) for other in everything) == 1]
    split, lost, unnamed = [], [], []
    for card in cards:
        on = [i for i, text in enumerate(texts) if words(card['title']) in text]
        if len(on) > 1:
            split.append((card['title'], [i + 1 for i in on]))
        elif not on:
            lost.append(card['title'])
        else:
            text = texts[on[0]]
            for label in (stages[card['stage']], lanes[card['lane']].get('title')):
                if label and words(label) not in text:
                    unnamed.append((card['title'], on[0] + 1, label))
    check(f'{name}: no card of a tiled {size} export is cut across pages', cards and not split and not lost,
          (split, lost))
    check(f'{name}: every page of a tiled {size} export names the stages and lanes of its cards',
          cards and not unnamed, unnamed[:5])

    # The map's title whole on the first page: no later page begins a line
    # with the rest of it. (pdftotext reads the first page's title whole
    # even when its clip hides the end.)
    title = words(document['title'])
    tails = [title[i:] for i in range(1, len(title) - 3)]
    cut = [(page + 1, line) for page in range(1, pages)
           for line in subprocess.run(['pdftotext', '-raw', '-f', str(page + 1), '-l', str(page + 1), pdf, '-'],
                                      capture_output=True, text=True).stdout.splitlines()
           if words(line) in tails]
    check(f'{name}: no page of a tiled {size} export cuts through the map\'s title', pages and not cut, cut)

    # "row r, column c" at each foot, row by row.
    marks = [re.search(r'page (\d+) of (\d+) \(row (\d+), column (\d+)\)', text) for text in texts]
    columns = max((int(m.group(4)) for m in marks if m), default=0)
    wrong = [i + 1 for i, m in enumerate(marks)
             if not m or (int(m.group(3)), int(m.group(4))) != (i // columns + 1, i % columns + 1)]
    check(f'{name}: each page of a tiled {size} export says its row and column', pages and not wrong, wrong)
    return pdf


with tempfile.TemporaryDirectory() as tmp:
    document = json.loads(read(hotel))
    stage_names = [stage['name'] for stage in document['stages']]

    tiled = {(sample, size): check_tiles(tmp, sample, size) for sample in samples
             for size in ('A4', 'A3', 'Letter')}
    tiled = tiled[(hotel, 'A3')]

    # The outline: a page per entry, the stages beneath the pages that show
    # their headers, and the map's title as the document's.
    titles = outline(tiled)
    pages = page_count(tiled)
    check('a tiled PDF has an outline entry per page and per stage',
          [t for t in titles if t.startswith('Page ')] == [t for t in titles if re.match(r'Page \d+ \(row', t)]
          and len([t for t in titles if t.startswith('Page ')]) == pages
          and [t for t in titles if not t.startswith('Page ')] == stage_names, titles)
    check('the PDF\'s title is the map\'s', re.search(r'Title:\s+(.*)', pdf_info(tiled)).group(1) == document['title'],
          pdf_info(tiled))

    whole = os.path.join(tmp, 'whole.pdf')
    r = run('export', hotel, '-o', whole)
    check('a one-page map PDF has an outline entry per stage', r.returncode == 0 and outline(whole) == stage_names,
          outline(whole))

    # Tagged structure, for screen readers and reflow.
    card_titles = [card['title'] for card in document['cards']
                   if not any(lane['id'] == card['lane'] and lane.get('collapsed') for lane in document['lanes'])]
    check_tags('a one-page map PDF', whole, document['title'], stage_names, card_titles)
    check_tags('a tiled PDF', tiled, document['title'], stage_names, card_titles)

    deck = os.path.join(tmp, 'deck.pdf')
    r = run('export', hotel, '-o', deck, '--slides')
    check_tags('a slide deck', deck, document['title'], stage_names, [])
    titles = outline(deck)
    check('a slide deck has an outline entry per slide, the title first and the overview last',
          r.returncode == 0 and len(titles) == page_count(deck) and titles[0] == document['title']
          and titles[-1] == 'Overview' and all(any(t.startswith(n) for t in titles) for n in stage_names), titles)

    # --fit: the whole map on one sheet, turned to the map's shape.
    fitted = os.path.join(tmp, 'fit.pdf')
    r = run('export', hotel, '-o', fitted, '--page-size', 'A3', '--fit')
    info = pdf_info(fitted)
    text = page_text(fitted, 1) if r.returncode == 0 else ''
    missing = [t for t in stage_names + [card['title'] for card in document['cards']] if words(t) not in text]
    check('--fit puts the whole map on one A3 page', r.returncode == 0 and page_count(fitted) == 1
          and re.search(r'(841\.89 x 1190\.55|1190\.55 x 841\.89) pts', info) and not missing, (r.stderr, missing))
    fitted = os.path.join(tmp, 'fit-a4.pdf')
    r = run('export', hotel, '-o', fitted, '--fit')
    check('--fit alone fits the map on one A4 page', r.returncode == 0 and page_count(fitted) == 1
          and re.search(r'(595\.28 x 841\.89|841\.89 x 595\.28) pts', pdf_info(fitted)), r.stderr)
    for args, why in ((['-o', os.path.join(tmp, 'x.svg'), '--fit'], 'anything but PDF'),
                      (['-o', os.path.join(tmp, 'x.pdf'), '--fit', '--page-size', 'fit'], 'the one-large-page size'),
                      (['-o', os.path.join(tmp, 'x.pdf'), '--fit', '--slides'], 'slides')):
        r = run('export', hotel, *args)
        check(f'--fit refuses {why} with exit 2 and one line',
              r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr)

    # The same map gives the same bytes: PDFs when SOURCE_DATE_EPOCH fixes
    # their dates, pictures always.
    for label, args in (('tiled PDF', ['--page-size', 'A3']), ('one-page PDF', []), ('fitted PDF', ['--fit']),
                        ('slide deck', ['--slides'])):
        outputs = []
        for i in range(2):
            out = os.path.join(tmp, f'same-{i}.pdf')
            r = run('export', hotel, '-o', out, *args, epoch=1700000000)
            outputs.append(read(out) if r.returncode == 0 else i)
        check(f'a {label} is byte-identical across runs with SOURCE_DATE_EPOCH', outputs[0] == outputs[1])
    check('SOURCE_DATE_EPOCH sets the PDF\'s dates',
          re.search(r'CreationDate:.*Nov 14 22:13:20 2023', pdf_info(os.path.join(tmp, 'same-1.pdf'))),
          pdf_info(os.path.join(tmp, 'same-1.pdf')))
    for extension in ('png', 'svg'):
        outputs = []
        for i in range(2):
            out = os.path.join(tmp, f'same-{i}.{extension}')
            r = run('export', hotel, '-o', out)
            outputs.append(read(out) if r.returncode == 0 else i)
        check(f'the {extension.upper()} export is byte-identical across runs', outputs[0] == outputs[1])

    # Slides follow --theme, light unless dark is asked for.
    brightness = {}
    for theme in ('default', 'light', 'dark'):
        out = os.path.join(tmp, f'slides-{theme}.pdf')
        r = run('export', hotel, '-o', out, '--slides', *([] if theme == 'default' else ['--theme', theme]))
        brightness[theme] = corner_brightness(out) if r.returncode == 0 else -1
    check('slides are light by default and dark with --theme dark',
          brightness['default'] > 200 and brightness['light'] > 200 and 0 <= brightness['dark'] < 60, brightness)

    # PNG: sRGB, and the map's title and the program as text.
    png = os.path.join(tmp, 'map.png')
    r = run('export', hotel, '-o', png)
    chunks = png_chunks(png) if r.returncode == 0 else []
    kinds = [kind for kind, _ in chunks]
    text = png_text(chunks)
    check('a PNG says it is sRGB, before its pixels', 'sRGB' in kinds and kinds.index('sRGB') < kinds.index('IDAT'),
          kinds)
    check('a PNG carries the map\'s title and the program as text',
          text.get('Title') == document['title'] and text.get('Software', '').startswith('Waymark'), text)
    unicode_map = dict(document, title='Café “Zürich” — 東京')
    unicode_path = os.path.join(tmp, 'unicode.waymark')
    with open(unicode_path, 'w') as f:
        json.dump(unicode_map, f)
    r = run('export', unicode_path, '-o', png)
    check('a title beyond ASCII survives in the PNG\'s text',
          r.returncode == 0 and png_text(png_chunks(png)).get('Title') == unicode_map['title'], r.stderr)

finish()
