import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWaitBudget } from '../../harness/contracts/wait-budget.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('createWaitBudget', () => {
  it('returns a budget whose spending counts every session of the ledger given two sessions sharing one', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-ledger-'));
    const a = createWaitBudget({ budgetMs: 1000, ledger: { dir, name: 'layouts' } });
    const b = createWaitBudget({ budgetMs: 1000, ledger: { dir, name: 'wire' } });
    a.spend({ ms: 300 });
    b.spend({ ms: 200 });
    b.spend({ ms: 0 });
    expect(a.spentMs()).toBe(500);
    expect(b.spentMs()).toBe(500);
    expect(b.own()).toEqual({ waitedMs: 200, waits: 1 });
  });

  it('returns only its own spending given no ledger', () => {
    const budget = createWaitBudget({ budgetMs: 1000 });
    budget.spend({ ms: 12.6 });
    expect(budget.spentMs()).toBe(13);
    expect(budget.budgetMs).toBe(1000);
  });
});
