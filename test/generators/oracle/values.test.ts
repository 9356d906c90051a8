import { describe, expect, it } from 'vitest';
import { exactSum, parseEpochMilli, parseFilterDate, parseIso8601, renderNumber, toNumber } from '../../../generators/oracle/index.ts';

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
    [1e21, '1000000000000000000000'],
    [1e24, '999999999999999983222784'], // the double nearest 10^24 is 10^24 - 2^24 (10^24 = 2^24 mod 2^27, its ulp)
    [-0.0078125, '-0.007813'], // an exact binary half rounds away from zero
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
    ['2025-06-09T00:00:00.500Z', Date.UTC(2025, 5, 9, 0, 0, 0, 500)],
    ['2025-06-09T00:00:00.123', Date.UTC(2025, 5, 9, 0, 0, 0, 123)],
    ['0099-01-01T00:00:00Z', -59_042_995_200_000], // Python: (date(99,1,1) - date(1970,1,1)).days * 86400000,
  ])('returns %s as its instant', (text, ms) => {
    expect(parseIso8601({ value: text })).toBe(ms);
  });

  it.each([
    '2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-06-09T23:60:00Z', '2025-06-09t00:00:00z', '2025-06-09 00:00:00Z',
    '2025-06-09T00:00:00+24:00', '2025-06-09', '2025-06-09T00:00:00.5Z', '2025-06-09T00:00:00.123456Z', '2025-06-09T00:00Z', 20250609,
  ])(
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
    expect(parseEpochMilli({ value: -99_999_999_999 })).toBe(-99_999_999_999_000);
    expect(parseEpochMilli({ value: '-100000000000' })).toBe(-100_000_000_000);
  });

  it('returns undefined beyond the instants a Date holds (8.64e15 ms)', () => {
    expect(parseEpochMilli({ value: 8_640_000_000_000_000 })).toBe(8_640_000_000_000_000);
    expect(parseEpochMilli({ value: 8_640_000_000_000_001 })).toBeUndefined();
    expect(parseEpochMilli({ value: '99999999999999999999' })).toBeUndefined();
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

describe('exactSum', () => {
  it('returns 2 for 1e16 + 1 + 1 - 1e16 (adding left to right gives 0)', () => {
    expect(exactSum({ values: [1e16, 1, 1, -1e16] })).toBe(2);
  });

  it('returns 1.7e308 for 1.7e308 + 1.7e308 - 1.7e308, in any order', () => {
    expect(exactSum({ values: [1.7e308, 1.7e308, -1.7e308] })).toBe(1.7e308);
    expect(exactSum({ values: [-1.7e308, 1.7e308, 1.7e308] })).toBe(1.7e308);
  });

  it('returns Infinity when the exact sum is beyond the double range', () => {
    expect(exactSum({ values: [1.7e308, 1.7e308] })).toBe(Infinity);
  });

  it('rounds a tie to even: 2^53 + 1 is 2^53, 2^53 + 1 + 2^-1074 is 2^53 + 2', () => {
    expect(exactSum({ values: [2 ** 53, 1] })).toBe(2 ** 53);
    expect(exactSum({ values: [2 ** 53, 1, 2 ** -1074] })).toBe(2 ** 53 + 2);
  });

  it('keeps subnormals exact: 2^-1074 + 2^-1074 is 2^-1073', () => {
    expect(exactSum({ values: [2 ** -1074, 2 ** -1074] })).toBe(2 ** -1073);
  });
});
