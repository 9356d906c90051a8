import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv, createSchemaRegistry } from '../../harness/schemas.ts';
import { SCHEMAS_DIR, loadOperationIndex } from '../../harness/operation-index.ts';
import { SCOPED_OPERATIONS } from '../../harness/scope.ts';

const read = (rel: string) => JSON.parse(readFileSync(path.join(SCHEMAS_DIR, rel), 'utf8'));
const schemaFiles = [
  ...readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.json') && f !== 'shapes.json' && f !== 'operations.json'),
  ...readdirSync(path.join(SCHEMAS_DIR, 'errors')).map((f) => `errors/${f}`),
].sort();

/** Every `pattern` keyword anywhere in a schema. */
function patterns(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const x of node) patterns(x, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') out.push(v);
      else patterns(v, out);
    }
  }
  return out;
}

describe('committed specs/schemas', () => {
  it('holds an input and an output schema for each of the 106 operations and one file per error', () => {
    const index = loadOperationIndex();
    const ops = Object.keys(index.operations);
    expect(ops).toHaveLength(106);
    for (const op of ops) {
      expect(schemaFiles).toContain(`${op}.input.json`);
      expect(schemaFiles).toContain(`${op}.output.json`);
    }
    expect(schemaFiles.filter((f) => f.startsWith('errors/')).map((f) => f.slice(7, -5))).toEqual(Object.keys(index.errors).sort());
    expect(schemaFiles).toHaveLength(106 * 2 + Object.keys(index.errors).length);
  });

  it('covers every operation in harness/scope.ts', () => {
    const index = loadOperationIndex();
    expect(SCOPED_OPERATIONS.filter((op) => !index.operations[op])).toEqual([]);
  });

  it('compiles every schema with ajv 2020 in strict mode', () => {
    const ajv = createAjv();
    ajv.addSchema(read('shapes.json'));
    const failures: string[] = [];
    for (const f of schemaFiles) {
      try {
        ajv.compile(read(f));
      } catch (e) {
        failures.push(`${f}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('returns no meta-schema error for any committed schema (the registry skips that check at run time)', () => {
    const ajv = createAjv();
    const failures = ['shapes.json', ...schemaFiles].filter((f) => !ajv.validateSchema(read(f))).map((f) => `${f}: ${ajv.errorsText()}`);
    expect(failures).toEqual([]);
    expect(ajv.validateSchema({ type: 'strnig' })).toBe(false);
  });

  it('compiles every pattern of the model with the unicode flag ajv uses', () => {
    const all = [...new Set([...patterns(read('shapes.json')), ...schemaFiles.flatMap((f) => patterns(read(f)))])];
    expect(all.length).toBeGreaterThan(15);
    const failures = all.filter((p) => {
      try {
        new RegExp(p, 'u');
        return false;
      } catch {
        return true;
      }
    });
    expect(failures).toEqual([]);
  });

  it('rejects a tag key starting with aws: and accepts an ordinary one (look-ahead pattern)', () => {
    const registry = createSchemaRegistry();
    const tags = (Tags: Record<string, string>) => registry.validateInput({ operation: 'TagResource', value: { tags: Tags } });
    // TagResource's body member is "tags"; the map key shape is TagKey.
    expect(read('TagResource.input.json').properties.tags).toEqual({ $ref: 'shapes.json#/$defs/TagMap' });
    expect(tags({ team: 'blue' })).toEqual([]);
    expect(tags({ 'aws:team': 'blue' }).map((v) => [v.pointer, v.keyword])).toEqual([['/tags/aws:team', 'pattern']]);
  });
});
