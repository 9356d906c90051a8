/**
 * What the calculated-attribute contract files (calculated-*.contract.ts) share: building the data plan
 * (./calculated-plan.ts) in a file's domain, reading values three ways, and comparing them with the independent
 * oracle (generators/oracle), never with the target.
 *
 * Time. A real service's clock and ingestion instants cannot be known exactly, so no expectation depends on them:
 * object times come from a TimestampSource, or windows are days wide while the data was ingested seconds ago, or
 * objects are ingested before / after a definition with a clear gap. Where "now" matters (windows), the oracle is
 * evaluated at session.now() just before and just after each read (the wall clock live, the recorded time in a
 * replay), and either answer is accepted. Objects placed at a window edge are placed relative to the run's reference
 * clock (config.clockMs), which every read follows. How a service counts a day is not in the model: must-level window
 * checks leave out the profiles with an object within a day of an edge (`days: 'tolerant'`).
 */
import {
  BatchGetCalculatedAttributeForProfileCommand,
  CreateCalculatedAttributeDefinitionCommand,
  CreateProfileCommand,
  GetCalculatedAttributeDefinitionCommand,
  GetCalculatedAttributeForProfileCommand,
  ListCalculatedAttributesForProfileCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  type ConditionOverrides,
  type CreateCalculatedAttributeDefinitionRequest,
  type ListCalculatedAttributeForProfileItem,
} from '@aws-sdk/client-customer-profiles';
import { collectPages } from '../../harness/contracts/pages.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { ContractViolation } from '../../harness/contracts/violation.ts';
import { WaiterTimeoutError } from '../../harness/contracts/waiters.ts';
import { computeCalculatedAttribute, toNumber, type OracleObject, type OracleObjectType, type OracleResult } from '../../generators/oracle/index.ts';
import { calculatedAttributeName, displayName, fnv1a } from '../../generators/scenarios/names.ts';
import { objectTypeDefinition } from '../../generators/scenarios/object-types.ts';
import { planWorld, typeNamesOf, TYPE_SPECS, type Phase, type Plan, type PlannedProfile, type ProfileRole, type TypeKey } from './calculated-plan.ts';

export { EDGE_SLACK_MS, type TypeKey } from './calculated-plan.ts';

/** Profiles written to in parallel (objects of one profile are always put in order). */
const CONCURRENCY = 4;
/** Allowed difference between the client's clock and the target's, for times taken from ingestion. */
export const INGESTION_SKEW_MS = 5_000;

// ---- building the world in a domain ----------------------------------------------------------------------------

/** When a put ran, by the client's clock: the target ingested the object somewhere inside. */
export interface PutWindow {
  startMs: number;
  endMs: number;
}

export interface WorldProfile {
  label: string;
  role: ProfileRole;
  profileId: string;
  accountNumber: string;
  /** The profile's stored objects in ingestion order, as the oracle takes them (ingestedAtMs = end of the put). */
  objects: OracleObject[];
  puts: Map<OracleObject, PutWindow>;
}

/** A definition's create input without domain, name and display name (the world adds them). */
export type DefinitionSpec = Omit<CreateCalculatedAttributeDefinitionRequest, 'DomainName' | 'CalculatedAttributeName' | 'DisplayName'>;

export interface WorldDefinition {
  id: string;
  name: string;
  input: CreateCalculatedAttributeDefinitionRequest;
  /** Client time when the create was sent: before it every 'before' object was ingested, after it every 'after' one. */
  createdAtMs: number;
}

export interface World {
  domain: string;
  referenceMs: number;
  typeNames: Record<TypeKey, string>;
  /** The object types the world put, by name, as the oracle reads them (their Fields, R5). */
  objectTypes: Record<string, OracleObjectType>;
  profiles: WorldProfile[];
  definitions: Record<string, WorldDefinition>;
  /**
   * Wall-clock time (epoch ms) of the world's last write: a target has had since then to converge, so the settle window
   * of a wait on its values counts from here (waiters.ts).
   */
  writtenAtMs: number;
  /** Names of the definitions the target has reported ready (COMPLETED, Readiness 100%): asked once, then known. */
  ready: Set<string>;
}

