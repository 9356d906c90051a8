import { CustomerProfilesClient, ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { EXIT_INTERRUPTED, runCli, type CliIo } from '../../harness/run/main.ts';
import { PACKAGE_ROOT } from '../../harness/run/paths.ts';
import type { ConformanceReport } from '../../harness/run/report.ts';

/**
 * runCli in this process, with a fake CliIo: the same paths as `npx cpct` (cli.integ.test.ts runs the binary), here
 * so their outcome is checked where the runner, the reporters and the recorder run. Each run uses a narrow --grep to
 * stay within a few seconds; the contracts themselves run in the runner's worker threads.
 */

const TIMEOUT = 60_000;
let dir: string;
let server: MockServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-main-'));
  server = await startMockServer({ options: { secondDefaultClearsFirst: true } });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A CliIo over captured output; the SIGINT handler the CLI registers is kept for the test to call. */
function fakeIo({ argv, env = { CI: 'true' }, onStderr }: { argv: string[]; env?: Record<string, string>; onStderr?: (text: string) => void }) {
  let stdout = '';
  let stderr = '';
  const interrupts: (() => void)[] = [];
  const exitNow = vi.fn();
  const io: CliIo = {
    argv,
    env,
    cwd: dir,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        onStderr?.(t);
      },
      isTTY: false,
    },
    onInterrupt: (handler) => {
      interrupts.push(handler);
      return () => interrupts.splice(interrupts.indexOf(handler), 1);
    },
    exitNow,
  };
  return { io, out: () => stdout, err: () => stderr, interrupts, exitNow };
}

const readJson = async <T>(...parts: string[]): Promise<T> => JSON.parse(await readFile(path.join(...parts), 'utf8')) as T;

/** Contract files of the package, from the folder (the progress lines count them too). */
const CONTRACT_FILE_NAMES = readdirSync(path.join(PACKAGE_ROOT, 'specs', 'contracts')).filter((f) => f.endsWith('.contract.ts'));
const CONTRACT_FILES = CONTRACT_FILE_NAMES.length;

async function domainsOn(url: string): Promise<string[]> {
  const client = new CustomerProfilesClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  try {
    return ((await client.send(new ListDomainsCommand({ MaxResults: 100 }))).Items ?? []).map((i) => i.DomainName ?? '');
  } finally {
    client.destroy();
  }
}

describe('runCli usage', () => {
  it('returns 0 and prints the usage given --help', async () => {
    const run = fakeIo({ argv: ['--help'] });
    expect(await runCli(run.io)).toBe(0);
    expect(run.out()).toMatch(/^Usage: cpct \[flags\]/);
    expect(run.err()).toBe('');
  });

  it.each([
    [['--bogus'], /^cpct: expected a flag cpct knows; saw unknown flag --bogus; see --help$/m],
    [['--reports', '/dev/null/reports'], /^cpct: expected a writable reports directory at \/dev\/null\/reports; saw /],
    // mkdir({ recursive: true }) spins forever on /proc paths on Node 20.20; the CLI must answer at once instead.
    [['--reports', '/proc/forbidden'], /^cpct: expected a writable reports directory at \/proc\/forbidden; saw cannot create \/proc\/forbidden: ENOENT/],
    [['--record', '--endpoint', 'http://127.0.0.1:9', '--recordings', '/proc/forbidden/tapes', '--reports', os.tmpdir()], /^cpct: expected a writable recordings directory at \/proc\/forbidden\/tapes\/endpoint; saw cannot create/],
    [['--replay', '--recordings', '/nonexistent/cpct-tapes'], /^replay: expected a recordings directory at \/nonexistent\/cpct-tapes; saw no such directory/],
  ])('returns 2 with one expected / saw line on stderr given %j', async (argv, message) => {
    const run = fakeIo({ argv });
    expect(await runCli(run.io)).toBe(2);
    expect(run.err()).toMatch(message);
    expect(run.out()).toBe('');
  });

  it('returns 0 and the package, SDK and model versions given --version', async () => {
    const run = fakeIo({ argv: ['--version'] });
    expect(await runCli(run.io)).toBe(0);
    expect(run.out()).toMatch(/^customer-profiles-conformance \d+\.\d+\.\d+\n@aws-sdk\/client-customer-profiles 3\.1019\.0\nAPI model customer-profiles 2020-08-15, release 2026-04-16 /);
  });

  it('returns 0 and the matching contracts with level and operations given --list --grep, running nothing', async () => {
    const run = fakeIo({ argv: ['--list', '--grep', '^PAGE-MAX-'] });
    expect(await runCli(run.io)).toBe(0);
    const lines = run.out().trim().split('\n');
    expect(lines.filter((l) => l.startsWith('PAGE-MAX-'))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^4 of \d+ contracts \(4 must, 0 should, 0 assumed\)$/);
  });

  it('returns 2 before running any fault given --selftest --grep matching nothing', async () => {
    const run = fakeIo({ argv: ['--selftest', '--grep', 'nomatch', '--reports', path.join(os.tmpdir(), 'cpct-selftest-nomatch')] });
    expect(await runCli(run.io)).toBe(2);
    expect(run.err()).toMatch(/^cpct: expected at least one contract matching --grep; saw none matches \/nomatch\//);
    expect(run.out()).toBe('');
  });

  it('returns 2 naming the refused connection given an endpoint nothing listens on', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const run = fakeIo({ argv: ['--endpoint', `http://127.0.0.1:${port}`, '--reports', path.join(dir, 'closed')] });
    expect(await runCli(run.io)).toBe(2);
    expect(run.err()).toContain(`cpct: expected a server answering HTTP at http://127.0.0.1:${port}; saw ECONNREFUSED`);
  });
});

