#!/usr/bin/env python3
# A card picture's alternative text reaches a PDF's reader: each picture
# with alt text is a Figure in the structure tree whose /Alt is that
# text, in the map's order, in the one-page, tiled and slide exports.
# Cairo cannot write /Alt, so Waymark appends an incremental update; the
# file is parsed here as a reader does, from the last cross-reference
# section back through /Prev, and must still read in poppler. Prints TAP.
#   test-pdf-alt.py WAYMARK SOURCE_ROOT

import base64
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.dont_write_bytecode = True
from waymarktest import check, finish, read, runner  # noqa: E402 -- after the line above

waymark, source_root = sys.argv[1], sys.argv[2]
run = runner(waymark, 300)

if not all(shutil.which(tool) for tool in ('pdftotext', 'pdfinfo')):
    print('1..0 # SKIP poppler-utils (pdftotext, pdfinfo) is not installed')
    sys.exit(0)

ALTS = ['one (a sketch)', 'Café in Zürich — “東京”', 'three \\ (back)slash']


def png(width, height, rgb):
    rows = b''.join(b'\x00' + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))


def map_with_pictures(path):
    """The hotel sample with a picture on the first card of four stages in
    one lane, left to right: three with ALTS, the last with none."""
    with open(os.path.join(source_root, 'data', 'samples', 'hotel-stay.waymark')) as f:
        document = json.load(f)
    data = base64.b64encode(png(8, 6, (200, 40, 40))).decode('ascii')
    lane, stages, picked = document['cards'][0]['lane'], set(), []
    for card in document['cards']:
        if card['lane'] == lane and card['stage'] not in stages:
            stages.add(card['stage'])
            picked.append(card)
    for card, alt in zip(picked[:4], ALTS + [None]):
        card['picture'] = {'media_type': 'image/png', 'data': data}
        if alt:
            card['picture']['alt'] = alt
    with open(path, 'w') as f:
        json.dump(document, f)
    return picked[3]['title']


# A small PDF reader: enough of PDF 1.7 (7.3, 7.5) for cairo's files.
TOKEN = re.compile(rb'\s*(<<|>>|\[|\]|/[^\s/<>\[\]()]*|\d+ \d+ R|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|[^\s/<>\[\]()]+)',
                   re.S)


def parse_value(data, pos):
    match = TOKEN.match(data, pos)
    token, pos = match.group(1), match.end()
    if token == b'<<':
        value = {}
        while True:
            match = TOKEN.match(data, pos)
            if match.group(1) == b'>>':
                return value, match.end()
            key, pos = parse_value(data, pos)
            value[key], pos = parse_value(data, pos)
    if token == b'[':
        value = []
        while True:
            match = TOKEN.match(data, pos)
            if match.group(1) == b']':
                return value, match.end()
            item, pos = parse_value(data, pos)
            value.append(item)
    if token.endswith(b' R'):
        return ('ref', int(token.split()[0])), pos
    if token.startswith(b'/'):
        return token[1:].decode('latin-1'), pos
    if token.startswith(b'(') or token.startswith(b'<'):
        return ('string', text_string(token)), pos
    return token.decode('latin-1'), pos


def text_string(token):
    if token.startswith(b'<'):
        data = bytes.fromhex(token[1:-1].decode('ascii'))
    else:
        escapes = {b'n': b'\n', b'r': b'\r', b't': b'\t', b'b': b'\b', b'f': b'\f'}
        data = re.sub(rb'\\([0-7]{1,3}|.)', lambda m: bytes([int(m.group(1), 8)]) if m.group(1).isdigit()
                      else escapes.get(m.group(1), m.group(1)), token[1:-1], flags=re.S)
    return data[2:].decode('utf-16-be') if data.startswith(b'\xfe\xff') else data.decode('latin-1')


