#!/usr/bin/python3
# Validates the templates, the samples and the test maps against the JSON
# Schema of the format, so that the schema and the loader never disagree
# about what a valid map is.
#   check-schema.py SOURCE_ROOT

import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print('1..0 # SKIP python3-jsonschema is not installed')
    sys.exit(0)

top = sys.argv[1]
with open(os.path.join(top, 'data', 'format', 'waymark.schema.json'), encoding='utf-8') as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

maps = sorted(glob.glob(os.path.join(top, 'data', 'templates', '*.waymark')) +
              glob.glob(os.path.join(top, 'data', 'samples', '*.waymark')) +
              glob.glob(os.path.join(top, 'tests', 'fuzz', 'seeds', 'minimal.waymark')))
# Malformed maps whose fault the schema can see must fail it too.
schema_visible_faults = ['stage-name-number', 'unknown-kind', 'scale-too-big', 'card-bad-quality',
                         'stage-bad-color', 'missing-title', 'score-zero', 'persona-age-text',
                         'lane-unknown-kind', 'card-span-zero', 'position-out-of-range',
                         'card-bad-status', 'card-impact-zero', 'card-effort-too-big',
                         'card-picture-not-object', 'card-picture-gif', 'card-picture-not-base64',
                         'card-picture-alt-not-text']

print(f'1..{len(maps) + len(schema_visible_faults)}')
failed = False
n = 0
for path in maps:
    n += 1
    with open(path, encoding='utf-8') as f:
        errors = list(validator.iter_errors(json.load(f)))
    name = os.path.relpath(path, top)
    print(f'{"ok" if not errors else "not ok"} {n} - {name} is valid')
    for error in errors[:5]:
        print(f'# {"/".join(map(str, error.path))}: {error.message}')
    failed |= bool(errors)

for fault in schema_visible_faults:
    n += 1
    with open(os.path.join(top, 'tests', 'malformed', fault + '.waymark'), encoding='utf-8') as f:
        valid = validator.is_valid(json.load(f))
    print(f'{"not ok" if valid else "ok"} {n} - malformed/{fault} is invalid')
    failed |= valid

sys.exit(1 if failed else 0)
