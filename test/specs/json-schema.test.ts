import { afterAll, describe, expect, it } from 'vitest';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { buildParsed, buildToTempDir, fixtureModel } from './fixture.ts';

const files = buildParsed();
const shapes = files['shapes.json'].$defs;
const putIn = files['PutThing.input.json'];
const temp = buildToTempDir();
const registry = createSchemaRegistry({ dir: temp.dir });
afterAll(() => temp.cleanup());

describe('buildSchemaFiles', () => {
  it('writes one input and one output file per operation, one file per error, shapes.json and operations.json', () => {
    expect(Object.keys(files).sort()).toEqual([
      'GetStatus.input.json',
      'GetStatus.output.json',
      'ListThings.input.json',
      'ListThings.output.json',
      'PutThing.input.json',
      'PutThing.output.json',
      'UploadThing.input.json',
      'UploadThing.output.json',
      'errors/BadInput.json',
      'errors/NotFound.json',
      'errors/ServiceFault.json',
      'operations.json',
      'shapes.json',
    ]);
  });

  it('gives every file an $id under the base and relative $refs that resolve from the file', () => {
    expect(putIn.$id).toBe('https://cpct.invalid/schemas/PutThing.input.json');
    expect(putIn.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(files['errors/BadInput.json'].$id).toBe('https://cpct.invalid/schemas/errors/BadInput.json');
    expect(files['shapes.json'].$id).toBe('https://cpct.invalid/schemas/shapes.json');
    expect(putIn.properties.Count).toEqual({ $ref: 'shapes.json#/$defs/Count' });
    expect(files['errors/BadInput.json'].properties.Reason).toEqual({ $ref: '../shapes.json#/$defs/Color' });
    expect(shapes.TagKeyList.items).toEqual({ $ref: '#/$defs/TagKey' });
  });

  it('keeps top-level input and output structures out of shapes.json but shares nested ones', () => {
    expect(shapes.PutThingInput).toBeUndefined();
    expect(shapes.ListThingsOutput).toBeUndefined();
    expect(shapes.ThingSummary).toBeDefined();
  });
});

describe('@required and @default', () => {
  it('lists @required members by wire name and leaves @default-only members optional with a default', () => {
    expect(putIn.required).toEqual(['Limit', 'name']);
    expect(putIn.properties.Enabled).toEqual({ $ref: 'shapes.json#/$defs/Flag', default: false });
    expect(putIn.properties.Mode).toEqual({ $ref: 'shapes.json#/$defs/Mode', default: 'AUTO' });
    expect(shapes.Flag.default).toBe(false);
  });

  it('reports a missing @required member as an error and an absent @default member as nothing', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a' } });
    expect(v).toEqual([{ pointer: '/Limit', expected: 'required member present', seen: 'absent', severity: 'error', keyword: 'required' }]);
  });
});

describe('@jsonName', () => {
  it('names the property by its jsonName in bodies and nested structures', () => {
    expect(Object.keys(putIn.properties)).toContain('name');
    expect(Object.keys(putIn.properties)).not.toContain('Name');
    expect(shapes.ThingSummary.properties).toHaveProperty('name');
    expect(shapes.ThingSummary.required).toEqual(['ThingId']);
  });
});

describe('@httpLabel, @httpQuery, @httpHeader', () => {
  it('moves bound members out of the body into x-http-bindings with wire names and constraints', () => {
    expect(putIn.properties.ThingId).toBeUndefined();
    expect(putIn.properties.DryRun).toBeUndefined();
    expect(putIn['x-http-bindings']).toEqual({
      ThingId: { in: 'label', name: 'ThingId', required: true, schema: { $ref: 'shapes.json#/$defs/Id' } },
      DryRun: { in: 'query', name: 'dry-run', required: false, schema: { type: 'boolean', 'x-smithy-type': 'boolean' } },
      Since: {
        in: 'query',
        name: 'since',
        required: false,
        schema: { type: 'string', format: 'date-time', 'x-smithy-type': 'timestamp', 'x-timestamp-format': 'date-time' },
      },
      Token: { in: 'header', name: 'x-fixture-token', required: false, schema: { $ref: 'shapes.json#/$defs/Token' } },
    });
  });

  it('validates a label value against the label member constraints', () => {
    expect(registry.validateBinding({ operation: 'PutThing', member: 'ThingId', value: 'abc-1' }).violations).toEqual([]);
    const bad = registry.validateBinding({ operation: 'PutThing', member: 'ThingId', value: 'ABC' }).violations;
    expect(bad.map((x) => x.keyword)).toEqual(['pattern']);
  });

  it('coerces query strings to the member type before checking @range', () => {
    const ok = registry.validateBinding({ operation: 'ListThings', member: 'MaxResults', value: '7', coerce: true });
    expect(ok).toEqual({ value: 7, violations: [] });
    const high = registry.validateBinding({ operation: 'ListThings', member: 'MaxResults', value: '101', coerce: true });
    expect(high.violations).toEqual([{ pointer: '', expected: 'number <= 100', seen: 'number 101', severity: 'error', keyword: 'maximum' }]);
    const list = registry.validateBinding({ operation: 'ListThings', member: 'Colors', value: 'red', coerce: true });
    expect(list).toEqual({ value: ['red'], violations: [] });
  });
});

