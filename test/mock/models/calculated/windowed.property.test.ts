/**
 * Windowed definitions (Range, ObjectCount) read through their per-profile indexes must answer exactly as the scan
 * path does (calculatedAttributeScanOnly: every read recomputes from the profile's objects), however objects,
 * removals, replacements, profile and object-type deletions, definition updates, clock moves and reads interleave.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, DOMAIN, P1, P2, P3, details, fixture } from './fixture.ts';

const STATISTICS = ['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'];
const PROFILES = [P1, P2, P3];

/** Numbers (some far apart in scale, so exact sums matter), number-like strings and non-numbers. */
const amount = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -50, max: 50 }).map((n) => n / 4) },
  { weight: 3, arbitrary: fc.integer({ min: -99_999, max: 99_999 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0.1, 0.2, 1e30, -1e30, 1e31, 1.7e308, 5e-324, -0, '2.5', 'x', true, undefined) },
);
/** Offsets from the clock, in days and ms, that often land exactly on a window edge. */
const offset = fc.tuple(fc.integer({ min: -4, max: 1 }), fc.constantFrom(0, 0, 1, -1, 3_600_000)).map(([d, ms]) => d * DAY + ms);

const conditions = fc
  .record({
    range: fc.option(
      fc.record({
        window: fc.oneof(
          fc.integer({ min: 0, max: 3 }).map((Value) => ({ Value })),
          fc.tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: -2, max: 3 })).map(([Start, End]) => ({ ValueRange: { Start, End } })),
        ),
        source: fc.constantFrom('ingestion', 'ts', 'at'),
      }),
      { nil: undefined },
    ),
    objectCount: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    threshold: fc.option(fc.constantFrom({ Value: '2', Operator: 'GREATER_THAN' }, { Value: 'web', Operator: 'EQUAL_TO' }), { nil: undefined }),
  })
  .map((c) => {
    const out: Record<string, unknown> = {};
    if (c.range) {
      const source =
        c.range.source === 'ts' ? { TimestampSource: '{Order.ts}', TimestampFormat: 'EPOCHMILLI' } : c.range.source === 'at' ? { TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' } : {};
      out.Range = { Unit: 'DAYS', ...c.range.window, ...source };
    }
    if (c.objectCount !== undefined) out.ObjectCount = c.objectCount;
    if (c.threshold) out.Threshold = c.threshold;
    return Object.keys(out).length > 0 ? out : undefined;
  });

const definition = fc.record({
  statistic: fc.constantFrom(...STATISTICS),
  field: fc.constantFrom('a', 'c'),
  // Mostly true: definitions often come after the objects, and false would leave those out.
  useHistoricalData: fc.constantFrom(true, true, true, false, undefined),
  conditions,
  // Most definitions are windowed: that is the path under test.
  windowed: fc.constantFrom(true, true, true, false),
  at: fc.nat(30),
});

const op = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      profile: fc.nat(2),
      id: fc.nat(9),
      a: amount,
      c: fc.constantFrom('web', 'phone', 'email', undefined),
      ts: offset,
      ingested: fc.constantFrom(0, 0, -1, -DAY, -3 * DAY),
      tsSpelling: fc.constantFrom('ms', 'string', 'seconds', 'missing'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), profile: fc.nat(2), id: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(1, 999, 3_600_000, DAY / 2, DAY) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('read' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('update' as const), def: fc.nat(3), conditions }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forgetProfile' as const), profile: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.oneof({ weight: 1, arbitrary: fc.constant({ kind: 'forgetType' as const }) }, { weight: 3, arbitrary: fc.constant({ kind: 'read' as const }) }) },
);

type Def = typeof definition extends fc.Arbitrary<infer T> ? T : never;
type Fixture = ReturnType<typeof fixture>;

const overrides = [undefined, { Range: { Unit: 'DAYS', Start: 2, End: 0 } }, { Range: { Unit: 'DAYS', Start: 1, End: -1 } }, { Range: { Unit: 'DAYS' } }];

