import { describe, expect, it } from 'vitest';
import { ExactSum, renderNumber, toFiniteNumber } from '../../../../harness/mock/models/calculated/numbers.ts';

describe('renderNumber', () => {
  it.each([
    [12, '12'],
    [12.5, '12.5'],
    [-1 / 3, '-0.333333'],
    [2 / 3, '0.666667'],
    [-0, '0'],
    [-0.0000001, '0'],
    [0.0000004, '0'],
    [0.0000006, '0.000001'],
    [0.0078125, '0.007813'], // an exact binary half rounds away from zero
    [-0.0078125, '-0.007813'],
    [1e21, '1000000000000000000000'],
    [123456789.123456789, '123456789.123457'],
  ])('renders %d as %s', (value, text) => {
    expect(renderNumber({ value })).toBe(text);
  });
  it('renders nothing for a non-finite number', () => {
    expect(renderNumber({ value: Infinity })).toBeUndefined();
  });
});

describe('ExactSum', () => {
  it('returns 0 when empty', () => {
    expect(new ExactSum().value()).toBe(0);
  });
  it('is exact where naive addition is not (1e16, 1, 1, -1e16 -> 2)', () => {
    const s = new ExactSum();
    for (const x of [1e16, 1, 1, -1e16]) s.add(x);
    expect(s.value()).toBe(2);
  });
  it('gives the same double in any order (0.1 ten times -> 1)', () => {
    const s = new ExactSum();
    for (let i = 0; i < 10; i++) s.add(0.1);
    expect(s.value()).toBe(1);
  });
  it('stays exact when the running magnitudes pass the double range (1.7e308 + 1.7e308 - 1.7e308 -> 1.7e308)', () => {
    for (const order of [[1.7e308, 1.7e308, -1.7e308], [1.7e308, -1.7e308, 1.7e308], [-1.7e308, 1.7e308, 1.7e308]]) {
      const s = new ExactSum();
      for (const x of order) s.add(x);
      expect(s.value()).toBe(1.7e308);
    }
  });
  it('keeps tiny values next to huge ones (2^-1074 + 2^-1074 + 1e308 - 1e308 -> 2^-1073)', () => {
    const s = new ExactSum();
    for (const x of [2 ** -1074, 1e308, 2 ** -1074, -1e308]) s.add(x);
    expect(s.value()).toBe(2 ** -1073);
  });
  it('is infinite when the true sum overflows', () => {
    const s = new ExactSum();
    for (const x of [1.7e308, 1.7e308]) s.add(x);
    expect(Number.isFinite(s.value())).toBe(false);
  });
});

describe('toFiniteNumber', () => {
  it.each([
    [5, 5],
    ['5', 5],
    ['-2.5', -2.5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['-0', -0],
    ['0.50', 0.5],
  ])('reads %s as %d', (value, n) => {
    expect(toFiniteNumber({ value })).toBe(n);
  });
  it.each([[''], ['  '], [' 7 '], ['+1'], ['007'], ['0x10'], ['1.'], ['.5'], ['1e999'], ['abc'], ['Infinity'], [true], [false], [null], [undefined], [{}]])(
    'does not read %s',
    (value) => {
      expect(toFiniteNumber({ value })).toBeUndefined();
    },
  );
});
