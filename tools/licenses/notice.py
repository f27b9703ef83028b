"""Writes NOTICE: Hopper's notice and every third-party jar its executable jars ship, with
its licence as its Maven POM declares it (walking up parent POMs), from the local Maven
repository. Run after `./mvnw package`: tools/licenses/notice"""
import glob
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

REPOSITORY = os.path.expanduser('~/.m2/repository')
NS = '{http://maven.apache.org/POM/4.0.0}'
JARS = ['standalone/target/hopper-standalone.jar', 'cli/target/hopper-cli.jar',
        'api/target/hopper-api-*-exec.jar', 'workers/target/hopper-workers-*-exec.jar']
# POMs that declare no licence (or jars added by a plugin, with no POM here), by group or
# jar name, with the licence their projects publish
DECLARED_ELSEWHERE = {
    'spring-boot-jarmode-tools': 'Apache License, Version 2.0',
    'org.bouncycastle': 'Bouncy Castle Licence (MIT)',
    'com.h2database': 'MPL 2.0 or EPL 1.0',
    'com.github.codemonstur': 'Apache License, Version 2.0',
    'org.springframework.boot': 'Apache License, Version 2.0',
}
LGPL = ('jflac-codec', 'jlayer', 'jorbis', 'trove4j')

HEADER = """Hopper
Copyright 2026 The Hopper authors

Hopper is licensed under the Apache License, Version 2.0 (LICENSE).

Its executable jars (standalone, api, workers, cli) ship the third-party libraries below,
unmodified, as separate jar files under BOOT-INF/lib/, each under its own licence.

LGPL-2.1 libraries: jFLAC, JLayer, JOrbis and Trove4j are licensed under the GNU Lesser
General Public License 2.1 (licenses/LGPL-2.1.txt; also META-INF/licenses/ in each jar).
Hopper uses them through their public APIs only. You may replace any of them with a
modified version: put your build of the library in place of its jar under BOOT-INF/lib/
(for example with `jar -uf0 hopper-standalone.jar BOOT-INF/lib/jorbis-0.0.17.4.jar`).
Their sources are on Maven Central as their -sources jars and at the URLs listed.

embedded-redis (standalone only) bundles redis-server 6.2 binaries (BSD-3-Clause,
https://redis.io). Logback is used under the EPL-2.0 of its dual licence.

Library (group:artifact-version), licence, project URL:
"""


def pom_of(jar):
    found = glob.glob(f'{REPOSITORY}/**/{jar[:-4]}.pom', recursive=True)
    return found[0] if found else None


def licences(pom, depth=0):
    if pom is None or depth > 8 or not os.path.exists(pom):
        return None, None
    root = ET.parse(pom).getroot()
    url = root.findtext(NS + 'url')
    declared = root.find(NS + 'licenses')
    if declared is not None and len(declared):
        return [(l.findtext(NS + 'name') or '').strip() for l in declared], url
    parent = root.find(NS + 'parent')
    if parent is None:
        return None, url
    group, artifact, version = (parent.findtext(NS + k) for k in ('groupId', 'artifactId', 'version'))
    names, parent_url = licences(f"{REPOSITORY}/{group.replace('.', '/')}/{artifact}/{version}/{artifact}-{version}.pom",
                                 depth + 1)
    return names, url or parent_url


def main():
    shipped = set()
    for pattern in JARS:
        for path in glob.glob(pattern):
            with zipfile.ZipFile(path) as jar:
                shipped.update(n[len('BOOT-INF/lib/'):] for n in jar.namelist()
                               if n.startswith('BOOT-INF/lib/') and n.endswith('.jar'))
    if not shipped:
        sys.exit('no executable jars found: run ./mvnw package first')
    lines = []
    for jar in sorted(shipped):
        if jar.startswith('hopper-'):
            continue
        pom = pom_of(jar)
        group = '.'.join(os.path.relpath(pom, REPOSITORY).split('/')[:-3]) if pom else 'org.springframework.boot'
        names, url = licences(pom)
        licence = '; '.join(names) if names else DECLARED_ELSEWHERE.get(group) or next(
            (v for k, v in DECLARED_ELSEWHERE.items() if jar.startswith(k + '-')), None)
        if licence is None:
            sys.exit(f'no licence known for {jar}: add its group to DECLARED_ELSEWHERE')
        if url and '${' in url:
            url = None
        lines.append(f'- {group}:{jar[:-4]} | {licence}' + (f' | {url}' if url else ''))
    with open('NOTICE', 'w') as out:
        out.write(HEADER + '\n'.join(lines) + '\n')


main()
