import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { checkString, checkStringMap, cloneJson, isPlainObject, type InputReader } from './input.ts';
import { listPage, requireDomain, type Handler, type ServiceContext } from './context.ts';
import { requireObjectType } from './object-types.ts';
import {
  ADDRESS_FIELDS, ADDRESS_MEMBERS, PROFILE_ENUM_FIELDS, PROFILE_STRING_FIELDS, profilePathOf,
} from './profile-shape.ts';
import {
  addObject, profileOutput, reindexProfile, removeFromIndex, removeObject, requireProfile, searchableKeys,
} from './profiles.ts';
import { RULES, type DomainState, type ProfileState } from './state.ts';

/**
 * The profile operations real clients call beyond create, search and delete: UpdateProfile, AddProfileKey,
 * DeleteProfileKey, DeleteProfileObject, BatchGetProfile, MergeProfiles, GetMatches and ListProfileAttributeValues.
 * Choices the model leaves open are the mock's, each written down in ASSUMPTIONS.md ("Profile operations").
 */

/** Origin recorded for key values that AddProfileKey stored (no object type has an empty name). */
const ADDED_KEY_ORIGIN = '';

/** The FieldSourceProfileIds members that name one standard profile member each (Attributes is a map, read apart). */
const FIELD_SOURCE_MEMBERS: readonly string[] = [
  'AccountNumber', 'AdditionalInformation', 'PartyType', 'BusinessName', 'FirstName', 'MiddleName', 'LastName',
  'BirthDate', 'Gender', 'PhoneNumber', 'MobilePhoneNumber', 'HomePhoneNumber', 'BusinessPhoneNumber', 'EmailAddress',
  'PersonalEmailAddress', 'BusinessEmailAddress', 'Address', 'ShippingAddress', 'MailingAddress', 'BillingAddress',
  'ProfileType', 'EngagementPreferences',
];

/**
 * UpdateProfile: members left out keep their value; a string member given as "" removes the value (the model:
 * "specifying an empty string value means that any existing value will be removed"), address parts and attribute
 * values included; EngagementPreferences, when given, replaces the stored block.
 */
export const updateProfile: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const profile = requireProfile({ domain, profileId: input.str({ member: 'ProfileId', ...RULES.uuid }) });
  // path -> new value, or undefined to remove it. Everything is read (and checked) before anything changes.
  const changes = new Map<string, string | undefined>();
  for (const member of PROFILE_STRING_FIELDS) {
    const value = input.optStr({ member, min: 0, max: member === 'AdditionalInformation' ? 1000 : 255 });
    if (value !== undefined) changes.set(member, value === '' ? undefined : value);
  }
  for (const [member, values] of Object.entries(PROFILE_ENUM_FIELDS)) {
    const value = input.optEnum({ member, values });
    if (value !== undefined) changes.set(member, value);
  }
  for (const member of ADDRESS_FIELDS) {
    const address = input.optObject({ member });
    if (!address) continue;
    for (const part of ADDRESS_MEMBERS) {
      const raw = Object.hasOwn(address, part) ? address[part] : undefined;
      if (raw === undefined || raw === null) continue;
      const value = checkString({ member: `${member}.${part}`, value: raw, min: 0, max: 255 });
      changes.set(`${member}.${part}`, value === '' ? undefined : value);
    }
  }
  const attributes = input.optStringMap({ member: 'Attributes', key: RULES.string1To255, value: { min: 0, max: 255 } });
  for (const [name, value] of attributes ?? []) changes.set(`Attributes.${name}`, value === '' ? undefined : value);
  const preferences = input.optObject({ member: 'EngagementPreferences' });
  const preferencesCopy = preferences ? cloneJson({ member: 'EngagementPreferences', value: preferences }) : undefined;

  for (const [path, value] of changes) {
    if (value === undefined) profile.fields.delete(path);
    else profile.fields.set(path, value);
    // A value the caller set (or cleared) is no longer the object type's: deleting that type must not scrub it.
    profile.origins.delete(path);
  }
  if (preferencesCopy !== undefined) profile.engagementPreferences = preferencesCopy;
  reindexProfile({ domain, profile });
  return { ProfileId: profile.id };
};

/** AddProfileKey: stores key values on the profile so SearchProfiles and ingestion find it by them. */
export const addProfileKey: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const profile = requireProfile({ domain, profileId: input.str({ member: 'ProfileId', ...RULES.uuid }) });
  const keyName = input.str({ member: 'KeyName', ...RULES.name });
  const values = input.strList({ member: 'Values', item: RULES.string1To255 });
  requireKnownKey({ domain, keyName });
  const stored = profile.storedKeys.get(keyName) ?? new Map<string, string>();
  for (const value of values) if (!stored.has(value)) stored.set(value, ADDED_KEY_ORIGIN);
  if (stored.size > 0) profile.storedKeys.set(keyName, stored);
  reindexProfile({ domain, profile });
  return { KeyName: keyName, Values: values };
};

/**
 * DeleteProfileKey: removes stored key values from the profile (values it does not hold are ignored). Keys derived
 * from the profile's own members (`_email`, `_phone`, ...) follow those members and are changed with UpdateProfile.
 */
