import { describe, expect, it } from 'vitest';
import {
  buildReport,
  buildRow,
  formatMarkdown,
  formatTable,
  median,
  meets,
  pairedRatios,
  parseGoal,
  reportRow,
  rowFromSummary,
  shortfall,
  summarize,
} from '../../bench/report.ts';

describe('parseGoal', () => {
  it('returns the operator and value given "<= 1.5" and ">= 50"', () => {
    expect(parseGoal({ text: '<= 1.5' })).toEqual({ op: '<=', value: 1.5 });
    expect(parseGoal({ text: '>= 50' })).toEqual({ op: '>=', value: 50 });
    expect(parseGoal({ text: 'report' })).toEqual({ op: 'report' });
  });

  it('throws given a goal without an operator', () => {
    expect(() => parseGoal({ text: '1.5x' })).toThrow(/expected a goal like/);
  });
});

describe('median', () => {
  it('returns the middle value given an odd count and the mean of the middle two given an even count', () => {
    expect(median({ values: [3, 1, 2] })).toBe(2);
    expect(median({ values: [4, 1, 3, 2] })).toBe(2.5);
  });

  it('throws given no samples', () => {
    expect(() => median({ values: [] })).toThrow(/at least one sample/);
  });
});

describe('pairedRatios', () => {
  it('returns one ratio per round given paired figure and floor samples', () => {
    expect(pairedRatios({ numerator: [3, 10, 4], denominator: [2, 4, 4] })).toEqual([1.5, 2.5, 1]);
  });

  it('throws given unpaired samples', () => {
    expect(() => pairedRatios({ numerator: [1, 2], denominator: [1] })).toThrow(/as many figure samples/);
  });
});

describe('summarize', () => {
  it('returns count, min, median and max given ratio samples', () => {
    expect(summarize({ samples: [1.2, 0.9, 1.5, 1.1, 1.0] })).toEqual({ samples: 5, min: 0.9, median: 1.1, max: 1.5 });
  });
});

describe('meets', () => {
  it('returns true at the limit and false past it given an at-most goal', () => {
    expect(meets({ ratio: 1.5, goal: { op: '<=', value: 1.5 } })).toBe(true);
    expect(meets({ ratio: 1.51, goal: { op: '<=', value: 1.5 } })).toBe(false);
  });

  it('returns true at the goal and false below it given an at-least goal', () => {
    expect(meets({ ratio: 0.5, goal: { op: '>=', value: 0.5 } })).toBe(true);
    expect(meets({ ratio: 0.49, goal: { op: '>=', value: 0.5 } })).toBe(false);
  });
});

describe('shortfall', () => {
  it('returns undefined given a met goal', () => {
    expect(shortfall({ ratio: 1.2, goal: { op: '<=', value: 1.5 } })).toBeUndefined();
  });

  it('returns how far over the limit given a missed at-most goal', () => {
    // 2.0 against <= 1.5: 0.5 over, 0.5 / 1.5 = 33.3%.
    expect(shortfall({ ratio: 2, goal: { op: '<=', value: 1.5 } })).toBe('2.00x is 0.50 over the limit of 1.5x (33.3% too slow)');
  });

  it('returns how far under the goal given a missed at-least goal', () => {
    // 20 against >= 50: 30 under, 30 / 50 = 60%.
    expect(shortfall({ ratio: 20, goal: { op: '>=', value: 50 } })).toBe('20.0x is 30.0 under the goal of 50x (60.0% short)');
  });
});

describe('buildRow', () => {
  it('returns the DESIGN.md row shape with the median as ratio given samples that meet the goal', () => {
    const row = buildRow({ figure: 'replay, per call', floor: 'canned', goal: '<= 1.5', samples: [1.1, 1.3, 1.2] });
    expect(row).toEqual({ figure: 'replay, per call', floor: 'canned', ratio: 1.2, goal: '<= 1.5', met: true, samples: 3, min: 1.1, median: 1.2, max: 1.3 });
  });

  it('returns met false and a shortfall given samples whose median misses the goal', () => {
    const row = buildRow({ figure: 'server', floor: 'bare', goal: '>= 0.5', samples: [0.2, 0.6, 0.4], details: { rps: 100 } });
    expect(row.ratio).toBe(0.4);
    expect(row.met).toBe(false);
    expect(row.shortfall).toBe('0.40x is 0.10 under the goal of 0.5x (20.0% short)');
    expect(row.details).toEqual({ rps: 100 });
  });
});

