import { describe, expect, it } from 'vitest';
import { parseEpoch, parseFilterDate, parseIso8601 } from '../../../../harness/mock/models/calculated/time.ts';

describe('parseIso8601', () => {
  it.each([
    ['2025-01-15T12:00:00Z', 1_736_942_400_000],
    ['2025-01-15T12:00:00', 1_736_942_400_000],
    ['2025-01-15T12:00:00.250Z', 1_736_942_400_250],
    ['2025-01-15T14:00:00+02:00', 1_736_942_400_000],
    ['2025-01-15T14:00:00+0200', 1_736_942_400_000],
    ['2025-01-15T01:30:00+05:30', 1_736_884_800_000], // 2025-01-14T20:00:00Z, the day before in UTC
    ['2025-01-14T23:30:00-0130', 1_736_902_800_000], // 2025-01-15T01:00:00Z, the day after in UTC
    ['2001-07-04T12:08:56.235-0700', 994_273_736_235],
    ['1970-01-01T00:00:00Z', 0],
    ['1969-12-31T23:59:59.999Z', -1],
    ['2024-02-29T00:00:00Z', 1_709_164_800_000],
    ['0099-01-01T00:00:00Z', -59_042_995_200_000],
  ])('reads %s as %d', (value, ms) => {
    expect(parseIso8601({ value })).toBe(ms);
  });
  it.each([
    '2025-01-15',
    '2025-01-15 12:00:00Z',
    '2025-01-15T12:00Z',
    '2025-01-15T12:00:00.25Z',
    '2025-01-15T12:00:00z',
    '2025-02-29T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-15T24:00:00Z',
    '2025-01-15T12:60:00Z',
    '2025-01-15T12:00:00+2400',
    '2025-01-15T12:00:00+02',
    ' 2025-01-15T12:00:00Z',
  ])('does not parse %s', (value) => {
    expect(parseIso8601({ value })).toBeUndefined();
  });
  it('does not parse a number', () => {
    expect(parseIso8601({ value: 1_736_942_400_000 })).toBeUndefined();
  });
});

describe('parseEpoch', () => {
  it.each([
    [1_736_942_400, 1_736_942_400_000],
    ['1736942400', 1_736_942_400_000],
    [1_736_942_400_000, 1_736_942_400_000],
    ['1736942400000', 1_736_942_400_000],
    [99_999_999_999, 99_999_999_999_000],
    [100_000_000_000, 100_000_000_000],
    [0, 0],
    ['-5', -5000],
    [-99_999_999_999, -99_999_999_999_000], // seconds below 10^11 in magnitude, negative too
    [-100_000_000_000, -100_000_000_000],
    ['007', 7000],
    [8_640_000_000_000_000, 8_640_000_000_000_000],
  ])('reads %s as %d ms', (value, ms) => {
    expect(parseEpoch({ value })).toBe(ms);
  });
  it.each([[1.5], ['1.5'], ['12a'], [''], [true], [null], ['+5'], [1e20], [8_640_000_000_000_001], [' 5']])('does not parse %s', (value) => {
    expect(parseEpoch({ value })).toBeUndefined();
  });
});

describe('parseFilterDate', () => {
  it('reads ISO date-times, date-only days and epochs', () => {
    expect(parseFilterDate({ value: '2025-01-15T12:00:00Z' })).toBe(1_736_942_400_000);
    expect(parseFilterDate({ value: '1736942400' })).toBe(1_736_942_400_000);
    expect(parseFilterDate({ value: '2025-01-15' })).toBe(1_736_899_200_000); // midnight UTC, 12 h before T0
    expect(parseFilterDate({ value: '2024-02-29' })).toBe(1_709_164_800_000);
  });
  it('reads 20250115 as epoch seconds, not as a date', () => {
    expect(parseFilterDate({ value: '20250115' })).toBe(20_250_115_000);
  });
  it.each(['yesterday', '2025-02-29', '2025-1-15', '2025-01-15T12:00:00.5Z'])('does not read %s', (value) => {
    expect(parseFilterDate({ value })).toBeUndefined();
  });
});
