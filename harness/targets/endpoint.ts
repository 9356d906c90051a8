import type { Target, TargetSpec, WaiterTiming } from './types.ts';
import { optionalOperations, targetLabel } from './capabilities.ts';

/**
 * A live server converges in seconds, not minutes; a contract that needs longer fails with the last value seen. One
 * second of the same ready answer is taken as settled: a local server that answers wrongly then is wrong.
 */
export const ENDPOINT_WAITER: WaiterTiming = { maxWaitTime: 30, minDelay: 0.25, maxDelay: 2, settle: 1 };

/** Opens a target that talks HTTP to `spec.url` with the SDK's own Node handler. */
export function openEndpointTarget({ spec, optional }: { spec: Extract<TargetSpec, { kind: 'endpoint' }>; optional: readonly string[] }): Target {
  return {
    spec,
    label: targetLabel({ spec }),
    optional: optionalOperations({ spec, declared: optional }),
    waiter: ENDPOINT_WAITER,
    clientConfig: () => ({
      endpoint: spec.url,
      region: spec.region,
      credentials: { ...spec.credentials },
      // Throttling is retryable against a shared server; each attempt is still captured and validated.
      maxAttempts: 3,
    }),
    close: async () => {},
  };
}