describe('@httpPayload and @httpResponseCode', () => {
  it('makes a structure payload the whole body and a blob payload raw', () => {
    const status = files['GetStatus.output.json'];
    expect(status.$ref).toBe('shapes.json#/$defs/StatusDetail');
    expect(status['x-http-payload']).toBe('Detail');
    expect(status['x-http-bindings'].Code.in).toBe('responseCode');
    const upload = files['UploadThing.input.json'];
    expect(upload['x-raw-payload']).toBe(true);
    expect(upload['x-http-payload']).toBe('Body');
    expect(upload.properties).toBeUndefined();
  });

  it('validates a structure payload body against the payload shape', () => {
    expect(registry.validateOutput({ operation: 'GetStatus', value: { Healthy: true } })).toEqual([]);
    expect(registry.validateOutput({ operation: 'GetStatus', value: {} }).map((x) => x.pointer)).toEqual(['/Healthy']);
  });
});

describe('@length', () => {
  it('maps to minLength/maxLength on strings, minItems/maxItems on lists, maxProperties on maps, and on members', () => {
    expect(shapes.ShortName).toMatchObject({ type: 'string', minLength: 1, maxLength: 10 });
    expect(shapes.TagKeyList).toMatchObject({ type: 'array', minItems: 1, maxItems: 3 });
    expect(shapes.LabelMap).toMatchObject({ type: 'object', maxProperties: 2 });
    expect(shapes.LabelMap.minProperties).toBeUndefined();
    expect(putIn.properties.Tiny).toEqual({ type: 'string', maxLength: 3, 'x-smithy-type': 'string' });
  });

  it('reports a string over its length with its length', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'abcdefghijk', Limit: 0 } });
    expect(v).toEqual([{ pointer: '/name', expected: 'length <= 10', seen: 'length 11', severity: 'error', keyword: 'maxLength' }]);
  });
});

describe('@pattern', () => {
  it('copies the pattern and compiles look-aheads and \\s with the unicode flag', () => {
    expect(shapes.TagKey.pattern).toBe('^(?!aws:)[a-zA-Z+-=._:/]+$');
    expect(shapes.Note.pattern).toBe('^[\\w\\s]*$');
    const base = { name: 'a', Limit: 0 };
    expect(registry.validateInput({ operation: 'PutThing', value: { ...base, TagKeys: ['team'], Note: 'two words' } })).toEqual([]);
    const bad = registry.validateInput({ operation: 'PutThing', value: { ...base, TagKeys: ['aws:owner'], Note: 'semi;colon' } });
    expect(bad.map((x) => [x.pointer, x.keyword])).toEqual([
      ['/Note', 'pattern'],
      ['/TagKeys/0', 'pattern'],
    ]);
  });

  it('checks map keys against the key shape', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Labels: { 'aws:x': 'v' } } });
    expect(v).toEqual([
      { pointer: '/Labels/aws:x', expected: 'map key string matching /^(?!aws:)[a-zA-Z+-=._:/]+$/', seen: 'string "aws:x"', severity: 'error', keyword: 'pattern' },
    ]);
  });
});

describe('@range', () => {
  it('maps to minimum/maximum and keeps int32 bounds on integers', () => {
    expect(shapes.Count).toEqual({ type: 'integer', minimum: 1, maximum: 5, 'x-smithy-type': 'integer' });
    expect(putIn.properties.Limit).toMatchObject({ minimum: -2147483648, maximum: 2147483647 });
    expect(shapes.BigNumber).toEqual({ type: 'integer', 'x-smithy-type': 'long' });
  });

  it('reports a number out of range', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Count: 6 } });
    expect(v).toEqual([{ pointer: '/Count', expected: 'number <= 5', seen: 'number 6', severity: 'error', keyword: 'maximum' }]);
  });
});

describe('enum and intEnum', () => {
  it('lists enum values (not member names) in model order', () => {
    expect(shapes.Color).toEqual({ type: 'string', enum: ['red', 'green'], 'x-smithy-type': 'enum' });
    expect(shapes.Level).toEqual({ type: 'integer', enum: [1, 2], 'x-smithy-type': 'intEnum' });
  });

  it('reports a value outside the enum', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Color: 'RED', Level: 3 } });
    expect(v.map((x) => [x.pointer, x.keyword, x.expected])).toEqual([
      ['/Color', 'enum', 'one of "red", "green"'],
      ['/Level', 'enum', 'one of 1, 2'],
    ]);
  });
});

