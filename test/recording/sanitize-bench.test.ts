import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSanitizeBench } from '../../harness/recording/sanitize-bench.ts';
import { sanitizeTape } from '../../harness/recording/sanitize.ts';
import { writeTape } from '../../harness/recording/tape.ts';
import { serviceTape } from './fixtures.ts';
import { plantedTape } from './planted.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cpct-sanitize-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runSanitizeBench', () => {
  it('returns per-round times of sanitizer, scanner and floor, no change and no finding, given sanitized tapes', () => {
    writeTape({ file: path.join(dir, 'clean', 'a.json'), tape: sanitizeTape({ tape: serviceTape(), options: { key: 'k' } }) });
    const r = runSanitizeBench({ dir: path.join(dir, 'clean'), rounds: 2, budgetMs: 10_000, key: 'k' });
    expect(r.files).toBe(1);
    expect(r.interactions).toBe(5);
    expect(r.bytes).toBeGreaterThan(0);
    expect(r.rounds).toHaveLength(2);
    for (const round of r.rounds) for (const ms of Object.values(round)) expect(ms).toBeGreaterThan(0);
    expect({ changed: r.changed, findings: r.findings }).toEqual({ changed: 0, findings: 0 });
  });

  it('returns the changed interactions and the findings, given a tape that was never sanitized', () => {
    writeTape({ file: path.join(dir, 'raw', 'b.json'), tape: plantedTape() });
    const r = runSanitizeBench({ dir: path.join(dir, 'raw'), rounds: 1, budgetMs: 10_000 });
    expect(r.changed).toBe(1);
    expect(r.findings).toBeGreaterThan(0);
  });
});
