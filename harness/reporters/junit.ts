/**
 * junit.xml: the run for CI systems (GitHub, GitLab, Jenkins). One testsuite per area, one testcase per contract;
 * a FAIL that fails the run is a <failure>; a FAIL that does not (an `assumed` contract without --strict) is a
 * <skipped> whose message starts "FAIL (not counted", with a `verdict` property `fail`, so CI report actions do not
 * show red for a run that exited 0; NA and SKIP are <skipped>. Follows the common (Jenkins / Ant) JUnit layout. Each testcase
 * carries <properties> first (level, one `evidence` per cited entry, one `warning` per response warning): test-case
 * properties are the common convention pytest, Playwright and test-management tools read; tools that only know
 * suite properties ignore them, and the strict Ant schema (suite properties only) does not allow them.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { failureCounts, type ConformanceReport } from '../run/report.ts';
import { evidenceLine, reportRows, type ReportRow, type RowExtras } from './common.ts';
import { ensureDir } from '../fs-dirs.ts';

// Characters XML 1.0 cannot carry at all (C0 controls but tab / LF / CR, lone surrogates, U+FFFE, U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML attribute or element: markup characters escaped, characters XML forbids removed, unicode kept. */
export function xmlEscape({ text }: { text: string }): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values are normalised by parsers: keep line breaks and tabs as references so they survive.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** Which failures fail the run: the CLI's --strict and --strict-output (both off unless given). */
export interface FailureCounting {
  strict: boolean;
  strictOutput: boolean;
}

/** A testcase's properties: what a reader needs to judge its verdict without the code (level, evidence, warnings). */
function caseProperties(row: ReportRow, verdict?: string): string {
  const property = (name: string, value: string) => `        <property name="${name}" value="${xmlEscape({ text: value })}"/>`;
  const lines = [property('level', row.level), ...(verdict ? [property('verdict', verdict)] : []), ...row.evidence.map((ref) => property('evidence', evidenceLine({ ref }))), ...row.warnings.map((w) => property('warning', w))];
  return `      <properties>\n${lines.join('\n')}\n      </properties>`;
}

function counted(row: ReportRow, counting: FailureCounting): boolean {
  return failureCounts({ result: row, strict: counting.strict, strictOutput: counting.strictOutput });
}

function testcase(row: ReportRow, counting: FailureCounting): string {
  const uncounted = row.status === 'fail' && !counted(row, counting);
  const open = `    <testcase classname="${xmlEscape({ text: row.area })}" name="${xmlEscape({ text: `${row.id} ${row.title}` })}" time="${seconds(row.durationMs)}">\n${caseProperties(row, uncounted ? 'fail' : undefined)}`;
  const close = '\n    </testcase>';
  if (row.status === 'pass') return `${open}${close}`;
  if (uncounted) {
    const why = `FAIL (not counted: level ${row.level}; only --strict makes it fail the run): ${row.reason || 'failed'}`;
    return `${open}\n      <skipped message="${xmlEscape({ text: why })}"/>${close}`;
  }
  if (row.status === 'fail') {
    const body = [row.reason, row.expected !== undefined ? `expected: ${row.expected}` : '', row.seen !== undefined ? `seen: ${row.seen}` : '', `level: ${row.level}`, `source: ${row.source}`, `operations: ${row.operations.join(', ')}`]
      .filter(Boolean)
      .join('\n');
    return `${open}\n      <failure message="${xmlEscape({ text: row.reason || 'failed' })}" type="${row.level}">${xmlEscape({ text: body })}</failure>${close}`;
  }
  const prefix = row.status === 'na' ? 'NA: ' : 'SKIP: ';
  return `${open}\n      <skipped message="${xmlEscape({ text: prefix + (row.reason || row.status) })}"/>${close}`;
}

/** Builds junit.xml from the report; `results` (the collector's) supplies areas, else the id prefix names the suite. */
export function buildJunit({ report, results, counting = { strict: false, strictOutput: false } }: {
  report: ConformanceReport;
  results?: readonly RowExtras[];
  counting?: FailureCounting;
}): string {
  const rows = reportRows({ report, results });
  const byArea = new Map<string, ReportRow[]>();
  for (const row of rows) byArea.set(row.area, [...(byArea.get(row.area) ?? []), row]);
  const count = (list: ReportRow[], pick: (r: ReportRow) => boolean) => list.filter(pick).length;
  const total = (list: ReportRow[]) => list.reduce((sum, r) => sum + r.durationMs, 0);
  const attrs = (list: ReportRow[]) =>
    `tests="${list.length}" failures="${count(list, (r) => r.status === 'fail' && counted(r, counting))}" errors="0" skipped="${count(list, (r) => r.status === 'na' || r.status === 'skip' || (r.status === 'fail' && !counted(r, counting)))}" time="${seconds(total(list))}"`;
  const name = xmlEscape({ text: `Customer Profiles conformance (${report.target})` });
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${name}" ${attrs(rows)}>`];
  for (const area of [...byArea.keys()].sort()) {
    const list = byArea.get(area) ?? [];
    out.push(`  <testsuite name="${xmlEscape({ text: area })}" ${attrs(list)} timestamp="${xmlEscape({ text: report.startedAt.replace(/(\.\d+)?Z$/, '') })}">`);
    out.push('    <properties>');
    out.push(`      <property name="target" value="${xmlEscape({ text: report.target })}"/>`);
    out.push(`      <property name="sdkVersion" value="${xmlEscape({ text: report.sdkVersion })}"/>`);
    out.push(`      <property name="seed" value="${report.seed}"/>`);
    out.push('    </properties>');
    for (const row of list) out.push(testcase(row, counting));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** Writes junit.xml into `dir` (created if missing) and returns its path. */
export async function writeJunit({ xml, dir }: { xml: string; dir: string }): Promise<string> {
  await ensureDir({ dir });
  const file = path.join(dir, 'junit.xml');
  await writeFile(file, xml, 'utf8');
  return file;
}
