/**
 * Replay through nock itself, for callers who want real HTTP interception: the same tape and the same matching rules
 * as the replay handler (replay.ts). Kept apart from replay.ts because importing nock patches node:http and fetch for
 * the whole process; only code that replays through nock should load it.
 */
import nock from 'nock';
import { parseBody } from './replay.ts';
import { headerObject, normalizeForMatch, responseBytes } from './sanitize.ts';
import type { Tape } from './tape.ts';

/** What `nockReplay` set up. */
export interface NockReplay {
  scopes: nock.Scope[];
  /** Interactions not consumed yet, as nock describes them. */
  pending(): string[];
  /** Removes this replay's interceptors (only those) and allows network connections again. */
  restore(): void;
}

/**
 * Defines the tape's interactions with nock (and disables the network), for callers who want nock itself. The
 * client must use the tape's scope as its endpoint (CANONICAL_SCOPE for sanitized tapes). Same rules as the handler:
 * nock matches path, query and JSON body order-insensitively and consumes identical interceptors in order; the
 * filters apply the replay's request normalisation first.
 */
export function nockReplay({ tape }: { tape: Tape }): NockReplay {
  // nock patches node:http when it is first imported, and a previous session's restore() may have undone that.
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const scopes: nock.Scope[] = [];
  const interceptors: nock.Interceptor[] = [];
  for (const interaction of tape.interactions) {
    const scope = nock(interaction.scope)
      .filteringPath((p: string) => normalizeForMatch({ path: p, body: '' }).path)
      .filteringRequestBody((body: string) => {
        const n = normalizeForMatch({ path: '/', body: parseBody({ text: body }) });
        return typeof n.body === 'string' ? n.body : JSON.stringify(n.body);
      });
    const bytes = responseBytes({ interaction });
    const headers = headerObject({ headers: interaction.rawHeaders });
    if ('content-length' in headers || bytes.byteLength > 0) headers['content-length'] = String(bytes.byteLength);
    const recordedBody = interaction.body === undefined || interaction.body === null ? '' : interaction.body;
    const interceptor = scope.intercept(interaction.path, interaction.method.toUpperCase(), recordedBody as nock.RequestBodyMatcher);
    interceptor.reply(interaction.status, bytes, headers);
    interceptors.push(interceptor);
    scopes.push(scope);
  }
  return {
    scopes,
    pending: () => scopes.flatMap((s) => s.pendingMocks()),
    restore: () => {
      for (const i of interceptors) nock.removeInterceptor(i);
      nock.enableNetConnect();
      // Stop what was started: with no interceptor of anyone's left, node:http goes back to the real thing, so a
      // later request in this process (a keep-alive agent, a loopback server) is not passed through nock.
      if (nock.activeMocks().length === 0) nock.restore();
    },
  };
}
