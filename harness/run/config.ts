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
}

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
