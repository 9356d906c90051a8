import { describe, expect, it } from 'vitest';
import { attempt, waitUntil, WaiterTimeoutError } from '../../harness/contracts/waiters.ts';
import { ReplayMismatchError } from '../../harness/recording/replay.ts';
import { REPLAY_WAITER } from '../../harness/targets/replay.ts';

/** What the replay handler throws when the tape has no (further) answer for a request. */
const mismatch = () => new ReplayMismatchError({ file: 'tape.json', request: { method: 'GET', path: '/domains/d/layouts/l', query: {}, body: '' }, closest: null });

/** A poll that returns the recorded values in order, then fails as the replay handler does at the end of the tape. */
function recorded<T>(values: T[]) {
  let i = 0;
  return {
    poll: async () => {
      if (i >= values.length) throw mismatch();
      return values[i++];
    },
    polls: () => i,
  };
}

describe('waitUntil (replay timing)', () => {
  it('returns the first accepted value after consuming the recorded polls before it, without sleeping', async () => {
    const tape = recorded(['IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED']);
    const started = Date.now();
    expect(await waitUntil({ description: 'COMPLETED', timing: REPLAY_WAITER, poll: tape.poll, accept: (s) => s === 'COMPLETED' })).toBe('COMPLETED');
    expect(tape.polls()).toBe(3);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('throws a WaiterTimeoutError with the last recorded value given a tape whose polls end before acceptance', async () => {
    const tape = recorded(['IN_PROGRESS', 'IN_PROGRESS']);
    const error = await waitUntil({ description: 'the definition to be COMPLETED', timing: REPLAY_WAITER, poll: tape.poll, accept: (s) => s === 'COMPLETED' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastSeen).toBe('IN_PROGRESS');
    expect((error as Error).message).toContain('expected the definition to be COMPLETED within 30s; saw after 2 poll(s): "IN_PROGRESS"');
  });

  it('ends the same way given polls wrapped in attempt (the mismatch comes back as a failed attempt)', async () => {
    const tape = recorded([{ Status: 'IN_PROGRESS', Layout: 'x'.repeat(300) }]);
    const error = await waitUntil({
      description: 'COMPLETED',
      timing: REPLAY_WAITER,
      poll: () => attempt({ call: tape.poll }),
      accept: (a) => a.ok && a.value.Status === 'COMPLETED',
      show: (a) => (a.ok ? { Status: a.value.Status } : a.error),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastSeen).toEqual({ Status: 'IN_PROGRESS' });
  });

  it('rethrows a mismatch on the first poll (a request the tape never had)', async () => {
    const tape = recorded<string>([]);
    await expect(waitUntil({ description: 'x', timing: REPLAY_WAITER, poll: tape.poll, accept: () => true })).rejects.toBeInstanceOf(ReplayMismatchError);
  });

  it('rethrows any other error of a later poll', async () => {
    let n = 0;
    const boom = new Error('boom');
    const poll = async () => {
      if (++n > 1) throw boom;
      return n;
    };
    await expect(waitUntil({ description: 'x', timing: REPLAY_WAITER, poll, accept: () => false })).rejects.toBe(boom);
  });

  it('gives up after 10,000 polls given a tape that answers forever without acceptance', async () => {
    let n = 0;
    const error = await waitUntil({ description: 'never', timing: REPLAY_WAITER, poll: async () => ++n, accept: () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(n).toBe(10_000);
    expect((error as Error).message).toContain('saw after 10000 poll(s): 10000');
  });
});
