/**
 * conformance.md: the run for people reading a pull request or a CI summary. Summary, an operation x area table of
 * outcomes, every failure with what was expected, what was seen, the evidence it rests on, its response warnings and
 * the exchange that showed it, then the warnings of the run and every contract with its evidence.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConformanceReport } from '../run/report.ts';
import type { EvidenceRef } from '../evidence/register.ts';
import {
  citationParts,
  exchangeView,
  failureExchange,
  operationAreaMatrix,
  reportRows,
  STATUSES,
  type ExchangesByContract,
  type ReportRow,
  type RowExtras,
  WARNINGS_NOTE,
} from './common.ts';
import { ensureDir } from '../fs-dirs.ts';

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

/**
 * Text as inline code for a table cell: markup in it stays literal (a response can make a warning say anything);
 * pipes are escaped, which GitHub's tables undo inside code spans, and backslashes are kept as they are.
 */
export function mdCodeCell({ text }: { text: string }): string {
  return mdFenceInline({ text }).replace(/\|/g, '\\|');
}

/** Inline code that a backtick inside the text cannot end early. */
function mdFenceInline({ text }: { text: string }): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function cellText(counts: Record<string, number> | undefined): string {
  if (!counts) return '';
  return STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

/** One evidence reference in Markdown: id in code, kind, then the citation (GitHub links bare http URLs itself). */
function evidenceText(ref: EvidenceRef): string {
  const { target, location } = citationParts({ where: ref.where });
  return `\`${ref.id}\` ${ref.kind}: ${target}${location !== undefined ? ` (${location})` : ''}`;
}

function failureSection({ row, exchanges }: { row: ReportRow; exchanges?: ExchangesByContract }): string {
  const lines = [`### ${row.id} ${mdCell({ text: row.title })}`, ''];
  lines.push(`- area: ${row.area}; level: ${row.level}; operations: ${row.operations.join(', ') || '(none)'}`);
  lines.push(`- source: ${row.source}`);
  if (row.evidence.length === 0) lines.push('- evidence: none cited');
  else lines.push('- evidence:', ...row.evidence.map((ref) => `  - ${evidenceText(ref)}`));
  if (row.warnings.length > 0) lines.push(`- response warnings (${row.warnings.length}):`, ...row.warnings.map((w) => `  - ${mdFenceInline({ text: w })}`));
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
  const { pass, fail, na, skip, warnings } = report.summary;
  const out: string[] = ['# Customer Profiles conformance', ''];
  out.push(`- target: ${report.target}`, `- started: ${report.startedAt}`, `- SDK: @aws-sdk/client-customer-profiles ${report.sdkVersion}`, `- seed: ${report.seed}`, '');
  out.push('| pass | fail | na | skip | total | warnings |', '|---:|---:|---:|---:|---:|---:|', `| ${pass} | ${fail} | ${na} | ${skip} | ${rows.length} | ${warnings} |`, '');

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

  const warned = rows.filter((r) => r.warnings.length > 0);
  out.push(`## Response warnings (${warned.reduce((sum, r) => sum + r.warnings.length, 0)})`, '', WARNINGS_NOTE, '');
  if (warned.length === 0) out.push('None.', '');
  else {
    out.push('| id | status | warning |', '|---|---|---|');
    for (const r of warned) for (const w of r.warnings) out.push(`| ${r.id} | ${r.status} | ${mdCodeCell({ text: w })} |`);
    out.push('');
  }

  out.push('## Contracts and their evidence', '', 'Each contract, its level and the register entries (specs/evidence) its verdict rests on.', '');
  out.push('| id | status | level | evidence | warnings |', '|---|---|---|---|---:|');
  for (const r of rows) {
    const cited = r.evidence.length === 0 ? 'none cited' : r.evidence.map((ref) => mdCell({ text: evidenceText(ref) })).join('<br>');
    out.push(`| ${r.id} | ${r.status} | ${r.level} | ${cited} | ${r.warnings.length} |`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Writes conformance.md into `dir` (created if missing) and returns its path. */
export async function writeMarkdown({ markdown, dir }: { markdown: string; dir: string }): Promise<string> {
  await ensureDir({ dir });
  const file = path.join(dir, 'conformance.md');
  await writeFile(file, markdown, 'utf8');
  return file;
}
