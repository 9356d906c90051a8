import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { runCli } from '../cli/run-cli.ts';

/**
 * Eventual consistency: against a target whose calculated attribute definitions take 200 ms to converge (Status
 * IN_PROGRESS, values with IsDataPartial "true" meanwhile), the calculated contracts wait within their bounds and
 * still pass. The server is the reference implementation on loopback with `calculatedAttributeReadyAfterMs`, reached
 * through `--endpoint`, so the waiters use the endpoint timing (bounded at 30 s).
 */
const TIMEOUT_MS = 120_000;
const READY_AFTER_MS = 200;

let server: MockServer | undefined;
let dir: string | undefined;
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('calculated contracts against a target that converges later', () => {
  it(
    `returns exit 0 with every calculated contract passing given definitions that converge after ${READY_AFTER_MS} ms`,
    async () => {
      server = await startMockServer({ options: { calculatedAttributeReadyAfterMs: READY_AFTER_MS } });
      dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-calc-converge-'));
      const { code, stdout, stderr } = await runCli({ args: ['--endpoint', server.url, '--grep', '^(CALC-|WIRE-EXCHANGES-CALC)', '--strict', '--reports', dir], timeoutMs: TIMEOUT_MS });
      const report = JSON.parse(await readFile(path.join(dir, 'conformance.json'), 'utf8')) as { results: { id: string; status: string; reason: string }[] };
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.reason.slice(0, 300)}`)).toEqual([]);
      expect(report.results.map((r) => r.id)).toContain('CALC-DEF-READY-01');
      expect(report.results.length).toBeGreaterThan(50);
      expect(code, `${stdout}\n${stderr}`).toBe(0);
    },
    TIMEOUT_MS + 10_000,
  );
});
