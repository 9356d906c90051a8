import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createAjv, createSchemaRegistry, fastSchema } from '../../harness/schemas.ts';

/**
 * validateOutput first asks a yes/no validator that compares UTF-16 lengths (cheap), and only on "no" the exact one
 * (code points, as the model's @length counts). The two must never disagree on "valid": checked here on strings
 * mixing astral characters (two UTF-16 units, one code point) against every bound kind.
 */
const schema = {
  $id: 'https://cpct.invalid/test/lengths.json',
  type: 'object',
  properties: {
    short: { type: 'string', minLength: 1, maxLength: 3 },
    wide: { type: 'string', minLength: 2, maxLength: 4 },
    exact: { type: 'string', minLength: 3, maxLength: 3 },
  },
};

describe('fastSchema', () => {
  it('returns TagMap without minProperties under the response policy only', () => {
    const tagMap = { type: 'object', minProperties: 1, maxProperties: 50, propertyNames: { $ref: 'shapes.json#/$defs/TagKey' }, additionalProperties: { $ref: 'shapes.json#/$defs/TagValue' } };
    const { minProperties: _dropped, ...withoutMin } = tagMap;
    expect(fastSchema({ schema: tagMap, policy: 'response' })).toEqual(withoutMin);
    expect(fastSchema({ schema: tagMap, policy: 'request' })).toEqual(tagMap);
    expect(fastSchema({ schema: { ...tagMap, propertyNames: { type: 'string' } }, policy: 'response' })).toEqual({ ...tagMap, propertyNames: { type: 'string' } });
  });

  it('returns minLength N >= 2 doubled and every other keyword as it was', () => {
    expect(fastSchema({ schema, policy: 'request' })).toEqual({ ...schema, properties: { short: schema.properties.short, wide: { type: 'string', minLength: 4, maxLength: 4 }, exact: { type: 'string', minLength: 6, maxLength: 3 } } });
  });

  it('returns a schema whose "valid" implies the exact schema\'s, given strings of BMP and astral characters', () => {
    const exact = createAjv().compile(schema);
    const fast = createAjv({ fast: true }).compile(fastSchema({ schema, policy: 'request' }) as object);
    const text = fc.array(fc.constantFrom('a', 'é', '😀', '𝄞'), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.record({ short: text, wide: text, exact: text }), (value) => {
        if (fast(value)) expect(exact(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('createAjv', () => {
  it('returns a fast instance that prints nothing (ajv would print a deprecation notice for its unicode option)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      createAjv({ fast: true }).compile(fastSchema({ schema, policy: 'request' }) as object);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('validateOutput', () => {
  it('returns no finding given an empty Tags map in a response, a warning given 51 tags, and an error given an empty map in a request', () => {
    const registry = createSchemaRegistry();
    const base = { LayoutDefinitionName: 'l', Description: 'd', DisplayName: 'x', IsDefault: false, LayoutType: 'PROFILE_EXPLORER', Layout: '{}', Version: '1', CreatedAt: 1, LastUpdatedAt: 1 };
    expect(registry.validateOutput({ operation: 'GetDomainLayout', value: { ...base, Tags: {} } })).toEqual([]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(registry.validateOutput({ operation: 'GetDomainLayout', value: { ...base, Tags: many } }).map((v) => [v.keyword, v.severity])).toEqual([['maxProperties', 'warning']]);
    // A request keeps the model's rule: an empty Tags map is refused.
    expect(registry.validateInput({ operation: 'CreateDomainLayout', value: { DomainName: 'd', LayoutDefinitionName: 'l', Description: 'd', DisplayName: 'x', LayoutType: 'PROFILE_EXPLORER', Layout: '{}', Tags: {} } }).map((v) => v.keyword)).toContain('minProperties');
  });

  it('returns the exact code-point verdict given a 2-code-point DisplayName written with astral characters', () => {
    const registry = createSchemaRegistry();
    const base = { LayoutDefinitionName: 'l', Description: 'd', DisplayName: 'x', IsDefault: false, LayoutType: 'PROFILE_EXPLORER', Layout: '{}', Version: '1', CreatedAt: 1, LastUpdatedAt: 1 };
    expect(registry.validateOutput({ operation: 'GetDomainLayout', value: base })).toEqual([]);
    // 255 astral characters: 510 UTF-16 units, 255 code points, within DisplayName's 1..255.
    const violations = registry.validateOutput({ operation: 'GetDomainLayout', value: { ...base, DisplayName: '😀'.repeat(255) } });
    expect(violations.filter((v) => v.keyword === 'maxLength')).toEqual([]);
    const over = registry.validateOutput({ operation: 'GetDomainLayout', value: { ...base, DisplayName: '😀'.repeat(256) } });
    expect(over.map((v) => v.keyword)).toContain('maxLength');
  });
});
