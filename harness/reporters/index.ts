/**
 * The reporters: conformance.md, junit.xml, index.html and api-coverage.json, each built by a pure build*() and
 * written by a write*(). `writeRunReports` writes all of them for one finished run.
 */
import type { ConformanceReport } from '../run/report.ts';
import { writeApiCoverage, type ApiCoverage } from './api-coverage.ts';
import type { ExchangesByContract, RowExtras } from './common.ts';
import { buildHtml, writeHtml } from './html.ts';
import { buildJunit, writeJunit, type FailureCounting } from './junit.ts';
import { buildMarkdown, writeMarkdown } from './markdown.ts';

export { buildApiCoverage, writeApiCoverage, matchLabels, PROVOKABLE_ERRORS, UNPROVOKABLE_ERRORS, type ApiCoverage, type CoverageCount } from './api-coverage.ts';
export { checkCoverageGoals, CORE_COVERAGE_GOALS, type CoverageGoals, type CoverageShortfall } from './coverage-goals.ts';
export { buildHtml, writeHtml } from './html.ts';
export { buildJunit, writeJunit, type FailureCounting } from './junit.ts';
export { buildMarkdown, writeMarkdown } from './markdown.ts';
export type { ExchangeLike, ExchangesByContract, RowExtras } from './common.ts';

/** Paths of the files writeRunReports wrote. */
export interface WrittenReports {
  markdown: string;
  junit: string;
  html: string;
  apiCoverage?: string;
}

/** Writes conformance.md, junit.xml, index.html and (given coverage) api-coverage.json into `dir`. */
export async function writeRunReports({ dir, report, results, exchanges, coverage, counting }: {
  dir: string;
  /** Which failures fail the run (--strict, --strict-output); junit.xml shows only those as <failure>. */
  counting?: FailureCounting;
  report: ConformanceReport;
  results?: readonly RowExtras[];
  exchanges?: ExchangesByContract;
  coverage?: ApiCoverage;
}): Promise<WrittenReports> {
  const markdown = await writeMarkdown({ markdown: buildMarkdown({ report, results, exchanges }), dir });
  const junit = await writeJunit({ xml: buildJunit({ report, results, counting }), dir });
  const html = await writeHtml({ html: buildHtml({ report, results, exchanges, coverage }), dir });
  const apiCoverage = coverage ? await writeApiCoverage({ coverage, dir }) : undefined;
  return apiCoverage ? { markdown, junit, html, apiCoverage } : { markdown, junit, html };
}
