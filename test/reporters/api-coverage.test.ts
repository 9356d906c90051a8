import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationEntry, OperationIndex } from '../../harness/operation-index.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { buildApiCoverage, matchLabels, writeApiCoverage } from '../../harness/reporters/api-coverage.ts';
import type { ExchangeLike } from '../../harness/reporters/common.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../../harness/schemas.ts';

// A two-operation service small enough to count by hand.
function entry(over: Partial<OperationEntry> & { uri: string; method: string }): OperationEntry {
  return {
    http: { method: over.method, uri: over.uri, code: 200 },
    input: { labels: {}, query: {}, headers: {}, body: {}, payload: null, required: [], ...over.input },
    output: { headers: {}, body: {}, payload: null, responseCode: null, required: [] },
    errors: over.errors ?? [],
    paginated: null,
    idempotent: false,
    readonly: false,
  };
}

const index: OperationIndex = {
  service: { shapeId: 'x#S', version: '1', sdkId: 'S', signingName: 's' },
  errors: {},
  operations: {
    PutThing: entry({
      method: 'PUT',
      uri: '/things/{Name}',
      input: { labels: { Name: 'Name' }, query: { MaxResults: 'max-results' }, headers: {}, body: { Kind: 'Kind', Items: 'Items', Limits: 'Limits' }, payload: null, required: [] },
      errors: ['AccessDeniedException', 'BadRequestException', 'ResourceNotFoundException', 'ThrottlingException'],
    }),
    GetThing: entry({ method: 'GET', uri: '/things/{Name}/detail', input: { labels: { Name: 'Name' }, query: {}, headers: {}, body: {}, payload: null, required: [] }, errors: ['ResourceNotFoundException'] }),
    Other: entry({ method: 'GET', uri: '/other', errors: ['BadRequestException'] }),
  },
};

const shapes = {
  $id: 'https://cpct.invalid/schemas/shapes.json',
  $defs: {
    Kind: { type: 'string', enum: ['A', 'B', 'C'] },
    Color: { type: 'string', enum: ['RED', 'GREEN'] },
    Status: { type: 'string', enum: ['READY', 'PENDING'] },
    Unit: { type: 'string', enum: ['SECONDS', 'MINUTES'] },
    Item: { type: 'object', properties: { Color: { $ref: '#/$defs/Color' } } },
    ItemList: { type: 'array', items: { $ref: '#/$defs/Item' } },
    Limits: { type: 'object', propertyNames: { $ref: '#/$defs/Unit' }, additionalProperties: { type: 'integer' } },
    name: { type: 'string' },
    OtherEnum: { type: 'string', enum: ['NEVER', 'REACHED'] },
  },
};

const files: Record<string, unknown> = {
  'shapes.json': shapes,
  'PutThing.input.json': {
    $id: 'https://cpct.invalid/schemas/PutThing.input.json',
    type: 'object',
    properties: { Kind: { $ref: 'shapes.json#/$defs/Kind' }, Items: { $ref: 'shapes.json#/$defs/ItemList' }, Limits: { $ref: 'shapes.json#/$defs/Limits' } },
    'x-http-bindings': {
      Name: { in: 'label', name: 'Name', required: true, schema: { $ref: 'shapes.json#/$defs/name' } },
      MaxResults: { in: 'query', name: 'max-results', required: false, schema: { type: 'integer' } },
    },
  },
  'PutThing.output.json': { $id: 'https://cpct.invalid/schemas/PutThing.output.json', type: 'object', properties: { Status: { $ref: 'shapes.json#/$defs/Status' } } },
  'GetThing.input.json': {
    $id: 'https://cpct.invalid/schemas/GetThing.input.json',
    type: 'object',
    properties: {},
    'x-http-bindings': { Name: { in: 'label', name: 'Name', required: true, schema: { $ref: 'shapes.json#/$defs/name' } } },
  },
  'GetThing.output.json': { $id: 'https://cpct.invalid/schemas/GetThing.output.json', type: 'object', properties: { Status: { $ref: 'shapes.json#/$defs/Status' } } },
  'Other.input.json': { $id: 'https://cpct.invalid/schemas/Other.input.json', type: 'object', properties: {} },
  'Other.output.json': { $id: 'https://cpct.invalid/schemas/Other.output.json', type: 'object', properties: { E: { $ref: 'shapes.json#/$defs/OtherEnum' } } },
};

function exchange(over: { operation: string; method?: string; path: string; query?: Record<string, string>; body?: string | null; status?: number; headers?: Record<string, string>; response?: string }): ExchangeLike {
  return {
    operation: over.operation,
    request: { method: over.method ?? 'GET', path: over.path, query: over.query ?? {}, headers: {}, body: over.body ?? null },
    response: { status: over.status ?? 200, headers: over.headers ?? { 'content-type': 'application/json' }, body: new TextEncoder().encode(over.response ?? '{}') },
  };
}

