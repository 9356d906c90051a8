/**
 * `npm run bench [-- --quick] [-- --only NAME[,NAME]] [-- --reports DIR]`: measures each figure against its floor
 * in the same process or the same run (interleaved rounds, so drift on a shared machine hits both), writes
 * reports/bench.json and prints a table. Every loop is bounded in count and time: about a minute with --quick, at
 * most about five without. Servers listen on loopback only and are stopped by the figure that started them.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatError, UsageError } from '../harness/errors.ts';
import { ensureDirSync } from '../harness/fs-dirs.ts';
import { FIGURES, type Mode } from './figures.ts';
import { buildReport, formatTable, type BenchRow, type MachineInfo } from './report.ts';

/** The machine the figures were measured on. */
function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function usage(): string {
  return [
    'usage: npm run bench [-- --quick] [-- --only NAME[,NAME…]] [-- --reports DIR]',
    '',
    '  --quick          about a minute: fewer calls and rounds, smaller scale for calculated attributes; leaves out npmtest (minutes in any mode) unless --only names it',
    '  --only NAMES     run only these figures (comma-separated)',
    '  --reports DIR    where bench.json goes (default reports/)',
    '',
    'figures:',
    ...FIGURES.map((f) => `  ${f.name.padEnd(12)} ${f.title}`),
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  // As in harness/cli.ts: the SDK's Node-version warning would only add noise to the output (and to child runs).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  let values;
  try {
    ({ values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string', multiple: true }, reports: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    throw new UsageError({ component: 'bench', expected: 'known flags', seen: (e as Error).message.split('\n')[0], action: 'see npm run bench -- --help' });
  }
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  const mode: Mode = values.quick ? 'quick' : 'full';
  const only = (values.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((n) => !FIGURES.some((f) => f.name === n));
  if (unknown.length > 0) {
    throw new UsageError({ component: 'bench', expected: `--only with figure names from ${FIGURES.map((f) => f.name).join(', ')}`, seen: unknown.join(', '), action: 'pick names from that list' });
  }
  const chosen = only.length > 0 ? FIGURES.filter((f) => only.includes(f.name)) : FIGURES.filter((f) => mode === 'full' || !f.fullOnly);
  const reportsDir = path.resolve(values.reports ?? 'reports');
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0];
  const began = performance.now();
  const results: BenchRow[] = [];
  for (const figure of chosen) {
    const budgetMs = figure.budgetMs[mode];
    log(`${figure.name}: ${figure.title} (budget ${budgetMs / 1000} s)`);
    const t = performance.now();
    const rows = await figure.run({ mode, budgetMs, log });
    results.push(...rows);
    log(`${figure.name}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const report = buildReport({
    machine: machineInfo(),
    run: { mode, only, startedAt: startedAt.toISOString(), seconds: Math.round((performance.now() - began) / 100) / 10, loadAverage: [loadAtStart, os.loadavg()[0]].map((x) => Math.round(x * 100) / 100) as [number, number] },
    results,
  });
  // Never a recursive mkdir: on this Node it loops forever under /proc (harness/fs-dirs.ts).
  ensureDirSync({ dir: reportsDir });
  const file = path.join(reportsDir, 'bench.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const m = report.machine;
  process.stdout.write(`\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ${mode} run, ${report.run.seconds} s, load average ${report.run.loadAverage.join(' -> ')}\n\n`);
  process.stdout.write(formatTable({ results }));
  process.stdout.write(`\nReport: ${file}\n`);
  return 0;
}

try {
  const code = await main();
  process.exitCode = code;
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${formatError({ component: 'bench', expected: 'every figure to complete', seen: e instanceof Error ? (e.stack ?? e.message) : String(e), action: 'fix the cause and run again (or --only the other figures)' })}\n`);
    process.exitCode = 1;
  }
}
