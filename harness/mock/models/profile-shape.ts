import { GENDERS, PARTY_TYPES, PROFILE_TYPES } from './state.ts';

/**
 * The standard profile's members (the model's `Profile` / `CreateProfileRequest`), and how object-type targets
 * `_profile.<path>` address them. Profiles are stored as flat paths so mapping and scrubbing stay simple.
 */

/** Plain string members of the standard profile. */
export const PROFILE_STRING_FIELDS = [
  'AccountNumber', 'AdditionalInformation', 'BusinessName', 'FirstName', 'MiddleName', 'LastName', 'BirthDate',
  'PhoneNumber', 'MobilePhoneNumber', 'HomePhoneNumber', 'BusinessPhoneNumber',
  'EmailAddress', 'PersonalEmailAddress', 'BusinessEmailAddress', 'PartyTypeString', 'GenderString',
] as const;

/** Enum members and their values. */
export const PROFILE_ENUM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  PartyType: PARTY_TYPES,
  Gender: GENDERS,
  ProfileType: PROFILE_TYPES,
};

/** Members of type `Address`. */
export const ADDRESS_FIELDS = ['Address', 'ShippingAddress', 'MailingAddress', 'BillingAddress'] as const;

/** Members of the `Address` structure. */
export const ADDRESS_MEMBERS = [
  'Address1', 'Address2', 'Address3', 'Address4', 'City', 'County', 'State', 'Province', 'Country', 'PostalCode',
] as const;

/** Members the built-in `_email` key reads. */
export const EMAIL_FIELDS = ['EmailAddress', 'PersonalEmailAddress', 'BusinessEmailAddress'] as const;
/** Members the built-in `_phone` key reads. */
export const PHONE_FIELDS = ['PhoneNumber', 'MobilePhoneNumber', 'HomePhoneNumber', 'BusinessPhoneNumber'] as const;

/**
 * The flat profile path a `_profile.<path>` target writes, or undefined when the path is not a standard profile
 * member (`_profile.FirstName` -> `FirstName`, `_profile.Address.City` -> `Address.City`,
 * `_profile.Attributes.tier` -> `Attributes.tier`).
 */
export function profilePathOf(target: string): string | undefined {
  if (!target.startsWith('_profile.')) return undefined;
  const path = target.slice('_profile.'.length);
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot + 1);
  if (dot < 0) {
    return (PROFILE_STRING_FIELDS as readonly string[]).includes(head) || Object.hasOwn(PROFILE_ENUM_FIELDS, head) ? head : undefined;
  }
  if ((ADDRESS_FIELDS as readonly string[]).includes(head)) return (ADDRESS_MEMBERS as readonly string[]).includes(rest) ? path : undefined;
  if (head === 'Attributes') return rest.length > 0 && rest.length <= 255 ? path : undefined;
  return undefined;
}

/** True when `value` may be written to the flat profile `path` (enum members take only their enum values). */
export function acceptsValue({ path, value }: { path: string; value: string }): boolean {
  if (value.length < 1) return false;
  const allowed = Object.hasOwn(PROFILE_ENUM_FIELDS, path) ? PROFILE_ENUM_FIELDS[path] : undefined;
  if (allowed) return allowed.includes(value);
  return value.length <= (path === 'AdditionalInformation' ? 1000 : 255);
}
