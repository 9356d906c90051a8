/**
 * The drift proofs: tapes recorded from the embedded reference implementation, clean and with one fault of the
 * catalogue at a time (applied through the target spec, as the self-test does), compared by shape. Each planted
 * difference must be named at the right operation and JSON path; two clean recordings with other run ids and clocks
 * must show none. A scripted session (scripted-session.ts) keeps each recording well under a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTapeSets, type DriftDifference, type DriftReport } from '../../harness/drift/compare.ts';
import { DEFAULT_RULES } from '../../harness/drift/rules.ts';
import { loadTapeSet } from '../../harness/drift/tape-set.ts';
import { recordScripted } from './scripted-session.ts';

const CLOCK_A = Date.parse('2025-06-01T09:30:00.000Z');
const CLOCK_B = Date.parse('2026-02-17T14:05:00.000Z');

let root: string;

/** Records the scripted session into a fresh folder; returns the folder of tapes. */
async function record({ name, fault, runId, clockMs }: { name: string; fault?: string; runId: string; clockMs: number }): Promise<string> {
  return recordScripted({ dir: path.join(root, name), fault, runId, clockMs });
}

function drift(a: string, b: string): DriftReport {
  return compareTapeSets({ a: loadTapeSet({ dir: a, label: 'clean' }), b: loadTapeSet({ dir: b, label: 'other' }), rules: DEFAULT_RULES });
}

function find(report: DriftReport, match: Partial<DriftDifference>): DriftDifference | undefined {
  return report.differences.find((d) => Object.entries(match).every(([k, v]) => JSON.stringify(d[k as keyof DriftDifference]) === JSON.stringify(v)));
}

let clean: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cpct-drift-'));
  clean = await record({ name: 'clean', runId: 'aaaaaaaa', clockMs: CLOCK_A });
}, 30_000);

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
});

describe('compareTapeSets', () => {
  it('returns no difference given two clean recordings with other run ids and reference clocks', async () => {
    const other = await record({ name: 'clean-b', runId: 'bbbbbbbb', clockMs: CLOCK_B });
    const report = drift(clean, other);
    expect(report.pairs).toBeGreaterThanOrEqual(15);
    expect(report.differences).toEqual([]);
  }, 30_000);

  it('returns the status at every operation given success-status-201', async () => {
    const report = drift(clean, await record({ name: 'f-201', fault: 'success-status-201', runId: 'cccccccc', clockMs: CLOCK_A }));
    expect(find(report, { operation: 'GetDomainLayout', kind: 'status', path: '(status)', a: 200, b: 201 })).toBeDefined();
    expect(find(report, { operation: 'ListCalculatedAttributeDefinitions', kind: 'status', a: 200, b: 201 })).toBeDefined();
    expect(find(report, { operation: 'GetDomainLayout', kind: 'status', a: 404 })).toBeUndefined();
  }, 30_000);

  it('returns the error type given wrong-error-type', async () => {
    const report = drift(clean, await record({ name: 'f-errtype', fault: 'wrong-error-type', runId: 'dddddddd', clockMs: CLOCK_A }));
    const d = find(report, { kind: 'error-type', path: 'x-amzn-errortype', a: 'BadRequestException', b: 'ValidationException' });
    expect(d?.exampleA?.exchange).toMatch(/-> 400$/);
    expect(report.differences.filter((x) => x.kind === 'status')).toEqual([]);
  }, 30_000);

  it('returns status and error type given not-found-as-500', async () => {
    const report = drift(clean, await record({ name: 'f-500', fault: 'not-found-as-500', runId: 'eeeeeeee', clockMs: CLOCK_A }));
    expect(find(report, { operation: 'GetDomainLayout', kind: 'status', a: 404, b: 500 })).toBeDefined();
    expect(find(report, { operation: 'GetDomainLayout', kind: 'error-type', a: 'ResourceNotFoundException', b: 'InternalServerException' })).toBeDefined();
  }, 30_000);

  it('returns the missing member at its JSON path given drops-required-member', async () => {
    const report = drift(clean, await record({ name: 'f-drop', fault: 'drops-required-member', runId: 'ffffffff', clockMs: CLOCK_A }));
    // The fault drops the last required member alphabetically: Version for CreateDomainLayout and GetDomainLayout.
    expect(find(report, { operation: 'CreateDomainLayout', kind: 'member-presence', path: '$.Version', a: 'present', b: 'absent' })).toBeDefined();
    expect(find(report, { operation: 'GetDomainLayout', kind: 'member-presence', path: '$.Version', a: 'present', b: 'absent' })).toBeDefined();
  }, 30_000);

  it('returns the JSON type change of the timestamps given timestamps-as-iso-strings', async () => {
    const report = drift(clean, await record({ name: 'f-iso', fault: 'timestamps-as-iso-strings', runId: '11111111', clockMs: CLOCK_A }));
    expect(find(report, { operation: 'GetDomainLayout', kind: 'type', path: '$.CreatedAt', a: 'number', b: 'string' })).toBeDefined();
    expect(find(report, { operation: 'ListDomainLayouts', kind: 'type', path: '$.Items[].LastUpdatedAt', a: 'number', b: 'string' })).toBeDefined();
    expect(Object.keys(report.byOperation).every((op) => /DomainLayout/.test(op))).toBe(true);
  }, 30_000);

  it('returns the enum value seen on one side only given detect-identifier-outside-enum', async () => {
    const report = drift(clean, await record({ name: 'f-enum', fault: 'detect-identifier-outside-enum', runId: '22222222', clockMs: CLOCK_A }));
    const d = find(report, { operation: 'DetectProfileObjectType', kind: 'enum-values', a: [], b: ['AIR_TICKET'] });
    expect(d?.path).toMatch(/^\$\.DetectedProfileObjectTypes\[\]\.Keys\.[A-Za-z]+\[\]\.StandardIdentifiers\[\]$/);
    expect(d?.exampleB?.exchange).toMatch(/^POST .*\/detect\/object-types -> 200$/);
  }, 30_000);
});
