import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDir } from '../harness/fs-dirs.ts';
import { PACKAGE_ROOT, packageRootOf } from '../harness/package-root.ts';
import { ROOT } from './cli/run-cli.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('packageRootOf', () => {
  it('returns the nearest folder with a package.json given a module nested below it (as under dist/)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cpct-root-'));
    dirs.push(root);
    await writeFile(path.join(root, 'package.json'), '{}');
    await ensureDir({ dir: path.join(root, 'dist', 'harness', 'run') });
    expect(packageRootOf({ from: pathToFileURL(path.join(root, 'dist', 'harness', 'run', 'paths.js')).href })).toBe(root);
    expect(packageRootOf({ from: pathToFileURL(path.join(root, 'x.js')).href })).toBe(root);
  });

  it('throws a package-root error given a module with no package.json above it', async () => {
    const bare = await mkdtemp(path.join(os.tmpdir(), 'cpct-bare-'));
    dirs.push(bare);
    expect(() => packageRootOf({ from: pathToFileURL(path.join(bare, 'a', 'b.js')).href })).toThrow(/^package-root: expected a package\.json at or above .*cpct-bare-.*\/a; saw none/);
  });
});

describe('PACKAGE_ROOT', () => {
  it('returns this checkout given the TypeScript sources', () => {
    expect(PACKAGE_ROOT).toBe(ROOT);
  });
});
