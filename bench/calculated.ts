/**
 * Calculated attributes at scale, two parts:
 *  1. the engine's own benchmark (harness/mock/models/calculated/bench.ts) in a child process of its own, so its
 *     peak RSS is its alone: ingest objects/s, read p50/p99, peak RSS;
 *  2. the read against its floor, in this process: the same scale (objects over profiles, 8 definitions) ingested
 *     into the engine, and for a fixed sample of (profile, definition) pairs, the oracle (generators/oracle
 *     computeCalculatedAttribute) recomputing the value from that profile's ~100 objects against the engine's
 *     GetCalculatedAttributeForProfile, in alternating rounds. Both must agree on every sampled value.
 * Bounded: object counts, rounds, a wall-clock budget, and a timeout on the child.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CreateCalculatedAttributeDefinitionRequest } from '@aws-sdk/client-customer-profiles';
import { computeCalculatedAttribute, type OracleDefinition, type OracleObject } from '../generators/oracle/index.ts';
import { ManualClock } from '../harness/clock.ts';
import { prng, type BenchResult as EngineBenchResult } from '../harness/mock/models/calculated/bench.ts';
import { CalculatedAttributes } from '../harness/mock/models/calculated/index.ts';
import { PageTokens } from '../harness/mock/models/pagination.ts';
import type { FieldDef } from '../harness/mock/models/state.ts';

/** Every object type of the benchmark exists and has no Fields (R5 reads source paths, R17 accepts every name). */
const NO_FIELDS: ReadonlyMap<string, FieldDef> = new Map<string, FieldDef>();

const ENGINE_BENCH = fileURLToPath(new URL('../harness/mock/models/calculated/bench.ts', import.meta.url));
const DOMAIN = 'bench';
const START_MS = Date.UTC(2025, 5, 9);
const DAY_MS = 86_400_000;

/** Runs the engine's benchmark as a child process and parses the JSON it prints. */
export function runEngineBench({ objects, profiles, budgetSeconds, timeoutMs }: { objects: number; profiles: number; budgetSeconds: number; timeoutMs: number }): Promise<EngineBenchResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', ENGINE_BENCH, '--objects', String(objects), '--profiles', String(profiles), '--budget-s', String(budgetSeconds)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench: expected the calculated-attributes engine benchmark to finish within ${timeoutMs / 1000} s; it did not and was stopped`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`bench: expected the calculated-attributes engine benchmark to exit 0; saw ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
      try {
        resolve(JSON.parse(out) as EngineBenchResult);
      } catch (e) {
        reject(new Error(`bench: expected JSON from the calculated-attributes engine benchmark; saw ${JSON.stringify(out.slice(0, 200))}: ${(e as Error).message}`));
      }
    });
  });
}

const AMOUNT = { Expression: '{Booking.amount}', Attributes: [{ Name: 'amount' }] };
const NIGHTS = { Expression: '{Booking.nights}', Attributes: [{ Name: 'nights' }] };
const CABIN = { Expression: '{Booking.cabin}', Attributes: [{ Name: 'cabin' }] };

/** Eight definitions: six the engine keeps incrementally (no Range, no ObjectCount) and two windowed ones (kind "scanned": the oracle and, before the window index, the engine scanned the profile's objects for them). */
export const DEFINITIONS: (Pick<CreateCalculatedAttributeDefinitionRequest, 'CalculatedAttributeName' | 'Statistic' | 'AttributeDetails' | 'Conditions' | 'Filter'> & { kind: 'kept' | 'scanned' })[] = [
  { kind: 'kept', CalculatedAttributeName: 'bookings', Statistic: 'COUNT', AttributeDetails: AMOUNT },
  { kind: 'kept', CalculatedAttributeName: 'spend', Statistic: 'SUM', AttributeDetails: AMOUNT },
  { kind: 'kept', CalculatedAttributeName: 'avg_confirmed_spend', Statistic: 'AVERAGE', AttributeDetails: AMOUNT, Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'INCLUSIVE', Values: ['CONFIRMED'] } } }] }] } },
  { kind: 'kept', CalculatedAttributeName: 'longest_stay', Statistic: 'MAXIMUM', AttributeDetails: NIGHTS },
  { kind: 'kept', CalculatedAttributeName: 'cheapest', Statistic: 'MINIMUM', AttributeDetails: AMOUNT },
  { kind: 'kept', CalculatedAttributeName: 'usual_cabin', Statistic: 'MAX_OCCURRENCE', AttributeDetails: CABIN },
  { kind: 'scanned', CalculatedAttributeName: 'spend_30d', Statistic: 'SUM', AttributeDetails: AMOUNT, Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Booking.bookedAt}', TimestampFormat: 'ISO_8601' } } },
  { kind: 'scanned', CalculatedAttributeName: 'cabin_last5', Statistic: 'LAST_OCCURRENCE', AttributeDetails: CABIN, Conditions: { ObjectCount: 5 } },
];

export interface OracleReadBenchResult {
  objects: number;
  profiles: number;
  ingestSeconds: number;
  /** Per round: µs per value, oracle recompute and engine read, over every sampled pair. */
  rounds: { oracle: number; engine: number; oracleKept: number; engineKept: number; oracleScanned: number; engineScanned: number }[];
  pairs: number;
  /** Sampled values on which the engine and the oracle disagree (0 expected). */
  disagreements: number;
  objectsPerSampledProfile: number;
}

