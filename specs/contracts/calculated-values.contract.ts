/**
 * Calculated attribute values: the eight statistics, the time windows (Range, ValueRange, TimestampSource in both
 * formats, ingestion time) and UseHistoricalData, over generated T&H objects of several profiles plus designed ones.
 * Expected values come from the independent oracle (generators/oracle) fed with the same objects, never from the
 * target. Contracts whose expectation rests on a rule docs/calculated-attribute-semantics.md marks as assumed are
 * level `assumed`; the others compare numbers as numbers (the text rendering R11 is assumed) and skip the pairs the
 * oracle gives no value (R12, assumed).
 */
import { contractFile } from '../../harness/contracts/contract.ts';
import type { ContractLevel } from '../../harness/contracts/meta.ts';
import { buildWorld, checkValues, EDGE_SLACK_MS, expectedAt, withLabels, type DefinitionSpec, type TypeKey, type World, type WorldProfile } from './calculated-world.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'calculated-values' });

/** The model's Range, ValueRange and TimestampSource / TimestampFormat; only objects a day or more from an edge are compared (the day length is assumed). */
const RANGE_EVIDENCE = ['M-CALC-RANGE', 'M-CALC-VALUERANGE', 'M-CALC-TIMESTAMPSOURCE', 'M-CALC-TIMESTAMPFORMAT'];
const EXACT = { tolerance: 0 } as const;

