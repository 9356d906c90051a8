/**
 * Reading calculated attribute values: GetCalculatedAttributeForProfile, ListCalculatedAttributesForProfile and
 * BatchGetCalculatedAttributeForProfile agree, LastObjectTimestamp names the newest included object, IsDataPartial
 * is a boolean string, and BatchGet's limits, per-profile errors and ConditionOverrides. Expected values come from
 * the independent oracle (generators/oracle) over the generated T&H objects the file put, never from the target.
 */
import { BatchGetCalculatedAttributeForProfileCommand, type BatchGetCalculatedAttributeForProfileCommandOutput, type ConditionOverrides } from '@aws-sdk/client-customer-profiles';
import { contractFile } from '../../harness/contracts/contract.ts';
import { describeForPeople } from '../../harness/contracts/describe.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { check, checkEqual, ContractViolation } from '../../harness/contracts/violation.ts';
import { WaiterTimeoutError } from '../../harness/contracts/waiters.ts';
import {
  buildWorld,
  checkValues,
  dayTolerantExpected,
  definitionReady,
  expectedAt,
  settleOn,
  withLabels,
  listForProfile,
  readValue,
  sameValue,
  unknownProfileId,
  type DefinitionContext,
  type DefinitionSpec,
  type ValueSeen,
  type Via,
  type World,
  type WorldDefinition,
  type WorldProfile,
} from './calculated-world.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'calculated-reads' });

const READS = ['GetCalculatedAttributeForProfile', 'ListCalculatedAttributesForProfile', 'BatchGetCalculatedAttributeForProfile'];
const BATCH = ['BatchGetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'PutProfileObject'];
/** The model's bounds of BatchGetCalculatedAttributeForProfileRequest.ProfileIds (@length 1..100). */
const PROFILE_IDS = { min: 1, max: 100 };
const EXACT = { tolerance: 0 } as const;

function definitions({ t }: DefinitionContext): Record<string, DefinitionSpec> {
  const attr = (type: 'tx' | 'rev' | 'seg', name: string) => ({ Attributes: [{ Name: name }], Expression: `{${t[type]}.${name}}` });
  const all = { UseHistoricalData: true } as const;
  const seg = { TimestampSource: `{${t.seg}.DepartureDateTime}`, TimestampFormat: 'EPOCHMILLI' } as const;
  return {
    'r-count': { Statistic: 'COUNT', AttributeDetails: attr('tx', 'TransactionId'), ...all },
    'r-sum': { Statistic: 'SUM', AttributeDetails: attr('rev', 'Amount'), ...all },
    'r-seg': { Statistic: 'COUNT', AttributeDetails: attr('seg', 'SegmentId'), Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 400, End: -90 }, ...seg } }, ...all },
    'r-rev-iso': {
      Statistic: 'MAXIMUM',
      AttributeDetails: attr('rev', 'Amount'),
      Conditions: { Range: { Value: 500, Unit: 'DAYS', TimestampSource: `{${t.rev}.RevenueDate}`, TimestampFormat: 'ISO_8601' } },
      ...all,
    },
    // By ingestion time, 30 to 10 days ago: nothing the file put, until an override moves the window to now.
    'r-ovr-ingest': { Statistic: 'COUNT', AttributeDetails: attr('tx', 'TransactionId'), Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 30, End: 10 } } }, ...all },
    'r-ovr-ts': { Statistic: 'COUNT', AttributeDetails: attr('seg', 'SegmentId'), Conditions: { Range: { Value: 30, Unit: 'DAYS', ...seg } }, ...all },
  };
}

const world = fixture((session) => buildWorld({ session, types: ['tx', 'rev', 'seg'], definitions }));

const AGREE_DEFINITIONS = ['r-count', 'r-sum', 'r-seg', 'r-rev-iso'];
const show = (v: ValueSeen | undefined) => (v ? { found: v.found, Value: v.Value, LastObjectTimestamp: v.LastObjectTimestamp?.toISOString(), IsDataPartial: v.IsDataPartial } : undefined);

