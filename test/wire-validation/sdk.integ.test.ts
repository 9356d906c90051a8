import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CustomerProfilesClient, GetDomainLayoutCommand, ResourceNotFoundException } from '@aws-sdk/client-customer-profiles';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { attachWireValidation, type WireValidation } from '../../harness/wire-validation/index.ts';

/** The next canned response the loopback server sends; each test sets it. */
interface Canned {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const good = {
  LayoutDefinitionName: 'main',
  Description: 'Main layout',
  DisplayName: 'Main',
  IsDefault: true,
  LayoutType: 'PROFILE_EXPLORER',
  Layout: '{"a":1}',
  Version: '3',
  CreatedAt: 1717900000,
  LastUpdatedAt: 1717900100,
};
const json = (status: number, body: unknown, extra: Record<string, string> = {}): Canned => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

let server: Server;
let canned: Canned = json(200, good);
let client: CustomerProfilesClient;
let wire: WireValidation;
const seenPaths: string[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seenPaths.push(req.url ?? '');
    req.resume();
    req.on('end', () => {
      res.writeHead(canned.status, canned.headers);
      res.end(canned.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new CustomerProfilesClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLETESTONLY', secretAccessKey: 'not-a-real-secret' },
    maxAttempts: 1,
  });
  wire = attachWireValidation({ client, registry: createSchemaRegistry() });
});

beforeEach(() => wire.clear());

afterAll(async () => {
  wire.detach();
  client.destroy();
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

const get = () => client.send(new GetDomainLayoutCommand({ DomainName: 'cpct-d1', LayoutDefinitionName: 'main' }));
const errors = () => wire.violations().filter((v) => v.severity === 'error');

describe('attachWireValidation with a real CustomerProfilesClient', () => {
  it('returns no violation and the SDK output given a correct body', async () => {
    canned = json(200, good);
    const out = await get();
    expect(out.LayoutDefinitionName).toBe('main');
    expect(out.CreatedAt).toEqual(new Date(1717900000 * 1000));
    expect(wire.violations()).toEqual([]);
    const [x] = wire.exchanges();
    expect(x.operation).toBe('GetDomainLayout');
    expect(x.request.method).toBe('GET');
    expect(x.request.path).toBe('/domains/cpct-d1/layouts/main');
    expect(x.request.headers.authorization).toBe('<redacted>');
    expect(x.response.status).toBe(200);
    expect(new TextDecoder().decode(x.response.body)).toBe(JSON.stringify(good));
  });

  it('flags a timestamp sent as a string and a missing required member that the SDK alone accepts', async () => {
    const { Version: _dropped, ...rest } = good;
    canned = json(200, { ...rest, CreatedAt: '1717900000' });
    const out = await get(); // the SDK parses this without complaint
    expect(out.Version).toBeUndefined();
    expect(out.CreatedAt).toEqual(new Date(1717900000 * 1000));
    expect(errors().map((v) => [v.operation, v.pointer, v.keyword, v.seen])).toEqual([
      ['GetDomainLayout', '/Version', 'required', 'absent'],
      ['GetDomainLayout', '/CreatedAt', 'type', 'string "1717900000"'],
    ]);
  });

  it('names the member given an ISO timestamp, where the SDK only throws a generic parse error', async () => {
    canned = json(200, { ...good, LastUpdatedAt: '2024-06-09T00:00:00Z' });
    await expect(get()).rejects.toThrow(/Expected real number/);
    expect(errors()).toEqual([
      {
        operation: 'GetDomainLayout',
        part: 'body',
        pointer: '/LastUpdatedAt',
        expected: 'timestamp as a JSON number (epoch seconds)',
        seen: 'string "2024-06-09T00:00:00Z"',
        severity: 'error',
        keyword: 'type',
        exchange: 0,
      },
    ]);
  });

  it('reports an unknown member as a warning while the SDK drops it', async () => {
    canned = json(200, { ...good, Brand: 'new' });
    const out = (await get()) as unknown as Record<string, unknown>;
    expect(out.Brand).toBeUndefined();
    expect(wire.violations().map((v) => [v.pointer, v.severity])).toEqual([['/Brand', 'warning']]);
  });

  it('flags an error sent with the wrong status while the SDK still raises the modeled error', async () => {
    canned = json(400, { Message: 'gone' }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    await expect(get()).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(errors().map((v) => [v.part, v.expected, v.seen])).toEqual([['status', 'status 404 for ResourceNotFoundException', 'status 400']]);
  });

  it('captures nothing after detach', async () => {
    const local = new CustomerProfilesClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLETESTONLY', secretAccessKey: 'not-a-real-secret' },
      maxAttempts: 1,
    });
    const w = attachWireValidation({ client: local, validate: false });
    canned = json(200, good);
    await local.send(new GetDomainLayoutCommand({ DomainName: 'cpct-d1', LayoutDefinitionName: 'main' }));
    expect(w.exchanges()).toHaveLength(1);
    expect(w.violations()).toEqual([]);
    w.detach();
    await local.send(new GetDomainLayoutCommand({ DomainName: 'cpct-d1', LayoutDefinitionName: 'main' }));
    expect(w.exchanges()).toHaveLength(1);
    local.destroy();
  });
});
