#!/usr/bin/env python3
# `waymark diff`: lines grouped by stage, --json, the exit status, files
# that cannot be read, hostile text, and git's diff driver, run by a real
# git in a throw-away repository. Prints TAP.
#   test-diff-cli.py WAYMARK SOURCE_ROOT

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
from waymarktest import check, env, finish, runner  # noqa: E402 -- after the line above

waymark, source_root = os.path.abspath(sys.argv[1]), sys.argv[2]
run = runner(waymark, 60)
sample = os.path.join(source_root, 'data', 'samples', 'software-purchase.waymark')


def controls(text):
    return [c for c in text.rstrip('\n').replace('\n', '') if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f]


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def save(document, path):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write('\n')


def edit(document):
    """The edits a reviewer would look for, one of each kind."""
    stages = {s['id']: s['name'] for s in document['stages']}
    cards = document['cards']
    first = cards[0]
    first['title'] = 'Misses the deadline again'
    cards[1]['owner'] = 'Sam'
    moved = cards[2]
    moved['stage'] = document['stages'][1]['id']
    removed = cards.pop(3)
    pain_lane = next(l['id'] for l in document['lanes'] if l['kind'] == 'pain-points')
    cards.append({'id': 'card-slow-setup', 'stage': document['stages'][3]['id'], 'lane': pain_lane,
                  'title': 'Slow setup'})
    point = document['emotions'][0]['points'][0]
    old_score = point['score']
    point['score'] = 5 if old_score != 5 else 1
    return {'first_stage': stages[first['stage']], 'moved_title': moved['title'], 'removed_title': removed['title'],
            'new_stage': document['stages'][3]['name'], 'point_stage': stages[point['stage']],
            'old_score': old_score, 'new_score': point['score']}


r = run('--help')
check('--help lists diff', r.returncode == 0 and 'waymark diff' in r.stdout, r.stdout)