/** Every definition of this file, created before the objects (history ones between the two halves of `hist`). */
function definitions({ t }: { t: Record<TypeKey, string> }): Record<string, DefinitionSpec> {
  const attr = (type: TypeKey, name: string) => ({ Attributes: [{ Name: name }], Expression: `{${t[type]}.${name}}` });
  const all = { UseHistoricalData: true } as const;
  const segWindow = (Range: Record<string, unknown>): DefinitionSpec => ({
    Statistic: 'COUNT',
    AttributeDetails: attr('seg', 'SegmentId'),
    Conditions: { Range: { Unit: 'DAYS', TimestampSource: `{${t.seg}.DepartureDateTime}`, TimestampFormat: 'EPOCHMILLI', ...Range } },
    ...all,
  });
  return {
    'stat-count': { Statistic: 'COUNT', AttributeDetails: attr('tx', 'TransactionId'), ...all },
    'stat-sum': { Statistic: 'SUM', AttributeDetails: attr('tx', 'PointsEarned'), ...all },
    'stat-min': { Statistic: 'MINIMUM', AttributeDetails: attr('tx', 'PointsEarned'), ...all },
    'stat-max': { Statistic: 'MAXIMUM', AttributeDetails: attr('tx', 'PointsEarned'), ...all },
    'stat-avg': { Statistic: 'AVERAGE', AttributeDetails: attr('tx', 'PointsEarned'), ...all },
    'stat-first': { Statistic: 'FIRST_OCCURRENCE', AttributeDetails: attr('tx', 'TransactionId'), ...all },
    'stat-last': { Statistic: 'LAST_OCCURRENCE', AttributeDetails: attr('tx', 'TransactionId'), ...all },
    'stat-maxocc': { Statistic: 'MAX_OCCURRENCE', AttributeDetails: attr('tx', 'Channel'), ...all },
    'stat-expr': {
      Statistic: 'SUM',
      AttributeDetails: { Attributes: [{ Name: 'AmountPerNight' }, { Name: 'NumberOfNights' }], Expression: `{${t.res}.AmountPerNight} * {${t.res}.NumberOfNights}` },
      ...all,
    },
    'dec-sum': { Statistic: 'SUM', AttributeDetails: attr('rev', 'Amount'), ...all },
    'dec-min': { Statistic: 'MINIMUM', AttributeDetails: attr('rev', 'Amount'), ...all },
    'dec-max': { Statistic: 'MAXIMUM', AttributeDetails: attr('rev', 'Amount'), ...all },
    'dec-avg': { Statistic: 'AVERAGE', AttributeDetails: attr('rev', 'Amount'), ...all },
    'win-value': segWindow({ Value: 30 }),
    'win-past': segWindow({ ValueRange: { Start: 365, End: 30 } }),
    'win-now': segWindow({ ValueRange: { Start: 7, End: -7 } }),
    'win-future': segWindow({ ValueRange: { Start: -1, End: -60 } }),
    'win-override': segWindow({ Value: 1, ValueRange: { Start: 400, End: 0 } }),
    'win-edge': segWindow({ ValueRange: { Start: 7, End: -1 } }),
    'win-iso-compact': {
      Statistic: 'COUNT',
      AttributeDetails: attr('rev', 'StayRevenueId'),
      Conditions: { Range: { ValueRange: { Start: 180, End: 0 }, Unit: 'DAYS', TimestampSource: `{${t.rev}.RevenueDate}`, TimestampFormat: 'ISO_8601' } },
      ...all,
    },
    'win-iso-colon': {
      Statistic: 'COUNT',
      AttributeDetails: attr('tx', 'TransactionId'),
      Conditions: { Range: { ValueRange: { Start: 365, End: 0 }, Unit: 'DAYS', TimestampSource: `{${t.tx}.TransactionDate}`, TimestampFormat: 'ISO_8601' } },
      ...all,
    },
    'win-iso-z': {
      Statistic: 'COUNT',
      AttributeDetails: attr('rev', 'StayRevenueId'),
      Conditions: { Range: { ValueRange: { Start: 180, End: 0 }, Unit: 'DAYS', TimestampSource: `{${t.rev}.CreatedDate}`, TimestampFormat: 'ISO_8601' } },
      ...all,
    },
    'win-ingest': { Statistic: 'COUNT', AttributeDetails: attr('tx', 'TransactionId'), Conditions: { Range: { Value: 7, Unit: 'DAYS' } }, ...all },
    // No TimestampFormat (AWS's documents and samples omit it): epoch strings and ISO date-times with offsets (R2, R18).
    'win-noformat-epoch': {
      Statistic: 'COUNT',
      AttributeDetails: attr('seg', 'SegmentId'),
      Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 7, End: -7 }, TimestampSource: `{${t.seg}.DepartureDateTime}` } },
      ...all,
    },
    'win-noformat-iso': {
      Statistic: 'COUNT',
      AttributeDetails: attr('rev', 'StayRevenueId'),
      Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 180, End: 0 }, TimestampSource: `{${t.rev}.RevenueDate}` } },
      ...all,
    },
    // A Range of Unit only, as AWS's CA_DayOfTravel sample writes it: all time, timed by the TimestampSource (R8).
    'win-unit-only': { Statistic: 'LAST_OCCURRENCE', AttributeDetails: attr('seg', 'SegmentId'), Conditions: { Range: { Unit: 'DAYS', TimestampSource: `{${t.seg}.DepartureDateTime}` } }, ...all },
    // The difference of two ISO 8601 timestamps, as AWS's _average_call_duration subtracts two CTR timestamps (R6).
    'stat-expr-time': {
      Statistic: 'AVERAGE',
      AttributeDetails: { Attributes: [{ Name: 'CreatedDate' }, { Name: 'RevenueDate' }], Expression: `{${t.rev}.CreatedDate} - {${t.rev}.RevenueDate}` },
      ...all,
    },
    'hist-false': { Statistic: 'COUNT', AttributeDetails: attr('hist', 'TransactionId'), UseHistoricalData: false },
    'hist-true': { Statistic: 'COUNT', AttributeDetails: attr('hist', 'TransactionId'), UseHistoricalData: true },
  };
}

const world = fixture((session) => buildWorld({ session, types: ['tx', 'rev', 'seg', 'res', 'hist'], definitions }));

