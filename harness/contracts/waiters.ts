import { createWaiter, WaiterState } from '@smithy/util-waiter';
import type { WaiterTiming } from '../targets/types.ts';
import { describeForPeople } from './describe.ts';
import type { WaitBudget } from './wait-budget.ts';

/**
 * How a wait ended without the expected answer: its bound ran out (`timeout`), the target settled on another answer
 * (`settled`: it reports itself ready and answers the same on consecutive polls over the settle window), or the run's
 * waiting budget (`--converge-ms`) was spent (`budget`).
 */
export type WaitEnd = 'timeout' | 'settled' | 'budget';

/** Raised when a waiter gives up: carries the last value it saw, so the failure says what the target answered. */
export class WaiterTimeoutError extends Error {
  readonly lastSeen: unknown;
  readonly polls: number;
  /** Time spent after a first answer that was not yet the expected one (0 when the first poll was the last). */
  readonly waitedMs: number;
  readonly end: WaitEnd;
  constructor({ description, timing, lastSeen, polls, waitedMs = 0, end = 'timeout', budgetMs }: {
    description: string;
    timing: WaiterTiming;
    lastSeen: unknown;
    polls: number;
    waitedMs?: number;
    end?: WaitEnd;
    /** The run's waiting budget, for the `budget` message. */
    budgetMs?: number;
  }) {
    const last = lastSeen as { ok?: boolean; value?: unknown; error?: unknown } | undefined;
    // An Attempt is shown as what the call returned or threw.
    const shown = describeForPeople({ value: last && typeof last === 'object' && typeof last.ok === 'boolean' ? (last.ok ? last.value : last.error) : lastSeen });
    const after = `after ${polls} poll(s)`;
    const waited = waitedMs > 0 ? ` (waited ${waitedMs} ms)` : '';
    const text =
      end === 'settled'
        ? `waiter: expected ${description}; saw ${after}: ${shown}; the target reports itself ready and gave this same answer on consecutive polls over the settle window (${timing.settle ?? 0}s): it settled on another answer, so waiting longer would not change it${waited}`
        : end === 'budget'
          ? `waiter: expected ${description}; saw ${after}: ${shown}; the run's waiting budget (--converge-ms ${budgetMs ?? '?'}) is spent, so this wait stopped early: raise --converge-ms if the target needs longer to converge${waited}`
          : `waiter: expected ${description} within ${timing.maxWaitTime}s; saw ${after}: ${shown}; the target did not converge: check the behaviour, or whether it needs longer than the waiter allows${waited}`;
    super(text);
    this.name = 'WaiterTimeoutError';
    this.lastSeen = lastSeen;
    this.polls = polls;
    this.waitedMs = waitedMs;
    this.end = end;
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
 * When a wait may stop early on a settled wrong answer: `key` gives a value's identity when the target reports itself
 * ready (Status COMPLETED, Readiness 100% where it reports them), undefined while it does not. The settle window
 * (`timing.settle`) counts from `sinceMs` (epoch ms, e.g. the last write the answer depends on), else from the wait's
 * start.
 */
export interface Settle<T> {
  key: (value: T) => string | undefined;
  sinceMs?: number;
}

/** Whether the polls seen so far show a settled answer: the same ready key on the last two polls, the window over. */
export function isSettled({ keys, sinceMs, nowMs, settleMs }: { keys: readonly (string | undefined)[]; sinceMs: number; nowMs: number; settleMs: number }): boolean {
  if (keys.length < 2) return false;
  const [a, b] = keys.slice(-2);
  return a !== undefined && a === b && nowMs - sinceMs >= settleMs;
}

/**
 * Polls `poll` until `accept` holds, with exponential backoff bounded by the target's timing (@smithy/util-waiter).
 * The first poll is immediate, so against a target that is consistent at once (the embedded one) nothing sleeps.
 * With `settle` and a target timing that has a settle window, it stops early on a settled wrong answer; with `budget`
 * it waits at most what is left of the run's waiting budget, and records the time it waited there.
 * Errors thrown by `poll` are not retried: wrap the call in `attempt` to wait for an error.
 */
export async function waitUntil<T>({ description, timing, poll, accept, show, settle, budget }: {
  description: string;
  timing: WaiterTiming;
  poll: () => Promise<T>;
  accept: (value: T) => boolean;
  /** The part of the last value worth showing when the waiter gives up (all of it by default). */
  show?: (value: T) => unknown;
  settle?: Settle<T>;
  budget?: WaitBudget;
}): Promise<T> {
  if (timing.replay) return replayWait({ description, timing, poll, accept, show });
  const startedMs = Date.now();
  let last: { value: T } | undefined;
  let polls = 0;
  let thrown: { error: unknown } | undefined;
  let settled = false;
  // Waiting starts when a first answer is not the expected one.
  let waitingFromMs: number | undefined;
  const keys: (string | undefined)[] = [];
  const remainingS = budget ? (budget.budgetMs - budget.spentMs()) / 1000 : Infinity;
  const maxWaitTime = Math.min(timing.maxWaitTime, remainingS);
  // A budget too small for one backoff step leaves the first poll only.
  const single = !(maxWaitTime > timing.minDelay);
  const waited = () => (waitingFromMs === undefined ? 0 : Date.now() - waitingFromMs);
  const check = async () => {
    polls += 1;
    try {
      last = { value: await poll() };
    } catch (error) {
      thrown = { error };
      return { state: WaiterState.FAILURE };
    }
    if (accept(last.value)) return { state: WaiterState.SUCCESS };
    waitingFromMs ??= Date.now();
    if (settle && timing.settle !== undefined) {
      keys.push(settle.key(last.value));
      if (isSettled({ keys, sinceMs: settle.sinceMs ?? startedMs, nowMs: Date.now(), settleMs: timing.settle * 1000 })) {
        settled = true;
        return { state: WaiterState.FAILURE };
      }
    }
    return { state: WaiterState.RETRY };
  };
  let result: { state: WaiterState };
  try {
    result = single ? await check() : await createWaiter({ client: undefined as never, maxWaitTime, minDelay: timing.minDelay, maxDelay: timing.maxDelay }, undefined, check);
  } finally {
    budget?.spend({ ms: waited() });
  }
  if (thrown) throw thrown.error;
  if (result.state === WaiterState.SUCCESS && last) return last.value;
  const end: WaitEnd = settled ? 'settled' : maxWaitTime < timing.maxWaitTime ? 'budget' : 'timeout';
  throw new WaiterTimeoutError({ description, timing, lastSeen: last && show ? show(last.value) : last?.value, polls, waitedMs: waited(), end, budgetMs: budget?.budgetMs });
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
