# What the Python tests share: running waymark with no display, reading
# files, the titles a map draws, and reporting checks as TAP.

import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
results = []


def runner(waymark, timeout):
    """A function that runs `waymark ARGS…` with no display, capturing its output."""
    def run(*args):
        return subprocess.run([waymark, *args], capture_output=True, text=True, env=env, timeout=timeout)
    return run


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def drawn_titles(document):
    """Stage names and the titles of cards in open lanes that hold cards."""
    lanes = {lane['id']: lane for lane in document.get('lanes', [])}
    names = [stage['name'] for stage in document.get('stages', []) if stage.get('name')]
    titles = [card['title'] for card in document.get('cards', [])
              if card.get('title') and not lanes[card['lane']].get('collapsed')]
    return names, titles


def finish():
    """Prints the checks as TAP and exits, with failure if any failed."""
    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f'# {line}')
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
