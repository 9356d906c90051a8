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
});
