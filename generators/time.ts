/**
 * Timestamp rendering for generated objects. Everything is integer arithmetic on epoch milliseconds, never the host's
 * time zone or locale, so output is the same on every machine.
 */

/** How generated timestamp fields are written: epoch milliseconds as a decimal string, or ISO 8601 text. */
export type TimestampFormat = 'epochmilli' | 'iso8601';

/** ISO 8601 offset spelling: `Z` (UTC), `±HH:MM` or `±HHMM` (local time at the given offset). */
export type OffsetStyle = 'Z' | 'colon' | 'compact';

/** Second or millisecond precision for ISO 8601 text. */
export type Precision = 's' | 'ms';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/** Civil date (proleptic Gregorian, UTC) of a day count since 1970-01-01; Howard Hinnant's days_from_civil inverse. */
function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** `YYYY-MM-DD` of the calendar day containing `ms` at `offsetMinutes` from UTC. */
export function dateOnly({ ms, offsetMinutes = 0 }: { ms: number; offsetMinutes?: number }): string {
  const local = ms + offsetMinutes * MS_PER_MINUTE;
  const { y, m, d } = civilFromDays(Math.floor(local / MS_PER_DAY));
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Days since 1970-01-01 of the local calendar day containing `ms`. */
export function localDay({ ms, offsetMinutes = 0 }: { ms: number; offsetMinutes?: number }): number {
  return Math.floor((ms + offsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** ISO 8601 text of `ms`: UTC with `Z`, or the local time at `offsetMinutes` with a `±HH:MM` / `±HHMM` suffix. */
export function isoString({
  ms,
  offsetMinutes,
  style,
  precision,
}: {
  ms: number;
  offsetMinutes: number;
  style: OffsetStyle;
  precision: Precision;
}): string {
  const off = style === 'Z' ? 0 : offsetMinutes;
  const local = ms + off * MS_PER_MINUTE;
  const days = Math.floor(local / MS_PER_DAY);
  const inDay = local - days * MS_PER_DAY;
  const { y, m, d } = civilFromDays(days);
  const hh = Math.floor(inDay / MS_PER_HOUR);
  const mm = Math.floor((inDay % MS_PER_HOUR) / MS_PER_MINUTE);
  const ss = Math.floor((inDay % MS_PER_MINUTE) / 1000);
  let text = `${y}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  if (precision === 'ms') text += `.${pad3(inDay % 1000)}`;
  if (style === 'Z') return `${text}Z`;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const oh = pad2(Math.floor(abs / 60));
  const om = pad2(abs % 60);
  return style === 'colon' ? `${text}${sign}${oh}:${om}` : `${text}${sign}${oh}${om}`;
}

/** Renders a timestamp field in the run's format: epoch-millisecond digits, or ISO 8601 with the given spelling. */
export function renderTimestamp({
  ms,
  format,
  offsetMinutes,
  style,
  precision,
}: {
  ms: number;
  format: TimestampFormat;
  offsetMinutes: number;
  style: OffsetStyle;
  precision: Precision;
}): string {
  if (format === 'epochmilli') return String(precision === 's' ? Math.floor(ms / 1000) * 1000 : ms);
  return isoString({ ms: precision === 's' ? Math.floor(ms / 1000) * 1000 : ms, offsetMinutes, style, precision });
}
