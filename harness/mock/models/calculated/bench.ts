/**
 * Benchmark of the calculated-attributes engine: ingests N objects over P profiles with 8 definitions (6 kept
 * incrementally, 2 windowed), then times reads. Run: `npx tsx harness/mock/models/calculated/bench.ts
 * [--objects 1000000] [--profiles 10000] [--budget-s 120]`. Prints one JSON object; stops early (and says so)
 * when ingestion exceeds the time budget.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ManualClock } from '../../../clock.ts';
import { PageTokens } from '../pagination.ts';
import type { FieldDef } from '../state.ts';
import { CalculatedAttributes } from './index.ts';

/** Every object type of the benchmark exists and has no Fields (R5 reads source paths, R17 accepts every name). */
const NO_FIELDS: ReadonlyMap<string, FieldDef> = new Map<string, FieldDef>();

const DOMAIN = 'bench';
const START_MS = 1_736_942_400_000;
const DAY_MS = 86_400_000;

/** Figures the benchmark reports. */
export interface BenchResult {
  objects: number;
  profiles: number;
  definitions: number;
  stoppedEarly: boolean;
  ingestSeconds: number;
  objectsPerSecond: number;
  createWithHistorySeconds: number;
  readUnwindowedMicros: { p50: number; p99: number; samples: number };
  readWindowedMicros: { p50: number; p99: number; samples: number };
  listForProfileMicros: { p50: number; p99: number; samples: number };
  peakRssMiB: number;
}

