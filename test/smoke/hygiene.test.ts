/**
 * What the package page and the tarball show: the licence, where the project lives, README links
 * that work outside the repository, the files shipped, and the version the built command reports.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };
const REPO = 'https://github.com/splitscan/splitscan';

describe('package hygiene', () => {
  it('ships an MIT licence in the name of the contributors, as package.json says', () => {
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(licence.split('\n')[0]).toBe('MIT License');
    expect(licence).toMatch(/^Copyright \(c\) \d{4} splitscan contributors$/mu);
    expect(pkg['license']).toBe('MIT');
  });

  it('says where the project lives', () => {
    expect(pkg['repository']).toEqual({ type: 'git', url: `git+${REPO}.git` });
    expect(pkg['bugs']).toEqual({ url: `${REPO}/issues` });
    expect(pkg['homepage']).toBe(`${REPO}#readme`);
  });

  it('links from the README to absolute addresses of files that exist (the package page has no docs/ folder)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/gu)].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThan(5);
    for (const t of targets) {
      if (t.startsWith('#')) continue;
      expect(t, t).toMatch(/^https:\/\//u);
      const inRepo = /^https:\/\/(?:github\.com\/splitscan\/splitscan\/blob\/main|raw\.githubusercontent\.com\/splitscan\/splitscan\/main)\/(.+)$/u.exec(t);
      if (inRepo) expect(existsSync(join(root, inRepo[1] as string)), t).toBe(true);
    }
  });

  it('packs the build, the README and the licence, and no tests, seeds or benchmarks', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = (packed?.files ?? []).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/cli.js', 'dist/index.d.ts']));
    expect(files.filter((f) => /^(test|seeds|bench|src|docs)\//u.test(f))).toEqual([]);
  });

  it('reports the version of package.json from the built command', () => {
    expect(execFileSync(process.execPath, [join(root, 'dist/cli.js'), '--version'], { encoding: 'utf8' })).toBe(`splitscan ${pkg.version}\n`);
  });
});
