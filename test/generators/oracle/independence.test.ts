import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('oracle independence', () => {
  it('imports nothing from harness/mock anywhere under generators/', () => {
    const offenders = tsFiles(join(ROOT, 'generators')).filter((f) => imports(f).some((s) => s.includes('harness/mock')));
    expect(offenders).toEqual([]);
  });

  it('imports only its own modules and SDK types inside generators/oracle/', () => {
    const files = tsFiles(join(ROOT, 'generators/oracle'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) for (const s of imports(f)) expect(s.startsWith('./') || s === '@aws-sdk/client-customer-profiles', `${f}: ${s}`).toBe(true);
  });
});
