/**
 * Precompiled validators. Compiling the schemas with ajv is most of what validation costs a fresh process: measured on
 * a full conformance run, about 0.9 s of each worker's 5 s went to ajv's code generation, every run again. The
 * validators a run needs (the yes/no validators of every input, output and error file, the exact ones (all errors,
 * verbose) that judge a "no" again, and the validators of every HTTP-bound member) are generated once as ajv
 * "standalone" code and kept in a cache folder under a key made of the schema files' bytes, the sources of the code
 * that shapes them, and the ajv versions; any change makes a new key, so a stale bundle is never used.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';

// ajv's standalone entry is CommonJS; under NodeNext its default export arrives wrapped.
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv2020, refs: Record<string, string>) => string;

const require = createRequire(import.meta.url);

/** The kinds of validator a bundle holds. */
export const BUNDLE_FLAVOURS = ['fast-request', 'fast-response', 'exact', 'binding', 'binding-coerce'] as const;
export type BundleFlavour = (typeof BUNDLE_FLAVOURS)[number];

/** Validators by flavour, each keyed as its plan said (a schema file's name, or a binding schema's `$id`). */
export interface ValidatorBundle {
  get(flavour: BundleFlavour): ReadonlyMap<string, ValidateFunction>;
}

/** How to build one flavour: an ajv instance (made to emit source, shared definitions added) and what to compile, by key. */
export interface FlavourPlan {
  ajv: Ajv2020;
  schemas: { key: string; schema: Record<string, unknown> }[];
}

/** Bundles kept in the cache folder; older ones are removed when a new one is written. */
const KEPT_BUNDLES = 3;

/** The files whose text decides what the generated code is (besides the schemas): this module and the registry. */
const SHAPING_SOURCES = [fileURLToPath(import.meta.url), fileURLToPath(new URL('./schemas.ts', import.meta.url))];

/** Every schema file of `dir` (errors/ included), sorted, as paths relative to `dir`. */
export function schemaFiles({ dir }: { dir: string }): string[] {
  const top = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const errorsDir = path.join(dir, 'errors');
  const errors = existsSync(errorsDir) ? readdirSync(errorsDir).filter((f) => f.endsWith('.json')).map((f) => `errors/${f}`) : [];
  return [...top, ...errors].sort();
}

/** The cache key of the schemas in `dir`: any byte of a schema, of the shaping code or of ajv's version changes it. */
export function bundleKey({ dir }: { dir: string }): string {
  const hash = createHash('sha256');
  for (const p of ['ajv/package.json', 'ajv-formats/package.json']) hash.update(`${p}:${(require(p) as { version: string }).version}\n`);
  for (const source of SHAPING_SOURCES) hash.update(existsSync(source) ? readFileSync(source) : source);
  for (const file of schemaFiles({ dir })) {
    hash.update(`\n${file}\n`);
    hash.update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 24);
}

