import { CreateDomainCommand, CreateDomainLayoutCommand, CustomerProfilesClient, GetDomainLayoutCommand, ListDomainLayoutsCommand } from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/errors.ts';
import { applyFault, FAULTS, VARIATIONS } from '../../harness/mock/faults/apply.ts';
import { openTarget } from '../../harness/targets/index.ts';

/** A client on the embedded target with `fault` / `variation`, and a domain holding three layouts a, b, c. */
async function setup({ fault, variation }: { fault?: string; variation?: string }) {
  const target = openTarget({ spec: { kind: 'embedded', fault, variation }, optional: [] });
  const client = new CustomerProfilesClient(target.clientConfig());
  await client.send(new CreateDomainCommand({ DomainName: 'd', DefaultExpirationDays: 3 }));
  for (const name of ['a', 'b', 'c']) {
    await client.send(new CreateDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: name, DisplayName: 'L', Description: 'x', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' }));
  }
  return client;
}

describe('FAULTS', () => {
  it('have unique names, a description and at least one intended catcher each', () => {
    const names = FAULTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FAULTS) {
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.caughtBy.length).toBeGreaterThan(0);
    }
    expect(FAULTS.length).toBeGreaterThanOrEqual(25);
  });

  it('tokens-forever: the last page carries a token, and following it gives empty pages with new tokens', async () => {
    const client = await setup({ fault: 'tokens-forever' });
    const first = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 100 }));
    expect(first.Items?.map((i) => i.LayoutDefinitionName)).toEqual(['a', 'b', 'c']);
    expect(first.NextToken).toBeDefined();
    const next = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', NextToken: first.NextToken }));
    expect(next.Items).toEqual([]);
    expect(next.NextToken).toBeDefined();
    expect(next.NextToken).not.toBe(first.NextToken);
  });

  it('ignores-max-results: a page holds more items than MaxResults', async () => {
    const client = await setup({ fault: 'ignores-max-results' });
    const page = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 1 }));
    expect(page.Items).toHaveLength(3);
  });

  it('drops-last-item: the last page loses its last item', async () => {
    const client = await setup({ fault: 'drops-last-item' });
    const page = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd' }));
    expect(page.Items?.map((i) => i.LayoutDefinitionName)).toEqual(['a', 'b']);
  });

  it('version-never-changes: every layout response says Version "1"', async () => {
    const client = await setup({ fault: 'version-never-changes' });
    expect((await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'b' }))).Version).toBe('1');
  });

  it('second-default-kept works through mock options, not a wrapper', () => {
    expect(applyFault({ fault: 'second-default-kept' })).toEqual({ mockOptions: { secondDefaultClearsFirst: false }, wrapHandle: undefined });
  });
});

describe('VARIATIONS', () => {
  it('opaque-token-format: tokens change form and still page through every item', async () => {
    const client = await setup({ variation: 'opaque-token-format' });
    const first = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 2 }));
    expect(first.NextToken?.startsWith('v2~')).toBe(true);
    const second = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 2, NextToken: first.NextToken }));
    expect([...(first.Items ?? []), ...(second.Items ?? [])].map((i) => i.LayoutDefinitionName)).toEqual(['a', 'b', 'c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('have unique names', () => {
    expect(new Set(VARIATIONS.map((v) => v.name)).size).toBe(VARIATIONS.length);
  });
});

describe('applyFault', () => {
  it('throws a HarnessError naming the known faults given an unknown name', () => {
    expect(() => applyFault({ fault: 'nope' })).toThrow(HarnessError);
    expect(() => applyFault({ variation: 'nope' })).toThrow(/a variation name/);
  });
});
