#!/usr/bin/env python3
# Checks the Flatpak manifests offline (no GNOME runtime can be downloaded
# on our build machines): flatpak-builder must read both without a warning,
# what they promise must match what `meson install` really produces, and the
# release manifest must be one Flathub accepts: a pinned source (git tag and
# commit, or an archive with its sha256), a supported runtime, no file-system
# permission.

import argparse
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# The development manifest builds the checkout it lives in; the release
# manifest sits alone in its folder, named by the app id, as it will in the
# Flathub repository.
MANIFEST = os.path.join('flatpak', 'io.github.waymark.Waymark.json')
RELEASE_MANIFEST = os.path.join('flatpak', 'flathub', 'io.github.waymark.Waymark.json')
# GNOME keeps a runtime for a year; older ones are end-of-life on Flathub.
OLDEST_RUNTIME = 50
# Both manifests must agree on these, so a permission or runtime change
# cannot land in one and be forgotten in the other.
SHARED_KEYS = ('id', 'app-id', 'runtime', 'runtime-version', 'sdk', 'command',
               'finish-args', 'cleanup')
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
        result = subprocess.run([builder, '--show-manifest', os.path.abspath(path)], cwd=scratch,
                                capture_output=True, text=True)
    output = result.stdout + result.stderr
    check(result.returncode == 0, f'flatpak-builder --show-manifest failed:\n{output}')
    check('WARNING' not in output.upper(), f'flatpak-builder warned:\n{output}')
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        check(False, f'flatpak-builder did not print {path} as JSON')
        return {}


def check_common(manifest, name):
    """Checks what both manifests must promise."""
    app_id = manifest.get('id') or manifest.get('app-id')
    command = manifest.get('command')
    check(app_id == 'io.github.waymark.Waymark', f'{name}: id is {app_id!r}')
    check(command == 'waymark', f'{name}: command is {command!r}')
    check(manifest.get('runtime') == 'org.gnome.Platform', f'{name}: runtime is not org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', f'{name}: sdk is not org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    check(version.isdigit() and int(version) >= OLDEST_RUNTIME,
          f'{name}: runtime-version {version!r} is not a supported GNOME runtime ({OLDEST_RUNTIME} or later)')
    finish_args = set(manifest.get('finish-args', []))
    check(finish_args == REQUIRED_FINISH_ARGS,
          f'{name}: finish-args should be exactly {sorted(REQUIRED_FINISH_ARGS)}, found {sorted(finish_args)}')
    check(not any(a.startswith('--filesystem') for a in finish_args),
          f'{name}: asks for filesystem access; files go through the portal')
    check(bool(manifest.get('cleanup')), f'{name}: no cleanup list')
    app_module = manifest.get('modules', [{}])[-1]
    check(isinstance(app_module, dict) and app_module.get('buildsystem') == 'meson',
          f'{name}: the app module is not built with meson')
    return app_module if isinstance(app_module, dict) else {}


def check_release_source(source, project_version):
    """A Flathub source must name exactly what it builds."""
    kind = source.get('type')
    url = source.get('url', '')
    check(url.startswith('https://'), f'release source url {url!r} is not https')
    if kind == 'git':
        tag = source.get('tag', '')
        commit = source.get('commit', '')
        check(bool(tag), 'release git source has no tag')
        check(re.fullmatch(r'[0-9a-f]{40}', commit) is not None,
              f'release git source commit {commit!r} is not a full commit id')
        check(tag.lstrip('v') == project_version,
              f'release tag {tag!r} does not match the project version {project_version!r}')
        check('branch' not in source, 'release git source follows a branch')
    elif kind == 'archive':
        check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
              'release archive source has no sha256')
        check(project_version in url,
              f'release archive {url!r} does not name the project version {project_version!r}')
    else:
        check(False, f'release source type is {kind!r}; Flathub wants git (tag and commit) or archive (sha256)')


def check_screenshots(source_root, tag, version):
    """Flathub shows the screenshots of the release it builds: they must
    come from that tag, exist in the tree, and say what they show."""
    path = os.path.join(source_root, 'data', 'io.github.waymark.Waymark.metainfo.xml.in.in')
    component = ET.parse(path).getroot()
    screenshots = component.findall('screenshots/screenshot')
    check(bool(screenshots), 'the metainfo has no screenshots')
    prefix = f'https://raw.githubusercontent.com/waymark/waymark/{tag}/'
    for screenshot in screenshots:
        url = (screenshot.findtext('image') or '').strip().replace('@VERSION@', version)
        check(url.startswith(prefix), f'screenshot {url!r} does not come from the release tag {tag!r}')
        if url.startswith(prefix):
            check(os.path.isfile(os.path.join(source_root, url[len(prefix):])),
                  f'screenshot {url!r} is not in the repository')
        check(bool((screenshot.findtext('caption') or '').strip()), f'screenshot {url!r} has no caption')


def project_version(build_root):
    info = json.loads(subprocess.run(['meson', 'introspect', '--projectinfo', build_root],
                                     capture_output=True, text=True, check=True).stdout)
    return info['version']


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
    app_module = check_common(manifest, 'development manifest')
    check(any(s.get('type') == 'dir' and os.path.normpath(s.get('path', '')) == '..'
              for s in app_module.get('sources', [])),
          'development manifest: the app module does not build the repository it lives in')

    release = show_manifest(os.path.join(args.source_root, RELEASE_MANIFEST))
    release_module = check_common(release, 'release manifest')
    sources = release_module.get('sources', [])
    check(len(sources) == 1, f'release manifest: the app module has {len(sources)} sources, expected one')
    version = project_version(args.build_root)
    for source in sources:
        check_release_source(source, version)
        if source.get('type') == 'git':
            check_screenshots(args.source_root, source.get('tag', ''), version)
    for key in SHARED_KEYS:
        check(manifest.get(key) == release.get(key),
              f'the manifests differ in {key!r}: {manifest.get(key)!r} and {release.get(key)!r}')

    app_id = manifest.get('id') or manifest.get('app-id')
    command = manifest.get('command')

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
