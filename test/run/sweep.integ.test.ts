import { CreateDomainCommand, CustomerProfilesClient, ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { sweepDomains } from '../../harness/run/sweep.ts';

describe('sweepDomains', () => {
  let server: MockServer;
  let client: CustomerProfilesClient;
  beforeAll(async () => {
    server = await startMockServer({});
    client = new CustomerProfilesClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('deletes the domains named cpct-<runId> or cpct-<runId>-*, and only those, on the standalone server', async () => {
    const names = ['cpct-aaaa1111', 'cpct-aaaa1111-layouts', 'cpct-aaaa1111-pg-calc', 'cpct-aaaa11112-other-run', 'cpct-bbbb2222-layouts', 'customer-domain'];
    for (const DomainName of names) await client.send(new CreateDomainCommand({ DomainName, DefaultExpirationDays: 1 }));
    const { deleted, problems } = await sweepDomains({ client, prefix: 'cpct-aaaa1111' });
    expect(problems).toEqual([]);
    expect(deleted.sort()).toEqual(['cpct-aaaa1111', 'cpct-aaaa1111-layouts', 'cpct-aaaa1111-pg-calc']);
    const left = (await client.send(new ListDomainsCommand({}))).Items?.map((i) => i.DomainName).sort();
    expect(left).toEqual(['cpct-aaaa11112-other-run', 'cpct-bbbb2222-layouts', 'customer-domain']);
  });
});
