import { CANONICAL_SCOPE } from '../recording/sanitize.ts';
import { replayHandlerFor } from '../recording/replay.ts';
import { optionalOperations, targetLabel } from './capabilities.ts';
import type { Target, TargetSpec, WaiterTiming } from './types.ts';

/**
 * Replay never sleeps: a waiter polls as often as the tape recorded and stops when the tape has no further poll. The
 * times only bound the rare faulty case; `replay` switches waitUntil to its sleepless loop.
 */
export const REPLAY_WAITER: WaiterTiming = { maxWaitTime: 30, minDelay: 0, maxDelay: 0, replay: true };

/** Credentials of a replay: never sent anywhere, but the SDK signs every request before the handler sees it. */
const REPLAY_CREDENTIALS = { accessKeyId: 'CPCTREPLAYACCESSKEY0', secretAccessKey: 'cpct-replay-secret-access-key' };

/**
 * Opens the tape of one contract file as a target: the client's request handler answers from the tape and opens no
 * socket. A missing, malformed or incompatible tape gives a handler whose every request fails with the reason, so that
 * file's contracts FAIL (the setup cannot create its domain) while the other files replay.
 */
export function openReplayTarget({ spec, optional, contractFile }: { spec: Extract<TargetSpec, { kind: 'replay' }>; optional: readonly string[]; contractFile: string }): Target {
  const replay = replayHandlerFor({ dir: spec.dir, targetKind: spec.tapeKind, contractFile });
  return {
    spec,
    label: targetLabel({ spec }),
    // The refusals on the tape mean what they meant for the recorded kind (aws: layouts are optional).
    optional: optionalOperations({ spec, declared: optional, recordedKind: replay.meta?.targetKind }),
    waiter: REPLAY_WAITER,
    replay,
    clientConfig: () => ({
      endpoint: CANONICAL_SCOPE,
      region: replay.meta?.region ?? 'us-east-1',
      credentials: { ...REPLAY_CREDENTIALS },
      requestHandler: replay.handler,
      // As recorded: a recorded throttling answer is followed by the recorded retry.
      maxAttempts: 3,
    }),
    close: async () => {},
  };
}
