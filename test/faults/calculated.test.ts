import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BatchGetCalculatedAttributeForProfileCommand,
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  GetCalculatedAttributeDefinitionCommand,
  GetCalculatedAttributeForProfileCommand,
  ListProfileObjectsCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  UpdateCalculatedAttributeDefinitionCommand,
  type CreateCalculatedAttributeDefinitionRequest,
} from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../harness/mock/faults/catalogue.ts';
import { CALCULATED_FAULTS } from '../../harness/mock/faults/calculated.ts';
import { wireTools } from '../../harness/mock/faults/http.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS } from '../../harness/mock/index.ts';
import { inProcessHttpHandler } from '../../harness/targets/in-process-handler.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOMAIN = 'calc';
const TYPE = 'Tx';

/** A client on a fresh mock with the calculated fault `name` applied from outside (not through the catalogue). */
function faulty({ name }: { name: string }): CustomerProfilesClient {
  const fault = CALCULATED_FAULTS.find((f) => f.name === name);
  if (!fault) throw new Error(`no calculated fault ${name}`);
  const plan = fault.build(wireTools());
  const mock = createMock({ options: plan.mockOptions });
  const requestHandler = plan.wrapHandle ? inProcessHttpHandler({ handle: plan.wrapHandle((request) => mock.handle(request)) }) : mock.requestHandler;
  return new CustomerProfilesClient({ endpoint: IN_PROCESS_ENDPOINT, region: 'us-east-1', credentials: { ...MOCK_CREDENTIALS }, requestHandler, maxAttempts: 1 });
}

/** A domain with object type Tx (key `id`, profile key `acc`), one profile, and `objects` put in order. */
async function setup({ client, objects }: { client: CustomerProfilesClient; objects: Record<string, unknown>[] }): Promise<string> {
  await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 3 }));
  await client.send(
    new PutProfileObjectTypeCommand({
      DomainName: DOMAIN,
      ObjectTypeName: TYPE,
      Description: 'transactions',
      AllowProfileCreation: true,
      Fields: {
        id: { Source: '_source.id', Target: `${TYPE}.id` },
        acc: { Source: '_source.acc', Target: '_profile.AccountNumber' },
      },
      Keys: { _id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }], _account: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['acc'] }] },
    }),
  );
  const { ProfileId } = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, AccountNumber: 'A1' }));
  for (const o of objects) await client.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: TYPE, Object: JSON.stringify({ acc: 'A1', ...o }) }));
  return ProfileId!;
}

const definition = (name: string, spec: Partial<CreateCalculatedAttributeDefinitionRequest>): CreateCalculatedAttributeDefinitionCommand =>
  new CreateCalculatedAttributeDefinitionCommand({
    DomainName: DOMAIN,
    CalculatedAttributeName: name,
    Statistic: 'SUM',
    AttributeDetails: { Attributes: [{ Name: 'v' }], Expression: `{${TYPE}.v}` },
    UseHistoricalData: true,
    ...spec,
  });

/** Contract ids declared in the calculated contract files (read as text: importing them needs a vitest run). */
function calculatedContractIds(): Set<string> {
  const dir = path.join(ROOT, 'specs', 'contracts');
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => /^calculated-.*\.contract\.ts$/.test(f))) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/'(CALC-[A-Z0-9-]+)'/g)) ids.add(m[1]);
  }
  return ids;
}

describe('CALCULATED_FAULTS', () => {
  it('have unique names unused by the rest of the catalogue, a description, and catchers that are calculated contract ids', () => {
    const names = CALCULATED_FAULTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const others = new Set(FAULTS.filter((f) => !CALCULATED_FAULTS.includes(f)).map((f) => f.name));
    expect(names.filter((n) => others.has(n))).toEqual([]);
    const ids = calculatedContractIds();
    expect(ids.size).toBeGreaterThan(40);
    for (const f of CALCULATED_FAULTS) {
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.caughtBy.length).toBeGreaterThan(0);
      expect(f.caughtBy.filter((id) => !ids.has(id)), f.name).toEqual([]);
    }
  });

  it('name every calculated contract id as a catcher at least once', () => {
    const named = new Set(CALCULATED_FAULTS.flatMap((f) => f.caughtBy));
    // NOTFOUND is caught by the catalogue's not-found-as-500 (and by calc-delete-does-nothing, which answers an unknown name with success).
    expect([...calculatedContractIds()].filter((id) => !named.has(id)).sort()).toEqual(['CALC-DEF-NOTFOUND-01']);
  });
});