with tempfile.TemporaryDirectory() as tmp:
    old = os.path.join(tmp, 'old.waymark')
    new = os.path.join(tmp, 'new.waymark')
    shutil.copy(sample, old)
    document = load(sample)
    facts = edit(document)
    document['modified'] = '2031-01-01T00:00:00Z'
    save(document, new)

    r = run('diff', old, sample)
    check('equal maps: no output, exit 0', r.returncode == 0 and r.stdout == '' and r.stderr == '',
          r.stdout + r.stderr)

    r = run('diff', old, new)
    lines = r.stdout.splitlines()
    check('different maps exit 1', r.returncode == 1, r.stderr)
    expected = [
        f'Stage “{facts["first_stage"]}”: ~ customer action “Misses the deadline again” (was ',
        f'Stage “{facts["first_stage"]}”: - ',
        f'Stage “{facts["new_stage"]}”: + pain point “Slow setup”',
        f'~ touchpoint “{facts["moved_title"]}” moved from “{facts["first_stage"]}”/',
        f'Persona “Priya Raman”: stage “{facts["point_stage"]}” {facts["old_score"]} -> {facts["new_score"]}',
    ]
    for text in expected:
        check(f'the comparison says {text!r}', any(text in line for line in lines), r.stdout)
    check('a card\'s owner change is named', any('Owner changed' in line for line in lines), r.stdout)
    check('the modification time alone is no change', not any('Modified' in line or 'modified' in line
                                                             for line in lines), r.stdout)
    stage_order = [s['name'] for s in load(new)['stages']]
    shown = [next(i for i, name in enumerate(stage_order) if line.startswith(f'Stage “{name}”'))
             for line in lines if line.startswith('Stage “')]
    check('lines come in the new map\'s stage order', shown == sorted(shown), r.stdout)
    again = run('diff', old, new)
    check('the output is the same every time', again.stdout == r.stdout)

    r = run('diff', '--json', old, new)
    try:
        parsed = json.loads(r.stdout)
    except ValueError:
        parsed = None
    check('--json prints one JSON object and exits 1', r.returncode == 1 and isinstance(parsed, dict)
          and parsed.get('equal') is False, r.stdout)
    if isinstance(parsed, dict):
        cards = [c for s in parsed['stages'] for c in s['cards']]
        check('--json names the added card and its kind',
              any(c['change'] == 'added' and c['title'] == 'Slow setup' and c['kind'] == 'pain-points' for c in cards),
              r.stdout)
        check('--json says the moved card moved', any(c['moved'] and c['title'] == facts['moved_title'] for c in cards))
        check('--json lists changed fields by their keys', any(c['changed'] == ['owner'] for c in cards))
        emotions = [e for p in parsed['personas'] for e in p['emotions']]
        check('--json gives the emotion scores', any(e['old'] == [facts['old_score']] and e['new'] == [facts['new_score']]
                                                     for e in emotions), r.stdout)
    r = run('diff', '--json', old, sample)
    check('--json on equal maps says so and exits 0', r.returncode == 0 and json.loads(r.stdout)['equal'] is True)

    # An added file: git names /dev/null for the side that does not exist.
    r = run('diff', '/dev/null', new)
    check('/dev/null is an empty map: every card is added', r.returncode == 1
          and sum(1 for line in r.stdout.splitlines() if ': + ' in line) == len(document['cards']), r.stdout)

    # Usage errors and files that cannot be read exit 2 with one line.
    broken = os.path.join(tmp, 'broken.waymark')
    with open(broken, 'w') as f:
        f.write('{"format": "waymark",')
    for args in (['diff'], ['diff', old], ['diff', old, new, old], ['diff', '--bogus', old, new],
                 ['diff', old, os.path.join(tmp, 'missing.waymark')], ['diff', broken, new], ['diff', old, tmp]):
        r = run(*args)
        check(f'diff {" ".join(os.path.basename(a) for a in args[1:])!r} exits 2 with one line on stderr',
              r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and r.stdout == '', r.stderr)

    # A file's control characters do not reach the terminal.
    hostile = load(sample)
    hostile['cards'][0]['title'] = 'evil\x1b]0;pwned\x07\x1b[2J\u0085'
    hostile['stages'][0]['name'] = 'stage\x1b[H'
    evil = os.path.join(tmp, 'evil.waymark')
    save(hostile, evil)
    r = run('diff', old, evil)
    check('diff escapes control characters quoted from a map', r.returncode == 1 and not controls(r.stdout)
          and '\\x1b]0;pwned\\x07' in r.stdout and 'stage\\x1b[H' in r.stdout, repr(r.stdout))
    r = run('diff', '--json', old, evil)
    texts = json.dumps(json.loads(r.stdout), ensure_ascii=False)
    check('diff --json escapes them too', not controls(texts.replace('\\n', '')) and '\\\\x1b' in texts, texts)

    # Git's external diff driver: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.
    r = run('diff', 'maps/journey.waymark', old, 'a' * 40, '100644', new, 'b' * 40, '100644')
    lines = r.stdout.splitlines()
    check('seven arguments are git\'s: the files are the 2nd and 5th, exit 0',
          r.returncode == 0 and lines[:1] == ['waymark diff a/maps/journey.waymark b/maps/journey.waymark']
          and any('+ pain point “Slow setup”' in line for line in lines), r.stdout + r.stderr)
    r = run('diff', 'journey.waymark', '/dev/null', '.', '.', new, 'b' * 40, '100644')
    check('git\'s added file (/dev/null before) lists every card as added', r.returncode == 0
          and sum(1 for line in r.stdout.splitlines() if ': + ' in line) == len(document['cards']), r.stdout)

    git = shutil.which('git')
    if git is None:
        check('git is installed for the driver test', False)
    else:
        repo = os.path.join(tmp, 'repo')
        os.mkdir(repo)
        git_env = dict(env, GIT_CONFIG_NOSYSTEM='1', GIT_CONFIG_GLOBAL=os.devnull, GIT_PAGER='cat',
                       GIT_AUTHOR_NAME='T', GIT_AUTHOR_EMAIL='t@example.org',
                       GIT_COMMITTER_NAME='T', GIT_COMMITTER_EMAIL='t@example.org')

        def git_run(*args):
            return subprocess.run([git, '-C', repo, *args], capture_output=True, text=True, env=git_env, timeout=60)

        git_run('init', '-q')
        git_run('config', 'diff.waymark.command', f'{shlex.quote(waymark)} diff')
        with open(os.path.join(repo, '.gitattributes'), 'w') as f:
            f.write('*.waymark diff=waymark\n')
        shutil.copy(sample, os.path.join(repo, 'journey.waymark'))
        git_run('add', '.')
        git_run('commit', '-q', '-m', 'A map')
        save(document, os.path.join(repo, 'journey.waymark'))

        r = git_run('diff')
        check('git diff runs waymark diff on a changed map', r.returncode == 0
              and 'waymark diff a/journey.waymark b/journey.waymark' in r.stdout
              and '+ pain point “Slow setup”' in r.stdout
              and 'Misses the deadline again' in r.stdout and '"cards"' not in r.stdout, r.stdout + r.stderr)

        git_run('commit', '-q', '-a', '-m', 'Edit a card')
        r = git_run('diff', 'HEAD~1', 'HEAD')
        check('git diff between commits shows the card edit', r.returncode == 0
              and 'customer action “Misses the deadline again” (was ' in r.stdout, r.stdout + r.stderr)

        shutil.copy(sample, os.path.join(repo, 'second.waymark'))
        git_run('add', 'second.waymark')
        r = git_run('diff', '--cached')
        check('git diff of an added map lists its cards as added', r.returncode == 0
              and 'waymark diff a/second.waymark b/second.waymark' in r.stdout
              and sum(1 for line in r.stdout.splitlines() if ': + ' in line) == len(load(sample)['cards']),
              r.stdout + r.stderr)
        git_run('commit', '-q', '-m', 'Another map')
        git_run('rm', '-q', 'second.waymark')
        r = git_run('diff', '--cached')
        check('git diff of a deleted map lists its cards as removed', r.returncode == 0
              and sum(1 for line in r.stdout.splitlines() if ': - ' in line) == len(load(sample)['cards']),
              r.stdout + r.stderr)

finish()
