import {
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  GetDomainCommand,
  GetDomainLayoutCommand,
  ListDomainLayoutsCommand,
} from '@aws-sdk/client-customer-profiles';
import { CANONICAL_SCOPE } from '../../harness/recording/sanitize.ts';
import type { Tape, TapeInteraction } from '../../harness/recording/tape.ts';

/** Hand-made tapes for the replay tests. */

export const JSON_HEADERS = { 'content-type': 'application/json', 'x-amzn-requestid': 'req' };

/** A tape around `interactions`. */
export function tape(interactions: TapeInteraction[]): Tape {
  return {
    format: 'cpct-tape/1',
    meta: { seed: 1, referenceClock: '2025-06-09T00:00:00.000Z', runId: 'r', sdkVersion: '3.1019.0', projectVersion: '0.1.0', targetKind: 'aws', region: 'us-east-1', recordedAt: '2025-06-09T00:00:00.000Z', contractFile: 'x.contract.ts' },
    interactions,
  };
}

/** An interaction with defaults: canonical scope, no body, 200, JSON headers. */
export function ia(partial: Partial<TapeInteraction> & Pick<TapeInteraction, 'method' | 'path'>): TapeInteraction {
  return { scope: CANONICAL_SCOPE, body: '', status: 200, response: {}, rawHeaders: JSON_HEADERS, ...partial };
}

/** A small tape as the service would answer: a list, a create, a poll sequence, and an error. */
export function serviceTape(): Tape {
  const layout = { LayoutDefinitionName: 'main', Description: 'd', DisplayName: 'Main', LayoutType: 'PROFILE_EXPLORER', Layout: '{"a":1}', Version: '1', CreatedAt: 1749427200, LastUpdatedAt: 1749427200, IsDefault: false, Tags: {} };
  return tape([
    ia({ method: 'GET', path: '/domains/d/layouts?max-results=5', response: { Items: [], NextToken: 'tok' } }),
    ia({ method: 'POST', path: '/domains/d/layouts/main', body: { Description: 'd', DisplayName: 'Main', Layout: '{"a":1}', LayoutType: 'PROFILE_EXPLORER' }, response: layout }),
    ia({ method: 'GET', path: '/domains/d', response: { DomainName: 'd', DefaultExpirationDays: 5, CreatedAt: 1749427200, LastUpdatedAt: 1749427200, Stats: { ProfileCount: 0 } } }),
    ia({ method: 'GET', path: '/domains/d', response: { DomainName: 'd', DefaultExpirationDays: 5, CreatedAt: 1749427200, LastUpdatedAt: 1749427201, Stats: { ProfileCount: 3 } } }),
    ia({ method: 'GET', path: '/domains/d/layouts/missing', status: 404, response: { Message: 'Layout missing not found' }, rawHeaders: { ...JSON_HEADERS, 'x-amzn-errortype': 'ResourceNotFoundException' } }),
  ]);
}

/** Runs the tape's calls through a client and returns what the SDK made of each (outputs and errors alike). */
export async function runCalls(client: CustomerProfilesClient): Promise<unknown[]> {
  const out: unknown[] = [];
  const send = async (call: Promise<unknown>) => {
    try {
      out.push(await call);
    } catch (error) {
      const e = error as Error & { $metadata: unknown; $fault: string };
      out.push({ name: e.name, message: e.message, fault: e.$fault, metadata: e.$metadata });
    }
  };
  await send(client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 5 })));
  await send(client.send(new CreateDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'main', LayoutType: 'PROFILE_EXPLORER', DisplayName: 'Main', Description: 'd', Layout: '{"a":1}' })));
  await send(client.send(new GetDomainCommand({ DomainName: 'd' })));
  await send(client.send(new GetDomainCommand({ DomainName: 'd' })));
  await send(client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'missing' })));
  return out;
}

