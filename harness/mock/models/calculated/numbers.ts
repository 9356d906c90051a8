/**
 * Numbers for calculated attributes: reading a field as a number (R5), rendering a result (R11) and an exact,
 * order-independent sum so the incremental and the scan paths (and any other correct implementation) agree.
 */

/** Reads `value` as a finite number the R5 way (`Number(value)`), refusing blank strings that Number maps to 0. */
export function toFiniteNumber({ value }: { value: unknown }): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
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
 * Exact running sum (Shewchuk's non-overlapping partials, as in Python's math.fsum). Its value is the correctly
 * rounded true sum whatever the order of additions, so a sum kept at ingest equals a sum recomputed by a scan.
 */
export class ExactSum {
  private partials: number[] = [];

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

/** Exact sum of a list (see ExactSum). */
export function exactSum({ values }: { values: Iterable<number> }): number {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
}
