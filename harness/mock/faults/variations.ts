import { aroundCalls, aroundReplies, isSuccess, type Json, type WireTools } from './http.ts';
import type { Variation } from './types.ts';

/**
 * Benign variations: differences a conforming implementation may show on the wire. The self-test runs every contract
 * against each and requires all must/should contracts to pass, so the suite does not reject what AWS may do.
 */

function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Json).reverse().map(([k, v]) => [k, reorderKeys(v)]));
  }
  return value;
}

/** Adds an unknown member to the top-level structure and to each structure in a top-level list. */
function addUnknownMembers(body: Json): void {
  body.CpctUnknownMember = 'added by a benign variation';
  for (const value of Object.values(body)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) if (item && typeof item === 'object' && !Array.isArray(item)) (item as Json).CpctUnknownItemMember = 42;
  }
}

const TOKEN_PREFIX = 'v2~';

export const VARIATIONS: readonly Variation[] = [
  {
    name: 'unknown-members',
    description: 'responses carry members the model does not declare (AWS adds members over time)',
    build: () => ({
      wrapHandle: aroundReplies({
        rewrite: (reply) => {
          if (isSuccess({ reply: reply }) && reply.body) addUnknownMembers(reply.body);
          return reply;
        },
      }),
    }),
  },
  {
    name: 'reordered-keys',
    description: 'JSON members arrive in reverse order at every level',
    build: () => ({ wrapHandle: aroundReplies({ rewrite: (reply) => ({ ...reply, body: reorderKeys(reply.body) as Json | undefined }) }) }),
  },
  {
    name: 'latency',
    description: 'every response is delayed by 3 ms',
    build: () => ({
      wrapHandle: (handle) => async (request) => {
        await new Promise((resolve) => setTimeout(resolve, 3));
        return handle(request);
      },
    }),
  },
  {
    name: 'opaque-token-format',
    description: 'NextTokens have another opaque format (prefixed base64url of the implementation\'s token)',
    build: (tools: WireTools) => ({
      wrapHandle: aroundCalls({
        tools,
        around: async (call, send) => {
          const token = call.url.searchParams.get('next-token');
          let forward = call;
          if (token?.startsWith(TOKEN_PREFIX)) {
            const url = new URL(call.url);
            url.searchParams.set('next-token', Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'));
            forward = { ...call, url };
          }
          const reply = await send(forward);
          if (reply.body && typeof reply.body.NextToken === 'string') {
            reply.body.NextToken = `${TOKEN_PREFIX}${Buffer.from(reply.body.NextToken, 'utf8').toString('base64url')}`;
          }
          return reply;
        },
      }),
    }),
  },
  {
    name: 'extra-headers',
    description: 'responses carry extra headers (request ids, caching, tracing)',
    build: () => ({
      wrapHandle: aroundReplies({
        rewrite: (reply) => ({
          ...reply,
          headers: { ...reply.headers, 'x-amz-apigw-id': 'cpct-variation', 'cache-control': 'no-store', 'x-amzn-trace-id': 'Root=1-00000000-000000000000000000000000' },
        }),
      }),
    }),
  },
  {
    name: 'other-error-messages',
    description: 'error messages are worded differently (a prefix before the implementation\'s own text)',
    build: () => ({
      wrapHandle: aroundReplies({
        rewrite: (reply) => {
          if (reply.status < 400 || !reply.body) return reply;
          const body = { ...reply.body };
          for (const key of ['Message', 'message']) if (typeof body[key] === 'string') body[key] = `1 validation error detected: ${body[key] as string}`;
          return { ...reply, body };
        },
      }),
    }),
  },
];

/** Looks a variation up by name. */
export function variationByName({ name }: { name: string }): Variation | undefined {
  return VARIATIONS.find((v) => v.name === name);
}