/** The three reads of every (definition, profile) pair of AGREE_DEFINITIONS: one List per profile serves all definitions. */
async function readAllWays({ session, w }: { session: Session; w: World }): Promise<{ definition: WorldDefinition; profile: WorldProfile; label: string; reads: Record<Via, ValueSeen> }[]> {
  const out: { definition: WorldDefinition; profile: WorldProfile; label: string; reads: Record<Via, ValueSeen> }[] = [];
  for (const profile of w.profiles) {
    const listed = await listForProfile({ session, world: w, profile });
    for (const id of AGREE_DEFINITIONS) {
      const definition = w.definitions[id];
      const item = listed.find((i) => i.CalculatedAttributeName === definition.name);
      out.push({
        definition,
        profile,
        label: `${profile.label} (${profile.profileId})`,
        reads: {
          get: await readValue({ session, world: w, definition, profile, via: 'get' }),
          list: item ? { Value: item.Value, LastObjectTimestamp: item.LastObjectTimestamp, IsDataPartial: item.IsDataPartial, found: true } : { found: false },
          batch: await readValue({ session, world: w, definition, profile, via: 'batch' }),
        },
      });
    }
  }
  return out;
}

/**
 * What a read says of the pair: its Value and LastObjectTimestamp, or nothing. A List or BatchGet that leaves out a pair
 * without a value and one that lists it without a Value say the same (whether such entries are listed is assumed:
 * A-CALC-R23-EVERY-ID), so the three reads are compared on what they say, not on whether an entry is present.
 */
const said = (v: ValueSeen): string => (v.found ? `${v.Value ?? ''}@${v.LastObjectTimestamp?.getTime() ?? ''}` : '@');

const agree = (r: Record<Via, ValueSeen>): boolean => said(r.get) === said(r.list) && said(r.get) === said(r.batch);

contract(
  {
    id: 'CALC-READ-AGREE-01',
    title: 'Get, List and BatchGet give the same Value and LastObjectTimestamp for the same profile',
    operations: READS,
    level: 'must',
    evidence: ['M-CALC-VALUE'],
  },
  async ({ session, note }) => {
    const w = await world();
    let last: Awaited<ReturnType<typeof readAllWays>> = [];
    try {
      last = await session.waitUntil({
        description: 'the three reads to agree',
        poll: async () => (last = await readAllWays({ session, w })),
        accept: (rows) => rows.every((row) => agree(row.reads)),
      });
    } catch (error) {
      if (!(error instanceof WaiterTimeoutError)) throw error;
      const bad = last.find((row) => !agree(row.reads))!;
      throw new ContractViolation({
        expected: `Get, List and BatchGet to agree on ${bad.definition.id} for ${bad.label}`,
        seen: `get ${describeForPeople({ value: show(bad.reads.get) })}; list ${describeForPeople({ value: show(bad.reads.list) })}; batch ${describeForPeople({ value: show(bad.reads.batch) })}`,
      });
    }
    // Three reads without a Value agree too: the pairs that carry what is compared are what the contract checked.
    const values = last.filter((row) => row.reads.get.Value !== undefined).length;
    const timestamps = last.filter((row) => row.reads.get.LastObjectTimestamp !== undefined).length;
    check({
      condition: values > 0 && timestamps > 0,
      expected: `a Value and a LastObjectTimestamp in at least one of the ${last.length} (definition, profile) pairs of ${AGREE_DEFINITIONS.join(', ')} (each definition counts objects the profiles hold)`,
      seen: `compared nothing: ${values} pair(s) with a Value, ${timestamps} with a LastObjectTimestamp`,
    });
    note(`compared ${last.length} (definition, profile) pairs three ways: ${values} with a Value, ${timestamps} with a LastObjectTimestamp`);
  },
);

