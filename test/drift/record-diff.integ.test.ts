/**
 * `--record --diff DIR`: two record runs of the same contracts against the standalone reference server over loopback
 * HTTP, the second compared with the first in the same command. Other run ids and wall clocks, same shapes: exit 0,
 * drift.json with no difference; and a folder without tapes is a usage error (exit 2) before anything is recorded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../harness/drift/compare.ts';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { runCli } from '../../harness/run/main.ts';
import { PACKAGE_ROOT } from '../../harness/run/paths.ts';

const GREP = '^OBJTYPE-TEMPLATE-0[12]';
let server: MockServer;
let root: string;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli({ argv: args, env: {}, cwd: PACKAGE_ROOT, stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, onInterrupt: () => () => undefined, exitNow: () => undefined });
  return { code, out, err };
}

beforeAll(async () => {
  // As harness/cli.ts does: the SDK's Node-version notice would only add noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  server = await startMockServer({ port: 0 });
  root = mkdtempSync(path.join(os.tmpdir(), 'cpct-recdiff-'));
}, 30_000);

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('--record --diff', () => {
  it('returns 0 and a drift report with no difference given a second recording of the same contracts compared with the first', async () => {
    const first = await cli(['--record', '--endpoint', server.url, '--recordings', path.join(root, 'r1'), '--reports', path.join(root, 'rep1'), '--grep', GREP]);
    expect(first.code, first.err).toBe(0);
    const second = await cli(['--record', '--endpoint', server.url, '--recordings', path.join(root, 'r2'), '--reports', path.join(root, 'rep2'), '--grep', GREP, '--diff', path.join(root, 'r1', 'endpoint')]);
    expect(second.code, second.err + second.out).toBe(0);
    expect(second.out).toMatch(/No difference by shape over \d+ aligned interactions/);
    const report = JSON.parse(readFileSync(path.join(root, 'rep2', 'drift.json'), 'utf8')) as DriftReport;
    expect(report.pairs).toBeGreaterThan(0);
    expect(report.differences).toEqual([]);
    const bad = await cli(['--record', '--endpoint', server.url, '--recordings', path.join(root, 'r3'), '--reports', path.join(root, 'rep3'), '--grep', GREP, '--diff', path.join(root, 'nothing-here')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^drift: expected a folder of tapes at .*nothing-here/m);
    expect(bad.out).toBe('');
  }, 120_000);
});
