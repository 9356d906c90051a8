import { describe, expect, it } from 'vitest';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createAjv, createSchemaRegistry, dropNullMembers, toViolations, type CheckPolicy } from '../../harness/schemas.ts';
import { validateExchange, type WireExchange } from '../../harness/wire-validation/index.ts';

const index = loadOperationIndex();
const registry = createSchemaRegistry();

describe('dropNullMembers', () => {
  it('returns the value without null members at any depth, map entries included, given nested nulls', () => {
    const value = { A: null, B: { C: null, D: 1, E: { F: null } }, Tags: { team: null, env: 'prod' }, G: [{ H: null, I: 'x' }] };
    expect(dropNullMembers({ value })).toEqual({ B: { D: 1, E: {} }, Tags: { env: 'prod' }, G: [{ I: 'x' }] });
  });

  it('returns null list items unchanged (a null item is not an absent member)', () => {
    expect(dropNullMembers({ value: { Items: [null, 'a'] } })).toEqual({ Items: [null, 'a'] });
    expect(dropNullMembers({ value: null })).toBeNull();
  });
});

/**
 * One schema with a member per rule kind, written by hand the way specs/build-schemas renders the model's traits:
 * doubles as number | "NaN"/"Infinity" with a pattern, unions as objects with exactly one member.
 */
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['Name'],
  properties: {
    Name: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$' },
    Count: { type: 'integer', minimum: 1, maximum: 9 },
    Score: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 },
    Ratio: { type: ['number', 'string'], pattern: '^(NaN|-?Infinity)$', minimum: 0, maximum: 1, 'x-smithy-type': 'double' },
    List: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
    Set: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    Map: { type: 'object', minProperties: 1, maxProperties: 2, propertyNames: { pattern: '^k' }, additionalProperties: { type: 'string' }, 'x-smithy-type': 'map' },
    Kind: { type: 'string', enum: ['A', 'B'], 'x-smithy-type': 'enum' },
    Choice: { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false, properties: { X: { type: 'string' }, Y: { type: 'string' } }, 'x-smithy-type': 'union' },
  },
};
const validate = createAjv().compile(SCHEMA);

function findings({ value, policy }: { value: unknown; policy: CheckPolicy }): [string, string, string][] {
  const checked = policy === 'response' ? dropNullMembers({ value }) : value;
  return validate(checked) ? [] : toViolations({ errors: validate.errors ?? [], policy }).map((v) => [v.pointer, v.keyword, v.severity]);
}