let dir: string;
let registry: SchemaRegistry;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-cov-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), JSON.stringify(content));
  registry = createSchemaRegistry({ dir });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildApiCoverage', () => {
  const exchanges = (): ExchangeLike[] => [
    exchange({
      operation: 'PutThing',
      method: 'PUT',
      path: '/things/abc',
      query: { 'max-results': '5' },
      body: JSON.stringify({ Kind: 'A', Items: [{ Color: 'RED' }, { Color: 'BLUE' }], Limits: { SECONDS: 1 }, Unknown: 1 }),
      response: '{"Status":"READY"}',
    }),
    // An error: its code counts, its body is not walked as output (PENDING stays uncovered).
    exchange({
      operation: 'PutThing',
      method: 'PUT',
      path: '/things/abc',
      body: '{"Kind":"B"}',
      status: 404,
      headers: { 'x-amzn-errortype': 'ResourceNotFoundException:http://internal' },
      response: '{"Message":"no","Status":"PENDING"}',
    }),
    // Not provokable by a client: never counted.
    exchange({ operation: 'PutThing', method: 'PUT', path: '/things/abc', status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException' }, response: '{}' }),
    // Outside the scope: ignored.
    exchange({ operation: 'Other', path: '/other', response: '{"E":"REACHED"}' }),
  ];

  it('returns the operations called out of those in scope', () => {
    const c = buildApiCoverage({ index, registry, exchanges: exchanges(), scope: ['PutThing', 'GetThing'] });
    expect(c.operations).toEqual({ covered: 1, total: 2, missing: ['GetThing'] });
  });

  it('returns the input members sent, from the label, query and body keys, ignoring unknown keys', () => {
    const c = buildApiCoverage({ index, registry, exchanges: exchanges(), scope: ['PutThing', 'GetThing'] });
    // PutThing: Items, Kind, Limits, MaxResults, Name (all sent); GetThing: Name (not called).
    expect(c.members).toEqual({ covered: 5, total: 6, missing: ['GetThing.Name'] });
  });

  it('returns enum values sent or received in 2xx bodies, map keys included, invalid values ignored', () => {
    const c = buildApiCoverage({ index, registry, exchanges: exchanges(), scope: ['PutThing', 'GetThing'] });
    // Reachable: Color (2), Kind (3), Status (2), Unit (2) = 9; OtherEnum only through Other, out of scope.
    // Covered: Kind.A, Kind.B, Color.RED, Unit.SECONDS, Status.READY. Missing: enums by name, values in schema order.
    expect(c.enumValues.total).toBe(9);
    expect(c.enumValues.covered).toBe(5);
    expect(c.enumValues.missing).toEqual(['Color.GREEN', 'Kind.C', 'Status.PENDING', 'Unit.MINUTES']);
  });

  it('returns the client-provokable errors provoked, leaving out AccessDenied and Throttling', () => {
    const c = buildApiCoverage({ index, registry, exchanges: exchanges(), scope: ['PutThing', 'GetThing'] });
    expect(c.errors).toEqual({ covered: 1, total: 3, missing: ['PutThing:BadRequestException', 'GetThing:ResourceNotFoundException'] });
  });

  it('returns zero covered and everything missing given no exchanges', () => {
    const c = buildApiCoverage({ index, registry, exchanges: [], scope: ['GetThing'] });
    expect(c).toEqual({
      operations: { covered: 0, total: 1, missing: ['GetThing'] },
      members: { covered: 0, total: 1, missing: ['GetThing.Name'] },
      enumValues: { covered: 0, total: 2, missing: ['Status.READY', 'Status.PENDING'] },
      errors: { covered: 0, total: 1, missing: ['GetThing:ResourceNotFoundException'] },
    });
  });

  it('returns the committed schemas\' LayoutType value covered given a GetDomainLayout response naming it', () => {
    const real = loadOperationIndex();
    const c = buildApiCoverage({
      index: real,
      exchanges: [exchange({ operation: 'GetDomainLayout', path: '/domains/d1/layouts/l1', response: '{"LayoutType":"PROFILE_EXPLORER"}' })],
      scope: ['GetDomainLayout'],
    });
    // GetDomainLayout: two labels; one enum (LayoutType, one value); declares BadRequest and ResourceNotFound.
    expect(c.operations).toEqual({ covered: 1, total: 1, missing: [] });
    expect(c.members).toEqual({ covered: 2, total: 2, missing: [] });
    expect(c.enumValues).toEqual({ covered: 1, total: 1, missing: [] });
    expect(c.errors.total).toBe(2);
  });
});

describe('matchLabels', () => {
  it('returns decoded labels given a path under a base path', () => {
    expect(matchLabels({ uri: '/domains/{DomainName}/layouts/{LayoutDefinitionName}', path: '/base/domains/d%201/layouts/x' })).toEqual({ DomainName: 'd 1', LayoutDefinitionName: 'x' });
  });

  it('returns null given a path of another operation', () => {
    expect(matchLabels({ uri: '/domains/{DomainName}/layouts/{LayoutDefinitionName}', path: '/domains/d/object-types/x' })).toBeNull();
  });

  it('returns a greedy label with its slashes', () => {
    expect(matchLabels({ uri: '/tags/{resourceArn+}', path: '/tags/arn:aws:x/y/z' })).toEqual({ resourceArn: 'arn:aws:x/y/z' });
  });
});

describe('writeApiCoverage', () => {
  it('writes api-coverage.json with the four documented keys', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cpct-covw-'));
    try {
      const coverage = buildApiCoverage({ index, registry, exchanges: [], scope: ['GetThing'] });
      const file = await writeApiCoverage({ coverage, dir: path.join(out, 'r') });
      expect(file).toBe(path.join(out, 'r', 'api-coverage.json'));
      const read = JSON.parse(await readFile(file, 'utf8'));
      expect(Object.keys(read)).toEqual(['operations', 'members', 'enumValues', 'errors']);
      expect(read).toEqual(coverage);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
