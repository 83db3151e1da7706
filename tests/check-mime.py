#!/usr/bin/env python3
# Checks the shared-mime-info declaration the way the desktop uses it:
# compile it into a scratch MIME database and look the glob up there.

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME_TYPE = 'application/x-waymark+json'
NS = '{http://www.freedesktop.org/standards/shared-mime-info}'


def fail(message):
    print(f'validate-mime: {message}', file=sys.stderr)
    sys.exit(1)


def main():
    source = sys.argv[1]
    root = ET.parse(source).getroot()
    types = {t.get('type'): t for t in root.iter(NS + 'mime-type')}
    if MIME_TYPE not in types:
        fail(f'{source} does not declare {MIME_TYPE}')
    globs = [g.get('pattern') for g in types[MIME_TYPE].iter(NS + 'glob')]
    if '*.waymark' not in globs:
        fail(f'{MIME_TYPE} has no *.waymark glob (found {globs})')

    tool = shutil.which('update-mime-database')
    if tool is None:
        print('update-mime-database not installed; checked the XML only', file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(source, os.path.join(packages, 'waymark.xml'))
        # Naming the scratch folder in XDG_DATA_DIRS silences the notice
        # that it is not on the search path; anything else it says is a
        # real complaint about our file.
        env = dict(os.environ, XDG_DATA_DIRS=tmp, XDG_DATA_HOME=tmp)
        result = subprocess.run([tool, os.path.join(tmp, 'mime')],
                                capture_output=True, text=True, env=env)
        if result.returncode != 0 or result.stderr.strip():
            fail(f'update-mime-database complained:\n{result.stderr}')
        with open(os.path.join(tmp, 'mime', 'globs2')) as f:
            entries = [line.strip().split(':') for line in f if not line.startswith('#')]
        if not any(e[1:3] == [MIME_TYPE, '*.waymark'] for e in entries):
            fail('the compiled database does not map *.waymark to ' + MIME_TYPE)


if __name__ == '__main__':
    main()
