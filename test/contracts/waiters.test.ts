import { describe, expect, it } from 'vitest';
import { attempt, isSettled, waitUntil, WaiterTimeoutError } from '../../harness/contracts/waiters.ts';
import { createWaitBudget } from '../../harness/contracts/wait-budget.ts';

const FAST = { maxWaitTime: 0.3, minDelay: 0.01, maxDelay: 0.02 };

describe('waitUntil', () => {
  it('returns the first value without sleeping given a value accepted on the first poll', async () => {
    let polls = 0;
    const started = Date.now();
    const value = await waitUntil({ description: 'x', timing: { maxWaitTime: 30, minDelay: 5, maxDelay: 10 }, poll: async () => ++polls, accept: () => true });
    expect(value).toBe(1);
    expect(polls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('returns the value once accepted given a target that converges after a few polls', async () => {
    let polls = 0;
    const value = await waitUntil({ description: 'x', timing: FAST, poll: async () => ++polls, accept: (n) => n >= 3 });
    expect(value).toBe(3);
  });

  it('throws a WaiterTimeoutError naming the last value seen given a value never accepted', async () => {
    const error = await waitUntil({ description: 'the layout to be default', timing: { maxWaitTime: 0.05, minDelay: 0.01, maxDelay: 0.02 }, poll: async () => ({ IsDefault: false }), accept: () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastSeen).toEqual({ IsDefault: false });
    expect((error as Error).message).toContain('expected the layout to be default within 0.05s');
    expect((error as Error).message).toContain('{"IsDefault":false}');
  });

  it('shows only what `show` picks of the last value', async () => {
    const error = await waitUntil({ description: 'x', timing: { maxWaitTime: 0.03, minDelay: 0.01, maxDelay: 0.01 }, poll: async () => ({ IsDefault: true, Layout: 'x'.repeat(500) }), accept: () => false, show: (v) => ({ IsDefault: v.IsDefault }) }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('{"IsDefault":true};');
  });

  it('rethrows at once an error thrown by the poll', async () => {
    let polls = 0;
    const boom = new Error('boom');
    await expect(waitUntil({ description: 'x', timing: FAST, poll: async () => { polls++; throw boom; }, accept: () => true })).rejects.toBe(boom);
    expect(polls).toBe(1);
  });
});

describe('attempt', () => {
  it('returns ok with the value, or not ok with the error', async () => {
    expect(await attempt({ call: async () => 5 })).toEqual({ ok: true, value: 5 });
    const error = new Error('no');
    expect(await attempt({ call: async () => { throw error; } })).toEqual({ ok: false, error });
  });

  it('shows the error of an attempt in a timeout message', async () => {
    const notFound = Object.assign(new Error('Layout x does not exist'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    const error = await waitUntil({
      description: 'the layout to exist',
      timing: { maxWaitTime: 0.03, minDelay: 0.01, maxDelay: 0.01 },
      poll: () => attempt({ call: async () => { throw notFound; } }),
      accept: (r) => r.ok,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('ResourceNotFoundException (HTTP 404): Layout x does not exist');
  });
});

describe('waitUntil (settle)', () => {
  const SETTLING = { maxWaitTime: 5, minDelay: 0.01, maxDelay: 0.02, settle: 0.05 };

  it('throws a settled WaiterTimeoutError well before its bound given a ready target that keeps the same wrong answer', async () => {
    const started = Date.now();
    const error = await waitUntil({ description: 'x', timing: SETTLING, poll: async () => ({ Value: '5' }), accept: () => false, settle: { key: (v) => v.Value } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).end).toBe('settled');
    expect((error as WaiterTimeoutError).polls).toBeGreaterThanOrEqual(2);
    expect((error as WaiterTimeoutError).waitedMs).toBeGreaterThanOrEqual(40);
    expect((error as Error).message).toContain('settled on another answer');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('waits to its bound given a target that does not report itself ready', async () => {
    const error = await waitUntil({ description: 'x', timing: { ...SETTLING, maxWaitTime: 0.15 }, poll: async () => ({ Value: '5' }), accept: () => false, settle: { key: () => undefined } }).catch((e: unknown) => e);
    expect((error as WaiterTimeoutError).end).toBe('timeout');
  });

  it('waits to its bound given a ready target whose answer keeps changing', async () => {
    let n = 0;
    const error = await waitUntil({ description: 'x', timing: { ...SETTLING, maxWaitTime: 0.15 }, poll: async () => ++n, accept: () => false, settle: { key: (v) => String(v) } }).catch((e: unknown) => e);
    expect((error as WaiterTimeoutError).end).toBe('timeout');
    expect(n).toBeGreaterThan(2);
  });

  it('stops after two equal answers given a settle window that began before the wait', async () => {
    let polls = 0;
    const error = await waitUntil({ description: 'x', timing: { ...SETTLING, settle: 60 }, poll: async () => (polls++, 'v'), accept: () => false, settle: { key: (v) => v, sinceMs: Date.now() - 61_000 } }).catch((e: unknown) => e);
    expect((error as WaiterTimeoutError).end).toBe('settled');
    expect(polls).toBe(2);
  });

  it('returns the expected value given a target that converges before it settles', async () => {
    let polls = 0;
    expect(await waitUntil({ description: 'x', timing: SETTLING, poll: async () => (++polls >= 3 ? 'right' : 'wrong'), accept: (v) => v === 'right', settle: { key: () => undefined } })).toBe('right');
  });
});

describe('isSettled', () => {
  it('returns true given the same ready key on the last two polls once the window is over', () => {
    expect(isSettled({ keys: ['a', 'b', 'b'], sinceMs: 0, nowMs: 1000, settleMs: 1000 })).toBe(true);
  });

  it('returns false given a window not over, a changed key, one poll or a key of a target not ready', () => {
    expect(isSettled({ keys: ['b', 'b'], sinceMs: 0, nowMs: 999, settleMs: 1000 })).toBe(false);
    expect(isSettled({ keys: ['a', 'b'], sinceMs: 0, nowMs: 5000, settleMs: 1000 })).toBe(false);
    expect(isSettled({ keys: ['b'], sinceMs: 0, nowMs: 5000, settleMs: 1000 })).toBe(false);
    expect(isSettled({ keys: [undefined, undefined], sinceMs: 0, nowMs: 5000, settleMs: 1000 })).toBe(false);
  });
});

describe('waitUntil (budget)', () => {
  it('polls once and throws a budget WaiterTimeoutError given a spent budget', async () => {
    let polls = 0;
    const budget = createWaitBudget({ budgetMs: 0 });
    const error = await waitUntil({ description: 'x', timing: FAST, poll: async () => ++polls, accept: () => false, budget }).catch((e: unknown) => e);
    expect(polls).toBe(1);
    expect((error as WaiterTimeoutError).end).toBe('budget');
    expect((error as Error).message).toContain('--converge-ms 0');
  });

  it('returns a value accepted at once given a spent budget', async () => {
    expect(await waitUntil({ description: 'x', timing: FAST, poll: async () => 7, accept: () => true, budget: createWaitBudget({ budgetMs: 0 }) })).toBe(7);
  });

  it('records the time waited after a first wrong answer, and nothing for a wait right at once', async () => {
    const budget = createWaitBudget({ budgetMs: 60_000 });
    await waitUntil({ description: 'x', timing: FAST, poll: async () => 1, accept: () => true, budget });
    expect(budget.own()).toEqual({ waitedMs: 0, waits: 0 });
    let polls = 0;
    await waitUntil({ description: 'x', timing: FAST, poll: async () => ++polls, accept: (n) => n >= 3, budget });
    expect(budget.own().waits).toBe(1);
    expect(budget.own().waitedMs).toBeGreaterThanOrEqual(10);
    expect(budget.spentMs()).toBe(budget.own().waitedMs);
  });

  it('ends a wait at what is left of the budget given a budget smaller than the wait\'s bound', async () => {
    const started = Date.now();
    const error = await waitUntil({ description: 'x', timing: { maxWaitTime: 30, minDelay: 0.01, maxDelay: 0.02 }, poll: async () => 0, accept: () => false, budget: createWaitBudget({ budgetMs: 100 }) }).catch((e: unknown) => e);
    expect((error as WaiterTimeoutError).end).toBe('budget');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
