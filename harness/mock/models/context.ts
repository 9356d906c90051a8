import type { Clock } from '../../clock.ts';
import { ResourceNotFoundException } from './errors.ts';
import type { IdSource } from './ids.ts';
import { InputReader } from './input.ts';
import type { PageTokens } from './pagination.ts';
import { MAX_RESULTS, RULES, type DomainState } from './state.ts';
import type { OperationInput, OperationOutput } from './types.ts';

/** Options with every default filled in (see MockOptions in types.ts). */
export interface ResolvedOptions {
  secondDefaultClearsFirst: boolean;
  defaultPageSize: number;
  tokenSecret: string;
  accountId: string;
  region: string;
}

/** Default options: fixed so two runs with the same inputs give the same tokens, ids and ARNs. */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  // Documented: "Only one layout can be the default at a time" (admin guide, Default layout behavior).
  secondDefaultClearsFirst: true,
  defaultPageSize: 100,
  tokenSecret: 'cpct-mock-token-secret',
  // All zeros, so a tape recorded against the mock never holds a real-looking account id.
  accountId: '000000000000',
  region: 'us-east-1',
};

/** Hooks into the calculated-attributes module that the rest of the service calls when objects come and go. */
export interface CalculatedHooks {
  ingest(args: { domain: string; profileId: string; objectTypeName: string; objectId: string; object: Record<string, unknown>; ingestedAt: number }): void;
  remove(args: { domain: string; profileId: string; objectTypeName: string; objectId: string }): void;
  forgetProfile(args: { domain: string; profileId: string }): void;
  forgetDomain(args: { domain: string }): void;
  forgetObjectType(args: { domain: string; objectTypeName: string }): void;
}

/** Everything an operation handler needs: one instance's state and services. */
export interface ServiceContext {
  clock: Clock;
  ids: IdSource;
  tokens: PageTokens;
  options: ResolvedOptions;
  domains: Map<string, DomainState>;
  calculated: CalculatedHooks;
  /** True when the domain holds a calculated attribute definition of that name (asked of the calculated module). */
  calculatedExists(args: { domain: string; name: string }): boolean;
}

/** One operation handler: typed reads from the input, a plain output. */
export type Handler = (args: { ctx: ServiceContext; input: InputReader }) => OperationOutput;

/** Builds the reader for an operation's raw input. */
export function readerFor({ input }: { input: OperationInput }): InputReader {
  return new InputReader({ input });
}

/** Reads DomainName and returns the domain, or throws ResourceNotFoundException. */
export function requireDomain({ ctx, input }: { ctx: ServiceContext; input: InputReader }): DomainState {
  const name = input.str({ member: 'DomainName', ...RULES.name });
  const domain = ctx.domains.get(name);
  if (!domain) throw new ResourceNotFoundException(`Domain ${name} does not exist`);
  return domain;
}

/** A timestamp for an update: now, but never earlier than `previous` (a clock set backwards cannot undo time). */
export function stamp({ ctx, previous }: { ctx: ServiceContext; previous?: number }): number {
  const now = ctx.clock.now();
  return previous === undefined ? now : Math.max(now, previous);
}

/** Epoch milliseconds as the Date the output contract asks for. */
export function toDate(ms: number): Date {
  return new Date(ms);
}

/**
 * One page of `all` for a List operation. The token scope is the operation plus the list's identifying
 * parameters (not MaxResults), so a token is valid only for the list it came from.
 */
export function listPage<T>({ ctx, input, operation, scopeParts, all }: {
  ctx: ServiceContext;
  input: InputReader;
  operation: string;
  scopeParts: readonly unknown[];
  all: readonly T[];
}): { items: T[]; nextToken?: string } {
  const maxResults = input.optInt({ member: 'MaxResults', ...MAX_RESULTS });
  const nextToken = input.optStr({ member: 'NextToken', ...RULES.token });
  const scope = `${operation}\0${JSON.stringify(scopeParts)}`;
  return ctx.tokens.page({ all, maxResults, nextToken, scope, defaultPageSize: ctx.options.defaultPageSize });
}

/** Reads an optional Tags member (TagMap: 1 to 50 entries, keys without the `aws:` prefix). */
export function readTags({ input, member = 'Tags' }: { input: InputReader; member?: string }): Map<string, string> | undefined {
  return input.optStringMap({ member, minEntries: 1, maxEntries: 50, key: RULES.tagKey, value: RULES.tagValue });
}

/** The ARN prefix of everything the instance issues: `arn:aws:profile:<region>:<account>:`. */
export function arnPrefix({ ctx }: { ctx: ServiceContext }): string {
  return `arn:aws:profile:${ctx.options.region}:${ctx.options.accountId}:`;
}
