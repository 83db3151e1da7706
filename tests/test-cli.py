#!/usr/bin/env python3
# The headless command line: waymark new | check | export, --help,
# --version and usage errors, run with no display at all. Prints TAP.
#   test-cli.py WAYMARK SOURCE_ROOT

import base64
import glob
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

waymark, source_root = sys.argv[1], sys.argv[2]
env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
results = []


def run(*args):
    return subprocess.run([waymark, *args], capture_output=True, text=True, env=env, timeout=60)


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def read(path):
    with open(path, 'rb') as f:
        return f.read()


templates = sorted(glob.glob(os.path.join(source_root, 'data', 'templates', '*.waymark')))
samples = sorted(glob.glob(os.path.join(source_root, 'data', 'samples', '*.waymark')))
kinds = ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint', 'custom']

r = run('--version')
check('--version prints the version', r.returncode == 0 and r.stdout.startswith('waymark '), r.stdout)
r = run('--help')
check('--help explains every command', r.returncode == 0 and all(c in r.stdout for c in ('new', 'check', 'export')))

for args in (['new'], ['new', '--template', 'someday', '-o', 'x.waymark'], ['check'],
             ['export', 'a.waymark'], ['export', 'a.waymark', 'b.waymark', '-o', 'c.waymark'],
             ['new', '--bogus']):
    r = run(*args)
    lines = r.stderr.strip().splitlines()
    check(f'usage error {" ".join(args)!r} exits 2 with one line', r.returncode == 2 and len(lines) == 1, r.stderr)

check('every map kind has a template', len(templates) == 4, templates)
check('there are at least four samples', len(samples) >= 4, samples)

with tempfile.TemporaryDirectory() as tmp:
    for kind in kinds:
        out = os.path.join(tmp, f'{kind}.waymark')
        r = run('new', '--template', kind, '-o', out)
        check(f'new --template {kind} writes a map', r.returncode == 0 and os.path.isfile(out), r.stderr)
        if not os.path.isfile(out):
            continue
        text = read(out).decode()
        check(f'the {kind} map says its kind', f'"kind": "{kind}"' in text)
        r = run('check', out)
        check(f'the new {kind} map passes check', r.returncode == 0 and r.stdout == '', r.stdout)
        again = os.path.join(tmp, f'{kind}-again.waymark')
        r = run('export', out, '-o', again)
        check(f'exporting the new {kind} map changes no byte', r.returncode == 0 and read(out) == read(again))

    # Two maps from one template never share an id.
    a, b = os.path.join(tmp, 'a.waymark'), os.path.join(tmp, 'b.waymark')
    run('new', '-t', 'current-state', '-o', a)
    run('new', '-t', 'current-state', '-o', b)
    id_line = lambda p: [l for l in read(p).decode().splitlines() if l.startswith('  "id"')][0]
    check('maps made from one template get their own ids', id_line(a) != id_line(b))

    for path in templates + samples:
        name = os.path.relpath(path, source_root)
        r = run('check', path)
        check(f'{name} passes check', r.returncode == 0 and r.stdout == '', r.stdout)
        out = os.path.join(tmp, 'round-trip.waymark')
        r = run('export', path, '-o', out)
        check(f'{name} round-trips byte for byte', r.returncode == 0 and read(path) == read(out), r.stderr)

    bad = os.path.join(source_root, 'tests', 'malformed', 'stage-name-number.waymark')
    worse = os.path.join(source_root, 'tests', 'malformed', 'newer-major-version.waymark')
    good = templates[0] if templates else bad
    r = run('check', bad, good, worse)
    lines = r.stdout.strip().splitlines()
    check('check prints one line per problem and exits 1',
          r.returncode == 1 and len(lines) == 2 and lines[0].startswith(bad + ': stages[2].name: expected text')
          and 'newer Waymark' in lines[1], r.stdout)

    several = os.path.join(source_root, 'tests', 'malformed', 'several-problems.waymark')
    r = run('check', several)
    lines = r.stdout.strip().splitlines()
    check('check goes on past the first problem', r.returncode == 1 and len(lines) >= 3
          and lines[0].endswith('stages[0].name: expected text, found a number')
          and any('lanes[0].kind' in l for l in lines) and any('cards[0].stage' in l for l in lines), r.stdout)

    r = run('check', os.path.join(tmp, 'missing.waymark'))
    check('check names a missing file', r.returncode == 1 and 'missing.waymark' in r.stdout, r.stdout)

    r = run('export', bad, '-o', os.path.join(tmp, 'out.waymark'))
    check('export of an invalid map fails with one line and writes nothing',
          r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
          and not os.path.exists(os.path.join(tmp, 'out.waymark')), r.stderr)

    r = run('export', good, '-o', os.path.join(tmp, 'no-such-dir', 'out.waymark'))
    check('export into a missing folder fails with one line', r.returncode == 1
          and len(r.stderr.strip().splitlines()) == 1, r.stderr)



# A photo is checked by its bytes: a kilobyte claiming 65,000 × 65,000
# pixels, or a picture of another format, is reported by `check`.
def png_header(width, height):
    ihdr = struct.pack('>II', width, height) + bytes([8, 6, 0, 0, 0])
    chunk = b'IHDR' + ihdr
    return (b'\x89PNG\r\n\x1a\n' + struct.pack('>I', len(ihdr)) + chunk
            + struct.pack('>I', zlib.crc32(chunk))).ljust(1024, b'\0')


def map_with_photo(media_type, photo):
    return json.dumps({'format': 'waymark', 'version': 1, 'id': 'm', 'title': 'T', 'kind': 'custom',
                       'personas': [{'id': 'p', 'name': 'P', 'photo': {
                           'media_type': media_type, 'data': base64.b64encode(photo).decode()}}],
                       'stages': [{'id': 's', 'name': 'S'}],
                       'lanes': [{'id': 'l', 'title': 'L', 'kind': 'text'}]})


with tempfile.TemporaryDirectory() as tmp:
    photos = {
        'huge': ('image/png', png_header(65000, 65000),
                 'personas[0].photo.data: the picture is 65000 × 65000 pixels; '
                 'Waymark takes pictures of at most 50 megapixels'),
        'svg': ('image/png', b'<svg xmlns="http://www.w3.org/2000/svg" width="65000" height="65000"/>',
                'personas[0].photo.data: not a PNG or JPEG picture'),
        'mislabelled': ('image/jpeg', png_header(10, 10),
                        'personas[0].photo.data: the picture is a PNG but is marked as “image/jpeg”'),
    }
    for name, (media_type, photo, problem) in photos.items():
        path = os.path.join(tmp, name + '.waymark')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(map_with_photo(media_type, photo))
        r = run('check', path)
        check(f'check reports a {name} photo', r.returncode == 1 and r.stdout == f'{path}: {problem}\n', r.stdout)
        r = run('export', path, '-o', os.path.join(tmp, name + '.png'))
        check(f'export refuses a map with a {name} photo', r.returncode == 1 and problem in r.stderr
              and not os.path.exists(os.path.join(tmp, name + '.png')), r.stderr)

print(f'1..{len(results)}')
for i, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
