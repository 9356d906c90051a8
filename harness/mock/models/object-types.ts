import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { listPage, readTags, requireDomain, stamp, toDate, type Handler } from './context.ts';
import { compareNames } from './domains.ts';
import { fieldsOutput, keysOutput, readFields, readKeys } from './mapping.ts';
import { reindexProfile, removeObject } from './profiles.ts';
import {
  EXPIRATION_DAYS, MAX_AVAILABLE_PROFILE_OBJECT_COUNT, RULES,
  type DomainState, type Mapping, type ObjectTypeState,
} from './state.ts';
import { tagsOutput } from './tags.ts';
import { builtInTemplates, type Template } from './templates.ts';
import type { OperationOutput } from './types.ts';

/** Members a TemplateId supplies; sending them with a TemplateId is a BadRequestException (model: PutProfileObjectType.TemplateId). */
const TEMPLATE_SUPPLIED = ['SourceLastUpdatedTimestampFormat', 'Fields', 'Keys'] as const;

/** PutProfileObjectType: creates or replaces an object type; CreatedAt and tags survive a replace. */
export const putProfileObjectType: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const name = input.str({ member: 'ObjectTypeName', ...RULES.typeName });
  const description = input.str({ member: 'Description', ...RULES.text });
  const templateId = input.optStr({ member: 'TemplateId', ...RULES.name });
  const expirationDays = input.optInt({ member: 'ExpirationDays', ...EXPIRATION_DAYS });
  const encryptionKey = input.optStr({ member: 'EncryptionKey', ...RULES.encryptionKey });
  const allowProfileCreation = input.optBool({ member: 'AllowProfileCreation' });
  const timestampFormat = input.optStr({ member: 'SourceLastUpdatedTimestampFormat', ...RULES.string1To255 });
  const maxProfileObjectCount = input.optInt({ member: 'MaxProfileObjectCount', min: 1 });
  const sourcePriority = input.optInt({ member: 'SourcePriority', min: 1 });
  const tags = readTags({ input });
  if (maxProfileObjectCount !== undefined && maxProfileObjectCount > MAX_AVAILABLE_PROFILE_OBJECT_COUNT) {
    throw new BadRequestException(
      `MaxProfileObjectCount must not exceed MaxAvailableProfileObjectCount (${MAX_AVAILABLE_PROFILE_OBJECT_COUNT}); saw ${maxProfileObjectCount}`,
    );
  }

  let mapping: Mapping;
  if (templateId !== undefined) {
    const clashes: string[] = TEMPLATE_SUPPLIED.filter((member) => input.raw({ member }) !== undefined && input.raw({ member }) !== null);
    // AllowProfileCreation false is the model's default, so only an explicit true clashes with the template.
    if (allowProfileCreation === true) clashes.unshift('AllowProfileCreation');
    if (clashes.length > 0) {
      throw new BadRequestException(`TemplateId ${templateId} supplies ${clashes.join(', ')}; leave them out when TemplateId is set`);
    }
    const template = findTemplate({ templateId });
    if (!template) throw new BadRequestException(`TemplateId ${templateId} is not a known template`);
    mapping = copyMapping(template);
  } else {
    const rawFields = input.raw({ member: 'Fields' });
    const fields = rawFields === undefined || rawFields === null ? new Map() : readFields({ value: rawFields });
    const rawKeys = input.raw({ member: 'Keys' });
    const keys = rawKeys === undefined || rawKeys === null ? new Map() : readKeys({ value: rawKeys, fields });
    mapping = { allowProfileCreation: allowProfileCreation ?? false, sourceLastUpdatedTimestampFormat: timestampFormat, fields, keys };
  }

  const previous = domain.objectTypes.get(name);
  const now = ctx.clock.now();
  const state: ObjectTypeState = {
    ...mapping,
    name,
    description,
    templateId,
    expirationDays: expirationDays ?? domain.defaultExpirationDays,
    encryptionKey,
    maxProfileObjectCount,
    sourcePriority,
    createdAt: previous?.createdAt ?? now,
    lastUpdatedAt: previous ? stamp({ ctx, previous: previous.lastUpdatedAt }) : now,
    // Tags are set on creation only; the model points to TagResource/UntagResource for existing types.
    tags: previous?.tags ?? tags ?? new Map(),
  };
  domain.objectTypes.set(name, state);
  return objectTypeOutput({ type: state });
};

/** GetProfileObjectType: the stored definition. */
export const getProfileObjectType: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  return objectTypeOutput({ type: requireObjectType({ domain, name: input.str({ member: 'ObjectTypeName', ...RULES.typeName }) }) });
};

/** ListProfileObjectTypes: summaries ordered by name. */
export const listProfileObjectTypes: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const all = [...domain.objectTypes.values()].sort((a, b) => compareNames(a.name, b.name));
  const page = listPage({ ctx, input, operation: 'ListProfileObjectTypes', scopeParts: [domain.name], all });
  return {
    Items: page.items.map((type) => ({
      ObjectTypeName: type.name,
      Description: type.description,
      CreatedAt: toDate(type.createdAt),
      LastUpdatedAt: toDate(type.lastUpdatedAt),
      MaxProfileObjectCount: type.maxProfileObjectCount,
      MaxAvailableProfileObjectCount: MAX_AVAILABLE_PROFILE_OBJECT_COUNT,
      SourcePriority: type.sourcePriority,
      Tags: tagsOutput({ tags: type.tags }),
    })),
    NextToken: page.nextToken,
  };
};

