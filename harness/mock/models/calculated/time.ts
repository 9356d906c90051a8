/**
 * Timestamp parsing for calculated attributes (semantics doc R1, R2, R9 filter dates). Pure functions, no state.
 */

/** One day as the semantics fix it (R8): exactly 86,400,000 ms, never a calendar day. */
export const DAY_MS = 86_400_000;

/** Below this magnitude an EPOCHMILLI value counts as seconds (R2). */
const SECONDS_BELOW = 1e11;

/** Largest |ms| a JavaScript Date can hold; beyond it a time cannot be reported, so it does not parse. */
const MAX_DATE_MS = 8.64e15;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?(Z|[+-]\d{2}:\d{2}|[+-]\d{4})?$/;
const INTEGER_RE = /^-?\d+$/;
const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian civil date (avoids Date.UTC's two-digit-year quirk). */
function daysFromCivil({ year, month, day }: { year: number; month: number; day: number }): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth({ year, month }: { year: number; month: number }): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function bounded(ms: number): number | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

/** Parses an ISO 8601 string of the R2 form; undefined when it is not one (wrong shape or impossible date). */
export function parseIso8601({ value }: { value: unknown }): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const milli = m[7] === undefined ? 0 : Number(m[7]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMin = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = sign * (oh * 60 + om);
  }
  const days = daysFromCivil({ year, month, day });
  const local = days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
  // A local time at +HH:MM is that much ahead of UTC, so UTC = local - offset.
  return bounded(local - offsetMin * 60_000);
}

/** Parses an EPOCHMILLI value (R2): an integer or a string of digits; below 10^11 in magnitude it is seconds. */
export function parseEpoch({ value }: { value: unknown }): number | undefined {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    n = value;
  } else if (typeof value === 'string' && INTEGER_RE.test(value)) {
    n = Number(value);
  } else {
    return undefined;
  }
  return bounded(Math.abs(n) < SECONDS_BELOW ? n * 1000 : n);
}

/** Formats the definition's Range.TimestampFormat names (validated at create). */
export type TimestampFormat = 'EPOCHMILLI' | 'ISO_8601';

/**
 * Parses `value` in the definition's TimestampFormat (R1, R2); without a format (AWS's samples omit it) any *date*
 * of R9 is read: an epoch, an ISO 8601 date-time or a `YYYY-MM-DD` day. Undefined excludes the object.
 */
export function parseTimestamp({ value, format }: { value: unknown; format: TimestampFormat | undefined }): number | undefined {
  if (format === undefined) return parseFilterDate({ value });
  return format === 'EPOCHMILLI' ? parseEpoch({ value }) : parseIso8601({ value });
}

/** Parses a date-only `YYYY-MM-DD` as its midnight UTC; undefined when it is not one or the date does not exist. */
function parseDateOnly({ value }: { value: unknown }): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_ONLY_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) return undefined;
  return daysFromCivil({ year, month, day }) * DAY_MS;
}

/** An ISO 8601 date-time or `YYYY-MM-DD` day as its instant (R6: such text is a timestamp operand); else undefined. */
export function parseIsoText({ value }: { value: unknown }): number | undefined {
  return parseIso8601({ value }) ?? parseDateOnly({ value });
}

/** Parses a filter date (R9): an ISO 8601 date-time, a date-only day (midnight UTC) or an epoch; else undefined. */
export function parseFilterDate({ value }: { value: unknown }): number | undefined {
  return parseIso8601({ value }) ?? parseDateOnly({ value }) ?? parseEpoch({ value });
}
