import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOnly, isoString, localDay, renderTimestamp } from '../../generators/time.ts';
import { parseIso8601 } from '../../generators/oracle/index.ts';

const AT = Date.UTC(2025, 2, 2, 1, 30, 5, 42); // 2025-03-02T01:30:05.042Z

describe('isoString', () => {
  it('returns UTC text with Z given style Z', () => {
    expect(isoString({ ms: AT, offsetMinutes: -120, style: 'Z', precision: 'ms' })).toBe('2025-03-02T01:30:05.042Z');
  });

  it('returns the previous local day with -02:00 given an early-UTC instant (across midnight)', () => {
    expect(isoString({ ms: AT, offsetMinutes: -120, style: 'colon', precision: 's' })).toBe('2025-03-01T23:30:05-02:00');
  });

  it('returns +0545 local time given Kathmandu offset and the compact style', () => {
    expect(isoString({ ms: AT, offsetMinutes: 345, style: 'compact', precision: 'ms' })).toBe('2025-03-02T07:15:05.042+0545');
  });

  it('returns +00:00 (not Z) for a zero offset in the colon style', () => {
    expect(isoString({ ms: AT, offsetMinutes: 0, style: 'colon', precision: 's' })).toBe('2025-03-02T01:30:05+00:00');
  });

  it('returns 1969-12-31T23:59:59.999Z for -1 ms', () => {
    expect(isoString({ ms: -1, offsetMinutes: 0, style: 'Z', precision: 'ms' })).toBe('1969-12-31T23:59:59.999Z');
  });

  it('returns a leap day', () => {
    expect(isoString({ ms: Date.UTC(2024, 1, 29, 12), offsetMinutes: 600, style: 'colon', precision: 's' })).toBe('2024-02-29T22:00:00+10:00');
  });

  it('round-trips through the oracle parser for any instant, offset and style (truncated to the precision)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }),
        fc.integer({ min: -720, max: 840 }),
        fc.constantFrom('Z' as const, 'colon' as const, 'compact' as const),
        fc.constantFrom('s' as const, 'ms' as const),
        (ms, offsetMinutes, style, precision) => {
          const text = isoString({ ms, offsetMinutes, style, precision });
          const expected = precision === 's' ? Math.floor(ms / 1000) * 1000 : ms;
          return parseIso8601({ value: text }) === expected;
        },
      ),
      { numRuns: 2000, seed: 42 },
    );
  });
});

describe('dateOnly and localDay', () => {
  it('returns the local calendar date: 2025-03-01 at -02:00 for 01:30Z on 2 March', () => {
    expect(dateOnly({ ms: AT, offsetMinutes: -120 })).toBe('2025-03-01');
    expect(dateOnly({ ms: AT })).toBe('2025-03-02');
    expect(localDay({ ms: AT, offsetMinutes: -120 })).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
  });
});

describe('renderTimestamp', () => {
  it('returns epoch-millisecond digits given epochmilli, floored to the second for second precision', () => {
    expect(renderTimestamp({ ms: AT, format: 'epochmilli', offsetMinutes: 60, style: 'colon', precision: 'ms' })).toBe(String(AT));
    expect(renderTimestamp({ ms: AT, format: 'epochmilli', offsetMinutes: 60, style: 'colon', precision: 's' })).toBe(String(AT - 42));
  });

  it('returns ISO text given iso8601', () => {
    expect(renderTimestamp({ ms: AT, format: 'iso8601', offsetMinutes: 60, style: 'colon', precision: 's' })).toBe('2025-03-02T02:30:05+01:00');
  });
});
