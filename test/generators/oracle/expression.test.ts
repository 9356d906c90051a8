import { describe, expect, it } from 'vitest';
import { computeCalculatedAttribute, OracleDefinitionError } from '../../../generators/oracle/index.ts';
import { parseExpression } from '../../../generators/oracle/expression.ts';
import { NOW, def, obj } from './fixtures.ts';

function sum(expression: string, docs: Record<string, unknown>[]): string | null {
  const objects = docs.map((d, i) => obj('t', d, NOW - (docs.length - i) * 1000));
  return computeCalculatedAttribute({ definition: def('SUM', expression), objects, nowMs: NOW }).value;
}

describe('parseExpression', () => {
  it('returns the object type, the distinct attributes and bare=true given one reference', () => {
    expect(parseExpression({ expression: '{my-type.a.b}' })).toMatchObject({ objectTypeName: 'my-type', attributes: ['a.b'], bare: true });
    expect(parseExpression({ expression: '( {t.a} )' }).bare).toBe(true);
  });

  it('returns bare=false and two attributes given arithmetic', () => {
    expect(parseExpression({ expression: '{t.a} * {t.b} + {t.a}' })).toMatchObject({ attributes: ['a', 'b'], bare: false });
  });

  it.each([
    ['{t.a} + {t.b} + {t.c}', /at most two/],
    ['{t.a} + {u.b}', /one object type/],
    ['{t.a} +', /end of Expression|operand/],
    ['{t.a} % 2', /operand or one of/],
    ['({t.a}', /balance/],
    ['3 + 4', /at least one/],
    ['{t}', /ObjectTypeName.AttributeName/],
    ['{t.a} {t.b}', /end of Expression/],
  ])('throws an OracleDefinitionError given %s', (expression, message) => {
    expect(() => parseExpression({ expression })).toThrow(OracleDefinitionError);
    expect(() => parseExpression({ expression })).toThrow(message);
  });
});

describe('computeCalculatedAttribute expressions', () => {
  it('returns 7 for {t.a} + {t.b} * 2 with a=1, b=3 (multiplication first)', () => {
    expect(sum('{t.a} + {t.b} * 2', [{ a: 1, b: '3' }])).toBe('7');
  });

  it('returns 8 for ({t.a} + {t.b}) * 2 with a=1, b=3', () => {
    expect(sum('({t.a} + {t.b}) * 2', [{ a: 1, b: 3 }])).toBe('8');
  });

  it('returns -0.25 for -{t.a} / 4 with a=1', () => {
    expect(sum('-{t.a} / 4', [{ a: '1' }])).toBe('-0.25');
  });

  it('returns -8 for {t.a} - {t.b} - {t.a} given (5-3)-5 = -3 and (10-5)-10 = -5 (left-associative; right would give 22)', () => {
    expect(sum('{t.a} - {t.b} - {t.a}', [{ a: 5, b: 3 }, { a: 10, b: 5 }])).toBe('-8');
  });

  it('returns 10 for price * qty given 2.5 * 4, leaving out an object with a non-numeric qty', () => {
    expect(sum('{t.price} * {t.qty}', [{ price: '2.5', qty: '4' }, { price: 3, qty: 'x' }])).toBe('10');
  });

  it('leaves out an object whose expression divides by zero', () => {
    expect(sum('{t.a} / {t.b}', [{ a: 1, b: 0 }, { a: 9, b: 3 }])).toBe('3');
  });

  it('leaves out an object missing one of the two attributes', () => {
    expect(sum('{t.a} + {t.b}', [{ a: 1 }, { a: 2, b: 2 }])).toBe('4');
  });

  it('returns the string unchanged for a parenthesised bare reference', () => {
    const objects = [obj('t', { c: 'web' }, NOW)];
    expect(computeCalculatedAttribute({ definition: def('LAST_OCCURRENCE', '({t.c})'), objects, nowMs: NOW }).value).toBe('web');
  });

  it('does not read numbers with a leading + or leading zeros as numeric', () => {
    expect(sum('{t.a} + 0', [{ a: '+1' }, { a: '01' }, { a: '2' }])).toBe('2');
  });
});