/** What a file's definition list may depend on: the type names, the reference time and the planned objects. */
export interface DefinitionContext {
  t: Record<TypeKey, string>;
  referenceMs: number;
  plan: Plan;
  /** A planned profile's objects as the oracle takes them (ingestion time = the reference time). */
  plannedObjects(profile: PlannedProfile): OracleObject[];
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function forEachLimited<T>({ items, limit, fn }: { items: readonly T[]; limit: number; fn: (item: T, index: number) => Promise<void> }): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pause between the last object ingested before the definitions and their creation (and again after): long
 * enough for the target's timestamps to tell them apart. A live target polls in seconds, so it gets whole seconds.
 */
export function settleMs({ session }: { session: Session }): number {
  // A replay's answers are recorded already: waiting would change nothing.
  if (session.target.waiter.replay) return 0;
  return Math.max(25, Math.round(session.target.waiter.minDelay * 4000));
}

/**
 * Builds the plan in the session's domain: object types `types`, the profiles that have objects of them, the
 * 'before' objects, the definitions, then the 'after' objects. Definitions are created in the order given.
 */
export async function buildWorld({ session, types, definitions, profiles: keep = () => true }: {
  session: Session;
  types: readonly TypeKey[];
  definitions: (ctx: DefinitionContext) => Record<string, DefinitionSpec>;
  profiles?: (p: PlannedProfile) => boolean;
}): Promise<World> {
  const { seed, runId, clockMs } = session.config;
  const plan = planWorld({ seed, clockMs });
  const t = typeNamesOf({ seed, runId });
  const domain = session.domain;
  const wanted = new Set(types);
  const planned = plan.profiles
    .filter(keep)
    .map((p) => ({ ...p, objects: p.objects.filter((o) => wanted.has(o.type)) }))
    .filter((p) => p.objects.length > 0);
  // The object types exist before any definition names them (R17: AWS requires an existing object type).
  const objectTypes: Record<string, OracleObjectType> = {};
  for (const key of types) {
    const { kind } = TYPE_SPECS[key];
    const input = objectTypeDefinition({ kind, domainName: domain, objectTypeName: t[key] });
    await session.client.send(new PutProfileObjectTypeCommand(input));
    objectTypes[t[key]] = { Fields: input.Fields };
  }
  const profiles: WorldProfile[] = planned.map((p) => ({ label: p.label, role: p.role, profileId: '', accountNumber: p.profile.AccountNumber, objects: [], puts: new Map() }));
  await forEachLimited({
    items: planned,
    limit: CONCURRENCY,
    fn: async (p, i) => {
      const out = await session.client.send(new CreateProfileCommand({ ...p.profile, DomainName: domain }));
      profiles[i].profileId = out.ProfileId ?? '';
    },
  });
  const putPhase = (phase: Phase) =>
    forEachLimited({
      items: planned,
      limit: CONCURRENCY,
      fn: async (p, i) => {
        for (const o of p.objects.filter((x) => x.phase === phase)) {
          const text = JSON.stringify(o.object);
          const startMs = session.now();
          await session.client.send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: t[o.type], Object: text }));
          const endMs = session.now();
          const oracleObject: OracleObject = { objectTypeName: t[o.type], object: text, ingestedAtMs: endMs };
          profiles[i].objects.push(oracleObject);
          profiles[i].puts.set(oracleObject, { startMs, endMs });
        }
      },
    });
  const gap = settleMs({ session });
  const before = planned.some((p) => p.objects.some((o) => o.phase === 'before'));
  if (before) {
    await putPhase('before');
    await sleep(gap);
  }
  const ctx: DefinitionContext = {
    t,
    referenceMs: plan.referenceMs,
    plan,
    plannedObjects: (p) => p.objects.map((o) => ({ objectTypeName: t[o.type], object: JSON.stringify(o.object), ingestedAtMs: plan.referenceMs })),
  };
  const created: Record<string, WorldDefinition> = {};
  for (const [id, spec] of Object.entries(definitions(ctx))) {
    const name = calculatedAttributeName({ seed, runId, id });
    const input: CreateCalculatedAttributeDefinitionRequest = { DomainName: domain, CalculatedAttributeName: name, DisplayName: displayName({ text: `CPCT ${id}` }), ...spec };
    const createdAtMs = session.now();
    await session.client.send(new CreateCalculatedAttributeDefinitionCommand(input));
    created[id] = { id, name, input, createdAtMs };
  }
  if (before) await sleep(gap);
  await putPhase('after');
  return { domain, referenceMs: plan.referenceMs, typeNames: t, objectTypes, profiles, definitions: created, writtenAtMs: Date.now(), ready: new Set() };
}

// ---- reading values ---------------------------------------------------------------------------------------------

