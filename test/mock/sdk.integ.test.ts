import http from 'node:http';
import {
  BatchGetCalculatedAttributeForProfileCommand,
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  DeleteCalculatedAttributeDefinitionCommand,
  DeleteDomainCommand,
  DeleteDomainLayoutCommand,
  DeleteProfileCommand,
  DeleteProfileObjectTypeCommand,
  DetectProfileObjectTypeCommand,
  GetCalculatedAttributeDefinitionCommand,
  GetCalculatedAttributeForProfileCommand,
  GetDomainCommand,
  GetDomainLayoutCommand,
  GetProfileObjectTypeCommand,
  GetProfileObjectTypeTemplateCommand,
  ListCalculatedAttributeDefinitionsCommand,
  ListCalculatedAttributesForProfileCommand,
  ListDomainLayoutsCommand,
  ListDomainsCommand,
  ListProfileObjectsCommand,
  ListProfileObjectTypesCommand,
  ListProfileObjectTypeTemplatesCommand,
  ListTagsForResourceCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  ResourceNotFoundException,
  SearchProfilesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateCalculatedAttributeDefinitionCommand,
  UpdateDomainLayoutCommand,
} from '@aws-sdk/client-customer-profiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { createMock, MOCK_CREDENTIALS } from '../../harness/mock/index.ts';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { CLIENT_OPERATIONS } from '../../harness/scope.ts';
import { attachWireValidation, type WireValidation } from '../../harness/wire-validation/index.ts';

/**
 * The real CustomerProfilesClient drives the reference implementation in both ways to run, through every operation
 * it implements, and every raw response passes the wire validator. Expected calculated values are worked out by
 * hand in the comments next to them.
 */

const ACCOUNT = '111122223333';
const DOMAIN = 'cpct-wire-sdk';
const T0 = Date.UTC(2025, 5, 9, 12, 0, 0);
const MINUTE = 60_000;
const schemas = createSchemaRegistry();

