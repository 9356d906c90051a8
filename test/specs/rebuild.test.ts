import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../../harness/operation-index.ts';
import { buildSchemaFiles, diffSchemaDir, readModel, writeSchemaFiles } from '../../specs/lib/build.ts';
import { REFERENCE_MODEL, fixtureModel } from './fixture.ts';

const hasModel = existsSync(REFERENCE_MODEL);
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cpct-rebuild-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('specs:build rebuild', () => {
  it.skipIf(!hasModel)(
    hasModel
      ? 'returns byte-identical files to the committed specs/schemas given the reference model'
      : `returns byte-identical files to the committed specs/schemas (skipped: the reference model ${REFERENCE_MODEL} is absent on this machine)`,
    () => {
      const out = tempDir();
      writeSchemaFiles({ files: buildSchemaFiles({ model: readModel({ file: REFERENCE_MODEL }) }), out });
      const rebuilt = buildSchemaFiles({ model: readModel({ file: REFERENCE_MODEL }) });
      // Compare what was written to disk, so the writer is covered as well as the builder.
      const written = new Map([...rebuilt.keys()].map((rel) => [rel, readFileSync(path.join(out, rel), 'utf8')]));
      const diff = diffSchemaDir({ files: written, dir: SCHEMAS_DIR });
      expect(diff, 'committed specs/schemas differ from a rebuild: run `npm run specs:build -- --model ../shared/models/customer-profiles.smithy.json`').toEqual({
        changed: [],
        missing: [],
        extra: [],
      });
    },
  );

  it('returns identical text for two builds of the same model', () => {
    const a = buildSchemaFiles({ model: fixtureModel() });
    const b = buildSchemaFiles({ model: fixtureModel() });
    expect([...a.entries()]).toEqual([...b.entries()]);
    for (const text of a.values()) expect(text.endsWith('}\n')).toBe(true);
  });

  it('returns the same text whatever the order of shapes in the model file', () => {
    const model = fixtureModel();
    const reversed = { ...model, shapes: Object.fromEntries(Object.entries(model.shapes).reverse()) };
    expect([...buildSchemaFiles({ model: reversed }).entries()]).toEqual([...buildSchemaFiles({ model }).entries()]);
  });
});

describe('diffSchemaDir', () => {
  it('names changed, missing and extra files', () => {
    const files = buildSchemaFiles({ model: fixtureModel() });
    const dir = tempDir();
    writeSchemaFiles({ files, out: dir });
    writeFileSync(path.join(dir, 'PutThing.input.json'), '{}\n');
    rmSync(path.join(dir, 'errors', 'NotFound.json'));
    writeFileSync(path.join(dir, 'Stale.output.json'), '{}\n');
    expect(diffSchemaDir({ files, dir })).toEqual({ changed: ['PutThing.input.json'], missing: ['errors/NotFound.json'], extra: ['Stale.output.json'] });
  });
});

describe('writeSchemaFiles', () => {
  it('removes generated files the model no longer produces and keeps other files', () => {
    const files = buildSchemaFiles({ model: fixtureModel() });
    const dir = tempDir();
    writeFileSync(path.join(dir, 'Gone.input.json'), '{}\n');
    writeFileSync(path.join(dir, 'notes.json'), '{}\n');
    const result = writeSchemaFiles({ files, out: dir });
    expect(result.removed).toEqual(['Gone.input.json']);
    expect(existsSync(path.join(dir, 'notes.json'))).toBe(true);
    expect(writeSchemaFiles({ files, out: dir })).toEqual({ written: 0, unchanged: files.size, removed: [] });
  });
});
