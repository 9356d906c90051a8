import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { checkString, checkStringList, cloneJson, isPlainObject, mapToRecord, type InputReader } from './input.ts';
import { listPage, requireDomain, type Handler, type ServiceContext } from './context.ts';
import { evaluateKeys, fieldValues, isLinking, sourceLastUpdatedAt, type EvaluatedKey } from './mapping.ts';
import { mappingFor } from './object-types.ts';
import {
  ADDRESS_FIELDS, ADDRESS_MEMBERS, EMAIL_FIELDS, PHONE_FIELDS, PROFILE_ENUM_FIELDS, PROFILE_STRING_FIELDS,
  acceptsValue, profilePathOf,
} from './profile-shape.ts';
import {
  LOGICAL_OPERATORS, MAX_AVAILABLE_PROFILE_OBJECT_COUNT, RULES,
  type DomainState, type ProfileState, type StoredObject,
} from './state.ts';
import type { OperationOutput } from './types.ts';

/**
 * Profiles and profile objects: CreateProfile, DeleteProfile, SearchProfiles, PutProfileObject and
 * ListProfileObjects. Profiles are found through a per-domain key index: the built-in keys derived from profile
 * fields (`_profileId`, `_email`, `_phone`, `_fullName`, `_account`) plus the key values ingested objects stored.
 */

/** Search keys the model documents as predefined (SearchProfilesRequest.KeyName). */
export const PREDEFINED_SEARCH_KEYS = [
  '_account', '_profileId', '_assetId', '_caseId', '_orderId', '_fullName', '_phone', '_email', '_ctrContactId',
  '_marketoLeadId', '_salesforceAccountId', '_salesforceContactId', '_salesforceAssetId', '_zendeskUserId',
  '_zendeskExternalId', '_zendeskTicketId', '_serviceNowSystemId', '_serviceNowIncidentId', '_segmentUserId',
  '_shopifyCustomerId', '_shopifyOrderId',
] as const;

/** CreateProfile: a new profile with a fresh 32-hex id. */
export const createProfile: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const fields = new Map<string, string>();
  for (const member of PROFILE_STRING_FIELDS) {
    const value = input.optStr({ member, min: 1, max: member === 'AdditionalInformation' ? 1000 : 255 });
    if (value !== undefined) fields.set(member, value);
  }
  for (const [member, values] of Object.entries(PROFILE_ENUM_FIELDS)) {
    const value = input.optEnum({ member, values });
    if (value !== undefined) fields.set(member, value);
  }
  for (const member of ADDRESS_FIELDS) {
    const address = input.optObject({ member });
    if (!address) continue;
    for (const part of ADDRESS_MEMBERS) {
      const raw = Object.hasOwn(address, part) ? address[part] : undefined;
      if (raw === undefined || raw === null) continue;
      fields.set(`${member}.${part}`, checkString({ member: `${member}.${part}`, value: raw, ...RULES.string1To255 }));
    }
  }
  const attributes = input.optStringMap({ member: 'Attributes', key: RULES.string1To255, value: RULES.string1To255 });
  for (const [name, value] of attributes ?? []) fields.set(`Attributes.${name}`, value);
  const preferences = input.optObject({ member: 'EngagementPreferences' });
  const profile = newProfile({ ctx, domain, fields });
  if (preferences) profile.engagementPreferences = cloneJson({ member: 'EngagementPreferences', value: preferences });
  return { ProfileId: profile.id };
};

/** DeleteProfile: removes the profile and all its objects. */
export const deleteProfile: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const profile = requireProfile({ domain, profileId: input.str({ member: 'ProfileId', ...RULES.uuid }) });
  removeFromIndex({ domain, profile });
  domain.profiles.delete(profile.id);
  for (const keys of [...(domain.objectsByProfile.get(profile.id)?.values() ?? [])]) {
    for (const key of [...keys]) removeObject({ domain, key });
  }
  ctx.calculated.forgetProfile({ domain: domain.name, profileId: profile.id });
  return { Message: `Profile ${profile.id} was deleted` };
};