const bookingType = {
  ObjectTypeName: 'Booking',
  Description: 'Hotel bookings',
  AllowProfileCreation: false,
  Fields: {
    bookingId: { Source: '_source.bookingId', Target: 'Booking.bookingId', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    price: { Source: '_source.price', Target: 'Booking.price', ContentType: 'NUMBER' as const },
  },
  Keys: {
    bookingId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['bookingId'] }],
    // Named after the built-in search key, so the object finds the profile created with that EmailAddress.
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

function priceDefinition(name: string, statistic: 'SUM' | 'COUNT' | 'AVERAGE' | 'MAXIMUM', extra: Record<string, unknown> = {}) {
  return new CreateCalculatedAttributeDefinitionCommand({
    DomainName: DOMAIN,
    CalculatedAttributeName: name,
    DisplayName: name.replace(/_/g, ' '),
    AttributeDetails: { Attributes: [{ Name: 'price' }], Expression: '{Booking.price}' },
    Statistic: statistic,
    UseHistoricalData: true,
    ...extra,
  });
}

type Target = { client: CustomerProfilesClient; operations: readonly string[]; clock: ManualClock; close: () => Promise<void> };

async function inProcess(): Promise<Target> {
  const clock = new ManualClock({ startMs: T0 });
  const mock = createMock({ clock, options: { accountId: ACCOUNT }, schemas });
  return { client: mock.client(), operations: mock.service.operations, clock, close: async () => undefined };
}

async function standalone(): Promise<Target> {
  const clock = new ManualClock({ startMs: T0 });
  const server: MockServer = await startMockServer({ port: 0, clock, options: { accountId: ACCOUNT }, schemas });
  const client = new CustomerProfilesClient({ region: 'us-east-1', endpoint: server.url, credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
  return {
    client,
    operations: server.mock.service.operations,
    clock,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

describe.each([
  ['in-process', inProcess],
  ['standalone server', standalone],
] as const)('CustomerProfilesClient against the reference implementation (%s)', (_name, start) => {
  let target: Target;
  let validation: WireValidation;
  const called = new Set<string>();

  beforeAll(async () => {
    target = await start();
    validation = attachWireValidation({ client: target.client, registry: schemas, onExchange: ({ exchange }) => called.add(exchange.operation) });
  });
  afterAll(async () => {
    validation?.detach();
    await target?.close();
  });

  it('returns hand-computed results through every implemented operation, and every response passes the wire validator', async () => {
    const { client, clock } = target;
    const domainArn = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/${DOMAIN}`;

    // Domain
    const created = await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 30, Tags: { env: 'test' } }));
    expect(created.DomainName).toBe(DOMAIN);
    expect(created.CreatedAt?.getTime()).toBe(T0);
    const domain = await client.send(new GetDomainCommand({ DomainName: DOMAIN }));
    expect(domain.DefaultExpirationDays).toBe(30);
    const domains = await client.send(new ListDomainsCommand({ MaxResults: 10 }));
    expect(domains.Items?.map((d) => d.DomainName)).toContain(DOMAIN);

    // Object types and templates
    const templates = await client.send(new ListProfileObjectTypeTemplatesCommand({ MaxResults: 5 }));
    const templateId = templates.Items?.[0]?.TemplateId;
    expect(templateId).toBeTruthy();
    const template = await client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: templateId }));
    expect(template.TemplateId).toBe(templateId);
    clock.advance({ ms: MINUTE });
    const put = await client.send(new PutProfileObjectTypeCommand({ DomainName: DOMAIN, ...bookingType }));
    expect(put.ObjectTypeName).toBe('Booking');
    expect(put.CreatedAt?.getTime()).toBe(T0 + MINUTE);
    const type = await client.send(new GetProfileObjectTypeCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking' }));
    expect(Object.keys(type.Keys ?? {}).sort()).toEqual(['_email', 'bookingId']);
    const types = await client.send(new ListProfileObjectTypesCommand({ DomainName: DOMAIN }));
    expect(types.Items?.map((t) => t.ObjectTypeName)).toEqual(['Booking']);
    const detected = await client.send(new DetectProfileObjectTypeCommand({
      DomainName: DOMAIN,
      Objects: [JSON.stringify({ bookingId: 'B-9', email: 'x@example.com', price: 10 })],
    }));
    expect(Array.isArray(detected.DetectedProfileObjectTypes)).toBe(true);

    // Profile and calculated attribute definitions (created before any object)
    const profile = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, FirstName: 'Ada', EmailAddress: 'ada@example.com' }));
    const profileId = profile.ProfileId as string;
    expect(profileId).toMatch(/^[a-f0-9]{32}$/);
    await client.send(priceDefinition('total_spend', 'SUM', { Tags: { owner: 'wire' } }));
    await client.send(priceDefinition('booking_count', 'COUNT'));
    await client.send(priceDefinition('average_price', 'AVERAGE'));
    await client.send(priceDefinition('big_spender', 'SUM', { Conditions: { Threshold: { Value: '250', Operator: 'GREATER_THAN' } } }));

    // Three bookings, one minute apart: prices 120.5, 80 and 99.5.
    const prices = [120.5, 80, 99.5];
    for (const [i, price] of prices.entries()) {
      clock.advance({ ms: MINUTE });
      const out = await client.send(new PutProfileObjectCommand({
        DomainName: DOMAIN,
        ObjectTypeName: 'Booking',
        Object: JSON.stringify({ bookingId: `B-${i + 1}`, email: 'ada@example.com', price }),
      }));
      expect(out.ProfileObjectUniqueKey).toBeTruthy();
    }
    const lastPut = T0 + 4 * MINUTE; // type at +1 min, bookings at +2, +3, +4 min
    const objects = await client.send(new ListProfileObjectsCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking', ProfileId: profileId }));
    expect(objects.Items?.map((o) => JSON.parse(o.Object ?? '{}').price)).toEqual(prices);
    const search = await client.send(new SearchProfilesCommand({ DomainName: DOMAIN, KeyName: '_email', Values: ['ada@example.com'] }));
    expect(search.Items?.map((p) => p.ProfileId)).toEqual([profileId]);

    // Values by hand: SUM 120.5 + 80 + 99.5 = 300; COUNT 3; AVERAGE 300 / 3 = 100; 300 > 250 so big_spender holds and shows the SUM, "300" (semantics R13).
    const total = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, ProfileId: profileId, CalculatedAttributeName: 'total_spend' }));
    expect(total.Value).toBe('300');
    expect(total.IsDataPartial).toBe('false');
    expect(total.LastObjectTimestamp?.getTime()).toBe(lastPut);
    const all = await client.send(new ListCalculatedAttributesForProfileCommand({ DomainName: DOMAIN, ProfileId: profileId }));
    expect(Object.fromEntries((all.Items ?? []).map((v) => [v.CalculatedAttributeName, v.Value]))).toEqual({
      total_spend: '300',
      booking_count: '3',
      average_price: '100',
      big_spender: 'true', // SUM 300 GREATER_THAN 250 holds: a Threshold answers true / false (R13)
    });
    // Override: the last 1 day up to now holds all three bookings, so still 300.
    const batch = await client.send(new BatchGetCalculatedAttributeForProfileCommand({
      DomainName: DOMAIN,
      CalculatedAttributeName: 'total_spend',
      ProfileIds: [profileId],
      ConditionOverrides: { Range: { Start: 1, End: 0, Unit: 'DAYS' } },
    }));
    expect(batch.CalculatedAttributeValues?.map((v) => [v.ProfileId, v.Value])).toEqual([[profileId, '300']]);
    expect(batch.ConditionOverrides?.Range).toEqual({ Start: 1, End: 0, Unit: 'DAYS' });

    const definition = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'total_spend' }));
    expect(definition.Statistic).toBe('SUM');
    expect(definition.Tags).toEqual({ owner: 'wire' });
    clock.advance({ ms: MINUTE });
    const updated = await client.send(new UpdateCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'total_spend', DisplayName: 'Total spend' }));
    expect(updated.DisplayName).toBe('Total spend');
    expect(updated.LastUpdatedAt?.getTime()).toBe(lastPut + MINUTE);
    const definitions = await client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: DOMAIN, MaxResults: 2 }));
    expect(definitions.Items).toHaveLength(2);
    expect(definitions.NextToken).toBeTruthy();
    const rest = await client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: DOMAIN, NextToken: definitions.NextToken }));
    expect([...(definitions.Items ?? []), ...(rest.Items ?? [])].map((d) => d.CalculatedAttributeName).sort()).toEqual(
      ['average_price', 'big_spender', 'booking_count', 'total_spend'],
    );

    // Layouts
    const layout = JSON.stringify({ Type: 'BoardItem', Id: 'root', Props: {}, Children: [], DataSource: {} });
    const made = await client.send(new CreateDomainLayoutCommand({
      DomainName: DOMAIN,
      LayoutDefinitionName: 'main',
      Description: 'Main layout',
      DisplayName: 'Main view',
      IsDefault: true,
      LayoutType: 'PROFILE_EXPLORER',
      Layout: layout,
      Tags: { area: 'agents' },
    }));
    expect(made.Layout).toBe(layout);
    await client.send(new UpdateDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'main', DisplayName: 'Main view two' }));
    const read = await client.send(new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'main' }));
    expect([read.DisplayName, read.Layout, read.IsDefault]).toEqual(['Main view two', layout, true]);
    const layouts = await client.send(new ListDomainLayoutsCommand({ DomainName: DOMAIN }));
    expect(layouts.Items?.map((l) => l.LayoutDefinitionName)).toEqual(['main']);

    // Tags, on the domain and on a layout (an ARN with slashes in the label)
    await client.send(new TagResourceCommand({ resourceArn: domainArn, tags: { team: 'wire' } }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: domainArn }))).tags).toEqual({ env: 'test', team: 'wire' });
    await client.send(new UntagResourceCommand({ resourceArn: domainArn, tagKeys: ['team', 'env'] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: domainArn }))).tags).toEqual({});
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: `${domainArn}/layouts/main` }))).tags).toEqual({ area: 'agents' });

    // Deletes, each checked by a read that must now miss
    expect((await client.send(new DeleteDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'main' }))).Message).toBeTruthy();
    await expect(client.send(new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'main' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(new DeleteCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'big_spender' }));
    await expect(client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'big_spender' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(new DeleteProfileCommand({ DomainName: DOMAIN, ProfileId: profileId }));
    await client.send(new DeleteProfileObjectTypeCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking' }));
    await expect(client.send(new GetProfileObjectTypeCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(new DeleteDomainCommand({ DomainName: DOMAIN }));
    const gone = await client.send(new GetDomainCommand({ DomainName: DOMAIN })).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect((gone as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);

    // Coverage of the service and the wire verdict (the client operations beyond the scope: client-operations.integ.test.ts)
    expect([...called].sort()).toEqual(target.operations.filter((op) => !(CLIENT_OPERATIONS as readonly string[]).includes(op)).sort());
    expect(validation.exchanges().length).toBeGreaterThan(40);
    expect(validation.violations().filter((v) => v.severity === 'error')).toEqual([]);
    for (const e of validation.exchanges()) expect(e.response.headers['x-amzn-requestid']).toMatch(/^00000000-0000-4000-8000-[0-9a-f]{12}$/);
  });
});

describe('startMockServer under concurrency', () => {
  let server: MockServer;
  let client: CustomerProfilesClient;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  beforeAll(async () => {
    server = await startMockServer({ port: 0, clock: new ManualClock({ startMs: T0 }), schemas });
    client = new CustomerProfilesClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: MOCK_CREDENTIALS,
      maxAttempts: 1,
      requestHandler: { httpAgent: agent },
    });
  });
  afterAll(async () => {
    client?.destroy();
    agent.destroy();
    await server?.close();
  });

  it('returns COUNT 500 given 500 concurrent PutProfileObject calls for one profile', async () => {
    const validation = attachWireValidation({ client, registry: schemas });
    await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 30 }));
    await client.send(new PutProfileObjectTypeCommand({ DomainName: DOMAIN, ...bookingType }));
    const { ProfileId } = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, EmailAddress: 'ada@example.com' }));
    await client.send(priceDefinition('booking_count', 'COUNT'));
    const keys = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        client.send(new PutProfileObjectCommand({
          DomainName: DOMAIN,
          ObjectTypeName: 'Booking',
          Object: JSON.stringify({ bookingId: `C-${i}`, email: 'ada@example.com', price: i }),
        })),
      ),
    );
    expect(new Set(keys.map((k) => k.ProfileObjectUniqueKey)).size).toBe(500);
    const count = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, ProfileId, CalculatedAttributeName: 'booking_count' }));
    expect(count.Value).toBe('500');
    expect(validation.violations().filter((v) => v.severity === 'error')).toEqual([]);
    validation.detach();
  });
});
