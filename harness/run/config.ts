import type { ExchangeLike } from '../reporters/common.ts';
import type {} from 'vitest';
import type { TargetSpec } from '../targets/types.ts';

/**
 * The configuration of one conformance run, built by the CLI from its flags and handed to the contract files with
 * vitest's `provide` / `inject` (key `cpct`). Plain data only: it is serialised into the workers.
 */
export interface RunConfig {
  /** Identifies the run; every domain the run creates is named `cpct-<runId>-...`. */
  runId: string;
  seed: number;
  /** The run's reference clock (epoch ms): generated data places its timestamps relative to it. */
  clockMs: number;
  target: TargetSpec;
  /** Operations the user declared optional for this target (`--optional`), added to the target's own table. */
  optional: string[];
  /** `--fuzz N`: generated cases per operation in the robustness area, besides each member's boundary case (default DEFAULT_FUZZ). */
  fuzz?: number;
  /** `--strict-output`: a contract whose responses carried warnings (docs/response-checks.md) fails. */
  strictOutput?: boolean;
  /** `--record`: each contract file's client records through the target into `<dir>/<targetKind>/<file>.json`. */
  record?: RecordConfig;
  /**
   * A directory private to this run where each contract file's session leaves what the CLI reports at the end (calls
   * by operation, unused tape entries, written tapes): workers run in other threads and share only the file system.
   */
  outbox?: string;
  /**
   * `--converge-ms`: the run's budget for waiting on eventual consistency, shared by every contract file (ledger in the
   * outbox); once spent, each further wait polls once. DEFAULT_CONVERGE_MS when absent.
   */
  convergeMs?: number;
}

/**
 * The default waiting budget, sized for real AWS: a correct run there waits on calculated attribute definitions and
 * object-type indexing (each wait bounded at 2 minutes, most far shorter), while a wrong target must not cost more
 * than half an hour of waiting.
 */
export const DEFAULT_CONVERGE_MS = 1_800_000;

/** What a recording run tells the workers. */
export interface RecordConfig {
  dir: string;
  targetKind: string;
  region: string;
  /** Real account ids to replace in tapes (the caller's account, from STS). */
  accountIds: string[];
}

/** What one contract file's session leaves in the run's outbox (`<outbox>/<area>.json`). */
export interface SessionReport {
  area: string;
  /** Requests sent, by operation (retries included: each is billed). */
  calls: Record<string, number>;
  /** Replay: tape entries the run did not ask for. */
  unused?: { index: number; method: string; path: string; operation?: string }[];
  /** Replay: the tape file, its versions and the compatibility notes. */
  tape?: { file: string; sdkVersion?: string; projectVersion?: string; targetKind?: string; notes: string[]; error?: string };
  /** Record: the tape written, or why it was not. */
  recorded?: { file: string; interactions?: number; flagged?: number; error?: string };
  /** Time the file's waits spent after a first answer that was not yet the expected one (ms), and how many did. */
  waitedMs?: number;
  waits?: number;
  /** The file's exchanges with long strings cut, for the API-surface coverage report. */
  exchanges?: ExchangeLike[];
}

/** Generated robustness cases per operation when --fuzz is not given: small, so a default run stays fast. */
export const DEFAULT_FUZZ = 2;

/** The key under which the run configuration is provided to the workers. */
export const RUN_CONFIG_KEY = 'cpct' as const;

/** Prefix of every domain a run creates; the sweep deletes exactly the domains starting with it. */
export function domainPrefix({ runId }: { runId: string }): string {
  return `cpct-${runId}`;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cpct: RunConfig;
  }
}
