import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.ts';

type Entry = { types: string; default: string };
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, Entry | string>;
  typesVersions: Record<string, Record<string, string[]>>;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** The names each public entry must export (what docs/testing-your-code.md and the README promise). */
const PROMISED: Record<string, string[]> = {
  './mock': ['createMock', 'startMockServer', 'MOCK_CREDENTIALS', 'ManualClock'],
  './msw': ['customerProfilesHandlers', 'createMock'],
  './generators': ['generateRecords', 'generateProfileBundle', 'TravelGenerator', 'sampleMembers'],
  './oracle': ['computeCalculatedAttribute'],
  './cli': ['runCli'],
};

/** `./dist/x/y.js` -> `x/y.ts`: tsc (tsconfig.build.json, rootDir ".") compiles each source to that place. */
function sourceOf(distPath: string): string {
  return distPath.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts');
}

describe('package.json exports', () => {
  it('returns, for every promised entry, a compiled path whose source exports the promised names', async () => {
    const entries = Object.entries(pkg.exports).filter(([k]) => k !== './package.json') as [string, Entry][];
    expect(entries.map(([k]) => k).sort()).toEqual(Object.keys(PROMISED).sort());
    for (const [key, entry] of entries) {
      expect(entry.types, key).toBe(entry.default.replace(/\.js$/, '.d.ts'));
      const source = path.join(ROOT, sourceOf(entry.default));
      expect(existsSync(source), source).toBe(true);
      const mod = (await import(source)) as Record<string, unknown>;
      for (const name of PROMISED[key]) expect(mod[name], `${key} ${name}`).toBeDefined();
      // typesVersions serves TypeScript set to the old "node" resolution, which ignores exports.
      expect(pkg.typesVersions['*'][key.slice(2)], key).toEqual([entry.types.slice(2)]);
    }
  });

  it('returns bins that exist, a LICENSE, and the committed tapes among the packed files', () => {
    expect(Object.keys(pkg.bin).sort()).toEqual(['cpct', 'cpct-mock']);
    for (const file of Object.values(pkg.bin)) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/', 'LICENSE', 'recordings/mock/']));
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  });

  it('returns the SDK client as a peer, not a dependency, and no tsx among run-time dependencies', () => {
    expect(pkg.peerDependencies['@aws-sdk/client-customer-profiles']).toMatch(/^\^3\./);
    expect(pkg.dependencies).not.toHaveProperty('@aws-sdk/client-customer-profiles');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
  });
});
