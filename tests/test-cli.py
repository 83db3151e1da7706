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

sys.dont_write_bytecode = True
from waymarktest import check, env, finish, read, runner  # noqa: E402 -- after the line above

waymark, source_root = sys.argv[1], sys.argv[2]
run = runner(waymark, 60)


templates = sorted(glob.glob(os.path.join(source_root, 'data', 'templates', '*.waymark')))
samples = sorted(glob.glob(os.path.join(source_root, 'data', 'samples', '*.waymark')))
kinds = ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint', 'custom']

r = run('--version')
check('--version prints the version', r.returncode == 0 and r.stdout.startswith('waymark '), r.stdout)
r = run('--help')
check('--help explains every command', r.returncode == 0 and all(c in r.stdout for c in ('new', 'check', 'export')))
check('--help says a template may be one of the user\'s own', 'name of one of your templates' in r.stdout, r.stdout)

for args in (['new'], ['new', '--template', 'someday', '-o', 'x.waymark'], ['check'],
             ['export', 'a.waymark'], ['export', 'a.waymark', 'b.waymark', '-o', 'c.waymark'],
             ['new', '--bogus']):
    r = run(*args)
    lines = r.stderr.strip().splitlines()
    check(f'usage error {" ".join(args)!r} exits 2 with one line', r.returncode == 2 and len(lines) == 1, r.stderr)

check('every map kind has a template, and there is a blank map', len(templates) == 5
      and any(t.endswith('blank.waymark') for t in templates), templates)
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

    # The blank map: three stages to name, the common lanes, one persona,
    # no cards; its kind is custom, and "custom" makes the same map.
    blank = os.path.join(tmp, 'blank.waymark')
    r = run('new', '--template', 'blank', '-o', blank)
    made = json.loads(read(blank)) if r.returncode == 0 else {}
    check('new --template blank writes an empty map with three stages and one persona',
          made.get('kind') == 'custom' and made.get('title') == '' and len(made.get('stages', [])) == 3
          and len(made.get('personas', [])) == 1 and made.get('cards') == []
          and {'customer-actions', 'touchpoints', 'pain-points', 'opportunities'} <= {l['kind'] for l in made.get('lanes', [])},
          r.stderr)
    custom = json.loads(read(os.path.join(tmp, 'custom.waymark')))
    check('the custom kind starts from the blank map, not another template',
          custom['cards'] == [] and custom['title'] == '')

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

    # A file cannot drive the terminal through check's or export's
    # messages: what they quote from it shows its control characters
    # escaped, and so does a hostile file name.
    with open(good, encoding='utf-8') as f:
        hostile = json.load(f)
    hostile['stages'][0]['color'] = '\x1b]0;pwned\x07\x1b[2J\u202e\u0085\x7f'
    hostile['lanes'][0]['kind'] = 'line\nbreak\x1b[H'
    evil = os.path.join(tmp, 'evil\x1b[2J.waymark')
    with open(evil, 'w', encoding='utf-8') as f:
        json.dump(hostile, f)

    def controls(text):
        return [c for c in text.rstrip('\n').replace('\n', '') if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f
                or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]

    r = run('check', evil)
    check('check escapes control characters quoted from a file', r.returncode == 1
          and not controls(r.stdout) and '\\x1b]0;pwned\\x07\\x1b[2J\\u202e\\u0085\\x7f' in r.stdout
          and 'line\\nbreak\\x1b[H' in r.stdout and 'evil\\x1b[2J.waymark' in r.stdout
          and all(l.startswith(evil.replace('\x1b', '\\x1b') + ': ') for l in r.stdout.splitlines()), repr(r.stdout))
    r = run('export', evil, '-o', os.path.join(tmp, 'evil-out.waymark'))
    check('export escapes control characters in its message', r.returncode == 1
          and not controls(r.stderr) and len(r.stderr.splitlines()) == 1 and '\\x1b' in r.stderr, repr(r.stderr))

    # An import that would make a map too large to open writes nothing.
    huge = os.path.join(tmp, 'huge.csv')
    with open(huge, 'wb') as f:
        f.write(b'stage,lane,title,text\r\nS,Steps,T,' + b'\x01' * (15 * 1024 * 1024) + b'\r\n')
    out = os.path.join(tmp, 'huge.waymark')
    r = run('import', huge, '-o', out)
    check('import refuses a map larger than Waymark opens and writes nothing', r.returncode == 1
          and 'more than the 64 MB Waymark opens' in r.stderr and len(r.stderr.splitlines()) == 1
          and not os.path.exists(out), r.stderr)
    small = os.path.join(tmp, 'small.csv')
    with open(small, 'w', encoding='utf-8') as f:
        f.write('stage,lane,title\r\nS,Steps,=1+1\r\n')
    r = run('import', small, '-o', out)
    check('import writes a map that passes check', r.returncode == 0
          and run('check', out).returncode == 0 and '"title": "=1+1"' in read(out).decode(), r.stderr)

    # --bom starts a CSV with the byte-order mark spreadsheets look for to
    # read UTF-8; the import skips it and gets the same cards back.
    sample = next(path for path in samples if 'hotel' in path)
    plain, marked = os.path.join(tmp, 'plain.csv'), os.path.join(tmp, 'marked.csv')
    r1, r2 = run('export', sample, '-o', plain), run('export', sample, '-o', marked, '--bom')
    check('export --bom writes the CSV after a byte-order mark', r1.returncode == 0 and r2.returncode == 0
          and not read(plain).startswith(b'\xef\xbb\xbf') and read(marked) == b'\xef\xbb\xbf' + read(plain),
          r1.stderr + r2.stderr)
    again = [os.path.join(tmp, 'plain.waymark'), os.path.join(tmp, 'marked.waymark')]
    r1, r2 = run('import', plain, '-o', again[0]), run('import', marked, '-o', again[1])
    check('a CSV with a byte-order mark imports to the same cards', r1.returncode == 0 and r2.returncode == 0
          and [c['title'] for c in json.loads(read(again[0]))['cards']]
          == [c['title'] for c in json.loads(read(again[1]))['cards']] != [],
          r1.stderr + r2.stderr)
    r = run('export', sample, '-o', os.path.join(tmp, 'x.pdf'), '--bom')
    check('export --bom for a PDF is a usage error', r.returncode == 2 and 'CSV only' in r.stderr, r.stderr)

    # Only regular files are read: a pipe would block, a device never end.
    fifo = os.path.join(tmp, 'pipe.csv')
    os.mkfifo(fifo)
    zero = os.path.join(tmp, 'zero.mmd')
    os.symlink('/dev/zero', zero)
    for path, kind in ((fifo, 'a pipe'), (zero, 'a device'), ('/dev/zero', 'a device'), (fifo, 'a pipe')):
        command = 'check' if path == '/dev/zero' else 'import'
        r = run(command, path, *(['-o', os.path.join(tmp, 'never.waymark')] if command == 'import' else []))
        check(f'{command} refuses {path.rsplit("/", 1)[-1]}, {kind}, at once', r.returncode == 1
              and f'is {kind}, not a file that can be opened' in r.stdout + r.stderr
              and not os.path.exists(os.path.join(tmp, 'never.waymark')), r.stdout + r.stderr)


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


