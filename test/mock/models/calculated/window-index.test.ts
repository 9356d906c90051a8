import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderNumber } from '../../../../generators/oracle/index.ts';
import { WindowIndex } from '../../../../harness/mock/models/calculated/window-index.ts';
import type { Statistic } from '../../../../harness/mock/models/calculated/statistics.ts';

type Row = { time: number; value: string | number; ingestedAt?: number };

/** An index over `rows`, added in the order given; object i gets ingestion time `ingestedAt ?? time` and sequence i. */
function indexOf(statistic: Statistic, rows: Row[], shiftLimit?: number): WindowIndex {
  const index = new WindowIndex({ statistic, shiftLimit });
  rows.forEach((r, seq) => index.add(r.time, r.ingestedAt ?? r.time, seq, r.value));
  return index;
}

const numbers = (values: number[]): Row[] => values.map((value, i) => ({ time: (i + 1) * 100, value }));

describe('WindowIndex.result', () => {
  it('returns no value and no time given no objects', () => {
    expect(new WindowIndex({ statistic: 'COUNT' }).result({})).toEqual({});
    expect(new WindowIndex({ statistic: 'SUM' }).result({ from: 0, to: 10 })).toEqual({});
  });

  it('returns no value given a window that falls between two objects', () => {
    const index = indexOf('COUNT', numbers([1, 2]));
    expect(index.result({ from: 101, to: 199 })).toEqual({});
  });

  it('includes objects lying exactly on either edge of the window', () => {
    const index = indexOf('SUM', numbers([1, 2, 4]));
    expect(index.result({ from: 100, to: 300 })).toEqual({ value: '7', lastObjectTime: 300 });
    expect(index.result({ from: 100, to: 299 })).toEqual({ value: '3', lastObjectTime: 200 });
    expect(index.result({ from: 101, to: 300 })).toEqual({ value: '6', lastObjectTime: 300 });
    expect(index.result({ from: 200, to: 200 })).toEqual({ value: '2', lastObjectTime: 200 });
    expect(index.result({ to: 150 })).toEqual({ value: '1', lastObjectTime: 100 });
    expect(index.result({ from: 250 })).toEqual({ value: '4', lastObjectTime: 300 });
  });

  it('returns no value given a window whose start is after its end', () => {
    expect(indexOf('COUNT', numbers([1, 2, 4])).result({ from: 300, to: 100 })).toEqual({});
  });

  it('orders objects of equal time by ingestion time, then by ingestion order (R3)', () => {
    const rows: Row[] = [
      { time: 50, ingestedAt: 10, value: 'b' },
      { time: 50, ingestedAt: 5, value: 'a' },
      { time: 50, ingestedAt: 10, value: 'c' },
    ];
    // R3 order: a (ingested at 5), b (ingested at 10, sequence 0), c (ingested at 10, sequence 2).
    expect(indexOf('FIRST_OCCURRENCE', rows).result({})).toEqual({ value: 'a', lastObjectTime: 50 });
    expect(indexOf('LAST_OCCURRENCE', rows).result({})).toEqual({ value: 'c', lastObjectTime: 50 });
    expect(indexOf('FIRST_OCCURRENCE', rows).result({ last: 2 })).toEqual({ value: 'b', lastObjectTime: 50 });
  });

  it('sorts objects added out of time order', () => {
    const rows: Row[] = [
      { time: 300, value: 'z' },
      { time: 100, value: 'x' },
      { time: 200, value: 'y' },
    ];
    expect(indexOf('FIRST_OCCURRENCE', rows).result({})).toEqual({ value: 'x', lastObjectTime: 300 });
    expect(indexOf('LAST_OCCURRENCE', rows).result({})).toEqual({ value: 'z', lastObjectTime: 300 });
    expect(indexOf('LAST_OCCURRENCE', rows).result({ from: 0, to: 250 })).toEqual({ value: 'y', lastObjectTime: 200 });
  });

  it('keeps the last N objects of the window given ObjectCount N, and all of them given a larger N', () => {
    const index = indexOf('SUM', numbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(index.result({ from: 300, to: 800, last: 2 })).toEqual({ value: '15', lastObjectTime: 800 });
    expect(index.result({ from: 300, to: 800, last: 100 })).toEqual({ value: '33', lastObjectTime: 800 });
    expect(index.result({ last: 1 })).toEqual({ value: '10', lastObjectTime: 1000 });
    expect(indexOf('COUNT', numbers([1, 2, 3])).result({ last: 5 })).toEqual({ value: '3', lastObjectTime: 300 });
  });

  it('forgets deleted objects and takes replacements at their new time', () => {
    const index = indexOf('SUM', numbers([1, 2, 4]));
    expect(index.delete({ time: 200, ingestedAt: 200, seq: 1 })).toBe(true);
    expect(index.result({})).toEqual({ value: '5', lastObjectTime: 300 });
    expect(index.delete({ time: 200, ingestedAt: 200, seq: 1 })).toBe(false);
    // A replacement: the old object goes, the new one comes with a new sequence and time.
    expect(index.delete({ time: 300, ingestedAt: 300, seq: 2 })).toBe(true);
    index.add(50, 400, 3, 10);
    expect(index.result({})).toEqual({ value: '11', lastObjectTime: 100 });
    expect(index.result({ from: 60 })).toEqual({ value: '1', lastObjectTime: 100 });
    expect(index.delete({ time: 50, ingestedAt: 400, seq: 3 })).toBe(true);
    expect(index.delete({ time: 100, ingestedAt: 100, seq: 0 })).toBe(true);
    expect(index.size).toBe(0);
    expect(index.result({})).toEqual({});
  });

  it('returns AVERAGE as the exact sum over the count', () => {
    expect(indexOf('AVERAGE', numbers([1, 2, 4])).result({}).value).toBe('2.333333');
    expect(indexOf('AVERAGE', numbers([1, 2, 4])).result({ from: 150 }).value).toBe('3');
  });

  it('sums exactly (R20) given values that a running double sum would round', () => {
    expect(indexOf('SUM', numbers([0.1, 0.2])).result({}).value).toBe('0.3');
    expect(indexOf('SUM', numbers([1e30, 1, -1e30])).result({}).value).toBe('1');
    // 1e31 is past what the two-limb prefixes hold: the range is summed exactly instead.
    expect(indexOf('SUM', numbers([1e31, 1, -1e31])).result({}).value).toBe('1');
    expect(indexOf('SUM', numbers([1e31, 1, -1e31, 2])).result({ from: 400 }).value).toBe('2');
    expect(indexOf('SUM', numbers([1.7e308, 1.7e308, -1.7e308])).result({}).value).toBe(BigInt(1.7e308).toString());
    expect(indexOf('SUM', numbers([5e-324, 1])).result({}).value).toBe('1');
    expect(indexOf('SUM', numbers([0.5, -0.5])).result({}).value).toBe('0');
  });

  it('sums exactly given prefixes whose low parts carry into their high parts', () => {
    // 2^52 - 1 three times and its negation twice: the low 52 bits of the prefixes overflow and must carry.
    const x = 2 ** 52 - 1;
    const index = indexOf('SUM', numbers([x, x, x, -x, -x]));
    expect(index.result({}).value).toBe('4503599627370495');
    expect(index.result({ from: 200 }).value).toBe('0');
    // 3 * (2^52 - 1) = 13510798882111485 lies halfway between two doubles; the tie goes to the even one.
    expect(index.result({ to: 300 }).value).toBe('13510798882111484');
  });

  it('gives no Value when the exact sum is beyond the double range (R20)', () => {
    expect(indexOf('SUM', numbers([1.7e308, 1.7e308])).result({})).toEqual({ value: undefined, lastObjectTime: 200 });
    expect(indexOf('SUM', numbers([1.7e308, 1.7e308])).result({ last: 1 }).value).toBe(BigInt(1.7e308).toString());
  });

  it('returns MINIMUM and MAXIMUM of the window after deletes, including of the extreme itself', () => {
    const max = indexOf('MAXIMUM', numbers([5, 9, 3]));
    expect(max.result({}).value).toBe('9');
    expect(max.delete({ time: 200, ingestedAt: 200, seq: 1 })).toBe(true);
    expect(max.result({}).value).toBe('5');
    const min = indexOf('MINIMUM', numbers([5, 9, 3]));
    expect(min.result({}).value).toBe('3');
    expect(min.delete({ time: 300, ingestedAt: 300, seq: 2 })).toBe(true);
    expect(min.result({}).value).toBe('5');
    expect(min.result({ from: 150 }).value).toBe('9');
  });

  it('returns MINIMUM and MAXIMUM over windows of a profile with more objects than the first tree holds', () => {
    // Values 0..39 shuffled by a fixed stride: position i (time 100 * (i + 1)) holds (i * 17) % 40.
    const values = Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
    const min = indexOf('MINIMUM', numbers(values));
    const max = indexOf('MAXIMUM', numbers(values));
    // Times 100..800 hold positions 0..7: 0, 17, 34, 11, 28, 5, 22, 39.
    expect(min.result({ from: 100, to: 800 }).value).toBe('0');
    expect(max.result({ from: 100, to: 800 }).value).toBe('39');
    expect(min.result({ from: 200, to: 500 }).value).toBe('11');
    expect(max.result({ from: 200, to: 500 }).value).toBe('34');
    expect(min.result({}).value).toBe('0');
    expect(max.result({}).value).toBe('39');
  });

  it('returns MAX_OCCURRENCE with a tie going to the value whose latest occurrence is latest', () => {
    const rows: Row[] = ['a', 'b', 'a', 'b'].map((value, i) => ({ time: i + 1, value }));
    const index = indexOf('MAX_OCCURRENCE', rows);
    expect(index.result({}).value).toBe('b');
    expect(index.result({ to: 3 }).value).toBe('a');
    expect(index.result({ last: 3 }).value).toBe('b');
    expect(index.result({ from: 3, last: 1 }).value).toBe('b');
  });

  it('merges waiting objects after an earlier object of the same time and ingestion time (R3)', () => {
    // With a shift limit of 0, every insertion before the end waits; D ties A on time and ingestion time.
    const index = new WindowIndex({ statistic: 'FIRST_OCCURRENCE', shiftLimit: 0 });
    index.add(5, 5, 0, 'A');
    index.add(9, 9, 1, 'B');
    index.add(1, 1, 2, 'C');
    index.add(5, 5, 3, 'D');
    expect(index.result({ from: 5, to: 5 })).toEqual({ value: 'A', lastObjectTime: 5 });
    expect(index.result({ from: 5, to: 5, last: 1 })).toEqual({ value: 'D', lastObjectTime: 5 });
    expect(index.result({})).toEqual({ value: 'C', lastObjectTime: 9 });
  });

  it('merges objects that waited past the shift limit, deleting one of them first', () => {
    // Added newest first: every insertion lands at position 0, so with a shift limit of 2 most of them wait.
    const rows: Row[] = Array.from({ length: 10 }, (_, i) => ({ time: 10 - i, value: 10 - i }));
    const index = indexOf('SUM', rows, 2);
    expect(index.delete({ time: 1, ingestedAt: 1, seq: 9 })).toBe(true);
    expect(index.result({})).toEqual({ value: '54', lastObjectTime: 10 });
    expect(index.result({ from: 3, to: 7 })).toEqual({ value: '25', lastObjectTime: 7 });
    index.add(0, 0, 10, 100);
    index.add(-1, 0, 11, 1000);
    expect(index.result({ to: 2 })).toEqual({ value: '1102', lastObjectTime: 2 });
    expect(index.result({ last: 3 })).toEqual({ value: '27', lastObjectTime: 10 });
  });
});

// ---- a property: the index against a plain model (filter, sort, slice, then the statistic) --------------------

const STATISTICS: Statistic[] = ['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'];

interface Item {
  time: number;
  ingestedAt: number;
  seq: number;
  value: string | number;
}

/** The statistic over `items` selected by window and ObjectCount, computed the plain way. */
function model(statistic: Statistic, items: Item[], q: { from?: number; to?: number; last?: number }): { value?: string; lastObjectTime?: number } {
  let sel = items.filter((i) => (q.from === undefined || i.time >= q.from) && (q.to === undefined || i.time <= q.to));
  sel.sort((a, b) => a.time - b.time || a.ingestedAt - b.ingestedAt || a.seq - b.seq);
  if (q.last !== undefined) sel = sel.slice(Math.max(0, sel.length - q.last));
  if (sel.length === 0) return {};
  const nums = sel.map((i) => i.value as number);
  // Values are multiples of 1/8 below 2^10, so plain double sums are exact here.
  const sum = nums.reduce((a, b) => a + b, 0);
  const out = { lastObjectTime: sel[sel.length - 1].time };
  switch (statistic) {
    case 'FIRST_OCCURRENCE':
      return { ...out, value: sel[0].value as string };
    case 'LAST_OCCURRENCE':
      return { ...out, value: sel[sel.length - 1].value as string };
    case 'COUNT':
      return { ...out, value: String(sel.length) };
    case 'SUM':
      return { ...out, value: renderNumber({ value: sum }) as string };
    case 'AVERAGE':
      return { ...out, value: renderNumber({ value: sum / sel.length }) as string };
    case 'MINIMUM':
      return { ...out, value: renderNumber({ value: Math.min(...nums) }) as string };
    case 'MAXIMUM':
      return { ...out, value: renderNumber({ value: Math.max(...nums) }) as string };
    case 'MAX_OCCURRENCE': {
      let best = '';
      let bestCount = 0;
      let bestLatest = -1;
      for (const text of new Set(sel.map((i) => i.value as string))) {
        const count = sel.filter((i) => i.value === text).length;
        const latest = sel.map((i) => i.value).lastIndexOf(text);
        if (count > bestCount || (count === bestCount && latest > bestLatest)) [best, bestCount, bestLatest] = [text, count, latest];
      }
      return { ...out, value: best };
    }
  }
}

const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), time: fc.integer({ min: 0, max: 6 }), ingestedAt: fc.integer({ min: 0, max: 1 }), n: fc.integer({ min: -400, max: 400 }), text: fc.constantFrom('a', 'b', 'c') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(50) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('read' as const),
      from: fc.option(fc.integer({ min: -1, max: 7 }), { nil: undefined }),
      to: fc.option(fc.integer({ min: -1, max: 7 }), { nil: undefined }),
      last: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    }),
  },
);

