import { afterAll, describe, expect, it } from 'vitest';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { errorCodeOf, validateExchange, type WireExchange } from '../../harness/wire-validation/index.ts';
import { buildToTempDir } from '../specs/fixture.ts';

const index = loadOperationIndex();
const registry = createSchemaRegistry();

/** A GetDomainLayout response body that satisfies the model, written by hand from the model's shapes. */
const goodLayout = () => ({
  LayoutDefinitionName: 'main-layout',
  Description: 'The main layout',
  DisplayName: 'Main layout',
  IsDefault: false,
  LayoutType: 'PROFILE_EXPLORER',
  Layout: '{}',
  Version: '1',
  CreatedAt: 1717900000,
  LastUpdatedAt: 1717900000.5,
  Tags: { team: 'blue' },
});

function exchange({ operation = 'GetDomainLayout', status = 200, headers = { 'content-type': 'application/json' }, body }: { operation?: string; status?: number; headers?: Record<string, string>; body: unknown }): WireExchange {
  return {
    operation,
    request: { method: 'GET', path: '/domains/d/layouts/l', query: {}, headers: {}, body: null },
    response: { status, headers, body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)) },
  };
}

const check = (x: WireExchange) => validateExchange({ index, registry, exchange: x });

describe('validateExchange on a success response', () => {
  it('returns no violation given a body that satisfies the model', () => {
    expect(check(exchange({ body: goodLayout() }))).toEqual([]);
  });

  it('returns an error at the member given a missing required member', () => {
    const body: Record<string, unknown> = goodLayout();
    delete body.Version;
    expect(check(exchange({ body }))).toEqual([
      { operation: 'GetDomainLayout', part: 'body', pointer: '/Version', expected: 'required member present', seen: 'absent', severity: 'error', keyword: 'required' },
    ]);
  });

  it('returns a warning given a value outside the enum (a response may carry values the model does not list yet)', () => {
    expect(check(exchange({ body: { ...goodLayout(), LayoutType: 'PROFILE_VIEWER' } }))).toEqual([
      { operation: 'GetDomainLayout', part: 'body', pointer: '/LayoutType', expected: 'one of "PROFILE_EXPLORER"', seen: 'string "PROFILE_VIEWER"', severity: 'warning', keyword: 'enum' },
    ]);
  });

  it('returns a warning given a string over its @length (displayName: 255), an input constraint', () => {
    expect(check(exchange({ body: { ...goodLayout(), DisplayName: 'a'.repeat(256) } }))).toEqual([
      { operation: 'GetDomainLayout', part: 'body', pointer: '/DisplayName', expected: 'length <= 255', seen: 'length 256', severity: 'warning', keyword: 'maxLength' },
    ]);
  });

  it('returns a warning given a number out of its @range (ExpirationDays: 1..1098), an input constraint', () => {
    const body = { ObjectTypeName: 'Booking', Description: 'Bookings', ExpirationDays: 5000 };
    expect(check(exchange({ operation: 'GetProfileObjectType', body }))).toEqual([
      { operation: 'GetProfileObjectType', part: 'body', pointer: '/ExpirationDays', expected: 'number <= 1098', seen: 'number 5000', severity: 'warning', keyword: 'maximum' },
    ]);
  });

  it('returns an error given a timestamp sent as an ISO string', () => {
    expect(check(exchange({ body: { ...goodLayout(), CreatedAt: '2024-06-09T00:00:00Z' } }))).toEqual([
      {
        operation: 'GetDomainLayout',
        part: 'body',
        pointer: '/CreatedAt',
        expected: 'timestamp as a JSON number (epoch seconds)',
        seen: 'string "2024-06-09T00:00:00Z"',
        severity: 'error',
        keyword: 'type',
      },
    ]);
  });

  it('returns only a warning given an unknown member', () => {
    expect(check(exchange({ body: { ...goodLayout(), NewFeature: { on: true } } }))).toEqual([
      {
        operation: 'GetDomainLayout',
        part: 'body',
        pointer: '/NewFeature',
        expected: 'only members the model declares',
        seen: 'unknown member "NewFeature"',
        severity: 'warning',
        keyword: 'additionalProperties',
      },
    ]);
  });

  it('hides the value of a sensitive member in the violation', () => {
    const [v] = check(exchange({ body: { ...goodLayout(), Description: '' } }));
    expect(v).toMatchObject({ pointer: '/Description', keyword: 'minLength', seen: 'length 0' });
    const [t] = check(exchange({ body: { ...goodLayout(), Description: 7 } }));
    expect(t.seen).toBe('number (sensitive, not shown)');
  });

  it('returns errors given a non-JSON content type, a body that is not JSON, or an unexpected 2xx status', () => {
    expect(check(exchange({ headers: { 'content-type': 'text/plain' }, body: goodLayout() })).map((v) => [v.part, v.pointer, v.keyword])).toEqual([
      ['headers', '/content-type', 'contentType'],
    ]);
    expect(check(exchange({ body: '<html>' })).map((v) => [v.part, v.keyword])).toEqual([['body', 'json']]);
    expect(check(exchange({ status: 201, body: goodLayout() }))).toEqual([
      { operation: 'GetDomainLayout', part: 'status', pointer: '', expected: 'status 200', seen: 'status 201', severity: 'error', keyword: 'status' },
    ]);
  });

  it('returns a json error given a body behind a byte order mark, which the SDK cannot parse either', () => {
    expect(check(exchange({ body: `\uFEFF${JSON.stringify(goodLayout())}` })).map((v) => [v.part, v.keyword])).toEqual([['body', 'json']]);
  });

  it('treats an empty body as an empty object', () => {
    expect(check(exchange({ operation: 'DeleteDomainLayout', headers: {}, body: '' })).map((v) => v.pointer)).toEqual(['/Message']);
  });
});