/** SearchProfiles: profiles matching the key criteria (OR by default), in creation order. */
export const searchProfiles: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const criteria: Array<{ KeyName: string; Values: string[] }> = [
    { KeyName: input.str({ member: 'KeyName', ...RULES.name }), Values: input.strList({ member: 'Values', minItems: 1, item: RULES.string1To255 }) },
  ];
  const additional = input.optObjectList({ member: 'AdditionalSearchKeys', minItems: 1, maxItems: 4 });
  for (const [i, raw] of (additional ?? []).entries()) {
    criteria.push({
      KeyName: checkString({ member: `AdditionalSearchKeys[${i}].KeyName`, value: raw.KeyName, ...RULES.name }),
      Values: checkStringList({ member: `AdditionalSearchKeys[${i}].Values`, value: raw.Values, minItems: 1, item: RULES.string1To255 }),
    });
  }
  const operator = input.optEnum({ member: 'LogicalOperator', values: LOGICAL_OPERATORS }) ?? 'OR';
  const known = searchableKeys({ domain });
  for (const { KeyName } of criteria) {
    if (!known.has(KeyName)) throw new BadRequestException(`KeyName ${KeyName} is neither a predefined search key nor a key of an object type in domain ${domain.name}`);
  }
  const matches = criteria.map(({ KeyName, Values }) => {
    const byProfile = new Map<string, string[]>();
    for (const value of Values) {
      for (const id of lookup({ domain, keyName: KeyName, value })) byProfile.set(id, [...(byProfile.get(id) ?? []), value]);
    }
    return byProfile;
  });
  const found: Array<{ profile: ProfileState; by: Array<{ KeyName: string; Values: string[] }> }> = [];
  for (const profile of domain.profiles.values()) {
    const hits = criteria.map((c, i) => ({ c, values: matches[i].get(profile.id) }));
    const ok = operator === 'AND' ? hits.every((h) => h.values) : hits.some((h) => h.values);
    if (!ok) continue;
    const by = operator === 'AND'
      ? criteria.map((c) => ({ KeyName: c.KeyName, Values: [...c.Values] }))
      : hits.filter((h) => h.values).map((h) => ({ KeyName: h.c.KeyName, Values: h.values as string[] }));
    found.push({ profile, by });
  }
  const page = listPage({ ctx, input, operation: 'SearchProfiles', scopeParts: [domain.name, criteria, operator], all: found });
  return {
    Items: page.items.map(({ profile, by }) => ({
      ...profileOutput({ profile }),
      // The model documents FoundByItems for searches with AdditionalSearchKeys; plain searches leave it out.
      FoundByItems: additional ? by : undefined,
    })),
    NextToken: page.nextToken,
  };
};

/**
 * PutProfileObject: stores one object of a type, attached to the profile its keys find (creating one when the
 * type allows it). A UNIQUE key value already stored replaces the earlier object.
 */
