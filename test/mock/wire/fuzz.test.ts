import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CreateEventStreamCommand,
  CreateProfileCommand,
  ListProfileObjectTypeTemplatesCommand,
  PutIntegrationCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
} from '@aws-sdk/client-customer-profiles';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../harness/clock.ts';
import { createMock, type Mock } from '../../../harness/mock/index.ts';
import { loadOperationIndex, type OperationEntry } from '../../../harness/operation-index.ts';
import { createSchemaRegistry, type JsonSchema } from '../../../harness/schemas.ts';
import { arbitraryFor, type Hints } from './arbitraries.ts';

/**
 * Property-based fuzzing of every route the reference implementation serves, through `handle`: random and
 * malformed labels, query values, bodies and content types. Whatever arrives, the answer is the operation's success
 * or a modelled client error (status from the errors table, x-amzn-ErrorType, a JSON body with Message), never a 5xx.
 */

const index = loadOperationIndex();
const schemas = createSchemaRegistry();
const defs = schemas.rawSchema({ file: 'shapes.json' }).$defs as Record<string, JsonSchema>;
const ACCOUNT = '111122223333';
const DOMAIN = 'fuzz';
const NUM_RUNS = 150;
const INTEGRATION_URI = 'arn:aws:connect:us-east-1:111122223333:instance/fuzz';
const MALFORMED_LABELS = ['%', '%G1', '%E0%A4', '', '.', '..', '%2e%2e', 'a%2Fb', '%00', '%F0%9F%98%80', '~', "'", '%20'];
const MALFORMED_QUERY = ['', 'abc', '1.5', '-1', '0', '99999999999999999999', '1e3', ' 7', 'true', '%ZZ'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-amz-json-1.1', undefined];

/** A mock holding one of each resource, and hints (member -> values) that reach them. */
async function populated(bugs: string[]): Promise<{ mock: Mock; hints: Hints }> {
  const mock = createMock({
    clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }),
    options: { accountId: ACCOUNT },
    schemas,
    onInternalError: (error, operation) => bugs.push(`${operation}: ${String((error as Error)?.stack ?? error)}`),
  });
  const client = mock.client();
  await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 30 }));
  await client.send(new PutProfileObjectTypeCommand({
    DomainName: DOMAIN,
    ObjectTypeName: 'Booking',
    Description: 'bookings',
    AllowProfileCreation: true,
    Fields: {
      bookingId: { Source: '_source.bookingId', Target: 'Booking.bookingId', ContentType: 'STRING' },
      email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
      price: { Source: '_source.price', Target: 'Booking.price', ContentType: 'NUMBER' },
    },
    Keys: {
      bookingId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['bookingId'] }],
      _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
    },
  }));
  const { ProfileId } = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, EmailAddress: 'ada@example.com' }));
  await client.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking', Object: JSON.stringify({ bookingId: 'B1', email: 'ada@example.com', price: 5 }) }));
  await client.send(new CreateCalculatedAttributeDefinitionCommand({
    DomainName: DOMAIN,
    CalculatedAttributeName: 'total',
    AttributeDetails: { Attributes: [{ Name: 'price' }], Expression: '{Booking.price}' },
    Statistic: 'SUM',
    UseHistoricalData: true,
  }));
  await client.send(new CreateDomainLayoutCommand({
    DomainName: DOMAIN,
    LayoutDefinitionName: 'main',
    Description: 'd',
    DisplayName: 'Main',
    LayoutType: 'PROFILE_EXPLORER',
    Layout: '{}',
  }));
  const { ProfileId: second } = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, FirstName: 'Bo' }));
  const { ProfileObjectUniqueKey } = await client.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: 'Booking', Object: JSON.stringify({ bookingId: 'B0', email: 'ada@example.com', price: 1 }) }));
  await client.send(new PutIntegrationCommand({ DomainName: DOMAIN, Uri: INTEGRATION_URI, ObjectTypeName: 'Booking' }));
  await client.send(new CreateEventStreamCommand({ DomainName: DOMAIN, EventStreamName: 'changes', Uri: 'arn:aws:kinesis:us-east-1:111122223333:stream/s' }));
  const templates = await client.send(new ListProfileObjectTypeTemplatesCommand({}));
  client.destroy();
  const arn = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/${DOMAIN}`;
  const booking = (id: string, price: unknown) => JSON.stringify({ bookingId: id, email: 'ada@example.com', price });
  return {
    mock,
    hints: {
      DomainName: [DOMAIN],
      ObjectTypeName: ['Booking'],
      CalculatedAttributeName: ['total'],
      LayoutDefinitionName: ['main'],
      ProfileId: [ProfileId as string],
      ProfileIds: [ProfileId as string, second as string],
      MainProfileId: [ProfileId as string, second as string],
      ProfileIdsToBeMerged: [second as string, ProfileId as string],
      ProfileObjectUniqueKey: [ProfileObjectUniqueKey as string],
      Uri: [INTEGRATION_URI],
      EventStreamName: ['changes'],
      AttributeName: ['FirstName', 'Address.City', 'Attributes.tier'],
      FlowName: ['flow'],
      TemplateId: (templates.Items ?? []).slice(0, 3).map((t) => t.TemplateId as string),
      resourceArn: [arn, `${arn}/layouts/main`, `${arn}/object-types/Booking`, `${arn}/calculated-attributes/total`],
      tagKeys: ['team'],
      Name: ['price', 'bookingId'],
      Expression: ['{Booking.price}', '{Booking.price} * {Booking.bookingId}', '{Booking.price} / {Booking.price}'],
      Object: [booking('B1', 7), booking('B2', '12.5'), booking('B3', 'n/a'), '{}'],
      Objects: [booking('B9', 1)],
      KeyName: ['_email', 'bookingId', '_profileId'],
      Values: ['ada@example.com', 'B1'],
      Layout: ['{}', '{"Type":"BoardItem"}'],
      TimestampSource: ['{Booking.when}'],
      TimestampFormat: ['EPOCHMILLI', 'ISO_8601'],
      Source: ['_source.price', '_source.email'],
      Target: ['Booking.price', '_profile.EmailAddress'],
      FieldNames: ['price', 'email'],
    },
  };
}

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  body: string | undefined;
  contentType: string | undefined;
}

/**
 * Requests for one operation: three in four are well formed (the model's method, labels, query and body drawn from
 * the schemas, biased to existing resources) so the service's own logic is exercised; the rest are wild (malformed
 * labels and query values, random JSON or text bodies, wrong content types and methods).
 */
function requestArbitrary(operation: string, entry: OperationEntry, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const bindings = schemas.bindingSchemas({ operation });
  const fromSchema = (member: string) => arbitraryFor({ schema: bindings[member]?.schema ?? { type: 'string' }, defs, hints, key: member });
  const template = entry.http.uri.split('?')[0].split('/').slice(1);
  const pathArb = (wild: boolean) =>
    fc
      .tuple(...template.map((seg) => {
        const m = /^\{([^}+]+)\+?\}$/.exec(seg);
        if (!m) return fc.constant(seg);
        const member = Object.entries(entry.input.labels).find(([, label]) => label === m[1])?.[0] ?? m[1];
        const good = fromSchema(member).map((v) => encodeURIComponent(String(v)));
        if (!wild) return good;
        return fc.oneof(good, fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent), fc.constantFrom(...MALFORMED_LABELS));
      }))
      .map((segs) => `/${segs.join('/')}`);

  const queryArb = (wild: boolean) => {
    const parts = Object.entries(entry.input.query).map(([member, name]) => {
      const value = wild ? fc.oneof(fromSchema(member), fc.constantFrom(...MALFORMED_QUERY), fc.string({ maxLength: 12 })) : fromSchema(member);
      return fc.option(value, { nil: undefined }).map((v) => {
        if (v === undefined) return [];
        const values = Array.isArray(v) ? v : [v];
        return values.map((x) => `${encodeURIComponent(name)}=${encodeURIComponent(typeof x === 'string' ? x : JSON.stringify(x))}`);
      });
    });
    const extra = fc
      .array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), { maxLength: wild ? 2 : 0 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
    return fc.tuple(extra, ...parts).map((p) => p.flat().join('&'));
  };

  const goodBody = arbitraryFor({ schema: schemas.rawSchema({ file: `${operation}.input.json` }), defs, hints }).map((v) => JSON.stringify(v));
  const wildBody = fc.oneof(goodBody, fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 30 }), fc.constant(undefined));
  const method = entry.http.method;

  const good = fc.record({
    method: fc.constant(method),
    path: pathArb(false),
    query: queryArb(false),
    body: goodBody,
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
  });
  const wild = fc.record({
    method: fc.oneof({ arbitrary: fc.constant(method), weight: 3 }, { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), weight: 1 }),
    path: pathArb(true),
    query: queryArb(true),
    body: wildBody,
    contentType: fc.constantFrom(...CONTENT_TYPES),
  });
  return fc
    .oneof({ arbitrary: good, weight: 3 }, { arbitrary: wild, weight: 1 })
    .map((r) => (r.method === 'GET' ? { ...r, body: undefined } : r));
}

/** Checks one response; returns true when it was the operation's success. */
async function checkResponse(response: Response, entry: OperationEntry): Promise<boolean> {
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('x-amzn-requestid')).toMatch(/^00000000-0000-4000-8000-[0-9a-f]{12}$/);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(typeof body === 'object' && body !== null && !Array.isArray(body)).toBe(true);
  const errorType = response.headers.get('x-amzn-errortype');
  if (errorType === null) {
    expect(response.status).toBe(entry.http.code);
    return true;
  }
  expect(Object.keys(index.errors)).toContain(errorType);
  expect(response.status).toBe(index.errors[errorType].status);
  expect(typeof body.Message).toBe('string');
  return false;
}

describe('handle (fuzzed)', () => {
  const probe = createMock({ schemas });
  const operations = probe.service.operations.filter((op) => op in index.operations);
  const outcomes = { success: 0, total: 0 };
  const succeeded = new Set<string>();

  it('serves every implemented operation of the index', () => {
    expect(operations.length).toBe(probe.service.operations.length);
    expect(operations.length).toBeGreaterThanOrEqual(32);
  });

  it.each(operations)('returns success or a modelled 4xx for random and malformed requests to %s', async (operation) => {
    const bugs: string[] = [];
    const { mock, hints } = await populated(bugs);
    const entry = index.operations[operation];
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operation, entry, hints), async (r) => {
        const url = `http://mock.test${r.path}${r.query ? `?${r.query}` : ''}`;
        const headers: Record<string, string> = r.contentType ? { 'content-type': r.contentType } : {};
        const response = await mock.handle(new Request(url, { method: r.method, headers, body: r.body }));
        outcomes.total += 1;
        if (await checkResponse(response, entry)) {
          outcomes.success += 1;
          succeeded.add(operation);
        }
      }),
      { numRuns: NUM_RUNS, seed: 20250609 + operations.indexOf(operation) },
    );
    expect(bugs).toEqual([]);
  });

  it('reached the service with a fair share of well-formed requests (the fuzzing above is not all rejected at the door)', () => {
    expect(outcomes.total).toBe(operations.length * NUM_RUNS);
    expect(outcomes.success / outcomes.total).toBeGreaterThan(0.2);
    // And every operation, not only on average: each answered at least one fuzzed request with its success.
    expect(operations.filter((op) => !succeeded.has(op))).toEqual([]);
  });

  it('returns a modelled 4xx for arbitrary raw methods, paths and query strings given to the core', async () => {
    const bugs: string[] = [];
    const { mock } = await populated(bugs);
    const segment = fc.oneof(fc.constantFrom('domains', DOMAIN, 'layouts', 'tags', 'templates', 'profiles', 'objects', 'calculated-attributes', ''), fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'get'),
        fc.array(segment, { maxLength: 7 }),
        fc.string({ maxLength: 20 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: null }),
        (method, segs, query, body) => {
          const response = mock.core.respond({ method, path: `/${segs.join('/')}`, query, header: () => 'application/json', body });
          expect(response.status).toBeLessThan(500);
          expect(response.headers['x-amzn-RequestId']).toBeTruthy();
          if (response.headers['x-amzn-ErrorType']) {
            expect(response.status).toBe(index.errors[response.headers['x-amzn-ErrorType']].status);
            expect(typeof (JSON.parse(response.body) as { Message?: unknown }).Message).toBe('string');
          }
        },
      ),
      { numRuns: 400, seed: 20250609 },
    );
    expect(bugs).toEqual([]);
  });
});
