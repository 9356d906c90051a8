/** A source of "now". Injected everywhere time matters so tests and replays can fix it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that reads `startMs` when made and then advances with `wall`: the reference clock of a run, for a target
 * that keeps its own time (the embedded implementation), so that a run is a function of (seed, reference clock).
 */
export function offsetClock({ startMs, wall = systemClock }: { startMs: number; wall?: Clock }): Clock {
  const offset = startMs - wall.now();
  return { now: () => wall.now() + offset };
}

/** A clock that starts at `startMs` and only moves when told to (tests, replays, the reference clock of a run). */
export class ManualClock implements Clock {
  private current: number;
  constructor({ startMs }: { startMs: number }) {
    this.current = startMs;
  }
  /** Current time in epoch milliseconds. */
  now(): number {
    return this.current;
  }
  /** Moves the clock forward by `ms` (never backwards). */
  advance({ ms }: { ms: number }): void {
    if (ms < 0) throw new RangeError(`clock: expected a non-negative step, saw ${ms}; pass a positive number of milliseconds`);
    this.current += ms;
  }
  /** Sets the clock to `ms`, for replays that restore a recorded time. */
  set({ ms }: { ms: number }): void {
    this.current = ms;
  }
}
