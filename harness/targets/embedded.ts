import { offsetClock, systemClock } from '../clock.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS } from '../mock/index.ts';
import { applyFault } from '../mock/faults/apply.ts';
import { optionalOperations, targetLabel } from './capabilities.ts';
import { inProcessHttpHandler, unsignedAuthSchemes } from './in-process-handler.ts';
import type { Target, TargetSpec, WaiterTiming } from './types.ts';
import type { SchemaRegistry } from '../schemas.ts';

/**
 * The embedded target is consistent at once, so a waiter's first poll decides; the tiny bound (the least
 * @smithy/util-waiter accepts in practice) only stops a faulty variant (self-test) from polling long before it fails.
 */
export const EMBEDDED_WAITER: WaiterTiming = { maxWaitTime: 0.003, minDelay: 0.001, maxDelay: 0.001 };

/**
 * Opens the reference implementation in this process (inside the vitest worker). The client uses the mock's own
 * in-process request handler, unless a fault or variation wraps the mock's Fetch handle from outside: then an
 * HttpHandler adapter over the wrapped handle carries the requests.
 */
export function openEmbeddedTarget({ spec, optional, clockMs, schemas }: {
  spec: Extract<TargetSpec, { kind: 'embedded' }>;
  optional: readonly string[];
  clockMs?: number;
  /** Shared with the session's wire validation, so each schema is compiled once per contract file, not twice. */
  schemas?: SchemaRegistry;
}): Target {
  const wrapped = spec.fault !== undefined || spec.variation !== undefined;
  const plan = wrapped ? applyFault({ fault: spec.fault, variation: spec.variation }) : undefined;
  // Given the run's reference clock, the implementation lives at that time (advancing with the wall clock), so the
  // generated data, placed around the reference clock, falls in the same windows whenever the run happens.
  const clock = clockMs === undefined ? systemClock : offsetClock({ startMs: clockMs });
  const mock = createMock({ clock, options: { ...spec.mockOptions, ...plan?.mockOptions }, schemas });
  const requestHandler = plan?.wrapHandle ? inProcessHttpHandler({ handle: plan.wrapHandle((request) => mock.handle(request)) }) : mock.requestHandler;
  return {
    spec,
    label: targetLabel({ spec }),
    optional: optionalOperations({ spec, declared: optional }),
    waiter: EMBEDDED_WAITER,
    now: () => clock.now(),
    clientConfig: () => ({
      endpoint: IN_PROCESS_ENDPOINT,
      region: 'us-east-1',
      credentials: { ...MOCK_CREDENTIALS },
      requestHandler,
      // A retry would only repeat an in-process answer (and slow the self-test's 5xx faults down).
      maxAttempts: 1,
      httpAuthSchemes: unsignedAuthSchemes(),
    }),
    close: async () => {},
  };
}
