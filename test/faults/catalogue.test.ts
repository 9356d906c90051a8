import {
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  DetectProfileObjectTypeCommand,
  GetDomainLayoutCommand,
  GetProfileObjectTypeTemplateCommand,
  ListDomainLayoutsCommand,
  ListProfileObjectTypeTemplatesCommand,
  PutProfileObjectTypeCommand,
} from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/errors.ts';
import { applyFault, FAULTS, VARIATIONS } from '../../harness/mock/faults/apply.ts';
import { openTarget } from '../../harness/targets/index.ts';

/** A client on the embedded target with `fault` / `variation`, and a domain holding three layouts a, b, c. */
async function setup({ fault, variation }: { fault?: string; variation?: string }) {
  const target = openTarget({ spec: { kind: 'embedded', fault, variation }, optional: [] });
  const client = new CustomerProfilesClient(target.clientConfig());
  await client.send(new CreateDomainCommand({ DomainName: 'd', DefaultExpirationDays: 3 }));
  for (const name of ['a', 'b', 'c']) {
    await client.send(new CreateDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: name, DisplayName: 'L', Description: 'x', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' }));
  }
  return client;
}

describe('FAULTS', () => {
  it('have unique names, a description and at least one intended catcher each', () => {
    const names = FAULTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FAULTS) {
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.caughtBy.length).toBeGreaterThan(0);
    }
    expect(FAULTS.length).toBeGreaterThanOrEqual(25);
  });

  it('tokens-forever: the last page carries a token, and following it gives empty pages with new tokens', async () => {
    const client = await setup({ fault: 'tokens-forever' });
    const first = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 100 }));
    expect(first.Items?.map((i) => i.LayoutDefinitionName)).toEqual(['a', 'b', 'c']);
    expect(first.NextToken).toBeDefined();
    const next = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', NextToken: first.NextToken }));
    expect(next.Items).toEqual([]);
    expect(next.NextToken).toBeDefined();
    expect(next.NextToken).not.toBe(first.NextToken);
  });

  it('ignores-max-results: a page holds more items than MaxResults', async () => {
    const client = await setup({ fault: 'ignores-max-results' });
    const page = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 1 }));
    expect(page.Items).toHaveLength(3);
  });

  it('drops-last-item: the last page loses its last item', async () => {
    const client = await setup({ fault: 'drops-last-item' });
    const page = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd' }));
    expect(page.Items?.map((i) => i.LayoutDefinitionName)).toEqual(['a', 'b']);
  });

  it('version-never-changes: every layout response says Version "1"', async () => {
    const client = await setup({ fault: 'version-never-changes' });
    expect((await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'b' }))).Version).toBe('1');
  });

  it('second-default-kept works through mock options, not a wrapper', () => {
    expect(applyFault({ fault: 'second-default-kept' })).toEqual({ mockOptions: { secondDefaultClearsFirst: false }, wrapHandle: undefined });
  });
});

/** The members of an SDK output, without $metadata, sorted. */
const membersOf = (out: object) => Object.keys(out).filter((k) => k !== '$metadata').sort();

/** The error name and HTTP status `call` fails with. */
async function failure(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'success';
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return `${e.name} ${e.$metadata?.httpStatusCode}`;
  }
}

