import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDir } from '../../harness/fs-dirs.ts';
import { consumerLockfile, type Lockfile } from './consumer-lock.ts';
import { cleanEnv, ROOT, startCli } from './run-cli.ts';

/**
 * The package as a user gets it: pack the tarball, install it into a fresh project offline from the npm cache (a
 * lockfile derived from ours, so no registry is asked), then use every face of it from there: the msw handlers and
 * the SDK requestHandler under vitest (the examples of docs/testing-your-code.md, copied out of the page), createMock
 * from plain node, `npx cpct-mock` with one SDK call over HTTP (the page's CI example), and `npx cpct --replay`.
 * Slow (a pack and an install), so everything shares one install.
 */
const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const STEP_MS = 180_000;
const MAX_BUFFER = 16 * 1024 * 1024;
/** Dummy credentials and a region for the consumer's clients; cleanEnv drops the real ones. */
const AWS_ENV = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const NPM_ENV = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

/** The consumer's direct dependencies besides the package: what docs/testing-your-code.md tells users to install. */
async function consumerDeps(): Promise<Record<string, string>> {
  const own = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  return { '@aws-sdk/client-customer-profiles': own.devDependencies['@aws-sdk/client-customer-profiles'], msw: own.dependencies.msw, vitest: own.dependencies.vitest };
}

/** The fenced blocks of a page marked with `file=NAME`, by name. */
function examplesOf({ markdown }: { markdown: string }): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of markdown.matchAll(/^```[a-z]+ file=(\S+)\n([\s\S]*?)^```$/gm)) out.set(m[1], m[2]);
  return out;
}

/**
 * The one SDK call `npm test` makes in the consumer under the CI example: the endpoint comes from the environment,
 * and a middleware refuses any host but loopback, so a client that ignored the variable fails instead of going out.
 */
const SDK_CALL = `import { CreateDomainCommand, CustomerProfilesClient, GetDomainCommand } from '@aws-sdk/client-customer-profiles';
const client = new CustomerProfilesClient({});
client.middlewareStack.add((next) => async (args) => {
  if (args.request.hostname !== '127.0.0.1') throw new Error('refusing to send to ' + args.request.hostname);
  return next(args);
}, { step: 'finalizeRequest' });
await client.send(new CreateDomainCommand({ DomainName: 'ci-domain', DefaultExpirationDays: 12 }));
const got = await client.send(new GetDomainCommand({ DomainName: 'ci-domain' }));
console.log('sdk-call ' + JSON.stringify({ domain: got.DomainName, days: got.DefaultExpirationDays }));
`;

/** The plain-node ESM script: createMock without vitest, tsx or a bundler. */
const PLAIN_NODE = `import { createMock } from 'customer-profiles-conformance/mock';
import { generateProfileBundle } from 'customer-profiles-conformance/generators';
import { CreateDomainCommand, GetDomainCommand } from '@aws-sdk/client-customer-profiles';
const client = createMock().client();
await client.send(new CreateDomainCommand({ DomainName: 'plain-node', DefaultExpirationDays: 2 }));
const got = await client.send(new GetDomainCommand({ DomainName: 'plain-node' }));
const records = generateProfileBundle({ seed: 7, clockMs: Date.UTC(2026, 0, 1), index: 0 });
console.log(JSON.stringify({ domain: got.DomainName, days: got.DefaultExpirationDays, generated: records.length }));
`;

