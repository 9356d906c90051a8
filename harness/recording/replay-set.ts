/**
 * Which tapes a `--replay [--recordings DIR]` run reads: DIR may be a folder of tapes (`recordings/mock`) or a folder
 * holding exactly one such folder per target kind (`recordings/`, which holds `mock/`). Several kinds side by side are
 * ambiguous and refused, so a replay never mixes tapes of different targets.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError, UsageError } from '../errors.ts';
import { loadTapes, type Tape } from './tape.ts';

const COMPONENT = 'replay';

/** The tapes of one replay: `<root>/<kind>/*.json`, loaded; malformed ones are in `errors` (their files fail). */
export interface ReplaySet {
  root: string;
  kind: string;
  tapes: { file: string; tape: Tape }[];
  errors: { file: string; error: HarnessError }[];
}

function jsonFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json') && statSync(path.join(dir, name)).isFile());
  } catch {
    return [];
  }
}

/** Resolves and loads the tapes under `dir` (see the module comment); throws UsageError when there is nothing to replay. */
export function resolveReplaySet({ dir }: { dir: string }): ReplaySet {
  if (!existsSync(dir)) {
    throw new UsageError({ component: COMPONENT, expected: `a recordings directory at ${dir}`, seen: 'no such directory', action: 'pass --recordings DIR, or record tapes first with --record' });
  }
  let kindDir = dir;
  if (jsonFilesIn(dir).length === 0) {
    const kinds = readdirSync(dir)
      .filter((name) => statSync(path.join(dir, name)).isDirectory() && jsonFilesIn(path.join(dir, name)).length > 0)
      .sort();
    if (kinds.length === 0) {
      throw new UsageError({ component: COMPONENT, expected: `tapes (*.json) in ${dir} or in one folder below it`, seen: 'none', action: 'record them with --record, or pass --recordings DIR with the tapes' });
    }
    if (kinds.length > 1) {
      throw new UsageError({
        component: COMPONENT,
        expected: `one set of tapes under ${dir}`,
        seen: `${kinds.length} (${kinds.join(', ')})`,
        action: `pick one with --recordings ${path.join(dir, kinds[0])} (or another of them)`,
      });
    }
    kindDir = path.join(dir, kinds[0]);
  }
  const kind = path.basename(kindDir);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(kind)) {
    throw new UsageError({ component: COMPONENT, expected: 'the tapes folder to be named by a target kind (lower-case letters, digits, "-")', seen: JSON.stringify(kind), action: 'put the tapes in e.g. <dir>/endpoint/ and pass --recordings <dir>' });
  }
  const { tapes, errors } = loadTapes({ dir: kindDir });
  return { root: path.dirname(kindDir), kind, tapes, errors };
}
