import { describe, expect, it, vi } from 'vitest';
import { BadRequestException, ResourceNotFoundException, ThrottlingException } from '../../../harness/mock/models/errors.ts';
import { createWireCore, MAX_BODY_BYTES } from '../../../harness/mock/wire/core.ts';
import { fetchHandler } from '../../../harness/mock/wire/fetch.ts';
import { loadOperationIndex, type OperationIndex } from '../../../harness/operation-index.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../../../harness/schemas.ts';
import { recordingService, send } from './helpers.ts';

const index = loadOperationIndex();
const schemas = createSchemaRegistry();
const ARN = 'arn:aws:profile:us-east-1:111122223333:domains/d1';

function setup(answer?: Parameters<typeof recordingService>[0]['answer'], operations?: string[]) {
  const service = recordingService({ operations: operations ?? Object.keys(index.operations), answer });
  const onInternalError = vi.fn();
  const core = createWireCore({ service, index, schemas, onInternalError });
  return { service, handle: fetchHandler({ core }), core, onInternalError };
}

const layoutBody = { DisplayName: 'Main_view', Description: 'd', IsDefault: true, LayoutType: 'PROFILE_EXPLORER', Layout: '{"a":1}' };
const json = { 'content-type': 'application/json' };

describe('createWireCore decoding', () => {
  it('returns percent-decoded labels as members given encoded path segments', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'GET', path: '/domains/my_domain/layouts/lay%2Dout%5F1' });
    expect(r.status).toBe(200);
    expect(service.calls).toEqual([{ operation: 'GetDomainLayout', input: { DomainName: 'my_domain', LayoutDefinitionName: 'lay-out_1' } }]);
  });

  it('returns the decoded ARN given a percent-encoded resourceArn label, whatever the model pattern says', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'GET', path: `/tags/${encodeURIComponent(ARN)}` });
    expect(r.status).toBe(200);
    expect(service.calls[0]).toEqual({ operation: 'ListTagsForResource', input: { resourceArn: ARN } });
  });

  it('returns integer query members as numbers and strings as strings', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'GET', path: '/domains/d1/layouts?max-results=7&next-token=abc%2B%2F%3D' });
    expect(r.status).toBe(200);
    expect(service.calls[0].input).toEqual({ DomainName: 'd1', MaxResults: 7, NextToken: 'abc+/=' });
  });

  it('returns a list member given a repeated list query parameter', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'DELETE', path: `/tags/${encodeURIComponent(ARN)}?tagKeys=team&tagKeys=cost%2Fcentre` });
    expect(r.status).toBe(200);
    expect(service.calls[0].input).toEqual({ resourceArn: ARN, tagKeys: ['team', 'cost/centre'] });
  });

  it.each([
    ['x7', 'expected an integer'],
    ['1.5', 'expected an integer'],
    ['0x10', 'expected an integer'],
    ['', 'expected an integer'],
    ['0', 'number >= 1'],
    ['101', 'number <= 100'],
  ])('returns BadRequestException naming MaxResults given max-results=%j', async (value, constraint) => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'GET', path: `/domains/d1/layouts?max-results=${value}` });
    expect(r.status).toBe(400);
    expect(r.errorType).toBe('BadRequestException');
    expect(String(r.json.Message)).toContain("'MaxResults'");
    expect(String(r.json.Message)).toContain(constraint);
    expect(service.calls).toHaveLength(0);
  });

  it('returns BadRequestException given a repeated single-valued query parameter', async () => {
    const { handle } = setup();
    const r = await send({ handle, method: 'GET', path: '/domains/d1/layouts?max-results=1&max-results=2' });
    expect(r.status).toBe(400);
    expect(String(r.json.Message)).toMatch(/MaxResults.*single value/);
  });

  it('returns BadRequestException naming tagKeys given UntagResource without its required query', async () => {
    const { handle } = setup();
    const r = await send({ handle, method: 'DELETE', path: `/tags/${encodeURIComponent(ARN)}` });
    expect(r.status).toBe(400);
    expect(String(r.json.Message)).toMatch(/'tagKeys'.*required/);
  });

  it('returns BadRequestException naming the label given a label that breaks its pattern, is empty, or is badly encoded', async () => {
    const { handle } = setup();
    const pattern = await send({ handle, method: 'GET', path: '/domains/bad%20name/layouts' });
    expect(pattern.status).toBe(400);
    expect(String(pattern.json.Message)).toMatch(/'DomainName'.*pattern/);
    const empty = await send({ handle, method: 'GET', path: '/domains//layouts' });
    expect(empty.status).toBe(400);
    expect(String(empty.json.Message)).toMatch(/'DomainName'.*non-empty/);
    const encoding = await send({ handle, method: 'GET', path: '/domains/%E0%A4%A/layouts' });
    expect(encoding.status).toBe(400);
    expect(String(encoding.json.Message)).toMatch(/'DomainName'.*percent-encoding/);
  });

  it('returns the body members given a JSON body, and the labels from the path', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify(layoutBody), headers: json });
    expect(r.status).toBe(200);
    expect(service.calls[0]).toEqual({ operation: 'CreateDomainLayout', input: { DomainName: 'd1', LayoutDefinitionName: 'main', ...layoutBody } });
  });

  it('returns label values, not body values, given a body that repeats a label member', async () => {
    const { service, handle } = setup();
    await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify({ ...layoutBody, DomainName: 'other' }), headers: json });
    expect(service.calls[0].input.DomainName).toBe('d1');
  });

  it.each([
    [{ ...layoutBody, DisplayName: undefined }, 'DisplayName', 'required'],
    [{ ...layoutBody, LayoutType: 'DASHBOARD' }, 'LayoutType', 'enum'],
    [{ ...layoutBody, DisplayName: '9starts-with-digit' }, 'DisplayName', 'pattern'],
    [{ ...layoutBody, Description: '' }, 'Description', 'minLength'],
    [{ ...layoutBody, IsDefault: 'yes' }, 'IsDefault', 'type'],
    [{ ...layoutBody, Tags: {} }, 'Tags', 'minProperties'],
  ])('returns BadRequestException naming member and constraint given %j', async (body, member, keyword) => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify(body), headers: json });
    expect(r.status).toBe(400);
    expect(r.errorType).toBe('BadRequestException');
    expect(String(r.json.Message)).toContain(`'${member}'`);
    expect(String(r.json.Message)).toContain(keyword);
    expect(service.calls).toHaveLength(0);
  });

  it('returns BadRequestException naming Layout given a Layout of 2,000,001 characters, and accepts 2,000,000', async () => {
    const { service, handle } = setup();
    const over = await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify({ ...layoutBody, Layout: 'x'.repeat(2_000_001) }), headers: json });
    expect(over.status).toBe(400);
    expect(String(over.json.Message)).toMatch(/'Layout'.*maxLength/);
    const max = await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify({ ...layoutBody, Layout: 'x'.repeat(2_000_000) }), headers: json });
    expect(max.status).toBe(200);
    expect((service.calls[0].input.Layout as string).length).toBe(2_000_000);
  });

  it('returns the nested member path given a violation deep in the body', async () => {
    const { handle } = setup();
    const body = {
      AttributeDetails: { Attributes: [{ Name: 'Booking.price' }], Expression: '{Booking.price}' },
      Statistic: 'SUM',
      Conditions: { Range: { Value: -1, Unit: 'DAYS' } },
    };
    const r = await send({ handle, method: 'POST', path: '/domains/d1/calculated-attributes/total', body: JSON.stringify(body), headers: json });
    expect(r.status).toBe(400);
    expect(String(r.json.Message)).toContain("'Conditions.Range.Value'");
    expect(String(r.json.Message)).toContain('>= 0');
  });

  it('ignores unknown body members (they are warnings, not errors)', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify({ ...layoutBody, Extra: 1 }), headers: json });
    expect(r.status).toBe(200);
    expect(service.calls[0].input).not.toHaveProperty('Extra');
  });

  it('returns an empty input body given a body operation sent with no body at all', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'POST', path: '/domains/d1/detect/object-types' });
    expect(r.status).toBe(400);
    expect(String(r.json.Message)).toMatch(/'Objects'.*required/);
    expect(service.calls).toHaveLength(0);
  });

  it('ignores the body and its content type given an operation without body members', async () => {
    const { service, handle } = setup();
    const r = await send({ handle, method: 'DELETE', path: '/domains/d1', body: 'not json', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(200);
    expect(service.calls[0]).toEqual({ operation: 'DeleteDomain', input: { DomainName: 'd1' } });
  });

  it('accepts application/json with parameters and any case', async () => {
    const { handle } = setup();
    const r = await send({ handle, method: 'POST', path: '/domains/d1/layouts/main', body: JSON.stringify(layoutBody), headers: { 'content-type': 'Application/JSON; charset=utf-8' } });
    expect(r.status).toBe(200);
  });
});

