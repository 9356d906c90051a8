import { BadRequestException } from './errors.ts';
import { cloneJson } from './input.ts';
import { tagsOutput } from './tags.ts';
import { listPage, readTags, requireDomain, stamp, toDate, type Handler } from './context.ts';
import { EXPIRATION_DAYS, RULES, type DomainState } from './state.ts';
import type { OperationOutput } from './types.ts';

/** CreateDomain: a new empty domain; a name already in use is a BadRequestException. */
export const createDomain: Handler = ({ ctx, input }) => {
  const name = input.str({ member: 'DomainName', ...RULES.name });
  const defaultExpirationDays = input.int({ member: 'DefaultExpirationDays', ...EXPIRATION_DAYS });
  const defaultEncryptionKey = input.optStr({ member: 'DefaultEncryptionKey', ...RULES.encryptionKey });
  const deadLetterQueueUrl = input.optStr({ member: 'DeadLetterQueueUrl', min: 0, max: 255 });
  const matching = readConfig({ input, member: 'Matching' });
  const ruleBasedMatching = readConfig({ input, member: 'RuleBasedMatching' });
  const dataStore = readConfig({ input, member: 'DataStore' });
  const tags = readTags({ input }) ?? new Map<string, string>();
  if (ctx.domains.has(name)) throw new BadRequestException(`Domain ${name} already exists`);
  const now = ctx.clock.now();
  const domain: DomainState = {
    name,
    createdAt: now,
    lastUpdatedAt: now,
    defaultExpirationDays,
    defaultEncryptionKey,
    deadLetterQueueUrl,
    matching,
    ruleBasedMatching,
    dataStore,
    tags,
    objectTypes: new Map(),
    profiles: new Map(),
    profileSeq: 0,
    objects: new Map(),
    objectsByProfile: new Map(),
    uniqueIndex: new Map(),
    keyIndex: new Map(),
    layouts: new Map(),
    calculatedTags: new Map(),
    integrations: new Map(),
    eventStreams: new Map(),
  };
  ctx.domains.set(name, domain);
  return domainOutput({ domain });
};

/** GetDomain: the domain's settings and statistics. */
export const getDomain: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  let totalSize = 0;
  for (const object of domain.objects.values()) totalSize += Buffer.byteLength(object.json, 'utf8');
  return {
    ...domainOutput({ domain }),
    Stats: {
      ProfileCount: domain.profiles.size,
      MeteringProfileCount: domain.profiles.size,
      ObjectCount: domain.objects.size,
      TotalSize: totalSize,
    },
  };
};

/** DeleteDomain: removes the domain and everything in it. */
export const deleteDomain: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  ctx.domains.delete(domain.name);
  ctx.calculated.forgetDomain({ domain: domain.name });
  return { Message: `Domain ${domain.name} was deleted` };
};

/**
 * UpdateDomain: changes the members given and keeps the others. An empty DefaultEncryptionKey or DeadLetterQueueUrl
 * clears it (the model says so); Matching, RuleBasedMatching and DataStore replace the stored block; Tags are added
 * to the domain's tags as TagResource would (ASSUMPTIONS.md).
 */
export const updateDomain: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const defaultExpirationDays = input.optInt({ member: 'DefaultExpirationDays', ...EXPIRATION_DAYS });
  const defaultEncryptionKey = input.optStr({ member: 'DefaultEncryptionKey', ...RULES.encryptionKey });
  const deadLetterQueueUrl = input.optStr({ member: 'DeadLetterQueueUrl', min: 0, max: 255 });
  const matching = readConfig({ input, member: 'Matching' });
  const ruleBasedMatching = readConfig({ input, member: 'RuleBasedMatching' });
  const dataStore = readConfig({ input, member: 'DataStore' });
  const tags = readTags({ input });
  if (tags && new Map([...domain.tags, ...tags]).size > 50) {
    throw new BadRequestException(`A resource can hold at most 50 tags; this call would leave ${new Map([...domain.tags, ...tags]).size}`);
  }
  // Every check has passed: from here on the call changes state.
  if (defaultExpirationDays !== undefined) domain.defaultExpirationDays = defaultExpirationDays;
  if (defaultEncryptionKey !== undefined) domain.defaultEncryptionKey = defaultEncryptionKey === '' ? undefined : defaultEncryptionKey;
  if (deadLetterQueueUrl !== undefined) domain.deadLetterQueueUrl = deadLetterQueueUrl === '' ? undefined : deadLetterQueueUrl;
  if (matching) domain.matching = matching;
  if (ruleBasedMatching) domain.ruleBasedMatching = ruleBasedMatching;
  if (dataStore) domain.dataStore = dataStore;
  if (tags) domain.tags = new Map([...domain.tags, ...tags]);
  domain.lastUpdatedAt = stamp({ ctx, previous: domain.lastUpdatedAt });
  return domainOutput({ domain });
};

/** ListDomains: every domain, ordered by name (code-unit order). */
export const listDomains: Handler = ({ ctx, input }) => {
  const all = [...ctx.domains.values()].sort((a, b) => compareNames(a.name, b.name));
  const page = listPage({ ctx, input, operation: 'ListDomains', scopeParts: [], all });
  return {
    Items: page.items.map((domain) => ({
      DomainName: domain.name,
      CreatedAt: toDate(domain.createdAt),
      LastUpdatedAt: toDate(domain.lastUpdatedAt),
      Tags: tagsOutput({ tags: domain.tags }),
    })),
    NextToken: page.nextToken,
  };
};

/** Code-unit order of names: locale-independent, so every machine lists in the same order. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readConfig({ input, member }: { input: Parameters<Handler>[0]['input']; member: string }): Record<string, unknown> | undefined {
  const value = input.optObject({ member });
  if (value === undefined) return undefined;
  if (member !== 'DataStore' && typeof value.Enabled !== 'boolean') {
    throw new BadRequestException(`${member}.Enabled is required and must be a boolean`);
  }
  return cloneJson({ member, value }) as Record<string, unknown>;
}

function domainOutput({ domain }: { domain: DomainState }): OperationOutput {
  const ruleBased = domain.ruleBasedMatching
    ? { ...(cloneJson({ member: 'RuleBasedMatching', value: domain.ruleBasedMatching }) as Record<string, unknown>), Status: domain.ruleBasedMatching.Enabled ? 'ACTIVE' : 'PENDING' }
    : undefined;
  return {
    DomainName: domain.name,
    DefaultExpirationDays: domain.defaultExpirationDays,
    DefaultEncryptionKey: domain.defaultEncryptionKey,
    DeadLetterQueueUrl: domain.deadLetterQueueUrl,
    Matching: domain.matching ? cloneJson({ member: 'Matching', value: domain.matching }) : undefined,
    RuleBasedMatching: ruleBased,
    DataStore: domain.dataStore ? cloneJson({ member: 'DataStore', value: domain.dataStore }) : undefined,
    CreatedAt: toDate(domain.createdAt),
    LastUpdatedAt: toDate(domain.lastUpdatedAt),
    Tags: tagsOutput({ tags: domain.tags }),
  };
}