describe('toViolations under the request and the response policy', () => {
  // The policy as the issue states it: for responses, input constraints and unlisted enum values are warnings; a
  // missing required member, a wrong type, a union without exactly one member and a double that is no number stay errors.
  const cases: { rule: string; value: Record<string, unknown>; pointer: string; keyword: string; request: string; response: string }[] = [
    { rule: 'minLength', value: { Name: 'a' }, pointer: '/Name', keyword: 'minLength', request: 'error', response: 'warning' },
    { rule: 'maxLength', value: { Name: 'abcde' }, pointer: '/Name', keyword: 'maxLength', request: 'error', response: 'warning' },
    { rule: 'pattern on a string', value: { Name: 'AB' }, pointer: '/Name', keyword: 'pattern', request: 'error', response: 'warning' },
    { rule: 'minimum', value: { Name: 'ab', Count: 0 }, pointer: '/Count', keyword: 'minimum', request: 'error', response: 'warning' },
    { rule: 'maximum', value: { Name: 'ab', Count: 10 }, pointer: '/Count', keyword: 'maximum', request: 'error', response: 'warning' },
    { rule: 'exclusiveMinimum', value: { Name: 'ab', Score: 0 }, pointer: '/Score', keyword: 'exclusiveMinimum', request: 'error', response: 'warning' },
    { rule: 'exclusiveMaximum', value: { Name: 'ab', Score: 10 }, pointer: '/Score', keyword: 'exclusiveMaximum', request: 'error', response: 'warning' },
    { rule: 'range of a double', value: { Name: 'ab', Ratio: 2 }, pointer: '/Ratio', keyword: 'maximum', request: 'error', response: 'warning' },
    { rule: 'minItems', value: { Name: 'ab', List: [] }, pointer: '/List', keyword: 'minItems', request: 'error', response: 'warning' },
    { rule: 'maxItems', value: { Name: 'ab', List: ['a', 'b', 'c'] }, pointer: '/List', keyword: 'maxItems', request: 'error', response: 'warning' },
    { rule: 'uniqueItems', value: { Name: 'ab', Set: ['a', 'a'] }, pointer: '/Set', keyword: 'uniqueItems', request: 'error', response: 'warning' },
    { rule: 'minProperties of a map other than TagMap', value: { Name: 'ab', Map: {} }, pointer: '/Map', keyword: 'minProperties', request: 'error', response: 'warning' },
    { rule: 'maxProperties of a map', value: { Name: 'ab', Map: { k1: 'a', k2: 'b', k3: 'c' } }, pointer: '/Map', keyword: 'maxProperties', request: 'error', response: 'warning' },
    { rule: 'a map key breaking its pattern', value: { Name: 'ab', Map: { x: 'a' } }, pointer: '/Map/x', keyword: 'pattern', request: 'error', response: 'warning' },
    { rule: 'an enum value the model does not list', value: { Name: 'ab', Kind: 'C' }, pointer: '/Kind', keyword: 'enum', request: 'error', response: 'warning' },
    { rule: 'an unknown member', value: { Name: 'ab', Extra: 1 }, pointer: '/Extra', keyword: 'additionalProperties', request: 'warning', response: 'warning' },
    { rule: 'a missing required member', value: {}, pointer: '/Name', keyword: 'required', request: 'error', response: 'error' },
    { rule: 'a wrong JSON type', value: { Name: 'ab', Count: 'three' }, pointer: '/Count', keyword: 'type', request: 'error', response: 'error' },
    { rule: 'a double that is a string but not NaN / Infinity', value: { Name: 'ab', Ratio: 'half' }, pointer: '/Ratio', keyword: 'pattern', request: 'error', response: 'error' },
    { rule: 'a union with two members set', value: { Name: 'ab', Choice: { X: 'a', Y: 'b' } }, pointer: '/Choice', keyword: 'maxProperties', request: 'error', response: 'error' },
    { rule: 'a union with no member set', value: { Name: 'ab', Choice: {} }, pointer: '/Choice', keyword: 'minProperties', request: 'error', response: 'error' },
    { rule: 'a null list item', value: { Name: 'ab', List: [null] }, pointer: '/List/0', keyword: 'type', request: 'error', response: 'error' },
  ];

  for (const c of cases) {
    it(`returns ${c.request} for a request and ${c.response} for a response given ${c.rule}`, () => {
      expect(findings({ value: c.value, policy: 'request' })).toEqual([[c.pointer, c.keyword, c.request]]);
      expect(findings({ value: c.value, policy: 'response' })).toEqual([[c.pointer, c.keyword, c.response]]);
    });
  }

  it('returns nothing for a response and a type error for a request given a null optional member', () => {
    expect(findings({ value: { Name: 'ab', Count: null }, policy: 'response' })).toEqual([]);
    expect(findings({ value: { Name: 'ab', Count: null }, policy: 'request' })).toEqual([['/Count', 'type', 'error']]);
  });

  it('returns a missing-member error for a response given a null required member', () => {
    expect(findings({ value: { Name: null }, policy: 'response' })).toEqual([['/Name', 'required', 'error']]);
  });
});

