#!/usr/bin/env python3
# check-flatpak-manifest.py: the Flatpak manifests are valid JSON and agree with the meson
# project. Flatpak cannot be built on the test machines, so this is what can be checked.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py MESON BUILD_ROOT SOURCE_ROOT BASE_ID MANIFEST...
# A manifest whose id ends in .Devel must build with -Ddevel=true, any other with devel off.
# Python because meson itself runs on it: no extra dependency.

import json
import os
import subprocess
import sys

# The sandbox: network (the forms are on the web), the display, and nothing of the user's
# files. Anything the app saves goes through the portal.
FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
}

errors = []


def fail(manifest, message):
    errors.append(f'{os.path.basename(manifest)}: {message}')


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dups = {k for k in keys if keys.count(k) > 1}
    if dups:
        raise ValueError(f'duplicate keys: {sorted(dups)}')
    return dict(pairs)


def main():
    meson, build_root, source_root, base_id = sys.argv[1:5]
    manifests = sys.argv[5:]

    info = json.loads(subprocess.run(
        [meson, 'introspect', build_root, '--buildoptions', '--projectinfo', '--targets'],
        check=True, capture_output=True, text=True).stdout)
    user_options = {o['name']: o for o in info['buildoptions'] if o['section'] == 'user'}
    project = info['projectinfo']
    executables = {t['name'] for t in info['targets']
                   if t['type'] == 'executable' and t['installed']}

    runtimes = set()
    for manifest in manifests:
        try:
            with open(manifest, encoding='utf-8') as f:
                m = json.load(f, object_pairs_hook=no_duplicate_keys)
        except ValueError as e:
            fail(manifest, f'not valid JSON: {e}')
            continue

        app_id = m.get('id')
        devel = app_id == base_id + '.Devel'
        if app_id != base_id and not devel:
            fail(manifest, f'id {app_id!r} is neither {base_id} nor {base_id}.Devel')
        if os.path.basename(manifest) != f'{app_id}.json':
            fail(manifest, f'the file name does not match the id {app_id!r}')

        if m.get('runtime') != 'org.gnome.Platform' or m.get('sdk') != 'org.gnome.Sdk':
            fail(manifest, 'not on the GNOME runtime and SDK')
        runtimes.add(m.get('runtime-version'))
        if m.get('command') not in executables:
            fail(manifest, f'command {m.get("command")!r} is not an installed executable '
                           f'of the project ({sorted(executables)})')

        finish_args = m.get('finish-args', [])
        if set(finish_args) != FINISH_ARGS or len(finish_args) != len(FINISH_ARGS):
            fail(manifest, f'finish-args {finish_args} are not exactly {sorted(FINISH_ARGS)}')

        modules = m.get('modules', [])
        if not modules or not isinstance(modules[-1], dict):
            fail(manifest, 'no modules')
            continue
        module = modules[-1]
        if module.get('name') != project['descriptive_name'] or module.get('buildsystem') != 'meson':
            fail(manifest, f'the last module is not the meson project {project["descriptive_name"]}')

        given = {}
        for opt in module.get('config-opts', []):
            name, sep, value = opt.removeprefix('-D').partition('=')
            if not opt.startswith('-D') or not sep:
                fail(manifest, f'config-opt {opt!r} is not -Dname=value')
            elif name not in user_options:
                fail(manifest, f'config-opt {opt!r}: no such meson option')
            elif user_options[name]['type'] == 'boolean' and value not in ('true', 'false'):
                fail(manifest, f'config-opt {opt!r}: {name} is a boolean')
            else:
                given[name] = value
        want = 'true' if devel else 'false'
        if given.get('devel', 'false') != want:
            fail(manifest, f'id {app_id} needs -Ddevel={want}')

        dirs = [s for s in module.get('sources', []) if s.get('type') == 'dir']
        if len(dirs) != 1:
            fail(manifest, 'the project is not built from one local "dir" source')
        else:
            top = os.path.realpath(os.path.join(os.path.dirname(manifest), dirs[0]['path']))
            if top != os.path.realpath(source_root):
                fail(manifest, f'the source dir {top} is not the project at {source_root}')

    if len(runtimes) > 1:
        errors.append(f'the manifests use different runtime versions: {sorted(runtimes)}')

    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f'{len(manifests)} manifests agree with the project')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