export const putProfileObject: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const typeName = input.str({ member: 'ObjectTypeName', ...RULES.typeName });
  const json = input.str({ member: 'Object', ...RULES.stringifiedJson });
  const mapping = mappingFor({ domain, name: typeName });
  if (!mapping) throw new ResourceNotFoundException(`Object type ${typeName} does not exist in domain ${domain.name}`);
  const object = parseObject({ json, member: 'Object' });
  const values = fieldValues({ fields: mapping.fields, object });
  const keys = evaluateKeys({ keys: mapping.keys, values });

  const uniqueDeclared = [...mapping.keys.values()].some((list) => list.some((k) => k.StandardIdentifiers?.includes('UNIQUE')));
  const uniqueKey = keys.find((k) => k.identifiers.includes('UNIQUE'));
  if (uniqueDeclared && !uniqueKey) throw new BadRequestException(`Object has no value for the UNIQUE key of object type ${typeName}`);
  const replacedKey = uniqueKey ? domain.uniqueIndex.get(`${typeName}\0${uniqueKey.value}`) : undefined;
  const replaced = replacedKey === undefined ? undefined : domain.objects.get(replacedKey);
  // A record older in its source than the stored version of the same UNIQUE value leaves it in place (ASSUMPTIONS.md).
  const sourceTime = sourceLastUpdatedAt({ mapping, object, referenceMs: ctx.clock.now() });
  if (replaced?.sourceLastUpdatedAt !== undefined && sourceTime !== undefined && sourceTime < replaced.sourceLastUpdatedAt) {
    return { ProfileObjectUniqueKey: replaced.key };
  }

  let profile = matchProfile({ domain, keys });
  if (!profile && replaced) profile = domain.profiles.get(replaced.profileId);
  const created = !profile;
  if (!profile && !mapping.allowProfileCreation) {
    // The admin guide: without AllowProfileCreation an object no profile matches is accepted and written to the
    // domain's dead-letter queue. The mock has no queue, so the object is acknowledged and attached to nothing.
    return { ProfileObjectUniqueKey: objectKeyOf({ ctx, domain, typeName, uniqueValue: uniqueKey?.value }) };
  }
  const limit = mapping.maxProfileObjectCount ?? MAX_AVAILABLE_PROFILE_OBJECT_COUNT;
  if (profile) {
    const held = objectKeysOf({ domain, profileId: profile.id, typeName });
    const count = held.size - (replacedKey !== undefined && held.has(replacedKey) ? 1 : 0);
    if (count >= limit) {
      throw new BadRequestException(`Profile ${profile.id} already holds ${count} objects of type ${typeName}, the MaxProfileObjectCount`);
    }
  }
  // Every check has passed: from here on the call changes state.
  const now = ctx.clock.now();
  if (!profile) profile = newProfile({ ctx, domain, fields: new Map() });
  for (const [name, field] of mapping.fields) {
    const path = field.Target ? profilePathOf(field.Target) : undefined;
    const value = values.get(name);
    if (path === undefined || value === undefined || !acceptsValue({ path, value })) continue;
    profile.fields.set(path, value);
    profile.origins.set(path, typeName);
  }
  // Every key is searchable (admin guide: a key is an identifier to search the profiles objects belong to), linking
  // or not, except LOOKUP_ONLY keys and NEW_ONLY keys of a profile that existed before (model).
  for (const key of keys) {
    if (key.identifiers.includes('LOOKUP_ONLY')) continue;
    if (key.identifiers.includes('NEW_ONLY') && !created) continue;
    const stored = profile.storedKeys.get(key.name) ?? new Map<string, string>();
    stored.set(key.value, typeName);
    profile.storedKeys.set(key.name, stored);
  }
  reindexProfile({ domain, profile });

  if (replaced) {
    removeObject({ domain, key: replaced.key });
    ctx.calculated.remove({ domain: domain.name, profileId: replaced.profileId, objectTypeName: typeName, objectId: replaced.key });
  }
  const objectKey = objectKeyOf({ ctx, domain, typeName, uniqueValue: uniqueKey?.value });
  const keyValues = new Map<string, Set<string>>();
  for (const key of keys) keyValues.set(key.name, new Set([...(keyValues.get(key.name) ?? []), key.value]));
  const stored: StoredObject = {
    key: objectKey, typeName, profileId: profile.id, json, parsed: object, ingestedAt: now,
    uniqueValue: uniqueKey?.value, sourceLastUpdatedAt: sourceTime, keyValues,
  };
  addObject({ domain, object: stored });
  ctx.calculated.ingest({
    domain: domain.name, profileId: profile.id, objectTypeName: typeName, objectId: objectKey,
    object: structuredClone(object), ingestedAt: now,
  });
  return { ProfileObjectUniqueKey: objectKey };
};

/** ListProfileObjects: the profile's objects of one type, in ingestion order, optionally filtered by a key. */
export const listProfileObjects: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const typeName = input.str({ member: 'ObjectTypeName', ...RULES.typeName });
  const profileId = input.str({ member: 'ProfileId', ...RULES.uuid });
  const filter = readObjectFilter({ input });
  const mapping = mappingFor({ domain, name: typeName });
  if (!mapping) throw new ResourceNotFoundException(`Object type ${typeName} does not exist in domain ${domain.name}`);
  requireProfile({ domain, profileId });
  if (filter && !mapping.keys.has(filter.KeyName)) {
    throw new BadRequestException(`ObjectFilter.KeyName ${filter.KeyName} is not a key of object type ${typeName}`);
  }
  const all = [...objectKeysOf({ domain, profileId, typeName })]
    .map((key) => domain.objects.get(key) as StoredObject)
    .filter((o) => {
      if (!filter) return true;
      const have = o.keyValues.get(filter.KeyName);
      return filter.Values.some((v) => have?.has(v));
    });
  const page = listPage({ ctx, input, operation: 'ListProfileObjects', scopeParts: [domain.name, typeName, profileId, filter ?? null], all });
  return {
    Items: page.items.map((o) => ({ ObjectTypeName: o.typeName, ProfileObjectUniqueKey: o.key, Object: o.json })),
    NextToken: page.nextToken,
  };
};

/** The ProfileObjectUniqueKey of an object: stable per UNIQUE value, else fresh. */
function objectKeyOf({ ctx, domain, typeName, uniqueValue }: { ctx: ServiceContext; domain: DomainState; typeName: string; uniqueValue?: string }): string {
  return uniqueValue !== undefined
    ? ctx.ids.stable({ parts: ['object', domain.name, typeName, uniqueValue] })
    : ctx.ids.stable({ parts: ['object', domain.name, typeName, ctx.ids.hex32({ kind: 'object' })] });
}

