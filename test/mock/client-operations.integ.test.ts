import {
  AddProfileKeyCommand,
  BadRequestException,
  BatchGetProfileCommand,
  CreateDomainCommand,
  CreateEventStreamCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  DeleteEventStreamCommand,
  DeleteIntegrationCommand,
  DeleteProfileKeyCommand,
  DeleteProfileObjectCommand,
  GetCalculatedAttributeForProfileCommand,
  CreateCalculatedAttributeDefinitionCommand,
  GetEventStreamCommand,
  GetIntegrationCommand,
  GetMatchesCommand,
  ListAccountIntegrationsCommand,
  ListEventStreamsCommand,
  ListIntegrationsCommand,
  ListProfileAttributeValuesCommand,
  ListProfileObjectsCommand,
  MergeProfilesCommand,
  PutIntegrationCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  ResourceNotFoundException,
  SearchProfilesCommand,
  UpdateDomainCommand,
  UpdateProfileCommand,
} from '@aws-sdk/client-customer-profiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { createMock, MOCK_CREDENTIALS } from '../../harness/mock/index.ts';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { CLIENT_OPERATIONS } from '../../harness/scope.ts';
import { attachWireValidation, type WireValidation } from '../../harness/wire-validation/index.ts';

/**
 * The operations real clients call beyond the suite's scope (Terraform's profile resource, AWS's snippets and
 * unified-profile solution, Connect's agent-side library), driven through the real CustomerProfilesClient in both
 * ways to run the reference implementation. Every raw response, errors included, passes the wire validator.
 */

const ACCOUNT = '111122223333';
const DOMAIN = 'cpct-client-ops';
const T0 = Date.UTC(2025, 5, 9, 12, 0, 0);
const UNKNOWN = 'f'.repeat(32);
const CONNECT_URI = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/11111111-2222-3333-4444-555555555555`;
const STREAM_URI = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/profile-events`;
const schemas = createSchemaRegistry();

