/**
 * Request ids for `x-amzn-RequestId`: UUID-shaped but counter-based, so two runs of the same scenario against
 * fresh mock instances produce the same ids (replays and recorded tapes stay stable).
 */
export interface RequestIds {
  /** The next id of this instance: `00000000-0000-4000-8000-<12 hex digits of the counter>`. */
  next(): string;
}

/** Creates a counter for one mock instance, starting at 1. */
export function createRequestIds(): RequestIds {
  let counter = 0;
  return {
    next() {
      counter += 1;
      return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
    },
  };
}
