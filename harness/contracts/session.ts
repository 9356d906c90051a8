import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateDomainCommand, CustomerProfilesClient, DeleteDomainCommand } from '@aws-sdk/client-customer-profiles';
import { loadOperationIndex, type OperationIndex } from '../operation-index.ts';
import { createRecorder, defaultRequestHandler, type Recorder } from '../recording/record.ts';
import { tapePath } from '../recording/tape.ts';
import { DEFAULT_CONVERGE_MS, domainPrefix, type RunConfig, type SessionReport } from '../run/config.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../schemas.ts';
import { openTarget, type Target } from '../targets/index.ts';
import { attachWireValidation, SESSION_RETAINED_EXCHANGES, type WireValidation } from '../wire-validation/index.ts';
import type { WireExchange } from '../wire-validation/validate.ts';
import type { ExchangeLike } from '../reporters/common.ts';
import { ErrorExpectations } from './service-errors.ts';
import { waitUntil, type Settle } from './waiters.ts';
import { createWaitBudget, type WaitBudget } from './wait-budget.ts';
import { ensureDirSync } from '../fs-dirs.ts';

/** Days the run's domains keep data; they are deleted at the end of the run anyway. */
const DOMAIN_EXPIRATION_DAYS = 7;

/**
 * What one contract file shares between its contracts: the opened target, one SDK client with the wire validator
 * attached, the domains it created (deleted at the end), and counters for unique resource names.
 */
export interface Session {
  readonly config: RunConfig;
  readonly target: Target;
  readonly client: CustomerProfilesClient;
  /** Every exchange of this file's client and its violations. */
  readonly wire: WireValidation;
  readonly registry: SchemaRegistry;
  readonly index: OperationIndex;
  readonly errors: ErrorExpectations;
  /** The file's own domain, created when the session opens. */
  readonly domain: string;
  /** Creates another domain `cpct-<runId>-<label>`, deleted when the session closes. */
  createDomain(args: { label: string }): Promise<string>;
  /** The next number of the sequence `of` in this session (1, 2, ...): indexes for generated resource names. */
  sequence(args: { of: string }): number;
  /**
   * The time now (epoch ms) as the target saw it: the wall clock live, the run's reference clock (advancing) for the
   * embedded implementation, the recorded time in a replay. Use it, not Date.now(), for anything compared with times
   * the target reports, so the comparison holds on every target and replays as it was recorded.
   */
  now(): number;
  /**
   * Waits with the target's timing within the run's waiting budget (see waiters.ts); with `settle`, stops early on an
   * answer the target settled on.
   */
  waitUntil<T>(args: { description: string; poll: () => Promise<T>; accept: (value: T) => boolean; show?: (value: T) => unknown; settle?: Settle<T> }): Promise<T>;
  /** The run's waiting budget as this session sees it (its own waiting included). */
  readonly budget: WaitBudget;
  /** Deletes the domains this session created, as far as it can: against a live server the CLI's sweep follows. */
  close(): Promise<void>;
}

/** Labels the operation on every error the client throws, so a refusal can be traced to its operation (NA rule). */
function tagOperations({ client }: { client: CustomerProfilesClient }): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error && typeof error === 'object' && !('$cpctOperation' in error)) {
          Object.defineProperty(error, '$cpctOperation', { value: String(context.commandName ?? '').replace(/Command$/, ''), enumerable: false });
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'cpctOperationTag' },
  );
}

/** The domain name for `label` in this run, within the model's DomainName limits (1..64, [a-zA-Z0-9_-]). */
export function runDomainName({ runId, label }: { runId: string; label: string }): string {
  const name = `${domainPrefix({ runId })}-${label}`;
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
    throw new Error(`contracts: expected a domain name matching ^[a-zA-Z0-9_-]+$ of at most 64 characters; saw "${name}"; shorten the label`);
  }
  return name;
}