/** Stores an object in the domain and its indexes. */
export function addObject({ domain, object }: { domain: DomainState; object: StoredObject }): void {
  domain.objects.set(object.key, object);
  if (object.uniqueValue !== undefined) domain.uniqueIndex.set(`${object.typeName}\0${object.uniqueValue}`, object.key);
  let byType = domain.objectsByProfile.get(object.profileId);
  if (!byType) domain.objectsByProfile.set(object.profileId, (byType = new Map()));
  let keys = byType.get(object.typeName);
  if (!keys) byType.set(object.typeName, (keys = new Set()));
  keys.add(object.key);
}

/** Removes an object from the domain and its indexes (no-op for an unknown key). */
export function removeObject({ domain, key }: { domain: DomainState; key: string }): void {
  const object = domain.objects.get(key);
  if (!object) return;
  domain.objects.delete(key);
  if (object.uniqueValue !== undefined && domain.uniqueIndex.get(`${object.typeName}\0${object.uniqueValue}`) === key) {
    domain.uniqueIndex.delete(`${object.typeName}\0${object.uniqueValue}`);
  }
  const byType = domain.objectsByProfile.get(object.profileId);
  const keys = byType?.get(object.typeName);
  if (!byType || !keys) return;
  keys.delete(key);
  if (keys.size === 0) byType.delete(object.typeName);
  if (byType.size === 0) domain.objectsByProfile.delete(object.profileId);
}

/** Keys of a profile's objects of one type, in ingestion order. */
function objectKeysOf({ domain, profileId, typeName }: { domain: DomainState; profileId: string; typeName: string }): ReadonlySet<string> {
  return domain.objectsByProfile.get(profileId)?.get(typeName) ?? new Set();
}

/** The profile with `profileId`, or ResourceNotFoundException. */
export function requireProfile({ domain, profileId }: { domain: DomainState; profileId: string }): ProfileState {
  const profile = domain.profiles.get(profileId);
  if (!profile) throw new ResourceNotFoundException(`Profile ${profileId} does not exist in domain ${domain.name}`);
  return profile;
}

/** Rebuilds the profile's entries in the domain's key index after its fields or stored keys changed. */
export function reindexProfile({ domain, profile }: { domain: DomainState; profile: ProfileState }): void {
  removeFromIndex({ domain, profile });
  const entries: Array<[string, string]> = [['_profileId', profile.id]];
  for (const f of EMAIL_FIELDS) if (profile.fields.has(f)) entries.push(['_email', profile.fields.get(f) as string]);
  for (const f of PHONE_FIELDS) if (profile.fields.has(f)) entries.push(['_phone', profile.fields.get(f) as string]);
  const fullName = ['FirstName', 'MiddleName', 'LastName'].map((f) => profile.fields.get(f)).filter((v) => v !== undefined).join(' ');
  if (fullName) entries.push(['_fullName', fullName]);
  if (profile.fields.has('AccountNumber')) entries.push(['_account', profile.fields.get('AccountNumber') as string]);
  for (const [keyName, values] of profile.storedKeys) for (const value of values.keys()) entries.push([keyName, value]);
  profile.indexed = [];
  for (const [keyName, raw] of entries) {
    const value = normalizeKeyValue({ keyName, value: raw });
    let byValue = domain.keyIndex.get(keyName);
    if (!byValue) domain.keyIndex.set(keyName, (byValue = new Map()));
    let ids = byValue.get(value);
    if (!ids) byValue.set(value, (ids = new Set()));
    ids.add(profile.id);
    profile.indexed.push([keyName, value]);
  }
}

/**
 * How key values compare (the mock's rule; the model only says ContentType is "used for determining equality"):
 * `_email` ignores case and surrounding spaces, `_phone` ignores spaces, dashes, dots and parentheses,
 * `_fullName` ignores case and repeated spaces; every other key compares exactly.
 */
export function normalizeKeyValue({ keyName, value }: { keyName: string; value: string }): string {
  if (keyName === '_email') return value.trim().toLowerCase();
  if (keyName === '_phone') return value.replace(/[\s\-.()]/g, '');
  if (keyName === '_fullName') return value.trim().replace(/\s+/g, ' ').toLowerCase();
  return value;
}

