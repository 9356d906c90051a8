import {
  AccessDeniedException as SdkAccessDenied,
  BadRequestException as SdkBadRequest,
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  GetDomainLayoutCommand,
  InternalServerException as SdkInternal,
  ListDomainLayoutsCommand,
  ResourceNotFoundException as SdkNotFound,
  SearchProfilesCommand,
  ThrottlingException as SdkThrottling,
  UntagResourceCommand,
} from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { InternalServerException, ResourceNotFoundException, ThrottlingException } from '../../../harness/mock/models/errors.ts';
import { createWireCore } from '../../../harness/mock/wire/core.ts';
import { createSdkRequestHandler } from '../../../harness/mock/wire/sdk-handler.ts';
import { loadOperationIndex } from '../../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../../harness/schemas.ts';
import { recordingService } from './helpers.ts';

const index = loadOperationIndex();
const schemas = createSchemaRegistry();

function clientFor(answer: Parameters<typeof recordingService>[0]['answer'], operations = Object.keys(index.operations).filter((o) => o !== 'GetMatches')) {
  const service = recordingService({ operations, answer });
  const requestHandler = createSdkRequestHandler({ core: createWireCore({ service, index, schemas }) });
  const client = new CustomerProfilesClient({
    region: 'us-east-1',
    endpoint: 'http://mock.local',
    credentials: { accessKeyId: 'MOCKACCESSKEYID00000', secretAccessKey: 'x' },
    requestHandler,
    maxAttempts: 1,
  });
  return { client, service };
}

describe('createSdkRequestHandler', () => {
  it('returns SDK output with Dates parsed from epoch seconds and the request id in $metadata', async () => {
    const { client, service } = clientFor(() => ({
      LayoutDefinitionName: 'main',
      Description: 'd',
      DisplayName: 'Main',
      LayoutType: 'PROFILE_EXPLORER',
      Layout: '{}',
      Version: '1',
      IsDefault: false,
      CreatedAt: new Date(1_700_000_000_123),
      LastUpdatedAt: new Date(1_700_000_001_000),
    }));
    const out = await client.send(new GetDomainLayoutCommand({ DomainName: 'd1', LayoutDefinitionName: 'main' }));
    expect(service.calls).toEqual([{ operation: 'GetDomainLayout', input: { DomainName: 'd1', LayoutDefinitionName: 'main' } }]);
    expect(out.CreatedAt?.getTime()).toBe(1_700_000_000_123);
    expect(out.LastUpdatedAt?.getTime()).toBe(1_700_000_001_000);
    expect(out.Layout).toBe('{}');
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('returns the SDK-serialised members to the service: body members, query integers, list query and encoded ARN', async () => {
    const { client, service } = clientFor(() => ({}));
    await client.send(new CreateDomainLayoutCommand({
      DomainName: 'd1',
      LayoutDefinitionName: 'main',
      Description: 'desc',
      DisplayName: 'Main',
      LayoutType: 'PROFILE_EXPLORER',
      Layout: '{"k":"v"}',
      IsDefault: true,
      Tags: { team: 'a' },
    }));
    await client.send(new ListDomainLayoutsCommand({ DomainName: 'd1', MaxResults: 25, NextToken: 'tok/+=' }));
    await client.send(new UntagResourceCommand({ resourceArn: 'arn:aws:profile:us-east-1:111122223333:domains/d1', tagKeys: ['a', 'b'] }));
    await client.send(new SearchProfilesCommand({ DomainName: 'd1', KeyName: '_email', Values: ['a@example.com'], MaxResults: 5 }));
    expect(service.calls.map((c) => c.input)).toEqual([
      { DomainName: 'd1', LayoutDefinitionName: 'main', Description: 'desc', DisplayName: 'Main', LayoutType: 'PROFILE_EXPLORER', Layout: '{"k":"v"}', IsDefault: true, Tags: { team: 'a' } },
      { DomainName: 'd1', MaxResults: 25, NextToken: 'tok/+=' },
      { resourceArn: 'arn:aws:profile:us-east-1:111122223333:domains/d1', tagKeys: ['a', 'b'] },
      { DomainName: 'd1', KeyName: '_email', Values: ['a@example.com'], MaxResults: 5 },
    ]);
  });

  it.each([
    [new ResourceNotFoundException('No layout main in d1'), SdkNotFound, 404, 'client'],
    [new ThrottlingException('Rate exceeded'), SdkThrottling, 429, 'client'],
    [new InternalServerException('boom'), SdkInternal, 500, 'server'],
  ])('throws the SDK class with message, status and fault given the service throws %s', async (error, SdkClass, status, fault) => {
    const { client } = clientFor(() => {
      throw error;
    });
    const caught = await client.send(new GetDomainLayoutCommand({ DomainName: 'd1', LayoutDefinitionName: 'main' })).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(SdkClass);
    const e = caught as InstanceType<typeof SdkClass>;
    expect(e.name).toBe(error.code);
    expect(e.message).toBe(error.message);
    expect(e.$fault).toBe(fault);
    expect(e.$metadata.httpStatusCode).toBe(status);
    expect(e.$metadata.requestId).toMatch(/^00000000-0000-4000-8000-/);
  });

  it('throws BadRequestException from the wire given a value the model forbids, before the service is called', async () => {
    const { client, service } = clientFor(() => ({}));
    const caught = await client.send(new ListDomainLayoutsCommand({ DomainName: 'd1', MaxResults: 1000 })).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(SdkBadRequest);
    expect((caught as Error).message).toMatch(/'MaxResults'.*<= 100/);
    expect(service.calls).toHaveLength(0);
  });

  it('throws AccessDeniedException given an operation the service does not implement', async () => {
    const { client } = clientFor(() => ({}), ['GetDomain']);
    const caught = await client.send(new GetDomainLayoutCommand({ DomainName: 'd1', LayoutDefinitionName: 'main' })).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(SdkAccessDenied);
    expect((caught as Error).message).toBe('GetDomainLayout is not implemented by the reference implementation');
  });

  it('rejects with AbortError given an already aborted signal', async () => {
    const { client, service } = clientFor(() => ({}));
    const controller = new AbortController();
    controller.abort();
    const caught = await client
      .send(new GetDomainLayoutCommand({ DomainName: 'd1', LayoutDefinitionName: 'main' }), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect((caught as Error).name).toBe('AbortError');
    expect(service.calls).toHaveLength(0);
  });
});