/**
 * Whether the target reports the definition ready: Status COMPLETED and Readiness 100% where it reports them (the
 * model makes both optional). Asked only once a value is not the expected one, and remembered once true, so a target
 * that is right at once gets no extra request. A failed Get says nothing: not ready, and the wait runs to its bound.
 */
export async function definitionReady({ session, world, definition }: { session: Session; world: World; definition: WorldDefinition }): Promise<boolean> {
  if (world.ready.has(definition.name)) return true;
  try {
    const out = await session.client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: world.domain, CalculatedAttributeName: definition.name }));
    const ready = (out.Status === undefined || out.Status === 'COMPLETED') && (out.Readiness?.ProgressPercentage === undefined || out.Readiness.ProgressPercentage === 100);
    if (ready) world.ready.add(definition.name);
    return ready;
  } catch {
    return false;
  }
}

/** A waiter's settle rule for a world's values: the answer's identity once the definition is ready, from the world's last write. */
export function settleOn<T extends { ready: boolean }>({ world, key }: { world: World; key: (value: T) => unknown }): { key: (value: T) => string | undefined; sinceMs: number } {
  return { key: (value) => (value.ready ? JSON.stringify(key(value)) : undefined), sinceMs: world.writtenAtMs };
}

/** The value members one read returns for a (definition, profile). */
export interface ValueSeen {
  Value?: string;
  LastObjectTimestamp?: Date;
  IsDataPartial?: string;
  /** False when the read did not return the pair at all (List without the item, BatchGet without the profile). */
  found: boolean;
}

export type Via = 'get' | 'list' | 'batch';

/** One read of (definition, profile) through GetCalculatedAttributeForProfile, the List, or BatchGet. */
export async function readValue({ session, world, definition, profile, via, overrides }: {
  session: Session;
  world: World;
  definition: WorldDefinition;
  profile: WorldProfile;
  via: Via;
  overrides?: ConditionOverrides;
}): Promise<ValueSeen> {
  const base = { DomainName: world.domain, CalculatedAttributeName: definition.name };
  if (via === 'get') {
    const out = await session.client.send(new GetCalculatedAttributeForProfileCommand({ ...base, ProfileId: profile.profileId }));
    return { Value: out.Value, LastObjectTimestamp: out.LastObjectTimestamp, IsDataPartial: out.IsDataPartial, found: true };
  }
  if (via === 'batch') {
    const out = await session.client.send(new BatchGetCalculatedAttributeForProfileCommand({ ...base, ProfileIds: [profile.profileId], ConditionOverrides: overrides }));
    const item = (out.CalculatedAttributeValues ?? []).find((v) => v.ProfileId === profile.profileId);
    return item ? { Value: item.Value, LastObjectTimestamp: item.LastObjectTimestamp, IsDataPartial: item.IsDataPartial, found: true } : { found: false };
  }
  const items = await listForProfile({ session, world, profile });
  const item = items.find((i) => i.CalculatedAttributeName === definition.name);
  return item ? { Value: item.Value, LastObjectTimestamp: item.LastObjectTimestamp, IsDataPartial: item.IsDataPartial, found: true } : { found: false };
}

/** Every ListCalculatedAttributesForProfile item of a profile (bounded pages). */
export async function listForProfile({ session, world, profile }: { session: Session; world: World; profile: WorldProfile }): Promise<ListCalculatedAttributeForProfileItem[]> {
  const { items } = await collectPages({
    what: 'ListCalculatedAttributesForProfile',
    maxPages: 20,
    fetchPage: async (token) => {
      const out = await session.client.send(new ListCalculatedAttributesForProfileCommand({ DomainName: world.domain, ProfileId: profile.profileId, NextToken: token, MaxResults: 100 }));
      return { items: out.Items ?? [], nextToken: out.NextToken };
    },
  });
  return items;
}

/** The oracle's answer for (definition, profile) at `nowMs`, over the world's object types (their Fields, R5). */
export function expectedAt({ definition, profile, nowMs, overrides, objectTypes }: { definition: WorldDefinition; profile: WorldProfile; nowMs: number; overrides?: ConditionOverrides; objectTypes?: Record<string, OracleObjectType> }): OracleResult {
  return computeCalculatedAttribute({
    definition: definition.input,
    objects: profile.objects,
    nowMs,
    definitionCreatedAtMs: definition.createdAtMs,
    conditionOverrides: overrides,
    objectTypes,
  });
}

