/**
 * Test helpers for the generator tests: independent re-implementations (money parsing, timestamp reading through the
 * oracle's parser, not the generators' formatter) and a grouping of records by profile.
 */
import { parseEpochMilli, parseIso8601 } from '../../generators/oracle/index.ts';
import type { GeneratedRecord } from '../../generators/generate.ts';

export const REF_ISO = '2025-06-09T00:00:00.000Z';
export const REF_MS = Date.UTC(2025, 5, 9);

/** A decimal money string to integer minor units, with the number of decimals it had. */
export function minor(text: unknown): { units: number; decimals: number } {
  if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a money string: ${String(text)}`);
  const neg = text.startsWith('-');
  const [whole, frac = ''] = text.replace('-', '').split('.');
  const units = Number(whole) * 10 ** frac.length + (frac ? Number(frac) : 0);
  return { units: neg ? -units : units, decimals: frac.length };
}

/** Reads a generated timestamp string in either format via the oracle's independent parsers. */
export function instant(text: unknown): number {
  if (typeof text !== 'string') throw new Error(`not a timestamp: ${String(text)}`);
  const ms = /^\d+$/.test(text) ? parseEpochMilli({ value: text }) : parseIso8601({ value: text });
  if (ms === undefined) throw new Error(`unparsable timestamp: ${text}`);
  return ms;
}

/** Days between two YYYY-MM-DD dates. */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export interface ProfileGroup {
  profile: Record<string, unknown>;
  objects: GeneratedRecord[];
}

/** Splits a record stream at each `_profile` line. */
export function groupByProfile(records: Iterable<GeneratedRecord>): ProfileGroup[] {
  const groups: ProfileGroup[] = [];
  for (const r of records) {
    if (r.objectTypeName === '_profile') groups.push({ profile: r.object, objects: [] });
    else {
      if (groups.length === 0) throw new Error('object before any profile');
      groups[groups.length - 1].objects.push(r);
    }
  }
  return groups;
}

/** Objects of one type within a group. */
export function ofType(group: ProfileGroup, type: string): Record<string, any>[] {
  return group.objects.filter((o) => o.objectTypeName === type).map((o) => o.object as Record<string, any>);
}

/**
 * Collects violations in hot loops (vitest's expect costs ~microseconds per call, too slow for 100k checks) and
 * fails once at the end with the first few.
 */
export class Violations {
  readonly found: string[] = [];
  checks = 0;
  /** Records a violation when `cond` is false. */
  that(cond: boolean, what: () => string): void {
    this.checks++;
    if (!cond && this.found.length < 25) this.found.push(what());
  }
  /** Records a violation unless `actual` is `expected` (Object.is). */
  eq(actual: unknown, expected: unknown, what: string): void {
    this.that(Object.is(actual, expected), () => `${what}: expected ${JSON.stringify(expected)}; saw ${JSON.stringify(actual)}`);
  }
  /** Records a violation unless `text` matches `re`. */
  match(text: unknown, re: RegExp, what: string): void {
    this.that(typeof text === 'string' && re.test(text), () => `${what}: ${JSON.stringify(text)} does not match ${re}`);
  }
}
