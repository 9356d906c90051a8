/**
 * `cpct drift A B` and the compare step of `--record --diff`: load both sides, compare by shape, write drift.json and
 * drift.md, print the summary. Unusable input throws a UsageError (exit 2).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareTapeSets, type DriftReport } from './compare.ts';
import { driftExitCode, formatDriftSummary, writeDrift } from './report.ts';
import { DEFAULT_RULES, loadUserRules } from './rules.ts';
import { loadTapeSet } from './tape-set.ts';

/** Compares the tapes in `a` and `b`, writes the reports under `reportsDir`; returns the exit code and the report. */
export async function runDrift({ a, b, reportsDir, rules, cwd, stdout }: {
  a: string;
  b: string;
  reportsDir: string;
  /** A user rules file, prepended to the built-in rules. */
  rules?: string;
  cwd: string;
  stdout: { write(text: string): unknown };
}): Promise<{ code: number; report: DriftReport }> {
  const table = rules ? [...loadUserRules({ file: rules }), ...DEFAULT_RULES] : DEFAULT_RULES;
  const label = (dir: string) => path.relative(cwd, dir) || '.';
  const report = compareTapeSets({ a: loadTapeSet({ dir: a, label: label(a) }), b: loadTapeSet({ dir: b, label: label(b) }), rules: table });
  const files = await writeDrift({ report, dir: reportsDir });
  stdout.write(formatDriftSummary({ report }));
  stdout.write(`Reports: ${path.relative(cwd, files.json)}, ${path.relative(cwd, files.md)}\n`);
  return { code: driftExitCode({ report }), report };
}

/** The folder `--record --diff` compares with by default: the package's committed set for the kind, else recordings/mock. */
export function defaultDiffDir({ packageRoot, targetKind }: { packageRoot: string; targetKind: string }): string {
  const own = path.join(packageRoot, 'recordings', targetKind);
  return existsSync(own) ? own : path.join(packageRoot, 'recordings', 'mock');
}
