#!/usr/bin/env python3
# The build keeps the layers apart: each layer's library is compiled with
# only its own dependencies and the include folders of the layers below
# it. This compiles a line of code with each layer's real compile command
# (from compile_commands.json) and checks what it may and may not include.
# Prints TAP.
import json
import os
import shlex
import subprocess
import sys
import tempfile

build = sys.argv[1]

# (layer, a source file of it, headers it may include, headers it must not)
LAYERS = [
    ('core', 'src/core/wm-card.c', ['<glib-object.h>', '"wm-document.h"'],
     ['<json-glib/json-glib.h>', '<cairo.h>', '<gtk/gtk.h>', '"wm-document-reader.h"']),
    ('io', 'src/io/wm-csv.c', ['<json-glib/json-glib.h>', '"wm-document.h"', '"wm-safe-file.h"'],
     ['<cairo.h>', '<gtk/gtk.h>', '"wm-layout.h"', '"ui/wm-window.h"']),
    ('render', 'src/render/wm-color.c', ['<pango/pangocairo.h>', '"wm-document-reader.h"', '"wm-layout.h"'],
     ['<gtk/gtk.h>', '<adwaita.h>', '"wm-canvas.h"', '"ui/wm-canvas.h"', '"wm-cli.h"']),
    ('cli', 'src/cli/wm-cli.c', ['"wm-export.h"', '"wm-document-reader.h"'],
     ['<gtk/gtk.h>', '"wm-window.h"']),
]

with open(os.path.join(build, 'compile_commands.json')) as f:
    commands = json.load(f)

results = []
with tempfile.TemporaryDirectory() as tmp:
    for layer, source, allowed, forbidden in LAYERS:
        entry = next((c for c in commands if c['file'].endswith(source)), None)
        if entry is None:
            results.append((f'{layer}: a compile command for {source}', False))
            continue
        words = shlex.split(entry['command'])
        # Drop the source, the output and the dependency file: the probe
        # gets compiled instead.
        kept, skip = [], False
        for word in words:
            if skip:
                skip = False
                continue
            if word in ('-o', '-MF', '-MQ', '-c'):
                skip = True
                continue
            if word in ('-MD',) or word.endswith(source.rsplit('/', 1)[-1]):
                continue
            kept.append(word)
        for header in allowed + forbidden:
            probe = os.path.join(tmp, 'probe.c')
            with open(probe, 'w') as f:
                f.write(f'#include "config.h"\n#include {header}\n')
            r = subprocess.run(kept + ['-fsyntax-only', probe], cwd=entry['directory'], capture_output=True)
            ok = (r.returncode == 0) == (header in allowed)
            verb = 'may' if header in allowed else 'may not'
            results.append((f'{layer} {verb} include {header}', ok))

print(f'1..{len(results)}')
for i, (name, ok) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
sys.exit(0 if all(ok for _, ok in results) else 1)
