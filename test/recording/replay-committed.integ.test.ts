/**
 * The committed tapes (recordings/mock: the reference implementation recorded over HTTP) replay offline to the same
 * outcome as a live run of the embedded reference implementation, contract by contract.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveReplaySet } from '../../harness/recording/replay-set.ts';
import type { RunConfig } from '../../harness/run/config.ts';
import { createContractRunner } from '../../harness/run/runner.ts';
import { PACKAGE_ROOT } from '../../harness/run/paths.ts';
import type { CollectedResult } from '../../harness/run/report.ts';

const RECORDINGS = path.join(PACKAGE_ROOT, 'recordings');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const statuses = (results: CollectedResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

describe('recordings/mock', () => {
  it('returns the live embedded outcome contract by contract given a replay of the committed tapes', async () => {
    const set = resolveReplaySet({ dir: RECORDINGS });
    expect(set.kind).toBe('mock');
    expect(set.errors).toEqual([]);
    const outbox = () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-committed-'));
      dirs.push(dir);
      return dir;
    };
    const runner = await createContractRunner();
    try {
      const replayConfig: RunConfig = { runId: 'ffffffff', seed: 1, clockMs: 0, target: { kind: 'replay', dir: set.root, tapeKind: set.kind }, optional: [], outbox: outbox() };
      const replayed = await runner.run({ config: replayConfig });
      const meta = set.tapes[0].tape.meta;
      const live = await runner.run({ config: { runId: 'e0e0e0e0', seed: meta.seed, clockMs: Date.now(), target: { kind: 'embedded' }, optional: [], outbox: outbox() } });
      expect(replayed.length).toBe(live.length);
      expect(replayed.filter((r) => r.status === 'pass').length).toBeGreaterThan(100);
      expect(statuses(replayed)).toEqual(statuses(live));
    } finally {
      await runner.close();
    }
  }, 120_000);
});