describe('WindowIndex', () => {
  it('returns what a plain filter, sort and slice give, through adds, deletes and reads in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATISTICS), fc.integer({ min: 0, max: 3 }), fc.array(step, { maxLength: 60 }), (statistic, shiftLimit, steps) => {
        const index = new WindowIndex({ statistic, shiftLimit });
        const items: Item[] = [];
        let seq = 0;
        for (const s of steps) {
          if (s.kind === 'add') {
            const value = statistic === 'FIRST_OCCURRENCE' || statistic === 'LAST_OCCURRENCE' || statistic === 'MAX_OCCURRENCE' ? s.text : s.n / 8;
            const item = { time: s.time, ingestedAt: s.ingestedAt, seq: seq++, value };
            items.push(item);
            index.add(item.time, item.ingestedAt, item.seq, item.value);
          } else if (s.kind === 'delete') {
            if (items.length === 0) continue;
            const [gone] = items.splice(s.pick % items.length, 1);
            expect(index.delete({ time: gone.time, ingestedAt: gone.ingestedAt, seq: gone.seq })).toBe(true);
          } else {
            const q = { from: s.from, to: s.to, last: s.last };
            expect(index.result(q)).toEqual(model(statistic, items, q));
          }
        }
        expect(index.size).toBe(items.length);
        expect(index.result({})).toEqual(model(statistic, items, {}));
      }),
      { seed: 4242, numRuns: 600 },
    );
  });
});
