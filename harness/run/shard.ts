/**
 * Sharded runs. A part (`--shard I/N`) leaves `<reports>/shard/`: vitest's blob report of its contract files
 * (`blob-I-N.json`) and the run's record (`cpct-shard-I-N.json`: target, seed, versions, the sessions' calls and
 * exchanges), which the blob cannot carry. `--merge` reads the folders of every part, checks they make one whole run,
 * lets vitest merge the blobs, and writes one set of reports from the union.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import type { SessionReport } from './config.ts';
import type { Shard } from './options.ts';
import { ensureDir } from '../fs-dirs.ts';

const COMPONENT = 'merge';
/** The sub-folder of a part's reports directory that --merge reads. */
export const SHARD_FOLDER = 'shard';
/** The format tag of a part's record; --merge refuses records of another format. */
export const RECORD_FORMAT = 'cpct-shard/2';

/** What a part records besides its blob: everything the merged reports need that vitest does not keep. */
export interface ShardRecord {
  format: typeof RECORD_FORMAT;
  shard: Shard;
  target: string;
  startedAt: string;
  sdkVersion: string;
  seed: number;
  runId: string;
  /** The --grep pattern's source, or null: parts filtered differently do not make one run. */
  grep: string | null;
  /** Whether the part ran with --strict-output: its verdicts (in the blob) depend on it, so the merge applies it too. */
  strictOutput: boolean;
  /** The sessions' reports (calls by operation, slimmed exchanges), for calls.json and api-coverage.json. */
  sessions: SessionReport[];
}

/** A record found on disk, with the blob that belongs to it. */
export interface FoundShard {
  record: ShardRecord;
  recordFile: string;
  blobFile: string;
}

/** File names of part I of N inside the shard folder. */
export function shardFiles({ dir, shard }: { dir: string; shard: Shard }): { blobFile: string; recordFile: string } {
  const folder = path.join(dir, SHARD_FOLDER);
  return { blobFile: path.join(folder, `blob-${shard.index}-${shard.count}.json`), recordFile: path.join(folder, `cpct-shard-${shard.index}-${shard.count}.json`) };
}

/** Writes a part's record next to its blob. */
export async function writeShardRecord({ dir, record }: { dir: string; record: ShardRecord }): Promise<string> {
  const { recordFile } = shardFiles({ dir, shard: record.shard });
  await ensureDir({ dir: path.dirname(recordFile) });
  await writeFile(recordFile, `${JSON.stringify(record)}\n`, 'utf8');
  return recordFile;
}

function bad(expected: string, seen: string, action: string): UsageError {
  return new UsageError({ component: COMPONENT, expected, seen, action });
}

function isRecord(value: unknown): value is ShardRecord {
  const r = value as ShardRecord;
  return (
    typeof r === 'object' && r !== null && r.format === RECORD_FORMAT && typeof r.shard?.index === 'number' && typeof r.shard?.count === 'number' &&
    typeof r.target === 'string' && typeof r.startedAt === 'string' && typeof r.sdkVersion === 'string' && typeof r.seed === 'number' &&
    typeof r.runId === 'string' && (r.grep === null || typeof r.grep === 'string') && typeof r.strictOutput === 'boolean' && Array.isArray(r.sessions)
  );
}

/** Reads every part's record (and checks its blob exists) in the shard folders of `dirs`. */
export async function findShards({ dirs }: { dirs: readonly string[] }): Promise<FoundShard[]> {
  const found: FoundShard[] = [];
  for (const dir of dirs) {
    const folder = path.join(dir, SHARD_FOLDER);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      throw bad(`a part's reports directory holding ${SHARD_FOLDER}/ (written by a run with --shard I/N)`, `no ${folder}`, 'pass the --reports DIR of each part, after each part ran with --shard');
    }
    const records = names.filter((n) => /^cpct-shard-\d+-\d+\.json$/.test(n)).sort();
    if (records.length === 0) throw bad(`shard records (cpct-shard-I-N.json) in ${folder}`, `none (${names.length} other file(s))`, 'rerun the part with --shard I/N and --reports pointing here');
    for (const name of records) {
      const recordFile = path.join(folder, name);
      let record: unknown;
      try {
        record = JSON.parse(await readFile(recordFile, 'utf8'));
      } catch (error) {
        throw bad('a readable JSON shard record', `${recordFile}: ${(error as Error).message}`, 'rerun that part; the file is damaged');
      }
      if (!isRecord(record)) throw bad(`a shard record of format ${RECORD_FORMAT}`, `${recordFile} does not match it`, 'rerun that part with this version of cpct');
      const { blobFile } = shardFiles({ dir, shard: record.shard });
      if (!names.includes(path.basename(blobFile))) throw bad(`the blob report ${path.basename(blobFile)} beside ${name}`, `it is missing from ${folder}`, 'rerun that part; the blob holds its results');
      found.push({ record, recordFile, blobFile });
    }
  }
  return found;
}

/**
 * Checks the parts make one whole run: the same N, every part 1..N exactly once, and the same seed, target, SDK
 * version, --grep and --strict-output (parts that differ would report a run nobody made).
 */
export function checkShardSet({ shards }: { shards: readonly FoundShard[] }): void {
  const first = shards[0];
  if (!first) throw bad('at least one shard record', 'none', 'pass the --reports DIR of each part');
  const describe = (s: FoundShard) => `${s.record.shard.index}/${s.record.shard.count} (${s.recordFile})`;
  const counts = new Set(shards.map((s) => s.record.shard.count));
  if (counts.size > 1) throw bad('parts of one sharded run (one N)', shards.map(describe).join(', '), 'delete stale shard/ files from earlier runs, or pass only the directories of this run');
  const byIndex = new Map<number, FoundShard>();
  for (const s of shards) {
    const twin = byIndex.get(s.record.shard.index);
    if (twin) throw bad(`each part once`, `part ${s.record.shard.index}/${s.record.shard.count} twice: ${twin.recordFile} and ${s.recordFile}`, 'pass each part\'s directory once');
    byIndex.set(s.record.shard.index, s);
  }
  const count = first.record.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw bad(`all ${count} parts`, `no part ${missing.map((i) => `${i}/${count}`).join(', ')} among ${shards.map(describe).join(', ')}`, 'run the missing parts (or pass their directories) before merging');
  for (const key of ['seed', 'target', 'sdkVersion', 'grep', 'strictOutput'] as const) {
    const values = new Set(shards.map((s) => JSON.stringify(s.record[key])));
    if (values.size > 1) {
      throw bad(`parts run with the same ${key}`, shards.map((s) => `${s.record.shard.index}/${count}: ${JSON.stringify(s.record[key])}`).join(', '), 'rerun the parts with the same flags and target');
    }
  }
}

/** Copies the parts' blobs into `into` (vitest merges every file of one folder). */
export async function gatherBlobs({ shards, into }: { shards: readonly FoundShard[]; into: string }): Promise<void> {
  await ensureDir({ dir: into });
  for (const s of shards) await copyFile(s.blobFile, path.join(into, path.basename(s.blobFile)));
}
