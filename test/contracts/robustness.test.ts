import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCase,
  describeRequest,
  familyArbitrary,
  generatedRuns,
  judgeAnswer,
  robustnessFamilies,
  robustnessId,
  shapeDefs,
  type Family,
  type RawRequest,
} from '../../harness/contracts/robustness.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';

const registry = createSchemaRegistry();
const index = loadOperationIndex({ dir: registry.dir });
const defs = shapeDefs({ registry });

// Constraints copied by hand from the Smithy model (CreateDomainLayoutRequest: name, displayName, sensitiveText,
// LayoutType, TagMap; ListDomainLayouts: maxSize100), not from the code under test.
const NAME = /^[a-zA-Z0-9_-]+$/;
const DISPLAY_NAME = /^[a-zA-Z_][a-zA-Z_0-9-\s]*$/;
const LAYOUT_URI = '/domains/{DomainName}/layouts/{LayoutDefinitionName}';

const layoutRequest: RawRequest = {
  method: 'POST',
  path: '/domains/cpct-run-robustness/layouts/cpct-layout-1',
  query: {},
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ Description: 'desc', DisplayName: 'Shown', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' }),
};
const listRequest: RawRequest = { method: 'GET', path: '/domains/cpct-run-robustness/layouts', query: { 'max-results': '10' }, headers: {} };

const families = (operation: string) => robustnessFamilies({ registry, index, operation });
const familyOf = (operation: string, id: string): Family => families(operation).find((f) => `${f.kind}-${f.nn}` === id)!;
const body = (r: RawRequest | undefined) => JSON.parse(r!.body!) as Record<string, unknown>;
const labelOf = (r: RawRequest | undefined) => decodeURIComponent(r!.path.split('/')[4]);

describe('robustnessFamilies', () => {
  it('returns every kind CreateDomainLayout\'s input has, with ids ROBUST-<Operation>-<kind>-NN', () => {
    const ids = families('CreateDomainLayout').map((family) => robustnessId({ operation: 'CreateDomainLayout', family }));
    expect(ids).toEqual([
      'ROBUST-CreateDomainLayout-required-01',
      'ROBUST-CreateDomainLayout-required-02',
      'ROBUST-CreateDomainLayout-length-01',
      'ROBUST-CreateDomainLayout-length-02',
      'ROBUST-CreateDomainLayout-pattern-01',
      'ROBUST-CreateDomainLayout-enum-01',
      'ROBUST-CreateDomainLayout-size-01',
      'ROBUST-CreateDomainLayout-size-02',
      'ROBUST-CreateDomainLayout-type-01',
      'ROBUST-CreateDomainLayout-malformed-01',
      'ROBUST-CreateDomainLayout-malformed-02',
      'ROBUST-CreateDomainLayout-malformed-03',
    ]);
  });

  it('returns the required body members, the long-enough-to-bound names and one boundary example per slot', () => {
    expect(familyOf('CreateDomainLayout', 'required-01').slots.map((s) => s.member)).toEqual(['Description', 'DisplayName', 'Layout', 'LayoutType']);
    // Layout's maximum (2,000,000 characters) is too large to exceed per case: it is left out.
    const long = familyOf('CreateDomainLayout', 'length-02');
    expect(long.slots.map((s) => s.member)).toEqual(['Description', 'DisplayName', 'DomainName', 'LayoutDefinitionName']);
    expect(long.examples).toHaveLength(4);
  });

  it('returns range, type and label families for ListDomainLayouts and no body families (it has no body)', () => {
    const ids = families('ListDomainLayouts').map((f) => `${f.kind}-${f.nn}`);
    expect(ids).toEqual(['required-02', 'length-02', 'pattern-01', 'range-01', 'range-02', 'type-01']);
  });

  it('returns families whose assumed entry is set exactly for the kinds the model does not state', () => {
    const assumed = families('CreateDomainLayout').filter((f) => f.assumed).map((f) => `${f.kind}-${f.nn}`);
    expect(assumed).toEqual(['required-02', 'type-01', 'malformed-01', 'malformed-02', 'malformed-03']);
  });
});