describe('createWireCore body map and bindings (synthetic operation)', () => {
  // A hand-made operation whose wire keys differ from member names, to prove the body map is followed both ways.
  const synthetic: OperationIndex = {
    service: index.service,
    errors: index.errors,
    operations: {
      PutThing: {
        http: { method: 'PUT', uri: '/things/{ThingId}', code: 201 },
        input: { labels: { ThingId: 'ThingId' }, query: {}, headers: { Trace: 'x-trace' }, body: { Colour: 'colour', Size: 'size' }, payload: null, required: ['ThingId'] },
        output: { headers: { Etag: 'ETag' }, body: { ThingId: 'thingId', Made: 'madeAt', Parts: 'parts' }, payload: null, responseCode: null, required: [] },
        errors: ['BadRequestException'],
        paginated: null,
        idempotent: true,
        readonly: false,
      },
    },
  };
  const stubSchemas = {
    bindingSchemas: () => ({
      ThingId: { in: 'label', name: 'ThingId', required: true, schema: { type: 'string' } },
      Trace: { in: 'header', name: 'x-trace', required: false, schema: { type: 'integer' } },
    }),
    validateBinding: ({ value }: { value: unknown }) => ({ value, violations: [] }),
    validateInput: () => [],
    rawSchema: () => ({ $defs: {} }),
  } as unknown as SchemaRegistry;

  it('returns members from wire keys and wire keys from members, with Dates as epoch seconds and undefined omitted', async () => {
    const service = recordingService({
      operations: ['PutThing'],
      answer: () => ({
        ThingId: 't1',
        Made: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
        Parts: [{ At: new Date(1_000), Gone: undefined }],
        Etag: 'v1',
        Unbound: 'dropped',
        Missing: undefined,
      }),
    });
    const handle = fetchHandler({ core: createWireCore({ service, index: synthetic, schemas: stubSchemas }) });
    const response = await handle(
      new Request('http://mock.test/things/t%201', { method: 'PUT', body: '{"colour":"red","size":3,"Colour":"ignored"}', headers: { 'x-trace': '42', 'content-type': 'application/json' } }),
    );
    expect(service.calls[0].input).toEqual({ ThingId: 't 1', Trace: 42, Colour: 'red', Size: 3 });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('v1');
    // 2024-01-02T03:04:05.678Z is 1704164645.678 seconds after the epoch.
    expect(await response.text()).toBe('{"thingId":"t1","madeAt":1704164645.678,"parts":[{"At":1}]}');
  });
});