def test_safe_writes():
    """The real binary under a file size limit, through links, and killed:
    the previous file always survives whole."""
    import random
    import shutil
    import signal
    import time

    prlimit = shutil.which('prlimit')
    sample = os.path.join(source_root, 'data', 'samples', 'gym-membership.waymark')
    old = b'the previous export, which must survive\n'

    def limited(size, *args):
        return subprocess.run([prlimit, f'--fsize={size}', '--', waymark, *args],
                              capture_output=True, text=True, env=env, timeout=60)

    def names(folder):
        return sorted(os.listdir(folder))

    with tempfile.TemporaryDirectory() as tmp:
        real_dir, link_dir = os.path.join(tmp, 'real'), os.path.join(tmp, 'links')
        os.mkdir(real_dir)
        os.mkdir(link_dir)
        real = os.path.join(real_dir, 'map.png')
        link = os.path.join(link_dir, 'map.png')
        os.symlink('../real/map.png', link)
        reference = os.path.join(tmp, 'reference.png')
        r = run('export', sample, '-o', reference)
        check('a PNG export is written', r.returncode == 0 and read(reference).startswith(b'\x89PNG'), r.stderr)

        if prlimit is None:
            check('prlimit is there for the file size tests # SKIP no prlimit', True)
        else:
            with open(real, 'wb') as f:
                f.write(old)
            for target, what in ((real, 'a file'), (link, 'a file through a link')):
                r = limited(65536, 'export', sample, '-o', target)
                check(f'export onto {what} past the file size limit fails with one line naming it',
                      r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
                      and 'map.png' in r.stderr, r.stderr)
                check(f'export onto {what} past the file size limit keeps the old file',
                      read(real) == old and names(real_dir) == ['map.png'])
            check('the link is still a link', os.readlink(link) == '../real/map.png')

            hard = os.path.join(real_dir, 'hard.png')
            os.link(real, hard)
            r = limited(65536, 'export', sample, '-o', hard)
            check('export onto a hard link past the file size limit keeps both names whole',
                  r.returncode == 1 and read(real) == old and read(hard) == old, r.stderr)
            os.unlink(hard)

            fresh = os.path.join(real_dir, 'fresh.png')
            r = limited(65536, 'export', sample, '-o', fresh)
            check('a failed export leaves no fragment under a new name',
                  r.returncode == 1 and names(real_dir) == ['map.png'], names(real_dir))

            new_map = os.path.join(real_dir, 'new.waymark')
            with open(new_map, 'wb') as f:
                f.write(old)
            r = limited(1024, 'new', '-t', 'custom', '-o', new_map)
            check('new past the file size limit keeps the old file',
                  r.returncode == 1 and read(new_map) == old, r.stderr)
            os.unlink(new_map)

        r = run('export', sample, '-o', link)
        check('export through a link writes the link\'s target and keeps the link',
              r.returncode == 0 and os.path.islink(link) and read(real) == read(reference), r.stderr)

        # Killed at random points: the old file or the new one, whole.
        with open(real, 'wb') as f:
            f.write(old)
        rng = random.Random(12)
        mixed = []
        for i in range(15):
            p = subprocess.Popen([waymark, 'export', sample, '-o', link], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, 0.8))
            p.send_signal(signal.SIGKILL)
            p.wait()
            content = read(real)
            if content not in (old, read(reference)):
                mixed.append(f'round {i}: {len(content)} bytes')
            for name in names(real_dir):
                # A complete hidden copy is the one thing a kill between
                # link and rename may leave (see wm-safe-file.c).
                if name != 'map.png' and not (name.startswith('.map.png.')
                                              and read(os.path.join(real_dir, name)) == read(reference)):
                    mixed.append(f'round {i}: stray {name}')
        check('export killed at random points leaves the old or the new file, whole', not mixed, mixed)


