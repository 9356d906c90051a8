import { describe, expect, it } from 'vitest';
import type { Filter, FilterAttributeDimension } from '@aws-sdk/client-customer-profiles';
import { computeCalculatedAttribute, OracleDefinitionError } from '../../../generators/oracle/index.ts';
import { dimensionEntryMatches } from '../../../generators/oracle/filter.ts';
import { NOW, def, obj } from './fixtures.ts';

const m = (text: string | undefined, DimensionType: string, Values: string[]): boolean =>
  dimensionEntryMatches({ text, dimension: { DimensionType, Values } as FilterAttributeDimension });

describe('dimensionEntryMatches', () => {
  it('returns INCLUSIVE true for a listed value and false for a case variant', () => {
    expect(m('ROOM', 'INCLUSIVE', ['ROOM', 'TAX'])).toBe(true);
    expect(m('room', 'INCLUSIVE', ['ROOM', 'TAX'])).toBe(false);
  });

  it('returns EXCLUSIVE true for an unlisted value, false for a listed one and false for a missing attribute', () => {
    expect(m('SPA', 'EXCLUSIVE', ['ROOM', 'TAX'])).toBe(true);
    expect(m('TAX', 'EXCLUSIVE', ['ROOM', 'TAX'])).toBe(false);
    expect(m(undefined, 'EXCLUSIVE', ['ROOM'])).toBe(false);
  });

  it('returns CONTAINS, BEGINS_WITH and ENDS_WITH by substring, prefix and suffix of any value', () => {
    expect(m('Room service', 'CONTAINS', ['spa', 'service'])).toBe(true);
    expect(m('Minibar', 'CONTAINS', ['service'])).toBe(false);
    expect(m('HBLLHR01', 'BEGINS_WITH', ['CDS', 'HBL'])).toBe(true);
    expect(m('HBLLHR01', 'ENDS_WITH', ['01'])).toBe(true);
    expect(m('HBLLHR02', 'ENDS_WITH', ['01'])).toBe(false);
  });

  it('returns EQUAL numerically against Values[0] only', () => {
    expect(m('1.0', 'EQUAL', ['1'])).toBe(true);
    expect(m('1e2', 'EQUAL', ['100'])).toBe(true);
    expect(m('abc', 'EQUAL', ['1'])).toBe(false);
    expect(m('2', 'EQUAL', ['1', '2'])).toBe(false);
  });

  it('throws given a numeric type whose Values[0] is not a number', () => {
    expect(() => m('abc', 'EQUAL', ['abc'])).toThrow(OracleDefinitionError);
    expect(() => m('1', 'EQUAL', ['01'])).toThrow(/number/);
    expect(() => m('5', 'LESS_THAN', ['abc'])).toThrow(/number/);
  });

  it('returns the four numeric comparisons against Values[0] only', () => {
    expect(m('100.5', 'GREATER_THAN', ['100'])).toBe(true);
    expect(m('100', 'GREATER_THAN', ['100'])).toBe(false);
    expect(m('100', 'GREATER_THAN_OR_EQUAL', ['100'])).toBe(true);
    expect(m('-1', 'LESS_THAN', ['0'])).toBe(true);
    expect(m('0', 'LESS_THAN', ['0'])).toBe(false);
    expect(m('0', 'LESS_THAN_OR_EQUAL', ['0'])).toBe(true);
    expect(m('50', 'GREATER_THAN', ['10', '1000'])).toBe(true);
    expect(m('abc', 'GREATER_THAN', ['1'])).toBe(false);
    expect(m('true', 'GREATER_THAN', ['0'])).toBe(false);
  });

  it('returns BETWEEN by date, inclusive, with the bounds in the order given, and NOT_BETWEEN only for dates', () => {
    expect(m('2025-06-01', 'BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(true);
    expect(m('2025-06-05', 'BETWEEN', ['2025-06-09', '2025-06-01'])).toBe(false);
    // Digit strings are epoch seconds: 15 s lies between 10 s and 20 s; 20.01 is no date.
    expect(m('15', 'BETWEEN', ['10', '20'])).toBe(true);
    expect(m('20.01', 'BETWEEN', ['10', '20'])).toBe(false);
    expect(m('2025-06-10', 'NOT_BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(true);
    expect(m('2025-06-05', 'NOT_BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(false);
    expect(m('abc', 'NOT_BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(false);
  });

  it('throws given BETWEEN with one value or a bound that is no date', () => {
    expect(() => m('2025-06-05', 'BETWEEN', ['2025-06-01'])).toThrow(/two Values/);
    expect(() => m('2025-06-05', 'NOT_BETWEEN', ['2025-06-01', 'soon'])).toThrow(/filter date/);
    expect(() => m('2025-06-05', 'ON', ['2025-06-05T00:00:00.5Z'])).toThrow(/filter date/);
  });

  it('returns BETWEEN by instant for dates, the end date meaning its midnight UTC', () => {
    expect(m('2025-06-05T12:00:00+02:00', 'BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(true);
    expect(m('2025-06-09T00:00:00Z', 'BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(true);
    expect(m('2025-06-09T00:00:01Z', 'BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(false);
    expect(m('2025-05-31T23:00:00-02:00', 'NOT_BETWEEN', ['2025-06-01', '2025-06-09'])).toBe(false);
  });

  it('returns BEFORE and AFTER strictly, with offsets applied', () => {
    expect(m('2025-05-31T23:59:59Z', 'BEFORE', ['2025-06-01'])).toBe(true);
    expect(m('2025-06-01T00:00:00Z', 'BEFORE', ['2025-06-01'])).toBe(false);
    expect(m('2025-06-01T01:00:00+02:00', 'BEFORE', ['2025-06-01'])).toBe(true);
    expect(m('2025-06-01T00:00:00.001Z', 'AFTER', ['2025-06-01T00:00:00Z'])).toBe(true);
    expect(m('2025-05-31T22:00:00-0200', 'AFTER', ['2025-06-01'])).toBe(false);
    expect(m('not a date', 'AFTER', ['2025-06-01'])).toBe(false);
  });

  it('returns ON by UTC calendar day: 23:30 at -02:00 on 1 March is ON 2 March', () => {
    expect(m('2025-03-01T23:30:00-02:00', 'ON', ['2025-03-02'])).toBe(true);
    expect(m('2025-03-01T23:30:00-02:00', 'ON', ['2025-03-01'])).toBe(false);
    expect(m(String(Date.UTC(2025, 2, 2, 12)), 'ON', ['2025-03-02'])).toBe(true);
    expect(m('1740916800', 'ON', ['2025-03-02T23:59:59Z'])).toBe(true);
  });

  it('throws given a dimension type outside the model enum', () => {
    expect(() => m('a', 'LIKE', ['a'])).toThrow(OracleDefinitionError);
  });
});

describe('computeCalculatedAttribute Filter', () => {
  const lines = [
    obj('rev', { RevenueType: 'ROOM', Amount: '120' }, NOW - 4000),
    obj('rev', { RevenueType: 'TAX', Amount: '15' }, NOW - 3000),
    obj('rev', { RevenueType: 'SPA', Amount: '200' }, NOW - 2000),
    obj('rev', { Amount: '5' }, NOW - 1000),
  ];
  const count = (filter: Filter) => computeCalculatedAttribute({ definition: def('COUNT', '{rev.Amount}', { Filter: filter }), objects: lines, nowMs: NOW });
  const roomOrSpa = { Attributes: { RevenueType: { DimensionType: 'INCLUSIVE' as const, Values: ['ROOM', 'SPA'] } } };
  const over150 = { Attributes: { Amount: { DimensionType: 'GREATER_THAN' as const, Values: ['150'] } } };
  const isTax = { Attributes: { RevenueType: { DimensionType: 'INCLUSIVE' as const, Values: ['TAX'] } } };

  it('returns COUNT 1 (SPA 200) for an ALL group of ROOM-or-SPA and > 150', () => {
    expect(count({ Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [roomOrSpa, over150] }] }).value).toBe('1');
  });

  it('returns COUNT 2 (ROOM, SPA) for an ANY group of the same dimensions', () => {
    expect(count({ Include: 'ALL', Groups: [{ Type: 'ANY', Dimensions: [roomOrSpa, over150] }] }).value).toBe('2');
  });

  it('returns COUNT 2 (TAX, and the line without RevenueType) for a NONE group of the same dimensions', () => {
    expect(count({ Include: 'ALL', Groups: [{ Type: 'NONE', Dimensions: [roomOrSpa, over150] }] }).value).toBe('2');
  });

  it('returns COUNT 3 for Include NONE over "is TAX": everything but the TAX line', () => {
    const r = count({ Include: 'NONE', Groups: [{ Type: 'ALL', Dimensions: [isTax] }] });
    expect(r.value).toBe('3');
    expect(r.excluded.map((e) => e.reason)).toEqual(['filtered-out']);
  });

  it('returns COUNT 2 for Include ANY of two groups (TAX) and (> 150), and no value for Include ALL of them', () => {
    const groups = [
      { Type: 'ALL' as const, Dimensions: [isTax] },
      { Type: 'ALL' as const, Dimensions: [over150] },
    ];
    expect(count({ Include: 'ANY', Groups: groups }).value).toBe('2');
    expect(count({ Include: 'ALL', Groups: groups }).value).toBeNull();
  });

  it('requires every attribute of one dimension to match', () => {
    const both = (limit: string) => ({ Attributes: { RevenueType: { DimensionType: 'INCLUSIVE' as const, Values: ['ROOM'] }, Amount: { DimensionType: 'LESS_THAN' as const, Values: [limit] } } });
    expect(count({ Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [both('100')] }] }).value).toBeNull();
    expect(count({ Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [both('130')] }] }).value).toBe('1');
  });

  it('treats an empty string as missing: EXCLUSIVE does not match it', () => {
    const objects = [obj('rev', { RevenueType: '', Amount: '1' }, NOW - 2000), obj('rev', { RevenueType: 'SPA', Amount: '2' }, NOW - 1000)];
    const notTax = { Attributes: { RevenueType: { DimensionType: 'EXCLUSIVE' as const, Values: ['TAX'] } } };
    const r = computeCalculatedAttribute({ definition: def('COUNT', '{rev.Amount}', { Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [notTax] }] } }), objects, nowMs: NOW });
    expect(r.value).toBe('1');
  });

  it('compares a JSON number by its rendering: 0.1 + 0.2 is INCLUSIVE of "0.3"', () => {
    const objects = [obj('rev', { Amount: 0.1 + 0.2 }, NOW - 2000), obj('rev', { Amount: 0.300001 }, NOW - 1000)];
    const is03 = { Attributes: { Amount: { DimensionType: 'INCLUSIVE' as const, Values: ['0.3'] } } };
    const r = computeCalculatedAttribute({ definition: def('COUNT', '{rev.Amount}', { Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [is03] }] } }), objects, nowMs: NOW });
    expect(r.value).toBe('1');
  });

  it('throws for an invalid dimension even when no object reaches the filter', () => {
    const bad = { Attributes: { Amount: { DimensionType: 'GREATER_THAN' as const, Values: ['many'] } } };
    expect(() => computeCalculatedAttribute({ definition: def('COUNT', '{rev.Amount}', { Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [bad] }] } }), objects: [], nowMs: NOW })).toThrow(/number/);
  });

  it('returns COUNT 2 for EXCLUSIVE TAX: the line missing RevenueType does not match', () => {
    const notTax = { Attributes: { RevenueType: { DimensionType: 'EXCLUSIVE' as const, Values: ['TAX'] } } };
    expect(count({ Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [notTax] }] }).value).toBe('2');
  });

  it('throws given an Include outside the model enum', () => {
    expect(() => count({ Include: 'SOME' as never, Groups: [{ Type: 'ALL', Dimensions: [isTax] }] })).toThrow(/Include/);
  });
});