/** Ingests `objects` over `profiles`, then (within `budgetMs`) times oracle recomputes against engine reads on `sampleProfiles` profiles × 8 definitions. */
export function runOracleReadBench({ objects = 1_000_000, profiles = 10_000, sampleProfiles = 40, rounds = 7, engineRepeat = 20, budgetMs = 15_000 } = {}): OracleReadBenchResult {
  const clock = new ManualClock({ startMs: START_MS - 60 * DAY_MS });
  const ca = new CalculatedAttributes({ clock, tokens: new PageTokens({ secret: 'bench' }), options: {}, profileExists: () => true, objectTypeFields: () => NO_FIELDS });
  for (const { kind: _kind, ...def } of DEFINITIONS) ca.call({ operation: 'CreateCalculatedAttributeDefinition', input: { DomainName: DOMAIN, ...def, UseHistoricalData: true } });
  const created = clock.now();

  const random = prng(7);
  const ids = Array.from({ length: profiles }, (_, i) => `p${i.toString(16).padStart(31, '0')}`);
  const stride = Math.max(1, Math.floor(profiles / sampleProfiles));
  const sampled = new Map<string, OracleObject[]>();
  for (let i = 0; i < profiles && sampled.size < sampleProfiles; i += stride) sampled.set(ids[i], []);
  const cabins = ['economy', 'premium', 'business', 'first'];
  const statuses = ['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'COMPLETED'];
  const t0 = performance.now();
  // Objects arrive over 60 simulated days, so the 30-day window keeps about half of each profile's.
  const tick = Math.max(1, Math.floor(objects / (60 * 24)));
  for (let i = 0; i < objects; i++) {
    if (i % tick === 0) clock.advance({ ms: Math.floor((60 * DAY_MS) / Math.ceil(objects / tick)) });
    const at = clock.now();
    const object = {
      amount: Math.round(random() * 200_000) / 100,
      nights: 1 + Math.floor(random() * 14),
      cabin: cabins[Math.floor(random() * cabins.length)],
      status: statuses[Math.floor(random() * statuses.length)],
      bookedAt: new Date(at - Math.floor(random() * DAY_MS)).toISOString(),
    };
    const profileId = ids[i % profiles];
    ca.ingest({ domain: DOMAIN, profileId, objectTypeName: 'Booking', objectId: `b${i}`, object, ingestedAt: at });
    sampled.get(profileId)?.push({ objectTypeName: 'Booking', object, ingestedAtMs: at });
  }
  const ingestSeconds = (performance.now() - t0) / 1000;
  const nowMs = clock.now();

  const pairs: { profileId: string; def: (typeof DEFINITIONS)[number]; objects: OracleObject[] }[] = [];
  for (const [profileId, objs] of sampled) for (const def of DEFINITIONS) pairs.push({ profileId, def, objects: objs });
  const oracleOf = (p: (typeof pairs)[number]) =>
    computeCalculatedAttribute({ definition: { ...p.def, UseHistoricalData: true } as OracleDefinition, objects: p.objects, nowMs, definitionCreatedAtMs: created }).value;
  const engineOf = (p: (typeof pairs)[number]) =>
    (ca.call({ operation: 'GetCalculatedAttributeForProfile', input: { DomainName: DOMAIN, CalculatedAttributeName: p.def.CalculatedAttributeName, ProfileId: p.profileId } }) as { Value?: string }).Value ?? null;

  let disagreements = 0;
  for (const p of pairs) if (oracleOf(p) !== engineOf(p)) disagreements++;

  /** µs per value over `list`, each value computed `repeat` times. */
  const time = (list: typeof pairs, fn: (p: (typeof pairs)[number]) => unknown, repeat: number): number => {
    const s = performance.now();
    for (let r = 0; r < repeat; r++) for (const p of list) fn(p);
    return ((performance.now() - s) * 1000) / (repeat * list.length);
  };
  const kept = pairs.filter((p) => p.def.kind === 'kept');
  const scanned = pairs.filter((p) => p.def.kind === 'scanned');
  time(pairs, oracleOf, 1);
  time(pairs, engineOf, engineRepeat);
  const results: OracleReadBenchResult['rounds'] = [];
  // The budget covers the timed rounds; ingestion is bounded by the object count.
  const began = performance.now();
  for (let r = 0; r < rounds && (r === 0 || performance.now() - began < budgetMs); r++) {
    const flip = r % 2 === 1;
    const round = { oracle: 0, engine: 0, oracleKept: 0, engineKept: 0, oracleScanned: 0, engineScanned: 0 };
    if (flip) round.engine = time(pairs, engineOf, engineRepeat);
    round.oracle = time(pairs, oracleOf, 1);
    if (!flip) round.engine = time(pairs, engineOf, engineRepeat);
    round.engineKept = time(kept, engineOf, engineRepeat);
    round.oracleKept = time(kept, oracleOf, 1);
    round.oracleScanned = time(scanned, oracleOf, 1);
    round.engineScanned = time(scanned, engineOf, engineRepeat);
    results.push(round);
  }
  return { objects, profiles, ingestSeconds, rounds: results, pairs: pairs.length, disagreements, objectsPerSampledProfile: Math.round(objects / profiles) };
}
