/**
 * Differential property test: the reference implementation (harness/mock, driven through its public facade on a
 * ManualClock) and the independent oracle (generators/oracle) must give the same Value, LastObjectTimestamp and
 * IsDataPartial for random object sets and definitions, on Get and on BatchGet with and without ConditionOverrides.
 * Both follow docs/calculated-attribute-semantics.md; a disagreement is a bug in one of them or a rule the doc has
 * not settled. Fixed seed; bounded in runs and in time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionOverrides } from '@aws-sdk/client-customer-profiles';
import { computeCalculatedAttribute, type OracleDefinition, type OracleObject } from '../generators/oracle/index.ts';
import { isoString } from '../generators/time.ts';
import { ManualClock } from '../harness/clock.ts';
import { createMockService } from '../harness/mock/models/service.ts';

const DAY = 86_400_000;
/** The query time: 2025-06-09T12:00:00Z. */
const NOW = Date.UTC(2025, 5, 9, 12);
const DOMAIN = 'cpct-diff';
const ACCOUNTS = ['c0', 'c1', 'c2'] as const;
const STATISTICS = ['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'] as const;
const STRING_TYPES = ['INCLUSIVE', 'EXCLUSIVE', 'CONTAINS', 'BEGINS_WITH', 'ENDS_WITH'] as const;
const NUMBER_TYPES = ['EQUAL', 'GREATER_THAN', 'LESS_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL'] as const;
const DATE_TYPES = ['BEFORE', 'AFTER', 'ON', 'BETWEEN', 'NOT_BETWEEN'] as const;
const GROUP = ['ALL', 'ANY', 'NONE'] as const;

// ---- instants, chosen so that window edges (now - k days, to the millisecond) are hit often -------------------

const jitter = fc.oneof(fc.constantFrom(0, 0, -1, 1, -1000, 1000), fc.integer({ min: -DAY + 1, max: DAY - 1 }));
/** An instant within ±7 days of NOW, mostly in the last 3 days, often exactly on a day edge. */
const instant = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -3, max: 0 }) }, { weight: 2, arbitrary: fc.integer({ min: -7, max: 7 }) }), jitter)
  .map(([k, j]) => NOW + k * DAY + j);
/** An instant in the past 7 days (ingestion and creation times). */
const pastInstant = fc.tuple(fc.integer({ min: 0, max: 7 }), jitter).map(([k, j]) => Math.min(NOW, NOW - k * DAY + j));

const offsetMinutes = fc.constantFrom(0, 60, -90, 330, -600, 840, -720);

const spelling = fc.record({
  offsetMinutes,
  style: fc.constantFrom<'Z' | 'colon' | 'compact'>('Z', 'colon', 'compact'),
  precision: fc.constantFrom<'s' | 'ms'>('s', 'ms'),
});

/** An ISO 8601 rendering of `ms` in one of the accepted spellings, or a near miss that must not parse as ISO_8601. */
const isoText = (ms: number) => {
  const utc = isoString({ ms, offsetMinutes: 0, style: 'Z', precision: 'ms' });
  return fc.oneof(
    { weight: 8, arbitrary: spelling.map((o) => isoString({ ms, ...o })) },
    { weight: 2, arbitrary: fc.constant(utc.slice(0, -1)) }, // no offset: UTC
    { weight: 1, arbitrary: fc.constant(utc.slice(0, 10)) }, // date only: a filter date, not a TimestampSource time
    { weight: 1, arbitrary: fc.constant(utc.replace(/\.(\d\d)\dZ$/, '.$1Z')) }, // 2-digit fraction
    { weight: 1, arbitrary: fc.constant(utc.replace('T', ' ')) },
  );
};

/** An EPOCHMILLI rendering of `ms`: milliseconds or seconds, number or string, or a value that must not parse. */
const epochValue = (ms: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<unknown>(ms) },
    { weight: 3, arbitrary: fc.constant<unknown>(String(ms)) },
    { weight: 2, arbitrary: fc.constant<unknown>(Math.floor(ms / 1000)) },
    { weight: 2, arbitrary: fc.constant<unknown>(String(Math.floor(ms / 1000))) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(ms + 0.5, '+' + String(ms), '', 'soon', null) },
  );

