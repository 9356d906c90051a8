import { describe, expect, it } from 'vitest';
import { parseEpochMilli, parseFilterDate, parseIso8601, renderNumber, toNumber } from '../../../generators/oracle/index.ts';

describe('renderNumber', () => {
  it.each([
    [3, '3'],
    [12.5, '12.5'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.333333'],
    [2 / 3, '0.666667'],
    [-2.5, '-2.5'],
    [1e-7, '0'],
    [-1e-7, '0'],
    [-0, '0'],
    [1234567.0000004, '1234567'],
    [5e-7, '0'],
    [1.5e-6, '0.000002'],
    [1.0000005, '1.000001'],
    [123456789.123456789, '123456789.123457'],
    [1e21, '1e+21'],
    [100, '100'],
  ])('returns %s as %s', (value, text) => {
    expect(renderNumber({ value })).toBe(text);
  });
});

describe('toNumber', () => {
  it.each([
    ['1e3', 1000],
    ['-0', -0],
    ['0.5', 0.5],
    [7, 7],
  ])('returns %s as %s', (value, n) => {
    expect(toNumber({ value })).toBe(n);
  });

  it.each(['01', '+1', ' 1', '1.', '.5', '', 'NaN', 'Infinity', '0x10'])('returns undefined for %j', (value) => {
    expect(toNumber({ value })).toBeUndefined();
  });

  it('returns undefined for booleans, null and objects', () => {
    expect(toNumber({ value: true })).toBeUndefined();
    expect(toNumber({ value: null })).toBeUndefined();
    expect(toNumber({ value: { a: 1 } })).toBeUndefined();
  });
});

describe('parseIso8601', () => {
  it.each([
    ['2001-07-04T12:08:56.235-0700', Date.UTC(2001, 6, 4, 19, 8, 56, 235)],
    ['2001-07-04T12:08:56-07:00', Date.UTC(2001, 6, 4, 19, 8, 56)],
    ['2025-03-01T23:30:00-02:00', Date.UTC(2025, 2, 2, 1, 30)],
    ['2025-03-02T00:30:00+05:45', Date.UTC(2025, 2, 1, 18, 45)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2025-06-09T00:00:00.123456789Z', Date.UTC(2025, 5, 9, 0, 0, 0, 123)],
    ['2025-06-09T00:00:00.5Z', Date.UTC(2025, 5, 9, 0, 0, 0, 500)],
    ['0099-01-01T00:00:00Z', -59_042_995_200_000], // Python: (date(99,1,1) - date(1970,1,1)).days * 86400000,
  ])('returns %s as its instant', (text, ms) => {
    expect(parseIso8601({ value: text })).toBe(ms);
  });

  it.each(['2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-06-09T23:60:00Z', '2025-06-09t00:00:00z', '2025-06-09 00:00:00Z', '2025-06-09T00:00:00+24:00', '2025-06-09', 20250609])(
    'returns undefined for %j',
    (value) => {
      expect(parseIso8601({ value })).toBeUndefined();
    },
  );
});

describe('parseEpochMilli', () => {
  it('reads values below 1e11 as seconds and others as milliseconds', () => {
    expect(parseEpochMilli({ value: 99_999_999_999 })).toBe(99_999_999_999_000);
    expect(parseEpochMilli({ value: 100_000_000_000 })).toBe(100_000_000_000);
    expect(parseEpochMilli({ value: '1737587945945' })).toBe(1_737_587_945_945);
    expect(parseEpochMilli({ value: '-5' })).toBe(-5000);
  });

  it('returns undefined for fractions, signs other than minus, and text', () => {
    expect(parseEpochMilli({ value: 1.5 })).toBeUndefined();
    expect(parseEpochMilli({ value: '+5' })).toBeUndefined();
    expect(parseEpochMilli({ value: '12a' })).toBeUndefined();
  });
});

describe('parseFilterDate', () => {
  it('returns a date-only value at midnight UTC, and date-times and epochs as instants', () => {
    expect(parseFilterDate({ value: '2025-03-02' })).toBe(Date.UTC(2025, 2, 2));
    expect(parseFilterDate({ value: '2025-03-02T01:00:00+01:00' })).toBe(Date.UTC(2025, 2, 2));
    expect(parseFilterDate({ value: '1740873600' })).toBe(Date.UTC(2025, 2, 2));
    expect(parseFilterDate({ value: '2025-02-30' })).toBeUndefined();
  });
});