/** Opens a session for one contract file: target, client, wire validation and the file's domain. */
export async function openSession({ config: runConfig, area }: { config: RunConfig; area: string }): Promise<Session> {
  const contractFile = `${area}.contract.ts`;
  // One registry for the file: the wire validation and (embedded) the reference implementation compile each schema once.
  const registry = createSchemaRegistry();
  const target = openTarget({ spec: runConfig.target, optional: runConfig.optional, contractFile, clockMs: runConfig.clockMs, schemas: registry });
  // A replay reproduces the recorded run of this file: its seed, reference clock and run id make the same requests.
  const meta = target.replay?.meta;
  const config: RunConfig = meta ? { ...runConfig, seed: meta.seed, clockMs: Date.parse(meta.referenceClock), runId: meta.runId } : runConfig;
  const clientConfig = target.clientConfig();
  let recorder: Recorder | undefined;
  if (config.record) {
    recorder = createRecorder({
      file: tapePath({ dir: config.record.dir, targetKind: config.record.targetKind, contractFile }),
      meta: { seed: config.seed, referenceClock: new Date(config.clockMs).toISOString(), runId: config.runId, targetKind: config.record.targetKind, region: config.record.region, contractFile },
      inner: (clientConfig.requestHandler as Parameters<typeof createRecorder>[0]['inner']) ?? defaultRequestHandler(),
      accountIds: config.record.accountIds,
    });
    clientConfig.requestHandler = recorder.handler as typeof clientConfig.requestHandler;
  }
  // The SDK resolves the middleware stack again on every send unless told to cache it per command class (the SDK's
  // own option): about 0.2 ms a call, a tenth of a contract worker's time. Every middleware of the session is added
  // below, before the first send; a command with middleware of its own is sent with options, which skips the cache.
  const client = new CustomerProfilesClient({ ...clientConfig, cacheMiddleware: true });
  tagOperations({ client });
  const index = loadOperationIndex({ dir: registry.dir });
  // Each exchange is cut down for the coverage report and counted as it arrives; the wire keeps only the latest ones,
  // which is all the contracts look back at (the exchange of the call they just made).
  const slimmed: ExchangeLike[] = [];
  const calls: Record<string, number> = {};
  const wire = attachWireValidation({
    client,
    registry,
    index,
    retain: SESSION_RETAINED_EXCHANGES,
    onExchange: ({ exchange }) => {
      slimmed.push(slimExchange({ exchange }));
      calls[exchange.operation] = (calls[exchange.operation] ?? 0) + 1;
    },
  });
  const created: string[] = [];
  const counters = new Map<string, number>();
  const budget = createWaitBudget({ budgetMs: config.convergeMs ?? DEFAULT_CONVERGE_MS, ...(config.outbox ? { ledger: { dir: path.join(config.outbox, 'waited'), name: area } } : {}) });

  const createDomain = async ({ label }: { label: string }): Promise<string> => {
    const name = runDomainName({ runId: config.runId, label });
    created.push(name);
    await client.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: DOMAIN_EXPIRATION_DAYS }));
    return name;
  };

  const domain = await createDomain({ label: area });
  return {
    config,
    target,
    client,
    wire,
    registry,
    index,
    errors: new ErrorExpectations({ index }),
    domain,
    createDomain,
    sequence({ of }) {
      const n = (counters.get(of) ?? 0) + 1;
      counters.set(of, n);
      return n;
    },
    now: () => {
      if (!target.replay) return target.now?.() ?? Date.now();
      return target.replay.handler.recordedTime() ?? config.clockMs;
    },
    budget,
    waitUntil: (args) => {
      const replay = target.replay;
      if (!replay) return waitUntil({ ...args, timing: target.waiter, budget });
      // After the first poll, each poll may only take the tape's next entries: when the recorded polls end, the wait
      // ends as it did live, instead of taking the answer of a later identical request.
      let polls = 0;
      const poll = () => (polls++ === 0 ? args.poll() : replay.handler.contiguous(args.poll));
      return waitUntil({ ...args, poll, timing: target.waiter });
    },
    async close() {
      for (const name of created.reverse()) {
        // A failure here (a faulty target) is left to the CLI's sweep, which reports what it cannot delete.
        await client.send(new DeleteDomainCommand({ DomainName: name })).catch(() => undefined);
      }
      const { waitedMs, waits } = budget.own();
      const report: SessionReport = { area, calls, waitedMs, waits, exchanges: slimmed };
      wire.detach();
      client.destroy();
      await target.close();
      if (target.replay) {
        const { file, meta: m, notes, error, handler } = target.replay;
        report.unused = handler.unused();
        report.tape = { file, sdkVersion: m?.sdkVersion, projectVersion: m?.projectVersion, targetKind: m?.targetKind, notes, ...(error ? { error: error.message } : {}) };
      }
      let saveError: unknown;
      if (recorder) {
        const file = tapePath({ dir: config.record!.dir, targetKind: config.record!.targetKind, contractFile });
        try {
          report.recorded = await recorder.save();
        } catch (error) {
          saveError = error;
          report.recorded = { file, error: (error as Error).message };
        }
      }
      if (config.outbox) {
        ensureDirSync({ dir: config.outbox });
        writeFileSync(path.join(config.outbox, `${area}.json`), JSON.stringify(report));
      }
      if (saveError) throw saveError;
    },
  };
}

/** Longest string kept in a slimmed body: enum values and member names are short; 2 MB layouts need not travel. */
const SLIM_STRING = 256;

/** An exchange as the coverage report needs it: bodies re-serialised with long strings emptied (keys kept). */
function slimExchange({ exchange }: { exchange: WireExchange }): ExchangeLike {
  const slim = (text: string | null): string | null => {
    if (text === null || text === '') return text;
    try {
      return JSON.stringify(JSON.parse(text), (_key, value: unknown) => (typeof value === 'string' && value.length > SLIM_STRING ? '' : value));
    } catch {
      return '';
    }
  };
  return {
    operation: exchange.operation,
    request: { method: exchange.request.method, path: exchange.request.path, query: exchange.request.query, body: slim(exchange.request.body) },
    // The error type travels in a header; the other headers are not needed for coverage.
    response: {
      status: exchange.response.status,
      headers: Object.fromEntries(Object.entries(exchange.response.headers).filter(([name]) => name === 'x-amzn-errortype' || name === 'content-type')),
      body: slim(new TextDecoder().decode(exchange.response.body)) ?? '',
    },
  };
}

