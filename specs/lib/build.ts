/**
 * Turns a Smithy model into the committed schema files: `shapes.json`, `<Operation>.input.json`,
 * `<Operation>.output.json`, `errors/<Code>.json` and `operations.json`. Pure up to `writeSchemaFiles`.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_DIALECT, SCHEMA_BASE, assignDefNames, closure, shapeSchema, topLevelSchema, type JsonSchema, type MappingContext } from './json-schema.ts';
import { buildOperationIndex } from './operation-index.ts';
import { UNIT, cmp, findService, getShape, isPrelude, serviceOperations, shortName, type SmithyModel } from './smithy.ts';
import { stableStringify } from './stable-json.ts';
import { ensureDirSync } from '../../harness/fs-dirs.ts';

/** Relative path -> file text, sorted by path. */
export type SchemaFiles = Map<string, string>;

/** Reads and parses a Smithy JSON AST file, with a clear message when it is not one. */
export function readModel({ file }: { file: string }): SmithyModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as SmithyModel;
  if (typeof model !== 'object' || model === null || typeof model.shapes !== 'object' || !String(model.smithy ?? '').startsWith('2')) {
    throw new Error(`specs/build-schemas: expected a Smithy 2.0 JSON AST with "smithy": "2.0" and "shapes"; saw something else in ${file}; pass --model with the .smithy.json file`);
  }
  return model;
}

/** Every schema file for the model's service, as text. */
export function buildSchemaFiles({ model }: { model: SmithyModel }): SchemaFiles {
  const { id: serviceId, shape: service } = findService({ model });
  const ops = serviceOperations({ model, serviceId });
  const errorIds = new Set<string>((service.errors ?? []).map((e) => e.target));
  const roots = new Set<string>();
  for (const [, op] of ops) {
    roots.add(op.input?.target ?? UNIT);
    roots.add(op.output?.target ?? UNIT);
    for (const e of op.errors ?? []) errorIds.add(e.target);
  }
  for (const e of errorIds) roots.add(e);
  const { all, asMember } = closure({ model, roots: [...roots].sort(cmp) });
  // Top-level structures live in their own files; only shapes reached as members are shared.
  const shared = [...all].filter((id) => !isPrelude({ id }) && (asMember.has(id) || !roots.has(id))).sort(cmp);
  const ctx: MappingContext = { model, defNames: assignDefNames({ ids: shared }) };

  const files: [string, unknown][] = [];
  const defs: Record<string, JsonSchema> = {};
  for (const id of shared) defs[ctx.defNames.get(id)!] = shapeSchema({ ctx, id, where: 'shapes' });
  files.push(['shapes.json', { $schema: JSON_SCHEMA_DIALECT, $id: `${SCHEMA_BASE}shapes.json`, title: `${shortName({ id: serviceId })} shared shapes`, $defs: defs }]);

  for (const [opId, op] of ops) {
    const name = shortName({ id: opId });
    for (const [kind, target] of [['input', op.input?.target ?? UNIT], ['output', op.output?.target ?? UNIT]] as const) {
      const file = `${name}.${kind}.json`;
      files.push([file, topLevelSchema({ ctx, id: target, where: 'root', fileId: `${SCHEMA_BASE}${file}`, title: `${name} ${kind}` })]);
    }
  }
  const index = buildOperationIndex({ model });
  for (const id of [...errorIds].sort(cmp)) {
    const code = shortName({ id });
    const file = `errors/${code}.json`;
    const schema = topLevelSchema({ ctx, id, where: 'errors', fileId: `${SCHEMA_BASE}${file}`, title: `${code} error` });
    schema['x-error'] = { code, ...index.errors[code] };
    files.push([file, schema]);
  }
  files.push(['operations.json', index]);
  return new Map(files.sort(([a], [b]) => cmp(a, b)).map(([file, value]) => [file, stableStringify({ value })]));
}

/** Whether a file name is one the builder owns, so stale ones can be removed without touching anything else. */
function isGeneratedName({ rel }: { rel: string }): boolean {
  return rel === 'shapes.json' || rel === 'operations.json' || /^[A-Za-z0-9]+\.(input|output)\.json$/.test(rel) || /^errors\/[A-Za-z0-9_]+\.json$/.test(rel);
}

/** Writes the files under `out`, removing generated files the model no longer produces. Returns what changed. */
export function writeSchemaFiles({ files, out }: { files: SchemaFiles; out: string }): { written: number; unchanged: number; removed: string[] } {
  ensureDirSync({ dir: path.join(out, 'errors') });
  const existing = [
    ...readdirSync(out).filter((f) => f.endsWith('.json')),
    ...readdirSync(path.join(out, 'errors')).filter((f) => f.endsWith('.json')).map((f) => `errors/${f}`),
  ];
  const removed: string[] = [];
  for (const rel of existing) {
    if (!files.has(rel) && isGeneratedName({ rel })) {
      rmSync(path.join(out, rel));
      removed.push(rel);
    }
  }
  let written = 0;
  let unchanged = 0;
  for (const [rel, text] of files) {
    const file = path.join(out, rel);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) {
      unchanged++;
      continue;
    }
    writeFileSync(file, text);
    written++;
  }
  return { written, unchanged, removed: removed.sort(cmp) };
}

/** Files that differ between a built set and a directory: changed, missing on disk, or extra on disk. */
export function diffSchemaDir({ files, dir }: { files: SchemaFiles; dir: string }): { changed: string[]; missing: string[]; extra: string[] } {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    if (!existsSync(file)) missing.push(rel);
    else if (readFileSync(file, 'utf8') !== text) changed.push(rel);
  }
  const onDisk = existsSync(dir)
    ? [
        ...readdirSync(dir).filter((f) => f.endsWith('.json')),
        ...(existsSync(path.join(dir, 'errors')) ? readdirSync(path.join(dir, 'errors')).filter((f) => f.endsWith('.json')).map((f) => `errors/${f}`) : []),
      ]
    : [];
  const extra = onDisk.filter((rel) => !files.has(rel)).sort(cmp);
  return { changed, missing, extra };
}
