/** Shared helpers for the mapping tests: build the hand-written fixture model into memory or a temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaFiles, readModel, writeSchemaFiles } from '../../specs/lib/build.ts';
import type { SmithyModel } from '../../specs/lib/smithy.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_MODEL = path.join(PROJECT_ROOT, 'test', 'fixtures', 'smithy', 'fixture.smithy.json');
/** The reference model lives beside the project (absent on a user's machine). */
export const REFERENCE_MODEL = path.resolve(PROJECT_ROOT, '..', 'shared', 'models', 'customer-profiles.smithy.json');

/** A fresh copy of the fixture model, safe to modify. */
export function fixtureModel(): SmithyModel {
  return readModel({ file: FIXTURE_MODEL });
}

/** Builds a model and returns its files parsed as JSON, keyed by relative path. */
export function buildParsed({ model = fixtureModel() }: { model?: SmithyModel } = {}): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = {};
  for (const [rel, text] of buildSchemaFiles({ model })) out[rel] = JSON.parse(text);
  return out;
}

/** Builds a model into a new temp dir; call `cleanup` when done. */
export function buildToTempDir({ model = fixtureModel() }: { model?: SmithyModel } = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-schemas-'));
  writeSchemaFiles({ files: buildSchemaFiles({ model }), out: dir });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
