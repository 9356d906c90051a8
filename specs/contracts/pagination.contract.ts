/**
 * Pagination of the List operations the suite relies on: for page sizes 1, 2, n-1, n, n+1 and 100 the pages together
 * hold exactly the created set; for the page sizes below n (every listing of the n items needs two pages or more) no
 * page holds more than MaxResults and iteration ends within a bounded number of pages; MaxResults outside 1..100 and
 * tokens the server did not issue are BadRequestException, the SDK paginator agrees, and two listings without writes
 * in between give the same order. A listing with fewer items than were created fails every one of them.
 */
import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainLayoutCommand,
  CreateProfileCommand,
  ListCalculatedAttributeDefinitionsCommand,
  ListCalculatedAttributesForProfileCommand,
  ListDomainLayoutsCommand,
  ListProfileObjectTypesCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  paginateListDomainLayouts,
  type CreateProfileCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { contractFile } from '../../harness/contracts/contract.ts';
import { collectPages, type PageOf } from '../../harness/contracts/pages.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { check, checkEqual, ContractViolation } from '../../harness/contracts/violation.ts';
import { WaiterTimeoutError } from '../../harness/contracts/waiters.ts';
import { KINDS, type TravelKind } from '../../generators/fields.ts';
import { generateProfileBundle } from '../../generators/generate.ts';
import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { calculatedAttributeName, layoutDefinitionName, layoutDisplayName, objectTypeName } from '../../generators/scenarios/names.ts';
import { objectTypeDefinition } from '../../generators/scenarios/object-types.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'pagination' });

/** Items each list holds; small so the suite stays fast, large enough for n-1, n and n+1 to differ. */
const N = 5;
const PAGE_SIZES = [1, 2, N - 1, N, N + 1, 100];
/**
 * The page sizes below N: a listing of the N created items needs at least two pages of each, so the contracts about
 * pages (MAX, BOUNDED, STABLE) check these only; a page size the items fit in would check one page, or none.
 */
const MULTI_PAGE_SIZES = PAGE_SIZES.filter((size) => size < N);
/** The model's MaxResults range (maxSize100: 1..100). */
const MAX_RESULTS = { min: 1, max: 100 };
/** Pages a correct server needs for `size`: ceil(n/size), plus one empty last page that some servers send. */
const pageBound = (size: number) => Math.ceil(N / size) + 1;
/** A loose bound for contracts that are not about termination: enough for any correct server, small enough to stop a runaway one. */
const LOOSE_BOUND = 2 * N + 5;
/** The kind whose generated objects feed the calculated attributes (COUNT of its id field). */
const KIND: TravelKind = 'loyaltyTransaction';

/** One paginated list under test: how to fetch a page, and the names the contract created in it. */
interface ListUnderTest {
  operation: string;
  domain: string;
  fetch(args: { nextToken?: string; maxResults?: number }): Promise<PageOf<string>>;
  created: string[];
}

/** Domain with N layouts. */
const layoutsList = fixture(async (session): Promise<ListUnderTest> => {
  const domain = await session.createDomain({ label: 'pg-layouts' });
  const created: string[] = [];
  for (let index = 1; index <= N; index++) {
    const names = { seed: session.config.seed, runId: session.config.runId, index: 100 + index };
    const name = layoutDefinitionName(names);
    await session.client.send(
      new CreateDomainLayoutCommand({
        DomainName: domain,
        LayoutDefinitionName: name,
        DisplayName: layoutDisplayName(names),
        Description: `Pagination layout ${index}`,
        LayoutType: 'PROFILE_EXPLORER',
        Layout: layoutOfSize({ seed: session.config.seed + index, chars: 400 }),
      }),
    );
    created.push(name);
  }
  return {
    operation: 'ListDomainLayouts',
    domain,
    created,
    fetch: async ({ nextToken, maxResults }) => {
      const out = await session.client.send(new ListDomainLayoutsCommand({ DomainName: domain, NextToken: nextToken, MaxResults: maxResults }));
      return { items: (out.Items ?? []).map((i) => i.LayoutDefinitionName ?? '<no name>'), nextToken: out.NextToken };
    },
  };
});

