import { describe, expect, it } from 'vitest';
import type { OperationIndex } from '../../harness/operation-index.ts';
import { mergedPagination } from '../../specs/lib/operation-index.ts';
import { buildParsed } from './fixture.ts';

const index = buildParsed()['operations.json'] as unknown as OperationIndex;

describe('buildOperationIndex', () => {
  it('returns the service info from @aws.api#service, @sigv4 and the version', () => {
    expect(index.service).toEqual({ shapeId: 'example.fixture#Fixture', version: '2024-01-01', sdkId: 'Fixture', signingName: 'fixture-signing' });
  });

  it('returns the HTTP binding of every input member of PutThing', () => {
    const put = index.operations.PutThing;
    expect(put.http).toEqual({ method: 'PUT', uri: '/things/{ThingId}', code: 201 });
    expect(put.input.labels).toEqual({ ThingId: 'ThingId' });
    expect(put.input.query).toEqual({ DryRun: 'dry-run', Since: 'since' });
    expect(put.input.headers).toEqual({ Token: 'x-fixture-token' });
    expect(put.input.payload).toBeNull();
    expect(put.input.body.Name).toBe('name');
    expect(put.input.body.Count).toBe('Count');
    expect(put.input.body.ThingId).toBeUndefined();
    expect(put.input.required).toEqual(['Limit', 'Name', 'ThingId']);
  });

  it('returns output headers, payload and response code members', () => {
    expect(index.operations.PutThing.output).toEqual({
      headers: { ETag: 'etag' },
      body: { ThingId: 'ThingId', CreatedAt: 'CreatedAt', Summary: 'Summary' },
      payload: null,
      responseCode: null,
      required: ['CreatedAt', 'ThingId'],
    });
    expect(index.operations.GetStatus.output).toEqual({ headers: {}, body: {}, payload: 'Detail', responseCode: 'Code', required: [] });
    expect(index.operations.UploadThing.input.payload).toBe('Body');
  });

  it('defaults the http code to 200 and a missing input or output to an empty one', () => {
    expect(index.operations.ListThings.http.code).toBe(200);
    expect(index.operations.GetStatus.input).toEqual({ labels: {}, query: {}, headers: {}, body: {}, payload: null, required: [] });
  });

  it('lists declared errors plus the service errors, by short name, sorted', () => {
    expect(index.operations.PutThing.errors).toEqual(['BadInput', 'NotFound', 'ServiceFault']);
    expect(index.operations.ListThings.errors).toEqual(['ServiceFault']);
    expect(index.errors).toEqual({
      BadInput: { status: 400, fault: 'client' },
      NotFound: { status: 404, fault: 'client' },
      ServiceFault: { status: 500, fault: 'server' },
    });
  });

  it('merges an operation @paginated over the service one and gives null without one', () => {
    expect(index.operations.ListThings.paginated).toEqual({ inputToken: 'NextToken', outputToken: 'NextToken', items: 'Things', pageSize: 'MaxResults' });
    expect(index.operations.PutThing.paginated).toBeNull();
  });

  it('reads @idempotent and @readonly literally', () => {
    expect([index.operations.PutThing.idempotent, index.operations.PutThing.readonly]).toEqual([true, false]);
    expect([index.operations.ListThings.idempotent, index.operations.ListThings.readonly]).toEqual([false, true]);
  });
});

describe('mergedPagination', () => {
  it('returns the operation value where both set a field', () => {
    expect(mergedPagination({ service: { inputToken: 'A', outputToken: 'B', pageSize: 'P' }, operation: { outputToken: 'C' } })).toEqual({
      inputToken: 'A',
      outputToken: 'C',
      pageSize: 'P',
    });
  });
});
