import { describe, expect, it } from 'vitest';
import { computeCalculatedAttribute, type OracleObject } from '../../../generators/oracle/index.ts';
import { NOW, def, obj } from './fixtures.ts';

// Hand-computed data set: four `sale` objects and one of another type.
const SALES: OracleObject[] = [
  obj('sale', { amount: '10.50', channel: 'web' }, '2025-06-01T00:00:00Z'),
  obj('sale', { amount: 3, channel: 'phone' }, '2025-06-02T00:00:00Z'),
  obj('sale', { amount: 'x', channel: 'web' }, '2025-06-03T00:00:00Z'),
  obj('sale', { amount: '1.25', channel: 'phone' }, '2025-06-04T00:00:00Z'),
  obj('other', { amount: 100, channel: 'web' }, '2025-06-05T00:00:00Z'),
];

function run(statistic: string, expression: string, objects: OracleObject[] = SALES) {
  return computeCalculatedAttribute({ definition: def(statistic, expression), objects, nowMs: NOW });
}

describe('computeCalculatedAttribute statistics', () => {
  it('returns SUM 14.75 given 10.50 + 3 + 1.25 with the non-numeric "x" left out', () => {
    const r = run('SUM', '{sale.amount}');
    expect(r.value).toBe('14.75');
    expect(r.lastObjectTimestampMs).toBe(Date.parse('2025-06-04T00:00:00Z'));
    expect(r.included).toHaveLength(3);
  });

  it('returns COUNT 4 given four sale objects with a value (including the non-numeric one) and one of another type', () => {
    expect(run('COUNT', '{sale.amount}').value).toBe('4');
  });

  it('returns AVERAGE 4.916667 given 14.75 / 3', () => {
    expect(run('AVERAGE', '{sale.amount}').value).toBe('4.916667');
  });

  it('returns AVERAGE 1.666667 given 1, 2, 2', () => {
    const objects = [1, 2, 2].map((n, i) => obj('t', { v: n }, NOW - (3 - i) * 1000));
    expect(run('AVERAGE', '{t.v}', objects).value).toBe('1.666667');
  });

  it('returns MINIMUM 1.25 and MAXIMUM 10.5 (numbers re-rendered, "10.50" becomes 10.5)', () => {
    expect(run('MINIMUM', '{sale.amount}').value).toBe('1.25');
    expect(run('MAXIMUM', '{sale.amount}').value).toBe('10.5');
  });

  it('returns MINIMUM -2.5 given -2.5 and 1', () => {
    const objects = [obj('t', { v: '1' }, NOW - 2000), obj('t', { v: -2.5 }, NOW - 1000)];
    expect(run('MINIMUM', '{t.v}', objects).value).toBe('-2.5');
  });

  it('returns FIRST_OCCURRENCE "10.50" unchanged and LAST_OCCURRENCE "1.25" (strings are not re-rendered)', () => {
    expect(run('FIRST_OCCURRENCE', '{sale.amount}').value).toBe('10.50');
    expect(run('LAST_OCCURRENCE', '{sale.amount}').value).toBe('1.25');
    expect(run('FIRST_OCCURRENCE', '{sale.channel}').value).toBe('web');
  });

  it('returns LAST_OCCURRENCE "x" for a non-numeric value (only numeric statistics need numbers)', () => {
    const objects = SALES.slice(0, 3);
    expect(run('LAST_OCCURRENCE', '{sale.amount}', objects).value).toBe('x');
  });

  it('returns MAX_OCCURRENCE "phone" given a 2-2 tie where phone occurred most recently', () => {
    expect(run('MAX_OCCURRENCE', '{sale.channel}').value).toBe('phone');
  });

  it('returns MAX_OCCURRENCE "web" given the same tie in the other order', () => {
    const objects = ['phone', 'web', 'phone', 'web'].map((c, i) => obj('sale', { channel: c }, NOW - (4 - i) * 1000));
    expect(run('MAX_OCCURRENCE', '{sale.channel}', objects).value).toBe('web');
  });

  it('returns MAX_OCCURRENCE "web" given web three times against phone twice', () => {
    const objects = [...SALES, obj('sale', { channel: 'web' }, '2025-06-06T00:00:00Z')];
    expect(run('MAX_OCCURRENCE', '{sale.channel}', objects).value).toBe('web');
  });

  it('returns MAX_OCCURRENCE "3" grouping the number 3 with the string "3"', () => {
    const objects = [obj('t', { v: 3 }, NOW - 3000), obj('t', { v: '3' }, NOW - 2000), obj('t', { v: '4' }, NOW - 1000)];
    expect(run('MAX_OCCURRENCE', '{t.v}', objects).value).toBe('3');
  });

  it('returns SUM 0.3 given 0.1 + 0.2 (six-decimal rendering hides binary error)', () => {
    const objects = [obj('t', { v: 0.1 }, NOW - 2000), obj('t', { v: '0.2' }, NOW - 1000)];
    expect(run('SUM', '{t.v}', objects).value).toBe('0.3');
  });

  it('returns LAST_OCCURRENCE "true" for a boolean, and values found by nested and array paths', () => {
    expect(run('LAST_OCCURRENCE', '{t.flag}', [obj('t', { flag: true }, NOW)]).value).toBe('true');
    expect(run('LAST_OCCURRENCE', '{t.a.b}', [obj('t', { a: { b: 'z' } }, NOW)]).value).toBe('z');
    expect(run('LAST_OCCURRENCE', '{t.items.1.sku}', [obj('t', { items: [{ sku: 'A' }, { sku: 'B' }] }, NOW)]).value).toBe('B');
  });

  it('returns COUNT 1 given an empty string and an object value, which are not values', () => {
    const objects = [obj('t', { c: '' }, NOW - 3000), obj('t', { c: { d: 1 } }, NOW - 2000), obj('t', { c: 'a' }, NOW - 1000), obj('t', { c: null }, NOW)];
    expect(run('COUNT', '{t.c}', objects).value).toBe('1');
  });

  it.each(['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'])(
    'returns no value and no LastObjectTimestamp for %s given no object of the type',
    (statistic) => {
      const r = run(statistic, '{missing.amount}');
      expect(r.value).toBeNull();
      expect(r.lastObjectTimestampMs).toBeNull();
      expect(r.included).toEqual([]);
      expect(r.excluded.every((e) => e.reason === 'other-object-type')).toBe(true);
    },
  );

  it('returns no value for SUM given only non-numeric values', () => {
    expect(run('SUM', '{t.v}', [obj('t', { v: 'abc' }, NOW)]).value).toBeNull();
  });

  it('returns SUM 2 for 1e16, 1, 1, -1e16: the exact sum, whatever the order', () => {
    const objects = [1e16, 1, 1, -1e16].map((v, i) => obj('t', { v }, NOW - (4 - i) * 1000));
    expect(run('SUM', '{t.v}', objects).value).toBe('2');
  });

  it('returns no value and no LastObjectTimestamp when the SUM overflows, and 8.5e307 for the AVERAGE of the same', () => {
    const objects = [obj('t', { v: 1.7e308 }, NOW - 2000), obj('t', { v: 1.7e308 }, NOW - 1000)];
    const r = run('SUM', '{t.v}', objects);
    expect([r.value, r.lastObjectTimestampMs]).toEqual([null, null]);
    // The exact sum rounds to Infinity before the division, so the AVERAGE has no value either.
    expect(run('AVERAGE', '{t.v}', objects).value).toBeNull();
  });

  it('returns a value cut to its first 255 characters', () => {
    const r = run('LAST_OCCURRENCE', '{t.v}', [obj('t', { v: 'y'.repeat(300) }, NOW)]);
    expect(r.value).toBe('y'.repeat(255));
  });

  it('returns FIRST_OCCURRENCE "0.3" for the JSON number 0.1 + 0.2 (numbers render by CA-NUM-2)', () => {
    expect(run('FIRST_OCCURRENCE', '{t.v}', [obj('t', { v: 0.1 + 0.2 }, NOW)]).value).toBe('0.3');
  });

  it('returns IsDataPartial "false"', () => {
    expect(run('SUM', '{sale.amount}').isDataPartial).toBe('false');
  });

  it('throws on a statistic outside the model enum', () => {
    expect(() => run('MEDIAN', '{sale.amount}')).toThrow(/Statistic/);
  });

  it('accepts objects given as parsed documents as well as JSON strings', () => {
    const parsed = [{ objectTypeName: 't', object: { v: 2 }, ingestedAtMs: NOW }, obj('t', { v: 5 }, NOW - 1)];
    expect(run('SUM', '{t.v}', parsed).value).toBe('7');
  });
});
