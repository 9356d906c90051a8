/**
 * `cpct evidence` on a recorded session of a reference implementation standing in for AWS: the embedded target with
 * the fault detect-identifier-outside-enum (an answer AWS's model does not allow), recording the object-types file.
 * The contract that catches the fault is listed as failed there, with its exchange, and its assumed entry is not
 * proposed; the assumed entries whose contracts passed become proposed `observed` entries citing the tape.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvidence, type EvidenceProposal } from '../../harness/drift/evidence.ts';
import { recordEmbedded } from '../../harness/drift/record-embedded.ts';
import { EVIDENCE_DIR } from '../../harness/evidence/register.ts';
import { buildReport, type CollectedResult } from '../../harness/run/report.ts';
import { createContractRunner, type ContractRunner } from '../../harness/run/runner.ts';

let root: string;
let runner: ContractRunner;
let results: CollectedResult[];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cpct-evidence-'));
  runner = await createContractRunner();
  results = await recordEmbedded({ runner, dir: root, targetKind: 'aws', fault: 'detect-identifier-outside-enum', seed: 1, clockMs: Date.parse('2025-06-09T08:00:00.000Z'), runId: 'abcdef01', areas: ['object-types'] });
  const report = buildReport({ target: 'aws (stand-in: embedded with detect-identifier-outside-enum)', startedAt: new Date('2025-06-09T08:00:00.000Z'), sdkVersion: 'x', seed: 1, results });
  writeFileSync(path.join(root, 'aws', 'conformance.json'), JSON.stringify(report));
}, 120_000);

afterAll(async () => {
  await runner?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('runEvidence', () => {
  it('returns 1, the failed contract first with its exchange, and observed entries for the assumed ones that passed, given a recorded session with a planted fault', async () => {
    const registerBefore = readdirSync(EVIDENCE_DIR).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(path.join(EVIDENCE_DIR, f), 'utf8').length]);
    let out = '';
    const reports = path.join(root, 'reports');
    const code = await runEvidence({ from: path.join(root, 'aws'), reportsDir: reports, cwd: root, stdout: { write: (t: string) => (out += t) }, areaOf: new Map(results.map((r) => [r.id, r.area])) });
    expect(code).toBe(1);
    const proposal = JSON.parse(readFileSync(path.join(reports, 'evidence-proposal.json'), 'utf8')) as EvidenceProposal;
    const detect = proposal.failed.find((f) => f.id === 'OBJTYPE-DETECT-01');
    expect(detect?.exchange?.operation).toBe('DetectProfileObjectType');
    expect(detect?.exchange?.file).toBe(path.join('aws', 'object-types.contract.json'));
    expect(proposal.notProposed.map((n) => n.assumed)).toContain('A-DETECT-FINDS-TH');
    const passedAssumed = results.filter((r) => r.status === 'pass' && r.evidence.some((e) => e.kind === 'assumed'));
    expect(passedAssumed.length).toBeGreaterThan(0);
    for (const entry of proposal.entries) {
      expect(entry.kind).toBe('observed');
      expect(entry.id).toMatch(/^O-/);
      expect(entry.where).toBe(path.join('aws', 'object-types.contract.json'));
      expect(entry.at).toMatch(/^object-types\.contract\.ts, interaction \d+ \(/);
    }
    expect(proposal.replaces.map((r) => r.contracts).flat().sort()).toEqual(passedAssumed.map((r) => r.id).sort());
    expect(readFileSync(path.join(reports, 'evidence-proposal.md'), 'utf8')).toMatch(/## Contracts that failed there \(\d+\)\n\n### OBJTYPE-DETECT-01/);
    expect(out).toContain('the register was not changed');
    // The register is never edited.
    expect(readdirSync(EVIDENCE_DIR).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(path.join(EVIDENCE_DIR, f), 'utf8').length])).toEqual(registerBefore);
  }, 60_000);
});
