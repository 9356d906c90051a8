import type { MockOptions } from '../models/types.ts';
import type { FetchHandle } from '../../targets/in-process-handler.ts';
import type { WireTools } from './http.ts';

/**
 * How a fault or variation changes the embedded target: mock options, or a wrapper around the mock's REST-JSON Fetch
 * handle (requests and responses as they travel), so the mock itself stays correct.
 */
export interface FaultPlan {
  mockOptions?: MockOptions;
  wrapHandle?: (handle: FetchHandle) => FetchHandle;
}

/** A named way of making the reference implementation wrong in exactly one respect. */
export interface Fault {
  name: string;
  /** The one thing the faulty implementation gets wrong. */
  description: string;
  /**
   * Contracts meant to catch it. An entry ending in `*` is a prefix (at least one contract with that prefix must
   * fail). The self-test checks every entry; more contracts may fail too.
   */
  caughtBy: string[];
  /**
   * An empty-answer fault: the target answers, but with less data than it holds (empty lists, missing members, an
   * empty body). The self-test runs every contract file against it, and every contract that reads data must be
   * caught by at least one of them, so no verdict passes on nothing.
   */
  emptyAnswer?: true;
  /** Builds the plan for one target instance (wrappers may keep per-instance state, e.g. the last page seen). */
  build(tools: WireTools): FaultPlan;
}

/** A harmless difference a conforming implementation may show: every must/should contract still passes. */
export interface Variation {
  name: string;
  description: string;
  build(tools: WireTools): FaultPlan;
}
