import { describe, expect, it } from 'vitest';
import { compilePattern, parseWithPattern } from '../../../harness/mock/models/simple-date-format.ts';

const AWS_SAMPLE = "yyyy-MM-dd'T'HH:mm:ss'Z'";
const REF = Date.UTC(2026, 0, 1);
const parse = (value: string, pattern: string) => parseWithPattern({ value, pattern, referenceMs: REF });

describe('compilePattern', () => {
  it('returns fields and literals given the AWS sample pattern', () => {
    expect(compilePattern({ pattern: AWS_SAMPLE })).toEqual([
      { kind: 'field', letter: 'y', count: 4 }, { kind: 'literal', text: '-' }, { kind: 'field', letter: 'M', count: 2 },
      { kind: 'literal', text: '-' }, { kind: 'field', letter: 'd', count: 2 }, { kind: 'literal', text: 'T' },
      { kind: 'field', letter: 'H', count: 2 }, { kind: 'literal', text: ':' }, { kind: 'field', letter: 'm', count: 2 },
      { kind: 'literal', text: ':' }, { kind: 'field', letter: 's', count: 2 }, { kind: 'literal', text: 'Z' },
    ]);
  });

  it("returns one quote given '' inside and outside quoted text", () => {
    expect(compilePattern({ pattern: "HH''mm 'o''clock'" })).toEqual([
      { kind: 'field', letter: 'H', count: 2 }, { kind: 'literal', text: "'" }, { kind: 'field', letter: 'm', count: 2 },
      { kind: 'literal', text: " o'clock" },
    ]);
  });

  it.each(['yyyy-MMM-dd', 'EEE, d MMM yyyy', 'hh:mm a', 'yyyy-DDD', "yyyy 'open", 'XXXX'])('returns undefined given the unsupported pattern %j', (pattern) => {
    expect(compilePattern({ pattern })).toBeUndefined();
  });
});

describe('parseWithPattern', () => {
  it('returns the UTC instant given the AWS sample pattern and a matching value', () => {
    expect(parse('2025-06-01T08:30:00Z', AWS_SAMPLE)).toBe(Date.UTC(2025, 5, 1, 8, 30, 0));
  });

  it('returns undefined given the AWS sample pattern and the sample generator\'s ISO local date-time (no Z)', () => {
    expect(parse('2025-06-01T08:30:00', AWS_SAMPLE)).toBeUndefined();
  });

  it('returns milliseconds and offsets given SSS with X, XX, XXX, Z and z', () => {
    const at = Date.UTC(2024, 1, 29, 10, 15, 30, 250);
    expect(parse('2024-02-29T10:15:30.250Z', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe(at);
    expect(parse('2024-02-29T12:15:30.250+02', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe(at);
    expect(parse('2024-02-29T05:45:30.250-0430', "yyyy-MM-dd'T'HH:mm:ss.SSSXX")).toBe(at);
    expect(parse('2024-02-29T11:15:30.250+01:00', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(at);
    expect(parse('2024-02-29 11:15:30.250 +0100', 'yyyy-MM-dd HH:mm:ss.SSS Z')).toBe(at);
    expect(parse('2024-02-29 11:15:30.250 GMT+01:00', 'yyyy-MM-dd HH:mm:ss.SSS z')).toBe(at);
    expect(parse('2024-02-29 10:15:30.250 UTC', 'yyyy-MM-dd HH:mm:ss.SSS z')).toBe(at);
  });

  it('returns fixed-width fields given abutting numbers (yyyyMMddHHmmss)', () => {
    expect(parse('20240229101530', 'yyyyMMddHHmmss')).toBe(Date.UTC(2024, 1, 29, 10, 15, 30));
  });

  it('returns unpadded numbers given single letters (d/M/yyyy H:m)', () => {
    expect(parse('5/3/2024 7:4', 'd/M/yyyy H:m')).toBe(Date.UTC(2024, 2, 5, 7, 4));
    expect(parse('05/03/2024 07:04', 'd/M/yyyy H:m')).toBe(Date.UTC(2024, 2, 5, 7, 4));
  });

  it('returns a year within 80 years before and 20 after the reference given yy', () => {
    expect(parse('01/02/45', 'dd/MM/yy')).toBe(Date.UTC(2045, 1, 1));
    expect(parse('01/02/47', 'dd/MM/yy')).toBe(Date.UTC(1947, 1, 1));
    expect(parse('01/02/2047', 'dd/MM/yy')).toBe(Date.UTC(2047, 1, 1));
  });

  it('returns midnight UTC given a date-only pattern, and ignores text after the pattern as SimpleDateFormat does', () => {
    expect(parse('2024-07-04', 'yyyy-MM-dd')).toBe(Date.UTC(2024, 6, 4));
    expect(parse('2024-07-04T23:59:59Z', 'yyyy-MM-dd')).toBe(Date.UTC(2024, 6, 4));
  });

  it.each([
    ['2024-02-30T00:00:00Z', 'a day the month lacks'],
    ['2023-02-29T00:00:00Z', '29 February of a common year'],
    ['2024-13-01T00:00:00Z', 'month 13'],
    ['2024-01-01T24:00:00Z', 'hour 24'],
    ['2024-01-01T00:60:00Z', 'minute 60'],
    ['2024-01-01 00:00:00Z', 'a space where the pattern has T'],
    ['2024-01-01T00:00:00+00:00', '+00:00 where the pattern has a literal Z'],
    ['', 'an empty value'],
  ])('returns undefined given %j (%s)', (value) => {
    expect(parse(value, AWS_SAMPLE)).toBeUndefined();
  });

  it('returns undefined given an unsupported pattern or one without a field', () => {
    expect(parse('2024-Jan-01', 'yyyy-MMM-dd')).toBeUndefined();
    expect(parse('EPOCHMILLI', 'EPOCHMILLI')).toBeUndefined();
    expect(parse('literal', "'literal'")).toBeUndefined();
  });
});