/** Domain with N object types, a profile with one object, and N calculated attributes counting those objects. */
const calculatedDomain = fixture(async (session: Session) => {
  const { seed, runId, clockMs } = session.config;
  const domain = await session.createDomain({ label: 'pg-calc' });
  const types: string[] = [];
  for (let i = 1; i <= N; i++) {
    const name = objectTypeName({ seed, runId, kind: `${KIND}${i}` });
    await session.client.send(new PutProfileObjectTypeCommand(objectTypeDefinition({ kind: KIND, domainName: domain, objectTypeName: name })));
    types.push(name);
  }
  const bundle = generateProfileBundle({ seed, clockMs, index: 0, families: ['loyalty'] });
  const profile = bundle[0].object as Omit<CreateProfileCommandInput, 'DomainName'>;
  const { ProfileId } = await session.client.send(new CreateProfileCommand({ ...profile, DomainName: domain }));
  const idField = KINDS[KIND].idField;
  const definitions: string[] = [];
  for (let i = 1; i <= N; i++) {
    const name = calculatedAttributeName({ seed, runId, id: `pg-count-${i}` });
    await session.client.send(
      new CreateCalculatedAttributeDefinitionCommand({
        DomainName: domain,
        CalculatedAttributeName: name,
        DisplayName: `Pagination count ${i}`,
        Statistic: 'COUNT',
        AttributeDetails: { Attributes: [{ Name: idField }], Expression: `{${types[0]}.${idField}}` },
        UseHistoricalData: true,
      }),
    );
    definitions.push(name);
  }
  // One object, so that every definition has a value for the profile whatever the target lists for empty ones.
  const object = bundle.find((r) => r.objectTypeName === KIND);
  if (object) await session.client.send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: types[0], Object: JSON.stringify(object.object) }));
  return { domain, types, definitions, profileId: ProfileId! };
});

const definitionsList = async (session: Session): Promise<ListUnderTest> => {
  const { domain, definitions } = await calculatedDomain();
  return {
    operation: 'ListCalculatedAttributeDefinitions',
    domain,
    created: definitions,
    fetch: async ({ nextToken, maxResults }) => {
      const out = await session.client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: domain, NextToken: nextToken, MaxResults: maxResults }));
      return { items: (out.Items ?? []).map((i) => i.CalculatedAttributeName ?? '<no name>'), nextToken: out.NextToken };
    },
  };
};

const forProfileList = async (session: Session): Promise<ListUnderTest> => {
  const { domain, definitions, profileId } = await calculatedDomain();
  return {
    operation: 'ListCalculatedAttributesForProfile',
    domain,
    created: definitions,
    fetch: async ({ nextToken, maxResults }) => {
      const out = await session.client.send(new ListCalculatedAttributesForProfileCommand({ DomainName: domain, ProfileId: profileId, NextToken: nextToken, MaxResults: maxResults }));
      return { items: (out.Items ?? []).map((i) => i.CalculatedAttributeName ?? '<no name>'), nextToken: out.NextToken };
    },
  };
};

const objectTypesList = async (session: Session): Promise<ListUnderTest> => {
  const { domain, types } = await calculatedDomain();
  return {
    operation: 'ListProfileObjectTypes',
    domain,
    created: types,
    fetch: async ({ nextToken, maxResults }) => {
      const out = await session.client.send(new ListProfileObjectTypesCommand({ DomainName: domain, NextToken: nextToken, MaxResults: maxResults }));
      return { items: (out.Items ?? []).map((i) => i.ObjectTypeName ?? '<no name>'), nextToken: out.NextToken };
    },
  };
};

const LISTS: { operation: string; supporting: string[]; open: (session: Session) => Promise<ListUnderTest> }[] = [
  { operation: 'ListDomainLayouts', supporting: ['CreateDomainLayout'], open: () => layoutsList() },
  { operation: 'ListCalculatedAttributeDefinitions', supporting: ['PutProfileObjectType', 'CreateCalculatedAttributeDefinition'], open: definitionsList },
  { operation: 'ListCalculatedAttributesForProfile', supporting: ['PutProfileObjectType', 'CreateProfile', 'PutProfileObject', 'CreateCalculatedAttributeDefinition'], open: forProfileList },
  { operation: 'ListProfileObjectTypes', supporting: ['PutProfileObjectType'], open: objectTypesList },
];

/** Reads a whole listing with page size `size` and a page bound. */
function listAll({ list, size, maxPages }: { list: ListUnderTest; size: number; maxPages: number }) {
  return collectPages({ what: `${list.operation} with MaxResults ${size}`, maxPages, fetchPage: (nextToken) => list.fetch({ nextToken, maxResults: size }) });
}

/**
 * Reads a whole listing with page size `size` once it holds at least the items created (a target may converge
 * later), so that a contract about pages never judges a listing with fewer items than it made: fewer fails here.
 */