def health_map(**changes):
    """A small map the health check finds nothing wrong with, changed by CHANGES."""
    document = {
        'format': 'waymark', 'version': 1, 'id': 'm', 'title': 'Bikes', 'goal': 'Find where buyers give up',
        'kind': 'current-state',
        'personas': [{'id': 'p1', 'name': 'Ana', 'goals': ['Ride to work']}],
        'stages': [{'id': 's1', 'name': 'Trial', 'customers': 1000}, {'id': 's2', 'name': 'Buy', 'customers': 400}],
        'lanes': [{'id': 'acts', 'title': 'Actions', 'kind': 'customer-actions'},
                  {'id': 'pains', 'title': 'Pains', 'kind': 'pain-points'},
                  {'id': 'opps', 'title': 'Ideas', 'kind': 'opportunities'},
                  {'id': 'feel', 'title': 'Feelings', 'kind': 'emotions'}],
        'cards': [{'id': 'a1', 'stage': 's1', 'lane': 'acts', 'title': 'Tries it', 'span': 2},
                  {'id': 'pain1', 'stage': 's1', 'lane': 'pains', 'title': 'Slow setup', 'impact': 4,
                   'effort': 2, 'status': 'planned', 'owner': 'Product'},
                  {'id': 'opp1', 'stage': 's1', 'lane': 'opps', 'title': 'Setup wizard', 'owner': 'Product'}],
        'emotions': [{'persona': 'p1', 'points': [{'id': 'e1', 'stage': 's1', 'score': 2},
                                                  {'id': 'e2', 'stage': 's2', 'score': 4}]}],
    }
    document.update(changes)
    return document