describe('rowFromSummary', () => {
  it('returns a row whose ratio is the given median given an already summarised figure', () => {
    const row = rowFromSummary({ figure: 'generator', floor: 'faker', goal: '>= 0.7', summary: { samples: 7, min: 0.8, median: 1.9, max: 3 } });
    expect(row).toMatchObject({ ratio: 1.9, met: true, samples: 7, min: 0.8, max: 3 });
  });
});

describe('reportRow', () => {
  it('returns a row with goal report, always met, carrying the value and its unit given an absolute figure', () => {
    const row = reportRow({ figure: 'ingest', unit: 'objects/s', values: [148_024] });
    expect(row).toEqual({ figure: 'ingest (objects/s)', floor: 'none: absolute figure', ratio: 148_024, goal: 'report', met: true, samples: 1, min: 148_024, median: 148_024, max: 148_024 });
  });
});

describe('buildReport', () => {
  it('returns machine, run and results with exactly the DESIGN.md keys on each row given built rows', () => {
    const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, node: 'v20.0.0', os: 'Linux 6 x64' };
    const run = { mode: 'quick' as const, only: [], startedAt: '2025-06-09T00:00:00.000Z', seconds: 1, loadAverage: [0.5, 0.7] as [number, number] };
    const report = JSON.parse(JSON.stringify(buildReport({ machine, run, results: [buildRow({ figure: 'f', floor: 'g', goal: '<= 2', samples: [1] })] })));
    expect(Object.keys(report).sort()).toEqual(['machine', 'results', 'run']);
    expect(report.machine).toEqual(machine);
    expect(Object.keys(report.results[0]).sort()).toEqual(['figure', 'floor', 'goal', 'max', 'median', 'met', 'min', 'ratio', 'samples']);
  });
});

describe('formatTable', () => {
  it('returns one line per row and a missed-goals section given a missed goal', () => {
    const text = formatTable({
      results: [
        buildRow({ figure: 'replay', floor: 'canned', goal: '<= 1.5', samples: [1.2] }),
        buildRow({ figure: 'wire', floor: 'plain', goal: '<= 1.05', samples: [1.1] }),
      ],
    });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^figure\s+floor\s+ratio\s+goal\s+met\s+n\s+min\s+median\s+max$/);
    expect(lines[2]).toMatch(/^replay\s+canned\s+1\.20\s+<= 1\.5\s+yes\s+1\s+1\.20\s+1\.20\s+1\.20$/);
    expect(lines[3]).toMatch(/^wire\s+plain\s+1\.10\s+<= 1\.05\s+NO\s/);
    expect(lines).toContain('Goals missed:');
    expect(lines.at(-1)).toBe('  wire: 1.10x is 0.05 over the limit of 1.05x (4.8% too slow)');
  });

  it('returns no missed-goals section given only met goals', () => {
    expect(formatTable({ results: [buildRow({ figure: 'a', floor: 'b', goal: '>= 1', samples: [2] })] })).not.toContain('Goals missed');
  });
});

describe('formatMarkdown', () => {
  it('returns a Markdown table row per result, with the shortfall beside a missed goal', () => {
    const md = formatMarkdown({ results: [buildRow({ figure: 'f', floor: 'g', goal: '>= 50', samples: [25] })] });
    expect(md.split('\n')[2]).toBe('| f | g | 25.0 | >= 50 | **no**: 25.0x is 25.0 under the goal of 50x (50.0% short) | 1 | 25.0 | 25.0 | 25.0 |');
  });
});