class Pdf:
    def __init__(self, data):
        self.data, self.offsets, self.trailers = data, {}, []
        start = int(re.findall(rb'startxref\s+(\d+)\s+%%EOF', data)[-1])
        while start is not None:
            pos = start
            assert data[pos:pos + 4] == b'xref', f'no xref at {start}'
            pos += 4
            while True:
                header = re.compile(rb'\s*(\d+) (\d+)\s*\n').match(data, pos)
                if not header:
                    break
                first, count = int(header.group(1)), int(header.group(2))
                pos = header.end()
                for i in range(count):
                    entry = data[pos:pos + 20]
                    assert len(entry) == 20 and entry[18:20] in (b' \n', b'\r\n', b' \r'), entry
                    if entry[17:18] == b'n':
                        self.offsets.setdefault(first + i, int(entry[:10]))
                    pos += 20
            trailer_at = data.index(b'trailer', pos)
            trailer, _ = parse_value(data, trailer_at + len(b'trailer'))
            self.trailers.append(trailer)
            start = int(trailer['Prev']) if 'Prev' in trailer else None

    def object(self, number):
        match = re.compile(rb'(\d+) 0 obj').match(self.data, self.offsets[number])
        assert match and int(match.group(1)) == number, f'object {number} is not at its offset'
        return parse_value(self.data, match.end())[0]

    def resolve(self, value):
        return self.object(value[1]) if isinstance(value, tuple) and value[0] == 'ref' else value

    def figures(self):
        """The /Alt of each Figure element, in the structure tree's order
        (None for a Figure without one)."""
        catalog = self.object(self.trailers[0]['Root'][1])
        alts = []

        def walk(element):
            element = self.resolve(element)
            if not isinstance(element, dict):
                return
            if element.get('S') == 'Figure':
                alt = element.get('Alt')
                alts.append(alt[1] if alt else None)
            kids = element.get('K', [])
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid)
        walk(catalog['StructTreeRoot'])
        return alts


def poppler(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True)
    text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True)
    return info, text


with tempfile.TemporaryDirectory() as tmp:
    source = os.path.join(tmp, 'pictures.waymark')
    plain_title = map_with_pictures(source)
    for label, options in (('one-page PDF', []), ('A4 tiled PDF', ['--page-size', 'a4']),
                           ('slides', ['--slides'])):
        out = os.path.join(tmp, 'out.pdf')
        r = run('export', source, '-o', out, *options)
        check(f'{label}: exports', r.returncode == 0, r.stderr)
        if r.returncode != 0:
            continue
        info, text = poppler(out)
        check(f'{label}: poppler reads it, tagged, without complaint',
              info.returncode == 0 and re.search(r'Tagged:\s+yes', info.stdout) and not info.stderr,
              info.stdout + info.stderr)
        check(f'{label}: its text still reads', text.returncode == 0 and 'Pre-arrival email' in text.stdout
              and not text.stderr, text.stderr)
        if shutil.which('qpdf'):
            qpdf = subprocess.run(['qpdf', '--check', out], capture_output=True, text=True)
            check(f'{label}: qpdf finds no error', qpdf.returncode == 0, qpdf.stdout + qpdf.stderr)
        data = read(out)
        try:
            pdf = Pdf(data)
            figures = pdf.figures()
        except (AssertionError, KeyError, ValueError, IndexError, AttributeError) as e:
            pdf, figures = None, [f'unreadable: {e!r}']
        # The slides show a stage's pictures on its slide and again on
        # another; each time in the map's order.
        expected = ALTS * (len(figures) // len(ALTS)) if label == 'slides' else ALTS
        check(f'{label}: each picture with alt text is a Figure whose /Alt is that text, in order',
              figures == expected and figures, figures)
        check(f'{label}: a picture without alt text has no Figure', None not in figures
              and plain_title, figures)
        if pdf is not None:
            # Cairo's file is kept whole: the update comes after its end
            # and points back at its cross-reference section.
            first_end = data.index(b'%%EOF') + len(b'%%EOF\n')
            first_xref = int(re.findall(rb'startxref\s+(\d+)', data[:first_end])[-1])
            check(f'{label}: the alt text is an incremental update after cairo\'s unchanged file',
                  len(pdf.trailers) == 2 and int(pdf.trailers[0]['Prev']) == first_xref
                  and pdf.trailers[0]['Root'] == pdf.trailers[1]['Root']
                  and pdf.trailers[0].get('Info') == pdf.trailers[1].get('Info')
                  and b'/Alt' not in data[:first_end], pdf.trailers)

    # A map whose pictures have no alt text gets no update at all.
    with open(source) as f:
        document = json.load(f)
    for card in document['cards']:
        card.get('picture', {}).pop('alt', None)
    with open(source, 'w') as f:
        json.dump(document, f)
    out = os.path.join(tmp, 'plain.pdf')
    r = run('export', source, '-o', out)
    data = read(out) if r.returncode == 0 else b''
    check('pictures without alt text add nothing to the PDF',
          data.count(b'%%EOF') == 1 and b'/Figure' not in data, r.stderr)

finish()
