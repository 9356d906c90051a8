/**
 * The index behind windowed reads (R8 Range, R10 ObjectCount, R23 overrides): for one (definition, profile), the
 * objects that pass every per-object step (R1, R5-R7, R9, R15) in R3 order, with what each statistic needs to answer
 * any time window without looking at the objects again. A window [from, to] is two binary searches on the times;
 * ObjectCount N narrows it to its last N positions. Then:
 *  - COUNT, FIRST_OCCURRENCE, LAST_OCCURRENCE (and LastObjectTimestamp): the range's length and ends, O(1);
 *  - SUM, AVERAGE: exact prefix sums, so a range's sum is a subtraction rounded once to the double nearest to the
 *    exact sum, as R20 asks, O(1). Every value is an integer multiple of 2^scale (scale chosen per index), and each
 *    prefix, an integer in those units, is held exactly as hi * 2^52 + lo in two doubles; where the integers get too
 *    wide for that (values more than about 2^100 apart in scale) or the result nears the ends of the double range,
 *    the range is summed exactly instead (numbers.ts exactSum), as the scan did;
 *  - MINIMUM, MAXIMUM: a segment tree over the positions, O(log n);
 *  - MAX_OCCURRENCE: a scan of the range over interned value ids (no per-read allocation), O(range): the mode of an
 *    arbitrary range has no cheap exact structure.
 * Updates: an object lands at its R3 position (binary search, then a shift of the later positions, at most
 * SHIFT_LIMIT of them; past that it waits, unsorted, until the next read merges it in). The derived data (prefix sums,
 * tree) is brought up to date lazily, from the first position that changed, at the next read.
 */
import { exactSum, renderNumber } from './numbers.ts';
import { emptyResult, type Statistic, type StatisticResult } from './statistics.ts';

/** Most positions an insertion shifts at once; a later insertion waits for the next read's merge instead. */
const SHIFT_LIMIT = 1024;

/** Sums whose result is below this magnitude go the slow exact way (near subnormals, scaling could round twice). */
const SMALLEST_FAST_SUM = 2 ** -1000;

/** Lowest scale (power of two) for which the fast sum applies: 2^scale and 2^-scale must be normal doubles. */
const LOWEST_FAST_SCALE = -1000;

/** A prefix is hi * LIMB + lo with 0 <= lo < LIMB; both stay exact integers while |hi| < LIMB. */
const LIMB = 2 ** 52;

/** Largest scaled value the limbs take (so hi grows by less than 2^48 per value). */
const WIDEST_VALUE = 2 ** 100;

interface Waiting {
  time: number;
  ingestedAt: number;
  seq: number;
  value: string | number;
}

function compareWaiting(a: Waiting, b: Waiting): number {
  return a.time - b.time || a.ingestedAt - b.ingestedAt || a.seq - b.seq;
}

/**
 * The exponent k (a multiple of 8, at most 0) such that `x` is an integer multiple of 2^k. Scaling by powers of two is
 * exact for doubles, and a finite double becomes an integer within 1080 bits of scaling.
 */
function binaryScale(x: number): number {
  let k = 0;
  while (!Number.isInteger(x)) {
    x *= 256;
    k -= 8;
  }
  return k;
}

/** Selected objects of one (definition, profile) in R3 order, answering statistics over time windows. */
export class WindowIndex {
  private readonly statistic: Statistic;
  private readonly shiftLimit: number;
  // Parallel arrays in R3 order: (time, ingestedAt, seq) is the order key; values are the expression values
  // (interned ids for MAX_OCCURRENCE).
  private times: number[] = [];
  private ingested: number[] = [];
  private seqs: number[] = [];
  private values: (string | number)[] = [];
  /** Objects not yet at their position (their insertion would have shifted too much); merged at the next read. */
  private waiting: Waiting[] = [];
  /** Derived data (prefix sums, tree) is right for the positions below this one. */
  private clean = 0;

  // SUM, AVERAGE: the sum of values[0..i) is (prefixHi[i] * LIMB + prefixLo[i]) * 2^scale, exactly, for i up to
  // prefixEnd (past it the integers got too wide for the limbs).
  private prefixHi: number[] = [0];
  private prefixLo: number[] = [0];
  private prefixEnd = 0;
  private scale = 0;
  /** 2^scale and 2^-scale (exact powers of two while scale >= LOWEST_FAST_SCALE). */
  private scaleDown = 1;
  private scaleUp = 1;

  // MINIMUM, MAXIMUM: a segment tree, leaves at [leaves, 2 * leaves). Leaves at or past the object count may be
  // stale after deletes: a query reads only nodes whose whole span lies within its range, so never those.
  private tree?: Float64Array;
  private leaves = 0;

