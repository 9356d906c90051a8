/**
 * Numbers, scalar rendering, exact sums and JSON paths for the oracle: SEMANTICS.md CA-NUM-1..4, CA-EXP-4, CA-EXP-6.
 */

/** RFC 8259 number grammar, whole string (CA-NUM-1). */
const JSON_NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A JSON pointer array index (RFC 6901): `0`, or digits without a leading zero (CA-EXP-4). */
const ARRAY_INDEX_RE = /^(?:0|[1-9]\d*)$/;

/** A JSON scalar as found in an object. */
export type Scalar = string | number | boolean;

/** The number of a numeric value (CA-NUM-1), or undefined when the value is not numeric. */
export function toNumber({ value }: { value: unknown }): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && JSON_NUMBER_RE.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Renders a finite number (CA-NUM-2): toFixed(6), trailing zeros and dot dropped, -0 as 0; from 1e21 on (where
 * toFixed would write an exponent) every digit of the exact integer value. (Intl.NumberFormat is not exact there: it
 * writes 1e21 / 0.001 as 1000000000000000000000000, not 999999999999999983222784.)
 */
export function renderNumber({ value }: { value: number }): string {
  if (!Number.isFinite(value)) throw new RangeError(`oracle: expected a finite number; saw ${value}; this is a bug in the oracle`);
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  let text = value.toFixed(6);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** Renders a scalar (CA-NUM-3): strings unchanged, numbers by CA-NUM-2, booleans as true/false. */
export function renderScalar({ value }: { value: Scalar }): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return renderNumber({ value });
  return value ? 'true' : 'false';
}

/** Walks a `.`-separated path through own object members and JSON-pointer array indexes (CA-EXP-4). */
export function resolvePath({ document, path }: { document: unknown; path: string }): unknown {
  let current: unknown = document;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX_RE.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/**
 * How the oracle sees one object for a definition (CA-EXP-4): its document, and for an object of a custom object type
 * the `_source.` path of each of the type's Fields, by field name (a reference names a Fields entry first).
 */
export interface ObjectView {
  document: unknown;
  fieldSources?: Readonly<Record<string, string>>;
}

/** The scalar an attribute name reads in a view (CA-EXP-4): the Fields entry's source path, else the name as a path. */
export function attributeScalar({ view, name }: { view: ObjectView; name: string }): Scalar | undefined {
  const source = view.fieldSources && Object.prototype.hasOwnProperty.call(view.fieldSources, name) ? view.fieldSources[name] : undefined;
  return scalarAt({ document: view.document, path: source ?? name });
}

/**
 * A mapped field's text (CA-STD-2): the value at `_source.<a.b>` stepping through JSON objects only (no arrays); a
 * non-empty string as is, a finite number by String(), a boolean as true / false; otherwise none.
 */
export function mappedText({ document, sourcePath }: { document: unknown; sourcePath: string }): string | undefined {
  let current: unknown = document;
  for (const segment of sourcePath.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  if (typeof current === 'string') return current === '' ? undefined : current;
  if (typeof current === 'number') return Number.isFinite(current) ? String(current) : undefined;
  if (typeof current === 'boolean') return current ? 'true' : 'false';
  return undefined;
}

/** The scalar at a path, or undefined when it is missing, null, an object, an array or the empty string (CA-EXP-6). */
export function scalarAt({ document, path }: { document: unknown; path: string }): Scalar | undefined {
  const v = resolvePath({ document, path });
  if (v === '') return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return undefined;
}

/** A finite double times 2^1074 (every finite double is an integer multiple of 2^-1074), exactly, as a BigInt (read from its IEEE-754 bits). */
function unitsOf(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // Subnormal: fraction * 2^-1074. Normal: (2^52 + fraction) * 2^(exponent - 1075).
  const units = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return negative ? -units : units;
}

/** The double nearest to units * 2^-1074, ties to even (infinite beyond the double range). */
function doubleOf(units: bigint): number {
  if (units === 0n) return 0;
  const negative = units < 0n;
  let magnitude = negative ? -units : units;
  const bits = magnitude.toString(2).length;
  let shift = 0;
  if (bits > 53) {
    shift = bits - 53;
    const kept = magnitude >> BigInt(shift);
    const rest = magnitude - (kept << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    magnitude = rest > half || (rest === half && (kept & 1n) === 1n) ? kept + 1n : kept;
  }
  // magnitude <= 2^53 is exact as a Number, and so is scaling it by 2^(shift - 1074): without a shift the result is
  // a multiple of 2^-1074 below 2^-1021 (exact, maybe subnormal); with one it is normal. Past 2^1024 it is Infinity.
  const result = Number(magnitude) * 2 ** (shift - 1074);
  return negative ? -result : result;
}

/** The exact sum of finite numbers, rounded once to the nearest double (CA-STAT-4): independent of the order. */
export function exactSum({ values }: { values: readonly number[] }): number {
  let units = 0n;
  for (const v of values) units += unitsOf(v);
  return doubleOf(units);
}
