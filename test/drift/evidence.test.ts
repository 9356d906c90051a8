import { describe, expect, it } from 'vitest';
import { formatEvidenceMarkdown, proposeEvidence } from '../../harness/drift/evidence.ts';
import type { EvidenceEntry } from '../../harness/evidence/register.ts';
import { TAPE_FORMAT, type Tape } from '../../harness/recording/tape.ts';
import type { ResultRow } from '../../harness/run/report.ts';

const register = new Map<string, EvidenceEntry>([
  ['A-ONE', { id: 'A-ONE', claim: 'The first assumption holds.', kind: 'assumed', where: 'specs/evidence/assumed.json', quote: 'one' }],
  ['A-TWO', { id: 'A-TWO', claim: 'The second assumption holds.', kind: 'assumed', where: 'specs/evidence/assumed.json', quote: 'two' }],
  ['A-THREE', { id: 'A-THREE', claim: 'The third assumption holds.', kind: 'assumed', where: 'specs/evidence/assumed.json', quote: 'three' }],
  ['M-X', { id: 'M-X', claim: 'The model says so.', kind: 'model', where: 'https://x.invalid', quote: 'x' }],
]);

function row(id: string, status: ResultRow['status'], evidence: string[], operations = ['GetThing']): ResultRow {
  return { id, operations, title: `${id} title`, level: 'assumed', source: '', evidence: evidence.map((e) => ({ id: e, kind: register.get(e)!.kind, where: register.get(e)!.where })), status, reason: status === 'fail' ? 'expected x; saw y' : '', warnings: [], durationMs: 1 };
}

const tape: Tape = {
  format: TAPE_FORMAT,
  meta: { seed: 1, referenceClock: '2025-06-01T00:00:00.000Z', runId: 'aaaaaaaa', sdkVersion: '1.0.0', projectVersion: '0.1.0', targetKind: 'aws', region: 'us-east-1', recordedAt: '2025-06-01T00:00:00.000Z', contractFile: 'things.contract.ts' },
  interactions: [
    { scope: 's', method: 'PUT', path: '/things/a', status: 200, operation: 'PutThing', response: {} },
    { scope: 's', method: 'GET', path: '/things/a', status: 200, operation: 'GetThing', response: { Name: 'a' } },
    { scope: 's', method: 'GET', path: '/things/b', status: 200, operation: 'GetThing', response: { Name: 7 }, violations: [{ part: 'body', pointer: '/Name', expected: 'string', seen: 'number', severity: 'error', keyword: 'type' }] },
  ],
};

describe('proposeEvidence', () => {
  it('returns failures first with their exchange, observed entries for assumptions whose contracts all passed, and the rest not proposed', () => {
    const proposal = proposeEvidence({
      report: { target: 'aws us-east-1', startedAt: '2025-06-01T00:00:00.000Z', results: [row('T-01', 'pass', ['M-X', 'A-ONE']), row('T-02', 'fail', ['A-TWO']), row('T-03', 'pass', ['A-TWO']), row('T-04', 'na', ['A-THREE'])] },
      register,
      areaOf: new Map([['T-01', 'things'], ['T-02', 'things'], ['T-03', 'things'], ['T-04', 'things']]),
      tapes: new Map([['things.contract.ts', { file: '/w/recordings/aws/things.contract.json', tape }]]),
      cwd: '/w',
    });
    expect(proposal.failed).toEqual([
      expect.objectContaining({ id: 'T-02', reason: 'expected x; saw y', exchange: expect.objectContaining({ interaction: 2, request: 'GET /things/b', status: 200, file: 'recordings/aws/things.contract.json' }) }),
    ]);
    expect(proposal.entries).toEqual([
      {
        id: 'O-ONE',
        claim: 'The first assumption holds.',
        kind: 'observed',
        where: 'recordings/aws/things.contract.json',
        at: 'things.contract.ts, interaction 1 (GetThing: GET /things/a -> 200)',
        quote: '{"Name":"a"}',
        note: expect.stringContaining('T-01 passed there'),
      },
    ]);
    expect(proposal.replaces).toEqual([{ proposed: 'O-ONE', assumed: 'A-ONE', contracts: ['T-01'] }]);
    expect(proposal.notProposed.map((n) => n.assumed)).toEqual(['A-THREE', 'A-TWO']);
    expect(formatEvidenceMarkdown({ proposal })).toMatch(/## Contracts that failed there \(1\)\n\n### T-02 \(assumed\): T-02 title[\s\S]*- \*\*O-ONE\*\* replaces A-ONE for T-01/);
  });
});
