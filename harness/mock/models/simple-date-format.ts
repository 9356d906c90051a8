/**
 * A subset of java.text.SimpleDateFormat, for parsing: the model documents SourceLastUpdatedTimestampFormat as a
 * SimpleDateFormat pattern (register entry M-OBJTYPE-TIMESTAMP-FORMAT), and AWS's own mappings use
 * `yyyy-MM-dd'T'HH:mm:ss'Z'`. Only parsing is needed: the mock reads an object's source last-updated time with the
 * pattern its object type was given.
 *
 * Supported pattern letters: `y` (`yyyy` and longer: the year as written; `yy`: a two-digit year, placed in the
 * century that puts it within 80 years before and 20 years after the reference time, as SimpleDateFormat does; `y`
 * and `yyy` as `yyyy`), `M` / `MM` (month number), `d` / `dd`, `H` / `HH` (0-23), `m` / `mm`, `s` / `ss`, `S` (any
 * count: milliseconds, as SimpleDateFormat counts them: `SSS` reads 123 as 123 ms, `S` reads 5 as 5 ms), `X` / `XX` /
 * `XXX` (ISO 8601 offsets `Z`, `+hh`, `+hhmm`, `+hh:mm`), `Z` (RFC 822 `+hhmm`) and `z` (`GMT` / `UTC`, `GMT+hh:mm`
 * or an RFC 822 offset; zone names such as `PST` are not supported). Text in single quotes is literal (`''` is one
 * quote); any other character that is not an ASCII letter is literal. Any other letter (`MMM` month names, `E`, `a`,
 * `h`, `k`, `K`, `D`, `w`, `u`, …) makes the pattern unsupported: parsing answers undefined.
 *
 * Like SimpleDateFormat, a number that abuts another numeric field takes exactly as many digits as its letter count,
 * otherwise as many digits as follow; text after the pattern's end is ignored. Unlike the default (lenient)
 * SimpleDateFormat, out-of-range values (month 13, 31 February, hour 24) do not parse. Without an offset in the
 * pattern the time is UTC (the JVM's default zone on the service side is not documented; the mock's assumption).
 */

/** One token of a compiled pattern: a run of one pattern letter, or literal text. */
type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const NUMERIC = new Set(['y', 'M', 'd', 'H', 'm', 's', 'S']);
const SUPPORTED = new Set([...NUMERIC, 'X', 'Z', 'z']);

/** The tokens of `pattern`, or undefined when it uses an unsupported letter or leaves a quote open. */
export function compilePattern({ pattern }: { pattern: string }): Token[] | undefined {
  const tokens: Token[] = [];
  const literal = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal("'");
        i += 2;
        continue;
      }
      let text = '';
      i += 1;
      for (;;) {
        if (i >= pattern.length) return undefined;
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i += 1;
          break;
        } else {
          text += pattern[i];
          i += 1;
        }
      }
      literal(text);
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      if (!SUPPORTED.has(c)) return undefined;
      let count = 1;
      while (pattern[i + count] === c) count += 1;
      // MMM and longer are month names, XXXX is no offset form: neither is in the subset.
      if ((c === 'X' && count > 3) || (c === 'M' && count > 2)) return undefined;
      tokens.push({ kind: 'field', letter: c, count });
      i += count;
      continue;
    }
    literal(c);
    i += 1;
  }
  return tokens;
}

/** The fields a parse collects before they are combined into a time. */
interface Parts {
  year?: number;
  twoDigitYear?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millis?: number;
  offsetMinutes?: number;
}

/**
 * The epoch milliseconds `value` denotes under `pattern`, or undefined when the pattern is unsupported or the value
 * does not match it. `referenceMs` (the service's now) places two-digit years.
 */