async function fullListing({ session, list, size, maxPages }: { session: Session; list: ListUnderTest; size: number; maxPages: number }) {
  let last: Awaited<ReturnType<typeof listAll>> | undefined;
  try {
    return await session.waitUntil({
      description: `${list.operation} (MaxResults ${size}) to list the ${list.created.length} items created`,
      poll: async () => (last = await listAll({ list, size, maxPages })),
      accept: (r) => r.items.length >= list.created.length,
      show: (r) => ({ items: r.items.length, pages: r.pages.length }),
    });
  } catch (error) {
    if (!(error instanceof WaiterTimeoutError)) throw error;
    throw new ContractViolation({
      expected: `${list.operation} with MaxResults ${size} to list the ${list.created.length} items created (${Math.ceil(list.created.length / size)} pages or more)`,
      seen: `${last?.items.length ?? 0} item(s) in ${last?.pages.length ?? 0} page(s)`,
    });
  }
}

/** Fails unless `items` is exactly `created` as a set, without duplicates. */
function checkExactSet({ items, created, what }: { items: string[]; created: string[]; what: string }): void {
  const duplicates = items.filter((item, i) => items.indexOf(item) !== i);
  check({ condition: duplicates.length === 0, expected: `${what} to list each item once`, seen: `duplicates ${JSON.stringify([...new Set(duplicates)])} in ${JSON.stringify(items)}` });
  const missing = created.filter((c) => !items.includes(c));
  const extra = items.filter((i) => !created.includes(i));
  check({
    condition: missing.length === 0 && extra.length === 0,
    expected: `${what} to hold exactly the ${created.length} items created`,
    seen: `${items.length} items${missing.length ? `, missing ${JSON.stringify(missing)}` : ''}${extra.length ? `, unexpected ${JSON.stringify(extra)}` : ''}`,
  });
}

