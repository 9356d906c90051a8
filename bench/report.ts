/**
 * The pure parts of `npm run bench`: goals, ratio summaries, rows of reports/bench.json and the printed table.
 * Nothing here measures or reads the machine, so it can be tested with hand-computed figures.
 */

/** A goal on a ratio: at most (`<=`) or at least (`>=`) `value`; `report` rows carry a figure with no goal. */
export type Goal = { op: '<=' | '>='; value: number } | { op: 'report' };

/** One entry of reports/bench.json `results` (the shape DESIGN.md fixes, plus optional `shortfall` and `details`). */
export interface BenchRow {
  figure: string;
  floor: string;
  /** The figure's ratio to its floor: the median of the ratio samples (for `report` rows, the figure itself). */
  ratio: number;
  /** `<= 1.5`, `>= 0.5` or `report`. */
  goal: string;
  met: boolean;
  /** How many ratio samples (interleaved rounds) the ratio is the median of. */
  samples: number;
  min: number;
  median: number;
  max: number;
  /** Present only when the goal is missed: by how much, in words. */
  shortfall?: string;
  /** Absolute figures behind the ratio (µs per call, requests/s, …), for context; they drift, the ratio does not. */
  details?: Record<string, number | string | boolean>;
}

/** What reports/bench.json holds. */
export interface BenchReport {
  machine: MachineInfo;
  /** How the run was made; not part of any figure. */
  run: {
    mode: 'quick' | 'full';
    only: string[];
    startedAt: string;
    seconds: number;
    /** 1-minute load average at the start and the end: other work on the machine, which ratios only partly cancel. */
    loadAverage: [number, number];
  };
  results: BenchRow[];
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

/** Parses `<= 1.5`, `>= 0.5` or `report`; anything else is a programming error in the figure table. */
export function parseGoal({ text }: { text: string }): Goal {
  if (text.trim() === 'report') return { op: 'report' };
  const m = /^\s*(<=|>=)\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) throw new Error(`bench: expected a goal like "<= 1.5", ">= 0.5" or "report"; saw ${JSON.stringify(text)}; fix the figure table`);
  return { op: m[1] as '<=' | '>=', value: Number(m[2]) };
}

