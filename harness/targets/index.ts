import { openEmbeddedTarget } from './embedded.ts';
import { openEndpointTarget } from './endpoint.ts';
import type { Target, TargetSpec } from './types.ts';

export type { Target, TargetSpec, WaiterTiming, StaticCredentials } from './types.ts';
export { targetLabel, optionalOperations, TARGET_CAPABILITIES } from './capabilities.ts';

/** Opens the target a run configuration names; called inside each vitest worker. */
export function openTarget({ spec, optional }: { spec: TargetSpec; optional: readonly string[] }): Target {
  switch (spec.kind) {
    case 'embedded':
      return openEmbeddedTarget({ spec, optional });
    case 'endpoint':
      return openEndpointTarget({ spec, optional });
  }
}
