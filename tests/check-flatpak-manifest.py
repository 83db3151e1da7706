#!/usr/bin/env python3
# Checks the Flatpak manifest offline (no GNOME runtime can be downloaded
# on our build machines): flatpak-builder must read it without a warning,
# and what it promises must match what `meson install` really produces.

import argparse
import configparser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MANIFEST = os.path.join('flatpak', 'io.github.waymark.Waymark.json')
REQUIRED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def show_manifest(path):
    """Returns the manifest as flatpak-builder understands it."""
    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('flatpak-builder is not installed; reading the JSON directly', file=sys.stderr)
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    # flatpak-builder leaves a state directory in its working directory.
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run([builder, '--show-manifest', path], cwd=scratch,
                                capture_output=True, text=True)
    output = result.stdout + result.stderr
    check(result.returncode == 0, f'flatpak-builder --show-manifest failed:\n{output}')
    check('WARNING' not in output.upper(), f'flatpak-builder warned:\n{output}')
    return json.loads(result.stdout)


def installed_files(build_root):
    """Runs `meson install --destdir` and returns the staging root's prefix."""
    staging = tempfile.mkdtemp(prefix='waymark-install-')
    result = subprocess.run(['meson', 'install', '--no-rebuild', '--quiet',
                             '-C', build_root, '--destdir', staging],
                            capture_output=True, text=True,
                            env=dict(os.environ, DESTDIR=staging))
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        sys.exit(1)
    info = json.loads(subprocess.run(['meson', 'introspect', '--buildoptions', build_root],
                                     capture_output=True, text=True, check=True).stdout)
    prefix = next(o['value'] for o in info if o['name'] == 'prefix')
    return staging, staging + prefix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--build-root', required=True)
    parser.add_argument('--app-id', required=True)
    args = parser.parse_args()

    manifest = show_manifest(os.path.join(args.source_root, MANIFEST))
    app_id = manifest.get('id') or manifest.get('app-id')
    command = manifest.get('command')

    check(app_id == 'io.github.waymark.Waymark', f'manifest id is {app_id!r}')
    check(command == 'waymark', f'manifest command is {command!r}')
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    finish_args = set(manifest.get('finish-args', []))
    check(finish_args == REQUIRED_FINISH_ARGS,
          f'finish-args should be exactly {sorted(REQUIRED_FINISH_ARGS)}, found {sorted(finish_args)}')
    check(not any(a.startswith('--filesystem') for a in finish_args),
          'the manifest asks for filesystem access; files go through the portal')
    check(bool(manifest.get('cleanup')), 'the manifest has no cleanup list')
    app_module = manifest.get('modules', [{}])[-1]
    check(app_module.get('buildsystem') == 'meson', 'the app module is not built with meson')
    check(any(s.get('type') == 'dir' and os.path.normpath(s.get('path', '')) == '..'
              for s in app_module.get('sources', [])),
          'the app module does not build the repository it lives in')

    if args.app_id != app_id:
        # A development build installs the .Devel id; the manifest is for
        # releases, so only the manifest itself can be checked here.
        print(f'build is {args.app_id}, manifest is {app_id}: skipping install comparison',
              file=sys.stderr)
    else:
        staging, prefix = installed_files(args.build_root)
        try:
            binary = os.path.join(prefix, 'bin', command)
            check(os.access(binary, os.X_OK), f'meson does not install bin/{command}')

            desktop_path = os.path.join(prefix, 'share', 'applications', app_id + '.desktop')
            check(os.path.isfile(desktop_path), f'no installed {app_id}.desktop')
            if os.path.isfile(desktop_path):
                desktop = configparser.RawConfigParser(strict=False, interpolation=None)
                desktop.optionxform = str
                desktop.read(desktop_path, encoding='utf-8')
                entry = desktop['Desktop Entry']
                check(entry.get('Exec', '').split()[0] == command,
                      f'desktop Exec is {entry.get("Exec")!r}, manifest command is {command!r}')
                check(entry.get('Icon') == app_id, f'desktop Icon is {entry.get("Icon")!r}')

            metainfo_path = os.path.join(prefix, 'share', 'metainfo', app_id + '.metainfo.xml')
            check(os.path.isfile(metainfo_path), f'no installed {app_id}.metainfo.xml')
            if os.path.isfile(metainfo_path):
                component = ET.parse(metainfo_path).getroot()
                check(component.findtext('id') == app_id,
                      f'metainfo id is {component.findtext("id")!r}')
                check(component.findtext('launchable') == app_id + '.desktop',
                      'metainfo launchable does not name the installed desktop file')
                check(component.findtext('provides/binary') == command,
                      'metainfo provides/binary does not match the manifest command')

            icons = os.path.join(prefix, 'share', 'icons', 'hicolor')
            for relative in (f'scalable/apps/{app_id}.svg', f'symbolic/apps/{app_id}-symbolic.svg'):
                check(os.path.isfile(os.path.join(icons, relative)), f'no installed icon {relative}')

            schema = os.path.join(prefix, 'share', 'glib-2.0', 'schemas', 'io.github.waymark.Waymark.gschema.xml')
            check(os.path.isfile(schema), 'the GSettings schema is not installed')
            mime = os.path.join(prefix, 'share', 'mime', 'packages', app_id + '.xml')
            check(os.path.isfile(mime), 'the MIME type declaration is not installed')
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    for problem in problems:
        print(f'flatpak-manifest: {problem}', file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