def test_health():
    """`waymark check --health`: lines or JSON, exit 0, 1 or 2, text escaped."""
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, document):
            path = os.path.join(tmp, name)
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(document, f)
            return path

        healthy = write('healthy.waymark', health_map())
        r = run('check', '--health', healthy)
        check('check --health passes a healthy map silently', r.returncode == 0 and r.stdout == '' and r.stderr == '',
              r.stdout + r.stderr)
        r = run('check', '--health', '--json', healthy)
        check('check --health --json prints an empty list for a healthy map',
              r.returncode == 0 and json.loads(r.stdout) == [] and r.stderr == '', r.stdout + r.stderr)

        cards = health_map()['cards'] + [{'id': 'pain2', 'stage': 's2', 'lane': 'pains', 'title': 'Hidden fees'}]
        sick = write('sick.waymark', health_map(cards=cards, goal=''))
        r = run('check', '--health', healthy, sick)
        check('check --health prints one line per finding and exits 1', r.returncode == 1 and r.stdout.splitlines() == [
            f'{sick}: map has no goal',
            f'{sick}: stage “Buy”: pain point “Hidden fees” has no opportunity',
        ], r.stdout)

        r = run('check', '--health', '--json', sick, healthy)
        try:
            findings = json.loads(r.stdout)
        except ValueError:
            findings = None
        check('check --health --json prints the findings as a JSON list', r.returncode == 1 and findings is not None
              and [(f['file'], f['rule'], f['element']) for f in findings] == [
                  (sick, 'no-goal', 'm'), (sick, 'pain-point-without-opportunity', 'pain2')]
              and findings[1]['message'] == 'stage “Buy”: pain point “Hidden fees” has no opportunity'
              and all(f['hint'] and f['explanation'] for f in findings), r.stdout)

        # Text from the file shows its control characters escaped, in lines
        # and in JSON alike, and so does a hostile file name.
        hostile_cards = cards[:3] + [dict(cards[3], title='Fees\x1b]0;pwned\x07\u202e')]
        evil = write('evil\x1b[2J.waymark', health_map(cards=hostile_cards))
        evil_shown = evil.replace('\x1b', '\\x1b')
        r = run('check', '--health', evil)
        check('check --health escapes control characters', r.returncode == 1
              and r.stdout == f'{evil_shown}: stage “Buy”: pain point “Fees\\x1b]0;pwned\\x07\\u202e” has no opportunity\n',
              repr(r.stdout))
        r = run('check', '--health', '--json', evil)
        shown = json.loads(r.stdout) if r.returncode == 1 else []
        check('check --health --json escapes control characters', len(shown) == 1
              and shown[0]['message'] == 'stage “Buy”: pain point “Fees\\x1b]0;pwned\\x07\\u202e” has no opportunity'
              and shown[0]['file'] == evil_shown, r.stdout)

        # A map that does not load is reported; JSON output stays JSON.
        bad = os.path.join(source_root, 'tests', 'malformed', 'card-bad-status.waymark')
        r = run('check', '--health', bad)
        check('check --health reports a map that cannot be loaded', r.returncode == 1
              and r.stdout.startswith(bad + ': cards[0].status: “blocked” is not a known value'), r.stdout)
        r = run('check', '--health', '--json', bad, sick)
        check('check --health --json reports a broken map on standard error', r.returncode == 1
              and len(json.loads(r.stdout)) == 2 and 'blocked' in r.stderr, r.stdout + r.stderr)

        for args in (['check', '--health'], ['check', '--json', healthy], ['check', '--health', '--bogus', healthy]):
            r = run(*args)
            check(f'usage error {" ".join(args)!r} exits 2 with one line',
                  r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and r.stdout == '', r.stderr)

        # Every shipped sample is a finished map and still loads for the check.
        for path in samples:
            r = run('check', '--health', path)
            check(f'check --health runs on {os.path.basename(path)}', r.returncode in (0, 1) and r.stderr == '', r.stderr)


def test_user_templates():
    """new --template takes a built-in kind, then a user's template by name, then a file."""
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, 'data')
        folder = os.path.join(data, 'waymark', 'templates')
        os.makedirs(folder)
        user_env = dict(env, XDG_DATA_HOME=data)

        def new(template, out):
            return subprocess.run([waymark, 'new', '--template', template, '-o', out],
                                  capture_output=True, text=True, env=user_env, timeout=60)

        mine = json.loads(read(os.path.join(source_root, 'data', 'samples', 'hotel-stay.waymark')))
        mine['template'] = {'name': 'Our hotel', 'description': 'Every quarter'}
        with open(os.path.join(folder, 'Our hotel.waymark'), 'w') as f:
            json.dump(mine, f)
        out = os.path.join(tmp, 'from-name.waymark')
        r = new('Our hotel', out)
        made = json.loads(read(out)) if r.returncode == 0 else {}
        check('new --template NAME makes a map from the user\'s template', r.returncode == 0
              and made.get('title') == mine['title'] and len(made.get('cards', [])) == len(mine['cards']), r.stderr)
        check('the map from a user\'s template has a new id and no template member',
              made.get('id') not in (None, mine['id']) and 'template' not in made, sorted(made))

        # A built-in kind wins over a user's template of the same name.
        with open(os.path.join(folder, 'future-state.waymark'), 'w') as f:
            json.dump(mine, f)
        out = os.path.join(tmp, 'kind.waymark')
        r = new('future-state', out)
        check('a built-in kind comes before a user\'s template of that name',
              r.returncode == 0 and json.loads(read(out)).get('kind') == 'future-state', r.stderr)

        path = os.path.join(tmp, 'elsewhere.waymark')
        with open(path, 'w') as f:
            json.dump(mine, f)
        out = os.path.join(tmp, 'from-path.waymark')
        r = new(path, out)
        check('new --template PATH makes a map from a template file',
              r.returncode == 0 and 'template' not in json.loads(read(out)), r.stderr)

        fifo = os.path.join(folder, 'Pipe.waymark')
        os.mkfifo(fifo)
        r = new('Pipe', os.path.join(tmp, 'pipe.waymark'))
        check('a pipe among the templates is refused, not waited on',
              r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr)
        os.unlink(fifo)
        r = new('../escape', os.path.join(tmp, 'no.waymark'))
        check('an unknown template is a usage error', r.returncode == 2, r.stderr)


test_health()
test_safe_writes()
test_user_templates()

finish()
