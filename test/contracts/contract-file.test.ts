import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, type RunnerTestCase } from 'vitest';
import { GetDomainCommand } from '@aws-sdk/client-customer-profiles';
import { contractFile, describeWire, strictOutputViolation } from '../../harness/contracts/contract.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { RUN_CONFIG_KEY, type RunConfig } from '../../harness/run/config.ts';

/**
 * contractFile declares real vitest tests: here it runs inside this file, as it does inside a contract file. The run
 * configuration reaches it through vitest's inject(); this file provides it the way the runner's `provide` does, in
 * the worker's provided context, for the suites below only.
 */
const provided = (globalThis as unknown as { __vitest_worker__: { providedContext: Record<string, unknown> } }).__vitest_worker__.providedContext;

function provide(config: RunConfig): void {
  let before: unknown;
  beforeAll(() => {
    before = provided[RUN_CONFIG_KEY];
    provided[RUN_CONFIG_KEY] = config;
  });
  afterAll(() => {
    provided[RUN_CONFIG_KEY] = before;
  });
}

/** The outcome vitest and the collector see for a sibling contract of the running test. */
function outcomeOf(test: RunnerTestCase, id: string) {
  const task = test.suite!.tasks.find((t) => t.name.startsWith(`${id} `))!;
  // vitest keeps the reason given to skip() as the result's note.
  return { state: task.result?.state, note: (task.result as { note?: string } | undefined)?.note, meta: task.meta };
}

const refusal = (operation: string) =>
  Object.defineProperty(Object.assign(new Error('This API can only be invoked from the Amazon Connect admin website'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }), '$cpctOperation', { value: operation });

