/**
 * Calculated attribute conditions: ObjectCount, Threshold with each operator, and Filter with Include ALL/ANY/NONE,
 * one and two groups and each of the 15 DimensionTypes, over generated T&H objects plus designed ones. Expected values
 * come from the independent oracle (generators/oracle). What the documents state is checked at their level: that
 * ObjectCount N bounds the objects used (CALC-COND-COUNT-02, must: the model), that a Threshold makes the attribute
 * true / false (CALC-COND-THRESHOLD-05, should), that an INCLUSIVE dimension counts only the matching objects, on one
 * and on two attributes (CALC-FILTER-INCLUSIVE-02/03, should: AWS's default attributes). Every other rule beyond the
 * model's shapes (which N objects ObjectCount keeps, how a Threshold compares, how each DimensionType compares) is one
 * of the semantics doc's assumed rules, so those contracts are level `assumed`.
 */
import type { Filter, FilterDimension, FilterDimensionType } from '@aws-sdk/client-customer-profiles';
import { contractFile } from '../../harness/contracts/contract.ts';
import { check, ContractViolation } from '../../harness/contracts/violation.ts';
import { WaiterTimeoutError } from '../../harness/contracts/waiters.ts';
import { computeCalculatedAttribute, toNumber } from '../../generators/oracle/index.ts';
import { dateOnly, isoString, MS_PER_DAY } from '../../generators/time.ts';
import { buildWorld, checkValues, describeWait, expectedAt, readUntil, readValue, subsetSums, type DefinitionContext, type DefinitionSpec, type ValueCheck, type ValueSeen } from './calculated-world.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'calculated-conditions' });

const OPERATIONS = ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'];

const dim = (attribute: string, DimensionType: FilterDimensionType, Values: string[]): FilterDimension => ({ Attributes: { [attribute]: { DimensionType, Values } } });

/** Threshold values chosen from the planned data by the oracle: some profiles pass, some fail. */
function thresholds({ ctx, sum }: { ctx: DefinitionContext; sum: DefinitionSpec }): { middle: string; designed: string } {
  const sums = new Map<string, string>();
  for (const p of ctx.plan.profiles) {
    if (!p.objects.some((o) => o.type === 'tx')) continue;
    const r = computeCalculatedAttribute({ definition: sum, objects: ctx.plannedObjects(p), nowMs: ctx.referenceMs });
    if (r.value !== null) sums.set(p.label, r.value);
  }
  const sorted = [...new Set(sums.values())].sort((a, b) => toNumber({ value: a })! - toNumber({ value: b })!);
  const designed = sums.get('designed-tie');
  if (sorted.length < 3 || designed === undefined) throw new Error(`calculated contracts: expected at least 3 distinct planned sums and one for designed-tie; saw ${JSON.stringify([...sums])}`);
  return { middle: sorted[Math.floor(sorted.length / 2)], designed };
}

