/**
 * Numbers, scalar rendering and JSON paths for the oracle: SEMANTICS.md CA-NUM-1..3 and CA-EXP-4.
 */

/** RFC 8259 number grammar, whole string (CA-NUM-1). */
const JSON_NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

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

/** Renders a number (CA-NUM-2): toFixed(6), trailing zeros and dot dropped, -0 as 0; >= 1e21 as String(x). */
export function renderNumber({ value }: { value: number }): string {
  if (!Number.isFinite(value)) throw new RangeError(`oracle: expected a finite number; saw ${value}; this is a bug in the oracle`);
  if (Math.abs(value) >= 1e21) return String(value);
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

/** Walks a `.`-separated path through objects (and arrays, by digit segments) of a parsed JSON document (CA-EXP-4). */
export function resolvePath({ document, path }: { document: unknown; path: string }): unknown {
  let current: unknown = document;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** The scalar at a path, or undefined when it is missing, null, an object or an array. */
export function scalarAt({ document, path }: { document: unknown; path: string }): Scalar | undefined {
  const v = resolvePath({ document, path });
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return undefined;
}