/** The values of MAX_OCCURRENCE's groups for a profile, by the oracle: whether one value is strictly the most frequent. */
function hasUniqueWinner({ w, profile }: { w: World; profile: WorldProfile }): boolean {
  // No Range: the instant does not matter.
  const r = expectedAt({ definition: w.definitions['stat-maxocc'], profile, nowMs: w.referenceMs, objectTypes: w.objectTypes });
  const counts = new Map<string, number>();
  for (const i of r.included) counts.set(String(i.value), (counts.get(String(i.value)) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  return sorted.length > 0 && (sorted.length === 1 || sorted[0] > sorted[1]);
}

// ---- statistics -------------------------------------------------------------------------------------------------

const statistic = (id: string, title: string, definition: string, compare: { tolerance: number } | 'text', grade: { level: ContractLevel; evidence: string[] }) =>
  contract(
    { id, title, operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'], ...grade },
    async ({ session, note }) => {
      const w = await world();
      await checkValues({ session, note, world: w, checks: [{ definition, compare, empty: 'skip' }] });
    },
  );

statistic('CALC-STAT-COUNT-01', 'COUNT is the number of objects of the type, for generated, single-object and designed profiles', 'stat-count', EXACT, { level: 'must', evidence: ['M-CALC-STATISTIC'] });
statistic('CALC-STAT-SUM-01', 'SUM of integer points (redemptions negative) equals the oracle\'s sum', 'stat-sum', EXACT, { level: 'must', evidence: ['M-CALC-STATISTIC'] });
statistic('CALC-STAT-MINIMUM-01', 'MINIMUM of integer points equals the smallest, negatives included', 'stat-min', EXACT, { level: 'must', evidence: ['M-CALC-STATISTIC'] });
statistic('CALC-STAT-MAXIMUM-01', 'MAXIMUM of integer points equals the largest', 'stat-max', EXACT, { level: 'must', evidence: ['M-CALC-STATISTIC'] });
statistic(
  'CALC-STAT-AVERAGE-01',
  'AVERAGE of integer points equals the mean (compared as a number within 0.005; the rendering is assumed)',
  'stat-avg',
  { tolerance: 0.005 },
  { level: 'must', evidence: ['M-CALC-STATISTIC'] },
);
statistic('CALC-STAT-FIRST-01', 'FIRST_OCCURRENCE is the value of the earliest ingested object', 'stat-first', 'text', { level: 'should', evidence: ['D-CALC-STAT-FIRST-LAST'] });
statistic('CALC-STAT-LAST-01', 'LAST_OCCURRENCE is the value of the most recently ingested object', 'stat-last', 'text', { level: 'should', evidence: ['D-CALC-STAT-FIRST-LAST'] });

contract(
  {
    id: 'CALC-STAT-MAXOCC-01',
    title: 'MAX_OCCURRENCE is the most frequent value, where one value is strictly the most frequent',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'should',
    evidence: ['M-CALC-STATISTIC', 'D-CALC-STAT-SELECTED'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'stat-maxocc', compare: 'text', empty: 'skip', profiles: (p) => hasUniqueWinner({ w, profile: p }) }] });
  },
);

contract(
  {
    id: 'CALC-STAT-MAXOCC-02',
    title: 'MAX_OCCURRENCE breaks a tie for the value whose latest occurrence is latest (both orders)',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['D-CALC-STAT-SELECTED', 'A-CALC-MAXOCC-TIE'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'stat-maxocc', compare: 'text', empty: 'absent', profiles: withLabels({ labels: ['designed-tie', 'designed-reversed-tie'] }) }] });
  },
);

contract(
  {
    id: 'CALC-STAT-EXPR-01',
    title: 'SUM over an expression of two attributes ({T.AmountPerNight} * {T.NumberOfNights}) equals the oracle',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['M-CALC-EXPR-STRUCTURE', 'D-CALC-OPERATORS', 'A-CALC-R4', 'A-CALC-R11'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'stat-expr', compare: 'text', empty: 'skip' }] });
  },
);