function definitions(ctx: DefinitionContext): Record<string, DefinitionSpec> {
  const { t, referenceMs: R } = ctx;
  const all = { UseHistoricalData: true } as const;
  const sum: DefinitionSpec = { Statistic: 'SUM', AttributeDetails: { Attributes: [{ Name: 'PointsEarned' }], Expression: `{${t.tx}.PointsEarned}` }, ...all };
  const { middle, designed } = thresholds({ ctx, sum });
  const countRevenue = (Filter: Filter): DefinitionSpec => ({
    Statistic: 'COUNT',
    AttributeDetails: { Attributes: [{ Name: 'StayRevenueId' }], Expression: `{${t.rev}.StayRevenueId}` },
    Filter,
    ...all,
  });
  const one = (d: FilterDimension): DefinitionSpec => countRevenue({ Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [d] }] });
  const day = (n: number) => dateOnly({ ms: R - n * MS_PER_DAY });
  const twoGroups = (Include: Filter['Include']): DefinitionSpec =>
    countRevenue({
      Include,
      Groups: [
        { Type: 'ALL', Dimensions: [dim('RevenueType', 'INCLUSIVE', ['ROOM', 'TAX']), dim('CurrencyCode', 'EXCLUSIVE', ['JPY'])] },
        { Type: 'ANY', Dimensions: [dim('Amount', 'GREATER_THAN', ['100']), dim('Description', 'CONTAINS', ['charge'])] },
      ],
    });
  const oneGroup = (Type: 'ALL' | 'ANY' | 'NONE'): DefinitionSpec =>
    countRevenue({ Include: 'ALL', Groups: [{ Type, Dimensions: [dim('RevenueType', 'INCLUSIVE', ['ROOM']), dim('Amount', 'GREATER_THAN', ['200'])] }] });
  return {
    'count-first': { Statistic: 'FIRST_OCCURRENCE', AttributeDetails: { Attributes: [{ Name: 'TransactionId' }], Expression: `{${t.tx}.TransactionId}` }, Conditions: { ObjectCount: 3 }, ...all },
    'count-sum': { ...sum, Conditions: { ObjectCount: 3 } },
    'count-count': { Statistic: 'COUNT', AttributeDetails: { Attributes: [{ Name: 'TransactionId' }], Expression: `{${t.tx}.TransactionId}` }, Conditions: { ObjectCount: 2 }, ...all },
    // The shapes of AWS's default _cases_open_status_count / _cases_closed_status_count (one INCLUSIVE attribute) and
    // _campaign_email_open_count (two INCLUSIVE attributes in one dimension), over this file's revenue lines.
    'fi-room': one(dim('RevenueType', 'INCLUSIVE', ['ROOM'])),
    'fi-tax': one(dim('RevenueType', 'INCLUSIVE', ['TAX'])),
    'fi-two': one({ Attributes: { RevenueType: { DimensionType: 'INCLUSIVE', Values: ['ROOM'] }, CurrencyCode: { DimensionType: 'INCLUSIVE', Values: ['USD'] } } }),
    'thr-gt': { ...sum, Conditions: { Threshold: { Value: middle, Operator: 'GREATER_THAN' } } },
    'thr-lt': { ...sum, Conditions: { Threshold: { Value: middle, Operator: 'LESS_THAN' } } },
    'thr-eq': { ...sum, Conditions: { Threshold: { Value: designed, Operator: 'EQUAL_TO' } } },
    'thr-ne': { ...sum, Conditions: { Threshold: { Value: designed, Operator: 'NOT_EQUAL_TO' } } },
    // The shape of AWS's default _frequent_caller (COUNT, Threshold GREATER_THAN "5"), over this file's transactions.
    'thr-count': { Statistic: 'COUNT', AttributeDetails: { Attributes: [{ Name: 'TransactionId' }], Expression: `{${t.tx}.TransactionId}` }, Conditions: { Threshold: { Value: '2', Operator: 'GREATER_THAN' } }, ...all },
    'f-inclusive': one(dim('RevenueType', 'INCLUSIVE', ['ROOM', 'TAX'])),
    'f-exclusive': one(dim('RevenueType', 'EXCLUSIVE', ['ROOM'])),
    'f-contains': one(dim('Description', 'CONTAINS', ['service'])),
    'f-begins': one(dim('HotelCode', 'BEGINS_WITH', ['HBL', 'AUR'])),
    'f-ends': one(dim('HotelCode', 'ENDS_WITH', ['01'])),
    'f-equal': one(dim('Amount', 'EQUAL', ['100'])),
    'f-gt': one(dim('Amount', 'GREATER_THAN', ['100'])),
    'f-lt': one(dim('Amount', 'LESS_THAN', ['0.5'])),
    'f-ge': one(dim('Amount', 'GREATER_THAN_OR_EQUAL', ['1234.56'])),
    'f-le': one(dim('Amount', 'LESS_THAN_OR_EQUAL', ['0.5'])),
    'f-before': one(dim('RevenueDate', 'BEFORE', [isoString({ ms: R - 30 * MS_PER_DAY, offsetMinutes: 0, style: 'Z', precision: 's' })])),
    'f-after': one(dim('RevenueDate', 'AFTER', [day(30)])),
    'f-between': one(dim('RevenueDate', 'BETWEEN', [day(60), day(5)])),
    'f-not-between': one(dim('RevenueDate', 'NOT_BETWEEN', [day(60), day(5)])),
    'f-on': one(dim('RevenueDate', 'ON', [day(10)])),
    'inc-all': twoGroups('ALL'),
    'inc-any': twoGroups('ANY'),
    'inc-none': twoGroups('NONE'),
    'grp-all': oneGroup('ALL'),
    'grp-any': oneGroup('ANY'),
    'grp-none': oneGroup('NONE'),
  };
}

const world = fixture((session) => buildWorld({ session, types: ['tx', 'rev'], definitions }));

const assumedContract = (id: string, title: string, definitions: string[], evidence: string[], extra: Partial<ValueCheck> = {}) =>
  contract({ id, title, operations: OPERATIONS, level: 'assumed', evidence }, async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: definitions.map((definition) => ({ definition, compare: 'text' as const, empty: 'absent' as const, ...extra })) });
  });