/**
 * The definition (or override) with each window edge moved by a day: an edge at "now" only outwards, the others both
 * ways. How a service counts days (exact 24 h, calendar days, truncated to midnight) moves an edge by less than that.
 */
function dayVariants({ definition, overrides }: { definition: WorldDefinition; overrides?: ConditionOverrides }): { input: WorldDefinition; overrides?: ConditionOverrides }[] {
  const shifts = (days: number, outwards: 1 | -1): number[] => (days === 0 ? [0, outwards] : [days - 1, days, days + 1]);
  if (overrides?.Range) {
    const { Start = 366, End = 0, Unit } = overrides.Range;
    return shifts(Start, 1).flatMap((s) => shifts(End, -1).map((e) => ({ input: definition, overrides: { Range: { Start: s, End: e, Unit } } })));
  }
  const range = definition.input.Conditions?.Range;
  // No Range, or one of Unit only (all time, R8): no edge to move.
  if (!range || (range.ValueRange === undefined && range.Value === undefined)) return [{ input: definition, overrides }];
  const start = range.ValueRange ? range.ValueRange.Start! : (range.Value ?? 0);
  const end = range.ValueRange ? range.ValueRange.End! : 0;
  return shifts(start, 1).flatMap((s) =>
    shifts(end, -1).map((e) => ({
      input: { ...definition, input: { ...definition.input, Conditions: { ...definition.input.Conditions, Range: { ...range, Value: undefined, ValueRange: { Start: s, End: e } } } } },
      overrides,
    })),
  );
}

/**
 * The oracle's answer when it does not depend on how days are counted (every window edge moved by a day gives the
 * same Value and LastObjectTimestamp), else undefined: an object lies within a day of an edge.
 */
export function dayTolerantExpected({ definition, profile, nowMs, overrides, objectTypes }: { definition: WorldDefinition; profile: WorldProfile; nowMs: number; overrides?: ConditionOverrides; objectTypes?: Record<string, OracleObjectType> }): OracleResult | undefined {
  const exact = expectedAt({ definition, profile, nowMs, overrides, objectTypes });
  for (const v of dayVariants({ definition, overrides })) {
    const r = expectedAt({ definition: v.input, profile, nowMs, overrides: v.overrides, objectTypes });
    if (r.value !== exact.value || r.lastObjectTimestampMs !== exact.lastObjectTimestampMs) return undefined;
  }
  return exact;
}

/** How a Value is compared: as exact text, or as a number within a tolerance (when the text rendering is not the point). */
export type Compare = 'text' | { tolerance: number };

/** Whether a seen Value is the expected one. */
export function sameValue({ seen, expected, compare }: { seen: string | undefined; expected: string | null; compare: Compare }): boolean {
  if (expected === null) return seen === undefined;
  if (seen === undefined) return false;
  if (compare === 'text') return seen === expected;
  const a = toNumber({ value: seen });
  const b = toNumber({ value: expected });
  return a !== undefined && b !== undefined && Math.abs(a - b) <= compare.tolerance;
}

export type TimestampCheck = 'none' | 'exact' | 'ingestion';

/** Whether a seen LastObjectTimestamp is the newest included object's time (exact, or within its put window). */
export function sameTimestamp({ seen, expected, profile, check }: { seen: Date | undefined; expected: OracleResult; profile: WorldProfile; check: TimestampCheck }): boolean {
  if (check === 'none') return true;
  if (expected.lastObjectTimestampMs === null) return seen === undefined;
  if (seen === undefined) return false;
  if (check === 'exact') return seen.getTime() === expected.lastObjectTimestampMs;
  const newest = expected.included[expected.included.length - 1];
  const put = newest ? profile.puts.get(newest.source) : undefined;
  return put !== undefined && seen.getTime() >= put.startMs - INGESTION_SKEW_MS && seen.getTime() <= put.endMs + INGESTION_SKEW_MS;
}

/** One family of (definition, profile) pairs a contract checks against the oracle. */
export interface ValueCheck {
  /** Definition id in the world. */
  definition: string;
  /** Profiles to check (all by default). */
  profiles?: (p: WorldProfile) => boolean;
  compare: Compare;
  /**
   * `skip`: pairs the oracle gives no value are not read (their "no value" is rule R12, assumed), for contracts whose
   * level must not rest on it; `absent`: they are read and must have no Value and no LastObjectTimestamp.
   */
  empty: 'skip' | 'absent';
  timestamp?: TimestampCheck;
  via?: Via;
  overrides?: ConditionOverrides;
  /**
   * `exact` (default): windows are exact multiples of 86,400,000 ms (R8, assumed); `tolerant`: pairs whose
   * expectation would change if a window edge moved by a day are not compared, so the check rests on the model only.
   */
  days?: 'exact' | 'tolerant';
}

