import { describe, expect, it } from 'vitest';
import { collectPages } from '../../harness/contracts/pages.ts';
import { ContractViolation } from '../../harness/contracts/violation.ts';

/** A server of `items` in pages of `size`, with numeric tokens. */
function pager(items: string[], size: number) {
  return async (token: string | undefined) => {
    const start = token === undefined ? 0 : Number(token);
    const end = start + size;
    return { items: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
  };
}

describe('collectPages', () => {
  it('returns every page, the items in order and the tokens issued', async () => {
    const result = await collectPages({ what: 'L', maxPages: 5, fetchPage: pager(['a', 'b', 'c', 'd', 'e'], 2) });
    expect(result.pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(result.items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.tokens).toEqual(['2', '4']);
  });

  it('throws a ContractViolation instead of looping given a server that issues tokens forever', async () => {
    let calls = 0;
    const error = await collectPages({ what: 'ListX', maxPages: 4, fetchPage: async () => ({ items: [String(++calls)], nextToken: 'again' }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as Error).message).toContain('expected ListX to end within 4 pages');
    expect(calls).toBe(4);
  });

  it('ends the listing at an empty token', async () => {
    const result = await collectPages({ what: 'L', maxPages: 3, fetchPage: async () => ({ items: ['a'], nextToken: '' }) });
    expect(result.pages).toEqual([['a']]);
  });
});