export const deleteProfileKey: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const profile = requireProfile({ domain, profileId: input.str({ member: 'ProfileId', ...RULES.uuid }) });
  const keyName = input.str({ member: 'KeyName', ...RULES.name });
  const values = input.strList({ member: 'Values', item: RULES.string1To255 });
  requireKnownKey({ domain, keyName });
  const stored = profile.storedKeys.get(keyName);
  for (const value of values) stored?.delete(value);
  if (stored && stored.size === 0) profile.storedKeys.delete(keyName);
  reindexProfile({ domain, profile });
  return { Message: `Removed ${values.length} value${values.length === 1 ? '' : 's'} of key ${keyName} from profile ${profile.id}` };
};

/**
 * DeleteProfileObject: removes one object of the profile; its calculated-attribute contributions go with it. What the
 * object wrote to the profile (members, key values) stays, as it was ingested.
 */
export const deleteProfileObject: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const profileId = input.str({ member: 'ProfileId', ...RULES.uuid });
  const key = input.str({ member: 'ProfileObjectUniqueKey', ...RULES.string1To255 });
  const typeName = input.str({ member: 'ObjectTypeName', ...RULES.typeName });
  requireObjectType({ domain, name: typeName });
  requireProfile({ domain, profileId });
  const object = domain.objects.get(key);
  if (!object || object.profileId !== profileId || object.typeName !== typeName) {
    throw new ResourceNotFoundException(`Profile ${profileId} holds no object of type ${typeName} with ProfileObjectUniqueKey ${key}`);
  }
  removeObject({ domain, key });
  ctx.calculated.remove({ domain: domain.name, profileId, objectTypeName: typeName, objectId: key });
  return { Message: `Object ${key} was deleted` };
};

/** BatchGetProfile: the profiles found, in request order (each id once), and one error entry per id not found. */
export const batchGetProfile: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const ids = [...new Set(input.strList({ member: 'ProfileIds', minItems: 1, maxItems: 20, item: RULES.uuid }))];
  const profiles: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const id of ids) {
    const profile = domain.profiles.get(id);
    if (profile) profiles.push(profileOutput({ profile }));
    else errors.push({ Code: 'ResourceNotFoundException', Message: `Profile ${id} does not exist in domain ${domain.name}`, ProfileId: id });
  }
  return { Profiles: profiles, Errors: errors };
};

/**
 * MergeProfiles, as the model describes it: the merged profiles' keys and objects move to the main profile and the
 * merged profiles are deleted. Standard members are unioned; where profiles conflict the main profile's value wins,
 * unless FieldSourceProfileIds names the profile to take it from ("even if it is a NULL value"). Calculated
 * attributes of the main profile then cover the moved objects, at their original ingestion times.
 */
export const mergeProfiles: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const main = requireProfile({ domain, profileId: input.str({ member: 'MainProfileId', ...RULES.uuid }) });
  const ids = [...new Set(input.strList({ member: 'ProfileIdsToBeMerged', minItems: 1, maxItems: 20, item: RULES.uuid }))];
  if (ids.includes(main.id)) throw new BadRequestException(`ProfileIdsToBeMerged must not hold the MainProfileId ${main.id}`);
  const merged = ids.map((profileId) => requireProfile({ domain, profileId }));
  const sources = readFieldSources({ input, allowed: new Set([main.id, ...ids]) });
  // Every check has passed: from here on the call changes state.
  const all = [main, ...merged];
  const byId = new Map(all.map((p) => [p.id, p]));
  const fields = new Map<string, string>();
  const origins = new Map<string, string>();
  const unitsById = new Map(all.map((p) => [p.id, unitsOf({ profile: p })]));
  const units = new Set([...unitsById.values()].flatMap((u) => [...u.keys()]));
  for (const unit of units) {
    const sourceId = unit.startsWith('Attributes.') ? sources.attributes.get(unit.slice('Attributes.'.length)) : sources.fields.get(unit);
    // A named source wins even when it has no value there (the unit is then left out); else the first that has one.
    const from = sourceId !== undefined ? byId.get(sourceId) : all.find((p) => unitsById.get(p.id)?.has(unit));
    if (!from) continue;
    for (const path of unitsById.get(from.id)?.get(unit) ?? []) {
      fields.set(path, from.fields.get(path) as string);
      const origin = from.origins.get(path);
      if (origin !== undefined) origins.set(path, origin);
    }
  }
  const preferencesId = sources.fields.get('EngagementPreferences');
  const preferencesFrom = preferencesId !== undefined ? byId.get(preferencesId) : all.find((p) => p.engagementPreferences !== undefined);
  const engagementPreferences = preferencesFrom?.engagementPreferences;

  for (const profile of merged) {
    for (const [keyName, values] of profile.storedKeys) {
      const target = main.storedKeys.get(keyName) ?? new Map<string, string>();
      for (const [value, origin] of values) if (!target.has(value)) target.set(value, origin);
      main.storedKeys.set(keyName, target);
    }
    moveObjects({ ctx, domain, from: profile, to: main });
    removeFromIndex({ domain, profile });
    domain.profiles.delete(profile.id);
    ctx.calculated.forgetProfile({ domain: domain.name, profileId: profile.id });
  }
  main.fields = fields;
  main.origins = origins;
  main.engagementPreferences = engagementPreferences;
  reindexProfile({ domain, profile: main });
  return { Message: `Merged ${merged.length} profile${merged.length === 1 ? '' : 's'} into ${main.id}` };
};