function describeSeen(seen: ValueSeen | undefined): string {
  if (!seen) return 'nothing (the read failed)';
  if (!seen.found) return 'no entry for the profile';
  return `Value ${seen.Value === undefined ? 'absent' : JSON.stringify(seen.Value)}, LastObjectTimestamp ${seen.LastObjectTimestamp?.toISOString() ?? 'absent'}, IsDataPartial ${JSON.stringify(seen.IsDataPartial)}`;
}

function describeExpected(r: OracleResult, ts: TimestampCheck): string {
  const value = r.value === null ? 'no Value' : `Value ${JSON.stringify(r.value)}`;
  const time = ts === 'none' ? '' : `, LastObjectTimestamp ${r.lastObjectTimestampMs === null ? 'absent' : new Date(r.lastObjectTimestampMs).toISOString()}${ts === 'ingestion' ? ' (its put, ±5 s)' : ''}`;
  return `${value}${time} (oracle: ${r.included.length} object(s) included, ${r.excluded.filter((x) => x.reason !== 'other-object-type').length} excluded)`;
}

/**
 * Checks every (definition, profile) pair of `checks` against the oracle, waiting (bounded by the target's waiter)
 * for a target that converges later; fails with the last value seen. Returns how many pairs were compared; a check
 * that compares none is a fault of the data plan, so it fails too.
 */
export async function checkValues({ session, world, checks, note }: { session: Session; world: World; checks: readonly ValueCheck[]; note?: (text: string) => void }): Promise<number> {
  let total = 0;
  let nearEdge = 0;
  for (const check of checks) {
    const definition = world.definitions[check.definition];
    if (!definition) throw new Error(`calculated contracts: no definition ${check.definition} in this file's world; add it to the fixture`);
    const via = check.via ?? 'get';
    const ts = check.timestamp ?? 'none';
    let compared = 0;
    for (const profile of world.profiles.filter(check.profiles ?? (() => true))) {
      const objectTypes = world.objectTypes;
      const probe = check.days === 'tolerant' ? dayTolerantExpected({ definition, profile, nowMs: session.now(), overrides: check.overrides, objectTypes }) : expectedAt({ definition, profile, nowMs: session.now(), overrides: check.overrides, objectTypes });
      if (probe === undefined) nearEdge += 1;
      if (probe === undefined || (check.empty === 'skip' && probe.value === null)) continue;
      compared += 1;
      let last: { seen?: ValueSeen; expected: OracleResult } = { expected: probe };
      let polls = 0;
      try {
        await session.waitUntil({
          description: `${definition.id} for ${profile.label} to equal the oracle`,
          poll: async () => {
            const lo = session.now();
            const seen = await readValue({ session, world, definition, profile, via, overrides: check.overrides });
            const hi = session.now();
            polls += 1;
            const candidates = [expectedAt({ definition, profile, nowMs: lo, overrides: check.overrides, objectTypes }), expectedAt({ definition, profile, nowMs: hi, overrides: check.overrides, objectTypes })];
            const match = candidates.find((expected) => seen.found && sameValue({ seen: seen.Value, expected: expected.value, compare: check.compare }) && sameTimestamp({ seen: seen.LastObjectTimestamp, expected, profile, check: ts }));
            last = { seen, expected: match ?? candidates[1] };
            // Readiness matters only for an answer that is not yet the expected one.
            return { ok: match !== undefined, seen, ready: match === undefined && (await definitionReady({ session, world, definition })) };
          },
          accept: (r) => r.ok,
          settle: settleOn<{ ok: boolean; seen: ValueSeen; ready: boolean }>({ world, key: (r) => [r.seen.found, r.seen.Value, r.seen.LastObjectTimestamp?.getTime(), r.seen.IsDataPartial] }),
        });
      } catch (error) {
        if (!(error instanceof WaiterTimeoutError)) throw error;
        const compareText = check.compare === 'text' ? 'as text' : `as a number ±${check.compare.tolerance}`;
        const how = error.end === 'settled' ? 'the same on consecutive polls while the target reported the definition ready (settled)' : error.end === 'budget' ? "when the run's waiting budget (--converge-ms) was spent" : "within the waiter's bound";
        throw new ContractViolation({
          expected: `${describeExpected(last.expected, ts)} for ${definition.id} (${definition.name}) and profile ${profile.label} (${profile.profileId}) via ${via}${check.overrides ? ` with ConditionOverrides ${JSON.stringify(check.overrides)}` : ''}, compared ${compareText}`,
          seen: `${describeSeen(last.seen)} after ${polls} poll(s) in ${error.waitedMs} ms, ${how}`,
        });
      }
    }
    if (compared === 0) throw new Error(`calculated contracts: ${check.definition} compared no profile (the oracle gives every selected profile no value); fix the data plan`);
    total += compared;
  }
  note?.(`compared ${total} (definition, profile) pair(s) with the oracle${nearEdge > 0 ? `; ${nearEdge} pair(s) with an object within a day of a window edge left out` : ''}`);
  return total;
}

