/**
 * Records tapes from the embedded reference implementation, optionally with one fault of the catalogue applied, the
 * way the self-test runs it (same mock options): what the drift proofs and the bench compare.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ContractRunner } from '../run/runner.ts';
import type { CollectedResult } from '../run/report.ts';
import { BASELINE_OPTIONS } from '../run/selftest.ts';

/** Runs the contract files (`areas`, or all) on the embedded target and writes their tapes to `<dir>/<targetKind>/`. */
export async function recordEmbedded({ runner, dir, targetKind = 'mock', fault, seed, clockMs, runId, areas }: {
  runner: ContractRunner;
  dir: string;
  targetKind?: string;
  fault?: string;
  seed: number;
  clockMs: number;
  runId: string;
  areas?: readonly string[];
}): Promise<CollectedResult[]> {
  const outbox = await mkdtemp(path.join(os.tmpdir(), 'cpct-drift-rec-'));
  try {
    return await runner.run({
      config: {
        runId,
        seed,
        clockMs,
        target: { kind: 'embedded', ...(fault ? { fault } : {}), mockOptions: BASELINE_OPTIONS },
        optional: [],
        record: { dir, targetKind, region: 'us-east-1', accountIds: [] },
        outbox,
      },
      ...(areas ? { areas } : {}),
    });
  } finally {
    await rm(outbox, { recursive: true, force: true });
  }
}