describe('runCli against the embedded implementation', () => {
  it('returns 1 with the failure in the summary and every report written, given a fault the selected contract catches', async () => {
    const reports = path.join(dir, 'fault');
    // No CI and no TTY: one progress line per finished contract file on stderr.
    const run = fakeIo({ argv: ['--fault', 'not-found-as-500', '--grep', '^WIRE-404-GetDomainLayout ', '--seed', '42', '--reports', reports], env: {} });
    expect(await runCli(run.io)).toBe(1);
    expect(run.out()).toContain('Customer Profiles conformance: embedded fault:not-found-as-500 (seed 42, run ');
    expect(run.out()).toContain('FAIL WIRE-404-GetDomainLayout [must]');
    expect(run.err()).toMatch(new RegExp(`^cpct: wire done; \\d+/\\d+ contracts, \\d+/${CONTRACT_FILES} files$`, 'm'));
    const report = await readJson<ConformanceReport>(reports, 'conformance.json');
    expect(report).toMatchObject({ target: 'embedded fault:not-found-as-500', seed: 42, summary: { pass: 0, fail: 1, na: 0, skip: 0 } });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['WIRE-404-GetDomainLayout', 'fail']]);
    const calls = await readJson<{ target: string; total: number; byOperation: Record<string, number> }>(reports, 'calls.json');
    // The session creates and deletes its domain around the one GetDomainLayout of an unknown name.
    expect(calls.target).toBe('embedded fault:not-found-as-500');
    expect(calls.byOperation).toMatchObject({ CreateDomain: 1, DeleteDomain: 1 });
    expect(calls.byOperation.GetDomainLayout).toBeGreaterThanOrEqual(1);
    for (const file of ['conformance.md', 'junit.xml', 'index.html', 'api-coverage.json']) expect(existsSync(path.join(reports, file)), file).toBe(true);
  }, TIMEOUT);

  // The fault adds a key with standard identifier AIR_TICKET, a value the model's enum does not list: a response
  // warning. WIRE-OK-DetectProfileObjectType checks only the wire, so the warning alone decides its verdict.
  const warned = ['--fault', 'detect-identifier-outside-enum', '--grep', '^WIRE-OK-DetectProfileObjectType '];

  it('returns 0 with the warning on the contract\'s row and in the summary, given answers whose only flaw is a warning', async () => {
    const reports = path.join(dir, 'warned');
    const run = fakeIo({ argv: [...warned, '--reports', reports] });
    expect(await runCli(run.io), run.err()).toBe(0);
    const report = await readJson<ConformanceReport>(reports, 'conformance.json');
    expect(report.summary).toEqual({ pass: 1, fail: 0, na: 0, skip: 0, warnings: 1, waitedMs: 0, waits: 0 });
    expect(run.out()).toContain('Waiting for the target to converge: 0.0 s in 0 wait(s)');
    expect(report.results[0]).toMatchObject({ id: 'WIRE-OK-DetectProfileObjectType', status: 'pass' });
    expect(report.results[0].warnings).toEqual([expect.stringMatching(/^DetectProfileObjectType body \/DetectedProfileObjectTypes\/0\/Keys\/cpctTicket\/0\/StandardIdentifiers\/0: expected one of .*; saw string "AIR_TICKET"$/)]);
    expect(run.out()).toContain('Response warnings: 1 in 1 contract(s)');
    expect(run.out()).toContain('which change no verdict without --strict-output');
  }, TIMEOUT);

  it('returns 1 with the contract failed naming its warning, given the same answers and --strict-output', async () => {
    const reports = path.join(dir, 'warned-strict');
    const run = fakeIo({ argv: [...warned, '--strict-output', '--reports', reports] });
    expect(await runCli(run.io), run.err()).toBe(1);
    const report = await readJson<ConformanceReport>(reports, 'conformance.json');
    expect(report.summary).toEqual({ pass: 0, fail: 1, na: 0, skip: 0, warnings: 1, waitedMs: 0, waits: 0 });
    expect(report.results[0].status).toBe('fail');
    expect(report.results[0].reason).toMatch(/^expected responses without warnings \(--strict-output\); saw 1 response warning\(s\): DetectProfileObjectType body .*"AIR_TICKET"$/);
    expect(run.out()).toContain('FAIL WIRE-OK-DetectProfileObjectType [must]');
    expect(run.out()).toContain('--strict-output: a contract with warnings fails and counts in the exit code');
  }, TIMEOUT);

  it('returns 130 on an interrupt, keeps the last complete reports, and writes the partial run to interrupted/ with every selected contract', async () => {
    const reports = path.join(dir, 'keep-previous');
    await mkdir(reports, { recursive: true });
    await writeFile(path.join(reports, 'conformance.json'), '{"previous":"complete run"}\n');
    const grep = '^(WIRE-404-GetDomainLayout|LAYOUT-CREATE-01|PAGE-MAX-ListDomainLayouts) ';
    let pressed = false;
    const run = fakeIo({
      argv: ['--grep', grep, '--reports', reports],
      env: {},
      onStderr: (text) => {
        // The first file that ran a selected contract is done (files holding none finish first, with 0 done).
        if (pressed || !/ done; [1-9]/.test(text)) return;
        pressed = true;
        run.interrupts[0]();
      },
    });
    expect(await runCli(run.io), `${run.out()}\n${run.err()}`).toBe(EXIT_INTERRUPTED);
    expect(await readFile(path.join(reports, 'conformance.json'), 'utf8')).toBe('{"previous":"complete run"}\n');
    const partial = await readJson<ConformanceReport>(reports, 'interrupted', 'conformance.json');
    expect(partial.results.map((r) => r.id).sort()).toEqual(['LAYOUT-CREATE-01', 'PAGE-MAX-ListDomainLayouts', 'WIRE-404-GetDomainLayout']);
    expect(partial.target).toMatch(/\(interrupted: \d of 3 contracts not run\)$/);
    expect(run.out()).toMatch(/Interrupted: \d of 3 contracts not run\. This partial run's reports are in .*interrupted; the reports of the last complete run in .* are kept\./);
    expect(run.err()).not.toMatch(/ done; 3\/3 contracts, /);
  }, TIMEOUT);

  it('returns 130 after cancelling the run on the first interrupt, and gives up the cleanup only on a later one', async () => {
    const reports = path.join(dir, 'interrupted');
    let pressed = false;
    const run = fakeIo({
      argv: ['--grep', '^(WIRE-404-GetDomainLayout|LAYOUT-CREATE-01) ', '--reports', reports],
      env: {},
      // The first file done: the user presses Ctrl-C, the terminal delivers it twice at once, and 5 s later (as the
      // clock says) the user presses again.
      onStderr: (text) => {
        if (pressed || !/ done; /.test(text)) return;
        pressed = true;
        run.interrupts[0]();
        run.interrupts[0]();
        expect(run.exitNow).not.toHaveBeenCalled();
        vi.spyOn(Date, 'now').mockReturnValueOnce(Date.now() + 5_000);
        run.interrupts[0]();
      },
    });
    expect(await runCli(run.io)).toBe(EXIT_INTERRUPTED);
    expect(pressed).toBe(true);
    expect(run.err()).toContain('cpct: interrupted; finishing the running contracts');
    expect(run.err()).toContain('cpct: cleanup abandoned; domains named cpct-<run id>-* may remain on the target');
    expect(run.exitNow).toHaveBeenCalledExactlyOnceWith(EXIT_INTERRUPTED);
    expect(run.interrupts).toEqual([]);
  }, TIMEOUT);
});