  // MAX_OCCURRENCE: value texts interned to small ids, and per-read scratch counters.
  private names: string[] = [];
  private idOf?: Map<string, number>;
  private counts?: Int32Array;
  private latest?: Int32Array;
  private touched: number[] = [];

  /** `shiftLimit` (default SHIFT_LIMIT) is lowered only by tests, to reach the merge of waiting objects cheaply. */
  constructor({ statistic, shiftLimit = SHIFT_LIMIT }: { statistic: Statistic; shiftLimit?: number }) {
    this.statistic = statistic;
    this.shiftLimit = shiftLimit;
    if (statistic === 'MAX_OCCURRENCE') this.idOf = new Map();
  }

  /** Number of objects held. */
  get size(): number {
    return this.times.length + this.waiting.length;
  }

  /** Adds one selected object (positional arguments: this runs once per object and definition at ingest). */
  add(time: number, ingestedAt: number, seq: number, value: string | number): void {
    const v = this.encode(value);
    const n = this.times.length;
    if (this.waiting.length === 0) {
      const pos = this.upperKey(time, ingestedAt, seq);
      if (pos === n) {
        this.times.push(time);
        this.ingested.push(ingestedAt);
        this.seqs.push(seq);
        this.values.push(v);
        return;
      }
      if (n - pos <= this.shiftLimit) {
        // One pass over the four arrays (splice would also allocate an array of the removed items).
        const { times, ingested, seqs, values } = this;
        times.push(time);
        ingested.push(ingestedAt);
        seqs.push(seq);
        values.push(v);
        for (let i = n; i > pos; i--) {
          times[i] = times[i - 1];
          ingested[i] = ingested[i - 1];
          seqs[i] = seqs[i - 1];
          values[i] = values[i - 1];
        }
        times[pos] = time;
        ingested[pos] = ingestedAt;
        seqs[pos] = seq;
        values[pos] = v;
        if (pos < this.clean) this.clean = pos;
        return;
      }
    }
    this.waiting.push({ time, ingestedAt, seq, value: v });
  }

  /** Removes the object added with this key; false when it is not held. */
  delete({ time, ingestedAt, seq }: { time: number; ingestedAt: number; seq: number }): boolean {
    for (let i = 0; i < this.waiting.length; i++) {
      if (this.waiting[i].seq === seq) {
        this.waiting.splice(i, 1);
        return true;
      }
    }
    let pos = this.lowerKey(time, ingestedAt, seq);
    // The key is recomputed from the same object, so it is found; the scan only guards against a changed key.
    if (pos >= this.seqs.length || this.seqs[pos] !== seq) pos = this.seqs.indexOf(seq);
    if (pos < 0) return false;
    this.times.splice(pos, 1);
    this.ingested.splice(pos, 1);
    this.seqs.splice(pos, 1);
    this.values.splice(pos, 1);
    if (pos < this.clean) this.clean = pos;
    return true;
  }

  /** How many objects have a time in [from, to] (both inclusive; absent = unbounded): R25 compares it with ObjectCount. */
  countIn({ from, to }: { from?: number; to?: number }): number {
    this.merge();
    const lo = from === undefined ? 0 : this.lowerTime(from);
    const hi = to === undefined ? this.times.length : this.upperTime(to);
    return Math.max(0, hi - lo);
  }

  /**
   * The statistic over the objects whose time lies in [from, to] (both inclusive; absent = unbounded), narrowed to
   * the `last` latest of them when given (R10).
   */
  result({ from, to, last }: { from?: number; to?: number; last?: number }): StatisticResult {
    this.merge();
    const lo0 = from === undefined ? 0 : this.lowerTime(from);
    const hi = to === undefined ? this.times.length : this.upperTime(to);
    if (hi <= lo0) return emptyResult();
    const lo = last !== undefined && hi - lo0 > last ? hi - last : lo0;
    const lastObjectTime = this.times[hi - 1];
    let value: string | undefined;
    switch (this.statistic) {
      case 'FIRST_OCCURRENCE':
        value = this.values[lo] as string;
        break;
      case 'LAST_OCCURRENCE':
        value = this.values[hi - 1] as string;
        break;
      case 'COUNT':
        value = String(hi - lo);
        break;
      case 'SUM':
        value = renderNumber({ value: this.sum(lo, hi) });
        break;
      case 'AVERAGE':
        value = renderNumber({ value: this.sum(lo, hi) / (hi - lo) });
        break;
      case 'MINIMUM':
      case 'MAXIMUM':
        value = renderNumber({ value: this.extreme(lo, hi) });
        break;
      case 'MAX_OCCURRENCE':
        value = this.mode(lo, hi);
        break;
    }
    return { value, lastObjectTime };
  }