let work: string | undefined;
let project = '';
const env = (extra: Record<string, string> = {}) => cleanEnv({ ...NPM_ENV, ...extra });
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'cpct-pack-'));
  await exec(NPM, ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, env: env(), maxBuffer: MAX_BUFFER });
  const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pack: expected a .tgz in ${work}; saw none; run npm pack by hand to see why`);
  const bytes = await readFile(path.join(work, tarball));
  project = path.join(work, 'consumer');
  await ensureDir({ dir: path.join(project, 'test') });
  const extra = await consumerDeps();
  const own = JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const spec = `file:../${tarball}`;
  const lock = consumerLockfile({ own, pkg, tarball: spec, integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`, extra });
  await writeFile(path.join(project, 'package-lock.json'), JSON.stringify(lock, null, 2));
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'cpct-consumer', version: '1.0.0', private: true, type: 'module', scripts: { test: 'node sdk-call.mjs' }, dependencies: { [pkg.name]: spec, ...extra } }, null, 2),
  );
  const examples = examplesOf({ markdown: await readFile(path.join(ROOT, 'docs', 'testing-your-code.md'), 'utf8') });
  for (const [name, text] of examples) await writeFile(path.join(project, name), text);
  await writeFile(path.join(project, 'sdk-call.mjs'), SDK_CALL);
  await writeFile(path.join(project, 'plain.mjs'), PLAIN_NODE);
  // --offline: every tarball must come from the npm cache (filled by this project's own `npm ci`).
  await exec(NPM, ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project, env: env(), maxBuffer: MAX_BUFFER });
}, STEP_MS);

describe('the packed package installed into a fresh project', () => {
  it('links cpct and cpct-mock and no tsx into the project', async () => {
    const bins = await readdir(path.join(project, 'node_modules', '.bin'));
    expect(bins).toEqual(expect.arrayContaining(['cpct', 'cpct-mock']));
    expect(bins).not.toContain('tsx');
    expect(existsSync(path.join(project, 'node_modules', 'customer-profiles-conformance', 'LICENSE'))).toBe(true);
  });

  it('runs a plain-node ESM script that uses createMock and the generators', async () => {
    const { stdout } = await exec(process.execPath, ['plain.mjs'], { cwd: project, env: env(AWS_ENV), timeout: STEP_MS });
    expect(JSON.parse(stdout)).toEqual({ domain: 'plain-node', days: 2, generated: expect.any(Number) });
    expect(JSON.parse(stdout).generated).toBeGreaterThan(0);
  });

  it('runs the vitest examples of docs/testing-your-code.md (msw handlers, SDK requestHandler)', async () => {
    const examples = [...examplesOf({ markdown: await readFile(path.join(ROOT, 'docs', 'testing-your-code.md'), 'utf8') }).keys()].filter((f) => f.endsWith('.test.ts'));
    expect(examples).toEqual(['test/profiles-msw.test.ts', 'test/profiles-handler.test.ts']);
    const out = path.join(project, 'vitest.json');
    await exec(NPX, ['--no', '--', 'vitest', 'run', '--reporter=json', `--outputFile=${out}`], { cwd: project, env: env(AWS_ENV), timeout: STEP_MS, maxBuffer: MAX_BUFFER });
    const report = JSON.parse(await readFile(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: { name: string; status: string }[] };
    expect(report.testResults.map((r) => [path.relative(project, r.name), r.status]).sort()).toEqual(examples.map((f) => [f, 'passed']).sort());
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(2);
  }, STEP_MS);

  it('runs the CI example: npx cpct-mock --port 0, then one SDK call over HTTP through the endpoint variable', async () => {
    const { stdout } = await exec('bash', ['-e', 'ci-with-mock.sh'], { cwd: project, env: env({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }), timeout: STEP_MS, maxBuffer: MAX_BUFFER });
    expect(stdout).toContain('sdk-call {"domain":"ci-domain","days":12}');
    expect(await readFile(path.join(project, 'cpct-mock.log'), 'utf8')).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  }, STEP_MS);

  it('runs npx cpct --replay from the tapes shipped in the package and writes reports/ under the project', async () => {
    // One contract file keeps this quick (every contract of layouts.contract.ts, and only those, is LAYOUT-…: a tape
    // replays only under a --grep that takes its file whole); all the committed tapes replay in replay-committed.integ.test.ts.
    const run = startCli({ command: [NPX, '--no', '--', 'cpct'], args: ['--replay', '--grep', '^LAYOUT-'], cwd: project, timeoutMs: STEP_MS });
    const { code } = await run.exit;
    expect(code, `${run.stdout()}\n${run.stderr()}`).toBe(0);
    const report = JSON.parse(await readFile(path.join(project, 'reports', 'conformance.json'), 'utf8'));
    expect(report.target).toMatch(/^replay /);
    expect(report.summary.fail).toBe(0);
    expect(report.summary.pass).toBeGreaterThan(5);
  }, STEP_MS);
});
