import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRunReports } from '../../harness/reporters/index.ts';
import { sampleReport, sampleResults } from './sample.ts';

describe('writeRunReports', () => {
  it('writes conformance.md, junit.xml, index.html and api-coverage.json given coverage', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-all-'));
    try {
      const coverage = { operations: { covered: 1, total: 2, missing: ['B'] }, members: { covered: 0, total: 0, missing: [] }, enumValues: { covered: 0, total: 0, missing: [] }, errors: { covered: 0, total: 0, missing: [] } };
      const written = await writeRunReports({ dir, report: sampleReport(), results: sampleResults(), coverage });
      expect((await readdir(dir)).sort()).toEqual(['api-coverage.json', 'conformance.md', 'index.html', 'junit.xml']);
      expect(written.junit).toBe(path.join(dir, 'junit.xml'));
      expect(JSON.parse(await readFile(path.join(dir, 'api-coverage.json'), 'utf8'))).toEqual(coverage);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes no api-coverage.json given no coverage', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-all-'));
    try {
      const written = await writeRunReports({ dir, report: sampleReport() });
      expect(written.apiCoverage).toBeUndefined();
      expect((await readdir(dir)).sort()).toEqual(['conformance.md', 'index.html', 'junit.xml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
