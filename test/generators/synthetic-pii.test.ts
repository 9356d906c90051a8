import { describe, expect, it } from 'vitest';
import { FICTION_PHONE_RE, syntheticPhone } from '../../generators/synthetic-pii.ts';
import { HOME_REGIONS } from '../../generators/reference-data.ts';

describe('syntheticPhone', () => {
  it('returns a number in the fiction range of every home region prefix, for the lowest and highest free digits', () => {
    for (const region of HOME_REGIONS) {
      for (const prefix of region.phonePrefix) {
        for (const n of [0, 10 ** region.phoneDigits - 1]) {
          expect(syntheticPhone({ prefix, digits: region.phoneDigits, n }), `${region.airport} ${prefix}`).toMatch(FICTION_PHONE_RE);
        }
      }
    }
  });

  it('throws a RangeError naming the number given a prefix outside the fiction ranges', () => {
    expect(() => syntheticPhone({ prefix: '+4420794', digits: 3, n: 1 })).toThrow(/fiction range; saw \+4420794001/);
  });
});

describe('FICTION_PHONE_RE', () => {
  it('returns false for numbers next to the reserved ranges', () => {
    for (const near of ['+12125550200', '+447700901000', '+442079461000', '+441614961000', '+61255510000', '+61455500000']) {
      expect(FICTION_PHONE_RE.test(near), near).toBe(false);
    }
  });
});
