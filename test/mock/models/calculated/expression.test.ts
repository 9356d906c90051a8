import { describe, expect, it } from 'vitest';
import { parseExpression, readScalar } from '../../../../harness/mock/models/calculated/expression.ts';

describe('parseExpression', () => {
  it('reads one reference', () => {
    expect(parseExpression({ expression: '{Order.total}', listed: ['total'] })).toEqual({ objectType: 'Order', attributes: ['total'], operator: undefined });
  });
  it('reads two references with a dotted path', () => {
    expect(parseExpression({ expression: '{_order.price.net} - {_order.discount}', listed: ['price.net', 'discount'] })).toEqual({
      objectType: '_order',
      attributes: ['price.net', 'discount'],
      operator: '-',
    });
  });
  it('rejects a reference not listed in Attributes (listing T.a does not count)', () => {
    expect(() => parseExpression({ expression: '{Order.total}', listed: ['Order.total'] })).toThrowError(/AttributeDetails.Attributes/);
  });
  it('rejects braces around the whole expression', () => {
    expect(() => parseExpression({ expression: '{Order.a + Order.b}', listed: ['a', 'b'] })).toThrowError(/AttributeDetails.Expression/);
  });
  it('accepts spaces and tabs as whitespace but not a line break (R17)', () => {
    expect(parseExpression({ expression: '\t{Order.a}\t* {Order.b} ', listed: ['a', 'b'] })).toMatchObject({ operator: '*' });
    expect(() => parseExpression({ expression: '{Order.a}\n* {Order.b}', listed: ['a', 'b'] })).toThrowError(/AttributeDetails.Expression/);
  });
  it.each(['{Order.a} * 2', '({Order.a})', '-{Order.a}', '{Order.a} + {Order.b} + {Order.a}'])('rejects %s: one reference or two joined by one operator (R4)', (expression) => {
    expect(() => parseExpression({ expression, listed: ['a', 'b'] })).toThrowError(/AttributeDetails.Expression/);
  });
});

describe('readScalar', () => {
  const object = { a: { b: 'x', n: 0, t: true, e: '', z: null, arr: [1] }, 'a.b': 'flat' };
  it('walks a dotted path', () => expect(readScalar({ object, path: ['a', 'b'] })).toBe('x'));
  it('returns 0 and booleans', () => {
    expect(readScalar({ object, path: ['a', 'n'] })).toBe(0);
    expect(readScalar({ object, path: ['a', 't'] })).toBe(true);
  });
  it('treats empty strings, null, arrays and objects as missing', () => {
    for (const key of ['e', 'z', 'arr']) expect(readScalar({ object, path: ['a', key] })).toBeUndefined();
    expect(readScalar({ object, path: ['a'] })).toBeUndefined();
  });
  it('does not read inherited properties', () => expect(readScalar({ object, path: ['a', 'constructor'] })).toBeUndefined());
  it('reads arrays by JSON-pointer index only (R5)', () => {
    const doc = { list: ['x', 'y'] };
    expect(readScalar({ object: doc, path: ['list', '1'] })).toBe('y');
    for (const key of ['01', '2', 'length', '-1', '1.0']) expect(readScalar({ object: doc, path: ['list', key] })).toBeUndefined();
  });
});