/**
 * DeleteProfileObjectType: removes the type, all its objects, and (as the model says) the profile fields it
 * populated; key values it stored on profiles go too.
 */
export const deleteProfileObjectType: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const type = requireObjectType({ domain, name: input.str({ member: 'ObjectTypeName', ...RULES.typeName }) });
  domain.objectTypes.delete(type.name);
  forgetObjectsOfType({ domain, typeName: type.name });
  ctx.calculated.forgetObjectType({ domain: domain.name, objectTypeName: type.name });
  return { Message: `Object type ${type.name} was deleted` };
};

/** GetProfileObjectTypeTemplate: one built-in template. */
export const getProfileObjectTypeTemplate: Handler = ({ input }) => {
  const templateId = input.str({ member: 'TemplateId', ...RULES.name });
  const template = findTemplate({ templateId });
  if (!template) throw new ResourceNotFoundException(`Template ${templateId} does not exist`);
  return {
    TemplateId: template.templateId,
    SourceName: template.sourceName,
    SourceObject: template.sourceObject,
    AllowProfileCreation: template.allowProfileCreation,
    SourceLastUpdatedTimestampFormat: template.sourceLastUpdatedTimestampFormat,
    Fields: fieldsOutput(template.fields),
    Keys: keysOutput(template.keys),
  };
};

/** ListProfileObjectTypeTemplates: the built-in templates ordered by TemplateId. */
export const listProfileObjectTypeTemplates: Handler = ({ ctx, input }) => {
  const page = listPage({ ctx, input, operation: 'ListProfileObjectTypeTemplates', scopeParts: [], all: builtInTemplates() });
  return {
    Items: page.items.map((t) => ({ TemplateId: t.templateId, SourceName: t.sourceName, SourceObject: t.sourceObject })),
    NextToken: page.nextToken,
  };
};

/** The object type named `name`, or ResourceNotFoundException. */
export function requireObjectType({ domain, name }: { domain: DomainState; name: string }): ObjectTypeState {
  const type = domain.objectTypes.get(name);
  if (!type) throw new ResourceNotFoundException(`Object type ${name} does not exist in domain ${domain.name}`);
  return type;
}

/**
 * The mapping PutProfileObject and ListProfileObjects use for `name`: the domain's object type, or else a
 * built-in template whose TemplateId equals the name (model: GetProfileObjectTypeTemplate documentation).
 */
export function mappingFor({ domain, name }: { domain: DomainState; name: string }): (Mapping & { maxProfileObjectCount?: number }) | undefined {
  return domain.objectTypes.get(name) ?? findTemplate({ templateId: name });
}

/** A built-in template by id. */
export function findTemplate({ templateId }: { templateId: string }): Template | undefined {
  return builtInTemplates().find((t) => t.templateId === templateId);
}

function copyMapping(source: Mapping): Mapping {
  return {
    allowProfileCreation: source.allowProfileCreation,
    sourceLastUpdatedTimestampFormat: source.sourceLastUpdatedTimestampFormat,
    fields: new Map([...source.fields].map(([k, v]) => [k, { ...v }])),
    keys: new Map([...source.keys].map(([k, v]) => [k, v.map((key) => ({ ...key }))])),
  };
}

/** Drops every object of a type, and the profile fields and key values the type wrote. */
function forgetObjectsOfType({ domain, typeName }: { domain: DomainState; typeName: string }): void {
  for (const [key, object] of [...domain.objects]) if (object.typeName === typeName) removeObject({ domain, key });
  for (const profile of domain.profiles.values()) {
    let changed = false;
    for (const [path, origin] of profile.origins) {
      if (origin !== typeName) continue;
      profile.fields.delete(path);
      profile.origins.delete(path);
      changed = true;
    }
    for (const [keyName, values] of profile.storedKeys) {
      for (const [value, origin] of values) {
        if (origin === typeName) {
          values.delete(value);
          changed = true;
        }
      }
      if (values.size === 0) profile.storedKeys.delete(keyName);
    }
    if (changed) reindexProfile({ domain, profile });
  }
}

function objectTypeOutput({ type }: { type: ObjectTypeState }): OperationOutput {
  return {
    ObjectTypeName: type.name,
    Description: type.description,
    TemplateId: type.templateId,
    ExpirationDays: type.expirationDays,
    EncryptionKey: type.encryptionKey,
    AllowProfileCreation: type.allowProfileCreation,
    SourceLastUpdatedTimestampFormat: type.sourceLastUpdatedTimestampFormat,
    MaxProfileObjectCount: type.maxProfileObjectCount,
    MaxAvailableProfileObjectCount: MAX_AVAILABLE_PROFILE_OBJECT_COUNT,
    SourcePriority: type.sourcePriority,
    Fields: fieldsOutput(type.fields),
    Keys: keysOutput(type.keys),
    CreatedAt: toDate(type.createdAt),
    LastUpdatedAt: toDate(type.lastUpdatedAt),
    Tags: tagsOutput({ tags: type.tags }),
  };
}
