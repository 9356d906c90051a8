/**
 * `npm run generate -- --seed N --profiles N [--out FILE] [--types air,hotel,loyalty] [--format epochmilli|iso8601]
 * [--clock ISO]`: NDJSON of generated T&H objects, one `{"objectTypeName":"…","object":{…}}` per line (see
 * generators/README.md), streamed with backpressure to FILE or stdout. Exit 0 on success, 1 on an output error,
 * 2 on bad arguments.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { UsageError, formatError } from '../harness/errors.ts';
import { ALL_FAMILIES, type TravelFamily } from './fields.ts';
import { TravelGenerator } from './generate.ts';
import { writeNdjson } from './ndjson.ts';
import { parseFilterDate } from './oracle/timestamps.ts';
import type { TimestampFormat } from './time.ts';

/** The reference clock when --clock is not given: fixed, so output never depends on when it runs. */
export const DEFAULT_CLOCK_ISO = '2025-06-09T00:00:00.000Z';

/** Profiles from which a progress bar is shown (only when stderr is a TTY). */
export const PROGRESS_FROM_PROFILES = 1000;

const COMPONENT = 'generate';

export const USAGE = `usage: npm run generate -- --seed N --profiles N [--out FILE] [--types air,hotel,loyalty] [--format epochmilli|iso8601] [--clock ISO]
  --seed N        integer seed (required; write a negative one as --seed=-3); output is a pure function of seed, clock and options
  --profiles N    number of profiles, 0 or more (required)
  --out FILE      write NDJSON to FILE instead of stdout
  --types LIST    comma-separated families to include: air, hotel, loyalty (default: all)
  --format F      timestamp format of generated objects: epochmilli (default) or iso8601
  --clock ISO     reference clock, e.g. 2025-06-09T00:00:00Z (default ${DEFAULT_CLOCK_ISO})
  --help          print this help`;

/** Parsed and validated command line. */
export interface GenerateArgs {
  seed: number;
  profiles: number;
  out?: string;
  families: TravelFamily[];
  format: TimestampFormat;
  clockMs: number;
  help: boolean;
}

function usage(expected: string, seen: string): UsageError {
  return new UsageError({ component: COMPONENT, expected, seen, action: 'run with --help for usage' });
}

function integer(name: string, raw: string | undefined, min: number): number {
  if (raw === undefined) throw usage(`--${name} N (an integer)`, `no --${name}`);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min) {
    throw usage(`--${name} to be an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''}`, JSON.stringify(raw));
  }
  return Number(raw);
}

/** Parses argv (without node and script) into GenerateArgs; throws UsageError on anything unexpected. */
export function parseGenerateArgs({ argv }: { argv: readonly string[] }): GenerateArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        profiles: { type: 'string' },
        out: { type: 'string' },
        types: { type: 'string' },
        format: { type: 'string' },
        clock: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw usage('only --seed, --profiles, --out, --types, --format, --clock, --help (each option with its value)', (err as Error).message);
  }
  if (values.help) return { seed: 0, profiles: 0, families: [...ALL_FAMILIES], format: 'epochmilli', clockMs: 0, help: true };
  const seed = integer('seed', values.seed as string | undefined, Number.MIN_SAFE_INTEGER);
  const profiles = integer('profiles', values.profiles as string | undefined, 0);
  let families = [...ALL_FAMILIES];
  if (values.types !== undefined) {
    const list = String(values.types).split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    const bad = list.filter((s) => !(ALL_FAMILIES as readonly string[]).includes(s));
    if (list.length === 0 || bad.length > 0) throw usage('--types as a comma-separated subset of air,hotel,loyalty', JSON.stringify(values.types));
    families = ALL_FAMILIES.filter((f) => list.includes(f));
  }
  const format = (values.format ?? 'epochmilli') as string;
  if (format !== 'epochmilli' && format !== 'iso8601') throw usage('--format epochmilli or iso8601', JSON.stringify(format));
  let clockMs = Date.parse(DEFAULT_CLOCK_ISO);
  if (values.clock !== undefined) {
    const parsed = /^-?\d+$/.test(String(values.clock)) ? undefined : parseFilterDate({ value: String(values.clock) });
    if (parsed === undefined) throw usage('--clock as an ISO 8601 date or date-time (e.g. 2025-06-09T00:00:00Z)', JSON.stringify(values.clock));
    clockMs = parsed;
  }
  const out = values.out === undefined ? undefined : String(values.out);
  if (out === '') throw usage('--out FILE (a path)', 'an empty path');
  return { seed, profiles, out, families, format, clockMs, help: false };
}

/** Runs the CLI; returns the exit code (0 ok, 1 output error, 2 usage). */
export async function runGenerateCli({
  argv,
  stdout = process.stdout,
  stderr = process.stderr,
}: {
  argv: readonly string[];
  stdout?: Writable;
  stderr?: Writable & { isTTY?: boolean };
}): Promise<number> {
  let args: GenerateArgs;
  try {
    args = parseGenerateArgs({ argv });
  } catch (err) {
    if (err instanceof UsageError) {
      stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  const generator = new TravelGenerator({ seed: args.seed, clockMs: args.clockMs, format: args.format, families: args.families });
  const target: Writable = args.out ? createWriteStream(args.out) : stdout;
  const bar =
    stderr.isTTY && args.profiles >= PROGRESS_FROM_PROFILES
      ? new cliProgress.SingleBar({ stream: stderr as NodeJS.WritableStream, format: 'generate [{bar}] {value}/{total} profiles | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
      : undefined;
  bar?.start(args.profiles, 0);
  try {
    const written = await writeNdjson({
      records: generator.records({ count: args.profiles }),
      stream: target,
      onProgress: bar ? (p) => bar.update(p.profiles) : undefined,
    });
    if (args.out) {
      target.end();
      await once(target, 'finish');
    }
    bar?.stop();
    // stdout carries the data when there is no --out; otherwise say what was written, where people look.
    if (args.out) stderr.write(`generate: ${written.profiles} profiles, ${written.records} records, ${(target as WriteStream).bytesWritten} bytes written to ${path.resolve(args.out)}\n`);
    return 0;
  } catch (err) {
    bar?.stop();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EPIPE') return 0;
    stderr.write(
      `${formatError({ component: COMPONENT, expected: `to write NDJSON to ${args.out ?? 'stdout'}`, seen: e.message, action: 'check the --out path and free space' })}\n`,
    );
    if (args.out) target.destroy();
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runGenerateCli({ argv: process.argv.slice(2) }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${formatError({ component: COMPONENT, expected: 'a clean run', seen: String((err as Error)?.stack ?? err), action: 'report this as a bug' })}\n`);
      process.exitCode = 1;
    },
  );
}