describe('applyCase', () => {
  it('returns the request without the member given required-01', () => {
    const family = familyOf('CreateDomainLayout', 'required-01');
    const out = applyCase({ family, request: layoutRequest, p: { slot: 1, n: 0 }, uri: LAYOUT_URI, defs });
    expect(body(out)).not.toHaveProperty('DisplayName');
    expect(body(out)).toHaveProperty('Description', 'desc');
  });

  it('returns a label one character over 64 that keeps the name pattern and the run\'s prefix given length-02 at its boundary', () => {
    const family = familyOf('CreateDomainLayout', 'length-02');
    const slot = family.slots.findIndex((s) => s.member === 'LayoutDefinitionName');
    const out = applyCase({ family, request: layoutRequest, p: family.examples[slot], uri: LAYOUT_URI, defs });
    const label = labelOf(out);
    expect(label).toHaveLength(65);
    expect(label.startsWith('cpct-layout-1')).toBe(true);
    expect(NAME.test(label)).toBe(true);
  });

  it('returns values that break only the pattern (length kept) for every generated pattern case', () => {
    const family = familyOf('CreateDomainLayout', 'pattern-01');
    fc.assert(
      fc.property(familyArbitrary({ family }), (p) => {
        const out = applyCase({ family, request: layoutRequest, p, uri: LAYOUT_URI, defs });
        const member = family.slots[p.slot].member;
        const value = member === 'DisplayName' ? String(body(out).DisplayName) : member === 'LayoutDefinitionName' ? labelOf(out) : decodeURIComponent(out!.path.split('/')[2]);
        const pattern = member === 'DisplayName' ? DISPLAY_NAME : NAME;
        return !pattern.test(value) && value.length >= 1 && value.length <= (member === 'DisplayName' ? 255 : 64);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('returns a LayoutType outside the enum for every generated enum case', () => {
    const family = familyOf('CreateDomainLayout', 'enum-01');
    fc.assert(
      fc.property(familyArbitrary({ family }), (p) => {
        const value = body(applyCase({ family, request: layoutRequest, p, uri: LAYOUT_URI, defs })).LayoutType;
        return typeof value === 'string' && value !== 'PROFILE_EXPLORER' && value.length > 0;
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('returns an empty map and a 51-entry tag map given size-01 and size-02 on the absent Tags', () => {
    const small = applyCase({ family: familyOf('CreateDomainLayout', 'size-01'), request: layoutRequest, p: { slot: 0, n: 0 }, uri: LAYOUT_URI, defs });
    expect(body(small).Tags).toEqual({});
    const large = applyCase({ family: familyOf('CreateDomainLayout', 'size-02'), request: layoutRequest, p: { slot: 0, n: 1 }, uri: LAYOUT_URI, defs });
    const tags = body(large).Tags as Record<string, string>;
    expect(Object.keys(tags)).toHaveLength(51);
    expect(Object.keys(tags).every((k) => /^[a-zA-Z+-=._:/]+$/.test(k))).toBe(true);
  });

  it('returns MaxResults 0 and 101 at the boundaries, and a non-number given type-01 on a query member', () => {
    const uri = '/domains/{DomainName}/layouts';
    const below = applyCase({ family: familyOf('ListDomainLayouts', 'range-01'), request: listRequest, p: { slot: 0, n: 1 }, uri, defs });
    const above = applyCase({ family: familyOf('ListDomainLayouts', 'range-02'), request: listRequest, p: { slot: 0, n: 1 }, uri, defs });
    const typed = applyCase({ family: familyOf('ListDomainLayouts', 'type-01'), request: listRequest, p: { slot: 0, n: 0 }, uri, defs });
    expect([below!.query['max-results'], above!.query['max-results']]).toEqual(['0', '101']);
    expect(Number.isNaN(Number(typed!.query['max-results']))).toBe(true);
  });

  it('returns an empty inner path segment given required-02', () => {
    const out = applyCase({ family: familyOf('ListDomainLayouts', 'required-02'), request: listRequest, p: { slot: 0, n: 0 }, uri: '/domains/{DomainName}/layouts', defs });
    expect(out!.path).toBe('/domains//layouts');
  });

  it('returns a body that is never a JSON object given malformed-01 and -02, and another content type given -03', () => {
    for (const n of [0, 1, 5, 40, 99_999]) {
      const cut = applyCase({ family: familyOf('CreateDomainLayout', 'malformed-01'), request: layoutRequest, p: { slot: 0, n }, uri: LAYOUT_URI, defs });
      expect(() => JSON.parse(cut!.body!)).toThrow();
    }
    for (const n of [0, 1]) expect(Array.isArray(JSON.parse(applyCase({ family: familyOf('CreateDomainLayout', 'malformed-02'), request: layoutRequest, p: { slot: 0, n }, uri: LAYOUT_URI, defs })!.body!))).toBe(true);
    const typed = applyCase({ family: familyOf('CreateDomainLayout', 'malformed-03'), request: layoutRequest, p: { slot: 0, n: 0 }, uri: LAYOUT_URI, defs });
    expect(typed!.headers['content-type']).toBe('text/plain');
    expect(typed!.body).toBe(layoutRequest.body);
  });

  it('returns a value of another JSON type for every slot given type-01', () => {
    const family = familyOf('CreateDomainLayout', 'type-01');
    family.examples.forEach((p) => {
      const slot = family.slots[p.slot];
      const value = body(applyCase({ family, request: layoutRequest, p, uri: LAYOUT_URI, defs }))[slot.wire];
      const type = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'integer' : typeof value;
      expect(type === slot.schema.type || (type === 'integer' && slot.schema.type === 'number')).toBe(false);
    });
  });
});

describe('judgeAnswer', () => {
  const json = { 'content-type': 'application/json' };
  const judge = (answer: Parameters<typeof judgeAnswer>[0]['answer']) => judgeAnswer({ answer, operation: 'CreateDomainLayout', index });

  it('returns ok given a 400 BadRequestException with a message, by header or by __type', () => {
    expect(judge({ status: 400, headers: { ...json, 'x-amzn-errortype': 'BadRequestException' }, body: '{"Message":"bad"}' })).toEqual({ ok: true, code: 'BadRequestException', message: 'bad' });
    expect(judge({ status: 400, headers: json, body: '{"__type":"com.amazonaws.customerprofiles#BadRequestException","message":"bad"}' }).ok).toBe(true);
  });

  it('returns a failure given an acceptance, a 5xx, no answer, a non-JSON body, an undeclared type, a wrong status or no message', () => {
    const cases: [Parameters<typeof judge>[0], RegExp][] = [
      [{ status: 200, headers: json, body: '{}' }, /accepted/],
      [{ status: 500, headers: { ...json, 'x-amzn-errortype': 'InternalServerException' }, body: '{"Message":"x"}' }, /HTTP 500/],
      [{ error: 'socket hang up' }, /no answer: socket hang up/],
      [{ status: 400, headers: {}, body: '<html>Bad Request</html>' }, /not JSON/],
      [{ status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: '{"Message":"x"}' }, /does not declare/],
      [{ status: 404, headers: { 'x-amzn-errortype': 'BadRequestException' }, body: '{"Message":"x"}' }, /model gives it HTTP 400/],
      [{ status: 400, headers: { 'x-amzn-errortype': 'BadRequestException' }, body: '{"Message":""}' }, /without a message/],
      [{ status: 400, headers: {}, body: '{"Message":"x"}' }, /without an error type/],
    ];
    for (const [answer, seen] of cases) {
      const verdict = judge(answer);
      expect(verdict.ok).toBe(false);
      expect(verdict.ok ? '' : verdict.seen).toMatch(seen);
    }
  });
});

describe('generatedRuns', () => {
  it('returns fuzz spread over the families, the first ones taking the remainder', () => {
    expect(generatedRuns({ fuzz: 7, families: 3 })).toEqual([3, 2, 2]);
    expect(generatedRuns({ fuzz: 2, families: 4 })).toEqual([1, 1, 0, 0]);
    expect(generatedRuns({ fuzz: 0, families: 2 })).toEqual([0, 0]);
  });
});

describe('describeRequest', () => {
  it('returns method, path, query, content type and body, with long strings shortened to their start and length', () => {
    const line = describeRequest({ request: { ...listRequest, method: 'POST', headers: { 'Content-Type': 'text/plain', authorization: 'secret' }, body: JSON.stringify({ Description: 'd'.repeat(1001) }) } });
    expect(line).toMatch(/^POST \/domains\/cpct-run-robustness\/layouts\?max-results=10 \[content-type: text\/plain\] body \{"Description":"d{24}… \(1001 characters/);
    expect(line).not.toContain('secret');
  });
});