describe('calc-first-last-swapped', () => {
  it('returns the last value for FIRST_OCCURRENCE given two objects, while Get shows FIRST_OCCURRENCE as sent', async () => {
    const client = faulty({ name: 'calc-first-last-swapped' });
    const profileId = await setup({ client, objects: [{ id: 'a' }, { id: 'b' }] });
    await client.send(definition('first', { Statistic: 'FIRST_OCCURRENCE', AttributeDetails: { Attributes: [{ Name: 'id' }], Expression: `{${TYPE}.id}` } }));
    const got = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'first' }));
    expect(got.Statistic).toBe('FIRST_OCCURRENCE');
    const value = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'first', ProfileId: profileId }));
    expect(value.Value).toBe('b');
  });
});

describe('calc-min-max-swapped', () => {
  it('keeps showing the Statistic sent on Update given an update of the Conditions', async () => {
    const client = faulty({ name: 'calc-min-max-swapped' });
    await setup({ client, objects: [] });
    await client.send(definition('max', { Statistic: 'MAXIMUM' }));
    const updated = await client.send(new UpdateCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'max', Conditions: { Range: { Value: 3, Unit: 'DAYS' } } }));
    expect(updated.Statistic).toBe('MAXIMUM');
    expect(updated.Conditions).toEqual({ Range: { Value: 3, Unit: 'DAYS' } });
  });
});

describe('calc-object-count-oldest', () => {
  it('uses the oldest objects given ObjectCount 2 over three, and shows Conditions as sent', async () => {
    const client = faulty({ name: 'calc-object-count-oldest' });
    const profileId = await setup({ client, objects: [] });
    await client.send(definition('last2', { Conditions: { ObjectCount: 2 } }));
    for (const [id, v] of [['a', 1], ['b', 10], ['c', 100]] as const) {
      await client.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: TYPE, Object: JSON.stringify({ acc: 'A1', id, v }) }));
    }
    // By hand: the two most recent are 10 + 100 = 110; the two oldest, 1 + 10 = 11.
    const value = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'last2', ProfileId: profileId }));
    expect(value.Value).toBe('11');
    const got = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'last2' }));
    expect(got.Conditions).toEqual({ ObjectCount: 2 });
  });
});

describe('calc-iso-offsets-ignored', () => {
  it('stores an ISO timestamp without its offset given one with +05:00 and one with -0800', async () => {
    const client = faulty({ name: 'calc-iso-offsets-ignored' });
    const profileId = await setup({ client, objects: [{ id: 'a', at: '2025-01-01T10:00:00+05:00', z: '2025-01-01T10:00:00Z' }, { id: 'b', at: '2025-01-01T10:00:00.123-0800' }] });
    const out = await client.send(new ListProfileObjectsCommand({ DomainName: DOMAIN, ObjectTypeName: TYPE, ProfileId: profileId }));
    expect(out.Items?.map((i) => JSON.parse(i.Object ?? '{}') as Record<string, string>).map((o) => [o.at, o.z])).toEqual([
      ['2025-01-01T10:00:00', '2025-01-01T10:00:00Z'],
      ['2025-01-01T10:00:00.123', undefined],
    ]);
  });
});

describe('calc-batch-drops-ids', () => {
  it('answers 101 profile ids without an error and lists no unknown id in Errors', async () => {
    const client = faulty({ name: 'calc-batch-drops-ids' });
    const profileId = await setup({ client, objects: [{ id: 'a', v: 2 }] });
    await client.send(definition('sum', {}));
    const ids = [profileId, ...Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(32, '0'))];
    const out = await client.send(new BatchGetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'sum', ProfileIds: ids }));
    expect(out.Errors).toEqual([]);
    expect(out.CalculatedAttributeValues?.map((v) => [v.ProfileId, v.Value])).toEqual([[profileId, '2']]);
  });
});

describe('calc-never-ready', () => {
  it('works through a mock option, not a wrapper', () => {
    const plan = CALCULATED_FAULTS.find((f) => f.name === 'calc-never-ready')!.build(wireTools());
    expect(plan).toEqual({ mockOptions: { calculatedAttributeReadyAfterMs: 86_400_000 } });
  });
});