/** What `fault`'s wrapper returns for one request when the wrapped implementation answers `reply` (200, JSON). */
async function wrappedReply({ fault, method, path, body, reply }: { fault: string; method: string; path: string; body?: unknown; reply: unknown }): Promise<unknown> {
  const handle = applyFault({ fault }).wrapHandle!(async () => new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } }));
  const response = await handle(new Request(`http://localhost${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }));
  return response.json();
}

const LOYALTY_SAMPLE = JSON.stringify({ TransactionId: 't-1', PointsEarned: 10, Email: 'member1@example.com', ProgramName: 'cpct' });

describe('empty-answer faults', () => {
  it('are marked emptyAnswer: lists, detection, templates, calculated values, optional members and the whole body', () => {
    expect(FAULTS.filter((f) => f.emptyAnswer).map((f) => f.name).sort()).toEqual(
      ['calc-values-never-present', 'detect-nothing', 'empty-lists', 'empty-template-catalogue', 'optional-members-omitted', 'returns-nothing'],
    );
  });

  it('empty-lists: returns no items and no NextToken given a domain with three layouts and MaxResults 1', async () => {
    const client = await setup({ fault: 'empty-lists' });
    const page = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 1 }));
    expect(page.Items).toEqual([]);
    expect(page.NextToken).toBeUndefined();
  });

  it('detect-nothing: returns no mapping given objects the reference implementation detects a mapping for', async () => {
    const detect = (client: CustomerProfilesClient) => client.send(new DetectProfileObjectTypeCommand({ DomainName: 'd', Objects: [LOYALTY_SAMPLE] }));
    expect((await detect(await setup({}))).DetectedProfileObjectTypes).toHaveLength(1);
    expect((await detect(await setup({ fault: 'detect-nothing' }))).DetectedProfileObjectTypes).toEqual([]);
  });

  it('empty-template-catalogue: lists no template, answers 404 for a template the reference implementation has, refuses a TemplateId with 400', async () => {
    const reference = await setup({});
    const listed = await reference.send(new ListProfileObjectTypeTemplatesCommand({}));
    const TemplateId = listed.Items![0].TemplateId!;
    const client = await setup({ fault: 'empty-template-catalogue' });
    expect((await client.send(new ListProfileObjectTypeTemplatesCommand({}))).Items).toEqual([]);
    expect(await failure(() => client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId })))).toBe('ResourceNotFoundException 404');
    expect(await failure(() => client.send(new PutProfileObjectTypeCommand({ DomainName: 'd', ObjectTypeName: 'FromTemplate', Description: 'from a template', TemplateId })))).toBe('BadRequestException 400');
    expect(await failure(() => reference.send(new PutProfileObjectTypeCommand({ DomainName: 'd', ObjectTypeName: 'FromTemplate', Description: 'from a template', TemplateId })))).toBe('success');
  });

  it('calc-values-never-present: returns Get, List items and BatchGet values without Value, LastObjectTimestamp and IsDataPartial', async () => {
    const value = { Value: '3', LastObjectTimestamp: 1_700_000_000, IsDataPartial: 'false' };
    const base = '/domains/d/profile/0123456789abcdef0123456789abcdef/calculated-attributes';
    expect(await wrappedReply({ fault: 'calc-values-never-present', method: 'GET', path: `${base}/count`, reply: { CalculatedAttributeName: 'count', DisplayName: 'Count', ...value } })).toEqual({ CalculatedAttributeName: 'count', DisplayName: 'Count' });
    expect(await wrappedReply({ fault: 'calc-values-never-present', method: 'GET', path: base, reply: { Items: [{ CalculatedAttributeName: 'count', ...value }] } })).toEqual({ Items: [{ CalculatedAttributeName: 'count' }] });
    const batch = await wrappedReply({
      fault: 'calc-values-never-present',
      method: 'POST',
      path: '/domains/d/calculated-attributes/count/batch-get-for-profiles',
      body: { ProfileIds: ['0123456789abcdef0123456789abcdef'] },
      reply: { CalculatedAttributeValues: [{ CalculatedAttributeName: 'count', ProfileId: '0123456789abcdef0123456789abcdef', ...value }], Errors: [] },
    });
    expect(batch).toEqual({ CalculatedAttributeValues: [{ CalculatedAttributeName: 'count', ProfileId: '0123456789abcdef0123456789abcdef' }], Errors: [] });
  });

  it('optional-members-omitted: returns a layout with exactly the members GetDomainLayoutResponse marks @required', async () => {
    const client = await setup({ fault: 'optional-members-omitted' });
    await client.send(new CreateDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'tagged', DisplayName: 'L', Description: 'x', LayoutType: 'PROFILE_EXPLORER', Layout: '{}', IsDefault: true, Tags: { a: 'b' } }));
    const got = await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'tagged' }));
    // The model's GetDomainLayoutResponse: IsDefault and Tags are its only members without @required.
    expect(membersOf(got)).toEqual(['CreatedAt', 'Description', 'DisplayName', 'LastUpdatedAt', 'Layout', 'LayoutDefinitionName', 'LayoutType', 'Version']);
  });

  it('optional-members-omitted: returns nested structures with their required members only', async () => {
    // The model: GetEventStreamResponse requires DomainName, EventStreamArn, CreatedAt, State and DestinationDetails;
    // EventStreamDestinationDetails requires Uri and Status.
    const reply = {
      DomainName: 'd', EventStreamArn: 'arn:aws:profile:us-east-1:000000000000:domains/d/event-streams/s', CreatedAt: 1, State: 'RUNNING', StoppedSince: 2,
      DestinationDetails: { Uri: 'arn:aws:kinesis:us-east-1:000000000000:stream/s', Status: 'UNHEALTHY', UnhealthySince: 3, Message: 'down' },
      Tags: { a: 'b' },
    };
    expect(await wrappedReply({ fault: 'optional-members-omitted', method: 'GET', path: '/domains/d/event-streams/s', reply })).toEqual({
      DomainName: 'd', EventStreamArn: reply.EventStreamArn, CreatedAt: 1, State: 'RUNNING', DestinationDetails: { Uri: reply.DestinationDetails.Uri, Status: 'UNHEALTHY' },
    });
  });

  it('returns-nothing: returns no member on success and the modelled error on failure', async () => {
    const client = await setup({ fault: 'returns-nothing' });
    expect(membersOf(await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'a' })))).toEqual([]);
    expect(await failure(() => client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'missing' })))).toBe('ResourceNotFoundException 404');
  });
});

describe('VARIATIONS', () => {
  it('opaque-token-format: tokens change form and still page through every item', async () => {
    const client = await setup({ variation: 'opaque-token-format' });
    const first = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 2 }));
    expect(first.NextToken?.startsWith('v2~')).toBe(true);
    const second = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 2, NextToken: first.NextToken }));
    expect([...(first.Items ?? []), ...(second.Items ?? [])].map((i) => i.LayoutDefinitionName)).toEqual(['a', 'b', 'c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('have unique names', () => {
    expect(new Set(VARIATIONS.map((v) => v.name)).size).toBe(VARIATIONS.length);
  });
});

describe('applyFault', () => {
  it('throws a HarnessError naming the known faults given an unknown name', () => {
    expect(() => applyFault({ fault: 'nope' })).toThrow(HarnessError);
    expect(() => applyFault({ variation: 'nope' })).toThrow(/a variation name/);
  });
});
