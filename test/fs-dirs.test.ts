import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryError, ensureDirSync } from '../harness/fs-dirs.ts';

const base = mkdtempSync(path.join(os.tmpdir(), 'cpct-dirs-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('ensureDirSync', () => {
  it('creates the directory and its missing parents given a nested path', () => {
    const dir = path.join(base, 'a', 'b', 'c');
    ensureDirSync({ dir });
    expect(existsSync(dir)).toBe(true);
    ensureDirSync({ dir }); // a second call is a no-op
  });

  it('throws a DirectoryError at once given a path under /proc (where recursive mkdir loops on Node 20.20)', () => {
    if (!existsSync('/proc/self')) return expect(process.platform).not.toBe('linux');
    const started = Date.now();
    expect(() => ensureDirSync({ dir: '/proc/forbidden/reports' })).toThrow(DirectoryError);
    expect(() => ensureDirSync({ dir: '/proc/forbidden/reports' })).toThrow(/cannot create \/proc\/forbidden\/reports: \/proc\/forbidden refused it: ENOENT/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('throws naming the file given a path whose ancestor is a file', () => {
    const file = path.join(base, 'plain-file');
    writeFileSync(file, 'x');
    expect(() => ensureDirSync({ dir: path.join(file, 'sub') })).toThrow(/plain-file/);
  });
});
