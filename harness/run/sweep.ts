import { DeleteDomainCommand, ListDomainsCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';

/** Upper bound on ListDomains pages read by a sweep, so a server that issues tokens forever cannot hang the CLI. */
const MAX_PAGES = 100;

/**
 * Deletes every domain whose name is `prefix` or starts with `prefix-` (the run's `cpct-<runId>`), and only those.
 * Runs after every run against a live server, and after an interrupted one, so nothing the run made is left behind.
 */
export async function sweepDomains({ client, prefix }: { client: CustomerProfilesClient; prefix: string }): Promise<{ deleted: string[]; problems: string[] }> {
  const mine: string[] = [];
  const problems: string[] = [];
  let token: string | undefined;
  let pages = 0;
  try {
    do {
      const page = await client.send(new ListDomainsCommand({ NextToken: token, MaxResults: 100 }));
      for (const item of page.Items ?? []) {
        const name = item.DomainName;
        if (name && (name === prefix || name.startsWith(`${prefix}-`))) mine.push(name);
      }
      token = page.NextToken;
      pages += 1;
    } while (token && pages < MAX_PAGES);
  } catch (error) {
    problems.push(`ListDomains: ${(error as Error).name}: ${(error as Error).message}`);
  }
  if (token) problems.push(`ListDomains still had more pages after ${MAX_PAGES}; some domains of this run may remain`);
  const deleted: string[] = [];
  for (const name of [...new Set(mine)]) {
    try {
      await client.send(new DeleteDomainCommand({ DomainName: name }));
      deleted.push(name);
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') problems.push(`DeleteDomain ${name}: ${(error as Error).name}: ${(error as Error).message}`);
    }
  }
  return { deleted, problems };
}
