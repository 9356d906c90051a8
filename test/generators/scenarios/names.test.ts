import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculatedAttributeName,
  displayName,
  domainName,
  fnv1a,
  layoutDefinitionName,
  layoutDisplayName,
  objectTypeName,
  objectTypeNames,
} from '../../../generators/scenarios/names.ts';
import { ALL_KINDS } from '../../../generators/fields.ts';

// Model patterns, written out here by hand from the Smithy model rather than imported from generators/limits.ts.
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TYPE_NAME = /^[a-zA-Z_][a-zA-Z_0-9-]*$/;
const DISPLAY_NAME = /^[a-zA-Z_][a-zA-Z_0-9-\s]*$/;

describe('fnv1a', () => {
  it('returns the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a({ text: '' })).toBe(0x811c9dc5);
    expect(fnv1a({ text: 'a' })).toBe(0xe40c292c);
    expect(fnv1a({ text: 'foobar' })).toBe(0xbf9cf968);
  });
});

describe('resource names', () => {
  it('returns names valid under the model patterns and lengths for any seed and run id', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ maxLength: 300, unit: 'binary' }), fc.nat({ max: 10_000 }), (seed, runId, index) => {
        const d = domainName({ seed, runId });
        expect(d).toMatch(NAME);
        expect(d.startsWith('cpct-')).toBe(true);
        for (const kind of ALL_KINDS) {
          const t = objectTypeName({ seed, runId, kind });
          expect(t).toMatch(TYPE_NAME);
          expect(t.length).toBeLessThanOrEqual(255);
        }
        const c = calculatedAttributeName({ seed, runId, id: runId || 'x' });
        expect(c).toMatch(TYPE_NAME);
        expect(c.length).toBeLessThanOrEqual(255);
        expect(layoutDefinitionName({ seed, runId, index })).toMatch(NAME);
        const ld = layoutDisplayName({ seed, runId, index });
        expect(ld).toMatch(DISPLAY_NAME);
        expect(ld.length).toBeLessThanOrEqual(255);
        const free = displayName({ text: runId });
        expect(free).toMatch(DISPLAY_NAME);
        expect(free.length).toBeGreaterThanOrEqual(1);
        expect(free.length).toBeLessThanOrEqual(255);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('returns the same names given the same seed and run id, and different ones otherwise', () => {
    expect(domainName({ seed: 1, runId: 'run-a' })).toBe(domainName({ seed: 1, runId: 'run-a' }));
    expect(domainName({ seed: 1, runId: 'run-a' })).not.toBe(domainName({ seed: 1, runId: 'run-b' }));
    expect(domainName({ seed: 1, runId: 'run-a' })).not.toBe(domainName({ seed: 2, runId: 'run-a' }));
    expect(domainName({ seed: 1, runId: 'Run A!' })).toMatch(/^cpct-run-a-[0-9a-z]{7}$/);
  });

  it('returns nine distinct object type names for a run', () => {
    const names = objectTypeNames({ seed: 3, runId: 'r', kinds: ALL_KINDS });
    expect(new Set(Object.values(names)).size).toBe(9);
    expect(names.airBooking).toMatch(/^cpct_airBooking_[0-9a-z]{7}$/);
  });

  it('returns a display name starting with a letter given text starting with a digit', () => {
    expect(displayName({ text: '42 things' })).toBe('CPCT 42 things');
    expect(displayName({ text: '' })).toBe('CPCT');
  });
});