for (const { operation, supporting, open } of LISTS) {
  const operations = [operation, ...supporting];

  contract(
    {
      id: `PAGE-SET-${operation}`,
      title: `${operation}: for page sizes ${PAGE_SIZES.join(', ')} the pages together hold exactly the created items, each once`,
      operations,
      level: 'must',
      evidence: ['M-PAGE-MAXRESULTS', 'M-PAGE-NEXTTOKEN', `M-LIST-${operation}`],
    },
    async ({ session }) => {
      const list = await open(session);
      for (const size of PAGE_SIZES) {
        const { items } = await session.waitUntil({
          description: `${operation} (MaxResults ${size}) to list the ${N} items created`,
          poll: () => listAll({ list, size, maxPages: LOOSE_BOUND }),
          accept: (r) => r.items.length >= list.created.length,
        });
        checkExactSet({ items, created: list.created, what: `${operation} with MaxResults ${size}` });
      }
    },
  );

  contract(
    {
      id: `PAGE-MAX-${operation}`,
      title: `${operation}: no page holds more than MaxResults items`,
      operations,
      level: 'must',
      evidence: ['M-PAGE-MAXRESULTS'],
    },
    async ({ session, note }) => {
      const list = await open(session);
      const seen: string[] = [];
      for (const size of MULTI_PAGE_SIZES) {
        const { pages, items } = await fullListing({ session, list, size, maxPages: LOOSE_BOUND });
        const sizes = pages.map((p) => p.length);
        check({ condition: sizes.every((n) => n <= size), expected: `pages of at most ${size} items (MaxResults ${size})`, seen: `page sizes ${JSON.stringify(sizes)}` });
        seen.push(`MaxResults ${size}: ${items.length} items in ${pages.length} pages`);
      }
      note(`compared ${seen.join('; ')}`);
    },
  );

  contract(
    {
      id: `PAGE-BOUNDED-${operation}`,
      title: `${operation}: a listing of ${N} items ends within ceil(${N}/MaxResults)+1 pages`,
      operations,
      level: 'assumed',
      evidence: ['M-PAGE-NEXTTOKEN', 'A-PAGE-FULL'],
    },
    async ({ session, note }) => {
      const list = await open(session);
      const seen: string[] = [];
      for (const size of MULTI_PAGE_SIZES) {
        const { pages, items } = await fullListing({ session, list, size, maxPages: pageBound(size) });
        seen.push(`MaxResults ${size}: ${items.length} items in ${pages.length} pages (bound ${pageBound(size)})`);
      }
      note(`compared ${seen.join('; ')}`);
    },
  );

  contract(
    {
      id: `PAGE-RANGE-${operation}`,
      title: `${operation}: MaxResults 0 and 101 are BadRequestException`,
      operations,
      level: 'must',
      evidence: [`M-${operation}-INPUT-MaxResults`, `M-${operation}-ERROR-BadRequestException`, 'M-ERRORS-BADREQUEST'],
      readsData: false,
    },
    async ({ session }) => {
      const list = await open(session);
      for (const maxResults of [MAX_RESULTS.min - 1, MAX_RESULTS.max + 1]) {
        await session.errors.expect({ what: `${operation} with MaxResults ${maxResults}`, code: 'BadRequestException', call: () => list.fetch({ maxResults }) });
      }
    },
  );

  contract(
    {
      id: `PAGE-TOKEN-${operation}`,
      title: `${operation}: a NextToken the server did not issue is a BadRequestException, not a 5xx`,
      operations,
      level: 'assumed',
      evidence: ['M-ERRORS-BADREQUEST', 'A-PAGE-BAD-TOKEN'],
    },
    async ({ session, note }) => {
      const list = await open(session);
      // One of the N items per page: the first page must carry a token, the one tampered with below.
      let first: PageOf<string> | undefined;
      try {
        first = await session.waitUntil({
          description: `the first ${operation} page of MaxResults 1 over the ${list.created.length} items created to hold an item and a NextToken`,
          poll: () => list.fetch({ maxResults: 1 }),
          accept: (page) => page.items.length > 0 && !!page.nextToken,
        });
      } catch (error) {
        if (!(error instanceof WaiterTimeoutError)) throw error;
        throw new ContractViolation({
          expected: `the first ${operation} page of MaxResults 1 over the ${list.created.length} items created to hold one item and a NextToken`,
          seen: 'compared nothing: no NextToken was issued to tamper with',
        });
      }
      const issued = first.nextToken!;
      const forged = ['Y3BjdC1mb3JnZWQtdG9rZW4tMDAwMDAwMDAwMDAwMDAwMA', `${issued.slice(0, -1)}${issued.endsWith('A') ? 'B' : 'A'}`];
      for (const token of forged) {
        await session.errors.expect({ what: `${operation} with the NextToken ${JSON.stringify(token.slice(0, 60))} (never issued)`, code: 'BadRequestException', call: () => list.fetch({ nextToken: token, maxResults: 1 }) });
      }
      note(`read the first page of MaxResults 1 (${first.items.length} of ${list.created.length} items, 1 page of at least ${list.created.length}) and sent ${forged.length} tokens never issued: a made-up one and its NextToken with the last character changed`);
    },
  );

  contract(
    {
      id: `PAGE-STABLE-${operation}`,
      title: `${operation}: two listings without writes in between give the same order`,
      operations,
      level: 'assumed',
      evidence: ['A-PAGE-STABLE-ORDER'],
    },
    async ({ session, note }) => {
      const list = await open(session);
      const once = await fullListing({ session, list, size: 2, maxPages: LOOSE_BOUND });
      const twice = await fullListing({ session, list, size: 2, maxPages: LOOSE_BOUND });
      checkEqual({ actual: twice.items, wanted: once.items, what: `the order of the second ${operation} listing (as the first)` });
      note(`compared two listings of ${once.items.length} items in ${once.pages.length} pages of MaxResults 2`);
    },
  );
}

contract(
  {
    id: 'PAGE-PAGINATOR-ListDomainLayouts',
    title: 'the SDK paginator paginateListDomainLayouts yields exactly the created layouts',
    operations: ['ListDomainLayouts', 'CreateDomainLayout'],
    level: 'must',
    evidence: ['M-ListDomainLayouts-PAGINATED', 'M-LIST-ListDomainLayouts'],
  },
  async ({ session }) => {
    const list = await layoutsList();
    const items: string[] = [];
    let pages = 0;
    for await (const page of paginateListDomainLayouts({ client: session.client, pageSize: 2 }, { DomainName: list.domain })) {
      items.push(...(page.Items ?? []).map((i) => i.LayoutDefinitionName ?? '<no name>'));
      if (++pages > LOOSE_BOUND) throw new ContractViolation({ expected: `the paginator to stop within ${LOOSE_BOUND} pages`, seen: `${pages} pages so far` });
    }
    checkExactSet({ items, created: list.created, what: 'paginateListDomainLayouts (pageSize 2)' });
  },
);

wireContract();
