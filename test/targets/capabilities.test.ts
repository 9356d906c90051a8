import { describe, expect, it } from 'vitest';
import { optionalOperations, targetLabel, TARGET_CAPABILITIES } from '../../harness/targets/capabilities.ts';

describe('optionalOperations', () => {
  it('returns nothing for embedded and endpoint targets unless the user declares operations', () => {
    expect(TARGET_CAPABILITIES.embedded.optional).toEqual([]);
    expect(TARGET_CAPABILITIES.endpoint.optional).toEqual([]);
    expect([...optionalOperations({ spec: { kind: 'embedded' }, declared: [] })]).toEqual([]);
  });

  it('returns the declared operations', () => {
    const spec = { kind: 'endpoint' as const, url: 'http://x.test', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
    expect([...optionalOperations({ spec, declared: ['CreateDomainLayout'] })]).toEqual(['CreateDomainLayout']);
  });
});

describe('targetLabel', () => {
  it('returns the kind, with the fault, variation or URL', () => {
    expect(targetLabel({ spec: { kind: 'embedded' } })).toBe('embedded');
    expect(targetLabel({ spec: { kind: 'embedded', fault: 'tags-dropped' } })).toBe('embedded fault:tags-dropped');
    expect(targetLabel({ spec: { kind: 'embedded', variation: 'latency' } })).toBe('embedded variation:latency');
    expect(targetLabel({ spec: { kind: 'endpoint', url: 'http://127.0.0.1:4566', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } } })).toBe('endpoint http://127.0.0.1:4566');
  });
});
