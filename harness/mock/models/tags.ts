import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { arnPrefix, readTags, type Handler, type ServiceContext } from './context.ts';
import { requireLayout } from './layouts.ts';
import { requireObjectType } from './object-types.ts';
import { RULES } from './state.ts';

/**
 * Tags by ARN. The mock issues ARNs of the form
 * `arn:aws:profile:<region>:<accountId>:domains/<DomainName>` with an optional suffix
 * `/object-types/<ObjectTypeName>`, `/calculated-attributes/<CalculatedAttributeName>` or
 * `/layouts/<LayoutDefinitionName>` (the model has no ARN member for these resources; the form follows the
 * service's IAM resource types and is the mock's assumption). An ARN of another region or account, or of a
 * resource that does not exist, is a ResourceNotFoundException.
 */

/** TagResource: adds or replaces tags; more than 50 in all is a BadRequestException. */
export const tagResource: Handler = ({ ctx, input }) => {
  const tags = resolveTags({ ctx, arn: readArn({ input }) });
  const add = readTags({ input, member: 'tags' });
  if (!add) throw new BadRequestException('tags is required');
  const merged = new Map([...tags.get(), ...add]);
  if (merged.size > 50) throw new BadRequestException(`A resource can hold at most 50 tags; this call would leave ${merged.size}`);
  tags.set(merged);
  return {};
};

/** UntagResource: removes the given keys (absent keys are ignored). */
export const untagResource: Handler = ({ ctx, input }) => {
  const tags = resolveTags({ ctx, arn: readArn({ input }) });
  const keys = input.strList({ member: 'tagKeys', minItems: 1, maxItems: 50, item: RULES.tagKey });
  const next = new Map(tags.get());
  for (const key of keys) next.delete(key);
  tags.set(next);
  return {};
};

/** ListTagsForResource: the resource's tags, `{}` when it has none (see tagsOutput). */
export const listTagsForResource: Handler = ({ ctx, input }) => {
  const tags = resolveTags({ ctx, arn: readArn({ input }) });
  return { tags: tagsOutput({ tags: tags.get() }) };
};

/**
 * A resource's tags as a response member: `{}` when it has none, as AWS's documented responses print it (register
 * entry D-TAGS-EMPTY-MAP; TagMap's minimum of one entry is a rule for requests, see docs/response-checks.md).
 */
export function tagsOutput({ tags }: { tags: ReadonlyMap<string, string> | undefined }): Record<string, string> {
  return Object.fromEntries(tags ?? []);
}

/** The ARN of a domain, or of a resource inside it. */
export function arnOf({ ctx, domain, kind, name }: { ctx: ServiceContext; domain: string; kind?: 'object-types' | 'calculated-attributes' | 'layouts'; name?: string }): string {
  return `${arnPrefix({ ctx })}domains/${domain}${kind && name !== undefined ? `/${kind}/${name}` : ''}`;
}

interface TagSlot {
  get(): Map<string, string>;
  set(tags: Map<string, string>): void;
}

function readArn({ input }: { input: Parameters<Handler>[0]['input'] }): string {
  const arn = input.str({ member: 'resourceArn', min: 1, max: 256 });
  if (!arn.startsWith('arn:')) throw new BadRequestException(`resourceArn must be an ARN (arn:...); saw ${JSON.stringify(arn)}`);
  return arn;
}

/** Finds the tag map an ARN addresses. */
function resolveTags({ ctx, arn }: { ctx: ServiceContext; arn: string }): TagSlot {
  const notFound = () => new ResourceNotFoundException(`No resource has the ARN ${arn}`);
  const prefix = arnPrefix({ ctx });
  if (!arn.startsWith(prefix)) throw notFound();
  const parts = arn.slice(prefix.length).split('/');
  if (parts[0] !== 'domains' || (parts.length !== 2 && parts.length !== 4)) throw notFound();
  const domain = ctx.domains.get(parts[1]);
  if (!domain) throw notFound();
  if (parts.length === 2) return slot(domain);
  const [, , kind, name] = parts;
  try {
    if (kind === 'object-types') return slot(requireObjectType({ domain, name }));
    if (kind === 'layouts') return slot(requireLayout({ domain, name }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) throw notFound();
    throw error;
  }
  if (kind === 'calculated-attributes' && ctx.calculatedExists({ domain: domain.name, name })) {
    return {
      get: () => domain.calculatedTags.get(name) ?? new Map(),
      set: (tags) => void domain.calculatedTags.set(name, tags),
    };
  }
  throw notFound();
}

function slot(holder: { tags: Map<string, string> }): TagSlot {
  return { get: () => holder.tags, set: (tags) => void (holder.tags = tags) };
}
