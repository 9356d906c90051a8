/**
 * Timestamp parsing for the oracle (SEMANTICS.md CA-TS-2..4 and CA-FIL-13). Written independently of the
 * generators' formatter (generators/time.ts) so each checks the other.
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?(Z|[+-]\d{2}:\d{2}|[+-]\d{4})?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EPOCH_RE = /^-?\d+$/;

/** Below this absolute value an EPOCHMILLI number is read as seconds (CA-TS-2). */
export const EPOCH_SECONDS_BELOW = 100_000_000_000;

/** The instants a JavaScript Date can hold (±8.64e15 ms); a timestamp beyond them does not parse (CA-TS-2). */
const LAST_INSTANT_MS = 8_640_000_000_000_000;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Epoch ms of a UTC civil date-time, or undefined if the fields are not a real date and time. */
function civilToMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** EPOCHMILLI (CA-TS-2): integer JSON number or digit string; seconds when |n| < 1e11, else milliseconds. */
export function parseEpochMilli({ value }: { value: unknown }): number | undefined {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    n = value;
  } else if (typeof value === 'string' && EPOCH_RE.test(value)) {
    n = Number(value);
  } else {
    return undefined;
  }
  const ms = Math.abs(n) < EPOCH_SECONDS_BELOW ? n * 1000 : n;
  return Math.abs(ms) <= LAST_INSTANT_MS ? ms : undefined;
}

/** ISO_8601 (CA-TS-3): date-time, optional 3-digit millisecond fraction, optional Z / ±HH:MM / ±HHMM. */
export function parseIso8601({ value }: { value: unknown }): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_RE.exec(value);
  if (!m) return undefined;
  const frac = m[7] ? Number(m[7]) : 0;
  const local = civilToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), frac);
  if (local === undefined) return undefined;
  const off = m[8];
  if (!off || off === 'Z') return local;
  const sign = off[0] === '-' ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = Number(digits.slice(2, 4));
  if (oh > 23 || om > 59) return undefined;
  return local - sign * (oh * 60 + om) * 60_000;
}

/**
 * A TimestampSource value in the definition's TimestampFormat (CA-TS-2..4), or, without a format, any filter date
 * (CA-TS-5: epoch, ISO 8601 date-time or YYYY-MM-DD); undefined when it does not parse.
 */
export function parseTimestampValue({ value, format }: { value: unknown; format: 'EPOCHMILLI' | 'ISO_8601' | undefined }): number | undefined {
  if (format === undefined) return parseFilterDate({ value });
  return format === 'EPOCHMILLI' ? parseEpochMilli({ value }) : parseIso8601({ value });
}

/** An ISO 8601 date-time (CA-TS-3) or a YYYY-MM-DD day at UTC midnight, else undefined: a timestamp operand (CA-EXP-7). */
export function parseIsoDateTimeOrDay({ value }: { value: string }): number | undefined {
  const d = DATE_RE.exec(value);
  if (d) return civilToMs(Number(d[1]), Number(d[2]), Number(d[3]), 0, 0, 0, 0);
  return parseIso8601({ value });
}

/** A filter date (CA-FIL-13): ISO_8601 date-time, YYYY-MM-DD at UTC midnight, or an EPOCHMILLI integer. */
export function parseFilterDate({ value }: { value: unknown }): number | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && EPOCH_RE.test(value))) return parseEpochMilli({ value });
  if (typeof value !== 'string') return undefined;
  const d = DATE_RE.exec(value);
  if (d) return civilToMs(Number(d[1]), Number(d[2]), Number(d[3]), 0, 0, 0, 0);
  return parseIso8601({ value });
}

/** The UTC calendar day number (days since 1970-01-01) of an instant. */
export function utcDay({ ms }: { ms: number }): number {
  return Math.floor(ms / 86_400_000);
}
