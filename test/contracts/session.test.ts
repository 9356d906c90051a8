import { CreateDomainLayoutCommand, GetDomainLayoutCommand, ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { operationOfError, seenError } from '../../harness/contracts/service-errors.ts';
import { openSession, runDomainName } from '../../harness/contracts/session.ts';
import { attempt } from '../../harness/contracts/waiters.ts';
import type { RunConfig, SessionReport } from '../../harness/run/config.ts';

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const CLOCK_MS = Date.parse('2025-06-09T00:00:00.000Z');
const report = ({ outbox, area }: { outbox: string; area: string }) => JSON.parse(readFileSync(path.join(outbox, `${area}.json`), 'utf8')) as SessionReport;
const layoutInput = (domain: string, name: string, Layout = '{}') => ({ DomainName: domain, LayoutDefinitionName: name, Description: 'd', DisplayName: 'Shown', LayoutType: 'PROFILE_EXPLORER' as const, Layout });

describe('runDomainName', () => {
  it('returns cpct-<runId>-<label> given a short label', () => {
    expect(runDomainName({ runId: 'ab12cd34', label: 'layouts' })).toBe('cpct-ab12cd34-layouts');
  });

  it('throws naming the name given a label that makes it longer than 64 characters', () => {
    // 'cpct-ab12cd34-' is 14 characters: a 51-character label makes 65.
    expect(() => runDomainName({ runId: 'ab12cd34', label: 'x'.repeat(51) })).toThrow(/^contracts: expected a domain name .* of at most 64 characters; saw "cpct-ab12cd34-x+"; shorten the label$/);
    expect(runDomainName({ runId: 'ab12cd34', label: 'x'.repeat(50) })).toHaveLength(64);
  });
});

describe('openSession', () => {
  it('returns a session on the embedded target with its domain, counters, timing and labelled errors; close deletes its domains and leaves a report', async () => {
    const outbox = tmp('cpct-outbox-');
    const config: RunConfig = { runId: 'a1b2c3d4', seed: 7, clockMs: CLOCK_MS, target: { kind: 'embedded' }, optional: [], outbox };
    const before = Date.now();
    const s = await openSession({ config, area: 'probe' });
    expect(s.domain).toBe('cpct-a1b2c3d4-probe');
    expect(s.config).toBe(config);
    expect(await s.createDomain({ label: 'extra' })).toBe('cpct-a1b2c3d4-extra');
    const listed = (await s.client.send(new ListDomainsCommand({}))).Items?.map((i) => i.DomainName).sort();
    expect(listed).toEqual(['cpct-a1b2c3d4-extra', 'cpct-a1b2c3d4-probe']);
    expect([s.sequence({ of: 'layout' }), s.sequence({ of: 'layout' }), s.sequence({ of: 'type' })]).toEqual([1, 2, 1]);
    // The embedded implementation lives at the run's reference clock, advancing with the wall clock.
    const now = s.now();
    expect(now).toBeGreaterThanOrEqual(CLOCK_MS);
    expect(now - CLOCK_MS).toBeLessThanOrEqual(Date.now() - before);
    let polls = 0;
    expect(await s.waitUntil({ description: 'a count', poll: async () => ++polls, accept: (n) => n >= 1 })).toBe(1);

    // Every error the client throws names its operation (the NA rule needs it).
    const error = await s.client.send(new GetDomainLayoutCommand({ DomainName: s.domain, LayoutDefinitionName: 'nope' })).catch((e: unknown) => e);
    expect(operationOfError({ error })).toBe('GetDomainLayout');
    expect(seenError({ error })).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    // A Layout over 256 characters travels to the report emptied, its keys kept.
    await s.client.send(new CreateDomainLayoutCommand(layoutInput(s.domain, 'long', 'y'.repeat(300))));
    expect(s.wire.violations().filter((v) => v.severity === 'error')).toEqual([]);
    await s.close();

    const r = report({ outbox, area: 'probe' });
    expect(r.area).toBe('probe');
    expect(r.calls).toEqual({ CreateDomain: 2, ListDomains: 1, GetDomainLayout: 1, CreateDomainLayout: 1, DeleteDomain: 2 });
    const deletes = (r.exchanges ?? []).filter((e) => e.operation === 'DeleteDomain');
    expect(deletes.map((e) => [e.request.path, e.response.status])).toEqual([
      ['/domains/cpct-a1b2c3d4-extra', 200],
      ['/domains/cpct-a1b2c3d4-probe', 200],
    ]);
    const created = (r.exchanges ?? []).find((e) => e.operation === 'CreateDomainLayout')!;
    expect(JSON.parse(String(created.request.body ?? '{}'))).toMatchObject({ Layout: '', DisplayName: 'Shown' });
    expect(JSON.parse(String(created.response.body))).toMatchObject({ Layout: '', LayoutDefinitionName: 'long' });
    const notFound = (r.exchanges ?? []).find((e) => e.operation === 'GetDomainLayout')!;
    expect(Object.keys(notFound.response.headers ?? {}).sort()).toEqual(['content-type', 'x-amzn-errortype']);
    expect(r.tape).toBeUndefined();
    expect(r.recorded).toBeUndefined();
  });

  it('records a tape on close given a record config, and a replay session of it reproduces the recorded run offline', async () => {
    const recordings = tmp('cpct-session-tapes-');
    const outbox = tmp('cpct-outbox-');
    const recorded: RunConfig = {
      runId: 'feedbeef',
      seed: 11,
      clockMs: CLOCK_MS,
      target: { kind: 'embedded' },
      optional: [],
      record: { dir: recordings, targetKind: 'endpoint', region: 'us-east-1', accountIds: [] },
      outbox,
    };
    const live = await openSession({ config: recorded, area: 'tapeprobe' });
    const made = await live.client.send(new CreateDomainLayoutCommand(layoutInput(live.domain, 'l1')));
    const seen = await live.waitUntil({
      description: 'layout l1 to be visible',
      poll: () => attempt({ call: () => live.client.send(new GetDomainLayoutCommand({ DomainName: live.domain, LayoutDefinitionName: 'l1' })) }),
      accept: (a) => a.ok,
    });
    // A second read, as a waiter's second poll would send it.
    await live.client.send(new GetDomainLayoutCommand({ DomainName: live.domain, LayoutDefinitionName: 'l1' }));
    await live.close();
    const file = path.join(recordings, 'endpoint', 'tapeprobe.contract.json');
    expect(report({ outbox, area: 'tapeprobe' }).recorded).toMatchObject({ file, interactions: 5 });
    expect(existsSync(file)).toBe(true);

    // The replay session takes run id, seed and clock from the tape, whatever the run's own config says.
    const replayOutbox = tmp('cpct-outbox-');
    const replay = await openSession({ config: { runId: '00000000', seed: 1, clockMs: 0, target: { kind: 'replay', dir: recordings, tapeKind: 'endpoint' }, optional: [], outbox: replayOutbox }, area: 'tapeprobe' });
    expect(replay.config).toMatchObject({ runId: 'feedbeef', seed: 11, clockMs: CLOCK_MS });
    expect(replay.domain).toBe(live.domain);
    // "now" is the recorded time of the last answer (its Date header); the in-process mock sends none, so it is the
    // tape's reference clock, not the wall clock.
    expect(replay.now()).toBe(CLOCK_MS);
    const again = await replay.client.send(new CreateDomainLayoutCommand(layoutInput(replay.domain, 'l1')));
    expect(again.Version).toBe(made.Version);
    // Two recorded reads: the wait's first poll takes the first, its second poll only the entry right after it.
    let polls = 0;
    const polled = await replay.waitUntil({
      description: 'layout l1 to be read twice',
      poll: () => attempt({ call: () => replay.client.send(new GetDomainLayoutCommand({ DomainName: replay.domain, LayoutDefinitionName: 'l1' })) }),
      accept: (a) => a.ok && ++polls === 2,
    });
    expect(polled.ok && seen.ok && polled.value.LayoutDefinitionName).toBe('l1');
    await replay.close();
    const r = report({ outbox: replayOutbox, area: 'tapeprobe' });
    expect(r.unused).toEqual([]);
    expect(r.tape).toMatchObject({ file, targetKind: 'endpoint', notes: [] });
    expect(r.calls).toEqual({ CreateDomain: 1, CreateDomainLayout: 1, GetDomainLayout: 2, DeleteDomain: 1 });
  });

  it('rejects naming the missing tape given a replay target without a tape for the file', async () => {
    const empty = tmp('cpct-session-empty-');
    const config: RunConfig = { runId: '00000000', seed: 1, clockMs: 0, target: { kind: 'replay', dir: empty, tapeKind: 'endpoint' }, optional: [] };
    await expect(openSession({ config, area: 'nothing' })).rejects.toThrow(`replay: expected a tape for nothing.contract.ts at ${path.join(empty, 'endpoint', 'nothing.contract.json')}; saw no such file`);
  });

  it('rejects on close naming the tape, and reports the error in the outbox, given a tape it cannot write', async () => {
    const outbox = tmp('cpct-outbox-');
    const config: RunConfig = {
      runId: 'deadbeef',
      seed: 1,
      clockMs: CLOCK_MS,
      target: { kind: 'embedded' },
      optional: [],
      record: { dir: '/dev/null/cpct-tapes', targetKind: 'endpoint', region: 'us-east-1', accountIds: [] },
      outbox,
    };
    const s = await openSession({ config, area: 'unwritable' });
    await expect(s.close()).rejects.toThrow();
    expect(report({ outbox, area: 'unwritable' }).recorded).toMatchObject({ file: '/dev/null/cpct-tapes/endpoint/unwritable.contract.json', error: expect.any(String) });
  });
});