describe('runCli --record and --replay', () => {
  // Two contracts of the layouts file and one of the wire file.
  const grep = '^(LAYOUT-CREATE-01|LAYOUT-TAGS-01|WIRE-OK-GetProfileObjectType) ';
  const recordings = () => path.join(dir, 'tapes');

  it('returns 0, writes one clean tape per contract file that ran, and leaves no domain of the run on the server', async () => {
    const reports = path.join(dir, 'record');
    const run = fakeIo({ argv: ['--record', '--endpoint', server.url, '--recordings', recordings(), '--grep', grep, '--reports', reports] });
    expect(await runCli(run.io), run.err()).toBe(0);
    expect(run.err()).toMatch(/^cpct: recorded 2 tape\(s\) in .*tapes\/endpoint \(\d+ interactions\); every response matched the schemas$/m);
    expect(readdirSync(path.join(recordings(), 'endpoint')).sort()).toEqual(['layouts.contract.json', 'wire.contract.json']);
    const recording = await readJson<{ ok: boolean; targetKind: string; tapes: { file: string; flagged: unknown[] }[]; findings: unknown[]; failures: unknown[] }>(reports, 'recording.json');
    expect(recording).toMatchObject({ ok: true, targetKind: 'endpoint', findings: [], failures: [] });
    expect(recording.tapes.map((t) => [path.basename(t.file), t.flagged.length]).sort()).toEqual([['layouts.contract.json', 0], ['wire.contract.json', 0]]);
    const report = await readJson<ConformanceReport>(reports, 'conformance.json');
    expect(report.target).toBe(`endpoint ${server.url} (recording to tapes/endpoint)`);
    expect(report.results.map((r) => `${r.id} ${r.status}`).sort()).toEqual(['LAYOUT-CREATE-01 pass', 'LAYOUT-TAGS-01 pass', 'WIRE-OK-GetProfileObjectType pass']);
    expect((await domainsOn(server.url)).filter((d) => d.startsWith('cpct-'))).toEqual([]);
  }, TIMEOUT);

  it('returns 0 replaying part of the tapes, and names the unused entries and the unused tape', async () => {
    const reports = path.join(dir, 'replay');
    const run = fakeIo({ argv: ['--replay', '--recordings', recordings(), '--grep', '^LAYOUT-CREATE-01 ', '--reports', reports] });
    expect(await runCli(run.io), run.err()).toBe(0);
    const report = await readJson<ConformanceReport>(reports, 'conformance.json');
    expect(report.target).toMatch(/^replay tapes\/endpoint \(endpoint tapes: sdk 3\.\d+\.\d+, project \d+\.\d+\.\d+\)$/);
    expect(report.results.map((r) => `${r.id} ${r.status}`)).toEqual(['LAYOUT-CREATE-01 pass']);
    // LAYOUT-TAGS-01 was recorded in the same file and not replayed; the wire file did not run at all.
    expect(run.err()).toMatch(/^cpct: replay: \d+ tape entr(y was|ies were) not requested/m);
    expect(run.err()).toMatch(/^ {2}\S*tapes\/endpoint\/layouts\.contract\.json: \d+ unused$/m);
    expect(run.err()).toMatch(/^ {4}interactions\[\d+\] POST \/domains\/cpct-[0-9a-f]{8}-layouts\/layouts\/\S+ \(CreateDomainLayout\)$/m);
    expect(run.err()).toMatch(/^cpct: replay: 1 tape\(s\) not used by any contract file of this run: \S*tapes\/endpoint\/wire\.contract\.json$/m);
  }, TIMEOUT);
});

