import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { P1, P2, P3, details, fixture } from './fixture.ts';

const STATISTICS = ['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'];
const PROFILES = [P1, P2, P3];

const field = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('x', 'y', '3', '7.5', '', ' ', '-0'),
  fc.boolean(),
  fc.constant(undefined),
);
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), profile: fc.nat(2), id: fc.nat(7), a: field, b: field, c: fc.constantFrom('web', 'phone', 'email', undefined), jitter: fc.integer({ min: -3000, max: 0 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), profile: fc.nat(2), id: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const), profile: fc.nat(2) }) },
);
const definition = fc.record({
  statistic: fc.constantFrom(...STATISTICS),
  arithmetic: fc.boolean(),
  useHistoricalData: fc.constantFrom(true, false, undefined),
  filter: fc.constantFrom('none', 'channel', 'positive'),
  include: fc.constantFrom('ALL', 'ANY', 'NONE'),
  threshold: fc.constantFrom(undefined, { Value: '2', Operator: 'GREATER_THAN' }, { Value: 'web', Operator: 'EQUAL_TO' }),
  at: fc.nat(40),
});

type Definition = typeof definition extends fc.Arbitrary<infer T> ? T : never;

function createInput(d: Definition, name: string) {
  const Filter =
    d.filter === 'none'
      ? undefined
      : {
          Include: d.include,
          Groups: [
            {
              Type: 'ANY',
              Dimensions: [
                d.filter === 'channel'
                  ? { Attributes: { c: { DimensionType: 'INCLUSIVE', Values: ['web', 'phone'] } } }
                  : { Attributes: { a: { DimensionType: 'GREATER_THAN', Values: ['0'] } } },
              ],
            },
          ],
        };
  return {
    CalculatedAttributeName: name,
    Statistic: d.statistic,
    AttributeDetails: d.arithmetic ? details('{Order.a} / {Order.b}', 'a', 'b') : details('{Order.a}', 'a'),
    UseHistoricalData: d.useHistoricalData,
    Filter,
    Conditions: d.threshold ? { Threshold: d.threshold } : undefined,
  };
}

describe('CalculatedAttributes aggregates', () => {
  it('returns the same outputs as the scan path given random objects, removals and replacements', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.array(definition, { minLength: 1, maxLength: 4 }), (ops, defs) => {
        const fast = fixture();
        const scan = fixture({ options: { calculatedAttributeScanOnly: true } });
        const both = [fast, scan];
        const names = defs.map((_, i) => `d${i}`);
        const createDue = (index: number) =>
          defs.forEach((d, i) => {
            if (d.at === index) for (const f of both) f.call('CreateCalculatedAttributeDefinition', createInput(d, names[i]));
          });
        ops.forEach((o, index) => {
          createDue(index);
          for (const f of both) {
            if (o.kind === 'put') {
              const object: Record<string, unknown> = {};
              if (o.a !== undefined) object.a = o.a;
              if (o.b !== undefined) object.b = o.b;
              if (o.c !== undefined) object.c = o.c;
              f.put(object, { profile: PROFILES[o.profile], id: `o${o.id}`, at: f.clock.now() + o.jitter });
            } else if (o.kind === 'remove') {
              f.ca.remove({ domain: 'cpct-test', profileId: PROFILES[o.profile], objectTypeName: 'Order', objectId: `o${o.id}` });
            } else if (o.kind === 'tick') {
              f.clock.advance({ ms: o.ms });
            } else {
              f.ca.forgetProfile({ domain: 'cpct-test', profileId: PROFILES[o.profile] });
            }
          }
        });
        // Definitions due after the last op are created now, so every one is compared.
        for (let index = ops.length; index <= 40; index++) createDue(index);
        for (const profile of PROFILES) {
          const a = fast.call('ListCalculatedAttributesForProfile', { ProfileId: profile });
          const b = scan.call('ListCalculatedAttributesForProfile', { ProfileId: profile });
          expect(a).toEqual(b);
        }
      }),
      { numRuns: 300 },
    );
  });
});