/** A small deterministic PRNG so runs are comparable (mulberry32); the oracle bench uses it too. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function percentiles(samplesNs: number[]): { p50: number; p99: number; samples: number } {
  const s = [...samplesNs].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] / 1000;
  return { p50: Math.round(at(0.5) * 10) / 10, p99: Math.round(at(0.99) * 10) / 10, samples: s.length };
}

const UNWINDOWED = [
  { CalculatedAttributeName: 'order_count', Statistic: 'COUNT', AttributeDetails: { Expression: '{Order.amount}', Attributes: [{ Name: 'amount' }] } },
  { CalculatedAttributeName: 'total_spend', Statistic: 'SUM', AttributeDetails: { Expression: '{Order.amount}', Attributes: [{ Name: 'amount' }] } },
  {
    CalculatedAttributeName: 'avg_paid',
    Statistic: 'AVERAGE',
    AttributeDetails: { Expression: '{Order.amount}', Attributes: [{ Name: 'amount' }] },
    Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'INCLUSIVE', Values: ['PAID'] } } }] }] },
  },
  { CalculatedAttributeName: 'max_line', Statistic: 'MAXIMUM', AttributeDetails: { Expression: '{Order.price} * {Order.qty}', Attributes: [{ Name: 'price' }, { Name: 'qty' }] } },
  { CalculatedAttributeName: 'top_channel', Statistic: 'MAX_OCCURRENCE', AttributeDetails: { Expression: '{Order.channel}', Attributes: [{ Name: 'channel' }] } },
  { CalculatedAttributeName: 'last_channel', Statistic: 'LAST_OCCURRENCE', AttributeDetails: { Expression: '{Order.channel}', Attributes: [{ Name: 'channel' }] } },
];
const WINDOWED = [
  {
    CalculatedAttributeName: 'spend_30d',
    Statistic: 'SUM',
    AttributeDetails: { Expression: '{Order.amount}', Attributes: [{ Name: 'amount' }] },
    Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Order.placedAt}', TimestampFormat: 'ISO_8601' } },
  },
  {
    CalculatedAttributeName: 'channel_last10',
    Statistic: 'MAX_OCCURRENCE',
    AttributeDetails: { Expression: '{Order.channel}', Attributes: [{ Name: 'channel' }] },
    Conditions: { ObjectCount: 10 },
  },
];

/** Runs the benchmark and returns its figures. */
export function runBench({ objects, profiles, budgetSeconds }: { objects: number; profiles: number; budgetSeconds: number }): BenchResult {
  const clock = new ManualClock({ startMs: START_MS });
  const ca = new CalculatedAttributes({ clock, tokens: new PageTokens({ secret: 'bench' }), options: {}, profileExists: () => true, objectTypeFields: () => NO_FIELDS });
  const call = (operation: string, input: Record<string, unknown>) => ca.call({ operation, input: { DomainName: DOMAIN, ...input } });
  for (const def of [...UNWINDOWED, ...WINDOWED]) call('CreateCalculatedAttributeDefinition', { ...def, UseHistoricalData: true });

  const random = prng(42);
  const profileIds = Array.from({ length: profiles }, (_, i) => i.toString(16).padStart(32, '0'));
  const channels = ['web', 'phone', 'email', 'chat', 'store'];
  const statuses = ['PAID', 'PAID', 'PAID', 'REFUNDED', 'PENDING'];
  const offsets = ['Z', '+02:00', '-0500', ''];
  // A pool of ISO times over the last 60 days, so the 30-day window keeps about half.
  const times = Array.from({ length: 4096 }, (_, i) => {
    const t = new Date(START_MS - Math.floor(random() * 60 * DAY_MS)).toISOString().slice(0, 19);
    return `${t}${i % 5 === 0 ? '.123' : ''}${offsets[i % offsets.length]}`;
  });

  let peakRss = process.memoryUsage().rss;
  const budgetNs = BigInt(Math.round(budgetSeconds * 1e9));
  const t0 = process.hrtime.bigint();
  let ingested = 0;
  let stoppedEarly = false;
  for (let i = 0; i < objects; i++) {
    const object = {
      amount: Math.round(random() * 50_000) / 100,
      price: Math.round(random() * 10_000) / 100,
      qty: 1 + Math.floor(random() * 5),
      channel: channels[Math.floor(random() * channels.length)],
      status: statuses[Math.floor(random() * statuses.length)],
      placedAt: times[Math.floor(random() * times.length)],
    };
    ca.ingest({ domain: DOMAIN, profileId: profileIds[i % profiles], objectTypeName: 'Order', objectId: `o${i}`, object, ingestedAt: clock.now() });
    ingested++;
    if (i % 64 === 0) clock.advance({ ms: 1 });
    if (i % 50_000 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (process.hrtime.bigint() - t0 > budgetNs) {
        stoppedEarly = true;
        break;
      }
    }
  }
  const ingestSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const time = (fn: () => unknown): number => {
    const s = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - s);
  };
  const pick = () => profileIds[Math.floor(random() * profiles)];
  const unwindowed: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const name = UNWINDOWED[i % UNWINDOWED.length].CalculatedAttributeName;
    const profileId = pick();
    unwindowed.push(time(() => call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: name, ProfileId: profileId })));
  }
  const windowed: number[] = [];
  for (let i = 0; i < 5_000; i++) {
    const name = WINDOWED[i % WINDOWED.length].CalculatedAttributeName;
    const profileId = pick();
    windowed.push(time(() => call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: name, ProfileId: profileId })));
  }
  const lists: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const profileId = pick();
    lists.push(time(() => call('ListCalculatedAttributesForProfile', { ProfileId: profileId })));
  }
  // Creating one more definition with UseHistoricalData true builds its aggregates over everything stored.
  const c0 = process.hrtime.bigint();
  call('CreateCalculatedAttributeDefinition', { ...UNWINDOWED[1], CalculatedAttributeName: 'total_spend_late', UseHistoricalData: true });
  const createWithHistorySeconds = Number(process.hrtime.bigint() - c0) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

  return {
    objects: ingested,
    profiles,
    definitions: UNWINDOWED.length + WINDOWED.length,
    stoppedEarly,
    ingestSeconds: Math.round(ingestSeconds * 100) / 100,
    objectsPerSecond: Math.round(ingested / ingestSeconds),
    createWithHistorySeconds: Math.round(createWithHistorySeconds * 100) / 100,
    readUnwindowedMicros: percentiles(unwindowed),
    readWindowedMicros: percentiles(windowed),
    listForProfileMicros: percentiles(lists),
    peakRssMiB: Math.round(peakRss / 1024 / 1024),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: { objects: { type: 'string', default: '1000000' }, profiles: { type: 'string', default: '10000' }, 'budget-s': { type: 'string', default: '120' } },
  });
  const result = runBench({ objects: Number(values.objects), profiles: Number(values.profiles), budgetSeconds: Number(values['budget-s']) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.stoppedEarly) process.stderr.write(`calculated bench: stopped after ${result.objects} objects, over the ${values['budget-s']} s budget\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
