import { describe, expect, it } from 'vitest';
import { layoutOfSize, minimumLayoutChars } from '../../../generators/scenarios/layouts.ts';

interface Node {
  Type: unknown;
  Id: unknown;
  Props: unknown;
  Children: unknown;
  DataSource: unknown;
}

function components(root: Node): Node[] {
  const out: Node[] = [root];
  for (const c of root.Children as Node[]) out.push(...components(c));
  return out;
}

describe('layoutOfSize', () => {
  it.each([minimumLayoutChars(), minimumLayoutChars() + 1, 500, 777, 4096, 100_003, 2_000_000])(
    'returns exactly %i characters of JSON whose every component has Type, Id, Props, Children and DataSource',
    (chars) => {
      const text = layoutOfSize({ seed: 11, chars });
      expect(text.length).toBe(chars);
      expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
      const all = components(JSON.parse(text) as Node);
      for (const c of all) {
        expect(Object.keys(c).sort()).toEqual(['Children', 'DataSource', 'Id', 'Props', 'Type']);
        expect(typeof c.Type).toBe('string');
        expect(typeof c.Id).toBe('string');
        expect(Array.isArray(c.Children)).toBe(true);
        expect(typeof c.Props).toBe('object');
        expect(typeof c.DataSource).toBe('object');
      }
      expect(new Set(all.map((c) => c.Id)).size).toBe(all.length);
      if (chars >= 100_000) expect(all.length).toBeGreaterThan(100);
    },
  );

  it('returns the same text for the same seed and size, and a different one for another seed', () => {
    expect(layoutOfSize({ seed: 1, chars: 3000 })).toBe(layoutOfSize({ seed: 1, chars: 3000 }));
    expect(layoutOfSize({ seed: 1, chars: 3000 })).not.toBe(layoutOfSize({ seed: 2, chars: 3000 }));
  });

  it('returns 2,000,001 characters for a rejection test just above the model limit', () => {
    expect(layoutOfSize({ seed: 1, chars: 2_000_001 }).length).toBe(2_000_001);
  });

  it('throws a RangeError naming the minimum given a size below it', () => {
    const min = minimumLayoutChars();
    expect(() => layoutOfSize({ seed: 1, chars: min - 1 })).toThrow(RangeError);
    expect(() => layoutOfSize({ seed: 1, chars: min - 1 })).toThrow(String(min));
    expect(() => layoutOfSize({ seed: 1, chars: 10.5 })).toThrow(RangeError);
  });
});