/** The goal as reports/bench.json writes it. */
export function goalText({ goal }: { goal: Goal }): string {
  return goal.op === 'report' ? 'report' : `${goal.op} ${goal.value}`;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median({ values }: { values: readonly number[] }): number {
  if (values.length === 0) throw new Error('bench: expected at least one sample; saw none; the figure ran no round within its budget');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Count, min, median and max of the ratio samples. */
export function summarize({ samples }: { samples: readonly number[] }): { samples: number; min: number; median: number; max: number } {
  const med = median({ values: samples });
  return { samples: samples.length, min: Math.min(...samples), median: med, max: Math.max(...samples) };
}

/** Per-round ratios of paired measurements: `numerator[i] / denominator[i]`. */
export function pairedRatios({ numerator, denominator }: { numerator: readonly number[]; denominator: readonly number[] }): number[] {
  if (numerator.length !== denominator.length) {
    throw new Error(`bench: expected as many figure samples as floor samples; saw ${numerator.length} and ${denominator.length}; pair every round`);
  }
  return numerator.map((n, i) => n / denominator[i]);
}

/** Whether `ratio` meets `goal`; `report` rows always do. */
export function meets({ ratio, goal }: { ratio: number; goal: Goal }): boolean {
  if (goal.op === 'report') return true;
  return goal.op === '<=' ? ratio <= goal.value : ratio >= goal.value;
}

/**
 * How far a missed goal is off, in words: for `<=`, how much over the limit the ratio is; for `>=`, how much below.
 * Undefined when the goal is met.
 */
export function shortfall({ ratio, goal }: { ratio: number; goal: Goal }): string | undefined {
  if (goal.op === 'report' || meets({ ratio, goal })) return undefined;
  const pct = (Math.abs(ratio - goal.value) / goal.value) * 100;
  return goal.op === '<='
    ? `${fmt(ratio)}x is ${fmt(ratio - goal.value)} over the limit of ${goal.value}x (${pct.toFixed(1)}% too slow)`
    : `${fmt(ratio)}x is ${fmt(goal.value - ratio)} under the goal of ${goal.value}x (${pct.toFixed(1)}% short)`;
}

/** One result row from the ratio samples (the ratio is their median). */
export function buildRow({
  figure,
  floor,
  goal,
  samples,
  details,
}: {
  figure: string;
  floor: string;
  goal: string;
  samples: readonly number[];
  details?: BenchRow['details'];
}): BenchRow {
  return rowFromSummary({ figure, floor, goal, summary: summarize({ samples }), details });
}

/** One result row from a summary of ratio samples that another module already made (the ratio is the median). */
export function rowFromSummary({
  figure,
  floor,
  goal,
  summary,
  details,
}: {
  figure: string;
  floor: string;
  goal: string;
  summary: { samples: number; min: number; median: number; max: number };
  details?: BenchRow['details'];
}): BenchRow {
  const g = parseGoal({ text: goal });
  const { samples, min, median: med, max } = summary;
  const row: BenchRow = { figure, floor, ratio: med, goal: goalText({ goal: g }), met: meets({ ratio: med, goal: g }), samples, min, median: med, max };
  const off = shortfall({ ratio: med, goal: g });
  if (off !== undefined) row.shortfall = off;
  if (details !== undefined) row.details = details;
  return row;
}

/** A row that reports an absolute figure (no floor, no goal); `unit` goes into the figure name. */
export function reportRow({ figure, unit, values, details }: { figure: string; unit: string; values: readonly number[]; details?: BenchRow['details'] }): BenchRow {
  const s = summarize({ samples: values });
  const row: BenchRow = { figure: `${figure} (${unit})`, floor: 'none: absolute figure', ratio: s.median, goal: 'report', met: true, ...s };
  if (details !== undefined) row.details = details;
  return row;
}

/** A finite number to 3 significant figures (at least 2 decimals below 10), for tables and messages. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toString();
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** The report written to reports/bench.json. */
export function buildReport({ machine, run, results }: BenchReport): BenchReport {
  return { machine, run, results };
}

/** The printed table: one line per row, then a line per missed goal saying by how much. */
export function formatTable({ results }: { results: readonly BenchRow[] }): string {
  const header = ['figure', 'floor', 'ratio', 'goal', 'met', 'n', 'min', 'median', 'max'];
  const lines = results.map((r) => [
    r.figure,
    r.floor,
    fmt(r.ratio),
    r.goal,
    r.goal === 'report' ? '-' : r.met ? 'yes' : 'NO',
    String(r.samples),
    fmt(r.min),
    fmt(r.median),
    fmt(r.max),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i >= 2 && i !== 3 && i !== 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)];
  const missed = results.filter((r) => r.shortfall !== undefined);
  if (missed.length > 0) {
    out.push('', 'Goals missed:');
    for (const r of missed) out.push(`  ${r.figure}: ${r.shortfall}`);
  }
  return `${out.join('\n')}\n`;
}

/** The same rows as a Markdown table (for README.md). */
export function formatMarkdown({ results }: { results: readonly BenchRow[] }): string {
  const lines = ['| figure | floor | ratio | goal | met | samples | min | median | max |', '|---|---|---:|---|---|---:|---:|---:|---:|'];
  for (const r of results) {
    const met = r.goal === 'report' ? '-' : r.met ? 'yes' : `**no**: ${r.shortfall ?? ''}`;
    lines.push(`| ${r.figure} | ${r.floor} | ${fmt(r.ratio)} | ${r.goal} | ${met} | ${r.samples} | ${fmt(r.min)} | ${fmt(r.median)} | ${fmt(r.max)} |`);
  }
  return `${lines.join('\n')}\n`;
}
