import { describe, expect, it } from 'vitest';
import { blankLabelMiddleware, EMPTY_LABEL_MARKER, violationCases } from '../../harness/contracts/violations.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';

const registry = createSchemaRegistry();
const index = loadOperationIndex({ dir: registry.dir });

// Constraints below are copied by hand from the Smithy model (CreateDomainLayoutRequest, name, displayName,
// sensitiveText, LayoutType, maxSize100, typeName), not from the code under test.
const DISPLAY_NAME = /^[a-zA-Z_][a-zA-Z_0-9-\s]*$/;
const NAME = /^[a-zA-Z0-9_-]+$/;

describe('violationCases', () => {
  const layoutBase = { DomainName: 'd1', LayoutDefinitionName: 'l1', Description: 'desc', DisplayName: 'Shown', LayoutType: 'PROFILE_EXPLORER', Layout: '{}', IsDefault: false };

  it('returns required, length, pattern and enum cases for CreateDomainLayout, each breaking one member', () => {
    const cases = violationCases({ registry, index, operation: 'CreateDomainLayout', base: layoutBase });
    expect(cases.map((c) => [c.kind, c.member])).toEqual([
      ['required', 'Description'],
      ['length', 'Description'],
      ['pattern', 'DisplayName'],
      ['enum', 'LayoutType'],
    ]);
    const byKind = Object.fromEntries(cases.map((c) => [c.kind, c]));
    expect('Description' in byKind.required.input).toBe(false);
    expect(byKind.length.input.Description).toBe('');
    expect(DISPLAY_NAME.test(String(byKind.pattern.input.DisplayName))).toBe(false);
    expect(byKind.enum.input.LayoutType).not.toBe('PROFILE_EXPLORER');
    for (const c of cases) {
      const changed = Object.keys({ ...layoutBase, ...c.input }).filter((k) => (c.input as Record<string, unknown>)[k] !== (layoutBase as Record<string, unknown>)[k]);
      expect(changed).toEqual([c.member]);
    }
  });

  it('returns an empty-label, label length and pattern cases and a MaxResults range case for ListDomainLayouts', () => {
    const cases = violationCases({ registry, index, operation: 'ListDomainLayouts', base: { DomainName: 'cpct-run-wire', MaxResults: 10 } });
    const byKind = Object.fromEntries(cases.map((c) => [c.kind, c]));
    expect(Object.keys(byKind)).toEqual(['required', 'length', 'pattern', 'range']);
    expect(byKind.required).toMatchObject({ member: 'DomainName', emptyLabel: true, input: { DomainName: EMPTY_LABEL_MARKER } });
    expect(byKind.length.member).toBe('DomainName');
    expect(String(byKind.length.input.DomainName).length).toBe(65);
    expect(NAME.test(String(byKind.pattern.input.DomainName))).toBe(false);
    expect(String(byKind.pattern.input.DomainName).length).toBeGreaterThan(0);
    expect(byKind.range.input.MaxResults).toBe(0);
  });

  it('skips members the valid input does not carry and never breaks NextToken', () => {
    const cases = violationCases({ registry, index, operation: 'ListDomainLayouts', base: { DomainName: 'd', NextToken: 'tok' } });
    expect(cases.map((c) => c.member)).toEqual(['DomainName', 'DomainName', 'DomainName']);
  });

  it('returns a too-long label for length, and no empty-label case for a label that ends the path', () => {
    const cases = violationCases({ registry, index, operation: 'GetProfileObjectTypeTemplate', base: { TemplateId: 'tpl' } });
    expect(cases.map((c) => c.kind)).toEqual(['length', 'pattern']);
    expect(cases[0].input.TemplateId).toBe('a'.repeat(65));
  });
});

describe('blankLabelMiddleware', () => {
  it('replaces the marked path segment with an empty one and leaves other requests alone', async () => {
    const { middleware, options } = blankLabelMiddleware();
    expect(options.step).toBe('build');
    const seen: string[] = [];
    const next = async (args: { request: unknown }) => seen.push((args.request as { path: string }).path);
    await middleware(next)({ request: { path: `/domains/${EMPTY_LABEL_MARKER}/layouts/x` } });
    await middleware(next)({ request: { path: '/domains/d/layouts/x' } });
    expect(seen).toEqual(['/domains//layouts/x', '/domains/d/layouts/x']);
  });
});