  // ---- order ------------------------------------------------------------------------------------------------

  /** First position in [0, size] where `past` holds; `past` must be false then true along the sorted order. */
  private firstWhere(past: (i: number) => boolean): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (past(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** True when position i's key comes after (time, ingestedAt, seq), or equals it when `orEqual`. */
  private keyAfter(i: number, time: number, ingestedAt: number, seq: number, orEqual: boolean): boolean {
    const t = this.times[i];
    if (t !== time) return t > time;
    const g = this.ingested[i];
    if (g !== ingestedAt) return g > ingestedAt;
    return orEqual ? this.seqs[i] >= seq : this.seqs[i] > seq;
  }

  /** First position whose key is greater than (time, ingestedAt, seq). */
  private upperKey(time: number, ingestedAt: number, seq: number): number {
    return this.firstWhere((i) => this.keyAfter(i, time, ingestedAt, seq, false));
  }

  /** First position whose key is at least (time, ingestedAt, seq). */
  private lowerKey(time: number, ingestedAt: number, seq: number): number {
    return this.firstWhere((i) => this.keyAfter(i, time, ingestedAt, seq, true));
  }

  /** First position whose time is at least `from`. */
  private lowerTime(from: number): number {
    return this.firstWhere((i) => this.times[i] >= from);
  }

  /** First position whose time is after `to`. */
  private upperTime(to: number): number {
    return this.firstWhere((i) => this.times[i] > to);
  }

  /** Puts the waiting objects at their positions (one sort and one merge) and brings the derived data up to date. */
  private merge(): void {
    if (this.waiting.length > 0) {
      const waiting = this.waiting.sort(compareWaiting);
      this.waiting = [];
      const first = waiting[0];
      const start = this.upperKey(first.time, first.ingestedAt, first.seq);
      const { times, ingested, seqs, values } = this;
      const n = times.length;
      const total = n + waiting.length;
      const t = times.slice(0, start);
      const g = ingested.slice(0, start);
      const s = seqs.slice(0, start);
      const v = values.slice(0, start);
      let i = start;
      let j = 0;
      while (t.length < total) {
        const takeOld =
          j >= waiting.length ||
          (i < n && (times[i] < waiting[j].time || (times[i] === waiting[j].time && (ingested[i] < waiting[j].ingestedAt || (ingested[i] === waiting[j].ingestedAt && seqs[i] < waiting[j].seq)))));
        if (takeOld) {
          t.push(times[i]);
          g.push(ingested[i]);
          s.push(seqs[i]);
          v.push(values[i]);
          i++;
        } else {
          const w = waiting[j++];
          t.push(w.time);
          g.push(w.ingestedAt);
          s.push(w.seq);
          v.push(w.value);
        }
      }
      this.times = t;
      this.ingested = g;
      this.seqs = s;
      this.values = v;
      if (start < this.clean) this.clean = start;
    }
    const n = this.times.length;
    if (this.clean === n) return;
    switch (this.statistic) {
      case 'SUM':
      case 'AVERAGE':
        this.refreshPrefix();
        break;
      case 'MINIMUM':
      case 'MAXIMUM':
        this.refreshTree();
        break;
      default:
        break;
    }
    this.clean = n;
  }

  /** What the index stores for a value; keeps the sum's scale and the interned ids current. */
  private encode(value: string | number): string | number {
    switch (this.statistic) {
      case 'SUM':
      case 'AVERAGE': {
        const k = binaryScale(value as number);
        if (k < this.scale) {
          // Every prefix changes with the scale.
          this.scale = k;
          let down = 1;
          let up = 1;
          for (let e = 0; e > k; e -= 8) {
            down /= 256;
            up *= 256;
          }
          this.scaleDown = down;
          this.scaleUp = up;
          this.clean = 0;
        }
        return value;
      }
      case 'MAX_OCCURRENCE': {
        const idOf = this.idOf!;
        let id = idOf.get(value as string);
        if (id === undefined) {
          id = this.names.length;
          this.names.push(value as string);
          idOf.set(value as string, id);
        }
        return id;
      }
      default:
        return value;
    }
  }

  // ---- SUM, AVERAGE -----------------------------------------------------------------------------------------

  /** Recomputes the prefixes from the first changed one, exactly, stopping where they would not stay exact. */
  private refreshPrefix(): void {
    const { values, prefixHi, prefixLo, scaleUp } = this;
    const n = values.length;
    let i = this.scale < LOWEST_FAST_SCALE ? 0 : Math.min(this.clean, this.prefixEnd);
    // Keep prefixes 0..i and append the rest, so the arrays stay packed.
    prefixHi.length = i + 1;
    prefixLo.length = i + 1;
    if (this.scale >= LOWEST_FAST_SCALE) {
      let hi = prefixHi[i];
      let lo = prefixLo[i];
      for (; i < n; i++) {
        // Exact: a power-of-two scaling, then a split at 2^52 of an integer below 2^100.
        const v = (values[i] as number) * scaleUp;
        if (!(Math.abs(v) < WIDEST_VALUE)) break;
        const vHi = Math.floor(v / LIMB);
        hi += vHi;
        lo += v - vHi * LIMB;
        if (lo >= LIMB) {
          lo -= LIMB;
          hi += 1;
        }
        if (!(Math.abs(hi) < LIMB)) break;
        prefixHi.push(hi);
        prefixLo.push(lo);
      }
    }
    this.prefixEnd = i;
  }

  /** The double nearest to the exact sum of values[lo..hi) (R20); infinite when that sum is beyond the double range. */
  private sum(lo: number, hi: number): number {
    if (hi <= this.prefixEnd) {
      // Both terms are exact (an integer times a power of two, and an integer below 2^52), so their sum rounds once
      // to the double nearest to the exact integer; scaling by 2^scale keeps that exact while the result is normal.
      const units = (this.prefixHi[hi] - this.prefixHi[lo]) * LIMB + (this.prefixLo[hi] - this.prefixLo[lo]);
      if (units === 0) return 0;
      const r = units * this.scaleDown;
      const m = Math.abs(r);
      if (m >= SMALLEST_FAST_SUM && m !== Infinity) return r;
    }
    // Too wide for the limbs, or near the ends of the double range: sum the range itself, exactly.
    return exactSum({ values: this.values.slice(lo, hi) as number[] });
  }

  // ---- MINIMUM, MAXIMUM -------------------------------------------------------------------------------------

  private refreshTree(): void {
    const n = this.values.length;
    const identity = this.statistic === 'MINIMUM' ? Infinity : -Infinity;
    const pick = this.statistic === 'MINIMUM' ? Math.min : Math.max;
    let from = this.clean;
    if (this.tree === undefined || n > this.leaves) {
      let leaves = 16;
      while (leaves < n) leaves *= 2;
      this.leaves = leaves;
      this.tree = new Float64Array(2 * leaves).fill(identity);
      from = 0;
    }
    const tree = this.tree;
    const leaves = this.leaves;
    if (from >= n) return;
    for (let i = from; i < n; i++) tree[leaves + i] = this.values[i] as number;
    let lo = (leaves + from) >> 1;
    let hi = (leaves + n - 1) >> 1;
    while (lo >= 1) {
      for (let j = lo; j <= hi; j++) tree[j] = pick(tree[2 * j], tree[2 * j + 1]);
      lo >>= 1;
      hi >>= 1;
    }
  }

  private extreme(lo: number, hi: number): number {
    const tree = this.tree!;
    const min = this.statistic === 'MINIMUM';
    let best = min ? Infinity : -Infinity;
    let l = lo + this.leaves;
    let r = hi + this.leaves;
    while (l < r) {
      if (l & 1) {
        const x = tree[l++];
        if (min ? x < best : x > best) best = x;
      }
      if (r & 1) {
        const x = tree[--r];
        if (min ? x < best : x > best) best = x;
      }
      l >>= 1;
      r >>= 1;
    }
    return best;
  }

  // ---- MAX_OCCURRENCE ---------------------------------------------------------------------------------------

  /** The most frequent text in [lo, hi); a tie goes to the text whose latest occurrence is latest (R3 order). */
  private mode(lo: number, hi: number): string {
    const d = this.names.length;
    if (this.counts === undefined || this.counts.length < d) {
      const size = Math.max(16, 2 * d);
      this.counts = new Int32Array(size);
      this.latest = new Int32Array(size);
    }
    const counts = this.counts;
    const latest = this.latest!;
    const touched = this.touched;
    const values = this.values;
    for (let i = lo; i < hi; i++) {
      const id = values[i] as number;
      if (counts[id] === 0) touched.push(id);
      counts[id]++;
      latest[id] = i;
    }
    let best = -1;
    let bestCount = 0;
    let bestLatest = -1;
    for (const id of touched) {
      const c = counts[id];
      if (c > bestCount || (c === bestCount && latest[id] > bestLatest)) {
        best = id;
        bestCount = c;
        bestLatest = latest[id];
      }
      counts[id] = 0;
    }
    touched.length = 0;
    return this.names[best];
  }
}
