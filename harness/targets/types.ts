import type { CustomerProfilesClientConfig } from '@aws-sdk/client-customer-profiles';
import type { MockOptions } from '../mock/models/types.ts';
import type { ReplayFor } from '../recording/replay.ts';

/** Static credentials handed from the CLI to the workers (the CLI is the only place that reads the environment). */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * What a target is, as plain data: it crosses from the CLI to the vitest workers through `provide`, so it holds no
 * functions. Targets differ only in transport.
 */
export type TargetSpec =
  | {
      kind: 'embedded';
      /** Name of a fault from harness/mock/faults to apply (self-test, `--fault`). */
      fault?: string;
      /** Name of a benign variation from harness/mock/faults to apply (self-test). */
      variation?: string;
      /** Options of the reference implementation for this run. */
      mockOptions?: MockOptions;
    }
  | {
      kind: 'endpoint';
      url: string;
      region: string;
      credentials: StaticCredentials;
    }
  | {
      /** Real AWS: the SDK's default credential chain, resolved inside the worker. */
      kind: 'aws';
      region: string;
    }
  | {
      /** Offline, from tapes `<dir>/<tapeKind>/<contract file>.json`: no socket is ever opened. */
      kind: 'replay';
      dir: string;
      tapeKind: string;
    };

/** How long and how often waiters poll for eventual consistency against a target. Seconds, as @smithy/util-waiter takes them. */
export interface WaiterTiming {
  maxWaitTime: number;
  minDelay: number;
  maxDelay: number;
  /**
   * Seconds a target that reports itself ready must keep giving the same answer before a waiter that can tell takes it
   * as settled and stops early (waiters.ts); absent: waits run to their bound.
   */
  settle?: number;
  /** Replay: polls follow each other without sleeping, as many as the tape recorded (bounded). */
  replay?: boolean;
}

/** An opened target: everything a client needs to talk to it, made inside the worker. */
export interface Target {
  readonly spec: TargetSpec;
  /** Short label for reports, e.g. `embedded` or `endpoint http://127.0.0.1:4566`. */
  readonly label: string;
  /** Client settings that select the transport (endpoint, region, credentials, request handler, retries). */
  clientConfig(): CustomerProfilesClientConfig;
  /** Operations the target may legitimately refuse (AccessDenied / unknown operation): such a refusal is NA. */
  readonly optional: ReadonlySet<string>;
  readonly waiter: WaiterTiming;
  /**
   * The target's own clock, when it keeps one (embedded: the run's reference clock advancing with the wall clock);
   * absent for live targets, whose time is the wall clock's.
   */
  now?(): number;
  /** Replay only: the tape behind this target (its meta reproduces the recorded run; `handler.unused()` at the end). */
  readonly replay?: ReplayFor;
  /** Releases what the target holds (nothing for HTTP endpoints; the in-process mock for embedded). */
  close(): Promise<void>;
}