describe('runCli --shard and --merge', () => {
  it('returns 2 naming the number of contract files given more parts than files', async () => {
    const count = CONTRACT_FILES + 1;
    const run = fakeIo({ argv: ['--shard', `1/${count}`, '--reports', path.join(dir, 'too-many')] });
    expect(await runCli(run.io)).toBe(2);
    expect(run.err()).toBe(`cpct: expected --shard I/N with N at most the number of contract files (${CONTRACT_FILES}); saw --shard 1/${count}; use at most ${CONTRACT_FILES} parts\n`);
  }, TIMEOUT);

  // Every contract file ends with its wire contract, so each part has contracts to run however vitest splits the files.
  const grep = '^WIRE-EXCHANGES-';
  const expected = CONTRACT_FILE_NAMES.map((f) => `WIRE-EXCHANGES-${f.replace(/\.contract\.ts$/, '').toUpperCase()} pass`).sort();

  it('returns 0 for both parts and for the merge, whose report holds the contracts of both parts', async () => {
    const parts = await Promise.all(
      ['1/2', '2/2'].map(async (shard) => {
        const run = fakeIo({ argv: ['--shard', shard, '--grep', grep, '--seed', '3', '--reports', path.join(dir, `part${shard[0]}`)] });
        const code = await runCli(run.io);
        return { code, out: run.out(), err: run.err() };
      }),
    );
    for (const p of parts) expect(p.code, p.err).toBe(0);
    expect(parts[0].out).toMatch(/^Shard 1\/2: \d+ contracts \(.+\); record .*cpct-shard-1-2\.json\./m);
    const rows = async (name: string) => (await readJson<ConformanceReport>(dir, name, 'conformance.json')).results.map((r) => `${r.id} ${r.status}`);
    const part1 = await rows('part1');
    const part2 = await rows('part2');
    expect(part1.length).toBeGreaterThan(0);
    expect(part2.length).toBeGreaterThan(0);
    expect([...part1, ...part2].sort()).toEqual(expected);

    const merge = fakeIo({ argv: ['--merge', path.join(dir, 'part1'), path.join(dir, 'part2'), '--reports', path.join(dir, 'merged')] });
    expect(await runCli(merge.io), merge.err()).toBe(0);
    const merged = await readJson<ConformanceReport>(dir, 'merged', 'conformance.json');
    expect(merged.results.map((r) => `${r.id} ${r.status}`).sort()).toEqual(expected);
    expect(merged).toMatchObject({ target: 'embedded', seed: 3, summary: { pass: expected.length, fail: 0, na: 0, skip: 0 } });
    expect(merge.out()).toMatch(/merged from 2 parts/);
  }, TIMEOUT);

  it('returns 0 for a part --grep leaves empty, and a merge holding only the other part\'s contracts', async () => {
    const one = '^LAYOUT-TAGS-01 ';
    const parts = await Promise.all(
      ['1/2', '2/2'].map(async (shard) => {
        const run = fakeIo({ argv: ['--shard', shard, '--grep', one, '--reports', path.join(dir, `one-part${shard[0]}`)] });
        return { code: await runCli(run.io), err: run.err() };
      }),
    );
    for (const p of parts) expect(p.code, p.err).toBe(0);
    expect(parts.map((p) => p.err).join('')).toMatch(/no contract of part [12]\/2 matches/);
    const merge = fakeIo({ argv: ['--merge', path.join(dir, 'one-part1'), path.join(dir, 'one-part2'), '--reports', path.join(dir, 'one-merged')] });
    expect(await runCli(merge.io), merge.err()).toBe(0);
    expect((await readJson<ConformanceReport>(dir, 'one-merged', 'conformance.json')).results.map((r) => `${r.id} ${r.status}`)).toEqual(['LAYOUT-TAGS-01 pass']);
  }, TIMEOUT);

  it('returns 1 from a merge of parts run with --strict-output, applying it to the exit code and the summary', async () => {
    const strictGrep = '^(WIRE-EXCHANGES-|WIRE-OK-DetectProfileObjectType )';
    const parts = await Promise.all(
      ['1/2', '2/2'].map(async (shard) => {
        const run = fakeIo({ argv: ['--shard', shard, '--fault', 'detect-identifier-outside-enum', '--strict-output', '--grep', strictGrep, '--reports', path.join(dir, `strict-part${shard[0]}`)] });
        return { code: await runCli(run.io), err: run.err() };
      }),
    );
    // One part holds the wire file and fails on the warning; the other passes.
    expect(parts.map((p) => p.code).sort()).toEqual([0, 1]);
    const merge = fakeIo({ argv: ['--merge', path.join(dir, 'strict-part1'), path.join(dir, 'strict-part2'), '--reports', path.join(dir, 'strict-merged')] });
    expect(await runCli(merge.io), merge.err()).toBe(1);
    expect(merge.out()).toContain('--strict-output: a contract with warnings fails and counts in the exit code');
    const merged = await readJson<ConformanceReport>(dir, 'strict-merged', 'conformance.json');
    expect(merged.results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['WIRE-OK-DetectProfileObjectType']);
    expect(merged.summary.warnings).toBe(1);
  }, TIMEOUT);
});