function exchange({ operation, status = 200, headers = { 'content-type': 'application/json' }, body }: { operation: string; status?: number; headers?: Record<string, string>; body: unknown }): WireExchange {
  return {
    operation,
    request: { method: 'GET', path: '/', query: {}, headers: {}, body: null },
    response: { status, headers, body: new TextEncoder().encode(JSON.stringify(body)) },
  };
}
const check = (x: WireExchange) => validateExchange({ index, registry, exchange: x }).map((v) => [v.part, v.pointer, v.keyword, v.severity]);
const layout = () => ({ LayoutDefinitionName: 'main', Description: 'd', DisplayName: 'Main', LayoutType: 'PROFILE_EXPLORER', Layout: '{}', Version: '1', CreatedAt: 1, LastUpdatedAt: 1 });

describe('validateExchange under the response policy (committed schemas)', () => {
  it('returns nothing given an empty tag map (TagMap has @length(min: 1), AWS documents "Tags": {})', () => {
    expect(check(exchange({ operation: 'GetDomainLayout', body: { ...layout(), Tags: {} } }))).toEqual([]);
    expect(check(exchange({ operation: 'ListDomains', body: { Items: [{ DomainName: 'd', CreatedAt: 1, LastUpdatedAt: 1, Tags: {} }] } }))).toEqual([]);
  });

  it('returns a warning given a tag map above its maximum (51 entries)', () => {
    const Tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(check(exchange({ operation: 'GetDomainLayout', body: { ...layout(), Tags } }))).toEqual([['body', '/Tags', 'maxProperties', 'warning']]);
  });

  it('returns nothing given JSON null optional members, and a missing-member error given a null required one', () => {
    expect(check(exchange({ operation: 'GetDomainLayout', body: { ...layout(), Tags: null, IsDefault: null } }))).toEqual([]);
    expect(check(exchange({ operation: 'GetDomainLayout', body: { ...layout(), Version: null } }))).toEqual([['body', '/Version', 'required', 'error']]);
  });

  it('returns a type error given a null list item', () => {
    expect(check(exchange({ operation: 'ListDomains', body: { Items: [null] } }))).toEqual([['body', '/Items/0', 'type', 'error']]);
  });

  it('returns a warning given a DisplayName that breaks the model pattern', () => {
    expect(check(exchange({ operation: 'GetDomainLayout', body: { ...layout(), DisplayName: "Customer's layout" } }))).toEqual([['body', '/DisplayName', 'pattern', 'warning']]);
  });

  it('reads null members of an error body as absent and keeps its types', () => {
    const headers = { 'content-type': 'application/json', 'x-amzn-errortype': 'BadRequestException' };
    expect(check(exchange({ operation: 'GetDomainLayout', status: 400, headers, body: { Message: null } }))).toEqual([]);
    expect(check(exchange({ operation: 'GetDomainLayout', status: 400, headers, body: { Message: 5 } }))).toEqual([['body', '/Message', 'type', 'error']]);
  });
});

describe('SchemaRegistry.validateInput (the reference implementation\'s request checks)', () => {
  const input = { Description: 'd', DisplayName: 'Main', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' };
  const severities = (value: unknown) => registry.validateInput({ operation: 'CreateDomainLayout', value }).map((v) => [v.pointer, v.keyword, v.severity]);

  it('returns errors given what a response may carry with warnings only: an empty tag map, a pattern break, an unlisted enum value, a null member', () => {
    expect(severities({ ...input, Tags: {} })).toEqual([['/Tags', 'minProperties', 'error']]);
    expect(severities({ ...input, DisplayName: "Customer's layout" })).toEqual([['/DisplayName', 'pattern', 'error']]);
    expect(severities({ ...input, LayoutType: 'PROFILE_VIEWER' })).toEqual([['/LayoutType', 'enum', 'error']]);
    expect(severities({ ...input, IsDefault: null })).toEqual([['/IsDefault', 'type', 'error']]);
  });

  it('returns strict violations from validateOutput given policy request', () => {
    expect(registry.validateOutput({ operation: 'GetDomainLayout', value: { ...layout(), Tags: {} }, policy: 'request' }).map((v) => v.severity)).toEqual(['error']);
  });
});
