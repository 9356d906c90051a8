import { CreateDomainCommand, CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { createContractRunner } from '../../harness/run/runner.ts';
import { openTarget } from '../../harness/targets/index.ts';

/**
 * The embedded implementation lives at the run's reference clock, so a run is a function of (seed, clock): the
 * calculated contracts with time windows, whose data is placed around the reference clock, pass at any clock. With
 * the wall clock instead they failed for a clock months away ("compared no profile").
 */
const REFERENCE = Date.parse('2024-03-01T12:00:00.000Z');

describe('openTarget (embedded)', () => {
  it('returns a target whose clock and whose timestamps start at the reference clock given clockMs', async () => {
    const target = openTarget({ spec: { kind: 'embedded' }, optional: [], clockMs: REFERENCE });
    const client = new CustomerProfilesClient(target.clientConfig());
    try {
      const created = await client.send(new CreateDomainCommand({ DomainName: 'cpct-clock-test', DefaultExpirationDays: 30 }));
      const at = created.CreatedAt!.getTime();
      expect(at).toBeGreaterThanOrEqual(REFERENCE);
      expect(at - REFERENCE).toBeLessThan(60_000);
      expect(target.now!() - REFERENCE).toBeLessThan(60_000);
    } finally {
      client.destroy();
      await target.close();
    }
  });

  it('returns a target on the wall clock given no clockMs', () => {
    const target = openTarget({ spec: { kind: 'embedded' }, optional: [] });
    expect(Math.abs(target.now!() - Date.now())).toBeLessThan(5_000);
  });
});

describe('createContractRunner (embedded, reference clock months from now)', () => {
  it('returns every calculated contract with a time window passing given a reference clock of 2024-03-01', async () => {
    const runner = await createContractRunner({ grep: /^CALC-WIN-/ });
    try {
      const results = await runner.run({ config: { runId: 'c10c0c10', seed: 3, clockMs: REFERENCE, target: { kind: 'embedded' }, optional: [] } });
      expect(results.length).toBeGreaterThanOrEqual(5);
      expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.reason.slice(0, 200)}`)).toEqual([]);
    } finally {
      await runner.close();
    }
  }, 120_000);
});
