/**
 * Prints a bench report as Markdown (the machine line and the table), for README.md:
 * `node --import tsx bench/markdown.ts [reports/bench.json]`.
 */
import { readFileSync } from 'node:fs';
import { formatMarkdown, type BenchReport } from './report.ts';

const file = process.argv[2] ?? 'reports/bench.json';
const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
const m = report.machine;
const r = report.run;
process.stdout.write(
  `Measured on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ${r.mode} run of ${r.seconds} s started ${r.startedAt}, ` +
    `1-minute load average ${r.loadAverage[0]} at the start and ${r.loadAverage[1]} at the end.\n\n${formatMarkdown({ results: report.results })}`,
);
