import { describe, expect, it } from 'vitest';
import { check, checkEqual, ContractViolation, sameJson } from '../../harness/contracts/violation.ts';

describe('sameJson', () => {
  it('returns true given objects that differ only in key order', () => {
    expect(sameJson({ a: { a: 1, b: { c: [1, 2], d: 'x' } }, b: { b: { d: 'x', c: [1, 2] }, a: 1 } })).toBe(true);
  });

  it('returns false given different list orders or values', () => {
    expect(sameJson({ a: [1, 2], b: [2, 1] })).toBe(false);
    expect(sameJson({ a: { a: 1 }, b: { a: '1' } })).toBe(false);
    expect(sameJson({ a: { a: undefined }, b: {} })).toBe(true);
  });
});

describe('check', () => {
  it('throws a ContractViolation carrying expected and seen given a false condition', () => {
    try {
      check({ condition: false, expected: 'IsDefault false', seen: { IsDefault: true } });
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolation);
      expect((error as ContractViolation).expected).toBe('IsDefault false');
      expect((error as ContractViolation).actual).toBe('{"IsDefault":true}');
      expect((error as Error).message).toBe('expected IsDefault false; saw {"IsDefault":true}');
    }
  });

  it('returns nothing given a true condition', () => {
    expect(() => check({ condition: true, expected: 'x', seen: 'y' })).not.toThrow();
  });
});

describe('checkEqual', () => {
  it('throws naming the member given unequal values', () => {
    expect(() => checkEqual({ actual: { a: '1' }, wanted: { a: '2' }, what: 'Tags' })).toThrow('expected Tags = {"a":"2"}; saw {"a":"1"}');
  });
});