contract(
  {
    id: 'CALC-STAT-DECIMAL-01',
    title: 'SUM, MINIMUM, MAXIMUM and AVERAGE of decimal and negative amounts render as the oracle does',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['M-CALC-STATISTIC', 'A-CALC-R11', 'A-CALC-R20'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: ['dec-sum', 'dec-min', 'dec-max', 'dec-avg'].map((definition) => ({ definition, compare: 'text' as const, empty: 'skip' as const })) });
  },
);

contract(
  {
    id: 'CALC-STAT-EMPTY-01',
    title: 'a profile with no object of the type has no Value and no LastObjectTimestamp, for COUNT and SUM too',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition'],
    level: 'assumed',
    evidence: ['A-CALC-R12'],
  },
  async ({ session, note }) => {
    const w = await world();
    const none = withLabels({ labels: ['designed-windows'] });
    // A missing Value shows nothing where the target never computes one: the same definitions must give a profile
    // with objects of the type the oracle's Value.
    const control = w.profiles.find(withLabels({ labels: ['generated'] }))!;
    await checkValues({
      session,
      note,
      world: w,
      checks: ['stat-count', 'stat-sum', 'stat-first'].flatMap((definition) => [
        { definition, compare: 'text' as const, empty: 'absent' as const, timestamp: 'exact' as const, profiles: none },
        { definition, compare: 'text' as const, empty: 'skip' as const, profiles: (p: WorldProfile) => p === control },
      ]),
    });
  },
);

// ---- windows ----------------------------------------------------------------------------------------------------

const windowContract = (id: string, title: string, definitions: string[], grade: { level: ContractLevel; evidence: string[] }) =>
  contract(
    { id, title, operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'], ...grade },
    async ({ session, note }) => {
      const w = await world();
      await checkValues({ session, note, world: w, checks: definitions.map((definition) => ({ definition, compare: EXACT, empty: 'skip' as const, days: 'tolerant' as const })) });
    },
  );

windowContract('CALC-WIN-VALUE-01', 'Range Value 30 DAYS by an EPOCHMILLI TimestampSource counts the objects of the last 30 days (objects a day or more from an edge)', ['win-value'], { level: 'assumed', evidence: ['M-CALC-RANGE', 'M-CALC-TIMESTAMPSOURCE', 'M-CALC-TIMESTAMPFORMAT', 'A-CALC-R8-VALUE'] });
windowContract('CALC-WIN-PAST-01', 'ValueRange Start 365, End 30 (both in the past) counts the objects between them', ['win-past'], { level: 'must', evidence: RANGE_EVIDENCE });
windowContract('CALC-WIN-NOW-01', 'ValueRange Start 7, End -7 (spanning now) counts past and future objects within a week', ['win-now'], { level: 'must', evidence: RANGE_EVIDENCE });
windowContract('CALC-WIN-FUTURE-01', 'ValueRange Start -1, End -60 (in the future) counts the objects due in 1 to 60 days', ['win-future'], { level: 'must', evidence: RANGE_EVIDENCE });
windowContract('CALC-WIN-OVERRIDE-01', 'ValueRange overrides Value: Value 1 with ValueRange 400..0 counts 400 days', ['win-override'], { level: 'must', evidence: RANGE_EVIDENCE });
windowContract(
  'CALC-WIN-ISO-01',
  'ISO_8601 TimestampSource values with offsets ±HHMM, ±HH:MM and Z place objects in the window by their instant (objects a day or more from an edge)',
  ['win-iso-compact', 'win-iso-colon', 'win-iso-z'],
  { level: 'must', evidence: RANGE_EVIDENCE },
);
windowContract(
  'CALC-WIN-INGEST-01',
  'without TimestampSource the ingestion time decides: objects dated years ago but ingested now are in a 7-day window',
  ['win-ingest'],
  { level: 'assumed', evidence: ['M-CALC-RANGE', 'A-CALC-R1-INGESTION', 'A-CALC-R8-VALUE'] },
);

windowContract(
  'CALC-WIN-NOFORMAT-01',
  'a TimestampSource without TimestampFormat reads epoch-millisecond strings and ISO 8601 date-times with offsets (objects a day or more from an edge)',
  ['win-noformat-epoch', 'win-noformat-iso'],
  { level: 'assumed', evidence: ['R-CALC-TIMESTAMPFORMAT-OPTIONAL', 'D-CALC-TEMPLATE-NO-FORMAT', 'M-CALC-VALUERANGE', 'A-CALC-R2-NO-FORMAT'] },
);

contract(
  {
    id: 'CALC-WIN-UNITONLY-01',
    title: 'a Range of Unit only with a TimestampSource (as AWS\'s CA_DayOfTravel) selects all time: LAST_OCCURRENCE is the segment departing last',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['S-TH-CA-DAYOFTRAVEL', 'M-CALC-TIMESTAMPSOURCE', 'A-CALC-R8-UNIT-ONLY', 'A-CALC-R3'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'win-unit-only', compare: 'text', empty: 'absent', timestamp: 'exact' }] });
  },
);

