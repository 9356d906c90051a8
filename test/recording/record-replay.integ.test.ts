/**
 * Record then replay through the contract runner in this process (one vitest instance serves every run, as in the
 * self-test): against the standalone reference server over real loopback HTTP.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { scanRecordings } from '../../harness/recording/scan.ts';
import { tapeFiles } from '../../harness/recording/tape.ts';
import type { RunConfig } from '../../harness/run/config.ts';
import { buildReport, type CollectedResult } from '../../harness/run/report.ts';
import { createContractRunner, type ContractRunner } from '../../harness/run/runner.ts';
import { ACCESS_KEY_ID, ACCOUNT, OTHER_ACCOUNT, REAL_EMAIL } from './planted.ts';

/**
 * A small slice of the suite in one contract file (a waiter, several writes and reads of the same resource), so that
 * each in-process replay takes about a second; five identical replays show the replay is deterministic.
 */
const GREP = /^LAYOUT-(CREATE|TAGS|UPDATE|DEFAULT-01|VERSION)/;
/** Only the file holding them runs (the others would be collected for nothing, every run). */
const AREAS = ['layouts'];
const REPLAYS = 5;
const FIXED_START = new Date('2025-06-09T00:00:00.000Z');

let server: MockServer;
let runner: ContractRunner;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-rr-'));
  dirs.push(dir);
  return dir;
}

function liveConfig({ url, recordings, runId }: { url: string; recordings: string; runId: string }): RunConfig {
  return {
    runId,
    seed: 7,
    clockMs: Date.parse('2025-06-01T12:00:00.000Z'),
    target: { kind: 'endpoint', url, region: 'us-east-1', credentials: { accessKeyId: 'CPCTDUMMYACCESSKEY00', secretAccessKey: 'cpct-dummy-secret-access-key' } },
    optional: [],
    record: { dir: recordings, targetKind: 'endpoint', region: 'us-east-1', accountIds: [] },
    outbox: tempDir(),
  };
}

function replayConfig({ recordings }: { recordings: string }): RunConfig {
  // Seed, clock and run id are deliberately wrong here: each session must take them from its tape.
  return { runId: 'ffffffff', seed: 999, clockMs: 0, target: { kind: 'replay', dir: recordings, tapeKind: 'endpoint' }, optional: [], outbox: tempDir() };
}

/** conformance.json of a run without its timings (startedAt fixed, durations zeroed). */
function reportWithoutTimings(results: CollectedResult[]): string {
  const report = buildReport({ target: 't', startedAt: FIXED_START, sdkVersion: 's', seed: 0, results });
  return JSON.stringify({ ...report, results: report.results.map((r) => ({ ...r, durationMs: 0 })) });
}

const statuses = (results: CollectedResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

beforeAll(async () => {
  server = await startMockServer({ port: 0 });
  runner = await createContractRunner({ grep: GREP });
}, 60_000);

afterAll(async () => {
  await runner?.close();
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('record and replay', () => {
  it('returns the live outcome contract by contract given a replay of what was recorded, five times over with identical reports', async () => {
    const recordings = tempDir();
    const live = await runner.run({ config: liveConfig({ url: server.url, recordings, runId: 'a1b2c3d4' }), areas: AREAS });
    expect(live.length).toBeGreaterThanOrEqual(6);
    expect(live.filter((r) => r.status === 'pass').length).toBeGreaterThan(0);
    expect(tapeFiles({ dir: path.join(recordings, 'endpoint') }).map((f) => path.basename(f)).sort()).toEqual(['layouts.contract.json']);

    const first = await runner.run({ config: replayConfig({ recordings }), areas: AREAS });
    expect(statuses(first)).toEqual(statuses(live));
    const reference = reportWithoutTimings(first);
    for (let i = 1; i < REPLAYS; i++) {
      const again = await runner.run({ config: replayConfig({ recordings }), areas: AREAS });
      expect(reportWithoutTimings(again)).toBe(reference);
    }
  }, 120_000);

  it('returns a failure naming the unrecorded request given a tape whose contract changed', async () => {
    const recordings = tempDir();
    await runner.run({ config: liveConfig({ url: server.url, recordings, runId: 'b1b2c3d4' }), areas: AREAS });
    const results = await runner.run({ config: replayConfig({ recordings }), areas: AREAS });
    expect(results.every((r) => !/ReplayMismatch|replay: expected/.test(r.reason))).toBe(true);
    // Without its CreateDomainLayout entries the tape has no answer for the contract's create.
    const file = path.join(recordings, 'endpoint', 'layouts.contract.json');
    const tape = JSON.parse(readFileSync(file, 'utf8'));
    tape.interactions = tape.interactions.filter((i: { operation?: string }) => i.operation !== 'CreateDomainLayout');
    writeFileSync(file, JSON.stringify(tape));
    const broken = await runner.run({ config: replayConfig({ recordings }), areas: AREAS });
    const create = broken.find((r) => r.id === 'LAYOUT-CREATE-01');
    expect(create?.status).toBe('fail');
    expect(create?.reason).toContain('replay: expected a request recorded in');
    expect(create?.reason).toContain('POST /domains/cpct-b1b2c3d4-layouts/layouts/');
  }, 60_000);

  it('leaves no planted account id, access key id, e-mail or spaced phone number in the tapes given responses and headers that carry them', async () => {
    // A proxy in front of the server adds secrets to every JSON response, as a misbehaving service might.
    // The free text and header of issue 19: the spaced phone number once reached every tape.
    const planted = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/leak owner ${REAL_EMAIL} tel +1 415 555 2671 key ${ACCESS_KEY_ID}`;
    const proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const upstream = http.request(`${server.url}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            let text = Buffer.concat(body).toString('utf8');
            if (text.startsWith('{')) text = JSON.stringify({ ...JSON.parse(text), LeakyNote: planted, OwnerAccountId: ACCOUNT });
            const headers = { ...up.headers, 'content-length': String(Buffer.byteLength(text)), 'x-amzn-leak': `acct=${OTHER_ACCOUNT} ${ACCESS_KEY_ID}` };
            res.writeHead(up.statusCode ?? 500, headers);
            res.end(text);
          });
        });
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const recordings = tempDir();
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const live = await runner.run({ config: liveConfig({ url, recordings, runId: 'c1b2c3d4' }), areas: AREAS });
      expect(live.length).toBeGreaterThan(0);
      const files = tapeFiles({ dir: recordings });
      expect(files.length).toBe(1);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const leaked of [ACCOUNT, OTHER_ACCOUNT, ACCESS_KEY_ID, REAL_EMAIL, '415 555 2671', '4155552671']) expect(text).not.toContain(leaked);
        // The planted member is still there, scrubbed: the sanitizer replaced the values, not the responses.
        expect(text).toContain('LeakyNote');
      }
      expect(scanRecordings({ dir: recordings })).toEqual([]);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 60_000);
});