describe('createWireCore errors', () => {
  it.each([
    [new ResourceNotFoundException('No domain d1'), 404, 'ResourceNotFoundException'],
    [new BadRequestException('bad'), 400, 'BadRequestException'],
    [new ThrottlingException('slow down'), 429, 'ThrottlingException'],
  ])('returns status, x-amzn-ErrorType and {Message} given the service throws %s', async (error, status, code) => {
    const { handle } = setup(() => {
      throw error;
    });
    const r = await send({ handle, method: 'GET', path: '/domains/d1' });
    expect(r.status).toBe(status);
    expect(r.errorType).toBe(code);
    expect(r.contentType).toBe('application/json');
    expect(r.json).toEqual({ Message: error.message });
  });

  it('returns a modelled 500 and reports the bug given the service throws a plain Error', async () => {
    const { handle, onInternalError } = setup(() => {
      throw new TypeError('x is undefined');
    });
    const r = await send({ handle, method: 'GET', path: '/domains/d1' });
    expect(r.status).toBe(500);
    expect(r.errorType).toBe('InternalServerException');
    expect(String(r.json.Message)).toContain('x is undefined');
    expect(onInternalError).toHaveBeenCalledTimes(1);
  });

  it('returns ResourceNotFoundException 404 given a route outside the model', async () => {
    const { handle } = setup();
    const r = await send({ handle, method: 'GET', path: '/no/such/route' });
    expect([r.status, r.errorType]).toEqual([404, 'ResourceNotFoundException']);
    expect(String(r.json.Message)).toContain('GET /no/such/route');
  });

  it('returns AccessDeniedException 403 given a model route the service does not implement', async () => {
    const { handle, service } = setup(undefined, ['GetDomain']);
    const r = await send({ handle, method: 'GET', path: '/domains/d1/matches' });
    expect([r.status, r.errorType]).toEqual([403, 'AccessDeniedException']);
    expect(String(r.json.Message)).toBe('GetMatches is not implemented by the reference implementation');
    expect(service.calls).toHaveLength(0);
  });

  it('returns BadRequestException given malformed JSON, a non-object body, a wrong content type, invalid UTF-8 or an oversized body, and serves the next request', async () => {
    const { handle, service } = setup();
    const path = '/domains/d1/layouts/main';
    const cases: { body: string | Uint8Array; headers: Record<string, string>; message: RegExp }[] = [
      { body: '{"DisplayName": ', headers: json, message: /not valid JSON/ },
      { body: '[1,2]', headers: json, message: /must be a JSON object/ },
      { body: 'null', headers: json, message: /must be a JSON object/ },
      { body: JSON.stringify(layoutBody), headers: { 'content-type': 'application/xml' }, message: /Content-Type must be application\/json/ },
      { body: new Uint8Array([0x7b, 0xff, 0x7d]), headers: json, message: /not valid UTF-8/ },
      { body: new Uint8Array(MAX_BODY_BYTES + 1).fill(0x20), headers: json, message: /exceeds .*8388608 bytes/ },
    ];
    for (const c of cases) {
      const r = await send({ handle, method: 'POST', path, body: c.body, headers: c.headers });
      expect(r.status).toBe(400);
      expect(r.errorType).toBe('BadRequestException');
      expect(String(r.json.Message)).toMatch(c.message);
      const next = await send({ handle, method: 'POST', path, body: JSON.stringify(layoutBody), headers: json });
      expect(next.status).toBe(200);
    }
    expect(service.calls).toHaveLength(cases.length);
  });
});

describe('createWireCore request ids', () => {
  it('returns a UUID-shaped counter id on every response, the same sequence for every fresh instance', async () => {
    const ids = async () => {
      const { handle } = setup(() => {
        throw new BadRequestException('no');
      });
      const out: (string | null)[] = [];
      out.push((await send({ handle, method: 'GET', path: '/domains/d1' })).requestId);
      out.push((await send({ handle, method: 'GET', path: '/unknown' })).requestId);
      out.push((await send({ handle, method: 'GET', path: '/domains/d1/layouts?max-results=x' })).requestId);
      return out;
    };
    const first = await ids();
    expect(first).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003']);
    expect(await ids()).toEqual(first);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