assumedContract(
  'CALC-COND-COUNT-01',
  'ObjectCount 3 uses the 3 most recently ingested objects (FIRST_OCCURRENCE and SUM over them)',
  ['count-first', 'count-sum'],
  // No TimestampSource: "most recently ingested" is the documented order (R3); which N is assumed (R10).
  ['M-CALC-OBJECTCOUNT', 'D-CALC-STAT-FIRST-LAST', 'A-CALC-R10'],
);

/** ObjectCount of each definition CALC-COND-COUNT-02 reads. */
const OBJECT_COUNTS = { 'count-count': 2, 'count-sum': 3 } as const;

contract(
  {
    id: 'CALC-COND-COUNT-02',
    title: 'with ObjectCount N, a COUNT is at most N and a SUM adds at most N of the profile\'s objects (which N is not asserted)',
    operations: OPERATIONS,
    level: 'must',
    // "The number of profile objects used": no more than N are used, whichever they are (A-CALC-R10 says which).
    evidence: ['M-CALC-OBJECTCOUNT'],
  },
  async ({ session, note }) => {
    const w = await world();
    let read = 0;
    for (const [id, n] of Object.entries(OBJECT_COUNTS)) {
      const definition = w.definitions[id];
      // The objects the definition may draw on: the oracle's selection without ObjectCount.
      const unbounded = { ...definition, input: { ...definition.input, Conditions: undefined } };
      let beyond = 0;
      for (const profile of w.profiles) {
        const candidates = expectedAt({ definition: unbounded, profile, nowMs: session.now(), objectTypes: w.objectTypes }).included;
        if (candidates.length === 0) continue;
        if (candidates.length > n) beyond += 1;
        const most = Math.min(n, candidates.length);
        const sums = definition.input.Statistic === 'SUM' ? subsetSums({ values: candidates.map((c) => toNumber({ value: c.value }) ?? NaN), n }) : [];
        const fits = (seen: ValueSeen): boolean => {
          const v = toNumber({ value: seen.Value });
          if (v === undefined) return false;
          if (definition.input.Statistic === 'COUNT') return Number.isInteger(v) && v >= 1 && v <= most;
          return sums.some((s) => Math.abs(s - v) <= 1e-6);
        };
        const outcome = await readUntil({ session, world: w, definition, profile, accept: fits });
        read += 1;
        if (!outcome.ok) {
          const wanted = definition.input.Statistic === 'COUNT' ? `a whole number from 1 to ${most}` : `the sum of at most ${n} of its ${candidates.length} objects' PointsEarned`;
          throw new ContractViolation({
            expected: `${id} (${definition.name}, ObjectCount ${n}, ${definition.input.Statistic}) for ${profile.label} (${profile.profileId}), who has ${candidates.length} transaction(s): ${wanted}`,
            seen: `Value ${JSON.stringify(outcome.seen.Value)} ${describeWait({ outcome })}`,
          });
        }
      }
      // A plan where no profile has more objects than N could not tell a target that ignores ObjectCount.
      if (beyond === 0) throw new Error(`calculated contracts: expected a profile with more than ${n} transactions for ${id}; saw none; fix the data plan`);
    }
    note(`read ${read} (definition, profile) pair(s)`);
  },
);

const threshold = (id: string, operator: string, definition: string, chosen: string) =>
  assumedContract(
    id,
    `Threshold ${operator} (${chosen}): the Value is "true" when the SUM compared by ${operator} holds, "false" when it does not`,
    [definition],
    ['M-CALC-THRESHOLD', 'D-CALC-THRESHOLD-TRUE-FALSE', 'A-CALC-R13', 'A-CALC-R21'],
  );
threshold('CALC-COND-THRESHOLD-01', 'GREATER_THAN', 'thr-gt', 'the middle planned sum');
threshold('CALC-COND-THRESHOLD-02', 'LESS_THAN', 'thr-lt', 'the middle planned sum');
threshold('CALC-COND-THRESHOLD-03', 'EQUAL_TO', 'thr-eq', 'one designed profile\'s sum');
threshold('CALC-COND-THRESHOLD-04', 'NOT_EQUAL_TO', 'thr-ne', 'one designed profile\'s sum');

