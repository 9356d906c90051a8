/**
 * Drift reports: the terminal summary and drift.md are computed from a DriftReport; `writeDrift` writes drift.json
 * and drift.md.
 */
import path from 'node:path';
import { writeJsonAndMarkdown } from '../report-files.ts';
import type { DriftDifference, DriftReport } from './compare.ts';

/** Exit code of `cpct drift`: 1 when there is any difference, else 0 (2, unusable input, is the CLI's). */
export function driftExitCode({ report }: { report: DriftReport }): number {
  return report.differences.length > 0 || report.onlyInA.length > 0 || report.onlyInB.length > 0 ? 1 : 0;
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line per difference: `[kind] path: A value | B value (count)`. */
export function describeDifference({ d }: { d: DriftDifference }): string {
  return `[${d.kind}] ${d.path}: ${show(d.a)} | ${show(d.b)}${d.count > 1 ? ` (${d.count} times)` : ''}`;
}

/** The terminal summary: totals, then each operation with its differences (at most `max` lines in all). */
export function formatDriftSummary({ report, max = 40 }: { report: DriftReport; max?: number }): string {
  const lines = [
    `drift: A = ${report.a.label} (${report.a.tapes} tapes, ${report.a.interactions} interactions), B = ${report.b.label} (${report.b.tapes} tapes, ${report.b.interactions} interactions)`,
  ];
  if (report.onlyInA.length > 0) lines.push(`  contract files only in A: ${report.onlyInA.join(', ')}`);
  if (report.onlyInB.length > 0) lines.push(`  contract files only in B: ${report.onlyInB.join(', ')}`);
  let shown = 0;
  for (const d of report.differences) {
    if (shown >= max) break;
    lines.push(`  ${d.operation} (${d.contractFile}) ${describeDifference({ d })}`);
    shown++;
  }
  if (report.differences.length > shown) lines.push(`  … ${report.differences.length - shown} more in drift.md`);
  const ops = Object.keys(report.byOperation).length;
  lines.push(
    report.differences.length === 0 && report.onlyInA.length === 0 && report.onlyInB.length === 0
      ? `No difference by shape over ${report.pairs} aligned interactions.`
      : `${report.differences.length} difference(s) in ${ops} operation(s) over ${report.pairs} aligned interactions.`,
  );
  return `${lines.join('\n')}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** drift.md: per operation, each difference with both values and an example interaction on each side. */
export function formatDriftMarkdown({ report }: { report: DriftReport }): string {
  const out = [`# Drift: ${report.a.label} vs ${report.b.label}`, '', '```', formatDriftSummary({ report, max: 0 }).trimEnd(), '```', ''];
  const byOp = new Map<string, DriftDifference[]>();
  for (const d of report.differences) {
    if (!byOp.has(d.operation)) byOp.set(d.operation, []);
    byOp.get(d.operation)!.push(d);
  }
  for (const [op, list] of byOp) {
    out.push(`## ${op}`, '', '| contract file | kind | path | A | B | pairs | example in A | example in B |', '|---|---|---|---|---|---|---|---|');
    for (const d of list) {
      const ex = (e: DriftDifference['exampleA']) => (e ? `${path.basename(e.file)} #${e.interaction}: \`${cell(e.exchange)}\`` : '-');
      out.push(`| ${d.contractFile} | ${d.kind} | \`${cell(d.path)}\` | ${cell(show(d.a))} | ${cell(show(d.b))} | ${d.count} | ${ex(d.exampleA)} | ${ex(d.exampleB)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** Writes drift.json and drift.md under `dir`; returns their paths. */
export function writeDrift({ report, dir }: { report: DriftReport; dir: string }): Promise<{ json: string; md: string }> {
  return writeJsonAndMarkdown({ dir, name: 'drift', value: report, markdown: formatDriftMarkdown({ report }) });
}