/** The standard profile as the output shape (members with values only). */
export function profileOutput({ profile }: { profile: ProfileState }): OperationOutput {
  const out: Record<string, unknown> = { ProfileId: profile.id };
  for (const member of [...PROFILE_STRING_FIELDS, ...Object.keys(PROFILE_ENUM_FIELDS)]) {
    if (profile.fields.has(member)) out[member] = profile.fields.get(member);
  }
  for (const member of ADDRESS_FIELDS) {
    const address = new Map<string, string>();
    for (const part of ADDRESS_MEMBERS) {
      const value = profile.fields.get(`${member}.${part}`);
      if (value !== undefined) address.set(part, value);
    }
    if (address.size > 0) out[member] = Object.fromEntries(address);
  }
  const attributes = new Map<string, string>();
  for (const [path, value] of profile.fields) if (path.startsWith('Attributes.')) attributes.set(path.slice('Attributes.'.length), value);
  out.Attributes = mapToRecord(attributes);
  if (profile.engagementPreferences !== undefined) out.EngagementPreferences = structuredClone(profile.engagementPreferences);
  return out;
}

/** Parses a JSON object string; anything else is a BadRequestException naming `member`. */
export function parseObject({ json, member }: { json: string; member: string }): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new BadRequestException(`${member} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw new BadRequestException(`${member} must be a JSON object, not ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
  return parsed;
}

function newProfile({ ctx, domain, fields }: { ctx: ServiceContext; domain: DomainState; fields: Map<string, string> }): ProfileState {
  domain.profileSeq += 1;
  const profile: ProfileState = {
    id: ctx.ids.hex32({ kind: 'profile' }),
    seq: domain.profileSeq,
    createdAt: ctx.clock.now(),
    fields,
    origins: new Map(),
    storedKeys: new Map(),
    indexed: [],
  };
  domain.profiles.set(profile.id, profile);
  reindexProfile({ domain, profile });
  return profile;
}

/** Removes the profile's entries from the domain's key index (before the profile is deleted or re-indexed). */
export function removeFromIndex({ domain, profile }: { domain: DomainState; profile: ProfileState }): void {
  for (const [keyName, value] of profile.indexed) {
    const byValue = domain.keyIndex.get(keyName);
    const ids = byValue?.get(value);
    if (!byValue || !ids) continue;
    ids.delete(profile.id);
    if (ids.size === 0) byValue.delete(value);
    if (byValue.size === 0) domain.keyIndex.delete(keyName);
  }
  profile.indexed = [];
}

function lookup({ domain, keyName, value }: { domain: DomainState; keyName: string; value: string }): Set<string> {
  return domain.keyIndex.get(keyName)?.get(normalizeKeyValue({ keyName, value })) ?? new Set();
}

/**
 * The profile an object's keys find. Linking keys are tried in declaration order, SECONDARY keys after all
 * others; the first key that finds exactly one profile wins. A key finding several profiles is ambiguous and
 * skipped, as the admin guide's profile-matching page says ("that key is discarded and the next is tried").
 */
function matchProfile({ domain, keys }: { domain: DomainState; keys: EvaluatedKey[] }): ProfileState | undefined {
  const linking = keys.filter(isLinking);
  const ordered = [...linking.filter((k) => !k.identifiers.includes('SECONDARY')), ...linking.filter((k) => k.identifiers.includes('SECONDARY'))];
  for (const key of ordered) {
    const ids = [...lookup({ domain, keyName: key.name, value: key.value })];
    if (ids.length !== 1) continue;
    const profile = domain.profiles.get(ids[0]);
    if (profile) return profile;
  }
  return undefined;
}

/** Key names SearchProfiles accepts in the domain: the predefined ones, the object types' keys and any stored key. */
export function searchableKeys({ domain }: { domain: DomainState }): Set<string> {
  const names = new Set<string>(PREDEFINED_SEARCH_KEYS);
  for (const type of domain.objectTypes.values()) for (const name of type.keys.keys()) names.add(name);
  for (const name of domain.keyIndex.keys()) names.add(name);
  return names;
}

function readObjectFilter({ input }: { input: InputReader }): { KeyName: string; Values: string[] } | undefined {
  const raw = input.optObject({ member: 'ObjectFilter' });
  if (!raw) return undefined;
  return {
    KeyName: checkString({ member: 'ObjectFilter.KeyName', value: raw.KeyName, ...RULES.name }),
    Values: checkStringList({ member: 'ObjectFilter.Values', value: raw.Values, minItems: 1, item: RULES.string1To255 }),
  };
}