export function parseWithPattern({ value, pattern, referenceMs }: { value: string; pattern: string; referenceMs: number }): number | undefined {
  const tokens = compilePattern({ pattern });
  if (!tokens || !tokens.some((t) => t.kind === 'field')) return undefined;
  const parts: Parts = {};
  let pos = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === 'literal') {
      if (!value.startsWith(token.text, pos)) return undefined;
      pos += token.text.length;
      continue;
    }
    if (NUMERIC.has(token.letter)) {
      const next = tokens[t + 1];
      const abuts = next?.kind === 'field' && NUMERIC.has(next.letter);
      const digits = readDigits({ value, pos, exactly: abuts ? token.count : undefined });
      if (digits === undefined) return undefined;
      pos += digits.length;
      if (!assign({ parts, letter: token.letter, count: token.count, digits })) return undefined;
      continue;
    }
    const offset = readOffset({ value, pos, letter: token.letter, count: token.count });
    if (!offset) return undefined;
    pos += offset.length;
    parts.offsetMinutes = offset.minutes;
  }
  return combine({ parts, referenceMs });
}

function readDigits({ value, pos, exactly }: { value: string; pos: number; exactly?: number }): string | undefined {
  let end = pos;
  while (end < value.length && value.charCodeAt(end) >= 48 && value.charCodeAt(end) <= 57) end += 1;
  if (end === pos) return undefined;
  if (exactly === undefined) return value.slice(pos, end);
  return end - pos >= exactly ? value.slice(pos, pos + exactly) : undefined;
}

function assign({ parts, letter, count, digits }: { parts: Parts; letter: string; count: number; digits: string }): boolean {
  const n = Number(digits);
  switch (letter) {
    case 'y':
      // SimpleDateFormat: with "yy", exactly two digits are a year of the sliding century; anything else is literal.
      if (count === 2 && digits.length === 2) parts.twoDigitYear = n;
      else parts.year = n;
      return true;
    case 'M':
      parts.month = n;
      return true;
    case 'd':
      parts.day = n;
      return true;
    case 'H':
      parts.hour = n;
      return true;
    case 'm':
      parts.minute = n;
      return true;
    case 's':
      parts.second = n;
      return true;
    default:
      parts.millis = n;
      return true;
  }
}

const ISO_OFFSET = [/^([+-])(\d{2})/, /^([+-])(\d{2})(\d{2})/, /^([+-])(\d{2}):(\d{2})/];
const RFC822_OFFSET = /^([+-])(\d{2})(\d{2})/;
const GMT_OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?/;

/** An offset at `pos` in the form `letter` × `count` reads, with its length, or undefined. */
function readOffset({ value, pos, letter, count }: { value: string; pos: number; letter: string; count: number }): { minutes: number; length: number } | undefined {
  const rest = value.slice(pos);
  if (letter === 'X') {
    if (rest.startsWith('Z')) return { minutes: 0, length: 1 };
    return offsetOf({ match: ISO_OFFSET[count - 1].exec(rest) });
  }
  if (letter === 'Z') return offsetOf({ match: RFC822_OFFSET.exec(rest) });
  const gmt = GMT_OFFSET.exec(rest);
  if (gmt) return gmt[1] ? offsetOf({ match: gmt }) : { minutes: 0, length: gmt[0].length };
  return offsetOf({ match: RFC822_OFFSET.exec(rest) });
}

function offsetOf({ match }: { match: RegExpExecArray | null }): { minutes: number; length: number } | undefined {
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return { minutes: (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes), length: match[0].length };
}

/** The time the collected fields denote (missing ones at their SimpleDateFormat defaults: 1970, January, 1, 0). */
function combine({ parts, referenceMs }: { parts: Parts; referenceMs: number }): number | undefined {
  let year = parts.year ?? 1970;
  if (parts.twoDigitYear !== undefined) {
    // The century that puts the year in (reference - 80 years, reference + 20 years].
    const reference = new Date(referenceMs).getUTCFullYear();
    year = Math.floor((reference - 80) / 100) * 100 + parts.twoDigitYear;
    if (year <= reference - 80) year += 100;
  }
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  const millis = parts.millis ?? 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || millis > 999) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year);
  if (date.getUTCDate() !== day) return undefined;
  return date.getTime() - (parts.offsetMinutes ?? 0) * 60_000;
}