// ---- object fields ---------------------------------------------------------------------------------------------

const numberish = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -6, max: 6 }) },
  { weight: 3, arbitrary: fc.integer({ min: -400, max: 400 }).map((n) => n / 8) },
  { weight: 3, arbitrary: fc.integer({ min: -99_999, max: 99_999 }).map((n) => n / 1000) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>('3', '-2.5', '1e2', '0.1', '2.50', '007', ' 4', '+1', '1.', '.5', '0x10', 'x', '', '  ') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, { v: 1 }, [2]) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1e21, 1.5e-7, 0.1 + 0.2, 123_456.789_012_5, 1.7e308, -0.0078125) },
);
const channel = fc.constantFrom<unknown>('web', 'web', 'phone', 'phone', 'email', 'we b', 5, '5', 2.5, '', true, `long-${'w'.repeat(300)}`);
/** `arb` with probability `p`, else undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>, p: number) =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) });
const maybe = <T>(arb: fc.Arbitrary<T>) => sometimes(arb, 0.85);

interface PlannedObject {
  account: number;
  type: 'Order' | 'Other';
  ingestedAt: number;
  doc: Record<string, unknown>;
}

const plannedObject: fc.Arbitrary<PlannedObject> = fc
  .record({
    account: fc.nat(ACCOUNTS.length - 1),
    other: fc.nat(9),
    ingestedAt: pastInstant,
    a: maybe(numberish),
    b: maybe(numberish),
    c: maybe(channel),
    nested: fc.oneof(fc.constant(undefined), numberish.map((x) => ({ x })), numberish.map((x) => [x, x])),
    items: fc.oneof(fc.constant(undefined), fc.tuple(numberish, numberish).map(([p, q]) => [p, q]), numberish.map((x) => ({ '1': x, '01': 'no' }))),
    tsAt: instant,
    atAt: instant,
    dAt: instant,
  })
  .chain((r) =>
    fc.record({
      ts: maybe(epochValue(r.tsAt)),
      at: maybe(isoText(r.atAt)),
      d: maybe(fc.oneof(isoText(r.dAt), epochValue(r.dAt), fc.constant<unknown>('not a date'))),
    }).map(({ ts, at, d }): PlannedObject => {
      const doc: Record<string, unknown> = { cust: ACCOUNTS[r.account] };
      const set = (k: string, v: unknown) => {
        if (v !== undefined) doc[k] = v;
      };
      set('a', r.a);
      set('b', r.b);
      set('c', r.c);
      set('n', r.nested);
      set('items', r.items);
      set('ts', ts);
      set('at', at);
      set('d', d);
      return { account: r.account, type: r.other === 0 ? 'Other' : 'Order', ingestedAt: r.ingestedAt, doc };
    }),
  );

// ---- definitions -----------------------------------------------------------------------------------------------

/**
 * The object types of every scenario. Order's Fields name `alias` (read through its Source `_source.b`) and map
 * Targets onto the standard type `_order`, so `{Order.alias}` and `{_order.…}` references are exercised (R5).
 */
const ORDER_FIELDS = {
  cust: { Source: '_source.cust', Target: '_profile.AccountNumber', ContentType: 'STRING' },
  alias: { Source: '_source.b', Target: '_order.Total', ContentType: 'STRING' },
  when: { Source: '_source.at', Target: '_order.Placed.At', ContentType: 'STRING' },
  channel: { Source: '_source.c', Target: '_order.Channel', ContentType: 'STRING' },
};
const OTHER_FIELDS = { cust: { Source: '_source.cust', Target: '_profile.AccountNumber', ContentType: 'STRING' } };
const OBJECT_TYPES = { Order: { Fields: ORDER_FIELDS }, Other: { Fields: OTHER_FIELDS } };

const expression = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(['a'], ['a'], ['c'], ['n.x'], ['items.1'], ['alias']).map((attrs) => ({ type: 'Order', Expression: `{Order.${attrs[0]}}`, attrs })) },
  {
    weight: 4,
    arbitrary: fc.record({ l: fc.constantFrom('a', 'b', 'n.x', 'at'), r: fc.constantFrom('a', 'b', 'items.0', 'at', 'd'), op: fc.constantFrom('+', '-', '*', '/'), sp: fc.constantFrom('', ' ') }).map(
      ({ l, r, op, sp }) => ({ type: 'Order', Expression: `{Order.${l}}${sp}${op}${sp}{Order.${r}}`, attrs: [...new Set([l, r])] }),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(['Total'], ['Channel']).map((attrs) => ({ type: '_order', Expression: `{_order.${attrs[0]}}`, attrs })) },
);

