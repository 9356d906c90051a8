import { openEmbeddedTarget } from './embedded.ts';
import { openEndpointTarget } from './endpoint.ts';
import { openAwsTarget } from './aws.ts';
import { openReplayTarget } from './replay.ts';
import type { Target, TargetSpec } from './types.ts';
import type { SchemaRegistry } from '../schemas.ts';

export type { Target, TargetSpec, WaiterTiming, StaticCredentials } from './types.ts';
export { targetLabel, optionalOperations, TARGET_CAPABILITIES } from './capabilities.ts';

/**
 * Opens the target a run configuration names for one contract file; called inside each vitest worker. `clockMs`, the
 * run's reference clock, sets the embedded implementation's time (live targets keep the wall clock).
 */
export function openTarget({ spec, optional, contractFile, clockMs, schemas }: {
  spec: TargetSpec;
  optional: readonly string[];
  contractFile?: string;
  clockMs?: number;
  /** A schema registry to share with the embedded implementation (its compiled validators are reused). */
  schemas?: SchemaRegistry;
}): Target {
  switch (spec.kind) {
    case 'embedded':
      return openEmbeddedTarget({ spec, optional, clockMs, schemas });
    case 'endpoint':
      return openEndpointTarget({ spec, optional });
    case 'aws':
      return openAwsTarget({ spec, optional });
    case 'replay':
      if (contractFile === undefined) throw new Error('targets: expected the contract file of a replay target (its tape is per file); saw none; pass contractFile');
      return openReplayTarget({ spec, optional, contractFile });
  }
}