/**
 * GetMatches: identity resolution is not simulated, so there are never matches; the answer is empty and
 * well-formed, and paging parameters are still checked.
 */
export const getMatches: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const page = listPage({ ctx, input, operation: 'GetMatches', scopeParts: [domain.name], all: [] as unknown[] });
  return { Matches: [], PotentialMatches: 0, NextToken: page.nextToken };
};

/**
 * ListProfileAttributeValues: the distinct values the domain's profiles hold for one standard member, named as an
 * object type's `_profile.` target names it (`FirstName`, `Address.City`, `Attributes.tier`), in code-unit order.
 */
export const listProfileAttributeValues: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const attributeName = input.str({ member: 'AttributeName', ...RULES.string1To255 });
  const path = profilePathOf(`_profile.${attributeName}`);
  if (path === undefined) {
    throw new BadRequestException(`AttributeName ${attributeName} is not a member of the standard profile (for example FirstName, Address.City or Attributes.<name>)`);
  }
  const values = new Set<string>();
  for (const profile of domain.profiles.values()) {
    const value = profile.fields.get(path);
    if (value !== undefined) values.add(value);
  }
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { DomainName: domain.name, AttributeName: attributeName, Items: sorted.map((Value) => ({ Value })), StatusCode: 200 };
};

/** A key name SearchProfiles would accept, or a BadRequestException: a key nothing can search is of no use. */
function requireKnownKey({ domain, keyName }: { domain: DomainState; keyName: string }): void {
  if (!searchableKeys({ domain }).has(keyName)) {
    throw new BadRequestException(`KeyName ${keyName} is neither a predefined key nor a key of an object type in domain ${domain.name}`);
  }
}

/** The profile's members grouped as FieldSourceProfileIds names them: one unit per member, address or attribute. */
function unitsOf({ profile }: { profile: ProfileState }): Map<string, string[]> {
  const units = new Map<string, string[]>();
  for (const path of profile.fields.keys()) {
    const dot = path.indexOf('.');
    const unit = path.startsWith('Attributes.') || dot < 0 ? path : path.slice(0, dot);
    units.set(unit, [...(units.get(unit) ?? []), path]);
  }
  return units;
}

/** FieldSourceProfileIds: member -> profile id, and attribute name -> profile id; each id one of the merge's. */
function readFieldSources({ input, allowed }: { input: InputReader; allowed: ReadonlySet<string> }): { fields: Map<string, string>; attributes: Map<string, string> } {
  const fields = new Map<string, string>();
  const attributes = new Map<string, string>();
  const raw = input.optObject({ member: 'FieldSourceProfileIds' });
  if (!raw) return { fields, attributes };
  const check = (member: string, id: string) => {
    if (!allowed.has(id)) throw new BadRequestException(`FieldSourceProfileIds.${member} must be the MainProfileId or one of ProfileIdsToBeMerged; saw ${id}`);
    return id;
  };
  for (const member of FIELD_SOURCE_MEMBERS) {
    const value = Object.hasOwn(raw, member) ? raw[member] : undefined;
    if (value === undefined || value === null) continue;
    fields.set(member, check(member, checkString({ member: `FieldSourceProfileIds.${member}`, value, ...RULES.uuid })));
  }
  const map = Object.hasOwn(raw, 'Attributes') ? raw.Attributes : undefined;
  if (map !== undefined && map !== null) {
    if (!isPlainObject(map)) throw new BadRequestException('FieldSourceProfileIds.Attributes must be a map');
    const entries = checkStringMap({ member: 'FieldSourceProfileIds.Attributes', value: map, key: RULES.string1To255, entry: RULES.uuid });
    for (const [name, id] of entries) attributes.set(name, check(`Attributes.${name}`, id));
  }
  return { fields, attributes };
}

/** Moves every object of `from` to `to`, in the store and in the calculated attributes (same ingestion times). */
function moveObjects({ ctx, domain, from, to }: { ctx: ServiceContext; domain: DomainState; from: ProfileState; to: ProfileState }): void {
  for (const keys of [...(domain.objectsByProfile.get(from.id)?.values() ?? [])]) {
    for (const key of [...keys]) {
      const object = domain.objects.get(key);
      if (!object) continue;
      removeObject({ domain, key });
      addObject({ domain, object: { ...object, profileId: to.id } });
      ctx.calculated.remove({ domain: domain.name, profileId: from.id, objectTypeName: object.typeName, objectId: key });
      ctx.calculated.ingest({
        domain: domain.name, profileId: to.id, objectTypeName: object.typeName, objectId: key,
        object: structuredClone(object.parsed), ingestedAt: object.ingestedAt,
      });
    }
  }
}
