import type { Target, TargetSpec, WaiterTiming } from './types.ts';
import { optionalOperations, targetLabel } from './capabilities.ts';

/**
 * The real service is eventually consistent (calculated attributes, object-type indexing): waiters allow it two
 * minutes with a backoff that keeps the number of billed polls small. A value may still move for a while after a
 * definition reports COMPLETED (objects are processed as they stream in), so an answer is taken as settled only after
 * a minute of the same ready answer.
 */
export const AWS_WAITER: WaiterTiming = { maxWaitTime: 120, minDelay: 1, maxDelay: 10, settle: 60 };

/**
 * Opens real AWS in `spec.region`. Credentials come from the SDK's default chain (profile, environment, SSO, instance
 * role) inside the worker; the CLI has already refused to start without CPCT_ALLOW_AWS=1 and checked the account.
 */
export function openAwsTarget({ spec, optional }: { spec: Extract<TargetSpec, { kind: 'aws' }>; optional: readonly string[] }): Target {
  return {
    spec,
    label: targetLabel({ spec }),
    optional: optionalOperations({ spec, declared: optional }),
    waiter: AWS_WAITER,
    clientConfig: () => ({ region: spec.region, maxAttempts: 3 }),
    close: async () => {},
  };
}
