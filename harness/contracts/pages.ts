import { ContractViolation } from './violation.ts';

/** One page as a contract reads it. */
export interface PageOf<T> {
  items: T[];
  nextToken?: string;
}

/** Everything a bounded iteration saw. */
export interface Pages<T> {
  pages: T[][];
  items: T[];
  /** Tokens in the order they were issued. */
  tokens: string[];
}

/**
 * Reads pages until the server stops issuing a NextToken, but at most `maxPages`: a server that issues tokens
 * forever fails the contract instead of hanging it. Every List read in the suite goes through here.
 */
export async function collectPages<T>({ fetchPage, maxPages, what }: {
  fetchPage: (nextToken: string | undefined) => Promise<PageOf<T>>;
  maxPages: number;
  what: string;
}): Promise<Pages<T>> {
  const pages: T[][] = [];
  const tokens: string[] = [];
  let token: string | undefined;
  do {
    if (pages.length >= maxPages) {
      throw new ContractViolation({
        expected: `${what} to end within ${maxPages} pages`,
        seen: `a NextToken after page ${pages.length} (${pages.reduce((n, p) => n + p.length, 0)} items so far; last token ${JSON.stringify(token?.slice(0, 60))})`,
      });
    }
    const page = await fetchPage(token);
    pages.push(page.items);
    // An empty token ends the listing as it does for the SDK paginators (the wire contracts report its length).
    token = page.nextToken || undefined;
    if (token !== undefined) tokens.push(token);
  } while (token !== undefined);
  return { pages, items: pages.flat(), tokens };
}
