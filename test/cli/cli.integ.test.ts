import { CustomerProfilesClient, ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { runCli, startCli } from './run-cli.ts';

/**
 * The CLI as a user runs it (`node bin/cpct.js`, i.e. `npx cpct`): exit codes, the report file, the summary, live
 * endpoints, NA for declared-optional operations, and the SIGINT sweep against the standalone server.
 */

const CLI_TIMEOUT = 120_000;
let dir: string;
let server: MockServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-cli-'));
  // The assumed "second default clears the first" behaviour switched on, so every contract passes on this server.
  server = await startMockServer({ options: { secondDefaultClearsFirst: true } });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function domainsOn(url: string): Promise<string[]> {
  const client = new CustomerProfilesClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  try {
    return ((await client.send(new ListDomainsCommand({ MaxResults: 100 }))).Items ?? []).map((i) => i.DomainName ?? '');
  } finally {
    client.destroy();
  }
}

describe('cpct usage errors', () => {
  it.each([
    [['--bogus'], 'unknown flag --bogus; see --help'],
    [['--endpoint', 'not a url'], '--endpoint to be an absolute URL'],
    [['--target', 'aws'], 'CPCT_ALLOW_AWS=1'],
    [['--replay', '--recordings', '/nonexistent/cpct-tapes'], 'a recordings directory at /nonexistent/cpct-tapes'],
    [['--reports', '/dev/null/reports'], 'a writable reports directory'],
  ])('exits 2 with an expected / saw / what-to-do message given %j', async (args, fragment) => {
    const { code, stdout, stderr } = await runCli({ args, timeoutMs: CLI_TIMEOUT });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    // The component prefix names who refused: the CLI, the AWS guard, the replay.
    expect(stderr).toMatch(/^(cpct|aws|replay): expected .*; saw .*; .+/);
    expect(stderr).toContain(fragment);
  });

  it('exits 2 given an endpoint nothing listens on', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stderr } = await runCli({ args: ['--endpoint', `http://127.0.0.1:${port}`], timeoutMs: CLI_TIMEOUT });
    expect(code).toBe(2);
    expect(stderr).toContain(`expected a server answering HTTP at http://127.0.0.1:${port}; saw ECONNREFUSED`);
  });

  it('exits 0 and prints the usage given --help', async () => {
    const { code, stdout } = await runCli({ args: ['--help'], timeoutMs: CLI_TIMEOUT });
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: cpct [flags]');
  });
});

describe('cpct against the embedded reference implementation', () => {
  // A plain run (exit 0, the summary, conformance.json with every contract passing) is shard.integ's whole run, which
  // it also compares with a sharded and merged one.

  it('exits 1 given --strict and a failing assumed contract, 0 without --strict', async () => {
    const args = ['--fault', 'version-never-changes', '--grep', '^LAYOUT-VERSION-02 '];
    expect((await runCli({ args: [...args, '--reports', path.join(dir, 'lenient')], timeoutMs: CLI_TIMEOUT })).code).toBe(0);
    expect((await runCli({ args: ['--strict', ...args, '--reports', path.join(dir, 'strict')], timeoutMs: CLI_TIMEOUT })).code).toBe(1);
  });

  // A fault a must contract catches (exit 1, the FAIL line, only the --grep contracts reported) is main.integ's
  // 'returns 1 with the failure in the summary...', through the same runCli in process.

  it('exits 2 given a --grep that selects nothing', async () => {
    const { code, stderr } = await runCli({ args: ['--grep', 'NO-SUCH-CONTRACT', '--reports', path.join(dir, 'none')], timeoutMs: CLI_TIMEOUT });
    expect(code).toBe(2);
    expect(stderr).toContain('at least one contract matching --grep');
  });
});

describe('cpct against the standalone server', () => {
  it('exits 0 with every contract passing and leaves no domain of the run behind', async () => {
    const reports = path.join(dir, 'endpoint');
    const { code, stdout } = await runCli({ args: ['--endpoint', server.url, '--reports', reports], timeoutMs: CLI_TIMEOUT });
    expect(code, stdout).toBe(0);
    const report = JSON.parse(await readFile(path.join(reports, 'conformance.json'), 'utf8'));
    expect(report.target).toBe(`endpoint ${server.url}`);
    expect(report.summary.fail).toBe(0);
    expect((await domainsOn(server.url)).filter((d) => d.startsWith('cpct-'))).toEqual([]);
  });

  it('exits 130 on SIGINT and deletes every domain the run created (the sweep)', async () => {
    const run = startCli({ args: ['--endpoint', server.url, '--reports', path.join(dir, 'interrupted')], timeoutMs: CLI_TIMEOUT });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(await domainsOn(server.url)).some((d) => d.startsWith('cpct-'))) await new Promise((r) => setTimeout(r, 20));
    expect((await domainsOn(server.url)).some((d) => d.startsWith('cpct-'))).toBe(true);
    run.child.kill('SIGINT');
    const { code } = await run.exit;
    expect(code, run.stderr()).toBe(130);
    expect(run.stderr()).toContain('cpct: interrupted');
    expect((await domainsOn(server.url)).filter((d) => d.startsWith('cpct-'))).toEqual([]);
  });
});

describe('cpct NA rule', () => {
  let proxy: http.Server;
  let proxyUrl: string;
  beforeAll(async () => {
    // Refuses every layout operation as the real service does outside the Connect admin website; forwards the rest.
    proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        if (/\/layouts(\/|\?|$)/.test(req.url ?? '')) {
          res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' });
          res.end(JSON.stringify({ Message: 'This API can only be invoked from the Amazon Connect admin website' }));
          return;
        }
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${server.url}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body: req.method === 'GET' ? undefined : body });
        const headers: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (k !== 'content-length' && k !== 'connection' && k !== 'keep-alive') headers[k] = v;
        });
        res.writeHead(answer.status, headers);
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  const grep = '^(LAYOUT-TAGS-01|WIRE-OK-ListDomainLayouts|WIRE-OK-GetProfileObjectType) ';

  it('reports NA for refused operations declared --optional, and passes the rest', async () => {
    const reports = path.join(dir, 'na');
    const optional = 'CreateDomainLayout,GetDomainLayout,ListDomainLayouts,UpdateDomainLayout,DeleteDomainLayout';
    const { code, stdout } = await runCli({ args: ['--endpoint', proxyUrl, '--optional', optional, '--grep', grep, '--reports', reports], timeoutMs: CLI_TIMEOUT });
    expect(code, stdout).toBe(0);
    const report = JSON.parse(await readFile(path.join(reports, 'conformance.json'), 'utf8'));
    const status = Object.fromEntries(report.results.map((r: { id: string; status: string }) => [r.id, r.status]));
    expect(status).toEqual({ 'LAYOUT-TAGS-01': 'na', 'WIRE-OK-ListDomainLayouts': 'na', 'WIRE-OK-GetProfileObjectType': 'pass' });
    expect(report.results.find((r: { id: string }) => r.id === 'LAYOUT-TAGS-01').reason).toContain('CreateDomainLayout is optional for this target and was refused: AccessDeniedException');
  });

  it('fails a refused operation that is not declared optional, saying how to declare it', async () => {
    const { code, stdout } = await runCli({ args: ['--endpoint', proxyUrl, '--grep', grep, '--reports', path.join(dir, 'not-na')], timeoutMs: CLI_TIMEOUT });
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL LAYOUT-TAGS-01 [must]');
    expect(stdout).toContain('pass --optional CreateDomainLayout');
  });
});