/** A profile filter by label (`designed-tie`) or label family (`generated` matches `generated-3`), for checks about particular data. */
export function withLabels({ labels }: { labels: readonly string[] }): (p: { label: string }) => boolean {
  return (p) => labels.some((l) => p.label === l || p.label.startsWith(`${l}-`));
}

/** A 32-hex profile id that no target issued (deterministic per run and index). */
export function unknownProfileId({ runId, index }: { runId: string; index: number }): string {
  return [0, 1, 2, 3].map((part) => fnv1a({ text: `${runId}|${index}|${part}` }).toString(16).padStart(8, '0')).join('');
}

/** What `readUntil` saw: the last read, whether `accept` held, and how the wait went. */
export interface ReadOutcome {
  seen: ValueSeen;
  ok: boolean;
  polls: number;
  waitedMs: number;
  /** How the wait ended without acceptance (see waiters.ts); undefined when accepted. */
  end?: 'timeout' | 'settled' | 'budget';
}

/**
 * Reads (definition, profile) via Get until `accept` holds, within the target's bound, stopping early when the target
 * settled on another answer; never throws for a value that does not come: the contract judges what was seen.
 */
export async function readUntil({ session, world, definition, profile, accept }: { session: Session; world: World; definition: WorldDefinition; profile: WorldProfile; accept: (seen: ValueSeen) => boolean }): Promise<ReadOutcome> {
  let last: ValueSeen = { found: false };
  let polls = 0;
  try {
    await session.waitUntil({
      description: `${definition.id} for ${profile.label}`,
      poll: async () => {
        const seen = (last = await readValue({ session, world, definition, profile, via: 'get' }));
        polls += 1;
        const ok = accept(seen);
        return { ok, seen, ready: !ok && (await definitionReady({ session, world, definition })) };
      },
      accept: (r) => r.ok,
      settle: settleOn<{ ok: boolean; seen: ValueSeen; ready: boolean }>({ world, key: (r) => [r.seen.found, r.seen.Value, r.seen.LastObjectTimestamp?.getTime()] }),
    });
    return { seen: last, ok: true, polls, waitedMs: 0 };
  } catch (error) {
    if (!(error instanceof WaiterTimeoutError)) throw error;
    return { seen: last, ok: false, polls, waitedMs: error.waitedMs, end: error.end };
  }
}

/** "after N poll(s) in M ms (settled)": how a wait that did not see the expected answer went. */
export function describeWait({ outcome }: { outcome: ReadOutcome }): string {
  const how = outcome.end === 'settled' ? ', the same while the target reported the definition ready (settled)' : outcome.end === 'budget' ? ", when the run's waiting budget was spent" : '';
  return `after ${outcome.polls} poll(s) in ${outcome.waitedMs} ms${how}`;
}

/** Every way to pick at most `n` of `values`, as the sums they give (bounded: the plan's profiles hold a few objects). */
export function subsetSums({ values, n }: { values: readonly number[]; n: number }): number[] {
  const sums: number[] = [];
  const walk = (from: number, left: number, sum: number, picked: number) => {
    if (picked > 0) sums.push(sum);
    if (left === 0) return;
    for (let i = from; i < values.length; i++) walk(i + 1, left - 1, sum + values[i], picked + 1);
  };
  if (values.length > 20) throw new Error(`calculated contracts: expected at most 20 objects to pick from; saw ${values.length}; fix the data plan`);
  walk(0, n, 0, 0);
  return sums;
}
