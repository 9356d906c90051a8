/**
 * Generator benchmarks, bounded in time:
 *  1. speed: the T&H generators against a plain seeded-Faker loop that produces the same number of fields (one faker
 *     call per field, a round-robin of typical calls), run side by side on one core in alternating samples; the figure
 *     is ours/baseline in fields per second (goal >= 0.7);
 *  2. streaming: N objects (default 1,000,000) written as NDJSON to a slow-ish null sink that applies backpressure,
 *     sampling heap and RSS, to show memory stays flat.
 * Run: `npx tsx generators/bench.ts [--objects N] [--budget-ms MS]`.
 */
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Faker } from '@faker-js/faker';
import { newFaker } from './faker-locales.ts';
import { TravelGenerator, type GeneratedRecord } from './generate.ts';
import { writeNdjson } from './ndjson.ts';

/** One figure in the shape of reports/bench.json results. */
export interface BenchFigure {
  figure: string;
  floor: number;
  ratio: number;
  goal: string;
  met: boolean;
  samples: number;
  min: number;
  median: number;
  max: number;
}

const REF_MS = Date.UTC(2025, 5, 9);

function leafCount(value: unknown): number {
  if (value !== null && typeof value === 'object') {
    let n = 0;
    for (const v of Object.values(value as Record<string, unknown>)) n += leafCount(v);
    return n;
  }
  return 1;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The cheapest plain loop: one `faker.number.int` per field (a lower bound on per-field cost, for context). */
function cheapestLoop(faker: Faker, fields: number, perObject: number): number {
  let made = 0;
  let sink = 0;
  while (made < fields) {
    const obj: Record<string, string> = {};
    for (let i = 0; i < perObject && made < fields; i++, made++) obj[`f${i}`] = String(faker.number.int({ min: 0, max: 100_000 }));
    sink += Object.keys(obj).length;
  }
  return sink;
}

/** The plain loop: `fields` faker-made string fields, grouped into objects of `perObject` fields. */
function baselineLoop(faker: Faker, fields: number, perObject: number): number {
  const statuses = ['CONFIRMED', 'CANCELLED', 'COMPLETED', 'ACTIVE'];
  const from = REF_MS - 365 * 86_400_000;
  let made = 0;
  let sink = 0;
  while (made < fields) {
    const obj: Record<string, string> = {};
    for (let i = 0; i < perObject && made < fields; i++, made++) {
      let v: string;
      switch (made & 7) {
        case 0: v = faker.string.alphanumeric(10); break;
        case 1: v = String(faker.number.int({ min: 0, max: 100_000 })); break;
        case 2: v = faker.date.between({ from, to: REF_MS }).toISOString(); break;
        case 3: v = faker.helpers.arrayElement(statuses); break;
        case 4: v = faker.person.firstName(); break;
        case 5: v = faker.finance.amount(); break;
        case 6: v = faker.airline.airport().iataCode; break;
        default: v = String(faker.datatype.boolean());
      }
      obj[`f${i}`] = v;
    }
    sink += Object.keys(obj).length;
  }
  return sink;
}

function oursLoop(profiles: number, seed: number): number {
  const gen = new TravelGenerator({ seed, clockMs: REF_MS, format: 'iso8601' });
  let n = 0;
  for (const r of gen.records({ count: profiles })) n += r.objectTypeName.length > 0 ? 1 : 0;
  return n;
}

/** Speed of the generators relative to the plain Faker loop, in fields per second, alternating samples. */
export function measureSpeed({ profilesPerSample = 2000, samples = 7, budgetMs = 60_000 }: { profilesPerSample?: number; samples?: number; budgetMs?: number } = {}): BenchFigure & {
  fieldsPerSample: number;
  fieldsPerObject: number;
  oursFieldsPerSec: number;
  baselineFieldsPerSec: number;
  cheapestFieldsPerSec: number;
  ratioToCheapest: number;
} {
  const counter = new TravelGenerator({ seed: 7, clockMs: REF_MS, format: 'iso8601' });
  let fields = 0;
  let records = 0;
  for (const r of counter.records({ count: profilesPerSample })) {
    fields += leafCount(r.object) + 1;
    records++;
  }
  const perObject = Math.max(1, Math.round(fields / records));
  const faker = newFaker({ locale: 'en' });
  faker.seed(7);
  oursLoop(Math.min(200, profilesPerSample), 1);
  baselineLoop(faker, Math.min(20_000, fields), perObject);
  const ratios: number[] = [];
  const oursRates: number[] = [];
  const baseRates: number[] = [];
  const cheapRates: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let s = 0; s < samples && performance.now() < deadline; s++) {
    faker.seed(100 + s);
    let t = performance.now();
    baselineLoop(faker, fields, perObject);
    const baseMs = performance.now() - t;
    t = performance.now();
    oursLoop(profilesPerSample, 7);
    const oursMs = performance.now() - t;
    t = performance.now();
    cheapestLoop(faker, fields, perObject);
    const cheapMs = performance.now() - t;
    cheapRates.push(fields / (cheapMs / 1000));
    oursRates.push(fields / (oursMs / 1000));
    baseRates.push(fields / (baseMs / 1000));
    ratios.push(baseMs / oursMs);
  }
  const med = median(ratios);
  return {
    figure: 'generators: T&H objects vs plain seeded-Faker loop (fields/s ratio)',
    floor: 0.7,
    ratio: med,
    goal: '>= 0.7x the plain loop',
    met: med >= 0.7,
    samples: ratios.length,
    min: Math.min(...ratios),
    median: med,
    max: Math.max(...ratios),
    fieldsPerSample: fields,
    fieldsPerObject: perObject,
    oursFieldsPerSec: median(oursRates),
    baselineFieldsPerSec: median(baseRates),
    cheapestFieldsPerSec: median(cheapRates),
    ratioToCheapest: median(oursRates) / median(cheapRates),
  };
}