describe('validateExchange on an error response', () => {
  const notFound = { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException:http://internal.amazon.com/' };

  it('returns no violation given a declared error with its status and a valid body', () => {
    expect(check(exchange({ status: 404, headers: notFound, body: { Message: 'no such layout' } }))).toEqual([]);
  });

  it('returns an error given an error sent with the wrong status', () => {
    expect(check(exchange({ status: 400, headers: notFound, body: { Message: 'no such layout' } }))).toEqual([
      { operation: 'GetDomainLayout', part: 'status', pointer: '', expected: 'status 404 for ResourceNotFoundException', seen: 'status 400', severity: 'error', keyword: 'status' },
    ]);
  });

  it('returns an error given an error type the service does not have', () => {
    const headers = { 'content-type': 'application/json', 'x-amzn-errortype': 'ConflictException' };
    expect(check(exchange({ status: 409, headers, body: { Message: 'x' } }))).toEqual([
      {
        operation: 'GetDomainLayout',
        part: 'headers',
        pointer: '/x-amzn-errortype',
        expected:
          'an error GetDomainLayout declares (AccessDeniedException, BadRequestException, InternalServerException, ResourceNotFoundException, ThrottlingException)',
        seen: '"ConflictException" from the x-amzn-ErrorType header, not an error of the service',
        severity: 'error',
        keyword: 'errorType',
      },
    ]);
  });

  it('returns an error given a body with no error type at all', () => {
    expect(check(exchange({ status: 400, body: { Message: 'x' } })).map((v) => [v.pointer, v.keyword])).toEqual([['/x-amzn-errortype', 'errorType']]);
  });

  it('reads a namespaced __type from the body and ignores protocol keys in the body', () => {
    const body = { __type: 'com.amazonaws.customerprofiles#BadRequestException', Message: 'bad' };
    expect(check(exchange({ status: 400, body }))).toEqual([]);
    expect(check(exchange({ status: 400, body: { ...body, Message: 5 } })).map((v) => [v.part, v.pointer, v.keyword])).toEqual([['body', '/Message', 'type']]);
  });

  describe('with an operation that declares only some of the service errors (fixture model)', () => {
    const temp = buildToTempDir();
    afterAll(() => temp.cleanup());
    const fxIndex = loadOperationIndex({ dir: temp.dir });
    const fxRegistry = createSchemaRegistry({ dir: temp.dir });

    it('returns an error given an error of the service that the operation does not declare', () => {
      const x = exchange({ operation: 'ListThings', status: 404, headers: { 'x-amzn-errortype': 'NotFound', 'content-type': 'application/json' }, body: {} });
      expect(validateExchange({ index: fxIndex, registry: fxRegistry, exchange: x })).toEqual([
        {
          operation: 'ListThings',
          part: 'headers',
          pointer: '/x-amzn-errortype',
          expected: 'an error ListThings declares (ServiceFault)',
          seen: '"NotFound" from the x-amzn-ErrorType header',
          severity: 'error',
          keyword: 'errorType',
        },
      ]);
    });

    it('skips body validation of a raw payload', () => {
      const x = exchange({ operation: 'UploadThing', status: 200, headers: {}, body: '' });
      expect(validateExchange({ index: fxIndex, registry: fxRegistry, exchange: x })).toEqual([]);
    });
  });
});

describe('errorCodeOf', () => {
  it('prefers the header, strips after ":" and before "#"', () => {
    expect(errorCodeOf({ headers: { 'X-Amzn-ErrorType': 'ThrottlingException:http://x' }, body: { __type: 'Other' } })).toEqual({
      code: 'ThrottlingException',
      source: 'x-amzn-ErrorType header',
    });
    expect(errorCodeOf({ headers: {}, body: { code: 'aws.protocoltests#FooError' } })).toEqual({ code: 'FooError', source: 'body code' });
    expect(errorCodeOf({ headers: {}, body: [] })).toBeNull();
  });
});

describe('validateExchange given an unknown operation', () => {
  it('returns an operation error', () => {
    expect(check(exchange({ operation: 'NoSuchThing', body: {} })).map((v) => v.keyword)).toEqual(['operation']);
  });
});
