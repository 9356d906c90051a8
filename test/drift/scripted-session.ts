/**
 * A short scripted session recorded from the embedded reference implementation, optionally with one fault of the
 * catalogue applied through the target spec (`{ kind: 'embedded', fault }`, with the self-test's mock options), the
 * way the self-test applies faults. It touches layouts (create, get, list in pages, update), calculated attribute
 * definitions, object types and DetectProfileObjectType, a 404 and a 400: about 25 exchanges in well under a second,
 * so each fault's recording costs the drift proofs little.
 */
import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  DeleteDomainCommand,
  DetectProfileObjectTypeCommand,
  GetDomainLayoutCommand,
  GetProfileObjectTypeTemplateCommand,
  ListCalculatedAttributeDefinitionsCommand,
  ListDomainLayoutsCommand,
  UpdateDomainLayoutCommand,
} from '@aws-sdk/client-customer-profiles';
import path from 'node:path';
import { generateProfileBundle } from '../../generators/generate.ts';
import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { createRecorder } from '../../harness/recording/record.ts';
import { tapePath } from '../../harness/recording/tape.ts';
import { BASELINE_OPTIONS } from '../../harness/run/selftest.ts';
import { openTarget } from '../../harness/targets/index.ts';

const CONTRACT_FILE = 'scripted.contract.ts';

/** Records the script into `<dir>/mock/scripted.contract.json`; returns the folder of tapes (`<dir>/mock`). */
export async function recordScripted({ dir, fault, runId, clockMs, seed = 1 }: { dir: string; fault?: string; runId: string; clockMs: number; seed?: number }): Promise<string> {
  const target = openTarget({ spec: { kind: 'embedded', ...(fault ? { fault } : {}), mockOptions: BASELINE_OPTIONS }, optional: [], clockMs });
  const config = target.clientConfig();
  const recorder = createRecorder({
    file: tapePath({ dir, targetKind: 'mock', contractFile: CONTRACT_FILE }),
    meta: { seed, referenceClock: new Date(clockMs).toISOString(), runId, targetKind: 'mock', region: 'us-east-1', contractFile: CONTRACT_FILE },
    inner: config.requestHandler as Parameters<typeof createRecorder>[0]['inner'],
  });
  const client = new CustomerProfilesClient({ ...config, requestHandler: recorder.handler as typeof config.requestHandler });
  const DomainName = `cpct-${runId}-drift`;
  // Errors are part of what is recorded; the script goes on whatever comes back.
  const send = async <C extends object>(command: C): Promise<unknown> => (client.send as unknown as (c: C) => Promise<unknown>)(command).catch(() => undefined);
  try {
    await send(new CreateDomainCommand({ DomainName, DefaultExpirationDays: 30 }));
    for (const i of [1, 2, 3]) {
      await send(new CreateDomainLayoutCommand({ DomainName, LayoutDefinitionName: `cpct-${runId}-l${i}`, DisplayName: `Layout ${i}`, Description: 'drift', LayoutType: 'PROFILE_EXPLORER', Layout: layoutOfSize({ seed: i, chars: 400 }) }));
    }
    await send(new GetDomainLayoutCommand({ DomainName, LayoutDefinitionName: `cpct-${runId}-l1` }));
    await send(new GetDomainLayoutCommand({ DomainName, LayoutDefinitionName: `cpct-${runId}-missing` }));
    let token: string | undefined;
    for (let page = 0; page < 5; page++) {
      const out = (await send(new ListDomainLayoutsCommand({ DomainName, MaxResults: 2, NextToken: token }))) as { NextToken?: string } | undefined;
      token = out?.NextToken;
      if (!token) break;
    }
    await send(new UpdateDomainLayoutCommand({ DomainName, LayoutDefinitionName: `cpct-${runId}-l2`, DisplayName: 'Layout 2 renamed' }));
    // A 400: a layout name longer than the model allows.
    await send(new CreateDomainLayoutCommand({ DomainName, LayoutDefinitionName: 'x'.repeat(300), DisplayName: 'Too long', Description: 'drift', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' }));
    await send(new GetProfileObjectTypeTemplateCommand({ TemplateId: 'Salesforce-Account' }));
    await send(
      new CreateCalculatedAttributeDefinitionCommand({
        DomainName,
        CalculatedAttributeName: `cpct_${runId}_count`,
        AttributeDetails: { Attributes: [{ Name: 'BookingId' }], Expression: '{AirBooking.BookingId}' },
        Statistic: 'COUNT',
      }),
    );
    await send(new ListCalculatedAttributeDefinitionsCommand({ DomainName }));
    const objects = generateProfileBundle({ seed, clockMs, index: 0 }).filter((r) => r.objectTypeName === 'airBooking').slice(0, 3).map((r) => JSON.stringify(r.object));
    if (objects.length > 0) await send(new DetectProfileObjectTypeCommand({ DomainName, Objects: objects }));
    await send(new DeleteDomainCommand({ DomainName }));
  } finally {
    client.destroy();
    await target.close();
  }
  await recorder.save();
  return path.join(dir, 'mock');
}