/** Every value each instance gives: Get and List for each profile, and BatchGet with each override. */
function snapshot(f: Fixture, names: string[]): unknown[] {
  const out: unknown[] = [];
  for (const name of names) {
    for (const profile of PROFILES) out.push(f.call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: name, ProfileId: profile }));
    for (const ConditionOverrides of overrides) {
      out.push(f.call('BatchGetCalculatedAttributeForProfile', { CalculatedAttributeName: name, ProfileIds: PROFILES, ...(ConditionOverrides ? { ConditionOverrides } : {}) }));
    }
  }
  for (const profile of PROFILES) out.push(f.call('ListCalculatedAttributesForProfile', { ProfileId: profile }));
  return out;
}

describe('CalculatedAttributes window indexes', () => {
  it('returns the same outputs as the scan path given interleaved objects, removals, updates, clock moves and reads', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 45, size: 'medium' }), fc.array(definition, { minLength: 1, maxLength: 4 }), (ops, defs) => {
        const fast = fixture();
        const scan = fixture({ options: { calculatedAttributeScanOnly: true } });
        const both = [fast, scan];
        const created: string[] = [];
        const createDue = (index: number) =>
          defs.forEach((d: Def, i) => {
            if (d.at !== index) return;
            const Conditions = d.windowed ? (d.conditions ?? { ObjectCount: 3 }) : undefined;
            for (const f of both) {
              f.call('CreateCalculatedAttributeDefinition', {
                CalculatedAttributeName: `d${i}`,
                Statistic: d.statistic,
                AttributeDetails: details(`{Order.${d.field}}`, d.field),
                UseHistoricalData: d.useHistoricalData,
                ...(Conditions ? { Conditions } : {}),
              });
            }
            created.push(`d${i}`);
          });
        ops.forEach((o, index) => {
          createDue(index);
          if (o.kind === 'read') {
            expect(snapshot(fast, created)).toEqual(snapshot(scan, created));
            return;
          }
          if (o.kind === 'update') {
            const name = `d${o.def}`;
            if (!created.includes(name)) return;
            for (const f of both) f.call('UpdateCalculatedAttributeDefinition', { CalculatedAttributeName: name, Conditions: o.conditions ?? {} });
            return;
          }
          for (const f of both) {
            if (o.kind === 'put') {
              const now = f.clock.now();
              const ts = now + o.ts;
              const object: Record<string, unknown> = { at: new Date(ts).toISOString() };
              if (o.a !== undefined) object.a = o.a;
              if (o.c !== undefined) object.c = o.c;
              if (o.tsSpelling === 'ms') object.ts = ts;
              else if (o.tsSpelling === 'string') object.ts = String(ts);
              else if (o.tsSpelling === 'seconds') object.ts = Math.floor(ts / 1000);
              // The same id again replaces the object (the facade removes the old one first, as for a UNIQUE key).
              f.put(object, { profile: PROFILES[o.profile], id: `o${o.id}`, at: now + o.ingested });
            } else if (o.kind === 'remove') {
              f.ca.remove({ domain: DOMAIN, profileId: PROFILES[o.profile], objectTypeName: 'Order', objectId: `o${o.id}` });
            } else if (o.kind === 'tick') {
              f.clock.advance({ ms: o.ms });
            } else if (o.kind === 'forgetProfile') {
              f.ca.forgetProfile({ domain: DOMAIN, profileId: PROFILES[o.profile] });
            } else {
              f.ca.forgetObjectType({ domain: DOMAIN, objectTypeName: 'Order' });
            }
          }
        });
        for (let index = ops.length; index <= 30; index++) createDue(index);
        expect(snapshot(fast, created)).toEqual(snapshot(scan, created));
      }),
      { seed: 777, numRuns: 250 },
    );
  });
});
