import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from './errors.ts';

/**
 * The package's root folder: the nearest folder at or above `from` (a module URL) holding a package.json. Modules
 * run both as TypeScript sources (`harness/...`) and compiled (`dist/harness/...`), so a fixed number of `..` would
 * be right for one of them only; the compiled tree has no package.json of its own.
 */
export function packageRootOf({ from }: { from: string }): string {
  const start = path.dirname(fileURLToPath(from));
  let dir = start;
  // Bounded by the depth of the path: each step goes one folder up until the filesystem root.
  for (let i = 0; i < 64; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new HarnessError({ component: 'package-root', expected: `a package.json at or above ${start}`, seen: 'none', action: 'reinstall the package' });
}

/** This package's root folder (where package.json, specs/ and recordings/ are). */
export const PACKAGE_ROOT = packageRootOf({ from: import.meta.url });
