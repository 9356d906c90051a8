import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { checkShardSet, findShards, gatherBlobs, RECORD_FORMAT, shardFiles, writeShardRecord, type FoundShard, type ShardRecord } from '../../harness/run/shard.ts';

function record(over: Partial<ShardRecord> = {}): ShardRecord {
  return { format: RECORD_FORMAT, shard: { index: 1, count: 2 }, target: 'embedded', startedAt: '2026-11-28T00:00:00.000Z', sdkVersion: '3.1019.0', seed: 1, runId: 'aaaa0000', grep: null, strictOutput: false, sessions: [], ...over };
}
const found = (over: Partial<ShardRecord>): FoundShard => ({ record: record(over), recordFile: `/r/${over.shard?.index ?? 1}`, blobFile: '/b' });

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

describe('checkShardSet', () => {
  it('returns quietly given parts 1..N of one run', () => {
    expect(() => checkShardSet({ shards: [found({ shard: { index: 2, count: 2 } }), found({ shard: { index: 1, count: 2 } })] })).not.toThrow();
  });

  it('throws naming the missing parts given 1/3 and 3/3', () => {
    const m = messageOf(() => checkShardSet({ shards: [found({ shard: { index: 1, count: 3 } }), found({ shard: { index: 3, count: 3 } })] }));
    expect(m).toMatch(/^merge: expected all 3 parts; saw no part 2\/3 among 1\/3 .*, 3\/3 .*; run the missing parts/);
  });

  it('throws given parts of different N, a part twice, or none', () => {
    expect(messageOf(() => checkShardSet({ shards: [found({ shard: { index: 1, count: 2 } }), found({ shard: { index: 2, count: 3 } })] }))).toContain('parts of one sharded run (one N)');
    expect(messageOf(() => checkShardSet({ shards: [found({ shard: { index: 1, count: 1 } }), found({ shard: { index: 1, count: 1 } })] }))).toContain('each part once');
    expect(messageOf(() => checkShardSet({ shards: [] }))).toContain('at least one shard record');
  });

  it.each([
    ['seed', { seed: 2 }],
    ['target', { target: 'endpoint http://127.0.0.1:4566' }],
    ['sdkVersion', { sdkVersion: '3.1000.0' }],
    ['grep', { grep: '^LAYOUT' }],
    ['strictOutput', { strictOutput: true }],
  ] as const)('throws naming %s given parts that differ in it', (key, over) => {
    const m = messageOf(() => checkShardSet({ shards: [found({ shard: { index: 1, count: 2 } }), found({ shard: { index: 2, count: 2 }, ...over })] }));
    expect(m).toContain(`expected parts run with the same ${key}`);
  });
});

describe('findShards', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-shard-unit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns each record with its blob given a directory holding two parts', async () => {
    for (const index of [1, 2]) {
      const r = record({ shard: { index, count: 2 } });
      await writeShardRecord({ dir, record: r });
      await writeFile(shardFiles({ dir, shard: r.shard }).blobFile, '[]');
    }
    const shards = await findShards({ dirs: [dir] });
    expect(shards.map((s) => [s.record.shard.index, path.basename(s.blobFile)])).toEqual([
      [1, 'blob-1-2.json'],
      [2, 'blob-2-2.json'],
    ]);
    await gatherBlobs({ shards, into: path.join(dir, 'gathered') });
    expect((await readdir(path.join(dir, 'gathered'))).sort()).toEqual(['blob-1-2.json', 'blob-2-2.json']);
  });

  it('throws saying what to pass given a directory without shard/', async () => {
    expect(await rejection(findShards({ dirs: [dir] }))).toMatch(/^merge: expected a part's reports directory holding shard\/ .*; saw no .*shard; pass the --reports DIR of each part/);
  });

  it('throws given a record without its blob, a damaged record, or a record of another format', async () => {
    await writeShardRecord({ dir, record: record() });
    expect(await rejection(findShards({ dirs: [dir] }))).toContain('expected the blob report blob-1-2.json beside cpct-shard-1-2.json');
    await writeFile(shardFiles({ dir, shard: { index: 1, count: 2 } }).blobFile, '[]');
    await writeFile(shardFiles({ dir, shard: { index: 1, count: 2 } }).recordFile, '{ not json');
    expect(await rejection(findShards({ dirs: [dir] }))).toContain('expected a readable JSON shard record');
    await writeFile(shardFiles({ dir, shard: { index: 1, count: 2 } }).recordFile, JSON.stringify({ ...record(), format: 'other/9' }));
    expect(await rejection(findShards({ dirs: [dir] }))).toContain('expected a shard record of format cpct-shard/2');
    // A record of the first format (before --strict-output existed) says nothing about it: rerun, do not guess.
    const { strictOutput: _dropped, ...firstFormat } = record();
    await writeFile(shardFiles({ dir, shard: { index: 1, count: 2 } }).recordFile, JSON.stringify({ ...firstFormat, format: 'cpct-shard/1' }));
    expect(await rejection(findShards({ dirs: [dir] }))).toContain('rerun that part with this version of cpct');
  });

  it('throws given a shard/ folder with no record', async () => {
    await mkdir(path.join(dir, 'shard'));
    await writeFile(path.join(dir, 'shard', 'blob-1-2.json'), '[]');
    expect(await rejection(findShards({ dirs: [dir] }))).toContain('expected shard records (cpct-shard-I-N.json)');
  });
});
