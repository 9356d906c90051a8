import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../../harness/operation-index.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../../harness/schemas.ts';
import { PACKAGE_ROOT } from '../../harness/package-root.ts';
import { bundleKey, BUNDLE_FLAVOURS, defaultCacheDir } from '../../harness/validator-bundle.ts';

/** A small copy of the committed schemas (a few operations), so building a bundle takes little time. */
const FILES = ['shapes.json', 'CreateDomain.input.json', 'CreateDomain.output.json', 'GetDomain.input.json', 'GetDomain.output.json', 'ListDomains.input.json', 'errors/BadRequestException.json'];
const root = mkdtempSync(path.join(os.tmpdir(), 'cpct-bundle-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let made = 0;

function schemaCopy(): string {
  const dir = path.join(root, `schemas-${made++}`);
  mkdirSync(path.join(dir, 'errors'), { recursive: true });
  for (const f of FILES) cpSync(path.join(SCHEMAS_DIR, f), path.join(dir, f));
  return dir;
}

/** The bundles in a cache folder, by their main file (each has an `.exact.cjs` beside it). */
const bundles = (cacheDir: string) => readdirSync(cacheDir).filter((f) => /^validators-[0-9a-f]+\.cjs$/.test(f));

/** What each kind of check finds on valid and invalid values, for comparing registries. */
function findings(registry: SchemaRegistry): unknown {
  return {
    validInput: registry.validateInput({ operation: 'CreateDomain', value: { DefaultExpirationDays: 5 } }),
    badInput: registry.validateInput({ operation: 'CreateDomain', value: { DefaultExpirationDays: 'five', Bogus: 1 } }),
    missingOutput: registry.validateOutput({ operation: 'GetDomain', value: { DomainName: 'x' } }),
    badError: registry.validateError({ code: 'BadRequestException', value: { Message: 5 } }),
    label: registry.validateBinding({ operation: 'CreateDomain', member: 'DomainName', value: 'a b' }),
    coerced: registry.validateBinding({ operation: 'ListDomains', member: 'MaxResults', value: '7', coerce: true }),
    coercedBad: registry.validateBinding({ operation: 'ListDomains', member: 'MaxResults', value: '0', coerce: true }),
  };
}

describe('bundleKey', () => {
  it('returns the same key given the same bytes, and another given one changed byte', () => {
    const a = schemaCopy();
    const b = schemaCopy();
    expect(bundleKey({ dir: a })).toBe(bundleKey({ dir: b }));
    appendFileSync(path.join(b, 'GetDomain.output.json'), ' ');
    expect(bundleKey({ dir: b })).not.toBe(bundleKey({ dir: a }));
  });
});

describe('createSchemaRegistry without a cache folder', () => {
  it('writes no bundle into the package cache for schemas other than the committed ones', () => {
    const dir = schemaCopy();
    appendFileSync(path.join(dir, 'GetDomain.output.json'), ' ');
    const registry = createSchemaRegistry({ dir });
    expect(registry.validateInput({ operation: 'CreateDomain', value: { DefaultExpirationDays: 'five' } }).length).toBeGreaterThan(0);
    const packageCache = defaultCacheDir({ packageRoot: PACKAGE_ROOT });
    expect(packageCache).toBeDefined();
    // A folder that does not exist holds no bundle either.
    const cached = existsSync(packageCache!) ? readdirSync(packageCache!) : [];
    expect(cached.filter((f) => f.includes(bundleKey({ dir })))).toEqual([]);
  });
});

describe('createSchemaRegistry with a cache folder', () => {
  it('returns the same findings as compiling on demand, and writes one bundle (two files) for the schemas', () => {
    const dir = schemaCopy();
    const cacheDir = path.join(root, 'cache-same');
    const cached = findings(createSchemaRegistry({ dir, cacheDir }));
    expect(readdirSync(cacheDir).sort()).toEqual([`validators-${bundleKey({ dir })}.cjs`, `validators-${bundleKey({ dir })}.exact.cjs`]);
    expect(cached).toEqual(findings(createSchemaRegistry({ dir, cacheDir: false })));
    expect((cached as { badInput: unknown[] }).badInput.length).toBeGreaterThan(0);
    expect(findings(createSchemaRegistry({ dir, cacheDir }))).toEqual(cached);
  });

  it('returns what a bundle found under the key says (a planted bundle that accepts everything hides an invalid input)', () => {
    const dir = schemaCopy();
    const cacheDir = path.join(root, 'cache-planted');
    mkdirSync(cacheDir, { recursive: true });
    const yes = `module.exports.v0 = function v0() { return true; }; module.exports.__keys = { v0: 'CreateDomain.input.json' };`;
    const flavours = BUNDLE_FLAVOURS.map((f) => `module.exports[${JSON.stringify(f)}] = (function () { const module = { exports: {} }; ${yes} return module.exports; })();`);
    writeFileSync(path.join(cacheDir, `validators-${bundleKey({ dir })}.cjs`), flavours.join('\n'));
    const bad = { DefaultExpirationDays: 'five' };
    expect(createSchemaRegistry({ dir, cacheDir }).validateInput({ operation: 'CreateDomain', value: bad })).toEqual([]);
    expect(createSchemaRegistry({ dir, cacheDir: false }).validateInput({ operation: 'CreateDomain', value: bad })).not.toEqual([]);
  });

  it('returns the right findings given a corrupt bundle (compiling on demand instead)', () => {
    const dir = schemaCopy();
    const cacheDir = path.join(root, 'cache-corrupt');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path.join(cacheDir, `validators-${bundleKey({ dir })}.cjs`), 'module.exports = {{ not javascript');
    expect(findings(createSchemaRegistry({ dir, cacheDir }))).toEqual(findings(createSchemaRegistry({ dir, cacheDir: false })));
  });

  it('keeps the three newest bundles given schemas that changed several times', () => {
    const cacheDir = path.join(root, 'cache-prune');
    const dir = schemaCopy();
    const base = Date.now() - 3_600_000;
    const written: string[] = [];
    for (let i = 0; i < 5; i++) {
      appendFileSync(path.join(dir, 'GetDomain.output.json'), ' ');
      createSchemaRegistry({ dir, cacheDir }).validateInput({ operation: 'CreateDomain', value: {} });
      written.push(`validators-${bundleKey({ dir })}.cjs`);
      // Distinct ages (file times may be coarse): bundle i is i minutes newer than the first.
      utimesSync(path.join(cacheDir, written[i]), new Date(base + i * 60_000), new Date(base + i * 60_000));
    }
    expect(bundles(cacheDir).sort()).toEqual(written.slice(2).sort());
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.exact.cjs'))).toHaveLength(3);
  });
});
