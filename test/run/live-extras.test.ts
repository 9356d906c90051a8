import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTape } from '../../harness/recording/tape.ts';
import { finishRecording, readOutbox, reportCalls, reportReplay } from '../../harness/run/live-extras.ts';
import type { RecordConfig, SessionReport } from '../../harness/run/config.ts';
import { ia, tape } from '../recording/fixtures.ts';

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-extras-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('readOutbox', () => {
  it('returns the reports in file-name order given an outbox, and nothing given a folder that does not exist', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'wire.json'), JSON.stringify({ area: 'wire', calls: { GetDomainLayout: 2 } }));
    writeFileSync(path.join(dir, 'layouts.json'), JSON.stringify({ area: 'layouts', calls: {} }));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a report');
    expect((await readOutbox({ dir })).map((r) => r.area)).toEqual(['layouts', 'wire']);
    expect(await readOutbox({ dir: path.join(dir, 'missing') })).toEqual([]);
  });
});

describe('reportCalls', () => {
  it('returns the calls summed by operation and by file, and writes calls.json', async () => {
    const dir = tmp();
    const sessions: SessionReport[] = [
      { area: 'layouts', calls: { CreateDomain: 1, GetDomainLayout: 3 } },
      { area: 'wire', calls: { CreateDomain: 1, ListDomainLayouts: 2 } },
    ];
    const { total, byOperation, text } = await reportCalls({ target: 'aws us-east-1', sessions, dir });
    expect(total).toBe(7);
    expect(byOperation).toEqual({ CreateDomain: 2, GetDomainLayout: 3, ListDomainLayouts: 2 });
    expect(Object.keys(byOperation)).toEqual(['CreateDomain', 'GetDomainLayout', 'ListDomainLayouts']);
    expect(text).toMatch(/^ {2}GetDomainLayout +3$/m);
    expect(JSON.parse(readFileSync(path.join(dir, 'calls.json'), 'utf8'))).toEqual({ target: 'aws us-east-1', total: 7, byOperation, byFile: { layouts: 4, wire: 3 } });
  });
});

describe('reportReplay', () => {
  it('prints each compatibility note once and lists at most ten unused entries per tape', () => {
    let err = '';
    const unused = Array.from({ length: 12 }, (_, i) => ({ index: i, method: 'GET', path: `/domains/d/layouts/l${i}`, operation: 'GetDomainLayout' }));
    const note = 'tape recorded with sdk 3.1000.0, running 3.1019.0 (minor versions differ)';
    reportReplay({
      set: { root: '/r', kind: 'mock', tapes: [], errors: [] },
      sessions: [
        { area: 'layouts', calls: {}, unused, tape: { file: '/r/mock/layouts.contract.json', notes: [note] } },
        { area: 'wire', calls: {}, unused: [], tape: { file: '/r/mock/wire.contract.json', notes: [note] } },
      ],
      stderr: { write: (t: string) => (err += t) },
    });
    expect(err.split(note).length - 1).toBe(1);
    expect(err).toContain('cpct: replay: 12 tape entries were not requested');
    expect(err).toContain('    interactions[9] GET /domains/d/layouts/l9 (GetDomainLayout)');
    expect(err).not.toContain('interactions[10]');
    expect(err).toContain('    … and 2 more');
  });
});

describe('finishRecording', () => {
  const record = (dir: string): RecordConfig => ({ dir, targetKind: 'endpoint', region: 'us-east-1', accountIds: [] });

  it('returns not ok, with the failure in recording.json and the text, given a session whose tape could not be written', async () => {
    const dir = tmp();
    const result = await finishRecording({ record: record(dir), sessions: [{ area: 'layouts', calls: {}, recorded: { file: '/x/layouts.contract.json', error: 'EACCES: permission denied' } }], reportsDir: dir });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('cpct: recorded 0 tape(s)');
    expect(result.text).toContain('cpct: EACCES: permission denied');
    expect(JSON.parse(readFileSync(path.join(dir, 'recording.json'), 'utf8'))).toMatchObject({ ok: false, failures: ['EACCES: permission denied'], tapes: [] });
  });

  it('returns ok and lists the responses that broke the schemas given a clean tape with flagged interactions', async () => {
    const dir = tmp();
    const file = path.join(dir, 'endpoint', 'layouts.contract.json');
    const violation = { part: 'body' as const, pointer: '/Version', expected: 'string', seen: 'number 2', severity: 'error' as const, keyword: 'type' };
    writeTape({
      file,
      tape: tape([
        ia({ method: 'GET', path: '/domains/d/layouts/a', operation: 'GetDomainLayout', response: { Version: 2 }, violations: [violation] }),
        ia({ method: 'GET', path: '/domains/d/layouts', operation: 'ListDomainLayouts', response: { Items: [] } }),
      ]),
    });
    const result = await finishRecording({ record: record(dir), sessions: [{ area: 'layouts', calls: {}, recorded: { file, interactions: 2 } }, { area: 'wire', calls: {} }], reportsDir: dir });
    expect(result.ok).toBe(true);
    expect(result.text).toContain(`; 1 recorded response(s) broke the schemas (kept, flagged): see ${path.join(dir, 'recording.json')}`);
    const written = JSON.parse(readFileSync(path.join(dir, 'recording.json'), 'utf8'));
    expect(written.tapes).toEqual([
      { file, interactions: 2, flagged: [{ interaction: 0, operation: 'GetDomainLayout', status: 200, violations: [{ part: 'body', pointer: '/Version', expected: 'string', seen: 'number 2', severity: 'error' }] }] },
    ]);
  });
});
