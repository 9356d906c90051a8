import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonAndMarkdown } from '../harness/report-files.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'cpct-report-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeJsonAndMarkdown', () => {
  it('returns the paths of NAME.json (indented, newline-terminated) and NAME.md, creating the missing folder', async () => {
    const dir = path.join(root, 'a', 'b');
    const written = await writeJsonAndMarkdown({ dir, name: 'drift', value: { n: 1, list: ['x'] }, markdown: '# Drift\n' });
    expect(written).toEqual({ json: path.join(dir, 'drift.json'), md: path.join(dir, 'drift.md') });
    expect(readFileSync(written.json, 'utf8')).toBe('{\n  "n": 1,\n  "list": [\n    "x"\n  ]\n}\n');
    expect(readFileSync(written.md, 'utf8')).toBe('# Drift\n');
  });
});