contract(
  {
    id: 'CALC-READ-LASTTS-01',
    title: 'LastObjectTimestamp is the time of the newest included object (its TimestampSource, or when it was ingested)',
    operations: READS,
    level: 'assumed',
    evidence: ['M-CALC-LASTOBJECTTIMESTAMP', 'A-CALC-R3', 'A-CALC-R14'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkValues({
      session,
      note,
      world: w,
      checks: (['get', 'list', 'batch'] as const).flatMap((via) => [
        { definition: 'r-seg', compare: EXACT, empty: 'skip' as const, timestamp: 'exact' as const, via, days: 'tolerant' as const },
        { definition: 'r-rev-iso', compare: EXACT, empty: 'skip' as const, timestamp: 'exact' as const, via, days: 'tolerant' as const },
        { definition: 'r-count', compare: EXACT, empty: 'skip' as const, timestamp: 'ingestion' as const, via },
      ]),
    });
  },
);

contract(
  {
    id: 'CALC-READ-PARTIAL-01',
    title: 'Get, List and BatchGet answer IsDataPartial, as the string "true" or "false"',
    operations: READS,
    level: 'should',
    evidence: ['M-CALC-ISDATAPARTIAL', 'D-CALC-ISDATAPARTIAL-EXAMPLE'],
  },
  async ({ session, note }) => {
    const w = await world();
    const rows = await readAllWays({ session, w });
    const checked = { get: 0, list: 0, batch: 0 };
    for (const row of rows) {
      for (const via of ['get', 'list', 'batch'] as const) {
        const seen = row.reads[via];
        if (!seen.found) continue;
        checked[via] += 1;
        check({
          condition: seen.IsDataPartial === 'true' || seen.IsDataPartial === 'false',
          expected: `IsDataPartial "true" or "false" from ${via} for ${row.definition.id} and ${row.label}`,
          seen: `${JSON.stringify(seen.IsDataPartial)}`,
        });
      }
    }
    // A read that never returns the pair (a List without the item, a BatchGet without the profile) checks nothing.
    const unread = (Object.keys(checked) as (keyof typeof checked)[]).filter((via) => checked[via] === 0);
    check({ condition: unread.length === 0, expected: `each of get, list and batch to return at least one of the ${rows.length} (definition, profile) pairs`, seen: `compared nothing from ${unread.join(', ')}` });
    note(`checked IsDataPartial in ${checked.get} get, ${checked.list} list and ${checked.batch} batch read(s)`);
  },
);

/**
 * IsDataPartial of every read of `ids` compared with the oracle's (R25); each (definition, profile, read) checked. The
 * read happens seconds after the definitions were created, so a Range reaching days back has not elapsed.
 */
async function checkPartial({ session, w, ids, note }: { session: Session; w: World; ids: readonly string[]; note: (text: string) => void }): Promise<void> {
  const rows = (await readAllWays({ session, w })).filter((row) => ids.includes(row.definition.id));
  const nowMs = session.now();
  let checked = 0;
  const byValue: Record<string, number> = {};
  for (const row of rows) {
    const expected = expectedAt({ definition: row.definition, profile: row.profile, nowMs, objectTypes: w.objectTypes }).isDataPartial;
    for (const via of ['get', 'list', 'batch'] as const) {
      const seen = row.reads[via];
      if (!seen.found) continue;
      checked += 1;
      byValue[expected] = (byValue[expected] ?? 0) + 1;
      check({
        condition: seen.IsDataPartial === expected,
        expected: `IsDataPartial ${JSON.stringify(expected)} from ${via} for ${row.definition.id} (${JSON.stringify(row.definition.input.Conditions ?? {})}) and ${row.label}, created ${Math.round((nowMs - row.definition.createdAtMs) / 1000)} s ago`,
        seen: JSON.stringify(seen.IsDataPartial),
      });
    }
  }
  check({ condition: checked > 0, expected: `reads of ${ids.join(', ')} to check`, seen: 'no read returned a pair' });
  note(`checked ${checked} read(s) against the oracle: ${JSON.stringify(byValue)}`);
}

contract(
  {
    id: 'CALC-READ-PARTIAL-02',
    title: 'right after a definition with a 400- or 500-day Range is created, Get, List and BatchGet say IsDataPartial "true" (its time range has not elapsed)',
    operations: READS,
    level: 'should',
    evidence: ['M-CALC-ISDATAPARTIAL', 'D-CALC-ISDATAPARTIAL-WINDOW'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkPartial({ session, w, ids: ['r-seg', 'r-rev-iso'], note });
  },
);

contract(
  {
    id: 'CALC-READ-PARTIAL-03',
    title: 'IsDataPartial is "true" while the Range reaches back further than the definition has existed and "false" without Range and ObjectCount, in Get, List and BatchGet',
    operations: READS,
    level: 'assumed',
    evidence: ['M-CALC-ISDATAPARTIAL', 'D-CALC-ISDATAPARTIAL-WINDOW', 'A-CALC-R25', 'A-CALC-R25-PARTIAL'],
  },
  async ({ session, note }) => {
    const w = await world();
    await checkPartial({ session, w, ids: AGREE_DEFINITIONS, note });
  },
);

// ---- BatchGet ---------------------------------------------------------------------------------------------------

/** `n` profile ids: the world's profiles first, then ids no profile has. */
function batchIds({ session, w, n }: { session: Session; w: World; n: number }): string[] {
  const known = w.profiles.map((p) => p.profileId);
  return [...known, ...Array.from({ length: n }, (_, index) => unknownProfileId({ runId: session.config.runId, index }))].slice(0, n);
}

async function batchGet({ session, w, definition, ProfileIds, ConditionOverrides }: { session: Session; w: World; definition: string; ProfileIds: string[]; ConditionOverrides?: ConditionOverrides }) {
  return session.client.send(new BatchGetCalculatedAttributeForProfileCommand({ DomainName: w.domain, CalculatedAttributeName: w.definitions[definition].name, ProfileIds, ConditionOverrides }));
}

contract(
  {
    id: 'CALC-BATCH-LIMITS-01',
    title: `BatchGet with ${PROFILE_IDS.min - 1} or ${PROFILE_IDS.max + 1} profile ids is a BadRequestException`,
    operations: BATCH,
    level: 'must',
    evidence: ['M-BatchGetCalculatedAttributeForProfile-INPUT-ProfileIds', 'M-BatchGetCalculatedAttributeForProfile-ERROR-BadRequestException', 'M-ERRORS-BADREQUEST'],
    readsData: false,
  },
  async ({ session }) => {
    const w = await world();
    for (const n of [PROFILE_IDS.min - 1, PROFILE_IDS.max + 1]) {
      await session.errors.expect({ what: `BatchGetCalculatedAttributeForProfile with ${n} profile ids`, code: 'BadRequestException', call: () => batchGet({ session, w, definition: 'r-count', ProfileIds: batchIds({ session, w, n }) }) });
    }
  },
);

contract(
  {
    id: 'CALC-BATCH-LIMITS-02',
    title: `BatchGet with ${PROFILE_IDS.max} profile ids (known and unknown) answers every id, in CalculatedAttributeValues or in Errors`,
    operations: BATCH,
    level: 'assumed',
    evidence: ['M-CALC-BATCH-ERRORS', 'A-CALC-R23-EVERY-ID'],
  },
  async ({ session }) => {
    const w = await world();
    const sent = batchIds({ session, w, n: PROFILE_IDS.max });
    const out = await batchGet({ session, w, definition: 'r-count', ProfileIds: sent });
    const answered = [...(out.CalculatedAttributeValues ?? []).map((v) => v.ProfileId), ...(out.Errors ?? []).map((e) => e.ProfileId)];
    const missing = sent.filter((id) => !answered.includes(id));
    check({ condition: missing.length === 0, expected: `each of the ${sent.length} profile ids answered in CalculatedAttributeValues or Errors`, seen: `${missing.length} unanswered, e.g. ${missing.slice(0, 3).join(', ')}` });
  },
);

contract(
  {
    id: 'CALC-BATCH-UNKNOWN-01',
    title: 'BatchGet lists an unknown profile id in Errors with its ProfileId while the known profiles still get their values',
    operations: BATCH,
    level: 'assumed',
    evidence: ['M-CALC-BATCH-ERRORS', 'A-CALC-R23-UNKNOWN'],
  },
  async ({ session }) => {
    const w = await world();
    const known = w.profiles.filter(withLabels({ labels: ['generated', 'designed-windows'] }));
    const unknown = [unknownProfileId({ runId: session.config.runId, index: 1000 }), unknownProfileId({ runId: session.config.runId, index: 1001 })];
    const ProfileIds = [known[0].profileId, unknown[0], ...known.slice(1).map((p) => p.profileId), unknown[1]];
    const definition = w.definitions['r-seg'];
    let last: BatchGetCalculatedAttributeForProfileCommandOutput | undefined;
    const problems = (out: BatchGetCalculatedAttributeForProfileCommandOutput, nowMs: number): string[] => {
      const found: string[] = [];
      for (const id of unknown) {
        if (!(out.Errors ?? []).some((e) => e.ProfileId === id)) found.push(`no Errors entry with ProfileId ${id}`);
        if ((out.CalculatedAttributeValues ?? []).some((v) => v.ProfileId === id)) found.push(`a value for the unknown profile ${id}`);
      }
      for (const p of known) {
        // Only profiles whose value does not depend on how days are counted (the model does not say).
        const expected = dayTolerantExpected({ definition, profile: p, nowMs, objectTypes: w.objectTypes });
        if (!expected || expected.value === null) continue;
        const item = (out.CalculatedAttributeValues ?? []).find((v) => v.ProfileId === p.profileId);
        if (!item || !sameValue({ seen: item.Value, expected: expected.value, compare: EXACT })) found.push(`${p.label}: Value ${JSON.stringify(item?.Value)} where the oracle says ${expected.value}`);
      }
      return found;
    };
    try {
      await session.waitUntil({
        description: 'BatchGet to answer known and unknown ids',
        poll: async () => {
          const out = (last = await batchGet({ session, w, definition: 'r-seg', ProfileIds }));
          const ok = problems(out, session.now()).length === 0;
          return { out, ok, ready: !ok && (await definitionReady({ session, world: w, definition: w.definitions['r-seg'] })) };
        },
        accept: (r) => r.ok,
        // A ready target that keeps giving the same answer has settled on it.
        settle: settleOn<{ out: BatchGetCalculatedAttributeForProfileCommandOutput; ready: boolean }>({ world: w, key: (r) => [r.out.Errors, r.out.CalculatedAttributeValues] }),
      });
    } catch (error) {
      if (!(error instanceof WaiterTimeoutError)) throw error;
      throw new ContractViolation({
        expected: `Errors entries for ${unknown.join(', ')} and the oracle's values for ${known.map((p) => p.label).join(', ')}`,
        seen: `${problems(last!, session.now()).join('; ')} in ${describeForPeople({ value: { Errors: last?.Errors, CalculatedAttributeValues: last?.CalculatedAttributeValues } })}`,
      });
    }
  },
);

contract(
  {
    id: 'CALC-BATCH-ECHO-01',
    title: 'BatchGet echoes ConditionOverrides (Start, End and Unit given) in its response',
    operations: BATCH,
    level: 'must',
    evidence: ['M-CALC-BATCH-OVERRIDES'],
  },
  async ({ session }) => {
    const w = await world();
    const ConditionOverrides: ConditionOverrides = { Range: { Start: 400, End: 0, Unit: 'DAYS' } };
    const out = await batchGet({ session, w, definition: 'r-seg', ProfileIds: [w.profiles[0].profileId], ConditionOverrides });
    checkEqual({ actual: out.ConditionOverrides, wanted: ConditionOverrides, what: 'the echoed ConditionOverrides' });
  },
);

contract(
  {
    id: 'CALC-BATCH-OVERRIDE-01',
    title: 'ConditionOverrides replaces the window for that call (End defaulting to 0): objects ingested now count again',
    operations: BATCH,
    level: 'assumed',
    evidence: ['M-CALC-BATCH-OVERRIDES', 'A-CALC-R1-INGESTION', 'A-CALC-R23-WINDOW'],
  },
  async ({ session, note }) => {
    const w = await world();
    const overrides: ConditionOverrides[] = [{ Range: { Start: 2, Unit: 'DAYS' } }, { Range: { Start: 3, End: 0, Unit: 'DAYS' } }];
    await checkValues({ session, note, world: w, checks: overrides.map((o) => ({ definition: 'r-ovr-ingest', compare: EXACT, empty: 'skip' as const, via: 'batch' as const, overrides: o, days: 'tolerant' as const })) });
  },
);

contract(
  {
    id: 'CALC-BATCH-OVERRIDE-02',
    title: 'ConditionOverrides windows select by the definition\'s TimestampSource (past and around now), and are echoed as sent',
    operations: BATCH,
    level: 'assumed',
    evidence: ['M-CALC-BATCH-OVERRIDES', 'A-CALC-R23-WINDOW'],
  },
  async ({ session, note }) => {
    const w = await world();
    const overrides: ConditionOverrides[] = [{ Range: { Start: 400, End: 30, Unit: 'DAYS' } }, { Range: { Start: 5, End: -5, Unit: 'DAYS' } }, { Range: { Start: 40, Unit: 'DAYS' } }];
    await checkValues({ session, note, world: w, checks: overrides.map((o) => ({ definition: 'r-ovr-ts', compare: 'text' as const, empty: 'absent' as const, via: 'batch' as const, overrides: o })) });
    const sent = overrides[2];
    const out = await batchGet({ session, w, definition: 'r-ovr-ts', ProfileIds: [w.profiles[0].profileId], ConditionOverrides: sent });
    checkEqual({ actual: out.ConditionOverrides, wanted: sent, what: 'the echoed ConditionOverrides (End not given)' });
  },
);

wireContract();
