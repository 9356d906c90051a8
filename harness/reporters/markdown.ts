/**
 * conformance.md: the run for people reading a pull request or a CI summary. Summary, an operation x area table of
 * outcomes, then every failure with what was expected, what was seen and the exchange that showed it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConformanceReport } from '../run/report.ts';
import {
  exchangeView,
  failureExchange,
  operationAreaMatrix,
  reportRows,
  STATUSES,
  type ExchangesByContract,
  type ReportRow,
  type RowExtras,
} from './common.ts';

/** Escapes text for one Markdown table cell (pipes, line breaks). */
export function mdCell({ text }: { text: string }): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A fenced code block whose fence is longer than any backtick run inside, so a body cannot close it early. */
export function mdFence({ text, lang = '' }: { text: string; lang?: string }): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text}\n${fence}`;
}

function cellText(counts: Record<string, number> | undefined): string {
  if (!counts) return '';
  return STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

function failureSection({ row, exchanges }: { row: ReportRow; exchanges?: ExchangesByContract }): string {
  const lines = [`### ${row.id} ${mdCell({ text: row.title })}`, ''];
  lines.push(`- area: ${row.area}; level: ${row.level}; operations: ${row.operations.join(', ') || '(none)'}`);
  lines.push(`- source: ${row.source}`);
  lines.push(`- expected: ${row.expected ?? '(see reason)'}`);
  lines.push(`- seen: ${row.seen ?? '(see reason)'}`);
  lines.push('', mdFence({ text: row.reason || '(no reason given)' }));
  const exchange = failureExchange({ id: row.id, exchanges });
  if (exchange) {
    const view = exchangeView({ exchange });
    lines.push('', `Last exchange (${view.operation}):`, '', mdFence({ text: `${view.requestLine}\n\n${view.requestBody}`.trimEnd(), lang: 'http' }));
    const headers = Object.entries(view.responseHeaders).map(([k, v]) => `${k}: ${v}`);
    lines.push('', mdFence({ text: [`HTTP ${view.status}`, ...headers, '', view.responseBody].join('\n').trimEnd(), lang: 'http' }));
  }
  return lines.join('\n');
}

/** Builds conformance.md from the report; `results` adds area / expected / seen, `exchanges` the failing requests. */
export function buildMarkdown({ report, results, exchanges }: { report: ConformanceReport; results?: readonly RowExtras[]; exchanges?: ExchangesByContract }): string {
  const rows = reportRows({ report, results });
  const { pass, fail, na, skip } = report.summary;
  const out: string[] = ['# Customer Profiles conformance', ''];
  out.push(`- target: ${report.target}`, `- started: ${report.startedAt}`, `- SDK: @aws-sdk/client-customer-profiles ${report.sdkVersion}`, `- seed: ${report.seed}`, '');
  out.push('| pass | fail | na | skip | total |', '|---:|---:|---:|---:|---:|', `| ${pass} | ${fail} | ${na} | ${skip} | ${rows.length} |`, '');

  const matrix = operationAreaMatrix({ rows });
  out.push('## Outcomes by operation and area', '', 'A contract counts under every operation it calls.', '');
  out.push(`| operation | ${matrix.areas.map((a) => mdCell({ text: a })).join(' | ')} |`);
  out.push(`|---|${matrix.areas.map(() => '---').join('|')}|`);
  for (const op of matrix.operations) {
    out.push(`| ${mdCell({ text: op })} | ${matrix.areas.map((a) => cellText(matrix.cells[op]?.[a])).join(' | ')} |`);
  }
  out.push('');

  const failures = rows.filter((r) => r.status === 'fail');
  out.push(`## Failures (${failures.length})`, '');
  if (failures.length === 0) out.push('None.', '');
  for (const row of failures) out.push(failureSection({ row, exchanges }), '');

  const others = rows.filter((r) => r.status === 'na' || r.status === 'skip');
  if (others.length > 0) {
    out.push(`## Not applicable or skipped (${others.length})`, '', '| id | status | reason |', '|---|---|---|');
    for (const r of others) out.push(`| ${r.id} | ${r.status} | ${mdCell({ text: r.reason })} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Writes conformance.md into `dir` (created if missing) and returns its path. */
export async function writeMarkdown({ markdown, dir }: { markdown: string; dir: string }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'conformance.md');
  await writeFile(file, markdown, 'utf8');
  return file;
}
