import { describe, expect, it } from 'vitest';
import { computeCalculatedAttribute, OracleDefinitionError } from '../../../generators/oracle/index.ts';
import { parseExpression } from '../../../generators/oracle/expression.ts';
import { NOW, def, obj } from './fixtures.ts';

function run(statistic: string, expression: string, docs: Record<string, unknown>[]): string | null {
  const objects = docs.map((d, i) => obj('t', d, NOW - (docs.length - i) * 1000));
  return computeCalculatedAttribute({ definition: def(statistic, expression), objects, nowMs: NOW }).value;
}

describe('parseExpression', () => {
  it('returns the object type, the attribute and bare=true given one reference', () => {
    expect(parseExpression({ expression: '{my-type.a.b}', listed: ['a.b'] })).toMatchObject({ objectTypeName: 'my-type', attributes: ['a.b'], bare: true });
  });

  it('returns bare=false, the operator and two attributes given two references, spaces and tabs allowed', () => {
    expect(parseExpression({ expression: ' {t.a}\t*{t.b} ', listed: ['a', 'b'] })).toMatchObject({ attributes: ['a', 'b'], operator: '*', bare: false });
    expect(parseExpression({ expression: '{t.a}-{t.a}', listed: ['a'] })).toMatchObject({ attributes: ['a'], operator: '-' });
  });

  it.each([
    ['{t.a} + {t.b} + {t.a}', /\{T.a\} or \{T.a\} op \{T.b\}/],
    ['{t.a} * 2', /operand|reference or one of/],
    ['({t.a})', /reference or one of/],
    ['-{t.a}', /\{T.a\} or \{T.a\} op \{T.b\}/],
    ['{t.a} + {u.b}', /one object type/],
    ['{t.a} +', /\{T.a\} or \{T.a\} op \{T.b\}/],
    ['{t.a} % {t.b}', /reference or one of/],
    ['{t.a}\n+ {t.b}', /reference or one of/],
    ['{t}', /ObjectTypeName.AttributeName/],
    ['{t.a} {t.b}', /\{T.a\} or \{T.a\} op \{T.b\}/],
    ['{t.c}', /list "c"/],
  ])('throws an OracleDefinitionError given %j', (expression, message) => {
    expect(() => parseExpression({ expression, listed: ['a', 'b'] })).toThrow(OracleDefinitionError);
    expect(() => parseExpression({ expression, listed: ['a', 'b'] })).toThrow(message);
  });

  it('throws when an attribute is listed with its object type (T.a instead of a)', () => {
    expect(() => parseExpression({ expression: '{t.a}', listed: ['t.a'] })).toThrow(/list "a"/);
  });
});

describe('computeCalculatedAttribute expressions', () => {
  it('returns 16 for SUM of price * qty given 2.5 * 4 and "3" * "2"', () => {
    expect(run('SUM', '{t.price} * {t.qty}', [{ price: 2.5, qty: '4' }, { price: '3', qty: '2' }])).toBe('16');
  });

  it('returns 4 for SUM of a - b given 5 - 2 and 3 - 2', () => {
    expect(run('SUM', '{t.a} - {t.b}', [{ a: 5, b: 2 }, { a: 3, b: 2 }])).toBe('4');
  });

  it('leaves out an object whose expression divides by zero (COUNT 1 of 3, 0 / 0 included)', () => {
    expect(run('COUNT', '{t.a} / {t.b}', [{ a: 1, b: 0 }, { a: 0, b: 0 }, { a: 9, b: 3 }])).toBe('1');
  });

  it('leaves out an object missing one of the two attributes', () => {
    expect(run('SUM', '{t.a} + {t.b}', [{ a: 1 }, { a: 2, b: 2 }])).toBe('4');
  });

  it('leaves out an object whose result overflows', () => {
    expect(run('COUNT', '{t.a} * {t.b}', [{ a: 1e308, b: 10 }, { a: 1, b: 1 }])).toBe('1');
  });

  it('renders an arithmetic value for LAST_OCCURRENCE: -1 / 3 is -0.333333', () => {
    expect(run('LAST_OCCURRENCE', '{t.a} / {t.b}', [{ a: 1, b: 4 }, { a: -1, b: 3 }])).toBe('-0.333333');
  });

  it('does not read numbers with a leading +, leading zeros, spaces or booleans as numeric', () => {
    expect(run('SUM', '{t.a} + {t.b}', [{ a: '+1', b: 0 }, { a: '01', b: 0 }, { a: ' 1', b: 0 }, { a: true, b: 0 }, { a: '2', b: 0 }])).toBe('2');
  });
});