describe('calc-timestamp-format-required', () => {
  it('refuses a Range with a TimestampSource and no TimestampFormat with BadRequestException, and accepts one with a format', async () => {
    const client = faulty({ name: 'calc-timestamp-format-required' });
    await setup({ client, objects: [] });
    await expect(client.send(definition('noformat', { Conditions: { Range: { Unit: 'DAYS', TimestampSource: `{${TYPE}.at}` } } }))).rejects.toMatchObject({ name: 'BadRequestException' });
    const ok = await client.send(definition('withformat', { Conditions: { Range: { Unit: 'DAYS', TimestampSource: `{${TYPE}.at}`, TimestampFormat: 'ISO_8601' } } }));
    expect(ok.Conditions?.Range?.TimestampFormat).toBe('ISO_8601');
  });
});

describe('calc-threshold-inverted', () => {
  it('returns "false" where SUM 5 GREATER_THAN 1 holds', async () => {
    const client = faulty({ name: 'calc-threshold-inverted' });
    const ProfileId = await setup({ client, objects: [{ id: '1', v: 5 }] });
    await client.send(definition('thr', { Conditions: { Threshold: { Value: '1', Operator: 'GREATER_THAN' } } }));
    const out = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'thr', ProfileId }));
    expect(out.Value).toBe('false');
  });
});

describe('calc-missing-object-type-accepted and calc-fields-ignored', () => {
  it('work through mock options, not wrappers', () => {
    const plan = (name: string) => CALCULATED_FAULTS.find((f) => f.name === name)!.build(wireTools());
    expect(plan('calc-missing-object-type-accepted')).toEqual({ mockOptions: { calculatedAttributeAnyObjectType: true } });
    expect(plan('calc-fields-ignored')).toEqual({ mockOptions: { calculatedAttributeSourcePathsOnly: true } });
  });
});

describe('calc-timestamp-difference-seconds', () => {
  it('returns the difference of two ISO 8601 timestamps in seconds', async () => {
    const client = faulty({ name: 'calc-timestamp-difference-seconds' });
    const ProfileId = await setup({ client, objects: [{ id: '1', end: '2025-01-01T00:01:00Z', start: '2025-01-01T00:00:00Z' }] });
    await client.send(definition('diff', { AttributeDetails: { Attributes: [{ Name: 'end' }, { Name: 'start' }], Expression: `{${TYPE}.end} - {${TYPE}.start}` } }));
    const out = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'diff', ProfileId }));
    expect(out.Value).toBe('60');
  });
});

describe('calc-values-skewed', () => {
  it('returns each numeric Value plus one on Get and BatchGet given a SUM of 1 + 10', async () => {
    const client = faulty({ name: 'calc-values-skewed' });
    const profileId = await setup({ client, objects: [{ id: 'a', v: 1 }, { id: 'b', v: 10 }] });
    await client.send(definition('sum', {}));
    const value = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'sum', ProfileId: profileId }));
    expect(value.Value).toBe('12');
    const batch = await client.send(new BatchGetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'sum', ProfileIds: [profileId] }));
    expect(batch.CalculatedAttributeValues?.[0]?.Value).toBe('12');
  });
});

describe('calc-object-count-ignored', () => {
  it('sums every object given ObjectCount 2 over three, and shows Conditions as sent', async () => {
    const client = faulty({ name: 'calc-object-count-ignored' });
    const profileId = await setup({ client, objects: [{ id: 'a', v: 1 }, { id: 'b', v: 10 }, { id: 'c', v: 100 }] });
    await client.send(definition('last2', { Conditions: { ObjectCount: 2 } }));
    const value = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'last2', ProfileId: profileId }));
    expect(value.Value).toBe('111');
    const got = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'last2' }));
    expect(got.Conditions).toEqual({ ObjectCount: 2 });
  });
});

describe('calc-filter-ignored', () => {
  it('counts every object given an INCLUSIVE filter that matches one of two, and shows the Filter as sent', async () => {
    const client = faulty({ name: 'calc-filter-ignored' });
    const profileId = await setup({ client, objects: [{ id: 'a', v: 1 }, { id: 'b', v: 10 }] });
    const Filter = { Include: 'ALL' as const, Groups: [{ Type: 'ALL' as const, Dimensions: [{ Attributes: { id: { DimensionType: 'INCLUSIVE' as const, Values: ['a'] } } }] }] };
    await client.send(definition('count', { Statistic: 'COUNT', AttributeDetails: { Attributes: [{ Name: 'id' }], Expression: `{${TYPE}.id}` }, Filter }));
    const value = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'count', ProfileId: profileId }));
    expect(value.Value).toBe('2');
    const got = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'count' }));
    expect(got.Filter).toEqual(Filter);
  });
});
