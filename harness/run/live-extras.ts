/**
 * What a run reports besides conformance.json (whose shape DESIGN.md fixes): calls by operation
 * (`reports/calls.json`), replay notes (tape versions, unused entries) and the outcome of a recording
 * (`reports/recording.json`: tapes written, responses that broke the schemas, anything the scanner found).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReplaySet } from '../recording/replay-set.ts';
import { formatFindings, scanFile, type Finding } from '../recording/scan.ts';
import { loadTape } from '../recording/tape.ts';
import type { RecordConfig, SessionReport } from './config.ts';

/** Unused tape entries listed per file before "… and N more". */
const UNUSED_SHOWN = 10;

/** The reports the contract files' sessions left in the run's outbox, by area. */
export async function readOutbox({ dir }: { dir: string }): Promise<SessionReport[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out: SessionReport[] = [];
  for (const name of names) out.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')) as SessionReport);
  return out;
}

/** `replay recordings/mock (endpoint tapes: sdk 3.1019.0, project 0.1.0)`: the report says where the tapes came from. */
export function replayLabel({ set, cwd }: { set: ReplaySet; cwd: string }): string {
  const where = path.relative(cwd, path.join(set.root, set.kind)) || '.';
  const distinct = (pick: (m: ReplaySet['tapes'][number]['tape']['meta']) => string) => [...new Set(set.tapes.map((t) => pick(t.tape.meta)))].sort().join('+') || 'none';
  return `replay ${where} (${distinct((m) => m.targetKind)} tapes: sdk ${distinct((m) => m.sdkVersion)}, project ${distinct((m) => m.projectVersion)})`;
}

/** Writes `<dir>/calls.json` ({ target, total, byOperation, byFile }) and returns the table printed for AWS runs. */
export async function reportCalls({ target, sessions, dir }: { target: string; sessions: readonly SessionReport[]; dir: string }): Promise<{ text: string; total: number; byOperation: Record<string, number> }> {
  const byOperation: Record<string, number> = {};
  const byFile: Record<string, number> = {};
  for (const s of sessions) {
    for (const [op, n] of Object.entries(s.calls)) {
      byOperation[op] = (byOperation[op] ?? 0) + n;
      byFile[s.area] = (byFile[s.area] ?? 0) + n;
    }
  }
  const sorted = Object.fromEntries(Object.entries(byOperation).sort(([a], [b]) => (a < b ? -1 : 1)));
  const total = Object.values(byOperation).reduce((a, b) => a + b, 0);
  await writeFile(path.join(dir, 'calls.json'), `${JSON.stringify({ target, total, byOperation: sorted, byFile }, null, 2)}\n`, 'utf8');
  const width = Math.max(9, ...Object.keys(sorted).map((k) => k.length));
  const lines = ['', `Calls by operation (${total} in all; the CLI's final cleanup not included; ${path.join(dir, 'calls.json')}):`];
  for (const [op, n] of Object.entries(sorted)) lines.push(`  ${op.padEnd(width)}  ${String(n).padStart(6)}`);
  return { text: `${lines.join('\n')}\n`, total, byOperation: sorted };
}

/** Prints (stderr) the tapes' versions and compatibility notes, and the tape entries the run did not use. */
export function reportReplay({ set, sessions, stderr }: { set: ReplaySet; sessions: readonly SessionReport[]; stderr: { write(text: string): unknown } }): void {
  const notes = new Set<string>();
  let unusedTotal = 0;
  const lines: string[] = [];
  for (const s of sessions) {
    for (const n of s.tape?.notes ?? []) notes.add(n);
    const unused = s.unused ?? [];
    if (unused.length === 0) continue;
    unusedTotal += unused.length;
    lines.push(`  ${s.tape?.file ?? s.area}: ${unused.length} unused`);
    for (const u of unused.slice(0, UNUSED_SHOWN)) lines.push(`    interactions[${u.index}] ${u.method} ${u.path}${u.operation ? ` (${u.operation})` : ''}`);
    if (unused.length > UNUSED_SHOWN) lines.push(`    … and ${unused.length - UNUSED_SHOWN} more`);
  }
  for (const n of notes) stderr.write(`cpct: replay: ${n}\n`);
  if (unusedTotal > 0) {
    stderr.write(`cpct: replay: ${unusedTotal} tape entr${unusedTotal === 1 ? 'y was' : 'ies were'} not requested (the run sent fewer requests than were recorded):\n${lines.join('\n')}\n`);
  }
  const replayed = new Set(sessions.map((s) => s.tape?.file));
  const idle = set.tapes.filter((t) => !replayed.has(t.file));
  if (idle.length > 0) stderr.write(`cpct: replay: ${idle.length} tape(s) not used by any contract file of this run: ${idle.map((t) => t.file).join(', ')}\n`);
}

/** One response of a tape that broke the schemas. */
interface FlaggedResponse {
  interaction: number;
  operation?: string;
  status: number;
  violations: { part: string; pointer: string; expected: string; seen: string; severity: string }[];
}

/**
 * After a record run: re-scans every tape the sessions wrote (the recorder already scanned and deleted unclean ones),
 * writes `<reportsDir>/recording.json` and says whether the recording is clean. Unclean (a finding, or a tape that
 * could not be written) fails the run with exit 1.
 */
export async function finishRecording({ record, sessions, reportsDir }: { record: RecordConfig; sessions: readonly SessionReport[]; reportsDir: string }): Promise<{ ok: boolean; text: string }> {
  const tapes: { file: string; interactions: number; flagged: FlaggedResponse[] }[] = [];
  const failures: string[] = [];
  const findings: Finding[] = [];
  for (const s of sessions) {
    const r = s.recorded;
    if (!r) continue;
    if (r.error) {
      failures.push(r.error);
      continue;
    }
    const found = scanFile({ file: r.file });
    findings.push(...found);
    const tape = loadTape({ file: r.file });
    const flagged: FlaggedResponse[] = [];
    tape.interactions.forEach((i, index) => {
      if (i.violations && i.violations.length > 0) {
        flagged.push({ interaction: index, operation: i.operation, status: i.status, violations: i.violations.map(({ part, pointer, expected, seen, severity }) => ({ part, pointer, expected, seen, severity })) });
      }
    });
    tapes.push({ file: r.file, interactions: tape.interactions.length, flagged });
  }
  const file = path.join(reportsDir, 'recording.json');
  const ok = failures.length === 0 && findings.length === 0;
  await writeFile(file, `${JSON.stringify({ dir: path.join(record.dir, record.targetKind), targetKind: record.targetKind, ok, tapes, findings, failures }, null, 2)}\n`, 'utf8');
  const flaggedCount = tapes.reduce((n, t) => n + t.flagged.length, 0);
  const lines = [
    `cpct: recorded ${tapes.length} tape(s) in ${path.join(record.dir, record.targetKind)} (${tapes.reduce((n, t) => n + t.interactions, 0)} interactions)` +
      (flaggedCount > 0 ? `; ${flaggedCount} recorded response(s) broke the schemas (kept, flagged): see ${file}` : '; every response matched the schemas'),
  ];
  for (const f of failures) lines.push(`cpct: ${f}`);
  if (findings.length > 0) lines.push(`cpct: record: expected no secret or personal data in the written tapes; saw:\n${formatFindings({ findings })}\ndelete those tapes, extend harness/recording/sanitize.ts and record again`);
  return { ok, text: `${lines.join('\n')}\n` };
}
