import { createWaiter, WaiterState } from '@smithy/util-waiter';
import type { WaiterTiming } from '../targets/types.ts';
import { describeForPeople } from './describe.ts';

/** Raised when a waiter gives up: carries the last value it saw, so the failure says what the target answered. */
export class WaiterTimeoutError extends Error {
  readonly lastSeen: unknown;
  constructor({ description, timing, lastSeen, polls }: { description: string; timing: WaiterTiming; lastSeen: unknown; polls: number }) {
    const last = lastSeen as { ok?: boolean; value?: unknown; error?: unknown } | undefined;
    // An Attempt is shown as what the call returned or threw.
    const shown = last && typeof last === 'object' && typeof last.ok === 'boolean' ? (last.ok ? last.value : last.error) : lastSeen;
    super(
      `waiter: expected ${description} within ${timing.maxWaitTime}s; saw after ${polls} poll(s): ${describeForPeople({ value: shown })}; ` +
        'the target did not converge: check the behaviour, or whether it needs longer than the waiter allows',
    );
    this.name = 'WaiterTimeoutError';
    this.lastSeen = lastSeen;
  }
}

/** The outcome of one call, success or error, so a waiter can wait for an error (e.g. NotFound after a delete). */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `call` and returns its value or its error instead of throwing. */
export async function attempt<T>({ call }: { call: () => Promise<T> }): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Polls `poll` until `accept` holds, with exponential backoff bounded by the target's timing (@smithy/util-waiter).
 * The first poll is immediate, so against a target that is consistent at once (the embedded one) nothing sleeps.
 * Errors thrown by `poll` are not retried: wrap the call in `attempt` to wait for an error.
 */
export async function waitUntil<T>({ description, timing, poll, accept, show }: {
  description: string;
  timing: WaiterTiming;
  poll: () => Promise<T>;
  accept: (value: T) => boolean;
  /** The part of the last value worth showing when the waiter gives up (all of it by default). */
  show?: (value: T) => unknown;
}): Promise<T> {
  if (timing.replay) return replayWait({ description, timing, poll, accept, show });
  let last: { value: T } | undefined;
  let polls = 0;
  let thrown: { error: unknown } | undefined;
  const result = await createWaiter(
    { client: undefined as never, maxWaitTime: timing.maxWaitTime, minDelay: timing.minDelay, maxDelay: timing.maxDelay },
    undefined,
    async () => {
      polls += 1;
      try {
        last = { value: await poll() };
      } catch (error) {
        thrown = { error };
        return { state: WaiterState.FAILURE };
      }
      return { state: accept(last.value) ? WaiterState.SUCCESS : WaiterState.RETRY };
    },
  );
  if (thrown) throw thrown.error;
  if (result.state === WaiterState.SUCCESS && last) return last.value;
  throw new WaiterTimeoutError({ description, timing, lastSeen: last && show ? show(last.value) : last?.value, polls });
}

/** Upper bound on the polls of one replayed wait: far above any recorded sequence, so a bad tape cannot spin forever. */
const MAX_REPLAY_POLLS = 10_000;

/** True for the replay handler's "no such request on the tape" (thrown, or caught by `attempt`). */
function isReplayMismatch(value: unknown): boolean {
  const error = value && typeof value === 'object' && 'ok' in value && (value as { ok: unknown }).ok === false ? (value as unknown as { error: unknown }).error : value;
  return !!error && typeof error === 'object' && (error as { name?: unknown }).name === 'ReplayMismatchError';
}

/**
 * The replay form of waitUntil: polls back to back, consuming the recorded polls in order. When the tape has no
 * further poll after at least one, the live run gave up there, so this gives up the same way (WaiterTimeoutError with
 * the last recorded value); a first poll that is not on the tape is a real mismatch and is thrown as it is.
 */
async function replayWait<T>({ description, timing, poll, accept, show }: {
  description: string;
  timing: WaiterTiming;
  poll: () => Promise<T>;
  accept: (value: T) => boolean;
  show?: (value: T) => unknown;
}): Promise<T> {
  let last: { value: T } | undefined;
  let polls = 0;
  while (polls < MAX_REPLAY_POLLS) {
    let value: T;
    try {
      value = await poll();
    } catch (error) {
      if (last && isReplayMismatch(error)) break;
      throw error;
    }
    if (last && isReplayMismatch(value)) break;
    polls += 1;
    last = { value };
    if (accept(value)) return value;
  }
  throw new WaiterTimeoutError({ description, timing, lastSeen: last && show ? show(last.value) : last?.value, polls });
}