const dateValue = instant.chain((ms) =>
  fc.oneof(
    isoText(ms).filter((s) => !/ |\.\d\dZ$/.test(s)),
    fc.constant(String(ms)),
    fc.constant(String(Math.floor(ms / 1000))),
  ),
);

const dimensionEntry = fc.oneof(
  fc.record({
    attr: fc.constantFrom('c', 'a', 'items.1'),
    DimensionType: fc.constantFrom(...STRING_TYPES),
    Values: fc.array(fc.constantFrom('web', 'phone', 'e', 'we', 'b', '5', '3', '-2.5', '0.3', 'true'), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    attr: fc.constantFrom('a', 'b', 'c', 'n.x'),
    DimensionType: fc.constantFrom(...NUMBER_TYPES),
    Values: fc.array(fc.constantFrom('0', '3', '-2.5', '5', '1e2', '2.5', '0.3', '-0'), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    attr: fc.constantFrom('d', 'at', 'ts'),
    DimensionType: fc.constantFrom(...DATE_TYPES),
    Values: fc.array(dateValue, { minLength: 2, maxLength: 3 }),
  }),
);

const filter = fc.record({
  Include: fc.constantFrom(...GROUP),
  Groups: fc.array(
    fc.record({
      Type: fc.constantFrom(...GROUP),
      Dimensions: fc.array(fc.oneof({ weight: 4, arbitrary: fc.tuple(dimensionEntry) }, { weight: 1, arbitrary: fc.tuple(dimensionEntry, dimensionEntry) }), { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
}).map((f) => ({
  Include: f.Include,
  Groups: f.Groups.map((g) => ({
    Type: g.Type,
    Dimensions: g.Dimensions.map((entries) => ({
      Attributes: Object.fromEntries(entries.map((e) => [e.attr, { DimensionType: e.DimensionType, Values: e.Values }])),
    })),
  })),
}));

const valueRange = fc.oneof(
  fc.tuple(fc.nat(7), fc.nat(7)).map(([x, y]) => ({ Start: Math.max(x, y), End: Math.min(x, y) })), // past
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([s, e]) => ({ Start: s, End: -e })), // spanning now
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([x, y]) => ({ Start: -Math.min(x, y), End: -Math.max(x, y) })), // future
  fc.tuple(fc.integer({ min: -3, max: 6 }), fc.integer({ min: -3, max: 6 })).map(([Start, End]) => ({ Start, End })), // any, also inverted
);

const range = (type: string) => fc
  .record({
    kind: fc.constantFrom('value', 'value', 'valueRange', 'valueRange', 'both', 'neither'),
    value: fc.integer({ min: 0, max: 7 }),
    valueRange,
    unit: fc.constantFrom(undefined, 'DAYS'),
    source: fc.constantFrom('ingestion', 'ts', 'at', 'ts-any', 'at-any', 'd-any'),
  })
  .map((r) => {
    const out: Record<string, unknown> = {};
    if (r.unit) out.Unit = r.unit;
    if (r.kind === 'value' || r.kind === 'both') out.Value = r.value;
    // Ingestion times are never in the future, so a future window over them would only ever be empty.
    const window = r.source === 'ingestion' && r.valueRange.Start < 0 ? { Start: -r.valueRange.Start, End: Math.max(0, r.valueRange.End) } : r.valueRange;
    if (r.kind === 'valueRange' || r.kind === 'both') out.ValueRange = window;
    if (type === '_order') {
      // The standard object has the ISO time at Placed.At (no format: any date reads, R18).
      if (r.source !== 'ingestion') Object.assign(out, { TimestampSource: '{_order.Placed.At}', ...(r.source === 'at' ? { TimestampFormat: 'ISO_8601' } : {}) });
      return out;
    }
    if (r.source === 'ts') Object.assign(out, { TimestampSource: '{Order.ts}', TimestampFormat: 'EPOCHMILLI' });
    if (r.source === 'at') Object.assign(out, { TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' });
    // Without a TimestampFormat (AWS's samples): any date reads (R2, R18); `when` is a Fields entry (R5).
    if (r.source === 'ts-any') Object.assign(out, { TimestampSource: '{Order.ts}' });
    if (r.source === 'at-any') Object.assign(out, { TimestampSource: '{Order.when}' });
    if (r.source === 'd-any') Object.assign(out, { TimestampSource: '{Order.d}' });
    return out;
  });

const threshold = fc.record({
  Operator: fc.constantFrom('EQUAL_TO', 'GREATER_THAN', 'LESS_THAN', 'NOT_EQUAL_TO'),
  // Small counts and common field values, so that EQUAL_TO holds now and then.
  Value: fc.constantFrom('0', '1', '1', '2', '2', '3', '3', '4', '2.5', '-1', '10', '1e1', 'web', 'web', 'phone', '5', 'm'),
});

interface PlannedDefinition {
  input: OracleDefinition & { AttributeDetails: { Expression: string; Attributes: { Name: string }[] } };
  createdAt: number;
  /** Index in the object sequence before which the definition is created. */
  createBefore: number;
  overrides?: ConditionOverrides;
}

const plannedDefinition: fc.Arbitrary<PlannedDefinition> = expression
  .chain((expr) => fc.record({
    statistic: fc.constantFrom(...STATISTICS),
    expression: fc.constant(expr),
    extraAttribute: fc.boolean(),
    range: sometimes(range(expr.type), 0.6),
    objectCount: sometimes(fc.integer({ min: 1, max: 4 }), 0.3),
    threshold: sometimes(threshold, 0.35),
    filter: sometimes(filter, 0.35),
    useHistoricalData: fc.constantFrom(true, false, undefined),
    // Mostly before every object (so UseHistoricalData false keeps them), sometimes among them.
    createdAt: fc.oneof({ weight: 2, arbitrary: fc.constant(NOW - 8 * DAY) }, { weight: 1, arbitrary: pastInstant }),
    createBefore: fc.nat(30),
    overrides: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant({}) },
      {
        weight: 4,
        arbitrary: fc.record({ Start: sometimes(fc.integer({ min: -3, max: 8 }), 0.9), End: maybe(fc.integer({ min: -4, max: 5 })) }).map(({ Start, End }) => ({
          Range: { Unit: 'DAYS' as const, ...(Start === undefined ? {} : { Start }), ...(End === undefined ? {} : { End }) },
        })),
      },
    ),
  }))
  .map((d) => {
    const conditions: Record<string, unknown> = {};
    if (d.range) conditions.Range = d.range;
    if (d.objectCount !== undefined) conditions.ObjectCount = d.objectCount;
    if (d.threshold) conditions.Threshold = { ...d.threshold };
    const names = d.extraAttribute ? [...d.expression.attrs, 'unused'] : d.expression.attrs;
    const input = {
      Statistic: d.statistic,
      AttributeDetails: { Expression: d.expression.Expression, Attributes: names.map((Name) => ({ Name })) },
      ...(Object.keys(conditions).length > 0 ? { Conditions: conditions } : {}),
      ...(d.filter ? { Filter: d.filter } : {}),
      ...(d.useHistoricalData === undefined ? {} : { UseHistoricalData: d.useHistoricalData }),
    } as PlannedDefinition['input'];
    return { input, createdAt: d.createdAt, createBefore: d.createBefore, overrides: d.overrides as ConditionOverrides | undefined };
  });

// ---- the run ---------------------------------------------------------------------------------------------------

interface Seen {
  value: string | null;
  last: number | null;
  partial: string;
}

function mockSeen(out: Record<string, unknown>): Seen {
  const last = out.LastObjectTimestamp as Date | undefined;
  return { value: (out.Value as string | undefined) ?? null, last: last === undefined ? null : last.getTime(), partial: String(out.IsDataPartial) };
}

function same(a: Seen, b: Seen): boolean {
  return a.value === b.value && a.last === b.last && a.partial === b.partial;
}

/** Runs one scenario through the mock and the oracle; returns the first disagreement, or undefined. */
function disagreement({ objects, definitions, shift }: { objects: PlannedObject[]; definitions: PlannedDefinition[]; shift: number }): string | undefined {
  const clock = new ManualClock({ startMs: NOW - 8 * DAY });
  const service = createMockService({ clock });
  const call = (operation: string, input: Record<string, unknown>) => service.call(operation, { DomainName: DOMAIN, ...input });
  call('CreateDomain', { DefaultExpirationDays: 30 });
  for (const [ObjectTypeName, { Fields }] of Object.entries(OBJECT_TYPES)) {
    call('PutProfileObjectType', {
      ObjectTypeName,
      Description: 'differential test objects',
      AllowProfileCreation: false,
      Fields,
      Keys: { _account: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['cust'] }] },
    });
  }
  const profileIds = ACCOUNTS.map((AccountNumber) => call('CreateProfile', { AccountNumber }).ProfileId as string);
  const names = definitions.map((_, i) => `d${i}`);
  const create = (i: number) => {
    clock.set({ ms: definitions[i].createdAt });
    call('CreateCalculatedAttributeDefinition', { CalculatedAttributeName: names[i], ...definitions[i].input });
  };
  const stored: OracleObject[][] = ACCOUNTS.map(() => []);
  objects.forEach((o, index) => {
    definitions.forEach((d, i) => {
      if (d.createBefore === index) create(i);
    });
    clock.set({ ms: o.ingestedAt });
    const json = JSON.stringify(o.doc);
    call('PutProfileObject', { ObjectTypeName: o.type, Object: json });
    stored[o.account].push({ objectTypeName: o.type, object: json, ingestedAtMs: o.ingestedAt });
  });
  definitions.forEach((d, i) => {
    if (d.createBefore >= objects.length) create(i);
  });

  for (const now of [NOW, NOW + shift]) {
    clock.set({ ms: now });
    for (const [i, d] of definitions.entries()) {
      const expected = (account: number, conditionOverrides?: ConditionOverrides): Seen => {
        const r = computeCalculatedAttribute({ definition: d.input, objects: stored[account], nowMs: now, definitionCreatedAtMs: d.createdAt, conditionOverrides, objectTypes: OBJECT_TYPES });
        return { value: r.value, last: r.lastObjectTimestampMs, partial: r.isDataPartial };
      };
      const where = (what: string, account: number) => `${what} of ${JSON.stringify(d.input)} for ${ACCOUNTS[account]} at now=${new Date(now).toISOString()}`;
      for (const [account, ProfileId] of profileIds.entries()) {
        const got = mockSeen(call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: names[i], ProfileId }));
        const want = expected(account);
        if (!same(got, want)) return `${where('Get', account)}: mock ${JSON.stringify(got)}, oracle ${JSON.stringify(want)}`;
      }
      const batch = call('BatchGetCalculatedAttributeForProfile', {
        CalculatedAttributeName: names[i],
        ProfileIds: profileIds,
        ...(d.overrides ? { ConditionOverrides: d.overrides } : {}),
      });
      const values = batch.CalculatedAttributeValues as Record<string, unknown>[];
      for (const [account, ProfileId] of profileIds.entries()) {
        const item = values.find((v) => v.ProfileId === ProfileId);
        if (!item) return `${where('BatchGet', account)}: no item`;
        const got = mockSeen(item);
        const want = expected(account, d.overrides);
        if (!same(got, want)) {
          return `${where(`BatchGet with ${JSON.stringify(d.overrides)}`, account)}: mock ${JSON.stringify(got)}, oracle ${JSON.stringify(want)}`;
        }
      }
    }
  }
  return undefined;
}

describe('createMockService calculated attributes against computeCalculatedAttribute', () => {
  it("returns the oracle's Value, LastObjectTimestamp and IsDataPartial given random objects, definitions and overrides", () => {
    fc.assert(
      fc.property(
        fc.array(plannedObject, { minLength: 0, maxLength: 30, size: 'medium' }),
        fc.array(plannedDefinition, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(0, 1, 999, DAY / 2, DAY),
        (objects, definitions, shift) => {
          expect(disagreement({ objects, definitions, shift })).toBeUndefined();
        },
      ),
      { seed: 20_250_609, numRuns: 1200, interruptAfterTimeLimit: 12_000 },
    );
  });
});
