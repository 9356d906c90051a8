import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Directory creation that fails fast. On Node 20.20, `mkdir(p, { recursive: true })` loops forever (100% CPU) when
 * an ancestor of `p` is a pseudo-filesystem such as `/proc` that refuses new entries with ENOENT; so every folder
 * the harness creates goes through here: find the nearest existing ancestor, then create each missing level with a
 * plain (non-recursive) mkdir, which answers at once with the real error.
 */

/** Why a directory could not be created, with the level that refused it. */
export class DirectoryError extends Error {
  readonly dir: string;
  readonly code: string | undefined;
  constructor({ dir, failedAt, cause }: { dir: string; failedAt: string; cause: NodeJS.ErrnoException | string }) {
    const reason = typeof cause === 'string' ? cause : `${cause.code ?? 'error'} (${cause.message.replace(/^[A-Z]+: /, '')})`;
    super(failedAt === dir ? `cannot create ${dir}: ${reason}` : `cannot create ${dir}: ${failedAt} refused it: ${reason}`);
    this.name = 'DirectoryError';
    this.dir = dir;
    this.code = typeof cause === 'string' ? undefined : cause.code;
  }
}

/** Creates `dir` and its missing parents without `recursive: true`; throws a DirectoryError at the first refusal. */
export function ensureDirSync({ dir }: { dir: string }): void {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let current = target;
  for (;;) {
    let stats;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new DirectoryError({ dir: target, failedAt: current, cause: error as NodeJS.ErrnoException });
      missing.push(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
      continue;
    }
    if (!stats.isDirectory()) throw new DirectoryError({ dir: target, failedAt: current, cause: 'it exists and is not a directory' });
    break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isDirectory(level)) continue;
      throw new DirectoryError({ dir: target, failedAt: level, cause: error as NodeJS.ErrnoException });
    }
  }
}

/** Promise form of ensureDirSync, for async callers (the work is a handful of syscalls). */
export async function ensureDir({ dir }: { dir: string }): Promise<void> {
  ensureDirSync({ dir });
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