/** A sink that accepts chunks asynchronously with a small buffer, so the writer really meets backpressure. */
function nullSink(): Writable {
  return new Writable({
    highWaterMark: 16 * 1024,
    write(_chunk, _enc, cb) {
      setImmediate(cb);
    },
  });
}

/** Streams `objects` records to NDJSON, sampling memory; reports heap growth between the first and last sample. */
export async function measureStreaming({ objects = 1_000_000, budgetMs = 240_000 }: { objects?: number; budgetMs?: number } = {}): Promise<{
  objects: number;
  chars: number;
  seconds: number;
  objectsPerSec: number;
  heapMiB: number[];
  rssMiB: number[];
  completed: boolean;
}> {
  const heap: number[] = [];
  const rss: number[] = [];
  const started = performance.now();
  const deadline = started + budgetMs;
  const gen = new TravelGenerator({ seed: 11, clockMs: REF_MS, format: 'iso8601' });
  let produced = 0;
  let completed = true;
  const every = Math.max(1, Math.floor(objects / 10));
  function* limited(): Generator<GeneratedRecord> {
    for (const r of gen.records({ count: Number.MAX_SAFE_INTEGER })) {
      if (produced >= objects) return;
      if ((produced & 1023) === 0 && performance.now() > deadline) {
        completed = false;
        return;
      }
      produced++;
      if (produced % every === 0) {
        const m = process.memoryUsage();
        heap.push(Math.round((m.heapUsed / 2 ** 20) * 10) / 10);
        rss.push(Math.round((m.rss / 2 ** 20) * 10) / 10);
      }
      yield r;
    }
  }
  const result = await writeNdjson({ records: limited(), stream: nullSink() });
  const seconds = (performance.now() - started) / 1000;
  return { objects: result.records, chars: result.chars, seconds, objectsPerSec: result.records / seconds, heapMiB: heap, rssMiB: rss, completed };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { objects: { type: 'string', default: '1000000' }, 'budget-ms': { type: 'string', default: '240000' } },
  });
  const objects = Number(values.objects);
  const budgetMs = Number(values['budget-ms']);
  const speed = measureSpeed({ budgetMs: Math.min(budgetMs, 60_000) });
  console.log(JSON.stringify(speed, null, 2));
  const stream = await measureStreaming({ objects, budgetMs });
  console.log(JSON.stringify(stream, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
