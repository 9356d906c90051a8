/**
 * Numbers for calculated attributes: reading a value as a number (R16), rendering a result (R11, R20) and an exact,
 * order-independent sum so the incremental and the scan paths (and any other correct implementation) agree.
 */

/** The JSON number grammar (RFC 8259 section 6), whole string: what R16 calls a number written as a string. */
const JSON_NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Reads `value` as a number the R16 way: a finite JSON number, or a string in the JSON number grammar whose double
 * is finite. Booleans, blanks, `+1`, `007`, `0x10` and `1.` are not numbers.
 */
export function toFiniteNumber({ value }: { value: unknown }): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && JSON_NUMBER_RE.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Renders a numeric result (R11): rounded to 6 decimals (the exact binary value, halves away from zero, as
 * `toFixed(6)` does), no trailing zeros, no exponent, `-0` as `0`. Undefined for a non-finite result.
 */
export function renderNumber({ value }: { value: number }): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  // toFixed switches to exponent notation at 1e21; such doubles are integers, which BigInt prints exactly.
  let text = Math.abs(value) >= 1e21 ? BigInt(value).toString() : value.toFixed(6);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * Shewchuk's non-overlapping partials (as in Python's math.fsum): exact while no partial overflows.
 */
class Partials {
  /** The partials, smallest magnitude first; their exact sum is everything added. */
  partials: number[] = [];

  /** Adds one finite number. */
  add(x: number): void {
    const partials = this.partials;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }

  /** The correctly rounded sum of everything added (0 when nothing was). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round half-even correctly when the rest of the partials push the tie one way.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }
}

/** Values at or above this magnitude are summed scaled down by 2^64 (exactly, the results stay normal doubles). */
const SCALED_FROM = 2 ** -958;
const SCALE_DOWN = 2 ** -64;
const SCALE_UP = 2 ** 64;

/**
 * Exact running sum (R20). Its value is the correctly rounded true sum whatever the order of additions, so a sum
 * kept at ingest equals a sum recomputed by a scan. Partials overflow when the magnitudes add up past the double
 * range even if the true sum does not (1.7e308 + 1.7e308 - 1.7e308), so large values are summed scaled down by 2^64
 * and tiny ones (which scaling would round) apart; the two exact sums are joined only when read.
 */
export class ExactSum {
  private readonly scaled = new Partials();
  private readonly tiny = new Partials();

  /** Adds one finite number. */
  add(x: number): void {
    if (Math.abs(x) >= SCALED_FROM) this.scaled.add(x * SCALE_DOWN);
    else this.tiny.add(x);
  }

  /** The correctly rounded sum of everything added (0 when nothing was); infinite when the true sum overflows. */
  value(): number {
    const all = new Partials();
    // Smallest first, so the running sum stays near the true one and only overflows when the result does.
    for (const p of this.tiny.partials) all.add(p);
    for (const p of this.scaled.partials) all.add(p * SCALE_UP);
    return all.value();
  }
}

/** Exact sum of a list (see ExactSum). */
export function exactSum({ values }: { values: Iterable<number> }): number {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
}