contract(
  {
    id: 'CALC-STAT-EXPR-02',
    title: 'an Expression subtracting two ISO 8601 timestamps (as AWS\'s _average_call_duration) averages their difference in milliseconds',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['D-CALC-DEFAULT-CALL-DURATION', 'A-CALC-R6-TIMESTAMPS', 'A-CALC-R11'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'stat-expr-time', compare: 'text', empty: 'skip' }] });
  },
);

contract(
  {
    id: 'CALC-WIN-EDGE-01',
    title: 'window edges are exact days: an object 1 s beyond an edge at the reference time is out, one just inside is in',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['M-CALC-VALUERANGE', 'A-CALC-R8-EDGES'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'win-edge', compare: 'text', empty: 'absent', profiles: withLabels({ labels: ['designed-edges'] }) }] });
    const age = session.now() - w.referenceMs;
    if (age > EDGE_SLACK_MS) note(`the run was ${Math.round(age / 1000)} s old at this check: the objects placed just inside the window edges had moved out (the oracle expected it)`);
  },
);

contract(
  {
    id: 'CALC-WIN-ISO-02',
    title: 'ISO_8601 offsets decide near a window edge: 2 h inside at -08:00 / -0800 is in, far outside at +05:30 is out',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'assumed',
    evidence: ['M-CALC-TIMESTAMPFORMAT', 'M-CALC-VALUERANGE', 'A-CALC-R8-EDGES'],
  },
  async ({ session, note }) => {
    const w = await world();
    // The three ISO windows are ValueRange Start..0 (up to now, model-stated); the edge is their start.
    await checkValues({ session, note, world: w, checks: ['win-iso-compact', 'win-iso-colon', 'win-iso-z'].map((definition) => ({ definition, compare: 'text' as const, empty: 'absent' as const, profiles: withLabels({ labels: ['designed-tie'] }) })) });
  },
);

// ---- history ----------------------------------------------------------------------------------------------------

contract(
  {
    id: 'CALC-HIST-01',
    title: 'UseHistoricalData false: objects ingested before the definition are left out, later ones counted',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'must',
    evidence: ['M-CALC-USE-HISTORICAL'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'hist-false', compare: EXACT, empty: 'skip' }] });
  },
);

contract(
  {
    id: 'CALC-HIST-02',
    title: 'UseHistoricalData true: objects ingested before and after the definition are both counted',
    operations: ['GetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'],
    level: 'must',
    evidence: ['M-CALC-USE-HISTORICAL'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({ session, note, world: w, checks: [{ definition: 'hist-true', compare: EXACT, empty: 'skip' }] });
  },
);

wireContract();
