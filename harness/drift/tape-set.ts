/**
 * Loads one side of a drift: a folder of tapes (`recordings/mock`) or a folder holding exactly one folder of tapes
 * (`recordings/`). Anything that makes the side unusable (no folder, no tape, a malformed tape, several kinds) is a
 * UsageError, so `cpct drift` exits 2 instead of reporting differences that are not there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { loadTapes } from '../recording/tape.ts';
import type { TapeSetInput } from './compare.ts';

const COMPONENT = 'drift';

function hasJson(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.json') && statSync(path.join(dir, name)).isFile());
  } catch {
    return false;
  }
}

/** The folder of tapes `dir` names (itself, or its one sub-folder of tapes). */
export function tapeFolder({ dir }: { dir: string }): string {
  if (!existsSync(dir)) throw new UsageError({ component: COMPONENT, expected: `a folder of tapes at ${dir}`, seen: 'no such folder', action: 'pass two folders of cpct-tape/1 tapes, e.g. recordings/mock and a fresh recording' });
  if (hasJson(dir)) return dir;
  const kinds = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory() && hasJson(path.join(dir, name))).sort();
  if (kinds.length === 1) return path.join(dir, kinds[0]);
  throw new UsageError({
    component: COMPONENT,
    expected: `tapes (*.json) in ${dir} or in exactly one folder below it`,
    seen: kinds.length === 0 ? 'none' : `${kinds.length} folders of tapes (${kinds.join(', ')})`,
    action: kinds.length === 0 ? 'record tapes first (--record), or pass the folder that holds them' : `pass one of them, e.g. ${path.join(dir, kinds[0])}`,
  });
}

/** Loads every tape of one side; a malformed tape makes the whole side unusable. */
export function loadTapeSet({ dir, label, skip = [] }: { dir: string; label: string; skip?: readonly string[] }): TapeSetInput {
  const folder = tapeFolder({ dir });
  const loaded = loadTapes({ dir: folder });
  // Files that sit beside the tapes but are not tapes (a session's conformance.json).
  const keep = (file: string) => !skip.includes(path.basename(file));
  const tapes = loaded.tapes.filter((t) => keep(t.file));
  const errors = loaded.errors.filter((e) => keep(e.file));
  if (errors.length > 0) {
    throw new UsageError({ component: COMPONENT, expected: `every tape in ${folder} to be a cpct-tape/1 tape`, seen: errors[0].error.message, action: 'fix or re-record that tape, or move it out of the folder' });
  }
  if (tapes.length === 0) throw new UsageError({ component: COMPONENT, expected: `tapes in ${folder}`, seen: 'none', action: 'record tapes first (--record)' });
  return { label, tapes };
}
