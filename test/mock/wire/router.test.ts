import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../harness/mock/wire/router.ts';
import { loadOperationIndex, type OperationEntry, type OperationIndex } from '../../../harness/operation-index.ts';

const index = loadOperationIndex();
const everything = Object.keys(index.operations);

function entry(method: string, uri: string, labels: Record<string, string> = {}): OperationEntry {
  return {
    http: { method, uri, code: 200 },
    input: { labels, query: {}, headers: {}, body: {}, payload: null, required: Object.keys(labels) },
    output: { headers: {}, body: {}, payload: null, responseCode: null, required: [] },
    errors: ['BadRequestException'],
    paginated: null,
    idempotent: false,
    readonly: false,
  };
}

const synthetic: OperationIndex = {
  service: { shapeId: 'x#S', version: '1', sdkId: 'S', signingName: 's' },
  errors: { BadRequestException: { status: 400, fault: 'client' } },
  operations: {
    GetObject: entry('GET', '/buckets/{Bucket}/objects/{Key+}', { Bucket: 'Bucket', Key: 'Key' }),
    GetObjectAcl: entry('GET', '/buckets/{Bucket}/objects/{Key+}/acl', { Bucket: 'Bucket', Key: 'Key' }),
    ListA: entry('GET', '/things?type=a'),
    ListAny: entry('GET', '/things'),
  },
};

describe('createRouter', () => {
  const router = createRouter({ index, implemented: everything });

  it('returns the literal route given a path that a label route would also match', () => {
    // Hand-read from the model: POST /domains/{DomainName}/profiles/objects is ListProfileObjects,
    // POST /domains/{DomainName}/profiles/{ProfileId}/recommendations is GetProfileRecommendations.
    const m = router.match({ method: 'POST', path: '/domains/d1/profiles/objects' });
    expect(m).toMatchObject({ kind: 'operation', operation: 'ListProfileObjects', rawLabels: { DomainName: 'd1' } });
    const r = router.match({ method: 'POST', path: '/domains/d1/profiles/p1/recommendations' });
    expect(r).toMatchObject({ kind: 'operation', operation: 'GetProfileRecommendations', rawLabels: { DomainName: 'd1', ProfileId: 'p1' } });
  });

  it('returns the operation of the method given one path with several methods', () => {
    const path = '/domains/d1/layouts/l1';
    expect(router.match({ method: 'GET', path })).toMatchObject({ operation: 'GetDomainLayout' });
    expect(router.match({ method: 'POST', path })).toMatchObject({ operation: 'CreateDomainLayout' });
    expect(router.match({ method: 'PUT', path })).toMatchObject({ operation: 'UpdateDomainLayout' });
    expect(router.match({ method: 'DELETE', path })).toMatchObject({ operation: 'DeleteDomainLayout' });
  });

  it('returns raw labels with %2F kept inside one segment given a percent-encoded ARN', () => {
    const m = router.match({ method: 'GET', path: '/tags/arn%3Aaws%3Aprofile%3Aus-east-1%3A111122223333%3Adomains%2Fd1' });
    expect(m).toMatchObject({
      kind: 'operation',
      operation: 'ListTagsForResource',
      rawLabels: { resourceArn: 'arn%3Aaws%3Aprofile%3Aus-east-1%3A111122223333%3Adomains%2Fd1' },
    });
  });

  it('returns not-implemented given a model route the service does not implement', () => {
    const partial = createRouter({ index, implemented: ['GetDomain'] });
    expect(partial.match({ method: 'GET', path: '/domains/d1' })).toMatchObject({ kind: 'operation', operation: 'GetDomain' });
    expect(partial.match({ method: 'GET', path: '/domains/d1/matches' })).toEqual({ kind: 'not-implemented', operation: 'GetMatches' });
  });

  it('returns unknown given a path or method outside the model', () => {
    expect(router.match({ method: 'GET', path: '/nothing/here' })).toEqual({ kind: 'unknown' });
    expect(router.match({ method: 'PATCH', path: '/domains/d1' })).toEqual({ kind: 'unknown' });
    expect(router.match({ method: 'GET', path: 'domains' })).toEqual({ kind: 'unknown' });
    expect(router.match({ method: 'GET', path: '/domains/d1/layouts/l1/extra' })).toEqual({ kind: 'unknown' });
  });

  it('returns an empty label given an empty path segment, so validation can name it', () => {
    expect(router.match({ method: 'GET', path: '/domains//layouts' })).toMatchObject({ operation: 'ListDomainLayouts', rawLabels: { DomainName: '' } });
  });

  it('returns the greedy label spanning several segments, and the longer literal suffix first', () => {
    const r = createRouter({ index: synthetic, implemented: Object.keys(synthetic.operations) });
    expect(r.match({ method: 'GET', path: '/buckets/b/objects/a/b/c' })).toMatchObject({ operation: 'GetObject', rawLabels: { Bucket: 'b', Key: 'a/b/c' } });
    expect(r.match({ method: 'GET', path: '/buckets/b/objects/a/b/acl' })).toMatchObject({ operation: 'GetObjectAcl', rawLabels: { Key: 'a/b' } });
    expect(r.match({ method: 'GET', path: '/buckets/b/objects' })).toEqual({ kind: 'unknown' });
  });

  it('returns the route whose literal query matches before the plain one', () => {
    const r = createRouter({ index: synthetic, implemented: Object.keys(synthetic.operations) });
    expect(r.match({ method: 'GET', path: '/things', query: new URLSearchParams('type=a') })).toMatchObject({ operation: 'ListA' });
    expect(r.match({ method: 'GET', path: '/things', query: new URLSearchParams('type=b') })).toMatchObject({ operation: 'ListAny' });
    expect(r.match({ method: 'GET', path: '/things' })).toMatchObject({ operation: 'ListAny' });
  });
});
