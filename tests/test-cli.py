#!/usr/bin/env python3
# The headless command line: waymark new | check | export, --help,
# --version and usage errors, run with no display at all. Prints TAP.
#   test-cli.py WAYMARK SOURCE_ROOT

import glob
import json
import os
import subprocess
import sys
import tempfile

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

print(f'1..{len(results)}')
for i, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
