import { describe, expect, it } from 'vitest';
import { attempt, waitUntil, WaiterTimeoutError } from '../../harness/contracts/waiters.ts';

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