describe('contractFile on the embedded target', () => {
  provide({ runId: 'c0ffee00', seed: 5, clockMs: Date.parse('2025-06-09T00:00:00Z'), target: { kind: 'embedded' }, optional: ['CreateDomainLayout'] });
  const { contract, wireContract, fixture } = contractFile({ area: 'probe-file' });
  let made = 0;
  const domainOnce = fixture(async (session: Session) => {
    made += 1;
    return session.domain;
  });
  const spec = (id: string) => ({ id, title: `does ${id}`, operations: ['CreateDomainLayout'], level: 'must' as const, evidence: ['M-WIRE-PROTOCOL'] });

  contract(spec('PROBE-PASS-01'), async ({ session, note }) => {
    note('first note');
    note('second note');
    expect(await domainOnce()).toBe('cpct-c0ffee00-probe-file');
    expect(await domainOnce()).toBe(session.domain);
  });
  contract(spec('PROBE-SKIP-01'), async ({ skip }) => {
    skip('the target has no profiles to read');
  });
  contract(spec('PROBE-NA-01'), async () => {
    throw refusal('CreateDomainLayout');
  });
  wireContract();

  it('reports a pass with its notes, a skip with its reason, an NA for a refused optional operation, and the wire contract', (ctx) => {
    const pass = outcomeOf(ctx.task, 'PROBE-PASS-01');
    expect(pass.state).toBe('pass');
    expect(pass.meta.outcome).toEqual({ notes: ['first note', 'second note'] });
    const { evidence, source, ...rest } = pass.meta.contract!;
    expect(rest).toEqual({ id: 'PROBE-PASS-01', title: 'does PROBE-PASS-01', operations: ['CreateDomainLayout'], level: 'must', readsData: true, area: 'probe-file' });
    expect(evidence).toEqual([{ id: 'M-WIRE-PROTOCOL', kind: 'model', where: expect.stringMatching(/^https:\/\/github\.com\/aws\/api-models-aws\/.* \(com\.amazonaws\.customerprofiles#CustomerProfiles_20200815\)$/) }]);
    expect(source).toMatch(/^model: The service speaks the restJson1 protocol/);
    expect(made).toBe(1);
    expect(outcomeOf(ctx.task, 'PROBE-SKIP-01')).toMatchObject({ state: 'skip', note: 'the target has no profiles to read' });
    const na = outcomeOf(ctx.task, 'PROBE-NA-01');
    expect(na.state).toBe('skip');
    expect(na.meta.outcome?.na).toBe('CreateDomainLayout is optional for this target and was refused: AccessDeniedException: This API can only be invoked from the Amazon Connect admin website');
    const wire = outcomeOf(ctx.task, 'WIRE-EXCHANGES-PROBE-FILE');
    expect(wire.state).toBe('pass');
    expect(wire.meta.contract).toMatchObject({ id: 'WIRE-EXCHANGES-PROBE-FILE', level: 'must', operations: [] });
  });
});

describe('contractFile on a target that refuses CreateDomain', () => {
  let server: http.Server;
  const config: RunConfig = { runId: 'c0ffee01', seed: 5, clockMs: 0, target: { kind: 'endpoint', url: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }, optional: ['CreateDomain'] };
  beforeAll(async () => {
    // Every request refused as the real service refuses an operation it does not offer to this caller.
    server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' });
      res.end(JSON.stringify({ Message: 'not for you' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    (config.target as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  provide(config);
  const { contract, fixture } = contractFile({ area: 'refused' });
  const never = fixture(async () => 'made');
  contract({ id: 'REFUSED-SETUP-01', title: 'needs a domain', operations: ['GetDomainLayout'], level: 'must', evidence: ['M-WIRE-PROTOCOL'] }, async () => {
    throw new Error('the body must not run without a session');
  });

  it('reports NA for every contract, naming the refused setup operation, and rejects fixtures with the setup error', async (ctx) => {
    const na = outcomeOf(ctx.task, 'REFUSED-SETUP-01');
    expect(na.state).toBe('skip');
    expect(na.meta.outcome?.na).toBe('setup: CreateDomain is optional for this target and was refused: AccessDeniedException: not for you');
    await expect(never()).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('contractFile on a target whose answers carry response warnings', () => {
  // CreateDomain (the session's setup) and GetDomain answer with an empty tag map (TagMap has @length(min: 1)), and
  // GetDomain also with a member the model does not declare; GetDomain of "quiet" answers cleanly.
  let server: http.Server;
  const config: RunConfig = { runId: 'c0ffee02', seed: 5, clockMs: 0, target: { kind: 'endpoint', url: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }, optional: [] };
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      const name = decodeURIComponent((req.url ?? '').split('?')[0].split('/')[2] ?? '');
      const domain = { DomainName: name, CreatedAt: 1, LastUpdatedAt: 1 };
      const body =
        req.method === 'POST' ? { ...domain, DefaultExpirationDays: 0 }
        : req.method === 'DELETE' ? { Message: 'deleted' }
        : name === 'quiet' ? domain
        : { ...domain, DefaultExpirationDays: 0, Launched: true };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    (config.target as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  provide(config);
  const { contract, wireContract } = contractFile({ area: 'warned' });
  const spec = (id: string) => ({ id, title: `does ${id}`, operations: ['GetDomain'], level: 'must' as const, evidence: ['M-WIRE-PROTOCOL'] });
  contract(spec('WARNED-GET-01'), async ({ session }) => {
    await session.client.send(new GetDomainCommand({ DomainName: session.domain }));
  });
  contract(spec('WARNED-QUIET-01'), async ({ session }) => {
    await session.client.send(new GetDomainCommand({ DomainName: 'quiet' }));
  });
  contract(spec('WARNED-SKIP-01'), async ({ session, skip }) => {
    await session.client.send(new GetDomainCommand({ DomainName: session.domain }));
    skip('stopped after one call');
  });
  wireContract();

  // DefaultExpirationDays 0 breaks the model's range 1..1098: a warning under the response policy.
  const zeroDays = (operation: string) => `${operation} body /DefaultExpirationDays: expected number >= 1; saw number 0`;
  const launched = 'GetDomain body /Launched: expected only members the model declares; saw unknown member "Launched"';

  it('returns each contract the warnings of its own exchanges, and the wire contract those of the session setup', (ctx) => {
    const get = outcomeOf(ctx.task, 'WARNED-GET-01');
    expect(get.state).toBe('pass');
    expect([...(get.meta.outcome?.warnings ?? [])].sort()).toEqual([zeroDays('GetDomain'), launched]);
    const quiet = outcomeOf(ctx.task, 'WARNED-QUIET-01');
    expect(quiet.state).toBe('pass');
    expect(quiet.meta.outcome?.warnings).toBeUndefined();
    const skipped = outcomeOf(ctx.task, 'WARNED-SKIP-01');
    expect(skipped.state).toBe('skip');
    expect([...(skipped.meta.outcome?.warnings ?? [])].sort()).toEqual([zeroDays('GetDomain'), launched]);
    const wire = outcomeOf(ctx.task, 'WIRE-EXCHANGES-WARNED');
    expect(wire.state).toBe('pass');
    expect(wire.meta.outcome?.warnings).toEqual([zeroDays('CreateDomain')]);
    expect(wire.meta.outcome?.notes).toEqual(["5 response warning(s) in this file's exchanges: 4 reported on the contracts that received them, 1 on this contract (session setup)"]);
  });
});

describe('strictOutputViolation', () => {
  it('returns a contract failure naming the count and the first three warnings given four', () => {
    const v = strictOutputViolation({ warnings: ['w1', 'w2', 'w3', 'w4'] });
    expect(v.expected).toBe('responses without warnings (--strict-output)');
    expect(v.actual).toBe("4 response warning(s): w1 | w2 | w3 | … and 1 more (see the report's warnings)");
  });
});

describe('describeWire', () => {
  it('returns operation, part, pointer, expected and seen as one sentence', () => {
    expect(describeWire({ operation: 'GetDomainLayout', part: 'body', pointer: '/Version', expected: 'string', seen: 'number 2' })).toBe('GetDomainLayout body /Version: expected string; saw number 2');
    expect(describeWire({ operation: 'ListDomainLayouts', part: 'status', pointer: '', expected: '200', seen: '201' })).toBe('ListDomainLayouts status: expected 200; saw 201');
  });
});
