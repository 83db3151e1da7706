#!/usr/bin/env python3
# `waymark merge` as git's merge driver, in a real repository: two
# branches edit different cards, stages, personas and points and merge
# cleanly; conflicting edits are recorded in the map with both values.
# Also the command's own contract: writing over OURS, exit statuses.
# Prints TAP.
#   test-git-merge.py WAYMARK

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
from waymarktest import check, env, finish, read, runner  # noqa: E402 -- after the line above

waymark = os.path.abspath(sys.argv[1])
run = runner(waymark, 60)

if shutil.which('git') is None:
    print('1..0 # SKIP git is not installed')
    sys.exit(0)


def git(repo, *args):
    return subprocess.run(['git', *args], cwd=repo, capture_output=True, text=True, env=git_env, timeout=60)


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def save(path, document):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write('\n')


def edit(repo, message, change):
    path = os.path.join(repo, 'map.waymark')
    document = load(path)
    change(document)
    save(path, document)
    git(repo, 'commit', '-qam', message)


def by_id(items, id):
    return next((item for item in items if item['id'] == id), None)


with tempfile.TemporaryDirectory() as tmp:
    # git reads no settings of the machine or the user.
    git_env = dict(env, HOME=tmp, GIT_CONFIG_NOSYSTEM='1', GIT_AUTHOR_NAME='T', GIT_AUTHOR_EMAIL='t@example.org',
                   GIT_COMMITTER_NAME='T', GIT_COMMITTER_EMAIL='t@example.org')
    repo = os.path.join(tmp, 'repo')
    os.mkdir(repo)
    git(repo, 'init', '-q', '-b', 'main')
    with open(os.path.join(repo, '.gitattributes'), 'w') as f:
        f.write('*.waymark merge=waymark\n')
    git(repo, 'config', 'merge.waymark.name', 'Waymark map merge')
    git(repo, 'config', 'merge.waymark.driver', f"'{waymark}' merge %O %A %B")
    r = run('new', '--template', 'current-state', '-o', os.path.join(repo, 'map.waymark'))
    check('a map to start from', r.returncode == 0, r.stderr)
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'Start')
    base = load(os.path.join(repo, 'map.waymark'))
    cards = [card['id'] for card in base['cards']]
    stages = [stage['id'] for stage in base['stages']]
    persona = base['personas'][0]['id']
    points = [point['id'] for point in base['emotions'][0]['points']]

    # Two branches, each editing its own elements, both adding a stage at
    # the end: as text, that is a conflict.
    git(repo, 'checkout', '-qb', 'researcher')

    def researcher(document):
        by_id(document['cards'], cards[0])['title'] = 'Finding from interviews'
        by_id(document['stages'], stages[0])['name'] = 'Noticing'
        document['personas'][0]['role'] = 'Night nurse'
        by_id(document['emotions'][0]['points'], points[0])['score'] = 1
        document['stages'].append({'id': 'stage-research', 'name': 'Research'})
    edit(repo, 'Research', researcher)

    git(repo, 'checkout', '-q', 'main')

    def designer(document):
        by_id(document['cards'], cards[1])['title'] = 'Redesigned step'
        by_id(document['stages'], stages[1])['description'] = 'Shortlist of two'
        document['personas'][0]['quote'] = 'Just tell me what it costs'
        by_id(document['emotions'][0]['points'], points[1])['score'] = 5
        document['stages'].append({'id': 'stage-design', 'name': 'Design'})
    edit(repo, 'Design', designer)

    r = git(repo, 'merge', '-q', '--no-edit', 'researcher')
    check('git merges the two branches through the driver', r.returncode == 0, r.stdout + r.stderr)
    merged_path = os.path.join(repo, 'map.waymark')
    merged = load(merged_path)
    check('the merged map has the researcher\'s edits',
          by_id(merged['cards'], cards[0])['title'] == 'Finding from interviews'
          and by_id(merged['stages'], stages[0])['name'] == 'Noticing'
          and merged['personas'][0]['role'] == 'Night nurse'
          and by_id(merged['emotions'][0]['points'], points[0])['score'] == 1, json.dumps(merged)[:2000])
    check('the merged map has the designer\'s edits',
          by_id(merged['cards'], cards[1])['title'] == 'Redesigned step'
          and by_id(merged['stages'], stages[1])['description'] == 'Shortlist of two'
          and merged['personas'][0]['quote'] == 'Just tell me what it costs'
          and by_id(merged['emotions'][0]['points'], points[1])['score'] == 5)
    check('both added stages are there, after the old ones',
          [s['id'] for s in merged['stages']] == stages + ['stage-design', 'stage-research'],
          [s['id'] for s in merged['stages']])
    check('a clean merge records no conflict', 'conflicts' not in merged)
    r = run('check', merged_path)
    check('the merged map passes waymark check', r.returncode == 0 and r.stdout == '', r.stdout + r.stderr)
    r = git(repo, 'status', '--porcelain')
    check('git sees nothing left to resolve', r.stdout.strip() == '', r.stdout)

    # Both change one card's title.
    git(repo, 'checkout', '-qb', 'other')
    edit(repo, 'Theirs', lambda d: by_id(d['cards'], cards[2]).update(title='Their title'))
    git(repo, 'checkout', '-q', 'main')
    edit(repo, 'Ours', lambda d: by_id(d['cards'], cards[2]).update(title='Our title'))
    r = git(repo, 'merge', '-q', '--no-edit', 'other')
    check('a conflicting merge stops with a conflict', r.returncode != 0 and 'CONFLICT' in r.stdout, r.stdout)
    merged = load(merged_path)
    conflicts = merged.get('conflicts', [])
    check('the map keeps our title', by_id(merged['cards'], cards[2])['title'] == 'Our title')
    check('the conflict is recorded with both values',
          len(conflicts) == 1 and conflicts[0]['path'] == f'cards[{cards[2]}].title'
          and conflicts[0]['ours'] == '"Our title"' and conflicts[0]['theirs'] == '"Their title"'
          and json.loads(conflicts[0]['base']) != 'Our title', conflicts)
    r = run('check', merged_path)
    check('waymark check reports the open conflict, one line',
          r.returncode == 1 and len(r.stdout.splitlines()) == 1 and f'cards[{cards[2]}].title' in r.stdout,
          r.stdout + r.stderr)

    # The command on its own.
    a, b, c, out = (os.path.join(tmp, name) for name in ('a.waymark', 'b.waymark', 'c.waymark', 'out.waymark'))
    save(a, base)
    save(b, dict(base, title='Ours'))
    save(c, dict(base, goal='Theirs'))
    b_before = read(b)
    r = run('merge', a, b, c, '-o', out)
    check('merge -o writes OUT and leaves OURS alone', r.returncode == 0 and read(b) == b_before
          and load(out)['title'] == 'Ours' and load(out)['goal'] == 'Theirs', r.stderr)
    r = run('merge', a, b, c)
    check('merge without -o writes the result over OURS', r.returncode == 0 and read(b) == read(out), r.stderr)
    save(c, dict(base, title='Theirs'))
    r = run('merge', a, b, c, '-o', out)
    check('a conflict exits 1 with one line', r.returncode == 1 and len(r.stderr.splitlines()) == 1
          and load(out)['conflicts'][0]['path'] == 'title', r.stderr)
    r = run('merge', a, out, out, '-o', out + '2')
    check('merging a map with itself changes no byte, conflicts included',
          r.returncode == 0 and read(out) == read(out + '2'), r.stderr)
    with open(c, 'w') as f:
        f.write('{"format": "waymark", "version": 1')
    before = read(b)
    r = run('merge', a, b, c)
    check('an unreadable map exits 2 and leaves OURS alone', r.returncode == 2 and read(b) == before, r.stderr)
    r = run('merge', a, b)
    check('two maps are a usage error', r.returncode == 2 and len(r.stderr.splitlines()) == 1, r.stderr)

finish()
