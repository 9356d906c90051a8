import { describe, expect, it } from 'vitest';
import { violationCases } from '../../harness/contracts/violations.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';

const registry = createSchemaRegistry();
const index = loadOperationIndex({ dir: registry.dir });

// Limits copied by hand from the Smithy model: DetectProfileObjectTypeRequest.Objects @length(min: 1, max: 5),
// TagResourceRequest.tags (TagMap @length(min: 1, max: 50)), BatchGetCalculatedAttributeForProfileIdList
// @length(min: 1, max: 100).
describe('violationCases (lists and maps)', () => {
  it('returns an empty Objects list as the length case of DetectProfileObjectType', () => {
    const cases = violationCases({ registry, index, operation: 'DetectProfileObjectType', base: { DomainName: 'd', Objects: ['{"a":1}'] } });
    const length = cases.find((c) => c.kind === 'length')!;
    expect(length.member).toBe('Objects');
    expect(length.input).toEqual({ DomainName: 'd', Objects: [] });
    expect(length.description).toBe('Objects is an empty list (minimum 1 items)');
  });

  it('returns an empty ProfileIds list as the length case of BatchGetCalculatedAttributeForProfile', () => {
    const base = { DomainName: 'd', CalculatedAttributeName: 'c', ProfileIds: ['a'.repeat(32)] };
    const length = violationCases({ registry, index, operation: 'BatchGetCalculatedAttributeForProfile', base }).find((c) => c.kind === 'length')!;
    expect(length.input).toEqual({ ...base, ProfileIds: [] });
  });

  it('returns an empty tags map as the length case of TagResource, and removes it as the required case', () => {
    const base = { resourceArn: 'arn:aws:profile:us-east-1:123456789012:domains/d', tags: { team: 'cpct' } };
    const cases = violationCases({ registry, index, operation: 'TagResource', base });
    expect(cases.find((c) => c.kind === 'length')).toMatchObject({ member: 'tags', input: { ...base, tags: {} }, description: 'tags is an empty map (minimum 1 entries)' });
    expect(cases.find((c) => c.kind === 'required')).toMatchObject({ member: 'tags', input: { resourceArn: base.resourceArn } });
  });
});