const bookingType = {
  ObjectTypeName: 'Booking',
  Description: 'Hotel bookings',
  AllowProfileCreation: true,
  Fields: {
    bookingId: { Source: '_source.bookingId', Target: 'Booking.bookingId', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    price: { Source: '_source.price', Target: 'Booking.price', ContentType: 'NUMBER' as const },
  },
  Keys: {
    bookingId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['bookingId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

type Target = { client: CustomerProfilesClient; close: () => Promise<void> };

async function inProcess(): Promise<Target> {
  const mock = createMock({ clock: new ManualClock({ startMs: T0 }), options: { accountId: ACCOUNT }, schemas });
  return { client: mock.client(), close: async () => undefined };
}

async function standalone(): Promise<Target> {
  const server: MockServer = await startMockServer({ port: 0, host: '127.0.0.1', clock: new ManualClock({ startMs: T0 }), options: { accountId: ACCOUNT }, schemas });
  const client = new CustomerProfilesClient({ region: 'us-east-1', endpoint: server.url, credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
  return {
    client,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

/** The error the call rejects with (the test fails if it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(() => 'resolved', (error: unknown) => error);
  expect(outcome).not.toBe('resolved');
  return outcome;
}

describe.each([
  ['in-process', inProcess],
  ['standalone server', standalone],
] as const)('client operations through CustomerProfilesClient (%s)', (_name, start) => {
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

  it('answers every client operation as the model describes, with zero wire-validator violations', async () => {
    const { client } = target;
    await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 30 }));
    await client.send(new PutProfileObjectTypeCommand({ DomainName: DOMAIN, ...bookingType }));
    await client.send(new CreateCalculatedAttributeDefinitionCommand({
      DomainName: DOMAIN, CalculatedAttributeName: 'spend', Statistic: 'SUM', UseHistoricalData: true,
      AttributeDetails: { Attributes: [{ Name: 'price' }], Expression: '{Booking.price}' },
    }));
    const book = async (bookingId: string, email: string, price: number) => (await client.send(new PutProfileObjectCommand({
      DomainName: DOMAIN, ObjectTypeName: 'Booking', Object: JSON.stringify({ bookingId, email, price }),
    }))).ProfileObjectUniqueKey as string;
    const idOf = async (email: string) => (await client.send(new SearchProfilesCommand({ DomainName: DOMAIN, KeyName: '_email', Values: [email] }))).Items?.[0]?.ProfileId as string;
    const spend = async (ProfileId: string) => (await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, ProfileId, CalculatedAttributeName: 'spend' }))).Value;

    // UpdateProfile: set, keep, clear with "".
    const { ProfileId: ada } = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, FirstName: 'Ada', LastName: 'King', EmailAddress: 'ada@example.com', Address: { City: 'London' } }));
    const updated = await client.send(new UpdateProfileCommand({ DomainName: DOMAIN, ProfileId: ada, FirstName: 'Augusta', LastName: '', Address: { Country: 'UK' }, Attributes: { tier: 'gold' } }));
    expect(updated.ProfileId).toBe(ada);
    const batch = await client.send(new BatchGetProfileCommand({ DomainName: DOMAIN, ProfileIds: [ada as string, UNKNOWN] }));
    expect(batch.Profiles?.map((p) => [p.FirstName, p.LastName, p.Address, p.Attributes])).toEqual([['Augusta', undefined, { City: 'London', Country: 'UK' }, { tier: 'gold' }]]);
    expect(batch.Errors?.map((e) => [e.Code, e.ProfileId])).toEqual([['ResourceNotFoundException', UNKNOWN]]);

    // AddProfileKey / DeleteProfileKey
    expect(await client.send(new AddProfileKeyCommand({ DomainName: DOMAIN, ProfileId: ada, KeyName: 'bookingId', Values: ['legacy-1'] }))).toMatchObject({ KeyName: 'bookingId', Values: ['legacy-1'] });
    expect((await client.send(new SearchProfilesCommand({ DomainName: DOMAIN, KeyName: 'bookingId', Values: ['legacy-1'] }))).Items?.map((p) => p.ProfileId)).toEqual([ada]);
    expect((await client.send(new DeleteProfileKeyCommand({ DomainName: DOMAIN, ProfileId: ada, KeyName: 'bookingId', Values: ['legacy-1'] }))).Message).toBeTruthy();
    expect((await client.send(new SearchProfilesCommand({ DomainName: DOMAIN, KeyName: 'bookingId', Values: ['legacy-1'] }))).Items).toEqual([]);

    // DeleteProfileObject: SUM 100 + 20 = 120, then 20.
    const first = await book('B-1', 'ada@example.com', 100);
    await book('B-2', 'ada@example.com', 20);
    expect(await spend(ada as string)).toBe('120');
    expect((await client.send(new DeleteProfileObjectCommand({ DomainName: DOMAIN, ProfileId: ada, ObjectTypeName: 'Booking', ProfileObjectUniqueKey: first }))).Message).toBeTruthy();
    expect(await spend(ada as string)).toBe('20');

    // MergeProfiles: a duplicate made by ingestion moves into Ada; its booking joins her SUM (20 + 5 = 25).
    await book('B-3', 'augusta@example.com', 5);
    const dup = await idOf('augusta@example.com');
    expect(dup).toMatch(/^[a-f0-9]{32}$/);
    expect(dup).not.toBe(ada);
    const merge = await client.send(new MergeProfilesCommand({ DomainName: DOMAIN, MainProfileId: ada, ProfileIdsToBeMerged: [dup], FieldSourceProfileIds: { EmailAddress: dup } }));
    expect(merge.Message).toBeTruthy();
    const objects = await client.send(new ListProfileObjectsCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking', ProfileId: ada }));
    expect(objects.Items?.map((o) => JSON.parse(o.Object ?? '{}').bookingId)).toEqual(['B-2', 'B-3']);
    expect(await spend(ada as string)).toBe('25');
    expect(await idOf('augusta@example.com')).toBe(ada);
    expect(await failure(client.send(new ListProfileObjectsCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking', ProfileId: dup })))).toBeInstanceOf(ResourceNotFoundException);

    // GetMatches: identity resolution is not simulated.
    const matches = await client.send(new GetMatchesCommand({ DomainName: DOMAIN, MaxResults: 10 }));
    expect([matches.Matches, matches.PotentialMatches]).toEqual([[], 0]);

    // ListProfileAttributeValues
    const values = await client.send(new ListProfileAttributeValuesCommand({ DomainName: DOMAIN, AttributeName: 'FirstName' }));
    expect([values.StatusCode, values.Items]).toEqual([200, [{ Value: 'Augusta' }]]);

    // UpdateDomain
    const domain = await client.send(new UpdateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 90, Matching: { Enabled: true } }));
    expect([domain.DefaultExpirationDays, domain.Matching?.Enabled]).toEqual([90, true]);

    // Integrations
    const put = await client.send(new PutIntegrationCommand({ DomainName: DOMAIN, Uri: CONNECT_URI, ObjectTypeName: 'Booking', Tags: { app: 'agent' } }));
    expect([put.Uri, put.ObjectTypeName, put.Tags]).toEqual([CONNECT_URI, 'Booking', { app: 'agent' }]);
    expect((await client.send(new GetIntegrationCommand({ DomainName: DOMAIN, Uri: CONNECT_URI }))).ObjectTypeName).toBe('Booking');
    expect((await client.send(new ListIntegrationsCommand({ DomainName: DOMAIN, IncludeHidden: true }))).Items?.map((i) => i.Uri)).toEqual([CONNECT_URI]);
    expect((await client.send(new ListAccountIntegrationsCommand({ Uri: CONNECT_URI }))).Items?.map((i) => i.DomainName)).toEqual([DOMAIN]);
    expect((await client.send(new DeleteIntegrationCommand({ DomainName: DOMAIN, Uri: CONNECT_URI }))).Message).toBeTruthy();
    expect(await failure(client.send(new GetIntegrationCommand({ DomainName: DOMAIN, Uri: CONNECT_URI })))).toBeInstanceOf(ResourceNotFoundException);

    // Event streams
    const stream = await client.send(new CreateEventStreamCommand({ DomainName: DOMAIN, EventStreamName: 'changes', Uri: STREAM_URI }));
    expect(stream.EventStreamArn).toBe(`arn:aws:profile:us-east-1:${ACCOUNT}:domains/${DOMAIN}/event-streams/changes`);
    const got = await client.send(new GetEventStreamCommand({ DomainName: DOMAIN, EventStreamName: 'changes' }));
    expect([got.State, got.DestinationDetails?.Uri, got.CreatedAt?.getTime()]).toEqual(['RUNNING', STREAM_URI, T0]);
    expect((await client.send(new ListEventStreamsCommand({ DomainName: DOMAIN }))).Items?.map((s) => s.EventStreamName)).toEqual(['changes']);
    await client.send(new DeleteEventStreamCommand({ DomainName: DOMAIN, EventStreamName: 'changes' }));
    expect(await failure(client.send(new GetEventStreamCommand({ DomainName: DOMAIN, EventStreamName: 'changes' })))).toBeInstanceOf(ResourceNotFoundException);

    expect([...CLIENT_OPERATIONS].filter((op) => !called.has(op))).toEqual([]);
    expect(validation.exchanges().length).toBeGreaterThan(35);
    expect(validation.violations()).toEqual([]);
  });

  it('throws ResourceNotFoundException given unknown ids and BadRequestException given values the model forbids', async () => {
    const { client } = target;
    const domain = 'cpct-client-ops-errors';
    await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 30 }));
    const { ProfileId } = await client.send(new CreateProfileCommand({ DomainName: domain, FirstName: 'Ann' }));
    const notFound = [
      new UpdateProfileCommand({ DomainName: domain, ProfileId: UNKNOWN, FirstName: 'x' }),
      new AddProfileKeyCommand({ DomainName: domain, ProfileId: UNKNOWN, KeyName: '_email', Values: ['a@x.io'] }),
      new DeleteProfileKeyCommand({ DomainName: domain, ProfileId: UNKNOWN, KeyName: '_email', Values: ['a@x.io'] }),
      new MergeProfilesCommand({ DomainName: domain, MainProfileId: ProfileId, ProfileIdsToBeMerged: [UNKNOWN] }),
      new GetMatchesCommand({ DomainName: 'cpct-no-such-domain' }),
      new UpdateDomainCommand({ DomainName: 'cpct-no-such-domain', DefaultExpirationDays: 5 }),
      new DeleteIntegrationCommand({ DomainName: domain, Uri: 'nope' }),
      new DeleteEventStreamCommand({ DomainName: domain, EventStreamName: 'nope' }),
    ];
    for (const command of notFound) {
      const error = await failure(client.send(command as never));
      expect(error, command.constructor.name).toBeInstanceOf(ResourceNotFoundException);
    }
    const badRequest = [
      new UpdateProfileCommand({ DomainName: domain, ProfileId, FirstName: 'x'.repeat(256) }),
      new UpdateProfileCommand({ DomainName: domain, ProfileId: 'not-a-uuid' }),
      new BatchGetProfileCommand({ DomainName: domain, ProfileIds: Array.from({ length: 21 }, () => UNKNOWN) }),
      new MergeProfilesCommand({ DomainName: domain, MainProfileId: ProfileId, ProfileIdsToBeMerged: [] }),
      new GetMatchesCommand({ DomainName: domain, MaxResults: 500 }),
      new UpdateDomainCommand({ DomainName: domain, DefaultExpirationDays: 5000 }),
      new CreateEventStreamCommand({ DomainName: domain, EventStreamName: 'bad name', Uri: STREAM_URI }),
      new PutIntegrationCommand({ DomainName: domain, Uri: CONNECT_URI }),
    ];
    for (const command of badRequest) {
      const error = await failure(client.send(command as never));
      expect(error, command.constructor.name).toBeInstanceOf(BadRequestException);
    }
    expect(validation.violations()).toEqual([]);
  });
});
