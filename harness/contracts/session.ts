import { CreateDomainCommand, CustomerProfilesClient, DeleteDomainCommand } from '@aws-sdk/client-customer-profiles';
import { loadOperationIndex, type OperationIndex } from '../operation-index.ts';
import { domainPrefix, type RunConfig } from '../run/config.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../schemas.ts';
import { openTarget, type Target } from '../targets/index.ts';
import { attachWireValidation, type WireValidation } from '../wire-validation/index.ts';
import { ErrorExpectations } from './service-errors.ts';
import { waitUntil } from './waiters.ts';

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
  /** Waits with the target's timing (see waiters.ts). */
  waitUntil<T>(args: { description: string; poll: () => Promise<T>; accept: (value: T) => boolean; show?: (value: T) => unknown }): Promise<T>;
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
export async function openSession({ config, area }: { config: RunConfig; area: string }): Promise<Session> {
  const target = openTarget({ spec: config.target, optional: config.optional });
  const client = new CustomerProfilesClient(target.clientConfig());
  tagOperations({ client });
  const registry = createSchemaRegistry();
  const index = loadOperationIndex({ dir: registry.dir });
  const wire = attachWireValidation({ client, registry, index });
  const created: string[] = [];
  const counters = new Map<string, number>();

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
    waitUntil: (args) => waitUntil({ ...args, timing: target.waiter }),
    async close() {
      for (const name of created.reverse()) {
        // A failure here (a faulty target) is left to the CLI's sweep, which reports what it cannot delete.
        await client.send(new DeleteDomainCommand({ DomainName: name })).catch(() => undefined);
      }
      wire.detach();
      client.destroy();
      await target.close();
    },
  };
}
