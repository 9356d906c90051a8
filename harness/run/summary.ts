import path from 'node:path';
import type { CollectedResult } from './report.ts';
import { failureCounts, summarize } from './report.ts';

/** Warnings printed on stdout; the reports list them all. */
const SHOWN_WARNINGS = 5;

/** The one line that states the response-check policy of the run. */
export function outputPolicyLine({ strictOutput }: { strictOutput: boolean }): string {
  const rule = 'Response checks: protocol, JSON types and required members are errors; values breaking an input constraint of the model, unknown members and enum values the model does not list are warnings';
  return strictOutput
    ? `${rule}; --strict-output: a contract with warnings fails and counts in the exit code (docs/response-checks.md).`
    : `${rule}, which change no verdict without --strict-output (docs/response-checks.md).`;
}

/** Renders the summary printed on stdout after a run: a pass/fail/na/skip table by area, each failure, then the response warnings. */
export function formatSummary({ target, seed, runId, results, strict, strictOutput = false, reportPath, waiting }: {
  target: string;
  seed: number;
  runId: string;
  results: readonly CollectedResult[];
  strict: boolean;
  strictOutput?: boolean;
  reportPath?: string;
  /** The run's waiting on eventual consistency and its budget (--converge-ms). */
  waiting?: { waitedMs: number; waits: number; budgetMs: number };
}): string {
  const lines: string[] = [];
  lines.push(`Customer Profiles conformance: ${target} (seed ${seed}, run ${runId})`, '');
  const areas = [...new Set(results.map((r) => r.area))].sort();
  const width = Math.max(5, ...areas.map((a) => a.length));
  const row = (name: string, s: { pass: number; fail: number; na: number; skip: number }) =>
    `${name.padEnd(width)}  ${String(s.pass).padStart(5)}  ${String(s.fail).padStart(5)}  ${String(s.na).padStart(5)}  ${String(s.skip).padStart(5)}`;
  lines.push(`${'area'.padEnd(width)}  ${'pass'.padStart(5)}  ${'fail'.padStart(5)}  ${'na'.padStart(5)}  ${'skip'.padStart(5)}`);
  for (const area of areas) lines.push(row(area, summarize({ results: results.filter((r) => r.area === area) })));
  lines.push(row('total', summarize({ results })));

  const failures = results.filter((r) => r.status === 'fail').sort((a, b) => (a.id < b.id ? -1 : 1));
  if (failures.length > 0) {
    lines.push('', 'Failures:');
    for (const f of failures) {
      const counted = failureCounts({ result: f, strict, strictOutput });
      lines.push(`  FAIL ${f.id} [${f.level}${counted ? '' : ', not counted'}] ${f.title}`);
      if (f.expected !== undefined && f.seen !== undefined) {
        lines.push(`       expected: ${oneLine(f.expected)}`, `       seen:     ${oneLine(f.seen)}`);
      } else {
        lines.push(`       ${oneLine(f.reason)}`);
      }
    }
  }
  const others = results.filter((r) => r.status === 'na' || r.status === 'skip').sort((a, b) => (a.id < b.id ? -1 : 1));
  if (others.length > 0) {
    lines.push('', 'Not applicable or skipped:');
    for (const o of others) lines.push(`  ${o.status.toUpperCase().padEnd(4)} ${o.id}: ${oneLine(o.reason)}`);
  }
  const assumedFails = failures.filter((f) => f.level === 'assumed' && !failureCounts({ result: f, strict, strictOutput })).length;
  if (assumedFails > 0) {
    lines.push('', `${assumedFails} assumed contract(s) failed: reported, but they do not change the exit code without --strict.`);
  }
  const warned = [...results].filter((r) => r.warnings.length > 0).sort((a, b) => (a.id < b.id ? -1 : 1));
  const total = warned.reduce((sum, r) => sum + r.warnings.length, 0);
  lines.push('', `Response warnings: ${total}${total > 0 ? ` in ${warned.length} contract(s)` : ''}`);
  const shown = warned.flatMap((r) => r.warnings.map((w) => `  ${r.id}: ${oneLine(w)}`)).slice(0, SHOWN_WARNINGS);
  lines.push(...shown);
  if (total > shown.length) lines.push(`  … and ${total - shown.length} more (each contract's "warnings" in the report)`);
  lines.push(outputPolicyLine({ strictOutput }));
  if (waiting) lines.push(waitingLine({ waiting }));
  if (reportPath) lines.push('', `Report: ${reportPath}`, `        ${path.join(path.dirname(reportPath), 'index.html')} (open in a browser; conformance.md, junit.xml beside it)`);
  return `${lines.join('\n')}\n`;
}

/** The line that says how long the run waited for the target to converge, against its budget. */
export function waitingLine({ waiting }: { waiting: { waitedMs: number; waits: number; budgetMs: number } }): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const spent = waiting.waitedMs >= waiting.budgetMs ? '; the budget was spent, so later waits polled once' : '';
  return `Waiting for the target to converge: ${seconds(waiting.waitedMs)} in ${waiting.waits} wait(s) (summed over contract files run side by side; budget --converge-ms ${waiting.budgetMs}${spent}).`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}