/** Generates the CommonJS module of one flavour: ajv's standalone code plus the `$id` of each export. */
export function generateFlavourCode({ plan }: { plan: FlavourPlan }): string {
  const refs: Record<string, string> = {};
  const keys: Record<string, string> = {};
  plan.schemas.forEach(({ key, schema }, i) => {
    plan.ajv.addSchema(schema);
    refs[`v${i}`] = String(schema.$id);
    keys[`v${i}`] = key;
  });
  // ajv's generated code requires its runtime helpers by bare name; absolute paths let the cache live anywhere.
  const ajvDir = path.dirname(require.resolve('ajv/package.json'));
  const code = standaloneCode(plan.ajv, refs).replace(/require\("ajv\/dist\//g, `require(${JSON.stringify(`${ajvDir}/dist/`).slice(0, -1)}`);
  return `${code}\nmodule.exports.__keys = ${JSON.stringify(keys)};\n`;
}

type FlavourModule = Record<string, ValidateFunction> & { __keys: Record<string, string> };

/** The flavour kept in a file of its own: needed only when a check finds something, so loaded only then. */
const LAZY_FLAVOUR: BundleFlavour = 'exact';

const bundleFile = ({ cacheDir, key, lazy }: { cacheDir: string; key: string; lazy: boolean }) => path.join(cacheDir, `validators-${key}${lazy ? '.exact' : ''}.cjs`);

function flavourMap(mod: FlavourModule | undefined): Map<string, ValidateFunction> | undefined {
  if (!mod?.__keys) return undefined;
  return new Map(Object.entries(mod.__keys).map(([name, key]) => [key, mod[name]]));
}

/** Loads a bundle written by `writeBundle`, or undefined when none is there for `key` (the exact flavour on first use). */
export function loadBundle({ cacheDir, key }: { cacheDir: string; key: string }): ValidatorBundle | undefined {
  const file = bundleFile({ cacheDir, key, lazy: false });
  if (!existsSync(file)) return undefined;
  const mod = require(file) as Partial<Record<BundleFlavour, FlavourModule>>;
  const maps = new Map<BundleFlavour, ReadonlyMap<string, ValidateFunction>>();
  for (const flavour of BUNDLE_FLAVOURS) {
    if (flavour === LAZY_FLAVOUR) continue;
    const map = flavourMap(mod[flavour]);
    if (!map) return undefined;
    maps.set(flavour, map);
  }
  return {
    get(flavour) {
      let map = maps.get(flavour);
      if (!map) {
        try {
          map = flavourMap((require(bundleFile({ cacheDir, key, lazy: true })) as Partial<Record<BundleFlavour, FlavourModule>>)[flavour]) ?? new Map();
        } catch {
          map = new Map(); // unreadable: the registry compiles these on demand
        }
        maps.set(flavour, map);
      }
      return map;
    },
  };
}

/**
 * Writes the bundle of `plans` under `key`: two files (the exact flavour apart), each written to a temporary name and
 * then renamed, the lazy one first, so a reader never sees half a bundle and two writers racing both leave a whole
 * one. Then prunes old bundles.
 */
export function writeBundle({ cacheDir, key, plans }: { cacheDir: string; key: string; plans: Record<BundleFlavour, FlavourPlan> }): void {
  const part = (flavour: BundleFlavour) =>
    `module.exports[${JSON.stringify(flavour)}] = (function () {\n  const module = { exports: {} };\n  const exports = module.exports;\n${generateFlavourCode({ plan: plans[flavour] })}\n  return module.exports;\n})();\n`;
  // One level at a time (never a recursive mkdir): the folder sits in the package's own node_modules.
  for (const d of [path.dirname(cacheDir), cacheDir]) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  for (const lazy of [true, false]) {
    const file = bundleFile({ cacheDir, key, lazy });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const parts = BUNDLE_FLAVOURS.filter((f) => (f === LAZY_FLAVOUR) === lazy).map(part);
    writeFileSync(tmp, `'use strict';\n// Generated by harness/validator-bundle.ts from the schemas; safe to delete.\n${parts.join('\n')}`, 'utf8');
    renameSync(tmp, file);
  }
  const bundles = readdirSync(cacheDir)
    .filter((f) => /^validators-[0-9a-f]+\.cjs$/.test(f))
    .map((f) => ({ f, t: statSync(path.join(cacheDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const old of bundles.slice(KEPT_BUNDLES)) {
    rmSync(path.join(cacheDir, old.f), { force: true });
    rmSync(path.join(cacheDir, old.f.replace(/\.cjs$/, '.exact.cjs')), { force: true });
  }
}

/**
 * The default cache folder: `node_modules/.cache/cpct` of the package, where build tools keep theirs. Undefined (no
 * caching) when the package has no node_modules folder of its own, so nothing is written outside it.
 */
export function defaultCacheDir({ packageRoot }: { packageRoot: string }): string | undefined {
  const modules = path.join(packageRoot, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'cpct') : undefined;
}