contract(
  {
    id: 'CALC-COND-THRESHOLD-05',
    title: 'a COUNT with Threshold GREATER_THAN "2" (the shape of AWS\'s _frequent_caller) answers true or false for every profile with transactions',
    operations: OPERATIONS,
    level: 'should',
    evidence: ['M-CALC-THRESHOLD', 'D-CALC-THRESHOLD-TRUE-FALSE', 'D-CALC-DEFAULT-FREQUENT-CALLER'],
  },
  async ({ session, note }) => {
    const w = await world();
    const definition = w.definitions['thr-count'];
    const seen: Record<string, number> = {};
    // Profiles holding transactions the definition counts (by the oracle); the literal spelling is not documented.
    const profiles = w.profiles.filter((profile) => expectedAt({ definition, profile, nowMs: session.now(), objectTypes: w.objectTypes }).included.length > 0);
    check({ condition: profiles.length > 0, expected: 'at least one profile with transactions to read', seen: 'none in the data plan' });
    for (const profile of profiles) {
      const out = await session.waitUntil({
        description: `thr-count for ${profile.label} to have a Value`,
        poll: () => readValue({ session, world: w, definition, profile, via: 'get' }),
        accept: (v) => v.Value !== undefined,
        show: (v) => ({ Value: v.Value }),
      }).catch((error: unknown) => {
        // A Value that never comes is judged below, with what was (not) seen.
        if (error instanceof WaiterTimeoutError) return { Value: undefined };
        throw error;
      });
      const value = out.Value?.toLowerCase();
      check({ condition: value === 'true' || value === 'false', expected: `Value true or false for ${profile.label} (${profile.profileId}), who has transactions`, seen: JSON.stringify(out.Value) });
      seen[value!] = (seen[value!] ?? 0) + 1;
    }
    note(`read ${profiles.length} profile(s): ${JSON.stringify(seen)}`);
  },
);

contract(
  {
    id: 'CALC-FILTER-INCLUSIVE-02',
    title: 'a COUNT with a Filter of one INCLUSIVE attribute (the shape of AWS\'s _cases_open_status_count) counts only the objects whose attribute is the value',
    operations: OPERATIONS,
    level: 'should',
    evidence: ['M-CALC-FILTER', 'D-CALC-DEFAULT-CASES-COUNT'],
  },
  async ({ session, note }) => {
    const w = await world();
    // Counts compared as numbers: how a count is spelled is not the point; profiles the filter leaves without any
    // object are not read (what they get is A-CALC-R12).
    await checkValues({ session, note, world: w, checks: ['fi-room', 'fi-tax'].map((definition) => ({ definition, compare: { tolerance: 0 }, empty: 'skip' as const })) });
  },
);

contract(
  {
    id: 'CALC-FILTER-INCLUSIVE-03',
    title: 'a COUNT with a Filter dimension of two INCLUSIVE attributes (the shape of AWS\'s _campaign_email_open_count) counts only the objects matching both',
    operations: OPERATIONS,
    level: 'should',
    evidence: ['M-CALC-FILTER', 'D-CALC-DEFAULT-EMAIL-OPEN-COUNT'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'fi-two', compare: { tolerance: 0 }, empty: 'skip' }] });
  },
);

assumedContract(
  'CALC-FILTER-TEXT-01',
  'Filter dimensions INCLUSIVE, EXCLUSIVE, CONTAINS, BEGINS_WITH and ENDS_WITH keep the matching objects',
  ['f-inclusive', 'f-exclusive', 'f-contains', 'f-begins', 'f-ends'],
  ['M-CALC-FILTER', 'A-CALC-R9'],
);
assumedContract(
  'CALC-FILTER-NUMBER-01',
  'Filter dimensions EQUAL, GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL and LESS_THAN_OR_EQUAL compare amounts as numbers',
  ['f-equal', 'f-gt', 'f-lt', 'f-ge', 'f-le'],
  ['M-CALC-FILTER', 'A-CALC-R9'],
);
assumedContract(
  'CALC-FILTER-DATE-01',
  'Filter dimensions BEFORE, AFTER, BETWEEN, NOT_BETWEEN and ON compare ISO dates with offsets by their instant (ON by UTC day)',
  ['f-before', 'f-after', 'f-between', 'f-not-between', 'f-on'],
  ['M-CALC-FILTER', 'A-CALC-R9'],
);
assumedContract(
  'CALC-FILTER-INCLUDE-01',
  'Filter Include ALL, ANY and NONE over two groups keep objects matching all, any and none of the groups',
  ['inc-all', 'inc-any', 'inc-none'],
  ['M-CALC-FILTER', 'A-CALC-R9'],
);
assumedContract(
  'CALC-FILTER-GROUP-01',
  'a single filter group of Type ALL, ANY and NONE matches when all, any and none of its dimensions match',
  ['grp-all', 'grp-any', 'grp-none'],
  ['M-CALC-FILTER', 'A-CALC-R9'],
);

wireContract();