describe('timestamps', () => {
  it('maps body timestamps to JSON numbers and a date-time member to an RFC 3339 string', () => {
    expect(putIn.properties.When).toEqual({ type: 'number', 'x-smithy-type': 'timestamp' });
    expect(putIn.properties.WhenIso).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('reports an ISO string where epoch seconds are due', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, When: '2024-01-01T00:00:00Z' } });
    expect(v).toEqual([
      { pointer: '/When', expected: 'timestamp as a JSON number (epoch seconds)', seen: 'string "2024-01-01T00:00:00Z"', severity: 'error', keyword: 'type' },
    ]);
  });
});

describe('doubles, documents, blobs', () => {
  it('accepts numbers and the restJson1 non-finite strings for doubles, nothing else', () => {
    const base = { name: 'a', Limit: 0 };
    expect(registry.validateInput({ operation: 'PutThing', value: { ...base, Ratio: 0.5 } })).toEqual([]);
    expect(registry.validateInput({ operation: 'PutThing', value: { ...base, Ratio: 'NaN' } })).toEqual([]);
    expect(registry.validateInput({ operation: 'PutThing', value: { ...base, Ratio: 'half' } }).map((x) => x.keyword)).toEqual(['pattern']);
    expect(registry.validateInput({ operation: 'PutThing', value: { ...base, Ratio: 2 } }).map((x) => x.keyword)).toEqual(['maximum']);
  });

  it('accepts any JSON for documents and a string for blobs', () => {
    expect(putIn.properties.Extra).toEqual({ 'x-smithy-type': 'document' });
    expect(putIn.properties.Data).toEqual({ type: 'string', contentEncoding: 'base64', 'x-smithy-type': 'blob' });
    expect(registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Extra: [1, { a: null }], Data: 'AAE=' } })).toEqual([]);
  });
});

describe('unions', () => {
  it('maps a union to an object with exactly one member', () => {
    expect(shapes.Choice).toMatchObject({ type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false });
    const base = { name: 'a', Limit: 0 };
    expect(registry.validateInput({ operation: 'PutThing', value: { ...base, Choice: { Text: 'x' } } })).toEqual([]);
    const two = registry.validateInput({ operation: 'PutThing', value: { ...base, Choice: { Text: 'x', Amount: 1 } } });
    expect(two).toEqual([{ pointer: '/Choice', expected: 'exactly one union member set', seen: 'object with 2 members', severity: 'error', keyword: 'maxProperties' }]);
  });
});

describe('collections: @sparse and @uniqueItems', () => {
  it('allows null items only in sparse lists and marks unique lists', () => {
    expect(shapes.SparseList.items).toEqual({ anyOf: [{ type: 'string', 'x-smithy-type': 'string' }, { type: 'null' }] });
    expect(shapes.UniqueList.uniqueItems).toBe(true);
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Sparse: ['x', null], Unique: ['x', 'x'] } });
    expect(v.map((x) => [x.pointer, x.keyword])).toEqual([['/Unique', 'uniqueItems']]);
  });
});

describe('@sensitive', () => {
  it('annotates the shape and keeps its value out of violation messages', () => {
    expect(shapes.Secret).toEqual({ type: 'string', 'x-sensitive': true, 'x-smithy-type': 'string' });
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Secret: 42 } });
    expect(v).toEqual([{ pointer: '/Secret', expected: 'type string', seen: 'number (sensitive, not shown)', severity: 'error', keyword: 'type' }]);
  });
});

describe('unknown members', () => {
  it('reports an unknown member as a warning only', () => {
    const v = registry.validateInput({ operation: 'PutThing', value: { name: 'a', Limit: 0, Surprise: 1 } });
    expect(v).toEqual([
      { pointer: '/Surprise', expected: 'only members the model declares', seen: 'unknown member "Surprise"', severity: 'warning', keyword: 'additionalProperties' },
    ]);
  });
});

describe('errors', () => {
  it('writes error bodies with their status and fault, defaulting the status by fault', () => {
    expect(files['errors/NotFound.json']['x-error']).toEqual({ code: 'NotFound', status: 404, fault: 'client' });
    expect(files['errors/BadInput.json']['x-error']).toEqual({ code: 'BadInput', status: 400, fault: 'client' });
    expect(files['errors/ServiceFault.json']['x-error']).toEqual({ code: 'ServiceFault', status: 500, fault: 'server' });
    expect(files['errors/BadInput.json'].required).toEqual(['Message']);
  });
});

describe('shared definition names', () => {
  it('uses the full shape id where two namespaces share a short name', () => {
    const model = fixtureModel();
    model.shapes['other.ns#Token'] = { type: 'string', traits: { 'smithy.api#length': { max: 5 } } };
    model.shapes['example.fixture#PutThingOutput'].members!.Other = { target: 'other.ns#Token' };
    const built = buildParsed({ model });
    expect(built['shapes.json'].$defs['other.ns.Token']).toMatchObject({ maxLength: 5 });
    expect(built['shapes.json'].$defs['example.fixture.Token']).toBeDefined();
    expect(built['PutThing.output.json'].properties.Other).toEqual({ $ref: 'shapes.json#/$defs/other.ns.Token' });
  });
});
